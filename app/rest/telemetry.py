"""``POST /sdk/otel/...``: the wandb client exports its own OpenTelemetry metrics (and, in its
source, logs) to the server it talks to, unless WANDB_ERROR_REPORTING=false. Labbook keeps none of
it: the answer is 204, and the access log leaves these requests out (a sweep sent hundreds)."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

PREFIX = "/sdk/otel/"


async def discard(request: Request) -> Response:
    return Response(status_code=204)


class QuietTelemetry(logging.Filter):
    """Drops uvicorn's access-log lines of telemetry posts (args: client, method, path, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        return not (isinstance(args, tuple) and len(args) >= 3 and str(args[2]).startswith(PREFIX))


QUIET_TELEMETRY = QuietTelemetry()


def quiet_access_log() -> None:
    """Install the filter (idempotent); after uvicorn has configured its loggers."""
    logging.getLogger("uvicorn.access").addFilter(QUIET_TELEMETRY)


routes = [Route(PREFIX + "{path:path}", discard, methods=["POST"])]
