"""upsertBucket, createRunFiles + storage routes, alerts and resume fields, through GraphQL in process."""

from __future__ import annotations

import base64
import hashlib
import json
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.api.ids import encode
from app.db import tables
from tests.support.storage import send
from tests.support import make_account
from tests.support.tracking import (
    CREATE_RUN_FILES,
    NOTIFY_ALERT,
    RUN_FILES,
    RUN_RESUME_STATUS,
    UPSERT_BUCKET,
    UPSERT_BUCKET_PY,
    UPSERT_SUMMARY,
    all_rows,
    counts,
    lines,
    make_team,
    one,
    post_stream,
)

CONFIG = {"lr": {"value": 0.1}, "_wandb": {"value": {"t": {"1": [1, 2]}, "cli_version": "0.31.0", "m": []}}}


async def _audit(runtime, action: str) -> list[tables.AuditEvent]:
    return await all_rows(
        runtime, select(tables.AuditEvent).where(tables.AuditEvent.action == action).order_by(tables.AuditEvent.id)
    )


async def test_upsert_creates_in_the_default_entity_then_updates(gql, runtime):
    alice = await make_account(runtime, "alice")
    created = (
        await gql.data(
            UPSERT_BUCKET,
            {
                "name": "abc123",
                "project": "p",
                "entity": None,
                "config": json.dumps(CONFIG),
                "tags": ["t"],
                "commit": "c0ffee",
                "repo": "https://example.com/r.git",
                "program": "train.py",
                "host": "box",
            },
            key=alice.key,
        )
    )["upsertBucket"]
    bucket = created["bucket"]
    assert created["inserted"] is True and bucket["name"] == "abc123"
    assert bucket["project"]["name"] == "p" and bucket["project"]["entity"]["name"] == "alice"
    assert bucket["displayName"].endswith("-1") and bucket["displayName"].count("-") == 2
    assert json.loads(bucket["config"]) == CONFIG and bucket["historyLineCount"] == 0

    again = await gql.data(
        UPSERT_BUCKET,
        {"name": "abc123", "project": "p", "entity": "alice", "config": json.dumps({"lr": {"value": 0.2}})},
        key=alice.key,
    )
    assert again["upsertBucket"]["inserted"] is False and again["upsertBucket"]["bucket"]["id"] == bucket["id"]
    run = await one(runtime, select(tables.Run))
    assert run.config == {"lr": {"value": 0.2}} and run.tags == ["t"] and run.git_commit == "c0ffee"
    assert (run.git_remote, run.program, run.host, run.state) == (
        "https://example.com/r.git",
        "train.py",
        "box",
        "running",
    )
    project = await one(runtime, select(tables.Project))
    assert project.access == "PRIVATE" and project.created_by_id == alice.id
    assert len(await _audit(runtime, "run.create")) == 1 and await _audit(runtime, "run.update") == []

    second = await gql.data(UPSERT_BUCKET, {"name": "def456", "project": "p"}, key=alice.key)
    assert second["upsertBucket"]["bucket"]["displayName"].endswith("-2")


