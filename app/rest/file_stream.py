"""``POST /files/{entity}/{project}/{run}/file_stream``: wandb-core streams a live run here."""

from __future__ import annotations

import json
import zlib

import orjson
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.domain import ingest
from app.domain.errors import BadInput, DomainError
from app.rest.auth import database_error_response, error_response


async def file_stream(request: Request) -> Response:
    runtime = request.app.state.runtime
    params = request.path_params
    try:
        chunk = ingest.parse_body(await _json_body(request, runtime.settings.max_request_body_bytes))
        answer = await ingest.stream(runtime.engine, runtime.session_factory, request.headers.get("authorization"),
                                     params["entity"], params["project"], params["run"], chunk,
                                     base_url=runtime.settings.base_url or str(request.base_url))
    except DomainError as error:
        return error_response(error.http_status, error.message, error.code)
    except SQLAlchemyError as error:
        return database_error_response(error)
    return JSONResponse(answer)


async def _json_body(request: Request, limit: int) -> object:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise _TooLarge(f"request body too large: {length} bytes, the limit is {limit}")
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > limit:
            raise _TooLarge(f"request body too large: more than {limit} bytes")
    data = bytes(body)
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
