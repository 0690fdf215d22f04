"""Per-request context: the actor, the runtime, DataLoaders and the HTTP response (for status codes).

The context holds a session factory, never one shared session: sibling resolvers run concurrently.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info as StrawberryInfo

from app.api.loaders import Loaders
from app.domain.actor import Actor
from app.runtime import Runtime


@dataclass
class Context:
    request: Request
    response: Response
    runtime: Runtime
    actor: Actor
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.runtime.read_session_factory, self.actor, self.runtime)
        # Read with the key in this request: the viewer's fields ask for them, and runs often are the viewer's.
        user = self.actor.user
        if user is not None:
            self.loaders.user.prime(user.id, user)
            self.loaders.user_by_entity.prime(user.entity_id, user)
        if self.actor.entity is not None:
            self.loaders.entity.prime(self.actor.entity.id, self.actor.entity)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A short read-only session."""
        async with self.runtime.read_session_factory() as session:
            yield session

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        async with self.runtime.session_factory.begin() as session:
            yield session

    @property
    def base_url(self) -> str:
        configured = self.runtime.settings.base_url
        return (configured or str(self.request.base_url)).rstrip("/")


Info = StrawberryInfo[Context, None]
