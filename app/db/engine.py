"""Engine and session factory for either dialect."""

from __future__ import annotations

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
    return create_async_engine(url, echo=echo, pool_size=10, max_overflow=20, pool_recycle=1800)


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
