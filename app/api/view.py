"""The GraphQL HTTP endpoint: authentication and the empty-operationName fix (the body-size limit and
database failures are app/rest/middleware.py's)."""

from __future__ import annotations

import dataclasses

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from strawberry.asgi import GraphQL

from app.api.context import Context
from app.api.schema import schema_for
from app.db.types import utcnow
from app.domain.api_keys import actor_for, record_key_use
from app.domain.errors import Unauthenticated
from app.runtime import Runtime


class GraphQLApp(GraphQL):
    def __init__(self, runtime: Runtime) -> None:
        super().__init__(schema_for(fast_executor=runtime.settings.graphql_fast_executor), graphql_ide="graphiql", allow_queries_via_get=True)
        self.runtime = runtime

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            request = Request(scope, receive=receive)
            denied = await self._check_request(request)
            if denied is not None:
                await denied(scope, receive, send)
                return
            scope["labbook.actor"] = request.state.actor
        await super().__call__(scope, receive, send)

    async def _check_request(self, request: Request) -> Response | None:
        try:
            # Authenticate in a read-only session; write only when the key's last use is stale.
            async with self.runtime.read_session_factory() as session:
                actor = await actor_for(
                    session,
                    request.headers.get("authorization"),
                    claimed_username=request.headers.get("x-wandb-username"),
                    claimed_email=request.headers.get("x-wandb-user-email"),
                    record_use=False,
                )
            if actor.key_use_stale:
                async with self.runtime.session_factory.begin() as session:
                    await record_key_use(session, actor.api_key_id, utcnow())
            request.state.actor = actor
        except Unauthenticated as error:
            return _error(401, error.message)
        return None

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


_CODES = {401: "UNAUTHENTICATED"}
__all__ = ["GraphQLApp"]
