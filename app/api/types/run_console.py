"""The run's console log for the web app: pages of lines by line offset (app/domain/console_reads.py)."""

from __future__ import annotations

import strawberry

from app.api.context import Info
from app.db import tables
from app.domain import console_reads


@strawberry.type(description="One console line (output.log) of a run, at its line offset (from 0).")
class ConsoleLine:
    offset: int
    text: str


@strawberry.type
class RunConsoleFields:
    row: strawberry.Private[tables.Run]

    @strawberry.field(
        description="Console lines by line offset: up to `first` lines with offset > `after` (from the start "
        f"without it), or the `last` lines alone. `first` and `last` are {console_reads.DEFAULT_LINES:,} when "
        f"absent and at most {console_reads.MAX_LINES:,}. Offsets no line was written at are skipped; "
        "logLineCount is one past the highest offset."
    )
    async def console_lines(
        self,
        info: Info,
        after: int | None = None,
        first: int | None = None,
        last: int | None = None,
    ) -> list[ConsoleLine]:
        async with info.context.read() as session:
            page = await console_reads.console_lines(session, self.row, after=after, first=first, last=last)
        return [ConsoleLine(offset=offset, text=text) for offset, text in page.lines]
