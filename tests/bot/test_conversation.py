"""The conversation's replies outside a check-in, keywords, and what one message costs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import Clinic, OutboundMessage, Patient, Staff
from vigil.escalation import cases
from vigil.escalation.models import Case, CaseEvent, CaseReason

from ..conftest import opt_in_notice

WALTER = "MRN-100234"  # on treatment, bone metastases
MARIA = "MRN-100871"


async def _patient(rt: Runtime, external_id: str) -> Patient:
    patient = await rt.service.patient(1, external_id)
    assert patient is not None
    return patient


async def _said(rt: Runtime, patient: Patient) -> list[tuple[str, str]]:
    async with rt.db.session() as session:
        rows = await session.execute(
            select(OutboundMessage.kind, OutboundMessage.text)
            .where(OutboundMessage.patient_id == patient.id)
            .order_by(OutboundMessage.id)
        )
        return [(kind, text) for kind, text in rows.all()]


async def _case(rt: Runtime, patient: Patient) -> Case | None:
    async with rt.db.session() as session:
        return await session.scalar(
            select(Case).where(Case.patient_id == patient.id, Case.status != "resolved")
        )


@contextmanager
def _statements(rt: Runtime) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement.split(None, 1)[0].upper())

    target = rt.db.engine.sync_engine
    event.listen(target, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(target, "before_cursor_execute", record)


async def test_free_text_with_no_case_says_the_line_is_not_watched(rt: Runtime) -> None:
    maria = await _patient(rt, MARIA)
    await rt.service.receive(maria, "simulator", "m1", "what time is my appointment on friday")
    assert await _case(rt, maria) is None
    [notice, (kind, text)] = await _said(rt, maria)  # her opt-in notice from the import came first
    assert notice == ("info", opt_in_notice())
    assert kind == "reply"
    assert "not watched all the time" in text
    assert "Reply NURSE" in text


async def test_free_text_with_an_open_case_says_the_team_can_see_it(rt: Runtime) -> None:
    maria = await _patient(rt, MARIA)
    await rt.service.receive(maria, "simulator", "m1", "NURSE")
    await rt.service.receive(maria, "simulator", "m2", "it is about my appointment on friday")
    *_, (kind, text) = await _said(rt, maria)
    assert kind == "reply"
    assert "can see this message with your open case" in text


async def test_nurse_opens_a_routine_case_that_is_not_paged(rt: Runtime) -> None:
    maria = await _patient(rt, MARIA)
    received = await rt.service.receive(maria, "simulator", "m1", "nurse")
    assert received.outcome is not None
    assert received.outcome.opened
    case = await _case(rt, maria)
    assert case is not None
    assert (case.level, case.next_escalation_at) == ("routine", None)
    [notice, (kind, text)] = await _said(rt, maria)
    assert notice == ("info", opt_in_notice())
    assert kind == "info"
    assert "usually on the next working day" in text


async def test_nurse_on_an_emergency_case_says_what_is_true_and_pages_on_call_again(rt: Runtime) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "my back is killing me and my legs feel weak")
    before = await _case(rt, walter)
    assert before is not None
    assert before.level == "emergency"
    received = await rt.service.receive(walter, "simulator", "w2", "NURSE")
    assert received.outcome is not None
    assert not (received.outcome.opened)
    assert not (received.outcome.raised)
    assert received.outcome.pages >= 1  # the request pages on call again
    after = await _case(rt, walter)
    assert after is not None
    assert (after.id, after.level) == (before.id, "emergency")
    *_, (kind, text) = await _said(rt, walter)
    assert kind == "info"
    assert "open with your care team as an emergency" in text
    assert "No nurse has picked it up yet" in text
    assert "Do not wait for the nurse: if you have not already, call 911 now." in text
    assert "next working day" not in text
    assert "cannot wait" not in text


async def test_a_case_rises_once_and_later_reasons_are_added_to_it(rt: Runtime) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "NURSE")
    await rt.service.receive(walter, "simulator", "w2", "I coughed up blood this morning, about a cupful")
    await rt.service.receive(walter, "simulator", "w3", "still coughing up blood")
    case = await _case(rt, walter)
    assert case is not None
    assert case.level == "emergency"
    async with rt.db.session() as session:
        kinds = list(
            await session.scalars(
                select(CaseEvent.kind).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)
            )
        )
    assert kinds[:3] == ["opened", "raised", "paged"]
    assert kinds[-1] == "reason_added"


async def test_a_milder_red_flag_after_an_emergency_keeps_the_emergency_advice(rt: Runtime) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "I suddenly can't feel my legs")
    await rt.service.receive(walter, "simulator", "w2", "and I coughed up a little blood")
    case = await _case(rt, walter)
    assert case is not None
    assert case.level == "emergency"
    safety = [text for kind, text in await _said(rt, walter) if kind == "safety"]
    assert len(safety) == 2
    assert "call 911 straight away" in safety[-1]
    assert "nurse will call you today" not in safety[-1]


async def test_a_stopped_patient_still_gets_safety_advice_and_a_case(rt: Runtime) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "STOP")
    await rt.service.receive(walter, "simulator", "w2", "what time is my appointment")
    await rt.service.receive(walter, "simulator", "w3", "I coughed up a lot of blood")
    # His opt-in notice from the import, STOP's confirmation, then the advice.
    notice, *said = await _said(rt, walter)
    assert notice == ("info", opt_in_notice())
    assert [kind for kind, _ in said] == ["info", "safety"]
    case = await _case(rt, walter)
    assert case is not None
    assert case.level == "emergency"


async def test_stop_pause_and_start_on_an_open_case_are_events_the_nurse_sees(rt: Runtime) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "NURSE")
    await rt.service.receive(walter, "simulator", "w2", "stop")
    await rt.service.receive(walter, "simulator", "w3", "STOP")  # already stopped: no second event
    await rt.service.receive(walter, "simulator", "w4", "START")
    await rt.service.receive(walter, "simulator", "w5", "PAUSE")
    case = await _case(rt, walter)
    assert case is not None
    async with rt.db.session() as session:
        events = (
            await session.execute(
                select(CaseEvent.kind, CaseEvent.actor, CaseEvent.detail)
                .where(CaseEvent.case_id == case.id, CaseEvent.kind.in_(["opted_out", "opted_in", "paused"]))
                .order_by(CaseEvent.id)
            )
        ).all()
    assert [(kind, actor) for kind, actor, _ in events] == [
        ("opted_out", "patient"),
        ("opted_in", "patient"),
        ("paused", "patient"),
    ]
    assert events[0].detail == {"keyword": "stop"}  # as they wrote it


async def test_stop_without_an_open_case_opens_none(rt: Runtime) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "STOP")
    assert await _case(rt, walter) is None


async def test_a_message_reads_its_context_and_earlier_messages_in_two_queries(rt: Runtime) -> None:
    """The busiest path: a flag on an open case is two reads and six writes, nothing more."""
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "I coughed up a lot of blood")
    with _statements(rt) as seen:
        await rt.service.receive(walter, "simulator", "w2", "still coughing up blood")
    work = [s for s in seen if s not in ("BEGIN", "COMMIT", "PRAGMA")]
    # inbox, context, the earlier messages of the conversation window, assessment, case
    # touched, its event, its reasons, the safety reply
    assert work.count("SELECT") == 2
    assert len(work) == 8, work


async def _urgent_flag_reading(rt: Runtime, patient: Patient, read: Case) -> cases.Flag:
    """An urgent flag from a transaction that read the open case as `read` was then."""
    async with rt.db.transaction() as session:
        return await cases.flag(
            session,
            clinic_id=1,
            patient_id=patient.id,
            level="urgent",
            reasons=[],
            now=rt.clock.now(),
            channel="simulator",
            current=cases.OpenCase(read.id, read.level, read.level_rank),
        )


async def test_a_flag_on_a_case_resolved_since_it_was_read_opens_a_new_one(rt: Runtime) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "I coughed up a lot of blood")
    stale = await _case(rt, walter)
    assert stale is not None
    async with rt.db.transaction() as session:  # a nurse resolves it meanwhile
        (await session.get(Case, stale.id)).status = "resolved"  # type: ignore[union-attr]
    flagged = await _urgent_flag_reading(rt, walter, stale)
    assert flagged.opened
    assert flagged.case_id != stale.id


async def test_a_flag_never_lowers_a_case_raised_since_it_was_read(rt: Runtime) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "NURSE")
    read = await _case(rt, walter)
    assert read is not None
    await rt.service.receive(walter, "simulator", "w2", "I coughed up a lot of blood")  # now emergency
    flagged = await _urgent_flag_reading(rt, walter, read)  # what it read still says routine
    assert (flagged.raised, flagged.level) == (False, "emergency")
    after = await _case(rt, walter)
    assert after is not None
    assert after.level == "emergency"


async def test_messages_for_a_channel_not_configured_here_are_reported(
    rt: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    from vigil.core.models import queued

    async with rt.db.transaction() as session:
        session.add(
            OutboundMessage(
                **queued(
                    clinic_id=1,
                    channel="sms",
                    address="+16175550199",
                    kind="safety",
                    text="call 911",
                    now=rt.clock.now(),
                    priority=0,
                )
            )
        )
    with caplog.at_level("WARNING"):
        stats = await rt.tick()
    assert stats["stranded"] == 1
    assert "1 message(s) are waiting for channel sms" in caplog.text
    assert "+1617" not in caplog.text  # never the number
    caplog.clear()
    with caplog.at_level("WARNING"):
        again = await rt.tick()
    assert again["stranded"] == 1
    assert "waiting for channel" not in caplog.text  # said once, not every tick


async def test_a_message_repeating_a_red_flag_stores_one_reason_per_rule_and_concept(rt: Runtime) -> None:
    """One message can never grow a case without bound (it once stored 1.8 million reasons)."""
    walter = await _patient(rt, WALTER)
    received = await rt.service.receive(walter, "simulator", "w-rep", "I coughed up blood. " * 200)
    assert received.outcome is not None
    case = await _case(rt, walter)
    assert case is not None
    async with rt.db.session() as session:
        rows = list(
            await session.execute(
                select(CaseReason.rule, CaseReason.concept).where(CaseReason.case_id == case.id)
            )
        )
    assert rows
    assert len(rows) == len(set(rows))  # each (rule, concept) once, with its first evidence
    assert len(rows) <= 4


async def test_a_spanish_speaking_patient_stops_with_parar_and_hears_it_in_spanish(rt: Runtime) -> None:
    maria = await _patient(rt, MARIA)
    async with rt.db.transaction() as session:
        patient = await session.get(Patient, maria.id)
        assert patient is not None
        patient.language = "es"
    maria.language = "es"
    await rt.service.receive(maria, "simulator", "es1", "PARAR")
    *_, (kind, text) = await _said(rt, maria)
    assert kind == "info"
    assert "No recibirá más preguntas de seguimiento" in text
    async with rt.db.session() as session:
        assert (await session.get(Patient, maria.id)).status == "opted_out"  # type: ignore[union-attr]
    # English keywords work for every patient.
    await rt.service.receive(maria, "simulator", "es2", "START")
    async with rt.db.session() as session:
        assert (await session.get(Patient, maria.id)).status == "active"  # type: ignore[union-attr]


async def test_a_request_for_a_nurse_is_evidenced_by_the_words_written_and_answered_in_their_language(
    rt: Runtime,
) -> None:
    rosa = await _patient(rt, "MRN-101552")
    await rt.service.receive(rosa, "simulator", "r1", "ENFERMERA")
    case = await _case(rt, rosa)
    assert case is not None
    async with rt.db.session() as session:
        reasons = (await session.execute(select(CaseReason.concept, CaseReason.evidence))).all()
    assert [tuple(r) for r in reasons] == [("nurse_request", "ENFERMERA")]
    await rt.service.receive(await _patient(rt, "MRN-101552"), "simulator", "r2", "ENFERMERA")
    *_, (_, text) = await _said(rt, rosa)
    assert "(de rutina)" in text
    assert "(routine)" not in text


ROSA = "MRN-101552"  # writes in Spanish


async def _resolve(rt: Runtime, patient: Patient, disposition: str) -> None:
    """A nurse resolves the patient's open case, as from the queue."""
    case = await _case(rt, patient)
    assert case is not None
    async with rt.db.transaction() as session:
        nurse = await session.scalar(select(Staff).where(Staff.clinic_id == 1, Staff.role == "nurse"))
        assert nurse is not None
        await cases.resolve(session, case.id, nurse, rt.clock.now(), "web", disposition, None)


