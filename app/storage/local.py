"""Blob store in a local directory, written atomically (temp file, then rename).

Layout under the root: ``<key>`` for blobs, ``.incoming/`` for writes in progress and
``.multipart/<upload id>/`` for the parts of a multipart upload. A writer holds an exclusive
``flock`` on its temp file; the lock dies with the process (kill -9 included), so the sweep removes
exactly the temp files nobody is writing any more, at start and on a schedule.
"""

from __future__ import annotations

import asyncio
import base64
import fcntl
import hashlib
import os
import re
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import AsyncIterator, BinaryIO, Iterator

from app.storage.base import BlobInfo, InvalidUpload, TooLarge

_SAFE_KEY = re.compile(r"^[A-Za-z0-9_\-./]+$")
_UPLOAD_ID = re.compile(r"^[0-9a-f]{32}$")
# Temp files of earlier versions, written beside the blob: ``.<name>.<pid>.<n>.tmp``.
_LEGACY_TEMP = re.compile(r"^\..+\.tmp$")
INCOMING = ".incoming"
MULTIPART = ".multipart"
CHUNK = 1024 * 1024
READ_CHUNK = 1024 * 1024  # downloads: one block sent while the next is read (larger blocks only grow the RSS)
MAX_PARTS = 10_000
FRESH_SECONDS = 10


