"""Alerts raised by a run (``run.alert(...)``): stored once per title and wait window, and sent to
the project's subscribers and webhooks like the alerts metric rules open (app.domain.rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Alert
from app.db.types import utcnow
from app.domain import audit, rules, runs
from app.domain.actor import Actor
from app.domain.errors import BadInput

SEVERITIES = ("INFO", "WARN", "ERROR")
MAX_TITLE = 1000
MAX_TEXT = 100_000


@dataclass
class AlertRequest:
    entity: str
    project: str
    run: str
    title: str
    text: str
    severity: str = "INFO"
    wait_duration_ms: int | None = None
    base_url: str | None = None  # for the run's link in notifications


async def notify(session: AsyncSession, actor: Actor, request: AlertRequest) -> Alert | None:
    """Store the alert; None when the same title was raised for the run within the wait window."""
    if request.severity not in SEVERITIES:
        raise BadInput(f"invalid alert severity {request.severity!r}: use INFO, WARN or ERROR")
    if not request.title.strip():
        raise BadInput("an alert needs a title")
    if len(request.title) > MAX_TITLE or len(request.text) > MAX_TEXT:
        raise BadInput(f"alert too long: titles up to {MAX_TITLE} and texts up to {MAX_TEXT} characters")
    if request.wait_duration_ms is not None and request.wait_duration_ms < 0:
        raise BadInput("waitDuration must not be negative")
    context = await runs.loggable_run(session, actor, request.entity, request.project, request.run)
    now = utcnow()
    wait = request.wait_duration_ms or 0
    if wait > 0:
        recent = await session.scalar(
            select(Alert.id)
            .where(
                Alert.run_id == context.run.id,
                Alert.title == request.title,
                Alert.created_at > now - timedelta(milliseconds=wait),
            )
            .limit(1)
        )
        if recent is not None:
            return None
    alert = Alert(
        run_id=context.run.id,
        title=request.title,
        text=request.text,
        severity=request.severity,
        wait_duration_ms=request.wait_duration_ms,
        created_at=now,
    )
    session.add(alert)
    await session.flush()
    audit.record(
        session,
        actor,
        "run.alert",
        entity_id=context.entity.id,
        target_type="alert",
        target_id=alert.id,
        run=context.run.name,
        title=request.title,
        severity=request.severity,
    )
    place = rules.RunPlace(
        context.run.id,
        context.run.name,
        context.project.id,
        context.project.name,
        context.entity.name,
        request.base_url,
        context.entity.id,
    )
    await rules.publish(session, "alert.opened", alert, place, rule_name=None, metric=None)
    return alert
