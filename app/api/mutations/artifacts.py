"""Artifact mutations as the wandb client sends them (PROTOCOL.md §3.5, §3.6): saving (core),
using, linking, aliases, changes and deletes (public API). One transaction each; blobs freed by a
delete lose their bytes only after that transaction committed."""

from __future__ import annotations

import enum
import json
from typing import Any

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.execution import plain_input
from app.api.pagination import PageInfo
from app.api.permissions import CanLogRuns
from app.api.scalars import Int64, JSONString
from app.api.types.artifact import (
    Artifact,
    ArtifactCollection,
    ArtifactCollectionMembership,
    ArtifactDigestAlgorithm,
    ArtifactFileConnection,
    ArtifactFileEdge,
    ArtifactManifest,
    ArtifactType,
    Tag,
    UploadMultipartUrls,
    UploadUrlPart,
    collection_type,
    part_upload_url,
    upload_url,
)
from app.api.types.file import File
from app.db import tables
from app.domain import artifact_blobs, artifact_changes, artifact_saving, artifact_uploads
from app.domain.errors import BadInput


@strawberry.enum
class ArtifactManifestType(enum.Enum):
    FULL = "FULL"
    INCREMENTAL = "INCREMENTAL"
    PATCH = "PATCH"


@strawberry.enum
class ArtifactStorageLayout(enum.Enum):
    V1 = "V1"
    V2 = "V2"


@strawberry.enum
class CompleteMultipartAction(enum.Enum):
    Complete = "Complete"
    Abort = "Abort"


@strawberry.input
class ArtifactAliasInput:
    alias: str
    artifact_collection_name: str


@strawberry.input
class ArtifactCollectionAliasInput:
    alias: str
    artifact_collection_name: str
    entity_name: str | None = None
    project_name: str | None = None


@strawberry.input
class TagInput:
    tag_name: str
    tag_category_name: str | None = None
    attributes: str | None = None


def _artifact_pk(global_id: str | None, field: str = "artifactID") -> int:
    if not global_id:
        raise BadInput(f"{field} is required")
    return ids.decode_as(global_id, "Artifact")


def _parts(parts: list["UploadPartsInput"] | None) -> list[artifact_uploads.Part]:
    return [artifact_uploads.Part(int(p.part_number), p.hex_md5) for p in parts or []]


def _labels(value: str | None, tags: list[TagInput] | None) -> list[str] | None:
    names = [t.tag_name for t in tags or []]
    if value:
        try:
            parsed = json.loads(value)
        except ValueError:
            raise BadInput("labels is not valid JSON") from None
        if isinstance(parsed, list):
            names += [str(v) for v in parsed]
    return names or None


# --- saving ----------------------------------------------------------------------------------------


@strawberry.input
class CreateArtifactTypeInput:
    entity_name: str
    project_name: str
    name: str
    description: str | None = None
    client_mutation_id: str | None = None


@strawberry.type
class CreateArtifactTypePayload:
    artifact_type: ArtifactType
    client_mutation_id: str | None = None


@strawberry.input
class CreateArtifactInput:
    entity_name: str
    project_name: str
    artifact_type_name: str
    digest: str
    run_name: str | None = None
    artifact_collection_name: str | None = None
    artifact_collection_names: list[str] | None = None
    aliases: list[ArtifactAliasInput] | None = None
    description: str | None = None
    metadata: JSONString | None = None
    digest_algorithm: ArtifactDigestAlgorithm | None = None
    client_id: strawberry.ID | None = strawberry.field(default=None, name="clientID")
    sequence_client_id: strawberry.ID | None = strawberry.field(default=None, name="sequenceClientID")
    enable_digest_deduplication: bool | None = None
    history_step: Int64 | None = None
    labels: JSONString | None = None
    tags: list[TagInput] | None = None
    ttl_duration_seconds: Int64 | None = None
    storage_region: str | None = None
    distributed_id: str | None = strawberry.field(default=None, name="distributedID")
    client_mutation_id: str | None = None


@strawberry.type
class CreateArtifactPayload:
    artifact: Artifact
    client_mutation_id: str | None = None


