"""Engine and session factory for either dialect."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from app.db.dialect import is_sqlite
from app.db.regex import regexp

READ_ONLY = "labbook_read_only"


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    if is_sqlite(url):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})
        _configure_sqlite(engine)
        return engine
    # No pool_pre_ping: it costs three round trips (BEGIN, ";", ROLLBACK) on every checkout, the
    # largest fixed cost of a file_stream request. A connection the server dropped fails its next
    # statement once instead; SQLAlchemy then invalidates it (and the pool's older connections),
    # the request answers 503 and clients retry. pool_recycle keeps connections younger than
    # typical idle timeouts of proxies and firewalls.
    engine = create_async_engine(url, echo=echo, pool_size=10, max_overflow=20, pool_recycle=1800)
    _configure_postgresql(engine)
    return engine


# --- JSON on asyncpg connections --------------------------------------------------------------
# Every JSON value Labbook sends is JSON text already (SQLAlchemy's bind processing of a JSON column,
# file_stream's lines as the client wrote them), and every one it reads must come back as the
# README's protocol notes promise: integers past 64 bits exact (json; orjson would read them as
# floats), NaN and the infinities as the strings they are stored as. asyncpg itself would hand back
# text; SQLAlchemy's dialect registers codecs of its own on connect, which these replace, so the
# session's reads and the raw asyncpg hot path (app.db.bulk) read through the same, Labbook's.

_JSONB_VERSION = b"\x01"  # the first byte of jsonb's binary format


def encode_json(text: str) -> bytes:
    """A ``json`` parameter: JSON text, as UTF-8."""
    if not isinstance(text, str):
        raise TypeError(f"a JSON parameter must be JSON text (str), got {type(text).__name__}")
    return text.encode()


def decode_json(data: bytes) -> Any:
    """A ``json`` value."""
    return json.loads(data.decode())


def encode_jsonb(text: str) -> bytes:
    """A ``jsonb`` parameter: JSON text in jsonb's binary format (a version byte, then the text)."""
    return _JSONB_VERSION + encode_json(text)


def decode_jsonb(data: bytes) -> Any:
    """A ``jsonb`` value."""
    if data[:1] != _JSONB_VERSION:
        raise ValueError(f"unknown jsonb binary format version {data[:1]!r}")
    return json.loads(data[1:].decode())


async def register_json_codecs(connection: asyncpg.Connection) -> None:
    """Labbook's codecs for ``json`` and ``jsonb`` on an asyncpg connection (arrays of them follow)."""
    await connection.set_type_codec(
        "json", schema="pg_catalog", format="binary", encoder=encode_json, decoder=decode_json
    )
    await connection.set_type_codec(
        "jsonb", schema="pg_catalog", format="binary", encoder=encode_jsonb, decoder=decode_jsonb
    )


def _configure_postgresql(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - exercised on every connect
        # Runs after the dialect's own connect hook (listeners run in the order they were added), and
        # on the connections of a pool the engine renews (app.db.bulk), which keeps its listeners.
        dbapi_connection.run_async(register_json_codecs)


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - exercised on every connect
        # Let SQLAlchemy issue BEGIN itself so transactions behave as on PostgreSQL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # Read pages through a memory map instead of a read() call each into the 2 MB page cache:
        # a filtered run listing scans every run row (about 2 KB each) of the project.
        cursor.execute("PRAGMA mmap_size=268435456")
        cursor.close()
        # SQLite parses `x REGEXP p` but ships no implementation; run filters use it ($regex).
        # It runs RE2 (linear time): a backtracking engine here would stall SQLite's thread.
        dbapi_connection.create_function("regexp", 2, regexp, deterministic=True)

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn):  # pragma: no cover
        # Writers take the lock up front (IMMEDIATE) so two of them queue instead of deadlocking.
        # Readers begin nothing: each statement reads on its own (see make_session_factory).
        if not conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: AsyncEngine, *, read_only: bool = False) -> async_sessionmaker[AsyncSession]:
    """Sessions on ``engine``; ``read_only`` ones must not write.

    Read-only sessions run without a transaction: no BEGIN and no ROLLBACK, two round trips less
    per session on PostgreSQL, and no write lock on SQLite. Each statement then reads the latest
    committed data, as it already did under PostgreSQL's READ COMMITTED."""
    if not read_only:
        return async_sessionmaker(engine, expire_on_commit=False, class_=AsyncSession)
    options = {READ_ONLY: True}
    if not is_sqlite(engine.dialect.name):
        # SQLite's AUTOCOMMIT would reset the connection's isolation level on return to the pool;
        # there the begin hook above simply issues no BEGIN.
        options["isolation_level"] = "AUTOCOMMIT"
    return async_sessionmaker(engine.execution_options(**options), expire_on_commit=False, class_=AsyncSession)
