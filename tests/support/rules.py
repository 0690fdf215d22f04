"""Helpers for the metric-rule tests: a webhook receiver on a real socket, signature checks, rule and
run operations."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.tracking import UPSERT_BUCKET, lines, post_stream

HISTORY, SUMMARY = "wandb-history.jsonl", "wandb-summary.json"
SECRET = "s3cret-for-tests"

CREATE_RULE = """mutation($input: CreateMetricRuleInput!) { createMetricRule(input: $input) { rule { id name } } }"""
CREATE_WEBHOOK = """mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }"""
SET_BASELINE = """mutation($e: String!, $p: String!, $r: String) {
  setProjectBaseline(input: {entityName: $e, projectName: $p, runName: $r}) { project { id } } }"""
VERDICTS = """query($e: String!, $p: String!, $r: String!) { project(name: $p, entityName: $e) { run(name: $r) {
  ruleVerdicts { rule { name } verdict value baselineValue } } } }"""
RUN_ALERTS = """query($e: String!, $p: String!, $r: String!) { project(name: $p, entityName: $e) { run(name: $r) {
  alerts { id kind state step value baselineValue difference rule { name } } } } }"""
DELIVERIES = """query($id: ID!) { webhookDeliveries(webhookId: $id) { attempt statusCode delivered error } }"""


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that records every POST and answers the next of ``statuses`` (then 200)."""

    statuses: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)

    def __enter__(self) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                receiver.received.append(Received(dict(self.headers.items()), body, time.monotonic()))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


def verify_signature(received: Received, secret: str = SECRET, tolerance_seconds: int = 300) -> bool:
    header = received.headers.get("X-Labbook-Signature", "")
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    timestamp = int(parts.get("t", "0"))
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + received.body, hashlib.sha256).hexdigest()
    return abs(time.time() - timestamp) <= tolerance_seconds and hmac.compare_digest(expected, parts.get("v1", ""))


async def wait_for(predicate, timeout: float = 15.0, interval: float = 0.05) -> Any:
    import asyncio

    deadline = time.monotonic() + timeout
    while True:
        value = await predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            return value
        await asyncio.sleep(interval)


def rule_input(entity: str, project: str, name: str, **settings: Any) -> dict[str, Any]:
    base = {
        "entityName": entity,
        "projectName": project,
        "name": name,
        "metric": "loss",
        "direction": "LOWER_IS_BETTER",
        "comparison": "THRESHOLD",
    }
    base.update(settings)
    return {"input": base}


async def new_run(gql, key: str, entity: str, project: str, name: str, **fields: Any) -> None:
    await gql.data(UPSERT_BUCKET, {"name": name, "project": project, "entity": entity, **fields}, key=key)


async def log(
    http,
    key: str,
    path: str,
    rows: list[dict],
    *,
    offset: int = 0,
    summary: dict | None = None,
    complete: bool = False,
    exit_code: int | None = None,
) -> None:
    files = lines(HISTORY, offset, rows) if rows else {}
    if summary is not None:
        files.update(lines(SUMMARY, 0, [summary]))
    body: dict[str, Any] = {"files": files}
    if complete:
        body.update(complete=True, exitcode=exit_code or 0)
    response = await post_stream(http, path, body, key=key)
    assert response.status_code == 200, response.text
