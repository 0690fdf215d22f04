"""Web app benchmark: headless Chromium against the real server, timed by the browser itself.

Fills a scratch database as bench/queries.py does (one project of --runs runs, one run of
--history-rows history steps), starts the real server, signs in with the API key, and measures:

- the first rows of the runs table after navigating to the project's Table tab (target <= 1.5 s);
- the most table rows in the DOM while scrolling far down the table (target <= 200);
- the run page's charts of the 1,000,000-step run drawn after navigation (target <= 1 s);
- the app's JavaScript, gzipped (target <= 400 KB).

    .venv/bin/python bench/web.py [--dialect sqlite|postgresql|both] [--runs 10000] [--history-rows 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from queries import ENTITY, HISTORY_RUN, PG_ADMIN_DSN, PROJECT, Server, populate  # noqa: E402

from app.rest.web import DIST  # noqa: E402
from tests.support import empty_database  # noqa: E402

CHROMIUM = os.environ.get("LABBOOK_CHROMIUM", "/usr/bin/chromium")
FIRST_ROWS_MS, MAX_DOM_ROWS, CHART_MS, JS_KB = 1500, 200, 1000, 400
ROWS = "table.runs tbody tr[aria-rowindex]"


def javascript_kb() -> float:
    return sum(len(gzip.compress(p.read_bytes(), 9)) for p in (DIST / "assets").glob("*.js")) / 1024


async def measure(base_url: str, key: str, scroll_steps: int) -> dict[str, float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        context = await browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 1000})
        signed = await context.request.post("/login", data={"apiKey": key})
        assert signed.ok, await signed.text()
        page = await context.new_page()
        results: dict[str, float] = {}

        # Warm the server's caches and the browser's for the static files once, as a returning person.
        await page.goto(f"/{ENTITY}/{PROJECT}?view=table")
        await page.wait_for_selector(ROWS)
        await page.goto("/")
        await page.wait_for_selector("h1")

        await page.goto(f"/{ENTITY}/{PROJECT}?view=table", wait_until="commit")
        results["first rows ms"] = await page.evaluate(
            """(rows) => new Promise((done) => {
            const check = () => document.querySelector(rows) ? done(performance.now()) : requestAnimationFrame(check);
            check();
        })""",
            ROWS,
        )

        most = await page.locator("table.runs tbody tr").count()
        scroller = page.locator(".runs-scroll")
        for _ in range(scroll_steps):
            await scroller.evaluate("(el) => el.scrollBy(0, 3000)")
            await page.wait_for_timeout(50)
            await page.wait_for_function("() => !document.body.innerText.includes('Loading runs')")
            most = max(most, await page.locator("table.runs tbody tr").count())
        results["most DOM rows"] = most
        results["rows loaded"] = await page.evaluate(
            "() => Number(document.querySelector('table.runs').getAttribute('aria-rowcount'))"
        )
        results["deepest row"] = await page.evaluate(
            "(rows) => Math.max(...[...document.querySelectorAll(rows)].map((r) => Number(r.getAttribute('aria-rowindex'))))",
            ROWS,
        )

        await page.goto(f"/{ENTITY}/{PROJECT}/runs/{HISTORY_RUN}", wait_until="commit")
        results["chart ms"] = await page.evaluate("""() => new Promise((done) => {
            const check = () => {
                const canvases = document.querySelectorAll('section[aria-labelledby="charts-heading"] figure.chart canvas');
                canvases.length >= 2 ? done(performance.now()) : requestAnimationFrame(check);
            };
            check();
        })""")
        await browser.close()
        return results


async def bench(dialect: str, args: argparse.Namespace) -> bool:
    print(f"\n== {dialect}: {args.runs} runs, one run of {args.history_rows} steps", flush=True)
    with tempfile.TemporaryDirectory(prefix="labbook-bench-web-") as tmp:
        async with empty_database(dialect, Path(tmp), admin_dsn=PG_ADMIN_DSN, prefix="labbook_bench") as url:
            data = await populate(url, args.runs, args.history_rows)
            with Server(url, Path(tmp) / "data") as server:
                results = await measure(server.base_url, data.key, args.scroll_steps)
    kb = javascript_kb()
    checks = [
        (
            "first table rows after navigation",
            f"{results['first rows ms']:.0f} ms",
            f"<= {FIRST_ROWS_MS} ms",
            results["first rows ms"] <= FIRST_ROWS_MS,
        ),
        (
            f"most rows in the DOM (scrolled to row {results['deepest row']:.0f})",
            f"{results['most DOM rows']:.0f}",
            f"<= {MAX_DOM_ROWS}",
            results["most DOM rows"] <= MAX_DOM_ROWS,
        ),
        (
            f"charts of the {args.history_rows}-step run drawn",
            f"{results['chart ms']:.0f} ms",
            f"<= {CHART_MS} ms",
            results["chart ms"] <= CHART_MS,
        ),
        ("the app's JavaScript, gzipped", f"{kb:.0f} KB", f"<= {JS_KB} KB", kb <= JS_KB),
    ]
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} CPUs")
    for name, value, target, ok in checks:
        print(f"{dialect:<11} {name:<52} {value:>9}  target {target:<10} {'ok' if ok else 'MISSED'}")
    return all(ok for *_, ok in checks)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dialect", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--history-rows", type=int, default=1_000_000)
    parser.add_argument("--scroll-steps", type=int, default=40, help="scrolls of 3,000 px down the table")
    args = parser.parse_args()
    dialects = ["sqlite", "postgresql"] if args.dialect == "both" else [args.dialect]
    ok = True
    for dialect in dialects:
        ok = await bench(dialect, args) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
