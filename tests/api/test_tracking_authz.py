"""Authorization matrix of the tracking operations on a team's PRIVATE project, for a run its MEMBER
logged: anonymous, outsider, VIEWER, MEMBER, SERVICE, ADMIN. A denial has the right status and code
and writes nothing."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from app.db import tables
from tests.support.tracking import (
    CREATE_RUN_FILES,
    NOTIFY_ALERT,
    ROLES,
    STOP_RUN,
    UPSERT_BUCKET,
    counts,
    lines,
    make_team,
    one,
    post_stream,
)

OK = (200, None)
UNAUTHENTICATED = (401, "UNAUTHENTICATED")
FORBIDDEN = (403, "FORBIDDEN")
NOT_FOUND = (404, "NOT_FOUND")

# role -> expected outcome, per operation
CREATE = dict(anonymous=UNAUTHENTICATED, outsider=FORBIDDEN, viewer=FORBIDDEN, member=OK, service=OK, admin=OK)
ON_MEMBERS_RUN = dict(
    anonymous=UNAUTHENTICATED, outsider=NOT_FOUND, viewer=FORBIDDEN, member=OK, service=FORBIDDEN, admin=OK
)
UPDATE_BY_NAME = dict(ON_MEMBERS_RUN, outsider=FORBIDDEN)  # the project check comes first, as for a create


@pytest.fixture
async def setup(app, gql, runtime):
    team = await make_team(runtime)
    data = await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p", "entity": team.name}, key=team.member.key)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        yield team, data["upsertBucket"]["bucket"]["id"], http


async def _graphql(gql, query, variables, key) -> tuple[int, str | None]:
    response = await gql.post(query, variables, key=key)
    errors = response.json().get("errors")
    return response.status_code, errors[0]["extensions"]["code"] if errors else None


async def _run_state(runtime) -> tuple:
    run = await one(runtime, select(tables.Run).where(tables.Run.name == "r1"))
    return run.notes, run.stop_requested, run.heartbeat_at, run.history_line_count, run.state


async def _check(runtime, expected, call) -> None:
    before, run_before = await counts(runtime), await _run_state(runtime)
    outcome = await call()
    assert outcome == expected
    if expected != OK:
        assert await counts(runtime) == before
        assert await _run_state(runtime) == run_before
    else:
        assert await counts(runtime) != before or await _run_state(runtime) != run_before


@pytest.mark.parametrize("role", ROLES)
async def test_create_run(setup, gql, runtime, role):
    team, _, _ = setup
    variables = {"name": f"new-{role}", "project": "p", "entity": team.name}
    await _check(runtime, CREATE[role], lambda: _graphql(gql, UPSERT_BUCKET, variables, team.key(role)))


@pytest.mark.parametrize("role", ROLES)
async def test_update_members_run_by_name(setup, gql, runtime, role):
    team, _, _ = setup
    variables = {"name": "r1", "project": "p", "entity": team.name, "notes": f"by {role}"}
    await _check(runtime, UPDATE_BY_NAME[role], lambda: _graphql(gql, UPSERT_BUCKET, variables, team.key(role)))


@pytest.mark.parametrize("role", ROLES)
async def test_update_members_run_by_id(setup, gql, runtime, role):
    team, run_id, _ = setup
    variables = {"id": run_id, "notes": f"by {role}"}
    await _check(runtime, ON_MEMBERS_RUN[role], lambda: _graphql(gql, UPSERT_BUCKET, variables, team.key(role)))


@pytest.mark.parametrize("role", ROLES)
async def test_create_run_files(setup, gql, runtime, role):
    team, _, _ = setup
    variables = {"entity": team.name, "project": "p", "run": "r1", "files": ["a.txt"]}
    await _check(runtime, ON_MEMBERS_RUN[role], lambda: _graphql(gql, CREATE_RUN_FILES, variables, team.key(role)))


@pytest.mark.parametrize("role", ROLES)
async def test_notify_alert(setup, gql, runtime, role):
    team, _, _ = setup
    variables = {"entityName": team.name, "projectName": "p", "runName": "r1", "title": "t", "text": "x"}
    await _check(runtime, ON_MEMBERS_RUN[role], lambda: _graphql(gql, NOTIFY_ALERT, variables, team.key(role)))


@pytest.mark.parametrize("role", ROLES)
async def test_stop_run(setup, gql, runtime, role):
    team, run_id, _ = setup
    await _check(runtime, ON_MEMBERS_RUN[role], lambda: _graphql(gql, STOP_RUN, {"id": run_id}, team.key(role)))


UPDATE_RUN_STATE = "mutation($input: UpdateRunStateInput!) { updateRunState(input: $input) { success } }"


@pytest.mark.parametrize("role", ROLES)
async def test_update_run_state(setup, gql, runtime, role):
    team, run_id, _ = setup
    variables = {"input": {"id": run_id, "state": "failed"}}
    await _check(runtime, ON_MEMBERS_RUN[role], lambda: _graphql(gql, UPDATE_RUN_STATE, variables, team.key(role)))


@pytest.mark.parametrize("role", ROLES)
async def test_file_stream(setup, runtime, role):
    team, _, http = setup

    async def call() -> tuple[int, str | None]:
        body = {"files": lines("wandb-history.jsonl", 0, [{"_step": 0, "x": 1}])}
        response = await post_stream(http, f"{team.name}/p/r1", body, key=team.key(role))
        errors = response.json().get("errors")
        return response.status_code, errors[0]["extensions"]["code"] if errors else None

    await _check(runtime, ON_MEMBERS_RUN[role], call)


async def test_the_refusal_sentences(setup, gql):
    team, _, _ = setup
    response = await gql.post(UPSERT_BUCKET, {"name": "x", "project": "p", "entity": team.name}, key=team.outsider.key)
    assert response.json()["errors"][0]["message"] == (
        f"permission denied: user {team.outsider.username} is not a member of team {team.name}"
    )
    response = await gql.post(UPSERT_BUCKET, {"name": "x", "project": "p", "entity": team.name}, key=team.viewer.key)
    assert response.json()["errors"][0]["message"] == (
        f"permission denied: user {team.viewer.username} has role viewer in {team.name} and cannot write to its projects"
    )


async def test_a_service_account_streams_to_the_runs_it_created(setup, gql, runtime):
    team, _, http = setup
    await gql.data(UPSERT_BUCKET, {"name": "ci1", "project": "p", "entity": team.name}, key=team.service.key)
    body = {"files": lines("wandb-history.jsonl", 0, [{"_step": 0, "x": 1}]), "complete": True, "exitcode": 0}
    assert (await post_stream(http, f"{team.name}/p/ci1", body, key=team.service.key)).status_code == 200
    run = await one(runtime, select(tables.Run).where(tables.Run.name == "ci1"))
    assert (run.state, run.history_line_count) == ("finished", 1)