class LocalBlobStore:
    direct_uploads = False

    def __init__(self, root: Path, *, stale_after_seconds: float = 7 * 24 * 3600) -> None:
        """``stale_after_seconds``: an unfinished multipart upload untouched this long is swept."""
        self.root = root
        self.stale_after_seconds = stale_after_seconds
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / INCOMING).mkdir(exist_ok=True)
        (self.root / MULTIPART).mkdir(exist_ok=True)

    def _path(self, key: str) -> Path:
        parts = key.split("/")
        if not _SAFE_KEY.match(key) or ".." in parts or any(part.startswith(".") or not part for part in parts):
            raise ValueError(f"invalid storage key {key!r}")
        return self.root / key

    # --- writing ---------------------------------------------------------------------------------

    @contextmanager
    def _temp_file(self) -> Iterator[tuple[Path, BinaryIO]]:
        """A locked temp file in .incoming, removed unless the caller renamed it away."""
        tmp = self.root / INCOMING / f"{uuid.uuid4().hex}.tmp"
        handle = open(tmp, "wb")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield tmp, handle
        finally:
            handle.close()
            tmp.unlink(missing_ok=True)

    async def _write(
        self, target: Path, chunks: AsyncIterator[bytes], max_bytes: int, expected_md5: str | None = None
    ) -> tuple[int, "hashlib._Hash"]:
        md5 = hashlib.md5()
        size = 0
        with self._temp_file() as (tmp, handle):
            async for chunk in chunks:
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge(f"upload exceeds the limit of {max_bytes} bytes")
                md5.update(chunk)
                await asyncio.to_thread(handle.write, chunk)
            await asyncio.to_thread(_flush, handle)
            if expected_md5 is not None and base64.b64encode(md5.digest()).decode() != expected_md5:
                raise InvalidUpload(f"the joined parts do not have md5 {expected_md5}")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        return size, md5

    async def put(self, key: str, chunks: AsyncIterator[bytes], *, max_bytes: int) -> tuple[int, str]:
        size, md5 = await self._write(self._path(key), chunks, max_bytes)
        return size, base64.b64encode(md5.digest()).decode()

    # --- reading ---------------------------------------------------------------------------------

    async def open(self, key: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        """The bytes from ``start`` to ``end`` (inclusive), in blocks of READ_CHUNK. The next block is
        read in a thread while the consumer (a download) sends the current one, so the disk and the
        socket overlap."""
        path = self._path(key)
        handle = await asyncio.to_thread(open, path, "rb", buffering=0)
        remaining = None if end is None else end - start + 1
        ahead: asyncio.Future | None = None
        reading = threading.Lock()  # held by the read in flight: the file is closed after it, never under it

        def read(size: int) -> bytes:
            with reading:
                return b"" if handle.closed else _read_fully(handle, size)

        def read_next() -> asyncio.Future:
            return asyncio.ensure_future(
                asyncio.to_thread(read, READ_CHUNK if remaining is None else min(READ_CHUNK, remaining))
            )

        try:
            if start:
                handle.seek(start)
            if remaining is None or remaining > 0:
                ahead = read_next()
            while ahead is not None:
                chunk = await ahead
                ahead = None
                if not chunk:
                    break
                if remaining is not None:
                    remaining -= len(chunk)
                if remaining is None or remaining > 0:
                    ahead = read_next()
                yield chunk
        finally:
            with reading:  # a consumer that stopped early waits (milliseconds) for the read in flight
                handle.close()

    async def size(self, key: str) -> int | None:
        try:
            return self._path(key).stat().st_size
        except FileNotFoundError:
            return None

    async def stat(self, key: str) -> BlobInfo | None:
        path = self._path(key)
        try:
            status = path.stat()
        except FileNotFoundError:
            return None
        md5 = await asyncio.to_thread(_file_md5, path)
        return BlobInfo(size=status.st_size, md5=base64.b64encode(md5).decode(), modified=status.st_mtime)

    async def delete(self, key: str) -> int:
        path = self._path(key)
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            return 0
        return size

    async def keys(self, prefix: str) -> AsyncIterator[tuple[str, float]]:
        for path, modified in await asyncio.to_thread(self._listing, prefix):
            yield path, modified

    def _listing(self, prefix: str) -> list[tuple[str, float]]:
        base = self.root / prefix.rstrip("/") if prefix.rstrip("/") else self.root
        found = []
        for directory, subdirs, names in os.walk(base):
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            for name in names:
                if name.startswith("."):
                    continue
                path = Path(directory) / name
                key = path.relative_to(self.root).as_posix()
                if key.startswith(prefix):
                    try:
                        found.append((key, path.stat().st_mtime))
                    except FileNotFoundError:
                        continue
        return found

    # --- URLs: none of its own, Labbook's signed routes serve this store -------------------------

    def direct_upload_url(self, key: str, *, expires_in: int, content_md5: str | None = None) -> str | None:
        return None

    def direct_download_url(self, key: str, *, expires_in: int, filename: str | None = None) -> str | None:
        return None

    def part_upload_url(self, key: str, upload_id: str, part_number: int, *, expires_in: int) -> str | None:
        return None

    # --- multipart -------------------------------------------------------------------------------

    def _upload_dir(self, key: str, upload_id: str) -> Path:
        directory = self.root / MULTIPART / upload_id if _UPLOAD_ID.match(upload_id or "") else None
        try:  # a concurrent completion or abort may remove the directory at any point
            recorded = (directory / "key").read_text() if directory is not None else None
        except (FileNotFoundError, NotADirectoryError):
            recorded = None
        if recorded is None:
            raise InvalidUpload(f"no multipart upload {upload_id!r} is in progress")
        if recorded != key:
            raise InvalidUpload(f"multipart upload {upload_id} is not for {key}")
        return directory

    async def create_multipart(self, key: str) -> str:
        self._path(key)
        upload_id = uuid.uuid4().hex
        directory = self.root / MULTIPART / upload_id
        directory.mkdir()
        (directory / "key").write_text(key)
        return upload_id

    async def put_part(
        self, key: str, upload_id: str, part_number: int, chunks: AsyncIterator[bytes], *, max_bytes: int
    ) -> str:
        directory = self._upload_dir(key, upload_id)
        if not 1 <= part_number <= MAX_PARTS:
            raise InvalidUpload(f"part number {part_number} is out of range: use 1 to {MAX_PARTS}")
        _, md5 = await self._write(directory / f"part-{part_number}", chunks, max_bytes)
        os.utime(directory)
        return f'"{md5.hexdigest()}"'

    async def complete_multipart(
        self, key: str, upload_id: str, parts: list[tuple[int, str]], *, expected_md5: str | None = None
    ) -> tuple[int, str]:
        directory = self._upload_dir(key, upload_id)
        numbers = [number for number, _ in parts]
        if not parts or numbers != sorted(set(numbers)):
            raise InvalidUpload("list the parts once each, in ascending part number order")
        size, md5 = await self._write(
            self._path(key), self._joined(directory, parts), max_bytes=2**63, expected_md5=expected_md5
        )
        await asyncio.to_thread(shutil.rmtree, directory, True)
        return size, base64.b64encode(md5.digest()).decode()

    async def _joined(self, directory: Path, parts: list[tuple[int, str]]) -> AsyncIterator[bytes]:
        """The parts' bytes in order, each checked against the ETag the client was given for it."""
        for number, etag in parts:
            md5 = hashlib.md5()
            try:
                async for chunk in self._read_path(directory / f"part-{number}"):
                    md5.update(chunk)
                    yield chunk
            except FileNotFoundError:  # never uploaded, or taken by a concurrent completion
                raise InvalidUpload(f"part {number} was never uploaded") from None
            if md5.hexdigest() != etag.strip('"'):
                raise InvalidUpload(f"part {number} does not match its ETag {etag}")

    async def _read_path(self, path: Path) -> AsyncIterator[bytes]:
        handle = await asyncio.to_thread(open, path, "rb")
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK):
                yield chunk
        finally:
            handle.close()

    async def abort_multipart(self, key: str, upload_id: str) -> None:
        directory = self._upload_dir(key, upload_id)
        await asyncio.to_thread(shutil.rmtree, directory, True)

    # --- sweeping --------------------------------------------------------------------------------

    async def sweep(self) -> int:
        return await asyncio.to_thread(self._sweep)

    def _sweep(self) -> int:
        freed = 0
        for tmp in (self.root / INCOMING).iterdir():
            freed += _remove_if_unlocked(tmp)
        cutoff = time.time() - self.stale_after_seconds
        for directory in (self.root / MULTIPART).iterdir():
            freed += _remove_if_stale(directory, cutoff)
        for directory, subdirs, names in os.walk(self.root):
            if Path(directory) == self.root:
                subdirs[:] = [d for d in subdirs if d not in (INCOMING, MULTIPART)]
            for name in names:
                path = Path(directory) / name
                if _LEGACY_TEMP.match(name) and _mtime(path) < time.time() - 3600:
                    freed += _unlink(path)
        return freed


