"""The command line and first start: an admin key printed once, users and keys made from the shell."""

import re
import subprocess
import sys

import httpx

from app.main import create_app
from app.settings import Settings

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
    for command in ("serve", "migrate", "create-user", "create-api-key", "export-schema"):
        assert command in result.stdout


async def test_create_user_and_api_key_print_working_keys(tmp_path):
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
