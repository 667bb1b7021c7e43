"""A real browser (Debian's Chromium through Playwright): an admin edits a protocol's schedule
and a question, and sees the next five send times change; a refused field says why beside it;
the editor fits a 390 px phone."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from vigil.assembly import build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.settings import Settings
from vigil.migrations import upgrade
from vigil.web.app import create_app

from ..conftest import DEMO, PASSWORD
from .browser import CHROMIUM, requires_chromium, serving, sign_in
from .browser import shot as _shot

pytestmark = requires_chromium
ADMIN = "admin@riverside.example"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'protocols.db'}"
    upgrade(url)
    settings = Settings(database_url=url, secret_key="browser-test-secret-0123456789", simulator=True)
    rt = build_runtime(settings)

    async def seed() -> None:
        from sqlalchemy import update

        from vigil.core.models import Staff
        from vigil.web.security import hash_password

        await clinic_import.apply(rt.db, clinic_file.load(DEMO), rt.clock)
        async with rt.db.transaction() as session:
            await session.execute(update(Staff).values(password_hash=hash_password(PASSWORD)))
        await rt.db.dispose()

    asyncio.run(seed())
    with serving(create_app(build_runtime(settings))) as url:
        yield url


ENGLISH_TEXT = re.compile("^Text .what the patient reads, in English")


def test_an_admin_edits_a_schedule_and_a_question_and_sees_the_next_sends_change(site: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
            sign_in(page, site, ADMIN, PASSWORD)
            page.click("nav >> text=Protocols")
            expect(page.get_by_role("heading", name="Protocols", exact=True)).to_be_visible()
            page.click("text=NSCLC weekly symptom check")

            sends = page.locator("#next-sends li")
            page.get_by_label("Patient time zone").fill("Europe/London")
            page.get_by_role("button", name="Show send times").click()
            expect(sends).to_have_count(5)
            for i in range(5):  # Mondays and Thursdays at 10:00 London time (GMT or BST)
                expect(sends.nth(i)).to_have_text(re.compile(r"^(Mon|Thu) .* 10:00 (GMT|BST)$"))

            page.get_by_label("Schedule").fill("30 8 * * TUE")
            neuro = page.locator("fieldset#q2")
            neuro.get_by_role("textbox", name=ENGLISH_TEXT).fill(
                "Any new weakness, numbness or tingling in your legs?"
            )
            page.locator("fieldset#q3").get_by_role("button", name="Move question 4 up").click()
            expect(page.locator("#unsaved")).to_contain_text("Not saved yet")
            expect(page.locator("fieldset#q2 legend")).to_have_text("Question 3: anything_else")
            page.get_by_role("button", name="Save").click()

            expect(page.locator(".flash")).to_contain_text("schedule: 0 10 * * MON,THU → 30 8 * * TUE")
            expect(page.locator(".flash")).to_contain_text("question neuro: text")
            expect(page.locator(".flash")).to_contain_text("questions reordered")
            expect(page.get_by_label("Patient time zone")).to_have_value("Europe/London")
            for i in range(5):  # now Tuesdays at 08:30 London time
                expect(sends.nth(i)).to_have_text(re.compile(r"^Tue .* 08:30 (GMT|BST)$"))
            expect(page.locator("fieldset#q3").get_by_role("textbox", name=ENGLISH_TEXT)).to_have_value(
                "Any new weakness, numbness or tingling in your legs?"
            )
            _shot(page, "protocol-editor")

            # A refusal says why beside the field, in the import's words.
            onset = page.locator("fieldset#q1")
            onset.get_by_label("Ask if").fill("neuro >= 1")
            page.get_by_role("button", name="Save").click()
            expect(onset.locator(".warn")).to_contain_text(
                "ask_if names ['neuro'], which is not an earlier question"
            )
            expect(onset.get_by_label("Ask if")).to_have_attribute("aria-invalid", "true")
            expect(page.locator("#form-problems")).to_contain_text("questions[1].ask_if")

            # At phone width nothing is wider than the screen.
            page.set_viewport_size({"width": 390, "height": 844})
            page.reload()
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= 390, wide
            expect(page.get_by_label("Schedule")).to_be_visible()
        finally:
            browser.close()
