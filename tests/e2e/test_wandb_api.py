"""End to end with the official wandb client: runs logged by wandb.init are read back by
wandb.Api() (filters, order, pagination, config, summary, history, files, update, projects),
then moved with moveRuns and read at their new path."""

from __future__ import annotations

import json

import httpx

from tests.support.api import (
    API_SCRIPT,
    ARCHIVE,
    LOG_SCRIPT,
    MOVED_SCRIPT,
    PROJECT,
    RUNS,
    differences,
    live_account,
    run_client,
)

ALPHA, BETA, GAMMA, DELTA = "alpha001", "beta0002", "gamma003", "delta004"

# filter document -> the runs of PROJECT it must select (sorted)
FILTERS: dict[str, tuple[dict, list[str]]] = {
    "config.X $gt": ({"config.lr": {"$gt": 0.02}}, [BETA, GAMMA]),
    "config.X.value $lte": ({"config.lr.value": {"$lte": 0.01}}, [ALPHA, DELTA]),
    "config.X bare string": ({"config.optimizer": "adam"}, [ALPHA, GAMMA]),
    "config.X $ne": ({"config.lr": {"$ne": 0.05}}, [ALPHA, DELTA, GAMMA]),
    "summary $gte": ({"summary_metrics.acc": {"$gte": 0.85}}, [BETA, GAMMA]),
    "summary $lt": ({"summary_metrics.acc": {"$lt": 0.6}}, [DELTA]),
    "$in": ({"config.batch_size": {"$in": [32, 128]}}, [ALPHA, DELTA, GAMMA]),
    "$nin": ({"config.optimizer": {"$nin": ["sgd"]}}, [ALPHA, GAMMA]),
    "$and": ({"$and": [{"config.lr": {"$gte": 0.01}}, {"summary_metrics.acc": {"$lt": 0.9}}]}, [ALPHA, BETA]),
    "$or": ({"$or": [{"tags": "rnn"}, {"config.batch_size": 64}]}, [BETA, GAMMA]),
    "$nor": ({"$nor": [{"group": "g1"}, {"state": "failed"}]}, [GAMMA]),
    "$regex displayName": ({"displayName": {"$regex": "rnn"}}, [DELTA, GAMMA]),
    "$regex anchored": ({"display_name": {"$regex": "^a.*n$"}}, [ALPHA]),
    "tags contains": ({"tags": "baseline"}, [ALPHA, GAMMA]),
    "tags $in": ({"tags": {"$in": ["rnn", "cnn"]}}, [ALPHA, BETA, GAMMA]),
    "generated tags $ne": ({"$or": [{"tags": None}, {"tags": {"$ne": "baseline"}}]}, [BETA, DELTA]),
    "state failed": ({"state": "failed"}, [DELTA]),
    "state finished": ({"state": "finished"}, [ALPHA, BETA, GAMMA]),
    "$exists true": ({"summary_metrics.extra": {"$exists": True}}, [GAMMA]),
    "$exists false": ({"summary_metrics.extra": {"$exists": False}}, [ALPHA, BETA, DELTA]),
    "username": ({"username": "alice"}, [ALPHA, BETA, DELTA, GAMMA]),
    "username of nobody": ({"username": "nobody"}, []),
    "jobType and group": ({"jobType": "eval", "group": "g2"}, [DELTA]),
    "name (run id)": ({"name": {"$in": [BETA, DELTA]}}, [BETA, DELTA]),
}
ORDERS = {
    "-summary_metrics.acc": [GAMMA, BETA, ALPHA, DELTA],
    "+summary_metrics.acc": [DELTA, ALPHA, BETA, GAMMA],
    "+config.lr": [DELTA, ALPHA, BETA, GAMMA],
    "-config.lr.value": [GAMMA, BETA, ALPHA, DELTA],
    "+created_at": [ALPHA, BETA, GAMMA, DELTA],
    "-created_at": [DELTA, GAMMA, BETA, ALPHA],
}

