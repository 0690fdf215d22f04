"""Bulk writes of line-keyed rows (history, system metrics, console lines).

A chunk of lines ``[offset, offset + n)`` replaces whatever is stored there: one DELETE of that
range, then one bulk write — asyncpg COPY on PostgreSQL, a single ``INSERT ... SELECT FROM
json_each(?)`` on SQLite — inside the caller's transaction, so a resent chunk overwrites and never
duplicates. The ORM is bypassed on purpose: it is ~20x slower for this (DESIGN.md §9).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Sequence

from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.dialect import is_postgresql
from app.db.tables import ConsoleLine, EventRow, HistoryRow


@dataclass(frozen=True)
class LineTable:
    """A table keyed by (run_id, line_no) with the value columns after them."""

    model: Any
    value_columns: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.model.__tablename__


HISTORY = LineTable(HistoryRow, ("step", "data"))
EVENTS = LineTable(EventRow, ("data",))
CONSOLE = LineTable(ConsoleLine, ("text",))

# SQLite: the JSON array element i holds the value columns of line offset+i; JSON text values
# (history/event data) travel as JSON strings and are extracted as text, which is how the JSON
# column type stores them.
_SQLITE_INSERT = {
    HISTORY.name: "INSERT INTO history_row (run_id, line_no, step, data) "
    "SELECT :run_id, :offset + CAST(key AS INTEGER), json_extract(value, '$[0]'), json_extract(value, '$[1]') "
    "FROM json_each(:lines)",
    EVENTS.name: "INSERT INTO event_row (run_id, line_no, data) "
    "SELECT :run_id, :offset + CAST(key AS INTEGER), json_extract(value, '$[0]') FROM json_each(:lines)",
    CONSOLE.name: "INSERT INTO console_line (run_id, line_no, text) "
    "SELECT :run_id, :offset + CAST(key AS INTEGER), json_extract(value, '$[0]') FROM json_each(:lines)",
}


async def replace_lines(
    session: AsyncSession, table: LineTable, run_id: int, offset: int, values: Sequence[tuple[Any, ...]],
    *, stored_lines: int | None = None,
) -> None:
    """Store ``values[i]`` (the value columns, JSON columns as JSON text) at line ``offset + i``.

    ``stored_lines``: the run's line count for this table, if the caller holds the run row locked;
    no line at or past it exists, so a pure append skips the DELETE (the common case)."""
    if not values:
        return
    model = table.model
    if stored_lines is None or offset < stored_lines:
        await session.execute(
            delete(model).where(
                model.run_id == run_id, model.line_no >= offset, model.line_no < offset + len(values)
            )
        )
    if is_postgresql(session.bind.dialect.name):
        await _copy(session, table, run_id, offset, values)
    else:
        await session.execute(
            text(_SQLITE_INSERT[table.name]),
            {"run_id": run_id, "offset": offset, "lines": json.dumps(values, separators=(",", ":"))},
        )


async def _copy(
    session: AsyncSession, table: LineTable, run_id: int, offset: int, values: Sequence[tuple[Any, ...]]
) -> None:
    # COPY goes through the raw asyncpg connection of this session's connection, inside the
    # transaction SQLAlchemy began on it; SQLAlchemy begins lazily, so make sure it has.
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    if not driver.is_in_transaction():
        await session.execute(text("SELECT 1"))
    records = [(run_id, offset + i, *row) for i, row in enumerate(values)]
    await driver.copy_records_to_table(
        table.name, records=records, columns=["run_id", "line_no", *table.value_columns]
    )
