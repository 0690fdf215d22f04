"""Project fields that list and count runs (owned by the run-query work)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlalchemy import func, select, tuple_

from app.api.context import Info
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.scalars import JSONString
from app.db import tables
from app.domain.errors import BadInput

if TYPE_CHECKING:
    from app.api.types.run import Run


@strawberry.type
class ProjectRunFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field
    async def run_count(self, info: Info, filters: JSONString | None = None) -> int:
        _refuse_filters(filters)
        async with info.context.read() as session:
            return await session.scalar(
                select(func.count()).select_from(tables.Run).where(tables.Run.project_id == self.row.id)
            )

    @strawberry.field
    async def runs(
        self,
        info: Info,
        filters: JSONString | None = None,
        order: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Annotated["Run", strawberry.lazy("app.api.types.run")]]:
        from app.api.types.run import Run

        _refuse_filters(filters)
        limit = page_size(first)
        query = select(tables.Run).where(tables.Run.project_id == self.row.id)
        cursor = decode_cursor(after)
        if cursor:
            query = query.where(tuple_(tables.Run.created_at, tables.Run.id) > tuple_(*cursor))
        async with info.context.read() as session:
            rows = (await session.scalars(query.order_by(tables.Run.created_at, tables.Run.id).limit(limit + 1))).all()
        page = rows[:limit]
        return connection(
            [Run.from_row(r) for r in page],
            [encode_cursor([r.created_at.isoformat(), r.id]) for r in page],
            has_next=len(rows) > limit,
        )


def _refuse_filters(filters: str | None) -> None:
    if filters not in (None, "", "{}"):
        raise BadInput("run filters are not supported yet")
