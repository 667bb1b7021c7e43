"""Consent by text on the simulator (vigil/bot/enrolment.py): a patient enrolled on a text
channel hears who is writing first; YES records consent, NO opts out; a clinic that asks holds
check-ins until YES and asks once more a day later; a new channel or number hears it again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import Clinic, OutboundMessage, Patient
from vigil.escalation.models import Case
from vigil.escalation.triage.texts import say
from vigil.scheduler import checkins
from vigil.scheduler.models import CheckIn

from ..conftest import DUE, START, bearer

CLINIC = "Riverside Thoracic Oncology"
QUIET_ENDS = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)  # 08:00 in New York, START is 07:00
NEW = {
    "external_id": "MRN-200001",
    "name": "Iris Novak",
    "channel": "simulator",
    "timezone": "America/New_York",
    "protocol": "nsclc-weekly",
}
NOTICE = say("text_notice", "en", clinic=CLINIC, emergency_number="911")
ASK = say("consent_ask", "en", clinic=CLINIC, emergency_number="911") + " Reply YES or NO."


@pytest.fixture
async def admin(rt: Runtime) -> dict[str, str]:
    return await bearer(rt, "admin@riverside.example")


async def _asks(rt: Runtime) -> None:
    async with rt.db.transaction() as session:
        await session.execute(update(Clinic).values(text_consent="ask"))


async def _enrol(rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str], **more: Any) -> Patient:
    r = await client.post("/api/v1/patients", headers=admin, json={**NEW, **more})
    assert r.status_code == 201, r.text
    return await _patient(rt)


async def _patient(rt: Runtime, external_id: str = NEW["external_id"]) -> Patient:
    found = await rt.service.patient(1, external_id)
    assert found is not None
    return found


async def _sent(rt: Runtime, patient_id: int) -> list[OutboundMessage]:
    async with rt.db.session() as session:
        mine = select(OutboundMessage).where(OutboundMessage.patient_id == patient_id)
        return list(await session.scalars(mine.order_by(OutboundMessage.id)))


async def _write(client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock, text: str) -> None:
    clock.advance(minutes=1)
    r = await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": NEW["external_id"], "text": text}
    )
    assert r.status_code == 202, r.text


async def test_a_new_simulator_patient_hears_the_opt_in_notice_first_and_check_ins_start_on_schedule(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    iris = await _enrol(rt, client, admin)
    assert (iris.status, iris.consented_at, iris.consent_asked_at) == ("active", None, START)
    [notice] = await _sent(rt, iris.id)
    assert (notice.kind, notice.text, notice.buttons) == ("info", NOTICE, None)
    assert notice.text.endswith("Reply STOP to end them, HELP for help.")  # no YES asked for
    assert "in an emergency call 911" in notice.text
    # 07:00 in New York is inside the clinic's quiet hours: the outbox holds it until 08:00.
    assert notice.next_attempt_at == QUIET_ENDS
    await rt.service.dispatcher.dispatch_once()
    assert (await _sent(rt, iris.id))[0].status == "pending"
    clock.set(QUIET_ENDS)
    await rt.service.dispatcher.dispatch_once()
    assert (await _sent(rt, iris.id))[0].status == "delivered"

    # Check-ins do not wait for her YES.
    clock.set(DUE)
    await rt.service.send_due()
    notice_again, question = await _sent(rt, iris.id)
    assert notice_again.id == notice.id
    assert question.kind == "question"


async def test_yes_to_the_notice_records_consent_with_a_short_thanks(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    iris = await _enrol(rt, client, admin)
    await _write(client, auth, clock, "Yes")
    iris = await _patient(rt)
    assert (iris.status, iris.consented_at) == ("active", START + timedelta(minutes=1))
    _, thanks = await _sent(rt, iris.id)
    assert thanks.text == "Thank you, that is confirmed. In an emergency call 911."
    # A second YES is no longer an answer to anything: the usual reply to a message.
    await _write(client, auth, clock, "yes")
    *_, reply = await _sent(rt, iris.id)
    assert reply.text == say("not_watched", "en", emergency_number="911")
    assert (await _patient(rt)).consented_at == START + timedelta(minutes=1)


async def test_no_to_the_notice_opts_out_as_stop_does_and_no_check_in_follows(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    iris = await _enrol(rt, client, admin)
    await _write(client, auth, clock, "no")
    iris = await _patient(rt)
    assert (iris.status, iris.consented_at) == ("opted_out", None)
    _, said = await _sent(rt, iris.id)
    assert said.text == say("consent_no", "en", emergency_number="911")
    clock.set(DUE)
    await rt.service.send_due()
    assert [m.kind for m in await _sent(rt, iris.id)] == ["info", "info"]


async def test_a_yes_while_a_check_in_question_is_open_answers_the_question_not_the_notice(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    iris = await _enrol(rt, client, admin)
    clock.set(DUE)
    await rt.service.send_due()
    await _write(client, auth, clock, "no")  # "no" to the check-in's question is no opt-out
    iris = await _patient(rt)
    assert (iris.status, iris.consented_at) == ("active", None)
    async with rt.db.session() as session:
        checkin = await session.scalar(select(CheckIn).where(CheckIn.patient_id == iris.id))
    assert checkin is not None
    assert checkin.answered_any


async def test_once_a_check_in_has_opened_a_no_is_conversation_not_an_opt_out(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    iris = await _enrol(rt, client, admin)
    clock.set(DUE)
    await rt.service.send_due()
    async with rt.db.transaction() as session:
        await checkins.stop_open(session, iris.id, clock.now())  # as a red flag stops it
    await _write(client, auth, clock, "no")
    iris = await _patient(rt)
    assert (iris.status, iris.consented_at) == ("active", None)
    *_, reply = await _sent(rt, iris.id)
    assert reply.text == say("not_watched", "en", emergency_number="911")


async def test_a_clinic_that_asks_holds_check_ins_until_yes_and_asks_once_more_after_a_day(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    await _asks(rt)
    iris = await _enrol(rt, client, admin)
    assert (iris.status, iris.consented_at) == ("awaiting_consent", None)
    [question] = await _sent(rt, iris.id)
    assert (question.text, question.buttons, question.next_attempt_at) == (ASK, None, QUIET_ENDS)

    clock.set(DUE)
    await rt.service.send_due()
    assert len(await _sent(rt, iris.id)) == 1  # no check-in before her YES

    clock.set(START + timedelta(hours=23, minutes=59))
    await rt.tick()
    assert len(await _sent(rt, iris.id)) == 1
    clock.set(START + timedelta(hours=24))
    stats = await rt.tick()
    assert stats["consent_reminded"] == 1
    _, reminder = await _sent(rt, iris.id)
    assert reminder.text == f"Reminder: {ASK}"
    clock.advance(hours=48)
    await rt.tick()
    assert len(await _sent(rt, iris.id)) == 2  # once, and then the patient page says she has not agreed

    await _write(client, auth, clock, "yes")
    iris = await _patient(rt)
    assert (iris.status, iris.consented_at is not None) == ("active", True)
    *_, thanks = await _sent(rt, iris.id)
    assert thanks.text == say("consent_yes", "en", emergency_number="911")


async def test_a_patient_who_has_not_agreed_is_still_triaged_and_a_red_flag_gets_advice_and_a_case(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    await _asks(rt)
    iris = await _enrol(rt, client, admin)
    await _write(client, auth, clock, "yes I have new weakness in my legs and back pain")
    async with rt.db.session() as session:
        case = await session.scalar(select(Case).where(Case.patient_id == iris.id))
    assert case is not None
    assert case.level == "emergency"
    assert any(m.kind == "safety" for m in await _sent(rt, iris.id))
    assert (await _patient(rt)).status == "awaiting_consent"


async def test_a_no_from_a_patient_who_was_asked_opts_out(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    await _asks(rt)
    await _enrol(rt, client, admin)
    await _write(client, auth, clock, "No thanks")
    iris = await _patient(rt)
    assert iris.status == "opted_out"
    clock.set(START + timedelta(days=2))
    await rt.tick()
    assert [m.text for m in await _sent(rt, iris.id)][1:] == [say("consent_no", "en", emergency_number="911")]


async def test_moving_to_the_simulator_sends_the_notice_and_saving_again_does_not(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    iris = await _enrol(rt, client, admin, channel="telegram")
    assert iris.status == "invited"
    assert await _sent(rt, iris.id) == []
    r = await client.patch(
        f"/api/v1/patients/{NEW['external_id']}", headers=admin, json={"channel": "simulator"}
    )
    assert r.status_code == 200, r.text
    iris = await _patient(rt)
    assert iris.status == "active"
    assert [m.text for m in await _sent(rt, iris.id)] == [NOTICE]
    r = await client.patch(f"/api/v1/patients/{NEW['external_id']}", headers=admin, json={"name": "Iris N."})
    assert r.status_code == 200, r.text
    assert len(await _sent(rt, iris.id)) == 1


async def test_a_discharged_patient_moved_to_a_text_channel_gets_nothing(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    iris = await _enrol(rt, client, admin, channel="telegram")
    r = await client.post(f"/api/v1/patients/{NEW['external_id']}/discharge", headers=admin)
    assert r.status_code == 200, r.text
    r = await client.patch(
        f"/api/v1/patients/{NEW['external_id']}", headers=admin, json={"channel": "simulator"}
    )
    assert r.status_code == 200, r.text
    assert await _sent(rt, iris.id) == []


async def test_stop_and_help_still_work_before_any_answer(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    await _asks(rt)
    iris = await _enrol(rt, client, admin)
    await _write(client, auth, clock, "HELP")
    await _write(client, auth, clock, "STOP")
    iris = await _patient(rt)
    assert iris.status == "opted_out"
    texts = [m.text for m in await _sent(rt, iris.id)]
    assert texts[1] == say("keyword_help", "en", clinic=CLINIC, emergency_number="911")
    assert texts[2].startswith(f"You will get no more check-ins from {CLINIC}.")


async def _maria(rt: Runtime) -> Patient:
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    return maria


async def test_a_no_after_a_lapsed_red_flag_question_is_not_an_opt_out(
    rt: Runtime, clock: ManualClock
) -> None:
    """The notice was the last thing but one: the red-flag questions came after it, so a late
    "no" answers them (or nothing), never the notice."""
    await rt.service.receive(await _maria(rt), "simulator", "m1", "my back has been aching for a few days")
    clock.advance(timedelta(minutes=40))  # the questions lapsed unanswered
    await rt.service.receive(await _maria(rt), "simulator", "m2", "no")
    maria = await _maria(rt)
    assert (maria.status, maria.consented_at) == ("active", None)


async def test_a_no_to_a_nurses_question_is_not_an_opt_out(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    await rt.service.receive(await _maria(rt), "simulator", "m1", "my back has been aching for a few days")
    async with rt.db.session() as session:
        case = await session.scalar(select(Case).where(Case.patient_id == (await _maria(rt)).id))
    assert case is not None
    clock.advance(timedelta(minutes=45))
    await rt.tick()
    nurse = await bearer(rt)
    r = await client.post(
        f"/api/v1/cases/{case.id}/reply", headers=nurse, json={"text": "Is the pain worse than yesterday?"}
    )
    assert r.status_code < 300, r.text
    await rt.service.receive(await _maria(rt), "simulator", "m2", "no")
    maria = await _maria(rt)
    assert (maria.status, maria.consented_at) == ("active", None)


async def test_a_patient_with_no_check_in_protocol_is_not_told_they_are_signed_up_for_check_ins(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, admin: dict[str, str], auth: dict[str, str]
) -> None:
    iris = await _enrol(rt, client, admin, protocol=None)
    [notice] = await _sent(rt, iris.id)
    assert notice.text == say("text_notice_no_checkins", "en", clinic=CLINIC, emergency_number="911")
    assert "signed you up for check-ins" not in notice.text
    assert "no scheduled check-ins" in notice.text  # what is true: the line reads what they write
    await _write(client, auth, clock, "yes")  # a YES still confirms it
    assert (await _patient(rt)).consented_at is not None
    # A clinic that asks first asks for what it will do, and its thanks promise no check-ins.
    await _asks(rt)
    r = await client.post("/api/v1/patients", headers=admin, json={**NEW, "external_id": "MRN-200002"})
    assert r.status_code == 201, r.text
    r = await client.post(
        "/api/v1/patients", headers=admin, json={**NEW, "external_id": "MRN-200003", "protocol": None}
    )
    assert r.status_code == 201, r.text
    with_protocol, without = await _patient(rt, "MRN-200002"), await _patient(rt, "MRN-200003")
    [asked] = await _sent(rt, with_protocol.id)
    assert asked.text == ASK  # as before for a patient with check-ins
    [asked] = await _sent(rt, without.id)
    assert "send you short check-in questions" not in asked.text
    assert "no scheduled check-ins" in asked.text
    assert asked.text.endswith("Reply YES or NO.")
    clock.advance(minutes=1)
    r = await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-200003", "text": "yes"}
    )
    assert r.status_code == 202
    assert (await _patient(rt, "MRN-200003")).status == "active"
    *_, thanks = await _sent(rt, without.id)
    assert thanks.text == say("consent_yes_no_checkins", "en", emergency_number="911")
    assert "check-ins will arrive" not in thanks.text
