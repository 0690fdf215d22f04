"""What every blob store offers. Keys are internal ids, never entity/project paths."""

from __future__ import annotations

from typing import AsyncIterator, Optional, Protocol


class BlobStore(Protocol):
    async def put(self, key: str, chunks: AsyncIterator[bytes], *, max_bytes: int) -> tuple[int, str]:
        """Store the stream under ``key``; return (size, base64 md5). Raises TooLarge past max_bytes."""

    async def open(self, key: str, start: int = 0, end: Optional[int] = None) -> AsyncIterator[bytes]:
        """The bytes under ``key`` from ``start`` to ``end`` (exclusive); raises FileNotFoundError."""

    async def size(self, key: str) -> int | None:
        """Size in bytes, or None when nothing is stored."""

    async def delete(self, key: str) -> int:
        """Remove the bytes under ``key``; how many were freed."""

    def direct_upload_url(self, key: str, *, expires_in: int, content_md5: Optional[str] = None) -> Optional[str]:
        """A URL the client PUTs to directly, or None for Labbook's signed /storage URL."""

    def direct_download_url(self, key: str, *, expires_in: int, filename: Optional[str] = None) -> Optional[str]:
        """A URL the client GETs directly, or None for Labbook's signed /storage URL."""


class TooLarge(Exception):
    pass
