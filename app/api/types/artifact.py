"""Artifact types as the wandb client reads them (PROTOCOL.md §3.6): ``Artifact`` (a version),
the ``ArtifactCollection`` interface of ``ArtifactSequence`` and ``ArtifactPortfolio``,
``ArtifactCollectionMembership``, ``ArtifactAlias``, ``ArtifactType``, ``ArtifactManifest``; and
the field groups that Project and Run gain.

Visibility is checked where a path enters (root fields, ``project { ... }``); objects reached from
there that live in another project (a portfolio that links a version, the runs that used it) are
shown only when the viewer may read that project.
"""

from __future__ import annotations

import enum
import zlib
from datetime import datetime
from typing import Annotated, Any, Sequence, Union
from urllib.parse import quote

import strawberry
from strawberry.dataloader import DataLoader

from app.api import ids
from app.api.context import Info
from app.api.loaders import Loaders, by_key_loader, grouped_loader
from app.api.pagination import Connection, Edge, PageInfo, connection, decode_cursor, encode_cursor, page_size
from app.api.scalars import Int64, JSONString
from app.api.types import refs
from app.api.types.entity import User
from app.api.types.file import File
from app.api.types.node import Node, register_node
from app.api.types.refs import ProjectRef, RunRef, user_type_for
from app.db import tables
from app.db.types import dumps
from app.domain import artifact_queries, artifact_reads
from app.domain import artifacts as artifact_service
from app.domain import files as files_service
from app.domain.artifact_saving import artifact_global_id
from app.storage.signing import quote_key, signed_path
from app.storage import urls

MAX_FILES_PAGE = 10_000
VERSION_LISTING = (
    "filters (JSON, the runs' operators): state (COMMITTED unless named), alias, tag, version "
    "('v3' or 3), id, digest, description, size, createdAt, updatedAt, metadata.<key>; order: '+' or "
    "'-' then versionIndex, createdAt, updatedAt, size or id. Expired versions are never listed."
)
COLLECTION_LISTING = (
    "filters (JSON, the runs' operators): name, description, type, tag, id, createdAt, updatedAt; "
    "order: '+' or '-' then name, createdAt, updatedAt or id."
)


@strawberry.enum
class ArtifactState(enum.Enum):
    PENDING = "PENDING"
    COMMITTED = "COMMITTED"
    DELETED = "DELETED"


@strawberry.enum
class ArtifactCollectionState(enum.Enum):
    READY = "READY"
    DELETED = "DELETED"


@strawberry.enum
class ArtifactCollectionType(enum.Enum):
    SEQUENCE = "SEQUENCE"
    PORTFOLIO = "PORTFOLIO"


@strawberry.enum
class ArtifactDigestAlgorithm(enum.Enum):
    MANIFEST_MD5 = "MANIFEST_MD5"
    MANIFEST_XXH128 = "MANIFEST_XXH128"


# --- loaders --------------------------------------------------------------------------------------


def _types(loaders: Loaders) -> DataLoader[int, tables.ArtifactType | None]:
    return by_key_loader(loaders.session_factory, tables.ArtifactType, tables.ArtifactType.id)


def _artifacts(loaders: Loaders) -> DataLoader[int, tables.Artifact | None]:
    return by_key_loader(loaders.session_factory, tables.Artifact, tables.Artifact.id)


def _collections(loaders: Loaders) -> DataLoader[int, tables.ArtifactCollection | None]:
    return by_key_loader(loaders.session_factory, tables.ArtifactCollection, tables.ArtifactCollection.id)


def _aliases(loaders: Loaders) -> DataLoader[int, list[tables.ArtifactAlias]]:
    return grouped_loader(
        loaders.session_factory,
        tables.ArtifactAlias,
        tables.ArtifactAlias.artifact_id,
        tables.ArtifactAlias.collection_id,
        tables.ArtifactAlias.alias,
    )


async def _visible(info: Info, project_id: int) -> bool:
    project = await info.context.loaders.project.load(project_id)
    return project is not None and (await info.context.loaders.viewer_project_access(project)).can_read


# --- small types ----------------------------------------------------------------------------------


