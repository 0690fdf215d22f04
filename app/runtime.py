"""What one server process holds: settings, the engine and session factory, blob storage, secret,
the notification hub."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.db.notify import Hub
from app.settings import Settings
from app.storage.base import BlobStore


@dataclass
class Runtime:
    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    read_session_factory: async_sessionmaker[AsyncSession]  # for sessions that never write
    storage: BlobStore
    secret: bytes
    hub: Hub  # notifications from other processes (alerts, new jobs); started with the app

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name
