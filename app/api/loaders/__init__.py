"""Per-request DataLoaders: each batch runs one statement in its own short session.

A query that returns N runs with their project, entity and user costs a constant number of SQL
statements. Common loaders are properties here; an area keeps its own loader factories in its
module (``app/api/loaders/<area>.py``) and gets them with ``info.context.loaders.get(factory)``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Sequence, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from strawberry.dataloader import DataLoader

from app.db.tables import Entity, Membership, Project, ProjectMember, Run, User
from app.domain.actor import Actor
from app.domain.kinds import Role
from app.domain.policy import Access, role_from_membership

if TYPE_CHECKING:
    from app.runtime import Runtime

T = TypeVar("T")


def by_key_loader(session_factory: async_sessionmaker[AsyncSession], model: Any, column: Any) -> DataLoader[Any, Any]:
    """Rows of ``model`` whose ``column`` equals each key (None where missing)."""

    async def load(keys: Sequence[Any]) -> list[Any]:
        async with session_factory() as session:
            rows = (await session.scalars(select(model).where(column.in_(set(keys))))).all()
        found = {getattr(row, column.key): row for row in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def grouped_loader(
    session_factory: async_sessionmaker[AsyncSession], model: Any, column: Any, *order_by: Any
) -> DataLoader[Any, list[Any]]:
    """All rows of ``model`` whose ``column`` equals each key, as one list per key."""

    async def load(keys: Sequence[Any]) -> list[list[Any]]:
        async with session_factory() as session:
            rows = (await session.scalars(select(model).where(column.in_(set(keys))).order_by(*order_by))).all()
        groups: dict[Any, list[Any]] = defaultdict(list)
        for row in rows:
            groups[getattr(row, column.key)].append(row)
        return [groups.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


def batch_loader(
    session_factory: async_sessionmaker[AsyncSession],
    fetch: Callable[[AsyncSession, Sequence[Any]], Awaitable[dict[Any, Any]]],
    default: Any = None,
) -> DataLoader[Any, Any]:
    """A loader from a function that maps a batch of keys to values in one session."""

    async def load(keys: Sequence[Any]) -> list[Any]:
        async with session_factory() as session:
            found = await fetch(session, keys)
        return [found.get(key, default) for key in keys]

    return DataLoader(load_fn=load)


class Loaders:
    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], actor: Actor, runtime: "Runtime | None" = None
    ) -> None:
        self.session_factory = session_factory
        self.actor = actor
        self.runtime = runtime  # for the few loaders that write or reach storage
        self._made: dict[Callable[..., DataLoader], DataLoader] = {}

    def get(self, factory: Callable[["Loaders"], DataLoader[Any, T]]) -> DataLoader[Any, T]:
        """The request's loader made by ``factory(loaders)``; area modules keep their factories."""
        if factory not in self._made:
            self._made[factory] = factory(self)
        return self._made[factory]

    @cached_property
    def entity(self) -> DataLoader[int, Entity | None]:
        return by_key_loader(self.session_factory, Entity, Entity.id)

    @cached_property
    def entity_by_name(self) -> DataLoader[str, Entity | None]:
        return by_key_loader(self.session_factory, Entity, Entity.name)

    @cached_property
    def user(self) -> DataLoader[int, User | None]:
        return by_key_loader(self.session_factory, User, User.id)

    @cached_property
    def user_by_entity(self) -> DataLoader[int, User | None]:
        return by_key_loader(self.session_factory, User, User.entity_id)

    @cached_property
    def project(self) -> DataLoader[int, Project | None]:
        return by_key_loader(self.session_factory, Project, Project.id)

    @cached_property
    def run(self) -> DataLoader[int, Run | None]:
        return by_key_loader(self.session_factory, Run, Run.id)

    @cached_property
    def viewer_role(self) -> DataLoader[int, Role | None]:
        """The viewer's role in each entity id (policy.role_from_membership: ADMIN of their own personal entity)."""
        actor = self.actor

        async def fetch(session: AsyncSession, entity_ids: Sequence[int]) -> dict[int, Role | None]:
            if actor.user is None:
                return {}
            team_roles = dict(
                (
                    await session.execute(
                        select(Membership.team_id, Membership.role).where(
                            Membership.user_id == actor.user.id, Membership.team_id.in_(set(entity_ids))
                        )
                    )
                ).all()
            )
            return {
                entity_id: role_from_membership(actor, entity_id, team_roles.get(entity_id)) for entity_id in entity_ids
            }

        return batch_loader(self.session_factory, fetch)

    async def viewer_access(self, entity: Entity) -> Access:
        """The viewer's access at ``entity`` (its projects' decisions need ``Access.load`` or ``at``)."""
        return Access(self.actor, entity, await self.viewer_role.load(entity.id))

    @cached_property
    def viewer_on_member_list(self) -> DataLoader[int, bool]:
        """Whether the viewer is on each project's member list (the decisions at a RESTRICTED project)."""
        actor = self.actor

        async def fetch(session: AsyncSession, project_ids: Sequence[int]) -> dict[int, bool]:
            if actor.user is None:
                return {}
            found = await session.scalars(
                select(ProjectMember.project_id).where(
                    ProjectMember.user_id == actor.user.id, ProjectMember.project_id.in_(set(project_ids))
                )
            )
            return {project_id: True for project_id in found}

        return batch_loader(self.session_factory, fetch, default=False)

    async def viewer_project_access(self, project: Project) -> Access:
        """The viewer's access at ``project``, for the ``viewerCan*`` fields the web app shows actions by."""
        viewer = (await self.viewer_access(await self.entity.load(project.entity_id))).at(project, on_member_list=False)
        if viewer.needs_member_list:
            return viewer.at(project, on_member_list=await self.viewer_on_member_list.load(project.id))
        return viewer

    @cached_property
    def viewer_administers_team_of(self) -> DataLoader[int, bool]:
        """Whether the viewer is an ADMIN of a team each user id belongs to (policy.can_see_email)."""
        actor = self.actor

        async def fetch(session: AsyncSession, user_ids: Sequence[int]) -> dict[int, bool]:
            if actor.user is None:
                return {}
            theirs, mine = Membership, aliased(Membership)
            found = await session.scalars(
                select(theirs.user_id)
                .distinct()
                .join(mine, mine.team_id == theirs.team_id)
                .where(mine.user_id == actor.user.id, mine.role == Role.ADMIN, theirs.user_id.in_(set(user_ids)))
            )
            return {user_id: True for user_id in found}

        return batch_loader(self.session_factory, fetch, default=False)
