"""End to end with the official wandb client: artifacts saved, versioned, deduplicated, aliased,
used, downloaded, linked and deleted, read back through wandb.Api(), and checked in the database
and the blob store."""

from __future__ import annotations

import hashlib
import json
import shutil

import httpx
import pytest
from sqlalchemy import func, select

from app.db import tables
from tests.support.api import differences, live_account, run_client
from tests.support import postgres_reachable

ENTITY_PROJECT = "vision"

SAVE_AND_USE = r"""
import json, os, pathlib, wandb

results = {}

def check(name, fn):
    try:
        results[name] = fn()
    except Exception as error:  # the report names every failing check
        results[name] = {"error": f"{type(error).__name__}: {error}"}

data = pathlib.Path("dataset")
(data / "docs").mkdir(parents=True, exist_ok=True)
(data / "train.csv").write_text("a,b\n1,2\n")
(data / "docs" / "notes.txt").write_text("first notes")
(pathlib.Path("ref.txt")).write_text("referenced, not uploaded")

with wandb.init(entity=ENTITY, project=PROJECT, id="producer1", job_type="build") as run:
    art = wandb.Artifact("dataset", type="dataset", description="a small dataset", metadata={"rows": 1})
    art.add_dir(str(data))
    logged = run.log_artifact(art, aliases=["best"])
    logged.wait()
    results["v0"] = [logged.version, sorted(logged.aliases)]

    (data / "docs" / "notes.txt").write_text("second notes, longer")
    art = wandb.Artifact("dataset", type="dataset", metadata={"rows": 2})
    art.add_dir(str(data))
    logged = run.log_artifact(art)
    logged.wait()
    results["v1"] = [logged.version, sorted(logged.aliases)]

    art = wandb.Artifact("dataset", type="dataset", metadata={"rows": 2})
    art.add_dir(str(data))
    logged = run.log_artifact(art, aliases=["candidate"])
    logged.wait()
    results["identical"] = logged.version

    ref = wandb.Artifact("refs", type="dataset")
    ref.add_reference("file://" + os.path.abspath("ref.txt"))
    ref.add_reference("https://example.com/data.bin", checksum=False)
    ref_logged = run.log_artifact(ref)
    ref_logged.wait()

with wandb.init(entity=ENTITY, project=PROJECT, id="consumer1", job_type="train") as run:
    used = run.use_artifact("dataset:best")
    path = pathlib.Path(used.download())
    results["download best"] = {p.relative_to(path).as_posix(): p.read_text() for p in sorted(path.rglob("*")) if p.is_file()}
    latest = run.use_artifact("dataset:latest")
    path = pathlib.Path(latest.download(root="latest-copy"))
    results["download latest"] = (path / "docs" / "notes.txt").read_text()
    check("verify", lambda: latest.verify(root="latest-copy") is None)
    refs = run.use_artifact("refs:v0")
    check("reference entries", lambda: sorted((e.path, e.ref) for e in refs.manifest.entries.values()))

api = wandb.Api()
a = api.artifact(f"{ENTITY}/{PROJECT}/dataset:v0")
results["api v0"] = {"aliases": sorted(a.aliases), "metadata": a.metadata, "description": a.description,
                     "type": a.type, "version": a.version, "files": sorted(f.name for f in a.files()),
                     "logged_by": a.logged_by().id, "used_by": sorted(r.id for r in a.used_by()),
                     "size": a.size, "file_count": a.file_count if hasattr(a, "file_count") else None}
latest = api.artifact(f"{ENTITY}/{PROJECT}/dataset:latest")
results["api latest"] = [latest.version, sorted(latest.aliases), latest.metadata]  # the identical log's alias too
results["versions"] = sorted(v.version for v in api.artifacts("dataset", f"{ENTITY}/{PROJECT}/dataset"))
results["types"] = sorted(t.name for t in api.artifact_types(f"{ENTITY}/{PROJECT}"))
results["collections"] = sorted(c.name for c in api.artifact_collections(f"{ENTITY}/{PROJECT}", "dataset"))
results["collection"] = api.artifact_collection("dataset", f"{ENTITY}/{PROJECT}/dataset").name
producer = api.run(f"{ENTITY}/{PROJECT}/producer1")
results["logged_artifacts"] = sorted(x.name for x in producer.logged_artifacts())
consumer = api.run(f"{ENTITY}/{PROJECT}/consumer1")
results["used_artifacts"] = sorted(x.name for x in consumer.used_artifacts())

v1 = api.artifact(f"{ENTITY}/{PROJECT}/dataset:v1")
v1.aliases.append("production")
v1.description = "promoted"
v1.metadata = {"rows": 2, "checked": True}
v1.save()
again = api.artifact(f"{ENTITY}/{PROJECT}/dataset:production")
results["after save"] = [again.version, sorted(again.aliases), again.description, again.metadata]

def collection_changes():
    refs = api.artifact_collection("dataset", f"{ENTITY}/{PROJECT}/refs")
    refs.description = "external data"
    refs.name = "references"
    refs.save()
    renamed = api.artifact_collection("dataset", f"{ENTITY}/{PROJECT}/references")
    described = renamed.description
    renamed.delete()
    left = sorted(c.name for c in api.artifact_collections(f"{ENTITY}/{PROJECT}", "dataset"))
    return [described, left]
check("collection rename, describe, delete", collection_changes)

def delete_v0():
    old = api.artifact(f"{ENTITY}/{PROJECT}/dataset:v0")
    try:
        old.delete()
        refused = False
    except Exception:
        refused = True
    old.delete(delete_aliases=True)
    return refused
check("delete v0 (refused with an alias first)", delete_v0)

def gone():
    try:
        api.artifact(f"{ENTITY}/{PROJECT}/dataset:v0")
        return "still there"
    except Exception as error:
        return "not found" in str(error)
check("v0 gone", gone)
results["best gone with it"] = gone_best = None
try:
    api.artifact(f"{ENTITY}/{PROJECT}/dataset:best")
    results["best gone with it"] = False
except Exception:
    results["best gone with it"] = True
print(json.dumps(results))
"""

