"""A file_stream request's transaction: one read of the key and the run, then bulk writes of the
chunk's line-keyed rows (history, system metrics, console lines) and the run row's derived columns.

A chunk of lines ``[offset, offset + n)`` replaces whatever is stored there, inside the request's
transaction, so a resent chunk overwrites and never duplicates. The ORM is bypassed on purpose:
it is ~20x slower for this (DESIGN.md §9).

- PostgreSQL: everything goes through the pooled connection's asyncpg connection: ``BEGIN``, the
  read, one statement for the whole chunk (each table's lines an ``INSERT ... SELECT FROM
  unnest(<one array a column>)`` in a CTE, ``ON CONFLICT ... DO UPDATE`` when the chunk overwrites
  stored lines, and the statement itself the run row's ``UPDATE``), ``COMMIT``: four round trips.
  A session joins the same transaction only when a request needs one (a summary's value index,
  recording a key's use, a RESTRICTED project's member list). JSON values go as JSON text and come
  back decoded by Labbook's codec, which app.db.engine registers on every asyncpg connection.
- SQLite: a session; a DELETE of the range when it overwrites, one ``INSERT ... SELECT FROM
  json_each(?)`` a table, then the run row's UPDATE.
"""

from __future__ import annotations

import itertools
import json
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, AsyncIterator, Callable, Iterator, Mapping, Sequence

import asyncpg
from sqlalchemy import Select, Update, bindparam, delete, insert, text, update
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from app.db.dialect import is_postgresql
from app.db.tables import ConsoleLine, EventRow, HistoryRow, Run, RunValue


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


class Transaction:
    """One request's transaction."""

    async def first_row(self, statement: Select, params: dict[str, Any]) -> Mapping[str, Any] | None:
        """The first row of a Core ``statement`` (its columns by label), with ``params`` bound."""
        raise NotImplementedError

    async def session(self) -> AsyncSession:
        """A session in this transaction."""
        raise NotImplementedError

    async def write_chunk(self, run_id: int, writes: Sequence[LineWrite], run_changes: dict[str, Any]) -> None:
        """Store ``writes`` and set the run row's ``run_changes`` (column name -> value); the run row
        must be locked."""
        raise NotImplementedError


