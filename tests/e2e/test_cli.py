"""The command line and first start: an admin key printed once, users, keys and teams made from the shell,
and admin commands that say where they looked when they find no database."""

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
from sqlalchemy import select

from app.db import tables
from app.main import create_app
from app.settings import Settings
from tests.support import create_pg_database, drop_pg_database, make_account
from tests.support.teams import CREATE_INVITE, CREATE_TEAM, MEMBERS

KEY = re.compile(r"local-[A-Za-z0-9_-]{40,}")


def cli(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"LABBOOK_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, timeout=60)


async def viewer(app, key: str) -> httpx.Response:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            return await http.post("/graphql", json={"query": "{ viewer { username admin } }"}, auth=("api", key))


def test_help_lists_the_commands(tmp_path):
    result = cli(tmp_path, "--help")
    assert result.returncode == 0
    for command in (
        "serve",
        "migrate",
        "create-user",
        "create-api-key",
        "create-team",
        "add-member",
        "accept-invite",
        "export-schema",
    ):
        assert command in result.stdout


async def test_create_user_and_api_key_print_working_keys(tmp_path):
    assert cli(tmp_path, "migrate").returncode == 0
    created = cli(tmp_path, "create-user", "--email", "bob@example.com", "--username", "bob", "--admin")
    assert created.returncode == 0, created.stderr
    again = cli(tmp_path, "create-user", "--email", "bob@example.com")
    assert again.returncode == 1 and "already exists" in again.stderr
    extra = cli(tmp_path, "create-api-key", "--user", "bob")
    missing = cli(tmp_path, "create-api-key", "--user", "nobody")
    assert missing.returncode == 1 and "no user named nobody" in missing.stderr

    app = create_app(Settings(data_dir=tmp_path / "data", bootstrap_admin=False))
    for output in (created.stdout, extra.stdout):
        response = await viewer(app, KEY.search(output).group(0))
        assert response.json()["data"]["viewer"] == {"username": "bob", "admin": True}


async def test_first_start_creates_an_admin_and_prints_its_key_once(tmp_path, capsys):
    settings = Settings(data_dir=tmp_path / "data")
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        pass
    key = KEY.search(capsys.readouterr().out).group(0)
    app = create_app(settings)
    response = await viewer(app, key)
    assert response.json()["data"]["viewer"] == {"username": "admin", "admin": True}
    assert not KEY.search(capsys.readouterr().out), "the key is printed only on the first start"


# --- teams from the shell, on both dialects --------------------------------------------------


async def admin_cli(settings, tmp_path, *args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    """The CLI against the test database (either dialect), in a thread: the app under test keeps
    serving its event loop (its background jobs must be able to finish a transaction meanwhile)."""
    env = {
        "LABBOOK_DATA_DIR": str(tmp_path / "cli-data"),
        "LABBOOK_DATABASE_URL": settings.database_url,
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


async def members_of(gql, team: str, key: str) -> dict[str, str]:
    data = await gql.data(MEMBERS, {"name": team}, key=key)
    return {member["username"]: member["role"] for member in data["entity"]["members"]}


async def test_first_team_steps(settings, tmp_path, runtime, gql):
    ann = await make_account(runtime, "ann")
    bob = await make_account(runtime, "bob")
    created = await admin_cli(settings, tmp_path, "create-team", "lab", "--admin", "ann")
    assert created.returncode == 0, created.stderr
    assert 'wandb.init(entity="lab")' in created.stdout
    added = await admin_cli(settings, tmp_path, "add-member", "lab", "bob", "--role", "viewer")
    assert added.returncode == 0 and "added bob to team lab as VIEWER" in added.stdout, added.stderr
    assert await members_of(gql, "lab", ann.key) == {"ann": "ADMIN", "bob": "VIEWER"}
    viewer = await gql.data("{ viewer { defaultEntity { name } } }", key=bob.key)
    assert viewer["viewer"]["defaultEntity"]["name"] == "lab"
    async with runtime.session_factory() as session:
        events = (await session.scalars(select(tables.AuditEvent).order_by(tables.AuditEvent.id))).all()
    assert [(e.action, e.actor_id, e.details.get("via")) for e in events] == [
        ("team.create", None, "cli"),
        ("member.add", None, "cli"),
    ]
    assert events[1].details["username"] == "bob" and events[1].details["role"] == "VIEWER"


async def test_team_commands_refuse_clearly_and_change_nothing(settings, tmp_path, runtime, gql):
    ann = await make_account(runtime, "ann")
    await make_account(runtime, "bob")
    assert (await admin_cli(settings, tmp_path, "create-team", "lab", "--admin", "ann")).returncode == 0
    for args, message in [
        (("create-team", "lab", "--admin", "ann"), "the name lab is already taken"),
        (("create-team", "other", "--admin", "nobody"), "user nobody not found"),
        (("add-member", "nope", "bob"), "entity nope not found"),
        (("add-member", "lab", "nobody"), "user nobody not found"),
        (("add-member", "lab", "ann"), "ann is already a member of team lab"),
        (("accept-invite", "--user", "bob", "--team", "lab"), "bob has no pending invite to team lab"),
    ]:
        result = await admin_cli(settings, tmp_path, *args)
        assert result.returncode == 1 and message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert await members_of(gql, "lab", ann.key) == {"ann": "ADMIN"}


async def test_accept_invite_from_the_shell(settings, tmp_path, runtime, gql):
    ann = await make_account(runtime, "ann")
    await make_account(runtime, "bob")
    await gql.data(CREATE_TEAM, {"name": "lab"}, key=ann.key)
    await gql.data(CREATE_INVITE, {"entity": "lab", "username": "bob", "role": "VIEWER"}, key=ann.key)
    accepted = await admin_cli(settings, tmp_path, "accept-invite", "--user", "bob", "--team", "lab")
    assert accepted.returncode == 0 and "bob joined team lab as VIEWER" in accepted.stdout, accepted.stderr
    assert await members_of(gql, "lab", ann.key) == {"ann": "ADMIN", "bob": "VIEWER"}
    again = await admin_cli(settings, tmp_path, "accept-invite", "--user", "bob", "--team", "lab")
    assert again.returncode == 1 and "no pending invite" in again.stderr


async def test_a_database_without_labbook_tables_is_named_not_used(settings, tmp_path, runtime):
    if runtime.dialect == "postgresql":
        name, url = await create_pg_database()
        try:
            result = await admin_cli(
                settings.model_copy(update={"database_url": url}), tmp_path, "create-api-key", "--user", "admin"
            )
        finally:
            await drop_pg_database(name)
        assert result.returncode == 1
        assert f"the database {url} has no Labbook tables; create them with: python -m app migrate" in result.stderr
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / 'elsewhere' / 'labbook.db'}"
        result = await admin_cli(
            settings.model_copy(update={"database_url": url}), tmp_path, "create-api-key", "--user", "admin"
        )
        assert result.returncode == 1
        assert f"no Labbook database at {tmp_path / 'elsewhere' / 'labbook.db'}" in result.stderr
        assert not (tmp_path / "elsewhere").exists()


def test_an_admin_command_in_the_wrong_directory_names_where_it_looked(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    result = subprocess.run(
        [sys.executable, "-m", "app", "create-api-key", "--user", "admin"],
        env=env,
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert (
        f"no Labbook database at {elsewhere / 'data' / 'labbook.db'} (data dir {elsewhere / 'data'})" in result.stderr
    )
    assert "LABBOOK_DATA_DIR" in result.stderr and "--data-dir" in result.stderr
    assert list(elsewhere.iterdir()) == [], "the command created files"


def test_serve_help_documents_host_port_and_the_data_dir(tmp_path):
    result = cli(tmp_path, "serve", "--help")
    assert result.returncode == 0
    for text in (
        "--host",
        "0.0.0.0",
        "--port",
        "8080",
        "--data-dir",
        "LABBOOK_DATA_DIR",
        "./data",
        "LABBOOK_DATABASE_URL",
        "labbook.db",
    ):
        assert text in result.stdout, text


def test_every_setting_is_in_the_readme_configuration_table():
    readme = (Path(__file__).parent.parent.parent / "README.md").read_text()
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip().strip("`") for line in table.splitlines() if line.startswith("| `LABBOOK_")}
    assert rows == {f"LABBOOK_{name.upper()}" for name in Settings.model_fields}
