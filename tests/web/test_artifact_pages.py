"""The artifact pages in Chromium against the live server, on both dialects, with artifacts logged and
used by the official wandb client: a run's input and output artifacts, the project's Artifacts tab, a
collection's versions, a version's aliases (added and removed by clicks), metadata, files (downloaded),
lineage and digest; what a VIEWER and an outsider see; axe's WCAG checks on every artifact page."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.support.api import run_client
from tests.support.web import World, sign_in, violations

LOG_AND_USE = r"""
import json, pathlib, wandb

data = pathlib.Path("dataset")
(data / "docs").mkdir(parents=True, exist_ok=True)
(data / "train.csv").write_text("a,b\n1,2\n")
(data / "docs" / "notes.txt").write_text("first notes")

with wandb.init(entity=ENTITY, project=PROJECT, id="producer1", name="producer", job_type="build") as run:
    art = wandb.Artifact("mnist.small", type="dataset", description="a small dataset",
                         metadata={"rows": 1, "source": "unit"})
    art.add_dir(str(data))
    run.log_artifact(art, aliases=["best"]).wait()
    (data / "docs" / "notes.txt").write_text("second notes, longer")
    art = wandb.Artifact("mnist.small", type="dataset", metadata={"rows": 2})
    art.add_dir(str(data))
    run.log_artifact(art).wait()

with wandb.init(entity=ENTITY, project=PROJECT, id="consumer1", name="consumer", job_type="train") as run:
    run.use_artifact("mnist.small:best").download()

