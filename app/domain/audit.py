"""Audit trail: every mutation writes one event in its own transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import AuditEvent
from app.domain.actor import Actor


def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    *,
    entity_id: int | None = None,
    target_type: str | None = None,
    target_id: int | None = None,
    on_behalf_of_id: int | None = None,
    **details: Any,
) -> AuditEvent:
    event = AuditEvent(
        actor_id=actor.user_id,
        on_behalf_of_id=on_behalf_of_id,
        entity_id=entity_id,
        action=action,
        target_type=target_type,
        target_id=target_id,
        details=details or None,
    )
    session.add(event)
    return event
