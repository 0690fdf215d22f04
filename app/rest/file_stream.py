"""``POST /files/{entity}/{project}/{run}/file_stream``: wandb-core streams a live run here."""

from __future__ import annotations

import json
import logging
import zlib

import orjson
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.db import bulk
from app.domain import api_keys, files, ingest
from app.domain.errors import BadInput, DomainError
from app.rest.auth import database_error_response, error_response

log = logging.getLogger("labbook.file_stream")


async def file_stream(request: Request) -> Response:
    runtime = request.app.state.runtime
    params = request.path_params
    try:
        body = await _json_body(request, runtime.settings.max_request_body_bytes)
        chunk = ingest.parse_body(body)
        secret = api_keys.secret_from_authorization(request.headers.get("authorization"))
        async with bulk.transaction(runtime.engine, runtime.session_factory) as transaction:
            answer = await ingest.stream(
                transaction,
                secret,
                params["entity"],
                params["project"],
                params["run"],
                chunk,
                base_url=runtime.settings.base_url or str(request.base_url),
            )
        if runtime.storage.direct_uploads and isinstance(body, dict) and body.get("uploaded"):
            await _confirm_uploads(runtime, params, body["uploaded"])
    except DomainError as error:
        return error_response(error.http_status, error.message, error.code)
    except SQLAlchemyError as error:
        return database_error_response(error)
    return JSONResponse(answer)


async def _confirm_uploads(runtime, params, names: object) -> None:
    """The client uploaded these straight to the object store: record their sizes now. A failure
    here is no reason to fail the stream: listing the run's files confirms them again."""
    try:
        async with runtime.session_factory.begin() as session:
            await files.confirm_reported_uploads(
                session, runtime.direct_uploads, params["entity"], params["project"], params["run"], names
            )
    except Exception:  # noqa: BLE001 - the stream was stored; the store may be briefly unreachable
        log.warning(
            "could not confirm uploads of %s/%s/%s", params["entity"], params["project"], params["run"], exc_info=True
        )


async def _json_body(request: Request, limit: int) -> object:
    """The JSON body; ``limit`` bounds it decompressed (the middleware bounds the bytes received)."""
    data = await request.body()
    if request.headers.get("content-encoding", "").lower() == "gzip":
        try:
            data = _gunzip(data, limit)
        except (OSError, EOFError, zlib.error):
            raise BadInput("file_stream body is not valid gzip") from None
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass  # rare: what only json accepts (NaN, integers past 64 bits), or json's error message
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadInput(f"file_stream body is not valid JSON: {error}") from None


def _gunzip(data: bytes, limit: int) -> bytes:
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = decompressor.decompress(data, limit + 1)
    if len(out) > limit or decompressor.unconsumed_tail:
        raise _TooLarge(f"decompressed request body larger than {limit} bytes")
    if not decompressor.eof:
        raise EOFError("truncated gzip stream")
    return out


class _TooLarge(DomainError):
    code = "PAYLOAD_TOO_LARGE"
    http_status = 413


routes = [Route("/files/{entity}/{project}/{run}/file_stream", file_stream, methods=["POST"])]
