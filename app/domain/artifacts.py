"""Artifacts: finding versions and collections with the viewer's access, and reading them.

Artifacts belong to collections, and collections to a project: they follow that project's access
(policy.Access.can_read_artifacts / can_write_artifacts). The producing run is a reference (lineage), not
the owner: when runs move to another project, their artifacts stay in the collections where they
were logged, readable at the old path and through ``run.outputArtifacts`` at the new one.

Names: ``collection:vN`` is a version index, ``collection:latest`` the newest committed version,
anything else after the colon an alias; no colon means ``latest``.

Expiry: a version with a TTL (``ttlDurationSeconds`` > 0) expires that long after it was created.
From then on it is gone for every read (names, ``latest``, listings, downloads), as a deleted
version is, and the expiry sweep (artifact_changes.expire_due, a periodic background job) deletes
it: aliases freed, ``latest`` moved, content nothing else references released, audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import (
    Artifact,
    ArtifactAlias,
    ArtifactCollection,
    ArtifactMembership,
    ArtifactType,
    Entity,
    Project,
)
from app.db import types as db_types
from app.domain.actor import Actor
from app.domain.errors import BadInput, NotFound
from app.domain.policy import Access

SEQUENCE, PORTFOLIO = "SEQUENCE", "PORTFOLIO"
PENDING, COMMITTED, DELETED = "PENDING", "COMMITTED", "DELETED"
LATEST = "latest"
VERSION = re.compile(r"^v(\d+)$")
NAME = re.compile(r"^[\w.\-]{1,128}$")
ALIAS_FORBIDDEN = set("/:")
TTL_INHERIT, TTL_DISABLED = -1, -2  # the client's ttlDurationSeconds for "team default" and "never"


def now() -> datetime:
    """The clock expiry is measured by (tests set it)."""
    return db_types.utcnow()


def check_ttl(seconds: int | None) -> int | None:
    if seconds is not None and seconds <= 0 and seconds not in (TTL_INHERIT, TTL_DISABLED):
        raise BadInput(
            f"ttlDurationSeconds {seconds} is invalid: a positive number of seconds, "
            f"{TTL_INHERIT} (inherit the default) or {TTL_DISABLED} (never expire)"
        )
    return seconds


def expiry(created_at: datetime, ttl_duration_seconds: int | None) -> datetime | None:
    """When a version created at ``created_at`` with this TTL expires (None: never)."""
    if ttl_duration_seconds is None or ttl_duration_seconds <= 0:
        return None
    return created_at + timedelta(seconds=ttl_duration_seconds)


def unexpired(at: datetime | None = None):
    """The SQL condition "the version has not expired" (at ``at``, else now)."""
    return or_(Artifact.expires_at.is_(None), Artifact.expires_at > (at or now()))


def is_expired(artifact: Artifact, at: datetime | None = None) -> bool:
    if artifact.expires_at is None:
        return False
    expires = artifact.expires_at
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=timezone.utc)
    return expires <= (at or now())


def check_collection_name(name: str) -> str:
    if not NAME.match(name or ""):
        raise BadInput(f"invalid artifact name {name!r}: use up to 128 letters, digits, '-', '_' or '.'")
    return name


def check_type_name(name: str) -> str:
    if not NAME.match(name or ""):
        raise BadInput(f"invalid artifact type {name!r}: use up to 128 letters, digits, '-', '_' or '.'")
    return name


def check_alias(alias: str, *, allow_reserved: bool = False) -> str:
    if not alias or len(alias) > 128 or any(c in ALIAS_FORBIDDEN or ord(c) < 32 for c in alias):
        raise BadInput(f"invalid alias {alias!r}: use 1 to 128 characters without '/' or ':'")
    if not allow_reserved and (alias == LATEST or VERSION.match(alias)):
        raise BadInput(f"alias {alias!r} is reserved: 'latest' and 'vN' are set by the server")
    return alias


def split_name(name: str) -> tuple[str, str]:
    """``collection:ref`` -> (collection, ref); no ref means latest."""
    collection, _, ref = (name or "").partition(":")
    if not collection:
        raise BadInput(f"invalid artifact name {name!r}: use collection:version or collection:alias")
    return collection, ref or LATEST


async def place_of(session: AsyncSession, actor: Actor, project: Project, entity: Entity | None = None) -> Access:
    """The actor's access at ``project``, the place of its artifacts."""
    entity = entity or await session.get(Entity, project.entity_id)
    return await Access.load(session, actor, entity, project)


def require_write(actor: Actor, place: Access, what: str) -> None:
    """NotFound when the actor may not even read the project (existence never leaks), else
    Forbidden unless they may write its artifacts."""
    if place.can_write_artifacts:
        return
    if not place.can_read_artifacts:
        raise NotFound(f"{what} not found")
    raise place.write_denied()


@dataclass(frozen=True)
class Version:
    """A version with its sequence and the place of that sequence."""

    artifact: Artifact
    sequence: ArtifactCollection
    place: Access


async def version_by_id(
    session: AsyncSession, actor: Actor, artifact_id: int, *, write: bool = False, for_update: bool = False
) -> Version:
    """The version the actor may read (or write); NotFound otherwise."""
    query = select(Artifact).where(Artifact.id == artifact_id)
    if for_update:
        query = query.with_for_update()
    artifact = await session.scalar(query)
    if artifact is None:
        raise NotFound(f"artifact {artifact_id} not found")
    sequence = await session.get(ArtifactCollection, artifact.collection_id)
    project = await session.get(Project, sequence.project_id)
    place = await place_of(session, actor, project)
    if write:
        require_write(actor, place, f"artifact {artifact_id}")
    elif not place.can_read_artifacts:
        raise NotFound(f"artifact {artifact_id} not found")
    return Version(artifact, sequence, place)


