"""Subscriptions (graphql-transport-ws at /graphql) authenticate with an API key or, from this server's own
pages, with the browser's session cookie: the Origin must be the server's origin (cross-site WebSocket
hijacking: a browser sends the cookie on a socket any site opens)."""

from __future__ import annotations

import asyncio
import base64
import json

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from app.domain.web_sessions import SESSION_COOKIE
from tests.support import GraphQLClient, make_account
from tests.support.tracking import UPSERT_BUCKET

SUBSCRIPTION = (
    "subscription($e: String!, $p: String!) { alertEvents(entityName: $e, projectName: $p) { title run { name } } }"
)
ALERT = """mutation($input: NotifyScriptableRunAlertInput!) { notifyScriptableRunAlert(input: $input) { success } }"""


async def _signed_in_cookie(url: str, key: str) -> str:
    async with httpx.AsyncClient(base_url=url) as http:
        response = await http.post("/login", json={"apiKey": key})
        assert response.status_code == 200
        return http.cookies[SESSION_COOKIE]


async def _first_alert(url: str, headers: dict[str, str], trigger) -> dict:
    """Subscribe to alice/p's alerts over the socket, trigger one, and return the first message after."""
    async with connect(
        url.replace("http://", "ws://") + "/graphql", subprotocols=["graphql-transport-ws"], additional_headers=headers
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": SUBSCRIPTION, "variables": {"e": "alice", "p": "p"}},
                }
            )
        )
        # The subscription reads the project before it listens; an error (not found) comes at once.
        while True:
            await trigger()
            try:
                message = json.loads(await asyncio.wait_for(ws.recv(), 2))
            except TimeoutError:
                continue  # the alert was published before the subscription listened: raise another
            if message["type"] != "ping":
                return message


async def _refused(url: str, headers: dict[str, str]) -> int:
    with pytest.raises(ConnectionClosed) as closed:
        async with connect(
            url.replace("http://", "ws://") + "/graphql",
            subprotocols=["graphql-transport-ws"],
            additional_headers=headers,
        ) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
            await asyncio.wait_for(ws.recv(), 10)
    return closed.value.rcvd.code if closed.value.rcvd else -1


@pytest.fixture
async def alice_project(live_server):
    alice = await make_account(live_server.runtime, "alice")
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        await GraphQLClient(http).data(UPSERT_BUCKET, {"name": "r", "project": "p", "entity": "alice"}, key=alice.key)
    return alice


def _trigger(url: str, key: str):
    async def trigger():
        async with httpx.AsyncClient(base_url=url) as http:
            await GraphQLClient(http).data(
                ALERT,
                {"input": {"entityName": "alice", "projectName": "p", "runName": "r", "title": "hello", "text": "t"}},
                key=key,
            )

    return trigger


async def test_the_session_cookie_from_the_servers_own_page_subscribes_as_the_person(live_server, alice_project):
    cookie = await _signed_in_cookie(live_server.url, alice_project.key)
    headers = {"Cookie": f"{SESSION_COOKIE}={cookie}", "Origin": live_server.url}
    message = await _first_alert(live_server.url, headers, _trigger(live_server.url, alice_project.key))
    assert message["type"] == "next", message
    assert message["payload"]["data"]["alertEvents"] == {"title": "hello", "run": {"name": "r"}}


async def test_an_api_key_still_subscribes_without_cookie_or_origin(live_server, alice_project):
    headers = {"Authorization": "Basic " + base64.b64encode(f"api:{alice_project.key}".encode()).decode()}
    message = await _first_alert(live_server.url, headers, _trigger(live_server.url, alice_project.key))
    assert message["type"] == "next" and message["payload"]["data"]["alertEvents"]["title"] == "hello"


async def test_without_credentials_the_private_project_is_not_found(live_server, alice_project):
    message = await _first_alert(
        live_server.url, {"Origin": live_server.url}, _trigger(live_server.url, alice_project.key)
    )
    assert message["type"] in ("error", "next")
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert "not found" in errors[0]["message"]


@pytest.mark.parametrize(
    "origin", [None, "http://evil.example", "null", "https://127.0.0.1:{port}", "http://127.0.0.1:1"]
)
async def test_the_cookie_from_another_origin_is_refused(live_server, alice_project, origin):
    cookie = await _signed_in_cookie(live_server.url, alice_project.key)
    headers = {"Cookie": f"{SESSION_COOKIE}={cookie}"}
    if origin is not None:
        headers["Origin"] = origin.format(port=live_server.port)
    assert await _refused(live_server.url, headers) == 4403


async def test_an_ended_session_or_a_bad_key_is_refused_as_unauthenticated(live_server, alice_project):
    headers = {"Cookie": f"{SESSION_COOKIE}=not-a-session", "Origin": live_server.url}
    assert await _refused(live_server.url, headers) == 4401
    bad_key = {"Authorization": "Basic " + base64.b64encode(b"api:local-" + b"x" * 40).decode()}
    assert await _refused(live_server.url, bad_key) == 4401


def _upgrade(headers: dict[str, str], scheme: str = "ws"):
    from starlette.requests import HTTPConnection

    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return HTTPConnection(
        {"type": "websocket", "scheme": scheme, "path": "/graphql", "headers": raw, "server": ("127.0.0.1", 8080)}
    )


@pytest.mark.parametrize(
    "headers,scheme,same",
    [
        ({"host": "lab.example:8080", "origin": "http://lab.example:8080"}, "ws", True),
        ({"host": "LAB.example", "origin": "http://lab.example:80"}, "ws", True),  # default port, any case
        ({"host": "lab.example", "origin": "https://lab.example"}, "wss", True),
        ({"host": "lab.example", "origin": "https://lab.example"}, "ws", False),  # http page vs https origin
        (
            {
                "host": "internal:8080",
                "x-forwarded-host": "lab.example",
                "x-forwarded-proto": "https",
                "origin": "https://lab.example",
            },
            "ws",
            True,
        ),  # behind a TLS proxy
        ({"host": "[::1]:8080", "origin": "http://[::1]:8080"}, "ws", True),
        ({"host": "lab.example", "origin": "http://lab.example.evil.example"}, "ws", False),
        ({"host": "lab.example", "origin": "null"}, "ws", False),
        ({"host": "lab.example"}, "ws", False),
    ],
)
def test_the_origin_is_compared_by_scheme_host_and_port(headers, scheme, same):
    from app.api.view import same_origin

    assert same_origin(_upgrade(headers, scheme)) is same
