"""Blob routes: ``PUT/GET /storage/<key>`` behind signed, expiring URLs (the client sends no auth
there), and ``GET /files/<entity>/<project>/<run>/<name>``, the authenticated run-file download
that ``File.url`` points at (wandb-core fetches it with Basic auth).

``PUT /storage/<key>?uploadId=..&partNumber=..`` (signed with both) takes one part of a multipart
upload and answers its ``ETag``, as S3 does. Downloads honour a single ``Range`` (206). A key is
served only while a row references it (``app.domain.blobs``); with an object store that hands out
presigned URLs, ``/files`` redirects to one.
"""

from __future__ import annotations

import re

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from app.domain import artifact_blobs, blobs, files
from app.domain.errors import DomainError
from app.rest.auth import database_error_response, error_response, request_actor
from app.rest.middleware import BodyLimit
from app.settings import Settings
from app.storage.base import InvalidUpload, StorageUnavailable, TooLarge
from app.storage.signing import SIGNED_PARAMS, verify

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _signed(request: Request, method: str) -> str | None:
    """The storage key of a request whose signature is valid for ``method``; None otherwise."""
    key = request.path_params["key"]
    query = request.query_params
    extra = {name: query[name] for name in SIGNED_PARAMS if name in query}
    secret = request.app.state.runtime.secret
    return key if verify(secret, method, key, query.get("expires"), query.get("sig"), extra) else None


async def put_blob(request: Request) -> Response:
    runtime = request.app.state.runtime
    key = _signed(request, "PUT")
    if key is None:
        return error_response(403, "upload URL is invalid or has expired; ask for a new one", "FORBIDDEN")
    blob_digest = artifact_blobs.key_digest(key)
    if blob_digest is None and blobs.owner_of(key) is None:
        return error_response(404, "nothing is waiting for an upload at this URL", "NOT_FOUND")
    limit = runtime.settings.max_artifact_file_bytes if blob_digest is not None else runtime.settings.max_upload_bytes
    if "uploadId" in request.query_params:
        return await _put_part(request, key, limit)
    if blob_digest is not None:
        return await _put_artifact_blob(request, key, blob_digest, limit)
    try:
        size, md5 = await runtime.storage.put(key, request.stream(), max_bytes=limit)
    except TooLarge as error:
        return error_response(413, str(error), "PAYLOAD_TOO_LARGE")
    except ValueError as error:
        return error_response(400, str(error), "BAD_USER_INPUT")
    try:
        async with runtime.session_factory.begin() as session:
            wanted = await blobs.record_upload(session, key, size, md5)
    except SQLAlchemyError as error:
        return database_error_response(error)
    if not wanted:
        await runtime.storage.delete(key)
        return error_response(404, "the file this URL was for no longer exists (was its run deleted?)", "NOT_FOUND")
    return Response(status_code=200)


async def _put_part(request: Request, key: str, limit: int) -> Response:
    query = request.query_params
    number = query.get("partNumber", "")
    if not number.isdigit():
        return error_response(400, "partNumber must be a positive integer", "BAD_USER_INPUT")
    try:
        etag = await request.app.state.runtime.storage.put_part(
            key, query["uploadId"], int(number), request.stream(), max_bytes=limit
        )
    except TooLarge as error:
        return error_response(413, str(error), "PAYLOAD_TOO_LARGE")
    except (InvalidUpload, NotImplementedError) as error:
        return error_response(400, str(error) or "this storage takes parts only at its own URLs", "BAD_USER_INPUT")
    return Response(status_code=200, headers={"etag": etag})


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
    runtime = request.app.state.runtime
    key = _signed(request, "GET")
    if key is None:
        return error_response(403, "download URL is invalid or has expired; ask for a new one", "FORBIDDEN")
    try:
        async with runtime.read_session_factory() as session:
            live = await blobs.is_live(session, key)
    except SQLAlchemyError as error:
        return database_error_response(error)
    if not live:
        return _not_stored()
    return await blob_response(request, key, None)


async def get_run_file(request: Request) -> Response:
    runtime = request.app.state.runtime
    params = request.path_params
    try:
        async with runtime.session_factory.begin() as session:
            actor = await request_actor(session, request)
            row = await files.readable_file(
                session,
                actor,
                params["entity"],
                params["project"],
                params["run"],
                params["name"],
                direct=runtime.direct_uploads,
            )
    except DomainError as error:
        return error_response(error.http_status, error.message, error.code)
    except SQLAlchemyError as error:
        return database_error_response(error)
    direct = runtime.storage.direct_download_url(
        row.storage_key, expires_in=runtime.settings.signed_url_ttl_seconds, filename=row.name.rsplit("/", 1)[-1]
    )
    if direct is not None:
        return RedirectResponse(direct, status_code=302)
    return await blob_response(request, row.storage_key, row.mimetype)


async def blob_response(request: Request, key: str, mimetype: str | None) -> Response:
    """The blob under ``key``, whole or the one byte range the ``Range`` header asks (206; 416 past the end)."""
    storage = request.app.state.runtime.storage
    try:
        size = await storage.size(key)
    except ValueError:
        size = None
    if size is None:
        return _not_stored()
    media_type = mimetype or "application/octet-stream"
    wanted = _byte_range(request.headers.get("range"), size)
    if wanted == "unsatisfiable":
        return Response(status_code=416, headers={"content-range": f"bytes */{size}", "accept-ranges": "bytes"})
    if wanted is None:
        return StreamingResponse(
            storage.open(key), media_type=media_type, headers={"content-length": str(size), "accept-ranges": "bytes"}
        )
    start, end = wanted
    return StreamingResponse(
        storage.open(key, start, end),
        status_code=206,
        media_type=media_type,
        headers={
            "content-length": str(end - start + 1),
            "content-range": f"bytes {start}-{end}/{size}",
            "accept-ranges": "bytes",
        },
    )


def _byte_range(header: str | None, size: int) -> tuple[int, int] | str | None:
    """(start, end inclusive) of a single ``bytes=`` range; None to send everything (no header, or
    one this route does not serve, like several ranges); "unsatisfiable" past the end (RFC 9110)."""
    match = _RANGE.match((header or "").strip())
    if match is None or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size:
        return "unsatisfiable"
    if end < start:
        return None
    return start, end


def _not_stored() -> Response:
    return error_response(404, "no file is stored at this URL", "NOT_FOUND")


def body_limits(settings: Settings) -> list[BodyLimit]:
    """Uploads may be larger than other request bodies."""
    return [
        BodyLimit("PUT", f"/storage/{artifact_blobs.KEY_PREFIX}", settings.max_artifact_file_bytes),
        BodyLimit("PUT", "/storage/", settings.max_upload_bytes),
    ]


def _storage_errors_are_503(handler):
    async def guarded(request: Request) -> Response:
        try:
            return await handler(request)
        except StorageUnavailable as error:
            response = error_response(503, f"{error}; retry later", "UNAVAILABLE")
            response.headers["retry-after"] = "5"
            return response

    return guarded


routes = [
    Route("/storage/{key:path}", _storage_errors_are_503(put_blob), methods=["PUT"]),
    Route("/storage/{key:path}", _storage_errors_are_503(get_blob), methods=["GET"]),
    Route("/files/{entity}/{project}/{run}/{name:path}", _storage_errors_are_503(get_run_file), methods=["GET"]),
]
