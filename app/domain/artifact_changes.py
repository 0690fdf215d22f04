"""Changing artifacts: input lineage, aliases, description/metadata/tags/TTL, deleting versions and
collections, linking versions into portfolios. Deleting returns the storage keys freed; the caller
deletes their bytes after the transaction commits (artifact_blobs.delete_bytes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import (
    Artifact,
    ArtifactAlias,
    ArtifactCollection,
    ArtifactFile,
    ArtifactMembership,
    ArtifactType,
    ArtifactUse,
    Project,
)
from app.db.types import utcnow
from app.domain import artifact_blobs, artifacts, audit, runs
from app.domain.actor import Actor
from app.domain.artifact_saving import (
    _json_object,
    ensure_collection,
    ensure_type,
    move_latest,
    set_alias,
    writable_place,
)
from app.domain.artifacts import (
    COMMITTED,
    DELETED,
    LATEST,
    PORTFOLIO,
    SEQUENCE,
    Version,
    check_alias,
    check_collection_name,
    check_ttl,
    collection_by_id,
    collection_named,
    expiry,
    is_expired,
    membership_of,
    next_index,
    version_by_id,
)
from app.domain.errors import BadInput, Conflict, NotFound


async def use_artifact(
    session: AsyncSession,
    actor: Actor,
    entity_name: str,
    project_name: str,
    run_name: str,
    artifact_id: int,
    used_as: str | None = None,
) -> Artifact:
    """Record that the run used the version (its input lineage)."""
    context = await runs.loggable_run(session, actor, entity_name, project_name, run_name)
    version = await version_by_id(session, actor, artifact_id)
    if version.artifact.state != COMMITTED or is_expired(version.artifact):
        raise BadInput(
            f"artifact {version.sequence.name}:v{version.artifact.version_index} is not committed"
            + (" (it expired)" if is_expired(version.artifact) else "")
        )
    found = await session.scalar(
        select(ArtifactUse).where(ArtifactUse.run_id == context.run.id, ArtifactUse.artifact_id == artifact_id)
    )
    if found is None:
        try:
            async with session.begin_nested():
                session.add(ArtifactUse(run_id=context.run.id, artifact_id=artifact_id, used_as=used_as))
                await session.flush()
        except IntegrityError:
            pass
        audit.record(
            session,
            actor,
            "artifact.use",
            entity_id=context.entity.id,
            target_type="artifact",
            target_id=artifact_id,
            run=context.run.name,
        )
    return version.artifact


@dataclass(frozen=True)
class AliasTarget:
    collection_name: str
    entity_name: str | None
    project_name: str | None
    alias: str


async def _collection_for_alias(
    session: AsyncSession, actor: Actor, version: Version, target: AliasTarget
) -> ArtifactCollection:
    """The collection an alias lives in: the version's sequence or a portfolio it is linked to."""
    project = version.place.project
    if target.project_name and (
        target.project_name != project.name or (target.entity_name and target.entity_name != version.place.entity.name)
    ):
        place = await writable_place(
            session, actor, target.entity_name or version.place.entity.name, target.project_name, create=False
        )
        project = place.project
    collection = await collection_named(session, project.id, target.collection_name)
    if collection is None or await membership_of(session, collection.id, version.artifact.id) is None:
        raise NotFound(f"artifact {version.artifact.id} is not a member of collection {target.collection_name}")
    return collection


async def add_aliases(session: AsyncSession, actor: Actor, artifact_id: int, targets: list[AliasTarget]) -> Artifact:
    version = await version_by_id(session, actor, artifact_id, write=True)
    if version.artifact.state != COMMITTED or is_expired(version.artifact):
        raise BadInput("aliases can only be given to committed versions that have not expired")
    for target in targets:
        check_alias(target.alias)
        collection = await _collection_for_alias(session, actor, version, target)
        await set_alias(session, collection.id, artifact_id, target.alias)
    audit.record(
        session,
        actor,
        "artifact.aliases.add",
        entity_id=version.place.entity.id,
        target_type="artifact",
        target_id=artifact_id,
        aliases=[t.alias for t in targets],
    )
    return version.artifact


