"""The run page's console log (100,000 lines, virtualized, following a running run's tail) and tag
editing on the Table tab's selection, in a real Chromium against the live server, on both dialects."""

from __future__ import annotations

import json

import httpx
import pytest
from playwright.async_api import TimeoutError as PlaywrightTimeout, expect
from sqlalchemy import insert, select

from app.db import tables
from tests.support import GraphQLClient
from tests.support.web import World, moving_setup, open_table, sign_in

LINES = 100_000


@pytest.fixture
async def world(live_server):
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as http:
        yield World(live_server.url, live_server.runtime, GraphQLClient(http), {})


async def _console(world, owner, count: int) -> None:
    """Run alice/mnist/long with ``count`` console lines, written as file_stream stores them."""
    await world.run(owner, "alice", "mnist", "long", display="long-run")
    async with world.runtime.session_factory.begin() as session:
        run = await session.scalar(select(tables.Run).where(tables.Run.name == "long"))
        run.state, run.log_line_count = "running", count
        values = [{"run_id": run.id, "line_no": n, "text": f"line {n} of the log"} for n in range(count)]
        for start in range(0, count, 10_000):
            await session.execute(insert(tables.ConsoleLine), values[start : start + 10_000])


async def test_a_100k_line_console_log_scrolls_with_few_nodes_and_follows_the_tail(world, new_page):
    alice = await world.person("alice")
    await world.project(alice, "alice", "mnist")
    await _console(world, alice, LINES)
    page = await new_page()
    await sign_in(page, "alice", next_path="/alice/mnist/runs/long")
    log = page.get_by_role("region", name="Console output")
    await expect(page.get_by_text("100,000 lines · the run is running")).to_be_visible()
    # A running run opens at its tail, following it.
    await expect(log.get_by_text("line 99999 of the log", exact=True)).to_be_visible()
    follow = page.get_by_role("checkbox", name="Follow the log")
    await expect(follow).to_be_checked()
    assert await log.locator(".log-line").count() <= 200

    # Scrolling up stops following; the lines there are read as they come into view.
    await log.evaluate("(el) => { el.scrollTop = 0; }")
    await expect(log.get_by_text("line 0 of the log", exact=True)).to_be_visible()
    await expect(follow).not_to_be_checked()
    await log.evaluate("(el) => { el.scrollTop = 50000 * 18; }")  # a line is 18 px high: line 50000 on top
    await expect(log.get_by_text("line 50000 of the log", exact=True)).to_be_visible()
    assert await log.locator(".log-line").count() <= 200
    # By keyboard too: the region takes focus, End goes to the end.
    await log.focus()
    await page.keyboard.press("End")
    await expect(log.get_by_text("line 99999 of the log", exact=True)).to_be_visible()

    # New lines stream in (file_stream) while the run runs; following shows them.
    await follow.check()
    body = {"files": {"output.log": {"offset": LINES, "content": ["the next line", "and the last one"]}}}
    response = await world.gql.http.post("/files/alice/mnist/long/file_stream", json=body, auth=("api", alice.key))
    assert response.status_code == 200, response.text
    await expect(log.get_by_text("and the last one", exact=True)).to_be_visible()
    await expect(page.get_by_text("100,002 lines")).to_be_visible()


async def test_a_finished_runs_log_opens_at_the_top(world, new_page):
    alice = await world.person("alice")
    await world.project(alice, "alice", "mnist")
    await _console(world, alice, 3_000)
    async with world.runtime.session_factory.begin() as session:
        run = await session.scalar(select(tables.Run).where(tables.Run.name == "long"))
        run.state = "finished"
    page = await new_page()
    await sign_in(page, "alice", next_path="/alice/mnist/runs/long")
    log = page.get_by_role("region", name="Console output")
    await expect(log.get_by_text("line 0 of the log", exact=True)).to_be_visible()
    await expect(page.get_by_role("checkbox", name="Follow the log")).to_have_count(0)
    await log.evaluate("(el) => { el.scrollTop = el.scrollHeight; }")
    await expect(log.get_by_text("line 2999 of the log", exact=True)).to_be_visible()


async def _tags(world, who) -> dict[str, list[str]]:
    """Every run's tags, read as the person through the API (pages of 100)."""
    query = (
        'query($after: String) { project(entityName: "alice", name: "mnist") { runs(first: 100, after: $after) { '
        "pageInfo { endCursor hasNextPage } edges { node { name tags } } } } }"
    )
    tags, after = {}, None
    while True:
        runs = (await world.gql.data(query, {"after": after}, key=who.key))["project"]["runs"]
        tags.update({e["node"]["name"]: e["node"]["tags"] for e in runs["edges"]})
        if not runs["pageInfo"]["hasNextPage"]:
            return tags
        after = runs["pageInfo"]["endCursor"]


