"""`GET /api/v1/analytics` has a typed response model (analytics_schema.py) that scripts can read
in the OpenAPI schema, and having one changed nothing a client gets: the bytes are report()'s."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.models import Clinic, Staff
from vigil.core.periods import Period
from vigil.escalation.analytics import CASE_LEVELS
from vigil.scheduler.schedule import zone
from vigil.web.analytics_report import report
from vigil.web.analytics_schema import AnalyticsOut, PerLevel, SpreadPerLevel

from ..conftest import NURSE, bearer
from . import analytics_data as data

REPORT_KEYS = [
    "clinic",
    "from",
    "to",
    "weeks",
    "cases",
    "time_to_acknowledge",
    "time_to_resolve",
    "cases_per_week",
    "escalations",
    "dispositions",
    "checkins",
    "response_rate",
    "alerts",
    "top_rules",
]


async def _seed_november(rt: Runtime) -> None:
    """A month of cases and check-ins in the nurse's (demo) clinic, as the browser test seeds."""
    async with rt.db.transaction() as session:
        nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
        assert nurse is not None
        clinic = await session.get(Clinic, nurse.clinic_id)
        assert clinic is not None
        place = await data.adopt(
            session,
            clinic,
            protocols=[("breast-weekly", "Breast, weekly"), ("gi-daily", "GI chemo, daily")],
            patients=8,
        )
        await data.month(session, place, datetime(2026, 11, 1, tzinfo=UTC), days=30)


async def _report(rt: Runtime, first: date, last: date) -> dict[str, Any]:
    async with rt.db.session() as session:
        nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
        assert nurse is not None
        clinic = await session.get(Clinic, nurse.clinic_id)
        assert clinic is not None
        return await report(session, clinic, Period(first, last, zone(clinic.timezone)))


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2026, 11, 1), date(2026, 11, 30)),  # the seeded month
        (date(2026, 1, 1), date(2026, 1, 31)),  # nothing at all: every figure that can be null is
    ],
)
async def test_the_response_validates_against_the_model_and_is_exactly_the_report(
    rt: Runtime, client: httpx.AsyncClient, first: date, last: date
) -> None:
    await _seed_november(rt)
    r = await client.get(f"/api/v1/analytics?from={first}&to={last}", headers=await bearer(rt))
    assert r.status_code == 200
    body = r.json()
    expected = await _report(rt, first, last)

    assert list(body) == REPORT_KEYS == list(expected)
    assert body == json.loads(json.dumps(expected))
    # Byte for byte what the route gave before it had a model: same keys, order, ints and floats.
    assert r.content == json.dumps(expected, ensure_ascii=False, separators=(",", ":")).encode()

    model = AnalyticsOut.model_validate(body)
    assert model.model_dump(mode="json", by_alias=True) == body
    if first.month == 11:
        assert 20 < body["cases"]["total"] < 90
        assert body["top_rules"]
        assert body["dispositions"]
        assert body["checkins"]["sent"] > 0
        assert any(w["rate"] is None for p in body["response_rate"] for w in p["weeks"])  # the demo protocol
    else:
        assert body["time_to_acknowledge"]["emergency"]["median_s"] is None
        assert body["alerts"]["per_100_checkins"] is None
        assert body["checkins"]["response_rate"] is None


def test_the_model_names_every_case_level() -> None:
    assert tuple(PerLevel.model_fields) == CASE_LEVELS == tuple(SpreadPerLevel.model_fields)


async def test_the_openapi_schema_names_the_model_and_its_fields(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    schema = (await client.get("/api/v1/openapi.json", headers=await bearer(rt))).json()
    ok = schema["paths"]["/analytics"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/AnalyticsOut"}
    models = schema["components"]["schemas"]
    out = models["AnalyticsOut"]
    assert list(out["properties"]) == REPORT_KEYS
    assert set(out["required"]) == set(REPORT_KEYS)
    assert out["properties"]["from"]["format"] == "date"
    assert out["properties"]["time_to_acknowledge"]["$ref"] == "#/components/schemas/SpreadPerLevel"
    assert list(models["SpreadPerLevel"]["properties"]) == list(CASE_LEVELS)
    spread = models["Spread"]["properties"]
    assert list(spread) == ["count", "pending", "median_s", "p90_s"]
    assert spread["median_s"]["anyOf"] == [{"type": "number"}, {"type": "null"}]
    assert "median" in spread["median_s"]["description"]
    assert list(models["CasesWeek"]["properties"]) == ["week", *CASE_LEVELS]
    assert list(models["RateWeek"]["properties"]) == ["week", "counted", "answered", "rate"]
    assert list(models["ProtocolRate"]["properties"]) == ["protocol", "name", "weeks"]
    assert list(models["Escalations"]["properties"]) == ["past_tier_1", "paged", "by_level"]
    assert list(models["CheckIns"]["properties"]) == ["sent", "counted", "answered", "response_rate"]
    assert list(models["Alerts"]["properties"]) == ["count", "checkins", "per_100_checkins"]
    assert models["Alerts"]["properties"]["per_100_checkins"]["anyOf"] == [
        {"type": "number"},
        {"type": "null"},
    ]
    assert list(models["RuleCount"]["properties"]) == ["rule", "cases"]
    assert list(models["ClinicRef"]["properties"]) == ["slug", "name", "timezone"]
    assert out["properties"]["dispositions"]["additionalProperties"] == {"type": "integer"}
