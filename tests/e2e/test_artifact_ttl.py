"""Artifact TTLs end to end: the official client sets them (``artifact.ttl = timedelta(...)`` before
logging, and on a logged version through UpdateArtifact); once a TTL runs out, on a clock the test
sets, every read answers as for a deleted version, and the expiry job deletes it: aliases freed,
``latest`` moved, content nothing else holds released and removed from the store, one audit event each."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import httpx
import pytest
from sqlalchemy import select

from app import background
from app.db import tables
from app.db.types import utcnow
from app.domain import artifacts as artifact_service
from app.domain import jobs
from tests.support.api import differences, live_account, run_client

LOG_WITH_TTLS = r"""
import json, pathlib, wandb
from datetime import timedelta

pathlib.Path("w0.bin").write_bytes(b"zero" * 100)
pathlib.Path("w1.bin").write_bytes(b"one" * 100)
pathlib.Path("keep.bin").write_bytes(b"keep" * 100)
with wandb.init(entity=ENTITY, project=PROJECT, id="ttl1") as run:
    first = wandb.Artifact("weights", type="model")
    first.add_file("w0.bin")
    run.log_artifact(first, aliases=["first"]).wait()
    second = wandb.Artifact("weights", type="model")
    second.add_file("w1.bin")
    second.ttl = timedelta(days=1)
    run.log_artifact(second).wait()
    keep = wandb.Artifact("forever", type="model")
    keep.add_file("keep.bin")
    keep.ttl = None
    run.log_artifact(keep).wait()

api = wandb.Api()
v0 = api.artifact(f"{ENTITY}/{PROJECT}/weights:v0")
inherited = v0.ttl
v0.ttl = timedelta(hours=2)
v0.save()
def ttl(name):
    value = api.artifact(f"{ENTITY}/{PROJECT}/{name}").ttl
    return None if value is None else value.total_seconds()
print(json.dumps({"inherited": inherited, "v0": ttl("weights:v0"), "v1": ttl("weights:v1"),
                  "forever": ttl("forever:v0")}))
"""

READ = r"""
import json, wandb

api = wandb.Api()
def version(name):
    try:
        return api.artifact(f"{ENTITY}/{PROJECT}/{name}").version
    except Exception as error:
        return "not found" if "not found" in str(error) else f"{type(error).__name__}: {error}"
def used(name):
    try:
        with wandb.init(entity=ENTITY, project=PROJECT, id=RUN) as run:
            run.use_artifact(name)
        return "used"
    except Exception as error:
        return "refused"
print(json.dumps({"v0": version("weights:v0"), "first": version("weights:first"), "latest": version("weights:latest"),
                  "listed": [a.version for a in api.artifacts("model", f"{ENTITY}/{PROJECT}/weights")],
                  "forever": version("forever:latest"), "use v0": used("weights:v0")}))
