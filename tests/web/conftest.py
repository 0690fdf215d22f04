"""Browser tests: Playwright (async API) driving Debian's Chromium against the live server.

A failing test leaves a screenshot of its page in test-artifacts/ (LABBOOK_TEST_ARTIFACTS overrides
the directory); LABBOOK_WEB_SCREENSHOTS=always keeps one of every test.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import httpx
import pytest

from tests.support import GraphQLClient
from tests.support.web import World

CHROMIUM = os.environ.get("LABBOOK_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("LABBOOK_TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
async def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: run .ci/install-browser")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        yield browser
        await browser.close()


@pytest.fixture
async def new_page(browser, live_server, request):
    """``await new_page()``: a page in a fresh context (its own cookies) on the live server."""
    contexts = []

    async def make():
        context = await browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return await context.new_page()

    yield make
    call = getattr(request.node, "report_call", None)
    keep = os.environ.get("LABBOOK_WEB_SCREENSHOTS") == "always" or (call is not None and call.failed)
    if keep:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        for i, context in enumerate(contexts):
            for j, page in enumerate(context.pages):
                await page.screenshot(path=str(ARTIFACTS / f"{stem}-{i}-{j}.png"), full_page=True)
    for context in contexts:
        await context.close()


@pytest.fixture
async def world(live_server):
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as http:
        yield World(live_server.url, live_server.runtime, GraphQLClient(http), {})