@strawberry.type(description="A label of an artifact version or collection.")
class Tag:
    id: strawberry.ID
    name: str
    tag_category_name: str | None = None
    attributes: JSONString | None = None

    @classmethod
    def named(cls, name: str) -> "Tag":
        return cls(id=strawberry.ID(ids.encode("Tag", zlib.crc32(name.encode()))), name=name)  # stable across processes


@strawberry.type(description="A kind of artifact in a project (model, dataset, ...).")
class ArtifactType(Node):
    row: strawberry.Private[tables.ArtifactType]

    @classmethod
    def from_row(cls, row: tables.ArtifactType) -> "ArtifactType":
        return cls(row=row, id=strawberry.ID(ids.encode("ArtifactType", row.id)))

    @strawberry.field
    def name(self) -> str:
        return self.row.name

    @strawberry.field
    def description(self) -> str | None:
        return self.row.description

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(
        description="The type's collections that match the filters, newest first unless ordered. " + COLLECTION_LISTING
    )
    async def artifact_collections(
        self,
        info: Info,
        after: str | None = None,
        first: int | None = None,
        filters: JSONString | None = None,
        order: str | None = None,
        collection_types: list[ArtifactCollectionType] | None = None,
    ) -> "Connection[ArtifactCollection]":
        return await collection_page(
            info,
            project_id=self.row.project_id,
            type_id=self.row.id,
            after=after,
            first=first,
            kinds=collection_types,
            filters=filters,
            order=order,
        )

    @strawberry.field(description="Legacy name of artifactCollections for sequences.")
    async def artifact_sequences(
        self, info: Info, after: str | None = None, first: int | None = None
    ) -> "Connection[ArtifactCollection]":
        return await collection_page(
            info,
            project_id=self.row.project_id,
            type_id=self.row.id,
            after=after,
            first=first,
            kinds=[ArtifactCollectionType.SEQUENCE],
        )

    @strawberry.field(description="A collection of this type by name.")
    async def artifact_collection(self, info: Info, name: str) -> "ArtifactCollection | None":
        async with info.context.read() as session:
            row = await artifact_service.collection_named(session, self.row.project_id, name)
        return collection_type(row) if row is not None and row.type_id == self.row.id else None


@strawberry.type(description="A name for one version within a collection.")
class ArtifactAlias(Node):
    row: strawberry.Private[tables.ArtifactAlias]

    @classmethod
    def from_row(cls, row: tables.ArtifactAlias) -> "ArtifactAlias":
        return cls(row=row, id=strawberry.ID(ids.encode("ArtifactAlias", row.id)))

    @strawberry.field
    def alias(self) -> str:
        return self.row.alias

    @strawberry.field
    async def artifact_collection(self, info: Info) -> "ArtifactCollection | None":
        row = await info.context.loaders.get(_collections).load(self.row.collection_id)
        return collection_type(row) if row else None

    @strawberry.field(description="The version the alias names.")
    async def artifact(self, info: Info) -> "Artifact | None":
        row = await info.context.loaders.get(_artifacts).load(self.row.artifact_id)
        return Artifact.from_row(row) if row else None


@strawberry.type
class UploadUrlPart:
    part_number: int
    upload_url: str


@strawberry.type
class UploadMultipartUrls:
    upload_id: str = strawberry.field(name="uploadID")
    upload_url_parts: list[UploadUrlPart]


@strawberry.type(description="A version's manifest: the file listing every entry.")
class ArtifactManifest(Node):
    file: File


# --- files of a version ---------------------------------------------------------------------------


def _direct_url(info: Info, key: str, filename: str | None = None) -> str:
    runtime = info.context.runtime
    ttl = runtime.settings.signed_url_ttl_seconds
    direct = runtime.storage.direct_download_url(key, expires_in=ttl, filename=filename)
    return direct or info.context.base_url + signed_path(runtime.secret, "GET", key, ttl)


def upload_url(info: Info, key: str, md5_b64: str | None = None) -> str:
    runtime = info.context.runtime
    ttl = runtime.settings.signed_url_ttl_seconds
    direct = runtime.storage.direct_upload_url(key, expires_in=ttl, content_md5=md5_b64)
    return direct or info.context.base_url + signed_path(runtime.secret, "PUT", key, ttl)


