"""Every page of the web app, checked with axe-core (WCAG 2 A and AA rules) in Chromium: accessible
names on every control, roles used as ARIA defines them, enough contrast."""

from __future__ import annotations

import pytest
from playwright.async_api import expect
from tests.support.web import World, sign_in, violations


@pytest.fixture
async def populated(world: World):
    alice = await world.person("alice")
    bob = await world.person("bob")
    await world.team("example-team", alice, [(bob, "MEMBER")])
    await world.gql.data(
        'mutation { createInvite(input: {entityName: "example-team", email: "new@example.com",'
        " role: VIEWER}) { invite { id } } }",
        key=alice.key,
    )
    await world.project(alice, "example-team", "vision")
    for name, loss in (("a", 0.2), ("b", 0.1)):
        await world.run(
            alice, "example-team", "vision", name, display=f"run-{name}", config={"lr": loss}, summary={"loss": loss}
        )
        await world.history(
            alice, "example-team", "vision", name, [{"_step": s, "loss": loss / (s + 1)} for s in range(20)]
        )
    await world.gql.data(
        'mutation { setProjectBaseline(input: {entityName: "example-team", projectName: "vision",'
        ' runName: "a"}) { project { id } } }',
        key=alice.key,
    )
    return world


PAGES = [
    ("/", "heading", "Welcome, alice"),
    ("/example-team", "table", "Projects"),
    ("/example-team/vision", "figure", "Chart of loss"),
    ("/example-team/vision?view=table", "checkbox", "run-a"),
    ("/example-team/vision?view=compare", "table", "Summary compared with the baseline"),
    ("/example-team/vision/runs/b", "figure", "Chart of loss"),
    ("/teams/example-team", "table", "Members"),
    ("/settings", "table", "API keys"),
    ("/nothing/here", "heading", "Not found"),
]


async def test_every_page_passes_axe(populated, new_page):
    page = await new_page()
    await page.goto("/login")
    assert await violations(page) == []
    await sign_in(page, "alice")
    found = {}
    for path, role, name in PAGES:
        await page.goto(path)
        await expect(page.get_by_role(role, name=name, exact=True).first).to_be_visible()
        found[path] = await violations(page)
    await page.goto("/example-team/vision?view=table")
    await page.get_by_role("checkbox", name="Select all runs").check()
    await page.get_by_role("button", name="Move", exact=True).click()
    await expect(page.get_by_role("combobox", name="Destination project")).to_be_visible()
    found["the Move runs dialog"] = await violations(page)
    assert {path: problems for path, problems in found.items() if problems} == {}

    # The check can fail: the same page with the select-all checkbox's name taken away does.
    await page.keyboard.press("Escape")
    await page.get_by_role("checkbox", name="Select all runs").evaluate("(box) => box.removeAttribute('aria-label')")
    assert any(problem.startswith("label:") for problem in await violations(page))