async def delete_aliases(session: AsyncSession, actor: Actor, artifact_id: int, targets: list[AliasTarget]) -> Artifact:
    version = await version_by_id(session, actor, artifact_id, write=True)
    for target in targets:
        check_alias(target.alias)
        collection = await _collection_for_alias(session, actor, version, target)
        await session.execute(
            delete(ArtifactAlias).where(
                ArtifactAlias.collection_id == collection.id,
                ArtifactAlias.artifact_id == artifact_id,
                ArtifactAlias.alias == target.alias,
            )
        )
    audit.record(
        session,
        actor,
        "artifact.aliases.delete",
        entity_id=version.place.entity.id,
        target_type="artifact",
        target_id=artifact_id,
        aliases=[t.alias for t in targets],
    )
    return version.artifact


@dataclass
class ArtifactChanges:
    description: str | None = None
    metadata: str | None = None
    ttl_duration_seconds: int | None = None
    aliases: list[AliasTarget] | None = None  # the full set of the version's aliases, when given
    tags_to_add: list[str] | None = None
    tags_to_delete: list[str] | None = None


async def update_artifact(session: AsyncSession, actor: Actor, artifact_id: int, changes: ArtifactChanges) -> Artifact:
    version = await version_by_id(session, actor, artifact_id, write=True, for_update=True)
    artifact = version.artifact
    if artifact.state == DELETED or is_expired(artifact):
        raise NotFound(f"artifact {artifact_id} not found")
    changed = []
    if changes.description is not None:
        artifact.description = changes.description
        changed.append("description")
    if changes.metadata is not None:
        artifact.metadata_ = _json_object(changes.metadata, "metadata")
        changed.append("metadata")
    if changes.ttl_duration_seconds is not None:
        artifact.ttl_duration_seconds = check_ttl(changes.ttl_duration_seconds)
        artifact.expires_at = expiry(artifact.created_at, artifact.ttl_duration_seconds)
        changed.append("ttl")
    if changes.tags_to_add or changes.tags_to_delete:
        tags = [t for t in (artifact.labels or []) if t not in set(changes.tags_to_delete or [])]
        tags += [t for t in changes.tags_to_add or [] if t not in tags]
        artifact.labels = tags or None
        changed.append("tags")
    if changes.aliases is not None:
        await _replace_aliases(session, actor, version, changes.aliases)
        changed.append("aliases")
    artifact.updated_at = utcnow()
    await session.flush()
    audit.record(
        session,
        actor,
        "artifact.update",
        entity_id=version.place.entity.id,
        target_type="artifact",
        target_id=artifact_id,
        changed=changed,
    )
    return artifact


async def _replace_aliases(session: AsyncSession, actor: Actor, version: Version, targets: list[AliasTarget]) -> None:
    wanted = {(t.collection_name, check_alias(t.alias, allow_reserved=True)) for t in targets}
    for alias in await session.scalars(select(ArtifactAlias).where(ArtifactAlias.artifact_id == version.artifact.id)):
        collection = await session.get(ArtifactCollection, alias.collection_id)
        if alias.alias != LATEST and (collection.name, alias.alias) not in wanted:
            await session.delete(alias)
    for target in targets:
        if target.alias == LATEST:
            continue
        check_alias(target.alias)
        collection = await _collection_for_alias(session, actor, version, target)
        await set_alias(session, collection.id, version.artifact.id, target.alias)
    await session.flush()


@dataclass
class Deleted:
    artifact: Artifact
    freed: list[tuple[str, int]]


async def delete_artifact(session: AsyncSession, actor: Actor, artifact_id: int, *, delete_aliases: bool) -> Deleted:
    """The version becomes DELETED: its files, memberships and aliases go, and the blobs nothing
    else references. Refused while it holds aliases of its own unless ``delete_aliases``."""
    version = await version_by_id(session, actor, artifact_id, write=True, for_update=True)
    artifact = version.artifact
    if artifact.state == DELETED:
        return Deleted(artifact, [])
    own = [
        a.alias
        for a in await session.scalars(select(ArtifactAlias).where(ArtifactAlias.artifact_id == artifact_id))
        if a.alias != LATEST
    ]
    if own and not delete_aliases:
        raise Conflict(
            f"artifact {version.sequence.name}:v{artifact.version_index} has aliases "
            f"{', '.join(sorted(own))}; remove them first or delete with delete_aliases=True"
        )
    freed = await _drop_version(session, artifact)
    audit.record(
        session,
        actor,
        "artifact.delete",
        entity_id=version.place.entity.id,
        target_type="artifact",
        target_id=artifact_id,
        collection=version.sequence.name,
        version=artifact.version_index,
        aliases=own,
        blobs_freed=len(freed),
        bytes_freed=sum(size for _, size in freed),
    )
    return Deleted(artifact, freed)