EXPECTED = {
    "v0": ["v0", ["best", "latest"]],
    "v1": ["v1", ["latest"]],
    "identical": "v1",
    "download best": {"docs/notes.txt": "first notes", "train.csv": "a,b\n1,2\n"},
    "download latest": "second notes, longer",
    "verify": True,
    "api v0": {
        "aliases": ["best"],
        "metadata": {"rows": 1},
        "description": "a small dataset",
        "type": "dataset",
        "version": "v0",
        "files": ["docs/notes.txt", "train.csv"],
        "logged_by": "producer1",
        "used_by": ["consumer1"],
        "size": 19,
        "file_count": 2,
    },
    "api latest": ["v1", ["candidate", "latest"], {"rows": 2}],
    "versions": ["v0", "v1"],
    "types": ["dataset"],
    "collections": ["dataset", "refs"],  # refs is renamed and deleted further on
    "collection": "dataset",
    "logged_artifacts": ["dataset:v0", "dataset:v1", "refs:v0"],
    "used_artifacts": ["dataset:v0", "dataset:v1", "refs:v0"],
    "after save": ["v1", ["candidate", "latest", "production"], "promoted", {"rows": 2, "checked": True}],
    "collection rename, describe, delete": ["external data", ["dataset"]],
    "delete v0 (refused with an alias first)": True,
    "v0 gone": True,
    "best gone with it": True,
}


@pytest.fixture
def db(live_server):
    return live_server.runtime


@pytest.mark.both_storages  # on S3 the client PUTs and GETs straight to the bucket
async def test_save_version_dedup_use_download_read_and_delete(live_server, db, tmp_path, storage_backend):
    alice = await live_account(live_server, "alice")
    results = await run_client(
        tmp_path, live_server.url, alice.key, SAVE_AND_USE, ENTITY="alice", PROJECT=ENTITY_PROJECT
    )
    results["reference entries"] = results.get("reference entries")
    problems = differences(results, EXPECTED)
    assert not problems, problems
    refs = results["reference entries"]
    assert [path for path, _ in refs] == ["data.bin", "ref.txt"] and refs[0][1] == "https://example.com/data.bin"
    async with db.session_factory() as session:
        states = dict(
            (
                await session.execute(
                    select(tables.Artifact.version_index, tables.Artifact.state)
                    .join(tables.ArtifactCollection, tables.ArtifactCollection.id == tables.Artifact.collection_id)
                    .where(tables.ArtifactCollection.name == "dataset")
                )
            ).all()
        )
        blobs = (await session.scalars(select(tables.Blob))).all()
        references = (
            await session.scalars(select(tables.ArtifactFile.ref).where(tables.ArtifactFile.ref.is_not(None)))
        ).all()
    assert states == {0: "DELETED", 1: "COMMITTED"}  # the identical third log made no version
    assert references == []  # recorded (the client read them back above), and gone with their collection
    # v0's notes are gone from the store (nothing else referenced them); the shared train.csv stays
    stored = {b.md5: b for b in blobs}
    assert hashlib.md5(b"first notes").hexdigest() not in stored
    assert hashlib.md5(b"a,b\n1,2\n").hexdigest() in stored
    gone = f"blobs/md5/{hashlib.md5(b'first notes').hexdigest()}/"
    assert [key async for key, _ in db.storage.keys(gone)] == []
    for blob in blobs:
        assert await db.storage.size(blob.storage_key) == blob.size


