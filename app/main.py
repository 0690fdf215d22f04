"""create_app(settings) -> the Starlette application; the lifespan builds the runtime."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from typing import Awaitable, Callable

from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.routing import Mount, Route, WebSocketRoute

from app.api.view import GraphQLApp
from app.background import crash_watch, job_worker
from app.db.engine import make_engine, make_session_factory
from app.db.failures import is_unavailable
from app.db.migrate import upgrade
from app.db.notify import Hub
from app.domain import artifact_blobs, blobs
from app.domain.bootstrap import create_first_admin
from app.domain.fixtures import revoke_fixture_keys
from app.domain.jobs import JOB_CHANNEL
from app.domain.rules import ALERT_CHANNEL
from app.rest import file_stream, health, storage, telemetry, web
from app.rest import artifacts as artifact_routes
from app.rest.middleware import BodyLimitMiddleware, ErrorMiddleware, MetricsMiddleware
from app.runtime import Runtime
from app.settings import Settings
from app.storage.base import BlobStore
from app.storage.local import LocalBlobStore

log = logging.getLogger("labbook")

# Long-running tasks started with the server, each ``async fn(runtime)``.
BACKGROUND_TASKS: list[Callable[[Runtime], Awaitable[None]]] = []
BACKGROUND_TASKS.append(crash_watch)
BACKGROUND_TASKS.append(job_worker)


async def storage_sweep(runtime: Runtime) -> None:
    """At start and every storage_sweep_interval_seconds: crash leftovers and unreferenced blobs older
    than the signed URL lifetime (an upload in flight is younger)."""
    settings = runtime.settings
    if not settings.storage_sweep:
        return
    await blobs.sweep_forever(
        runtime.engine,
        runtime.session_factory,
        runtime.storage,
        interval_seconds=settings.storage_sweep_interval_seconds,
        min_age_seconds=settings.signed_url_ttl_seconds,
    )


BACKGROUND_TASKS.append(storage_sweep)


def build_storage(settings: Settings) -> BlobStore:
    if settings.storage_backend == "s3":
        from app.storage.s3 import S3BlobStore  # boto3 is imported only when used

        return S3BlobStore.from_settings(settings)
    return LocalBlobStore(settings.storage_dir)


async def artifact_blob_sweep(runtime: Runtime) -> None:
    """Once at start: delete the bytes of artifact content released before a crash."""
    try:
        freed = await artifact_blobs.sweep(runtime.storage, runtime.session_factory)
    except SQLAlchemyError as error:  # e.g. a database not migrated yet: the next start sweeps
        log.warning("artifact blob sweep skipped: %s", error)
        return
    if freed:
        log.info("artifact blob sweep freed %d bytes", freed)


BACKGROUND_TASKS.append(artifact_blob_sweep)


def load_secret(settings: Settings) -> bytes:
    """The HMAC secret: from settings, else kept in <data_dir>/secret_key (made on first start)."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = settings.data_dir / "secret_key"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip().encode()


def build_runtime(settings: Settings) -> Runtime:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url())
    return Runtime(
        settings=settings,
        engine=engine,
        session_factory=make_session_factory(engine),
        read_session_factory=make_session_factory(engine, read_only=True),
        storage=build_storage(settings),
        secret=load_secret(settings),
        hub=Hub(engine, (ALERT_CHANNEL, JOB_CHANNEL)),
    )


async def announce_first_admin(runtime: Runtime) -> None:
    settings = runtime.settings
    async with runtime.session_factory.begin() as session:
        key = await create_first_admin(
            session, username=settings.bootstrap_admin_username, email=settings.bootstrap_admin_email
        )
    if key:
        banner = "=" * 72
        print(
            f"\n{banner}\nLabbook created the instance admin '{settings.bootstrap_admin_username}'.\n"
            f"Its API key is shown this once:\n\n    {key}\n\n"
            f"Use it with: wandb login --host <this server's URL> {key}\n{banner}\n",
            flush=True,
        )


FIXTURE_BANNER = (
    "TEST FIXTURES ARE ON: http://{host}:{port} creates accounts whose API key is their username. "
    "Never run this on a server people use."
)


async def guard_fixture_keys(runtime: Runtime) -> asyncio.Task | None:
    """With the fixture service on, say so loudly; without it, its guessable keys stop working before
    the server answers anyone (or, when the database is away at start, as soon as it is back)."""
    settings = runtime.settings
    if settings.test_fixtures:
        banner = "!" * 100
        message = FIXTURE_BANNER.format(host=settings.test_fixtures_host, port=settings.test_fixtures_port)
        log.warning("%s\n%s\n%s", banner, message, banner)
        return None
    try:
        await _revoke_fixture_keys(runtime)
    except Exception as error:
        if not is_unavailable(error):
            raise
        return asyncio.create_task(_revoke_fixture_keys_when_back(runtime))
    return None


async def _revoke_fixture_keys(runtime: Runtime) -> None:
    async with runtime.session_factory.begin() as session:
        revoked = await revoke_fixture_keys(session)
    if revoked:
        log.warning("revoked %d API keys of test-fixture users (the fixture service is off)", revoked)


async def _revoke_fixture_keys_when_back(runtime: Runtime) -> None:
    while True:
        await asyncio.sleep(FIXTURE_GUARD_RETRY_SECONDS)
        try:
            return await _revoke_fixture_keys(runtime)
        except Exception as error:
            if not is_unavailable(error):
                raise


FIXTURE_GUARD_RETRY_SECONDS = 2.0


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    runtime = build_runtime(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        telemetry.quiet_access_log()
        if settings.migrate_on_start:
            await upgrade(runtime.engine)
        if settings.bootstrap_admin:
            await announce_first_admin(runtime)
        await runtime.hub.start()
        guard = await guard_fixture_keys(runtime)
        tasks = [asyncio.create_task(task(runtime)) for task in BACKGROUND_TASKS] + ([guard] if guard else [])
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await runtime.hub.stop()
            await runtime.engine.dispose()

    graphql = GraphQLApp(runtime)
    routes: list[Route | Mount] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        *health.routes,
        *file_stream.routes,
        *storage.routes,
        *artifact_routes.routes,
        *telemetry.routes,
        *web.routes,  # last: its catch-all serves the web app's URLs
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.runtime = runtime
    # The last added runs first: metrics see every answer, including the errors' and the 413s.
    app.add_middleware(
        BodyLimitMiddleware, default_bytes=settings.max_request_body_bytes, exceptions=storage.body_limits(settings)
    )
    app.add_middleware(ErrorMiddleware)
    app.add_middleware(MetricsMiddleware)
    return app