@strawberry.input
class CreateArtifactManifestInput:
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    name: str
    digest: str
    entity_name: str
    project_name: str
    run_name: str | None = None
    base_artifact_id: strawberry.ID | None = strawberry.field(default=None, name="baseArtifactID")
    type: ArtifactManifestType | None = ArtifactManifestType.FULL
    include_upload: bool | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateArtifactManifestInput:
    artifact_manifest_id: strawberry.ID = strawberry.field(name="artifactManifestID")
    digest: str | None = None
    base_artifact_id: strawberry.ID | None = strawberry.field(default=None, name="baseArtifactID")
    include_upload: bool | None = None
    client_mutation_id: str | None = None


@strawberry.type
class ArtifactManifestPayload:
    artifact_manifest: ArtifactManifest
    client_mutation_id: str | None = None


@strawberry.input
class UploadPartsInput:
    part_number: Int64
    hex_md5: str = strawberry.field(name="hexMD5")


@plain_input  # 10,000 of these in one call: built in one step (graphql-core has checked them)
@strawberry.input
class CreateArtifactFileSpecInput:
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    name: str
    md5: str
    artifact_manifest_id: strawberry.ID | None = strawberry.field(default=None, name="artifactManifestID")
    mimetype: str | None = None
    upload_parts_input: list[UploadPartsInput] | None = None


@strawberry.input
class CreateArtifactFilesInput:
    artifact_files: list[CreateArtifactFileSpecInput]
    storage_layout: ArtifactStorageLayout | None = ArtifactStorageLayout.V2
    cloud_region_id: str | None = strawberry.field(default=None, name="cloudRegionID")
    client_mutation_id: str | None = None


@strawberry.type
class CreateArtifactFilesPayload:
    files: ArtifactFileConnection
    client_mutation_id: str | None = None


@strawberry.input
class CompleteMultipartUploadArtifactInput:
    complete_multipart_action: CompleteMultipartAction
    completed_parts: list[UploadPartsInput]
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    storage_path: str
    upload_id: str = strawberry.field(name="uploadID")
    client_mutation_id: str | None = None


@strawberry.type
class CompleteMultipartUploadArtifactPayload:
    digest: str | None
    client_mutation_id: str | None = None


@strawberry.input
class CommitArtifactInput:
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    client_mutation_id: str | None = None


@strawberry.type
class CommitArtifactPayload:
    artifact: Artifact
    client_mutation_id: str | None = None


# --- using, linking, changing ----------------------------------------------------------------------


@strawberry.input
class UseArtifactInput:
    entity_name: str
    project_name: str
    run_name: str
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    used_as: str | None = None
    artifact_entity_name: str | None = None
    artifact_project_name: str | None = None
    client_mutation_id: str | None = None


@strawberry.type
class UseArtifactPayload:
    artifact: Artifact
    client_mutation_id: str | None = None


@strawberry.input
class LinkArtifactInput:
    artifact_id: strawberry.ID | None = strawberry.field(default=None, name="artifactID")
    client_id: strawberry.ID | None = strawberry.field(default=None, name="clientID")
    artifact_portfolio_id: strawberry.ID | None = strawberry.field(default=None, name="artifactPortfolioID")
    artifact_portfolio_name: str | None = None
    entity_name: str | None = None
    project_name: str | None = None
    aliases: list[ArtifactAliasInput] | None = None
    client_mutation_id: str | None = None


@strawberry.type
class LinkArtifactPayload:
    version_index: int | None
    artifact_membership: ArtifactCollectionMembership | None
    client_mutation_id: str | None = None


@strawberry.input
class UnlinkArtifactInput:
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    artifact_portfolio_id: strawberry.ID = strawberry.field(name="artifactPortfolioID")
    client_mutation_id: str | None = None


@strawberry.type
class SuccessPayload:
    success: bool
    client_mutation_id: str | None = None


@strawberry.input
class AddAliasesInput:
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    aliases: list[ArtifactCollectionAliasInput]
    client_mutation_id: str | None = None


@strawberry.input
class DeleteAliasesInput:
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    aliases: list[ArtifactCollectionAliasInput]
    client_mutation_id: str | None = None