def part_upload_url(info: Info, key: str, upload_id: str, part_number: int) -> str:
    runtime = info.context.runtime
    return urls.part_upload_url(
        runtime.storage,
        runtime.secret,
        info.context.base_url,
        key,
        upload_id,
        part_number,
        expires_in=runtime.settings.signed_url_ttl_seconds,
    )


async def _files_page(
    info: Info, artifact_id: int, names: list[str] | None, after: str | None, first: int | None
) -> Connection[File]:
    limit = page_size(first, maximum=MAX_FILES_PAGE)
    cursor = decode_cursor(after)
    wanted = [n for n in names or [] if n]
    async with info.context.read() as session:
        rows = await artifact_reads.file_rows(
            session, artifact_id, names=wanted, after_path=str(cursor[0]) if cursor else None, limit=limit + 1
        )
        place = await artifact_reads.path_of(session, artifact_id) if rows else None
    page = rows[:limit]
    prefix = _download_prefix(place) if place else ""
    return connection(
        [_file(info, row, prefix) for row in page],
        [encode_cursor([row.path]) for row in page],
        has_next=len(rows) > limit,
    )


def _file(info: Info, row: Any, prefix: str) -> File:
    """A file of ``_files_page``'s row (the file's columns and its blob's storage_key and md5);
    ``prefix``: the quoted /artifactsV2/default/<entity>/<project>/<collection>/ of the page."""
    download = f"{prefix}{artifact_global_id(row.birth_artifact_id or row.artifact_id)}/{row.md5}/{quote_key(row.path)}"
    return File(
        id=strawberry.ID(ids.encode("ArtifactFile", row.id)),
        name=row.path,
        size_bytes=row.size or 0,
        mimetype=row.mimetype,
        updated_at=row.created_at,
        md5=row.digest,
        storage_key=row.storage_key,
        download_path=download,
        artifact_id=row.artifact_id,
        direct_url_value=_direct_url(info, row.storage_key, row.path.rsplit("/", 1)[-1]),
    )


def _download_prefix(place: tuple[str, str, str]) -> str:
    return "/artifactsV2/default/" + "".join(quote(part, safe="") + "/" for part in place)


# A version's files are File connections, as a run's are (the names the mutations build them by).
ArtifactFileEdge = Edge[File]
ArtifactFileConnection = Connection[File]


# --- versions -------------------------------------------------------------------------------------

ArtifactCreator = Annotated[Union[RunRef, User], strawberry.union("ArtifactCreator")]


