"""The GraphQL HTTP endpoint: authentication, the empty-operationName fix, and bodies refused with a
sentence (not UTF-8, not JSON, nested too deep) as JSON 4xx answers. The body-size limit and database
failures are app/rest/middleware.py's."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import orjson
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import Headers
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response
from cross_web import HTTPException
from strawberry.asgi import GraphQL

from app.api.context import Context
from app.api.schema import schema_for
from app.db.types import utcnow
from app.domain import web_sessions
from app.domain.api_keys import actor_for, record_key_use
from app.domain.errors import Forbidden, Unauthenticated
from app.runtime import Runtime


class GraphQLApp(GraphQL):
    def __init__(self, runtime: Runtime) -> None:
        schema = schema_for(fast_executor=runtime.settings.graphql_fast_executor)
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.runtime = runtime

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            request = Request(scope, receive=receive)
            denied = await self._check_request(request)
            if denied is not None:
                await denied(scope, receive, send)
                return
            scope["labbook.actor"] = request.state.actor
            try:
                response = await self.run(request)
            except HTTPException as error:  # strawberry's own refusals (bad JSON, methods...) as JSON errors
                response = _error(error.status_code, error.reason)
            await response(scope, receive, send)
            return
        if scope["type"] == "websocket":
            # Subscriptions (graphql-transport-ws) authenticate with the upgrade request: an API key,
            # or the browser's session cookie when the page that opened the socket is this server's.
            try:
                scope["labbook.actor"] = await self._actor(Headers(scope=scope), HTTPConnection(scope))
            except Forbidden as error:
                await _refuse_socket(scope, receive, send, 4403, error.message)
                return
            except Unauthenticated as error:
                await _refuse_socket(scope, receive, send, 4401, error.message)
                return
            except SQLAlchemyError:
                await _refuse_socket(scope, receive, send, 1013, "the database is unavailable; try again shortly")
                return
        await super().__call__(scope, receive, send)

    async def _check_request(self, request: Request) -> Response | None:
        try:
            request.state.actor = await self._actor(request.headers, request)
        except Unauthenticated as error:
            return _error(401, error.message)
        except Forbidden as error:
            return _error(403, error.message)
        return None

    async def _session_actor(self, session, request: HTTPConnection):
        """A browser with a session cookie and no API key. Its POSTs must carry the CSRF header; a
        WebSocket, which no header can be added to and which the browser opens from any site, must
        come from a page of this server (its Origin), else it is refused (cross-site WebSocket
        hijacking)."""
        if request.scope["type"] == "websocket":
            if not same_origin(request):
                raise Forbidden(
                    "a WebSocket signed in with the session cookie must come from this server's own "
                    "pages (its Origin header); other clients send an API key"
                )
            needs_csrf = False
        else:
            needs_csrf = request.scope.get("method") != "GET"
        return await web_sessions.actor_for_session(
            session,
            request.cookies[web_sessions.SESSION_COOKIE],
            server_secret=self.runtime.secret,
            csrf_sent=request.headers.get(web_sessions.CSRF_HEADER),
            needs_csrf=needs_csrf,
        )

    async def _actor(self, headers: Headers, request: HTTPConnection | None = None):
        """The actor of the request's API key; without one, of the browser session (HTTP requests and
        WebSockets opened by this server's pages)."""
        # Authenticate in a read-only session; write only when the key's last use is stale.
        async with self.runtime.read_session_factory() as session:
            actor = await actor_for(
                session,
                headers.get("authorization"),
                claimed_username=headers.get("x-wandb-username"),
                claimed_email=headers.get("x-wandb-user-email"),
                record_use=False,
            )
            if request is not None and actor.is_anonymous and web_sessions.SESSION_COOKIE in request.cookies:
                actor = await self._session_actor(session, request)
        if actor.key_use_stale:
            async with self.runtime.session_factory.begin() as session:
                await record_key_use(session, actor.api_key_id, utcnow())
        return actor

    async def parse_http_body(self, request):
        data = await super().parse_http_body(request)
        # The public API sends "operationName": "" (PROTOCOL.md §0.3); treat it as absent.
        if not isinstance(data, list) and data.operation_name == "":
            return dataclasses.replace(data, operation_name=None)
        return data

    def parse_json(self, data: str | bytes) -> Any:
        try:
            return self.decode_json(data)
        except UnreadableBody as error:
            raise HTTPException(400, error.sentence) from None
        except json.JSONDecodeError as error:
            raise HTTPException(
                400, f"the request body is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
            ) from None

    def decode_json(self, data: str | bytes) -> object:
        """JSON text (also of WebSocket messages, where an UnreadableBody closes the socket as bad JSON does)."""
        try:
            text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
        except UnicodeDecodeError as error:
            raise UnreadableBody(
                f"the request body is not valid UTF-8 (byte {error.start} is not); send the JSON encoded as UTF-8"
            ) from None
        too_deep = UnreadableBody(f"the request body nests JSON deeper than {MAX_JSON_DEPTH} levels")
        try:
            decoded = json.loads(text)
        except RecursionError:
            raise too_deep from None
        if _nests_deeper(decoded, MAX_JSON_DEPTH):
            raise too_deep
        return decoded

    def encode_json(self, data: object) -> str:
        # orjson writes a 1,000-line history answer in a tenth of json's time. It refuses integers
        # past 64 bits (json writes them), and writes non-ASCII characters as UTF-8, not escapes.
        # Text, not bytes: WebSocket messages must go out as text frames.
        try:
            return orjson.dumps(data).decode()
        except TypeError:
            return super().encode_json(data)

    async def get_context(self, request: Request, response: Response) -> Context:
        return Context(request=request, response=response, runtime=self.runtime, actor=request.scope["labbook.actor"])


