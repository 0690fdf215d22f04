"""Cursor connections (Relay): edges, pageInfo, totalCount; keyset cursors, never offsets.

A cursor is an opaque base64 of the JSON list of the sort-key values of the row it points at.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Generic, Sequence, TypeVar

import strawberry

from app.domain.errors import BadInput

T = TypeVar("T")
DEFAULT_PAGE = 50
MAX_PAGE = 100


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool = False
    start_cursor: str | None = None
    end_cursor: str | None = None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int | None = None


def page_size(first: int | None, *, maximum: int = MAX_PAGE) -> int:
    """The rows of a page. app/api/cost.py counts a connection's page as at most MAX_PAGE rows: a
    connection given a larger ``maximum`` must be counted with it there too."""
    if first is None:
        return DEFAULT_PAGE
    if first < 0:
        raise BadInput(f"first must not be negative, got {first}")
    return min(first, maximum)


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values), default=str).encode()).decode()


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadInput(f"invalid cursor {cursor!r}") from None
    if not isinstance(values, list):
        raise BadInput(f"invalid cursor {cursor!r}")
    return values


def connection(
    nodes: Sequence[Any],
    cursors: Sequence[str],
    *,
    has_next: bool,
    total: int | None = None,
    has_previous: bool = False,
) -> Connection[Any]:
    edges = [Edge(node=node, cursor=cursor) for node, cursor in zip(nodes, cursors, strict=True)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        ),
        total_count=total,
    )
