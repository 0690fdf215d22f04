"""Helpers for the end-to-end tests of the wandb public API: the runs to log, the client scripts,
and a runner that returns what a script printed as JSON."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from tests.support import Account, make_account, run_python, wandb_env

PROJECT, ARCHIVE = "api-e2e", "archive"

# Four runs whose configs, summaries, tags, groups and states make each filter pick a different
# set; the fifth one lives in the destination project of the move.
RUNS: list[dict[str, Any]] = [
    {
        "id": "alpha001",
        "name": "alpha-cnn",
        "project": PROJECT,
        "group": "g1",
        "job_type": "train",
        "tags": ["baseline", "cnn"],
        "notes": "first",
        "config": {"lr": 0.01, "batch_size": 32, "optimizer": "adam", "arch": {"depth": 2, "width": 64}},
        "steps": 12,
        "summary": {"acc": 0.70},
        "file": ["notes.txt", "alpha notes\nline two\n"],
    },
    {
        "id": "beta0002",
        "name": "beta-cnn",
        "project": PROJECT,
        "group": "g1",
        "job_type": "train",
        "tags": ["cnn"],
        "config": {"lr": 0.05, "batch_size": 64, "optimizer": "sgd", "arch": {"depth": 4}},
        "steps": 5,
        "summary": {"acc": 0.85},
        "file": ["weights.txt", "beta weights 0.5 0.25\n"],
    },
    {
        "id": "gamma003",
        "name": "gamma-rnn",
        "project": PROJECT,
        "group": "g2",
        "job_type": "train",
        "tags": ["rnn", "baseline"],
        "config": {"lr": 0.1, "batch_size": 128, "optimizer": "adam", "arch": {"depth": 8}},
        "steps": 5,
        "summary": {"acc": 0.92, "extra": 1.0},
    },
    {
        "id": "delta004",
        "name": "delta-rnn",
        "project": PROJECT,
        "group": "g2",
        "job_type": "eval",
        "tags": [],
        "config": {"lr": 0.001, "batch_size": 32, "optimizer": "sgd", "arch": {"depth": 2}},
        "steps": 3,
        "summary": {"acc": 0.55},
        "exit_code": 1,
    },
    {
        "id": "eps00005",
        "name": "epsilon",
        "project": ARCHIVE,
        "group": None,
        "job_type": None,
        "tags": [],
        "config": {"lr": 0.2},
        "steps": 2,
        "summary": {},
    },
]

LOG_SCRIPT = """
import json, os, time, wandb

for index, spec in enumerate(json.loads(SPECS)):
    if index:
        time.sleep(1.1)  # createdAt has second precision: keep the runs' creation seconds apart
    run = wandb.init(entity=ENTITY, project=spec["project"], id=spec["id"], name=spec["name"],
                     config=spec["config"], tags=spec["tags"], group=spec["group"], job_type=spec["job_type"],
                     notes=spec.get("notes"))
    for step in range(spec["steps"]):
        run.log({"loss": 1.0 / (step + 1), "acc": step / 100})
    for key, value in spec["summary"].items():
        run.summary[key] = value
    if spec.get("file"):
        name, content = spec["file"]
        path = os.path.join(run.dir, name)
        with open(path, "w") as handle:
            handle.write(content)
        wandb.save(path, base_path=run.dir, policy="now")
    run.finish(exit_code=spec.get("exit_code", 0))
print(json.dumps({"logged": [spec["id"] for spec in json.loads(SPECS)]}))
"""

# Common prelude of the wandb.Api() scripts: every check runs on its own, so one failure does not
# hide the others; the script prints {check name: result or {"error": ...}} as JSON.
API_PRELUDE = """
import json, os, tempfile, traceback, wandb

results = {}

def check(name, fn):
    try:
        results[name] = json.loads(json.dumps(fn()))  # a copy: later checks mutate the client's objects
    except Exception as error:
        results[name] = {"error": f"{type(error).__name__}: {error}", "trace": traceback.format_exc()[-1500:]}

def ids(runs):
    return [run.id for run in runs]

def steps(rows):
    return [row["_step"] for row in rows]

def download(run, name):
    root = tempfile.mkdtemp()
    run.file(name).download(root=root, replace=True)
    with open(os.path.join(root, name)) as handle:
        return handle.read()
"""

API_SCRIPT = (
    API_PRELUDE
    + """
api = wandb.Api()
path = f"{ENTITY}/{PROJECT}"
check("created_at", lambda: {run.id: run.created_at for run in api.runs(path)})
created = results["created_at"] if "error" not in results["created_at"] else {}

for name, filters in json.loads(FILTERS).items():
    check("filter " + name, lambda filters=filters: sorted(ids(api.runs(path, filters=filters))))
check("filter createdAt range", lambda: sorted(ids(api.runs(path, filters={"$and": [
    {"createdAt": {"$gte": created["beta0002"]}}, {"createdAt": {"$lt": created["delta004"]}}]}))))
for order in json.loads(ORDERS):
    check("order " + order, lambda order=order: ids(api.runs(path, order=order)))