@refs.ARTIFACT.define
@strawberry.type(description="One version of an artifact.")
class Artifact(Node):
    row: strawberry.Private[tables.Artifact]

    @classmethod
    def from_row(cls, row: tables.Artifact) -> "Artifact":
        return cls(row=row, id=strawberry.ID(ids.encode("Artifact", row.id)))

    @strawberry.field(description="The sequence the version was logged to.")
    async def artifact_sequence(self, info: Info) -> "ArtifactSequence":
        row = await info.context.loaders.get(_collections).load(self.row.collection_id)
        return ArtifactSequence.from_row(row)

    @strawberry.field
    def version_index(self) -> int | None:
        return self.row.version_index

    @strawberry.field
    async def artifact_type(self, info: Info) -> ArtifactType:
        return ArtifactType.from_row(await info.context.loaders.get(_types).load(self.row.type_id))

    @strawberry.field
    def description(self) -> str | None:
        return self.row.description

    @strawberry.field(description="Metadata as a JSON string.")
    def metadata(self) -> JSONString | None:
        return dumps(self.row.metadata_ or {})

    @strawberry.field(
        description="The version's time to live, counted from its creation: N seconds, -1 when it "
        "inherits the default (none here: it never expires), -2 when it never expires. "
        "Once it runs out the version reads as deleted and the expiry sweep deletes it."
    )
    def ttl_duration_seconds(self) -> Int64:
        ttl = self.row.ttl_duration_seconds
        return artifact_service.TTL_INHERIT if ttl is None else ttl

    @strawberry.field
    def ttl_is_inherited(self) -> bool:
        return self.row.ttl_duration_seconds in (None, artifact_service.TTL_INHERIT)

    @strawberry.field
    def tags(self) -> list[Tag]:
        return [Tag.named(name) for name in self.row.labels or []]

    @strawberry.field
    def history_step(self) -> Int64 | None:
        return self.row.history_step

    @strawberry.field(description="DELETED also once its TTL ran out, before the expiry sweep deletes it.")
    def state(self) -> ArtifactState:
        if artifact_service.is_expired(self.row):
            return ArtifactState.DELETED
        return ArtifactState(self.row.state)

    @strawberry.field(description="Total bytes of the version's files.")
    def size(self) -> Int64:
        return self.row.size

    @strawberry.field(description="The manifest digest the client computed.")
    def digest(self) -> str:
        return self.row.digest

    @strawberry.field
    def digest_algorithm(self) -> ArtifactDigestAlgorithm:
        return ArtifactDigestAlgorithm(self.row.digest_algorithm)

    @strawberry.field
    def commit_hash(self) -> str | None:
        return self.row.digest[:20] if self.row.state == artifact_service.COMMITTED else None

    @strawberry.field
    def file_count(self) -> int:
        return self.row.file_count

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field
    def updated_at(self) -> datetime | None:
        return self.row.updated_at

    @strawberry.field(description="The version's aliases in every collection it belongs to.")
    async def aliases(self, info: Info) -> list[ArtifactAlias]:
        rows = await info.context.loaders.get(_aliases).load(self.row.id)
        visible = []
        for row in rows:
            collection = await info.context.loaders.get(_collections).load(row.collection_id)
            if collection is not None and await _visible(info, collection.project_id):
                visible.append(ArtifactAlias.from_row(row))
        return visible

    @strawberry.field(description="The run that logged the version (null when gone or not visible).")
    async def created_by(self, info: Info) -> ArtifactCreator | None:
        if self.row.run_id is not None:
            run = await info.context.loaders.run.load(self.row.run_id)
            if run is not None and await _visible(info, run.project_id):
                return refs.RUN.type.from_row(run)
            return None
        if self.row.created_by_id is not None:
            return await user_type_for(info, await info.context.loaders.user.load(self.row.created_by_id))
        return None

    @strawberry.field(description="The runs that used the version as an input.")
    async def used_by(self, info: Info, after: str | None = None, first: int | None = None) -> Connection[RunRef]:
        async with info.context.read() as session:
            rows = await artifact_reads.users_of(session, self.row.id)
        runs = [r for r in rows if await _visible(info, r.project_id)]
        return connection(
            [refs.RUN.type.from_row(r) for r in runs],
            [encode_cursor([r.id]) for r in runs],
            has_next=False,
            total=len(runs),
        )

    @strawberry.field(description="The version's manifest (wandb_manifest.json).")
    async def current_manifest(self, info: Info) -> ArtifactManifest | None:
        async with info.context.read() as session:
            blob = await artifact_reads.manifest_blob(session, self.row)
        if blob is None:
            return None
        manifest_id = strawberry.ID(ids.encode("ArtifactManifest", self.row.id))
        file = File(
            id=manifest_id,
            name="wandb_manifest.json",
            size_bytes=blob.size or 0,
            mimetype="application/json",
            updated_at=blob.uploaded_at,
            md5=None,
            storage_key=blob.storage_key,
            direct_url_value=_direct_url(info, blob.storage_key, "wandb_manifest.json"),
        )
        return ArtifactManifest(id=manifest_id, file=file)

    @strawberry.field(description="The version's stored files by name (references are in the manifest only).")
    async def files(
        self, info: Info, names: list[str] | None = None, after: str | None = None, first: int | None = None
    ) -> Connection[File]:
        return await _files_page(info, self.row.id, names, after, first)

    @strawberry.field(description="Where the version belongs: its sequence and the portfolios linking it.")
    async def artifact_memberships(
        self, info: Info, after: str | None = None, first: int | None = None
    ) -> "Connection[ArtifactCollectionMembership]":
        async with info.context.read() as session:
            rows = await artifact_reads.memberships_of(session, self.row.id)
        members = []
        for row in rows:
            collection = await info.context.loaders.get(_collections).load(row.collection_id)
            if collection is not None and await _visible(info, collection.project_id):
                members.append(ArtifactCollectionMembership.from_row(row))
        return connection(members, [encode_cursor([m.row.id]) for m in members], has_next=False, total=len(members))

    @strawberry.field(description="Signed URLs of the named manifest entries.")
    async def files_by_manifest_entries(
        self,
        info: Info,
        storage_layout: str,
        manifest_version: str,
        entries: list["ArtifactManifestEntryInput"] | None = None,
        storage_region: str | None = None,
    ) -> Connection[File]:
        names = [e.name for e in entries or []]
        return await _files_page(info, self.row.id, names or None, None, MAX_FILES_PAGE)


