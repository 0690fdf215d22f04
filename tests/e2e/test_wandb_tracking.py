"""End to end with the official wandb client: a whole run, a failing resumed run, service-account
attribution and a refused outsider, checked in the database and through GraphQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.db import tables
from tests.support import GraphQLClient, run_command, wandb_env
from tests.support.tracking import RUN_FILES, all_rows, counts, make_team, one


@pytest.fixture
def db(live_server):
    return live_server.runtime


TRAIN_SCRIPT = """\
import sys
import wandb

run = wandb.init(
    entity=sys.argv[1], project="vision", config={"lr": 0.01, "layers": 3}, tags=["baseline"],
    notes="first try", group="sweep-a", job_type="train",
    settings=wandb.Settings(save_code=True, x_stats_sampling_interval=0.1),
)
for step in range(120):
    wandb.log({"loss": 1.0 / (step + 1), "acc": step / 120})
print("hello from the console")
run.summary["best_acc"] = 0.99
with open("notes.txt", "w") as handle:
    handle.write("saved with wandb.save")
wandb.save("notes.txt", policy="now")
run.alert(title="Low accuracy", text="acc below 0.5", level=wandb.AlertLevel.WARN)
run.alert(title="Low accuracy", text="repeat within the wait", level=wandb.AlertLevel.WARN)
import time
time.sleep(0.5)
print("RUN_ID", run.id)
run.finish()
"""

RESUME_SCRIPT = """\
import sys
import wandb

run = wandb.init(entity=sys.argv[1], project="vision", id="resume01", resume="allow")
for i in range(5):
    wandb.log({"loss": float(i), "phase": sys.argv[2]})
print("RESUMED", run.resumed)
if sys.argv[2] == "fail":
    raise ValueError("boom")
run.finish()
"""

PLAIN_SCRIPT = """\
import sys
import wandb

run = wandb.init(entity=sys.argv[1], project=sys.argv[2], id=sys.argv[3])
wandb.log({"x": 1})
run.finish()
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "HOME": str(repo),
            "PATH": "/usr/bin:/bin",
        },
    )


def _repo(tmp_path: Path) -> tuple[Path, str]:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "train.py").write_text(TRAIN_SCRIPT)
    (repo / "model.py").write_text("LAYERS = 3\n")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    _git(repo, "remote", "add", "origin", "https://github.com/example/vision.git")
    (repo / "model.py").write_text("LAYERS = 4  # local change\n")
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    return repo, commit


@pytest.mark.both_storages
async def test_a_whole_run_is_stored_and_readable(live_server, db, tmp_path):
    runtime = db
    team = await make_team(runtime)
    repo, commit = _repo(tmp_path)
    env = wandb_env(tmp_path / "w", live_server.url, team.member.key)
    result = await run_command([sys.executable, "train.py", team.name], env, cwd=repo, timeout=240)
    assert result.returncode == 0, result.stderr
    run_name = next(line.split()[1] for line in result.stdout.splitlines() if line.startswith("RUN_ID"))

    run = await one(runtime, select(tables.Run).where(tables.Run.name == run_name))
    assert run.state == "finished" and run.exit_code == 0
    assert run.user_id == team.member.id and run.created_by_id == team.member.id and run.service_account_id is None
    assert run.tags == ["baseline"] and run.notes == "first try" and run.group_name == "sweep-a"
    assert run.job_type == "train" and run.display_name
    assert run.git_commit == commit and run.git_remote == "https://github.com/example/vision.git"
    assert run.config["lr"] == {"value": 0.01} and "t" in run.config["_wandb"]["value"]
    assert run.summary["best_acc"] == 0.99 and run.summary["loss"] == 1.0 / 120
    assert run.history_line_count == 120 and run.last_step == 119
    assert run.history_keys["loss"] == {"number": 120}
    assert run.events_line_count >= 1 and any(k.startswith("system.") for k in run.system_metrics)

    history = await all_rows(
        runtime, select(tables.HistoryRow).where(tables.HistoryRow.run_id == run.id).order_by(tables.HistoryRow.line_no)
    )
    assert [h.step for h in history] == list(range(120)) and history[3].data["loss"] == 0.25
    console = await all_rows(runtime, select(tables.ConsoleLine.text).where(tables.ConsoleLine.run_id == run.id))
    assert any("hello from the console" in line for line in console)
    assert run.log_line_count == len(console)

    alerts = await all_rows(runtime, select(tables.Alert).where(tables.Alert.run_id == run.id))
    assert [(a.title, a.severity, a.text) for a in alerts] == [("Low accuracy", "WARN", "acc below 0.5")]

    files = {f.name: f for f in await all_rows(runtime, select(tables.RunFile).where(tables.RunFile.run_id == run.id))}
    for name in (
        "diff.patch",
        "code/train.py",
        "requirements.txt",
        "wandb-metadata.json",
        "config.yaml",
        "output.log",
        "wandb-summary.json",
        "notes.txt",
    ):
        assert name in files and files[name].uploaded, (name, sorted(files))
    assert all(run_name not in f.storage_key and team.name not in f.storage_key for f in files.values())

    # follow_redirects: on S3, /files answers with a presigned URL of the bucket.
    async with httpx.AsyncClient(base_url=live_server.url, follow_redirects=True) as http:
        gql = GraphQLClient(http)
        data = await gql.data(
            RUN_FILES,
            {"project": "vision", "entity": team.name, "name": run_name, "fileLimit": 100},
            key=team.viewer.key,
        )
        listed = {edge["node"]["name"]: edge["node"] for edge in data["project"]["run"]["files"]["edges"]}
        assert data["project"]["run"]["fileCount"] == len(files) == len(listed)
        diff = await http.get(listed["diff.patch"]["url"], auth=("api", team.viewer.key))
        assert diff.status_code == 200 and "local change" in diff.text
        assert (await http.get(listed["diff.patch"]["url"])).status_code == 404  # anonymous: not visible
        metadata = json.loads((await http.get(listed["wandb-metadata.json"]["directUrl"])).text)
        assert metadata["git"]["commit"] == commit and metadata["host"] and metadata["python"]
        assert metadata["program"].endswith("train.py")
        code = await http.get(listed["code/train.py"]["directUrl"])
        assert code.text == TRAIN_SCRIPT
        saved = await http.get(listed["notes.txt"]["url"], auth=("api", team.member.key))
        assert saved.text == "saved with wandb.save"
        assert listed["notes.txt"]["md5"] == files["notes.txt"].md5 and listed["notes.txt"]["sizeBytes"] == 21

        data = await gql.data(
            """query($e: String!, $n: String!) { project(name: "vision", entityName: $e) {
                 alerts { edges { node { title severity text } } }
                 run(name: $n) { state exitCode commit summaryMetrics systemMetrics tags user { username }
                   createdBy { username } alerts { title } historyTail wandbConfig(keys: ["t", "nope"]) } } }""",
            {"e": team.name, "n": run_name},
            key=team.admin.key,
        )
    project = data["project"]
    assert project["alerts"]["edges"] == [
        {"node": {"title": "Low accuracy", "severity": "WARN", "text": "acc below 0.5"}}
    ]
    gql_run = project["run"]
    assert gql_run["state"] == "finished" and gql_run["exitCode"] == 0 and gql_run["commit"] == commit
    assert json.loads(gql_run["summaryMetrics"])["best_acc"] == 0.99
    assert any(k.startswith("system.") for k in json.loads(gql_run["systemMetrics"]))
    assert gql_run["user"]["username"] == team.member.username == gql_run["createdBy"]["username"]
    assert gql_run["alerts"] == [{"title": "Low accuracy"}]
    assert json.loads(json.loads(gql_run["historyTail"])[-1])["_step"] == 119
    assert list(json.loads(gql_run["wandbConfig"])) == ["t"]


