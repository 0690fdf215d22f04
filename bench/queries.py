"""Query-side benchmark: the wandb public API's reads against a large project, over real HTTP.

Builds a migrated scratch database per dialect (PostgreSQL: a database it creates and drops;
SQLite: a temp dir), fills it directly (bulk inserts, COPY for history on PostgreSQL), starts the
real server (uvicorn on 127.0.0.1) on it, and times the exact query texts the client sends.

    .venv/bin/python bench/queries.py [--dialect sqlite|postgresql|both] [--runs N] [--history-rows N]

With --explain (or when a target is missed) the slow operation is replayed in-process with every SQL
statement captured, and the slowest statements are shown with EXPLAIN ANALYZE (PostgreSQL) or
EXPLAIN QUERY PLAN (SQLite).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event, insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.db import tables  # noqa: E402
from app.db.engine import make_engine, make_session_factory  # noqa: E402
from app.db.migrate import upgrade  # noqa: E402
from app.domain.api_keys import issue_key  # noqa: E402
from app.domain.run_values import CONFIG, SUMMARY, leaves  # noqa: E402
from app.domain.users import create_user  # noqa: E402
from tests.support import empty_database  # noqa: E402
from tests.support.wandb_queries import RUNS_QUERY  # noqa: E402

PG_ADMIN_DSN = os.environ.get("LABBOOK_BENCH_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
ENTITY, PROJECT, HISTORY_RUN = "bench", "big", "history1m"
CONFIG_KEYS, SUMMARY_KEYS = 20, 20
FILTER_KEY, ORDER_KEY, THRESHOLD = "p3", "m7", 0.5

# Query texts as wandb 0.31.0 sends them (wandb/apis/public/runs.py, operations_catalog.txt).
# The client only asks runCount inside Runs; this isolates it with the same argument.
RUN_COUNT_QUERY = """query RunCount($project: String!, $entity: String!, $filters: JSONString) {
    project(name: $project, entityName: $entity) { runCount(filters: $filters) }
}"""
FULL_HISTORY_QUERY = """
        query RunFullHistory($project: String!, $entity: String!, $name: String!, $samples: Int) {
            project(name: $project, entityName: $entity) {
                run(name: $name) { history(samples: $samples) }
            }
        }
        """
SAMPLED_HISTORY_QUERY = """query SampledHistoryPage ($entity: String!, $project: String!, $run: String!, $spec: JSONString!) {
	project(name: $project, entityName: $entity) {
		run(name: $run) {
			sampledHistory(specs: [$spec])
		}
	}
}"""

TARGETS_MS = {
    "postgresql": {
        "runs page, no filter": 25,
        "runs page": 25,
        "runCount": 10,
        "history samples=1000": 30,
        "sampledHistory 1000": 30,
    },
    "sqlite": {
        "runs page, no filter": 40,
        "runs page": 40,
        "runCount": 15,
        "history samples=1000": 15,
        "sampledHistory 1000": 15,
    },
}


@dataclass
class Dataset:
    key: str
    expected_page: list[str]
    expected_count: int
    first_created: list[str]
    total_runs: int
    history_rows: int


@dataclass
class Result:
    dialect: str
    name: str
    target_ms: float
    timings_ms: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.timings_ms)

    @property
    def p90(self) -> float:
        ordered = sorted(self.timings_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]

    @property
    def missed(self) -> bool:
        return self.error is not None or self.median > self.target_ms


# ---------------------------------------------------------------------------------------------
# Data generation


def run_row(index: int, project_id: int, user_id: int, rng: random.Random, start: datetime) -> dict[str, Any]:
    created = start + timedelta(seconds=index)
    return {
        "project_id": project_id,
        "name": f"run{index:05d}",
        "display_name": f"bench-run-{index}",
        "state": "finished" if index % 10 else "crashed",
        "config": {f"p{k}": {"value": rng.random(), "desc": None} for k in range(CONFIG_KEYS)},
        "summary": {f"m{k}": rng.random() for k in range(SUMMARY_KEYS)} | {"_step": 99},
        "tags": ["bench", f"t{index % 7}"],
        "group_name": f"g{index % 20}",
        "job_type": "train",
        "created_by_id": user_id,
        "user_id": user_id,
        "created_at": created,
        "updated_at": created,
        "heartbeat_at": created + timedelta(minutes=5),
        "stop_requested": False,
        "history_line_count": 100,
        "events_line_count": 0,
        "log_line_count": 0,
        "last_step": 99,
        "history_keys": {},
        "system_metrics": {},
    }


def history_data(step: int) -> str:
    return json.dumps(
        {
            "_step": step,
            "_runtime": step * 0.01,
            "_timestamp": 1.79e9 + step * 0.01,
            "loss": 1.0 / (step + 1),
            "acc": step / (step + 1),
        },
        separators=(",", ":"),
    )


async def populate(url: str, n_runs: int, n_history: int) -> Dataset:
    """Migrate, then fill one project with ``n_runs`` runs and one run with ``n_history`` rows."""
    engine = make_engine(url)
    try:
        await upgrade(engine)
        sessions = make_session_factory(engine)
        async with sessions.begin() as session:
            user = await create_user(session, email="bench@example.com", username=ENTITY)
            issued = issue_key(session, user, description="bench")
            project = tables.Project(entity_id=user.entity_id, name=PROJECT, created_by_id=user.id)
            session.add(project)
            await session.flush()
            user_id, project_id = user.id, project.id

        rng = random.Random(7)
        start = datetime(2026, 1, 1, tzinfo=timezone.utc)
        rows = [run_row(i, project_id, user_id, rng, start) for i in range(n_runs)]
        started = time.perf_counter()
        async with engine.begin() as connection:
            for chunk in range(0, len(rows), 1000):
                await connection.execute(insert(tables.Run.__table__), rows[chunk : chunk + 1000])
            history_run = run_row(n_runs, project_id, user_id, rng, start) | {
                "name": HISTORY_RUN,
                "config": {},
                "summary": {"loss": 1.0 / n_history, "_step": n_history - 1},
                "history_line_count": n_history,
                "last_step": n_history - 1,
                "history_keys": {k: {"number": n_history} for k in ("_step", "_runtime", "_timestamp", "loss", "acc")},
            }
            await connection.execute(insert(tables.Run.__table__), [history_run])
            history_run_id = await connection.scalar(
                select(tables.Run.id).where(tables.Run.project_id == project_id, tables.Run.name == HISTORY_RUN)
            )
            await index_values(connection, project_id)
        print(f"  {n_runs} runs inserted in {time.perf_counter() - started:.1f}s", flush=True)
    finally:
        await engine.dispose()

    started = time.perf_counter()
    if url.startswith("postgresql"):
        await copy_history_pg(url, history_run_id, n_history)
    else:
        insert_history_sqlite(url, history_run_id, n_history)
    print(f"  {n_history} history rows inserted in {time.perf_counter() - started:.1f}s", flush=True)

    matching = [r for r in rows if r["config"][FILTER_KEY]["value"] > THRESHOLD]
    matching.sort(key=lambda r: r["summary"][ORDER_KEY], reverse=True)
    return Dataset(
        issued.secret,
        [r["name"] for r in matching[:50]],
        len(matching),
        [r["name"] for r in rows[:50]],
        n_runs + 1,
        n_history,
    )


async def index_values(connection, project_id: int) -> None:
    """The run_value index rows upsertBucket would have written for the project's runs."""
    runs = await connection.execute(
        select(tables.Run.id, tables.Run.config, tables.Run.summary).where(tables.Run.project_id == project_id)
    )
    rows = [
        {"run_id": run_id, "section": section, "path": path, "project_id": project_id, "number": number, "text": text}
        for run_id, config, summary in runs.all()
        for section, document in ((CONFIG, config), (SUMMARY, summary))
        for path, number, text in leaves(document)
    ]
    for chunk in range(0, len(rows), 5000):
        await connection.execute(insert(tables.RunValue), rows[chunk : chunk + 5000])


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def copy_history_pg(url: str, run_id: int, n_rows: int) -> None:
    connection = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        records = ((run_id, step, step, history_data(step)) for step in range(n_rows))
        await connection.copy_records_to_table(
            "history_row", records=records, columns=["run_id", "line_no", "step", "data"]
        )
        # Autovacuum would vacuum and analyze after such a load; do it now so that plans (and
        # index-only scans, which need the visibility map) are the steady-state ones.
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()


