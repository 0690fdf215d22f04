"""An entity's settings: the default access of new projects, private-only, code saving, storage
region, whether members may invite (team admins, or the user for their own entity)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity
from app.domain import audit
from app.domain.actor import Actor
from app.domain.errors import BadInput
from app.domain.kinds import PUBLICLY_READABLE, EntityKind
from app.domain.policy import Access
from app.domain.projects import normalize_access
from app.domain.users import require_entity

STORAGE_REGION = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class EntitySettings:
    default_access: str | None = None
    private_only: bool | None = None
    code_saving_enabled: bool | None = None
    storage_region: str | None = None
    members_can_invite: bool | None = None


async def update_entity(session: AsyncSession, actor: Actor, entity_name: str, changes: EntitySettings) -> Entity:
    entity = await require_entity(session, entity_name)
    access = await Access.load(session, actor, entity)
    if not access.can_admin:
        raise access.denied("change its settings")
    if changes.members_can_invite is not None and entity.kind != EntityKind.TEAM:
        raise BadInput("membersCanInvite applies to teams only")
    if changes.storage_region is not None and not STORAGE_REGION.match(changes.storage_region):
        raise BadInput(f"invalid storage region {changes.storage_region!r}")
    applied = {k: v for k, v in vars(changes).items() if v is not None}
    if "default_access" in applied:
        applied["default_access"] = normalize_access(applied["default_access"])
    for key, value in applied.items():
        setattr(entity, key, value)
    if entity.private_only and entity.default_access in PUBLICLY_READABLE:
        raise BadInput(
            f"{entity.name} is private-only, so its default project access cannot be {entity.default_access}"
        )
    audit.record(
        session, actor, "entity.update", entity_id=entity.id, target_type="entity", target_id=entity.id, **applied
    )
    return entity