ALPHA_STEPS = next(spec["steps"] for spec in RUNS if spec["id"] == ALPHA)
EXPECTED_READS = {
    "filter createdAt range": [BETA, GAMMA],
    "pages of 2": {"len": 4, "ids": [ALPHA, BETA, GAMMA, DELTA]},
    "count with filter": 2,
    "filtered, ordered pages of 1": [GAMMA, BETA, ALPHA],
    "order by a key few runs have": [GAMMA, 4],
    "alpha fields": {
        "name": "alpha-cnn",
        "state": "finished",
        "tags": ["baseline", "cnn"],
        "group": "g1",
        "job_type": "train",
        "notes": "first",
        "config": {"lr": 0.01, "batch_size": 32, "optimizer": "adam", "arch": {"depth": 2, "width": 64}},
        "summary": {"acc": 0.70, "loss": 1.0 / ALPHA_STEPS},
        "user": "alice",
    },
    "history": [{"_step": s, "loss": 1.0 / (s + 1), "acc": s / 100} for s in range(ALPHA_STEPS)],
    "history keys=[loss]": [["_step", "loss"], ["_step", "loss"], ALPHA_STEPS],
    "scan_history keys=[loss] page_size=5": [[s, 1.0 / (s + 1)] for s in range(ALPHA_STEPS)],
    "scan_history all page_size=5": list(range(ALPHA_STEPS)),
    "download notes.txt": "alpha notes\nline two\n",
    "beta by path": {
        "id": BETA,
        "name": "beta-cnn",
        "acc": 0.85,
        "config": {"lr": 0.05, "batch_size": 64, "optimizer": "sgd", "arch": {"depth": 4}},
    },
    "projects": sorted([ARCHIVE, PROJECT]),
    "update": {
        "tags": ["baseline", "cnn", "reviewed"],
        "notes": "edited notes",
        "name": "alpha-renamed",
        "lr": 0.02,
        "batch_size": 32,
        "acc": 0.75,
        "loss": 1.0 / ALPHA_STEPS,
        "found by new lr": [ALPHA],
    },
}
EXPECTED_AFTER_MOVE = {
    "moved run": {
        "id": BETA,
        "project": ARCHIVE,
        "name": "beta-cnn",
        "config": {"lr": 0.05, "batch_size": 64, "optimizer": "sgd", "arch": {"depth": 4}},
        "acc": 0.85,
        "history": [0, 1, 2, 3, 4],
        "scan": [0, 1, 2, 3, 4],
        "has weights.txt": True,
        "download": "beta weights 0.5 0.25\n",
    },
    "source runs": [ALPHA, DELTA, GAMMA],
    "destination runs": [BETA, "eps00005"],
}

MOVE_RUNS = """
mutation MoveRuns($input: MoveRunsInput!) {
  moveRuns(input: $input) { movedCount runs { name } }
}
"""


async def test_public_api_reads_filters_history_files_updates_and_moves(live_server, tmp_path):
    alice = await live_account(live_server, "alice")
    client = dict(base_url=live_server.url, key=alice.key, ENTITY="alice", PROJECT=PROJECT, ARCHIVE=ARCHIVE)

    logged = await run_client(tmp_path / "log", body=LOG_SCRIPT, SPECS=json.dumps(RUNS), **client)
    assert logged == {"logged": [spec["id"] for spec in RUNS]}

    reads = await run_client(
        tmp_path / "api",
        body=API_SCRIPT,
        FILTERS=json.dumps({name: f for name, (f, _) in FILTERS.items()}),
        ORDERS=json.dumps(list(ORDERS)),
        **client,
    )
    async with httpx.AsyncClient(base_url=live_server.url, auth=("api", alice.key), timeout=60) as http:
        response = await http.post(
            "/graphql",
            json={
                "query": MOVE_RUNS,
                "variables": {
                    "input": {
                        "sourceEntityName": "alice",
                        "sourceProjectName": PROJECT,
                        "destinationEntityName": "alice",
                        "destinationProjectName": ARCHIVE,
                        "runNames": [BETA],
                    }
                },
            },
        )
    moved = await run_client(tmp_path / "moved", body=MOVED_SCRIPT, **client)

    expected = {f"filter {name}": ids for name, (_, ids) in FILTERS.items()}
    expected |= {f"order {order}": ids for order, ids in ORDERS.items()} | EXPECTED_READS
    problems = differences(reads, expected)
    assert not problems, "wandb.Api() read something else than what was logged:\n" + problems
    samples = reads["history samples=5"]
    assert isinstance(samples, list) and 1 <= len(samples) <= 5 and samples == sorted(set(samples)), samples
    assert set(samples) <= set(range(ALPHA_STEPS)), samples
    bad_filter = reads["bad filter"]
    assert "error" in bad_filter and "unknown operator $near" in bad_filter["error"], bad_filter
    files = reads["files"]
    assert isinstance(files, list) and "notes.txt" in files, files

    assert response.status_code == 200 and response.json() == {
        "data": {"moveRuns": {"movedCount": 1, "runs": [{"name": BETA}]}}
    }, response.text
    problems = differences(moved, EXPECTED_AFTER_MOVE)
    assert not problems, "after moveRuns, wandb.Api() read:\n" + problems
    assert "error" in moved["old path"], moved["old path"]
