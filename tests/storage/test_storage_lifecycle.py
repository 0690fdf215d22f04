"""Blob lifecycle: deleting runs frees their files and they are never served again; what a crash
leaves (between commit and removal, or in the middle of an upload) the sweep removes; bad names."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from app.db import tables
from app.domain import blobs
from app.storage.local import INCOMING, LocalBlobStore
from tests.support.storage import send
from tests.support import make_account
from tests.support.tracking import CREATE_RUN_FILES, RUN_FILES, UPSERT_BUCKET, all_rows

DELETE_RUNS = """
mutation DeleteRuns($input: DeleteRunsInput!) {
  deleteRuns(input: $input) { deletedCount runNames freedBytes }
}"""
DELETE_RUN = "mutation($id: ID!) { deleteRun(input: {id: $id}) { clientMutationId } }"


async def _run_with_files(gql, http, account, run: str, contents: dict[str, bytes], *, pending=()) -> dict:
    """A run of ``account`` in project p with ``contents`` uploaded (and ``pending`` never uploaded);
    the listed file nodes by name."""
    await gql.data(UPSERT_BUCKET, {"name": run, "project": "p"}, key=account.key)
    names = [*contents, *pending]
    slots = (
        await gql.data(
            CREATE_RUN_FILES, {"entity": account.username, "project": "p", "run": run, "files": names}, key=account.key
        )
    )["createRunFiles"]["files"]
    for slot in slots:
        if slot["name"] in contents:
            assert (await send(http, "PUT", slot["uploadUrl"], content=contents[slot["name"]])).status_code == 200
    listing = await gql.data(RUN_FILES, {"project": "p", "entity": account.username, "name": run}, key=account.key)
    return {edge["node"]["name"]: edge["node"] for edge in listing["project"]["run"]["files"]["edges"]}


async def _keys(runtime) -> list[str]:
    return [key async for key, _ in runtime.storage.keys("run-files/")]


@pytest.mark.both_storages
async def test_deleting_runs_frees_their_files_which_are_never_served_again(gql, http, runtime, storage_backend):
    alice = await make_account(runtime, "alice")
    first = await _run_with_files(
        gql, http, alice, "r1", {"a.txt": b"12345", "b/c.bin": b"x" * 1000}, pending=["never.txt"]
    )
    kept = await _run_with_files(gql, http, alice, "r2", {"keep.txt": b"kept"})
    assert len(await _keys(runtime)) == 3

    deleted = (
        await gql.data(
            DELETE_RUNS, {"input": {"entityName": "alice", "projectName": "p", "runNames": ["r1"]}}, key=alice.key
        )
    )["deleteRuns"]
    assert deleted == {"deletedCount": 1, "runNames": ["r1"], "freedBytes": 1005}
    gone = {404} if storage_backend == "local" else {403, 404}  # a bucket may answer a missing key with 403
    for node in first.values():
        assert (await send(http, "GET", node["directUrl"])).status_code in gone
        assert (await send(http, "GET", node["url"], auth=("api", alice.key))).status_code == 404
    assert await _keys(runtime) == [(await _row(runtime, "keep.txt")).storage_key]
    assert (await send(http, "GET", kept["keep.txt"]["directUrl"])).content == b"kept"

    [run] = await all_rows(runtime, select(tables.Run).where(tables.Run.name == "r2"))
    from app.api import ids

    await gql.data(DELETE_RUN, {"id": ids.encode("Run", run.id)}, key=alice.key)
    assert await _keys(runtime) == []


async def _row(runtime, name: str) -> tables.RunFile:
    [row] = await all_rows(runtime, select(tables.RunFile).where(tables.RunFile.name == name))
    return row


@pytest.mark.both_storages
async def test_a_crash_between_commit_and_removal_is_swept(gql, http, runtime, storage_backend):
    alice = await make_account(runtime, "alice")
    nodes = await _run_with_files(gql, http, alice, "r1", {"a.txt": b"orphan", "b.txt": b"live"})
    orphan = (await _row(runtime, "a.txt")).storage_key
    async with runtime.session_factory.begin() as session:  # the commit happened; the removal did not
        await session.execute(delete(tables.RunFile).where(tables.RunFile.storage_key == orphan))
    assert await runtime.storage.size(orphan) == 6
    if storage_backend == "local":  # no row references it: the signed URL no longer serves it
        assert (await send(http, "GET", nodes["a.txt"]["directUrl"])).status_code == 404
    unowned = "elsewhere/blob"
    await runtime.storage.put(unowned, _chunks(b"not ours"), max_bytes=100)

    young = await blobs.sweep(runtime.session_factory, runtime.storage, min_age_seconds=3600)
    assert young.orphans == 0 and await runtime.storage.size(orphan) == 6  # an upload may still be in flight

    swept = await blobs.sweep(runtime.session_factory, runtime.storage, min_age_seconds=0)
    assert (swept.orphans, swept.orphan_bytes) == (1, 6)
    assert await runtime.storage.size(orphan) is None
    assert (await send(http, "GET", nodes["b.txt"]["directUrl"])).content == b"live"
    assert await runtime.storage.size(unowned) == 8  # under no registered prefix: never swept


async def test_an_upload_for_a_deleted_run_is_refused_and_not_kept(gql, http, runtime):
    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p"}, key=alice.key)
    slots = (
        await gql.data(
            CREATE_RUN_FILES, {"entity": "alice", "project": "p", "run": "r1", "files": ["late.txt"]}, key=alice.key
        )
    )["createRunFiles"]["files"]
    await gql.data(
        DELETE_RUNS, {"input": {"entityName": "alice", "projectName": "p", "runNames": ["r1"]}}, key=alice.key
    )
    response = await send(http, "PUT", slots[0]["uploadUrl"], content=b"too late")
    assert response.status_code == 404 and "no longer exists" in response.json()["errors"][0]["message"]
    assert await _keys(runtime) == []


@pytest.mark.parametrize(
    "name, code",
    [
        ("notes\nmore.txt", "U+000A"),
        ("tab\tname", "U+0009"),
        ("evil\u202etxt.exe", "U+202E"),
        ("iso\u2066late", "U+2066"),
        ("line\u2028sep", "U+2028"),
        ("bell\x07", "U+0007"),
        ("del\x7f", "U+007F"),
    ],
)
async def test_file_names_with_control_or_bidirectional_characters_are_refused(gql, runtime, name, code):
    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p"}, key=alice.key)
    status, error = await gql.error(
        CREATE_RUN_FILES, {"entity": "alice", "project": "p", "run": "r1", "files": ["ok.txt", name]}, key=alice.key
    )
    assert status == 400 and error["extensions"]["code"] == "BAD_USER_INPUT"
    assert repr(name) in error["message"] and code in error["message"]
    assert await all_rows(runtime, select(tables.RunFile)) == []  # nothing half written
    fine = await gql.data(
        CREATE_RUN_FILES,
        {"entity": "alice", "project": "p", "run": "r1", "files": ["ünïcode/名前 ok.txt"]},
        key=alice.key,
    )
    assert fine["createRunFiles"]["files"][0]["uploadUrl"]


# --- crash leftovers of the local store ------------------------------------------------------------

KILLED_WRITER = textwrap.dedent("""
    import asyncio, sys
    from pathlib import Path
    from app.storage.local import LocalBlobStore

    async def chunks():
        yield b"x" * 1_000_000
        print("WRITING", flush=True)
        await asyncio.sleep(600)
        yield b"never"

    asyncio.run(LocalBlobStore(Path(sys.argv[1])).put("run-files/killed", chunks(), max_bytes=10**9))
