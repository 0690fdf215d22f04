"""The server's background work: the job worker (webhook deliveries; periodic: marking silent runs
crashed, the rules' stall check, deleting artifact versions whose TTL ran out)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.engine import make_engine, make_session_factory
from app.db.types import utcnow
from app.domain import artifact_blobs, artifact_changes, crashes, jobs, rules, webhooks
from app.runtime import Runtime

log = logging.getLogger("labbook.background")

CRASH_WATCH = "runs.crash_watch"
ARTIFACT_EXPIRY = "artifacts.expiry"


async def expire_artifacts(
    runtime: Runtime, sessions: async_sessionmaker[AsyncSession], *, at: datetime | None = None
) -> tuple[int, int]:
    """Delete every artifact version whose TTL ran out by ``at`` (now), a batch per transaction,
    then the bytes of the content that nothing references any more; (versions, bytes freed)."""
    versions = freed_bytes = 0
    while True:
        async with sessions.begin() as session:
            expired = await artifact_changes.expire_due(session, at=at)
        freed_bytes += await artifact_blobs.delete_bytes(runtime.storage, sessions, expired.freed)
        versions += expired.versions
        if expired.versions < artifact_changes.EXPIRY_BATCH:
            return versions, freed_bytes


async def crash_watch(runtime: Runtime) -> None:
    """Silent running runs are marked crashed by a periodic job, done by one server process at a time
    (the job worker runs it); this makes sure the job exists."""
    engine = make_engine(runtime.settings.resolved_database_url())
    try:
        await jobs.ensure_periodic(make_session_factory(engine), CRASH_WATCH, {})
    finally:
        await engine.dispose()


async def job_worker(runtime: Runtime) -> None:
    """Claim and run jobs until cancelled; every process may run one (each job runs once)."""
    settings = runtime.settings
    if not settings.background_jobs:
        return
    # Its own engine: background work never takes a connection a request is waiting for.
    engine = make_engine(settings.resolved_database_url())
    sessions = make_session_factory(engine)
    try:
        await _work(runtime, sessions)
    finally:
        await engine.dispose()


def expiry_handler(runtime: Runtime, sessions: async_sessionmaker[AsyncSession]) -> jobs.Handler:
    """The periodic job that expires artifact versions, every artifact_expiry_check_seconds."""

    async def expire(job: jobs.Claimed) -> jobs.Retry:
        versions, freed = await expire_artifacts(runtime, sessions)
        if versions:
            log.info("deleted %d expired artifact versions, %d bytes freed", versions, freed)
        return jobs.Retry(utcnow() + timedelta(seconds=runtime.settings.artifact_expiry_check_seconds))

    return expire


async def _work(runtime: Runtime, sessions: async_sessionmaker[AsyncSession]) -> None:
    settings = runtime.settings
    deliverer = webhooks.Deliverer(
        sessions,
        allow_private=settings.webhook_allow_private,
        retry_base_seconds=settings.webhook_retry_base_seconds,
        retry_hours=settings.webhook_retry_hours,
    )

    async def stall_check(job: jobs.Claimed) -> jobs.Retry:
        async with sessions.begin() as session:
            opened = await rules.check_stalled(session)
        async with sessions.begin() as session:
            await jobs.forget_finished(session, older_than=timedelta(days=7))
        if opened:
            log.info("opened %d alerts for stalled or crashed runs", opened)
        return jobs.Retry(utcnow() + timedelta(seconds=settings.stall_check_seconds))

    async def crash_watch(job: jobs.Claimed) -> jobs.Retry:
        async with sessions.begin() as session:
            crashed = await crashes.mark_crashed(session, settings.run_crash_timeout_seconds)
        if crashed:
            log.info("marked %d silent runs as crashed", crashed)
            async with sessions.begin() as session:
                await rules.check_stalled(session)  # rules that detect failures alert at once
        return jobs.Retry(utcnow() + timedelta(seconds=settings.crash_check_interval_seconds))

    await jobs.ensure_periodic(sessions, rules.STALL_CHECK, {})
    await jobs.ensure_periodic(sessions, ARTIFACT_EXPIRY, {})
    try:
        await jobs.run_worker(
            sessions,
            runtime.hub,
            {
                webhooks.DELIVER: deliverer,
                rules.STALL_CHECK: stall_check,
                CRASH_WATCH: crash_watch,
                ARTIFACT_EXPIRY: expiry_handler(runtime, sessions),
            },
            poll_seconds=settings.job_poll_seconds,
        )
    finally:
        await deliverer.close()
