"""First start: an instance admin with one API key, created only when there are no users yet."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain import audit
from app.domain.actor import Actor
from app.domain.api_keys import issue_key
from app.domain.users import count_users, create_user


async def create_first_admin(session: AsyncSession, *, username: str, email: str) -> str | None:
    """Create the admin and return their key, or None when users already exist."""
    if await count_users(session) > 0:
        return None
    user = await create_user(session, email=email, username=username, admin=True)
    issued = issue_key(session, user, description="created on first start")
    audit.record(session, Actor(user=user), "instance.bootstrap", target_type="user", target_id=user.id)
    return issued.secret
