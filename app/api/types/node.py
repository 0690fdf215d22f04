"""The Node interface and the registry that resolves global ids to visible objects."""

from __future__ import annotations

from typing import Any, Awaitable, Callable

import strawberry

from app.api import ids
from app.domain.errors import DomainError

NodeResolver = Callable[[Any, int], Awaitable[Any]]
_RESOLVERS: dict[str, NodeResolver] = {}


@strawberry.interface(description="An object with a global id.")
class Node:
    id: strawberry.ID


def register_node(type_name: str) -> Callable[[NodeResolver], NodeResolver]:
    """Register ``async fn(info, pk)`` that returns the object, or None when the viewer may not see it."""

    def wrap(fn: NodeResolver) -> NodeResolver:
        _RESOLVERS[type_name] = fn
        return fn

    return wrap


async def resolve_node(info: Any, global_id: str) -> Any:
    try:
        type_name, pk = ids.decode(global_id)
    except DomainError:
        return None
    resolver = _RESOLVERS.get(type_name)
    return await resolver(info, pk) if resolver else None
