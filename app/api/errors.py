"""Error presentation: ``extensions.code``, the HTTP status the wandb client needs, and masking.

A DomainError keeps its message and gains ``extensions.code``. A value the database refused becomes
BadInput, and losing the database (app/db/failures.py) becomes Unavailable. When a root field fails
with a DomainError and no root field returned data, the HTTP status becomes the error's
(401/403/404/...): wandb-core prints a 4xx message verbatim and never retries it (PROTOCOL.md §5);
an Unavailable anywhere makes it 503 with Retry-After, which the client retries. Anything else is
logged with the request id and masked.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension

from app.db.failures import is_unavailable, refused_value
from app.domain.errors import BadInput, DomainError, Unavailable
from app.storage.base import StorageUnavailable

log = logging.getLogger("labbook.graphql")
MASKED_MESSAGE = "Unexpected error; it was logged with request id {request_id}."


def refuse_before_execution(execution_context: Any, message: str, **extensions: Any) -> None:
    """Answer a request with one BAD_USER_INPUT error (HTTP 400) instead of executing it.

    Called by schema extensions in ``on_execute`` before they yield: Strawberry skips execution
    when the result is already set."""
    execution_context.result = ExecutionResult(
        data=None, errors=[GraphQLError(message, extensions={"code": "BAD_USER_INPUT", **extensions})]
    )
    response = getattr(execution_context.context, "response", None)
    if response is not None:
        response.status_code = 400


class DomainErrors(SchemaExtension):
    def on_operation(self):
        # Parse and validation errors (depth, token and alias limits) never reach on_execute; the
        # presentation is idempotent, so errors on_execute already presented pass through unchanged.
        try:
            yield
        except GraphQLError as error:  # a syntax error is raised through here, then made the result
            self._present(error, "")
            raise
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [self._present(error, uuid.uuid4().hex[:12]) for error in result.errors]

    def on_execute(self):
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        context = self.execution_context.context
        request_id = uuid.uuid4().hex[:12]
        result.errors = [self._present(error, request_id) for error in result.errors]
        self._set_status(result, context)

    @staticmethod
    def _present(error: GraphQLError, request_id: str) -> GraphQLError:
        original = error.original_error
        if isinstance(original, DomainError):
            error.extensions = {**(error.extensions or {}), "code": original.code}
            return error
        refused = refused_value(original) if original is not None else None
        if refused is not None:
            # The database refused a value (out of range, too long, an invalid pattern): bad input.
            return _as_domain_error(error, BadInput(f"the database refused a value in the request: {refused}"))
        if isinstance(original, StorageUnavailable):  # the object store is down: the client retries a 503
            log.warning("request %s at %s: %s", request_id, error.path, original)
            return _as_domain_error(error, Unavailable(f"{original}; try again shortly"))
        if original is not None and is_unavailable(original):
            log.warning("request %s at %s: database unavailable: %s", request_id, error.path, type(original).__name__)
            return _as_domain_error(error, Unavailable("the database is unavailable; try again shortly"))
        if original is None or isinstance(original, GraphQLError) or not error.path:
            # No path: the request itself was refused (syntax, validation, argument coercion).
            error.extensions = {
                **(error.extensions or {}),
                "code": (error.extensions or {}).get("code", "BAD_USER_INPUT"),
            }
            return error
        log.error("request %s failed at %s", request_id, error.path, exc_info=original)
        return GraphQLError(
            MASKED_MESSAGE.format(request_id=request_id),
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )

    @staticmethod
    def _set_status(result, context) -> None:
        data = result.data or {}
        if any(value is not None for value in data.values()):
            return
        if any(isinstance(error.original_error, Unavailable) for error in result.errors):
            context.response.status_code = Unavailable.http_status
            context.response.headers["Retry-After"] = str(Unavailable.retry_after_seconds)
            return
        for error in result.errors:
            original = error.original_error
            if isinstance(original, DomainError) and error.path and len(error.path) == 1:
                context.response.status_code = original.http_status
                return


def _as_domain_error(error: GraphQLError, domain_error: DomainError) -> GraphQLError:
    return GraphQLError(
        domain_error.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=domain_error,
        extensions={"code": domain_error.code},
    )