async def _pages(rt: Runtime) -> int:
    async with rt.db.session() as session:
        return len(
            list(await session.scalars(select(OutboundMessage.id).where(OutboundMessage.kind == "page")))
        )


async def test_a_mild_message_after_a_nurse_resolved_the_emergency_gets_no_emergency_advice(
    rt: Runtime, clock: ManualClock
) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "I coughed up a lot of blood")
    await _resolve(rt, walter, "sent_to_emergency")
    pages = await _pages(rt)
    clock.advance(timedelta(hours=5))
    await rt.service.receive(walter, "simulator", "w2", "home from the ER now, just a bit of a cough")
    *_, (_kind, text) = await _said(rt, walter)
    assert "straight away" not in text
    assert "alerted" not in text  # no page goes out: nobody was alerted
    assert await _pages(rt) == pages


async def test_a_mild_spanish_message_after_a_resolved_emergency_gets_no_emergency_advice(
    rt: Runtime, clock: ManualClock
) -> None:
    rosa = await _patient(rt, ROSA)
    await rt.service.receive(
        rosa, "simulator", "r1", "tengo un dolor fuerte en la columna y las piernas flojas"
    )
    assert (case := await _case(rt, rosa)) is not None
    assert case.level == "emergency"
    await _resolve(rt, rosa, "sent_to_emergency")
    clock.advance(timedelta(hours=5))
    await rt.service.receive(rosa, "simulator", "r2", "ya estoy en casa, hoy tengo un poco de tos")
    *_, (_kind, text) = await _said(rt, rosa)
    assert "ahora mismo" not in text
    assert "avisamos" not in text


