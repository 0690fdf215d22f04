"""file_stream directly (httpx against the in-process app): idempotent offsets, console overwrites,
gzip, refusals that write nothing, final state, remote stop, heartbeats and crash detection."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.api.ids import encode
from app.db import tables
from app.db.types import utcnow
from app.domain import crashes
from tests.support import make_account
from tests.support.tracking import UPSERT_BUCKET, all_rows, counts, lines, one, post_stream

HISTORY, EVENTS, SUMMARY, CONSOLE = "wandb-history.jsonl", "wandb-events.jsonl", "wandb-summary.json", "output.log"


@pytest.fixture
async def owner(runtime, gql):
    account = await make_account(runtime, "alice")
    await gql.data(UPSERT_BUCKET, {"name": "r1", "project": "p", "entity": "alice"}, key=account.key)
    return account


async def _run(runtime) -> tables.Run:
    return await one(runtime, select(tables.Run).where(tables.Run.name == "r1"))


def _history(start: int, count: int) -> list[dict]:
    return [{"_step": step, "loss": 1.0 / (step + 1), "tag": f"s{step}"} for step in range(start, start + count)]


async def test_a_resent_chunk_is_stored_once(http, runtime, owner):
    body = {"files": lines(HISTORY, 0, _history(0, 3))}
    for _ in range(2):
        response = await post_stream(http, "alice/p/r1", body, key=owner.key)
        assert response.status_code == 200 and response.json() == {"exitcode": None, "limits": {}}
    rows = await all_rows(runtime, select(tables.HistoryRow).order_by(tables.HistoryRow.line_no))
    assert [(r.line_no, r.step, r.data["tag"]) for r in rows] == [(0, 0, "s0"), (1, 1, "s1"), (2, 2, "s2")]

    await post_stream(http, "alice/p/r1", {"files": lines(HISTORY, 2, _history(2, 3))}, key=owner.key)
    run = await _run(runtime)
    assert run.history_line_count == 5 and run.last_step == 4
    assert len(await all_rows(runtime, select(tables.HistoryRow))) == 5
    assert set(run.history_keys) == {"_step", "loss", "tag"}
    assert run.history_keys["tag"] == {"string": run.history_keys["loss"]["number"]}


async def test_steps_past_32_bits_are_kept_and_read(http, runtime, gql, owner):
    first = 2**40
    body = {"files": lines(HISTORY, 0, _history(first, 3))}
    response = await post_stream(http, "alice/p/r1", body, key=owner.key)
    assert response.status_code == 200, response.text
    assert (await _run(runtime)).last_step == first + 2

    query = """query($step: Int64) { project(name: "p", entityName: "alice") { run(name: "r1") {
        historyKeys history(minStep: $step, samples: 10) } } }"""
    run = (await gql.data(query, {"step": first + 1}, key=owner.key))["project"]["run"]
    assert run["historyKeys"]["lastStep"] == first + 2
    assert [json.loads(line)["_step"] for line in run["history"]] == [first + 1, first + 2]


async def test_history_key_types_and_non_finite_values(http, runtime, owner):
    rows = [{"_step": 0, "v": 1, "b": True, "o": {"x": 1}, "a": [1], "n": None}, '{"_step": 1, "v": NaN, "s": "text"}']
    response = await post_stream(http, "alice/p/r1", {"files": lines(HISTORY, 0, rows)}, key=owner.key)
    assert response.status_code == 200, response.text
    run = await _run(runtime)
    assert run.history_keys == {
        "_step": {"number": 2},
        "v": {"number": 2},
        "b": {"boolean": 1},
        "o": {"object": 1},
        "a": {"array": 1},
        "n": {"null": 1},
        "s": {"string": 1},
    }
    stored = await all_rows(runtime, select(tables.HistoryRow.data).order_by(tables.HistoryRow.line_no))
    assert stored[1] == {"_step": 1, "v": "NaN", "s": "text"}


async def test_console_lines_are_written_at_their_offsets(http, runtime, owner):
    async def send(offset: int, content: list[str]) -> None:
        response = await post_stream(http, "alice/p/r1", {"files": lines(CONSOLE, offset, content)}, key=owner.key)
        assert response.status_code == 200, response.text

    await send(3, ["d", "e"])  # out of order: lines 3-4 before 0-2
    await send(0, ["a", "b", "c"])
    await send(1, ["B"])  # a progress bar rewrites line 1
    await send(4, ["E", "f"])  # overwrite the last line and append one
    console = await all_rows(runtime, select(tables.ConsoleLine).order_by(tables.ConsoleLine.line_no))
    assert [(c.line_no, c.text) for c in console] == [(0, "a"), (1, "B"), (2, "c"), (3, "d"), (4, "E"), (5, "f")]
    assert (await _run(runtime)).log_line_count == 6


async def test_summary_replaces_and_events_keep_the_latest_line(http, runtime, owner):
    body = {
        "files": {
            **lines(SUMMARY, 0, [{"loss": 0.5, "old": 1}]),
            **lines(EVENTS, 0, [{"system.cpu": 10}, {"system.cpu": 20}]),
        }
    }
    await post_stream(http, "alice/p/r1", body, key=owner.key)
    await post_stream(http, "alice/p/r1", {"files": lines(SUMMARY, 0, [{"loss": 0.25}])}, key=owner.key)
    run = await _run(runtime)
    assert run.summary == {"loss": 0.25}
    assert run.system_metrics == {"system.cpu": 20} and run.events_line_count == 2
    events = await all_rows(runtime, select(tables.EventRow.data).order_by(tables.EventRow.line_no))
    assert events == [{"system.cpu": 10}, {"system.cpu": 20}]


async def test_gzip_bodies_are_accepted(http, runtime, owner):
    body = {"files": lines(HISTORY, 0, _history(0, 2))}
    response = await post_stream(http, "alice/p/r1", body, key=owner.key, gzipped=True)
    assert response.status_code == 200, response.text
    assert (await _run(runtime)).history_line_count == 2


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x00\x01 not json", "file_stream body is not valid JSON"),
        (b"[1, 2]", "file_stream body must be a JSON object"),
        (
            json.dumps(
                {
                    "files": {
                        HISTORY: {"offset": 0, "content": ['{"_step": 0}', '{"_step": 1']},
                        CONSOLE: {"offset": 0, "content": ["fine"]},
                    }
                }
            ).encode(),
            "wandb-history.jsonl line 1 is not valid JSON",
        ),
        (
            json.dumps({"files": {EVENTS: {"offset": 4, "content": ["[1]"]}}}).encode(),
            "wandb-events.jsonl line 4 must be a JSON object",
        ),
        (json.dumps({"files": {HISTORY: {"offset": -1, "content": []}}}).encode(), "offset must be a non-negative"),
        (
            json.dumps({"files": {CONSOLE: {"offset": 2**31 - 1, "content": ["one line too many"]}}}).encode(),
            "output.log: a file holds at most 2147483647 lines",
        ),
        (
            json.dumps(
                {"files": {HISTORY: {"offset": 0, "content": ['{"_step": 0}']}}, "complete": True, "exitcode": 2**31}
            ).encode(),
            "exitcode must be a 32-bit integer, got 2147483648",
        ),
    ],
)
async def test_malformed_requests_are_refused_and_write_nothing(http, runtime, owner, raw, message):
    run_before = await _run(runtime)
    before = await counts(runtime)
    response = await post_stream(http, "alice/p/r1", None, key=owner.key, raw=raw)
    assert response.status_code == 400 and message in response.json()["errors"][0]["message"]
    assert await counts(runtime) == before
    run_after = await _run(runtime)
    assert run_after.heartbeat_at == run_before.heartbeat_at and run_after.log_line_count == 0


async def test_garbage_gzip_is_refused(http, owner):
    response = await http.post(
        "/files/alice/p/r1/file_stream",
        content=b"not gzip",
        headers={"content-encoding": "gzip"},
        auth=("api", owner.key),
    )
    assert response.status_code == 400 and "gzip" in response.json()["errors"][0]["message"]


async def test_unknown_run_and_missing_key(http, owner):
    response = await post_stream(http, "alice/p/nope", {}, key=owner.key)
    assert response.status_code == 404 and response.json()["errors"][0]["message"] == "run alice/p/nope not found"
    assert (await post_stream(http, "alice/p/r1", {}, key=None)).status_code == 401
    assert (await post_stream(http, "alice/p/r1", {}, key="local-" + "z" * 44)).status_code == 401


@pytest.mark.parametrize(("exit_code", "state"), [(0, "finished"), (3, "failed")])
async def test_complete_sets_the_final_state(http, runtime, owner, exit_code, state):
    response = await post_stream(http, "alice/p/r1", {"complete": True, "exitcode": exit_code}, key=owner.key)
    assert response.status_code == 200
    run = await _run(runtime)
    assert (run.state, run.exit_code) == (state, exit_code)


async def test_every_request_is_a_heartbeat_and_revives_a_crashed_run(http, runtime, owner):
    long_ago = utcnow() - timedelta(hours=1)
    async with runtime.session_factory.begin() as session:
        await session.execute(update(tables.Run).values(heartbeat_at=long_ago))
        assert await crashes.mark_crashed(session, 300) == 1
    assert (await _run(runtime)).state == "crashed"
    await post_stream(http, "alice/p/r1", {}, key=owner.key)
    run = await _run(runtime)
    assert run.state == "running" and run.heartbeat_at > long_ago
    async with runtime.session_factory.begin() as session:
        assert await crashes.mark_crashed(session, 300) == 0


async def test_preempting_marks_the_run(http, runtime, owner):
    await post_stream(http, "alice/p/r1", {"preempting": True}, key=owner.key)
    assert (await _run(runtime)).state == "preempting"


async def test_a_stop_request_is_answered_with_stopped(http, runtime, gql, owner):
    run = await _run(runtime)
    assert "stopped" not in (await post_stream(http, "alice/p/r1", {}, key=owner.key)).json()
    await gql.data(
        "mutation($id: ID!) { stopRun(input: {id: $id}) { success } }", {"id": encode("Run", run.id)}, key=owner.key
    )
    answer = (await post_stream(http, "alice/p/r1", {}, key=owner.key)).json()
    assert answer["stopped"] is True
