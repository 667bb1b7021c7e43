"""Check-ins over time, with a manual clock: opened once, reminded once, expired, flagged."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import func, select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import OutboundMessage, Patient
from vigil.escalation.models import Case, CaseReason
from vigil.escalation.triage.texts import say
from vigil.scheduler import checkins
from vigil.scheduler.models import CheckIn, Enrolment, Protocol

from ..conftest import DUE, START, opt_in_notice


async def _count(rt: Runtime, model: type, *where: object) -> int:
    async with rt.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def test_nothing_is_due_before_its_time(rt: Runtime, clock: ManualClock) -> None:
    clock.set(START)
    assert await rt.service.send_due() == 0
    assert await _count(rt, CheckIn) == 0


async def test_a_sweep_in_batches_smaller_than_the_due_opens_each_once_and_expires_the_old(
    rt: Runtime, clock: ManualClock
) -> None:
    clock.set(DUE)
    assert await rt.service.send_due(batch=1) == 3  # one claim each, then an empty one
    clock.set(DUE + timedelta(days=3))  # Thursday: all due again, Monday's still open
    assert await rt.service.send_due(batch=1) == 3
    assert await _count(rt, CheckIn, CheckIn.status == "open") == 3
    assert await _count(rt, CheckIn, CheckIn.status == "expired") == 3
    assert await _count(rt, OutboundMessage, OutboundMessage.kind == "question") == 6
    async with rt.db.session() as session:
        addresses = set(
            await session.scalars(select(OutboundMessage.address).where(OutboundMessage.kind == "question"))
        )
    assert addresses == {"MRN-100234", "MRN-100871", "MRN-101552"}  # the simulator: by record number


async def test_a_due_sweep_opens_each_check_in_once_and_moves_the_schedule_on(
    rt: Runtime, clock: ManualClock
) -> None:
    clock.set(DUE)
    assert await rt.service.send_due() == 3
    assert await rt.service.send_due() == 0
    assert await _count(rt, CheckIn, CheckIn.status == "open") == 3
    assert await _count(rt, OutboundMessage, OutboundMessage.kind == "question") == 3
    async with rt.db.session() as session:
        dues = set(await session.scalars(select(Enrolment.next_due_at)))
    assert dues == {DUE + timedelta(days=3)}  # Thursday 10:00 in New York


async def test_one_reminder_then_expiry_then_a_routine_case_after_two_misses(
    rt: Runtime, clock: ManualClock
) -> None:
    clock.set(DUE)
    await rt.service.send_due()
    clock.advance(hours=4, seconds=1)
    await rt.tick()
    await rt.tick()
    assert await _count(rt, OutboundMessage, OutboundMessage.kind == "reminder") == 3  # one per patient
    async with rt.db.session() as session:
        reminders = set(
            await session.scalars(select(OutboundMessage.text).where(OutboundMessage.kind == "reminder"))
        )
    assert reminders == {
        "Reminder: How bad is any back pain today, from 0 (none) to 10 (worst)? "
        "Reply with a number from 0 to 10.",
        "Recordatorio: ¿Qué tan fuerte es hoy su dolor de espalda, de 0 (nada) a 10 (el peor)? "
        "Responda con un número del 0 al 10.",
    }
    clock.advance(hours=20)
    await rt.tick()
    assert await _count(rt, CheckIn, CheckIn.status == "expired") == 3
    assert await _count(rt, Case) == 0  # one miss is not yet a flag
    clock.set(DUE + timedelta(days=3))
    await rt.tick()  # Thursday's check-in
    clock.advance(hours=25)
    await rt.tick()
    assert await _count(rt, Case, Case.level == "routine") == 3
    assert await _count(rt, CaseReason, CaseReason.rule == "missed-checkins") == 3


async def test_answers_walk_the_protocol_and_a_closing_message_ends_it(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await rt.service.send_due()
    for answer in ("3", "no", "no", "nothing else thanks"):
        clock.advance(minutes=1)
        r = await client.post(
            "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": answer}
        )
        assert r.status_code == 202
    messages = (await client.get("/api/v1/patients/MRN-100871/messages", headers=auth)).json()["messages"]
    outbound = [m["text"] for m in messages if m["direction"] == "out"]
    assert outbound[0] == opt_in_notice()  # from her enrolment; then the check-in's first question
    assert "suddenly" in outbound[2]  # 3 >= 1: the onset question is asked
    assert "weakness, numbness or tingling" in outbound[3]
    assert "Anything else" in outbound[4]
    assert outbound[5].startswith("Thank you, that is everything")
    assert await _count(rt, CheckIn, CheckIn.status == "completed") == 1
    assert await _count(rt, Case) == 1  # back pain 3 is routine: the team sees it


async def test_stop_ends_check_ins_and_start_brings_them_back(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    async def say(text: str) -> None:
        clock.advance(minutes=1)
        await client.post(
            "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": text}
        )

    await say("STOP")
    await say("stop")  # confirmed once
    clock.set(DUE)
    await rt.service.send_due()
    assert await _count(rt, CheckIn) == 2  # only the other patients
    await say("START")
    await say("HELP")
    await say("nurse")
    messages = (await client.get("/api/v1/patients/MRN-100871/messages", headers=auth)).json()["messages"]
    replies = [m["text"] for m in messages if m["direction"] == "out"]
    assert len([r for r in replies if "no more check-ins" in r]) == 1
    assert any("are on again" in r for r in replies)
    assert any("Reply NURSE" in r for r in replies)
    assert any("A nurse will contact you" in r for r in replies)
    cases = (await client.get("/api/v1/cases", headers=auth)).json()["cases"]
    assert [(c["level"], c["reasons"][0]["concept"]) for c in cases] == [("routine", "nurse_request")]


async def test_a_red_flag_stops_the_check_in_and_the_safety_reply_goes_first(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await rt.service.send_due()
    clock.advance(minutes=1)
    await client.post(
        "/api/v1/simulator/messages",
        headers=auth,
        json={"external_id": "MRN-100871", "text": "8, and I can't feel my legs"},
    )
    async with rt.db.session() as session:
        pending = list(
            await session.scalars(
                select(OutboundMessage)
                .where(OutboundMessage.status == "pending")
                .order_by(OutboundMessage.priority, OutboundMessage.id)
            )
        )
        checkin = await session.scalar(select(CheckIn).where(CheckIn.patient_id == pending[0].patient_id))
    assert pending[0].kind == "safety"
    assert checkin is not None
    assert checkin.status == "stopped"


async def test_a_patient_with_an_open_case_is_told_the_team_sees_their_messages(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    for text in ("I passed out", "what time is my appointment?"):
        clock.advance(minutes=1)
        await client.post(
            "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": text}
        )
    messages = (await client.get("/api/v1/patients/MRN-100871/messages", headers=auth)).json()["messages"]
    assert "your care team can see this message" in messages[-1]["text"]


def test_answer_buttons_name_answers_by_place_so_long_choices_fit_telegrams_64_bytes() -> None:
    from vigil.scheduler.checkins import answer_buttons

    choice = "In my chest and the top of my back, on both sides, worse at night"
    buttons = answer_buttons(
        {"key": "where_is_the_pain_today", "kind": "choice", "choices": [choice, "Nowhere"]}, "en", say
    )
    assert buttons == [
        [[choice, "a:where_is_the_pain_today:0"]],
        [["Nowhere", "a:where_is_the_pain_today:1"]],
    ]
    scale = answer_buttons({"key": "pain", "kind": "scale"}, "en", say)
    assert scale is not None
    assert scale[1][-1] == ["10", "a:pain:10"]


async def _one_question(rt: Runtime) -> None:
    """The demo protocol cut to its first question (0-10 back pain)."""
    async with rt.db.transaction() as session:
        protocol = await session.scalar(select(Protocol).where(Protocol.key == "nsclc-weekly"))
        assert protocol is not None
        protocol.questions = protocol.questions[:1]


async def test_an_answered_single_question_check_in_is_answered_not_stopped_even_on_a_red_flag(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await _one_question(rt)
    clock.set(DUE)
    await rt.service.send_due()
    for external_id, answer in (("MRN-100871", "8"), ("MRN-101552", "2")):  # urgent, routine
        clock.advance(minutes=1)
        r = await client.post(
            "/api/v1/simulator/messages", headers=auth, json={"external_id": external_id, "text": answer}
        )
        assert r.status_code == 202
    async with rt.db.session() as session:
        statuses = dict(
            (await session.execute(select(Patient.external_id, CheckIn.status).join(CheckIn))).all()
        )
    assert statuses["MRN-100871"] == statuses["MRN-101552"] == "completed"
    async with rt.db.session() as session:
        maria = Patient.external_id == "MRN-100871"
        level = await session.scalar(select(Case.level).join(Patient).where(maria))
    assert level == "urgent"  # the 8 still opened its case
    timeline = (await client.get("/api/v1/patients/MRN-100871/timeline", headers=auth)).json()
    [checkin] = [e for e in timeline["entries"] if e["kind"] == "checkin"]
    assert checkin["status"] == "answered"


async def test_a_held_enrolment_opens_no_check_in_and_stays_due_for_a_later_sweep(
    rt: Runtime, clock: ManualClock
) -> None:
    clock.set(DUE)
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    held = Enrolment.patient_id == maria.id
    async with rt.db.transaction() as session:
        done = await checkins.send_due(session, DUE, postgres=rt.db.postgres, say=say, held=held)
    assert done.count == 2  # the other two
    assert await _count(rt, CheckIn, CheckIn.patient_id == maria.id) == 0
    async with rt.db.session() as session:
        due = await session.scalar(select(Enrolment.next_due_at).where(Enrolment.patient_id == maria.id))
    assert due is not None
    assert due <= DUE  # still due: the next sweep sends it
    assert await rt.service.send_due() == 1
    assert await _count(rt, CheckIn, CheckIn.patient_id == maria.id) == 1
