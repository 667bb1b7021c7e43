"""Triage reads the patient, not the message: a case rises on what messages say together."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import Clinic, OutboundMessage, Patient, Staff
from vigil.escalation.models import Case, CaseEvent

from ..conftest import opt_in_notice

MARIA = "MRN-100871"  # no treatment context, no metastases on record


async def _send(client: httpx.AsyncClient, auth: dict[str, str], text: str) -> None:
    body = {"external_id": MARIA, "text": text}
    r = await client.post("/api/v1/simulator/messages", headers=auth, json=body)
    assert r.status_code == 202, r.text


async def _case(client: httpx.AsyncClient, auth: dict[str, str]) -> dict[str, object]:
    [summary] = (await client.get("/api/v1/cases", headers=auth)).json()["cases"]
    r = await client.get(f"/api/v1/cases/{summary['id']}", headers=auth)
    assert r.status_code == 200
    return dict(r.json())


async def _patient(rt: Runtime) -> Patient:
    patient = await rt.service.patient(1, MARIA)
    assert patient is not None
    return patient


async def _outbox(rt: Runtime, kind: str) -> list[OutboundMessage]:
    async with rt.db.session() as session:
        return list(
            await session.scalars(
                select(OutboundMessage).where(OutboundMessage.kind == kind).order_by(OutboundMessage.id)
            )
        )


async def test_back_pain_then_a_dead_foot_hours_later_raises_the_case_to_emergency_and_pages(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    await _send(client, auth, "spine's sore since I carried the shopping in")
    first = await _case(client, auth)
    assert first["level"] == "routine"
    assert await _outbox(rt, "page") == []

    clock.advance(timedelta(hours=3))
    await _send(client, auth, "now my left foot feels dead")
    case = await _case(client, auth)
    assert case["id"] == first["id"]
    assert case["level"] == "emergency"
    reasons = [r for r in case["reasons"] if r["rule"] == "mscc-neuro"]  # type: ignore[attr-defined]
    inbound = [m for m in case["messages"] if m["direction"] == "in"]  # type: ignore[attr-defined]
    assert {r["concept"] for r in reasons} == {"back_pain", "numbness"}
    # Each reason names the message it came from, with its evidence inside that message.
    by_concept = {r["concept"]: r for r in reasons}
    assert by_concept["back_pain"]["message_id"] == inbound[0]["id"]
    assert by_concept["numbness"]["message_id"] == inbound[1]["id"]
    assert by_concept["numbness"]["evidence"] in inbound[1]["text"]
    kinds = [e["kind"] for e in case["events"]]  # type: ignore[attr-defined]
    assert "raised" in kinds
    assert "paged" in kinds
    # The transcript shows the message that completed the rule at the level it raised.
    assert [m["level"] for m in inbound] == ["routine", "emergency"]

    [safety] = await _outbox(rt, "safety")
    assert "911" in safety.text
    assert await _outbox(rt, "page")


async def test_a_message_that_completes_nothing_gets_no_second_safety_reply(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    await _send(client, auth, "my back is killing me and my legs feel weak")
    clock.advance(timedelta(minutes=20))
    await _send(client, auth, "ok thank you")
    assert len(await _outbox(rt, "safety")) == 1


async def test_messages_older_than_the_clinics_window_are_not_pooled(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    async with rt.db.transaction() as session:
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        clinic.conversation_window_hours = 2
    await _send(client, auth, "my back is really sore")
    clock.advance(timedelta(hours=3))
    await _send(client, auth, "my left leg feels numb")
    assert (await _case(client, auth))["level"] == "routine"


async def test_a_later_resolution_is_an_event_and_never_lowers_the_case(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    await _send(client, auth, "coughing up blood this morning, just streaks")
    clock.advance(timedelta(hours=2))
    await _send(client, auth, "oops, that last one was about my mum")
    case = await _case(client, auth)
    assert case["level"] == "urgent"
    [changed] = [e for e in case["events"] if e["kind"] == "finding_changed"]  # type: ignore[attr-defined]
    assert changed["detail"]["concept"] == "hemoptysis"
    assert changed["detail"]["status"] == "other_person"


async def test_asking_for_a_nurse_with_a_case_open_says_what_is_true_and_pages_again(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    await _send(client, auth, "coughing up blood this morning, just streaks")
    pages = len(await _outbox(rt, "page"))
    assert pages >= 1
    clock.advance(timedelta(minutes=10))
    await _send(client, auth, "NURSE")
    said = [m.text for m in await _outbox(rt, "info")]
    assert said, "the patient is answered"
    assert "next working day" not in said[-1]
    assert "urgent" in said[-1]
    assert "No nurse has picked it up yet" in said[-1]
    assert len(await _outbox(rt, "page")) > pages
    case = await _case(client, auth)
    assert "nurse_requested" in [e["kind"] for e in case["events"]]  # type: ignore[attr-defined]


async def test_asking_for_a_nurse_on_a_held_case_pages_the_nurse_who_holds_it(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    await _send(client, auth, "coughing up blood this morning, just streaks")
    case = await _case(client, auth)
    assert (await client.post(f"/api/v1/cases/{case['id']}/acknowledge", headers=auth)).status_code == 200
    clock.advance(timedelta(minutes=10))
    await _send(client, auth, "can a nurse call me please")
    async with rt.db.session() as session:
        holder = await session.scalar(select(Staff).where(Staff.email == "ana.reyes@riverside.example"))
        assert holder is not None
        last = (await _outbox(rt, "info"))[-1].text
        assert holder.name in last
        events = list(await session.scalars(select(CaseEvent).where(CaseEvent.kind == "paged")))
        assert any(e.detail.get("reason") == "nurse_request" for e in events)
        row = await session.get(Case, case["id"])
        assert row is not None
        assert row.level == "urgent"


async def test_the_first_request_for_a_nurse_on_a_held_case_is_not_called_a_repeat(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    await _send(client, auth, "coughing up blood this morning, just streaks")
    case = await _case(client, auth)
    assert (await client.post(f"/api/v1/cases/{case['id']}/acknowledge", headers=auth)).status_code == 200
    for first in ("NURSE", "can a nurse call me please"):
        clock.advance(timedelta(minutes=10))
        await _send(client, auth, first)
        reply = (await _outbox(rt, "info"))[-1].text
        if first == "NURSE":  # the first time she asks
            assert "again" not in reply
            assert "Ana Reyes, a nurse, has your case" in reply
        else:  # and the second
            assert "asked again" in reply


async def test_asking_urgently_for_someone_pages_on_call_and_never_says_next_working_day(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await _send(client, auth, "I need to speak to someone urgently")
    case = await _case(client, auth)
    assert case["level"] == "routine"  # a request, not a symptom (docs/triage.md)
    kinds = [e["kind"] for e in case["events"]]  # type: ignore[attr-defined]
    assert "nurse_requested" in kinds
    assert await _outbox(rt, "page")
    # The demo patients' opt-in notices from the import are "info" too; then the answer.
    *notices, info = await _outbox(rt, "info")
    assert {n.text for n in notices} == {opt_in_notice(), opt_in_notice("es")}
    assert "next working day" not in info.text
    assert "the nurse on call has been told you asked" in info.text


async def test_an_urgent_request_nobody_acknowledges_is_chased_up_the_urgent_chain(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    await _send(client, auth, "I need to speak to someone urgently")
    first = len(await _outbox(rt, "page"))
    assert first >= 1
    clock.advance(timedelta(hours=2))
    await rt.tick()
    assert len(await _outbox(rt, "page")) > first  # the next tier, as for an urgent case
    case = await _case(client, auth)
    assert case["level"] == "routine"  # still a request, not a symptom
    assert (await client.post(f"/api/v1/cases/{case['id']}/acknowledge", headers=auth)).status_code == 200
    clock.advance(timedelta(hours=2))
    await rt.tick()
    async with rt.db.session() as session:
        row = await session.get(Case, case["id"])
        assert row is not None
        assert row.next_escalation_at is None or row.status == "acknowledged"  # the chase stops
        tiers = [
            e.detail.get("tier")
            for e in await session.scalars(select(CaseEvent).where(CaseEvent.kind == "paged"))
            if e.detail.get("tier")
        ]
    assert tiers == [2]  # tier 1 was paged as the request's own page; only tier 2 after it
