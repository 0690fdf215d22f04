"""Administrative commands that work directly on the database named by the settings.

They act as the operator (app.domain.actor.OPERATOR: an instance admin's powers, audited "via cli")
and never create a database: only ``migrate`` (and the server's first start) does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.dialect import is_sqlite
from app.db.engine import make_engine, make_session_factory
from app.db.failures import is_unavailable
from app.db.migrate import is_initialized, upgrade
from app.domain import audit, invites, teams
from app.domain.actor import OPERATOR, Actor
from app.domain.api_keys import issue_key
from app.domain.errors import DomainError, NotFound
from app.domain.rules import run_by_path, verdicts_of_run
from app.domain.users import create_user, user_by_email, user_by_username
from app.domain.web_sessions import set_password
from app.settings import Settings


class CommandError(Exception):
    """A sentence for the operator; the command exits 1."""


async def run(settings: Settings, args: argparse.Namespace) -> int:
    url = settings.resolved_database_url()
    if args.command == "migrate":
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    else:
        missing = _missing_sqlite_file(url)
        if missing:
            return _fail(
                f"no Labbook database at {missing} (data dir {settings.data_dir.resolve()}). "
                "Run the command where the server keeps its data, set LABBOOK_DATA_DIR or pass "
                "--data-dir, or create the database with: python -m app migrate"
            )
    engine = make_engine(url)
    try:
        if args.command != "migrate" and not await is_initialized(engine):
            return _fail(
                f"the database {_describe(url)} has no Labbook tables; create them with: python -m app migrate"
            )
        await upgrade(engine)
        if args.command == "migrate":
            print(f"database {_describe(url)} is at the newest migration")
            return 0
        sessions = make_session_factory(engine)
        if args.command == "gate":
            return await _gate(sessions, args.run_path)
        async with sessions.begin() as session:
            print(await COMMANDS[args.command](session, args))
        return 0
    except (DomainError, CommandError) as error:
        return _fail(error.message if isinstance(error, DomainError) else str(error))
    except Exception as error:
        if is_unavailable(error):
            return _fail(f"cannot reach the database {_describe(url)}: {type(error).__name__}: {error}".splitlines()[0])
        raise
    finally:
        await engine.dispose()


async def _create_user(session: AsyncSession, args: argparse.Namespace) -> str:
    user = await create_user(session, email=args.email, username=args.username, admin=args.admin)
    issued = issue_key(session, user, description="created by create-user")
    audit.record(session, OPERATOR, "user.create", target_type="user", target_id=user.id)
    return f"created user {user.username}; API key (shown once): {issued.secret}"


async def _create_api_key(session: AsyncSession, args: argparse.Namespace) -> str:
    user = await user_by_username(session, args.user) or await user_by_email(session, args.user)
    if user is None:
        raise CommandError(f"no user named {args.user}")
    issued = issue_key(session, user, description=args.description)
    audit.record(session, OPERATOR, "api_key.create", target_type="user", target_id=user.id)
    return f"API key for {user.username} (shown once): {issued.secret}"


async def _create_team(session: AsyncSession, args: argparse.Namespace) -> str:
    team = await teams.create_team(session, OPERATOR, args.name, admin_username=args.admin)
    return (
        f'created team {team.name} with {args.admin} as its admin; log runs there with wandb.init(entity="{team.name}")'
    )


async def _add_member(session: AsyncSession, args: argparse.Namespace) -> str:
    membership = await teams.add_member(session, OPERATOR, entity_name=args.team, username=args.user, role=args.role)
    return f"added {args.user} to team {args.team} as {membership.role}"


async def _accept_invite(session: AsyncSession, args: argparse.Namespace) -> str:
    """The invitee's own act (the domain allows no one else), done for them from the shell."""
    user = await user_by_username(session, args.user) or await user_by_email(session, args.user)
    if user is None:
        raise CommandError(f"no user named {args.user}")
    team = await teams.require_team(session, args.team)
    invite = next((i for i in await invites.pending_invites_for(session, user) if i.team_id == team.id), None)
    if invite is None:
        raise NotFound(f"{user.username} has no pending invite to team {team.name}")
    membership = await invites.accept_invite(session, Actor(user=user), invite.id)
    return f"{user.username} joined team {team.name} as {membership.role}"


async def _set_password(session: AsyncSession, args: argparse.Namespace) -> str:
    """The new password is the first line of standard input (never an argument: ps would show it)."""
    password = sys.stdin.readline().rstrip("\r\n")
    user = await set_password(session, args.user, password)
    return f"password set for {user.username}; their browser sessions were signed out"


async def _gate(sessions, run_path: str) -> int:
    """``gate ENTITY/PROJECT/RUN``: each rule's verdict on the run; 1 when any is FAIL, else 0 (2: no such run)."""
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
        print(
            f"{verdict.verdict:<8} {rule.name}: {rule.metric} = {verdict.value} against {verdict.baseline_value}"
            f" ({verdict.reason})"
        )
    failed = [rule.name for verdict, rule in verdicts if verdict.verdict == "FAIL"]
    print(f"{run_path}: {'FAIL (' + ', '.join(failed) + ')' if failed else 'PASS'}")
    return 1 if failed else 0


COMMANDS = {
    "create-user": _create_user,
    "create-api-key": _create_api_key,
    "create-team": _create_team,
    "add-member": _add_member,
    "accept-invite": _accept_invite,
    "set-password": _set_password,
}


def _missing_sqlite_file(url: str) -> Path | None:
    """The SQLite file ``url`` names, when it does not exist (connecting would create it)."""
    if not is_sqlite(url):
        return None
    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    path = Path(database).resolve()
    return None if path.exists() else path


def _describe(url: str) -> str:
    parsed = make_url(url)
    if is_sqlite(url):
        return str(Path(parsed.database).resolve()) if parsed.database else url
    return parsed.render_as_string(hide_password=True)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1
