"""Crash detection: a running run silent for longer than the crash timeout
(``LABBOOK_RUN_CRASH_TIMEOUT_SECONDS``; every file_stream request is a heartbeat) is marked crashed,
and its next request revives it (app.domain.ingest). app.background schedules the check as a
periodic job, done by one process at a time."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.failures import is_unavailable
from app.db.tables import Run
from app.db.types import utcnow

log = logging.getLogger("labbook.runs")


async def mark_crashed(session: AsyncSession, timeout_seconds: float) -> int:
    """Mark running runs silent for longer than ``timeout_seconds`` as crashed; return how many."""
    cutoff = utcnow() - timedelta(seconds=timeout_seconds)
    result = await session.execute(
        update(Run).where(Run.state == "running", Run.heartbeat_at < cutoff).values(state="crashed")
    )
    return result.rowcount or 0


async def watch_for_crashes(
    session_factory: async_sessionmaker[AsyncSession], *, timeout_seconds: float, interval_seconds: float
) -> None:
    """Forever: every ``interval_seconds``, mark silent running runs as crashed (a background task)."""
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            async with session_factory.begin() as session:
                crashed = await mark_crashed(session, timeout_seconds)
            if crashed:
                log.info("marked %d silent runs as crashed", crashed)
        except Exception as error:  # the watch must outlive any failure, a lost database above all
            if is_unavailable(error):
                log.warning(
                    "crash check: the database is unavailable (%s); retrying in %ss",
                    type(error).__name__,
                    interval_seconds,
                )
            else:
                log.exception("crash check failed; retrying in %ss", interval_seconds)
