"""Signed-in browsers: a random token in an HttpOnly cookie, stored only as its SHA-256 hash.

CSRF: the token for state-changing requests is an HMAC of the session token under the server
secret. The app reads it from a second, script-readable cookie and sends it back in a header; a
foreign site can make the browser send the cookies but can read neither, so it cannot write the
header.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.tables import Entity, User, WebSession
from app.db.types import utcnow
from app.domain import audit
from app.domain.actor import Actor
from app.domain.api_keys import authenticate
from app.domain.errors import Forbidden, NotFound, Unauthenticated
from app.domain.kinds import AccountType
from app.domain.passwords import hash_password, needs_rehash, verify_password
from app.domain.users import user_by_email, user_by_username

SESSION_COOKIE = "labbook_session"
CSRF_COOKIE = "labbook_csrf"
CSRF_HEADER = "x-labbook-csrf"
SESSION_DAYS = 30
WRONG_PASSWORD = "Wrong username, email or password."


@dataclass
class SignedIn:
    user: User
    token: str  # for the cookie; the database keeps only its hash


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token(server_secret: bytes, session_token: str) -> str:
    return hmac.new(server_secret, b"csrf:" + session_token.encode(), hashlib.sha256).hexdigest()


def csrf_matches(server_secret: bytes, session_token: str, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(csrf_token(server_secret, session_token), sent or "")


async def _person(session: AsyncSession, login: str) -> User | None:
    login = login.strip()
    if not login:
        return None
    user = await user_by_username(session, login)
    if user is None and "@" in login:
        user = await user_by_email(session, login)
    return user


async def sign_in_with_password(session: AsyncSession, login: str, password: str) -> SignedIn:
    """A new session for the person named by username or email; Unauthenticated on a wrong pair."""
    user = await _person(session, login)
    stored = user.password_hash if user is not None else None
    if not verify_password(stored, password) or user is None or user.account_type != AccountType.USER:
        raise Unauthenticated(WRONG_PASSWORD)
    if stored and needs_rehash(stored):
        user.password_hash = hash_password(password)
    return await _open(session, user, method="password")


async def sign_in_with_api_key(session: AsyncSession, secret: str) -> SignedIn:
    user, _key = await authenticate(session, secret.strip())
    return await _open(session, user, method="api_key")


async def _open(session: AsyncSession, user: User, *, method: str) -> SignedIn:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        WebSession(
            user_id=user.id, token_hash=_hash(token), created_at=now, expires_at=now + timedelta(days=SESSION_DAYS)
        )
    )
    # Expired rows of this person go when they sign in again (no sweeper needed).
    await session.execute(delete(WebSession).where(WebSession.user_id == user.id, WebSession.expires_at <= now))
    audit.record(session, Actor(user=user), "web_session.create", target_type="user", target_id=user.id, method=method)
    return SignedIn(user, token)


async def sign_out(session: AsyncSession, token: str) -> None:
    row = await session.scalar(select(WebSession).where(WebSession.token_hash == _hash(token)))
    if row is None:
        return
    await session.delete(row)
    audit.record(
        session,
        Actor(user=await session.get(User, row.user_id)),
        "web_session.delete",
        target_type="user",
        target_id=row.user_id,
    )


_SESSION_WITH_USER = (
    select(WebSession, User, Entity).join(User, User.id == WebSession.user_id).join(Entity, Entity.id == User.entity_id)
)


async def actor_for_session(
    session: AsyncSession, token: str, *, server_secret: bytes, csrf_sent: str | None, needs_csrf: bool
) -> Actor:
    """The person behind a session cookie. Unauthenticated when the session is unknown or expired;
    Forbidden when a request that needs it lacks the CSRF header."""
    row = (await session.execute(_SESSION_WITH_USER.where(WebSession.token_hash == _hash(token)))).first()
    if row is None or row.WebSession.expires_at <= utcnow() or row.User.deleted_at is not None:
        raise Unauthenticated("your session has ended; sign in again")
    if needs_csrf and not csrf_matches(server_secret, token, csrf_sent):
        raise Forbidden(
            "this request from the browser lacks its CSRF token (the X-Labbook-CSRF header); reload the page"
        )
    return Actor(user=row.User, entity=row.Entity)


async def change_own_password(session: AsyncSession, token: str, current: str, new: str) -> User:
    """The signed-in person sets a new password (the current one first, when they have one); their
    other browsers are signed out, this one stays."""
    row = (await session.execute(_SESSION_WITH_USER.where(WebSession.token_hash == _hash(token)))).first()
    if row is None or row.WebSession.expires_at <= utcnow():
        raise Unauthenticated("your session has ended; sign in again")
    user = row.User
    if user.password_hash is not None and not verify_password(user.password_hash, current):
        raise Forbidden("the current password is wrong; the password was not changed")
    user.password_hash = hash_password(new)
    await session.execute(delete(WebSession).where(WebSession.user_id == user.id, WebSession.id != row.WebSession.id))
    audit.record(session, Actor(user=user), "user.set_password", target_type="user", target_id=user.id, via="web")
    return user


async def set_password(session: AsyncSession, username: str, password: str) -> User:
    """Set a person's password (the admin command); their open sessions end."""
    user = await _person(session, username)
    if user is None:
        raise NotFound(f"no user named {username}")
    if user.account_type != AccountType.USER:
        raise Forbidden(f"{user.username} is a service account; it signs in with its API key only")
    user.password_hash = hash_password(password)
    await session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    audit.record(session, Actor(), "user.set_password", target_type="user", target_id=user.id, via="cli")
    return user
