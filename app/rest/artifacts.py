"""Authenticated artifact downloads, the client's fallback when a file has no directUrl
(PROTOCOL.md §3.6): ``GET /artifactsV2/<region>/<entity>/<project>/<collection>/<birth id>/<md5 hex>/<name>``
and the old layout ``GET /artifacts/<entity>/<md5 hex>``. Both honour ``Range`` (the client
fetches files of 2 GiB or more in parallel ranges)."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from app.domain import artifacts
from app.domain.errors import DomainError
from app.rest.auth import error_response, request_actor

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
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
    size = await runtime.storage.size(blob.storage_key)
    if size is None:
        return error_response(404, "the artifact file's content is missing from storage", "NOT_FOUND")
    return ranged_response(request, runtime.storage, blob.storage_key, size)


def ranged_response(request: Request, storage, key: str, size: int) -> Response:
    """The whole content, or the one byte range the ``Range`` header asks (206; 416 when unsatisfiable)."""
    header = request.headers.get("range")
    start, end, status = 0, size, 200
    if header:
        match = _RANGE.match(header.strip())
        if match is None or (not match.group(1) and not match.group(2)):
            return error_response(416, f"unsupported range {header!r}: use bytes=start-end", "RANGE_NOT_SATISFIABLE")
        if match.group(1):
            start = int(match.group(1))
            end = min(int(match.group(2)) + 1, size) if match.group(2) else size
        else:
            start = max(size - int(match.group(2)), 0)
        if start >= size or start >= end:
            return Response(status_code=416, headers={"content-range": f"bytes */{size}"})
        status = 206
    headers = {"content-length": str(end - start), "accept-ranges": "bytes"}
    if status == 206:
        headers["content-range"] = f"bytes {start}-{end - 1}/{size}"
    return StreamingResponse(storage.open(key, start, end), status_code=status, headers=headers,
                             media_type="application/octet-stream")


routes = [
    Route("/artifacts/{entity}/{digest}", download_v1, methods=["GET"]),
    Route("/artifactsV2/{region}/{entity}/{project}/{collection}/{birth}/{digest}/{name:path}", download_v2,
          methods=["GET"]),
]
