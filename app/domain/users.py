"""User accounts and their personal entities."""

from __future__ import annotations

import re
import secrets

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, Invite, User
from app.domain.errors import BadInput, Conflict, NotFound
from app.domain.names import check_entity_name

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


async def entity_by_name(session: AsyncSession, name: str) -> Entity | None:
    return await session.scalar(select(Entity).where(Entity.name == name))


async def require_entity(session: AsyncSession, name: str) -> Entity:
    entity = await entity_by_name(session, name)
    if entity is None:
        raise NotFound(f"entity {name} not found")
    return entity


async def user_by_username(session: AsyncSession, username: str) -> User | None:
    return await session.scalar(select(User).where(User.username == username, User.deleted_at.is_(None)))


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(
        select(User).where(func.lower(User.email) == email.lower(), User.deleted_at.is_(None))
    )


async def ensure_name_free(session: AsyncSession, name: str) -> None:
    if await entity_by_name(session, name) is not None:
        raise Conflict(f"the name {name} is already taken by a user or team")


def username_from_email(email: str) -> str:
    local = re.sub(r"[^a-z0-9_-]", "-", email.split("@", 1)[0].lower()).strip("-_")
    return (local + "-user")[:64] if len(local) < 3 else local[:64]


async def create_user(
    session: AsyncSession,
    *,
    email: str | None,
    username: str | None = None,
    admin: bool = False,
    account_type: str = "USER",
    full_name: str | None = None,
) -> User:
    """Create a user and their personal entity; claim invites already sent to their email."""
    if email is not None:
        if not EMAIL.match(email):
            raise BadInput(f"invalid email address {email!r}")
        if await user_by_email(session, email) is not None:
            raise Conflict(f"a user with email {email} already exists")
    if username is None:
        if email is None:
            raise BadInput("a username or an email is required")
        username = await _free_username(session, username_from_email(email))
    check_entity_name(username)
    await ensure_name_free(session, username)
    entity = Entity(name=username, kind="user")
    session.add(entity)
    await session.flush()
    user = User(
        entity_id=entity.id,
        username=username,
        email=email,
        is_admin=admin,
        account_type=account_type,
        full_name=full_name,
        default_entity_id=entity.id,
    )
    session.add(user)
    await session.flush()
    if email is not None:
        await session.execute(
            update(Invite)
            .where(func.lower(Invite.email) == email.lower(), Invite.invitee_id.is_(None), Invite.state == "PENDING")
            .values(invitee_id=user.id)
        )
    return user


async def _free_username(session: AsyncSession, base: str) -> str:
    candidate = base
    while await entity_by_name(session, candidate) is not None:
        candidate = f"{base[:57]}-{secrets.token_hex(3)}"
    return candidate


async def count_users(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(User)) or 0