async def test_public_api_variants_update_metadata_and_summary_with_audit(gql, runtime):
    alice = await make_account(runtime, "alice")
    run_id = (await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p", "config": "{}"}, key=alice.key))[
        "upsertBucket"
    ]["bucket"]["id"]
    updated = await gql.data(
        UPSERT_BUCKET_PY,
        {
            "id": run_id,
            "display_name": "renamed",
            "notes": "n",
            "tags": ["a", "b"],
            "config": json.dumps(CONFIG),
            "groupName": "g",
            "jobType": "eval",
            "description": "d",
        },
        key=alice.key,
    )
    bucket = updated["upsertBucket"]["bucket"]
    assert (bucket["displayName"], bucket["notes"], bucket["tags"], bucket["group"], bucket["jobType"]) == (
        "renamed",
        "n",
        ["a", "b"],
        "g",
        "eval",
    )
    assert bucket["user"]["username"] == "alice"
    events = await _audit(runtime, "run.update")
    assert len(events) == 1 and set(events[0].details["changed"]) == {
        "display_name",
        "notes",
        "tags",
        "group_name",
        "job_type",
        "description",
    }

    await gql.data(UPSERT_SUMMARY, {"id": run_id, "summaryMetrics": json.dumps({"acc": 0.9})}, key=alice.key)
    await gql.data(UPSERT_SUMMARY, {"id": run_id, "summaryMetrics": json.dumps({"loss": 0.1})}, key=alice.key)
    run = await one(runtime, select(tables.Run))
    assert run.summary == {"loss": 0.1}
    assert len(await _audit(runtime, "run.update")) == 1  # summaries are data, not metadata


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"config": "{not json"}, "config is not valid JSON"),
        ({"config": "[1]"}, "config must be a JSON object"),
        ({"summaryMetrics": "nope"}, "summaryMetrics is not valid JSON"),
        ({"state": "exploded"}, "invalid run state 'exploded'"),
        ({"project": "bad name!"}, "invalid project name"),
    ],
)
async def test_bad_input_names_the_field_and_writes_nothing(gql, runtime, variables, message):
    alice = await make_account(runtime, "alice")
    before = await counts(runtime)
    status, error = await gql.error(UPSERT_BUCKET, {"name": "r1", "project": "p", **variables}, key=alice.key)
    assert status == 400 and message in error["message"] and error["extensions"]["code"] == "BAD_USER_INPUT"
    assert await counts(runtime) == before


async def test_unknown_entity_is_404_with_the_clients_sentence(gql, runtime):
    alice = await make_account(runtime, "alice")
    status, error = await gql.error(
        UPSERT_BUCKET, {"name": "r1", "project": "p", "entity": "no-such-team"}, key=alice.key
    )
    assert (status, error["message"]) == (404, "entity no-such-team not found")


async def test_updating_someone_elses_run_needs_edit_rights(gql, runtime):
    team = await make_team(runtime)
    run_id = (await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p", "entity": team.name}, key=team.member.key))[
        "upsertBucket"
    ]["bucket"]["id"]
    other = await make_account(runtime, "mia")
    async with runtime.session_factory.begin() as session:
        session.add(tables.Membership(team_id=team.entity_id, user_id=other.id, role="MEMBER"))
    before = await counts(runtime)
    for variables in (
        {"id": run_id, "notes": "mine now"},
        {"name": "r1", "project": "p", "entity": team.name, "notes": "mine now"},
    ):
        status, error = await gql.error(UPSERT_BUCKET, variables, key=other.key)
        assert status == 403 and "may not change run r1" in error["message"]
    assert await counts(runtime) == before
    await gql.data(UPSERT_BUCKET, {"id": run_id, "notes": "admin edit"}, key=team.admin.key)
    assert (await one(runtime, select(tables.Run))).notes == "admin edit"


async def test_service_account_attribution(gql, runtime):
    team = await make_team(runtime)
    headers = {"x-wandb-username": team.member.username, "x-wandb-user-email": ""}
    await gql.data(
        UPSERT_BUCKET, {"name": "by-name", "project": "p", "entity": team.name}, key=team.service.key, headers=headers
    )
    await gql.data(
        UPSERT_BUCKET,
        {"name": "by-email", "project": "p", "entity": team.name},
        key=team.service.key,
        headers={"x-wandb-username": "", "x-wandb-user-email": team.viewer.email.upper()},
    )
    await gql.data(
        UPSERT_BUCKET,
        {"name": "stranger", "project": "p", "entity": team.name},
        key=team.service.key,
        headers={"x-wandb-username": team.outsider.username},
    )
    await gql.data(
        UPSERT_BUCKET,
        {"name": "a-user", "project": "p", "entity": team.name},
        key=team.admin.key,
        headers={"x-wandb-username": team.member.username},
    )
    rows = {
        r.name: (r.user_id, r.service_account_id, r.created_by_id) for r in await all_rows(runtime, select(tables.Run))
    }
    assert rows == {
        "by-name": (team.member.id, team.service.id, team.service.id),
        "by-email": (team.viewer.id, team.service.id, team.service.id),
        "stranger": (team.service.id, None, team.service.id),
        "a-user": (team.admin.id, None, team.admin.id),
    }
    data = await gql.data(
        '{ project(name: "p", entityName: "lab") { run(name: "by-name") { '
        "user { username } serviceAccount { username } createdBy { username } } } }",
        key=team.admin.key,
    )
    assert data["project"]["run"] == {
        "user": {"username": team.member.username},
        "serviceAccount": {"username": team.service.username},
        "createdBy": {"username": team.service.username},
    }
    create = [e for e in await _audit(runtime, "run.create") if e.details["name"] == "by-name"][0]
    assert (create.actor_id, create.on_behalf_of_id) == (team.service.id, team.member.id)


