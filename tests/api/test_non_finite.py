"""NaN and the infinities: stored spelled as strings, read back as numbers. JSON answers carry the
literals NaN, Infinity and -Infinity (which Python's json reads as floats), and filters and sorts
compare the infinities as numbers. End to end with the wandb client, then at the GraphQL level."""

from __future__ import annotations

import json
import math

import pytest
from sqlalchemy import insert, select

from app.db import tables
from app.db.engine import make_engine
from app.db.migrate import alembic_config
from app.db.types import reader_dumps, reader_json_text
from tests.support.api import live_account, run_client
from tests.support import insert_at_revision, make_account
from tests.api.test_history_reads import HISTORY_PAGE, RUN_FULL_HISTORY, SAMPLED_HISTORY_PAGE
from tests.domain.test_run_values import RUNS, _upgrade, scratch_database_url  # noqa: F401 (a fixture)
from tests.support.tracking import RUN_RESUME_STATUS, UPSERT_BUCKET, lines, post_stream

DIVERGED_SCRIPT = """
import json, math, wandb

def kinds(values):
    return [repr(value) if isinstance(value, float) else f"{type(value).__name__} {value!r}" for value in values]

run = wandb.init(entity=ENTITY, project="diverged", id="div00001", config={"clip": float("inf")})
for loss in (1.5, float("nan"), float("inf"), float("-inf")):
    run.log({"loss": loss})
run.summary["best"] = float("inf")  # the client itself leaves a NaN out of the summary it sends
run.finish()
resumed = wandb.init(entity=ENTITY, project="diverged", id="div00001", resume="must")
resumed.log({"loss": 0.5})
resumed.finish()

api = wandb.Api()
edited = api.run(f"{ENTITY}/diverged/div00001")
edited.summary["floor"] = float("-inf")  # run.update(): upsertBucket's summaryMetrics (a NaN it sends as null)
edited.summary.update()
read = wandb.Api().run(f"{ENTITY}/diverged/div00001")
print(json.dumps({
    "history": kinds(row["loss"] for row in read.history(pandas=False)),
    "history keys": kinds(row["loss"] for row in read.history(keys=["loss"], pandas=False)),
    "scan_history": kinds(row["loss"] for row in read.scan_history()),
    "scan_history keys": kinds(row["loss"] for row in read.scan_history(keys=["loss"], page_size=2)),
    "summary": kinds([read.summary[key] for key in ("best", "loss", "floor")]),
    "config": kinds([read.config["clip"]]),
    "steps": [row["_step"] for row in read.scan_history()],
    "filtered": [run.id for run in api.runs(f"{ENTITY}/diverged", filters={"config.clip": {"$gt": 1e308}})],
}))
"""


async def test_the_wandb_client_reads_back_nan_and_infinities_as_floats(live_server, tmp_path):
    alice = await live_account(live_server, "alice")
    read = await run_client(tmp_path, base_url=live_server.url, key=alice.key, body=DIVERGED_SCRIPT, ENTITY="alice")
    logged = ["1.5", "nan", "inf", "-inf", "0.5"]
    # history(keys=) and scan_history(keys=) read sampledHistory, JSON inside the answer itself,
    # which wandb-core parses with Go's encoding/json: there the stored strings are all JSON allows.
    spelled = ["1.5", "str 'NaN'", "str 'Infinity'", "str '-Infinity'", "0.5"]
    assert read == {
        "history": logged,
        "history keys": spelled,
        "scan_history": logged,
        "scan_history keys": spelled,
        "summary": ["inf", "0.5", "-inf"],
        "config": ["inf"],
        "steps": [0, 1, 2, 3, 4],
        "filtered": ["div00001"],
    }


def test_stored_spellings_read_back_as_literals():
    stored = {"a": "NaN", "b": ["Infinity", {"c": "-Infinity"}], "NaN": "text", "d": 10**30}
    assert reader_dumps(stored) == '{"a":NaN,"b":[Infinity,{"c":-Infinity}],"NaN":"text","d":' + str(10**30) + "}"
    assert reader_dumps({"a": 1.5, "b": "é"}) == '{"a":1.5,"b":"é"}'
    assert reader_json_text('{"_step":1,"v":"Infinity"}') == '{"_step":1,"v":Infinity}'
    line = '{"_step":1,"v":2}'
    assert reader_json_text(line) is line


# --- GraphQL: the answers, filters and sorts ---------------------------------------------------------

LOSSES = {"a": 0.5, "b": math.inf, "c": -math.inf, "d": math.nan, "f": 2.0}


@pytest.fixture
async def runs(gql, runtime):
    alice = await make_account(runtime, "alice")
    for name, loss in LOSSES.items():
        await gql.data(
            UPSERT_BUCKET,
            {
                "name": name,
                "project": "p",
                "entity": "alice",
                "summaryMetrics": json.dumps({"loss": loss}),
                "config": json.dumps({"clip": {"value": loss}}),
            },
            key=alice.key,
        )
    await gql.data(UPSERT_BUCKET, {"name": "e", "project": "p", "entity": "alice"}, key=alice.key)
    return alice


