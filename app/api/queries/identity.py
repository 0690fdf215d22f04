"""Who am I, entities and organizations by name, global ids, and what the server supports."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from app.api.context import Info
from app.api.types.entity import Entity, User
from app.api.types.node import Node, resolve_node
from app.api.types.organization import Organization, organization_by_name
from app.api.types.refs import entity_type_for, user_type_for
from app.domain import compatibility


@strawberry.type(description="A feature flag of this server; the wandb client turns paths on by name.")
class ServerFeature:
    name: str
    is_enabled: bool


@strawberry.type(description="How this instance's version compares with the newest release.")
class LocalVersionInfo:
    out_of_date: bool
    latest_version_string: str
    version_on_this_instance_string: str


@strawberry.type
class ServerInfo:
    @strawberry.field(description="Features this server implements (only those; PROTOCOL.md §3.1).")
    def features(self) -> list[ServerFeature]:
        return [ServerFeature(name=name, is_enabled=True) for name in compatibility.SERVER_FEATURES]

    @strawberry.field(
        description="The wandb client versions this server was built for: "
        '{"min_cli_version": ..., "max_cli_version": ...}.'
    )
    def cli_version_info(self) -> JSON:
        return compatibility.cli_version_info()

    @strawberry.field(description="Never out of date: Labbook has no release channel to compare with.")
    def latest_local_version_info(self) -> LocalVersionInfo:
        version = compatibility.labbook_version()
        return LocalVersionInfo(
            out_of_date=False, latest_version_string=version, version_on_this_instance_string=version
        )

    @strawberry.field(description="The URL of this server's web app.")
    def frontend_host(self, info: Info) -> str:
        return info.context.base_url

    @strawberry.field(
        description="Cloud buckets a team may bring for its files: none (files are in this server's storage)."
    )
    def available_bucket_providers(self) -> list[str]:
        return []


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

    @strawberry.field(description="An organization by name; null when missing or the viewer is not in it.")
    async def organization(self, info: Info, name: str) -> Organization | None:
        return await organization_by_name(info, name)

    @strawberry.field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await resolve_node(info, id)

    @strawberry.field
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        return [await resolve_node(info, i) for i in ids]

    @strawberry.field
    def server_info(self) -> ServerInfo:
        return ServerInfo()