@pytest.mark.both_storages
async def test_run_files_upload_list_and_download(gql, runtime, http, storage_backend):
    alice = await make_account(runtime, "alice")
    bob = await make_account(runtime, "bob")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p"}, key=alice.key)
    names = ["config.yaml", "code/train.py", "diff.patch", "config.yaml"]
    data = (
        await gql.data(
            CREATE_RUN_FILES, {"entity": "alice", "project": "p", "run": "r1", "files": names}, key=alice.key
        )
    )["createRunFiles"]
    assert [f["name"] for f in data["files"]] == names and data["uploadHeaders"] == []
    assert urlsplit(data["files"][0]["uploadUrl"]).path == urlsplit(data["files"][3]["uploadUrl"]).path
    urls = {f["name"]: f["uploadUrl"] for f in data["files"]}
    upload_base = (
        "http://testserver/storage/run-files/" if storage_backend == "local" else runtime.settings.s3_endpoint_url
    )
    assert all(u.startswith(upload_base) and "alice" not in u for u in urls.values())

    contents = {"config.yaml": b"lr: 0.1\n", "code/train.py": b"print('hi')\n"}
    for name, content in contents.items():
        response = await send(http, "PUT", urls[name], content=content)
        assert response.status_code == 200
    if storage_backend == "local":  # (the S3 test server does not check signatures; a bucket does)
        split = urlsplit(urls["diff.patch"])
        assert (await http.put(f"{split.path}?{split.query}x", content=b"x")).status_code == 403
        assert (await http.put(split.path, content=b"x")).status_code == 403

    listing = await gql.data(RUN_FILES, {"project": "p", "entity": "alice", "name": "r1"}, key=alice.key)
    run = listing["project"]["run"]
    assert run["fileCount"] == 2
    nodes = {e["node"]["name"]: e["node"] for e in run["files"]["edges"]}
    assert sorted(nodes) == ["code/train.py", "config.yaml"]  # diff.patch never arrived
    node = nodes["config.yaml"]
    assert node["sizeBytes"] == 8 and node["md5"] == base64.b64encode(hashlib.md5(b"lr: 0.1\n").digest()).decode()
    assert node["url"] == "http://testserver/files/alice/p/r1/config.yaml"
    assert (await send(http, "GET", node["url"], auth=("api", alice.key))).content == b"lr: 0.1\n"
    assert (await http.get(node["url"], auth=("api", bob.key))).status_code == 404
    assert (await send(http, "GET", node["directUrl"])).content == b"lr: 0.1\n"
    ranged = await send(http, "GET", node["directUrl"], headers={"range": "bytes=4-"})
    assert ranged.status_code == 206 and ranged.content == b"0.1\n"
    if storage_backend == "local":
        assert (await http.get(node["directUrl"].replace("sig=", "sig=0"))).status_code == 403

    only = await gql.data(
        RUN_FILES, {"project": "p", "entity": "alice", "name": "r1", "fileNames": ["code/train.py"]}, key=alice.key
    )
    assert [e["node"]["name"] for e in only["project"]["run"]["files"]["edges"]] == ["code/train.py"]
    pattern = await gql.data(
        RUN_FILES, {"project": "p", "entity": "alice", "name": "r1", "pattern": "%.yaml"}, key=alice.key
    )
    assert [e["node"]["name"] for e in pattern["project"]["run"]["files"]["edges"]] == ["config.yaml"]
    first = await gql.data(RUN_FILES, {"project": "p", "entity": "alice", "name": "r1", "fileLimit": 1}, key=alice.key)
    files = first["project"]["run"]["files"]
    assert files["pageInfo"]["hasNextPage"] is True
    rest = await gql.data(
        RUN_FILES,
        {"project": "p", "entity": "alice", "name": "r1", "fileLimit": 1, "fileCursor": files["pageInfo"]["endCursor"]},
        key=alice.key,
    )
    assert [e["node"]["name"] for e in rest["project"]["run"]["files"]["edges"]] == ["config.yaml"]
    upload = await gql.data(RUN_FILES, {"project": "p", "entity": "alice", "name": "r1", "upload": True}, key=alice.key)
    assert upload["project"]["run"]["files"]["edges"][0]["node"]["url"].startswith(upload_base)

    # A file uploaded again (resume) reads back with its new content and size.
    again = (
        await gql.data(
            CREATE_RUN_FILES, {"entity": "alice", "project": "p", "run": "r1", "files": ["config.yaml"]}, key=alice.key
        )
    )["createRunFiles"]
    assert (await send(http, "PUT", again["files"][0]["uploadUrl"], content=b"lr: 0.25\n")).status_code == 200
    listing = await gql.data(
        RUN_FILES, {"project": "p", "entity": "alice", "name": "r1", "fileNames": ["config.yaml"]}, key=alice.key
    )
    assert listing["project"]["run"]["files"]["edges"][0]["node"]["sizeBytes"] == 9
    assert (await send(http, "GET", node["url"], auth=("api", alice.key))).content == b"lr: 0.25\n"

    status, error = await gql.error(
        CREATE_RUN_FILES, {"entity": "alice", "project": "p", "run": "r1", "files": ["../escape"]}, key=alice.key
    )
    assert status == 400 and "invalid run file name" in error["message"]


