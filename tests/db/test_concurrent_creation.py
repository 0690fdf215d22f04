"""Get-or-create under concurrency: many first requests naming the same new project, run or run file
at once, each on its own pooled connection (concurrent requests to the app), all succeed and share
one row (app/db/unique.py)."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from app.db import tables
from tests.support import make_account
from tests.support.teams import CREATE_USER, UPSERT_MODEL
from tests.support.tracking import CREATE_RUN_FILES, UPSERT_BUCKET

CREATORS = 16


async def _all(*requests):
    return await asyncio.gather(*requests)


async def _count(runtime, model, *conditions) -> int:
    async with runtime.session_factory() as session:
        return await session.scalar(select(func.count()).select_from(model).where(*conditions))


async def _audit_actions(runtime, action: str) -> int:
    return await _count(runtime, tables.AuditEvent, tables.AuditEvent.action == action)


async def test_concurrent_first_runs_into_a_new_project_share_it(gql, runtime, alice):
    answers = await _all(
        *(
            gql.post(UPSERT_BUCKET, {"entity": "alice", "project": "fresh0", "name": f"w{index}"}, key=alice.key)
            for index in range(CREATORS)
        )
    )
    for answer in answers:
        assert answer.status_code == 200 and not answer.json().get("errors"), answer.json()
        assert answer.json()["data"]["upsertBucket"]["inserted"] is True
    project_ids = {answer.json()["data"]["upsertBucket"]["bucket"]["project"]["id"] for answer in answers}
    assert len(project_ids) == 1
    assert await _count(runtime, tables.Project, tables.Project.name == "fresh0") == 1
    assert await _count(runtime, tables.Run) == CREATORS
    assert await _audit_actions(runtime, "project.create") == 1
    assert await _audit_actions(runtime, "run.create") == CREATORS


async def test_concurrent_upserts_of_one_run_name_share_the_run(gql, runtime, alice):
    answers = await _all(
        *(
            gql.post(
                UPSERT_BUCKET,
                {"entity": "alice", "project": "fresh1", "name": "same", "notes": f"n{index}"},
                key=alice.key,
            )
            for index in range(CREATORS)
        )
    )
    payloads = [answer.json() for answer in answers]
    for answer, payload in zip(answers, payloads, strict=True):
        assert answer.status_code == 200 and not payload.get("errors"), payload
    assert [payload["data"]["upsertBucket"]["inserted"] for payload in payloads].count(True) == 1
    assert len({payload["data"]["upsertBucket"]["bucket"]["id"] for payload in payloads}) == 1
    assert await _count(runtime, tables.Run) == 1
    assert await _audit_actions(runtime, "run.create") == 1
    async with runtime.session_factory() as session:
        notes = await session.scalar(select(tables.Run.notes))
    assert notes in {f"n{index}" for index in range(CREATORS)}


async def test_concurrent_upsert_model_creates_one_project(gql, runtime, alice):
    answers = await _all(
        *(
            gql.post(UPSERT_MODEL, {"input": {"entityName": "alice", "name": "fresh2"}}, key=alice.key)
            for _ in range(CREATORS)
        )
    )
    payloads = [answer.json() for answer in answers]
    for answer, payload in zip(answers, payloads, strict=True):
        assert answer.status_code == 200 and not payload.get("errors"), payload
    assert [payload["data"]["result"]["inserted"] for payload in payloads].count(True) == 1
    assert await _count(runtime, tables.Project) == 1
    assert await _audit_actions(runtime, "project.create") == 1


async def test_concurrent_create_run_files_share_each_file(gql, runtime, alice):
    await gql.data(UPSERT_BUCKET, {"entity": "alice", "project": "p", "name": "r"}, key=alice.key)
    names = ["wandb-summary.json", "output.log", "config.yaml"]
    answers = await _all(
        *(
            gql.post(CREATE_RUN_FILES, {"entity": "alice", "project": "p", "run": "r", "files": names}, key=alice.key)
            for _ in range(8)
        )
    )
    payloads = [answer.json() for answer in answers]
    for answer, payload in zip(answers, payloads, strict=True):
        assert answer.status_code == 200 and not payload.get("errors"), payload
    urls = {
        tuple(slot["uploadUrl"].split("?")[0] for slot in payload["data"]["createRunFiles"]["files"])
        for payload in payloads
    }
    assert len(urls) == 1  # every caller got the same storage key for each name
    assert await _count(runtime, tables.RunFile) == len(names)


async def test_concurrent_accounts_get_their_names_or_a_conflict(gql, runtime):
    root = await make_account(runtime, "operator", admin=True)
    # The same username: one account, the others a clear conflict (never an internal error).
    answers = await _all(
        *(
            gql.post(CREATE_USER, {"email": f"ann{index}@example.com", "username": "ann"}, key=root.key)
            for index in range(8)
        )
    )
    payloads = [answer.json() for answer in answers]
    created = [payload for payload in payloads if not payload.get("errors")]
    assert len(created) == 1, payloads
    for payload in payloads:
        if payload.get("errors"):
            assert payload["errors"][0]["extensions"]["code"] == "CONFLICT", payload
            assert "the name ann is already taken" in payload["errors"][0]["message"]
    # Names made from the email's local part: every account is created, each under its own name.
    answers = await _all(*(gql.post(CREATE_USER, {"email": f"bo@host{index}.org"}, key=root.key) for index in range(8)))
    payloads = [answer.json() for answer in answers]
    assert all(not payload.get("errors") for payload in payloads), payloads
    assert len({payload["data"]["result"]["user"]["username"] for payload in payloads}) == 8
    assert await _count(runtime, tables.User) == 1 + 1 + 8
