"""Blob store in a local directory, written atomically (temp file, then rename)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import re
from pathlib import Path
from typing import AsyncIterator

from app.storage.base import TooLarge

_SAFE_KEY = re.compile(r"^[A-Za-z0-9_\-./]+$")
CHUNK = 1024 * 1024


class LocalBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        if not _SAFE_KEY.match(key) or ".." in key.split("/"):
            raise ValueError(f"invalid storage key {key!r}")
        return self.root / key

    async def put(self, key: str, chunks: AsyncIterator[bytes], *, max_bytes: int) -> tuple[int, str]:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{id(chunks)}.tmp")
        md5 = hashlib.md5()
        size = 0
        try:
            with open(tmp, "wb") as handle:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge(f"upload exceeds the limit of {max_bytes} bytes")
                    md5.update(chunk)
                    await asyncio.to_thread(handle.write, chunk)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        return size, base64.b64encode(md5.digest()).decode()

    async def open(self, key: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        """The bytes under ``key`` from ``start`` up to ``end`` (exclusive; None: to the end)."""
        path = self._path(key)
        handle = await asyncio.to_thread(open, path, "rb")
        try:
            if start:
                handle.seek(start)
            remaining = None if end is None else max(end - start, 0)
            while remaining is None or remaining > 0:
                chunk = await asyncio.to_thread(handle.read, CHUNK if remaining is None else min(CHUNK, remaining))
                if not chunk:
                    break
                if remaining is not None:
                    remaining -= len(chunk)
                yield chunk
        finally:
            handle.close()

    async def size(self, key: str) -> int | None:
        try:
            return self._path(key).stat().st_size
        except FileNotFoundError:
            return None

    async def delete(self, key: str) -> int:
        """Remove what is stored under ``key``; the bytes freed (0 if nothing was there)."""
        path = self._path(key)
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            return 0
        return size

    def direct_upload_url(self, key: str, *, expires_in: int, content_md5: str | None = None) -> str | None:
        """None: the client uploads through Labbook's signed /storage URL."""
        return None

    def direct_download_url(self, key: str, *, expires_in: int, filename: str | None = None) -> str | None:
        """None: the client downloads through Labbook's signed /storage URL."""
        return None
