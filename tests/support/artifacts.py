"""Artifacts made directly through the services (as the client's save flow would), for in-process tests."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import func, select

from app.api import ids
from app.db import tables
from app.domain import artifact_blobs, artifact_changes, artifact_saving
from app.domain.actor import Actor

ARTIFACT_TABLES = (
    tables.Artifact,
    tables.ArtifactCollection,
    tables.ArtifactAlias,
    tables.ArtifactMembership,
    tables.ArtifactFile,
    tables.ArtifactUse,
    tables.ArtifactType,
    tables.Blob,
    tables.AuditEvent,
)


def b64md5(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data).digest()).decode()


@dataclass
class Saved:
    artifact_id: int
    collection_id: int
    keys: dict[str, str]  # path -> storage key

    @property
    def global_id(self) -> str:
        return ids.encode("Artifact", self.artifact_id)

    @property
    def collection_global_id(self) -> str:
        return ids.encode("ArtifactCollection", self.collection_id)


async def _store(runtime, session, data: bytes) -> tables.Blob:
    hex_digest = hashlib.md5(data).hexdigest()
    blob = (await artifact_blobs.ensure(session, [hex_digest]))[hex_digest]
    if blob.uploaded_at is None:

        async def chunks():
            yield data

        size, _ = await runtime.storage.put(blob.storage_key, chunks(), max_bytes=len(data) + 1)
        await artifact_blobs.record_upload(session, blob.storage_key, size)
    return blob


async def user_actor(session, username: str) -> Actor:
    return Actor(user=await session.scalar(select(tables.User).where(tables.User.username == username)))


async def save_artifact(
    runtime,
    username: str,
    entity: str,
    project: str,
    name: str,
    files: dict[str, bytes],
    *,
    aliases: tuple[str, ...] = (),
    commit: bool = True,
    type_name: str = "dataset",
) -> Saved:
    """A version of ``entity/project/name`` with ``files``, saved as ``username``."""
    async with runtime.session_factory.begin() as session:
        actor = await user_actor(session, username)
        digest = hashlib.md5(json.dumps(sorted((p, b64md5(d)) for p, d in files.items())).encode()).hexdigest()
        created = await artifact_saving.create_artifact(
            session,
            actor,
            artifact_saving.CreateArtifactRequest(
                entity_name=entity,
                project_name=project,
                type_name=type_name,
                collection_name=name,
                digest=digest,
                aliases=["latest", *aliases],
                metadata=json.dumps({"n": len(files)}),
            ),
        )
        artifact_id = created.artifact.id
        keys = {}
        for path, data in files.items():
            keys[path] = (await _store(runtime, session, data)).storage_key
        manifest = {
            "version": 1,
            "storagePolicy": "wandb-storage-policy-v1",
            "storagePolicyConfig": {"storageLayout": "V2"},
            "contents": {p: {"digest": b64md5(d), "size": len(d)} for p, d in files.items()},
        }
        data = json.dumps(manifest).encode()
        manifest_blob = await _store(runtime, session, data)
        await artifact_saving.set_manifest(session, actor, artifact_id, digest=b64md5(data))
        assert (await session.get(tables.Artifact, artifact_id)).manifest_blob_id == manifest_blob.id
        if commit:
            await artifact_saving.commit(session, runtime.storage, actor, artifact_id)
    return Saved(artifact_id, created.sequence.id, keys)


async def link(runtime, username: str, saved: Saved, entity: str, project: str, portfolio: str) -> int:
    async with runtime.session_factory.begin() as session:
        actor = await user_actor(session, username)
        membership = await artifact_changes.link_artifact(
            session, actor, saved.artifact_id, entity, project, portfolio, []
        )
        return membership.collection_id


async def artifact_row_counts(runtime) -> dict[str, int]:
    async with runtime.session_factory() as session:
        return {t.__tablename__: await session.scalar(select(func.count()).select_from(t)) for t in ARTIFACT_TABLES}
