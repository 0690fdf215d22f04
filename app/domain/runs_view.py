"""Reading single runs with visibility checks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, Project, Run
from app.domain import projects
from app.domain.actor import Actor


async def run_with_place(session: AsyncSession, run_id: int) -> tuple[Run, Project, Entity] | None:
    """A run with the project and entity it lives in, or None."""
    row = (
        await session.execute(
            select(Run, Project, Entity)
            .join(Project, Project.id == Run.project_id)
            .join(Entity, Entity.id == Project.entity_id)
            .where(Run.id == run_id)
        )
    ).first()
    return tuple(row) if row else None  # type: ignore[return-value]


async def readable_run_by_id(session: AsyncSession, actor: Actor, run_id: int) -> Run | None:
    found = await run_with_place(session, run_id)
    if found is None:
        return None
    run, project, entity = found
    return run if await projects.can_read(session, actor, entity, project) else None


async def run_in_project(session: AsyncSession, project: Project, name: str) -> Run | None:
    return await session.scalar(select(Run).where(Run.project_id == project.id, Run.name == name))