def insert_history_sqlite(url: str, run_id: int, n_rows: int) -> None:
    connection = sqlite3.connect(url.split("///", 1)[1])
    try:
        with connection:
            connection.executemany(
                "INSERT INTO history_row (run_id, line_no, step, data) VALUES (?, ?, ?, ?)",
                ((run_id, step, step, history_data(step)) for step in range(n_rows)),
            )
    finally:
        connection.close()


# ---------------------------------------------------------------------------------------------
# The server and the measurements


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(url: str, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LABBOOK_")}
    env.update(
        LABBOOK_DATABASE_URL=url,
        LABBOOK_DATA_DIR=str(data_dir),
        LABBOOK_MIGRATE_ON_START="false",
        LABBOOK_BOOTSTRAP_ADMIN="false",
        LABBOOK_SECRET_KEY="bench-secret",
        LABBOOK_LOG_LEVEL="warning",
    )
    return env


class Server:
    """``python -m app serve`` on a free loopback port, stopped (by its own pid) on exit."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = server_env(url, data_dir)
        self.log_path = data_dir.parent / "server.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = self.log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{tail}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not start within 60s")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def operations(data: Dataset) -> list[tuple[str, str, dict[str, Any], Any]]:
    """(name, query, variables, check(data) -> problem or None) for each measured request."""
    filters = json.dumps({f"config.{FILTER_KEY}": {"$gt": THRESHOLD}})
    runs_vars = {
        "project": PROJECT,
        "entity": ENTITY,
        "cursor": None,
        "perPage": 50,
        "order": f"-summary_metrics.{ORDER_KEY}",
        "filters": filters,
    }
    samples = 1000

    def page_check(expected_page: list[str], expected_count: int):
        def check(payload: dict) -> str | None:
            project = payload["project"]
            names = [edge["node"]["name"] for edge in project["runs"]["edges"]]
            if names != expected_page:
                return f"wrong page: first names {names[:3]}, expected {expected_page[:3]}"
            if project["runCount"] != expected_count:
                return f"runCount {project['runCount']}, expected {expected_count}"
            return None

        return check

    def check_count(payload: dict) -> str | None:
        count = payload["project"]["runCount"]
        return None if count == data.expected_count else f"runCount {count}, expected {data.expected_count}"

    def check_rows(rows: list[dict]) -> str | None:
        steps = [row["_step"] for row in rows]
        wanted = min(samples, data.history_rows)
        if not (0.9 * wanted <= len(steps) <= wanted) or steps != sorted(set(steps)):
            return f"{len(steps)} rows (steps increasing: {steps == sorted(set(steps))}), expected about {wanted}"
        return None

    unfiltered = runs_vars | {"order": "+created_at", "filters": "{}"}
    return [
        ("runs page, no filter", RUNS_QUERY, unfiltered, page_check(data.first_created, data.total_runs)),
        ("runs page", RUNS_QUERY, runs_vars, page_check(data.expected_page, data.expected_count)),
        ("runCount", RUN_COUNT_QUERY, {"project": PROJECT, "entity": ENTITY, "filters": filters}, check_count),
        (
            "history samples=1000",
            FULL_HISTORY_QUERY,
            {"project": PROJECT, "entity": ENTITY, "name": HISTORY_RUN, "samples": samples},
            lambda p: check_rows([json.loads(line) for line in p["project"]["run"]["history"]]),
        ),
        (
            "sampledHistory 1000",
            SAMPLED_HISTORY_QUERY,
            {
                "entity": ENTITY,
                "project": PROJECT,
                "run": HISTORY_RUN,
                "spec": json.dumps(
                    {"keys": ["_step", "loss"], "samples": samples, "minStep": 0, "maxStep": data.history_rows}
                ),
            },
            lambda p: check_rows(p["project"]["run"]["sampledHistory"][0]),
        ),
    ]


def post(client: httpx.Client, query: str, variables: dict[str, Any], operation: str) -> dict[str, Any]:
    response = client.post("/graphql", json={"operationName": operation, "query": query, "variables": variables})
    payload = response.json()
    if response.status_code != 200 or payload.get("errors"):
        raise RuntimeError(f"HTTP {response.status_code}: {json.dumps(payload.get('errors'))[:300]}")
    return payload["data"]


def measure(base_url: str, data: Dataset, dialect: str, requests: int, warmup: int) -> list[Result]:
    results = []
    with httpx.Client(base_url=base_url, auth=("api", data.key), timeout=60) as client:
        for name, query, variables, check in operations(data):
            result = Result(dialect, name, TARGETS_MS[dialect][name])
            results.append(result)
            op = query.split("query ", 1)[1].split("(")[0].strip()
            try:
                problem = check(post(client, query, variables, op))
                if problem:
                    result.error = problem
                    continue
                for _ in range(warmup):
                    post(client, query, variables, op)
                for _ in range(requests):
                    started = time.perf_counter()
                    post(client, query, variables, op)
                    result.timings_ms.append((time.perf_counter() - started) * 1000)
            except Exception as error:  # noqa: BLE001 - reported in the table
                result.error = str(error)
    return results


# ---------------------------------------------------------------------------------------------
# Profiling: replay in-process with every statement captured


async def profile(url: str, data_dir: Path, data: Dataset, names: set[str]) -> None:
    from app.main import create_app
    from app.settings import Settings

    app = create_app(
        Settings(
            database_url=url,
            data_dir=data_dir,
            migrate_on_start=False,
            bootstrap_admin=False,
            secret_key="bench-secret",
        )
    )
    captured: list[tuple[str, Any, float]] = []

    @event.listens_for(app.state.runtime.engine.sync_engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):
        conn.info.setdefault("started", []).append(time.perf_counter())

    @event.listens_for(app.state.runtime.engine.sync_engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):
        started = conn.info["started"].pop()
        captured.append((statement, parameters, (time.perf_counter() - started) * 1000))

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench", auth=("api", data.key)) as client:
            for name, query, variables, _check in operations(data):
                if name not in names:
                    continue
                op = query.split("query ", 1)[1].split("(")[0].strip()
                body = {"operationName": op, "query": query, "variables": variables}
                for _ in range(3):  # warm caches, keep the last round
                    captured.clear()
                    started = time.perf_counter()
                    response = await client.post("/graphql", json=body)
                    total = (time.perf_counter() - started) * 1000
                sql_ms = sum(ms for _s, _p, ms in captured)
                print(
                    f"\n### {name}: {total:.1f} ms in-process, {len(captured)} statements, {sql_ms:.1f} ms in SQL "
                    f"(HTTP {response.status_code})"
                )
                for statement, _parameters, ms in sorted(captured, key=lambda c: -c[2]):
                    print(f"   {ms:6.1f} ms  {' '.join(statement.split())[:110]}")
                queries = [c for c in captured if c[0].lstrip().upper().startswith(("SELECT", "WITH"))]
                for statement, parameters, ms in sorted(queries, key=lambda c: -c[2])[:2]:
                    print(f"\n-- {ms:.1f} ms, parameters {parameters!r}\n{statement.strip()}")
                    print(await explain(url, statement, parameters))
                await python_profile(client, body)
    await app.state.runtime.engine.dispose()


async def python_profile(client: httpx.AsyncClient, body: dict[str, Any], rounds: int = 5) -> None:
    """Where the server's Python time goes (the in-process request, SQL drivers' threads excluded)."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        await client.post("/graphql", json=body)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    print(f"\n-- Python profile over {rounds} requests (by own time):")
    print("\n".join("    " + line for line in lines[-14:]))


