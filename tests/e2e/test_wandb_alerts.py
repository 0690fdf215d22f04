"""End to end: the official wandb client logs a baseline run and a regressing one; a webhook receiver
gets one signed delivery, a WebSocket subscriber (graphql-transport-ws) the same event, and the gate
command fails the regressed run and passes a good one. On PostgreSQL, two server processes deliver
each event once and each of their subscribers sees it."""

from __future__ import annotations

import asyncio
import base64
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect

from tests.support.rules import (
    CREATE_RULE,
    CREATE_WEBHOOK,
    SECRET,
    SET_BASELINE,
    Receiver,
    rule_input,
    verify_signature,
    wait_for,
)
from tests.support import GraphQLClient, _free_port, make_account, run_command, wandb_env

ROOT = Path(__file__).resolve().parents[2]

TRAIN = """\
import sys
import wandb

run = wandb.init(entity=sys.argv[1], project="vision", id=sys.argv[2], config={"dataset": "imagenet"})
worse_from = int(sys.argv[3])
for step in range(20):
    loss = 1.0 / (step + 1)
    wandb.log({"loss": loss * (2.0 if step >= worse_from else 1.0)})
if len(sys.argv) > 4:
    run.alert(title="from the training code", text="hello")
run.finish()
"""

SUBSCRIPTION = """subscription($e: String!, $p: String!) { alertEvents(entityName: $e, projectName: $p) {
  id rule { name } run { name } step value baselineValue } }"""


@pytest.fixture
def settings(settings):
    return settings.model_copy(
        update={"webhook_allow_private": True, "webhook_retry_base_seconds": 0.2, "job_poll_seconds": 0.2}
    )


