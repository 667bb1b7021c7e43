"""A real browser (Debian's Chromium through Playwright): an admin edits a rotation and the
calendar shows the change, with cover and a gap over Christmas; at 390 px the calendar is a
list that fits the screen, and the editor's buttons work from the keyboard."""

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

from ..conftest import DEMO, NURSE, OTHER_NURSE, PASSWORD
from .browser import CHROMIUM, requires_chromium, serving, sign_in
from .browser import shot as _shot

pytestmark = requires_chromium
ADMIN = "admin@riverside.example"
CHRISTMAS = "2026-12-21"  # the two weeks a nurse manager checks before the bank holidays


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'oncall.db'}"
    upgrade(url)
    settings = Settings(database_url=url, secret_key="browser-test-secret-0123456789", simulator=True)
    rt = build_runtime(settings)

    async def seed() -> None:
        from sqlalchemy import select, update

        from vigil.core.models import Staff
        from vigil.escalation.models import OncallOverride
        from vigil.web.security import hash_password

        await clinic_import.apply(rt.db, clinic_file.load(DEMO), rt.clock)
        async with rt.db.transaction() as session:
            await session.execute(update(Staff).values(password_hash=hash_password(PASSWORD)))
            # Cover over Christmas: Ana takes Christmas Day; Nia, new, takes Boxing Day before
            # her Telegram is linked, so nobody could be paged then (a gap the calendar shouts).
            nia = Staff(clinic_id=1, email="nia.new@riverside.example", name="Nia New", role="nurse")
            session.add(nia)
            await session.flush()
            ana = await session.scalar(select(Staff).where(Staff.email == NURSE))
            assert ana is not None
            for who, start, end in (
                (ana.id, datetime(2026, 12, 25, 13, tzinfo=UTC), datetime(2026, 12, 26, 1, tzinfo=UTC)),
                (nia.id, datetime(2026, 12, 26, 13, tzinfo=UTC), datetime(2026, 12, 27, 1, tzinfo=UTC)),
            ):
                session.add(
                    OncallOverride(
                        clinic_id=1,
                        rotation_key="nurses",
                        staff_id=who,
                        starts_at=start,
                        ends_at=end,
                        created_by=ADMIN,
                        created_at=start,
                    )
                )
        await rt.db.dispose()

    asyncio.run(seed())
    with serving(create_app(build_runtime(settings))) as url:
        yield url


def test_an_admin_edits_a_rotation_and_the_calendar_shows_the_change(site: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            sign_in(admin, site, ADMIN, PASSWORD)

            admin.goto(f"{site}/oncall/calendar?start={CHRISTMAS}")
            monday = admin.locator("li.day", has=admin.locator(f'time[datetime="{CHRISTMAS}"]'))
            expect(monday.locator("li.slot").nth(1)).to_contain_text("07:00–19:00")
            expect(monday.locator("li.slot").nth(1)).to_contain_text("Ana Reyes")

            admin.click("nav >> text=On call")
            expect(admin.get_by_role("heading", name="On call", exact=True)).to_be_visible()
            nurses = admin.locator("#rotation-nurses")
            nurses.get_by_role("button", name="Move Ben Okafor up").click()
            expect(admin.get_by_text("Not saved yet")).to_be_visible()
            nurses = admin.locator("#rotation-nurses")
            # From the keyboard: the page comes back focused on Ben's next move, down and up again.
            expect(nurses.get_by_role("button", name="Move Ben Okafor down")).to_be_focused()
            admin.keyboard.press("Enter")
            expect(admin.locator("#rotation-nurses ol.members li").first).to_contain_text("Ana Reyes")
            expect(
                admin.locator("#rotation-nurses").get_by_role("button", name="Move Ben Okafor up")
            ).to_be_focused()
            admin.keyboard.press("Enter")
            nurses = admin.locator("#rotation-nurses")
            expect(nurses.locator("ol.members li").first).to_contain_text("Ben Okafor")
            nurses.get_by_label("Hand-over time").fill("08:00")
            nurses.get_by_label("Hand-over time").press("Enter")  # Enter in a field saves, as Save does
            expect(admin.get_by_text("Rotation nurses saved: handoff, members changed.")).to_be_visible()
            _shot(admin, "oncall-editor")

            # A refused field says why beside it, in the import's words.
            nurses = admin.locator("#rotation-nurses")
            nurses.get_by_label("Shift length (hours)").evaluate("e => e.removeAttribute('min')")
            nurses.get_by_label("Shift length (hours)").fill("0")
            nurses.get_by_role("button", name="Save rotation nurses").click()
            expect(admin.locator("#rotation-nurses-shift-problem")).to_contain_text(
                "0 is out of range: it must be at least 1"
            )

            admin.goto(f"{site}/oncall/calendar?start={CHRISTMAS}")
            monday = admin.locator("li.day", has=admin.locator(f'time[datetime="{CHRISTMAS}"]'))
            expect(monday.locator("li.slot").nth(1)).to_contain_text("08:00–20:00")
            expect(monday.locator("li.slot").nth(1)).to_contain_text("Ben Okafor")
            christmas = admin.locator("li.day", has=admin.locator('time[datetime="2026-12-25"]'))
            expect(christmas.locator("li.slot.cover")).to_contain_text("Ana Reyes")
            expect(admin.locator("#gaps")).to_contain_text("Nia New cannot be paged")
            _shot(admin, "oncall-calendar")

            phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
            sign_in(phone, site, OTHER_NURSE, PASSWORD)
            phone.goto(f"{site}/oncall/calendar?start={CHRISTMAS}")
            days = phone.locator("li.day")
            expect(days).to_have_count(14)
            first, second = days.nth(0).bounding_box(), days.nth(1).bounding_box()
            assert first is not None
            assert second is not None
            assert second["y"] > first["y"]  # one day under another: a list
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
            _shot(phone, "oncall-calendar-phone")
            phone.goto(f"{site}/oncall")
            expect(phone.get_by_role("button", name="Save rotation nurses")).to_have_count(0)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
            admin.set_viewport_size({"width": 390, "height": 844})  # the admin's editor fits too
            admin.goto(f"{site}/oncall")
            expect(admin.get_by_role("button", name="Save the urgent policy")).to_be_visible()
            assert admin.evaluate("document.documentElement.scrollWidth") <= 390
            _shot(admin, "oncall-editor-phone")
        finally:
            browser.close()
