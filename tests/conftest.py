"""Every database test runs on SQLite and on PostgreSQL (required in CI, else when reachable)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import httpx
import pytest

from app.main import build_runtime, create_app
from app.settings import Settings
from tests.support import (
    GraphQLClient,
    LiveServer,
    empty_database,
    make_account,
    migrate,
    postgres_reachable,
    truncate_all,
)
from tests.support.storage import S3_TEST_BUCKET, free_port, s3_settings

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _dialects() -> list[str]:
    if os.environ.get("LABBOOK_TEST_DIALECTS"):
        return os.environ["LABBOOK_TEST_DIALECTS"].split(",")
    if IN_CI or postgres_reachable():
        return ["sqlite", "postgresql"]
    return ["sqlite"]


@pytest.fixture(scope="session", params=_dialects())
async def database_url(request):
    """A migrated database per dialect, shared by the session and emptied before each test."""
    if request.param == "postgresql" and not postgres_reachable():
        pytest.fail("PostgreSQL is required (CI) but 127.0.0.1:5432 is not reachable")
    with tempfile.TemporaryDirectory() as tmp:
        async with empty_database(request.param, Path(tmp)) as url:
            await migrate(url)
            yield url


# LABBOOK_TEST_STORAGE=s3 runs every test on the S3 backend; by default only the tests marked
# ``both_storages`` run on both (local and S3), to keep the suite's time.
DEFAULT_STORAGE = os.environ.get("LABBOOK_TEST_STORAGE", "local")


def pytest_configure(config):
    config.addinivalue_line("markers", "both_storages: run on the local and the S3 storage backend")


def _dialect_of(item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("database_url") if callspec else None


# `make test` runs the suite as two processes side by side, LABBOOK_TEST_PART=1 and 2, of about equal
# time: 1 runs the SQLite tests, those that need no database and the browser tests on PostgreSQL; 2 runs
# the other PostgreSQL tests.
_PART_ONE_ON_POSTGRESQL = ("tests/web/",)


def _in_part_one(item) -> bool:
    dialect = _dialect_of(item)
    if dialect == "postgresql":
        return item.nodeid.startswith(_PART_ONE_ON_POSTGRESQL)
    return True


def pytest_collection_modifyitems(config, items):
    part = os.environ.get("LABBOOK_TEST_PART")
    if part not in ("1", "2"):
        return
    ours = {item.nodeid for item in items if _in_part_one(item) == (part == "1")}
    config.hook.pytest_deselected(items=[item for item in items if item.nodeid not in ours])
    items[:] = [item for item in items if item.nodeid in ours]


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("both_storages") and "storage_backend" in metafunc.fixturenames:
        metafunc.parametrize("storage_backend", ["local", "s3"], indirect=True)


@pytest.fixture
def storage_backend(request) -> str:
    return getattr(request, "param", DEFAULT_STORAGE)


@pytest.fixture(scope="session")
def s3_endpoint():
    """A real S3-compatible HTTP server (moto) on a free loopback port, with the test bucket."""
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
    ).create_bucket(Bucket=S3_TEST_BUCKET)
    yield endpoint
    server.stop()


@pytest.fixture
def settings(database_url, tmp_path, storage_backend, request) -> Settings:
    extra = s3_settings(request.getfixturevalue("s3_endpoint")) if storage_backend == "s3" else {}
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        migrate_on_start=False,
        bootstrap_admin=False,
        secret_key="test-secret",
        **extra,
    )


@pytest.fixture
async def app(settings):
    application = create_app(settings)
    runtime = application.state.runtime
    await truncate_all(runtime.engine)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
def runtime(app):
    return app.state.runtime


@pytest.fixture
async def http(app):
    """An HTTP client for the in-process app."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client


@pytest.fixture
def gql(http) -> GraphQLClient:
    return GraphQLClient(http)


@pytest.fixture
async def live_server(settings, database_url):
    """The real server under uvicorn on a free port, in its own thread and event loop.

    ``live_server.runtime`` is a second runtime over the same database and data dir, for the test's
    own loop: an engine's pooled connections must never be shared between two event loops."""
    test_runtime = build_runtime(settings)
    await truncate_all(test_runtime.engine)
    with LiveServer(create_app(settings)) as server:
        server.runtime = test_runtime
        yield server
    await test_runtime.engine.dispose()


@pytest.fixture
async def alice(runtime):
    return await make_account(runtime, "alice")


@pytest.fixture
async def bob(runtime):
    return await make_account(runtime, "bob")
