"""Notifications between server processes, sent when a transaction commits.

PostgreSQL: ``pg_notify`` in the writing transaction (the database delivers it on commit, to every
process listening, the sender included); each process keeps one connection that LISTENs and hands
what arrives to its local subscribers. SQLite: one process by design; the payload goes to the
hubs of this process that serve the same database file, after the session commits.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import asyncpg
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Session

from app.db.dialect import is_postgresql
from app.db.failures import is_unavailable

log = logging.getLogger("labbook.notify")

_AFTER_COMMIT = "labbook_after_commit"
_local_hubs: dict[str, list["Hub"]] = {}
_local_lock = threading.Lock()


def _url_key(url: Any) -> str:
    return url.render_as_string(hide_password=True)


async def notify(session: AsyncSession, channel: str, payload: str) -> None:
    """Send ``payload`` on ``channel`` to every process when ``session``'s transaction commits."""
    bind = session.get_bind()
    if is_postgresql(bind.dialect.name):
        await session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": channel, "payload": payload})
        return
    key = _url_key(bind.engine.url)
    session.sync_session.info.setdefault(_AFTER_COMMIT, []).append(lambda: _deliver_locally(key, channel, payload))


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    for callback in session.info.pop(_AFTER_COMMIT, []):
        try:
            callback()
        except Exception:  # pragma: no cover - a subscriber's failure must not fail the commit
            log.exception("delivering a notification failed")


@event.listens_for(Session, "after_rollback")
def _drop_after_rollback(session: Session) -> None:
    session.info.pop(_AFTER_COMMIT, None)


def _deliver_locally(key: str, channel: str, payload: str) -> None:
    with _local_lock:
        hubs = list(_local_hubs.get(key, ()))
    for hub in hubs:
        hub.deliver(channel, payload)


class Subscription:
    """What one listener receives: payloads, in order, on its own event loop."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.queue: asyncio.Queue[str] = asyncio.Queue()

    def put(self, payload: str) -> None:
        self.loop.call_soon_threadsafe(self.queue.put_nowait, payload)

    async def get(self) -> str:
        return await self.queue.get()


class Hub:
    """This process's end of the notifications of one database: subscribers by channel."""

    def __init__(self, engine: AsyncEngine, channels: tuple[str, ...]) -> None:
        self._engine = engine
        self._channels = channels
        self._subscribers: dict[str, set[Subscription]] = {channel: set() for channel in channels}
        self._lock = threading.Lock()
        self._connection: asyncpg.Connection | None = None
        self._key = _url_key(engine.url)
        self._stopping = False
        self._reconnecting: asyncio.Task | None = None

    async def start(self) -> None:
        if is_postgresql(self._engine.dialect.name):
            self._stopping = False
            try:
                await self._listen()
            except Exception as error:  # a server may start while the database is away: it listens once it is back
                if not is_unavailable(error):
                    raise
                log.warning("notifications are unavailable (%s); retrying", type(error).__name__)
                self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())
        else:
            with _local_lock:
                _local_hubs.setdefault(self._key, []).append(self)

    async def _listen(self) -> None:
        url = self._engine.url.set(drivername="postgresql")
        self._connection = await asyncpg.connect(url.render_as_string(hide_password=False))
        for channel in self._channels:
            await self._connection.add_listener(channel, self._on_notification)
        self._connection.add_termination_listener(self._on_lost)

    def _on_lost(self, connection: Any) -> None:
        if not self._stopping:
            log.warning("the notification connection was lost; reconnecting")
            self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        delay = 0.5
        while not self._stopping:
            try:
                await self._listen()
                log.info("listening for notifications again")
                return
            except (OSError, asyncpg.PostgresError):
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)

    async def stop(self) -> None:
        self._stopping = True
        if self._connection is not None:
            await self._connection.close()
            self._connection = None
        with _local_lock:
            hubs = _local_hubs.get(self._key, [])
            if self in hubs:
                hubs.remove(self)

    def _on_notification(self, connection: Any, pid: int, channel: str, payload: str) -> None:
        self.deliver(channel, payload)

    def deliver(self, channel: str, payload: str) -> None:
        with self._lock:
            subscribers = list(self._subscribers.get(channel, ()))
        for subscriber in subscribers:
            subscriber.put(payload)

    @contextmanager
    def subscribe(self, channel: str) -> Iterator[Subscription]:
        subscription = Subscription()
        with self._lock:
            self._subscribers[channel].add(subscription)
        try:
            yield subscription
        finally:
            with self._lock:
                self._subscribers[channel].discard(subscription)


def on_commit(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``session``'s transaction has committed (never if it rolls back)."""
    session.sync_session.info.setdefault(_AFTER_COMMIT, []).append(callback)
