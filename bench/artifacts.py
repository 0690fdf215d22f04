"""Artifact benchmark on the local blob store, over real HTTP against the real server.

    .venv/bin/python bench/artifacts.py [--dialect sqlite|postgresql] [--size-mib 1024] [--files 10000]
                                        [--client lean|httpx]

1. One large file: PUT through the signed upload URL createArtifactFiles hands out, and GET through
   the file's directUrl, each against a plain copy of the same bytes on the same disk in the same
   run (read + write + fsync); the server's peak resident memory is sampled throughout. The transfer
   client is one plain HTTP/1.1 connection moving 4 MiB blocks (``lean``, nearer to a compiled
   client's cost) or httpx streaming (``--client httpx``), which spends several times the server's CPU.
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
import socket
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
from tests.support.wandb_artifact_queries import CLIENT_OPERATIONS  # noqa: E402

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
    created = (
        await gql(
            http,
            CREATE,
            {
                "input": {
                    "entityName": "bench",
                    "projectName": "artifacts",
                    "artifactTypeName": "dataset",
                    "artifactCollectionName": name,
                    "digest": digest,
                    "aliases": [{"alias": "latest", "artifactCollectionName": name}],
                    "enableDigestDeduplication": True,
                }
            },
        )
    )["createArtifact"]["artifact"]
    if created["state"] == "COMMITTED":  # the client uploads nothing then
        return created["id"], created["state"], ""
    manifest = (
        await gql(
            http,
            MANIFEST,
            {
                "artifactID": created["id"],
                "baseArtifactID": None,
                "name": "wandb_manifest.json",
                "digest": "",
                "entityName": "bench",
                "projectName": "artifacts",
                "runName": "",
                "manifestType": "FULL",
                "includeUpload": False,
            },
        )
    )["createArtifactManifest"]["artifactManifest"]
    return created["id"], created["state"], manifest["id"]


async def finish(http: httpx.AsyncClient, artifact_id: str, manifest_id: str, contents: dict) -> float:
    """Upload the manifest and commit; the commit's seconds."""
    data = json.dumps(
        {
            "version": 1,
            "storagePolicy": "wandb-storage-policy-v1",
            "storagePolicyConfig": {"storageLayout": "V2"},
            "contents": contents,
        }
    ).encode()
    slot = (
        await gql(
            http,
            MANIFEST,
            {
                "artifactID": artifact_id,
                "baseArtifactID": None,
                "name": "wandb_manifest.json",
                "digest": b64md5(data),
                "entityName": "bench",
                "projectName": "artifacts",
                "runName": "",
                "manifestType": "FULL",
                "includeUpload": True,
            },
        )
    )["createArtifactManifest"]["artifactManifest"]["file"]
    assert (await http.put(slot["uploadUrl"], content=data)).status_code == 200
    started = time.perf_counter()
    await gql(http, COMMIT, {"artifactID": artifact_id})
    return time.perf_counter() - started


BLOCK = 4 * 1024 * 1024


def _connect(url: str) -> tuple[socket.socket, str]:
    """A connection to the URL's host and the request target (path and query)."""
    parsed = httpx.URL(url)
    target = parsed.raw_path.decode()
    return socket.create_connection((parsed.host, parsed.port or 80)), target


