"""The index of config and summary values: what it holds, that every write keeps it, that filters and
sorts read it with the JSON documents' semantics, and that migration 0002 builds it for old runs."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from app.db import tables
from app.db.engine import make_engine
from app.db.migrate import alembic_config
from app.domain import run_values
from app.domain.run_values import CONFIG, SUMMARY, encode_path, leaves
from tests.support.moves import DELETE_RUNS, MOVE
from tests.support import empty_database, insert_at_revision, make_account
from tests.support.tracking import UPSERT_BUCKET, UPSERT_SUMMARY, lines, post_stream

RUNS = """
query Runs($filters: JSONString, $order: String) {
  project(name: "p", entityName: "alice") {
    runCount(filters: $filters)
    runs(filters: $filters, order: $order, first: 50) { edges { node { name } } }
  }
}"""


def test_leaves_are_the_numbers_and_strings_reachable_through_objects():
    document = {
        "lr": {"value": 0.1},
        "opt": {"value": {"name": "adam", "betas": [0.9, 0.99]}},
        "flag": True,
        "none": None,
        "n": 3,
        "deep": {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": 1}}}}}}}},
        "big": 10**400,
    }
    assert sorted(leaves(document)) == sorted(
        [
            (encode_path(["lr", "value"]), 0.1, None),
            (encode_path(["opt", "value", "name"]), None, "adam"),
            (encode_path(["n"]), 3.0, None),
            (encode_path(["big"]), math.inf, None),
        ]
    )  # lists, booleans, nulls and the 9-deep "h" are left to the JSON document
    assert run_values.indexable(["a"] * 8) and not run_values.indexable(["a"] * 9)
    assert not run_values.indexable(["k" * 600])


async def _upsert(gql, key, name, **variables):
    return (await gql.data(UPSERT_BUCKET, {"name": name, "project": "p", "entity": "alice", **variables}, key=key))[
        "upsertBucket"
    ]["bucket"]


async def _names(gql, key, filters=None, order=None):
    project = (
        await gql.data(RUNS, {"filters": json.dumps(filters) if filters is not None else None, "order": order}, key=key)
    )["project"]
    names = [edge["node"]["name"] for edge in project["runs"]["edges"]]
    assert project["runCount"] == len(names)
    return names


async def _index_rows(runtime, section=None):
    query = select(tables.RunValue.section, tables.RunValue.path, tables.RunValue.number, tables.RunValue.text)
    if section:
        query = query.where(tables.RunValue.section == section)
    async with runtime.session_factory() as session:
        return sorted((await session.execute(query)).all())


async def test_upsert_bucket_and_file_stream_keep_the_index(gql, http, runtime):
    alice = await make_account(runtime, "alice")
    await _upsert(gql, alice.key, "r1", config=json.dumps({"lr": {"value": 0.1}, "model": {"value": "cnn"}}))
    await _upsert(gql, alice.key, "r2", config=json.dumps({"lr": {"value": 0.01}, "model": {"value": "mlp"}}))
    assert await _names(gql, alice.key, {"config.lr": {"$gt": 0.05}}) == ["r1"]
    assert await _names(gql, alice.key, {"config.model": "mlp"}) == ["r2"]

    # A new config replaces the old values (a key that disappears leaves the index too).
    await _upsert(gql, alice.key, "r1", config=json.dumps({"lr": {"value": 0.001}}))
    assert await _names(gql, alice.key, {"config.lr": {"$gt": 0.05}}) == []
    assert await _names(gql, alice.key, {"config.model": {"$in": ["cnn", "mlp"]}}) == ["r2"]

    # Summaries from file_stream and from run.update() (upsertBucket summaryMetrics).
    response = await post_stream(
        http, "alice/p/r1", {"files": lines("wandb-summary.json", 0, [{"acc": 0.9}])}, key=alice.key
    )
    assert response.status_code == 200
    run_id = (await _upsert(gql, alice.key, "r2"))["id"]
    await gql.data(
        UPSERT_SUMMARY, {"id": run_id, "summaryMetrics": json.dumps({"acc": 0.5, "best": float("nan")})}, key=alice.key
    )
    assert await _names(gql, alice.key, order="-summary_metrics.acc") == ["r1", "r2"]
    assert await _names(gql, alice.key, {"summary_metrics.acc": {"$lt": 0.7}}) == ["r2"]
    assert await _names(gql, alice.key, {"summary_metrics.best": "NaN"}) == ["r2"]  # stored as the string
    await post_stream(http, "alice/p/r1", {"files": lines("wandb-summary.json", 1, [{"acc": 0.1}])}, key=alice.key)
    assert await _names(gql, alice.key, order="-summary_metrics.acc") == ["r2", "r1"]
    assert (SUMMARY, encode_path(["acc"]), 0.1, None) in await _index_rows(runtime, SUMMARY)


async def test_moves_carry_and_deletes_drop_the_index(gql, runtime):
    alice = await make_account(runtime, "alice")
    for name, lr in (("r1", 0.1), ("r2", 0.2)):
        await _upsert(gql, alice.key, name, config=json.dumps({"lr": {"value": lr}}))
    moved = await gql.data(
        MOVE,
        {
            "input": {
                "sourceEntityName": "alice",
                "sourceProjectName": "p",
                "destinationEntityName": "alice",
                "destinationProjectName": "q",
                "filters": json.dumps({"config.lr": {"$gt": 0.15}}),
                "createDestinationProject": True,
            }
        },
        key=alice.key,
    )
    assert moved["moveRuns"]["movedCount"] == 1
    assert await _names(gql, alice.key, {"config.lr": {"$gt": 0}}) == ["r1"]
    query = RUNS.replace('name: "p"', 'name: "q"')
    found = await gql.data(query, {"filters": json.dumps({"config.lr": {"$gt": 0}})}, key=alice.key)
    assert found["project"]["runCount"] == 1

    await gql.data(
        DELETE_RUNS, {"input": {"entityName": "alice", "projectName": "p", "runNames": ["r1"]}}, key=alice.key
    )
    async with runtime.session_factory() as session:
        left = (await session.execute(select(tables.RunValue.run_id, tables.RunValue.project_id))).all()
        run = await session.scalar(select(tables.Run).where(tables.Run.name == "r2"))
    assert left == [(run.id, run.project_id)]


async def test_filters_agree_with_the_documents_where_the_index_has_no_entry(gql, runtime):
    alice = await make_account(runtime, "alice")
    deep = {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": 5}}}}}}}}  # config path a.value.b...h: 9 keys
    await _upsert(gql, alice.key, "deep", config=json.dumps({"a": {"value": deep["a"]}}))
    await _upsert(gql, alice.key, "flat", config=json.dumps({"x.y": {"value": 2}}))
    assert await _names(gql, alice.key, {"config.a.b.c.d.e.f.g.h": {"$gt": 4}}) == ["deep"]
    assert await _names(gql, alice.key, {"config.x.y": 2}) == ["flat"]  # the flat key "x.y", by its candidate


@pytest.fixture
async def scratch_database_url(database_url):
    """An empty database of the session's dialect, for migrating step by step."""
    with tempfile.TemporaryDirectory() as tmp:
        async with empty_database("sqlite" if database_url.startswith("sqlite") else "postgresql", Path(tmp)) as url:
            yield url


