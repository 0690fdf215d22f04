"""Every history line has an integer ``_step``: file_stream refuses a chunk with a line that has
none before writing anything, and history reads stay whole over rows stored without one (as the
ingest kept them before it refused them)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.db import tables
from tests.support import make_account
from tests.api.test_history_reads import HISTORY_PAGE, RUN_FULL_HISTORY, RUN_HISTORY_KEYS, SAMPLED_HISTORY_PAGE
from tests.support.run_queries import add_history, make_project, make_runs
from tests.support.tracking import UPSERT_BUCKET, counts, lines, one, post_stream

HISTORY, SUMMARY = "wandb-history.jsonl", "wandb-summary.json"


@pytest.fixture
async def owner(runtime, gql):
    account = await make_account(runtime, "alice")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p", "entity": "alice"}, key=account.key)
    return account


async def _run(runtime, name: str = "r1") -> tables.Run:
    return await one(runtime, select(tables.Run).where(tables.Run.name == name))


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"x": 1}', "wandb-history.jsonl line 4 has no _step"),
        ('{"_step": null, "x": 1}', "wandb-history.jsonl line 4 has no _step"),
        (
            '{"_step": 1.5}',
            "wandb-history.jsonl line 4: _step must be an integer from 0 to 9223372036854775807, got 1.5",
        ),
        ('{"_step": "abc"}', 'line 4: _step must be an integer from 0 to 9223372036854775807, got "abc"'),
        ('{"_step": true}', "line 4: _step must be an integer from 0 to 9223372036854775807, got true"),
        ('{"_step": -1}', "line 4: _step must be an integer from 0 to 9223372036854775807, got -1"),
        (f'{{"_step": {2**64}}}', f"line 4: _step must be an integer from 0 to 9223372036854775807, got {2**64}"),
        (f'{{"_step": {2**63}}}', f"line 4: _step must be an integer from 0 to 9223372036854775807, got {2**63}"),
        ('{"_step": [1]}', "line 4: _step must be an integer from 0 to 9223372036854775807, got [1]"),
    ],
)
async def test_a_line_without_an_integer_step_refuses_the_chunk_and_writes_nothing(http, runtime, owner, line, problem):
    before_counts, before = await counts(runtime), await _run(runtime)
    body = {"files": {**lines(HISTORY, 3, ['{"_step": 3, "x": 0}', line]), **lines(SUMMARY, 0, [{"x": 9}])}}
    response = await post_stream(http, "alice/p/r1", body, key=owner.key)
    assert response.status_code == 400, response.text
    assert problem in response.json()["errors"][0]["message"]
    assert await counts(runtime) == before_counts
    after = await _run(runtime)
    assert (after.history_line_count, after.last_step, after.summary, after.heartbeat_at) == (
        0,
        None,
        before.summary,
        before.heartbeat_at,
    )


async def test_whole_number_steps_are_accepted(http, runtime, owner):
    body = {"files": lines(HISTORY, 0, ['{"_step": 0, "x": 1}', '{"_step": 1.0, "x": 2}'])}
    response = await post_stream(http, "alice/p/r1", body, key=owner.key)
    assert response.status_code == 200, response.text
    steps = await one(runtime, select(tables.Run.last_step))
    assert steps == 1


@pytest.fixture
async def stepless(runtime):
    """A run whose lines 1 and 5 were stored without a step, the last line among them."""
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    rows = [
        {"_step": 0, "x": 0},
        {"x": "no step"},
        {"_step": 1, "x": 1},
        {"_step": 2, "x": 2},
        {"_step": 3, "x": 3},
        {"x": "no step either"},
    ]
    (run,) = await make_runs(
        runtime,
        project,
        [
            dict(
                name="r",
                last_step=3,
                history_line_count=len(rows),
                history_keys={"x": {"number": 4, "string": 2}},
            )
        ],
    )
    await add_history(runtime, run, rows)
    return alice


@pytest.mark.parametrize("samples", [2, 3, 500])
async def test_reads_skip_lines_stored_without_a_step(gql, stepless, samples):
    variables = {"entity": "alice", "project": "p", "name": "r", "samples": samples}
    history = await gql.data(RUN_FULL_HISTORY.format("history"), variables, key=stepless.key)
    steps = [json.loads(line)["_step"] for line in history["project"]["run"]["history"]]
    assert steps[0] == 0 and steps[-1] == 3 and len(steps) == min(samples, 4)

    spec = json.dumps({"keys": ["x"], "samples": samples, "minStep": 0, "maxStep": 3})
    sampled = await gql.data(
        SAMPLED_HISTORY_PAGE, {"entity": "alice", "project": "p", "run": "r", "spec": spec}, key=stepless.key
    )
    rows = sampled["project"]["run"]["sampledHistory"][0]
    assert [row["_step"] for row in rows][0] == 0 and rows[-1] == {"_step": 3, "x": 3} and len(rows) == min(samples, 4)
    unbounded = json.dumps({"keys": ["x"], "samples": samples})
    sampled = await gql.data(
        SAMPLED_HISTORY_PAGE, {"entity": "alice", "project": "p", "run": "r", "spec": unbounded}, key=stepless.key
    )
    assert sampled["project"]["run"]["sampledHistory"][0][-1] == {"_step": 3, "x": 3}


async def test_pages_and_keys_read_over_lines_stored_without_a_step(gql, stepless):
    page = await gql.data(
        HISTORY_PAGE,
        {"entity": "alice", "project": "p", "run": "r", "minStep": 0, "maxStep": 10, "pageSize": 100},
        key=stepless.key,
    )
    assert [json.loads(line)["x"] for line in page["project"]["run"]["history"]] == [0, 1, 2, 3]
    keys = await gql.data(RUN_HISTORY_KEYS, {"entity": "alice", "project": "p", "name": "r"}, key=stepless.key)
    assert keys["project"]["run"]["historyKeys"]["lastStep"] == 3