@pytest.mark.both_storages
async def test_uploads_over_the_limit_are_refused(gql, runtime, http, storage_backend):
    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p"}, key=alice.key)
    data = await gql.data(
        CREATE_RUN_FILES, {"entity": "alice", "project": "p", "run": "r1", "files": ["big.bin"]}, key=alice.key
    )
    runtime.settings.max_upload_bytes = 10
    response = await send(http, "PUT", data["createRunFiles"]["files"][0]["uploadUrl"], content=b"x" * 11)
    # A presigned PUT cannot carry a size limit: the bucket takes it, and Labbook removes it on sight.
    assert response.status_code == (413 if storage_backend == "local" else 200)
    listing = await gql.data(RUN_FILES, {"project": "p", "entity": "alice", "name": "r1"}, key=alice.key)
    assert listing["project"]["run"]["fileCount"] == 0 and listing["project"]["run"]["files"]["edges"] == []
    row = await one(runtime, select(tables.RunFile))
    assert row.uploaded is False and row.size_bytes is None
    assert await runtime.storage.size(row.storage_key) is None


async def test_alerts_are_stored_suppressed_and_listed(gql, runtime):
    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p"}, key=alice.key)
    base = {"entityName": "alice", "projectName": "p", "runName": "r1", "text": "t"}
    sent = [
        ("Low", "WARN", 60000),
        ("Low", "WARN", 60000),
        ("Other", "ERROR", None),
        ("Again", "INFO", 0),
        ("Again", "INFO", 0),
    ]
    for title, severity, wait in sent:
        data = await gql.data(
            NOTIFY_ALERT, {**base, "title": title, "severity": severity, "waitDuration": wait}, key=alice.key
        )
        assert data == {"notifyScriptableRunAlert": {"success": True}}
    stored = await all_rows(runtime, select(tables.Alert).order_by(tables.Alert.id))
    assert [(a.title, a.severity) for a in stored] == [
        ("Low", "WARN"),
        ("Other", "ERROR"),
        ("Again", "INFO"),
        ("Again", "INFO"),
    ]
    data = await gql.data(
        '{ project(name: "p", entityName: "alice") { alerts(first: 3) { edges { node { title } } '
        'pageInfo { hasNextPage endCursor } } run(name: "r1") { alerts { title severity } } } }',
        key=alice.key,
    )
    project = data["project"]
    assert [e["node"]["title"] for e in project["alerts"]["edges"]] == ["Again", "Again", "Other"]
    assert project["alerts"]["pageInfo"]["hasNextPage"] is True
    assert project["run"]["alerts"][-1] == {"title": "Low", "severity": "WARN"}
    status, error = await gql.error(NOTIFY_ALERT, {**base, "runName": "nope", "title": "x"}, key=alice.key)
    assert status == 404


