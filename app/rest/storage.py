"""Blob routes: ``PUT/GET /storage/<key>`` behind signed, expiring URLs (the client sends no auth
there), and ``GET /files/<entity>/<project>/<run>/<name>``, the authenticated run-file download
that ``File.url`` points at (wandb-core fetches it with Basic auth)."""

from __future__ import annotations

from typing import AsyncIterator

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from app.domain import files
from app.domain.errors import DomainError
from app.rest.auth import database_error_response, error_response, request_actor
from app.rest.middleware import BodyLimit
from app.settings import Settings
from app.storage.base import TooLarge
from app.storage.signing import verify


def _signed(request: Request, method: str) -> str | None:
    """The storage key of a request whose signature is valid for ``method``; None otherwise."""
    key = request.path_params["key"]
    query = request.query_params
    return key if verify(request.app.state.runtime.secret, method, key, query.get("expires"), query.get("sig")) else None


async def put_blob(request: Request) -> Response:
    runtime = request.app.state.runtime
    key = _signed(request, "PUT")
    if key is None:
        return error_response(403, "upload URL is invalid or has expired; ask for a new one", "FORBIDDEN")
    try:
        size, md5 = await runtime.storage.put(key, request.stream(), max_bytes=runtime.settings.max_upload_bytes)
    except TooLarge as error:
        return error_response(413, str(error), "PAYLOAD_TOO_LARGE")
    except ValueError as error:
        return error_response(400, str(error), "BAD_USER_INPUT")
    if key.startswith(files.KEY_PREFIX):
        try:
            async with runtime.session_factory.begin() as session:
                await files.record_upload(session, key, size, md5)
        except SQLAlchemyError as error:
            return database_error_response(error)
    return Response(status_code=200)


async def get_blob(request: Request) -> Response:
    key = _signed(request, "GET")
    if key is None:
        return error_response(403, "download URL is invalid or has expired; ask for a new one", "FORBIDDEN")
    return await _blob_response(request, key, None)


async def get_run_file(request: Request) -> Response:
    runtime = request.app.state.runtime
    params = request.path_params
    try:
        async with runtime.session_factory.begin() as session:
            actor = await request_actor(session, request)
            row = await files.readable_file(session, actor, params["entity"], params["project"], params["run"],
                                            params["name"])
    except DomainError as error:
        return error_response(error.http_status, error.message, error.code)
    return await _blob_response(request, row.storage_key, row.mimetype)


async def _blob_response(request: Request, key: str, mimetype: str | None) -> Response:
    storage = request.app.state.runtime.storage
    try:
        size = await storage.size(key)
    except ValueError:
        size = None
    if size is None:
        return error_response(404, "no file is stored at this URL", "NOT_FOUND")
    return StreamingResponse(_chunks(storage.open(key)), media_type=mimetype or "application/octet-stream",
                             headers={"content-length": str(size)})


async def _chunks(stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    async for chunk in stream:
        yield chunk


def body_limits(settings: Settings) -> list[BodyLimit]:
    """Uploads may be larger than other request bodies."""
    return [BodyLimit("PUT", "/storage/", settings.max_upload_bytes)]


routes = [
    Route("/storage/{key:path}", put_blob, methods=["PUT"]),
    Route("/storage/{key:path}", get_blob, methods=["GET"]),
    Route("/files/{entity}/{project}/{run}/{name:path}", get_run_file, methods=["GET"]),
]
