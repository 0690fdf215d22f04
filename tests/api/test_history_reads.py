"""History in every form the client reads it, with the client's own query texts, on both dialects."""

from __future__ import annotations

import json

import pytest

from app.db import tables
from app.domain import history_reads
from tests.support import make_account, recorded_statements
from tests.support.run_queries import add_history, make_project, make_runs

# Query texts as wandb 0.31 sends them (wandb/apis/public/runs.py and wandb-core, see the captures).
RUN_FULL_HISTORY = """
        query RunFullHistory($project: String!, $entity: String!, $name: String!, $samples: Int) {{
            project(name: $project, entityName: $entity) {{
                run(name: $name) {{ {}(samples: $samples) }}
            }}
        }}
        """
HISTORY_PAGE = """
query HistoryPage ($entity: String!, $project: String!, $run: String!, $minStep: Int64!, $maxStep: Int64!, $pageSize: Int!) {
	project(name: $project, entityName: $entity) {
		run(name: $run) {
			history(minStep: $minStep, maxStep: $maxStep, samples: $pageSize)
		}
	}
}"""
SAMPLED_HISTORY_PAGE = """
query SampledHistoryPage ($entity: String!, $project: String!, $run: String!, $spec: JSONString!) {
	project(name: $project, entityName: $entity) {
		run(name: $run) {
			sampledHistory(specs: [$spec])
		}
	}
}"""
RUN_SAMPLED_HISTORY = """
        query RunSampledHistory($project: String!, $entity: String!, $name: String!, $specs: [JSONString!]!) {
            project(name: $project, entityName: $entity) {
                run(name: $name) { sampledHistory(specs: $specs) }
            }
        }
        """
RUN_HISTORY_KEYS = """
        query RunHistoryKeys($project: String!, $entity: String!, $name: String!) {
            project(name: $project, entityName: $entity) {
                run(name: $name) { historyKeys }
            }
        }
        """
RUN_PARQUET_HISTORY = """
query RunParquetHistory ($entity: String!, $project: String!, $runName: String!, $liveKeys: [String!]!) {
	project(name: $project, entityName: $entity) {
		run(name: $runName) {
			parquetHistory(liveKeys: $liveKeys) {
				parquetUrls
				liveData
			}
		}
	}
}"""

ROWS = 1000
STRIDE = 3  # steps 0, 3, 6, ... so that steps and line numbers differ


def history_row(index: int) -> dict:
    row = {"_step": index * STRIDE, "loss": 1 / (index + 1), "_runtime": index * 0.5}
    if index % 10 == 0:
        row["acc"] = index / ROWS
    return row