async def test_a_new_red_flag_after_a_resolved_emergency_still_raises_and_advises(
    rt: Runtime, clock: ManualClock
) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "I coughed up a lot of blood")
    await _resolve(rt, walter, "sent_to_emergency")
    pages = await _pages(rt)
    clock.advance(timedelta(hours=5))
    await rt.service.receive(walter, "simulator", "w2", "I suddenly can't feel my legs")
    case = await _case(rt, walter)
    assert case is not None
    assert case.level == "emergency"
    *_, (kind, text) = await _said(rt, walter)
    assert kind == "safety"
    assert "call 911 straight away" in text
    assert "alerted the on-call nurse" in text
    assert await _pages(rt) > pages


async def test_a_rule_completed_with_findings_of_a_resolved_case_still_raises_and_advises(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt, MARIA)
    await rt.service.receive(maria, "simulator", "m1", "my back is really sore")
    await _resolve(rt, maria, "advice_given")
    clock.advance(timedelta(hours=3))
    await rt.service.receive(maria, "simulator", "m2", "my left leg feels numb")
    case = await _case(rt, maria)
    assert case is not None
    assert case.level == "emergency"
    *_, (kind, text) = await _said(rt, maria)
    assert (kind, "call 911 straight away" in text) == ("safety", True)


async def test_a_mild_message_while_the_emergency_is_open_keeps_the_emergency_advice(
    rt: Runtime, clock: ManualClock
) -> None:
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "I coughed up a lot of blood")
    clock.advance(timedelta(hours=1))
    await rt.service.receive(walter, "simulator", "w2", "I have a bit of a cough")
    *_, (_kind, text) = await _said(rt, walter)
    assert "call 911 straight away" in text


