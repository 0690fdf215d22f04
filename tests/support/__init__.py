"""Test helpers: databases on both dialects, GraphQL calls, fixtures' building blocks, the wandb client."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Iterator

import asyncpg
import httpx
import uvicorn
from sqlalchemy import column, event, insert, inspect, table, text

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.tables import Run, metadata
from app.domain import run_values
from app.domain.api_keys import issue_key
from app.domain.users import create_user

PG_ADMIN_DSN = os.environ.get("LABBOOK_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


def postgres_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


async def create_pg_database(admin_dsn: str = PG_ADMIN_DSN, *, prefix: str = "labbook_test") -> tuple[str, str]:
    """A new empty database: (its name, its SQLAlchemy URL)."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    connection = await asyncpg.connect(admin_dsn)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    base = admin_dsn.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    return name, f"{base}/{name}"


async def drop_pg_database(name: str, admin_dsn: str = PG_ADMIN_DSN) -> None:
    connection = await asyncpg.connect(admin_dsn)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


@asynccontextmanager
async def empty_database(
    dialect: str, directory: Path, *, admin_dsn: str = PG_ADMIN_DSN, prefix: str = "labbook_test"
) -> AsyncIterator[str]:
    """The URL of a new empty database of ``dialect``: on PostgreSQL a database dropped afterwards,
    on SQLite a file in ``directory``."""
    if dialect != "postgresql":
        yield f"sqlite+aiosqlite:///{directory / 'labbook.db'}"
        return
    name, url = await create_pg_database(admin_dsn, prefix=prefix)
    try:
        yield url
    finally:
        await drop_pg_database(name, admin_dsn)


async def migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


async def truncate_all(engine) -> None:
    """Empty every table between tests (much faster than re-creating the database)."""
    names = [table.name for table in metadata.sorted_tables]
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        else:
            for name in reversed(names):
                await connection.execute(text(f"DELETE FROM {name}"))


@contextmanager
def recorded_statements(engine) -> Iterator[list[str]]:
    """The SQL statements ``engine`` sends while the block runs, whitespace folded."""
    statements: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


@dataclass
class Account:
    """A user created for a test, with a usable API key."""

    id: int
    username: str
    email: str | None
    key: str
    entity_id: int


async def make_account(runtime, username: str, *, email: str | None = None, admin: bool = False) -> Account:
    async with runtime.session_factory.begin() as session:
        user = await create_user(session, email=email or f"{username}@example.com", username=username, admin=admin)
        issued = issue_key(session, user, description="test")
    return Account(user.id, user.username, user.email, issued.secret, user.entity_id)


class GraphQLClient:
    """Posts GraphQL to an app (in-process or live) as a given key, like the wandb client does."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def post(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        key: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        auth = ("api", key) if key else None
        return await self.http.post("/graphql", json=body, auth=auth, headers=headers or {})

    async def data(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        key: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """The data of a request that must succeed."""
        response = await self.post(query, variables, key=key, headers=headers)
        payload = response.json()
        assert response.status_code == 200 and not payload.get("errors"), (response.status_code, payload)
        return payload["data"]

    async def error(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        key: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """(HTTP status, first error) of a request that must fail."""
        response = await self.post(query, variables, key=key, headers=headers)
        payload = response.json()
        assert payload.get("errors"), (response.status_code, payload)
        return response.status_code, payload["errors"][0]


class LiveServer:
    """The real app under uvicorn on a free port, in a thread with its own event loop."""

    def __init__(self, app) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("live server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wandb_env(tmp: Path, base_url: str, key: str, **extra: str) -> dict[str, str]:
    """An environment that sandboxes everything the wandb client writes inside ``tmp``."""
    home = tmp / "home"
    for sub in ("home", "config", "cache", "data", "dir", "artifacts"):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
    env = {
        key_: value
        for key_, value in os.environ.items()
        if not key_.startswith("WANDB_") and key_ not in {"HOME", "NETRC"}
    }
    env.update(
        HOME=str(home),
        NETRC=str(home / ".netrc"),
        WANDB_BASE_URL=base_url,
        WANDB_API_KEY=key,
        WANDB_ERROR_REPORTING="false",
        WANDB_CONFIG_DIR=str(tmp / "config"),
        WANDB_CACHE_DIR=str(tmp / "cache"),
        WANDB_DATA_DIR=str(tmp / "data"),
        WANDB_DIR=str(tmp / "dir"),
        WANDB_ARTIFACT_DIR=str(tmp / "artifacts"),
        WANDB_SILENT="true",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    env.update(extra)
    return env


async def run_python(
    script: str, env: dict[str, str], *, cwd: Path | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run a Python script in a subprocess (off the event loop, so the in-process server keeps serving)."""
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-c", script],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


async def run_command(
    args: list[str], env: dict[str, str], *, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(
        subprocess.run, args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


async def index_run_values(session, run: Run) -> None:
    """What upsertBucket keeps for a run written directly as a row: its config and summary index."""
    await session.flush()
    await run_values.replace(session, run.id, run.project_id, run_values.CONFIG, run.config or {})
    await run_values.replace(session, run.id, run.project_id, run_values.SUMMARY, run.summary or {})


async def insert_at_revision(connection, row) -> int:
    """Insert a model row into its table as the migration the database stands at left it: only the
    columns the table has then (the model's defaults of columns added later stay out); its id."""
    full = type(row).__table__
    present = await connection.run_sync(lambda sync: {c["name"] for c in inspect(sync).get_columns(full.name)})
    values = {name: value for name, value in row.model_dump(exclude={"id"}).items() if name in present}
    bare = table(full.name, *(column(name, full.c[name].type) for name in [*values, "id"]))
    return (await connection.execute(insert(bare).values(values).returning(bare.c.id))).scalar_one()
