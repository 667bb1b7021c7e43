"""A real browser (Debian's Chromium through Playwright): an admin invites a nurse, changes a
role and reads it in the audit log; a nurse cannot reach the admin's pages."""

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

from ..conftest import DEMO, NURSE, PASSWORD
from .browser import CHROMIUM, requires_chromium, serving, sign_in
from .browser import shot as _shot

pytestmark = requires_chromium
ADMIN = "admin@riverside.example"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'admin.db'}"
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


def test_an_admin_runs_the_staff_and_reads_the_audit_log_and_a_nurse_cannot(site: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            admin = browser.new_context().new_page()
            sign_in(admin, site, ADMIN, PASSWORD)
            admin.click("nav >> text=Staff")
            expect(admin.get_by_role("heading", name="Staff", exact=True)).to_be_visible()
            admin.fill("#invite input[name=email]", "nia.new@riverside.example")
            admin.fill("#invite input[name=name]", "Nia New")
            admin.select_option("#invite select[name=role]", "nurse")
            admin.click("#invite button[type=submit]")
            expect(admin.locator("#temporary-password")).to_contain_text("Temporary password for Nia New")
            expect(admin.locator("tr", has_text="Nia New")).to_contain_text("active")
            _shot(admin, "admin-staff")

            ben = admin.locator("tr", has_text="Ben Okafor")
            ben.get_by_label("Role of Ben Okafor").select_option("physician")
            ben.get_by_role("button", name="Set role").click()
            expect(admin.get_by_text("Role changed to physician.")).to_be_visible()

            admin.click("nav >> text=Audit log")
            admin.select_option("select[name=subject]", "staff")
            admin.click("text=Filter")
            rows = admin.locator("table.audit tbody tr")
            expect(rows.first).to_contain_text("staff role")
            expect(rows.first).to_contain_text("nurse → physician")
            expect(rows.first).to_contain_text("Clinic Admin")
            expect(rows.first).to_contain_text("staff Ben Okafor")
            expect(rows.nth(1)).to_contain_text("staff invited")
            _shot(admin, "admin-audit")

            nurse = browser.new_context().new_page()
            sign_in(nurse, site, NURSE, PASSWORD)
            expect(nurse.locator("nav")).not_to_contain_text("Audit log")
            nurse.goto(f"{site}/admin/audit")
            expect(nurse.get_by_text("only a clinic admin can do this")).to_be_visible()
            nurse.goto(f"{site}/admin/staff")
            expect(nurse.locator("tr", has_text="Nia New")).to_be_visible()
            expect(nurse.locator("#invite")).to_have_count(0)
            expect(nurse.get_by_role("button", name="Deactivate")).to_have_count(0)
        finally:
            browser.close()
