"""Ingest benchmark: concurrent runs streaming history through file_stream to a live server.

For each dialect it builds a migrated scratch database (PostgreSQL: a database it creates and
drops; SQLite: a temp dir), starts the real server (``python -m app serve``, a uvicorn
subprocess on 127.0.0.1), creates the runs with UpsertBucket and then times RUNS concurrent
clients, each POSTing REQUESTS file_stream bodies of STEPS history lines with KEYS metrics a line.
Bodies are encoded before the clock starts, so the figure is the server's.

On PostgreSQL it also times a reference in the same database: raw asyncpg COPY of the same
points as narrow (run, step, key, value) rows into a scratch table, with the same batching and
concurrency (one COPY of STEPS * KEYS rows per request-sized batch).

    .venv/bin/python bench/ingest.py [--dialect sqlite|postgresql|both] [--runs 4] [--requests 50]
                                     [--steps 100] [--keys 10] [--workers 1]

Targets: end to end >= 40% of the reference on PostgreSQL, >= 50k points/s on SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.db.engine import make_engine, make_session_factory  # noqa: E402
from app.db.migrate import upgrade  # noqa: E402
from app.domain.api_keys import issue_key  # noqa: E402
from app.domain.users import create_user  # noqa: E402

PG_ADMIN_DSN = os.environ.get("LABBOOK_BENCH_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
PROJECT = "ingest"
PG_TARGET_RATIO, SQLITE_TARGET = 0.40, 50_000

UPSERT = """mutation UpsertBucket($name: String, $project: String, $entity: String) {
  upsertBucket(input: {name: $name, modelName: $project, entityName: $entity}) { bucket { id } inserted }
}"""


@dataclass
class Shape:
    runs: int
    requests: int
    steps: int
    keys: int
    summary: bool = False  # each request also carries the run's summary, as wandb-core sends it

    @property
    def points(self) -> int:
        return self.runs * self.requests * self.steps * self.keys


def history_lines(run: int, request: int, shape: Shape) -> list[dict]:
    rng = random.Random(run * 1_000_003 + request)
    first = request * shape.steps
    return [
        {
            "_step": step,
            "_runtime": step * 0.01,
            "_timestamp": 1.7e9 + step,
            **{f"metric_{k}": rng.random() for k in range(shape.keys)},
        }
        for step in range(first, first + shape.steps)
    ]


def stream_bodies(run: int, shape: Shape) -> list[bytes]:
    return [
        stream_body(history_lines(run, request, shape), request * shape.steps, shape.summary)
        for request in range(shape.requests)
    ]


def stream_body(lines: list[dict], offset: int, summary: bool) -> bytes:
    files = {"wandb-history.jsonl": {"offset": offset, "content": [json.dumps(line) for line in lines]}}
    if summary:  # the latest value of every key, the whole summary at offset 0
        files["wandb-summary.json"] = {"offset": 0, "content": [json.dumps(lines[-1])]}
    return json.dumps({"files": files}).encode()


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU a process has used so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def backend_cpu_seconds(dsn: str) -> dict[int, float] | None:
    """CPU used so far by each PostgreSQL backend connected to the database of ``dsn`` (but this
    query's own); None unless the server runs on this machine."""
    connection = await asyncpg.connect(dsn)
    try:
        pids = [
            row["pid"]
            for row in await connection.fetch(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ]
    finally:
        await connection.close()
    seconds = {pid: process_cpu_seconds(pid) for pid in pids}
    return None if None in seconds.values() else seconds


def backend_cpu_used(before: dict[int, float] | None, after: dict[int, float] | None) -> float | None:
    """CPU the backends used between two readings (a backend that started in between, all of its own)."""
    if before is None or after is None:
        return None
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _prepare(url: str) -> str:
    """Migrate and create the benchmark user; return its API key."""
    engine = make_engine(url)
    try:
        await upgrade(engine)
        async with make_session_factory(engine).begin() as session:
            user = await create_user(session, email="bench@example.com", username="bench")
            return issue_key(session, user, description="bench").secret
    finally:
        await engine.dispose()


class Server:
    """``python -m app serve`` in a subprocess, on a free loopback port."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(
            os.environ,
            LABBOOK_DATABASE_URL=url,
            LABBOOK_DATA_DIR=str(data_dir),
            LABBOOK_BOOTSTRAP_ADMIN="false",
            LABBOOK_SECRET_KEY="bench",
            LABBOOK_LOG_LEVEL="warning",
            LABBOOK_MIGRATE_ON_START="false",
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT,
            env=env,
        )

    async def wait(self) -> None:
        async with httpx.AsyncClient(base_url=self.base) as http:
            for _ in range(300):
                if self.process.poll() is not None:
                    raise RuntimeError("server exited during start-up")
                try:
                    if (await http.get("/healthz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        raise RuntimeError("server did not start within 30 s")

    def cpu_seconds(self) -> float | None:
        return process_cpu_seconds(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


class LeanClient:
    """One keep-alive HTTP/1.1 connection that POSTs ready-made bodies and reads sized answers.

    The client under test is wandb-core (Go), whose cost is not the server's. httpx spends ~2 ms of
    Python CPU a request, about half of what the server spends, on the same two cores: with it the
    figure measures the client as much as the server."""

    def __init__(self, port: int, key: str) -> None:
        self.port = port
        self.authorization = "Basic " + base64.b64encode(f"api:{key}".encode()).decode()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nAuthorization: {self.authorization}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        self.writer.writelines((head.encode(), body))
        status = int((await self.reader.readline()).split()[1])
        length = None
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        if length is None:
            raise RuntimeError(f"answer {status} without Content-Length")
        return status, await self.reader.readexactly(length)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


@dataclass
class Measured:
    points_per_s: float
    server_cpu_ms_per_request: float | None  # all server processes' CPU during the timed part
    client_cpu_ms_per_request: float  # this process's CPU during the timed part
    database_cpu_ms_per_request: float | None = None  # PostgreSQL's backends, during the timed part

    def cpu_note(self) -> str:
        cpu, database = self.server_cpu_ms_per_request, self.database_cpu_ms_per_request
        server = "" if cpu is None else f"server CPU {cpu:.1f} ms, "
        backends = "" if database is None else f"database CPU {database:.1f} ms, "
        return f"   {server}{backends}client CPU {self.client_cpu_ms_per_request:.1f} ms a request"


def _cpu(servers: list[Server]) -> float | None:
    times = [server.cpu_seconds() for server in servers]
    return None if None in times else sum(times)


async def end_to_end(url: str, shape: Shape, data_dir: Path, workers: int, client: str) -> Measured:
    """Points/s through file_stream for ``shape`` against fresh server processes on ``url``.

    ``workers`` server processes share the database (DESIGN.md §8: stateless API processes behind
    a load balancer); run i talks to process i % workers."""
    key = await _prepare(url)
    pg_dsn = url.replace("postgresql+asyncpg://", "postgresql://") if url.startswith("postgresql") else None
    servers = [Server(url, data_dir) for _ in range(workers)]
    try:
        for server in servers:
            await server.wait()
        bodies = [stream_bodies(run, shape) for run in range(shape.runs)]
        clients = [
            httpx.AsyncClient(
                base_url=server.base,
                auth=("api", key),
                timeout=120,
                limits=httpx.Limits(max_connections=shape.runs + 2),
            )
            for server in servers
        ]
        lean = [LeanClient(servers[run % workers].port, key) for run in range(shape.runs)]
        try:
            for run in range(shape.runs):
                response = await clients[0].post(
                    "/graphql",
                    json={"query": UPSERT, "variables": {"name": f"run{run}", "project": PROJECT, "entity": "bench"}},
                )
                response.raise_for_status()
                assert not response.json().get("errors"), response.text

            async def stream(run: int) -> None:
                path = f"/files/bench/{PROJECT}/run{run}/file_stream"
                for body in bodies[run]:
                    if client == "lean":
                        status, answer = await lean[run].post(path, body)
                    else:
                        response = await clients[run % workers].post(
                            path, content=body, headers={"content-type": "application/json"}
                        )
                        status, answer = response.status_code, response.content
                    if status != 200:
                        raise RuntimeError(f"file_stream answered {status}: {answer.decode(errors='replace')}")

            database_before = await backend_cpu_seconds(pg_dsn) if pg_dsn else None
            cpu_before, client_before, started = _cpu(servers), time.process_time(), time.perf_counter()
            await asyncio.gather(*(stream(run) for run in range(shape.runs)))
            elapsed, cpu_after, client_cpu = (
                time.perf_counter() - started,
                _cpu(servers),
                time.process_time() - client_before,
            )
            database_cpu = backend_cpu_used(database_before, await backend_cpu_seconds(pg_dsn) if pg_dsn else None)
        finally:
            for http in clients:
                await http.aclose()
            for connection in lean:
                await connection.close()
    finally:
        for server in servers:
            server.stop()
    await _check_stored(url, shape)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    requests = shape.runs * shape.requests
    return Measured(
        shape.points / elapsed,
        None if cpu is None else cpu * 1000 / requests,
        client_cpu * 1000 / requests,
        None if database_cpu is None else database_cpu * 1000 / requests,
    )


async def _check_stored(url: str, shape: Shape) -> None:
    from sqlalchemy import func, select

    from app.db import tables

    engine = make_engine(url)
    try:
        async with make_session_factory(engine)() as session:
            rows = await session.scalar(select(func.count()).select_from(tables.HistoryRow))
            indexed = await session.scalar(
                select(func.count()).select_from(tables.RunValue).where(tables.RunValue.section == "summary")
            )
    finally:
        await engine.dispose()
    expected = shape.runs * shape.requests * shape.steps
    if rows != expected:
        raise RuntimeError(f"stored {rows} history rows, expected {expected}")
    expected_indexed = shape.runs * (shape.keys + 3) if shape.summary else 0  # the metrics, _step, _runtime, _timestamp
    if indexed != expected_indexed:
        raise RuntimeError(f"indexed {indexed} summary values, expected {expected_indexed}")


async def copy_reference(dsn: str, shape: Shape) -> Measured:
    """Points/s of raw asyncpg COPY of the same points as narrow rows, same batching and concurrency."""
    setup = await asyncpg.connect(dsn)
    try:
        await setup.execute("CREATE TABLE bench_points (run int, step bigint, key text, value double precision)")
    finally:
        await setup.close()
    batches = [
        [
            [
                (run, line["_step"], key, value)
                for line in history_lines(run, request, shape)
                for key, value in line.items()
                if key.startswith("metric_")
            ]
            for request in range(shape.requests)
        ]
        for run in range(shape.runs)
    ]
    connections = [await asyncpg.connect(dsn) for _ in range(shape.runs)]
    try:

        async def load(run: int) -> None:
            for records in batches[run]:
                await connections[run].copy_records_to_table(
                    "bench_points", records=records, columns=["run", "step", "key", "value"]
                )

        database_before = await backend_cpu_seconds(dsn)
        client_before, started = time.process_time(), time.perf_counter()
        await asyncio.gather(*(load(run) for run in range(shape.runs)))
        elapsed, client_cpu = time.perf_counter() - started, time.process_time() - client_before
        database_cpu = backend_cpu_used(database_before, await backend_cpu_seconds(dsn))
        count = await connections[0].fetchval("SELECT count(*) FROM bench_points")
    finally:
        for connection in connections:
            await connection.close()
    if count != shape.points:
        raise RuntimeError(f"reference stored {count} rows, expected {shape.points}")
    batches_done = shape.runs * shape.requests
    return Measured(
        shape.points / elapsed,
        None,
        client_cpu * 1000 / batches_done,
        None if database_cpu is None else database_cpu * 1000 / batches_done,
    )


async def bench_postgresql(shape: Shape, workers: int, client: str) -> bool:
    name = f"labbook_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(PG_ADMIN_DSN)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    base = PG_ADMIN_DSN.rsplit("/", 1)[0]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            labbook = await end_to_end(
                f"{base.replace('postgresql://', 'postgresql+asyncpg://')}/{name}", shape, Path(tmp), workers, client
            )
        reference = await copy_reference(f"{base}/{name}", shape)
    finally:
        admin = await asyncpg.connect(PG_ADMIN_DSN)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
    ratio = labbook.points_per_s / reference.points_per_s
    print(f"postgresql  end to end  {labbook.points_per_s:>10,.0f} points/s{labbook.cpu_note()}")
    print(
        f"postgresql  COPY ref.   {reference.points_per_s:>10,.0f} points/s   (narrow rows, same batches)"
        f"{reference.cpu_note()}"
    )
    print(
        f"postgresql  ratio       {ratio:>10.0%}           target >= {PG_TARGET_RATIO:.0%}  "
        f"{'ok' if ratio >= PG_TARGET_RATIO else 'MISSED'}"
    )
    return ratio >= PG_TARGET_RATIO


async def bench_sqlite(shape: Shape, workers: int, client: str) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        labbook = await end_to_end(url, shape, Path(tmp), workers, client)
    ok = labbook.points_per_s >= SQLITE_TARGET
    print(
        f"sqlite      end to end  {labbook.points_per_s:>10,.0f} points/s   target >= {SQLITE_TARGET:,}  "
        f"{'ok' if ok else 'MISSED'}{labbook.cpu_note()}"
    )
    return ok


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dialect", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--runs", type=int, default=4, help="concurrent runs (clients)")
    parser.add_argument("--requests", type=int, default=50, help="file_stream requests per run")
    parser.add_argument("--steps", type=int, default=100, help="history lines per request")
    parser.add_argument("--keys", type=int, default=10, help="metrics per history line")
    parser.add_argument("--workers", type=int, default=1, help="server processes (runs are spread over them)")
    parser.add_argument(
        "--client",
        choices=("lean", "httpx"),
        default="lean",
        help="file_stream client: one plain HTTP/1.1 connection a run, or httpx (~2 ms CPU a request)",
    )
    parser.add_argument("--summary", action="store_true", help="each request also carries the run's summary")
    args = parser.parse_args()
    shape = Shape(args.runs, args.requests, args.steps, args.keys, args.summary)
    print(
        f"{shape.runs} runs x {shape.requests} requests x {shape.steps} steps x {shape.keys} keys "
        f"= {shape.points:,} points per dialect{' with a summary a request' if shape.summary else ''}; "
        f"{args.workers} server process(es); {args.client} client"
    )
    ok = True
    print("load average before: %.2f %.2f %.2f (2 shared cores: other work skews every figure)" % os.getloadavg())
    if args.dialect in ("postgresql", "both"):
        ok &= await bench_postgresql(shape, args.workers, args.client)
    if args.dialect in ("sqlite", "both"):
        ok &= await bench_sqlite(shape, args.workers, args.client)
    print("load average after:  %.2f %.2f %.2f" % os.getloadavg())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