async def _drop_version(session: AsyncSession, artifact: Artifact) -> list[tuple[str, int]]:
    collections = list(
        (
            await session.scalars(
                select(ArtifactMembership.collection_id).where(ArtifactMembership.artifact_id == artifact.id)
            )
        ).all()
    )
    blob_ids = list(
        (
            await session.scalars(
                select(ArtifactFile.blob_id).where(
                    ArtifactFile.artifact_id == artifact.id, ArtifactFile.blob_id.is_not(None)
                )
            )
        ).all()
    )
    blob_ids.append(artifact.manifest_blob_id)
    await session.execute(delete(ArtifactAlias).where(ArtifactAlias.artifact_id == artifact.id))
    await session.execute(delete(ArtifactMembership).where(ArtifactMembership.artifact_id == artifact.id))
    await session.execute(delete(ArtifactFile).where(ArtifactFile.artifact_id == artifact.id))
    artifact.state = DELETED
    artifact.manifest_blob_id = None
    artifact.size = 0
    artifact.file_count = 0
    artifact.updated_at = utcnow()
    await session.flush()
    for collection_id in set(collections):
        await move_latest(session, collection_id)
    return await artifact_blobs.release_unreferenced(session, blob_ids)


EXPIRY_BATCH = 200
SYSTEM = Actor()  # audit events of the expiry sweep name no user (details: via="ttl")


@dataclass
class Expired:
    versions: int
    freed: list[tuple[str, int]]


