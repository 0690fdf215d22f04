"""Webhooks: a team's or a project's alert events POSTed to a URL, signed, retried, every attempt kept.

The signature follows GitHub's and Stripe's style: ``X-Labbook-Signature: t=<unix seconds>,v1=<hex
HMAC-SHA256 of "<t>.<body>" with the webhook's secret>``; a receiver recomputes it and refuses old
timestamps. Deliveries are jobs (app.domain.jobs): retried with exponential backoff for
``webhook_retry_hours``. Outbound requests never reach link-local or cloud metadata addresses, nor
loopback and private ones unless ``LABBOOK_WEBHOOK_ALLOW_PRIVATE`` allows them.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import json
import socket
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Sequence
from urllib.parse import urlsplit

import httpx
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.tables import Entity, Project, Webhook, WebhookDelivery
from app.db.types import utcnow
from app.domain import audit, jobs
from app.domain.actor import Actor
from app.domain.errors import BadInput, Forbidden, NotFound
from app.domain.policy import Access
from app.domain.users import entity_by_name

FORMATS = ("JSON", "SLACK")
EVENT_KINDS = ("alert.opened", "alert.resolved")
DEFAULT_EVENT_KINDS = ("alert.opened",)
DELIVER = "webhook.deliver"
SIGNATURE_HEADER = "X-Labbook-Signature"
MAX_URL = 2048
MAX_SECRET = 256
TIMEOUT_SECONDS = 10.0
MAX_BACKOFF_SECONDS = 1800.0
# Cloud metadata services outside the link-local ranges (AWS IPv6, Alibaba, Oracle).
METADATA_ADDRESSES = frozenset(map(ipaddress.ip_address, ("fd00:ec2::254", "100.100.100.200", "192.0.0.192")))
METADATA_HOSTS = frozenset(("metadata.google.internal", "metadata", "metadata.azure.com"))


@dataclass(frozen=True)
class WebhookInput:
    entity: str
    project: str | None
    url: str
    secret: str
    format: str = "JSON"
    event_kinds: Sequence[str] | None = None


# --- managing webhooks ---------------------------------------------------------------------------


async def _owner(
    session: AsyncSession, actor: Actor, entity_name: str, project_name: str | None
) -> tuple[Entity, Project | None, str]:
    """The webhook's entity and project, if the actor may manage its webhooks: a project's by members
    with write access, a team's (no project) by its admins."""
    entity = await entity_by_name(session, entity_name)
    if entity is None:
        raise NotFound(f"entity {entity_name} not found")
    if project_name is None:
        if not (await Access.load(session, actor, entity)).can_admin:
            raise Forbidden(f"permission denied: only admins of {entity_name} manage its webhooks")
        return entity, None, entity_name
    project = await session.scalar(select(Project).where(Project.entity_id == entity.id, Project.name == project_name))
    path = f"{entity_name}/{project_name}"
    access = await Access.load(session, actor, entity, project) if project is not None else None
    if access is None or not access.can_read:
        raise NotFound(f"project {path} not found")
    if not access.can_manage_rules:
        raise access.project_denied("manage the webhooks")
    return entity, project, path


async def create(session: AsyncSession, actor: Actor, data: WebhookInput) -> Webhook:
    if data.format not in FORMATS:
        raise BadInput(f"invalid webhook format {data.format!r}: use JSON or SLACK")
    check_url(data.url)
    if not data.secret or len(data.secret) > MAX_SECRET:
        raise BadInput(f"a webhook needs a secret of 1 to {MAX_SECRET} characters")
    kinds = list(dict.fromkeys(data.event_kinds or DEFAULT_EVENT_KINDS))
    unknown = [kind for kind in kinds if kind not in EVENT_KINDS]
    if unknown:
        raise BadInput(f"unknown event kind {unknown[0]!r}: use {', '.join(EVENT_KINDS)}")
    entity, project, path = await _owner(session, actor, data.entity, data.project)
    webhook = Webhook(
        entity_id=entity.id,
        project_id=project.id if project else None,
        url=data.url,
        secret=data.secret,
        format=data.format,
        event_kinds=kinds,
        created_by_id=actor.user.id if actor.user else None,
    )
    session.add(webhook)
    await session.flush()
    audit.record(
        session,
        actor,
        "webhook.create",
        entity_id=entity.id,
        target_type="webhook",
        target_id=webhook.id,
        path=path,
        url=data.url,
        format=data.format,
        event_kinds=kinds,
    )
    return webhook


