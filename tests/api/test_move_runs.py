"""moveRuns: permissions at both ends, all-or-nothing, conflicts, dry runs, data that follows the run."""

from __future__ import annotations

import json

import pytest

from app.db.tables import Project, Run
from tests.support.moves import (
    MOVE,
    RUN_AT,
    add_run_data,
    audit_events,
    build_team,
    counts_for_run,
    make_project,
    make_run,
    project_named,
    project_row,
    run_names_in,
    run_project,
    set_baseline_row,
)

ALL_SOURCE_RUNS = ["b1", "b2", "c1", "s1"]

RUN_DATA = """
query RunData($entity: String!, $project: String!, $name: String!) {
  project(name: $project, entityName: $entity) {
    run(name: $name) {
      history(samples: 10) events(samples: 10) files { edges { node { name } } } alerts { title } user { username }
    }
  }
}"""


@pytest.fixture
async def team(runtime):
    return await build_team(runtime)


async def test_member_moves_own_runs_to_the_team_project(gql, runtime, team):
    variables = team.move_input(runNames=["b1", "b2"], clientMutationId="m-1")
    moved = (await gql.data(MOVE, variables, key=team.bob.key))["moveRuns"]

    assert moved["movedCount"] == 2 and moved["dryRun"] is False and moved["clientMutationId"] == "m-1"
    assert [run["name"] for run in moved["runs"]] == ["b1", "b2"]
    assert {run["projectId"] for run in moved["runs"]} == {team.target_id}
    assert moved["runs"][0]["project"] == {"name": "target", "entityName": "vision"}
    task = moved["task"]
    assert task["state"] == "COMPLETED" and task["progress"] == 100 and task["name"] == "moveRuns"
    assert json.loads(task["result"])["movedCount"] == 2
    assert await run_names_in(runtime, team.source_id) == ["c1", "s1"]
    assert await run_names_in(runtime, team.target_id) == ["b1", "b2"]


async def test_member_cannot_move_a_teammates_run_and_nothing_moves(gql, runtime, team):
    status, error = await gql.error(MOVE, team.move_input(runNames=["b1", "c1"]), key=team.bob.key)

    assert error["extensions"]["code"] == "FORBIDDEN" and status == 403
    assert "c1" in error["message"] and "b1" not in error["message"].split("may not move")[1].split(" in ")[0]
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS
    assert await run_names_in(runtime, team.target_id) == []
    assert await audit_events(runtime, "runs.") == []


async def test_member_select_all_is_refused_when_some_runs_are_not_theirs(gql, runtime, team):
    _, error = await gql.error(MOVE, team.move_input(), key=team.bob.key)
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert "c1" in error["message"] and "s1" in error["message"]
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_admin_moves_every_run_when_none_are_named(gql, runtime, team):
    moved = (await gql.data(MOVE, team.move_input(), key=team.alice.key))["moveRuns"]
    assert moved["movedCount"] == 4 and [run["name"] for run in moved["runs"]] == ALL_SOURCE_RUNS
    assert await run_names_in(runtime, team.source_id) == []
    assert await run_names_in(runtime, team.target_id) == ALL_SOURCE_RUNS


async def test_empty_filters_document_also_selects_every_run(gql, runtime, team):
    moved = (await gql.data(MOVE, team.move_input(filters="{}"), key=team.alice.key))["moveRuns"]
    assert moved["movedCount"] == 4