async def readable_version(session: AsyncSession, actor: Actor, artifact_id: int) -> Artifact | None:
    try:
        return (await version_by_id(session, actor, artifact_id)).artifact
    except NotFound:
        return None


async def collection_by_id(
    session: AsyncSession, actor: Actor, collection_id: int, *, write: bool = False
) -> tuple[ArtifactCollection, Access]:
    collection = await session.get(ArtifactCollection, collection_id)
    if collection is None:
        raise NotFound(f"artifact collection {collection_id} not found")
    place = await place_of(session, actor, await session.get(Project, collection.project_id))
    if write:
        require_write(actor, place, f"artifact collection {collection_id}")
    elif not place.can_read_artifacts:
        raise NotFound(f"artifact collection {collection_id} not found")
    return collection, place


async def readable_collection(session: AsyncSession, actor: Actor, collection_id: int) -> ArtifactCollection | None:
    try:
        return (await collection_by_id(session, actor, collection_id))[0]
    except NotFound:
        return None


# --- lookups inside a project the caller already may read ---------------------------------------


async def collection_named(session: AsyncSession, project_id: int, name: str) -> ArtifactCollection | None:
    return await session.scalar(
        select(ArtifactCollection).where(ArtifactCollection.project_id == project_id, ArtifactCollection.name == name)
    )


async def type_named(session: AsyncSession, project_id: int, name: str) -> ArtifactType | None:
    return await session.scalar(
        select(ArtifactType).where(ArtifactType.project_id == project_id, ArtifactType.name == name)
    )


async def membership_for(session: AsyncSession, collection: ArtifactCollection, ref: str) -> ArtifactMembership | None:
    """The committed, unexpired member of ``collection`` that ``ref`` (vN, latest or an alias) names;
    ``latest`` is the highest such index (an expired latest the sweep has not reached yet is skipped)."""
    match = VERSION.match(ref)
    query = (
        select(ArtifactMembership)
        .join(Artifact, Artifact.id == ArtifactMembership.artifact_id)
        .where(ArtifactMembership.collection_id == collection.id, Artifact.state == COMMITTED, unexpired())
    )
    if match:
        query = query.where(ArtifactMembership.version_index == int(match.group(1)))
    elif ref == LATEST:
        query = query.order_by(ArtifactMembership.version_index.desc()).limit(1)
    else:
        query = query.join(
            ArtifactAlias,
            and_(
                ArtifactAlias.collection_id == collection.id,
                ArtifactAlias.artifact_id == ArtifactMembership.artifact_id,
            ),
        ).where(ArtifactAlias.alias == ref)
    return await session.scalar(query)


async def membership_by_name(session: AsyncSession, project_id: int, name: str) -> ArtifactMembership | None:
    collection_name, ref = split_name(name)
    collection = await collection_named(session, project_id, collection_name)
    if collection is None:
        return None
    return await membership_for(session, collection, ref)


async def membership_of(session: AsyncSession, collection_id: int, artifact_id: int) -> ArtifactMembership | None:
    return await session.scalar(
        select(ArtifactMembership).where(
            ArtifactMembership.collection_id == collection_id, ArtifactMembership.artifact_id == artifact_id
        )
    )


async def latest_committed(session: AsyncSession, collection_id: int) -> Artifact | None:
    """The committed, unexpired member of the collection with the highest index."""
    return await session.scalar(
        select(Artifact)
        .join(ArtifactMembership, ArtifactMembership.artifact_id == Artifact.id)
        .where(ArtifactMembership.collection_id == collection_id, Artifact.state == COMMITTED, unexpired())
        .order_by(ArtifactMembership.version_index.desc())
        .limit(1)
    )


async def next_index(session: AsyncSession, collection_id: int) -> int:
    """The next version index of a collection (indices are never reused)."""
    highest_version = await session.scalar(
        select(func.max(Artifact.version_index)).where(Artifact.collection_id == collection_id)
    )
    highest_member = await session.scalar(
        select(func.max(ArtifactMembership.version_index)).where(ArtifactMembership.collection_id == collection_id)
    )
    highest = max(v for v in (highest_version, highest_member, -1) if v is not None)
    return highest + 1


async def readable_blob(session: AsyncSession, actor: Actor, entity_name: str, project_name: str | None, md5_hex: str):
    """The stored content with this MD5 that a committed version in the entity's project (any of
    its projects when ``project_name`` is None) holds and the actor may read; NotFound otherwise."""
    from app.db.tables import ArtifactFile, Blob

    what = f"artifact file {md5_hex} in {entity_name}" + (f"/{project_name}" if project_name else "")
    base = (
        select(Blob, Project, Entity)
        .join(ArtifactFile, ArtifactFile.blob_id == Blob.id)
        .join(Artifact, Artifact.id == ArtifactFile.artifact_id)
        .join(ArtifactMembership, ArtifactMembership.artifact_id == Artifact.id)
        .join(ArtifactCollection, ArtifactCollection.id == ArtifactMembership.collection_id)
        .join(Project, Project.id == ArtifactCollection.project_id)
        .join(Entity, Entity.id == Project.entity_id)
        .where(
            Blob.md5 == md5_hex,
            Artifact.state == COMMITTED,
            unexpired(),
            Entity.name == entity_name,
            Blob.uploaded_at.is_not(None),
        )
    )
    if project_name is not None:
        base = base.where(Project.name == project_name)
    seen: set[int] = set()
    for blob, project, entity in (await session.execute(base.limit(50))).all():
        if project.id in seen:
            continue
        seen.add(project.id)
        if (await place_of(session, actor, project, entity)).can_read_artifacts:
            return blob
    raise NotFound(f"{what} not found")