async def test_resume_appends_without_gap_and_an_exception_fails_the_run(live_server, db, tmp_path):
    runtime = db
    team = await make_team(runtime)
    env = wandb_env(tmp_path / "w", live_server.url, team.member.key)
    first = await run_command([sys.executable, "-c", RESUME_SCRIPT, team.name, "ok"], env, timeout=240)
    assert first.returncode == 0, first.stderr
    second = await run_command([sys.executable, "-c", RESUME_SCRIPT, team.name, "fail"], env, timeout=240)
    assert second.returncode != 0 and "boom" in second.stderr
    assert "RESUMED True" in second.stdout, second.stdout

    run = await one(runtime, select(tables.Run).where(tables.Run.name == "resume01"))
    assert run.state == "failed" and run.exit_code == 1
    steps = await all_rows(
        runtime,
        select(tables.HistoryRow.step).where(tables.HistoryRow.run_id == run.id).order_by(tables.HistoryRow.line_no),
    )
    assert steps == list(range(10)) and run.history_line_count == 10 and run.last_step == 9
    losses = await all_rows(
        runtime,
        select(tables.HistoryRow.data).where(tables.HistoryRow.run_id == run.id).order_by(tables.HistoryRow.line_no),
    )
    assert [(row["loss"], row["phase"]) for row in losses] == [
        (float(i % 5), "ok" if i < 5 else "fail") for i in range(10)
    ]
    assert run.history_keys["loss"] == {"number": 10}


async def test_service_account_runs_for_a_member_and_outsiders_are_refused(live_server, db, tmp_path):
    runtime = db
    team = await make_team(runtime)
    env = wandb_env(tmp_path / "sa", live_server.url, team.service.key, WANDB_USERNAME=team.member.username)
    result = await run_command([sys.executable, "-c", PLAIN_SCRIPT, team.name, "ci", "sarun01"], env, timeout=240)
    assert result.returncode == 0, result.stderr
    run = await one(runtime, select(tables.Run).where(tables.Run.name == "sarun01"))
    assert (run.user_id, run.service_account_id, run.created_by_id) == (
        team.member.id,
        team.service.id,
        team.service.id,
    )
    assert run.state == "finished"

    before = await counts(runtime)
    env = wandb_env(tmp_path / "out", live_server.url, team.outsider.key)
    refused = await run_command([sys.executable, "-c", PLAIN_SCRIPT, team.name, "ci", "nope01"], env, timeout=240)
    assert refused.returncode != 0
    expected = f"permission denied: user {team.outsider.username} is not a member of team {team.name}"
    assert expected in refused.stderr, refused.stderr
    after = await counts(runtime)
    assert {k: after[k] - before[k] for k in after if after[k] != before[k]} == {}
