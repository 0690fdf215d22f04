"""Project baseline (set, clear, who may) and compareRuns (numbers, non-numbers, missing keys, config)."""

from __future__ import annotations

import pytest

from tests.support.moves import (
    audit_events,
    build_team,
    make_project,
    make_run,
    project_row,
    set_baseline_row,
)

SET_BASELINE = """
mutation SetBaseline($input: SetProjectBaselineInput!) {
  setProjectBaseline(input: $input) { project { name baselineRun { name } } clientMutationId }
}"""

BASELINE_RUN = """
query Baseline($entity: String!, $project: String!) {
  project(name: $project, entityName: $entity) { baselineRun { name projectId } }
}"""

VIEWER_CAN = """
query ViewerCan($entity: String!, $project: String!) {
  project(name: $project, entityName: $entity) { viewerCanSetBaseline }
}"""

COMPARE = """
query Compare($entity: String!, $project: String!, $keys: [String!]!, $runs: [String!], $baseline: String) {
  compareRuns(entityName: $entity, projectName: $project, keys: $keys, runNames: $runs, baseline: $baseline) {
    baseline { name }
    rows { run { name } key value baselineValue difference relativeDifference }
  }
}"""


@pytest.fixture
async def team(runtime):
    return await build_team(runtime)


def baseline_input(run_name, **extra):
    return {"input": {"entityName": "vision", "projectName": "source", "runName": run_name, **extra}}


def compare_vars(keys, runs=None, baseline=None):
    return {"entity": "vision", "project": "source", "keys": keys, "runs": runs, "baseline": baseline}


# --- baseline ----------------------------------------------------------------------------------


async def test_member_sets_and_clears_the_baseline(gql, runtime, team):
    result = await gql.data(SET_BASELINE, baseline_input("b1", clientMutationId="x"), key=team.carol.key)
    assert result["setProjectBaseline"] == {
        "project": {"name": "source", "baselineRun": {"name": "b1"}},
        "clientMutationId": "x",
    }
    read = await gql.data(BASELINE_RUN, {"entity": "vision", "project": "source"}, key=team.victor.key)
    assert read["project"]["baselineRun"] == {"name": "b1", "projectId": team.source_id}

    cleared = await gql.data(SET_BASELINE, baseline_input(None), key=team.carol.key)
    assert cleared["setProjectBaseline"]["project"]["baselineRun"] is None
    assert (await project_row(runtime, team.source_id)).baseline_run_id is None
    actions = [event.action for event in await audit_events(runtime, "project.")]
    assert actions == ["project.set_baseline", "project.clear_baseline"]


@pytest.mark.parametrize("who, code", [("victor", "FORBIDDEN"), ("oscar", "NOT_FOUND")])
async def test_viewer_and_outsider_cannot_set_the_baseline(gql, runtime, team, who, code):
    _, error = await gql.error(SET_BASELINE, baseline_input("b1"), key=getattr(team, who).key)
    assert error["extensions"]["code"] == code
    assert (await project_row(runtime, team.source_id)).baseline_run_id is None
    assert await audit_events(runtime) == []


async def test_anonymous_cannot_set_the_baseline(gql, runtime, team):
    status, error = await gql.error(SET_BASELINE, baseline_input("b1"))
    assert status == 401 and error["extensions"]["code"] == "UNAUTHENTICATED"


async def test_admin_and_service_account_may_set_the_baseline(gql, runtime, team):
    for account, run in ((team.alice, "c1"), (team.service, "b2")):
        result = await gql.data(SET_BASELINE, baseline_input(run), key=account.key)
        assert result["setProjectBaseline"]["project"]["baselineRun"] == {"name": run}


