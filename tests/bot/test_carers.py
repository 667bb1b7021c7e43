"""Carers: what a carer writes is about the patient, triage reads it so, and Vigil answers
whoever wrote. STOP from a carer stops only the carer."""

from __future__ import annotations

from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.bot.models import FollowUp, InboundMessage
from vigil.core.clock import ManualClock
from vigil.core.models import Carer, OutboundMessage, Patient
from vigil.escalation.models import Case, CaseEvent

from ..conftest import DUE, START, opt_in_notice

WALTER = "MRN-100234"  # on treatment, bone metastases
ANA_PHONE = "+16175550142"


async def add_carer(
    rt: Runtime,
    external_id: str = WALTER,
    *,
    name: str = "Ana",
    relationship: str = "daughter",
    channel: str = "simulator",
    phone: str | None = ANA_PHONE,
    language: str = "en",
    consent: bool = True,
) -> Carer:
    patient = await rt.service.patient(1, external_id)
    assert patient is not None
    async with rt.db.transaction() as session:
        carer = Carer(
            clinic_id=patient.clinic_id,
            patient_id=patient.id,
            name=name,
            relationship=relationship,
            channel=channel,
            phone=phone,
            language=language,
            consent_recorded_at=START if consent else None,
            consent_recorded_by="admin@example.org" if consent else None,
            created_at=START,
        )
        session.add(carer)
    return carer


async def _patient(rt: Runtime, external_id: str = WALTER) -> Patient:
    patient = await rt.service.patient(1, external_id)
    assert patient is not None
    return patient


async def _outbox(rt: Runtime, patient: Patient) -> list[OutboundMessage]:
    async with rt.db.session() as session:
        rows = await session.scalars(
            select(OutboundMessage)
            .where(OutboundMessage.patient_id == patient.id)
            .order_by(OutboundMessage.id)
        )
        return list(rows)


async def _case(rt: Runtime, patient: Patient) -> Case | None:
    async with rt.db.session() as session:
        return await session.scalar(
            select(Case).where(Case.patient_id == patient.id, Case.status != "resolved")
        )


async def test_a_carer_saying_he_cannot_feel_his_legs_opens_the_patients_emergency_advised_to_the_carer(
    rt: Runtime,
) -> None:
    walter = await _patient(rt)
    ana = await add_carer(rt)
    received = await rt.service.receive(walter, "simulator", "c1", "he can't feel his legs", carer=ana)
    assert received.outcome is not None
    assert received.outcome.level == "emergency"
    case = await _case(rt, walter)
    assert case is not None
    assert case.level == "emergency"
    [safety] = [m for m in await _outbox(rt, walter) if m.kind == "safety"]
    assert safety.carer_id == ana.id
    assert safety.address == f"carer-{ana.id}"
    assert "911" in safety.text
    async with rt.db.session() as session:
        stored = await session.scalar(select(InboundMessage).where(InboundMessage.provider_id == "c1"))
    assert stored is not None
    assert stored.carer_id == ana.id


async def test_the_case_events_a_carers_messages_cause_name_the_carer(
    rt: Runtime, clock: ManualClock
) -> None:
    walter = await _patient(rt)
    ana = await add_carer(rt)
    await rt.service.receive(walter, "simulator", "p1", "my back is sore since yesterday")
    clock.advance(minutes=30)
    await rt.service.receive(walter, "simulator", "c1", "he says his feet are numb now", carer=ana)
    clock.advance(minutes=5)
    await rt.service.receive(walter, "simulator", "c2", "NURSE", carer=ana)
    case = await _case(rt, walter)
    assert case is not None
    async with rt.db.session() as session:
        rows = await session.execute(
            select(CaseEvent.kind, CaseEvent.actor).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)
        )
        events = [(kind, actor) for kind, actor in rows]
    carer = f"carer:{ana.id}"
    assert events[0] == ("opened", "system")  # Vigil's reading of Walter's own words
    assert ("raised", carer) in events
    assert ("nurse_requested", carer) in events
    assert {actor for kind, actor in events if kind == "paged"} <= {"system"}  # Vigil pages


async def test_my_husband_from_his_wife_the_carer_is_the_patient(rt: Runtime) -> None:
    walter = await _patient(rt)
    wife = await add_carer(rt, name="June", relationship="wife")
    received = await rt.service.receive(
        walter, "simulator", "c1", "my husband is coughing up blood, about a cupful", carer=wife
    )
    assert received.outcome is not None
    assert received.outcome.level == "emergency"
    case = await _case(rt, walter)
    assert case is not None


async def test_the_same_words_from_the_patient_are_about_someone_else(rt: Runtime) -> None:
    walter = await _patient(rt)
    received = await rt.service.receive(walter, "simulator", "p1", "my husband can't feel his legs")
    assert received.outcome is not None
    assert received.outcome.level == "none"
    assert await _case(rt, walter) is None


async def test_a_red_flag_clearly_not_about_the_patient_gets_the_other_person_advice(rt: Runtime) -> None:
    walter = await _patient(rt)
    ana = await add_carer(rt)
    text = "my neighbour is coughing up blood, he is not a patient of yours"
    await rt.service.receive(walter, "simulator", "c1", text, carer=ana)
    assert await _case(rt, walter) is None
    [safety] = [m for m in await _outbox(rt, walter) if m.kind == "safety"]
    assert safety.carer_id == ana.id


