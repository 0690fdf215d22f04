"""Request bodies are counted as they arrive, chunked or not: past the limit the answer is 413 with a
JSON sentence, and the server stops reading. Uploads (PUT /storage) have their own, larger limit."""

from __future__ import annotations

import httpx
import pytest

from app.domain import blobs
from app.main import create_app
from app.storage.signing import signed_path
from tests.support import LiveServer, make_account, truncate_all

LIMIT = 64 * 1024
UPLOAD_LIMIT = 512 * 1024
CHUNK = 16 * 1024


@pytest.fixture
def limited_settings(settings):
    return settings.model_copy(update={"max_request_body_bytes": LIMIT, "max_upload_bytes": UPLOAD_LIMIT})


@pytest.fixture
async def limited_app(limited_settings):
    application = create_app(limited_settings)
    await truncate_all(application.state.runtime.engine)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(limited_app):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=limited_app), base_url="http://testserver") as http:
        yield http


class Chunks:
    """A chunked request body of ``total`` bytes that counts how much of it was read."""

    def __init__(self, total: int, prefix: bytes = b"") -> None:
        self.total, self.prefix, self.sent = total, prefix, 0

    async def __aiter__(self):
        if self.prefix:
            self.sent += len(self.prefix)
            yield self.prefix
        while self.sent < self.total:
            part = b" " * min(CHUNK, self.total - self.sent)
            self.sent += len(part)
            yield part


def assert_too_large(response: httpx.Response, limit: int) -> None:
    assert response.status_code == 413, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert "request body too large" in error["message"] and f"the limit is {limit}" in error["message"]


async def test_a_chunked_graphql_body_past_the_limit_is_413_and_not_read_to_the_end(client, runtime):
    alice = await make_account(runtime, "alice")
    body = Chunks(LIMIT * 50, prefix=b'{"query": "{ viewer { username } }"}')
    response = await client.post(
        "/graphql", content=body, auth=("api", alice.key), headers={"content-type": "application/json"}
    )
    assert_too_large(response, LIMIT)
    assert body.sent <= LIMIT + 2 * CHUNK, "the server read on past the limit"


async def test_a_chunked_body_within_the_limit_is_served(client, runtime):
    alice = await make_account(runtime, "alice")
    body = Chunks(LIMIT - 100, prefix=b'{"query": "{ viewer { username } }"}')
    response = await client.post(
        "/graphql", content=body, auth=("api", alice.key), headers={"content-type": "application/json"}
    )
    assert response.status_code == 200 and response.json()["data"]["viewer"]["username"] == "alice"


async def test_a_declared_length_past_the_limit_is_refused_before_the_route_runs(client):
    response = await client.post(
        "/graphql", content=b"{" + b" " * LIMIT + b"}", headers={"content-type": "application/json"}
    )
    assert_too_large(response, LIMIT)
    assert f"{LIMIT + 2} bytes" in response.json()["errors"][0]["message"]


async def test_file_stream_counts_chunked_bytes_too(client, runtime):
    alice = await make_account(runtime, "alice")
    response = await client.post("/files/alice/p/r1/file_stream", content=Chunks(LIMIT * 10), auth=("api", alice.key))
    assert_too_large(response, LIMIT)


@pytest.fixture
def scratch_blobs(monkeypatch):
    """Blobs under scratch/ that the storage routes accept (as run files' are, while their row exists)."""

    async def live(session, keys):
        return set(keys)

    async def on_upload(session, key, size, md5):
        return True

    monkeypatch.setitem(blobs._OWNERS, "scratch/", blobs.BlobOwner("scratch/", live, on_upload))


async def test_uploads_have_their_own_larger_limit(client, runtime, limited_settings, scratch_blobs):
    def url(key: str) -> str:
        return signed_path(runtime.secret, "PUT", key, 60)

    within = await client.put(url("scratch/within"), content=Chunks(UPLOAD_LIMIT))
    assert within.status_code == 200, within.text
    assert await runtime.storage.size("scratch/within") == UPLOAD_LIMIT
    body = Chunks(UPLOAD_LIMIT * 4)
    past = await client.put(url("scratch/past"), content=body)
    assert_too_large(past, UPLOAD_LIMIT)
    assert body.sent <= UPLOAD_LIMIT + 2 * CHUNK
    assert await runtime.storage.size("scratch/past") is None
    assert not list(limited_settings.storage_dir.rglob("*.tmp")), "the partial upload was left behind"
    declared = await client.put(url("scratch/declared"), content=b"x" * (UPLOAD_LIMIT + 1))
    assert_too_large(declared, UPLOAD_LIMIT)


async def test_a_live_server_refuses_a_chunked_body_past_the_limit(limited_settings):
    with LiveServer(create_app(limited_settings)) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            body = Chunks(LIMIT * 100, prefix=b'{"query": "{ viewer { username } }"}')
            response = await http.post("/graphql", content=body, headers={"content-type": "application/json"})
            assert_too_large(response, LIMIT)
            # uvicorn discards the rest of the body (the app reads no further, see above) and the
            # connection stays usable.
            health = await http.get("/healthz")
            assert health.status_code == 200