""")


def _age(path: Path, seconds: float = 60) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


async def test_temp_files_of_a_killed_upload_are_removed_at_start_and_by_the_sweep(settings, tmp_path):
    root = settings.storage_dir
    writers = []
    for _ in range(2):
        writer = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(root)],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.getcwd()},
        )
        assert writer.stdout.readline().strip() == b"WRITING"
        writers.append(writer)
    writers[0].kill()
    writers[0].wait()
    temps = sorted((root / INCOMING).iterdir())
    assert len(temps) == 2
    for temp in temps:
        _age(temp)
    store = LocalBlobStore(root)
    assert await store.sweep() == 1_000_000  # the killed one; the live writer still holds its lock
    assert len(list((root / INCOMING).iterdir())) == 1
    writers[1].kill()
    writers[1].wait()

    from app.main import create_app

    app = create_app(settings)
    async with app.router.lifespan_context(app):
        for _ in range(50):
            if not list((root / INCOMING).iterdir()):
                break
            await asyncio.sleep(0.1)
    assert list((root / INCOMING).iterdir()) == []
    assert await store.size("run-files/killed") is None


async def test_an_upload_in_progress_is_not_swept(tmp_path):
    store = LocalBlobStore(tmp_path / "s")
    release = asyncio.Event()

    async def chunks():
        yield b"first "
        await release.wait()
        yield b"second"

    upload = asyncio.create_task(store.put("run-files/slow", chunks(), max_bytes=100))
    while not list((tmp_path / "s" / INCOMING).iterdir()):
        await asyncio.sleep(0.01)
    _age(next((tmp_path / "s" / INCOMING).iterdir()))
    assert await store.sweep() == 0
    release.set()
    assert (await upload)[0] == 12
    assert b"".join([chunk async for chunk in store.open("run-files/slow")]) == b"first second"
    assert list((tmp_path / "s" / INCOMING).iterdir()) == []


async def _chunks(data: bytes):
    yield data


async def test_one_process_sweeps_at_a_time(runtime):
    from app.db import dialect

    for _ in range(200):  # the app's own sweep at start may hold the claim for a moment
        async with dialect.claimed(runtime.engine, blobs.SWEEP_JOB) as mine:
            if not mine:
                await asyncio.sleep(0.05)
                continue
            other = await blobs.sweep_if_claimed(
                runtime.engine, runtime.session_factory, runtime.storage, min_age_seconds=0
            )
            # PostgreSQL: the advisory lock is held (by this connection), so the other sweep stands back.
            assert (other is None) == (runtime.dialect == "postgresql")
            break
    else:
        raise AssertionError("the sweep's claim was never free")
    assert (
        await blobs.sweep_if_claimed(runtime.engine, runtime.session_factory, runtime.storage, min_age_seconds=0)
        is not None
    )


async def test_temp_files_of_earlier_versions_beside_the_blobs_are_swept(tmp_path):
    store = LocalBlobStore(tmp_path / "s")
    (tmp_path / "s" / "run-files").mkdir()
    old = tmp_path / "s" / "run-files" / ".abc.123.456.tmp"
    recent = tmp_path / "s" / "run-files" / ".def.123.789.tmp"
    old.write_bytes(b"x" * 100)
    recent.write_bytes(b"y")
    _age(old, 7200)
    assert await store.sweep() == 100
    assert not old.exists() and recent.exists()  # an old server version may still be writing that one
    assert [key async for key, _ in store.keys("run-files/")] == []  # never taken for a blob
