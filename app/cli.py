"""Administrative commands that work directly on the database named by the settings."""

from __future__ import annotations

import argparse
import sys

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.domain import audit
from app.domain.actor import Actor
from app.domain.api_keys import issue_key
from app.domain.errors import DomainError
from app.domain.users import create_user, user_by_email, user_by_username
from app.domain.web_sessions import set_password
from app.settings import Settings


async def run(settings: Settings, args: argparse.Namespace) -> int:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url())
    try:
        await upgrade(engine)
        if args.command == "migrate":
            print("database is at the newest migration")
            return 0
        sessions = make_session_factory(engine)
        if args.command == "set-password":
            return await _set_password(sessions, args.user)
        async with sessions.begin() as session:
            if args.command == "create-user":
                user = await create_user(session, email=args.email, username=args.username, admin=args.admin)
                issued = issue_key(session, user, description="created by create-user")
                audit.record(session, Actor(), "user.create", target_type="user", target_id=user.id, via="cli")
                print(f"created user {user.username}; API key (shown once): {issued.secret}")
            elif args.command == "create-api-key":
                user = await user_by_username(session, args.user) or await user_by_email(session, args.user)
                if user is None:
                    print(f"error: no user named {args.user}", file=sys.stderr)
                    return 1
                issued = issue_key(session, user, description=args.description)
                audit.record(session, Actor(), "api_key.create", target_type="user", target_id=user.id, via="cli")
                print(f"API key for {user.username} (shown once): {issued.secret}")
        return 0
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()


async def _set_password(sessions, username: str) -> int:
    """The new password is the first line of standard input (never an argument: ps would show it)."""
    password = sys.stdin.readline().rstrip("\r\n")
    async with sessions.begin() as session:
        user = await set_password(session, username, password)
    print(f"password set for {user.username}; their browser sessions were signed out")
    return 0
