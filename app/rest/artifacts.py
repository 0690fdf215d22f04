"""Authenticated artifact downloads, the client's fallback when a file has no directUrl
(PROTOCOL.md §3.6): ``GET /artifactsV2/<region>/<entity>/<project>/<collection>/<birth id>/<md5 hex>/<name>``
and the old layout ``GET /artifacts/<entity>/<md5 hex>``. Both honour ``Range`` (the client
fetches files of 2 GiB or more in parallel ranges)."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.domain import artifacts
from app.domain.errors import DomainError
from app.rest.auth import error_response, request_actor
from app.rest.storage import blob_response

_HEX = re.compile(r"^[0-9a-f]{32}$")


async def download_v1(request: Request) -> Response:
    params = request.path_params
    return await _download(request, params["entity"], None, params["digest"])


async def download_v2(request: Request) -> Response:
    params = request.path_params
    return await _download(request, params["entity"], params["project"], params["digest"])


async def _download(request: Request, entity: str, project: str | None, digest: str) -> Response:
    if not _HEX.match(digest):
        return error_response(404, f"no artifact file has digest {digest}", "NOT_FOUND")
    runtime = request.app.state.runtime
    try:
        async with runtime.read_session_factory() as session:
            actor = await request_actor(session, request)
            blob = await artifacts.readable_blob(session, actor, entity, project, digest)
    except DomainError as error:
        return error_response(error.http_status, error.message, error.code)
    return await blob_response(request, blob.storage_key, None)


routes = [
    Route("/artifacts/{entity}/{digest}", download_v1, methods=["GET"]),
    Route(
        "/artifactsV2/{region}/{entity}/{project}/{collection}/{birth}/{digest}/{name:path}",
        download_v2,
        methods=["GET"],
    ),
]
