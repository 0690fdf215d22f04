"""Alert benchmark: how soon a regression reaches a webhook, and what metric rules cost on ingest.

For each dialect, against a fresh migrated database and ``python -m app serve`` subprocesses:

- latency: a project with a THRESHOLD rule and a webhook to a receiver in this process; VIOLATIONS
  times, a file_stream request carries a violating line (the next request a recovering one, which
  resolves the alert, so the next violation is a new episode). Measured from the moment the
  client has read the violating request's answer to the moment the signed POST has arrived (and
  its signature verified): p50, p99, max. Target p99 <= 1 s.
- ingest: the ingest benchmark's shape (bench/ingest.py) with 0 and with 10 rules on the project
  (one per metric, never violated, so every line is evaluated by every rule), ROUNDS rounds
  alternating, side by side; the median of each. Target: 10 rules >= 90% of 0 rules.

    .venv/bin/python bench/alerts.py [--dialect sqlite|postgresql|both] [--violations 200] [--rounds 3]
                                     [--runs 4] [--requests 50] [--steps 100] [--keys 10]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import PG_ADMIN_DSN, PROJECT, UPSERT, LeanClient, Server, Shape, end_to_end, _prepare  # noqa: E402

SECRET = "bench-secret"
LATENCY_TARGET_S, INGEST_TARGET_RATIO = 1.0, 0.90
CREATE_RULE = "mutation($input: CreateMetricRuleInput!) { createMetricRule(input: $input) { rule { id } } }"
CREATE_WEBHOOK = "mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }"
UPSERT_MODEL = "mutation($e: String, $p: String!) { upsertModel(input: {entityName: $e, name: $p}) { project { id } } }"


class Receiver:
    """A minimal HTTP receiver on 127.0.0.1: records when each POST arrived, checks its signature."""

    def __init__(self) -> None:
        self.arrived: asyncio.Queue[tuple[float, dict]] = asyncio.Queue()
        self.bad_signatures = 0

    async def start(self) -> str:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/hook"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request_line = await reader.readline()
                if not request_line:
                    return
                headers = {}
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                arrived = time.perf_counter()
                if not _verified(headers.get("x-labbook-signature", ""), body):
                    self.bad_signatures += 1
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                self.arrived.put_nowait((arrived, json.loads(body)))
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def stop(self) -> None:
        self.server.close()
        await self.server.wait_closed()


def _verified(header: str, body: bytes) -> bool:
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    expected = hmac.new(SECRET.encode(), parts.get("t", "").encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


async def _graphql(http: httpx.AsyncClient, query: str, variables: dict) -> dict:
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    response.raise_for_status()
    payload = response.json()
    if payload.get("errors"):
        raise RuntimeError(payload["errors"])
    return payload["data"]


def _rule(name: str, metric: str, threshold: float) -> dict:
    return {
        "input": {
            "entityName": "bench",
            "projectName": PROJECT,
            "name": name,
            "metric": metric,
            "direction": "LOWER_IS_BETTER",
            "comparison": "THRESHOLD",
            "threshold": threshold,
        }
    }


async def latency(url: str, data_dir: Path, violations: int) -> list[float]:
    key = await _prepare(url)
    receiver = Receiver()
    hook_url = await receiver.start()
    server = Server(url, data_dir)
    try:
        await server.wait()
        async with httpx.AsyncClient(base_url=server.base, auth=("api", key), timeout=60) as http:
            await _graphql(http, UPSERT, {"name": "run0", "project": PROJECT, "entity": "bench"})
            await _graphql(http, CREATE_RULE, _rule("loss-cap", "loss", 0.5))
            await _graphql(
                http,
                CREATE_WEBHOOK,
                {"input": {"entityName": "bench", "projectName": PROJECT, "url": hook_url, "secret": SECRET}},
            )
        client = LeanClient(server.port, key)
        path = f"/files/bench/{PROJECT}/run0/file_stream"
        seconds = []
        try:
            for index in range(violations):
                for offset, loss in ((2 * index, 0.9), (2 * index + 1, 0.1)):
                    body = json.dumps(
                        {
                            "files": {
                                "wandb-history.jsonl": {
                                    "offset": offset,
                                    "content": [json.dumps({"_step": offset, "loss": loss})],
                                }
                            }
                        }
                    ).encode()
                    status, answer = await client.post(path, body)
                    acknowledged = time.perf_counter()
                    if status != 200:
                        raise RuntimeError(f"file_stream answered {status}: {answer!r}")
                    if loss > 0.5:
                        arrived, event = await asyncio.wait_for(receiver.arrived.get(), 30)
                        if event["alert"]["step"] != offset:
                            raise RuntimeError(f"expected the alert of step {offset}, got {event}")
                        seconds.append(arrived - acknowledged)
        finally:
            await client.close()
        await asyncio.sleep(0.5)
        if not receiver.arrived.empty() or receiver.bad_signatures:
            raise RuntimeError(f"{receiver.arrived.qsize()} extra deliveries, {receiver.bad_signatures} bad signatures")
    finally:
        server.stop()
        await receiver.stop()
    return seconds


async def ingest_with_rules(url: str, shape: Shape, data_dir: Path, rules: int) -> float:
    """Points/s of bench/ingest.py's end-to-end run with ``rules`` never-violated rules on the project."""
    if rules:
        # Make the project and its rules first, in the database end_to_end will use (it creates the user).
        original = _prepare

        async def prepare_with_rules(database_url: str) -> str:
            key = await original(database_url)
            server = Server(database_url, data_dir)
            try:
                await server.wait()
                async with httpx.AsyncClient(base_url=server.base, auth=("api", key), timeout=60) as http:
                    await _graphql(http, UPSERT_MODEL, {"e": "bench", "p": PROJECT})
                    for index in range(rules):
                        await _graphql(http, CREATE_RULE, _rule(f"rule{index}", f"metric_{index % shape.keys}", 2.0))
            finally:
                server.stop()
            return key

        import ingest

        ingest._prepare = prepare_with_rules
        try:
            return (await end_to_end(url, shape, data_dir, 1, "lean")).points_per_s
        finally:
            ingest._prepare = original
    return (await end_to_end(url, shape, data_dir, 1, "lean")).points_per_s


