"""Blob routes: ``PUT/GET /storage/<key>`` behind signed, expiring URLs (the client sends no auth
there), and ``GET /files/<entity>/<project>/<run>/<name>``, the authenticated run-file download
that ``File.url`` points at (wandb-core fetches it with Basic auth)."""

from __future__ import annotations

from typing import AsyncIterator

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from app.domain import artifact_blobs, files
from app.domain.errors import DomainError
from app.rest.artifacts import ranged_response
from app.rest.auth import database_error_response, error_response, request_actor
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
    blob_digest = artifact_blobs.key_digest(key)
    limit = runtime.settings.max_artifact_file_bytes if blob_digest is not None else runtime.settings.max_upload_bytes
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        return error_response(413, f"file too large: {length} bytes, the limit is {limit}", "PAYLOAD_TOO_LARGE")
    if blob_digest is not None:
        return await _put_artifact_blob(request, key, blob_digest, limit)
    try:
        size, md5 = await runtime.storage.put(key, request.stream(), max_bytes=limit)
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


async def _put_artifact_blob(request: Request, key: str, digest: str, limit: int) -> Response:
    """Content-addressed artifact content: stored only when its bytes have the MD5 the key names
    (a mismatch is refused before anything becomes visible); content already held is not rewritten."""
    runtime = request.app.state.runtime
    try:
        async with runtime.session_factory() as session:
            if await artifact_blobs.is_uploaded(session, key):
                return Response(status_code=200)
        size, _ = await runtime.storage.put(key, artifact_blobs.verified(request.stream(), digest), max_bytes=limit)
        async with runtime.session_factory.begin() as session:
            known = await artifact_blobs.record_upload(session, key, size)
    except TooLarge as error:
        return error_response(413, str(error), "PAYLOAD_TOO_LARGE")
    except artifact_blobs.DigestMismatch as error:
        return error_response(400, str(error), "BAD_USER_INPUT")
    except ValueError as error:
        return error_response(400, str(error), "BAD_USER_INPUT")
    except SQLAlchemyError as error:
        return database_error_response(error)
    if not known:
        await runtime.storage.delete(key)
        return error_response(404, "this upload URL names no artifact content the server expects", "NOT_FOUND")
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
    if request.headers.get("range"):  # the client fetches artifact files of 2 GiB or more in ranges
        return ranged_response(request, storage, key, size)
    return StreamingResponse(_chunks(storage.open(key)), media_type=mimetype or "application/octet-stream",
                             headers={"content-length": str(size)})


async def _chunks(stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    async for chunk in stream:
        yield chunk


routes = [
    Route("/storage/{key:path}", put_blob, methods=["PUT"]),
    Route("/storage/{key:path}", get_blob, methods=["GET"]),
    Route("/files/{entity}/{project}/{run}/{name:path}", get_run_file, methods=["GET"]),
]
