"""The official client's Run.delete() (W&B's deleteRun) against the live server."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.db.tables import Run
from tests.support.moves import build_team
from tests.support import run_python, wandb_env

DELETE_SCRIPT = """
import json
import wandb

api = wandb.Api(timeout=30)
out = {}
api.run("vision/source/b1").delete(delete_artifacts=True)
out["own run"] = "deleted"
try:
    wandb.Api(timeout=30).run("vision/source/b1")  # a new Api: the first one caches runs by path
    out["read after delete"] = "found"
except Exception as error:
    out["read after delete"] = type(error).__name__
try:
    api.run("vision/source/c1").delete()
    out["teammate's run"] = "deleted"
except Exception as error:
    out["teammate's run"] = str(error)
print(json.dumps(out))
"""


async def test_wandb_run_delete(live_server, tmp_path):
    team = await build_team(live_server.runtime)
    result = await run_python(DELETE_SCRIPT, wandb_env(tmp_path, live_server.url, team.bob.key), cwd=tmp_path)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0 and lines, result.stderr[-3000:]
    out = json.loads(lines[-1])

    assert out["own run"] == "deleted" and out["read after delete"] != "found"
    assert "permission denied" in out["teammate's run"] and "c1" in out["teammate's run"]
    async with live_server.runtime.engine.connect() as connection:
        names = (await connection.scalars(select(Run.name).where(Run.project_id == team.source_id))).all()
    assert sorted(names) == ["b2", "c1", "s1"]
