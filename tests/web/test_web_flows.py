"""The web app's click flows in a real Chromium against the live server, on both dialects.

Runs are logged through the public API the client uses (upsertBucket, file_stream) where the test is
about the UI, and by the official wandb client for the run page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.async_api import expect

from tests.support import run_command, wandb_env
from tests.support.web import PASSWORD, canvas_is_drawn, moving_setup, open_table, sign_in, sign_in_with_key


async def test_a_wrong_password_is_told_and_the_right_one_signs_in_and_out(world, new_page):
    await world.person("alice")
    page = await new_page()
    await page.goto("/alice/mnist")
    await expect(page).to_have_url(f"{world.url}/login?next=%2Falice%2Fmnist")
    await page.get_by_role("textbox", name="Username or email").fill("alice@example.com")
    await page.get_by_role("textbox", name="Password").fill("not the password")
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("alert")).to_have_text("Wrong username, email or password.")
    await page.get_by_role("textbox", name="Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page).to_have_url(f"{world.url}/alice/mnist")
    await expect(page.get_by_role("heading", name="Not found")).to_be_visible()  # no such project yet
    cookies = {c["name"]: c for c in await page.context.cookies()}
    assert cookies["labbook_session"]["httpOnly"] and cookies["labbook_session"]["sameSite"] == "Lax"
    await page.get_by_role("button", name="Sign out").click()
    await expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    await page.goto("/settings")
    await expect(page).to_have_url(f"{world.url}/login?next=%2Fsettings")


async def test_select_all_moves_every_matching_run_to_a_team_project(world, new_page):
    alice, names = await moving_setup(world, 130)  # more than a page of 100: select-all is not the page
    page = await new_page()
    await sign_in(page, "alice", next_path="/alice/mnist")
    await open_table(page, "/alice/mnist")
    await expect(page.get_by_role("checkbox", name="trial-129")).to_be_visible()
    assert await page.locator("table.runs tbody tr[aria-rowindex]").count() <= 100
    await page.get_by_role("checkbox", name="Select all runs").check()
    await expect(page.get_by_text("130 selected")).to_be_visible()
    await expect(page.get_by_role("checkbox", name="trial-120")).to_be_checked()
    await page.get_by_role("button", name="Move", exact=True).click()

    dialog = page.get_by_role("dialog", name="Move runs")
    await expect(dialog).to_be_visible()
    destination = dialog.get_by_role("combobox", name="Destination project")
    await expect(destination).to_be_visible()
    options = await destination.locator("option").all_inner_texts()
    assert "example-team/shared" in options and "example-team/archive" in options and "alice/mnist" not in options
    await destination.select_option("example-team/shared")
    await expect(dialog.get_by_role("status")).to_have_text("130 runs will move to example-team/shared.")
    await dialog.get_by_role("button", name="Move runs").click()
    await expect(page.get_by_role("status").filter(has_text="Moved")).to_have_text(
        "Moved 130 runs to example-team/shared"
    )
    await expect(dialog).to_be_hidden()

    assert await world.run_names(alice, "alice", "mnist") == (0, [])
    count, _ = await world.run_names(alice, "example-team", "shared")
    assert count == 130
    await expect(page.get_by_text("No runs match.")).to_be_visible()


async def test_select_all_under_a_filter_moves_only_the_matching_runs_by_keyboard(world, new_page):
    alice, names = await moving_setup(world, 10)  # acc = i / 10
    page = await new_page()
    await sign_in(page, "alice")
    await open_table(page, "/alice/mnist")
    await page.get_by_role("combobox", name="Filter key").select_option("summary_metrics.acc")
    await page.get_by_role("combobox", name="Comparison").select_option(">=")
    await page.get_by_role("textbox", name="Filter value").fill("0.5")
    await page.get_by_role("button", name="Add filter").click()
    await expect(page.get_by_role("textbox", name="Filter", exact=True)).to_have_value(
        '{"summary_metrics.acc":{"$gte":0.5}}'
    )
    await expect(page.get_by_text("5 runs", exact=True)).to_be_visible()
    await expect(page.get_by_role("checkbox", name="trial-004")).to_have_count(0)
    await page.get_by_role("checkbox", name="Select all runs").focus()
    await page.keyboard.press("Space")
    await page.get_by_role("checkbox", name="trial-009").focus()
    await page.keyboard.press("Space")  # every matching run but this one
    await expect(page.get_by_text("4 selected (every run matching the filter)")).to_be_visible()
    await page.get_by_role("button", name="Move", exact=True).focus()
    await page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Move runs")
    await dialog.get_by_role("combobox", name="Destination project").select_option("example-team/shared")
    await expect(dialog.get_by_role("status")).to_have_text("4 runs will move to example-team/shared.")
    await dialog.get_by_role("button", name="Move runs").click()
    await expect(dialog).to_be_hidden()
    assert await world.run_names(alice, "example-team", "shared") == (4, names[5:9])
    assert await world.run_names(alice, "alice", "mnist") == (6, names[:5] + names[9:])


async def test_a_conflict_is_shown_and_nothing_moves(world, new_page):
    alice, names = await moving_setup(world, 3)
    await world.run(alice, "example-team", "shared", "run001", display="already-there")
    page = await new_page()
    await sign_in(page, "alice")
    await open_table(page, "/alice/mnist")
    await page.get_by_role("checkbox", name="trial-000").check()
    await page.get_by_role("checkbox", name="trial-001").check()
    await page.get_by_role("button", name="Move", exact=True).click()
    dialog = page.get_by_role("dialog", name="Move runs")
    await dialog.get_by_role("combobox", name="Destination project").select_option("example-team/shared")
    await expect(dialog.get_by_role("alert")).to_contain_text("run001")
    await expect(dialog.get_by_role("alert")).to_contain_text("nothing was moved")
    await expect(dialog.get_by_role("button", name="Move runs")).to_be_disabled()
    await dialog.get_by_role("combobox", name="Destination project").select_option("example-team/archive")
    await expect(dialog.get_by_role("status")).to_have_text("2 runs will move to example-team/archive.")
    await dialog.get_by_role("button", name="Cancel").click()
    await expect(dialog).to_be_hidden()

    assert await world.run_names(alice, "alice", "mnist") == (3, names)
    assert await world.run_names(alice, "example-team", "shared") == (1, ["run001"])
    assert (await world.run_names(alice, "example-team", "archive"))[0] == 0


async def test_tags_baseline_and_delete_act_on_the_selection(world, new_page):
    alice, names = await moving_setup(world, 3)
    page = await new_page()
    await sign_in(page, "alice")
    await open_table(page, "/alice/mnist")
    await page.get_by_role("checkbox", name="trial-001").check()
    await page.get_by_role("button", name="Edit tags").click()
    dialog = page.get_by_role("dialog", name="Edit tags")
    await dialog.get_by_role("textbox", name="Tags to add").fill("best")
    await dialog.get_by_role("button", name="Save tags").click()
    await expect(page.get_by_role("status").filter(has_text="tags")).to_have_text("Changed the tags of 1 run")
    row = page.get_by_role("row").filter(has=page.get_by_role("checkbox", name="trial-001"))
    await expect(row).to_contain_text("best")
    await row.get_by_role("checkbox").check()
    await page.get_by_role("button", name="Mark as baseline").click()
    await expect(row).to_contain_text("baseline")
    data = await world.gql.data(
        '{ project(entityName: "alice", name: "mnist") { baselineRun { name tags } } }', key=alice.key
    )
    assert data["project"]["baselineRun"] == {"name": "run001", "tags": ["best"]}

    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_role("checkbox", name="trial-002").check()
    await page.get_by_role("button", name="Delete", exact=True).click()
    await expect(page.get_by_role("status").filter(has_text="Deleted")).to_have_text("Deleted 1 run")
    await expect(page.get_by_role("checkbox", name="trial-002")).to_have_count(0)
    assert await world.run_names(alice, "alice", "mnist") == (2, ["run000", "run001"])


async def test_team_settings_list_every_projects_privacy_and_a_change_persists(world, new_page):
    alice = await world.person("alice")
    await world.team("example-team", alice)
    for name, access in (("alpha", "PRIVATE"), ("beta", "RESTRICTED"), ("gamma", "USER_READ")):
        await world.project(alice, "example-team", name, access)
    page = await new_page()
    await sign_in(page, "alice")
    await page.goto("/example-team")
    await page.get_by_role("link", name="Team settings").click()
    await expect(page).to_have_url(f"{world.url}/teams/example-team")
    projects = page.get_by_role("table", name="Projects")

    async def privacy(name: str):
        row = projects.get_by_role("row").filter(has=page.get_by_role("cell", name=name, exact=True))
        return row.get_by_role("cell").nth(1)

    for name, word in (("alpha", "PRIVATE"), ("beta", "RESTRICTED"), ("gamma", "PUBLIC")):
        await expect(await privacy(name)).to_have_text(word)
    await page.get_by_role("combobox", name="Privacy of alpha").select_option("RESTRICTED")
    await expect(await privacy("alpha")).to_have_text("RESTRICTED")
    await page.reload()
    await expect(await privacy("alpha")).to_have_text("RESTRICTED")
    data = await world.gql.data('{ project(entityName: "example-team", name: "alpha") { access } }', key=alice.key)
    assert data["project"]["access"] == "RESTRICTED"


async def test_accepting_an_invite_makes_the_team_the_default_entity(world, new_page):
    alice = await world.person("alice")
    bob = await world.person("bob")
    await world.team("example-team", alice)
    await world.gql.data(
        'mutation { createInvite(input: {entityName: "example-team", username: "bob", role: MEMBER})'
        " { invite { id } } }",
        key=alice.key,
    )
    page = await new_page()
    await sign_in(page, "bob")
    await page.goto("/settings")
    await expect(page.locator("dt:text-is('Default entity') + dd")).to_have_text("bob")
    await page.goto("/")
    await page.get_by_role("button", name="Accept invite to example-team").click()
    await expect(page.get_by_role("button", name="Accept invite to example-team")).to_be_hidden()
    await page.get_by_role("link", name="Settings", exact=True).click()
    await expect(page.locator("dt:text-is('Default entity') + dd")).to_have_text("example-team")
    assert (await world.gql.data("{ viewer { defaultEntity { name } } }", key=bob.key))["viewer"] == {
        "defaultEntity": {"name": "example-team"}
    }


TRAIN = """\
import sys
import wandb

