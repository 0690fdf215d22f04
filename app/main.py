"""create_app(settings) -> the Starlette application; the lifespan builds the runtime."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from typing import Awaitable, Callable

from starlette.applications import Starlette
from starlette.routing import Mount, Route, WebSocketRoute

from app.api.view import GraphQLApp
from app.background import crash_watch, job_worker
from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.notify import Hub
from app.domain.bootstrap import create_first_admin
from app.domain.jobs import JOB_CHANNEL
from app.domain.rules import ALERT_CHANNEL
from app.rest import file_stream, health, storage
from app.rest.middleware import MetricsMiddleware
from app.runtime import Runtime
from app.settings import Settings
from app.storage.local import LocalBlobStore

log = logging.getLogger("labbook")

# Long-running tasks started with the server, each ``async fn(runtime)``.
BACKGROUND_TASKS: list[Callable[[Runtime], Awaitable[None]]] = []
BACKGROUND_TASKS.append(crash_watch)
BACKGROUND_TASKS.append(job_worker)


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
        storage=LocalBlobStore(settings.storage_dir),
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


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    runtime = build_runtime(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        if settings.migrate_on_start:
            await upgrade(runtime.engine)
        if settings.bootstrap_admin:
            await announce_first_admin(runtime)
        await runtime.hub.start()
        tasks = [asyncio.create_task(task(runtime)) for task in BACKGROUND_TASKS]
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
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.runtime = runtime
    app.add_middleware(MetricsMiddleware)
    return app