async def _manageable(session: AsyncSession, actor: Actor, webhook_id: int) -> tuple[Webhook, Entity]:
    webhook = await session.get(Webhook, webhook_id)
    if webhook is None:
        raise NotFound("webhook not found")
    entity = await session.get(Entity, webhook.entity_id)
    project = await session.get(Project, webhook.project_id) if webhook.project_id else None
    try:
        await _owner(session, actor, entity.name, project.name if project else None)
    except Forbidden:
        raise
    except NotFound:
        raise NotFound("webhook not found") from None
    return webhook, entity


async def delete(session: AsyncSession, actor: Actor, webhook_id: int) -> Webhook:
    webhook, entity = await _manageable(session, actor, webhook_id)
    await session.delete(webhook)
    audit.record(
        session,
        actor,
        "webhook.delete",
        entity_id=entity.id,
        target_type="webhook",
        target_id=webhook_id,
        url=webhook.url,
    )
    await session.flush()
    return webhook


async def listed(session: AsyncSession, actor: Actor, entity_name: str, project_name: str | None) -> list[Webhook]:
    """The webhooks of a project (and its team's, which also fire for it), or of a team."""
    entity, project, _ = await _owner(session, actor, entity_name, project_name)
    scope = (
        Webhook.project_id.is_(None)
        if project is None
        else or_(Webhook.project_id == project.id, Webhook.project_id.is_(None))
    )
    return list(
        (await session.scalars(select(Webhook).where(Webhook.entity_id == entity.id, scope).order_by(Webhook.id))).all()
    )


async def deliveries(session: AsyncSession, actor: Actor, webhook_id: int, limit: int = 100) -> list[WebhookDelivery]:
    """Every attempt to deliver to the webhook, newest first."""
    await _manageable(session, actor, webhook_id)
    return list(
        (
            await session.scalars(
                select(WebhookDelivery)
                .where(WebhookDelivery.webhook_id == webhook_id)
                .order_by(WebhookDelivery.id.desc())
                .limit(limit)
            )
        ).all()
    )


# --- addresses -----------------------------------------------------------------------------------


class RefusedAddress(BadInput):
    pass


def check_url(url: str) -> None:
    """Refuse what is not an http(s) URL, or names a forbidden address literally."""
    if len(url) > MAX_URL:
        raise BadInput(f"webhook URL too long: at most {MAX_URL} characters")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInput(f"invalid webhook URL {url!r}: use http:// or https:// and a host")
    host = parts.hostname.lower().rstrip(".")
    if host in METADATA_HOSTS:
        raise RefusedAddress(f"webhook URL {url!r} names a cloud metadata service")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return
    refuse_address(address, allow_private=True, url=url)


def refuse_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address, *, allow_private: bool, url: str) -> None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_link_local or address in METADATA_ADDRESSES:
        raise RefusedAddress(
            f"webhook URL {url!r} resolves to {address}: link-local and cloud metadata addresses are refused"
        )
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        raise RefusedAddress(f"webhook URL {url!r} resolves to {address}, which is not a unicast address")
    if not allow_private and (address.is_loopback or address.is_private or not address.is_global):
        raise RefusedAddress(
            f"webhook URL {url!r} resolves to the private or loopback address {address}; "
            f"set LABBOOK_WEBHOOK_ALLOW_PRIVATE=true to allow it"
        )


async def check_resolved(url: str, *, allow_private: bool) -> None:
    """Resolve the URL's host and refuse it if any of its addresses is refused."""
    check_url(url)
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise RefusedAddress(f"webhook host {parts.hostname!r} does not resolve: {error}") from None
    for info in infos:
        refuse_address(ipaddress.ip_address(info[4][0].split("%")[0]), allow_private=allow_private, url=url)


# --- events and deliveries -----------------------------------------------------------------------