async def test_resume_status_reports_offsets_tails_and_the_clients_config(gql, runtime, http):
    alice = await make_account(runtime, "alice")
    missing = await gql.data(RUN_RESUME_STATUS, {"project": "p", "entity": "alice", "name": "r1"}, key=alice.key)
    assert missing == {"model": None}
    await gql.data(
        UPSERT_BUCKET, {"name": "r1", "project": "p", "config": json.dumps(CONFIG), "tags": ["x"]}, key=alice.key
    )
    history = [{"_step": s, "_runtime": s * 0.5, "loss": s} for s in range(12)]
    body = {
        "files": {
            **lines("wandb-history.jsonl", 0, history),
            **lines("wandb-events.jsonl", 0, [{"cpu": 1}]),
            **lines("output.log", 0, ["a", "b"]),
            **lines("wandb-summary.json", 0, [{"loss": 11}]),
        }
    }
    assert (await post_stream(http, "alice/p/r1", body, key=alice.key)).status_code == 200
    bucket = (await gql.data(RUN_RESUME_STATUS, {"project": "p", "entity": "alice", "name": "r1"}, key=alice.key))[
        "model"
    ]["bucket"]
    assert (bucket["historyLineCount"], bucket["eventsLineCount"], bucket["logLineCount"]) == (12, 1, 2)
    tail = [json.loads(line) for line in json.loads(bucket["historyTail"])]
    assert [row["_step"] for row in tail] == list(range(2, 12))
    assert [json.loads(line) for line in json.loads(bucket["eventsTail"])] == [{"cpu": 1}]
    assert json.loads(bucket["wandbConfig"]) == {"t": {"1": [1, 2]}}
    assert json.loads(bucket["summaryMetrics"]) == {"loss": 11} and bucket["tags"] == ["x"]
    assert json.loads(bucket["config"]) == CONFIG


async def test_stop_run_is_for_the_owner_or_an_admin_and_audited(gql, runtime):
    team = await make_team(runtime)
    run_id = (await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p", "entity": team.name}, key=team.member.key))[
        "upsertBucket"
    ]["bucket"]["id"]
    status, error = await gql.error(
        "mutation($id: ID!) { stopRun(input: {id: $id}) { success } }", {"id": run_id}, key=team.viewer.key
    )
    assert status == 403 and error["extensions"]["code"] == "FORBIDDEN"
    assert (await one(runtime, select(tables.Run))).stop_requested is False
    await gql.data("mutation($id: ID!) { stopRun(input: {id: $id}) { success } }", {"id": run_id}, key=team.admin.key)
    assert (await one(runtime, select(tables.Run))).stop_requested is True
    assert [e.actor_id for e in await _audit(runtime, "run.stop")] == [team.admin.id]
    status, _ = await gql.error(
        "mutation($id: ID!) { stopRun(input: {id: $id}) { success } }", {"id": encode("Run", 999)}, key=team.admin.key
    )
    assert status == 404
