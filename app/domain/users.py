"""User accounts and their personal entities."""

from __future__ import annotations

import re
import secrets

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import ApiKey, Entity, Invite, Membership, User
from app.db.types import utcnow
from app.db.unique import insert_or_get
from app.domain import audit, policy
from app.domain.actor import Actor
from app.domain.api_keys import IssuedKey, issue_key
from app.domain.errors import BadInput, Conflict, Forbidden, NotFound
from app.domain.kinds import AccountType, EntityKind, InviteState
from app.domain.policy import Access
from app.domain.names import NAME_MAX, RESERVED, check_entity_name

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


async def entity_by_name(session: AsyncSession, name: str) -> Entity | None:
    return await session.scalar(select(Entity).where(Entity.name == name))


async def require_entity(session: AsyncSession, name: str) -> Entity:
    entity = await entity_by_name(session, name)
    if entity is None:
        raise NotFound(f"entity {name} not found")
    return entity


async def team_names(session: AsyncSession, user: User) -> list[str]:
    """The names of the teams ``user`` belongs to, alphabetically."""
    return list(
        (
            await session.scalars(
                select(Entity.name)
                .join(Membership, Membership.team_id == Entity.id)
                .where(Membership.user_id == user.id)
                .order_by(Entity.name)
            )
        ).all()
    )


async def user_by_username(session: AsyncSession, username: str) -> User | None:
    return await session.scalar(select(User).where(User.username == username, User.deleted_at.is_(None)))


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(func.lower(User.email) == email.lower(), User.deleted_at.is_(None)))


async def name_taken(session: AsyncSession, name: str) -> bool:
    """Whether a user or team holds ``name``, ignoring case (names are unique ignoring case)."""
    return await session.scalar(select(Entity.id).where(func.lower(Entity.name) == name.lower())) is not None


async def ensure_name_free(session: AsyncSession, name: str) -> None:
    if await name_taken(session, name):
        raise Conflict(f"the name {name} is already taken by a user or team")


def username_from_email(email: str) -> str:
    local = re.sub(r"[^a-z0-9_-]", "-", email.split("@", 1)[0].lower()).strip("-_")
    return (local + "-user")[:NAME_MAX] if len(local) < 3 or local in RESERVED else local[:NAME_MAX]