run = wandb.init(entity=sys.argv[1], project="vision", config={"lr": 0.01, "layers": 3},
                 settings=wandb.Settings(save_code=True))
for step in range(60):
    wandb.log({"loss": 1.0 / (step + 1), "acc": step / 60})
run.summary["best_acc"] = 0.99
print("hello from the console")
print("RUN_ID", run.id)
run.finish()
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "HOME": str(repo),
            "PATH": "/usr/bin:/bin",
        },
    )


async def test_the_run_page_draws_charts_and_shows_config_summary_diff_and_files(world, new_page, tmp_path):
    alice = await world.person("alice")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "train.py").write_text(TRAIN)
    (repo / "model.py").write_text("LAYERS = 3\n")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    _git(repo, "remote", "add", "origin", "https://github.com/example/vision.git")
    (repo / "model.py").write_text("LAYERS = 4  # a local change\n")
    result = await run_command(
        [sys.executable, "train.py", "alice"], wandb_env(tmp_path / "w", world.url, alice.key), cwd=repo, timeout=240
    )
    assert result.returncode == 0, result.stderr
    run_id = next(line.split()[1] for line in result.stdout.splitlines() if line.startswith("RUN_ID"))

    page = await new_page()
    await sign_in(page, "alice")
    await page.goto("/alice/vision")
    await page.get_by_role("tab", name="Table").click()
    await page.locator("table.runs tbody th a").first.click()
    await expect(page).to_have_url(f"{world.url}/alice/vision/runs/{run_id}")
    overview = page.get_by_label("Run overview")
    await expect(overview.locator("dt:text-is('State') + dd")).to_have_text("finished")
    await expect(overview.locator("dt:text-is('User') + dd")).to_have_text("alice")
    await expect(overview.locator("dt:text-is('Git remote') + dd")).to_have_text(
        "https://github.com/example/vision.git"
    )
    config = page.get_by_role("table", name="Config")
    await expect(config.get_by_role("row", name="lr 0.01")).to_be_visible()
    await expect(page.get_by_role("table", name="Summary").get_by_role("row", name="best_acc 0.99")).to_be_visible()
    await expect(page.get_by_role("region", name="Git diff")).to_contain_text("+LAYERS = 4  # a local change")
    files = page.get_by_role("table", name="Files")
    await expect(files.get_by_role("link", name="diff.patch")).to_be_visible()
    await expect(files.get_by_role("link", name="wandb-summary.json")).to_be_visible()

    await expect(page.get_by_label("Console output")).to_contain_text("hello from the console")
    charts = page.get_by_role("region", name="Charts", exact=True).locator("figure.chart")
    await expect(charts).to_have_count(2)  # acc and loss
    await expect(page.get_by_role("region", name="System metrics").locator("figure.chart").first).to_be_visible()
    for i in range(2):
        canvas = charts.nth(i).locator("canvas")
        await expect(canvas).to_have_count(1)
        assert await canvas_is_drawn(page, canvas)