@asynccontextmanager
async def transaction(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> AsyncIterator[Transaction]:
    """A transaction on ``engine``, committed when the block ends, rolled back if it raises."""
    if is_postgresql(engine.dialect.name):
        async with _postgresql_transaction(engine) as postgresql:
            yield postgresql
    else:
        async with session_factory.begin() as session:
            yield _SQLiteTransaction(session)


# --- SQLite --------------------------------------------------------------------------------------


class _SQLiteTransaction(Transaction):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def first_row(self, statement: Select, params: dict[str, Any]) -> Mapping[str, Any] | None:
        return (await self._session.execute(statement, params)).mappings().first()

    async def session(self) -> AsyncSession:
        return self._session

    async def write_chunk(self, run_id: int, writes: Sequence[LineWrite], run_changes: dict[str, Any]) -> None:
        for write in writes:
            if not write.values:
                continue
            model = write.table.model
            if write.overwrites:
                await self._session.execute(
                    delete(model).where(
                        model.run_id == run_id,
                        model.line_no >= write.offset,
                        model.line_no < write.offset + len(write.values),
                    )
                )
            await self._session.execute(
                text(_SQLITE_INSERT[write.table.name]),
                {"run_id": run_id, "offset": write.offset, "lines": json.dumps(write.values, separators=(",", ":"))},
            )
        await self._session.execute(_run_update(tuple(run_changes)), {**run_changes, "run_id": run_id})


# The JSON array element i holds the value columns of line offset+i; JSON text values (history/event
# data) travel as JSON strings and are extracted as text, which is how the JSON column type stores them.
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


# --- PostgreSQL ----------------------------------------------------------------------------------


class _PostgreSQLTransaction(Transaction):
    def __init__(self, connection: AsyncConnection, driver: asyncpg.Connection) -> None:
        self._connection, self._driver = connection, driver
        self._session: AsyncSession | None = None

    async def first_row(self, statement: Select, params: dict[str, Any]) -> Mapping[str, Any] | None:
        compiled = _compiled(statement, self._connection.dialect)
        with _as_sqlalchemy_errors():
            return await self._driver.fetchrow(compiled.sql, *(params[name] for name in compiled.order))

    async def session(self) -> AsyncSession:
        if self._session is None:
            # AUTOCOMMIT: SQLAlchemy must not begin a transaction of its own (asyncpg would nest it
            # as a savepoint); the session's statements run in the one asyncpg began.
            await self._connection.execution_options(isolation_level="AUTOCOMMIT")
            self._session = AsyncSession(bind=self._connection, expire_on_commit=False)
        return self._session

    async def write_chunk(self, run_id: int, writes: Sequence[LineWrite], run_changes: dict[str, Any]) -> None:
        writes = [write for write in writes if write.values]
        dialect = self._connection.dialect
        statement = _chunk_statement(tuple((w.table, w.overwrites) for w in writes), tuple(run_changes), dialect)
        arguments: list[Any] = [run_id]
        for write in writes:
            arguments.append(write.offset)
            arguments.extend(list(column) for column in zip(*write.values, strict=True))
        arguments.extend(
            process(value) for process, value in zip(statement.processors, run_changes.values(), strict=True)
        )
        with _as_sqlalchemy_errors():
            await self._driver.execute(statement.sql, *arguments)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


@asynccontextmanager
async def _postgresql_transaction(engine: AsyncEngine) -> AsyncIterator[_PostgreSQLTransaction]:
    """A transaction asyncpg begins on a pooled connection.

    asyncpg's errors leave as SQLAlchemy's, as a session's would: a value the database refuses as
    DataError, anything else as OperationalError. A connection that may still be inside the
    transaction (cancelled, broken) is invalidated instead of going back to the pool, which does
    not know of a transaction SQLAlchemy did not begin."""
    lost = False
    try:
        async with engine.connect() as connection:
            driver = (await connection.get_raw_connection()).driver_connection
            postgresql = _PostgreSQLTransaction(connection, driver)
            try:
                with _as_sqlalchemy_errors():
                    async with driver.transaction():
                        yield postgresql
            finally:
                await postgresql.close()
                lost = driver.is_closed()
                if lost or driver.is_in_transaction():
                    await connection.invalidate()
    finally:
        if lost:
            # The server dropped the connection (a restart, a failover, pg_terminate_backend): the
            # pool's other connections are likely gone too. SQLAlchemy replaces them on its own
            # disconnect errors, never seen here; a fresh pool does the same.
            await engine.dispose(close=False)


@contextmanager
def _as_sqlalchemy_errors() -> Iterator[None]:
    try:
        yield
    except asyncpg.DataError as error:
        raise DataError(None, None, error) from error
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as error:
        raise OperationalError(None, None, error) from error


@dataclass(frozen=True)
class _Compiled:
    sql: str
    order: tuple[str, ...]  # the parameters' names, in the order of $1, $2, ...


@lru_cache(maxsize=16)
def _compiled(statement: Select, dialect: Dialect) -> _Compiled:
    compiled = statement.compile(dialect=dialect)
    return _Compiled(str(compiled), tuple(compiled.positiontup or ()))


@dataclass(frozen=True)
class _ChunkStatement:
    sql: str
    processors: tuple[Callable[[Any], Any], ...]  # one a run column: its type's bind processing


def _unchanged(value: Any) -> Any:
    return value


@lru_cache(maxsize=128)
def _chunk_statement(
    tables: tuple[tuple[LineTable, bool], ...], run_columns: tuple[str, ...], dialect: Dialect
) -> _ChunkStatement:
    """The statement for one shape of chunk, built once: $1 is the run's id, then each table's
    offset and one array a value column, then the run columns' values."""
    placeholders = (f"${number}" for number in itertools.count(2))
    ctes = []
    for table, overwrites in tables:
        columns = table.model.__table__.c
        offset = next(placeholders)
        arrays = [
            f"{next(placeholders)}::{columns[name].type.compile(dialect=dialect)}[]" for name in table.value_columns
        ]
        ctes.append(_insert_lines(table, offset, arrays, overwrites))
    assignments = ", ".join(f"{name} = {next(placeholders)}" for name in run_columns)
    sql = f"UPDATE run SET {assignments} WHERE id = $1"
    if ctes:
        sql = f"WITH {', '.join(ctes)} {sql}"
    processors = tuple(_RUN_TABLE.c[name].type.bind_processor(dialect) or _unchanged for name in run_columns)
    return _ChunkStatement(sql, processors)


def _insert_lines(table: LineTable, offset: str, arrays: list[str], overwrites: bool) -> str:
    values = ", ".join(table.value_columns)
    sql = (
        f"{table.name}_lines AS (INSERT INTO {table.name} (run_id, line_no, {values}) "
        f"SELECT $1, {offset} + line.ordinality - 1, {values} "
        f"FROM unnest({', '.join(arrays)}) WITH ORDINALITY AS line({values}, ordinality)"
    )
    if overwrites:
        updates = ", ".join(f"{name} = excluded.{name}" for name in table.value_columns)
        sql += f" ON CONFLICT (run_id, line_no) DO UPDATE SET {updates}"
    return sql + ")"


# --- the config / summary value index -----------------------------------------------------------


async def replace_run_values(
    session: AsyncSession,
    run_id: int,
    project_id: int,
    section: str,
    leaves: Sequence[tuple[str, float | None, str | None]],
) -> None:
    """The run's ``run_value`` rows of ``section`` become ``leaves`` (path, number, text).

    PostgreSQL: one statement that deletes the paths no longer there and upserts the rest, leaving
    unchanged rows unwritten (a summary is resent with most of its values unchanged). SQLite: a
    DELETE and a multi-row INSERT."""
    params = {"run_id": run_id, "project_id": project_id, "section": section}
    if is_postgresql(session.get_bind().dialect.name):
        paths, numbers, texts = (list(column) for column in zip(*leaves, strict=True)) if leaves else ([], [], [])
        await session.execute(
            _POSTGRESQL_REPLACE_VALUES, {**params, "paths": paths, "numbers": numbers, "texts": texts}
        )
        return
    await session.execute(_SQLITE_DELETE_VALUES, params)
    if leaves:
        await session.execute(
            insert(RunValue),
            [{**params, "path": path, "number": number, "text": value} for path, number, value in leaves],
        )


_POSTGRESQL_REPLACE_VALUES = text("""
WITH new AS (
    SELECT * FROM unnest(CAST(:paths AS text[]), CAST(:numbers AS float8[]), CAST(:texts AS text[]))
        AS leaf(path, number, text)
), stale AS (
    DELETE FROM run_value
    WHERE run_id = :run_id AND section = :section AND path NOT IN (SELECT path FROM new)
)
INSERT INTO run_value (run_id, section, path, project_id, number, text)
SELECT :run_id, :section, path, :project_id, number, text FROM new
ON CONFLICT (run_id, section, path) DO UPDATE
    SET project_id = excluded.project_id, number = excluded.number, text = excluded.text
    WHERE run_value.number IS DISTINCT FROM excluded.number OR run_value.text IS DISTINCT FROM excluded.text
""")
_SQLITE_DELETE_VALUES = text("DELETE FROM run_value WHERE run_id = :run_id AND section = :section")
