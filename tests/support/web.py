"""What the browser tests share: a World of accounts, teams, projects and runs made through the
public API, signing in, and the checks (a drawn canvas, axe-core's WCAG rules)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Page, expect

from app.domain.web_sessions import set_password
from tests.support import Account, GraphQLClient, make_account

PASSWORD = "correct horse battery"


UPSERT_RUN = """
mutation Run($entity: String!, $project: String!, $name: String!, $displayName: String, $config: JSONString,
             $summary: JSONString) {
  upsertBucket(input: {entityName: $entity, modelName: $project, name: $name, displayName: $displayName,
                       config: $config, summaryMetrics: $summary}) { bucket { id } }
}"""


UPSERT_PROJECT = """
mutation Project($entity: String!, $name: String!, $access: String) {
  upsertModel(input: {entityName: $entity, name: $name, access: $access}) { project { id access } }
}"""


RUN_NAMES = """
query Names($entity: String!, $name: String!) {
  project(entityName: $entity, name: $name) { runCount runs(first: 100) { edges { node { name } } } }
}"""


@dataclass
class World:
    url: str
    runtime: object
    gql: GraphQLClient
    accounts: dict[str, Account]

    async def person(self, username: str, *, password: bool = True) -> Account:
        account = await make_account(self.runtime, username)
        if password:
            async with self.runtime.session_factory.begin() as session:
                await set_password(session, username, PASSWORD)
        self.accounts[username] = account
        return account

    async def team(self, name: str, admin: Account, members: list[tuple[Account, str]] = ()) -> None:
        await self.gql.data(
            "mutation($n: String!) { createTeam(input: {teamName: $n}) { entity { name } } }",
            {"n": name},
            key=admin.key,
        )
        for account, role in members:
            invite = await self.gql.data(
                "mutation($t: String!, $u: String!, $r: TeamRole!) { createInvite(input: {entityName: $t, username: $u,"
                " role: $r}) { invite { id } } }",
                {"t": name, "u": account.username, "r": role},
                key=admin.key,
            )
            await self.gql.data(
                "mutation($id: ID!) { acceptInvite(input: {id: $id}) { role } }",
                {"id": invite["createInvite"]["invite"]["id"]},
                key=account.key,
            )

    async def project(self, owner: Account, entity: str, name: str, access: str | None = None) -> None:
        await self.gql.data(UPSERT_PROJECT, {"entity": entity, "name": name, "access": access}, key=owner.key)

    async def run(
        self,
        owner: Account,
        entity: str,
        project: str,
        name: str,
        *,
        display: str | None = None,
        config: dict | None = None,
        summary: dict | None = None,
    ) -> None:
        await self.gql.data(
            UPSERT_RUN,
            {
                "entity": entity,
                "project": project,
                "name": name,
                "displayName": display or name,
                "config": json.dumps({k: {"value": v} for k, v in (config or {}).items()}),
                "summary": json.dumps(summary or {}),
            },
            key=owner.key,
        )

    async def history(self, owner: Account, entity: str, project: str, name: str, rows: list[dict]) -> None:
        body = {"files": {"wandb-history.jsonl": {"offset": 0, "content": [json.dumps(r) for r in rows]}}}
        response = await self.gql.http.post(
            f"/files/{entity}/{project}/{name}/file_stream", json=body, auth=("api", owner.key)
        )
        assert response.status_code == 200, response.text

    async def run_names(self, who: Account, entity: str, project: str) -> tuple[int, list[str]]:
        data = await self.gql.data(RUN_NAMES, {"entity": entity, "name": project}, key=who.key)
        project_data = data["project"]
        return project_data["runCount"], sorted(e["node"]["name"] for e in project_data["runs"]["edges"])


async def sign_in(page: Page, username: str, password: str = PASSWORD, *, next_path: str = "/") -> None:
    await page.goto(f"/login?next={next_path}")
    await page.get_by_role("textbox", name="Username or email").fill(username)
    await page.get_by_role("textbox", name="Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()


async def sign_in_with_key(page: Page, key: str, *, next_path: str = "/") -> None:
    await page.goto(f"/login?next={next_path}")
    await page.get_by_role("textbox", name="API key").fill(key)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()


async def canvas_is_drawn(page: Page, canvas) -> bool:
    """Whether a canvas holds coloured pixels (a drawn line), not only blank or white ones."""
    return await canvas.evaluate("""(c) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) {
            const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
            if (a > 0 && !(r > 240 && g > 240 && b > 240) && (Math.abs(r - g) > 30 || Math.abs(g - b) > 30)) coloured++;
        }
        return coloured > 20;
    }""")


async def moving_setup(world: World, runs: int) -> tuple[Account, list[str]]:
    alice = await world.person("alice")
    await world.team("example-team", alice)
    await world.project(alice, "alice", "mnist")
    await world.project(alice, "example-team", "shared")
    await world.project(alice, "example-team", "archive")
    names = [f"run{i:03d}" for i in range(runs)]
    for i, name in enumerate(names):
        await world.run(
            alice,
            "alice",
            "mnist",
            name,
            display=f"trial-{i:03d}",
            config={"lr": 0.1 / (i + 1)},
            summary={"acc": i / runs},
        )
    return alice, names


async def open_table(page: Page, path: str) -> None:
    await page.goto(path)
    await page.get_by_role("tab", name="Table").click()
    await expect(page.get_by_role("tab", name="Table")).to_have_attribute("aria-selected", "true")


WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


async def violations(page: Page) -> list[str]:
    results = await Axe().run(page, options=WCAG)
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]
