"""Authentication for REST routes (file_stream, authenticated file downloads), and their error answers."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse

from app.db.failures import refused_value
from app.domain.actor import Actor
from app.domain.api_keys import actor_for
from app.domain.errors import Unavailable

log = logging.getLogger("labbook.http")


async def request_actor(session: AsyncSession, request: Request) -> Actor:
    """The actor behind the request's credentials; raises Unauthenticated for a bad key."""
    return await actor_for(session, request.headers.get("authorization"))


def error_response(status: int, message: str, code: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The error shape wandb-core reads: {"errors": [{"message": ...}]} (PROTOCOL.md §5.1)."""
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status, headers=headers
    )


def unavailable_response() -> JSONResponse:
    """503 with Retry-After, which wandb-core retries with backoff."""
    return error_response(
        503,
        "the database is unavailable; try again shortly",
        Unavailable.code,
        {"Retry-After": str(Unavailable.retry_after_seconds)},
    )


def refused_response(reason: str) -> JSONResponse:
    """A value the database refused is the client's bad input (400, never retried)."""
    return error_response(400, f"the database refused a value in the request: {reason}", "BAD_USER_INPUT")


def database_error_response(error: SQLAlchemyError) -> JSONResponse:
    """A refused value is 400; anything else is treated as a database hiccup (503, retried)."""
    refused = refused_value(error)
    if refused is not None:
        return refused_response(refused)
    log.warning("database error, answered 503: %s", str(error).splitlines()[0])
    return unavailable_response()