@strawberry.input
class UpdateArtifactInput:
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    description: str | None = None
    metadata: JSONString | None = None
    ttl_duration_seconds: Int64 | None = None
    aliases: list[ArtifactAliasInput] | None = None
    tags_to_add: list[TagInput] | None = None
    tags_to_delete: list[TagInput] | None = None
    labels: JSONString | None = None
    client_mutation_id: str | None = None


@strawberry.type
class UpdateArtifactPayload:
    artifact: Artifact
    client_mutation_id: str | None = None


@strawberry.input
class DeleteArtifactInput:
    artifact_id: strawberry.ID = strawberry.field(name="artifactID")
    delete_aliases: bool | None = False
    client_mutation_id: str | None = None


@strawberry.type
class DeleteArtifactPayload:
    artifact: Artifact
    bytes_freed: Int64 = strawberry.field(description="Bytes of stored content nothing references any more.")
    client_mutation_id: str | None = None


@strawberry.input
class UpdateArtifactSequenceInput:
    artifact_sequence_id: strawberry.ID = strawberry.field(name="artifactSequenceID")
    name: str | None = None
    description: str | None = None
    client_mutation_id: str | None = None


@strawberry.input
class UpdateArtifactPortfolioInput:
    artifact_portfolio_id: strawberry.ID = strawberry.field(name="artifactPortfolioID")
    name: str | None = None
    description: str | None = None
    client_mutation_id: str | None = None


@strawberry.input
class MoveArtifactSequenceInput:
    artifact_sequence_id: strawberry.ID = strawberry.field(name="artifactSequenceID")
    destination_artifact_type_name: str
    client_mutation_id: str | None = None


@strawberry.input
class DeleteArtifactSequenceInput:
    artifact_sequence_id: strawberry.ID = strawberry.field(name="artifactSequenceID")
    client_mutation_id: str | None = None


@strawberry.input
class DeleteArtifactPortfolioInput:
    artifact_portfolio_id: strawberry.ID = strawberry.field(name="artifactPortfolioID")
    client_mutation_id: str | None = None


@strawberry.type
class ArtifactCollectionPayload:
    artifact_collection: ArtifactCollection
    bytes_freed: Int64 | None = None
    client_mutation_id: str | None = None


@strawberry.input
class CreateArtifactCollectionTagAssignmentsInput:
    entity_name: str
    project_name: str
    artifact_collection_name: str
    tags: list[TagInput]
    client_mutation_id: str | None = strawberry.field(default=None, name="clientMutationID")


@strawberry.input
class DeleteArtifactCollectionTagAssignmentsInput:
    entity_name: str
    project_name: str
    artifact_collection_name: str
    tags: list[TagInput]
    client_mutation_id: str | None = strawberry.field(default=None, name="clientMutationID")


@strawberry.type
class CollectionTagsPayload:
    tags: list[Tag]


def _collection_pk(global_id: str) -> int:
    return ids.decode_as(global_id, "ArtifactCollection", "ArtifactSequence", "ArtifactPortfolio")


def _targets(aliases: list[Any]) -> list[artifact_changes.AliasTarget]:
    return [
        artifact_changes.AliasTarget(
            a.artifact_collection_name, getattr(a, "entity_name", None), getattr(a, "project_name", None), a.alias
        )
        for a in aliases
    ]


def _manifest(info: Info, artifact: tables.Artifact, blob: tables.Blob | None) -> ArtifactManifest:
    manifest_id = strawberry.ID(ids.encode("ArtifactManifest", artifact.id))
    file = File(
        id=manifest_id,
        name="wandb_manifest.json",
        size_bytes=(blob.size if blob else 0) or 0,
        mimetype="application/json",
        updated_at=artifact.updated_at,
        md5=None,
        storage_key=blob.storage_key if blob else "",
        artifact_id=artifact.id,
        upload_url=upload_url(info, blob.storage_key) if blob else None,
    )
    return ArtifactManifest(id=manifest_id, file=file)


