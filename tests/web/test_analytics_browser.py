"""A real browser (Debian's Chromium through Playwright) on the analytics page of a clinic
with a month of cases and check-ins: every chart is drawn, under the app's CSP, and the page
fits a phone. With VIGIL_SCREENSHOTS=docs it leaves docs/analytics.png."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from vigil.assembly import build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.settings import Settings
from vigil.migrations import upgrade
from vigil.web.app import create_app

from ..conftest import DEMO, NURSE, PASSWORD
from . import analytics_data as data
from .browser import CHROMIUM, SHOTS, requires_chromium, serving, sign_in

CHARTS = ("per_week", "acknowledge", "resolve", "escalations", "dispositions", "response", "rules")

pytestmark = requires_chromium


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The app on a SQLite file: the demo clinic, two more protocols and eight more patients,
    and November 2026's cases and check-ins."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'analytics.db'}"
    upgrade(url)
    settings = Settings(
        database_url=url, secret_key="browser-test-secret-0123456789", scheduler_tick_seconds=1
    )
    rt = build_runtime(settings)

    async def seed() -> None:
        from sqlalchemy import select

        from vigil.core.models import Clinic, Staff
        from vigil.web.security import hash_password

        await clinic_import.apply(rt.db, clinic_file.load(DEMO), rt.clock)
        async with rt.db.transaction() as session:
            nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
            assert nurse is not None
            nurse.password_hash = hash_password(PASSWORD)
            clinic = await session.get(Clinic, nurse.clinic_id)
            assert clinic is not None
            place = await data.adopt(
                session,
                clinic,
                protocols=[("breast-weekly", "Breast, weekly"), ("gi-daily", "GI chemo, daily")],
                patients=8,
            )
            await data.month(session, place, datetime(2026, 11, 1, tzinfo=UTC), days=30)
        await rt.db.dispose()

    asyncio.run(seed())
    with serving(create_app(build_runtime(settings), background=False)) as url:
        yield url


def test_the_analytics_page_draws_every_chart_for_a_month_of_data(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems: list[str] = []
            page.on(
                "console",
                lambda m: (
                    problems.append(m.text)
                    if m.type == "error" and not m.text.startswith("Failed to load resource")
                    else None
                ),
            )
            # What failed to load, by address (the browser asks for /favicon.ico on its own).
            page.on(
                "response",
                lambda r: (
                    problems.append(f"{r.status} {r.url}")
                    if r.status >= 400 and not r.url.endswith("/favicon.ico")
                    else None
                ),
            )
            page.on("pageerror", lambda e: problems.append(str(e)))
            sign_in(page, server, NURSE, PASSWORD)
            expect(page.get_by_role("heading", name="Escalation queue")).to_be_visible()
            page.click("nav >> text=Analytics")
            expect(page.get_by_role("heading", name="Analytics")).to_be_visible()

            page.fill("input[name=from]", "2026-11-01")
            page.fill("input[name=to]", "2026-11-30")
            page.click("button:has-text('Show')")
            expect(page).to_have_url(f"{server}/analytics?from=2026-11-01&to=2026-11-30")
            for key in CHARTS:
                figure = page.locator("figure", has=page.locator(f"#chart-{key}"))
                expect(figure).to_have_attribute("data-drawn", "yes")
                # Chart.js owns the canvas, with the server's numbers in it, and has painted it.
                drawn = page.evaluate(
                    """(id) => {
                        const canvas = document.getElementById(id);
                        const chart = Chart.getChart(canvas);
                        const context = canvas.getContext("2d");
                        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
                        let painted = 0;
                        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
                        return {
                            points: chart.data.datasets
                                .reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0),
                            painted, height: canvas.clientHeight,
                        };
                    }""",
                    f"chart-{key}",
                )
                assert drawn["points"] > 0, (key, drawn)
                assert drawn["painted"] > 1000, (key, drawn)
                assert drawn["height"] >= 200, (key, drawn)
            cases = int(page.locator("#tile-cases strong").inner_text())
            assert 20 < cases < 90  # a month at 0-3 a day
            legend = page.evaluate(
                "Chart.getChart(document.getElementById('chart-response')).data.datasets.map((d) => d.label)"
            )
            # One line per protocol of the clinic, ordered by key.
            assert legend == ["Breast, weekly", "GI chemo, daily", "NSCLC weekly symptom check"]
            if SHOTS is not None:
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / "analytics.png"), full_page=True)

            # At phone width the page still fits: nothing to scroll sideways, charts still drawn.
            page.set_viewport_size({"width": 390, "height": 844})
            page.reload()
            expect(page.locator("figure", has=page.locator("#chart-rules"))).to_have_attribute(
                "data-drawn", "yes"
            )
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            assert problems == []  # no script error, nothing refused by the Content-Security-Policy
        finally:
            browser.close()