api = wandb.Api()
v0 = api.artifact(f"{ENTITY}/{PROJECT}/mnist.small:v0")
print(json.dumps({"digest": v0.digest}))
"""

VERSION_ALIASES = """query($e: String!, $p: String!, $n: String!) { project(entityName: $e, name: $p) {
  artifact(name: $n) { aliases { alias } } } }"""
VERSION_PAGE = "/example-team/vision/artifacts/dataset/mnist.small/v0"


@pytest.fixture
async def logged(world: World, tmp_path):
    alice = await world.person("alice")
    bob = await world.person("bob")
    await world.person("carol")
    await world.team("example-team", alice, [(bob, "VIEWER")])
    await world.project(alice, "example-team", "vision")
    result = await run_client(tmp_path, world.url, alice.key, LOG_AND_USE, ENTITY="example-team", PROJECT="vision")
    return world, result["digest"]


async def aliases_of(world: World, version: str) -> list[str]:
    data = await world.gql.data(
        VERSION_ALIASES,
        {"e": "example-team", "p": "vision", "n": f"mnist.small:{version}"},
        key=world.accounts["alice"].key,
    )
    return sorted(a["alias"] for a in data["project"]["artifact"]["aliases"])


async def test_a_runs_artifacts_lead_to_the_version_page_where_aliases_change(logged, new_page):
    world, digest = logged
    page = await new_page()
    await sign_in(page, "alice", next_path="/example-team/vision/runs/producer1")
    outputs = page.get_by_role("table", name="Output artifacts")
    await expect(outputs.get_by_role("link", name="mnist.small:v0")).to_be_visible()
    await expect(outputs.get_by_role("link", name="mnist.small:v1")).to_be_visible()
    await expect(outputs.get_by_role("row", name="mnist.small:v1")).to_contain_text("latest")
    await expect(page.get_by_text("The run used no artifacts.")).to_be_visible()
    assert await violations(page) == []

    await page.goto("/example-team/vision/runs/consumer1")
    inputs = page.get_by_role("table", name="Input artifacts")
    await expect(inputs.get_by_role("row", name="mnist.small:v0")).to_contain_text("best")
    await inputs.get_by_role("link", name="mnist.small:v0").click()

    await expect(page).to_have_url(world.url + VERSION_PAGE)
    await expect(page.get_by_role("heading", name="mnist.small:v0")).to_be_visible()
    await expect(page.get_by_text("a small dataset")).to_be_visible()
    overview = page.get_by_role("definition").filter(has_text=digest)
    await expect(overview).to_be_visible()
    metadata = page.get_by_role("table", name="Metadata")
    await expect(metadata.get_by_role("row", name="rows")).to_contain_text("1")
    await expect(metadata.get_by_role("row", name="source")).to_contain_text("unit")
    lineage = page.get_by_role("region", name="Lineage")
    await expect(lineage.get_by_role("link", name="producer", exact=True)).to_have_attribute(
        "href", "/example-team/vision/runs/producer1"
    )
    await expect(
        lineage.get_by_role("list", name="Runs that used this version").get_by_role("link", name="consumer")
    ).to_have_attribute("href", "/example-team/vision/runs/consumer1")

    files = page.get_by_role("table", name="Files")
    await expect(files.get_by_role("link", name="docs/notes.txt")).to_be_visible()
    href = await files.get_by_role("link", name="train.csv").get_attribute("href")
    download = await page.request.get(href)
    assert download.ok and await download.text() == "a,b\n1,2\n"
    assert await violations(page) == []

    # Aliases: add one, a reserved one is refused with a sentence, remove one.
    await page.get_by_role("textbox", name="New alias").fill("latest")
    await page.get_by_role("button", name="Add alias").click()
    await expect(page.get_by_role("alert")).to_contain_text('"latest" is reserved')
    await page.get_by_role("textbox", name="New alias").fill("production")
    await page.get_by_role("button", name="Add alias").click()
    await expect(page.get_by_role("status")).to_have_text("Added alias production")
    await expect(page.get_by_role("button", name="Remove alias production")).to_be_visible()
    assert await aliases_of(world, "v0") == ["best", "production"]
    await page.get_by_role("button", name="Remove alias best").click()
    await expect(page.get_by_role("status")).to_have_text("Removed alias best")
    await expect(page.get_by_role("button", name="Remove alias best")).to_have_count(0)
    assert await aliases_of(world, "v0") == ["production"]
    # vN (and latest) are the server's: shown, nobody is offered their removal.
    await expect(page.get_by_role("list", name="Aliases").get_by_text("v0", exact=True)).to_be_visible()
    await expect(page.get_by_role("button", name="Remove alias v0")).to_have_count(0)

    # An alias names the version too; removing it there leads to the version's vN page.
    await page.goto("/example-team/vision/artifacts/dataset/mnist.small/production")
    await expect(page.get_by_role("heading", name="mnist.small:v0")).to_be_visible()
    await page.get_by_role("button", name="Remove alias production").click()
    await expect(page).to_have_url(world.url + VERSION_PAGE)
    assert await aliases_of(world, "v0") == []

    # The collection lists its versions, newest first, with the run that logged each.
    await page.get_by_role("navigation", name="Breadcrumbs").get_by_role("link", name="mnist.small").click()
    await expect(page.get_by_role("heading", name="mnist.small")).to_be_visible()
    versions = page.get_by_role("table", name="Versions")
    rows = versions.get_by_role("row")
    await expect(rows).to_have_count(3)  # the header and two versions
    await expect(rows.nth(1)).to_contain_text("v1")
    await expect(rows.nth(1)).to_contain_text("latest")
    await expect(rows.nth(2).get_by_role("link", name="producer")).to_be_visible()
    assert await violations(page) == []

    # The project's Artifacts tab lists the type and its collection.
    await page.get_by_role("link", name="artifacts", exact=True).click()
    await expect(page.get_by_role("tab", name="Artifacts")).to_have_attribute("aria-selected", "true")
    listing = page.get_by_role("table", name="Artifacts of type dataset")
    await expect(listing.get_by_role("row", name="mnist.small")).to_contain_text("2")
    assert await violations(page) == []
    await listing.get_by_role("link", name="mnist.small:v1").click()
    await expect(page.get_by_role("heading", name="mnist.small:v1")).to_be_visible()


async def test_a_viewer_is_offered_no_alias_changes_and_an_outsider_finds_nothing(logged, new_page):
    world, _ = logged
    page = await new_page()
    await sign_in(page, "bob", next_path=VERSION_PAGE)
    await expect(page.get_by_role("heading", name="mnist.small:v0")).to_be_visible()
    await expect(page.get_by_role("list", name="Aliases").first).to_contain_text("best")
    await expect(page.get_by_role("table", name="Files").get_by_role("link", name="train.csv")).to_be_visible()
    await expect(page.get_by_role("button", name="Add alias")).to_have_count(0)
    await expect(page.get_by_role("textbox", name="New alias")).to_have_count(0)
    await expect(page.get_by_role("button", name="Remove alias best")).to_have_count(0)
    assert await violations(page) == []
    await page.goto("/example-team/vision/artifacts/dataset/mnist.small/v9")  # no such version
    await expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    await page.goto("/example-team/vision/artifacts/model/mnist.small")  # the wrong type
    await expect(page.get_by_role("heading", name="Not found")).to_be_visible()

    outsider = await new_page()
    await sign_in(outsider, "carol", next_path=VERSION_PAGE)
    await expect(outsider.get_by_role("heading", name="Not found")).to_be_visible()
    await expect(outsider.get_by_text("mnist.small")).to_have_count(0)
    await outsider.goto("/example-team/vision/artifacts/dataset/mnist.small")
    await expect(outsider.get_by_role("heading", name="Not found")).to_be_visible()
