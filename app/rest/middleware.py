"""Plain ASGI middleware (no buffering of streamed bodies): request metrics, request-body limits,
and the one place that turns failures escaping a route into JSON answers."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from typing import Sequence

from starlette.responses import JSONResponse

from app.db.failures import is_unavailable, refused_value
from app.rest.auth import error_response, refused_response, unavailable_response
from app.rest.health import LATENCY, REQUESTS

log = logging.getLogger("labbook.http")


class MetricsMiddleware:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        tracked = _ResponseTracker(send)
        try:
            await self.app(scope, receive, tracked)
        finally:
            route = _route_label(scope["path"])
            REQUESTS.labels(scope["method"], route, str(tracked.status)).inc()
            LATENCY.labels(route).observe(time.perf_counter() - started)


def _route_label(path: str) -> str:
    """A low-cardinality label: the first path segment (graphql, files, storage, ...)."""
    return "/" + path.strip("/").split("/", 1)[0]


class _ResponseTracker:
    """``send`` that remembers whether the response has begun (after that no other answer fits) and
    its status (500 until one is sent: a request that failed before answering)."""

    def __init__(self, send) -> None:
        self.send = send
        self.started = False
        self.status = 500

    async def __call__(self, message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
            self.status = message["status"]
        await self.send(message)


class ErrorMiddleware:
    """Failures a route lets escape, as JSON: the database out of reach is 503 with Retry-After, a
    value the database refused is 400, anything else is a logged 500 with a request id (never
    Starlette's plain-text page)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tracked = _ResponseTracker(send)
        try:
            await self.app(scope, receive, tracked)
        except Exception as error:
            if tracked.started:
                raise
            await self._response(scope, error)(scope, receive, tracked)

    @staticmethod
    def _response(scope, error: Exception) -> JSONResponse:
        if is_unavailable(error):
            log.warning(
                "%s %s: database unavailable: %s: %s",
                scope["method"],
                scope["path"],
                type(error).__name__,
                str(error).splitlines()[0] if str(error) else "",
            )
            return unavailable_response()
        refused = refused_value(error)
        if refused is not None:
            return refused_response(refused)
        request_id = uuid.uuid4().hex[:12]
        log.error("request %s (%s %s) failed", request_id, scope["method"], scope["path"], exc_info=error)
        return error_response(
            500, f"Unexpected error; it was logged with request id {request_id}.", "INTERNAL_SERVER_ERROR"
        )


@dataclass(frozen=True)
class BodyLimit:
    """Requests of ``method`` to paths under ``path_prefix`` may carry up to ``max_bytes``."""

    method: str
    path_prefix: str
    max_bytes: int


class BodyTooLarge(Exception):
    """Raised from ``receive`` when a body passes its limit (not a DomainError or ValueError, so no
    route mistakes it for its own bad input)."""


class BodyLimitMiddleware:
    """Counts request-body bytes as they arrive, chunked or not, and answers 413 past the limit:
    ``default_bytes`` for every route, or the first matching ``BodyLimit`` of ``exceptions``.
    A Content-Length over the limit is refused before the route runs."""

    def __init__(self, app, *, default_bytes: int, exceptions: Sequence[BodyLimit] = ()) -> None:
        self.app = app
        self.default_bytes = default_bytes
        self.exceptions = tuple(exceptions)

    def limit_for(self, scope) -> int:
        for limit in self.exceptions:
            if scope["method"] == limit.method and scope["path"].startswith(limit.path_prefix):
                return limit.max_bytes
        return self.default_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(f"request body too large: {declared} bytes, the limit is {limit}")(scope, receive, send)
            return
        received = 0

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        tracked = _ResponseTracker(send)
        try:
            await self.app(scope, counting_receive, tracked)
        except BodyTooLarge:
            if tracked.started:
                raise
            await _too_large(f"request body too large: more than {limit} bytes, the limit is {limit}")(
                scope, receive, tracked
            )


def _too_large(message: str) -> JSONResponse:
    # No "Connection: close": closing a socket with unread data resets it, and the client would see
    # a broken connection instead of this answer. uvicorn discards the rest of the body after the
    # response and closes the idle connection after its keep-alive timeout.
    return error_response(413, message, "PAYLOAD_TOO_LARGE")


def _content_length(scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None
