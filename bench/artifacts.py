"""Artifact benchmark on the local blob store, over real HTTP against the real server.

    .venv/bin/python bench/artifacts.py [--dialect sqlite|postgresql] [--size-mib 1024] [--files 10000]

1. One large file: PUT through the signed upload URL createArtifactFiles hands out, and GET through
   the file's directUrl, each against a plain copy of the same bytes on the same disk in the same
   run (read + write + fsync); the server's peak resident memory is sampled throughout.
2. An artifact of ``--files`` small files: the server's time for createArtifactFiles (all entries in
   one call, as wandb-core batches up to 10,000), commitArtifact, and the client's
   GetArtifactMembershipFileUrls pages (perPage 5000). The uploads themselves are not counted.
3. Logging the same content again: bytes the server asks to upload (the client's dedup path).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import PG_ADMIN_DSN, Server, _prepare  # noqa: E402
from tests.support import create_pg_database, drop_pg_database  # noqa: E402
from tests.wandb_artifact_queries import CLIENT_OPERATIONS  # noqa: E402

CHUNK = 8 * 1024 * 1024
CREATE = CLIENT_OPERATIONS["CreateArtifact_catalog_1"]
MANIFEST = CLIENT_OPERATIONS["CreateArtifactManifest_catalog_1"]
FILES = CLIENT_OPERATIONS["CreateArtifactFiles_catalog_1"]
COMMIT = CLIENT_OPERATIONS["CommitArtifact_catalog_1"]
FILE_URLS = CLIENT_OPERATIONS["GetArtifactMembershipFileUrls_catalog_1"]
TARGETS = {"upload vs copy": 0.60, "download vs copy": 0.60, "server seconds, 10k files": 2.0, "peak RSS MB": 150}


def b64md5(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data).digest()).decode()


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class PeakMemory:
    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.05)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


async def gql(http: httpx.AsyncClient, query: str, variables: dict) -> dict:
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    payload = response.json()
    if payload.get("errors"):
        raise RuntimeError(payload["errors"])
    return payload["data"]


async def new_version(http: httpx.AsyncClient, name: str, digest: str) -> tuple[str, str, str]:
    created = (await gql(http, CREATE, {"input": {
        "entityName": "bench", "projectName": "artifacts", "artifactTypeName": "dataset",
        "artifactCollectionName": name, "digest": digest, "aliases": [{"alias": "latest", "artifactCollectionName": name}],
        "enableDigestDeduplication": True}}))["createArtifact"]["artifact"]
    if created["state"] == "COMMITTED":  # the client uploads nothing then
        return created["id"], created["state"], ""
    manifest = (await gql(http, MANIFEST, {
        "artifactID": created["id"], "baseArtifactID": None, "name": "wandb_manifest.json", "digest": "",
        "entityName": "bench", "projectName": "artifacts", "runName": "", "manifestType": "FULL",
        "includeUpload": False}))["createArtifactManifest"]["artifactManifest"]
    return created["id"], created["state"], manifest["id"]


async def finish(http: httpx.AsyncClient, artifact_id: str, manifest_id: str, contents: dict) -> float:
    """Upload the manifest and commit; the commit's seconds."""
    data = json.dumps({"version": 1, "storagePolicy": "wandb-storage-policy-v1",
                       "storagePolicyConfig": {"storageLayout": "V2"}, "contents": contents}).encode()
    slot = (await gql(http, MANIFEST, {
        "artifactID": artifact_id, "baseArtifactID": None, "name": "wandb_manifest.json", "digest": b64md5(data),
        "entityName": "bench", "projectName": "artifacts", "runName": "", "manifestType": "FULL",
        "includeUpload": True}))["createArtifactManifest"]["artifactManifest"]["file"]
    assert (await http.put(slot["uploadUrl"], content=data)).status_code == 200
    started = time.perf_counter()
    await gql(http, COMMIT, {"artifactID": artifact_id})
    return time.perf_counter() - started


def plain_copy(source: Path, target: Path) -> float:
    started = time.perf_counter()
    with open(source, "rb") as reader, open(target, "wb") as writer:
        while chunk := reader.read(CHUNK):
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return time.perf_counter() - started


