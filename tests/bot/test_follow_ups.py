"""Follow-up questions: asked at once on a red-flag family, a yes raises at once, no answer
leaves an event on the case; one round per family per day, never after an emergency, never
over an open check-in question."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.bot.models import FollowUp
from vigil.core.clock import ManualClock
from vigil.core.models import OutboundMessage, Patient, Staff
from vigil.escalation.models import Assessment, Case, CaseEvent, CaseReason
from vigil.scheduler.models import CheckIn
from vigil.web.api import send_reply

from ..conftest import DUE, NURSE, opt_in_notice

MARIA = "MRN-100871"  # no treatment context on record
INTRO = "a few quick questions"


async def _patient(rt: Runtime) -> Patient:
    patient = await rt.service.patient(1, MARIA)
    assert patient is not None
    return patient


async def _said(rt: Runtime, patient: Patient) -> list[OutboundMessage]:
    async with rt.db.session() as session:
        mine = select(OutboundMessage).where(OutboundMessage.patient_id == patient.id)
        return list(await session.scalars(mine.order_by(OutboundMessage.id)))


async def _case(rt: Runtime, patient: Patient) -> Case:
    async with rt.db.session() as session:
        case = await session.scalar(
            select(Case).where(Case.patient_id == patient.id, Case.status != "resolved")
        )
    assert case is not None
    return case


async def _events(rt: Runtime, case: Case) -> list[CaseEvent]:
    async with rt.db.session() as session:
        mine = select(CaseEvent).where(CaseEvent.case_id == case.id)
        return list(await session.scalars(mine.order_by(CaseEvent.id)))


async def _rounds(rt: Runtime) -> list[FollowUp]:
    async with rt.db.session() as session:
        return list(await session.scalars(select(FollowUp).order_by(FollowUp.id)))


async def _say(rt: Runtime, patient: Patient, key: str, text: str) -> None:
    received = await rt.service.receive(patient, "simulator", key, text)
    assert received.outcome is not None


async def test_back_pain_asks_the_spinal_questions_and_a_yes_raises_to_emergency_at_once(rt: Runtime) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    assert (await _case(rt, maria)).level == "routine"
    notice, *said = await _said(rt, maria)  # her opt-in notice from the import came first
    assert notice.text == opt_in_notice()
    assert [m.kind for m in said] == ["reply", "question"]  # the routine advice, then the question
    question = said[-1]
    assert INTRO in question.text
    assert "legs" in question.text
    assert question.text.endswith("Reply YES or NO.")
    [round_] = await _rounds(rt)
    assert question.buttons == [[["Yes", f"f:{round_.id}:0:0"], ["No", f"f:{round_.id}:0:1"]]]

    await _say(rt, maria, "m2", "yes")
    case = await _case(rt, maria)
    assert case.level == "emergency"
    async with rt.db.session() as session:
        rules = set(await session.scalars(select(CaseReason.rule).where(CaseReason.case_id == case.id)))
    assert "mscc-neuro" in rules
    said = await _said(rt, maria)
    assert said[-1].kind == "safety"
    assert "911" in said[-1].text
    [round_] = await _rounds(rt)
    assert round_.status == "stopped"  # never more questions after an emergency
    kinds = [e.kind for e in await _events(rt, case)]
    assert "follow_up_asked" in kinds
    assert "paged" in kinds


async def test_no_to_every_question_walks_the_round_and_thanks_without_raising(rt: Runtime) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    for i in range(4):
        await _say(rt, maria, f"a{i}", "no")
    said = await _said(rt, maria)
    questions = [m for m in said if m.kind == "question"]
    assert len(questions) == 4
    assert INTRO in questions[0].text
    assert all(INTRO not in q.text for q in questions[1:])
    assert "care team can see your answers" in said[-1].text
    [round_] = await _rounds(rt)
    assert round_.status == "done"
    case = await _case(rt, maria)
    assert case.level == "routine"
    assert "follow_up_unanswered" not in [e.kind for e in await _events(rt, case)]


async def test_unanswered_questions_leave_the_case_at_its_level_with_an_event(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.advance(timedelta(minutes=29))
    await rt.tick()
    assert (await _rounds(rt))[0].status == "asking"
    clock.advance(timedelta(minutes=2))
    stats = await rt.tick()
    assert stats["follow_ups"] == 1
    case = await _case(rt, maria)
    assert case.level == "routine"
    [event] = [e for e in await _events(rt, case) if e.kind == "follow_up_unanswered"]
    assert event.detail["family"] == "back or neck pain"
    # The one question sent is the one not answered; the three after it were never sent.
    assert len(event.detail["unanswered"]) == 1
    assert len(event.detail["never_sent"]) == 3
    assert (await _rounds(rt))[0].status == "unanswered"


async def test_a_bare_yes_more_than_twelve_hours_after_the_question_is_read_alone(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.advance(timedelta(hours=12, minutes=1))
    await _say(rt, maria, "m2", "yes")  # to what? the question was asked half a day ago
    assert (await _case(rt, maria)).level == "routine"


async def test_one_round_per_family_per_day(rt: Runtime, clock: ManualClock) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    for i in range(4):
        await _say(rt, maria, f"a{i}", "no")
    clock.advance(timedelta(hours=3))
    await _say(rt, maria, "m2", "back still aching")
    assert len(await _rounds(rt)) == 1
    clock.advance(timedelta(hours=22))
    await _say(rt, maria, "m3", "back still aching")
    assert len(await _rounds(rt)) == 2


async def test_no_questions_after_an_emergency(rt: Runtime) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back is agony and my legs have gone weak")
    assert (await _case(rt, maria)).level == "emergency"
    await _say(rt, maria, "m2", "and a headache now")
    assert await _rounds(rt) == []
    assert not [m for m in await _said(rt, maria) if m.kind == "question"]


async def test_questions_the_conversation_already_answered_are_not_asked(rt: Runtime) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "back is sore, no weakness in my legs and no trouble walking")
    [round_] = await _rounds(rt)
    texts = [q["text"] for q in round_.questions]
    assert not any("weak or heavy" in t for t in texts)
    assert not any("walking" in t for t in texts)
    assert any("urine" in t for t in texts)


async def test_a_fever_without_a_number_asks_for_it_and_about_treatment(rt: Runtime) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "I think I have a temperature")
    *_, question = await _said(rt, maria)
    assert "What is your temperature now?" in question.text
    assert question.buttons is None  # a number, not a yes or no
    await _say(rt, maria, "m2", "no")  # not measured: not "no fever"
    case = await _case(rt, maria)
    assert case.level == "urgent"
    *_, chemo = await _said(rt, maria)
    assert "chemotherapy" in chemo.text
    await _say(rt, maria, "m3", "yes")
    assert (await _case(rt, maria)).level == "emergency"  # neutropenic-fever


async def test_someone_elses_red_flag_gets_the_call_advice_and_no_case(rt: Runtime) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my husband has crushing chest pain and is sweating")
    notice, *said = await _said(rt, maria)
    assert notice.text == opt_in_notice()
    assert [m.kind for m in said] == ["safety"]
    assert "911" in said[0].text
    async with rt.db.session() as session:
        assert await session.scalar(select(Case).where(Case.patient_id == maria.id)) is None
    assert await _rounds(rt) == []


async def test_questions_wait_for_an_open_check_in_to_close(rt: Runtime, clock: ManualClock) -> None:
    maria = await _patient(rt)
    clock.set(DUE)
    await rt.service.send_due()
    said = await _said(rt, maria)
    assert said[-1].kind == "question"
    await _say(rt, maria, "c1", "my back aches a bit, 4")
    [round_] = await _rounds(rt)
    assert round_.status == "waiting"
    # Answer the check-in to its end; the red-flag questions follow it.
    for i in range(10):
        async with rt.db.session() as session:
            still = await session.scalar(select(FollowUp.status).where(FollowUp.id == round_.id))
        if still != "waiting":
            break
        await _say(rt, maria, f"c{i + 2}", "no")
    [round_] = await _rounds(rt)
    assert round_.status == "asking"
    assert INTRO in (await _said(rt, maria))[-1].text


async def test_a_waiting_round_drops_the_questions_the_check_in_answers_answered(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    clock.set(DUE)
    await rt.service.send_due()
    await _say(rt, maria, "c1", "my back aches a bit, 4")
    [round_] = await _rounds(rt)
    assert round_.status == "waiting"
    await _say(rt, maria, "c2", "no weakness in my legs, no trouble walking")
    for i in range(10):
        async with rt.db.session() as session:
            still = await session.scalar(select(FollowUp.status).where(FollowUp.id == round_.id))
        if still != "waiting":
            break
        await _say(rt, maria, f"c{i + 3}", "no")
    [round_] = await _rounds(rt)
    assert round_.status == "asking"
    texts = [q["text"] for q in round_.questions]
    assert not any("weak or heavy" in t for t in texts)
    assert not any("walking" in t for t in texts)
    assert any("urine" in t for t in texts)


async def test_a_spanish_speaking_patient_is_read_in_spanish_and_answered_in_spanish(rt: Runtime) -> None:
    maria = await _patient(rt)
    async with rt.db.transaction() as session:
        row = await session.get(Patient, maria.id)
        assert row is not None
        row.language = "es"
    maria.language = "es"
    await _say(rt, maria, "s1", "tengo un dolor fuerte en la columna y las piernas flojas")
    case = await _case(rt, maria)
    assert case.level == "emergency"
    safety = [m for m in await _said(rt, maria) if m.kind == "safety"]
    assert safety
    assert "911" in safety[-1].text
    assert "llame" in safety[-1].text.lower()  # the advice in Spanish


async def test_a_spanish_speaking_patient_gets_the_red_flag_questions_in_spanish(rt: Runtime) -> None:
    maria = await _patient(rt)
    async with rt.db.transaction() as session:
        row = await session.get(Patient, maria.id)
        assert row is not None
        row.language = "es"
    maria.language = "es"
    await _say(rt, maria, "s1", "me duele mucho la espalda desde ayer")
    question = [m for m in await _said(rt, maria) if m.kind == "question"][-1]
    assert "piernas" in question.text
    await _say(rt, maria, "s2", "Sí")
    assert (await _case(rt, maria)).level == "emergency"


async def test_an_answer_that_is_neither_yes_nor_no_shows_the_question_as_not_answered(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "m2", "not sure")
    case = await _case(rt, maria)
    [event] = [e for e in await _events(rt, case) if e.kind == "follow_up_unanswered"]
    assert event.detail["unclear"] is True
    assert len(event.detail["unanswered"]) == 1  # the question "not sure" answered
    assert (await _rounds(rt))[0].position == 1  # and the round goes on to the next


async def test_a_plain_no_is_an_answer_and_leaves_no_such_event(rt: Runtime, clock: ManualClock) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "m2", "no")
    case = await _case(rt, maria)
    assert "follow_up_unanswered" not in [e.kind for e in await _events(rt, case)]


async def test_taking_back_what_started_the_round_stops_its_questions(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    asked = [m.text for m in await _said(rt, maria) if m.kind == "question"]
    assert len(asked) == 1
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "m2", "sorry ignore that, wrong chat")
    assert [m.text for m in await _said(rt, maria) if m.kind == "question"] == asked  # nothing more asked
    assert (await _rounds(rt))[0].status == "stopped"


async def test_a_no_to_the_question_is_no_taking_back_and_the_round_goes_on(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "m2", "no")
    assert len([m for m in await _said(rt, maria) if m.kind == "question"]) == 2
    assert (await _rounds(rt))[0].status == "asking"


async def test_unanswered_event_names_families_and_questions_in_the_nurses_language(
    rt: Runtime, clock: ManualClock
) -> None:
    # The patient reads Spanish; the nurses of this English-speaking clinic read the case.
    maria = await _patient(rt)
    async with rt.db.transaction() as session:
        row = await session.get(Patient, maria.id)
        assert row is not None
        row.language = "es"
    maria.language = "es"
    await _say(rt, maria, "s1", "me duele mucho la espalda desde ayer")
    question = [m for m in await _said(rt, maria) if m.kind == "question"][-1]
    assert "piernas" in question.text  # the patient is asked in Spanish
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "s2", "no sé")  # neither yes nor no
    clock.advance(timedelta(minutes=31))
    await rt.tick()
    case = await _case(rt, maria)
    events = await _events(rt, case)
    [asked] = [e for e in events if e.kind == "follow_up_asked"]
    assert asked.detail["family"] == "back or neck pain"
    unclear, late = [e for e in events if e.kind == "follow_up_unanswered"]
    assert unclear.detail["family"] == late.detail["family"] == "back or neck pain"
    assert unclear.detail["unanswered"] == ["Have your legs become weak or heavy, or harder to move?"]
    assert late.detail["unanswered"] == [
        "Any numbness in your legs, or between your legs or around your bottom?"
    ]
    assert late.detail["never_sent"] == [
        "Are you having trouble walking?",
        "Any trouble passing urine, or controlling your bladder or bowels?",
    ]


async def test_free_text_that_says_the_symptom_asks_the_check_ins_conditional_question(
    rt: Runtime, clock: ManualClock
) -> None:
    # "back_pain >= 1" asks the onset question: "my back aches" says so, without a number.
    maria = await _patient(rt)
    clock.set(DUE)
    await rt.service.send_due()
    await _say(rt, maria, "c1", "my back has been aching for a few days")
    questions = [m.text for m in await _said(rt, maria) if m.kind == "question"]
    assert "Did the back pain come on suddenly?" in questions[-1]


async def test_questions_waiting_behind_a_check_in_nobody_finishes_are_asked_when_it_expires(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    clock.set(DUE)
    await rt.service.send_due()
    async with rt.db.session() as session:
        expires = await session.scalar(select(CheckIn.expires_at).where(CheckIn.patient_id == maria.id))
    assert expires == DUE + timedelta(hours=24)  # the demo protocol's expire_after
    await _say(rt, maria, "c1", "my back has been aching for a few days")
    [round_] = await _rounds(rt)
    assert round_.status == "waiting"  # behind the check-in's next question
    # She answers nothing more. Hours pass: the round keeps waiting for the check-in...
    for hours in (6, 13, 23):
        clock.set(DUE + timedelta(hours=hours))
        await rt.tick()
        assert (await _rounds(rt))[0].status == "waiting"
    # ...and no longer than the check-in itself: when it expires, the questions are asked.
    clock.set(expires + timedelta(minutes=1))
    await rt.tick()
    assert (await _rounds(rt))[0].status == "asking"
    last = (await _said(rt, maria))[-1]
    assert last.kind == "question"
    assert INTRO in last.text


async def _spanish(rt: Runtime) -> Patient:
    maria = await _patient(rt)
    async with rt.db.transaction() as session:
        row = await session.get(Patient, maria.id)
        assert row is not None
        row.language = "es"
    maria.language = "es"
    return maria


async def _nurse_writes(rt: Runtime, patient: Patient, text: str) -> None:
    case = await _case(rt, patient)
    async with rt.db.session() as session:
        nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
    assert nurse is not None
    await send_reply(rt, nurse, case.id, text, "web")


async def test_a_nurse_writing_to_the_patient_ends_the_pending_red_flag_round_with_an_event(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _spanish(rt)
    await _say(rt, maria, "s1", "me duele mucho la espalda desde ayer")
    clock.advance(timedelta(minutes=5))
    await _nurse_writes(rt, maria, "¿Puede venir mañana a las 10?")
    [round_] = await _rounds(rt)
    assert round_.status == "stopped"
    case = await _case(rt, maria)
    [event] = [e for e in await _events(rt, case) if e.kind == "follow_up_stopped"]
    assert event.detail["family"] == "back or neck pain"
    assert event.detail["cause"] == "nurse_wrote"
    assert event.detail["unanswered"] == ["Have your legs become weak or heavy, or harder to move?"]
    assert len(event.detail["never_sent"]) == 3  # in the nurses' words, the questions not asked


async def test_a_bare_yes_to_the_nurse_is_no_answer_to_the_red_flag_question_and_asks_no_more(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _spanish(rt)
    await _say(rt, maria, "s1", "me duele mucho la espalda desde ayer")
    asked = [m.text for m in await _said(rt, maria) if m.kind == "question"]
    clock.advance(timedelta(minutes=5))
    await _nurse_writes(rt, maria, "¿Puede venir mañana a las 10?")
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "s2", "sí, ahí estaré")
    case = await _case(rt, maria)
    assert case.level == "routine"  # no false emergency, no page
    assert "paged" not in [e.kind for e in await _events(rt, case)]
    assert [m.text for m in await _said(rt, maria) if m.kind == "question"] == asked


async def test_a_bare_no_to_the_nurse_is_no_denial_of_the_red_flag_question(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _spanish(rt)
    await _say(rt, maria, "s1", "me falta un poco el aire")
    clock.advance(timedelta(minutes=5))
    await _nurse_writes(rt, maria, "¿Usó hoy su inhalador?")
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "s2", "no")
    async with rt.db.session() as session:
        last = await session.scalar(select(Assessment).order_by(Assessment.id.desc()).limit(1))
    assert last is not None
    assert last.question is None  # read as free text, not with "breathless at rest?"


async def test_a_red_flag_in_the_reply_to_the_nurse_still_counts(rt: Runtime, clock: ManualClock) -> None:
    maria = await _spanish(rt)
    await _say(rt, maria, "s1", "me duele mucho la espalda desde ayer")
    clock.advance(timedelta(minutes=5))
    await _nurse_writes(rt, maria, "¿Puede venir mañana a las 10?")
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "s2", "sí, pero ahora tengo las piernas muy débiles y no puedo caminar")
    assert (await _case(rt, maria)).level == "emergency"


async def test_a_bare_yes_after_the_question_timed_out_still_answers_it_and_raises_at_once(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _spanish(rt)
    await _say(rt, maria, "s1", "me duele mucho la espalda desde ayer")
    clock.advance(timedelta(minutes=31))
    await rt.tick()
    assert (await _rounds(rt))[0].status == "unanswered"
    clock.advance(timedelta(minutes=40))
    await _say(rt, maria, "s2", "sí")
    case = await _case(rt, maria)
    assert case.level == "emergency"  # back pain and weak legs: mscc-neuro
    assert "911" in [m for m in await _said(rt, maria) if m.kind == "safety"][-1].text
    [late] = [e for e in await _events(rt, case) if e.kind == "follow_up_late"]
    assert late.detail["family"] == "back or neck pain"
    assert late.detail["question"] == "Have your legs become weak or heavy, or harder to move?"
    assert late.detail["minutes_late"] == 41


async def test_a_bare_yes_after_the_question_lapsed_before_the_sweep_closed_it_still_answers_it(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.advance(timedelta(hours=2))
    await _say(rt, maria, "m2", "yes")
    case = await _case(rt, maria)
    assert case.level == "emergency"
    kinds = [e.kind for e in await _events(rt, case)]
    assert kinds.index("follow_up_unanswered") < kinds.index("follow_up_late")


async def test_a_late_no_answers_the_question_and_the_round_goes_on(rt: Runtime, clock: ManualClock) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.advance(timedelta(minutes=31))
    await rt.tick()
    clock.advance(timedelta(minutes=10))
    await _say(rt, maria, "m2", "no")
    questions = [m for m in await _said(rt, maria) if m.kind == "question"]
    assert len(questions) == 2  # the next question of the round
    [round_] = await _rounds(rt)
    assert (round_.status, round_.position) == ("asking", 1)
    assert (await _case(rt, maria)).level == "routine"


async def test_a_bare_yes_after_a_nurse_wrote_since_the_question_timed_out_answers_the_nurse(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _spanish(rt)
    await _say(rt, maria, "s1", "me duele mucho la espalda desde ayer")
    clock.advance(timedelta(minutes=31))
    await rt.tick()
    await _nurse_writes(rt, maria, "¿Puede venir mañana a las 10?")
    clock.advance(timedelta(minutes=5))
    await _say(rt, maria, "s2", "sí")
    case = await _case(rt, maria)
    assert case.level == "routine"
    assert "follow_up_late" not in [e.kind for e in await _events(rt, case)]


async def test_a_yes_in_more_words_after_the_question_timed_out_is_read_as_free_text(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.advance(timedelta(minutes=31))
    await rt.tick()
    clock.advance(timedelta(minutes=5))
    await _say(rt, maria, "m2", "my back still aches, yes")  # more than a bare yes: free text
    assert (await _case(rt, maria)).level == "routine"


async def _checkins(rt: Runtime, patient: Patient) -> list[CheckIn]:
    async with rt.db.session() as session:
        return list(await session.scalars(select(CheckIn).where(CheckIn.patient_id == patient.id)))


async def test_a_check_in_that_comes_due_during_a_red_flag_round_waits_for_the_round_to_be_answered(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _spanish(rt)
    clock.set(DUE - timedelta(minutes=5))
    await _say(rt, maria, "s1", "me duele mucho la espalda desde ayer")
    clock.set(DUE)
    await rt.tick()
    assert await _checkins(rt, maria) == []  # held: the red-flag question waits for its answer
    assert (await _said(rt, maria))[-1].kind == "question"
    await _say(rt, maria, "s2", "sí")  # so it answers the red-flag question, not the 0-10 one
    assert (await _case(rt, maria)).level == "emergency"


async def test_a_check_in_held_behind_a_red_flag_round_is_sent_when_the_round_times_out(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    clock.set(DUE - timedelta(minutes=5))
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.set(DUE)
    await rt.tick()
    assert await _checkins(rt, maria) == []
    clock.set(DUE + timedelta(minutes=26))  # the question lapsed a minute ago
    await rt.tick()
    [checkin] = await _checkins(rt, maria)
    assert checkin.status == "open"
    assert (await _rounds(rt))[0].status == "unanswered"


async def test_a_check_in_held_behind_a_red_flag_round_is_sent_when_the_round_is_answered(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    clock.set(DUE - timedelta(minutes=5))
    await _say(rt, maria, "m1", "my back has been aching for a few days")
    clock.set(DUE)
    await rt.tick()
    for i in range(4):
        await _say(rt, maria, f"a{i}", "no")
    assert (await _rounds(rt))[0].status == "done"
    await rt.tick()
    [checkin] = await _checkins(rt, maria)
    assert checkin.status == "open"


async def _waiting_behind_a_check_in(rt: Runtime, clock: ManualClock) -> Patient:
    maria = await _patient(rt)
    clock.set(DUE)
    await rt.service.send_due()
    await _say(rt, maria, "c1", "my back has been aching for a few days")
    [round_] = await _rounds(rt)
    assert round_.status == "waiting"
    return maria


async def test_a_round_waiting_behind_a_check_in_the_patient_pauses_says_on_the_case_it_was_not_sent(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _waiting_behind_a_check_in(rt, clock)
    clock.advance(timedelta(minutes=3))
    await _say(rt, maria, "c2", "PAUSE")
    assert (await _rounds(rt))[0].status == "stopped"
    [event] = [e for e in await _events(rt, await _case(rt, maria)) if e.kind == "follow_up_not_sent"]
    assert event.detail["family"] == "back or neck pain"
    assert event.detail["cause"] == "opted_out"
    assert len(event.detail["never_sent"]) == 4


async def test_a_round_that_waited_too_long_to_be_asked_says_on_the_case_it_was_not_sent(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _waiting_behind_a_check_in(rt, clock)
    # Their carrier reports the number opted out (a delivery report, not a STOP to us): the
    # round is never asked, and goes stale.
    async with rt.db.transaction() as session:
        row = await session.get(Patient, maria.id)
        assert row is not None
        row.status = "opted_out"
    clock.advance(timedelta(hours=24 + 12, minutes=1))
    await rt.tick()
    assert (await _rounds(rt))[0].status == "stopped"
    [event] = [e for e in await _events(rt, await _case(rt, maria)) if e.kind == "follow_up_not_sent"]
    assert (event.detail["family"], event.detail["cause"]) == ("back or neck pain", "stale")


async def test_a_round_waiting_when_an_emergency_is_raised_says_on_the_case_it_was_not_sent(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _waiting_behind_a_check_in(rt, clock)
    clock.advance(timedelta(minutes=3))
    await _say(rt, maria, "c2", "I'm coughing up lots of blood")
    case = await _case(rt, maria)
    assert case.level == "emergency"
    [event] = [e for e in await _events(rt, case) if e.kind == "follow_up_not_sent"]
    assert (event.detail["family"], event.detail["cause"]) == ("back or neck pain", "emergency")


NIGHT = datetime(2026, 11, 23, 3, 20, tzinfo=UTC)  # Sunday 22:20 in New York: quiet hours 21:00-08:00


async def test_a_round_queued_behind_an_unanswered_one_waits_for_the_end_of_quiet_hours(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _patient(rt)
    clock.set(NIGHT)
    await _say(rt, maria, "n1", "my back has been aching and I have a bad headache")
    first, second = await _rounds(rt)
    assert first.status == "asking"  # the answer to her own message: at once, quiet hours or not
    assert second.status == "waiting"
    clock.advance(timedelta(minutes=31))  # 22:51, and she has not answered
    await rt.tick()
    first, second = await _rounds(rt)
    assert first.status == "unanswered"
    assert second.status == "waiting"  # not at 23:00 to a patient who may be asleep
    assert len([m for m in await _said(rt, maria) if m.kind == "question"]) == 1
    clock.set(NIGHT + timedelta(hours=9, minutes=41))  # 08:01 in New York
    await rt.tick()
    second = (await _rounds(rt))[1]
    assert second.status == "asking"
    assert INTRO in [m for m in await _said(rt, maria) if m.kind == "question"][-1].text


async def test_a_round_whose_check_in_expires_in_quiet_hours_is_asked_when_they_end(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _waiting_behind_a_check_in(rt, clock)  # the check-in expires 24 h after DUE
    clock.set(DUE + timedelta(hours=24) - timedelta(hours=12, minutes=30))  # Monday 21:30
    await rt.tick()
    assert (await _rounds(rt))[0].status == "waiting"
    async with rt.db.transaction() as session:
        checkin = await session.scalar(select(CheckIn).where(CheckIn.patient_id == maria.id))
        assert checkin is not None
        checkin.expires_at = clock.now()  # a protocol whose check-ins expire at night
    clock.advance(timedelta(minutes=1))
    await rt.tick()
    assert (await _rounds(rt))[0].status == "waiting"
    clock.set(NIGHT + timedelta(days=1, hours=9, minutes=41))  # Tuesday 08:01 in New York
    await rt.tick()
    assert (await _rounds(rt))[0].status == "asking"


async def test_a_nurse_writing_while_a_round_waits_behind_a_check_in_says_on_the_case_it_was_not_sent(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await _waiting_behind_a_check_in(rt, clock)
    clock.advance(timedelta(minutes=3))
    await _nurse_writes(rt, maria, "Maria, how bad is the back pain today?")
    assert (await _rounds(rt))[0].status == "stopped"
    [event] = [e for e in await _events(rt, await _case(rt, maria)) if e.kind == "follow_up_not_sent"]
    assert (event.detail["family"], event.detail["cause"]) == ("back or neck pain", "nurse_wrote")
    assert event.actor == NURSE


async def _nurse_writes_during_a_check_in(
    rt: Runtime, clock: ManualClock, nurse: str, reply: str
) -> tuple[Patient, CheckIn, CheckIn]:
    """Maria's check-in is on its second question when a nurse writes; she replies. Her check-in
    before and after the reply."""
    maria = await _patient(rt)
    clock.set(DUE)
    await rt.service.send_due()
    await _say(rt, maria, "c1", "my back aches a bit, 4")
    [before] = await _checkins(rt, maria)
    assert before.status == "open"
    clock.advance(timedelta(minutes=3))
    await _nurse_writes(rt, maria, nurse)
    clock.advance(timedelta(minutes=2))
    await _say(rt, maria, "c2", reply)
    [after] = await _checkins(rt, maria)
    return maria, before, after


async def test_a_bare_no_to_a_nurse_who_wrote_during_a_check_in_is_no_answer_to_the_check_in(
    rt: Runtime, clock: ManualClock
) -> None:
    """The nurse's question is the newest thing the patient read: a bare "no" answers it, and
    the check-in's own question waits for its answer (a "no" to "did you take your painkillers?"
    must not be stored as "no new weakness")."""
    maria, before, after = await _nurse_writes_during_a_check_in(
        rt, clock, "Did you take your painkillers this morning?", "no"
    )
    assert (after.status, after.question_key) == ("open", before.question_key)
    async with rt.db.session() as session:
        last = await session.scalar(select(Assessment).order_by(Assessment.id.desc()).limit(1))
    assert last is not None
    assert last.question is None  # read as free text, not with the check-in's question
    assert "care team can see this message" in (await _said(rt, maria))[-1].text
    # The nurse is answered: the next "no" is the check-in's.
    clock.advance(timedelta(minutes=1))
    await _say(rt, maria, "c3", "no")
    [answered] = await _checkins(rt, maria)
    assert (answered.status, answered.question_key) != ("open", before.question_key)


async def test_a_bare_no_after_a_nurse_said_something_but_asked_nothing_answers_the_check_in(
    rt: Runtime, clock: ManualClock
) -> None:
    _, before, after = await _nurse_writes_during_a_check_in(
        rt, clock, "Thanks Maria, I will call you at 3.", "no"
    )
    assert (after.status, after.question_key) != ("open", before.question_key)


async def test_more_than_a_bare_yes_or_no_after_a_nurse_wrote_still_answers_the_check_in(
    rt: Runtime, clock: ManualClock
) -> None:
    _, before, after = await _nurse_writes_during_a_check_in(
        rt, clock, "Did you sleep?", "no weakness in my legs, no trouble walking"
    )
    assert (after.status, after.question_key) != ("open", before.question_key)