async def create_user(
    session: AsyncSession,
    *,
    email: str | None,
    username: str | None = None,
    admin: bool = False,
    account_type: str = AccountType.USER,
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
        entity = await _claim_name(session, username_from_email(email), vary=True)
    else:
        entity = await _claim_name(session, username)
    new = User(
        entity_id=entity.id,
        username=entity.name,
        email=email,
        is_admin=admin,
        account_type=account_type,
        full_name=full_name,
        default_entity_id=entity.id,
    )
    [(user, inserted)] = await insert_or_get(session, [new], ("email",))
    if not inserted:  # created by a concurrent request since the check above
        raise Conflict(f"a user with email {email} already exists")
    if email is not None:
        await session.execute(
            update(Invite)
            .where(
                func.lower(Invite.email) == email.lower(),
                Invite.invitee_id.is_(None),
                Invite.state == InviteState.PENDING,
            )
            .values(invitee_id=user.id)
        )
    return user


async def _claim_name(session: AsyncSession, name: str, *, vary: bool = False) -> Entity:
    """A new personal entity named ``name``. A name already taken, ignoring case (also by a concurrent
    request), is a Conflict, or with ``vary`` gets a random suffix instead."""
    candidate = name
    while True:
        check_entity_name(candidate)
        if not await name_taken(session, candidate):
            new = Entity(name=candidate, kind=EntityKind.USER)
            [(entity, inserted)] = await insert_or_get(session, [new], ("name",))
            if inserted:
                return entity
        if not vary:
            raise Conflict(f"the name {candidate} is already taken by a user or team")
        candidate = f"{name[: NAME_MAX - 7]}-{secrets.token_hex(3)}"


async def count_users(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(User)) or 0


# --- account services (GraphQL and other callers) ------------------------------------------


async def admin_create_user(
    session: AsyncSession,
    actor: Actor,
    *,
    email: str,
    username: str | None = None,
    admin: bool = False,
) -> tuple[User, IssuedKey]:
    """An instance admin creates an account; its first key is returned once."""
    if not policy.can_manage_instance(actor):
        raise Forbidden("permission denied: only instance admins may create users")
    user = await create_user(session, email=email, username=username, admin=admin)
    issued = issue_key(session, user, description="created with the account")
    await session.flush()
    audit.record(
        session,
        actor,
        "user.create",
        entity_id=user.entity_id,
        target_type="user",
        target_id=user.id,
        username=user.username,
        admin=admin,
    )
    return user, issued


async def generate_api_key(session: AsyncSession, actor: Actor, *, description: str | None) -> IssuedKey:
    if not policy.can_create_api_key(actor):
        raise Forbidden(policy.API_KEY_CREATION_DENIED)
    if description and len(description) > 255:
        raise BadInput("the description is longer than 255 characters")
    user = await session.get(User, actor.user.id)
    issued = issue_key(session, user, description=description)
    await session.flush()
    audit.record(
        session, actor, "api_key.create", entity_id=user.entity_id, target_type="api_key", target_id=issued.record.id
    )
    return issued


async def delete_api_key(session: AsyncSession, actor: Actor, key_id: int) -> ApiKey:
    """Revoke a key: from then on it gets HTTP 401."""
    key = await session.get(ApiKey, key_id)
    if key is None or key.revoked_at is not None or not policy.can_revoke_api_key(actor, key):
        raise NotFound(f"API key {key_id} not found")
    key.revoked_at = utcnow()
    owner = await session.get(User, key.user_id)
    audit.record(session, actor, "api_key.revoke", entity_id=owner.entity_id, target_type="api_key", target_id=key.id)
    return key


async def update_user(
    session: AsyncSession,
    actor: Actor,
    *,
    user_id: int,
    full_name: str | None = None,
    default_entity: str | None = None,
) -> User:
    if not policy.can_update_user(actor, user_id):
        raise Forbidden("permission denied: you may only change your own account")
    user = await session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFound(f"user {user_id} not found")
    changes: dict[str, object] = {}
    if full_name is not None:
        full_name = full_name.strip()
        if len(full_name) > 255:
            raise BadInput("the name is longer than 255 characters")
        user.full_name = changes["name"] = full_name or None
    if default_entity is not None:
        entity = await require_entity(session, default_entity)
        if not (await Access.load(session, Actor(user=user), entity)).can_use_as_default_entity:
            raise BadInput(f"{user.username} is not a member of {default_entity}, so it cannot be the default entity")
        user.default_entity_id = entity.id
        changes["default_entity"] = default_entity
    audit.record(
        session, actor, "user.update", entity_id=user.entity_id, target_type="user", target_id=user.id, **changes
    )
    return user


async def search_users(
    session: AsyncSession,
    actor: Actor,
    query: str | None,
    *,
    limit: int,
    after_id: int | None = None,
) -> tuple[list[User], bool]:
    """Instance admins find accounts by part of a username or email (what ``wandb.Api().users()`` sends).

    One page, oldest first: (users, has_next)."""
    if not policy.can_manage_instance(actor):
        raise Forbidden("permission denied: only instance admins may search users")
    statement = select(User).where(User.deleted_at.is_(None))
    if query:
        pattern = "%" + query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(
            func.lower(User.username).like(pattern, escape="\\") | func.lower(User.email).like(pattern, escape="\\")
        )
    if after_id is not None:
        statement = statement.where(User.id > after_id)
    rows = list((await session.scalars(statement.order_by(User.id).limit(limit + 1))).all())
    return rows[:limit], len(rows) > limit