@pytest.mark.parametrize("who, code", [("victor", "FORBIDDEN"), ("oscar", "NOT_FOUND")])
async def test_viewer_and_outsider_are_denied(gql, runtime, team, who, code):
    account = getattr(team, who)
    status, error = await gql.error(MOVE, team.move_input(runNames=["b1"]), key=account.key)
    assert error["extensions"]["code"] == code
    assert status == (403 if code == "FORBIDDEN" else 404)
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_anonymous_is_unauthenticated(gql, runtime, team):
    status, error = await gql.error(MOVE, team.move_input(runNames=["b1"]))
    assert status == 401 and error["extensions"]["code"] == "UNAUTHENTICATED"
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_service_account_moves_only_the_runs_it_created(gql, runtime, team):
    _, error = await gql.error(MOVE, team.move_input(runNames=["s1", "b1"]), key=team.service.key)
    assert error["extensions"]["code"] == "FORBIDDEN" and "b1" in error["message"]
    assert await run_names_in(runtime, team.target_id) == []

    moved = (await gql.data(MOVE, team.move_input(runNames=["s1"]), key=team.service.key))["moveRuns"]
    assert moved["movedCount"] == 1
    assert await run_names_in(runtime, team.target_id) == ["s1"]


async def test_the_person_a_service_account_logged_for_may_move_that_run(gql, runtime, team):
    moved = (await gql.data(MOVE, team.move_input(runNames=["s1", "c1"]), key=team.carol.key))["moveRuns"]
    assert moved["movedCount"] == 2


async def test_runs_never_leave_a_restricted_project(gql, runtime, team):
    secret_id = await make_project(runtime, team.team_id, "secret", access="RESTRICTED", restricted_members=(team.bob,))
    run_id = await make_run(runtime, secret_id, "r1", team.bob)
    for account in (team.bob, team.alice):
        _, error = await gql.error(
            MOVE,
            {
                "input": {
                    "sourceEntityName": "vision",
                    "sourceProjectName": "secret",
                    "destinationEntityName": "vision",
                    "destinationProjectName": "target",
                }
            },
            key=account.key,
        )
        assert error["extensions"]["code"] == "FORBIDDEN" and "RESTRICTED" in error["message"]
    assert await run_project(runtime, run_id) == secret_id


async def test_runs_may_move_into_a_restricted_project_only_for_its_members(gql, runtime, team):
    await make_project(runtime, team.team_id, "vault", access="RESTRICTED", restricted_members=(team.carol,))
    into_vault = {"destinationProjectName": "vault"}
    _, error = await gql.error(
        MOVE, {"input": {**team.move_input(runNames=["b1"])["input"], **into_vault}}, key=team.bob.key
    )
    assert error["extensions"]["code"] == "FORBIDDEN"
    moved = await gql.data(
        MOVE, {"input": {**team.move_input(runNames=["c1"])["input"], **into_vault}}, key=team.carol.key
    )
    assert moved["moveRuns"]["movedCount"] == 1


async def test_name_conflict_moves_nothing_and_names_the_runs(gql, runtime, team):
    await make_run(runtime, team.target_id, "b2", team.bob)
    status, error = await gql.error(MOVE, team.move_input(runNames=["b1", "b2"]), key=team.bob.key)
    assert status == 409 and error["extensions"]["code"] == "CONFLICT"
    assert "b2" in error["message"] and "target" in error["message"]
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS
    assert await run_names_in(runtime, team.target_id) == ["b2"]


async def test_unknown_run_name_is_not_found_by_name(gql, runtime, team):
    _, error = await gql.error(MOVE, team.move_input(runNames=["b1", "nope"]), key=team.bob.key)
    assert error["extensions"]["code"] == "NOT_FOUND" and "nope" in error["message"]
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_missing_destination_is_refused_unless_created(gql, runtime, team):
    variables = team.move_input(runNames=["b1"], destinationProjectName="fresh")
    _, error = await gql.error(MOVE, variables, key=team.bob.key)
    assert error["extensions"]["code"] == "NOT_FOUND" and "createDestinationProject" in error["message"]
    assert await project_named(runtime, team.team_id, "fresh") is None

    variables["input"]["createDestinationProject"] = True
    moved = (await gql.data(MOVE, variables, key=team.bob.key))["moveRuns"]
    fresh = await project_named(runtime, team.team_id, "fresh")
    assert fresh is not None and fresh.access == "PRIVATE"
    assert moved["runs"][0]["projectId"] == fresh.id
    assert await run_names_in(runtime, fresh.id) == ["b1"]


