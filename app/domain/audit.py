"""Audit trail: every mutation writes one event in its own transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import AuditEvent, Entity, User
from app.domain import policy
from app.domain.policy import Access
from app.domain.actor import Actor
from app.domain.errors import Forbidden


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
    if actor.operator:
        details.setdefault("via", "cli")
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


@dataclass(frozen=True)
class AuditEntry:
    event: AuditEvent
    actor_username: str | None
    on_behalf_of_username: str | None
    entity_name: str | None


async def read_page(
    session: AsyncSession,
    actor: Actor,
    *,
    entity: Entity | None,
    limit: int,
    before_id: int | None = None,
) -> tuple[list[AuditEntry], bool]:
    """Newest first: one entity's events for its admins, every event (``entity`` None) for instance admins."""
    query = select(AuditEvent, Entity.name).outerjoin(Entity, Entity.id == AuditEvent.entity_id)
    if entity is not None:
        if not (await Access.load(session, actor, entity)).can_admin:
            raise Forbidden(f"permission denied: only admins of {entity.name} may read its audit log")
        query = query.where(AuditEvent.entity_id == entity.id)
    elif not policy.can_manage_instance(actor):
        raise Forbidden("permission denied: only instance admins may read the whole audit log; give entityName")
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    rows = (await session.execute(query.order_by(AuditEvent.id.desc()).limit(limit + 1))).all()
    user_ids = {uid for event, _ in rows for uid in (event.actor_id, event.on_behalf_of_id) if uid is not None}
    names = (
        dict((await session.execute(select(User.id, User.username).where(User.id.in_(user_ids)))).all())
        if user_ids
        else {}
    )
    entries = [
        AuditEntry(event, names.get(event.actor_id), names.get(event.on_behalf_of_id), entity)
        for event, entity in rows[:limit]
    ]
    return entries, len(rows) > limit
