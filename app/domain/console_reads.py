"""Reading a run's console log (output.log) as file_stream stored it: one ``console_line`` row per
line, keyed by (run, line offset), so a resent chunk overwrote rather than duplicated.

A page is a range of offsets read through the primary key (run_id, line_no): ``after`` is exclusive,
so the page after offset 41 starts at 42, and its cost does not grow with the run's length (no
OFFSET, no COUNT). ``last`` reads the tail backwards through the same index. The number of lines is
the run's ``log_line_count`` (one past the highest offset written), kept by the ingest.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import ConsoleLine, Run
from app.domain.errors import BadInput

DEFAULT_LINES = 1_000
MAX_LINES = 5_000


@dataclass(frozen=True)
class ConsolePage:
    lines: list[tuple[int, str]]  # (offset, text), by offset
    line_count: int  # one past the highest offset the run wrote
    has_next_page: bool


def _size(value: int | None, name: str) -> int:
    if value is None:
        return DEFAULT_LINES
    if value < 0:
        raise BadInput(f"{name} must not be negative, got {value}")
    if value > MAX_LINES:
        raise BadInput(f"{name} may be at most {MAX_LINES:,} console lines a page, got {value:,}; page with after")
    return value


async def console_lines(
    session: AsyncSession,
    run: Run,
    *,
    after: int | None = None,
    first: int | None = None,
    last: int | None = None,
) -> ConsolePage:
    """Up to ``first`` lines with offset > ``after`` (from the start without it), or the ``last`` lines."""
    if last is not None:
        if first is not None or after is not None:
            raise BadInput("give last alone (the final lines), or after and first (a page forward)")
        lines = await last_lines(session, run.id, _size(last, "last"))
        return ConsolePage(lines, _count(run, lines), has_next_page=False)
    if after is not None and after < -1:
        raise BadInput(f"after is a line offset (-1 or more; lines after it are read), got {after}")
    size = _size(first, "first")
    rows = await lines_after(session, run.id, after, size + 1)
    lines = rows[:size]
    return ConsolePage(lines, _count(run, lines), has_next_page=len(rows) > size)


async def lines_after(session: AsyncSession, run_id: int, after: int | None, limit: int) -> list[tuple[int, str]]:
    """(offset, text) of up to ``limit`` lines with offset > ``after`` (from the start without it), by offset.
    Also the reads of the older ``Run.logLines``, whose page sizes and cursors are its own."""
    statement = select(ConsoleLine.line_no, ConsoleLine.text).where(ConsoleLine.run_id == run_id)
    if after is not None:
        statement = statement.where(ConsoleLine.line_no > after)
    return [(no, text) for no, text in await session.execute(statement.order_by(ConsoleLine.line_no).limit(limit))]


async def last_lines(session: AsyncSession, run_id: int, count: int) -> list[tuple[int, str]]:
    """(offset, text) of the run's last ``count`` lines, by offset (read backwards through the key)."""
    statement = select(ConsoleLine.line_no, ConsoleLine.text).where(ConsoleLine.run_id == run_id)
    rows = (await session.execute(statement.order_by(ConsoleLine.line_no.desc()).limit(count))).all()
    return [(no, text) for no, text in reversed(rows)]


def _count(run: Run, lines: list[tuple[int, str]]) -> int:
    """The run's line count; at least one past the last line read (rows written since the run was read)."""
    return max(run.log_line_count or 0, lines[-1][0] + 1 if lines else 0)
