"""The audit log: team admins read their team's events, instance admins everything."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from app.api import ids
from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.permissions import IsSignedIn
from app.domain import audit, users
from app.domain.errors import BadInput


@strawberry.type(description="One recorded change: who did what, on what, when.")
class AuditEvent:
    entry: strawberry.Private[audit.AuditEntry]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(ids.encode("AuditEvent", self.entry.event.id))

    @strawberry.field(description="e.g. team.create, invite.accept, member.update_role, project.create.")
    def action(self) -> str:
        return self.entry.event.action

    @strawberry.field(description="Who did it (null: the server itself, or a deleted account).")
    def actor_username(self) -> str | None:
        return self.entry.actor_username

    @strawberry.field(description="The person a service account acted for, if any.")
    def on_behalf_of_username(self) -> str | None:
        return self.entry.on_behalf_of_username

    @strawberry.field
    def entity_name(self) -> str | None:
        return self.entry.entity_name

    @strawberry.field
    def target_type(self) -> str | None:
        return self.entry.event.target_type

    @strawberry.field(description="The target's internal id.")
    def target_id(self) -> str | None:
        target = self.entry.event.target_id
        return None if target is None else str(target)

    @strawberry.field
    def details(self) -> JSON | None:
        return self.entry.event.details

    @strawberry.field
    def created_at(self) -> datetime:
        return self.entry.event.created_at


@strawberry.type
class Query:
    @strawberry.field(
        permission_classes=[IsSignedIn],
        description="Audit events, newest first: one team's "
        "(its admins) or, without entityName, all (instance admins).",
    )
    async def audit_events(
        self, info: Info, entity_name: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[AuditEvent]:
        cursor = decode_cursor(after)
        if cursor is not None and not (len(cursor) == 1 and isinstance(cursor[0], int)):
            raise BadInput(f"invalid cursor {after!r}")
        async with info.context.read() as session:
            entity = await users.require_entity(session, entity_name) if entity_name else None
            entries, has_next = await audit.read_page(
                session,
                info.context.actor,
                entity=entity,
                limit=page_size(first),
                before_id=cursor[0] if cursor else None,
            )
        return connection(
            [AuditEvent(entry=e) for e in entries], [encode_cursor([e.event.id]) for e in entries], has_next=has_next
        )