async def test_migration_indexes_existing_runs(scratch_database_url):
    config = alembic_config(scratch_database_url)
    engine = make_engine(scratch_database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: _upgrade(config, sync, "0001"))
            entity_id = await insert_at_revision(connection, tables.Entity(name="alice", kind="user"))
            project_id = await insert_at_revision(connection, tables.Project(entity_id=entity_id, name="p"))
            for i in range(3):
                await insert_at_revision(
                    connection,
                    tables.Run(
                        project_id=project_id,
                        name=f"r{i}",
                        config={"lr": {"value": i}},
                        summary={"acc": f"a{i}"},
                        tags=[],
                        history_keys={},
                    ),
                )
            await connection.run_sync(lambda sync: _upgrade(config, sync, "head"))
            count = await connection.scalar(
                select(func.count()).select_from(tables.RunValue).where(tables.RunValue.project_id == project_id)
            )
            texts = (
                await connection.scalars(
                    select(tables.RunValue.text)
                    .where(tables.RunValue.section == SUMMARY)
                    .order_by(tables.RunValue.text)
                )
            ).all()
            numbers = (
                await connection.scalars(
                    select(tables.RunValue.number)
                    .where(tables.RunValue.section == CONFIG)
                    .order_by(tables.RunValue.number)
                )
            ).all()
    finally:
        await engine.dispose()
    assert count == 6 and texts == ["a0", "a1", "a2"] and numbers == [0, 1, 2]


def _upgrade(config, connection, revision: str) -> None:
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def test_values_past_the_double_range_are_indexed_as_infinite(gql, runtime):
    alice = await make_account(runtime, "alice")
    await _upsert(gql, alice.key, "huge", config=json.dumps({"n": {"value": 10**400}, "m": {"value": -(10**400)}}))
    await _upsert(gql, alice.key, "small", config=json.dumps({"n": {"value": 1}, "m": {"value": 1}}))
    assert await _names(gql, alice.key, {"config.n": {"$gt": 10**300}}) == ["huge"]
    assert await _names(gql, alice.key, {"config.m": {"$lt": -(10**300)}}) == ["huge"]
    assert await _names(gql, alice.key, order="-config.n") == ["huge", "small"]