async def test_the_workspace_charts_the_runs_and_draws_the_baseline(world, new_page):
    alice = await world.person("alice")
    await world.project(alice, "alice", "mnist")
    for name, loss in (("a", 0.1), ("b", 0.05)):
        await world.run(
            alice,
            "alice",
            "mnist",
            name,
            display=f"run-{name}",
            config={"lr": loss, "layers": 3},
            summary={"loss": loss},
        )
        await world.history(
            alice,
            "alice",
            "mnist",
            name,
            [{"_step": s, "loss": (2 if name == "a" else 1) / (s + 1)} for s in range(40)],
        )
    await world.gql.data(
        'mutation { setProjectBaseline(input: {entityName: "alice", projectName: "mnist",'
        ' runName: "a"}) { project { id } } }',
        key=alice.key,
    )
    page = await new_page()
    await sign_in(page, "alice")
    await page.goto("/alice/mnist")
    await expect(page.get_by_role("tab", name="Workspace")).to_have_attribute("aria-selected", "true")
    chart = page.get_by_role("figure", name="Chart of loss")
    await expect(chart.locator("canvas")).to_have_count(1)
    await expect(chart).to_contain_text("run-a (baseline)")
    assert await canvas_is_drawn(page, chart.locator("canvas"))

    await page.get_by_role("tab", name="Compare").click()
    summary = page.get_by_role("table", name="Summary compared with the baseline")
    await expect(summary.get_by_role("row", name="loss")).to_contain_text("0.05 (-0.05, -50.0%) better")
    config = page.get_by_role("table", name="Config compared with the baseline")
    await expect(config.get_by_role("row")).to_have_count(2)  # the header and lr: layers does not differ
    await page.get_by_role("checkbox", name="Only config keys that differ").uncheck()
    await expect(config.get_by_role("row")).to_have_count(3)


