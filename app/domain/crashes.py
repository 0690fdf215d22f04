"""Crash detection: a running run silent for longer than the crash timeout
(``LABBOOK_RUN_CRASH_TIMEOUT_SECONDS``; every file_stream request is a heartbeat) is marked crashed,
and its next request revives it (app.domain.ingest). app.background schedules the check as a
periodic job, done by one process at a time."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Run
from app.db.types import utcnow
from app.domain.kinds import RunState


async def mark_crashed(session: AsyncSession, timeout_seconds: float) -> int:
    """Mark running runs silent for longer than ``timeout_seconds`` as crashed; return how many."""
    cutoff = utcnow() - timedelta(seconds=timeout_seconds)
    result = await session.execute(
        update(Run).where(Run.state == RunState.RUNNING, Run.heartbeat_at < cutoff).values(state=RunState.CRASHED)
    )
    return result.rowcount or 0
