"""Background work in the ``job`` table, each job done by exactly one server process.

A worker claims due jobs with ``SELECT ... FOR UPDATE SKIP LOCKED`` (PostgreSQL; SQLite runs one
writer at a time, so the same UPDATE claims atomically there) and leases them for LEASE; a job
whose process died is claimed again when its lease runs out. Enqueueing notifies every process
(app.db.notify), so a new job starts at once instead of at the next poll. A handler answers
Done, or Retry(at) to run the job again later (retries and periodic jobs alike).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Awaitable, Callable

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import notify
from app.db.tables import Job
from app.db.types import utcnow

log = logging.getLogger("labbook.jobs")

JOB_CHANNEL = "labbook_jobs"
LEASE = timedelta(minutes=5)
CLAIM_BATCH = 20
POLL_SECONDS = 1.0


@dataclass(frozen=True)
class Retry:
    at: datetime
    error: str | None = None


class Done:
    pass


DONE = Done()


@dataclass
class Claimed:
    id: int
    kind: str
    payload: Any
    attempts: int  # including this one
    created_at: datetime


Handler = Callable[[Claimed], Awaitable[Done | Retry]]


async def enqueue(session: AsyncSession, kind: str, payload: Any, *, run_at: datetime | None = None) -> Job:
    job = Job(kind=kind, payload=payload, run_at=run_at or utcnow())
    session.add(job)
    await session.flush()
    await notify.notify(session, JOB_CHANNEL, kind)
    return job


async def finish_first(work: Awaitable[Any]) -> Any:
    """Await ``work``; when cancelled meanwhile, let it finish first (a transaction cut off in the
    middle would keep its connection, and on SQLite the write lock), then stop."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.gather(task, return_exceptions=True)
        raise


async def ensure_periodic(session_factory: async_sessionmaker[AsyncSession], kind: str, payload: Any) -> None:
    """One job of ``kind`` for the whole deployment, however many processes start it."""
    await finish_first(_ensure_periodic(session_factory, kind, payload))


async def _ensure_periodic(session_factory: async_sessionmaker[AsyncSession], kind: str, payload: Any) -> None:
    try:
        async with session_factory.begin() as session:
            found = await session.scalar(select(Job.id).where(Job.unique_key == kind))
            if found is None:
                session.add(Job(kind=kind, payload=payload, unique_key=kind))
    except IntegrityError:
        pass  # another process made it first


async def forget_finished(session: AsyncSession, *, older_than: timedelta) -> None:
    """Finished jobs are only history; webhook_delivery keeps the record of deliveries."""
    await session.execute(delete(Job).where(Job.finished_at < utcnow() - older_than))


async def claim(session_factory: async_sessionmaker[AsyncSession], limit: int = CLAIM_BATCH) -> list[Claimed]:
    now = utcnow()
    due = (
        select(Job.id)
        .where(Job.finished_at.is_(None), Job.run_at <= now, or_(Job.locked_until.is_(None), Job.locked_until < now))
        .order_by(Job.run_at, Job.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    async with session_factory() as session:  # most polls find nothing: look before taking a write lock
        if (
            await session.scalar(
                select(Job.id)
                .where(
                    Job.finished_at.is_(None),
                    Job.run_at <= now,
                    or_(Job.locked_until.is_(None), Job.locked_until < now),
                )
                .limit(1)
            )
            is None
        ):
            return []
    async with session_factory.begin() as session:
        rows = await session.execute(
            update(Job)
            .where(
                Job.id.in_(due.scalar_subquery()),
                and_(Job.finished_at.is_(None), or_(Job.locked_until.is_(None), Job.locked_until < now)),
            )
            .values(locked_until=now + LEASE, attempts=Job.attempts + 1)
            .returning(Job.id, Job.kind, Job.payload, Job.attempts, Job.created_at)
            .execution_options(synchronize_session=False)
        )
        return [Claimed(*row) for row in rows.all()]


async def settle(session_factory: async_sessionmaker[AsyncSession], job: Claimed, result: Done | Retry) -> None:
    async with session_factory.begin() as session:
        if isinstance(result, Retry):
            values: dict[str, Any] = {"run_at": result.at, "locked_until": None, "last_error": result.error}
        else:
            values = {"finished_at": utcnow(), "locked_until": None}
        await session.execute(update(Job).where(Job.id == job.id).values(**values))


async def run_worker(
    session_factory: async_sessionmaker[AsyncSession],
    hub: notify.Hub,
    handlers: dict[str, Handler],
    *,
    poll_seconds: float = POLL_SECONDS,
) -> None:
    """Forever: claim due jobs and run them concurrently; sleep until a job is enqueued or the poll."""
    with hub.subscribe(JOB_CHANNEL) as wakeups:
        while True:
            try:
                claimed = await finish_first(claim(session_factory))
            except SQLAlchemyError:
                log.warning("claiming jobs failed; retrying", exc_info=True)
                claimed = []
            if claimed:
                await finish_first(asyncio.gather(*(_run(session_factory, handlers, job) for job in claimed)))
                continue
            try:
                await asyncio.wait_for(wakeups.get(), timeout=poll_seconds)
            except asyncio.TimeoutError:
                pass


async def _run(session_factory: async_sessionmaker[AsyncSession], handlers: dict[str, Handler], job: Claimed) -> None:
    handler = handlers.get(job.kind)
    try:
        if handler is None:
            result: Done | Retry = Retry(utcnow() + LEASE, f"no handler for {job.kind} in this process")
        else:
            result = await handler(job)
    except Exception as error:  # a failing job is retried later, never lost
        log.exception("job %s (%s) failed", job.id, job.kind)
        result = Retry(utcnow() + timedelta(seconds=min(3600, 10 * 2 ** min(job.attempts, 8))), repr(error))
    try:
        await settle(session_factory, job, result)
    except SQLAlchemyError:
        log.warning("settling job %s failed; its lease will run out and it runs again", job.id, exc_info=True)