async def _names(gql, key, filters=None, order=None) -> list[str]:
    project = (
        await gql.data(RUNS, {"filters": json.dumps(filters) if filters is not None else None, "order": order}, key=key)
    )["project"]
    names = [edge["node"]["name"] for edge in project["runs"]["edges"]]
    assert project["runCount"] == len(names)
    return names


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"summary_metrics.loss": {"$gt": 1}}, ["b", "f"]),
        ({"summary_metrics.loss": {"$lt": 0}}, ["c"]),
        ({"summary_metrics.loss": {"$gte": -math.inf}}, ["a", "b", "c", "f"]),
        ({"summary_metrics.loss": math.inf}, ["b"]),
        ({"summary_metrics.loss": {"$eq": -math.inf}}, ["c"]),
        ({"summary_metrics.loss": {"$in": [math.inf, 0.5]}}, ["a", "b"]),
        ({"summary_metrics.loss": math.nan}, ["d"]),
        ({"config.clip": {"$gt": 1e308}}, ["b"]),
        ({"config.clip.value": {"$lte": -1e308}}, ["c"]),
    ],
)
async def test_filters_compare_infinities_as_numbers(gql, runs, filters, expected):
    assert sorted(await _names(gql, runs.key, filters)) == expected


async def test_sorts_place_infinities_at_the_ends_and_nan_after_the_numbers(gql, runs):
    assert await _names(gql, runs.key, order="+summary_metrics.loss") == ["c", "a", "f", "b", "d", "e"]
    assert await _names(gql, runs.key, order="-summary_metrics.loss") == ["b", "f", "a", "c", "d", "e"]
    assert await _names(gql, runs.key, order="-config.clip") == ["b", "f", "a", "c", "d", "e"]


async def test_summary_config_and_history_answers_carry_literals(gql, http, runs):
    response = await post_stream(
        http,
        "alice/p/d",
        {
            "files": lines(
                "wandb-history.jsonl",
                0,
                [
                    '{"_step": 0, "loss": NaN, "x": 1}',
                    '{"_step": 1, "loss": Infinity, "x": 2}',
                    '{"_step": 2, "loss": -Infinity, "x": 3}',
                ],
            )
        },
        key=runs.key,
    )
    assert response.status_code == 200, response.text
    names = {"entity": "alice", "project": "p"}
    run = (await gql.data(RUN, {**names, "name": "b"}, key=runs.key))["project"]["run"]
    assert json.loads(run["summaryMetrics"]) == {"loss": math.inf}
    assert json.loads(run["config"]) == {"clip": {"value": math.inf}}
    run = (await gql.data(RUN, {**names, "name": "d"}, key=runs.key))["project"]["run"]
    assert math.isnan(json.loads(run["summaryMetrics"])["loss"])
    # wandb-core parses its resume answer with Go's encoding/json: there they stay strings.
    resume = (await gql.data(RUN_RESUME_STATUS, {**names, "name": "d"}, key=runs.key))["model"]["bucket"]
    assert json.loads(resume["summaryMetrics"], parse_constant=_refused) == {"loss": "NaN"}
    assert json.loads(resume["config"], parse_constant=_refused) == {"clip": {"value": "NaN"}}
    tail = [json.loads(line, parse_constant=_refused)["loss"] for line in json.loads(resume["historyTail"])]
    assert tail == ["NaN", "Infinity", "-Infinity"]

    def losses(rows):
        return [repr(row["loss"]) for row in rows]

    expected = ["nan", "inf", "-inf"]
    full = await gql.data(RUN_FULL_HISTORY.format("history"), {**names, "name": "d", "samples": 10}, key=runs.key)
    assert losses(json.loads(line) for line in full["project"]["run"]["history"]) == expected
    page = await gql.data(HISTORY_PAGE, {**names, "run": "d", "minStep": 0, "maxStep": 3, "pageSize": 10}, key=runs.key)
    assert losses(json.loads(line) for line in page["project"]["run"]["history"]) == expected
    spec = json.dumps({"keys": ["loss"], "samples": 10})
    # sampledHistory is JSON inside the answer itself, which stays strict JSON (see above).
    sampled = await gql.data(SAMPLED_HISTORY_PAGE, {**names, "run": "d", "spec": spec}, key=runs.key)
    assert [row["loss"] for row in sampled["project"]["run"]["sampledHistory"][0]] == ["NaN", "Infinity", "-Infinity"]


RUN = """query($entity: String!, $project: String!, $name: String!) {
  project(name: $project, entityName: $entity) { run(name: $name) { summaryMetrics config } } }"""


def _refused(literal: str):
    raise AssertionError(f"{literal} is not JSON wandb-core can read")


async def test_migration_makes_indexed_infinities_numbers(scratch_database_url):  # noqa: F811
    config = alembic_config(scratch_database_url)
    engine = make_engine(scratch_database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: _upgrade(config, sync, "0004"))
            entity_id = await insert_at_revision(connection, tables.Entity(name="alice", kind="user"))
            project_id = await insert_at_revision(connection, tables.Project(entity_id=entity_id, name="p"))
            run_id = await insert_at_revision(
                connection, tables.Run(project_id=project_id, name="r", config={}, summary={}, tags=[], history_keys={})
            )
            await connection.execute(
                insert(tables.RunValue),
                [
                    {
                        "run_id": run_id,
                        "section": "summary",
                        "path": f'["{text}"]',
                        "project_id": project_id,
                        "number": None,
                        "text": text,
                    }
                    for text in ("Infinity", "-Infinity", "NaN", "word")
                ],
            )
            await connection.run_sync(lambda sync: _upgrade(config, sync, "head"))
            rows = (
                await connection.execute(
                    select(tables.RunValue.path, tables.RunValue.number, tables.RunValue.text).order_by(
                        tables.RunValue.path
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    assert sorted(rows) == sorted(
        [
            ('["Infinity"]', math.inf, None),
            ('["-Infinity"]', -math.inf, None),
            ('["NaN"]', None, "NaN"),
            ('["word"]', None, "word"),
        ]
    )
