"""What one server process holds: settings, the engine and session factory, blob storage, secret,
the notification hub."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.db.notify import Hub
from app.domain.files import DirectUploads
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
    def direct_uploads(self) -> DirectUploads | None:
        """How run files uploaded straight to the object store are confirmed; None on the local store."""
        if not self.storage.direct_uploads:
            return None
        return DirectUploads(self.storage, self.settings.signed_url_ttl_seconds, self.settings.max_upload_bytes)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name
