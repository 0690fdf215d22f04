"""Who am I, entities by name, global ids, and what the server supports."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.types.entity import Entity, User, entity_type_for, user_type_for
from app.api.types.node import Node, resolve_node

# Advertise only features whose fields exist (PROTOCOL.md §3.1).
SERVER_FEATURES: tuple[str, ...] = ()


@strawberry.type
class ServerFeature:
    name: str
    is_enabled: bool


@strawberry.type
class ServerInfo:
    @strawberry.field
    def features(self) -> list[ServerFeature]:
        return [ServerFeature(name=name, is_enabled=True) for name in SERVER_FEATURES]


@strawberry.type
class Query:
    @strawberry.field(description="The signed-in user, or null for anonymous requests.")
    async def viewer(self, info: Info) -> User | None:
        return await user_type_for(info, info.context.actor.user)

    @strawberry.field(description="A user or team by name.")
    async def entity(self, info: Info, name: str | None = None) -> Entity | None:
        if name is None:
            user = info.context.actor.user
            if user is None:
                return None
            row = await info.context.loaders.entity.load(user.default_entity_id or user.entity_id)
        else:
            row = await info.context.loaders.entity_by_name.load(name)
        return await entity_type_for(info, row) if row else None

    @strawberry.field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await resolve_node(info, id)

    @strawberry.field
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        return [await resolve_node(info, i) for i in ids]

    @strawberry.field
    def server_info(self) -> ServerInfo:
        return ServerInfo()
