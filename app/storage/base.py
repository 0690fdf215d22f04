"""What every blob store offers. Keys are internal ids, never entity/project paths.

Two backends: ``local.LocalBlobStore`` (a directory; clients go through Labbook's signed
``/storage`` routes) and ``s3.S3BlobStore`` (a bucket; clients get presigned URLs and go
straight to it). Callers that hand a URL to a client use ``app.storage.urls``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import AsyncIterator, Protocol


@dataclass(frozen=True)
class BlobInfo:
    size: int
    md5: str | None  # base64 md5 of the content, when the backend knows it
    modified: float  # epoch seconds


class BlobStore(Protocol):
    # True when clients upload straight to the backend (presigned URLs), so Labbook learns of a
    # finished upload only by asking the backend (``stat``).
    direct_uploads: bool

    async def put(self, key: str, chunks: AsyncIterator[bytes], *, max_bytes: int) -> tuple[int, str]:
        """Store the stream under ``key``; return (size, base64 md5). Raises TooLarge past max_bytes.
        Streams (never the whole file in memory); the key shows nothing until the write is complete."""

    def open(self, key: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        """The bytes under ``key`` from ``start`` to ``end`` (inclusive; None: to the end).
        Raises FileNotFoundError when nothing is stored."""

    async def size(self, key: str) -> int | None:
        """Size in bytes, or None when nothing is stored."""

    async def stat(self, key: str) -> BlobInfo | None:
        """Size, md5 and modification time, or None when nothing is stored."""

    async def delete(self, key: str) -> int:
        """Remove the blob; the bytes freed (0 when nothing was stored)."""

    def keys(self, prefix: str) -> AsyncIterator[tuple[str, float]]:
        """Every stored (key, modified epoch seconds) under ``prefix``, for the sweep."""

    def direct_upload_url(self, key: str, *, expires_in: int, content_md5: str | None = None) -> str | None:
        """A presigned PUT URL on the backend itself; None means: use Labbook's signed /storage URL."""

    def direct_download_url(self, key: str, *, expires_in: int, filename: str | None = None) -> str | None:
        """A presigned GET URL on the backend itself; None means: use Labbook's signed /storage URL."""

    async def create_multipart(self, key: str) -> str:
        """Start a multipart upload; its upload id."""

    def part_upload_url(self, key: str, upload_id: str, part_number: int, *, expires_in: int) -> str | None:
        """A presigned PUT URL for one part; None means: Labbook's signed /storage route takes it."""

    async def put_part(
        self, key: str, upload_id: str, part_number: int, chunks: AsyncIterator[bytes], *, max_bytes: int
    ) -> str:
        """Store one part received by Labbook's route; its ETag (the part's md5 hex, quoted)."""

    async def complete_multipart(
        self, key: str, upload_id: str, parts: list[tuple[int, str]], *, expected_md5: str | None = None
    ) -> tuple[int, str]:
        """Join the parts ((part number, etag), ascending) into ``key``: (size, etag). The etag is what
        the backend reports: S3's multipart ETag (``"<hex>-<n>"``), or the local store's base64 md5 of
        the whole content. InvalidUpload when a part is missing or does not match its etag, and (on
        the local store, before anything is visible) when the whole is not ``expected_md5``."""

    async def abort_multipart(self, key: str, upload_id: str) -> None:
        """Drop a multipart upload and its parts."""

    async def sweep(self) -> int:
        """Remove what crashes left behind (temp files, stale multipart parts); the bytes freed."""


class TooLarge(Exception):
    pass


class StorageUnavailable(Exception):
    """The backend could not be reached or failed on its side; a retry may succeed (HTTP 503)."""


class InvalidUpload(ValueError):
    """A multipart upload that does not exist, or parts that do not match what was stored."""