async def expire_due(session: AsyncSession, *, at: datetime | None = None, limit: int = EXPIRY_BATCH) -> Expired:
    """Delete up to ``limit`` versions whose TTL ran out by ``at`` (now): like DeleteArtifact with
    delete_aliases (aliases freed, ``latest`` moved, memberships gone), one audit event each. The
    storage keys freed are for deleting after commit (artifact_blobs.delete_bytes). Rows another
    process is expiring are skipped (PostgreSQL)."""
    at = at or artifacts.now()
    due = (
        await session.scalars(
            select(Artifact)
            .where(Artifact.expires_at <= at, Artifact.state != DELETED)
            .order_by(Artifact.expires_at, Artifact.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
    freed: list[tuple[str, int]] = []
    for artifact in due:
        sequence = await session.get(ArtifactCollection, artifact.collection_id)
        project = await session.get(Project, sequence.project_id)
        aliases = sorted(
            a.alias
            for a in await session.scalars(select(ArtifactAlias).where(ArtifactAlias.artifact_id == artifact.id))
            if a.alias != LATEST
        )
        expires_at = artifact.expires_at
        dropped = await _drop_version(session, artifact)
        freed += dropped
        audit.record(
            session,
            SYSTEM,
            "artifact.expire",
            entity_id=project.entity_id,
            target_type="artifact",
            target_id=artifact.id,
            collection=sequence.name,
            version=artifact.version_index,
            ttl_duration_seconds=artifact.ttl_duration_seconds,
            expired_at=expires_at.isoformat(),
            aliases=aliases,
            blobs_freed=len(dropped),
            bytes_freed=sum(size for _, size in dropped),
            via="ttl",
        )
    return Expired(len(due), freed)


async def delete_collection(
    session: AsyncSession, actor: Actor, collection_id: int
) -> tuple[ArtifactCollection, list[tuple[str, int]]]:
    """A sequence goes with all its versions (and their links elsewhere); a portfolio with its links only."""
    collection, place = await collection_by_id(session, actor, collection_id, write=True)
    freed: list[tuple[str, int]] = []
    if collection.kind == SEQUENCE:
        versions = (
            await session.scalars(
                select(Artifact).where(Artifact.collection_id == collection.id, Artifact.state != DELETED)
            )
        ).all()
        for artifact in versions:
            freed += await _drop_version(session, artifact)
        await session.execute(
            update(Artifact).where(Artifact.collection_id == collection.id).values(base_artifact_id=None)
        )
    await session.execute(delete(ArtifactAlias).where(ArtifactAlias.collection_id == collection.id))
    await session.execute(delete(ArtifactMembership).where(ArtifactMembership.collection_id == collection.id))
    if collection.kind == SEQUENCE:
        await session.execute(
            delete(ArtifactUse).where(
                ArtifactUse.artifact_id.in_(select(Artifact.id).where(Artifact.collection_id == collection.id))
            )
        )
        await session.execute(delete(Artifact).where(Artifact.collection_id == collection.id))
    await session.delete(collection)
    await session.flush()
    audit.record(
        session,
        actor,
        "artifact_collection.delete",
        entity_id=place.entity.id,
        target_type="artifact_collection",
        target_id=collection_id,
        name=collection.name,
        kind=collection.kind,
        bytes_freed=sum(size for _, size in freed),
    )
    return collection, freed


async def update_collection(
    session: AsyncSession,
    actor: Actor,
    collection_id: int,
    *,
    name: str | None,
    description: str | None,
    type_name: str | None = None,
) -> ArtifactCollection:
    collection, place = await collection_by_id(session, actor, collection_id, write=True)
    changed = []
    if name is not None and name != collection.name:
        check_collection_name(name)
        if await collection_named(session, collection.project_id, name) is not None:
            raise Conflict(f"an artifact collection named {name} already exists in {place.path}")
        collection.name = name
        changed.append("name")
    if description is not None:
        collection.description = description
        changed.append("description")
    if type_name is not None:
        artifact_type = await ensure_type(session, place.project, type_name)
        collection.type_id = artifact_type.id
        if collection.kind == SEQUENCE:
            await session.execute(
                update(Artifact).where(Artifact.collection_id == collection.id).values(type_id=artifact_type.id)
            )
        changed.append("type")
    collection.updated_at = utcnow()
    await session.flush()
    audit.record(
        session,
        actor,
        "artifact_collection.update",
        entity_id=place.entity.id,
        target_type="artifact_collection",
        target_id=collection_id,
        changed=changed,
    )
    return collection


async def update_collection_tags(
    session: AsyncSession,
    actor: Actor,
    entity_name: str,
    project_name: str,
    collection_name: str,
    *,
    add: list[str],
    remove: list[str],
) -> ArtifactCollection:
    place = await writable_place(session, actor, entity_name, project_name, create=False)
    collection = await collection_named(session, place.project.id, collection_name)
    if collection is None:
        raise NotFound(f"artifact collection {collection_name} not found in {place.path}")
    tags = [t for t in (collection.tags or []) if t not in set(remove)]
    tags += [t for t in add if t not in tags]
    collection.tags = tags
    collection.updated_at = utcnow()
    await session.flush()
    audit.record(
        session,
        actor,
        "artifact_collection.tags",
        entity_id=place.entity.id,
        target_type="artifact_collection",
        target_id=collection.id,
        added=add,
        removed=remove,
    )
    return collection


async def link_artifact(
    session: AsyncSession,
    actor: Actor,
    artifact_id: int,
    entity_name: str,
    project_name: str,
    portfolio_name: str,
    aliases: list[str],
) -> ArtifactMembership:
    """Add the version to the portfolio (created with the version's type when missing) and give it
    ``aliases`` there; ``latest`` of the portfolio moves to its newest link."""
    version = await version_by_id(session, actor, artifact_id)
    if version.artifact.state != COMMITTED or is_expired(version.artifact):
        raise BadInput(
            "only committed versions can be linked" + (" (this one expired)" if is_expired(version.artifact) else "")
        )
    place = await writable_place(session, actor, entity_name, project_name, create=True)
    source_type = await session.get(ArtifactType, version.artifact.type_id)
    artifact_type = await ensure_type(session, place.project, source_type.name)
    portfolio = await ensure_collection(session, place.project, artifact_type, portfolio_name, PORTFOLIO, lock=True)
    membership = await membership_of(session, portfolio.id, artifact_id)
    if membership is None:
        membership = ArtifactMembership(
            collection_id=portfolio.id, artifact_id=artifact_id, version_index=await next_index(session, portfolio.id)
        )
        session.add(membership)
        await session.flush()
    for alias in aliases:
        if alias != LATEST:
            await set_alias(session, portfolio.id, artifact_id, check_alias(alias))
    await move_latest(session, portfolio.id)
    portfolio.updated_at = utcnow()
    audit.record(
        session,
        actor,
        "artifact.link",
        entity_id=place.entity.id,
        target_type="artifact",
        target_id=artifact_id,
        portfolio=portfolio.name,
        project_id=place.project.id,
        version=membership.version_index,
        aliases=aliases,
    )
    return membership


async def unlink_artifact(session: AsyncSession, actor: Actor, artifact_id: int, portfolio_id: int) -> None:
    portfolio, place = await collection_by_id(session, actor, portfolio_id, write=True)
    if portfolio.kind != PORTFOLIO:
        raise BadInput(f"{portfolio.name} is a sequence; versions are deleted from it, not unlinked")
    membership = await membership_of(session, portfolio_id, artifact_id)
    if membership is None:
        raise NotFound(f"artifact {artifact_id} is not linked to {portfolio.name}")
    await session.execute(
        delete(ArtifactAlias).where(
            ArtifactAlias.collection_id == portfolio_id, ArtifactAlias.artifact_id == artifact_id
        )
    )
    await session.delete(membership)
    await session.flush()
    await move_latest(session, portfolio_id)
    audit.record(
        session,
        actor,
        "artifact.unlink",
        entity_id=place.entity.id,
        target_type="artifact",
        target_id=artifact_id,
        portfolio=portfolio.name,
    )


async def server_id_of_client_id(session: AsyncSession, actor: Actor, client_id: str) -> int | None:
    """The version a client-side id names (ClientIDMapping), if the actor may read it."""
    artifact_id = await session.scalar(select(Artifact.id).where(Artifact.client_id == client_id[:128]))
    if artifact_id is None:
        return None
    try:
        await version_by_id(session, actor, artifact_id)
    except NotFound:
        return None
    return artifact_id


async def delete_outputs_of_runs(session: AsyncSession, actor: Actor, run_ids: list[int]) -> list[tuple[str, int]]:
    """Delete the versions these runs logged (deleteRuns/deleteRun with deleteArtifacts), with their
    aliases; the storage keys freed, for deleting after commit."""
    freed: list[tuple[str, int]] = []
    for start in range(0, len(run_ids), 500):
        versions = (
            await session.scalars(
                select(Artifact.id).where(Artifact.run_id.in_(run_ids[start : start + 500]), Artifact.state != DELETED)
            )
        ).all()
        for artifact_id in versions:
            version = await version_by_id(session, actor, artifact_id, write=True, for_update=True)
            dropped = await _drop_version(session, version.artifact)
            freed += dropped
            audit.record(
                session,
                actor,
                "artifact.delete",
                entity_id=version.place.entity.id,
                target_type="artifact",
                target_id=artifact_id,
                collection=version.sequence.name,
                version=version.artifact.version_index,
                reason="its run was deleted",
                bytes_freed=sum(size for _, size in dropped),
            )
    return freed


@dataclass(frozen=True)
class ProducedCollection:
    entity_name: str
    project_name: str
    name: str
    versions: int


async def collections_produced_by(session: AsyncSession, run_ids: list[int]) -> list[ProducedCollection]:
    """The sequences holding versions these runs logged, with how many each; moving the runs leaves
    them where they are."""
    from app.db.tables import Entity

    found: dict[tuple[str, str, str], int] = {}
    for start in range(0, len(run_ids), 500):
        rows = (
            await session.execute(
                select(Entity.name, Project.name, ArtifactCollection.name, func.count(Artifact.id))
                .join(ArtifactCollection, ArtifactCollection.id == Artifact.collection_id)
                .join(Project, Project.id == ArtifactCollection.project_id)
                .join(Entity, Entity.id == Project.entity_id)
                .where(Artifact.run_id.in_(run_ids[start : start + 500]), Artifact.state != DELETED)
                .group_by(Entity.name, Project.name, ArtifactCollection.name)
            )
        ).all()
        for entity, project, name, count in rows:
            found[(entity, project, name)] = found.get((entity, project, name), 0) + count
    return [ProducedCollection(e, p, n, c) for (e, p, n), c in sorted(found.items())]
