"""Projects (W&B's legacy name: "model"): lookup with visibility, creation with entity defaults."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, Membership, Project, ProjectMember, Run
from app.db.types import utcnow
from app.db.unique import insert_or_get
from app.domain import audit
from app.domain.actor import Actor
from app.domain.errors import BadInput, Conflict, Forbidden, NotFound, Unauthenticated
from app.domain.kinds import PUBLICLY_READABLE, ProjectAccess
from app.domain.names import check_project_name
from app.domain.policy import Access
from app.domain.users import require_entity

ACCESS_ALIASES = {
    "PRIVATE": ProjectAccess.PRIVATE,
    "ENTITY_READ": ProjectAccess.PRIVATE,
    "ENTITY_WRITE": ProjectAccess.PRIVATE,
    "TEAM": ProjectAccess.PRIVATE,
    "RESTRICTED": ProjectAccess.RESTRICTED,
    "USER_READ": ProjectAccess.PUBLIC,
    "PUBLIC": ProjectAccess.PUBLIC,
    "USER_WRITE": ProjectAccess.OPEN,
    "OPEN": ProjectAccess.OPEN,
}


def normalize_access(value: str) -> ProjectAccess:
    access = ACCESS_ALIASES.get((value or "").upper())
    if access is None:
        raise BadInput(
            f"invalid project access {value!r}: use PRIVATE, RESTRICTED, USER_READ (public) or USER_WRITE (open)"
        )
    return access


async def find(session: AsyncSession, entity: Entity, name: str) -> Project | None:
    return await session.scalar(select(Project).where(Project.entity_id == entity.id, Project.name == name))


# Built once: every request naming a project runs one of them. The viewer's team role and place in
# the project's member list come along, for the read check.
_PROJECT_WITH_ENTITY = (
    select(Project, Entity, Membership.role.label("team_role"), ProjectMember.id.label("project_member_id"))
    .join(Entity, Entity.id == Project.entity_id)
    .outerjoin(Membership, and_(Membership.team_id == Entity.id, Membership.user_id == bindparam("user_id")))
    .outerjoin(
        ProjectMember, and_(ProjectMember.project_id == Project.id, ProjectMember.user_id == bindparam("user_id"))
    )
    .where(Entity.name == bindparam("entity_name"), Project.name == bindparam("name"))
)
_PROJECT_WITH_ENTITY_AND_RUN = _PROJECT_WITH_ENTITY.add_columns(Run).outerjoin(
    Run, (Run.project_id == Project.id) & (Run.name == bindparam("run_name"))
)


@dataclass(frozen=True)
class ReadableProject:
    project: Project
    entity: Entity
    run: Run | None = None  # the run named ``run_name``, when one was asked for and exists


async def readable(
    session: AsyncSession, actor: Actor, entity_name: str | None, name: str, *, run_name: str | None = None
) -> ReadableProject | None:
    """The project and its entity (and the run named ``run_name``), read in one statement, if the
    project exists and the actor may read it; None otherwise (existence never leaks)."""
    if not entity_name:
        return None
    parameters = {"entity_name": entity_name, "name": name, "user_id": actor.user.id if actor.user else None}
    if run_name is None:
        row = (await session.execute(_PROJECT_WITH_ENTITY, parameters)).first()
    else:
        row = (await session.execute(_PROJECT_WITH_ENTITY_AND_RUN, parameters | {"run_name": run_name})).first()
    if row is None:
        return None
    entity, project = row.Entity, row.Project
    if not Access.of(actor, entity, row.team_role, project, on_member_list=row.project_member_id is not None).can_read:
        return None
    return ReadableProject(project, entity, row.Run if run_name is not None else None)


async def can_read(session: AsyncSession, actor: Actor, entity: Entity, project: Project) -> bool:
    return (await Access.load(session, actor, entity, project)).can_read


async def require_writable(session: AsyncSession, actor: Actor, entity: Entity, name: str, *, create: bool) -> Project:
    """The project the actor may log to, created with the entity's defaults when ``create`` is set.

    Raises Forbidden with a sentence the wandb client prints as is."""
    project = await find(session, entity, name)
    access = await Access.load(session, actor, entity, project)
    if not access.can_write:
        raise access.write_denied()
    if project is None:
        if not create:
            raise NotFound(f"project {name} not found in {entity.name}")
        created = await create_project(session, actor, entity, name)
        if created is None:  # another request created it a moment ago: check access to that one
            return await require_writable(session, actor, entity, name, create=False)
        project = created
    return project


async def create_project(
    session: AsyncSession,
    actor: Actor,
    entity: Entity,
    name: str,
    *,
    description: str | None = None,
    access: str | None = None,
) -> Project | None:
    """A new project, or None when the name is taken (by a concurrent request: callers read the
    stored project then and check it as one that existed)."""
    check_project_name(name)
    new = Project(
        entity_id=entity.id,
        name=name,
        description=description,
        access=normalize_access(access) if access else entity.default_access,
        created_by_id=actor.user_id,
    )
    [(project, inserted)] = await insert_or_get(session, [new], ("entity_id", "name"))
    if not inserted:
        return None
    audit.record(
        session,
        actor,
        "project.create",
        entity_id=entity.id,
        target_type="project",
        target_id=project.id,
        name=name,
        access=project.access,
    )
    return project


async def readable_page(
    session: AsyncSession,
    actor: Actor,
    entity: Entity,
    *,
    limit: int,
    before_id: int | None = None,
) -> tuple[list[Project], bool, int]:
    """One page of the entity's projects the actor may read, newest first: (rows, has_next, total).

    The viewer's role is computed once and visibility is filtered in SQL (no per-project checks)."""
    access = await Access.load(session, actor, entity)
    visible = (Project.entity_id == entity.id) & access.readable_projects_clause()
    query = select(Project).where(visible)
    if before_id is not None:
        query = query.where(Project.id < before_id)
    rows = list((await session.scalars(query.order_by(Project.id.desc()).limit(limit + 1))).all())
    total = await session.scalar(select(func.count()).select_from(Project).where(visible)) or 0
    return rows[:limit], len(rows) > limit, total


