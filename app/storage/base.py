"""What every blob store offers. Keys are internal ids, never entity/project paths."""

from __future__ import annotations

from typing import AsyncIterator, Protocol


class BlobStore(Protocol):
    async def put(self, key: str, chunks: AsyncIterator[bytes], *, max_bytes: int) -> tuple[int, str]:
        """Store the stream under ``key``; return (size, base64 md5). Raises TooLarge past max_bytes."""

    async def open(self, key: str) -> AsyncIterator[bytes]:
        """The bytes under ``key``; raises FileNotFoundError."""

    async def size(self, key: str) -> int | None:
        """Size in bytes, or None when nothing is stored."""


class TooLarge(Exception):
    pass