async def test_a_viewer_is_offered_no_move_and_an_outsider_gets_not_found(world, new_page):
    alice = await world.person("alice")
    bob = await world.person("bob", password=False)
    await world.person("carol")
    await world.team("example-team", alice, [(bob, "VIEWER")])
    await world.project(alice, "example-team", "secret-project")
    await world.run(alice, "example-team", "secret-project", "r1", display="visible-run")

    viewer = await new_page()
    await sign_in_with_key(viewer, bob.key)
    await open_table(viewer, "/example-team/secret-project")
    await expect(viewer.get_by_role("checkbox", name="visible-run")).to_be_visible()
    await viewer.get_by_role("checkbox", name="Select all runs").check()
    await expect(viewer.get_by_role("button", name="Move", exact=True)).to_have_count(0)
    await expect(viewer.get_by_role("button", name="Delete", exact=True)).to_have_count(0)

    admin = await new_page()
    await sign_in(admin, "alice")
    await open_table(admin, "/example-team/secret-project")
    await admin.get_by_role("checkbox", name="visible-run").check()
    await expect(admin.get_by_role("button", name="Move", exact=True)).to_be_enabled()

    outsider = await new_page()
    await sign_in(outsider, "carol")
    for path in ("/example-team/secret-project", "/example-team/secret-project/runs/r1", "/teams/example-team"):
        await outsider.goto(path)
        await expect(outsider.get_by_role("heading", name="Not found")).to_be_visible()
        assert "secret-project" not in await outsider.locator("main").inner_text()
        assert "visible-run" not in await outsider.content()


