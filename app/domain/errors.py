"""Errors the services raise; each carries a GraphQL code and the HTTP status the wandb client expects."""

from __future__ import annotations


class DomainError(Exception):
    code = "BAD_USER_INPUT"
    http_status = 400

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class BadInput(DomainError):
    code = "BAD_USER_INPUT"
    http_status = 400


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"
    http_status = 401


class Forbidden(DomainError):
    code = "FORBIDDEN"
    http_status = 403


class NotFound(DomainError):
    code = "NOT_FOUND"
    http_status = 404


class Conflict(DomainError):
    code = "CONFLICT"
    http_status = 409


class Unavailable(DomainError):
    """The database cannot be reached or dropped the connection; the client should retry."""

    code = "UNAVAILABLE"
    http_status = 503
    retry_after_seconds = 5