MODELS_TABLES_CODE = r"""
import json, os, pathlib, subprocess, sys, wandb

results = {}

def check(name, fn):
    try:
        results[name] = fn()
    except Exception as error:
        results[name] = {"error": f"{type(error).__name__}: {error}"}

pathlib.Path("model.pt").write_bytes(bytes(range(256)) * 64)
pathlib.Path("train.py").write_text("print('training')\n")

with wandb.init(entity=ENTITY, project=PROJECT, id="trainer1", settings=wandb.Settings(save_code=False)) as run:
    model = run.log_model("model.pt", name="classifier", aliases=["best"])
    table = wandb.Table(columns=["id", "label"], data=[[1, "cat"], [2, "dog"]])
    run.log({"predictions": table})
    code = run.log_code(".", include_fn=lambda p: p.endswith("train.py"))
    results["log_code"] = code is not None
    art = wandb.Artifact("checkpoint", type="model")
    art.add_file("model.pt")
    linked_source = run.log_artifact(art, aliases=["epoch-1"])
    linked_source.wait()
    run.link_artifact(linked_source, f"{ENTITY}/{PROJECT}/registered-model", aliases=["production"])

    # what Lightning's WandbLogger(log_model=True) sends for each checkpoint
    for epoch, score in ((0, 0.5), (1, 0.8)):
        pathlib.Path(f"epoch={epoch}.ckpt").write_bytes(f"checkpoint {epoch}".encode())
        ckpt = wandb.Artifact(f"model-{run.id}", type="model", metadata={
            "score": score, "original_filename": f"epoch={epoch}.ckpt", "ModelCheckpoint": {"monitor": "acc"}})
        ckpt.add_file(f"epoch={epoch}.ckpt", name="model.ckpt")
        run.log_artifact(ckpt, aliases=["latest", "best"] if score > 0.6 else ["latest"])

    # the same bytes under another name in another project: no new content stored
    other = wandb.Artifact("copy-of-model", type="model")
    other.add_file("model.pt")

with wandb.init(entity=ENTITY, project=OTHER_PROJECT, id="copier1") as run:
    run.log_artifact(other).wait()

with wandb.init(entity=ENTITY, project=PROJECT, id="user1") as run:
    path = run.use_model("classifier:best")
    results["use_model"] = pathlib.Path(path).read_bytes() == pathlib.Path("model.pt").read_bytes()
    restored = pathlib.Path(run.use_artifact("model-trainer1:best").download()) / "model.ckpt"
    results["lightning checkpoint"] = restored.read_text()
    linked = run.use_artifact("registered-model:production")
    results["linked download"] = (pathlib.Path(linked.download()) / "model.pt").read_bytes() == pathlib.Path("model.pt").read_bytes()

api = wandb.Api()
def table_rows():
    art = api.artifact(f"{ENTITY}/{PROJECT}/run-trainer1-predictions:latest")
    return art.get("predictions").data
check("table", table_rows)
def code_files():
    collection = next(iter(api.artifact_collections(f"{ENTITY}/{PROJECT}", "code")))
    return sorted(f.name for f in api.artifact(f"{ENTITY}/{PROJECT}/{collection.name}:latest").files())
check("code artifact", code_files)
def portfolio():
    member = api.artifact(f"{ENTITY}/{PROJECT}/registered-model:production")
    return [member.version, sorted(member.aliases), member.source_name, member.type]
check("portfolio", portfolio)
def unlink():
    api.artifact(f"{ENTITY}/{PROJECT}/registered-model:production").unlink()
    try:
        api.artifact(f"{ENTITY}/{PROJECT}/registered-model:production")
        return "still linked"
    except Exception as error:
        return "not found" in str(error) and api.artifact(f"{ENTITY}/{PROJECT}/checkpoint:v0").version == "v0"

check("model aliases", lambda: sorted(api.artifact(f"{ENTITY}/{PROJECT}/classifier:latest").aliases))
check("unlink", unlink)

# incremental: a draft of the latest version with one more file, and an incremental artifact
pathlib.Path("extra.txt").write_text("extra")
pathlib.Path("more.txt").write_text("more")
with wandb.init(entity=ENTITY, project=PROJECT, id="incr1") as run:
    draft = api.artifact(f"{ENTITY}/{PROJECT}/checkpoint:latest").new_draft()
    draft.add_file("extra.txt")
    run.log_artifact(draft).wait()
    inc = wandb.Artifact("checkpoint", type="model", incremental=True)
    inc.add_file("more.txt")
    run.log_artifact(inc).wait()
def incremental():
    v1 = api.artifact(f"{ENTITY}/{PROJECT}/checkpoint:v1")
    v2 = api.artifact(f"{ENTITY}/{PROJECT}/checkpoint:v2")
    root = pathlib.Path(v2.download(root="incr"))
    return [sorted(f.name for f in v1.files()), sorted(f.name for f in v2.files()),
            sorted(p.name for p in root.iterdir()), (root / "model.pt").read_bytes() == pathlib.Path("model.pt").read_bytes()]
check("incremental", incremental)

# a distributed version: two writers add their parts, the last one finishes it
for writer in ("a", "b"):
    pathlib.Path(f"part-{writer}.txt").write_text(f"part {writer}")
    with wandb.init(entity=ENTITY, project=PROJECT, id=f"writer-{writer}", group="shards") as run:
        part = wandb.Artifact("sharded", type="dataset")
        part.add_file(f"part-{writer}.txt")
        run.upsert_artifact(part, distributed_id="shard-job")
        if writer == "b":
            run.finish_artifact(wandb.Artifact("sharded", type="dataset"), distributed_id="shard-job")
check("distributed", lambda: [a.version for a in api.artifacts("dataset", f"{ENTITY}/{PROJECT}/sharded")] + sorted(
    f.name for f in api.artifact(f"{ENTITY}/{PROJECT}/sharded:latest").files()))

# the CLI
pathlib.Path("cli-data").mkdir(exist_ok=True)
pathlib.Path("cli-data/a.txt").write_text("from the cli")
put = subprocess.run([sys.executable, "-m", "wandb", "artifact", "put", "--name", f"{ENTITY}/{PROJECT}/cli-data",
                      "--type", "dataset", "cli-data"], capture_output=True, text=True)
results["cli put"] = put.returncode
get = subprocess.run([sys.executable, "-m", "wandb", "artifact", "get", "--root", "cli-out",
                      f"{ENTITY}/{PROJECT}/cli-data:latest"], capture_output=True, text=True)
results["cli get"] = [get.returncode, pathlib.Path("cli-out/a.txt").read_text() if pathlib.Path("cli-out/a.txt").exists() else (put.stderr[-800:] + get.stderr[-800:])]
print(json.dumps(results))
"""

