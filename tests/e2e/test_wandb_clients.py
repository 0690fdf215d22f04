"""The official client 0.31 (pinned) and an older one, 0.28.x (in its own virtualenv, built from PyPI
once and cached outside the repository), each log a run with an Image and a Table and read it back."""

from __future__ import annotations

import json
import os
import subprocess
import venv
from pathlib import Path

import pytest

from tests.support import make_account, run_command, run_python, wandb_env

OLD_CLIENT = "0.28.*"
VENV_ROOT = Path(os.environ.get("LABBOOK_TEST_VENVS", Path.home() / ".cache" / "labbook-test-venvs"))

LOG_AND_READ = r"""
import json, sys
import wandb
from PIL import Image as PILImage

entity = sys.argv[1]
picture = PILImage.new("RGB", (8, 6), (200, 30, 60))
run = wandb.init(entity=entity, project="media", id=sys.argv[2])
run.log({"loss": 0.5, "picture": wandb.Image(picture, caption="red")})
run.log({"loss": 0.25, "scores": wandb.Table(columns=["name", "score"], data=[["a", 1], ["b", 2]])})
run.finish()

api = wandb.Api()
back = api.run(f"{entity}/media/{sys.argv[2]}")
files = sorted(f.name for f in back.files())
table_file = next(name for name in files if name.startswith("media/table/"))
back.file(table_file).download(root="downloaded", replace=True)
print(json.dumps({
    "version": wandb.__version__,
    "state": back.state,
    "summary": {key: back.summary[key] for key in ("loss", "picture", "scores")},
    "files": files,
    "table": json.load(open("downloaded/" + table_file)),
    "history": [row.get("loss") for row in back.scan_history(keys=["loss"])],
}, default=dict))
"""


def _client_venv() -> Path:
    """A cached virtualenv with the older client; built from PyPI on first use."""
    target = VENV_ROOT / f"wandb-{OLD_CLIENT.replace('*', 'x')}"
    python = target / "bin" / "python"
    if (target / ".ready").exists():
        return python
    VENV_ROOT.mkdir(parents=True, exist_ok=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(target)
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"wandb=={OLD_CLIENT}", "pillow>=10,<13"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if install.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"could not build the wandb {OLD_CLIENT} virtualenv (CI reaches PyPI): {install.stderr}")
        pytest.skip(f"could not build the wandb {OLD_CLIENT} virtualenv (offline?): {install.stderr[-300:]}")
    (target / ".ready").write_text("ok\n")
    return python


def _check(out: dict, expected_version: str) -> None:
    assert out["version"].startswith(expected_version)
    assert out["state"] == "finished"
    assert out["summary"]["loss"] == 0.25
    picture, scores = out["summary"]["picture"], out["summary"]["scores"]
    assert picture["_type"] == "image-file" and (picture["width"], picture["height"]) == (8, 6)
    assert picture["path"] in out["files"] and picture["path"].startswith("media/images/")
    assert scores["_type"] == "table-file" and scores["path"] in out["files"]
    assert out["table"]["columns"] == ["name", "score"] and out["table"]["data"] == [["a", 1], ["b", 2]]
    assert out["history"] == [0.5, 0.25]


async def test_client_0_31_logs_image_and_table(live_server, tmp_path):
    alice = await make_account(live_server.runtime, "alice")
    env = wandb_env(tmp_path, live_server.url, alice.key)
    result = await run_python(
        LOG_AND_READ.replace("sys.argv[1]", "'alice'").replace("sys.argv[2]", "'media031'"),
        env,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    _check(json.loads(result.stdout.strip().splitlines()[-1]), "0.31")


@pytest.mark.needs_pypi
async def test_client_0_28_logs_image_and_table(live_server, tmp_path):
    python = _client_venv()
    alice = await make_account(live_server.runtime, "alice")
    env = wandb_env(tmp_path, live_server.url, alice.key)
    script = tmp_path / "log_and_read.py"
    script.write_text(LOG_AND_READ)
    result = await run_command([str(python), str(script), "alice", "media028"], env, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    _check(json.loads(result.stdout.strip().splitlines()[-1]), "0.28")
