"""The test-fixture service wandb's system tests drive (their ``tools/local_wandb_server.py``):
``GET /health``; ``POST /db/user``, ``/db/team``, ``/db/organization`` with a ``command``.

Off by default. ``python -m app serve --test-fixtures`` starts it on a second port, and only on a
loopback address (``require_loopback``); it never shares the main port. See tests/README.md.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from typing import Any, Awaitable, Callable

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.domain import fixtures
from app.domain.errors import BadInput, DomainError, NotFound
from app.rest.auth import database_error_response, error_response
from app.runtime import Runtime

log = logging.getLogger("labbook.fixtures")

MAX_BODY = 64 * 1024
Command = Callable[[AsyncSession, dict[str, Any]], Awaitable[Any]]


class NotLoopback(Exception):
    """The fixture service (or the server it runs beside) was asked to listen beyond this machine."""


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_loopback(**hosts: str) -> None:
    """Refuse to run the fixture service unless every listening address is loopback: it creates
    accounts whose API keys are their (guessable) usernames."""
    for what, host in hosts.items():
        if not is_loopback(host):
            raise NotLoopback(
                f"refusing to start the test-fixture service: {what} {host!r} is not a loopback address; "
                "its users' API keys are their usernames, so it only runs on 127.0.0.1, ::1 or localhost"
            )


def _data(body: dict[str, Any]) -> dict[str, Any]:
    data = body.get("fixtureData") or {}
    if not isinstance(data, dict):
        raise BadInput("fixtureData must be an object")
    return data


def _name(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key) or {}
    return value.get("name") if isinstance(value, dict) else None


def _members(body: dict[str, Any]) -> list[tuple[str, str]]:
    members = _data(body).get("members") or []
    if not isinstance(members, list) or not all(isinstance(m, dict) for m in members):
        raise BadInput("fixtureData.members must be a list of {username, role}")
    return [(str(m.get("username") or ""), str(m.get("role") or "member")) for m in members]


async def _user_down_all(session: AsyncSession, body: dict[str, Any]) -> dict[str, int]:
    return {"deleted": await fixtures.users_down_all(session)}


COMMANDS: dict[str, dict[str, Command]] = {
    "user": {
        "up": lambda s, b: fixtures.user_up(s, b.get("username"), admin=bool(b.get("admin"))),
        "password": lambda s, b: fixtures.user_password(s, b.get("username"), b.get("password")),
        "down": lambda s, b: fixtures.user_down(s, b.get("username")),
        "down_all": _user_down_all,
    },
    "team": {
        "up": lambda s, b: fixtures.team_up(
            s, b.get("username"), _name(_data(b), "team"), _name(_data(b), "organization")
        ),
        "down": lambda s, b: fixtures.team_down(s, _name(_data(b), "team")),
    },
    "organization": {
        "up": lambda s, b: fixtures.organization_up(s, b.get("orgName"), b.get("username")),
        "add_members": lambda s, b: fixtures.organization_add_members(s, b.get("orgName"), _members(b)),
        "down": lambda s, b: fixtures.organization_down(s, b.get("orgName")),
    },
}


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok", "service": "labbook test fixtures"})


async def command(request: Request) -> Response:
    kind = request.path_params["kind"]
    runtime: Runtime = request.app.state.runtime
    try:
        body = await _body(request)
        name = body.get("command")
        handlers = COMMANDS.get(kind)
        if handlers is None:
            raise NotFound(f"no fixture /db/{kind}: use /db/user, /db/team or /db/organization")
        if name not in handlers:
            raise BadInput(f"unknown command {name!r} for /db/{kind}: use one of {', '.join(handlers)}")
        async with runtime.session_factory.begin() as session:
            result = await handlers[name](session, body)
    except DomainError as error:
        return error_response(error.http_status, error.message, error.code)
    except SQLAlchemyError as error:
        return database_error_response(error)
    log.warning("test fixture: %s %s %s", kind, name, body.get("username") or body.get("orgName") or "")
    return JSONResponse({"status": "ok", **(result if isinstance(result, dict) else {})})


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise BadInput(f"fixture request body is larger than {MAX_BODY} bytes")
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        raise BadInput("fixture request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise BadInput("fixture request body must be a JSON object")
    return body


def create_fixture_app(runtime: Runtime) -> Starlette:
    """The fixture API over the main server's runtime (its database and settings)."""
    app = Starlette(
        routes=[
            Route("/health", health, methods=["GET"]),
            Route("/db/{kind:str}", command, methods=["POST"]),
        ]
    )
    app.state.runtime = runtime
    return app
