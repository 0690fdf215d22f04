"""The reads behind the artifact types that are not filtered listings (those are ``artifact_queries``):
a version's files, memberships and users; a collection's aliases; a project's types; the versions a
run logged or used. Callers have decided the viewer may read the object they start from; objects in
another project (a portfolio linking a version, a run that used it) are theirs to check.

Pages are keyset pages: ``after`` is the last key of the previous page, and callers ask for one row
more than they show to learn whether another page follows."""

from __future__ import annotations

from typing import Any, Sequence

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import (
    Artifact,
    ArtifactAlias,
    ArtifactCollection,
    ArtifactFile,
    ArtifactMembership,
    ArtifactType,
    ArtifactUse,
    Blob,
    Entity,
    Project,
    Run,
)
from app.domain.artifacts import COMMITTED, DELETED, unexpired


async def _keyset_page(
    session: AsyncSession, query: Select[Any], key: Any, after: int | None, limit: int
) -> Sequence[Any]:
    """``limit`` rows of ``query`` in ``key`` order from after ``after``."""
    if after is not None:
        query = query.where(key > after)
    return (await session.scalars(query.order_by(key).limit(limit))).all()


async def file_rows(
    session: AsyncSession, artifact_id: int, *, names: Sequence[str], after_path: str | None, limit: int
) -> Sequence[Any]:
    """The version's stored files by path (``names``: only these), each with its blob's storage key and
    MD5. Plain columns: ORM objects for 5,000 files and blobs cost more than the rest of the page."""
    query = (
        select(
            ArtifactFile.id,
            ArtifactFile.path,
            ArtifactFile.size,
            ArtifactFile.mimetype,
            ArtifactFile.created_at,
            ArtifactFile.digest,
            ArtifactFile.artifact_id,
            ArtifactFile.birth_artifact_id,
            Blob.storage_key,
            Blob.md5,
        )
        .join(Blob, Blob.id == ArtifactFile.blob_id)
        .where(ArtifactFile.artifact_id == artifact_id)
    )
    if names:
        query = query.where(ArtifactFile.path.in_(names))
    if after_path is not None:
        query = query.where(ArtifactFile.path > after_path)
    return (await session.execute(query.order_by(ArtifactFile.path).limit(limit))).all()


async def path_of(session: AsyncSession, artifact_id: int) -> tuple[str, str, str]:
    """The (entity, project, collection) names of a version's sequence."""
    row = (
        await session.execute(
            select(Entity.name, Project.name, ArtifactCollection.name)
            .join(Project, Project.entity_id == Entity.id)
            .join(ArtifactCollection, ArtifactCollection.project_id == Project.id)
            .join(Artifact, Artifact.collection_id == ArtifactCollection.id)
            .where(Artifact.id == artifact_id)
        )
    ).one()
    return row[0], row[1], row[2]


async def manifest_blob(session: AsyncSession, artifact: Artifact) -> Blob | None:
    """The version's manifest content, once uploaded."""
    if artifact.manifest_blob_id is None:
        return None
    blob = await session.get(Blob, artifact.manifest_blob_id)
    return blob if blob is not None and blob.uploaded_at is not None else None


async def users_of(session: AsyncSession, artifact_id: int) -> Sequence[Run]:
    """The runs that used the version, in the order they used it."""
    return (
        await session.scalars(
            select(Run)
            .join(ArtifactUse, ArtifactUse.run_id == Run.id)
            .where(ArtifactUse.artifact_id == artifact_id)
            .order_by(ArtifactUse.id)
        )
    ).all()


async def memberships_of(session: AsyncSession, artifact_id: int) -> Sequence[ArtifactMembership]:
    """The version's place in its sequence and in every portfolio that links it."""
    return (
        await session.scalars(
            select(ArtifactMembership)
            .where(ArtifactMembership.artifact_id == artifact_id)
            .order_by(ArtifactMembership.id)
        )
    ).all()


async def collection_aliases(
    session: AsyncSession, collection_id: int, *, after_id: int | None, limit: int
) -> Sequence[ArtifactAlias]:
    """The collection's aliases (latest included), oldest first."""
    query = select(ArtifactAlias).where(ArtifactAlias.collection_id == collection_id)
    return await _keyset_page(session, query, ArtifactAlias.id, after_id, limit)


async def project_types(
    session: AsyncSession, project_id: int, *, after_id: int | None, limit: int
) -> Sequence[ArtifactType]:
    """The project's artifact types, oldest first."""
    query = select(ArtifactType).where(ArtifactType.project_id == project_id)
    return await _keyset_page(session, query, ArtifactType.id, after_id, limit)


def _logged_by(run_id: int) -> Select[tuple[Artifact]]:
    return select(Artifact).where(Artifact.run_id == run_id)


def _used_by(run_id: int) -> Select[tuple[Artifact]]:
    return (
        select(Artifact).join(ArtifactUse, ArtifactUse.artifact_id == Artifact.id).where(ArtifactUse.run_id == run_id)
    )


async def run_artifacts(
    session: AsyncSession, run_id: int, *, inputs: bool, after_id: int | None, limit: int
) -> Sequence[Artifact]:
    """The live versions (pending or committed, unexpired) the run used (``inputs``) or logged, by id."""
    query = (_used_by if inputs else _logged_by)(run_id).where(Artifact.state != DELETED, unexpired())
    return await _keyset_page(session, query, Artifact.id, after_id, limit)


async def recipe_artifacts(session: AsyncSession, run_id: int, *, inputs: bool) -> Sequence[Artifact]:
    """The committed, unexpired versions the run used (in the order it used them) or logged."""
    query = (_used_by if inputs else _logged_by)(run_id).where(Artifact.state == COMMITTED, unexpired())
    return (await session.scalars(query.order_by(ArtifactUse.id if inputs else Artifact.id))).all()


async def recipe_names(session: AsyncSession, artifact: Artifact) -> tuple[str, str, str, str]:
    """A version's (entity, project, collection, type) names, as the client's paths spell them."""
    entity, project, collection = await path_of(session, artifact.id)
    artifact_type = await session.get(ArtifactType, artifact.type_id)
    return entity, project, collection, artifact_type.name
