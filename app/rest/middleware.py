"""Request metrics, as plain ASGI middleware (no buffering of streamed bodies)."""

from __future__ import annotations

import time

from app.rest.health import LATENCY, REQUESTS


class MetricsMiddleware:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def send_with_status(message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            route = _route_label(scope["path"])
            REQUESTS.labels(scope["method"], route, str(status["code"])).inc()
            LATENCY.labels(route).observe(time.perf_counter() - started)


def _route_label(path: str) -> str:
    """A low-cardinality label: the first path segment (graphql, files, storage, ...)."""
    return "/" + path.strip("/").split("/", 1)[0]
