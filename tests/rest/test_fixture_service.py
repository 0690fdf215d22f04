"""The test-fixture service of wandb's system tests: off by default, only on loopback with the switch,
and its users' keys (their usernames) work with the official client while it is on, and only then."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from app.domain import fixtures
from app.domain.api_keys import authenticate
from app.domain.errors import Unauthenticated
from app.main import build_runtime, guard_fixture_keys
from tests.support import _free_port, run_python, truncate_all, wandb_env

ROOT = Path(__file__).resolve().parents[2]
# As W&B's fixture clients name users: user-<worker>-<random>; the client wants keys of 40+ characters.
USERNAME = "user-gw0-" + "k3y5" * 12


def _serve(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "serve", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _server_env(settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LABBOOK_")}
    env.update(
        PYTHONPATH=str(ROOT),
        LABBOOK_DATA_DIR=str(settings.data_dir),
        LABBOOK_DATABASE_URL=settings.database_url,
        LABBOOK_SECRET_KEY="test-secret",
        LABBOOK_BOOTSTRAP_ADMIN="false",
        LABBOOK_LOG_LEVEL="warning",
    )
    return env


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stdout.read()}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not become healthy")


@contextmanager
def _running(args: list[str], env: dict[str, str], health_url: str) -> Iterator[subprocess.Popen]:
    process = _serve(args, env)
    try:
        _wait_healthy(health_url, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.parametrize(
    "args,what",
    [
        (["--test-fixtures", "--fixture-host", "0.0.0.0"], "--fixture-host '0.0.0.0'"),
        (["--test-fixtures", "--fixture-host", "10.1.2.3"], "--fixture-host '10.1.2.3'"),
        (["--test-fixtures", "--host", "0.0.0.0"], "--host '0.0.0.0'"),
    ],
)
def test_refused_beyond_loopback(settings, args, what):
    result = subprocess.run(
        [sys.executable, "-m", "app", "serve", "--port", str(_free_port()), *args],
        cwd=ROOT,
        env=_server_env(settings),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "refusing to start the test-fixture service" in result.stderr and what in result.stderr


async def test_off_without_the_switch(settings):
    port, fixture_port = _free_port(), _free_port()
    env = _server_env(settings) | {"LABBOOK_TEST_FIXTURES_PORT": str(fixture_port)}
    with _running(["--port", str(port)], env, f"http://127.0.0.1:{port}/healthz"):
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"http://127.0.0.1:{fixture_port}/health", timeout=2)


async def test_fixture_users_teams_and_orgs_with_the_client(settings, tmp_path):
    runtime = build_runtime(settings)
    await truncate_all(runtime.engine)
    await runtime.engine.dispose()
    port, fixture_port = _free_port(), _free_port()
    base, fixture_url = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{fixture_port}"
    args = ["--port", str(port), "--test-fixtures", "--fixture-port", str(fixture_port)]
    with _running(args, _server_env(settings), f"{base}/healthz") as process:
        _wait_healthy(f"{fixture_url}/health", process)
        post = lambda path, body: httpx.post(f"{fixture_url}/{path}", json=body, timeout=30)  # noqa: E731
        # W&B's user fixture: up, then password (= the username) for the key the tests use.
        assert post("db/user", {"command": "up", "username": USERNAME, "admin": False}).status_code == 200
        assert post("db/user", {"command": "password", "username": USERNAME, "password": USERNAME}).status_code == 200
        assert (
            post("db/organization", {"command": "up", "orgName": "org-gw0-abc", "username": USERNAME}).status_code
            == 200
        )
        team_data = {"planName": "plan-x", "team": {"name": "team-gw0-abc"}, "organization": {"name": "org-gw0-abc"}}
        assert post("db/team", {"command": "up", "username": USERNAME, "fixtureData": team_data}).status_code == 200
        refused = post("db/user", {"command": "down", "username": "someone-real"})
        assert refused.status_code == 404 and "only the users it made" in refused.text
        assert post("db/user", {"command": "fly", "username": USERNAME}).status_code == 400

        # What wandb's test_public_api.py checks (test_viewer, test_query_team, test_run_delete,
        # test_run_update_state_*), through the official client with the fixture user's key.
        script = """
import json, wandb
from wandb.sdk.artifacts._gqlutils import server_supports
api = wandb.Api()
viewer = api.viewer
team = api.team(viewer.username)
seed = api.create_run(project="fixtures")
run = api.run(f"{seed.entity}/{seed.project}/{seed.id}")
supports = server_supports(api._service_api, "UPDATE_RUN_STATE")
first = run.update_state("failed")
try:
    run.update_state("failed")
    again = "accepted"
except wandb.Error as error:
    again = str(error)
run.delete()
run.delete(delete_artifacts=True)
print(json.dumps({"username": viewer.username, "admin": viewer.admin, "teams": viewer.teams,
                  "keys": viewer.api_keys, "run_entity": seed.entity,
                  "member": repr(team.members[0]), "supports": supports, "first": first, "state": run.state,
                  "again": again, "left": len(api.runs(f"{seed.entity}/fixtures"))}))
"""
        result = await run_python(script, wandb_env(tmp_path / "client", base, USERNAME))
        assert result.returncode == 0, result.stderr
        out = json.loads(result.stdout.strip().splitlines()[-1])
        assert out["username"] == USERNAME and out["teams"] == [USERNAME, "team-gw0-abc"]
        assert len(out["keys"]) == 1 and USERNAME.startswith(out["keys"][0]) and out["run_entity"] == USERNAME
        assert out["admin"] is False and out["member"] == f"<Member {USERNAME} (USER)>"
        assert out["supports"] is True and out["first"] is True and out["state"] == "failed"
        assert "invalid state transition" in out["again"] and out["left"] == 0
        org = httpx.post(
            f"{base}/graphql",
            auth=("api", USERNAME),
            json={"query": '{ organization(name: "org-gw0-abc") { viewerRole teams { name } } }'},
        ).json()
        assert org["data"]["organization"] == {"viewerRole": "admin", "teams": [{"name": "team-gw0-abc"}]}

        assert post("db/organization", {"command": "down", "orgName": "org-gw0-abc"}).status_code == 200
        assert post("db/user", {"command": "down", "username": USERNAME}).status_code == 200
        gone = httpx.post(f"{base}/graphql", auth=("api", USERNAME), json={"query": "{ viewer { id } }"})
        assert gone.status_code == 401
    assert "TEST FIXTURES ARE ON" in process.stdout.read()


async def test_fixture_keys_stop_working_when_the_service_is_off(runtime):
    async with runtime.session_factory.begin() as session:
        await fixtures.user_up(session, USERNAME)
    async with runtime.session_factory() as session:
        user, _key = await authenticate(session, USERNAME, record_use=False)
    assert user.username == USERNAME
    await guard_fixture_keys(runtime)  # a server starting without the service
    async with runtime.session_factory() as session:
        with pytest.raises(Unauthenticated, match="revoked"):
            await authenticate(session, USERNAME, record_use=False)
