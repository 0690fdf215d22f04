"""What a database exception means for the request: the client's bad value, or the database out of reach.

Both dialects' drivers raise many classes for these; the rest of the server asks here only.
"""

from __future__ import annotations

import asyncio

from sqlalchemy.exc import DataError, DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

try:
    import asyncpg
except ImportError:  # pragma: no cover - SQLite-only installs
    asyncpg = None

# SQLSTATE classes that mean "the server or the connection is gone", not "the statement is wrong":
# 08 connection exception, 53 insufficient resources (too many connections), 57 operator
# intervention (pg_terminate_backend, shutdown, "cannot connect now").
_UNAVAILABLE_CLASSES = ("08", "53", "57")
_SQLITE_UNAVAILABLE = ("database is locked", "unable to open database file", "disk i/o error")
_DRIVER_FAILURES: tuple[type[BaseException], ...] = (
    (asyncpg.InterfaceError, asyncpg.InternalClientError, asyncpg.PostgresConnectionError) if asyncpg else ()
)


def refused_value(error: BaseException) -> str | None:
    """The database's reason when it refused a value of the request (SQLSTATE class 22, "data
    exception": out of range, invalid regular expression ...); None for any other failure."""
    if isinstance(error, DBAPIError) and (isinstance(error, DataError) or _sqlstate(error).startswith("22")):
        return str(error.orig).splitlines()[0] if error.orig else "value not storable"
    return None


def is_unavailable(error: BaseException) -> bool:
    """The database cannot be reached or dropped the connection: a retry later may succeed."""
    for cause in _chain(error):
        if isinstance(cause, (DisconnectionError, PoolTimeout, InterfaceError)):
            return True
        if isinstance(cause, OperationalError) and any(text in str(cause.orig).lower() for text in _SQLITE_UNAVAILABLE):
            return True
        if isinstance(cause, DBAPIError) and (
            cause.connection_invalidated or _sqlstate(cause).startswith(_UNAVAILABLE_CLASSES)
        ):
            return True
        if isinstance(cause, (*_DRIVER_FAILURES, ConnectionError, asyncio.TimeoutError)):
            return True
        if isinstance(cause, OSError) and cause.errno is None and "connect" in str(cause).lower():
            return True  # asyncio's "Multiple exceptions: [Errno 111] Connect call failed ..."
    return False


def _sqlstate(error: DBAPIError) -> str:
    return str(getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None) or "")


def _chain(error: BaseException):
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__