def _flush(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _read_fully(handle: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end of the file (an unbuffered read may return less)."""
    data = handle.read(size)
    if not data or len(data) == size:
        return data
    parts = [data]
    got = len(data)
    while got < size and (more := handle.read(size - got)):
        parts.append(more)
        got += len(more)
    return b"".join(parts)


def _file_md5(path: Path) -> bytes:
    md5 = hashlib.md5()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            md5.update(chunk)
    return md5.digest()


def _remove_if_unlocked(path: Path) -> int:
    """Unlink a temp file whose writer is gone (its lock can be taken); the bytes freed. A file
    seconds old is left alone: its writer may have created it and not yet taken the lock."""
    if _mtime(path) > time.time() - FRESH_SECONDS:
        return 0
    try:
        handle = open(path, "rb")
    except (FileNotFoundError, IsADirectoryError):
        return 0
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return 0  # a live writer holds it
        return _unlink(path)


def _remove_if_stale(directory: Path, cutoff: float) -> int:
    try:
        entries = list(directory.iterdir())
        newest = max([_mtime(directory)] + [_mtime(entry) for entry in entries])
    except FileNotFoundError:
        return 0
    if newest >= cutoff:
        return 0
    size = sum(entry.stat().st_size for entry in entries if entry.is_file())
    shutil.rmtree(directory, ignore_errors=True)
    return size


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return float("inf")


def _unlink(path: Path) -> int:
    try:
        size = path.stat().st_size
        path.unlink()
    except FileNotFoundError:
        return 0
    return size
