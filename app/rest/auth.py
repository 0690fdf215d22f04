"""Authentication for REST routes (file_stream, authenticated file downloads)."""

from __future__ import annotations

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
