"""API keys: ``local-`` + 40+ URL-safe characters, stored only as a SHA-256 hash.

Keys are high-entropy random strings, so a fast hash is enough (no password stretching needed).
Service-account keys are derived with HMAC from the server secret and a stored nonce: team admins
can read them back, yet the database alone never reveals a usable key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import ApiKey, Entity, User
from app.db.types import utcnow
from app.domain.actor import ANONYMOUS, Actor
from app.domain.errors import NotFound, Unauthenticated

KEY_PREFIX = "local-"
SECRET_CHARS = 48
# last_used_at is refreshed at most this often, so a streaming run does not write on every request.
LAST_USED_RESOLUTION_S = 60
UNKNOWN_KEY = "invalid API key: no such key; create one with `python -m app create-api-key`"

# Built once: every authenticated request runs it (building a select costs more than running it).
# The user's personal entity comes along: the viewer's fields ask for it.
_KEY_WITH_USER = (
    select(ApiKey, User, Entity)
    .join(User, User.id == ApiKey.user_id)
    .join(Entity, Entity.id == User.entity_id)
    .where(ApiKey.secret_hash == bindparam("secret_hash"))
)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _random_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(36)[:SECRET_CHARS]


def derive_service_key(server_secret: bytes, nonce: str) -> str:
    digest = hmac.new(server_secret, b"service-account-key:" + nonce.encode(), hashlib.sha256).digest()
    return KEY_PREFIX + base64.urlsafe_b64encode(digest).decode().rstrip("=")


@dataclass
class IssuedKey:
    record: ApiKey
    secret: str  # shown once


def issue_key(
    session: AsyncSession, user: User, *, description: str | None = None, server_secret: bytes | None = None
) -> IssuedKey:
    """Create a key for ``user``; pass ``server_secret`` for a readable service-account key."""
    nonce = None
    if server_secret is not None:
        nonce = secrets.token_urlsafe(24)
        secret = derive_service_key(server_secret, nonce)
    else:
        secret = _random_key()
    record = ApiKey(
        user_id=user.id,
        prefix=secret[: len(KEY_PREFIX) + 6],
        description=description,
        secret_hash=hash_key(secret),
        derivation_nonce=nonce,
    )
    session.add(record)
    return IssuedKey(record, secret)


def readable_secret(key: ApiKey, server_secret: bytes) -> str | None:
    if key.derivation_nonce is None or key.revoked_at is not None:
        return None
    return derive_service_key(server_secret, key.derivation_nonce)


async def authenticate(session: AsyncSession, secret: str, *, record_use: bool = True) -> tuple[User, ApiKey]:
    """The user behind ``secret``; records the time of use unless told not to. Raises Unauthenticated."""
    row = await _usable_key(session, secret, record_use=record_use)
    return row.User, row.ApiKey


async def _usable_key(session: AsyncSession, secret: str, *, record_use: bool) -> Row[tuple[ApiKey, User, Entity]]:
    row = (await session.execute(_KEY_WITH_USER, {"secret_hash": hash_key(secret)})).first()
    if row is None:
        raise Unauthenticated(UNKNOWN_KEY)
    await accept(session, row.ApiKey, row.User, record_use=record_use)
    return row


async def accept(session: AsyncSession, key: ApiKey, user: User, *, record_use: bool = True) -> None:
    """Check a key found by its hash (Unauthenticated if it may not be used) and record its use."""
    now = utcnow()
    refuse_unusable(key, user, now)
    if record_use and use_is_stale(key, now):
        await record_key_use(session, key.id, now)


def refuse_unusable(key: ApiKey, user: User, now: datetime) -> None:
    """Unauthenticated if the key may not be used at ``now``."""
    if key.revoked_at is not None:
        raise Unauthenticated("invalid API key: this key was revoked")
    if key.expires_at is not None and key.expires_at <= now:
        raise Unauthenticated("invalid API key: this key has expired")
    if user.deleted_at is not None:
        raise Unauthenticated("invalid API key: the account was deleted")


def use_is_stale(key: ApiKey, now: datetime) -> bool:
    return key.last_used_at is None or (now - key.last_used_at).total_seconds() > LAST_USED_RESOLUTION_S


async def record_key_use(session: AsyncSession, key_id: int, now: datetime) -> None:
    await session.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=now))


def secret_from_authorization(header: str | None) -> str | None:
    """The key in ``Authorization: Basic base64(api:<key>)`` (the wandb client) or ``Bearer <key>``."""
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer":
        return value or None
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value, validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            raise Unauthenticated("invalid API key: malformed Basic credentials") from None
        _user, sep, password = decoded.partition(":")
        return password if sep and password else None
    raise Unauthenticated(f"unsupported authorization scheme {scheme!r}: use Basic or Bearer")


async def actor_for(
    session: AsyncSession,
    authorization: str | None,
    *,
    claimed_username: str | None = None,
    claimed_email: str | None = None,
    record_use: bool = True,
) -> Actor:
    """The actor for a request; no credentials means anonymous, bad ones raise Unauthenticated.

    With ``record_use=False`` the session only reads; ``Actor.key_use_stale`` then says whether the
    caller should record the key's use (``record_key_use``) in a write transaction."""
    secret = secret_from_authorization(authorization)
    if secret is None:
        return ANONYMOUS
    row = await _usable_key(session, secret, record_use=record_use)
    return Actor(
        user=row.User,
        claimed_username=claimed_username or None,
        claimed_email=claimed_email or None,
        api_key_id=row.ApiKey.id,
        key_use_stale=not record_use and use_is_stale(row.ApiKey, utcnow()),
        entity=row.Entity,
    )


async def active_keys(session: AsyncSession, user: User) -> list[ApiKey]:
    """The user's keys that are not revoked, oldest first."""
    return list(
        (
            await session.scalars(
                select(ApiKey).where(ApiKey.user_id == user.id, ApiKey.revoked_at.is_(None)).order_by(ApiKey.id)
            )
        ).all()
    )


async def revoke(session: AsyncSession, key_id: int, owner: User) -> ApiKey:
    key = await session.get(ApiKey, key_id)
    if key is None or key.user_id != owner.id or key.revoked_at is not None:
        raise NotFound(f"API key {key_id} not found")
    key.revoked_at = utcnow()
    return key
