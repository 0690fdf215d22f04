"""The types that point at each other, and the helpers that build them, without a circle of imports.

A Project lists its Runs and a Run names its Project; an Entity lists its Invites and an Invite
names its User; an Artifact lists its Files and a File names its Artifact. Python modules cannot
import each other both ways, so the type modules import one way only::

    node, refs → organization, team → entity → rules, alert, file → artifact → run (and its mixins)
        → project (and its mixins)

A module that returns objects of a type defined further along (``Run.project``, ``Entity.projects``,
``Invite.toUser``, ``Alert.run``, ``File.artifact``) builds them with the class that module
registered here when it was imported (``@refs.PROJECT.define``); the field's annotation is one of
the ``strawberry.lazy`` references below. ``app.api.schema`` imports every type module before the
schema answers anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Generic, TypeVar

import strawberry

from app.api.context import Info
from app.db import tables
from app.domain.kinds import EntityKind

if TYPE_CHECKING:
    from app.api.types.artifact import Artifact
    from app.api.types.entity import Entity, Team, User
    from app.api.types.project import Project
    from app.api.types.run import Run

T = TypeVar("T")


class TypeRef(Generic[T]):
    """A GraphQL type that modules earlier in the order build without importing its module."""

    def __init__(self, name: str, module: str) -> None:
        self.name = name
        self.module = module
        self._type: type[T] | None = None

    def define(self, cls: type[T]) -> type[T]:
        """Class decorator in ``module``: this is the type."""
        if cls.__name__ != self.name or cls.__module__ != self.module:
            raise TypeError(f"{cls.__module__}.{cls.__name__} is not {self.module}.{self.name}")
        self._type = cls
        return cls

    @property
    def type(self) -> type[T]:
        if self._type is None:
            raise RuntimeError(f"{self.name} is built before {self.module} was imported (import app.api.schema)")
        return self._type


PROJECT: TypeRef[Project] = TypeRef("Project", "app.api.types.project")
RUN: TypeRef[Run] = TypeRef("Run", "app.api.types.run")
USER: TypeRef[User] = TypeRef("User", "app.api.types.entity")
TEAM: TypeRef[Team] = TypeRef("Team", "app.api.types.entity")
ARTIFACT: TypeRef[Artifact] = TypeRef("Artifact", "app.api.types.artifact")

ProjectRef = Annotated["Project", strawberry.lazy("app.api.types.project")]
RunRef = Annotated["Run", strawberry.lazy("app.api.types.run")]
EntityRef = Annotated["Entity", strawberry.lazy("app.api.types.entity")]
UserRef = Annotated["User", strawberry.lazy("app.api.types.entity")]
ArtifactRef = Annotated["Artifact", strawberry.lazy("app.api.types.artifact")]


async def user_type_for(info: Info, user: tables.User | None) -> User | None:
    """The User of an account (with its personal entity, batched), or None."""
    if user is None:
        return None
    entity = await info.context.loaders.entity.load(user.entity_id)
    return USER.type.from_rows(user, entity) if entity else None


async def entity_type_for(info: Info, entity: tables.Entity) -> Entity | None:
    """The GraphQL object for an entity row: a Team, or the User who owns a personal entity."""
    if entity.kind == EntityKind.TEAM:
        return TEAM.type.from_row(entity)
    user = await info.context.loaders.user_by_entity.load(entity.id)
    return USER.type.from_rows(user, entity) if user else None