async def _free(info: Info, freed: list[tuple[str, int]]) -> int:
    return await artifact_blobs.delete_bytes(info.context.runtime.storage, info.context.runtime.session_factory, freed)


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[CanLogRuns], description="Create an artifact type in a project.")
    async def create_artifact_type(self, info: Info, input: CreateArtifactTypeInput) -> CreateArtifactTypePayload:
        async with info.context.transaction() as session:
            row = await artifact_saving.create_type(
                session, info.context.actor, input.entity_name, input.project_name, input.name, input.description
            )
        return CreateArtifactTypePayload(
            artifact_type=ArtifactType.from_row(row), client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Create the next version of an artifact as PENDING; an identical committed "
        "version is returned instead (state COMMITTED) and nothing is made.",
    )
    async def create_artifact(self, info: Info, input: CreateArtifactInput) -> CreateArtifactPayload:
        names = [input.artifact_collection_name] if input.artifact_collection_name else []
        names += [n for n in input.artifact_collection_names or [] if n not in names]
        if not names:
            raise BadInput("artifactCollectionName is required")
        request = artifact_saving.CreateArtifactRequest(
            entity_name=input.entity_name,
            project_name=input.project_name,
            type_name=input.artifact_type_name,
            collection_name=names[0],
            digest=input.digest,
            run_name=input.run_name,
            description=input.description,
            metadata=input.metadata,
            aliases=[a.alias for a in input.aliases or [] if a.artifact_collection_name in (names[0], None)],
            labels=_labels(input.labels, input.tags),
            history_step=input.history_step,
            ttl_duration_seconds=input.ttl_duration_seconds,
            client_id=input.client_id,
            sequence_client_id=input.sequence_client_id,
            distributed_id=input.distributed_id,
            digest_algorithm=input.digest_algorithm.value if input.digest_algorithm else None,
            deduplicate=input.enable_digest_deduplication is not False,
        )
        async with info.context.transaction() as session:
            created = await artifact_saving.create_artifact(session, info.context.actor, request)
        return CreateArtifactPayload(
            artifact=Artifact.from_row(created.artifact), client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(
        permission_classes=[CanLogRuns], description="Declare a version's manifest; with a digest, get its upload URL."
    )
    async def create_artifact_manifest(self, info: Info, input: CreateArtifactManifestInput) -> ArtifactManifestPayload:
        async with info.context.transaction() as session:
            artifact, blob = await artifact_saving.set_manifest(
                session,
                info.context.actor,
                _artifact_pk(input.artifact_id),
                digest=input.digest,
                base_artifact_id=_artifact_pk(input.base_artifact_id) if input.base_artifact_id else None,
                manifest_type=input.type.value if input.type else "FULL",
            )
        return ArtifactManifestPayload(
            artifact_manifest=_manifest(info, artifact, blob), client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(permission_classes=[CanLogRuns], description="Change a pending version's manifest digest.")
    async def update_artifact_manifest(self, info: Info, input: UpdateArtifactManifestInput) -> ArtifactManifestPayload:
        artifact_id = ids.decode_as(input.artifact_manifest_id, "ArtifactManifest")
        async with info.context.transaction() as session:
            artifact, blob = await artifact_saving.set_manifest(
                session,
                info.context.actor,
                artifact_id,
                digest=input.digest,
                base_artifact_id=_artifact_pk(input.base_artifact_id) if input.base_artifact_id else None,
            )
            blob = blob or await artifact_saving.manifest_blob(session, artifact)
        return ArtifactManifestPayload(
            artifact_manifest=_manifest(info, artifact, blob), client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Upload slots for a pending version's files, in order; uploadUrl is null for "
        "content the server already holds. A file sent with uploadPartsInput (the "
        "client does for 2 GiB or more) gets uploadMultipartUrls, one URL per part.",
    )
    async def create_artifact_files(self, info: Info, input: CreateArtifactFilesInput) -> CreateArtifactFilesPayload:
        specs = [artifact_saving.FileSpec(_artifact_pk(f.artifact_id), f.name, f.md5) for f in input.artifact_files]
        parts = [_parts(f.upload_parts_input) for f in input.artifact_files]
        for announced in parts:
            if announced:
                artifact_uploads.check_parts(announced, announced=True)
        async with info.context.transaction() as session:
            slots = await artifact_saving.create_files(session, info.context.actor, specs)
        storage = info.context.runtime.storage
        edges = []
        for slot, announced in zip(slots, parts, strict=True):
            key = slot.blob.storage_key
            node = File(
                id=strawberry.ID(ids.encode("Blob", slot.blob.id)),
                name=slot.spec.name,
                size_bytes=slot.blob.size or 0,
                mimetype=None,
                updated_at=slot.blob.uploaded_at,
                md5=slot.spec.md5,
                storage_key=key,
                artifact_id=slot.spec.artifact_id,
                artifact_row=slot.artifact,
            )
            if slot.needs_upload:
                node.upload_url = upload_url(info, key, slot.spec.md5)
                # a presigned PUT signs the MD5 (the bucket then refuses other bytes): the client must send it
                node.upload_headers = [f"Content-MD5:{slot.spec.md5}"] if storage.direct_uploads else []
                if announced:
                    upload_id = await artifact_uploads.start_multipart(storage, key, announced)
                    node.upload_multipart_urls = UploadMultipartUrls(
                        upload_id=upload_id,
                        upload_url_parts=[
                            UploadUrlPart(
                                part_number=p.number, upload_url=part_upload_url(info, key, upload_id, p.number)
                            )
                            for p in announced
                        ],
                    )
            edges.append(ArtifactFileEdge(node=node, cursor=slot.spec.name))
        return CreateArtifactFilesPayload(
            files=ArtifactFileConnection(edges=edges, page_info=PageInfo(has_next_page=False)),
            client_mutation_id=input.client_mutation_id,
        )

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Finish a multipart upload of an artifact file (createArtifactFiles hands out "
        "its part URLs for files of 2 GiB or more): Complete joins the parts, checks "
        "the whole file's md5 against its digest (a mismatch is removed and refused) "
        "and answers it; Abort drops the parts (digest null).",
    )
    async def complete_multipart_upload_artifact(
        self, info: Info, input: CompleteMultipartUploadArtifactInput
    ) -> CompleteMultipartUploadArtifactPayload:
        runtime = info.context.runtime
        artifact_id = _artifact_pk(input.artifact_id)
        if input.complete_multipart_action == CompleteMultipartAction.Abort:
            await artifact_uploads.abort_multipart(
                runtime.session_factory,
                runtime.storage,
                info.context.actor,
                artifact_id,
                input.storage_path,
                input.upload_id,
            )
            return CompleteMultipartUploadArtifactPayload(digest=None, client_mutation_id=input.client_mutation_id)
        done = await artifact_uploads.complete_multipart(
            runtime.session_factory,
            runtime.storage,
            info.context.actor,
            artifact_id,
            input.storage_path,
            input.upload_id,
            _parts(input.completed_parts),
            max_bytes=runtime.settings.max_artifact_file_bytes,
        )
        return CompleteMultipartUploadArtifactPayload(digest=done.digest, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Record the uploaded manifest's files, mark the version COMMITTED, apply its "
        "aliases and move latest.",
    )
    async def commit_artifact(self, info: Info, input: CommitArtifactInput) -> CommitArtifactPayload:
        async with info.context.transaction() as session:
            row = await artifact_saving.commit(
                session, info.context.runtime.storage, info.context.actor, _artifact_pk(input.artifact_id)
            )
        return CommitArtifactPayload(artifact=Artifact.from_row(row), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(permission_classes=[CanLogRuns], description="Record a version as an input of a run.")
    async def use_artifact(self, info: Info, input: UseArtifactInput) -> UseArtifactPayload:
        async with info.context.transaction() as session:
            row = await artifact_changes.use_artifact(
                session,
                info.context.actor,
                input.entity_name,
                input.project_name,
                input.run_name,
                _artifact_pk(input.artifact_id),
                input.used_as,
            )
        return UseArtifactPayload(artifact=Artifact.from_row(row), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Link a version into a portfolio (created when missing) and alias it there.",
    )
    async def link_artifact(self, info: Info, input: LinkArtifactInput) -> LinkArtifactPayload:
        async with info.context.transaction() as session:
            actor = info.context.actor
            if input.artifact_id:
                artifact_id = _artifact_pk(input.artifact_id)
            elif input.client_id:
                artifact_id = await artifact_changes.server_id_of_client_id(session, actor, input.client_id)
                if artifact_id is None:
                    raise BadInput(f"no artifact with client id {input.client_id}")
            else:
                raise BadInput("artifactID is required")
            entity_name, project_name, portfolio = input.entity_name, input.project_name, input.artifact_portfolio_name
            if input.artifact_portfolio_id:
                row, _ = await artifact_changes.collection_by_id(
                    session, actor, _collection_pk(input.artifact_portfolio_id)
                )
                project = await session.get(tables.Project, row.project_id)
                entity = await session.get(tables.Entity, project.entity_id)
                entity_name, project_name, portfolio = entity.name, project.name, row.name
            if not (entity_name and project_name and portfolio):
                raise BadInput("give entityName, projectName and artifactPortfolioName (or artifactPortfolioID)")
            membership = await artifact_changes.link_artifact(
                session,
                actor,
                artifact_id,
                entity_name,
                project_name,
                portfolio,
                [a.alias for a in input.aliases or []],
            )
        return LinkArtifactPayload(
            version_index=membership.version_index,
            artifact_membership=ArtifactCollectionMembership.from_row(membership),
            client_mutation_id=input.client_mutation_id,
        )

    @strawberry.mutation(permission_classes=[CanLogRuns], description="Remove a version from a portfolio.")
    async def unlink_artifact(self, info: Info, input: UnlinkArtifactInput) -> SuccessPayload:
        async with info.context.transaction() as session:
            await artifact_changes.unlink_artifact(
                session,
                info.context.actor,
                _artifact_pk(input.artifact_id),
                _collection_pk(input.artifact_portfolio_id),
            )
        return SuccessPayload(success=True, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Give a version aliases (moved from their previous holders); latest and vN are reserved.",
    )
    async def add_aliases(self, info: Info, input: AddAliasesInput) -> SuccessPayload:
        async with info.context.transaction() as session:
            await artifact_changes.add_aliases(
                session, info.context.actor, _artifact_pk(input.artifact_id), _targets(input.aliases)
            )
        return SuccessPayload(success=True, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(permission_classes=[CanLogRuns], description="Take aliases off a version.")
    async def delete_aliases(self, info: Info, input: DeleteAliasesInput) -> SuccessPayload:
        async with info.context.transaction() as session:
            await artifact_changes.delete_aliases(
                session, info.context.actor, _artifact_pk(input.artifact_id), _targets(input.aliases)
            )
        return SuccessPayload(success=True, client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Change a version's description, metadata, TTL, tags or (the full set of) aliases.",
    )
    async def update_artifact(self, info: Info, input: UpdateArtifactInput) -> UpdateArtifactPayload:
        tags_to_add = [t.tag_name for t in input.tags_to_add or []] + (_labels(input.labels, None) or [])
        changes = artifact_changes.ArtifactChanges(
            description=input.description,
            metadata=input.metadata,
            ttl_duration_seconds=input.ttl_duration_seconds,
            aliases=_targets(input.aliases) if input.aliases is not None else None,
            tags_to_add=tags_to_add or None,
            tags_to_delete=[t.tag_name for t in input.tags_to_delete or []] or None,
        )
        async with info.context.transaction() as session:
            row = await artifact_changes.update_artifact(
                session, info.context.actor, _artifact_pk(input.artifact_id), changes
            )
        return UpdateArtifactPayload(artifact=Artifact.from_row(row), client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Delete a version: its files and stored content nothing else references go; "
        "refused while it holds aliases unless deleteAliases.",
    )
    async def delete_artifact(self, info: Info, input: DeleteArtifactInput) -> DeleteArtifactPayload:
        async with info.context.transaction() as session:
            deleted = await artifact_changes.delete_artifact(
                session, info.context.actor, _artifact_pk(input.artifact_id), delete_aliases=bool(input.delete_aliases)
            )
        freed = await _free(info, deleted.freed)
        return DeleteArtifactPayload(
            artifact=Artifact.from_row(deleted.artifact), bytes_freed=freed, client_mutation_id=input.client_mutation_id
        )

    @strawberry.mutation(permission_classes=[CanLogRuns], description="Rename or describe a sequence.")
    async def update_artifact_sequence(
        self, info: Info, input: UpdateArtifactSequenceInput
    ) -> ArtifactCollectionPayload:
        return await _update_collection(
            info,
            _collection_pk(input.artifact_sequence_id),
            input.client_mutation_id,
            name=input.name,
            description=input.description,
        )

    @strawberry.mutation(permission_classes=[CanLogRuns], description="Rename or describe a portfolio.")
    async def update_artifact_portfolio(
        self, info: Info, input: UpdateArtifactPortfolioInput
    ) -> ArtifactCollectionPayload:
        return await _update_collection(
            info,
            _collection_pk(input.artifact_portfolio_id),
            input.client_mutation_id,
            name=input.name,
            description=input.description,
        )

    @strawberry.mutation(
        permission_classes=[CanLogRuns], description="Give a sequence (and its versions) another type."
    )
    async def move_artifact_sequence(self, info: Info, input: MoveArtifactSequenceInput) -> ArtifactCollectionPayload:
        return await _update_collection(
            info,
            _collection_pk(input.artifact_sequence_id),
            input.client_mutation_id,
            name=None,
            description=None,
            type_name=input.destination_artifact_type_name,
        )

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Delete a sequence with all its versions (and their links in portfolios).",
    )
    async def delete_artifact_sequence(
        self, info: Info, input: DeleteArtifactSequenceInput
    ) -> ArtifactCollectionPayload:
        return await _delete_collection(info, _collection_pk(input.artifact_sequence_id), input.client_mutation_id)

    @strawberry.mutation(
        permission_classes=[CanLogRuns],
        description="Delete a portfolio: its links and aliases; the linked versions stay.",
    )
    async def delete_artifact_portfolio(
        self, info: Info, input: DeleteArtifactPortfolioInput
    ) -> ArtifactCollectionPayload:
        return await _delete_collection(info, _collection_pk(input.artifact_portfolio_id), input.client_mutation_id)

    @strawberry.mutation(permission_classes=[CanLogRuns], description="Tag a collection.")
    async def create_artifact_collection_tag_assignments(
        self, info: Info, input: CreateArtifactCollectionTagAssignmentsInput
    ) -> CollectionTagsPayload:
        async with info.context.transaction() as session:
            row = await artifact_changes.update_collection_tags(
                session,
                info.context.actor,
                input.entity_name,
                input.project_name,
                input.artifact_collection_name,
                add=[t.tag_name for t in input.tags],
                remove=[],
            )
        return CollectionTagsPayload(tags=[Tag.named(t) for t in row.tags or []])

    @strawberry.mutation(permission_classes=[CanLogRuns], description="Untag a collection.")
    async def delete_artifact_collection_tag_assignments(
        self, info: Info, input: DeleteArtifactCollectionTagAssignmentsInput
    ) -> SuccessPayload:
        async with info.context.transaction() as session:
            await artifact_changes.update_collection_tags(
                session,
                info.context.actor,
                input.entity_name,
                input.project_name,
                input.artifact_collection_name,
                add=[],
                remove=[t.tag_name for t in input.tags],
            )
        return SuccessPayload(success=True, client_mutation_id=input.client_mutation_id)


async def _update_collection(
    info: Info, collection_id: int, client_mutation_id: str | None, **changes: str | None
) -> ArtifactCollectionPayload:
    async with info.context.transaction() as session:
        row = await artifact_changes.update_collection(session, info.context.actor, collection_id, **changes)
    return ArtifactCollectionPayload(artifact_collection=collection_type(row), client_mutation_id=client_mutation_id)


async def _delete_collection(
    info: Info, collection_id: int, client_mutation_id: str | None
) -> ArtifactCollectionPayload:
    async with info.context.transaction() as session:
        row, freed = await artifact_changes.delete_collection(session, info.context.actor, collection_id)
    bytes_freed = await _free(info, freed)
    return ArtifactCollectionPayload(
        artifact_collection=collection_type(row), bytes_freed=bytes_freed, client_mutation_id=client_mutation_id
    )