EXPECTED_MODELS = {
    "log_code": True,
    "use_model": True,
    "lightning checkpoint": "checkpoint 1",
    "linked download": True,
    "table": [[1, "cat"], [2, "dog"]],
    "portfolio": ["v0", ["latest", "production"], "checkpoint:v0", "model"],
    "model aliases": ["best", "latest"],
    "unlink": True,
    "incremental": [
        ["extra.txt", "model.pt"],
        ["extra.txt", "model.pt", "more.txt"],
        ["extra.txt", "model.pt", "more.txt"],
        True,
    ],
    "distributed": ["v0", "part-a.txt", "part-b.txt"],
    "cli put": 0,
    "cli get": [0, "from the cli"],
}


async def test_models_links_tables_code_incremental_and_cli(live_server, db, tmp_path):
    alice = await live_account(live_server, "alice")
    results = await run_client(
        tmp_path,
        live_server.url,
        alice.key,
        MODELS_TABLES_CODE,
        ENTITY="alice",
        PROJECT=ENTITY_PROJECT,
        OTHER_PROJECT="elsewhere",
    )
    code = results.pop("code artifact")
    problems = differences(results, EXPECTED_MODELS)
    assert not problems, problems
    assert code == ["train.py"], code
    model = bytes(range(256)) * 64
    async with db.session_factory() as session:
        copies = await session.scalar(
            select(func.count()).select_from(tables.Blob).where(tables.Blob.md5 == hashlib.md5(model).hexdigest())
        )
        files = await session.scalar(
            select(func.count())
            .select_from(tables.ArtifactFile)
            .join(tables.Blob, tables.Blob.id == tables.ArtifactFile.blob_id)
            .where(tables.Blob.md5 == hashlib.md5(model).hexdigest())
        )
    assert copies == 1 and files >= 4  # classifier, checkpoint v0..v2, copy-of-model: one stored copy