async def explain(url: str, statement: str, parameters: Any) -> str:
    if url.startswith("postgresql"):
        connection = await asyncpg.connect(_asyncpg_dsn(url))
        try:
            rows = await connection.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", *(parameters or ()))
        except Exception as error:  # noqa: BLE001 - best effort
            return f"(EXPLAIN failed: {error})"
        finally:
            await connection.close()
        return "\n".join("    " + row[0] for row in rows)
    connection = sqlite3.connect(url.split("///", 1)[1])
    try:
        rows = connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters or ()).fetchall()
    except Exception as error:  # noqa: BLE001
        return f"(EXPLAIN failed: {error})"
    finally:
        connection.close()
    return "\n".join(f"    {row[-1]}" for row in rows)


# ---------------------------------------------------------------------------------------------


async def bench_dialect(dialect: str, args: argparse.Namespace) -> list[Result]:
    print(
        f"\n== {dialect}: {args.runs} runs x {CONFIG_KEYS} config keys x {SUMMARY_KEYS} metrics, "
        f"{args.history_rows} history rows",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="labbook-bench-") as tmp:
        async with empty_database(dialect, Path(tmp), admin_dsn=PG_ADMIN_DSN, prefix="labbook_bench") as url:
            data = await populate(url, args.runs, args.history_rows)
            with Server(url, Path(tmp) / "data") as server:
                results = await asyncio.to_thread(measure, server.base_url, data, dialect, args.requests, args.warmup)
            slow = {r.name for r in results if r.missed and r.error is None}
            if args.explain:
                slow = {r.name for r in results if r.error is None}
            if slow:
                await profile(url, Path(tmp) / "data", data, slow)
            return results