def _read_head(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and the body bytes read with them."""
    data = b""
    while b"\r\n\r\n" not in data:
        more = sock.recv(65536)
        if not more:
            raise RuntimeError("the server closed the connection before answering")
        data += more
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict((k.strip().lower(), v.strip()) for k, _, v in (line.partition(":") for line in lines[1:]))
    return int(lines[0].split()[1]), headers, rest


def lean_put(url: str, source: Path) -> int:
    """PUT the file with a known length over one connection, 4 MiB blocks; the status."""
    sock, target = _connect(url)
    with sock, open(source, "rb", buffering=0) as handle:
        size = source.stat().st_size
        host = httpx.URL(url).netloc.decode()
        sock.sendall(
            f"PUT {target} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {size}\r\n"
            "Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        while block := handle.read(BLOCK):
            sock.sendall(block)
        status, _, _ = _read_head(sock)
    return status


def lean_get(url: str, target_path: Path) -> int:
    """GET into a file (received into one reused 4 MiB buffer, written, fsynced); the status."""
    sock, target = _connect(url)
    with sock, open(target_path, "wb", buffering=0) as handle:
        host = httpx.URL(url).netloc.decode()
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        status, headers, rest = _read_head(sock)
        remaining = int(headers["content-length"]) - len(rest)
        handle.write(rest)
        buffer = memoryview(bytearray(BLOCK))
        while remaining > 0:
            got = sock.recv_into(buffer, min(BLOCK, remaining))
            if not got:
                raise RuntimeError(f"the download ended {remaining} bytes early")
            handle.write(buffer[:got])
            remaining -= got
        os.fsync(handle.fileno())
    return status


def plain_copy(source: Path, target: Path) -> float:
    started = time.perf_counter()
    with open(source, "rb") as reader, open(target, "wb") as writer:
        while chunk := reader.read(CHUNK):
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return time.perf_counter() - started


async def large_file(http: httpx.AsyncClient, work: Path, size_mib: int, server: Server, client: str) -> dict:
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
    files = await gql(
        http,
        FILES,
        {
            "input": {
                "artifactFiles": [
                    {
                        "artifactID": artifact_id,
                        "artifactManifestID": manifest_id,
                        "md5": md5,
                        "name": "large.bin",
                        "mimetype": None,
                        "uploadPartsInput": None,
                    }
                ],
                "storageLayout": "V2",
            }
        },
    )
    url = files["createArtifactFiles"]["files"]["edges"][0]["node"]["uploadUrl"]

    async def chunks():
        with open(source, "rb") as handle:
            while chunk := await asyncio.to_thread(handle.read, CHUNK):
                yield chunk

    with PeakMemory(server.process.pid) as memory:
        cpu, started = server.cpu_seconds(), time.perf_counter()
        if client == "lean":
            status = await asyncio.to_thread(lean_put, url, source)
        else:
            response = await http.put(url, content=chunks(), headers={"content-length": str(source.stat().st_size)})
            status = response.status_code
        upload_seconds = time.perf_counter() - started
        upload_cpu = server.cpu_seconds() - cpu
        upload_peak = memory.peak
        assert status == 200, status
        await finish(http, artifact_id, manifest_id, {"large.bin": {"digest": md5, "size": source.stat().st_size}})
        urls = await gql(
            http,
            FILE_URLS,
            {
                "entity": "bench",
                "project": "artifacts",
                "collection": "large",
                "alias": "latest",
                "cursor": None,
                "perPage": 5000,
            },
        )
        direct = urls["project"]["artifactCollection"]["artifactMembership"]["files"]["edges"][0]["node"]["directUrl"]
        target = work / "downloaded.bin"
        check = hashlib.md5()
        cpu, started = server.cpu_seconds(), time.perf_counter()
        if client == "lean":  # no credentials: the URL is the capability
            assert await asyncio.to_thread(lean_get, direct, target) == 200
        else:
            async with httpx.AsyncClient(timeout=600) as plain:
                async with plain.stream("GET", direct) as stream:
                    with open(target, "wb") as handle:
                        async for chunk in stream.aiter_bytes(CHUNK):
                            handle.write(chunk)
                        handle.flush()
                        os.fsync(handle.fileno())
        download_seconds = time.perf_counter() - started
        download_cpu = server.cpu_seconds() - cpu
    with open(target, "rb") as handle:
        while chunk := handle.read(CHUNK):
            check.update(chunk)
    assert check.hexdigest() == digest.hexdigest(), "downloaded bytes differ"
    target.unlink()
    source.unlink()
    mib = size_mib
    return {
        "copy MiB/s": mib / copy_seconds,
        "upload MiB/s": mib / upload_seconds,
        "download MiB/s": mib / download_seconds,
        "upload vs copy": copy_seconds / upload_seconds,
        "download vs copy": copy_seconds / download_seconds,
        "peak RSS MB": memory.peak,
        "peak RSS MB, upload": upload_peak,
        "server CPU s, upload": upload_cpu,
        "server CPU s, download": download_cpu,
    }


async def many_files(http: httpx.AsyncClient, count: int, server: Server) -> dict:
    contents = {f"data/{i:05d}.txt": f"row {i}\n".encode() for i in range(count)}
    digest = hashlib.md5(json.dumps(sorted((p, b64md5(d)) for p, d in contents.items())).encode()).hexdigest()
    artifact_id, _, manifest_id = await new_version(http, "many", digest)
    specs = [
        {
            "artifactID": artifact_id,
            "artifactManifestID": manifest_id,
            "md5": b64md5(d),
            "name": p,
            "mimetype": None,
            "uploadPartsInput": None,
        }
        for p, d in contents.items()
    ]
    cpu, started = server.cpu_seconds(), time.perf_counter()
    slots = await gql(http, FILES, {"input": {"artifactFiles": specs, "storageLayout": "V2"}})
    create_seconds = time.perf_counter() - started
    server_cpu = server.cpu_seconds() - cpu
    edges = slots["createArtifactFiles"]["files"]["edges"]
    semaphore = asyncio.Semaphore(16)

    async def put(url: str, data: bytes) -> None:
        async with semaphore:
            assert (await http.put(url, content=data)).status_code == 200

    await asyncio.gather(
        *(
            put(e["node"]["uploadUrl"], data)
            for e, data in zip(edges, contents.values(), strict=True)
            if e["node"]["uploadUrl"]
        )
    )
    cpu = server.cpu_seconds()  # the manifest's upload is counted with the commit
    commit_seconds = await finish(
        http, artifact_id, manifest_id, {p: {"digest": b64md5(d), "size": len(d)} for p, d in contents.items()}
    )
    server_cpu += server.cpu_seconds() - cpu
    cpu, started, cursor, seen = server.cpu_seconds(), time.perf_counter(), None, 0
    while True:
        page = await gql(
            http,
            FILE_URLS,
            {
                "entity": "bench",
                "project": "artifacts",
                "collection": "many",
                "alias": "v0",
                "cursor": cursor,
                "perPage": 5000,
            },
        )
        files = page["project"]["artifactCollection"]["artifactMembership"]["files"]
        seen += len(files["edges"])
        if not files["pageInfo"]["hasNextPage"]:
            break
        cursor = files["pageInfo"]["endCursor"]
    pages_seconds = time.perf_counter() - started
    server_cpu += server.cpu_seconds() - cpu
    assert seen == count, (seen, count)

    # the same content again: nothing to upload, no new version
    again_id, state, _ = await new_version(http, "many", digest)
    return {
        "createArtifactFiles s": create_seconds,
        "commit s": commit_seconds,
        "file URL pages s": pages_seconds,
        "server seconds, 10k files": create_seconds + commit_seconds + pages_seconds,
        "server CPU s, 10k files": server_cpu,
        "re-log identical": f"state {state}, same version: {again_id == artifact_id}, 0 bytes uploaded",
    }


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dialect", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument(
        "--client",
        choices=["lean", "httpx"],
        default="lean",
        help="the large file's transfer client (the GraphQL calls always use httpx)",
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}, {args.dialect}, {args.client} transfer client")
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
                    figures = {
                        **await large_file(http, work, args.size_mib, server, args.client),
                        **await many_files(http, args.files, server),
                    }
            finally:
                server.stop()
        finally:
            if name:
                await drop_pg_database(name, PG_ADMIN_DSN)
    print(f"load average after {os.getloadavg()[0]:.2f}")
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
