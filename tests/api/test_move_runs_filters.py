"""moveRuns and deleteRuns select runs with the W&B filter language (PROTOCOL.md §6.5)."""

from __future__ import annotations

import json

import pytest

from tests.support.moves import DELETE_RUNS, MOVE, audit_events, build_team, run_names_in


@pytest.fixture
async def team(runtime):
    return await build_team(runtime)


async def test_filters_select_the_runs_to_move(gql, runtime, team):
    filters = json.dumps({"summary_metrics.acc": {"$gte": 0.8}})
    moved = (await gql.data(MOVE, team.move_input(filters=filters), key=team.alice.key))["moveRuns"]
    assert [run["name"] for run in moved["runs"]] == ["b1", "b2"]
    assert await run_names_in(runtime, team.target_id) == ["b1", "b2"]
    assert await run_names_in(runtime, team.source_id) == ["c1", "s1"]


async def test_config_filter_as_older_scripts_spell_it(gql, runtime, team):
    filters = json.dumps({"config.lr.value": {"$lt": 0.05}})
    moved = (await gql.data(MOVE, team.move_input(filters=filters), key=team.bob.key))["moveRuns"]
    assert [run["name"] for run in moved["runs"]] == ["b2"]


async def test_a_member_moves_their_runs_by_filtering_on_their_username(gql, runtime, team):
    filters = json.dumps({"username": "bob"})
    moved = (await gql.data(MOVE, team.move_input(filters=filters), key=team.bob.key))["moveRuns"]
    assert moved["movedCount"] == 2 and await run_names_in(runtime, team.target_id) == ["b1", "b2"]


async def test_a_filter_that_reaches_a_teammates_run_moves_nothing(gql, runtime, team):
    filters = json.dumps({"summary_metrics.acc": {"$gt": 0.5}})
    _, error = await gql.error(MOVE, team.move_input(filters=filters), key=team.bob.key)
    assert error["extensions"]["code"] == "FORBIDDEN" and "c1" in error["message"]
    assert await run_names_in(runtime, team.target_id) == []


async def test_a_filter_matching_nothing_moves_nothing(gql, runtime, team):
    filters = json.dumps({"state": "crashed"})
    moved = (await gql.data(MOVE, team.move_input(filters=filters), key=team.alice.key))["moveRuns"]
    assert moved["movedCount"] == 0 and moved["runs"] == []
    assert await run_names_in(runtime, team.source_id) == ["b1", "b2", "c1", "s1"]


async def test_malformed_filters_are_bad_input(gql, runtime, team):
    for filters in ("{not json", "[1, 2]", json.dumps({"summary_metrics.acc": {"$bogus": 1}})):
        _, error = await gql.error(MOVE, team.move_input(filters=filters), key=team.alice.key)
        assert error["extensions"]["code"] == "BAD_USER_INPUT", (filters, error)
    assert await run_names_in(runtime, team.source_id) == ["b1", "b2", "c1", "s1"]
    assert await audit_events(runtime) == []


async def test_filters_select_the_runs_to_delete(gql, runtime, team):
    filters = json.dumps({"$or": [{"summary_metrics.acc": {"$lt": 0.72}}, {"summary_metrics.acc": {"$gt": 0.85}}]})
    variables = {"input": {"entityName": "vision", "projectName": "source", "filters": filters}}
    deleted = (await gql.data(DELETE_RUNS, variables, key=team.alice.key))["deleteRuns"]
    assert deleted == {"deletedCount": 2, "runNames": ["b2", "c1"], "clientMutationId": None}
    assert await run_names_in(runtime, team.source_id) == ["b1", "s1"]


WANDB_STYLE_MOVE = """
mutation moveRuns($input: MoveRunsInput!) {
  moveRuns(input: $input) { clientMutationId task { id name state progress result } }
}"""

RUN_COUNT = """
query Count($entity: String!, $project: String!, $filters: JSONString) {
  project(name: $project, entityName: $entity) { runCount(filters: $filters) }
}"""


async def test_a_script_written_for_wandb_async_move_runs_sees_a_completed_task(gql, runtime, team):
    # Such scripts send filters on the run names, then poll until the runs have left the source.
    filters = json.dumps({"name": {"$in": ["b1", "b2"]}})
    moved = (
        await gql.data(WANDB_STYLE_MOVE, team.move_input(filters=filters, clientMutationId="cm"), key=team.bob.key)
    )["moveRuns"]
    assert moved["clientMutationId"] == "cm"
    assert moved["task"]["state"] == "COMPLETED" and moved["task"]["progress"] == 100 and moved["task"]["id"]
    left = await gql.data(RUN_COUNT, {"entity": "vision", "project": "source", "filters": filters}, key=team.bob.key)
    arrived = await gql.data(RUN_COUNT, {"entity": "vision", "project": "target", "filters": filters}, key=team.bob.key)
    assert left["project"]["runCount"] == 0 and arrived["project"]["runCount"] == 2