class Subscriber:
    """A graphql-transport-ws client collecting the ``next`` payloads of one subscription."""

    def __init__(self, url: str, key: str, variables: dict) -> None:
        self.url = url.replace("http://", "ws://") + "/graphql"
        self.headers = {"Authorization": "Basic " + base64.b64encode(f"api:{key}".encode()).decode()}
        self.variables = variables
        self.events: list[dict] = []
        self.errors: list[dict] = []
        self.ready = asyncio.Event()

    async def run(self) -> None:
        async with connect(self.url, subprotocols=["graphql-transport-ws"], additional_headers=self.headers) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
            await ws.send(
                json.dumps(
                    {"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION, "variables": self.variables}}
                )
            )
            self.ready.set()
            async for message in ws:
                data = json.loads(message)
                if data["type"] == "next":
                    if data["payload"].get("errors"):
                        self.errors.extend(data["payload"]["errors"])
                    else:
                        self.events.append(data["payload"]["data"]["alertEvents"])
                elif data["type"] == "error":
                    self.errors.extend(data["payload"])
                    return
                elif data["type"] == "complete":
                    return
                elif data["type"] == "ping":
                    await ws.send(json.dumps({"type": "pong"}))


async def _train(tmp_path: Path, url: str, key: str, entity: str, run: str, worse_from: int, *extra: str) -> None:
    script = tmp_path / "train.py"
    script.write_text(TRAIN)
    env = wandb_env(tmp_path / f"w-{run}", url, key)
    result = await run_command(
        [sys.executable, str(script), entity, run, str(worse_from), *extra], env, cwd=tmp_path, timeout=240
    )
    assert result.returncode == 0, result.stderr


def _gate(settings, path: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "LABBOOK_DATABASE_URL": settings.database_url,
        "LABBOOK_DATA_DIR": str(settings.data_dir),
        "LABBOOK_SECRET_KEY": "test-secret",
        "LABBOOK_BOOTSTRAP_ADMIN": "false",
    }
    return subprocess.run(
        [sys.executable, "-m", "app", "gate", path], env=env, capture_output=True, text=True, timeout=120
    )


async def test_a_regression_logged_by_the_client_is_delivered_signed_streamed_and_gated(
    live_server, settings, tmp_path
):
    runtime = live_server.runtime
    alice = await make_account(runtime, "alice")
    await _train(tmp_path, live_server.url, alice.key, "alice", "base", 99)
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        gql = GraphQLClient(http)
        await gql.data(SET_BASELINE, {"e": "alice", "p": "vision", "r": "base"}, key=alice.key)
        await gql.data(
            CREATE_RULE,
            rule_input(
                "alice",
                "vision",
                "loss-vs-baseline",
                comparison="BASELINE_SAME_STEP",
                tolerance=0.1,
                toleranceKind="RELATIVE",
            ),
            key=alice.key,
        )
        with Receiver() as receiver:
            await gql.data(
                CREATE_WEBHOOK,
                {"input": {"entityName": "alice", "projectName": "vision", "url": receiver.url, "secret": SECRET}},
                key=alice.key,
            )
            subscriber = Subscriber(live_server.url, alice.key, {"e": "alice", "p": "vision"})
            task = asyncio.create_task(subscriber.run())
            await asyncio.wait_for(subscriber.ready.wait(), 10)
            await asyncio.sleep(0.2)
            await _train(tmp_path, live_server.url, alice.key, "alice", "worse", 10)
            await _train(tmp_path, live_server.url, alice.key, "alice", "good", 99, "alert")
            assert await wait_for(lambda: _count(receiver.received, 2), timeout=20)
            await asyncio.sleep(0.5)
            task.cancel()
    opened = [r for r in receiver.received if r.json["alert"]["run"] == "worse"]
    assert len(opened) == 1 and verify_signature(opened[0])
    alert = opened[0].json["alert"]
    assert opened[0].json["event"] == "alert.opened"
    assert (alert["rule"], alert["step"]) == ("loss-vs-baseline", 10)
    assert math.isclose(alert["value"], 2.0 / 11) and math.isclose(alert["baselineValue"], 1.0 / 11)
    client_raised = [r.json["alert"] for r in receiver.received if r.json["alert"]["run"] == "good"]
    assert [a["rule"] for a in client_raised] == ["from the training code"]  # wandb.alert joins the stream

    assert subscriber.errors == []
    streamed = [e for e in subscriber.events if e["run"]["name"] == "worse"]
    assert streamed and streamed[0]["rule"] == {"name": "loss-vs-baseline"}
    assert (streamed[0]["step"], streamed[0]["value"], streamed[0]["baselineValue"]) == (
        alert["step"],
        alert["value"],
        alert["baselineValue"],
    )

    failed = await asyncio.to_thread(_gate, settings, "alice/vision/worse")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "FAIL" in failed.stdout and "loss-vs-baseline" in failed.stdout
    passed = await asyncio.to_thread(_gate, settings, "alice/vision/good")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "PASS" in passed.stdout


async def _count(items: list, count: int) -> bool:
    return len(items) >= count


async def test_an_outsider_cannot_subscribe_to_a_private_project(live_server):
    runtime = live_server.runtime
    alice = await make_account(runtime, "alice")
    otto = await make_account(runtime, "otto")
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        await GraphQLClient(http).data(
            'mutation { upsertModel(input: {entityName: "alice", name: "secret"}) { project { id } } }', key=alice.key
        )
    subscriber = Subscriber(live_server.url, otto.key, {"e": "alice", "p": "secret"})
    await asyncio.wait_for(subscriber.run(), 10)
    assert subscriber.errors and "not found" in subscriber.errors[0]["message"]
    assert subscriber.events == []


def _serve(settings, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "LABBOOK_DATABASE_URL": settings.database_url,
        "LABBOOK_DATA_DIR": str(settings.data_dir),
        "LABBOOK_SECRET_KEY": "test-secret",
        "LABBOOK_BOOTSTRAP_ADMIN": "false",
        "LABBOOK_MIGRATE_ON_START": "false",
        "LABBOOK_WEBHOOK_ALLOW_PRIVATE": "true",
        "LABBOOK_JOB_POLL_SECONDS": "0.2",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


async def _ready(url: str) -> None:
    async with httpx.AsyncClient(base_url=url) as http:
        for _ in range(200):
            try:
                if (await http.get("/healthz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


async def test_two_server_processes_deliver_each_event_once(live_server, settings, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("several server processes share a database on PostgreSQL")
    runtime = live_server.runtime
    alice = await make_account(runtime, "alice")
    ports = [_free_port(), _free_port()]
    servers = [_serve(settings, port) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url in urls:
            await _ready(url)
        async with httpx.AsyncClient(base_url=urls[0]) as http:
            gql = GraphQLClient(http)
            await gql.data(
                'mutation { upsertModel(input: {entityName: "alice", name: "p"}) { project { id } } }', key=alice.key
            )
            await gql.data(CREATE_RULE, rule_input("alice", "p", "cap", threshold=0.5), key=alice.key)
            with Receiver() as receiver:
                await gql.data(
                    CREATE_WEBHOOK,
                    {"input": {"entityName": "alice", "projectName": "p", "url": receiver.url, "secret": SECRET}},
                    key=alice.key,
                )
                subscribers = [Subscriber(url, alice.key, {"e": "alice", "p": "p"}) for url in urls]
                tasks = [asyncio.create_task(s.run()) for s in subscribers]
                for subscriber in subscribers:
                    await asyncio.wait_for(subscriber.ready.wait(), 10)
                await asyncio.sleep(0.3)
                runs = [f"r{i}" for i in range(6)]
                for index, name in enumerate(runs):
                    url = urls[index % 2]
                    async with httpx.AsyncClient(base_url=url) as server:
                        await GraphQLClient(server).data(
                            'mutation($n: String) { upsertBucket(input: {name: $n, modelName: "p", '
                            'entityName: "alice"}) { bucket { id } } }',
                            {"n": name},
                            key=alice.key,
                        )
                        body = {
                            "files": {
                                "wandb-history.jsonl": {"offset": 0, "content": [json.dumps({"_step": 0, "loss": 0.9})]}
                            }
                        }
                        response = await server.post(
                            f"/files/alice/p/{name}/file_stream", json=body, auth=("api", alice.key)
                        )
                        assert response.status_code == 200
                assert await wait_for(lambda: _count(receiver.received, len(runs)), timeout=20)
                await wait_for(lambda: _all_have(subscribers, len(runs)), timeout=10)
                await asyncio.sleep(1.0)
                for task in tasks:
                    task.cancel()
        delivered = sorted(r.json["alert"]["run"] for r in receiver.received)
        assert delivered == runs  # each once, whichever process claimed it
        for subscriber in subscribers:
            assert sorted(e["run"]["name"] for e in subscriber.events) == runs
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


async def _all_have(subscribers: list[Subscriber], count: int) -> bool:
    return all(len(s.events) >= count for s in subscribers)
