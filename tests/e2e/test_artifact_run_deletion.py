"""What deleting a run does to its artifacts, through the official client's Run.delete() (W&B's
deleteRun): with delete_artifacts=True the versions the run logged go (aliases, content nothing else
holds, one audit event each); without it they stay in their collections with no producing run; the
versions a run only used are never deleted with it."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from app.db import tables
from tests.support.api import differences, live_account, run_client

SCRIPT = r"""
import json, pathlib, wandb

pathlib.Path("kept.bin").write_bytes(b"kept" * 100)
pathlib.Path("gone.bin").write_bytes(b"gone" * 100)
with wandb.init(entity=ENTITY, project=PROJECT, id="keeper") as run:
    kept = wandb.Artifact("kept", type="dataset")
    kept.add_file("kept.bin")
    run.log_artifact(kept, aliases=["stable"]).wait()
with wandb.init(entity=ENTITY, project=PROJECT, id="dropper") as run:
    run.use_artifact("kept:stable")
    gone = wandb.Artifact("gone", type="model")
    gone.add_file("gone.bin")
    run.log_artifact(gone, aliases=["best"]).wait()

api = wandb.Api()
api.run(f"{ENTITY}/{PROJECT}/keeper").delete()
api.run(f"{ENTITY}/{PROJECT}/dropper").delete(delete_artifacts=True)
api = wandb.Api()
def read(name):
    try:
        artifact = api.artifact(f"{ENTITY}/{PROJECT}/{name}")
        return [artifact.version, sorted(artifact.aliases), artifact.logged_by()]
    except Exception as error:
        return "not found" if "not found" in str(error) else f"{type(error).__name__}: {error}"
print(json.dumps({"kept": read("kept:stable"), "gone": read("gone:best"), "gone v0": read("gone:v0")}))
"""


async def test_deleting_runs_through_the_client_keeps_or_deletes_what_they_logged(live_server, tmp_path):
    db = live_server.runtime
    alice = await live_account(live_server, "alice")
    results = await run_client(tmp_path, live_server.url, alice.key, SCRIPT, ENTITY="alice", PROJECT="cleanup")
    problems = differences(
        results, {"kept": ["v0", ["latest", "stable"], None], "gone": "not found", "gone v0": "not found"}
    )
    assert not problems, problems
    async with db.session_factory() as session:
        states = dict(
            (
                await session.execute(
                    select(tables.ArtifactCollection.name, tables.Artifact.state).join(
                        tables.ArtifactCollection, tables.ArtifactCollection.id == tables.Artifact.collection_id
                    )
                )
            ).all()
        )
        aliases = (
            await session.scalars(
                select(tables.ArtifactAlias.alias)
                .join(tables.ArtifactCollection, tables.ArtifactCollection.id == tables.ArtifactAlias.collection_id)
                .where(tables.ArtifactCollection.name == "gone")
            )
        ).all()
        held = {b.md5 for b in (await session.scalars(select(tables.Blob))).all()}
        deleted = (
            await session.scalars(
                select(tables.AuditEvent.details).where(tables.AuditEvent.action == "artifact.delete")
            )
        ).all()
    assert states == {"kept": "COMMITTED", "gone": "DELETED"}  # "kept" was used by the deleted run, not logged
    assert aliases == []
    assert hashlib.md5(b"kept" * 100).hexdigest() in held and hashlib.md5(b"gone" * 100).hexdigest() not in held
    assert [(d["collection"], d["reason"]) for d in deleted] == [("gone", "its run was deleted")]
