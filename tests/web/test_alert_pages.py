"""The project's Alerts tab in Chromium against the live server, on both dialects: a metric rule made,
edited and deleted by clicks, the alert it opens on logged history acknowledged and snoozed, what a
VIEWER is (not) offered, and axe's WCAG checks."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from app.domain.rules import ALERT_CHANNEL
from tests.support.rules import wait_for
from tests.support.web import World, sign_in, violations

RULES = """query($e: String!, $p: String!) { project(entityName: $e, name: $p) {
  metricRules { name metric comparison threshold window scope }
  alerts { edges { node { title state acknowledgedAt snoozedUntil rule { name } run { name } } } } } }"""


@pytest.fixture
async def vision(world: World):
    alice = await world.person("alice")
    bob = await world.person("bob")
    await world.team("example-team", alice, [(bob, "VIEWER")])
    await world.project(alice, "example-team", "vision")
    await world.run(alice, "example-team", "vision", "a", display="run-a")
    return world


async def project_state(world: World) -> dict:
    data = await world.gql.data(RULES, {"e": "example-team", "p": "vision"}, key=world.accounts["alice"].key)
    return data["project"]


async def open_alerts_tab(page: Page) -> None:
    await page.goto("/example-team/vision")
    await page.get_by_role("tab", name="Alerts").click()
    await expect(page.get_by_role("tab", name="Alerts")).to_have_attribute("aria-selected", "true")
    await expect(page.get_by_role("heading", name="Metric rules")).to_be_visible()


async def test_a_rule_is_made_edited_and_deleted_and_its_alert_acknowledged_and_snoozed(vision, new_page):
    world = vision
    page = await new_page()
    await sign_in(page, "alice")
    await open_alerts_tab(page)
    assert page.url.endswith("/example-team/vision?view=alerts")
    await expect(page.get_by_text("No alerts.")).to_be_visible()

    await page.get_by_role("button", name="New rule").click()
    form = page.get_by_role("form", name="New metric rule")
    await form.get_by_role("textbox", name="Rule name").fill("loss-limit")
    await form.get_by_role("textbox", name="Metric").fill("loss")
    await form.get_by_role("combobox", name="Compare with").select_option(label="a fixed threshold")
    await form.get_by_role("textbox", name="Threshold").fill("not a number")
    await form.get_by_role("button", name="Create rule").click()
    await expect(form.get_by_role("alert")).to_have_text("Threshold: type a number.")
    assert (await project_state(world))["metricRules"] == []
    await form.get_by_role("textbox", name="Threshold").fill("0.5")
    await form.get_by_role("button", name="Create rule").click()
    await expect(page.get_by_role("status")).to_have_text("Created rule loss-limit")
    rules = page.get_by_role("table", name="Metric rules")
    await expect(rules.get_by_role("row", name="loss-limit")).to_contain_text(
        "loss (lower is better) against a fixed threshold 0.5"
    )
    assert (await project_state(world))["metricRules"] == [
        {
            "name": "loss-limit",
            "metric": "loss",
            "comparison": "THRESHOLD",
            "threshold": 0.5,
            "window": 1,
            "scope": None,
        }
    ]

    # The rule opens an alert as the run's lines arrive; the tab shows it once asked again.
    await world.history(
        world.accounts["alice"], "example-team", "vision", "a", [{"_step": s, "loss": 0.9} for s in range(3)]
    )
    alerts = (await project_state(world))["alerts"]["edges"]
    assert [(a["node"]["title"], a["node"]["state"]) for a in alerts] == [("loss-limit: loss regressed", "OPEN")]
    await page.get_by_role("button", name="Refresh alerts").click()
    row = page.get_by_role("table", name="Alerts").get_by_role("row", name="loss-limit: loss regressed")
    await expect(row).to_contain_text("open")
    await expect(row.get_by_role("link", name="run-a")).to_have_attribute("href", "/example-team/vision/runs/a")

    await row.get_by_role("button", name="Acknowledge loss-limit: loss regressed").click()
    await expect(row).to_contain_text("acknowledged")
    await expect(row.get_by_role("button", name="Acknowledge loss-limit: loss regressed")).to_have_count(0)
    await row.get_by_role("combobox", name="Snooze loss-limit: loss regressed for").select_option(label="1 day")
    await row.get_by_role("button", name="Snooze loss-limit: loss regressed").click()
    await expect(row).to_contain_text("snoozed until")
    alert = (await project_state(world))["alerts"]["edges"][0]["node"]
    assert alert["state"] == "ACKNOWLEDGED" and alert["acknowledgedAt"] and alert["snoozedUntil"]

    # Only acknowledged alerts; then every state again.
    await page.get_by_role("combobox", name="Alert state").select_option(label="open")
    await expect(page.get_by_text("No alerts.")).to_be_visible()
    await page.get_by_role("combobox", name="Alert state").select_option(label="acknowledged")
    await expect(row).to_be_visible()

    await page.get_by_role("button", name="Edit rule loss-limit").click()
    form = page.get_by_role("form", name="Edit rule loss-limit")
    await expect(form.get_by_role("textbox", name="Threshold")).to_have_value("0.5")
    await form.get_by_role("textbox", name="Threshold").fill("0.8")
    await form.get_by_role("textbox", name="Window").fill("3")
    await form.get_by_role("textbox", name="Runs checked").fill('{"tags": "nightly"}')
    await form.get_by_role("button", name="Save rule").click()
    await expect(page.get_by_role("status")).to_have_text("Saved rule loss-limit")
    await expect(rules.get_by_role("row", name="loss-limit")).to_contain_text("mean of 3")
    assert (await project_state(world))["metricRules"] == [
        {
            "name": "loss-limit",
            "metric": "loss",
            "comparison": "THRESHOLD",
            "threshold": 0.8,
            "window": 3,
            "scope": '{"tags":"nightly"}',
        }
    ]

    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_role("button", name="Delete rule loss-limit").click()
    await expect(page.get_by_role("status")).to_have_text("Deleted rule loss-limit")
    await expect(page.get_by_role("table", name="Metric rules")).to_have_count(0)
    state = await project_state(world)
    assert state["metricRules"] == [] and len(state["alerts"]["edges"]) == 1  # its alerts stay


async def test_a_viewer_sees_rules_and_alerts_but_is_offered_no_changes(vision, new_page):
    world = vision
    alice = world.accounts["alice"]
    await world.gql.data(
        "mutation($input: CreateMetricRuleInput!) { createMetricRule(input: $input) { rule { id } } }",
        {
            "input": {
                "entityName": "example-team",
                "projectName": "vision",
                "name": "loss-limit",
                "metric": "loss",
                "direction": "LOWER_IS_BETTER",
                "comparison": "THRESHOLD",
                "threshold": 0.5,
            }
        },
        key=alice.key,
    )
    await world.history(alice, "example-team", "vision", "a", [{"_step": 0, "loss": 0.9}])
    page = await new_page()
    await sign_in(page, "bob")
    await open_alerts_tab(page)
    await expect(page.get_by_role("table", name="Metric rules").get_by_role("row", name="loss-limit")).to_be_visible()
    await expect(
        page.get_by_role("table", name="Alerts").get_by_role("row", name="loss-limit: loss regressed")
    ).to_be_visible()
    for name in (
        "New rule",
        "Edit rule loss-limit",
        "Delete rule loss-limit",
        "Acknowledge loss-limit: loss regressed",
        "Snooze loss-limit: loss regressed",
    ):
        await expect(page.get_by_role("button", name=name)).to_have_count(0)
    assert await violations(page) == []


async def test_the_alerts_tab_and_the_rule_form_pass_axe(vision, new_page):
    world = vision
    alice = world.accounts["alice"]
    await world.gql.data(
        "mutation($input: CreateMetricRuleInput!) { createMetricRule(input: $input) { rule { id } } }",
        {
            "input": {
                "entityName": "example-team",
                "projectName": "vision",
                "name": "loss-limit",
                "metric": "loss",
                "direction": "LOWER_IS_BETTER",
                "comparison": "THRESHOLD",
                "threshold": 0.5,
                "detectNonFinite": True,
            }
        },
        key=alice.key,
    )
    await world.history(alice, "example-team", "vision", "a", [{"_step": 0, "loss": 0.9}])
    page = await new_page()
    await sign_in(page, "alice", next_path="/example-team/vision/alerts")
    await expect(page.get_by_role("tab", name="Alerts")).to_have_attribute("aria-selected", "true")
    await expect(
        page.get_by_role("table", name="Alerts").get_by_role("row", name="loss-limit: loss regressed")
    ).to_be_visible()
    assert await violations(page) == []
    await page.get_by_role("button", name="New rule").click()
    form = page.get_by_role("form", name="New metric rule")
    await form.get_by_role("combobox", name="Compare with").select_option(label="the mean of a group of runs")
    await expect(form.get_by_role("textbox", name="Baseline runs")).to_be_visible()
    assert await violations(page) == []
    # By keyboard: the rule name field takes focus by Tab from the button before it, typing fills it.
    await form.get_by_role("textbox", name="Rule name").focus()
    await page.keyboard.type("by-keyboard")
    await page.keyboard.press("Tab")
    await page.keyboard.type("acc")
    await expect(form.get_by_role("textbox", name="Metric")).to_have_value("acc")


async def test_the_alerts_tab_shows_a_new_alert_as_it_opens_through_the_subscription(world, live_server, new_page):
    """A public project's feed needs no credentials; the tab subscribes (alertEvents over graphql-transport-ws)
    and shows the alert the rule opens without being asked again (live, it polls only every five minutes)."""
    alice = await world.person("alice")
    await world.project(alice, "alice", "open-vision", access="USER_READ")
    await world.run(alice, "alice", "open-vision", "a", display="run-a")
    await world.gql.data(
        "mutation($input: CreateMetricRuleInput!) { createMetricRule(input: $input) { rule { id } } }",
        {
            "input": {
                "entityName": "alice",
                "projectName": "open-vision",
                "name": "loss-limit",
                "metric": "loss",
                "direction": "LOWER_IS_BETTER",
                "comparison": "THRESHOLD",
                "threshold": 0.5,
            }
        },
        key=alice.key,
    )
    page = await new_page()
    await sign_in(page, "alice", next_path="/alice/open-vision?view=alerts")
    await expect(page.get_by_text("No alerts.")).to_be_visible()
    await expect(page.get_by_text("Updates live")).to_be_visible()
    hub = live_server.server.config.app.state.runtime.hub  # the server's own (world.runtime is the test's)
    assert await wait_for(lambda: _subscribed(hub))  # the server holds the subscription before anything is logged

    await world.history(alice, "alice", "open-vision", "a", [{"_step": 0, "loss": 0.9}])
    row = page.get_by_role("table", name="Alerts").get_by_role("row", name="loss-limit: loss regressed")
    await expect(row).to_contain_text("open")
    await expect(row.get_by_role("link", name="run-a")).to_be_visible()


async def _subscribed(hub) -> bool:
    return bool(hub._subscribers.get(ALERT_CHANNEL))