"""

UPDATE_TTL = """mutation($input: UpdateArtifactInput!) { updateArtifact(input: $input) { artifact { id } } }"""
BY_ID = """query($id: ID!) { artifact(id: $id) { state ttlDurationSeconds ttlIsInherited } }"""


@pytest.fixture
def clock(monkeypatch):
    """The clock expiry is measured by, moved by the test (the live server runs in this process)."""
    offset = [timedelta(0)]
    monkeypatch.setattr(artifact_service, "now", lambda: utcnow() + offset[0])

    def advance(to: timedelta) -> datetime:
        offset[0] = to
        return artifact_service.now()

    return advance


async def test_ttls_set_by_the_client_expire_reads_and_the_expiry_job_deletes(live_server, tmp_path, clock):
    db = live_server.runtime
    alice = await live_account(live_server, "alice")
    logged = await run_client(
        tmp_path / "log", live_server.url, alice.key, LOG_WITH_TTLS, ENTITY="alice", PROJECT="ttl"
    )
    # -2 (never) reads back as no TTL, not as inherited; v0's TTL came through UpdateArtifact
    assert logged == {"inherited": None, "v0": 7200.0, "v1": 86400.0, "forever": None}, logged
    async with db.session_factory() as session:
        rows = {
            (r.version_index, r.ttl_duration_seconds): r
            for r in (await session.scalars(select(tables.Artifact).order_by(tables.Artifact.id))).all()
        }
        assert sorted(rows) == [(0, -2), (0, 7200), (1, 86400)]
        v0, v1 = rows[(0, 7200)], rows[(1, 86400)]
        assert v0.expires_at == v0.created_at + timedelta(hours=2)
        assert v1.expires_at == v1.created_at + timedelta(days=1)
        assert rows[(0, -2)].expires_at is None
        update = (
            await session.scalars(
                select(tables.AuditEvent.details).where(
                    tables.AuditEvent.action == "artifact.update", tables.AuditEvent.target_id == v0.id
                )
            )
        ).all()
        assert len(update) == 1 and "ttl" in update[0]["changed"]  # (the client sends its metadata too)

    # three hours on: v0 has expired, nothing has deleted it yet, and every read answers as for a deleted version
    clock(timedelta(hours=3))
    before = await run_client(
        tmp_path / "read1", live_server.url, alice.key, READ, ENTITY="alice", PROJECT="ttl", RUN="reader1"
    )
    assert not differences(
        before,
        {
            "v0": "not found",
            "first": "not found",
            "latest": "v1",
            "listed": ["v1"],
            "forever": "v0",
            "use v0": "refused",
        },
    ), before
    async with httpx.AsyncClient(base_url=live_server.url, auth=("api", alice.key)) as http:

        async def gql(query, variables):
            return (await http.post("/graphql", json={"query": query, "variables": variables})).json()

        v0_id = artifact_service_global_id(v0.id)
        assert (await gql(BY_ID, {"id": v0_id}))["data"]["artifact"] == {
            "state": "DELETED",
            "ttlDurationSeconds": 7200,
            "ttlIsInherited": False,
        }
        refused = await gql(UPDATE_TTL, {"input": {"artifactID": v0_id, "ttlDurationSeconds": 60}})
        assert "not found" in refused["errors"][0]["message"], refused  # an expired version is not brought back
        # the authenticated download route no longer serves its content; the live version's it does
        w0_md5, w1_md5 = hashlib.md5(b"zero" * 100).hexdigest(), hashlib.md5(b"one" * 100).hexdigest()
        gone = await http.get(f"/artifactsV2/default/alice/ttl/weights/{v0_id}/{w0_md5}/w0.bin")
        live = await http.get(
            f"/artifactsV2/default/alice/ttl/weights/{artifact_service_global_id(v1.id)}/{w1_md5}/w1.bin"
        )
        assert (gone.status_code, live.status_code, live.content) == (404, 200, b"one" * 100)
        bad = await gql(
            UPDATE_TTL, {"input": {"artifactID": artifact_service_global_id(v1.id), "ttlDurationSeconds": 0}}
        )
        assert "ttlDurationSeconds 0 is invalid" in bad["errors"][0]["message"], bad

    # the expiry job (as the job worker runs it) deletes v0, frees its alias and its content
    handler = background.expiry_handler(db, db.session_factory)
    retry = await handler(
        jobs.Claimed(id=0, kind=background.ARTIFACT_EXPIRY, payload={}, attempts=1, created_at=utcnow())
    )
    assert isinstance(retry, jobs.Retry) and retry.at > utcnow() + timedelta(seconds=200)
    w0 = hashlib.md5(b"zero" * 100).hexdigest()
    async with db.session_factory() as session:
        expired = await session.get(tables.Artifact, v0.id)
        assert expired.state == "DELETED"
        assert (
            await session.scalars(select(tables.ArtifactAlias.alias).where(tables.ArtifactAlias.artifact_id == v0.id))
        ).all() == []
        assert await session.scalar(select(tables.Blob).where(tables.Blob.md5 == w0)) is None
        events = (
            await session.scalars(select(tables.AuditEvent).where(tables.AuditEvent.action == "artifact.expire"))
        ).all()
    assert [(e.actor_id, e.target_id) for e in events] == [(None, v0.id)]
    details = events[0].details
    assert (details["collection"], details["version"], details["aliases"], details["via"]) == (
        "weights",
        0,
        ["first"],
        "ttl",
    )
    assert details["bytes_freed"] > 400 and details["ttl_duration_seconds"] == 7200  # its file and its manifest
    assert [k async for k, _ in db.storage.keys(f"blobs/md5/{w0}/")] == []
    assert await background.expire_artifacts(db, db.session_factory) == (0, 0)  # nothing more is due

    # two days on: v1 (the latest) expires too; latest names nothing, the collection lists nothing
    clock(timedelta(days=2))
    after = await run_client(
        tmp_path / "read2", live_server.url, alice.key, READ, ENTITY="alice", PROJECT="ttl", RUN="reader2"
    )
    assert not differences(after, {"latest": "not found", "listed": [], "forever": "v0"}), after
    versions, freed = await background.expire_artifacts(db, db.session_factory)
    assert versions == 1 and freed > 300
    async with db.session_factory() as session:
        latest = (
            await session.scalars(
                select(tables.ArtifactAlias)
                .join(tables.ArtifactCollection, tables.ArtifactCollection.id == tables.ArtifactAlias.collection_id)
                .where(tables.ArtifactCollection.name == "weights")
            )
        ).all()
        states = sorted(
            (
                await session.execute(
                    select(tables.Artifact.version_index, tables.Artifact.state).order_by(tables.Artifact.id)
                )
            ).all()
        )
    assert latest == [] and states == [(0, "COMMITTED"), (0, "DELETED"), (1, "DELETED")]


def artifact_service_global_id(pk: int) -> str:
    from app.api import ids

    return ids.encode("Artifact", pk)
