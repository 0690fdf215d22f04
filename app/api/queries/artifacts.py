"""Artifacts by global id, and the client-id mapping wandb-core asks for."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api import ids
from app.api.context import Info
from app.api.types.artifact import Artifact, ArtifactCollection, collection_type
from app.domain import artifact_changes
from app.domain import artifacts as artifact_service
from app.domain.errors import DomainError


@strawberry.type
class ClientIDMappingPayload:
    server_id: strawberry.ID = strawberry.field(name="serverID")


def _pk(global_id: str, *type_names: str) -> int | None:
    try:
        return ids.decode_as(global_id, *type_names)
    except DomainError:
        return None


@strawberry.type
class Query:
    @strawberry.field(description="An artifact version by id; null when missing or not visible.")
    async def artifact(self, info: Info, id: strawberry.ID) -> Artifact | None:
        pk = _pk(id, "Artifact")
        if pk is None:
            return None
        async with info.context.read() as session:
            row = await artifact_service.readable_version(session, info.context.actor, pk)
        return Artifact.from_row(row) if row else None

    @strawberry.field(description="An artifact collection by id; null when missing or not visible.")
    async def artifact_collection(self, info: Info, id: strawberry.ID) -> ArtifactCollection | None:
        pk = _pk(id, "ArtifactCollection", "ArtifactSequence", "ArtifactPortfolio")
        if pk is None:
            return None
        async with info.context.read() as session:
            row = await artifact_service.readable_collection(session, info.context.actor, pk)
        return collection_type(row) if row else None

    @strawberry.field(name="clientIDMapping", description="The server id of a version the client knows by its own id.")
    async def client_id_mapping(
        self, info: Info, client_id: Annotated[strawberry.ID, strawberry.argument(name="clientID")]
    ) -> ClientIDMappingPayload | None:
        async with info.context.read() as session:
            pk = await artifact_changes.server_id_of_client_id(session, info.context.actor, client_id)
        return ClientIDMappingPayload(server_id=strawberry.ID(ids.encode("Artifact", pk))) if pk else None