@pytest.fixture
async def logged(runtime):
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    (run,) = await make_runs(
        runtime,
        project,
        [
            dict(
                name="r",
                last_step=(ROWS - 1) * STRIDE,
                history_line_count=ROWS,
                history_keys={"loss": {"number": ROWS}, "acc": {"number": ROWS // 10}, "_step": {"number": ROWS}},
            )
        ],
    )
    await add_history(runtime, run, [history_row(i) for i in range(ROWS)])
    await add_history(runtime, run, [{"cpu": i, "_timestamp": 1000 + i} for i in range(50)], table=tables.EventRow)
    return alice, run


async def read(runtime, function, *args, **kwargs):
    async with runtime.session_factory() as session:
        return await function(session, *args, **kwargs)


@pytest.mark.parametrize("samples", [1, 2, 7, 100, 333, 999, 1000, 5000])
async def test_sampling_keeps_first_and_last_and_never_exceeds_samples(runtime, logged, samples):
    _, run = logged
    rows = [json.loads(line) for line in await read(runtime, history_reads.history, run, samples=samples)]
    steps = [row["_step"] for row in rows]
    assert steps == sorted(set(steps))
    assert 0 < len(rows) <= samples
    assert steps[0] == 0
    if samples >= 2:
        assert steps[-1] == (ROWS - 1) * STRIDE
    if samples >= ROWS:
        assert rows == [history_row(i) for i in range(ROWS)]
    elif samples >= 7:
        assert len(rows) >= samples * 0.9  # evenly spread, not bunched on a few rows


async def test_sampling_is_index_probes_not_a_scan(runtime, logged):
    _, run = logged
    with recorded_statements(runtime.engine) as statements:
        lines = await read(runtime, history_reads.history, run, samples=50)
    queries = [s for s in statements if "history_row" in s]
    assert len(lines) == 50 and len(queries) == 2  # the two ends, then one probe per target
    assert not any(word in s.upper() for s in queries for word in ("GROUP BY", "NTILE", "ROW_NUMBER", "COUNT("))
    assert "LIMIT" in queries[1].upper()


async def test_repeated_steps_still_respect_samples(runtime):
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    (run,) = await make_runs(runtime, project, [dict(name="r")])
    await add_history(runtime, run, [{"_step": i // 2, "x": i} for i in range(6)])  # steps 0,0,1,1,2,2
    lines = await read(runtime, history_reads.history, run, samples=3)
    assert [json.loads(line)["_step"] for line in lines] == [0, 1, 2]
    assert await read(runtime, history_reads.history, run, samples=0) == []


async def test_history_pages_are_min_inclusive_max_exclusive(gql, logged):
    alice, _ = logged
    variables = {"entity": "alice", "project": "p", "run": "r", "minStep": 30, "maxStep": 60}
    page = (await gql.data(HISTORY_PAGE, {**variables, "pageSize": 5}, key=alice.key))["project"]["run"]["history"]
    assert [json.loads(line)["_step"] for line in page] == [30, 33, 36, 39, 42]
    whole = (await gql.data(HISTORY_PAGE, {**variables, "pageSize": 100}, key=alice.key))["project"]["run"]["history"]
    assert [json.loads(line) for line in whole] == [history_row(i) for i in range(10, 20)]


async def test_full_history_and_events(gql, logged):
    alice, _ = logged
    variables = {"entity": "alice", "project": "p", "name": "r"}
    lines = (await gql.data(RUN_FULL_HISTORY.format("history"), {**variables, "samples": 2000}, key=alice.key))[
        "project"
    ]["run"]["history"]
    assert [json.loads(line) for line in lines] == [history_row(i) for i in range(ROWS)]
    sampled = (await gql.data(RUN_FULL_HISTORY.format("history"), {**variables, "samples": None}, key=alice.key))[
        "project"
    ]["run"]["history"]
    assert len(sampled) == history_reads.DEFAULT_SAMPLES
    events = (await gql.data(RUN_FULL_HISTORY.format("events"), {**variables, "samples": 10}, key=alice.key))[
        "project"
    ]["run"]["events"]
    cpu = [json.loads(line)["cpu"] for line in events]
    assert len(cpu) == 10 and cpu[0] == 0 and cpu[-1] == 49 and cpu == sorted(cpu)


async def test_sampled_history_restricts_rows_to_the_keys(gql, logged):
    alice, _ = logged
    spec = json.dumps({"keys": ["_step", "acc", "_step"], "minStep": 0, "samples": 100, "maxStep": 90})
    data = await gql.data(
        SAMPLED_HISTORY_PAGE, {"entity": "alice", "project": "p", "run": "r", "spec": spec}, key=alice.key
    )
    # acc is logged every 10th row (steps 0, 30, 60, 90, ...); maxStep is inclusive here.
    assert data["project"]["run"]["sampledHistory"] == [
        [
            {"_step": 0, "acc": 0.0},
            {"_step": 30, "acc": 0.01},
            {"_step": 60, "acc": 0.02},
            {"_step": 90, "acc": 0.03},
        ]
    ]


async def test_sampled_history_one_list_per_spec(gql, logged):
    alice, _ = logged
    specs = [
        json.dumps({"keys": ["_step", "loss"], "samples": 10}),
        json.dumps({"keys": ["_step", "acc", "missing"], "samples": 500}),
        json.dumps({"keys": ["_step", "nothing-logged"], "samples": 5}),
    ]
    data = await gql.data(
        RUN_SAMPLED_HISTORY, {"entity": "alice", "project": "p", "name": "r", "specs": specs}, key=alice.key
    )
    losses, accs, nothing = data["project"]["run"]["sampledHistory"]
    assert len(losses) == 10 and all(set(row) == {"_step", "loss"} for row in losses)
    assert losses[0]["_step"] == 0 and losses[-1]["_step"] == (ROWS - 1) * STRIDE
    assert [row["_step"] for row in accs] == [i * STRIDE for i in range(0, ROWS, 10)]
    assert nothing == []


async def test_history_keys_shape(gql, logged):
    alice, _ = logged
    data = await gql.data(RUN_HISTORY_KEYS, {"entity": "alice", "project": "p", "name": "r"}, key=alice.key)
    assert data["project"]["run"]["historyKeys"] == {
        "lastStep": (ROWS - 1) * STRIDE,
        "keys": {
            "loss": {"typeCounts": [{"type": "number", "count": ROWS}]},
            "acc": {"typeCounts": [{"type": "number", "count": ROWS // 10}]},
            "_step": {"typeCounts": [{"type": "number", "count": ROWS}]},
        },
    }


async def test_history_keys_of_a_run_without_history(runtime):
    alice = await make_account(runtime, "alice")
    (run,) = await make_runs(runtime, await make_project(runtime, alice), [dict(name="empty")])
    assert history_reads.history_keys(run) == {"lastStep": -1, "keys": {}}
    assert await read(runtime, history_reads.history, run, samples=10) == []


async def test_parquet_history_sends_the_client_to_history_pages(gql, logged):
    alice, _ = logged
    data = await gql.data(
        RUN_PARQUET_HISTORY, {"entity": "alice", "project": "p", "runName": "r", "liveKeys": ["_step"]}, key=alice.key
    )
    assert data["project"]["run"]["parquetHistory"] == {"parquetUrls": [], "liveData": []}


@pytest.mark.parametrize(
    "spec, message",
    [
        ("{nope", "sampledHistory spec is not valid JSON"),
        ('{"keys": "loss"}', "spec.keys must be a non-empty list of strings"),
        ('{"keys": ["loss"], "samples": -1}', "spec.samples must be a non-negative integer, got -1"),
        ('{"keys": ["loss"], "maxStep": "end"}', 'spec.maxStep must be an integer, got "end"'),
    ],
)
async def test_bad_specs_are_bad_user_input(gql, logged, spec, message):
    alice, _ = logged
    status, error = await gql.error(
        SAMPLED_HISTORY_PAGE, {"entity": "alice", "project": "p", "run": "r", "spec": spec}, key=alice.key
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and message in error["message"]


async def dense_run(runtime, steps: list[int], **extra):
    """A run whose counters say one row per step from 0 (the exact-read path), logged at ``steps``."""
    alice = await make_account(runtime, "alice")
    project = await make_project(runtime, alice)
    (run,) = await make_runs(runtime, project, [dict(name="d", last_step=steps[-1], history_line_count=len(steps))])
    await add_history(runtime, run, [{"_step": step, "loss": step / 10, **extra} for step in steps])
    return run


def probe_answer(steps: list[int], samples: int) -> list[int]:
    """What the index probes return: for each target, the first logged step at or after it."""
    targets = history_reads._targets(steps[0], steps[-1], samples)
    chosen = [min(step for step in steps if step >= target) for target in targets]
    return sorted(set(chosen))


async def test_dense_history_is_read_at_the_targets_in_one_statement(runtime):
    run = await dense_run(runtime, list(range(1000)))
    with recorded_statements(runtime.engine) as statements:
        lines = await read(runtime, history_reads.history, run, samples=100)
    assert [json.loads(line)["_step"] for line in lines] == probe_answer(list(range(1000)), 100)
    queries = [s for s in statements if "history_row" in s]
    assert len(queries) == 2 and "LIMIT" not in queries[1].upper()  # the two ends, then the exact read


async def test_dense_history_with_gaps_probes_the_missing_targets(runtime):
    steps = [step for step in range(1200) if step % 7 != 3][:1000]  # counters still claim density
    run = await dense_run(runtime, steps)
    for samples in (10, 100, 999):
        lines = await read(runtime, history_reads.history, run, samples=samples)
        assert [json.loads(line)["_step"] for line in lines] == probe_answer(steps, samples)


async def test_dense_sampled_history_keeps_only_rows_with_the_keys(runtime):
    run = await dense_run(runtime, list(range(300)))
    async with runtime.session_factory.begin() as session:  # rows without "loss" must be skipped
        await session.execute(
            tables.HistoryRow.__table__.update()
            .where(tables.HistoryRow.run_id == run.id, tables.HistoryRow.step % 2 == 1)
            .values(data={"_step": 0, "other": 1})
        )
    (rows,) = await read(
        runtime,
        history_reads.sampled_history,
        run,
        [json.dumps({"keys": ["loss"], "samples": 50, "minStep": 0, "maxStep": 299})],
    )
    steps = [row["_step"] for row in rows]
    assert all("loss" in row for row in rows) and steps == sorted(set(steps))
    assert steps[0] == 0 and steps[-1] == 298 and len(rows) >= 45