def print_table(results: list[Result], requests: int) -> None:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\nmedians of {requests} requests over HTTP (loopback), after warm-up; "
        f"load average now {load} on {os.cpu_count()} CPUs (other work inflates the figures)"
    )
    print(f"{'dialect':<11} {'query':<22} {'median ms':>10} {'min ms':>7} {'p90 ms':>8} {'target':>7}  verdict")
    for r in results:
        if r.error:
            print(f"{r.dialect:<11} {r.name:<22} {'-':>10} {'-':>7} {'-':>8} {r.target_ms:>7.0f}  ERROR: {r.error}")
        else:
            verdict = "ok" if not r.missed else "MISSED"
            print(
                f"{r.dialect:<11} {r.name:<22} {r.median:>10.1f} {min(r.timings_ms):>7.1f} {r.p90:>8.1f} "
                f"{r.target_ms:>7.0f}  {verdict}"
            )


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dialect", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--history-rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=50, help="timed requests per query")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--explain", action="store_true", help="profile every query, not only the slow ones")
    args = parser.parse_args()
    dialects = ["sqlite", "postgresql"] if args.dialect == "both" else [args.dialect]
    results: list[Result] = []
    for dialect in dialects:
        results += await bench_dialect(dialect, args)
    print_table(results, args.requests)
    return 1 if any(r.missed for r in results) else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
