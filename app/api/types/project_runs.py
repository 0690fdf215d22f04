"""Project fields that list and count runs: the public API's filters, order and keyset pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from app.api.context import Info
from app.api.loaders.run_queries import promise_page_count, run_counts
from app.api.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from app.api.scalars import JSONString
from app.db import tables
from app.domain import run_queries

if TYPE_CHECKING:
    from app.api.types.run import Run


@strawberry.type
class ProjectRunFields:
    row: strawberry.Private[tables.Project]

    @strawberry.field(description="How many runs match the filters (a JSON string of a MongoDB-style document).")
    async def run_count(self, info: Info, filters: JSONString | None = None) -> int:
        return await info.context.loaders.get(run_counts).load((self.row.id, filters))

    @strawberry.field(
        description="The project's runs that match the filters, sorted by order: '+' or '-' then created_at, "
        "heartbeat_at, updatedAt, name, display_name, state, config.X or summary_metrics.X (nulls last)."
    )
    async def runs(
        self,
        info: Info,
        filters: JSONString | None = None,
        order: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Annotated["Run", strawberry.lazy("app.api.types.run")]]:
        from app.api.types.run import Run

        cursor = decode_cursor(after)
        # runCount with these filters, asked before this field, takes its count from this page's scan.
        count = promise_page_count(info.context.loaders, (self.row.id, filters)) if cursor is None else None
        page = None
        try:
            async with info.context.read() as session:
                page = await run_queries.list_runs(
                    session, self.row.id, filters=filters, order=order, limit=page_size(first), after=cursor,
                    with_total=count is not None,
                )
        finally:
            if count is not None:
                count.set_result(page.total if page is not None else None)
        # Every run's Run.project is this project: answer it without another statement.
        info.context.loaders.project.prime(self.row.id, self.row)
        run_loader = info.context.loaders.run
        for row in page.runs:
            run_loader.prime(row.id, row)
        return connection(
            [Run.from_row(row) for row in page.runs],
            [encode_cursor(values) for values in page.cursors],
            has_next=page.has_next,
        )
