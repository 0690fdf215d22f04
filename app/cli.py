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
        if args.command == "gate":
            return await _gate(sessions, args.run_path)
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


async def _gate(sessions, run_path: str) -> int:
    """``gate ENTITY/PROJECT/RUN``: each rule's verdict on the run; 1 when any is FAIL, else 0 (2: no such run)."""
    from app.domain.rules import run_by_path, verdicts_of_run

    parts = run_path.strip("/").split("/")
    if len(parts) != 3 or not all(parts):
        print(f"error: expected ENTITY/PROJECT/RUN, got {run_path!r}", file=sys.stderr)
        return 2
    async with sessions() as session:
        run = await run_by_path(session, *parts)
        if run is None:
            print(f"error: run {run_path} not found", file=sys.stderr)
            return 2
        verdicts = await verdicts_of_run(session, run.id)
    if not verdicts:
        print(f"{run_path}: no rule verdicts (state {run.state}; verdicts are given when a run finishes)")
    for verdict, rule in verdicts:
        print(f"{verdict.verdict:<8} {rule.name}: {rule.metric} = {verdict.value} against {verdict.baseline_value}"
              f" ({verdict.reason})")
    failed = [rule.name for verdict, rule in verdicts if verdict.verdict == "FAIL"]
    print(f"{run_path}: {'FAIL (' + ', '.join(failed) + ')' if failed else 'PASS'}")
    return 1 if failed else 0
