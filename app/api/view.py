"""The GraphQL HTTP endpoint: authentication, the empty-operationName fix, a body-size limit."""

from __future__ import annotations

import dataclasses

import orjson
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from strawberry.asgi import GraphQL

from app.api.context import Context
from app.api.schema import schema
from app.db.types import utcnow
from app.domain.api_keys import actor_for, record_key_use
from app.domain.errors import Unauthenticated
from app.runtime import Runtime


class GraphQLApp(GraphQL):
    def __init__(self, runtime: Runtime) -> None:
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
        elif scope["type"] == "websocket":
            # Subscriptions (graphql-transport-ws) authenticate with the upgrade request's headers.
            try:
                scope["labbook.actor"] = await self._actor(Headers(scope=scope))
            except (Unauthenticated, SQLAlchemyError):
                await send({"type": "websocket.close", "code": 4401})
                return
        await super().__call__(scope, receive, send)

    async def _check_request(self, request: Request) -> Response | None:
        length = request.headers.get("content-length")
        limit = self.runtime.settings.max_request_body_bytes
        if length and length.isdigit() and int(length) > limit:
            return _error(413, f"request body too large: {length} bytes, the limit is {limit}")
        try:
            request.state.actor = await self._actor(request.headers)
        except Unauthenticated as error:
            return _error(401, error.message)
        except SQLAlchemyError:
            return _error(503, "the database is unavailable; try again shortly")
        return None

    async def _actor(self, headers: Headers):
        # Authenticate in a read-only session; write only when the key's last use is stale.
        async with self.runtime.read_session_factory() as session:
            actor = await actor_for(
                session,
                headers.get("authorization"),
                claimed_username=headers.get("x-wandb-username"),
                claimed_email=headers.get("x-wandb-user-email"),
                record_use=False,
            )
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


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": _CODES.get(status, "BAD_REQUEST")}}]},
                        status_code=status)


_CODES = {401: "UNAUTHENTICATED", 413: "PAYLOAD_TOO_LARGE", 503: "UNAVAILABLE"}
__all__ = ["GraphQLApp"]
