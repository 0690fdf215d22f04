"""Authentication for REST routes (file_stream, authenticated file downloads)."""

from __future__ import annotations

from sqlalchemy.exc import DataError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse

from app.domain.actor import Actor
from app.domain.api_keys import actor_for


async def request_actor(session: AsyncSession, request: Request) -> Actor:
    """The actor behind the request's credentials; raises Unauthenticated for a bad key."""
    return await actor_for(session, request.headers.get("authorization"))


def error_response(status: int, message: str, code: str) -> JSONResponse:
    """The error shape wandb-core reads: {"errors": [{"message": ...}]} (PROTOCOL.md §5.1)."""
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status)


def database_error_response(error: SQLAlchemyError) -> JSONResponse:
    """A value the database refused is the client's bad input (400, never retried); anything else is
    a database hiccup (503, which wandb-core retries with backoff)."""
    if isinstance(error, DataError):
        detail = str(error.orig).splitlines()[0] if error.orig else "value not storable"
        return error_response(400, f"a value in the request cannot be stored: {detail}", "BAD_USER_INPUT")
    return error_response(503, "the database is unavailable; the client will retry", "UNAVAILABLE")
