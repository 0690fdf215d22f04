"""The official wandb client (0.31) against the live server: login, and the team API of wandb.Api()."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.support import make_account, run_command, run_python, wandb_env

WANDB_CLI = str(Path(sys.executable).parent / "wandb")

TEAM_SCRIPT = r"""
import json
import wandb

api = wandb.Api()
team = api.create_team("vision")
out = {"created": team.name, "members_after_create": [(m.username, m.admin) for m in team.members]}
out["invite_user"] = team.invite("bob")
out["invite_email"] = team.invite("carol@example.com", admin=True)
out["invite_again"] = team.invite("bob")
service = team.create_service_account("ci runner")
out["service"] = {"name": service.name, "account_type": service.account_type, "email": service.email,
                  "key_len": len(service.api_key or ""), "pending": service.pending}
out["service_key"] = service.api_key
members = api.team("vision").members
out["members"] = [(m.username, m.name, m.pending, m.admin) for m in members]
bob_invite = [m for m in members if m.username == "bob"][0]
out["delete_invite"] = bob_invite.delete()
out["members_after_delete"] = [m.name for m in api.team("vision").members]
api.create_project("cats", "vision")
out["projects"] = [(p.name, p.entity) for p in api.projects("vision")]
try:
    api.create_team("graphql")  # reserved: refused, then the SDK's Team.load finds no such team
    out["reserved"] = "created"
except Exception as error:
    out["reserved"] = type(error).__name__
print(json.dumps(out))
"""

SERVICE_SCRIPT = r"""
import json
import wandb

api = wandb.Api()
viewer = api.viewer
print(json.dumps({"username": viewer.username, "entity": viewer.entity, "email": viewer.email,
                  "default_entity": api.default_entity}))
"""


async def test_wandb_login_succeeds_and_fails_clearly(live_server, tmp_path):
    alice = await make_account(live_server.runtime, "alice")
    env = wandb_env(tmp_path / "ok", live_server.url, alice.key)
    env.pop("WANDB_API_KEY")
    good = await run_command([WANDB_CLI, "login", "--host", live_server.url, alice.key], env)
    assert good.returncode == 0, good.stderr
    assert alice.key in (tmp_path / "ok" / "home" / ".netrc").read_text()

    wrong = "local-" + "w" * 44
    env = wandb_env(tmp_path / "bad", live_server.url, wrong)
    env.pop("WANDB_API_KEY")
    bad = await run_command([WANDB_CLI, "login", "--host", live_server.url, wrong], env)
    assert bad.returncode != 0
    assert "invalid API key" in bad.stdout + bad.stderr, (bad.stdout, bad.stderr)


async def test_wandb_api_team_management(live_server, tmp_path):
    runtime = live_server.runtime
    ada = await make_account(runtime, "ada")
    await make_account(runtime, "bob")
    result = await run_python(TEAM_SCRIPT, wandb_env(tmp_path / "ada", live_server.url, ada.key))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["created"] == "vision" and out["members_after_create"] == [["ada", True]]
    assert (out["invite_user"], out["invite_email"], out["invite_again"]) == (True, True, False)
    assert out["service"] == {
        "name": "ci runner",
        "account_type": "SERVICE",
        "email": None,
        "key_len": 49,
        "pending": False,
    }
    assert [m[1:] for m in out["members"]] == [
        ["ada", False, True],
        ["bob", True, False],
        ["carol@example.com", True, True],
        ["ci runner", False, False],
    ]
    assert out["delete_invite"] is True
    assert out["members_after_delete"] == ["ada", "carol@example.com", "ci runner"]
    assert out["reserved"] != "created"
    assert out["projects"] == [["cats", "vision"]]

    service = await run_python(SERVICE_SCRIPT, wandb_env(tmp_path / "sa", live_server.url, out["service_key"]))
    assert service.returncode == 0, service.stderr
    viewer = json.loads(service.stdout.strip().splitlines()[-1])
    assert viewer["entity"] == "vision" and viewer["email"] is None and viewer["default_entity"] == "vision"
    assert viewer["username"].startswith("vision-sa-")


ADMIN_SCRIPT = r"""
import json
import wandb

api = wandb.Api()
created = api.create_user("dora@example.com")
found = api.user("dora")
me = api.viewer
new_key = me.generate_api_key("from the sdk")
out = {
    "created": [created.username, created.email],
    "found": [found.username, found.email, found.teams],
    "partial": sorted(u.username for u in api.users("example.com")),
    "new_key_len": len(new_key or ""),
    "names_before": len(me.api_keys),
}
out["new_key"] = new_key
out["deleted"] = me.delete_api_key(new_key)
print(json.dumps(out))
"""

CHECK_KEY_SCRIPT = r"""
import wandb
wandb.Api().viewer
"""


async def test_wandb_api_users_and_keys(live_server, tmp_path):
    runtime = live_server.runtime
    rooty = await make_account(runtime, "rooty", admin=True)
    await make_account(runtime, "bob")
    result = await run_python(ADMIN_SCRIPT, wandb_env(tmp_path / "admin", live_server.url, rooty.key))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["created"] == ["dora", "dora@example.com"] and out["found"] == ["dora", "dora@example.com", ["dora"]]
    assert out["partial"] == ["bob", "dora", "rooty"]
    assert out["new_key_len"] >= 46 and out["names_before"] == 2 and out["deleted"] is True
    revoked = await run_python(CHECK_KEY_SCRIPT, wandb_env(tmp_path / "revoked", live_server.url, out["new_key"]))
    assert revoked.returncode != 0 and "revoked" in revoked.stderr