async def _fresh_database(dialect: str, tmp: Path) -> tuple[str, str | None]:
    if dialect == "sqlite":
        return f"sqlite+aiosqlite:///{tmp / f'bench-{uuid.uuid4().hex[:6]}.db'}", None
    name = f"labbook_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(PG_ADMIN_DSN)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    return f"{base}/{name}", name


async def _drop(name: str | None) -> None:
    if name is None:
        return
    admin = await asyncpg.connect(PG_ADMIN_DSN)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def bench(dialect: str, args: argparse.Namespace) -> bool:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        url, name = await _fresh_database(dialect, Path(tmp))
        try:
            seconds = await latency(url, Path(tmp), args.violations)
        finally:
            await _drop(name)
        p50, p99 = _percentile(seconds, 0.5), _percentile(seconds, 0.99)
        ok &= p99 <= LATENCY_TARGET_S
        print(
            f"{dialect:<11} ack -> webhook  p50 {p50 * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms  "
            f"max {max(seconds) * 1000:7.1f} ms  ({len(seconds)} violations)  target p99 <= 1 s  "
            f"{'ok' if p99 <= LATENCY_TARGET_S else 'MISSED'}"
        )
        shape = Shape(args.runs, args.requests, args.steps, args.keys)
        figures: dict[int, list[float]] = {0: [], 10: []}
        for _ in range(args.rounds):
            for rules in (0, 10):
                with tempfile.TemporaryDirectory() as round_dir:
                    url, name = await _fresh_database(dialect, Path(round_dir))
                    try:
                        figures[rules].append(await ingest_with_rules(url, shape, Path(round_dir), rules))
                    finally:
                        await _drop(name)
        without, with_rules = statistics.median(figures[0]), statistics.median(figures[10])
        ratio = with_rules / without
        ok &= ratio >= INGEST_TARGET_RATIO
        print(
            f"{dialect:<11} ingest  0 rules {without:>10,.0f} points/s   10 rules {with_rules:>10,.0f} points/s   "
            f"ratio {ratio:.0%}  target >= {INGEST_TARGET_RATIO:.0%}  {'ok' if ratio >= INGEST_TARGET_RATIO else 'MISSED'}"
            f"   (rounds: {', '.join(f'{a:,.0f}/{b:,.0f}' for a, b in zip(figures[0], figures[10], strict=True))})"
        )
    return ok


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dialect", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--violations", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="alternating ingest rounds with 0 and 10 rules")
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--keys", type=int, default=10)
    args = parser.parse_args()
    os.environ["LABBOOK_WEBHOOK_ALLOW_PRIVATE"] = "true"  # the receiver listens on loopback
    os.environ.setdefault("LABBOOK_JOB_POLL_SECONDS", "1.0")
    print("load average before: %.2f %.2f %.2f (2 shared cores: other work skews every figure)" % os.getloadavg())
    ok = True
    for dialect in ("postgresql", "sqlite") if args.dialect == "both" else (args.dialect,):
        ok &= await bench(dialect, args)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
