"""The analytics page, its CSV and `GET /api/v1/analytics`: the same figures three ways, to the
clinic's nurses and admins only, never with another clinic's rows in them."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, Staff
from vigil.web.analytics_report import CSV_HEADER

from ..conftest import NURSE, PASSWORD, START, bearer, emergency_case
from . import analytics_data as data

ROOT = Path(__file__).resolve().parents[2]
NOVEMBER = "from=2026-11-01&to=2026-11-30"
OTHER_NURSE = "nurse@elsewhere.example"
PHYSICIAN = "dr.lee@riverside.example"
ADMIN = "admin@riverside.example"


def _csrf(page: httpx.Response) -> str:
    return page.text.split('name="csrf" value="')[1].split('"')[0]


async def _sign_in(client: httpx.AsyncClient, email: str = NURSE) -> None:
    page = await client.get("/login")
    r = await client.post("/login", data={"email": email, "password": PASSWORD, "csrf": _csrf(page)})
    assert (r.status_code, r.headers["location"]) == (303, "/")


async def _two_clinics(rt: Runtime, clock: ManualClock, client: httpx.AsyncClient) -> None:
    """Riverside (the demo clinic): one emergency case, acknowledged after 3 minutes and
    resolved after an hour. Elsewhere: two cases of its own the day before, and a nurse."""
    case_id = await emergency_case(rt)
    auth = await bearer(rt)
    clock.advance(minutes=3)
    assert (await client.post(f"/api/v1/cases/{case_id}/acknowledge", headers=auth)).status_code == 200
    clock.advance(minutes=57)
    r = await client.post(f"/api/v1/cases/{case_id}/resolve", headers=auth, json={"disposition": "admitted"})
    assert r.status_code == 200
    async with rt.db.transaction() as s:
        other = await data.clinic(s, "elsewhere", patients=2)
        for patient in (0, 1):
            await data.case(
                s,
                other,
                "urgent",
                START.replace(day=22),
                patient=patient,
                ack_after=60,
                paged=[1, 2],
                rules=["elsewhere_only_rule"],
            )
        s.add(Staff(clinic_id=other.clinic.id, email=OTHER_NURSE, name="Other Nurse", role="nurse"))


async def test_the_api_gives_the_clinics_own_figures_and_never_another_clinics(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    await _two_clinics(rt, clock, client)
    mine = (await client.get(f"/api/v1/analytics?{NOVEMBER}", headers=await bearer(rt))).json()
    assert mine["clinic"]["slug"] == "riverside-thoracic"
    assert (mine["from"], mine["to"]) == ("2026-11-01", "2026-11-30")
    assert mine["cases"] == {
        "total": 1,
        "by_level": {"routine": 0, "urgent": 0, "emergency": 1},
        "unresolved": 0,
    }
    assert mine["time_to_acknowledge"]["emergency"] == {
        "count": 1,
        "pending": 0,
        "median_s": 180,
        "p90_s": 180,
    }
    assert mine["time_to_resolve"]["emergency"]["median_s"] == 3600
    assert mine["dispositions"] == {"admitted": 1}
    assert mine["alerts"]["count"] == 1
    assert mine["top_rules"]
    assert all(r["rule"] != "elsewhere_only_rule" for r in mine["top_rules"])
    assert mine["escalations"]["past_tier_1"] == 0

    theirs = (await client.get(f"/api/v1/analytics?{NOVEMBER}", headers=await bearer(rt, OTHER_NURSE))).json()
    assert theirs["clinic"]["slug"] == "elsewhere"
    assert theirs["cases"]["total"] == 2
    assert theirs["escalations"]["past_tier_1"] == 2
    assert theirs["top_rules"] == [{"rule": "elsewhere_only_rule", "cases": 2}]
    assert [p["protocol"] for p in theirs["response_rate"]] == ["a-weekly", "b-daily"]
    assert "nsclc-weekly" not in str(theirs)


async def test_the_api_defaults_to_the_four_weeks_to_today_in_the_clinics_zone(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    found = (await client.get("/api/v1/analytics", headers=await bearer(rt))).json()
    assert (found["from"], found["to"]) == ("2026-10-27", "2026-11-23")  # 07:00 on the 23rd in New York


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("from=2026-13-01", "from must be a date"),
        ("to=soon", "to must be a date"),
        ("from=2026-11-30&to=2026-11-01", "on or before"),
        ("from=2020-01-01&to=2026-01-01", "at most 366 days"),
        ("from=" + "9" * 11, "{'field': 'from', 'reason': 'is longer than 10 characters'}"),
    ],
)
async def test_a_bad_period_is_a_422_with_its_reason(
    rt: Runtime, client: httpx.AsyncClient, query: str, reason: str
) -> None:
    r = await client.get(f"/api/v1/analytics?{query}", headers=await bearer(rt))
    assert r.status_code == 422
    assert reason in str(r.json()["detail"])


async def test_a_physician_may_not_read_the_analytics(rt: Runtime, client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/analytics", headers=await bearer(rt, PHYSICIAN))
    assert r.status_code == 403
    await _sign_in(client, PHYSICIAN)
    assert (await client.get("/analytics")).status_code == 403
    assert (await client.get("/analytics.csv")).status_code == 403
    assert 'href="/analytics"' not in (await client.get("/")).text


async def test_the_api_route_is_described_in_the_openapi_schema(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    schema = (await client.get("/api/v1/openapi.json", headers=await bearer(rt))).json()
    operation = schema["paths"]["/analytics"]["get"]
    assert "median" in operation["description"]
    assert {p["name"] for p in operation["parameters"]} == {"from", "to"}


async def test_the_page_draws_a_chart_per_figure_with_the_vendored_library_and_no_inline_code(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    await _two_clinics(rt, clock, client)
    await _sign_in(client)
    queue = await client.get("/")
    assert '<a href="/analytics">Analytics</a>' in queue.text
    page = await client.get(f"/analytics?{NOVEMBER}")
    assert page.status_code == 200
    html = page.text
    for chart in ("per_week", "acknowledge", "resolve", "escalations", "dispositions", "response", "rules"):
        assert f'id="chart-{chart}" data-chart=' in html, chart
    assert '<script src="/static/vendor/chart.umd.min.js" defer></script>' in html
    assert '<script src="/static/analytics.js" defer></script>' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # every script is a file
    assert not re.search(r"\sstyle=", html)
    assert "<style" not in html
    assert "elsewhere_only_rule" not in html
    assert 'id="tile-cases"><strong>1</strong>' in html
    assert "admitted" in html


async def test_a_bad_period_on_the_page_says_why_and_shows_the_last_four_weeks(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _sign_in(client)
    page = await client.get("/analytics?from=2026-11-30&to=2026-11-01")
    assert page.status_code == 422
    assert "from must be on or before to" in page.text
    assert 'value="2026-11-30"' in page.text  # what was asked for, to correct


async def test_an_admin_downloads_the_same_figures_as_csv(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    await _two_clinics(rt, clock, client)
    await _sign_in(client, ADMIN)
    r = await client.get(f"/analytics.csv?{NOVEMBER}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == (
        'attachment; filename="vigil-analytics-riverside-thoracic-2026-11-01-to-2026-11-30.csv"'
    )
    rows = list(csv.reader(io.StringIO(r.text)))
    assert tuple(rows[0]) == CSV_HEADER
    table = {(f, s, w): v for f, s, w, v in rows[1:]}
    assert table[("cases", "emergency", "")] == "1"
    assert table[("time_to_acknowledge_median_s", "emergency", "")] == "180.0"
    assert table[("disposition", "admitted", "")] == "1"
    assert table[("cases_per_week", "emergency", "2026-11-23")] == "1"
    assert not any("elsewhere" in cell for row in rows for cell in row)


async def test_views_and_downloads_of_the_analytics_are_audited(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _sign_in(client)
    await client.get(f"/analytics?{NOVEMBER}")
    await client.get(f"/analytics.csv?{NOVEMBER}")
    await client.get(f"/api/v1/analytics?{NOVEMBER}", headers=await bearer(rt))
    async with rt.db.session() as s:
        rows = (
            await s.execute(
                select(AuditEvent.action, AuditEvent.subject_id, AuditEvent.detail).where(
                    AuditEvent.subject_type == "analytics"
                )
            )
        ).all()
    assert [(a, sid, d["channel"]) for a, sid, d in rows] == [
        ("view", "2026-11-01..2026-11-30", "web"),
        ("export", "2026-11-01..2026-11-30", "web"),
        ("view", "2026-11-01..2026-11-30", "api"),
    ]


@pytest.mark.parametrize("path", ["/analytics", "/analytics.csv", f"/analytics?{NOVEMBER}"])
async def test_strangers_are_sent_to_sign_in(client: httpx.AsyncClient, path: str) -> None:
    r = await client.get(path, headers={"accept": "text/html"})
    assert (r.status_code, r.headers["location"]) == (303, "/login")


async def test_the_chart_library_is_served_from_the_app_and_shipped_in_the_package(
    client: httpx.AsyncClient,
) -> None:
    r = await client.get("/static/vendor/chart.umd.min.js")
    assert r.status_code == 200
    assert r.text.startswith("/*!\n * Chart.js v4.")
    assert (await client.get("/static/analytics.js")).status_code == 200
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    web = ROOT / "vigil" / "web"
    for shipped in (
        "static/vendor/chart.umd.min.js",
        "static/vendor/chart.js-LICENSE.md",
        "static/analytics.js",
    ):
        assert (web / shipped).is_file()
        assert any(
            fnmatch(shipped, pattern) and "/" not in shipped[len(pattern.rsplit("/", 1)[0]) + 1 :]
            for pattern in package_data["vigil.web"]
        ), shipped