async def test_viewer_cannot_create_the_destination_in_their_team(gql, runtime, team):
    # victor may not move bob's run anyway; here he moves his own run from his personal project.
    own_id = await make_project(runtime, team.victor.entity_id, "mine")
    await make_run(runtime, own_id, "v1", team.victor)
    _, error = await gql.error(
        MOVE,
        {
            "input": {
                "sourceEntityName": "victor",
                "sourceProjectName": "mine",
                "destinationEntityName": "vision",
                "destinationProjectName": "fresh",
                "createDestinationProject": True,
            }
        },
        key=team.victor.key,
    )
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert await project_named(runtime, team.team_id, "fresh") is None
    assert await run_names_in(runtime, own_id) == ["v1"]


async def test_member_moves_from_their_personal_project_into_the_team(gql, runtime, team):
    own_id = await make_project(runtime, team.bob.entity_id, "scratch")
    await make_run(runtime, own_id, "p1", team.bob)
    moved = await gql.data(
        MOVE,
        {
            "input": {
                "sourceEntityName": "bob",
                "sourceProjectName": "scratch",
                "destinationEntityName": "vision",
                "destinationProjectName": "target",
            }
        },
        key=team.bob.key,
    )
    assert moved["moveRuns"]["movedCount"] == 1
    assert await run_names_in(runtime, team.target_id) == ["p1"]
    # Both entities' audit logs show the move.
    events = await audit_events(runtime, "runs.move")
    assert {(event.entity_id, event.target_id) for event in events} == {
        (team.bob.entity_id, own_id),
        (team.team_id, team.target_id),
    }
    assert all(
        event.details["source"] == "bob/scratch" and event.details["destination"] == "vision/target" for event in events
    )


async def test_destination_must_be_an_entity_the_person_belongs_to(gql, runtime, team):
    # oscar's open project accepts runs from anyone signed in, but not moved runs from a stranger.
    open_id = await make_project(runtime, team.oscar.entity_id, "open", access="USER_WRITE")
    _, error = await gql.error(
        MOVE,
        {
            "input": {
                **team.move_input(runNames=["b1"])["input"],
                "destinationEntityName": "oscar",
                "destinationProjectName": "open",
            }
        },
        key=team.bob.key,
    )
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert await run_names_in(runtime, open_id) == []


