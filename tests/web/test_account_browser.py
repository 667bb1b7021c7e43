"""A real browser (Debian's Chromium through Playwright): an invited nurse's first sign-in leads
to choosing a password, then the queue; a nurse reads a patient's whole timeline."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from vigil.assembly import build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.models import Staff
from vigil.core.settings import Settings
from vigil.escalation import cases as case_ops
from vigil.escalation.models import Case
from vigil.migrations import upgrade
from vigil.scheduler.models import Enrolment
from vigil.web.app import create_app
from vigil.web.security import hash_password

from ..bot.test_trends import MARIA, REST
from ..conftest import DEMO, NURSE, PASSWORD
from .browser import CHROMIUM, requires_chromium, serving, sign_in
from .browser import shot as _shot

pytestmark = requires_chromium
ADMIN = "admin@riverside.example"
MINE = "tea at four, every day"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """The demo clinic, with two weeks of Maria's check-ins, a raised case resolved by Ana."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'account.db'}"
    upgrade(url)
    settings = Settings(database_url=url, secret_key="browser-test-secret-0123456789", simulator=True)
    clock = ManualClock(datetime.now(UTC).replace(microsecond=0) - timedelta(days=22))
    rt = build_runtime(settings, clock=clock)

    async def seed() -> int:
        await clinic_import.apply(rt.db, clinic_file.load(DEMO), clock)
        async with rt.db.transaction() as session:
            await session.execute(update(Staff).values(password_hash=hash_password(PASSWORD)))
        maria = await rt.service.patient(1, MARIA)
        assert maria is not None
        for week, score in enumerate(("3", "7")):
            async with rt.db.session() as session:
                due = await session.scalar(
                    select(Enrolment.next_due_at).where(Enrolment.patient_id == maria.id)
                )
            assert due is not None
            clock.set(due)
            await rt.service.send_due()
            for i, text in enumerate((score, *REST)):
                clock.advance(minutes=3)
                await rt.service.receive(maria, "simulator", f"w{week}-{i}", text)
        clock.advance(minutes=20)
        async with rt.db.transaction() as session:
            nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
            case_id = await session.scalar(select(Case.id).where(Case.patient_id == maria.id))
            assert nurse is not None
            assert case_id is not None
            await case_ops.acknowledge(session, case_id, nurse, clock.now(), "web")
            clock.advance(minutes=15)
            await case_ops.resolve(session, case_id, nurse, clock.now(), "web", "advice_given", "called her")
        await rt.db.dispose()
        return maria.id

    maria_id = asyncio.run(seed())
    with serving(create_app(build_runtime(settings))) as site_url:
        yield site_url, maria_id


def test_an_invited_nurse_chooses_a_password_at_the_first_sign_in_then_reaches_the_queue(
    site: tuple[str, int],
) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, _ = site
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            admin = browser.new_context().new_page()
            sign_in(admin, url, ADMIN, PASSWORD)
            admin.goto(f"{url}/admin/staff")
            admin.fill("#invite input[name=email]", "nia.new@riverside.example")
            admin.fill("#invite input[name=name]", "Nia New")
            admin.select_option("#invite select[name=role]", "nurse")
            admin.click("#invite button[type=submit]")
            temporary = admin.locator("#temporary-password code.secret").inner_text().strip()
            assert temporary
            nia_row = admin.locator("tr", has_text="Nia New")
            expect(nia_row).to_contain_text("temporary password, not yet changed")

            nia = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            sign_in(nia, url, "nia.new@riverside.example", temporary)
            expect(nia).to_have_url(f"{url}/account/password")
            expect(nia.locator("#temporary")).to_contain_text("temporary password")
            nia.goto(f"{url}/patients")  # no page until she has chosen
            expect(nia).to_have_url(f"{url}/account/password")
            _shot(nia, "change-password")

            nia.get_by_label("Present password").fill(temporary)
            nia.get_by_label("New password", exact=False).first.fill(MINE)
            nia.get_by_label("New password again").fill(MINE + " oops")
            nia.get_by_role("button", name="Change my password").click()
            expect(nia.locator("#form-problems")).to_contain_text("the two new passwords differ")

            nia.get_by_label("Present password").fill(temporary)
            nia.get_by_label("New password", exact=False).first.fill(MINE)
            nia.get_by_label("New password again").fill(MINE)
            nia.get_by_role("button", name="Change my password").click()
            expect(nia).to_have_url(f"{url}/")
            expect(nia.get_by_text("Your password is changed")).to_be_visible()
            nia.goto(f"{url}/patients")
            expect(nia).to_have_url(f"{url}/patients")

            admin.goto(f"{url}/admin/staff")
            expect(admin.locator("tr", has_text="Nia New")).not_to_contain_text("temporary password")

            again = browser.new_context().new_page()
            sign_in(again, url, "nia.new@riverside.example", temporary)
            expect(again.get_by_text("That email and password do not match.")).to_be_visible()
        finally:
            browser.close()


def test_a_nurse_reads_a_patients_whole_timeline(site: tuple[str, int]) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, maria_id = site
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_context(viewport={"width": 900, "height": 900}).new_page()
            sign_in(page, url, NURSE, PASSWORD)
            page.goto(f"{url}/patients/{maria_id}")
            timeline = page.locator("#timeline")
            expect(timeline.get_by_role("heading", name="Timeline")).to_be_visible()
            expect(timeline.locator("li.entry.case").first).to_contain_text(
                "resolved by Ana Reyes: advice given"
            )
            expect(timeline.locator("li.entry.checkin")).to_have_count(2)
            expect(timeline.locator("li.entry.checkin").first).to_contain_text("7")
            expect(timeline.locator("li.entry.checkin").nth(1)).to_contain_text("answered")
            expect(timeline.locator("li.entry.message").first).to_contain_text("Maria Santos wrote")
            _shot(page, "patient-timeline")
            phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            sign_in(phone, url, NURSE, PASSWORD)
            phone.goto(f"{url}/patients/{maria_id}")
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, width  # nothing cut off at phone width
        finally:
            browser.close()
