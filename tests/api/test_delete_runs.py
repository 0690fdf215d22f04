"""deleteRuns and W&B's deleteRun: who may delete which runs, all or nothing, what goes with a run."""

from __future__ import annotations

import pytest

from app.api import ids
from tests.support.moves import (
    DELETE_RUN,
    DELETE_RUNS,
    add_run_data,
    audit_events,
    build_team,
    counts_for_run,
    make_project,
    make_run,
    project_row,
    run_names_in,
    set_baseline_row,
)

ALL_SOURCE_RUNS = ["b1", "b2", "c1", "s1"]
NO_DATA = {"history_row": 0, "event_row": 0, "console_line": 0, "run_file": 0, "alert": 0}


@pytest.fixture
async def team(runtime):
    return await build_team(runtime)


def delete_input(**extra):
    return {"input": {"entityName": "vision", "projectName": "source", **extra}}


def storage_id(run_id: int) -> str:
    return ids.encode("Run", run_id)


# The matrix: who deletes which named runs -> allowed, or the error code.
MATRIX = [
    ("alice", ["b1", "c1", "s1"], None),
    ("bob", ["b1", "b2"], None),
    ("bob", ["b1", "c1"], "FORBIDDEN"),
    ("carol", ["c1", "s1"], None),
    ("service", ["s1"], None),
    ("service", ["s1", "c1"], "FORBIDDEN"),
    ("victor", ["b1"], "FORBIDDEN"),
    ("oscar", ["b1"], "NOT_FOUND"),
]


@pytest.mark.parametrize("who, names, code", MATRIX)
async def test_delete_runs_permission_matrix(gql, runtime, team, who, names, code):
    account = getattr(team, who)
    if code is None:
        deleted = (await gql.data(DELETE_RUNS, delete_input(runNames=names), key=account.key))["deleteRuns"]
        assert deleted["deletedCount"] == len(names) and sorted(deleted["runNames"]) == sorted(names)
        assert await run_names_in(runtime, team.source_id) == sorted(set(ALL_SOURCE_RUNS) - set(names))
        [event] = await audit_events(runtime, "runs.delete")
        assert event.actor_id == account.id and sorted(event.details["runs"]) == sorted(names)
    else:
        _, error = await gql.error(DELETE_RUNS, delete_input(runNames=names), key=account.key)
        assert error["extensions"]["code"] == code
        assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS
        assert await audit_events(runtime) == []


@pytest.mark.parametrize(
    "who, run, code",
    [
        ("alice", "c1", None),
        ("bob", "b1", None),
        ("bob", "c1", "FORBIDDEN"),
        ("service", "s1", None),
        ("service", "b1", "FORBIDDEN"),
        ("victor", "b1", "FORBIDDEN"),
        ("oscar", "b1", "NOT_FOUND"),
    ],
)
async def test_delete_run_permission_matrix(gql, runtime, team, who, run, code):
    account = getattr(team, who)
    variables = {"id": storage_id(team.runs[run]), "deleteArtifacts": True}
    if code is None:
        assert (await gql.data(DELETE_RUN, variables, key=account.key)) == {"deleteRun": {"clientMutationId": None}}
        assert run not in await run_names_in(runtime, team.source_id)
        [event] = await audit_events(runtime, "run.delete")
        assert event.target_id == team.runs[run] and event.details["run"] == run
    else:
        _, error = await gql.error(DELETE_RUN, variables, key=account.key)
        assert error["extensions"]["code"] == code
        assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_anonymous_cannot_delete(gql, runtime, team):
    status, error = await gql.error(DELETE_RUNS, delete_input(runNames=["b1"]))
    assert status == 401 and error["extensions"]["code"] == "UNAUTHENTICATED"
    status, error = await gql.error(DELETE_RUN, {"id": storage_id(team.runs["b1"])})
    assert status == 401
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_deleting_removes_history_events_console_files_and_alerts(gql, runtime, team):
    for name in ("b1", "b2"):
        await add_run_data(runtime, team.runs[name])
    await gql.data(DELETE_RUNS, delete_input(runNames=["b1"]), key=team.bob.key)
    assert await counts_for_run(runtime, team.runs["b1"]) == NO_DATA
    assert (await counts_for_run(runtime, team.runs["b2"]))["history_row"] == 3

    await gql.data(DELETE_RUN, {"id": storage_id(team.runs["b2"])}, key=team.bob.key)
    assert await counts_for_run(runtime, team.runs["b2"]) == NO_DATA


async def test_an_unknown_name_deletes_nothing(gql, runtime, team):
    _, error = await gql.error(DELETE_RUNS, delete_input(runNames=["b1", "ghost"]), key=team.alice.key)
    assert error["extensions"]["code"] == "NOT_FOUND" and "ghost" in error["message"]
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_an_empty_selection_is_refused_and_all_takes_explicit_filters(gql, runtime, team):
    _, error = await gql.error(DELETE_RUNS, delete_input(), key=team.alice.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "filters" in error["message"]
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS

    deleted = (await gql.data(DELETE_RUNS, delete_input(filters="{}"), key=team.alice.key))["deleteRuns"]
    assert deleted["deletedCount"] == 4 and deleted["runNames"] == ALL_SOURCE_RUNS
    assert await run_names_in(runtime, team.source_id) == []


async def test_deleting_the_baseline_clears_it(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["b2"])
    await gql.data(DELETE_RUNS, delete_input(runNames=["b2"]), key=team.bob.key)
    assert (await project_row(runtime, team.source_id)).baseline_run_id is None


async def test_other_baselines_are_kept(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["c1"])
    await gql.data(DELETE_RUN, {"id": storage_id(team.runs["b1"])}, key=team.bob.key)
    assert (await project_row(runtime, team.source_id)).baseline_run_id == team.runs["c1"]


async def test_delete_run_rejects_a_non_run_id(gql, runtime, team):
    _, error = await gql.error(DELETE_RUN, {"id": ids.encode("Project", team.source_id)}, key=team.alice.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_a_restricted_project_hides_its_runs_from_non_members(gql, runtime, team):
    secret_id = await make_project(
        runtime, team.team_id, "secret", access="RESTRICTED", restricted_members=(team.carol,)
    )
    run_id = await make_run(runtime, secret_id, "r1", team.bob)
    _, error = await gql.error(DELETE_RUN, {"id": storage_id(run_id)}, key=team.bob.key)
    assert error["extensions"]["code"] == "NOT_FOUND"
    _, error = await gql.error(DELETE_RUN, {"id": storage_id(run_id)}, key=team.carol.key)
    assert error["extensions"]["code"] == "FORBIDDEN"
    await gql.data(DELETE_RUN, {"id": storage_id(run_id)}, key=team.alice.key)
    assert await run_names_in(runtime, secret_id) == []