async def test_moving_into_the_same_project_is_bad_input(gql, runtime, team):
    _, error = await gql.error(
        MOVE, team.move_input(runNames=["b1"], destinationProjectName="source"), key=team.bob.key
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


async def test_dry_run_reports_without_moving_or_auditing(gql, runtime, team):
    moved = (await gql.data(MOVE, team.move_input(runNames=["b1", "b2"], dryRun=True), key=team.bob.key))["moveRuns"]
    assert moved["dryRun"] is True and moved["movedCount"] == 2
    assert {run["projectId"] for run in moved["runs"]} == {team.source_id}
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS
    assert await audit_events(runtime) == []


async def test_dry_run_still_checks_permissions_and_conflicts(gql, runtime, team):
    _, error = await gql.error(MOVE, team.move_input(runNames=["c1"], dryRun=True), key=team.bob.key)
    assert error["extensions"]["code"] == "FORBIDDEN"
    await make_run(runtime, team.target_id, "b1", team.bob)
    _, error = await gql.error(MOVE, team.move_input(runNames=["b1"], dryRun=True), key=team.bob.key)
    assert error["extensions"]["code"] == "CONFLICT"


async def test_dry_run_does_not_create_the_destination(gql, runtime, team):
    variables = team.move_input(
        runNames=["b1"], destinationProjectName="fresh", createDestinationProject=True, dryRun=True
    )
    moved = (await gql.data(MOVE, variables, key=team.bob.key))["moveRuns"]
    assert moved["movedCount"] == 1
    assert await project_named(runtime, team.team_id, "fresh") is None


async def test_history_files_and_alerts_follow_the_run(gql, runtime, team):
    run_id = team.runs["b1"]
    await add_run_data(runtime, run_id)
    before = await counts_for_run(runtime, run_id)

    await gql.data(MOVE, team.move_input(runNames=["b1"]), key=team.bob.key)

    assert await run_project(runtime, run_id) == team.target_id
    assert (
        await counts_for_run(runtime, run_id)
        == before
        == {
            "history_row": 3,
            "event_row": 1,
            "console_line": 1,
            "run_file": 1,
            "alert": 1,
        }
    )
    at_new_path = (await gql.data(RUN_DATA, {"entity": "vision", "project": "target", "name": "b1"}, key=team.bob.key))[
        "project"
    ]["run"]
    assert [json.loads(row)["_step"] for row in at_new_path["history"]] == [0, 1, 2]
    assert len(at_new_path["events"]) == 1
    assert at_new_path["files"]["edges"] == [{"node": {"name": "model.pt"}}]
    assert at_new_path["alerts"] == [{"title": "loss spike"}]
    assert at_new_path["user"] == {"username": "bob"}


async def test_run_is_readable_at_its_new_path_only(gql, runtime, team):
    variables = {"entity": "vision", "project": "source", "name": "b1"}
    old = (await gql.data(RUN_AT, variables, key=team.bob.key))["project"]["run"]

    await gql.data(MOVE, team.move_input(runNames=["b1"]), key=team.bob.key)

    assert (await gql.data(RUN_AT, variables, key=team.bob.key))["project"]["run"] is None
    new = (await gql.data(RUN_AT, {**variables, "project": "target"}, key=team.bob.key))["project"]["run"]
    assert new["id"] == old["id"] and new["projectId"] == team.target_id
    assert json.loads(new["summaryMetrics"]) == {"acc": 0.8}


async def test_audit_event_records_both_paths_and_the_runs(gql, runtime, team):
    await gql.data(MOVE, team.move_input(runNames=["b2", "b1"]), key=team.bob.key)
    [event] = await audit_events(runtime, "runs.move")
    assert event.actor_id == team.bob.id and event.entity_id == team.team_id
    assert event.details["source"] == "vision/source" and event.details["destination"] == "vision/target"
    assert event.details["runs"] == ["b1", "b2"] and event.details["count"] == 2


async def test_a_moved_baseline_stops_being_the_baseline(gql, runtime, team):
    await set_baseline_row(runtime, team.source_id, team.runs["b1"])
    await gql.data(MOVE, team.move_input(runNames=["b1"]), key=team.bob.key)
    assert (await project_row(runtime, team.source_id)).baseline_run_id is None


async def test_names_and_filters_together_are_bad_input(gql, runtime, team):
    _, error = await gql.error(MOVE, team.move_input(runNames=["b1"], filters="{}"), key=team.alice.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert await run_names_in(runtime, team.source_id) == ALL_SOURCE_RUNS


async def test_runs_changed_by_another_request_meanwhile_refuse_the_move_or_delete(runtime, team):
    from app.domain import run_moves
    from app.domain.errors import Conflict

    async with runtime.session_factory.begin() as session:
        source = await session.get(Project, team.source_id)
        target = await session.get(Project, team.target_id)
        selected = await run_moves.select_runs(session, source, run_moves.RunSelection(), "vision/source")
    async with runtime.session_factory.begin() as session:  # another request moves b1 away
        (await session.get(Run, team.runs["b1"])).project_id = team.target_id

    with pytest.raises(Conflict, match="meanwhile"):
        async with runtime.session_factory.begin() as session:
            await run_moves.reassign_runs(session, source, selected, target, "vision/target")
    with pytest.raises(Conflict, match="meanwhile"):
        async with runtime.session_factory.begin() as session:
            await run_moves.remove_runs(session, source, selected)
    assert await run_names_in(runtime, team.source_id) == ["b2", "c1", "s1"]
    assert await run_names_in(runtime, team.target_id) == ["b1"]
