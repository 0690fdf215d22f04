"""Project fields for run tracking: alerts (owned by the run-tracking work)."""

from __future__ import annotations

import strawberry
from sqlalchemy import select

from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.types.alert import Alert
from app.db import tables
from app.domain.errors import BadInput


@strawberry.type
class ProjectTrackingFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(description="Alerts raised by the project's runs, newest first.")
    async def alerts(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[Alert]:
        limit = page_size(first)
        cursor = decode_cursor(after)
        query = (
            select(tables.Alert)
            .join(tables.Run, tables.Run.id == tables.Alert.run_id)
            .where(tables.Run.project_id == self.row.id)
        )
        if cursor:
            query = query.where(tables.Alert.id < _alert_id(cursor[0]))
        async with info.context.read() as session:
            rows = (await session.scalars(query.order_by(tables.Alert.id.desc()).limit(limit + 1))).all()
        page = rows[:limit]
        return connection([Alert.from_row(r) for r in page], [encode_cursor([r.id]) for r in page],
                          has_next=len(rows) > limit)


def _alert_id(value: object) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise BadInput(f"invalid cursor value {value!r}") from None