MAX_JSON_DEPTH = 64


async def _refuse_socket(scope, receive, send, code: int, reason: str) -> None:
    """Accept the upgrade and close at once with graphql-transport-ws' code (4401 unauthenticated, 4403
    forbidden; 1013 try again later) and the sentence: a browser sees a close code and reason, never a
    bare failed handshake."""
    message = await receive()
    if message["type"] != "websocket.connect":
        return
    protocols = scope.get("subprotocols") or []
    accept = {"type": "websocket.accept"}
    if "graphql-transport-ws" in protocols:
        accept["subprotocol"] = "graphql-transport-ws"
    await send(accept)
    # A close reason is at most 123 bytes.
    await send({"type": "websocket.close", "code": code, "reason": reason.encode()[:123].decode(errors="ignore")})


DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def same_origin(connection: HTTPConnection) -> bool:
    """Whether the request's Origin is this server's own origin: the same scheme (http for ws, https
    for wss), host and port as the request was sent to (X-Forwarded-Host/-Proto behind a proxy)."""
    origin = connection.headers.get("origin")
    if not origin or origin == "null" or "://" not in origin:
        return False
    scheme, _, authority = origin.partition("://")
    forwarded = connection.headers.get("x-forwarded-proto", "").split(",")[0].strip()
    own_scheme = forwarded or connection.url.scheme
    own_scheme = {"ws": "http", "wss": "https"}.get(own_scheme, own_scheme)
    own_host = connection.headers.get("x-forwarded-host", "").split(",")[0].strip() or connection.headers.get(
        "host", ""
    )
    return scheme.lower() == own_scheme.lower() and _authority(authority, scheme) == _authority(own_host, own_scheme)


def _authority(text: str, scheme: str) -> tuple[str, int | None]:
    """(host, port) with the scheme's default port filled in, lowercased."""
    text = text.strip().rstrip("/").lower()
    host, port = text, None
    if text.startswith("["):  # [::1]:8080
        host, _, rest = text.partition("]")
        host += "]"
        port = rest[1:] if rest.startswith(":") else None
    elif text.count(":") == 1:
        host, port = text.split(":")
    try:
        number = int(port) if port else DEFAULT_PORTS.get(scheme.lower())
    except ValueError:
        return host, -1
    return host, number


class UnreadableBody(json.JSONDecodeError):
    """A body that is not UTF-8 or nests too deep: a JSONDecodeError to Strawberry, with a sentence for people."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence, "", 0)
        self.sentence = sentence


def _nests_deeper(value: Any, limit: int) -> bool:
    """Whether arrays and objects in ``value`` nest deeper than ``limit`` (without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            stack.extend((inner, depth + 1) for inner in (item.values() if isinstance(item, dict) else item))
    return False


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": _CODES.get(status, "BAD_REQUEST")}}]},
        status_code=status,
    )


_CODES = {401: "UNAUTHENTICATED", 403: "FORBIDDEN"}
__all__ = ["GraphQLApp"]