async def test_outsider_of_an_open_project_may_read_but_not_set_the_baseline(gql, runtime, team):
    open_id = await make_project(runtime, team.team_id, "open", access="USER_WRITE")
    run_id = await make_run(runtime, open_id, "o1", team.bob)
    await set_baseline_row(runtime, open_id, run_id)
    read = await gql.data(BASELINE_RUN, {"entity": "vision", "project": "open"}, key=team.oscar.key)
    assert read["project"]["baselineRun"]["name"] == "o1"
    _, error = await gql.error(
        SET_BASELINE, {"input": {"entityName": "vision", "projectName": "open", "runName": None}}, key=team.oscar.key
    )
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert (await project_row(runtime, open_id)).baseline_run_id == run_id


async def test_viewer_can_set_baseline_follows_policy(gql, runtime, team):
    await make_project(runtime, team.team_id, "open", access="USER_WRITE")
    await make_project(runtime, team.team_id, "vault", access="RESTRICTED", restricted_members=(team.carol,))
    expected = {
        ("source", "alice"): True,
        ("source", "bob"): True,
        ("source", "service"): True,
        ("source", "victor"): False,
        ("open", "bob"): True,
        ("open", "oscar"): False,
        ("vault", "carol"): True,
        ("vault", "bob"): None,
        ("vault", "alice"): True,
    }
    for (project, who), can in expected.items():
        data = await gql.data(VIEWER_CAN, {"entity": "vision", "project": project}, key=getattr(team, who).key)
        assert (data["project"] and data["project"]["viewerCanSetBaseline"]) == can, (project, who, data)


async def test_unknown_baseline_run_is_not_found(gql, runtime, team):
    _, error = await gql.error(SET_BASELINE, baseline_input("ghost"), key=team.bob.key)
    assert error["extensions"]["code"] == "NOT_FOUND" and "ghost" in error["message"]
    assert (await project_row(runtime, team.source_id)).baseline_run_id is None


# --- compareRuns -------------------------------------------------------------------------------


async def test_differences_against_the_project_baseline(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["b1"])  # acc 0.8, lr 0.1
    data = await gql.data(COMPARE, compare_vars(["acc", "config.lr"], runs=["b2", "c1"]), key=team.victor.key)
    comparison = data["compareRuns"]
    assert comparison["baseline"] == {"name": "b1"}
    rows = {(row["run"]["name"], row["key"]): row for row in comparison["rows"]}
    assert list(rows) == [("b2", "acc"), ("b2", "config.lr"), ("c1", "acc"), ("c1", "config.lr")]

    b2_acc = rows["b2", "acc"]
    assert b2_acc["value"] == 0.9 and b2_acc["baselineValue"] == 0.8
    assert b2_acc["difference"] == pytest.approx(0.1) and b2_acc["relativeDifference"] == pytest.approx(0.125)
    c1_acc = rows["c1", "acc"]
    assert c1_acc["difference"] == pytest.approx(-0.1) and c1_acc["relativeDifference"] == pytest.approx(-0.125)

    b2_lr = rows["b2", "config.lr"]  # config values are unwrapped from {"value": ...}
    assert b2_lr["value"] == 0.01 and b2_lr["baselineValue"] == 0.1
    assert b2_lr["difference"] == pytest.approx(-0.09) and b2_lr["relativeDifference"] == pytest.approx(-0.9)
    c1_lr = rows["c1", "config.lr"]  # c1 has no lr
    assert c1_lr["value"] is None and c1_lr["baselineValue"] == 0.1
    assert c1_lr["difference"] is None and c1_lr["relativeDifference"] is None