def sign(secret: str, timestamp: int, body: str) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def body_for(webhook_format: str, event: str, alert: dict[str, Any]) -> str:
    if webhook_format == "SLACK":
        verb = "resolved" if event == "alert.resolved" else "regressed"
        value, baseline = alert.get("value"), alert.get("baselineValue")
        against = f" against the baseline's {baseline:g}" if isinstance(baseline, (int, float)) else ""
        shown = f"{value:g}" if isinstance(value, (int, float)) else str(value)
        text = (
            f":rotating_light: <{alert['url']}|{alert['entity']}/{alert['project']}/{alert['run']}> {verb}: "
            f"{alert['rule']} — {alert.get('metric') or ''} = {shown}{against} at step {alert.get('step')}"
        )
        return json.dumps({"text": text})
    return json.dumps({"event": event, "alert": alert}, separators=(",", ":"))


async def enqueue_for(session: AsyncSession, entity_id: int, project_id: int, event: str, alert: dict[str, Any]) -> int:
    """A delivery job for each of the project's and its team's webhooks that want ``event``."""
    hooks = (
        await session.scalars(
            select(Webhook).where(
                Webhook.entity_id == entity_id, or_(Webhook.project_id == project_id, Webhook.project_id.is_(None))
            )
        )
    ).all()
    count = 0
    for hook in hooks:
        if event not in (hook.event_kinds or DEFAULT_EVENT_KINDS):
            continue
        await jobs.enqueue(
            session,
            DELIVER,
            {
                "webhook_id": hook.id,
                "event": event,
                "alert_id": alert.get("id"),
                "body": body_for(hook.format, event, alert),
            },
        )
        count += 1
    return count


class Deliverer:
    """The handler of delivery jobs: one HTTP client for the process's deliveries."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        allow_private: bool,
        retry_base_seconds: float,
        retry_hours: float,
    ) -> None:
        self._sessions = session_factory
        self._allow_private = allow_private
        self._retry_base = retry_base_seconds
        self._retry_window = timedelta(hours=retry_hours)
        self._client = httpx.AsyncClient(timeout=TIMEOUT_SECONDS, follow_redirects=False, trust_env=False)

    async def close(self) -> None:
        await self._client.aclose()

    async def __call__(self, job: jobs.Claimed) -> jobs.Done | jobs.Retry:
        payload = job.payload
        async with self._sessions() as session:
            hook = await session.get(Webhook, payload["webhook_id"])
        if hook is None:
            return jobs.DONE  # deleted meanwhile
        status, error, started = None, None, time.monotonic()
        permanent = False
        try:
            await check_resolved(hook.url, allow_private=self._allow_private)
            timestamp = int(time.time())
            response = await self._client.post(
                hook.url,
                content=payload["body"].encode(),
                headers={
                    "Content-Type": "application/json",
                    SIGNATURE_HEADER: sign(hook.secret, timestamp, payload["body"]),
                    "X-Labbook-Event": payload["event"],
                    "X-Labbook-Delivery": str(job.id),
                    "User-Agent": "Labbook-Webhooks/1",
                },
            )
            status = response.status_code
            if not 200 <= status < 300:
                error = f"the receiver answered {status}"
        except RefusedAddress as refused:
            error, permanent = refused.message, True
        except httpx.HTTPError as failure:
            error = f"{type(failure).__name__}: {failure}"
        delivered = error is None
        retry_at = None
        if not delivered and not permanent and utcnow() - job.created_at < self._retry_window:
            delay = min(MAX_BACKOFF_SECONDS, self._retry_base * 2 ** (job.attempts - 1))
            retry_at = utcnow() + timedelta(seconds=delay)
        async with self._sessions.begin() as session:
            session.add(
                WebhookDelivery(
                    webhook_id=hook.id,
                    job_id=job.id,
                    event=payload["event"],
                    alert_id=payload.get("alert_id"),
                    attempt=job.attempts,
                    status_code=status,
                    error=error,
                    delivered=delivered,
                    duration_ms=(time.monotonic() - started) * 1000,
                    next_attempt_at=retry_at,
                )
            )
        return jobs.Retry(retry_at, error) if retry_at is not None else jobs.DONE
