"""Which stored blobs are still wanted, and removing those that are not.

Each kind of blob lives under its own key prefix (``run-files/`` ...) and registers a
``BlobOwner`` here: the domain function that says which keys a row still references. With it:

- the signed GET route serves a key only while its owner says it is live (a deleted run's files
  are never served, even through a URL handed out before);
- ``release`` removes blobs once the transaction that dropped their rows has committed;
- ``sweep`` (at start and on a schedule) removes what a crash between commit and removal left,
  plus the backend's own leftovers (temp files, stale multipart parts). It only touches keys older
  than the signed URL lifetime, so an upload in flight whose row is not written yet is safe.

A key under no registered prefix is never served and never swept.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Awaitable, Callable, Iterable

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.db import dialect
from app.storage.base import BlobStore

log = logging.getLogger("labbook.blobs")

BATCH = 500
PARALLEL_DELETES = 8

LiveKeys = Callable[[AsyncSession, list[str]], Awaitable[set[str]]]
UploadHook = Callable[[AsyncSession, str, int, str], Awaitable[bool]]


@dataclass(frozen=True)
class BlobOwner:
    """``live(session, keys)``: the subset of ``keys`` that rows still reference. It runs in the
    transaction during which ``release``/``sweep`` delete the others, so an owner whose keys can be
    referenced again (content addressing) may lock its rows there to serialize with its writers.

    ``on_upload(session, key, size, md5)``: a PUT through Labbook's route finished; record it and
    answer False when no row wants the key (the blob is then removed and the PUT refused). Without
    it, the PUT is kept when ``live`` says so."""

    prefix: str
    live: LiveKeys
    on_upload: UploadHook | None = None


_OWNERS: dict[str, BlobOwner] = {}


def register(owner: BlobOwner) -> None:
    _OWNERS[owner.prefix] = owner


def owners() -> list[BlobOwner]:
    return list(_OWNERS.values())


def owner_of(key: str) -> BlobOwner | None:
    """The owner of the longest registered prefix of ``key``."""
    matching = [prefix for prefix in _OWNERS if key.startswith(prefix)]
    return _OWNERS[max(matching, key=len)] if matching else None


async def is_live(session: AsyncSession, key: str) -> bool:
    owner = owner_of(key)
    return owner is not None and key in await owner.live(session, [key])


async def record_upload(session: AsyncSession, key: str, size: int, md5: str) -> bool:
    """After a PUT through Labbook: False when no row wants the blob (the caller removes it)."""
    owner = owner_of(key)
    if owner is None:
        return False
    if owner.on_upload is not None:
        return await owner.on_upload(session, key, size, md5)
    return key in await owner.live(session, [key])


async def release(session_factory: async_sessionmaker[AsyncSession], storage: BlobStore, keys: Iterable[str]) -> int:
    """Remove the blobs under ``keys`` that no row references any more; the bytes freed. Call it after
    the transaction that dropped the rows committed. A failure is logged: the sweep retries later."""
    wanted = sorted(set(keys))
    freed = 0
    for start in range(0, len(wanted), BATCH):
        freed += (await _remove_unreferenced(session_factory, storage, wanted[start : start + BATCH]))[1]
    return freed


@dataclass
class SweepReport:
    leftovers_bytes: int = 0  # temp files and stale parts
    orphans: int = 0
    orphan_bytes: int = 0

    @property
    def freed_bytes(self) -> int:
        return self.leftovers_bytes + self.orphan_bytes


async def sweep(
    session_factory: async_sessionmaker[AsyncSession], storage: BlobStore, *, min_age_seconds: float
) -> SweepReport:
    """Remove crash leftovers and every blob older than ``min_age_seconds`` that no row references."""
    report = SweepReport(leftovers_bytes=await storage.sweep())
    cutoff = time.time() - min_age_seconds
    for owner in owners():
        batch: list[str] = []
        async for key, modified in storage.keys(owner.prefix):
            if modified < cutoff:
                batch.append(key)
            if len(batch) >= BATCH:
                await _sweep_batch(session_factory, storage, batch, report)
                batch = []
        if batch:
            await _sweep_batch(session_factory, storage, batch, report)
    if report.freed_bytes or report.orphans:
        log.info(
            "storage sweep removed %d unreferenced blobs (%d bytes) and %d bytes of crash leftovers",
            report.orphans,
            report.orphan_bytes,
            report.leftovers_bytes,
        )
    return report


async def _sweep_batch(
    session_factory: async_sessionmaker[AsyncSession], storage: BlobStore, keys: list[str], report: SweepReport
) -> None:
    count, freed = await _remove_unreferenced(session_factory, storage, keys)
    report.orphans += count
    report.orphan_bytes += freed


async def _remove_unreferenced(
    session_factory: async_sessionmaker[AsyncSession], storage: BlobStore, keys: list[str]
) -> tuple[int, int]:
    """(how many, bytes freed) of ``keys`` removed because no row references them."""
    limit = asyncio.Semaphore(PARALLEL_DELETES)

    async def remove(key: str) -> int:
        async with limit:
            try:
                return await storage.delete(key)
            except Exception:  # noqa: BLE001 - one failing blob must not stop the others; the sweep retries
                log.warning("could not remove blob %s; the storage sweep will retry", key, exc_info=True)
                return 0

    async with session_factory.begin() as session:
        live: set[str] = set()
        by_owner: dict[str, list[str]] = {}
        for key in keys:
            owner = owner_of(key)
            if owner is not None:
                by_owner.setdefault(owner.prefix, []).append(key)
        for prefix, owned in by_owner.items():
            live |= await _OWNERS[prefix].live(session, owned)
        dead = [key for keys_ in by_owner.values() for key in keys_ if key not in live]
        sizes = await asyncio.gather(*(remove(key) for key in dead))
    return len(dead), sum(sizes)


SWEEP_JOB = "labbook.storage-sweep"


async def sweep_if_claimed(
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    storage: BlobStore,
    *,
    min_age_seconds: float,
) -> SweepReport | None:
    """``sweep``, unless another process is sweeping right now (None then)."""
    async with dialect.claimed(engine, SWEEP_JOB) as mine:
        if not mine:
            return None
        return await sweep(session_factory, storage, min_age_seconds=min_age_seconds)


async def sweep_forever(
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    storage: BlobStore,
    *,
    interval_seconds: float,
    min_age_seconds: float,
) -> None:
    """Sweep now, then every ``interval_seconds`` (a background task; 0 or less: only now)."""
    while True:
        try:
            await sweep_if_claimed(engine, session_factory, storage, min_age_seconds=min_age_seconds)
        except Exception:  # noqa: BLE001 - a failed sweep is retried at the next interval
            log.warning("storage sweep failed", exc_info=True)
        if interval_seconds <= 0:
            return
        await asyncio.sleep(interval_seconds)