async def test_team_admins_invite_change_roles_and_revoke_from_the_settings_page(world, new_page):
    alice = await world.person("alice")
    bob = await world.person("bob")
    await world.team("example-team", alice, [(bob, "MEMBER")])
    page = await new_page()
    await sign_in(page, "alice")
    await page.goto("/teams/example-team")
    members = page.get_by_role("table", name="Members")
    await page.get_by_role("combobox", name="Role of bob").select_option("VIEWER")
    await expect(page.get_by_role("combobox", name="Role of bob")).to_have_value("VIEWER")
    await page.get_by_role("textbox", name="Invite by username or email").fill("newcomer@example.com")
    await page.get_by_role("button", name="Invite", exact=True).click()
    pending = page.get_by_role("table", name="Pending invites")
    await expect(pending.get_by_role("row", name="newcomer@example.com")).to_contain_text("MEMBER")
    await page.get_by_role("button", name="Revoke invite of newcomer@example.com").click()
    await expect(page.get_by_text("No pending invites.")).to_be_visible()
    await page.get_by_role("button", name="Create service account").click()
    await expect(members.get_by_text("service account")).to_be_visible()
    team = await world.gql.data(
        '{ entity(name: "example-team") { members { username role pending accountType } } }', key=alice.key
    )
    by_name = {m["username"]: m for m in team["entity"]["members"]}
    assert by_name["bob"]["role"] == "VIEWER" and not any(m["pending"] for m in team["entity"]["members"])
    assert [m["accountType"] for m in team["entity"]["members"]].count("SERVICE") == 1


async def test_a_new_api_key_is_shown_once_works_and_can_be_revoked(world, new_page):
    await world.person("alice")
    page = await new_page()
    await sign_in(page, "alice")
    await page.goto("/settings")
    await page.get_by_role("textbox", name="Key description").fill("laptop")
    await page.get_by_role("button", name="New API key").click()
    secret = (await page.get_by_role("status").locator("code").inner_text()).strip()
    assert secret.startswith("local-")
    assert (await world.gql.data("{ viewer { username } }", key=secret))["viewer"] == {"username": "alice"}
    keys = page.get_by_role("table", name="API keys")
    await expect(keys.get_by_role("row", name="laptop")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    await keys.get_by_role("row", name="laptop").get_by_role("button", name="Revoke").click()
    await expect(keys.get_by_role("row", name="laptop")).to_have_count(0)
    assert (await world.gql.post("{ viewer { username } }", key=secret)).status_code == 401