@strawberry.input
class ArtifactManifestEntryInput:
    name: str
    digest: str
    birth_artifact_id: strawberry.ID | None = strawberry.field(default=None, name="birthArtifactID")


@strawberry.type(description="A version in a collection's listing, with its name there (vN).")
class VersionedArtifactEdge(Edge[Artifact]):
    version: str


@strawberry.type
class VersionedArtifactConnection(Connection[Artifact]):
    edges: list[VersionedArtifactEdge]


# --- collections ----------------------------------------------------------------------------------


@strawberry.interface(description="A sequence of logged versions or a portfolio of linked ones.")
class ArtifactCollection(Node):
    row: strawberry.Private[tables.ArtifactCollection]

    @strawberry.field
    def name(self) -> str:
        return self.row.name

    @strawberry.field
    def description(self) -> str | None:
        return self.row.description

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field
    def updated_at(self) -> datetime | None:
        return self.row.updated_at

    @strawberry.field
    def state(self) -> ArtifactCollectionState:
        return ArtifactCollectionState.READY

    @strawberry.field
    async def project(self, info: Info) -> ProjectRef | None:
        row = await info.context.loaders.project.load(self.row.project_id)
        return refs.PROJECT.type.from_row(row) if row else None

    @strawberry.field
    async def default_artifact_type(self, info: Info) -> ArtifactType:
        return ArtifactType.from_row(await info.context.loaders.get(_types).load(self.row.type_id))

    @strawberry.field
    def tags(self) -> Connection[Tag]:
        tags = self.row.tags or []
        return connection(
            [Tag.named(t) for t in tags], [encode_cursor([t]) for t in tags], has_next=False, total=len(tags)
        )

    @strawberry.field(description="The collection's aliases (latest included).")
    async def aliases(
        self, info: Info, after: str | None = None, first: int | None = None
    ) -> Connection[ArtifactAlias]:
        limit = page_size(first, maximum=1000)
        cursor = decode_cursor(after)
        async with info.context.read() as session:
            rows = await artifact_reads.collection_aliases(
                session, self.row.id, after_id=int(cursor[0]) if cursor else None, limit=limit + 1
            )
        page = rows[:limit]
        return connection(
            [ArtifactAlias.from_row(r) for r in page], [encode_cursor([r.id]) for r in page], has_next=len(rows) > limit
        )

    @strawberry.field(description="The member a version (vN), latest or an alias names.")
    async def artifact_membership(self, info: Info, alias_name: str) -> "ArtifactCollectionMembership | None":
        async with info.context.read() as session:
            row = await artifact_service.membership_for(session, self.row, alias_name)
        return ArtifactCollectionMembership.from_row(row) if row else None

    @strawberry.field(
        description="The collection's members that match the filters, newest first unless ordered. " + VERSION_LISTING
    )
    async def artifact_memberships(
        self,
        info: Info,
        after: str | None = None,
        first: int | None = None,
        filters: JSONString | None = None,
        order: str | None = None,
    ) -> "Connection[ArtifactCollectionMembership]":
        async with info.context.read() as session:
            page = await artifact_queries.list_versions(
                session,
                collection_id=self.row.id,
                filters=filters,
                order=order,
                limit=page_size(first),
                after=decode_cursor(after),
            )
        return connection(
            [ArtifactCollectionMembership.from_row(m) for m, _ in page.rows],
            [encode_cursor(c) for c in page.cursors],
            has_next=page.has_next,
            total=page.total,
        )

    @strawberry.field(
        description="The collection's versions that match the filters (wandb.Api().artifacts), "
        "newest first unless ordered. " + VERSION_LISTING
    )
    async def artifacts(
        self,
        info: Info,
        after: str | None = None,
        first: int | None = None,
        order: str | None = None,
        filters: JSONString | None = None,
    ) -> VersionedArtifactConnection:
        async with info.context.read() as session:
            page = await artifact_queries.list_versions(
                session,
                collection_id=self.row.id,
                filters=filters,
                order=order,
                limit=page_size(first),
                after=decode_cursor(after),
            )
        edges = [
            VersionedArtifactEdge(node=Artifact.from_row(a), cursor=encode_cursor(c), version=f"v{m.version_index}")
            for (m, a), c in zip(page.rows, page.cursors, strict=True)
        ]
        return VersionedArtifactConnection(
            edges=edges,
            total_count=page.total,
            page_info=PageInfo(
                has_next_page=page.has_next,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )


@strawberry.type(
    description="The versions logged under one name in a project. It belongs to the project, "
    "not to the runs that logged its versions: when some or all of those runs move to "
    "another project (moveRuns), the sequence and every version stay here, with their "
    "aliases and downloads; the moved runs still list them in outputArtifacts."
)
class ArtifactSequence(ArtifactCollection):
    @classmethod
    def from_row(cls, row: tables.ArtifactCollection) -> "ArtifactSequence":
        return cls(row=row, id=strawberry.ID(ids.encode("ArtifactCollection", row.id)))

    @strawberry.field(description="The newest committed version.")
    async def latest_artifact(self, info: Info) -> Artifact | None:
        async with info.context.read() as session:
            row = await artifact_service.latest_committed(session, self.row.id)
        return Artifact.from_row(row) if row else None

    @strawberry.field
    def digest_algorithm(self) -> ArtifactDigestAlgorithm:
        return ArtifactDigestAlgorithm.MANIFEST_MD5


@strawberry.type(description="Links to versions of sequences (a registered model, for example).")
class ArtifactPortfolio(ArtifactCollection):
    @classmethod
    def from_row(cls, row: tables.ArtifactCollection) -> "ArtifactPortfolio":
        return cls(row=row, id=strawberry.ID(ids.encode("ArtifactCollection", row.id)))


def collection_type(row: tables.ArtifactCollection) -> ArtifactCollection:
    return (ArtifactPortfolio if row.kind == artifact_service.PORTFOLIO else ArtifactSequence).from_row(row)


async def collection_page(
    info: Info,
    *,
    project_id: int,
    type_id: int | None,
    after: str | None,
    first: int | None,
    kinds: list[ArtifactCollectionType] | None,
    filters: str | None = None,
    order: str | None = None,
) -> Connection[ArtifactCollection]:
    async with info.context.read() as session:
        page = await artifact_queries.list_collections(
            session,
            project_id=project_id,
            type_id=type_id,
            kinds=[k.value for k in kinds or []] or None,
            filters=filters,
            order=order,
            limit=page_size(first),
            after=decode_cursor(after),
        )
    return connection(
        [collection_type(r) for r in page.rows],
        [encode_cursor(c) for c in page.cursors],
        has_next=page.has_next,
        total=page.total,
    )


@strawberry.type(description="A version's place in a collection: its index there and its aliases there.")
class ArtifactCollectionMembership(Node):
    row: strawberry.Private[tables.ArtifactMembership]

    @classmethod
    def from_row(cls, row: tables.ArtifactMembership) -> "ArtifactCollectionMembership":
        return cls(row=row, id=strawberry.ID(ids.encode("ArtifactCollectionMembership", row.id)))

    @strawberry.field
    def version_index(self) -> int | None:
        return self.row.version_index

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field
    async def aliases(self, info: Info) -> list[ArtifactAlias]:
        rows = await info.context.loaders.get(_aliases).load(self.row.artifact_id)
        return [ArtifactAlias.from_row(r) for r in rows if r.collection_id == self.row.collection_id]

    @strawberry.field
    async def artifact_collection(self, info: Info) -> ArtifactCollection | None:
        row = await info.context.loaders.get(_collections).load(self.row.collection_id)
        return collection_type(row) if row else None

    @strawberry.field
    async def artifact(self, info: Info) -> Artifact | None:
        row = await info.context.loaders.get(_artifacts).load(self.row.artifact_id)
        return Artifact.from_row(row) if row else None

    @strawberry.field
    async def files(
        self, info: Info, names: list[str] | None = None, after: str | None = None, first: int | None = None
    ) -> Connection[File]:
        return await _files_page(info, self.row.artifact_id, names, after, first)


# --- Project and Run field groups -------------------------------------------------------------------


@strawberry.type
class ProjectArtifactFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(description="Whether the viewer may log, alias, link, change and delete the project's artifacts.")
    async def viewer_can_write_artifacts(self, info: Info) -> bool:
        return (await info.context.loaders.viewer_project_access(self.row)).can_write_artifacts

    @strawberry.field(description="An artifact type of the project by name.")
    async def artifact_type(self, info: Info, name: str) -> ArtifactType | None:
        async with info.context.read() as session:
            row = await artifact_service.type_named(session, self.row.id, name)
        return ArtifactType.from_row(row) if row else None

    @strawberry.field(description="The project's artifact types, oldest first.")
    async def artifact_types(
        self, info: Info, after: str | None = None, first: int | None = None
    ) -> Connection[ArtifactType]:
        limit = page_size(first)
        cursor = decode_cursor(after)
        async with info.context.read() as session:
            rows = await artifact_reads.project_types(
                session, self.row.id, after_id=int(cursor[0]) if cursor else None, limit=limit + 1
            )
        page = rows[:limit]
        return connection(
            [ArtifactType.from_row(r) for r in page], [encode_cursor([r.id]) for r in page], has_next=len(rows) > limit
        )

    @strawberry.field(description="A collection (sequence or portfolio) of the project by name.")
    async def artifact_collection(self, info: Info, name: str) -> ArtifactCollection | None:
        async with info.context.read() as session:
            row = await artifact_service.collection_named(session, self.row.id, name)
        return collection_type(row) if row else None

    @strawberry.field(
        description="The project's collections that match the filters, newest first unless ordered. "
        + COLLECTION_LISTING
    )
    async def artifact_collections(
        self,
        info: Info,
        after: str | None = None,
        first: int | None = None,
        filters: JSONString | None = None,
        order: str | None = None,
        collection_types: list[ArtifactCollectionType] | None = None,
    ) -> Connection[ArtifactCollection]:
        return await collection_page(
            info,
            project_id=self.row.id,
            type_id=None,
            after=after,
            first=first,
            kinds=collection_types,
            filters=filters,
            order=order,
        )

    @strawberry.field(description="The member that 'collection:vN', 'collection:latest' or 'collection:alias' names.")
    async def artifact_collection_membership(self, info: Info, name: str) -> ArtifactCollectionMembership | None:
        async with info.context.read() as session:
            row = await artifact_service.membership_by_name(session, self.row.id, name)
        return ArtifactCollectionMembership.from_row(row) if row else None

    @strawberry.field(description="The version that 'collection:vN', 'collection:latest' or 'collection:alias' names.")
    async def artifact(self, info: Info, name: str) -> Artifact | None:
        async with info.context.read() as session:
            row = await artifact_service.membership_by_name(session, self.row.id, name)
        artifact = await info.context.loaders.get(_artifacts).load(row.artifact_id) if row else None
        return Artifact.from_row(artifact) if artifact else None


async def _visible_artifacts(info: Info, rows: Sequence[tables.Artifact]) -> list[tables.Artifact]:
    """The versions whose project the viewer may read (a run may use versions from elsewhere)."""
    visible = []
    for row in rows:
        collection = await info.context.loaders.get(_collections).load(row.collection_id)
        if collection is not None and await _visible(info, collection.project_id):
            visible.append(row)
    return visible


async def _run_artifacts(
    info: Info, run_id: int, *, inputs: bool, after: str | None, first: int | None
) -> Connection[Artifact]:
    limit = page_size(first)
    cursor = decode_cursor(after)
    async with info.context.read() as session:
        rows = await artifact_reads.run_artifacts(
            session, run_id, inputs=inputs, after_id=int(cursor[0]) if cursor else None, limit=limit + 1
        )
    page = rows[:limit]
    visible = await _visible_artifacts(info, page)
    edges = [Edge(node=Artifact.from_row(r), cursor=encode_cursor([r.id])) for r in visible]
    # the page's end is its last row, visible or not (the next page starts after it)
    return Connection(
        edges=edges,
        total_count=len(edges),
        page_info=PageInfo(
            has_next_page=len(rows) > limit,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=encode_cursor([page[-1].id]) if page else None,
        ),
    )


@strawberry.type(description="A version a run used or logged, named as the client names it.")
class RecipeArtifact:
    name: str = strawberry.field(description="collection:vN in its sequence.")
    path: str = strawberry.field(description="entity/project/collection:vN, for wandb.Api().artifact().")
    type: str
    digest: str = strawberry.field(description="The manifest digest: the same digest means the same files.")
    artifact: Artifact


@strawberry.type(
    description="Everything Labbook holds to rebuild what a run made: its config, code "
    "version, code files, the exact input versions and what it logged."
)
class RunRecipe:
    config: JSONString
    program: str | None
    commit: str | None
    git_remote: str | None
    diff_patch: File | None = strawberry.field(description="The uncommitted changes (git diff HEAD), if saved.")
    requirements: File | None
    code_files: list[File] = strawberry.field(
        description="Files saved under code/ (save_code, log_code uses an artifact)."
    )
    inputs: list[RecipeArtifact]
    outputs: list[RecipeArtifact]


async def _recipe_artifacts(info: Info, session, artifacts: list[tables.Artifact]) -> list[RecipeArtifact]:
    found = []
    for row in artifacts:
        entity, project, collection, type_name = await artifact_reads.recipe_names(session, row)
        name = f"{collection}:v{row.version_index}"
        found.append(
            RecipeArtifact(
                name=name,
                path=f"{entity}/{project}/{name}",
                type=type_name,
                digest=row.digest,
                artifact=Artifact.from_row(row),
            )
        )
    return found


@strawberry.type
class RunArtifactFields:
    row: strawberry.Private[tables.Run]

    @strawberry.field(description="Versions the run logged (they stay in their collections when the run moves).")
    async def output_artifacts(
        self, info: Info, after: str | None = None, first: int | None = None
    ) -> Connection[Artifact]:
        return await _run_artifacts(info, self.row.id, inputs=False, after=after, first=first)

    @strawberry.field(description="What the run was made from and what it made, in one read.")
    async def recipe(self, info: Info) -> RunRecipe:
        run = self.row
        async with info.context.read() as session:
            path = await files_service.run_path(session, run.id)
            named = {
                f.name: f
                for f in await files_service.page(
                    session, run.id, names=["diff.patch", "requirements.txt"], pattern=None, after_name=None, limit=2
                )
            }
            code = await files_service.page(session, run.id, names=None, pattern="code/%", after_name=None, limit=1000)
            inputs = await artifact_reads.recipe_artifacts(session, run.id, inputs=True)
            outputs = await artifact_reads.recipe_artifacts(session, run.id, inputs=False)
            input_rows = await _recipe_artifacts(info, session, await _visible_artifacts(info, inputs))
            output_rows = await _recipe_artifacts(info, session, await _visible_artifacts(info, outputs))

        def as_file(row):
            return File.from_run_file(row, *path) if row else None

        return RunRecipe(
            config=dumps(run.config or {}),
            program=run.program,
            commit=run.git_commit,
            git_remote=run.git_remote,
            diff_patch=as_file(named.get("diff.patch")),
            requirements=as_file(named.get("requirements.txt")),
            code_files=[as_file(f) for f in code],
            inputs=input_rows,
            outputs=output_rows,
        )

    @strawberry.field(description="Versions the run used as inputs.")
    async def input_artifacts(
        self, info: Info, after: str | None = None, first: int | None = None
    ) -> Connection[Artifact]:
        return await _run_artifacts(info, self.row.id, inputs=True, after=after, first=first)


# --- node resolution ------------------------------------------------------------------------------------


@register_node("Artifact")
async def _artifact_node(info: Info, pk: int) -> Artifact | None:
    async with info.context.read() as session:
        row = await artifact_service.readable_version(session, info.context.actor, pk)
    return Artifact.from_row(row) if row else None


@register_node("ArtifactCollection")
async def _collection_node(info: Info, pk: int) -> ArtifactCollection | None:
    async with info.context.read() as session:
        row = await artifact_service.readable_collection(session, info.context.actor, pk)
    return collection_type(row) if row else None
