"""The queue at phone width (390 px, Debian's Chromium through Playwright): every column
that matters is on the screen, none cut off or scrolled sideways out of sight."""

from __future__ import annotations

from ..conftest import NURSE
from .browser import sign_in
from .test_browser import CHROMIUM, _shot, server  # noqa: F401 - `server` is the fixture


def test_the_queue_keeps_case_level_patient_why_waiting_and_status_on_a_390_px_screen(
    server: str,  # noqa: F811
) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            page = phone.new_page()
            sign_in(page, server, NURSE, "correct horse battery")
            expect(page.get_by_role("heading", name="Escalation queue")).to_be_visible()
            page.goto(f"{server}/simulator/MRN-100234")
            page.fill("input[name=text]", "my back is killing me and my legs feel weak and numb")
            page.get_by_role("button", name="Send", exact=True).click()  # not the notice's "send"
            expect(page.locator(".msg.out").last).to_contain_text(
                "call 911 straight away"
            )  # the advice, not the opt-in notice
            page.goto(f"{server}/")
            row = page.locator("tr.level-emergency").first
            expect(row).to_contain_text("Walter Brennan")
            expect(row.locator("td.status")).to_be_visible()
            # Measured in one go, in the page: the live list may redraw between two calls.
            boxes = page.evaluate(
                """() => Object.fromEntries([...document.querySelector('tr.level-emergency').cells]
                    .map(td => [td.className, td.getBoundingClientRect().toJSON()]))"""
            )
            assert set(boxes) == {"case", "level", "patient", "why", "waiting", "status"}
            for cell, box in boxes.items():
                assert box["width"] > 0, cell
                assert box["x"] >= 0, cell
                assert box["x"] + box["width"] <= 390, (cell, box)
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= 390, wide
            waiting = "document.querySelector('tr.level-emergency td.waiting')"
            label = page.evaluate(f"getComputedStyle({waiting}, '::before').content")
            assert label == '"Waiting since "'  # the header row is hidden: each value says what it is
            _shot(page, "queue-phone")
        finally:
            browser.close()