@dataclass(frozen=True)
class ProjectChanges:
    description: str | None = None
    access: str | None = None


@dataclass(frozen=True)
class UpsertPlan:
    entity: Entity
    project: Project | None  # None: create
    access: str | None
    updates: dict[str, str]


async def check_upsert(
    session: AsyncSession,
    actor: Actor,
    *,
    entity_name: str | None,
    name: str | None,
    project_id: int | None,
    changes: ProjectChanges,
) -> UpsertPlan:
    """What an upsert would do, or the DomainError refusing it: creating needs write access to the
    entity; changing description/access needs ``can_administer_project``; a no-op needs write access."""
    if actor.user is None:
        raise Unauthenticated("sign in with an API key to create or change projects")
    entity, project, standing = await _upsert_target(session, actor, entity_name, name, project_id)
    access = normalize_access(changes.access) if changes.access is not None else None
    if entity.private_only and access in PUBLICLY_READABLE:
        raise BadInput(f"{entity.name} is private-only, so its projects cannot be {access}")
    if project is None:
        if not standing.can_write:
            raise standing.write_denied()
        return UpsertPlan(entity, None, access, {})
    updates = {
        key: value
        for key, value in (("description", changes.description), ("access", access))
        if value is not None and getattr(project, key) != value
    }
    if not updates:
        if not standing.can_write:
            raise standing.write_denied()
    elif not standing.can_change_project_settings:
        raise Forbidden(
            f"permission denied: user {actor.label} cannot change the settings of {entity.name}/{project.name}"
        )
    return UpsertPlan(entity, project, access, updates)


async def upsert_project(
    session: AsyncSession,
    actor: Actor,
    *,
    entity_name: str | None,
    name: str | None,
    project_id: int | None,
    changes: ProjectChanges,
) -> tuple[Project, bool]:
    """Create or update a project (see ``check_upsert``). Returns (project, inserted)."""
    plan = await check_upsert(
        session, actor, entity_name=entity_name, name=name, project_id=project_id, changes=changes
    )
    if plan.project is None:
        project = await create_project(
            session, actor, plan.entity, name, description=changes.description, access=plan.access
        )
        if project is not None:
            return project, True
        # Created by a concurrent request since check_upsert: this is an update of that project.
        plan = await check_upsert(
            session, actor, entity_name=entity_name, name=name, project_id=project_id, changes=changes
        )
        if plan.project is None:
            raise Conflict(f"project {name} was created and deleted concurrently; retry")
    project = plan.project
    for key, value in plan.updates.items():
        setattr(project, key, value)
    if plan.updates:
        project.updated_at = utcnow()
    audit.record(
        session,
        actor,
        "project.update",
        entity_id=plan.entity.id,
        target_type="project",
        target_id=project.id,
        **plan.updates,
    )
    return project, False


async def _upsert_target(
    session: AsyncSession,
    actor: Actor,
    entity_name: str | None,
    name: str | None,
    project_id: int | None,
) -> tuple[Entity, Project | None, Access]:
    if project_id is not None:
        project = await session.get(Project, project_id)
        entity = await session.get(Entity, project.entity_id) if project else None
        access = await Access.load(session, actor, entity, project) if project else None
        if access is None or not access.can_read:
            raise NotFound(f"project {project_id} not found")
        if name and name != project.name:
            raise BadInput(f"projects cannot be renamed: {project.name} stays {project.name}")
        if entity_name and entity_name != entity.name:
            raise BadInput(f"project {project.name} belongs to {entity.name}, not {entity_name}")
        return entity, project, access
    if not name:
        raise BadInput("a project name (or id) is required")
    if entity_name:
        entity = await require_entity(session, entity_name)
    else:
        entity = await session.get(Entity, actor.user.default_entity_id or actor.user.entity_id)
    project = await find(session, entity, name)
    access = await Access.load(session, actor, entity, project)
    if project is not None and not access.can_read:
        raise access.write_denied()
    return entity, project, access


async def readable_by_id(session: AsyncSession, actor: Actor, project_id: int) -> Project | None:
    """The project with this id, when the actor may read it (None when missing or not readable)."""
    project = await session.get(Project, project_id)
    if project is None:
        return None
    entity = await session.get(Entity, project.entity_id)
    return project if await can_read(session, actor, entity, project) else None