async def test_the_emergency_advice_says_the_nurse_was_alerted_only_when_a_page_goes_out(rt: Runtime) -> None:
    async with rt.db.transaction() as session:
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        clinic.oncall = {**(clinic.oncall or {}), "escalation": {"emergency": [], "urgent": []}}
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "I coughed up a lot of blood")
    *_, (_kind, text) = await _said(rt, walter)
    assert "call 911 straight away" in text
    assert "alerted" not in text


async def test_a_rule_completed_after_a_resolved_emergency_by_new_messages_raises_the_new_case(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt, MARIA)
    await rt.service.receive(maria, "simulator", "m1", "I coughed up a lot of blood")
    await _resolve(rt, maria, "sent_to_emergency")
    clock.advance(timedelta(hours=3))
    await rt.service.receive(maria, "simulator", "m2", "my back is really sore")
    clock.advance(timedelta(hours=1))
    await rt.service.receive(maria, "simulator", "m3", "my left leg feels numb")
    case = await _case(rt, maria)
    assert case is not None
    assert case.level == "emergency"
    *_, (kind, text) = await _said(rt, maria)
    assert (kind, "call 911 straight away" in text) == ("safety", True)


async def test_urgent_advice_late_at_night_promises_no_call_today_and_says_who_was_paged(
    rt: Runtime, clock: ManualClock
) -> None:
    clock.set(datetime(2026, 11, 24, 4, 0, tzinfo=UTC))  # 23:00 in New York
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "coughing up blood this morning, just streaks")
    case = await _case(rt, walter)
    assert case is not None
    assert case.level == "urgent"
    [text] = [text for kind, text in await _said(rt, walter) if kind == "safety"]
    assert "today" not in text
    assert "We have paged the on-call nurse" in text
    assert await _pages(rt) == 1


