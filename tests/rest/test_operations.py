"""What operators rely on: health and readiness, metrics, and the crash watch running with the server."""

import asyncio

import httpx
from sqlalchemy import select

from app.db import tables
from app.main import create_app
from tests.support import make_account, truncate_all
from tests.support.tracking import UPSERT_BUCKET


async def test_health_readiness_and_metrics(http):
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    assert (await http.get("/readyz")).json() == {"status": "ready"}
    await http.get("/healthz")
    metrics = (await http.get("/metrics")).text
    assert 'labbook_http_requests_total{method="GET",route="/healthz",status="200"}' in metrics


async def test_the_server_marks_silent_runs_crashed_by_itself(settings):
    settings = settings.model_copy(update={"run_crash_timeout_seconds": 0, "crash_check_interval_seconds": 0.05})
    app = create_app(settings)
    runtime = app.state.runtime
    await truncate_all(runtime.engine)
    async with app.router.lifespan_context(app):
        alice = await make_account(runtime, "alice")
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            response = await http.post(
                "/graphql",
                auth=("api", alice.key),
                json={"query": UPSERT_BUCKET, "variables": {"name": "r1", "project": "p", "entity": "alice"}},
            )
            assert response.status_code == 200, response.text
        state = "running"
        for _ in range(100):
            await asyncio.sleep(0.05)
            async with runtime.session_factory() as session:
                state = await session.scalar(select(tables.Run.state).where(tables.Run.name == "r1"))
            if state == "crashed":
                break
    assert state == "crashed"
