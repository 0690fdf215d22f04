"""The run's console log (consoleLines): pages by line offset over what file_stream stored, on both dialects."""

from __future__ import annotations

import pytest
from sqlalchemy import insert

from app.db import tables
from app.domain import console_reads
from tests.support import make_account, recorded_statements
from tests.support.run_queries import make_project, make_runs
from tests.support.tracking import UPSERT_BUCKET, lines, post_stream

CONSOLE = """query Console($e: String!, $p: String!, $r: String!, $after: Int, $first: Int, $last: Int) {
  project(entityName: $e, name: $p) { run(name: $r) {
    logLineCount consoleLines(after: $after, first: $first, last: $last) { offset text } } } }"""

LINES = 100_000


async def _run_with_console(runtime, owner, count: int) -> tables.Run:
    project = await make_project(runtime, owner, "p")
    (run,) = await make_runs(runtime, project, [{"name": "r", "log_line_count": count}])
    values = [{"run_id": run.id, "line_no": n, "text": f"line {n}"} for n in range(count)]
    async with runtime.session_factory.begin() as session:
        for start in range(0, len(values), 10_000):
            await session.execute(insert(tables.ConsoleLine), values[start : start + 10_000])
    return run


async def _page(gql, key, **variables):
    data = await gql.data(CONSOLE, {"e": "alice", "p": "p", "r": "r", **variables}, key=key)
    return data["project"]["run"]


async def test_100k_lines_page_forward_by_offset_and_the_tail_comes_last(runtime, gql):
    alice = await make_account(runtime, "alice")
    await _run_with_console(runtime, alice, LINES)
    seen, after = [], None
    while True:
        run = await _page(gql, alice.key, after=after, first=console_reads.MAX_LINES)
        assert run["logLineCount"] == LINES
        page = run["consoleLines"]
        if not page:
            break
        seen += page
        after = page[-1]["offset"]
    assert [line["offset"] for line in seen] == list(range(LINES))
    assert seen[54_321] == {"offset": 54_321, "text": "line 54321"}
    # A page in the middle starts right after `after`; the default page is 1,000 lines.
    middle = (await _page(gql, alice.key, after=76_543))["consoleLines"]
    assert len(middle) == console_reads.DEFAULT_LINES and middle[0]["offset"] == 76_544
    tail = (await _page(gql, alice.key, last=3))["consoleLines"]
    assert tail == [{"offset": n, "text": f"line {n}"} for n in (99_997, 99_998, 99_999)]


async def test_a_page_is_one_primary_key_range_read(runtime):
    alice = await make_account(runtime, "alice")
    run = await _run_with_console(runtime, alice, 2_000)
    async with runtime.session_factory() as session:
        with recorded_statements(runtime.engine) as statements:
            page = await console_reads.console_lines(session, run, after=1_499, first=100)
    assert [no for no, _ in page.lines] == list(range(1_500, 1_600)) and page.has_next_page
    assert page.line_count == 2_000
    (statement,) = [s for s in statements if "console_line" in s]
    assert "line_no >" in statement and "ORDER BY console_line.line_no" in statement
    assert "COUNT" not in statement.upper()  # (SQLite spells its LIMIT "LIMIT ? OFFSET 0")
    async with runtime.session_factory() as session:
        last = await console_reads.console_lines(session, run, after=1_949, first=100)
    assert len(last.lines) == 50 and not last.has_next_page


async def test_consolelines_reads_what_file_stream_stored(runtime, http, gql):
    alice = await make_account(runtime, "alice")
    await gql.data(UPSERT_BUCKET, {"name": "r", "project": "p", "entity": "alice"}, key=alice.key)
    first = await post_stream(http, "alice/p/r", {"files": lines("output.log", 0, ["hello", "world"])}, key=alice.key)
    assert first.status_code == 200
    # wandb-core resends a line (a progress bar) at the same offset: it is overwritten, not doubled.
    again = await post_stream(http, "alice/p/r", {"files": lines("output.log", 1, ["world!", "bye"])}, key=alice.key)
    assert again.status_code == 200
    run = await _page(gql, alice.key)
    assert run["logLineCount"] == 3
    assert run["consoleLines"] == [
        {"offset": 0, "text": "hello"},
        {"offset": 1, "text": "world!"},
        {"offset": 2, "text": "bye"},
    ]


@pytest.mark.parametrize(
    "variables,words",
    [
        ({"first": console_reads.MAX_LINES + 1}, "at most 5,000"),
        ({"first": -1}, "must not be negative"),
        ({"after": -2}, "after is a line offset"),
        ({"last": 5, "after": 3}, "give last alone"),
    ],
)
async def test_bad_page_arguments_are_refused_by_name(runtime, gql, variables, words):
    alice = await make_account(runtime, "alice")
    await _run_with_console(runtime, alice, 10)
    status, error = await gql.error(CONSOLE, {"e": "alice", "p": "p", "r": "r", **variables}, key=alice.key)
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and words in error["message"]


async def test_an_outsider_reads_no_console(runtime, gql):
    alice = await make_account(runtime, "alice")
    bob = await make_account(runtime, "bob")
    await _run_with_console(runtime, alice, 10)
    data = await gql.data(CONSOLE, {"e": "alice", "p": "p", "r": "r"}, key=bob.key)
    assert data["project"] is None
