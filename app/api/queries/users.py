"""Account search for instance admins (the SDK's ``wandb.Api().user()`` / ``users()``)."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.permissions import CanManageInstance
from app.api.types.entity import User
from app.api.types.refs import user_type_for
from app.domain import users
from app.domain.errors import BadInput


@strawberry.type
class Query:
    @strawberry.field(
        permission_classes=[CanManageInstance],
        description="Accounts whose username or email contains `query` (instance admins), oldest first.",
    )
    async def users(
        self, info: Info, query: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[User]:
        cursor = decode_cursor(after)
        if cursor is not None and not (len(cursor) == 1 and isinstance(cursor[0], int)):
            raise BadInput(f"invalid cursor {after!r}")
        async with info.context.read() as session:
            rows, has_next = await users.search_users(
                session, info.context.actor, query, limit=page_size(first), after_id=cursor[0] if cursor else None
            )
        return connection(
            [await user_type_for(info, row) for row in rows],
            [encode_cursor([row.id]) for row in rows],
            has_next=has_next,
        )
