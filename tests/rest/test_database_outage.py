"""Losing the database is a JSON 503 with Retry-After on every route (GraphQL, file_stream, storage),
never a plain-text 500, and the server serves again as soon as the database is back.

On PostgreSQL the backends are terminated (pg_terminate_backend) under a running app, and the
database is put behind a TCP proxy that is shut (a closed port) and reopened; on SQLite the
database file cannot be opened until its directory exists."""

from __future__ import annotations

import asyncio
import contextlib

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from app.main import create_app
from app.storage.signing import signed_path
from tests.support import LiveServer, make_account, migrate
from tests.support.tracking import UPSERT_BUCKET

PROJECT = '{ project(name: "p", entityName: "alice") { name } }'


class Probes:
    """One request of each kind; ``down`` asserts the 503s, ``up`` that they are served again."""

    def __init__(self, http: httpx.AsyncClient, key: str, secret: bytes) -> None:
        self.http, self.key, self.secret = http, key, secret

    def requests(self) -> dict[str, callable]:
        put_url = signed_path(self.secret, "PUT", "run-files/not-a-file", 60)
        return {
            "graphql resolver": lambda: self.http.post("/graphql", json={"query": PROJECT}),
            "graphql authentication": lambda: self.http.post(
                "/graphql", json={"query": "{ viewer { username } }"}, auth=("api", self.key)
            ),
            "file_stream": lambda: self.http.post(
                "/files/alice/p/r1/file_stream", json={"files": {}}, auth=("api", self.key)
            ),
            "file download": lambda: self.http.get("/files/alice/p/r1/missing.txt", auth=("api", self.key)),
            "storage upload": lambda: self.http.put(put_url, content=b"data"),
        }

    async def down(self, name: str) -> None:
        response = await self.requests()[name]()
        assert response.status_code == 503, (name, response.status_code, response.text)
        assert response.headers["retry-after"].isdigit(), name
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "UNAVAILABLE", (name, error)
        assert error["message"] == "the database is unavailable; try again shortly"

    async def up(self, name: str) -> None:
        response = await self.requests()[name]()
        expected = {
            "graphql resolver": 200,
            "graphql authentication": 200,
            "file_stream": 200,
            "file download": 404,
            "storage upload": 404,
        }[name]  # no run file has that key
        assert response.status_code == expected, (name, response.status_code, response.text)
        if name == "graphql authentication":
            assert response.json()["data"]["viewer"]["username"] == "alice"
        if name == "graphql resolver":  # anonymous: alice's private project is not shown
            assert response.json() == {"data": {"project": None}}


PROBES = ["graphql resolver", "graphql authentication", "file_stream", "file download", "storage upload"]


async def terminate_backends(database: str) -> int:
    """Terminate every server process connected to ``database``, from a connection of its own."""
    admin = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        return await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            database,
        )
    finally:
        await admin.close()


async def make_run(http, runtime):
    alice = await make_account(runtime, "alice")
    response = await http.post(
        "/graphql",
        json={"query": UPSERT_BUCKET, "variables": {"name": "r1", "project": "p", "entity": "alice"}},
        auth=("api", alice.key),
    )
    assert response.status_code == 200 and not response.json().get("errors"), response.text
    return alice


@pytest.mark.parametrize("probe", PROBES)
async def test_terminated_backends_are_503_then_served_again(http, runtime, database_url, probe):
    if runtime.dialect != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    alice = await make_run(http, runtime)
    probes = Probes(http, alice.key, runtime.secret)
    for name in PROBES:  # every kind of request has used (and pooled) a connection
        await probes.up(name)
    assert await terminate_backends(make_url(database_url).database) >= 1
    await probes.down(probe)
    for name in PROBES:
        await probes.up(name)


class Proxy:
    """A TCP forwarder to PostgreSQL on a fixed local port that can be shut and reopened."""

    def __init__(self) -> None:
        self.port = 0
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    async def open(self) -> None:
        self.server = await asyncio.start_server(self._connect, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def shut(self) -> None:
        self.server.close()
        for writer in list(self.writers):
            writer.transport.abort()
        await self.server.wait_closed()

    async def _connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", 5432)
        self.writers |= {writer, upstream_writer}
        await asyncio.gather(self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.transport.abort()
        self.writers.discard(writer)


async def test_a_closed_port_is_503_until_the_database_is_back(settings, database_url, runtime, http):
    """The live server (uvicorn) behind the proxy: shut port, every probe 503; reopened, all served."""
    if runtime.dialect != "postgresql":
        pytest.skip("the SQLite variant is below")
    alice = await make_run(http, runtime)
    proxy = Proxy()
    await proxy.open()
    proxied = settings.model_copy(
        update={"database_url": make_url(database_url).set(port=proxy.port).render_as_string(hide_password=False)}
    )
    # Started from another thread: its start reaches the database through this loop's proxy.
    server = await asyncio.to_thread(LiveServer(create_app(proxied)).__enter__)
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as live:
            probes = Probes(live, alice.key, runtime.secret)
            for name in PROBES:
                await probes.up(name)
            await proxy.shut()
            for name in PROBES:
                await probes.down(name)
            assert (await live.get("/healthz")).status_code == 200
            await proxy.open()
            for name in PROBES:
                await probes.up(name)
    finally:
        # Stopped from another thread: this loop must keep forwarding while the server closes its connections.
        await asyncio.to_thread(server.__exit__, None, None, None)
        await proxy.shut()


async def test_a_sqlite_file_that_cannot_be_opened_is_503_until_it_can(settings, runtime, tmp_path):
    if runtime.dialect != "sqlite":
        pytest.skip("the PostgreSQL variants are above")
    missing_dir = tmp_path / "not-yet"
    url = f"sqlite+aiosqlite:///{missing_dir / 'labbook.db'}"
    app = create_app(settings.model_copy(update={"database_url": url}))
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
            probes = Probes(http, "local-" + "x" * 40, app.state.runtime.secret)
            for name in PROBES:
                await probes.down(name)
            missing_dir.mkdir()
            await migrate(url)
            alice = await make_run(http, app.state.runtime)
            probes.key = alice.key
            for name in PROBES:
                await probes.up(name)


async def test_concurrent_requests_while_backends_are_terminated_are_served_or_503(http, runtime, database_url):
    """Connections die under requests in flight (asyncpg raises several classes then): each answer is
    a result or the JSON 503, and afterwards everything is served."""
    if runtime.dialect != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    alice = await make_run(http, runtime)
    probes = Probes(http, alice.key, runtime.secret)
    database = make_url(database_url).database
    statuses: list[int] = []

    async def stream(step: int) -> None:
        body = {"files": {"wandb-history.jsonl": {"offset": step, "content": [f'{{"_step": {step}, "x": 1}}']}}}
        response = await http.post("/files/alice/p/r1/file_stream", json=body, auth=("api", alice.key))
        statuses.append(response.status_code)
        if response.status_code != 200:
            assert response.status_code == 503 and response.headers["retry-after"], response.text
            assert response.json()["errors"][0]["extensions"]["code"] == "UNAVAILABLE"

    async def killer() -> None:
        for _ in range(5):
            await asyncio.sleep(0.05)
            await terminate_backends(database)

    await asyncio.gather(killer(), *(stream(step) for step in range(40)))
    assert len(statuses) == 40 and 503 in statuses, statuses
    for name in PROBES:
        await probes.up(name)
