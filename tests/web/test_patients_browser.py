"""A real browser (Debian's Chromium through Playwright): an admin adds a patient in the
dashboard, then enrols more from a CSV file with good and bad rows: the dry run, then apply;
a patient added in the dashboard gets the first check-in on the simulator."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from vigil.assembly import build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.settings import Settings
from vigil.migrations import upgrade
from vigil.web.app import create_app

from ..conftest import DEMO
from .browser import CHROMIUM, requires_chromium, serving, sign_in
from .browser import shot as _shot

pytestmark = requires_chromium

ADMIN = "admin@riverside.example"
PASSWORD = "correct horse battery"
CSV = (
    "external_id,name,channel,phone,language,protocol,on_active_treatment\n"
    "MRN-500001,Grace Hopper,sms,617-555-0171,en,nsclc-weekly,yes\n"
    "MRN-500002,Wrong Number,sms,12,en,,no\n"
    "MRN-500003,Alan Turing,simulator,,en,no-such-protocol,no\n"
    "MRN-500004,Hedy Lamarr,telegram,,es,nsclc-weekly,no\n"
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Settings]]:
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
            admin = await session.scalar(select(Staff).where(Staff.email == ADMIN))
            assert admin is not None
            admin.password_hash = hash_password(PASSWORD)
        await rt.db.dispose()

    asyncio.run(seed())
    with serving(create_app(build_runtime(settings))) as url:
        yield url, settings


def test_an_admin_adds_a_patient_and_enrols_more_from_a_csv_after_its_dry_run(
    server: tuple[str, Settings],
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, _ = server
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        try:
            context = browser.new_context(viewport={"width": 1100, "height": 900})
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            sign_in(page, base, ADMIN, PASSWORD)
            page.get_by_role("link", name="Patients").click()
            expect(page.get_by_role("heading", name="Patients")).to_be_visible()
            expect(page.locator("table.patients-list")).to_contain_text("Walter Brennan")

            # Add one by hand: first with a phone that is no number, then right.
            page.get_by_role("link", name="Add a patient").click()
            page.get_by_label("Name").fill("Rosalind Franklin")
            page.get_by_label("External id (the clinic's record number)").fill("MRN-500100")
            page.get_by_label("Channel").select_option("sms")
            page.locator("input[name=phone]").fill("not a phone")
            page.get_by_label("Language").select_option("es")
            page.get_by_label("Protocol").select_option("nsclc-weekly")
            page.get_by_label("on active treatment").check()
            page.get_by_role("button", name="Add the patient").click()
            expect(page.locator("#phone-problem")).to_contain_text("is not a phone number")
            expect(page.get_by_label("Name")).to_have_value("Rosalind Franklin")  # nothing typed is lost
            page.locator("input[name=phone]").fill("(617) 555-0177")
            page.get_by_role("button", name="Add the patient").click()
            expect(page.get_by_text("Rosalind Franklin added.")).to_be_visible()
            expect(page.locator("input[name=phone]")).to_have_value("+16175550177")
            _shot(page, "patient-edit")

            # Enrol from a CSV: the dry run first, nothing written; then apply.
            page.goto(f"{base}/patients/import")
            page.set_input_files(
                "input[name=file]",
                files=[{"name": "patients.csv", "mimeType": "text/csv", "buffer": CSV.encode()}],
            )
            page.get_by_role("button", name="Dry run").click()
            expect(page.locator("#import-counts")).to_have_text(
                "2 to add · 0 to change · 0 unchanged · 2 refused"
            )
            expect(page.locator("tr[data-line='3']")).to_contain_text("is not a possible phone number")
            expect(page.locator("tr[data-line='4']")).to_contain_text("no protocol 'no-such-protocol'")
            _shot(page, "patients-import-dry-run")
            other = context.new_page()  # the dry run wrote nothing
            other.goto(f"{base}/patients?q=Grace")
            expect(other.get_by_text("No patients match.")).to_be_visible()
            other.close()
            page.get_by_role("button", name="Apply").click()
            expect(page.locator("#import-done")).to_contain_text(
                "Applied: 2 added, 0 changed; 2 refused rows were not written."
            )

            page.goto(f"{base}/patients?sort=-created")
            table = page.locator("table.patients-list")
            expect(table).to_contain_text("Grace Hopper")
            expect(table).to_contain_text("Hedy Lamarr")
            expect(table).not_to_contain_text("Wrong Number")
            expect(page.locator("tr[data-patient='MRN-500004']")).to_contain_text("invited")
            _shot(page, "patients")
            page.get_by_label("Status").select_option("invited")
            page.get_by_role("button", name="Search").click()
            expect(page.locator("#patients-count")).to_have_text("1–1 of 1.")
            # No script error (a refused form is a 422 and the favicon a 404: those are fine).
            assert [e for e in errors if not e.startswith("Failed to load resource")] == []
        finally:
            browser.close()


def test_a_patient_added_in_the_browser_gets_the_first_check_in_on_the_simulator(
    server: tuple[str, Settings],
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, settings = server
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        try:
            page = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
            sign_in(page, base, ADMIN, PASSWORD)
            page.goto(f"{base}/patients/new")
            page.get_by_label("Name").fill("Ada Lovelace")
            page.get_by_label("External id (the clinic's record number)").fill("MRN-500200")
            page.get_by_label("Channel").select_option("simulator")
            page.get_by_label("Protocol").select_option("nsclc-weekly")
            page.get_by_role("button", name="Add the patient").click()
            expect(page.get_by_text("Ada Lovelace added.")).to_be_visible()

            # Time passes to her first check-in: the server's own tick sends it, and her phone
            # on the simulator shows it as it arrives.
            # (Playwright's sync API holds this thread's event loop: the database work runs on its own.)
            with ThreadPoolExecutor(1) as pool:
                pool.submit(asyncio.run, _due_now(settings, "MRN-500200")).result()
            page.goto(f"{base}/simulator/MRN-500200")
            expect(page.locator("#transcript")).to_contain_text("time for your check-in", timeout=20_000)
            expect(page.locator("#transcript")).to_contain_text("back pain")
        finally:
            browser.close()


async def _due_now(settings: Settings, external_id: str) -> None:
    """The patient's first check-in is due now (as if the days to it had passed)."""
    from datetime import timedelta

    from sqlalchemy import select, update

    from vigil.core.models import Patient
    from vigil.scheduler.models import Enrolment

    rt = build_runtime(settings)
    async with rt.db.transaction() as session:
        patient_id = await session.scalar(select(Patient.id).where(Patient.external_id == external_id))
        assert patient_id is not None
        moved = await session.execute(
            update(Enrolment)
            .where(Enrolment.patient_id == patient_id, Enrolment.active.is_(True))
            .values(next_due_at=rt.clock.now() - timedelta(seconds=1))
        )
        assert moved.rowcount == 1  # type: ignore[attr-defined]
    await rt.db.dispose()