async def test_select_all_under_a_filter_adds_and_removes_tags_on_every_matching_run(world, new_page):
    alice, names = await moving_setup(world, 130)  # acc = i / 130; more than one page of rows
    page = await new_page()
    await sign_in(page, "alice")
    await open_table(page, "/alice/mnist")
    await page.get_by_role("textbox", name="Filter", exact=True).fill(
        json.dumps({"summary_metrics.acc": {"$gte": 0.1}})
    )
    await page.get_by_role("button", name="Apply filter").click()
    await expect(page.get_by_text("117 runs", exact=True)).to_be_visible()
    await page.get_by_role("checkbox", name="Select all runs").check()
    await page.get_by_role("checkbox", name="trial-129").uncheck()  # every matching run but this one
    await expect(page.get_by_text("116 selected (every run matching the filter)")).to_be_visible()
    await page.get_by_role("button", name="Edit tags").click()
    dialog = page.get_by_role("dialog", name="Edit tags")
    await expect(dialog).to_contain_text("116 runs selected")
    await dialog.get_by_role("textbox", name="Tags to add").fill("good, reviewed")
    await dialog.get_by_role("button", name="Save tags").click()
    await expect(page.get_by_role("status").filter(has_text="tags")).to_have_text("Changed the tags of 116 runs")
    await expect(dialog).to_be_hidden()
    tags = await _tags(world, alice)
    assert sorted(n for n, t in tags.items() if t == ["good", "reviewed"]) == names[13:129]
    assert all(tags[n] == [] for n in names[:13] + names[129:])
    row = page.get_by_role("row").filter(has=page.get_by_role("checkbox", name="trial-128"))
    await expect(row).to_contain_text("good, reviewed")

    # Removing by keyboard: the tags the selected runs hold are offered as checkboxes.
    await page.get_by_role("checkbox", name="trial-128").check()
    await page.get_by_role("button", name="Edit tags").focus()
    await page.keyboard.press("Enter")
    await dialog.get_by_role("checkbox", name="Remove reviewed").focus()
    await page.keyboard.press("Space")
    await dialog.get_by_role("button", name="Save tags").click()
    await expect(page.get_by_role("status").filter(has_text="tags")).to_have_text("Changed the tags of 1 run")
    await expect(row).not_to_contain_text("reviewed")
    assert (await _tags(world, alice))["run128"] == ["good"]


async def test_a_refused_tag_change_is_shown_and_changes_nothing(world, new_page):
    alice = await world.person("alice")
    bob = await world.person("bob")
    await world.team("example-team", alice, [(bob, "MEMBER")])
    await world.project(alice, "example-team", "shared")
    await world.run(alice, "example-team", "shared", "a1", display="alice-run")
    await world.run(bob, "example-team", "shared", "b1", display="bob-run")
    page = await new_page()
    await sign_in(page, "bob")
    await open_table(page, "/example-team/shared")
    await page.get_by_role("checkbox", name="Select all runs").check()
    await page.get_by_role("button", name="Edit tags").click()
    dialog = page.get_by_role("dialog", name="Edit tags")
    await dialog.get_by_role("textbox", name="Tags to add").fill("mine")
    await dialog.get_by_role("button", name="Save tags").click()
    await expect(dialog.get_by_role("alert")).to_contain_text("members may only edit their own runs")
    await expect(dialog.get_by_role("alert")).to_contain_text("a1")
    data = await world.gql.data(
        '{ project(entityName: "example-team", name: "shared") { runs { edges { node { tags } } } } }', key=alice.key
    )
    assert all(e["node"]["tags"] == [] for e in data["project"]["runs"]["edges"])


SUBSCRIBE_IN_PAGE = """async ([project]) => {
    const ws = new WebSocket(location.origin.replace(/^http/, "ws") + "/graphql", "graphql-transport-ws");
    const messages = [];
    window.__alerts = messages;
    ws.onmessage = (event) => {
        const message = JSON.parse(event.data);
        if (message.type === "connection_ack") {
            ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: {
                query: "subscription($e: String!, $p: String!) { " +
                    "alertEvents(entityName: $e, projectName: $p) { title } }",
                variables: { e: "alice", p: project } } }));
        }
        messages.push(message);
    };
    ws.onclose = (event) => messages.push({ type: "closed", code: event.code });
    await new Promise((resolve) => { ws.onopen = resolve; });
    ws.send(JSON.stringify({ type: "connection_init", payload: {} }));
}"""


async def test_a_signed_in_page_subscribes_over_a_websocket_with_its_session_cookie(world, new_page):
    alice = await world.person("alice")
    await world.project(alice, "alice", "mnist")
    await world.run(alice, "alice", "mnist", "r1")
    page = await new_page()
    await sign_in(page, "alice", next_path="/alice/mnist")
    await page.evaluate(SUBSCRIBE_IN_PAGE, ["mnist"])
    await page.wait_for_function("window.__alerts.some((m) => m.type === 'connection_ack')")
    alert = "mutation($input: NotifyScriptableRunAlertInput!) { notifyScriptableRunAlert(input: $input) { success } }"
    variables = {
        "input": {"entityName": "alice", "projectName": "mnist", "runName": "r1", "title": "from the run", "text": "t"}
    }
    # The subscription starts listening once it has read the project: raise alerts until one arrives.
    for _ in range(20):
        await world.gql.data(alert, variables, key=alice.key)
        try:
            await page.wait_for_function("window.__alerts.some((m) => m.type === 'next')", timeout=1_000)
            break
        except PlaywrightTimeout:
            continue
    messages = await page.evaluate("window.__alerts")
    nexts = [m for m in messages if m["type"] == "next"]
    assert nexts and nexts[0]["payload"] == {"data": {"alertEvents": {"title": "from the run"}}}, messages