async def test_a_carers_message_joins_the_patients_conversation(rt: Runtime, clock: ManualClock) -> None:
    walter = await _patient(rt)
    ana = await add_carer(rt)
    await rt.service.receive(walter, "simulator", "p1", "my back is sore since yesterday")
    clock.advance(minutes=30)
    received = await rt.service.receive(
        walter, "simulator", "c1", "now she says... he says his feet are numb", carer=ana
    )
    assert received.outcome is not None
    assert received.outcome.level == "emergency"


async def test_stop_from_a_carer_stops_only_the_carer(rt: Runtime, clock: ManualClock) -> None:
    walter = await _patient(rt)
    ana = await add_carer(rt)
    await rt.service.receive(walter, "simulator", "c1", "STOP", carer=ana)
    async with rt.db.session() as session:
        carer = await session.get(Carer, ana.id)
        patient = await session.get(Patient, walter.id)
    assert carer is not None
    assert carer.opted_out_at is not None
    assert patient is not None
    assert patient.status == "active"
    notice, said = await _outbox(rt, walter)  # his opt-in notice from the import, then hers
    assert (notice.carer_id, notice.text) == (None, opt_in_notice())
    assert (said.carer_id, said.kind) == (ana.id, "info")
    assert "no more messages" in said.text
    # The patient's check-in still goes out, to the patient.
    clock.set(DUE)
    assert await rt.service.send_due() >= 1
    question = (await _outbox(rt, walter))[-1]
    assert (question.kind, question.carer_id, question.address) == ("question", None, walter.address)
    # What the carer writes now is still read; only safety advice answers them.
    await rt.service.receive(walter, "simulator", "c2", "what time is his appointment", carer=ana)
    assert [m for m in await _outbox(rt, walter) if m.carer_id == ana.id and m.kind == "reply"] == []


async def test_a_carer_may_answer_the_patients_check_in(rt: Runtime, clock: ManualClock) -> None:
    walter = await _patient(rt)
    ana = await add_carer(rt)
    clock.set(DUE)
    await rt.service.send_due()
    before = len(await _outbox(rt, walter))
    received = await rt.service.receive(walter, "simulator", "c1", "0", carer=ana)
    assert received.outcome is not None
    # The next question goes to the patient, whose check-in it is.
    nxt, *_ = (await _outbox(rt, walter))[before:]
    assert nxt.kind == "question"
    assert nxt.carer_id is None


async def test_a_spanish_speaking_carer_is_answered_in_spanish(rt: Runtime) -> None:
    walter = await _patient(rt)
    rosa = await add_carer(rt, name="Rosa", relationship="esposa", language="es")
    await rt.service.receive(walter, "simulator", "c1", "mi esposo no puede caminar", carer=rosa)
    [safety] = [m for m in await _outbox(rt, walter) if m.kind == "safety"]
    assert safety.carer_id == rosa.id
    assert "911" in safety.text
    assert "llame" in safety.text.lower()


async def test_follow_up_questions_go_to_the_carer_who_wrote(rt: Runtime) -> None:
    walter = await _patient(rt, "MRN-100871")
    ana = await add_carer(rt, "MRN-100871", phone=None)
    await rt.service.receive(walter, "simulator", "c1", "her back has been aching for days", carer=ana)
    questions = [m for m in await _outbox(rt, walter) if m.kind == "question"]
    assert questions
    assert all(q.carer_id == ana.id for q in questions)


async def test_stop_from_the_carer_ends_the_questions_their_message_started(rt: Runtime) -> None:
    maria = await _patient(rt, "MRN-100871")
    ana = await add_carer(rt, "MRN-100871", phone=None)
    await rt.service.receive(maria, "simulator", "c1", "her back has been aching for days", carer=ana)
    await rt.service.receive(maria, "simulator", "c2", "STOP", carer=ana)
    async with rt.db.session() as session:
        statuses = set(await session.scalars(select(FollowUp.status).where(FollowUp.carer_id == ana.id)))
    assert statuses == {"stopped"}


async def test_a_round_a_spanish_speaking_carer_started_behind_a_check_in_is_asked_of_them_in_spanish(
    rt: Runtime, clock: ManualClock
) -> None:
    # Maria reads English; her daughter writes Spanish. The round waits behind Maria's check-in,
    # and is narrowed in the language it asks in when the check-in ends.
    carer = await add_carer(rt, "MRN-100871", name="Lucia", phone="+16175550143", language="es")
    maria = await _patient(rt, "MRN-100871")
    clock.set(DUE)
    await rt.service.send_due()
    await rt.service.receive(maria, "simulator", "l1", "le duele la espalda desde hace dias", carer=carer)

    async def status() -> str:
        async with rt.db.session() as session:
            return str(await session.scalar(select(FollowUp.status)))

    assert await status() == "waiting"
    for i in range(6):  # Maria answers her check-in to its end
        if await status() != "waiting":
            break
        clock.advance(minutes=1)
        await rt.service.receive(maria, "simulator", f"m{i}", "no")
    assert await status() == "asking"
    asked = [m for m in await _outbox(rt, maria) if m.kind == "question" and m.carer_id == carer.id]
    assert "piernas" in asked[-1].text