async def test_keys_spellings_non_numbers_zero_baseline_and_nesting(gql, runtime, team):
    base = await make_run(
        runtime,
        team.source_id,
        "base",
        team.bob,
        summary={"loss": 0, "acc": -2, "label": "cat", "eval": {"f1": 0.5}, "ok": True},
        config={"opt": {"value": "adam", "desc": None}, "arch": {"value": {"depth": 4}}},
    )
    await make_run(
        runtime,
        team.source_id,
        "new",
        team.bob,
        summary={"loss": 0.5, "acc": -1, "label": "dog", "eval": {"f1": 0.75}, "ok": False},
        config={"opt": {"value": "sgd"}, "arch": {"value": {"depth": 6}}},
    )
    await set_baseline_row(runtime, team.source_id, base)
    keys = [
        "summary_metrics.loss",
        "acc",
        "label",
        "eval.f1",
        "ok",
        "config.opt",
        "config.arch.depth",
        "config.opt.value",
        "missing",
    ]
    data = await gql.data(COMPARE, compare_vars(keys, runs=["new"]), key=team.bob.key)
    rows = {row["key"]: row for row in data["compareRuns"]["rows"]}

    def numbers(key):
        row = rows[key]
        return row["value"], row["baselineValue"], row["difference"], row["relativeDifference"]

    assert numbers("summary_metrics.loss") == (0.5, 0, 0.5, None)  # baseline 0: no relative difference
    assert numbers("acc") == (-1, -2, 1.0, 0.5)  # relative to |baseline|
    assert numbers("label") == ("dog", "cat", None, None)
    assert numbers("eval.f1") == (0.75, 0.5, 0.25, 0.5)
    assert numbers("ok") == (False, True, None, None)  # booleans are not numbers
    assert numbers("config.opt") == ("sgd", "adam", None, None)
    assert numbers("config.arch.depth") == (6, 4, 2.0, 0.5)
    assert numbers("config.opt.value") == ("sgd", "adam", None, None)
    assert numbers("missing") == (None, None, None, None)


async def test_explicit_baseline_overrides_the_project_baseline(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["b1"])
    data = await gql.data(COMPARE, compare_vars(["acc"], runs=["b1"], baseline="c1"), key=team.bob.key)
    [row] = data["compareRuns"]["rows"]
    assert data["compareRuns"]["baseline"] == {"name": "c1"}
    assert row["difference"] == pytest.approx(0.1)


async def test_all_runs_other_than_the_baseline_newest_first(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["b1"])
    data = await gql.data(COMPARE, compare_vars(["acc"]), key=team.bob.key)
    assert [row["run"]["name"] for row in data["compareRuns"]["rows"]] == ["s1", "c1", "b2"]


async def test_no_baseline_is_bad_input(gql, runtime, team):
    _, error = await gql.error(COMPARE, compare_vars(["acc"]), key=team.bob.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "baseline" in error["message"]


async def test_unknown_runs_and_baseline_are_not_found(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["b1"])
    _, error = await gql.error(COMPARE, compare_vars(["acc"], runs=["b2", "ghost"]), key=team.bob.key)
    assert error["extensions"]["code"] == "NOT_FOUND" and "ghost" in error["message"]
    _, error = await gql.error(COMPARE, compare_vars(["acc"], baseline="ghost"), key=team.bob.key)
    assert error["extensions"]["code"] == "NOT_FOUND" and "ghost" in error["message"]


async def test_empty_keys_are_bad_input(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["b1"])
    for keys in ([], ["  "], ["config."]):
        _, error = await gql.error(COMPARE, compare_vars(keys), key=team.bob.key)
        assert error["extensions"]["code"] == "BAD_USER_INPUT"


async def test_compare_needs_read_access(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["b1"])
    _, error = await gql.error(COMPARE, compare_vars(["acc"]), key=team.oscar.key)
    assert error["extensions"]["code"] == "NOT_FOUND"
    _, error = await gql.error(COMPARE, compare_vars(["acc"]))
    assert error["extensions"]["code"] == "NOT_FOUND"
    public_id = await make_project(runtime, team.team_id, "public", access="USER_READ")
    base = await make_run(runtime, public_id, "p0", team.bob, summary={"acc": 0.5})
    await make_run(runtime, public_id, "p1", team.bob, summary={"acc": 0.6})
    await set_baseline_row(runtime, public_id, base)
    data = await gql.data(COMPARE, {**compare_vars(["acc"]), "project": "public"})
    assert [row["run"]["name"] for row in data["compareRuns"]["rows"]] == ["p1"]