async def large_file(http: httpx.AsyncClient, work: Path, size_mib: int, server: Server) -> dict:
    source = work / "large.bin"
    digest = hashlib.md5()
    with open(source, "wb") as handle:
        block = os.urandom(CHUNK)
        for index in range(size_mib * 1024 * 1024 // CHUNK):
            piece = block[:8] + index.to_bytes(8, "little") + block[16:]
            digest.update(piece)
            handle.write(piece)
    md5 = base64.b64encode(digest.digest()).decode()
    copy_seconds = plain_copy(source, work / "copy.bin")
    (work / "copy.bin").unlink()
    artifact_id, _, manifest_id = await new_version(http, "large", digest.hexdigest())
    files = await gql(http, FILES, {"input": {"artifactFiles": [
        {"artifactID": artifact_id, "artifactManifestID": manifest_id, "md5": md5, "name": "large.bin",
         "mimetype": None, "uploadPartsInput": None}], "storageLayout": "V2"}})
    url = files["createArtifactFiles"]["files"]["edges"][0]["node"]["uploadUrl"]

    async def chunks():
        with open(source, "rb") as handle:
            while chunk := await asyncio.to_thread(handle.read, CHUNK):
                yield chunk

    with PeakMemory(server.process.pid) as memory:
        started = time.perf_counter()
        response = await http.put(url, content=chunks(), headers={"content-length": str(source.stat().st_size)})
        upload_seconds = time.perf_counter() - started
        assert response.status_code == 200, response.text
        await finish(http, artifact_id, manifest_id, {"large.bin": {"digest": md5, "size": source.stat().st_size}})
        urls = await gql(http, FILE_URLS, {"entity": "bench", "project": "artifacts", "collection": "large",
                                           "alias": "latest", "cursor": None, "perPage": 5000})
        direct = urls["project"]["artifactCollection"]["artifactMembership"]["files"]["edges"][0]["node"]["directUrl"]
        target = work / "downloaded.bin"
        check = hashlib.md5()
        started = time.perf_counter()
        async with httpx.AsyncClient(timeout=600) as plain:  # no credentials: the URL is the capability
            async with plain.stream("GET", direct) as stream:
                with open(target, "wb") as handle:
                    async for chunk in stream.aiter_bytes(CHUNK):
                        handle.write(chunk)
                    handle.flush()
                    os.fsync(handle.fileno())
        download_seconds = time.perf_counter() - started
    with open(target, "rb") as handle:
        while chunk := handle.read(CHUNK):
            check.update(chunk)
    assert check.hexdigest() == digest.hexdigest(), "downloaded bytes differ"
    target.unlink()
    source.unlink()
    mib = size_mib
    return {"copy MiB/s": mib / copy_seconds, "upload MiB/s": mib / upload_seconds,
            "download MiB/s": mib / download_seconds, "upload vs copy": copy_seconds / upload_seconds,
            "download vs copy": copy_seconds / download_seconds, "peak RSS MB": memory.peak}


async def many_files(http: httpx.AsyncClient, count: int) -> dict:
    contents = {f"data/{i:05d}.txt": f"row {i}\n".encode() for i in range(count)}
    digest = hashlib.md5(json.dumps(sorted((p, b64md5(d)) for p, d in contents.items())).encode()).hexdigest()
    artifact_id, _, manifest_id = await new_version(http, "many", digest)
    specs = [{"artifactID": artifact_id, "artifactManifestID": manifest_id, "md5": b64md5(d), "name": p,
              "mimetype": None, "uploadPartsInput": None} for p, d in contents.items()]
    started = time.perf_counter()
    slots = await gql(http, FILES, {"input": {"artifactFiles": specs, "storageLayout": "V2"}})
    create_seconds = time.perf_counter() - started
    edges = slots["createArtifactFiles"]["files"]["edges"]
    semaphore = asyncio.Semaphore(16)

    async def put(url: str, data: bytes) -> None:
        async with semaphore:
            assert (await http.put(url, content=data)).status_code == 200

    await asyncio.gather(*(put(e["node"]["uploadUrl"], data) for e, data in zip(edges, contents.values())
                           if e["node"]["uploadUrl"]))
    commit_seconds = await finish(http, artifact_id, manifest_id,
                                  {p: {"digest": b64md5(d), "size": len(d)} for p, d in contents.items()})
    started, cursor, seen = time.perf_counter(), None, 0
    while True:
        page = (await gql(http, FILE_URLS, {"entity": "bench", "project": "artifacts", "collection": "many",
                                            "alias": "v0", "cursor": cursor, "perPage": 5000}))
        files = page["project"]["artifactCollection"]["artifactMembership"]["files"]
        seen += len(files["edges"])
        if not files["pageInfo"]["hasNextPage"]:
            break
        cursor = files["pageInfo"]["endCursor"]
    pages_seconds = time.perf_counter() - started
    assert seen == count, (seen, count)

    # the same content again: nothing to upload, no new version
    again_id, state, _ = await new_version(http, "many", digest)
    return {"createArtifactFiles s": create_seconds, "commit s": commit_seconds, "file URL pages s": pages_seconds,
            "server seconds, 10k files": create_seconds + commit_seconds + pages_seconds,
            "re-log identical": f"state {state}, same version: {again_id == artifact_id}, 0 bytes uploaded"}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dialect", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(dir=ROOT / "bench") as tmp:
        work = Path(tmp)
        name = None
        if args.dialect == "postgresql":
            name, url = await create_pg_database(PG_ADMIN_DSN, prefix="labbook_bench_artifacts")
        else:
            url = f"sqlite+aiosqlite:///{work / 'labbook.db'}"
        try:
            key = await _prepare(url)
            server = Server(url, work / "data")
            try:
                await server.wait()
                async with httpx.AsyncClient(base_url=server.base, auth=("api", key), timeout=600) as http:
                    figures = {**await large_file(http, work, args.size_mib, server),
                               **await many_files(http, args.files)}
            finally:
                server.stop()
        finally:
            if name:
                await drop_pg_database(name, PG_ADMIN_DSN)
    for label, value in figures.items():
        target = TARGETS.get(label)
        shown = f"{value:.2f}" if isinstance(value, float) else value
        verdict = ""
        if target is not None:
            met = value <= target if label in ("server seconds, 10k files", "peak RSS MB") else value >= target
            verdict = f"  (target {'<=' if 'seconds' in label or 'RSS' in label else '>='} {target}: {'met' if met else 'MISSED'})"
        print(f"{label:28} {shown}{verdict}")


if __name__ == "__main__":
    asyncio.run(main())
