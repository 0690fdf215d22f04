"""Acceptance points of the artifact work that no other test pins down: historyStep and client ids
recorded at creation and answered back (ClientIDMapping only to readers), bytesFreed counting only
content nothing else holds, and identical bytes logged under another name in another project
costing the data directory no more than their metadata."""

from __future__ import annotations

import os

from sqlalchemy import select

from app.api import ids
from app.db import tables
from tests.support.api import live_account, run_client
from tests.support.artifacts import save_artifact
from tests.support import make_account

CREATE = """mutation($input: CreateArtifactInput!) { createArtifact(input: $input) { artifact { id historyStep } } }"""
BY_ID = """query($id: ID!) { artifact(id: $id) { historyStep state } }"""
CLIENT_ID = """query($c: ID!) { clientIDMapping(clientID: $c) { serverID } }"""
DELETE = """mutation($id: ID!) { deleteArtifact(input: {artifactID: $id, deleteAliases: true}) { bytesFreed
  artifact { state } } }"""


async def test_history_step_and_client_ids_are_recorded_and_answered_to_readers_only(gql, runtime):
    alice = await make_account(runtime, "alice")
    outsider = await make_account(runtime, "otto")
    created = await gql.data(
        CREATE,
        {
            "input": {
                "entityName": "alice",
                "projectName": "p",
                "artifactTypeName": "dataset",
                "artifactCollectionName": "d",
                "digest": "a" * 32,
                "historyStep": 12,
                "clientID": "client-side-id-1",
                "aliases": [],
            }
        },
        key=alice.key,
    )
    artifact = created["createArtifact"]["artifact"]
    assert artifact["historyStep"] == 12
    assert (await gql.data(BY_ID, {"id": artifact["id"]}, key=alice.key))["artifact"] == {
        "historyStep": 12,
        "state": "PENDING",
    }
    mapping = await gql.data(CLIENT_ID, {"c": "client-side-id-1"}, key=alice.key)
    assert mapping == {"clientIDMapping": {"serverID": artifact["id"]}}
    assert await gql.data(CLIENT_ID, {"c": "client-side-id-1"}, key=outsider.key) == {"clientIDMapping": None}
    assert await gql.data(CLIENT_ID, {"c": "never-seen"}, key=alice.key) == {"clientIDMapping": None}


async def test_bytes_freed_counts_only_content_nothing_else_holds(gql, runtime, storage_backend):
    alice = await make_account(runtime, "alice")
    shared, own = b"shared" * 1000, b"only in v0" * 300
    v0 = await save_artifact(runtime, "alice", "alice", "p", "data", {"a.bin": shared, "b.bin": own})
    await save_artifact(runtime, "alice", "alice", "p", "data", {"a.bin": shared, "c.bin": b"v1"})
    async with runtime.session_factory() as session:
        before = {b.storage_key: b.size for b in (await session.scalars(select(tables.Blob))).all()}
    deleted = (await gql.data(DELETE, {"id": v0.global_id}, key=alice.key))["deleteArtifact"]
    async with runtime.session_factory() as session:
        after = {b.storage_key: b.size for b in (await session.scalars(select(tables.Blob))).all()}
    gone = set(before) - set(after)
    assert v0.keys["b.bin"] in gone and v0.keys["a.bin"] in after  # the shared file stays for v1
    assert deleted == {"bytesFreed": sum(before[k] for k in gone), "artifact": {"state": "DELETED"}}
    assert deleted["bytesFreed"] >= len(own)
    assert [await runtime.storage.size(k) for k in sorted(gone)] == [None] * len(gone)
    async with runtime.session_factory() as session:
        event = await session.scalar(select(tables.AuditEvent).where(tables.AuditEvent.action == "artifact.delete"))
    assert event.details["bytes_freed"] == deleted["bytesFreed"] and event.target_id == ids.decode_as(
        v0.global_id, "Artifact"
    )


SIX_MB = r"""
import json, os, pathlib, wandb

pathlib.Path("model.bin").write_bytes(bytes(range(256)) * (6 * 1024 * 1024 // 256))
with wandb.init(entity=ENTITY, project=PROJECT, id=RUN) as run:
    art = wandb.Artifact(NAME, type="model")
    art.add_file("model.bin")
    run.log_artifact(art).wait()
print(json.dumps({"ok": True}))
"""


def _stored_bytes(root) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(root) for f in files)


async def test_the_same_model_under_another_name_in_another_project_adds_only_metadata(live_server, tmp_path, settings):
    alice = await live_account(live_server, "alice")
    storage = settings.data_dir / "storage"
    await run_client(
        tmp_path / "a", live_server.url, alice.key, SIX_MB, ENTITY="alice", PROJECT="first", RUN="r1", NAME="model"
    )
    once = _stored_bytes(storage)
    assert once >= 6 * 1024 * 1024
    await run_client(
        tmp_path / "b",
        live_server.url,
        alice.key,
        SIX_MB,
        ENTITY="alice",
        PROJECT="second",
        RUN="r2",
        NAME="copy-of-model",
    )
    grown = _stored_bytes(storage) - once
    assert 0 < grown < 16 * 1024, grown  # the new version's manifest, nothing of the 6 MB
