"""Bulk writes of a file_stream chunk: line-keyed rows (history, system metrics, console lines)
and the run row's derived columns.

A chunk of lines ``[offset, offset + n)`` replaces whatever is stored there, inside the caller's
transaction, so a resent chunk overwrites and never duplicates. The ORM is bypassed on purpose:
it is ~20x slower for this (DESIGN.md §9).

- PostgreSQL: one statement through the raw asyncpg connection, whatever the chunk holds: each
  table's lines are an ``INSERT ... SELECT FROM unnest(<one array a column>)`` in a CTE
  (``ON CONFLICT ... DO UPDATE`` when the chunk overwrites stored lines) and the statement itself is
  the run row's ``UPDATE``: one round trip instead of a COPY (two) and an UPDATE each.
- SQLite: a DELETE of the range when it overwrites, one ``INSERT ... SELECT FROM json_each(?)`` a
  table, then the run row's UPDATE.
"""

from __future__ import annotations

import itertools
import json
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, AsyncIterator, Callable, Iterator, Sequence

import asyncpg
from sqlalchemy import Update, bindparam, delete, text, update
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.db.dialect import is_postgresql
from app.db.tables import ConsoleLine, EventRow, HistoryRow, Run


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

_RUN_TABLE = Run.__table__


@dataclass(frozen=True)
class LineWrite:
    """``values[i]`` (the table's value columns, JSON columns as JSON text) at line ``offset + i``.

    ``stored_lines``: the run's line count for the table, read with the run row locked; no line
    at or past it exists, so a pure append (the common case) has nothing to replace."""

    table: LineTable
    offset: int
    values: Sequence[tuple[Any, ...]]
    stored_lines: int

    @property
    def overwrites(self) -> bool:
        return self.offset < self.stored_lines


async def write_chunk(session: AsyncSession, run_id: int, writes: Sequence[LineWrite],
                      run_changes: dict[str, Any]) -> None:
    """Store ``writes`` and set the run row's ``run_changes`` (column name -> value) in the session's
    transaction, which must have begun (the run row is locked by then)."""
    connection = await session.connection()
    if is_postgresql(connection.dialect.name):
        driver = (await connection.get_raw_connection()).driver_connection
        await write_chunk_postgresql(driver, connection.dialect, run_id, writes, run_changes)
        return
    for write in writes:
        if not write.values:
            continue
        model = write.table.model
        if write.overwrites:
            await session.execute(delete(model).where(
                model.run_id == run_id, model.line_no >= write.offset, model.line_no < write.offset + len(write.values)
            ))
        await session.execute(
            text(_SQLITE_INSERT[write.table.name]),
            {"run_id": run_id, "offset": write.offset, "lines": json.dumps(write.values, separators=(",", ":"))},
        )
    await session.execute(_run_update(tuple(run_changes)), {**run_changes, "run_id": run_id})


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


@lru_cache(maxsize=64)
def _run_update(columns: tuple[str, ...]) -> Update:
    """UPDATE run SET <columns> for one run, built once per set of columns (a request changes one
    of a few sets); values are bound by column name, and each bind takes its column's type."""
    return (
        update(_RUN_TABLE)
        .where(_RUN_TABLE.c.id == bindparam("run_id"))
        .values({name: bindparam(name) for name in columns})
    )


# --- PostgreSQL --------------------------------------------------------------------------------

@asynccontextmanager
async def postgresql_transaction(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection's asyncpg connection, in a transaction of its own.

    asyncpg's errors leave as SQLAlchemy's, as the session's would: a value the database refuses
    as DataError, anything else as OperationalError. A connection that may still be inside the
    transaction (cancelled, broken) is invalidated instead of going back to the pool, which does not
    know of a transaction SQLAlchemy did not begin."""
    async with engine.connect() as connection:
        driver = (await connection.get_raw_connection()).driver_connection
        try:
            with _as_sqlalchemy_errors():
                async with driver.transaction():
                    yield driver
        finally:
            if driver.is_closed() or driver.is_in_transaction():
                await connection.invalidate()


@contextmanager
def _as_sqlalchemy_errors() -> Iterator[None]:
    try:
        yield
    except asyncpg.DataError as error:
        raise DataError(None, None, error) from error
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as error:
        raise OperationalError(None, None, error) from error


async def write_chunk_postgresql(driver: asyncpg.Connection, dialect: Dialect, run_id: int,
                                 writes: Sequence[LineWrite], run_changes: dict[str, Any]) -> None:
    """``write_chunk`` on PostgreSQL as one statement, in the connection's transaction."""
    writes = [write for write in writes if write.values]
    statement = _postgresql_statement(tuple((w.table, w.overwrites) for w in writes), tuple(run_changes), dialect)
    arguments: list[Any] = [run_id]
    for write in writes:
        arguments.append(write.offset)
        arguments.extend(list(column) for column in zip(*write.values))
    arguments.extend(process(value) for process, value in zip(statement.processors, run_changes.values()))
    with _as_sqlalchemy_errors():
        await driver.execute(statement.sql, *arguments)


@dataclass(frozen=True)
class _Statement:
    sql: str
    processors: tuple[Callable[[Any], Any], ...]  # one a run column: its type's bind processing


def _unchanged(value: Any) -> Any:
    return value


@lru_cache(maxsize=128)
def _postgresql_statement(tables: tuple[tuple[LineTable, bool], ...], run_columns: tuple[str, ...],
                          dialect: Dialect) -> _Statement:
    """The statement for one shape of chunk, built once: $1 is the run's id, then each table's
    offset and one array a value column, then the run columns' values."""
    placeholders = (f"${number}" for number in itertools.count(2))
    ctes = []
    for table, overwrites in tables:
        columns = table.model.__table__.c
        offset = next(placeholders)
        arrays = [f"{next(placeholders)}::{columns[name].type.compile(dialect=dialect)}[]" for name in table.value_columns]
        ctes.append(_insert_lines(table, offset, arrays, overwrites))
    assignments = ", ".join(f"{name} = {next(placeholders)}" for name in run_columns)
    sql = f"UPDATE run SET {assignments} WHERE id = $1"
    if ctes:
        sql = f"WITH {', '.join(ctes)} {sql}"
    processors = tuple(_RUN_TABLE.c[name].type.bind_processor(dialect) or _unchanged for name in run_columns)
    return _Statement(sql, processors)


def _insert_lines(table: LineTable, offset: str, arrays: list[str], overwrites: bool) -> str:
    values = ", ".join(table.value_columns)
    sql = (f"{table.name}_lines AS (INSERT INTO {table.name} (run_id, line_no, {values}) "
           f"SELECT $1, {offset} + line.ordinality - 1, {values} "
           f"FROM unnest({', '.join(arrays)}) WITH ORDINALITY AS line({values}, ordinality)")
    if overwrites:
        updates = ", ".join(f"{name} = excluded.{name}" for name in table.value_columns)
        sql += f" ON CONFLICT (run_id, line_no) DO UPDATE SET {updates}"
    return sql + ")"
