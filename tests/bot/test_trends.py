"""Reading across weeks, end to end on the simulator: a 0-10 answer against the patient's own."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import Clinic, OutboundMessage, Patient
from vigil.scheduler.models import Enrolment

from ..conftest import DUE

MARIA = "MRN-100871"  # no bone metastases on record: back pain alone is routine for her
# The protocol's questions after the 0-10 back pain one, answered so that each check-in closes.
REST = ("it comes and goes", "no", "nothing else")


async def _say(client: httpx.AsyncClient, auth: dict[str, str], text: str) -> None:
    body = {"external_id": MARIA, "text": text}
    r = await client.post("/api/v1/simulator/messages", headers=auth, json=body)
    assert r.status_code == 202, r.text


async def _next_check_in(rt: Runtime, clock: ManualClock) -> None:
    """Move the clock to Maria's next due check-in and open it."""
    async with rt.db.session() as session:
        due = await session.scalar(
            select(Enrolment.next_due_at)
            .join(Patient, Patient.id == Enrolment.patient_id)
            .where(Patient.external_id == MARIA)
        )
    assert due is not None
    clock.set(due)
    assert await rt.service.send_due() >= 1
    clock.advance(minutes=5)


async def _case(client: httpx.AsyncClient, auth: dict[str, str]) -> dict[str, object]:
    [summary] = (await client.get("/api/v1/cases", headers=auth)).json()["cases"]
    return dict((await client.get(f"/api/v1/cases/{summary['id']}", headers=auth)).json())


async def _answer_week(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str], score: str
) -> None:
    await _next_check_in(rt, clock)
    await _say(client, auth, score)


async def answer_check_ins(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str], *scores: str
) -> None:
    """Maria answers her next check-ins, each with its 0-10 back pain score first."""
    for score in scores:
        await _answer_week(rt, clock, client, auth, score)
        for text in REST:
            clock.advance(minutes=2)
            await _say(client, auth, text)


async def test_back_pain_of_2_2_2_then_5_raises_the_case_on_the_worsening_trend(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await answer_check_ins(rt, clock, client, auth, "2", "2", "2")
    steady = await _case(client, auth)
    assert steady["level"] == "routine"  # back pain is a routine flag, not yet a trend

    await _answer_week(rt, clock, client, auth, "5")
    case = await _case(client, auth)
    assert case["id"] == steady["id"]
    assert case["level"] == "urgent"
    [reason] = [r for r in case["reasons"] if r["rule"] == "spinal-pain-flags"]  # type: ignore[attr-defined]
    assert reason["concept"] == "back_pain"
    assert reason["evidence"] == "5"
    assert "worsening" in reason["trend"]
    assert "baseline 2" in reason["trend"]
    assert "raised" in [e["kind"] for e in case["events"]]  # type: ignore[attr-defined]
    async with rt.db.session() as session:
        safety = list(await session.scalars(select(OutboundMessage).where(OutboundMessage.kind == "safety")))
    assert len(safety) == 1


async def test_a_patients_usual_score_is_not_a_trend(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await answer_check_ins(rt, clock, client, auth, "5", "6", "5", "6")
    case = await _case(client, auth)
    assert case["level"] == "routine"
    assert not any(r.get("trend") for r in case["reasons"])  # type: ignore[attr-defined]


async def test_before_three_answers_the_clinic_default_is_the_baseline(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    async with rt.db.transaction() as session:
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        clinic.trend_baseline_default = 1
    clock.set(DUE)
    await _answer_week(rt, clock, client, auth, "3")
    case = await _case(client, auth)
    assert case["level"] == "urgent"
    [reason] = [r for r in case["reasons"] if r.get("trend")]  # type: ignore[attr-defined]
    assert "clinic default" in reason["trend"]


async def test_a_spanish_speaking_patients_rising_score_is_a_worsening_trend_too(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    async with rt.db.transaction() as session:
        maria = await session.scalar(select(Patient).where(Patient.external_id == MARIA))
        assert maria is not None
        maria.language = "es"
    clock.set(DUE)
    await answer_check_ins(rt, clock, client, auth, "2", "2", "2")
    assert (await _case(client, auth))["level"] == "routine"

    await _answer_week(rt, clock, client, auth, "5")
    case = await _case(client, auth)
    assert case["level"] == "urgent"
    [reason] = [r for r in case["reasons"] if r["rule"] == "spinal-pain-flags"]  # type: ignore[attr-defined]
    assert "worsening" in reason["trend"]