async def test_urgent_advice_in_spanish_names_no_day_and_no_gender(rt: Runtime, clock: ManualClock) -> None:
    clock.set(datetime(2026, 11, 24, 4, 0, tzinfo=UTC))
    rosa = await _patient(rt, ROSA)
    await rt.service.receive(rosa, "simulator", "r1", "esta mañana tosí con un poco de sangre")
    case = await _case(rt, rosa)
    assert case is not None
    assert case.level == "urgent"
    [text] = [text for kind, text in await _said(rt, rosa) if kind == "safety"]
    assert "hoy" not in text
    assert "enfermera" not in text
    assert "personal de enfermería de guardia" in text


async def test_no_page_is_promised_when_nobody_on_the_chain_can_be_reached(
    rt: Runtime, clock: ManualClock
) -> None:
    """The chain exists but no one on it has a phone or a chat on record: the admins are warned
    and the case waits; the patient must not be told a nurse was paged."""
    from sqlalchemy import update

    async with rt.db.transaction() as session:
        await session.execute(update(Staff).values(phone=None, telegram_chat_id=None))
    walter = await _patient(rt, WALTER)
    await rt.service.receive(walter, "simulator", "w1", "coughing up blood this morning, just streaks")
    [urgent] = [text for kind, text in await _said(rt, walter) if kind == "safety"]
    assert "paged" not in urgent
    assert "Your care team will see this message" in urgent
    maria = await _patient(rt, MARIA)
    await rt.service.receive(maria, "simulator", "m1", "I passed out in the kitchen")
    [emergency] = [text for kind, text in await _said(rt, maria) if kind == "safety"]
    assert "call 911" in emergency
    assert "alerted the on-call nurse" not in emergency
    # More on the same case, still with nobody to page: still no promise.
    await rt.service.receive(maria, "simulator", "m2", "I passed out again just now")
    for kind, text in await _said(rt, maria):
        assert kind != "safety" or "alerted the on-call nurse" not in text
    assert await _pages(rt) == 0