PRODUCE = r"""
import json, pathlib, wandb

pathlib.Path("weights.bin").write_bytes(b"w" * 5000)
pathlib.Path("data.csv").write_text("x\n1\n")
with wandb.init(entity=ENTITY, project=PROJECT, id="prep1") as run:
    data = wandb.Artifact("inputs", type="dataset")
    data.add_file("data.csv")
    run.log_artifact(data).wait()
with wandb.init(entity=ENTITY, project=PROJECT, id="mover1", config={"lr": 0.1}) as run:
    run.use_artifact("inputs:latest").download()
    weights = wandb.Artifact("weights", type="model")
    weights.add_file("weights.bin")
    run.log_artifact(weights).wait()
print(json.dumps({"ok": True}))
"""

READ_MOVED = r"""
import json, pathlib, wandb

api = wandb.Api()
run = api.run(f"{ENTITY}/{DESTINATION}/mover1")
logged = list(run.logged_artifacts())
used = list(run.used_artifacts())
root = pathlib.Path(logged[0].download(root="moved"))
print(json.dumps({"logged": [a.name for a in logged], "used": [a.name for a in used],
                  "source project": logged[0].project, "bytes ok": (root / "weights.bin").read_bytes() == b"w" * 5000,
                  "logged_by": logged[0].logged_by().project}))
"""

MOVE_RUNS = """mutation($input: MoveRunsInput!) { moveRuns(input: $input) { movedCount dryRun
  artifactCollections { entityName projectName name versionCount } } }"""
DELETE_RUNS = """mutation($input: DeleteRunsInput!) { deleteRuns(input: $input) { deletedCount } }"""
RECIPE = """query($e: String!, $p: String!, $r: String!) { project(name: $p, entityName: $e) { run(name: $r) {
  recipe { config commit inputs { name path type digest artifact { id } } outputs { name path digest } } } } }"""


async def test_moved_runs_keep_their_artifacts_and_deleting_runs_can_take_them(live_server, db, tmp_path):
    alice = await live_account(live_server, "alice")
    await run_client(tmp_path / "a", live_server.url, alice.key, PRODUCE, ENTITY="alice", PROJECT="lab")
    async with httpx.AsyncClient(base_url=live_server.url, auth=("api", alice.key)) as http:

        async def gql(query, variables):
            payload = (await http.post("/graphql", json={"query": query, "variables": variables})).json()
            assert not payload.get("errors"), payload
            return payload["data"]

        recipe = (await gql(RECIPE, {"e": "alice", "p": "lab", "r": "mover1"}))["project"]["run"]["recipe"]
        assert json.loads(recipe["config"])["lr"]["value"] == 0.1
        assert [(i["name"], i["path"], i["type"]) for i in recipe["inputs"]] == [
            ("inputs:v0", "alice/lab/inputs:v0", "dataset")
        ]
        assert [o["name"] for o in recipe["outputs"]] == ["weights:v0"] and all(
            len(x["digest"]) == 32 for x in recipe["inputs"] + recipe["outputs"]
        )

        move = {
            "sourceEntityName": "alice",
            "sourceProjectName": "lab",
            "destinationEntityName": "alice",
            "destinationProjectName": "archive",
            "runNames": ["mover1"],
            "createDestinationProject": True,
        }
        dry = (await gql(MOVE_RUNS, {"input": {**move, "dryRun": True}}))["moveRuns"]
        assert dry["artifactCollections"] == [
            {"entityName": "alice", "projectName": "lab", "name": "weights", "versionCount": 1}
        ]
        assert (await gql(MOVE_RUNS, {"input": move}))["moveRuns"]["movedCount"] == 1

        moved = await run_client(
            tmp_path / "b", live_server.url, alice.key, READ_MOVED, ENTITY="alice", DESTINATION="archive"
        )
        assert moved == {
            "logged": ["weights:v0"],
            "used": ["inputs:v0"],
            "source project": "lab",
            "bytes ok": True,
            "logged_by": "archive",
        }

        weights = hashlib.md5(b"w" * 5000).hexdigest()
        await gql(DELETE_RUNS, {"input": {"entityName": "alice", "projectName": "lab", "runNames": ["prep1"]}})
        async with db.session_factory() as session:
            inputs = await session.scalar(
                select(tables.Artifact)
                .where(tables.Artifact.digest.is_not(None))
                .join(tables.ArtifactCollection)
                .where(tables.ArtifactCollection.name == "inputs")
            )
            assert (inputs.state, inputs.run_id) == ("COMMITTED", None)  # kept, without its producing run
            key = await session.scalar(select(tables.Blob.storage_key).where(tables.Blob.md5 == weights))
        await gql(
            DELETE_RUNS,
            {
                "input": {
                    "entityName": "alice",
                    "projectName": "archive",
                    "runNames": ["mover1"],
                    "deleteArtifacts": True,
                }
            },
        )
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
            assert await session.scalar(select(tables.Blob.id).where(tables.Blob.md5 == weights)) is None
        assert states == {"inputs": "COMMITTED", "weights": "DELETED"}
        assert await db.storage.size(key) is None


