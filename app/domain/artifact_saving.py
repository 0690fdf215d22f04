"""Saving artifact versions as wandb-core does (PROTOCOL.md §3.5): create the version, its manifest
and file upload slots, then commit.

``create_artifact`` makes version N+1 of the sequence as PENDING (or returns an identical committed
version, and then the client uploads nothing); ``create_files`` hands out upload slots only for
content the instance does not hold yet; ``commit`` reads the uploaded manifest, records every entry
(stored content or reference), applies the requested aliases and moves ``latest``. An INCREMENTAL
or PATCH manifest lists only changes: the version's files are its base's, overlaid with them, and
the server stores the merged manifest as the version's manifest.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import (
    Artifact,
    ArtifactAlias,
    ArtifactCollection,
    ArtifactFile,
    ArtifactMembership,
    ArtifactType,
    Blob,
    Project,
)
from app.db.types import storable_json, utcnow
from app.domain import artifact_blobs, artifact_uploads, audit, projects, runs
from app.domain.actor import Actor
from app.domain.artifacts import (
    COMMITTED,
    LATEST,
    PENDING,
    PORTFOLIO,
    SEQUENCE,
    Version,
    check_alias,
    check_collection_name,
    check_ttl,
    check_type_name,
    expiry,
    latest_committed,
    next_index,
    place_of,
    require_write,
    type_named,
    unexpired,
    version_by_id,
)
from app.domain.errors import BadInput, Conflict, Unauthenticated
from app.domain.policy import Access
from app.domain.users import require_entity

MANIFEST_TYPES = ("FULL", "INCREMENTAL", "PATCH")
MAX_FILES_PER_CALL = 20_000
MAX_MANIFEST_BYTES = 512 * 1024 * 1024
REFERENCE_SCHEMES = (
    "s3://",
    "gs://",
    "http://",
    "https://",
    "file://",
    "wandb-artifact://",
    "wandb-client-artifact://",
    "az://",
    "https://",
)


@dataclass
class CreateArtifactRequest:
    entity_name: str
    project_name: str
    type_name: str
    collection_name: str
    digest: str
    run_name: str | None = None
    description: str | None = None
    metadata: str | None = None
    aliases: list[str] = field(default_factory=list)
    labels: list[str] | None = None
    history_step: int | None = None
    ttl_duration_seconds: int | None = None
    client_id: str | None = None
    sequence_client_id: str | None = None
    distributed_id: str | None = None
    digest_algorithm: str | None = None
    deduplicate: bool = True


@dataclass
class Created:
    artifact: Artifact
    sequence: ArtifactCollection
    previous: Artifact | None  # the newest committed version before this call
    deduplicated: bool


async def writable_place(
    session: AsyncSession, actor: Actor, entity_name: str, project_name: str, *, create: bool
) -> Access:
    """The project (created with the entity's defaults when ``create``) the actor may write artifacts to."""
    if actor.user is None:
        raise Unauthenticated("an API key is required to save artifacts")
    entity = await require_entity(session, entity_name)
    project = await projects.require_writable(session, actor, entity, project_name, create=create)
    place = await place_of(session, actor, project, entity)
    require_write(actor, place, f"project {entity_name}/{project_name}")
    return place


async def ensure_type(
    session: AsyncSession, project: Project, name: str, description: str | None = None
) -> ArtifactType:
    check_type_name(name)
    found = await type_named(session, project.id, name)
    if found is not None:
        return found
    artifact_type = ArtifactType(project_id=project.id, name=name, description=description)
    try:
        async with session.begin_nested():
            session.add(artifact_type)
            await session.flush()
    except IntegrityError:
        found = await type_named(session, project.id, name)
        if found is None:
            raise
        return found
    return artifact_type


async def create_type(
    session: AsyncSession, actor: Actor, entity_name: str, project_name: str, name: str, description: str | None
) -> ArtifactType:
    place = await writable_place(session, actor, entity_name, project_name, create=True)
    artifact_type = await ensure_type(session, place.project, name, description)
    audit.record(
        session,
        actor,
        "artifact_type.create",
        entity_id=place.entity.id,
        target_type="artifact_type",
        target_id=artifact_type.id,
        name=name,
        project_id=place.project.id,
    )
    return artifact_type


async def ensure_collection(
    session: AsyncSession, project: Project, artifact_type: ArtifactType, name: str, kind: str, *, lock: bool = False
) -> ArtifactCollection:
    """The collection ``name`` of the project, created as ``kind``; BadInput when it exists with
    another kind or type."""
    check_collection_name(name)
    query = select(ArtifactCollection).where(
        ArtifactCollection.project_id == project.id, ArtifactCollection.name == name
    )
    collection = await session.scalar(query.with_for_update() if lock else query)
    if collection is None:
        collection = ArtifactCollection(project_id=project.id, type_id=artifact_type.id, name=name, kind=kind, tags=[])
        try:
            async with session.begin_nested():
                session.add(collection)
                await session.flush()
        except IntegrityError:
            collection = await session.scalar(query.with_for_update() if lock else query)
            if collection is None:
                raise
    if collection.kind != kind:
        what = "portfolio (linked versions)" if collection.kind == PORTFOLIO else "sequence of logged versions"
        raise BadInput(f"artifact collection {name} in {project.name} is a {what}; choose another name")
    if collection.type_id != artifact_type.id:
        existing = await session.get(ArtifactType, collection.type_id)
        raise BadInput(
            f"artifact {name} has type {existing.name}, not {artifact_type.name}; use its type or another name"
        )
    return collection


def _json_object(value: str | None, field_name: str) -> Any:
    if value is None or value == "":
        return None
    try:
        parsed = json.loads(value)
    except ValueError as error:
        raise BadInput(f"{field_name} is not valid JSON: {error}") from None
    if parsed is not None and not isinstance(parsed, dict):
        raise BadInput(f"{field_name} must be a JSON object")
    return storable_json(parsed)


async def create_artifact(session: AsyncSession, actor: Actor, request: CreateArtifactRequest) -> Created:
    metadata = _json_object(request.metadata, "metadata")
    aliases = [check_alias(a, allow_reserved=True) for a in request.aliases]
    if not request.digest or len(request.digest) > 64:
        raise BadInput("digest is required: the manifest's digest as the client computes it")
    check_ttl(request.ttl_duration_seconds)
    run = None
    if request.run_name:
        context = await runs.loggable_run(session, actor, request.entity_name, request.project_name, request.run_name)
        place = await place_of(session, actor, context.project, context.entity)
        require_write(actor, place, f"project {place.path}")
        run = context.run
    else:
        place = await writable_place(session, actor, request.entity_name, request.project_name, create=True)
    artifact_type = await ensure_type(session, place.project, request.type_name)
    sequence = await ensure_collection(
        session, place.project, artifact_type, request.collection_name, SEQUENCE, lock=True
    )
    if request.sequence_client_id and not sequence.client_id:
        sequence.client_id = request.sequence_client_id[:128]
    previous = await latest_committed(session, sequence.id)
    if request.client_id:
        retried = await session.scalar(
            select(Artifact).where(Artifact.client_id == request.client_id[:128], Artifact.collection_id == sequence.id)
        )
        if retried is not None:
            return Created(retried, sequence, previous, retried.state == COMMITTED)
    if request.distributed_id:
        shared = await session.scalar(
            select(Artifact).where(
                Artifact.collection_id == sequence.id,
                Artifact.distributed_id == request.distributed_id[:128],
                Artifact.state == PENDING,
            )
        )
        if shared is not None:  # another writer of the same distributed version
            return Created(shared, sequence, previous, False)
    if request.deduplicate and not request.distributed_id:
        same = await session.scalar(
            select(Artifact)
            .where(
                Artifact.collection_id == sequence.id,
                Artifact.digest == request.digest,
                Artifact.state == COMMITTED,
                unexpired(),
            )
            .order_by(Artifact.version_index.desc())
            .limit(1)
        )
        if same is not None:
            # Nothing new is made, but the aliases asked for still name the identical version.
            for alias in aliases:
                if alias != LATEST:
                    await set_alias(session, sequence.id, same.id, alias)
            audit.record(
                session,
                actor,
                "artifact.create",
                entity_id=place.entity.id,
                target_type="artifact",
                target_id=same.id,
                collection=sequence.name,
                version=same.version_index,
                deduplicated=True,
                aliases=aliases,
            )
            return Created(same, sequence, previous, True)
    now = utcnow()
    artifact = Artifact(
        collection_id=sequence.id,
        type_id=artifact_type.id,
        version_index=await next_index(session, sequence.id),
        digest=request.digest,
        digest_algorithm=request.digest_algorithm or "MANIFEST_MD5",
        state=PENDING,
        description=request.description,
        metadata_=metadata,
        labels=list(request.labels or []) or None,
        requested_aliases=sorted(set(aliases)),
        run_id=run.id if run else None,
        history_step=request.history_step,
        ttl_duration_seconds=request.ttl_duration_seconds,
        expires_at=expiry(now, request.ttl_duration_seconds),
        client_id=request.client_id[:128] if request.client_id else None,
        created_by_id=actor.user.id,
        distributed_id=request.distributed_id[:128] if request.distributed_id else None,
        created_at=now,
        updated_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(artifact)
            await session.flush()
    except IntegrityError:
        raise Conflict(f"another version of {sequence.name} was created at the same moment; retry") from None
    audit.record(
        session,
        actor,
        "artifact.create",
        entity_id=place.entity.id,
        target_type="artifact",
        target_id=artifact.id,
        collection=sequence.name,
        version=artifact.version_index,
        project_id=place.project.id,
    )
    return Created(artifact, sequence, previous, False)


# --- manifests ----------------------------------------------------------------------------------


async def _pending(session: AsyncSession, actor: Actor, artifact_id: int) -> Version:
    version = await version_by_id(session, actor, artifact_id, write=True, for_update=True)
    if version.artifact.state != PENDING:
        raise Conflict(
            f"artifact {version.sequence.name}:v{version.artifact.version_index} is "
            f"{version.artifact.state.lower()} and can no longer change its files"
        )
    return version


async def set_manifest(
    session: AsyncSession,
    actor: Actor,
    artifact_id: int,
    *,
    digest: str | None,
    base_artifact_id: int | None = None,
    manifest_type: str | None = None,
) -> tuple[Artifact, Blob | None]:
    """Record the manifest's kind and base; with a digest, its blob (the upload target)."""
    version = await _pending(session, actor, artifact_id)
    artifact = version.artifact
    if manifest_type is not None:
        if manifest_type not in MANIFEST_TYPES:
            raise BadInput(f"invalid manifest type {manifest_type!r}: use FULL, INCREMENTAL or PATCH")
        artifact.manifest_type = manifest_type
    if base_artifact_id is not None:
        base = await version_by_id(session, actor, base_artifact_id)
        if base.artifact.collection_id != artifact.collection_id:
            raise BadInput("baseArtifactID must be a version of the same artifact")
        artifact.base_artifact_id = base_artifact_id
    blob = None
    if digest:
        hex_digest = artifact_blobs.md5_hex(digest)
        blob = (await artifact_blobs.ensure(session, [hex_digest]))[hex_digest]
        artifact.manifest_blob_id = blob.id
        if artifact.manifest_type == "PATCH":
            artifact.patch_blob_ids = [*(b for b in artifact.patch_blob_ids or [] if b != blob.id), blob.id]
    artifact.updated_at = utcnow()
    await session.flush()
    audit.record(
        session,
        actor,
        "artifact.manifest",
        entity_id=version.place.entity.id,
        target_type="artifact",
        target_id=artifact.id,
        manifest_type=artifact.manifest_type,
        with_digest=bool(digest),
    )
    return artifact, blob


async def manifest_blob(session: AsyncSession, artifact: Artifact) -> Blob | None:
    return await session.get(Blob, artifact.manifest_blob_id) if artifact.manifest_blob_id else None


# --- file upload slots --------------------------------------------------------------------------


@dataclass
class FileSpec:
    artifact_id: int
    name: str
    md5: str


@dataclass
class FileSlot:
    spec: FileSpec
    blob: Blob
    needs_upload: bool
    artifact: Artifact


async def create_files(session: AsyncSession, actor: Actor, specs: list[FileSpec]) -> list[FileSlot]:
    """One slot per file, in order; content the instance already holds needs no upload."""
    if len(specs) > MAX_FILES_PER_CALL:
        raise BadInput(f"too many files in one call: {len(specs)}, the limit is {MAX_FILES_PER_CALL}")
    versions: dict[int, Version] = {}
    for artifact_id in {s.artifact_id for s in specs}:
        versions[artifact_id] = await _pending(session, actor, artifact_id)
    digests = [artifact_blobs.md5_hex(s.md5) for s in specs]
    for spec in specs:
        check_entry_path(spec.name)
    blobs = await artifact_blobs.ensure(session, digests)
    slots = [
        FileSlot(spec, blobs[d], blobs[d].uploaded_at is None, versions[spec.artifact_id].artifact)
        for spec, d in zip(specs, digests, strict=True)
    ]
    for artifact_id, version in versions.items():
        audit.record(
            session,
            actor,
            "artifact.files.create",
            entity_id=version.place.entity.id,
            target_type="artifact",
            target_id=artifact_id,
            count=sum(1 for s in specs if s.artifact_id == artifact_id),
        )
    return slots


def check_entry_path(path: str) -> str:
    normalized = posixpath.normpath(path or "")
    if (
        not path
        or path.startswith("/")
        or normalized.startswith("..")
        or normalized == "."
        or "\x00" in path
        or len(path) > 1024
    ):
        raise BadInput(f"invalid artifact file name {path!r}: use a relative path like data/train.csv")
    return path


# --- commit ---------------------------------------------------------------------------------------


async def read_manifest(storage, blob: Blob) -> dict[str, Any]:
    chunks = []
    total = 0
    async for chunk in storage.open(blob.storage_key):
        total += len(chunk)
        if total > MAX_MANIFEST_BYTES:
            raise BadInput("the artifact manifest is larger than the server accepts")
        chunks.append(chunk)
    try:
        manifest = json.loads(b"".join(chunks))
    except ValueError as error:
        raise BadInput(f"the uploaded artifact manifest is not valid JSON: {error}") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("contents", {}), dict):
        raise BadInput("the uploaded artifact manifest has no contents object")
    return manifest


async def commit(session: AsyncSession, storage, actor: Actor, artifact_id: int) -> Artifact:
    """Record the manifest's entries, mark the version COMMITTED, apply its aliases and move latest."""
    version = await version_by_id(session, actor, artifact_id, write=True, for_update=True)
    artifact = version.artifact
    if artifact.state == COMMITTED:
        return artifact
    if artifact.state != PENDING:
        raise Conflict(f"artifact {version.sequence.name}:v{artifact.version_index} was deleted")
    blob = await manifest_blob(session, artifact)
    if blob is not None:
        await artifact_uploads.confirm_direct_uploads(session, storage, [blob])
    if blob is None or blob.uploaded_at is None:
        raise BadInput(
            f"artifact {version.sequence.name}:v{artifact.version_index} has no uploaded manifest; "
            "upload wandb_manifest.json before committing"
        )
    manifest = await read_manifest(storage, blob)
    entries = _entries(manifest, artifact)
    if artifact.manifest_type == "INCREMENTAL":
        base = artifact.base_artifact_id and await session.get(Artifact, artifact.base_artifact_id)
        base = base or await latest_committed(session, artifact.collection_id)
        if base is not None:
            entries = {**(await _entries_of(session, base.id)), **entries}
    elif artifact.manifest_type == "PATCH":
        entries = {}
        for blob_id in artifact.patch_blob_ids or [blob.id]:  # every writer's part, in upload order
            part = await session.get(Blob, blob_id)
            if part is not None:
                await artifact_uploads.confirm_direct_uploads(session, storage, [part])
            if part is None or part.uploaded_at is None:
                raise BadInput("a part of this distributed artifact was never uploaded; upload it before committing")
            entries.update(_entries(await read_manifest(storage, part), artifact))
    if artifact.manifest_type in ("INCREMENTAL", "PATCH"):
        manifest = _manifest_of(manifest, entries)
        await _store_manifest(session, storage, artifact, manifest)
    await _record_files(session, storage, artifact, entries)
    now = utcnow()
    artifact.state = COMMITTED
    artifact.committed_at = now
    artifact.updated_at = now
    session.add(
        ArtifactMembership(
            collection_id=artifact.collection_id,
            artifact_id=artifact.id,
            version_index=artifact.version_index,
            created_at=now,
        )
    )
    await session.flush()
    for alias in artifact.requested_aliases or []:
        if alias != LATEST:
            await set_alias(session, artifact.collection_id, artifact.id, alias)
    await move_latest(session, artifact.collection_id)
    audit.record(
        session,
        actor,
        "artifact.commit",
        entity_id=version.place.entity.id,
        target_type="artifact",
        target_id=artifact.id,
        collection=version.sequence.name,
        version=artifact.version_index,
        files=artifact.file_count,
        size=artifact.size,
    )
    return artifact


def _entries(manifest: dict[str, Any], artifact: Artifact) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for path, entry in (manifest.get("contents") or {}).items():
        check_entry_path(path)
        if not isinstance(entry, dict) or not isinstance(entry.get("digest"), str):
            raise BadInput(f"manifest entry {path!r} has no digest")
        size = entry.get("size")
        if size is not None and (not isinstance(size, int) or size < 0):
            raise BadInput(f"manifest entry {path!r} has an invalid size {size!r}")
        ref = entry.get("ref")
        if ref is not None and (not isinstance(ref, str) or not ref.startswith(REFERENCE_SCHEMES)):
            raise BadInput(
                f"manifest entry {path!r} references {ref!r}: use an s3://, gs://, http(s)://, file:// "
                "or wandb-artifact:// URI"
            )
        entries[path] = {
            "digest": entry["digest"],
            "size": size,
            "ref": ref,
            "extra": entry.get("extra") or None,
            "birth_artifact_id": _birth_id(entry.get("birthArtifactID")) or artifact.id,
        }
    return entries


async def _entries_of(session: AsyncSession, artifact_id: int) -> dict[str, dict[str, Any]]:
    rows = (await session.scalars(select(ArtifactFile).where(ArtifactFile.artifact_id == artifact_id))).all()
    return {
        r.path: {
            "digest": r.digest,
            "size": r.size,
            "ref": r.ref,
            "extra": r.extra,
            "birth_artifact_id": r.birth_artifact_id,
        }
        for r in rows
    }


def artifact_global_id(artifact_id: int) -> str:
    """W&B's global id of a version (base64 of "Artifact:<id>"), as manifests carry it."""
    return base64.b64encode(f"Artifact:{artifact_id}".encode()).decode()


def _birth_id(value: Any) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        kind, _, pk = base64.b64decode(value, validate=True).decode().partition(":")
        return int(pk) if kind == "Artifact" else None
    except (ValueError, UnicodeDecodeError):
        return None


def _manifest_of(original: dict[str, Any], entries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A FULL manifest of ``entries`` in the uploaded manifest's format."""
    contents = {}
    for path, entry in sorted(entries.items()):
        item: dict[str, Any] = {"digest": entry["digest"]}
        if entry.get("ref") is not None:
            item["ref"] = entry["ref"]
        if entry.get("size") is not None:
            item["size"] = entry["size"]
        if entry.get("birth_artifact_id"):
            item["birthArtifactID"] = artifact_global_id(entry["birth_artifact_id"])
        if entry.get("extra"):
            item["extra"] = entry["extra"]
        contents[path] = item
    return {
        "version": original.get("version", 1),
        "storagePolicy": original.get("storagePolicy", "wandb-storage-policy-v1"),
        "storagePolicyConfig": original.get("storagePolicyConfig") or {"storageLayout": "V2"},
        "contents": contents,
    }


async def _store_manifest(session: AsyncSession, storage, artifact: Artifact, manifest: dict[str, Any]) -> None:
    """Store ``manifest`` as the version's manifest (content-addressed like every blob)."""
    data = json.dumps(manifest, indent=4, sort_keys=True).encode()
    hex_digest = hashlib.md5(data).hexdigest()
    blob = (await artifact_blobs.ensure(session, [hex_digest]))[hex_digest]
    if blob.uploaded_at is None:

        async def one_chunk():
            yield data

        size, _ = await storage.put(blob.storage_key, one_chunk(), max_bytes=MAX_MANIFEST_BYTES)
        await artifact_blobs.record_upload(session, blob.storage_key, size)
    artifact.manifest_blob_id = blob.id


async def _record_files(session: AsyncSession, storage, artifact: Artifact, entries: dict[str, dict[str, Any]]) -> None:
    digests = {p: artifact_blobs.md5_hex(e["digest"]) for p, e in entries.items() if e["ref"] is None}
    blobs = await artifact_blobs.by_digest(session, sorted(set(digests.values())))
    await artifact_uploads.confirm_direct_uploads(session, storage, list(blobs.values()))
    rows = []
    total = 0
    now = utcnow()
    for path, entry in entries.items():
        blob = None
        if entry["ref"] is None:
            blob = blobs.get(digests[path])
            if blob is None or blob.uploaded_at is None:
                raise BadInput(
                    f"artifact file {path} (md5 {entry['digest']}) was never uploaded; upload it before committing"
                )
            if entry["size"] is not None and blob.size != entry["size"]:
                raise BadInput(
                    f"artifact file {path} is {blob.size} bytes on the server, not {entry['size']} as the manifest says"
                )
        size = entry["size"] if entry["size"] is not None else (blob.size if blob else None)
        total += size or 0
        rows.append(
            {
                "artifact_id": artifact.id,
                "path": path,
                "size": size,
                "digest": entry["digest"][:128],
                "blob_id": blob.id if blob else None,
                "ref": entry["ref"],
                "birth_artifact_id": entry.get("birth_artifact_id") or artifact.id,
                "extra": storable_json(entry["extra"]) if entry["extra"] else None,
                "created_at": now,
            }
        )
    for start in range(0, len(rows), 1000):
        await session.execute(insert(ArtifactFile), rows[start : start + 1000])
    artifact.size = total
    artifact.file_count = len(rows)


# --- aliases (shared by commit, linking and the alias mutations) ---------------------------------


async def set_alias(session: AsyncSession, collection_id: int, artifact_id: int, alias: str) -> None:
    """Point ``alias`` of the collection at the version, taking it from its previous holder."""
    row = await session.scalar(
        select(ArtifactAlias)
        .where(ArtifactAlias.collection_id == collection_id, ArtifactAlias.alias == alias)
        .with_for_update()
    )
    if row is None:
        session.add(ArtifactAlias(collection_id=collection_id, artifact_id=artifact_id, alias=alias))
    else:
        row.artifact_id = artifact_id
    await session.flush()


async def move_latest(session: AsyncSession, collection_id: int) -> None:
    """``latest`` names the committed member with the highest index (or nothing)."""
    newest = await latest_committed(session, collection_id)
    if newest is None:
        row = await session.scalar(
            select(ArtifactAlias).where(ArtifactAlias.collection_id == collection_id, ArtifactAlias.alias == LATEST)
        )
        if row is not None:
            await session.delete(row)
            await session.flush()
        return
    await set_alias(session, collection_id, newest.id, LATEST)