check("pages of 2", lambda: (lambda runs: {"len": len(runs), "ids": ids(runs)})(api.runs(path, per_page=2)))
check("count with filter", lambda: len(api.runs(path, filters={"tags": "baseline"})))
check("filtered, ordered pages of 1", lambda: ids(api.runs(
    path, filters={"config.lr": {"$gte": 0.01}}, order="-summary_metrics.acc", per_page=1)))
check("order by a key few runs have", lambda: (lambda found: [found[0], len(found)])(
    ids(api.runs(path, order="-summary_metrics.extra"))))
check("bad filter", lambda: len(api.runs(path, filters={"config.lr": {"$near": 1}})))

def alpha():
    return api.run(f"{path}/alpha001")  # the Api caches it after the first call

check("alpha fields", lambda: (lambda alpha: {
    "name": alpha.name, "state": alpha.state, "tags": sorted(alpha.tags), "group": alpha.group,
    "job_type": alpha.job_type, "notes": alpha.notes, "config": alpha.config,
    "summary": {key: alpha.summary.get(key) for key in ("acc", "loss")},
    "user": alpha.user.username if alpha.user else None,
})(alpha()))
check("history", lambda: [
    {key: row.get(key) for key in ("_step", "loss", "acc")} for row in alpha().history(pandas=False)])
check("history samples=5", lambda: steps(alpha().history(samples=5, pandas=False)))
check("history keys=[loss]", lambda: (lambda rows: [sorted(row) for row in rows][:2] + [len(rows)])(
    alpha().history(keys=["loss"], pandas=False)))
check("scan_history keys=[loss] page_size=5", lambda: [
    (row["_step"], row["loss"]) for row in alpha().scan_history(keys=["loss"], page_size=5)])
check("scan_history all page_size=5", lambda: steps(alpha().scan_history(page_size=5)))
check("files", lambda: sorted(file.name for file in alpha().files()))
check("download notes.txt", lambda: download(alpha(), "notes.txt"))
check("beta by path", lambda: (lambda run: {"id": run.id, "name": run.name, "config": run.config,
                                             "acc": run.summary.get("acc")})(api.run(f"{path}/beta0002")))
check("projects", lambda: sorted(project.name for project in api.projects(ENTITY)))

def update_alpha():
    run = api.run(f"{path}/alpha001")
    run.tags = run.tags + ["reviewed"]
    run.notes = "edited notes"
    run.name = "alpha-renamed"
    run.config["lr"] = 0.02
    run.summary["acc"] = 0.75
    run.update()
    again = wandb.Api().run(f"{path}/alpha001")
    return {"tags": sorted(again.tags), "notes": again.notes, "name": again.name,
            "lr": again.config.get("lr"), "batch_size": again.config.get("batch_size"),
            "acc": again.summary.get("acc"), "loss": again.summary.get("loss"),
            "found by new lr": ids(wandb.Api().runs(path, filters={"config.lr": 0.02}))}
check("update", update_alpha)
print(json.dumps(results))
"""
)

MOVED_SCRIPT = (
    API_PRELUDE
    + """
api = wandb.Api()
check("moved run", lambda: (lambda run: {
    "id": run.id, "project": run.project, "name": run.name, "config": run.config,
    "acc": run.summary.get("acc"), "history": steps(run.history(pandas=False)),
    "scan": steps(run.scan_history(keys=["loss"])), "has weights.txt": "weights.txt" in [f.name for f in run.files()],
    "download": download(run, "weights.txt"),
})(api.run(f"{ENTITY}/{ARCHIVE}/beta0002")))
check("source runs", lambda: sorted(ids(api.runs(f"{ENTITY}/{PROJECT}"))))
check("destination runs", lambda: sorted(ids(api.runs(f"{ENTITY}/{ARCHIVE}"))))
check("old path", lambda: api.run(f"{ENTITY}/{PROJECT}/beta0002").id)
print(json.dumps(results))
"""
)


async def live_account(live_server, username: str) -> Account:
    """An account for use against the live server."""
    return await make_account(live_server.runtime, username)


def script(body: str, **constants: Any) -> str:
    """``body`` preceded by the given constants (strings are passed as Python literals)."""
    header = "".join(f"{name} = {value!r}\n" for name, value in constants.items())
    return header + textwrap.dedent(body)


async def run_client(tmp: Path, base_url: str, key: str, body: str, timeout: float = 600, **constants: Any) -> dict:
    """Run a wandb client script and return the JSON object it printed last."""
    env = wandb_env(tmp, base_url, key)
    result = await run_python(script(body, **constants), env, cwd=tmp, timeout=timeout)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0 and lines, (
        f"client script failed ({result.returncode})\nstdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-5000:]}"
    )
    return json.loads(lines[-1])


def differences(actual: dict[str, Any], expected: dict[str, Any]) -> str:
    """A readable list of every check whose result differs from the expectation ("" when none)."""
    lines = []
    for name, want in expected.items():
        got = actual.get(name, "<missing>")
        if got != want:
            shown = got.get("error") if isinstance(got, dict) and "error" in got else json.dumps(got)
            lines.append(f"{name}:\n    got  {shown}\n    want {json.dumps(want)}")
    return "\n".join(lines)
