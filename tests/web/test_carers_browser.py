"""A real browser (Debian's Chromium through Playwright): an admin adds a carer who will write
by Telegram on the patient page, makes the carer's invite there, and sees its link and QR code
once; the invite is in the audit log."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from vigil.assembly import build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.models import AuditEvent, Carer, Patient, Staff
from vigil.core.settings import Settings
from vigil.migrations import upgrade
from vigil.web.app import create_app
from vigil.web.security import hash_password

from ..conftest import DEMO
from .browser import CHROMIUM, requires_chromium, serving, sign_in

pytestmark = requires_chromium

ADMIN = "admin@riverside.example"
PASSWORD = "correct horse battery"


class Links:
    """Telegram's bot name, as the Telegram channel gives it when it is on."""

    async def link_name(self) -> str:
        return "vigil_test_bot"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Settings, int]]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'browser.db'}"
    upgrade(url)
    settings = Settings(database_url=url, secret_key="browser-test-secret-0123456789", simulator=True)
    rt = build_runtime(settings)

    async def seed() -> int:
        await clinic_import.apply(rt.db, clinic_file.load(DEMO), rt.clock)
        async with rt.db.transaction() as session:
            admin = await session.scalar(select(Staff).where(Staff.email == ADMIN))
            assert admin is not None
            admin.password_hash = hash_password(PASSWORD)
            walter = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100234"))
            assert walter is not None
            walter_id = walter.id
        await rt.db.dispose()
        return walter_id

    walter_id = asyncio.run(seed())
    served = build_runtime(settings)
    served.service.invite_links = Links()
    with serving(create_app(served)) as base:
        yield base, settings, walter_id


def test_an_admin_invites_a_telegram_carer_from_the_patient_page_and_sees_the_link_once(
    server: tuple[str, Settings, int],
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, settings, walter_id = server
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        try:
            page = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            sign_in(page, base, ADMIN, PASSWORD)
            page.goto(f"{base}/patients/{walter_id}")
            carers = page.locator("#carers")
            carers.get_by_label("Name").fill("Ana Brennan")
            carers.get_by_label("Relationship").fill("daughter")
            carers.get_by_label("Channel").select_option("telegram")
            carers.get_by_label("The patient agreed").check()
            carers.get_by_role("button", name="Add carer").click()
            expect(page.get_by_text("Ana Brennan (daughter) added")).to_be_visible()

            row = page.locator("#carers tr", has_text="Ana Brennan (daughter)")
            row.get_by_role("button", name="Make a Telegram invite").click()
            invite = page.locator("#carer-invite")
            expect(invite).to_contain_text("Telegram invite for Ana Brennan (daughter)")
            expect(page.locator("#carer-invite-link")).to_contain_text("https://t.me/vigil_test_bot?start=")
            expect(page.locator("#carer-invite-qr svg")).to_be_visible()
            link = page.locator("#carer-invite-link").get_attribute("href")
            assert link is not None

            page.goto(f"{base}/patients/{walter_id}")  # shown once: not on the page again
            expect(page.locator("#carers")).to_contain_text("Ana Brennan (daughter)")
            expect(page.locator("#carer-invite")).to_have_count(0)
            assert errors == []
        finally:
            browser.close()

    async def invites() -> list[tuple[str, str]]:
        rt = build_runtime(settings)
        async with rt.db.session() as session:
            ana = await session.scalar(select(Carer).where(Carer.name == "Ana Brennan"))
            assert ana is not None
            rows = await session.execute(
                select(AuditEvent.actor, AuditEvent.subject_type).where(
                    AuditEvent.action == "invite", AuditEvent.subject_id == str(ana.id)
                )
            )
            found = [(actor, subject) for actor, subject in rows]
        await rt.db.dispose()
        return found

    assert asyncio.run(invites()) == [(ADMIN, "carer")]
