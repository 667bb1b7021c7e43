"""A real browser (Debian's Chromium through Playwright): sign in, watch a case arrive live,
claim it and resolve it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from vigil.assembly import build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.settings import Settings
from vigil.migrations import upgrade
from vigil.web.app import create_app

from ..conftest import DEMO, NURSE
from .browser import CHROMIUM, requires_chromium, serving, sign_in
from .browser import shot as _shot

pytestmark = requires_chromium


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'browser.db'}"
    upgrade(url)
    settings = Settings(
        database_url=url,
        secret_key="browser-test-secret-0123456789",
        simulator=True,
        scheduler_tick_seconds=1,
    )
    rt = build_runtime(settings)

    async def seed() -> None:
        from sqlalchemy import select

        from vigil.core.models import Staff
        from vigil.web.security import hash_password

        await clinic_import.apply(rt.db, clinic_file.load(DEMO), rt.clock)
        async with rt.db.transaction() as session:
            nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
            assert nurse is not None
            nurse.password_hash = hash_password("correct horse battery")
        await rt.db.dispose()

    asyncio.run(seed())
    with serving(create_app(build_runtime(settings))) as url:
        yield url


def test_a_nurse_sees_a_case_arrive_live_and_works_it(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            context = browser.new_context()
            nurse = context.new_page()
            nurse.goto(f"{server}/")
            expect(nurse).to_have_url(f"{server}/login")
            nurse.fill("input[name=email]", NURSE)
            nurse.fill("input[name=password]", "correct horse battery")
            nurse.click("button[type=submit]")
            expect(nurse.get_by_role("heading", name="Escalation queue")).to_be_visible()
            # The first Tab shows "Skip to main content"; Enter takes focus past the header.
            skip = nurse.get_by_role("link", name="Skip to main content")
            assert (skip.bounding_box() or {"x": -1})["x"] < 0  # out of sight until focused
            nurse.keyboard.press("Tab")
            expect(skip).to_be_focused()
            box = skip.bounding_box() or {"x": -1, "y": -1}
            assert box["x"] >= 0, box  # in sight once focused
            assert box["y"] >= 0, box
            nurse.keyboard.press("Enter")
            expect(nurse.locator("main#main")).to_be_focused()
            expect(nurse.get_by_text("No open cases.")).to_be_visible()
            expect(nurse.locator("#queue")).to_have_attribute("data-live", "on")

            # The patient writes on the simulator, in a second tab of the same signed-in browser.
            patient = context.new_page()
            patient.goto(f"{server}/simulator/MRN-100234")
            patient.fill("input[name=text]", "my back is killing me and my legs feel weak")
            patient.get_by_role("button", name="Send", exact=True).click()  # not the notice's "send"
            expect(patient.locator(".msg.out").last).to_contain_text(
                "call 911 straight away"
            )  # the advice, not the opt-in notice
            _shot(patient, "simulator")

            # The queue updates without a reload.
            row = nurse.locator("tr.level-emergency")
            expect(row).to_contain_text("Walter Brennan")
            expect(row).to_contain_text("emergency")
            _shot(nurse, "queue")

            row.locator("a").click()
            expect(nurse.locator("mark").first).to_be_visible()

            # The case page is live too: the patient's next message and its event arrive
            # without a reload, and a reply being typed is left alone.
            nurse.fill("textarea[name=text]", "I am calling you now")
            patient.fill("input[name=text]", "and now I can't feel the toilet seat")
            patient.get_by_role("button", name="Send", exact=True).click()  # not the notice's "send"
            expect(nurse.locator("#transcript")).to_contain_text("toilet seat")
            expect(nurse.locator("#case-events")).to_contain_text("reason added")
            expect(nurse.locator("textarea[name=text]")).to_have_value("I am calling you now")
            nurse.click("button:has-text('Claim')")
            expect(nurse.get_by_text("Claimed: the case is yours.")).to_be_visible()
            nurse.select_option("select[name=disposition]", "sent_to_emergency")
            nurse.fill("textarea[name=note]", "Called the patient; ambulance on its way.")
            nurse.click("button:has-text('Resolve')")
            expect(nurse.get_by_text("Resolved.", exact=True)).to_be_visible()
            _shot(nurse, "case")
            nurse.goto(f"{server}/")
            expect(nurse.get_by_text("No open cases.")).to_be_visible()
        finally:
            browser.close()


def test_an_escalation_is_watched_on_the_nurses_pager_and_the_case_ends_in_the_history(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync"],
        )
        try:
            context = browser.new_context()
            nurse = context.new_page()
            sign_in(nurse, server, NURSE, "correct horse battery")
            expect(nurse.get_by_role("heading", name="Escalation queue")).to_be_visible()

            patient = context.new_page()
            patient.goto(f"{server}/simulator/MRN-100234")
            patient.fill("input[name=text]", "I coughed up a lot of blood")
            patient.get_by_role("button", name="Send", exact=True).click()  # not the notice's "send"
            expect(patient.locator(".msg.out").last).to_contain_text("911")

            # Whoever the rotation has on call now was paged: their pager shows it.
            pager = context.new_page()
            pager.goto(f"{server}/simulator/staff")
            pager.locator("#pagers li", has_text="· 1 page").locator("a").click()
            page = pager.locator("#pager-pages li.page").first
            expect(page).to_contain_text("EMERGENCY case #")
            expect(page).to_contain_text("now waiting for a nurse")
            expect(pager.locator("#pager")).to_have_attribute("data-live", "on")

            # Acknowledged on the pager; claimed on the case page, and the pager follows live.
            page.get_by_role("button", name="Acknowledge").click()
            expect(pager.locator(".flash")).to_contain_text("acknowledged.")
            _shot(pager, "pager")
            nurse.goto(f"{server}/")
            nurse.locator("tr.level-emergency a").click()
            expect(nurse.locator("#case-events")).to_contain_text("acknowledged")
            nurse.click("button:has-text('Claim')")
            expect(pager.locator("#pager-pages li.page").first).to_contain_text("now claimed by Ana Reyes")
            nurse.select_option("select[name=disposition]", "admitted")
            nurse.click("button:has-text('Resolve')")
            expect(nurse.get_by_text("Resolved.", exact=True)).to_be_visible()

            nurse.get_by_role("link", name="Resolved", exact=True).click()
            expect(nurse.get_by_role("heading", name="Resolved cases")).to_be_visible()
            row = nurse.locator("tr.level-emergency")
            expect(row).to_contain_text("Walter Brennan")
            expect(row).to_contain_text("admitted")
            expect(row).to_contain_text("Ana Reyes")
            _shot(nurse, "history")
            row.locator("a").click()
            expect(nurse.locator("#case-resolved")).to_contain_text("by Ana Reyes: admitted")
        finally:
            browser.close()
