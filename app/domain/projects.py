"""Projects (W&B's legacy name: "model"): lookup with visibility, creation with entity defaults."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, Project
from app.domain import audit, policy
from app.domain.actor import Actor
from app.domain.errors import BadInput, Forbidden, NotFound
from app.domain.names import check_project_name
from app.domain.users import entity_by_name

ACCESS_ALIASES = {
    "PRIVATE": policy.PRIVATE,
    "ENTITY_READ": policy.PRIVATE,
    "ENTITY_WRITE": policy.PRIVATE,
    "TEAM": policy.PRIVATE,
    "RESTRICTED": policy.RESTRICTED,
    "USER_READ": policy.PUBLIC,
    "PUBLIC": policy.PUBLIC,
    "USER_WRITE": policy.OPEN,
    "OPEN": policy.OPEN,
}


def normalize_access(value: str) -> str:
    access = ACCESS_ALIASES.get((value or "").upper())
    if access is None:
        raise BadInput(f"invalid project access {value!r}: use PRIVATE, RESTRICTED, USER_READ (public) or USER_WRITE (open)")
    return access


async def find(session: AsyncSession, entity: Entity, name: str) -> Project | None:
    return await session.scalar(select(Project).where(Project.entity_id == entity.id, Project.name == name))


async def readable(session: AsyncSession, actor: Actor, entity_name: str | None, name: str) -> Project | None:
    """The project if it exists and the actor may read it; None otherwise (existence never leaks)."""
    entity = await entity_by_name(session, entity_name) if entity_name else None
    if entity is None:
        return None
    project = await find(session, entity, name)
    if project is None or not await can_read(session, actor, entity, project):
        return None
    return project


async def can_read(session: AsyncSession, actor: Actor, entity: Entity, project: Project) -> bool:
    role = await policy.role_in(session, actor, entity)
    in_restricted = project.access == policy.RESTRICTED and await policy.in_restricted_project(session, actor, project)
    return policy.can_read_project(actor, role, project, in_restricted=in_restricted)


async def require_writable(
    session: AsyncSession, actor: Actor, entity: Entity, name: str, *, create: bool
) -> Project:
    """The project the actor may log to, created with the entity's defaults when ``create`` is set.

    Raises Forbidden with a sentence the wandb client prints as is."""
    project = await find(session, entity, name)
    role = await policy.role_in(session, actor, entity)
    in_restricted = project is not None and project.access == policy.RESTRICTED and (
        await policy.in_restricted_project(session, actor, project)
    )
    if not policy.can_write_project(actor, role, project, in_restricted=in_restricted):
        raise Forbidden(write_denied_message(actor, entity, role))
    if project is None:
        if not create:
            raise NotFound(f"project {name} not found in {entity.name}")
        project = await create_project(session, actor, entity, name)
    return project


def write_denied_message(actor: Actor, entity: Entity, role: str | None) -> str:
    who = actor.label
    if role is None:
        if entity.kind == "team":
            return f"permission denied: user {who} is not a member of team {entity.name}"
        return f"permission denied: user {who} cannot write to {entity.name}'s projects"
    return f"permission denied: user {who} has role {role.lower()} in {entity.name} and cannot write to its projects"


async def create_project(
    session: AsyncSession, actor: Actor, entity: Entity, name: str, *, description: str | None = None,
    access: str | None = None,
) -> Project:
    check_project_name(name)
    project = Project(
        entity_id=entity.id,
        name=name,
        description=description,
        access=normalize_access(access) if access else entity.default_access,
        created_by_id=actor.user_id,
    )
    session.add(project)
    await session.flush()
    audit.record(session, actor, "project.create", entity_id=entity.id, target_type="project",
                 target_id=project.id, name=name, access=project.access)
    return project