LARGE_FILE = r"""
import hashlib, json, os, pathlib, time, wandb

path = pathlib.Path("big.bin")
with open(path, "wb") as handle:  # sparse: 2 GiB + 1 MiB, with data at both ends
    handle.write(b"head" * 1024)
    handle.seek(SIZE - 4096)
    handle.write(b"tail" * 1024)

def md5(p):
    digest = hashlib.md5()
    with open(p, "rb") as handle:
        while chunk := handle.read(16 * 1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()

with wandb.init(entity=ENTITY, project=PROJECT, id="bigrun1") as run:
    art = wandb.Artifact("big", type="model")
    art.add_file(str(path))
    started = time.monotonic()
    run.log_artifact(art).wait()
    uploaded = time.monotonic() - started
os.remove(path)  # nothing local to copy from: the download must come from the server
with wandb.init(entity=ENTITY, project=PROJECT, id="bigrun2") as run:
    root = pathlib.Path(run.use_artifact("big:latest").download(root="big-copy"))
    copy = root / "big.bin"
    print(json.dumps({"size": copy.stat().st_size, "md5": md5(copy), "upload seconds": round(uploaded, 1)}))
"""


async def test_a_file_past_2_gib_round_trips_through_a_multipart_upload(live_server, db, tmp_path, database_url):
    if database_url.startswith("sqlite") and postgres_reachable():
        pytest.skip("run once, on PostgreSQL, where sizes past 2**31 need the 64-bit columns")
    alice = await live_account(live_server, "alice")
    size = 2 * 1024**3 + 1024**2
    expected = hashlib.md5()
    expected.update(b"head" * 1024)
    zeros = bytes(16 * 1024 * 1024)
    remaining = size - 8192
    while remaining:
        chunk = zeros[: min(len(zeros), remaining)]
        expected.update(chunk)
        remaining -= len(chunk)
    expected.update(b"tail" * 1024)
    results = await run_client(
        tmp_path, live_server.url, alice.key, LARGE_FILE, ENTITY="alice", PROJECT="big", SIZE=size, timeout=900
    )
    assert (results["size"], results["md5"]) == (size, expected.hexdigest()), results
    async with db.session_factory() as session:
        blob = await session.scalar(select(tables.Blob).where(tables.Blob.md5 == expected.hexdigest()))
        multipart = (
            await session.scalars(
                select(tables.AuditEvent.details).where(tables.AuditEvent.action == "artifact.multipart.complete")
            )
        ).all()
    try:
        assert blob.size == size and await db.storage.size(blob.storage_key) == size
        # the client's 100 MiB parts, joined by the server (its threshold for multipart is 2 GiB)
        assert [(d["size"], d["parts"]) for d in multipart] == [(size, 21)], multipart
    finally:  # gigabytes: do not leave them behind in pytest's kept temp dirs
        await db.storage.delete(blob.storage_key)
        shutil.rmtree(tmp_path, ignore_errors=True)
