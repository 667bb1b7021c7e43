"""Re-importing a clinic file that no longer lists someone: staff are deactivated (and the
cases they held page again), patients are discharged (no check-ins, still heard)."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.models import OutboundMessage, Staff
from vigil.escalation.models import Case, CaseEvent
from vigil.scheduler.models import CheckIn, Enrolment

from ..conftest import DEMO, DUE, NURSE, OTHER_NURSE, bearer, emergency_case, opt_in_notice

BEN_LISTED = """  - email: ben.okafor@riverside.example
    name: Ben Okafor
    role: nurse
    phone: "+1 617 555 0102"
    notify_by: sms
"""
MARIA_LISTED = """  - external_id: MRN-100871
    name: Maria Santos
    telegram_chat_id: 700000555
    channel: simulator
    protocol: nsclc-weekly
    context: {on_active_treatment: false}
"""


def _without_ben() -> str:
    text = DEMO.read_text()
    assert BEN_LISTED in text
    return text.replace(BEN_LISTED, "").replace(
        "members: [ana.reyes@riverside.example, ben.okafor@riverside.example]",
        "members: [ana.reyes@riverside.example]",
    )


def _without_maria() -> str:
    text = DEMO.read_text()
    assert MARIA_LISTED in text
    return text.replace(MARIA_LISTED, "")


async def _import(rt: Runtime, text: str, clock: ManualClock) -> clinic_import.Summary:
    return await clinic_import.apply(rt.db, clinic_file.parse(text), clock)


async def test_staff_left_off_the_file_are_deactivated_and_their_cases_page_again(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    clock.set(DUE)
    case_id = await emergency_case(rt)
    ben = await bearer(rt, OTHER_NURSE)
    assert (await client.post(f"/api/v1/cases/{case_id}/claim", headers=ben)).status_code == 200

    clock.advance(minutes=20)
    summary = await _import(rt, _without_ben(), clock)
    assert summary.removed == {"staff": 1}
    assert summary.released_cases == [case_id]
    assert "deactivated 1 staff no longer listed (ben.okafor@riverside.example)" in str(summary)

    async with rt.db.session() as session:
        staff = await session.scalar(select(Staff).where(Staff.email == OTHER_NURSE))
        case = await session.get(Case, case_id)
        kinds = list(await session.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case_id)))
    assert staff is not None
    assert not staff.active
    assert case is not None
    assert (case.status, case.claimed_by_id, case.acknowledged_at) == ("open", None, None)
    assert case.next_escalation_at == clock.now()  # the next tick pages tier 1 again
    assert kinds[-1] == "released"
    # Their token no longer opens anything; the nurse still on staff can take the case.
    assert (await client.get("/api/v1/cases", headers=ben)).status_code == 401
    ana = await bearer(rt, NURSE)
    assert (await client.post(f"/api/v1/cases/{case_id}/claim", headers=ana)).status_code == 200

    assert str(await _import(rt, _without_ben(), clock)) == "nothing changed"


async def test_a_staff_member_listed_again_is_active_again(rt: Runtime, clock: ManualClock) -> None:
    await _import(rt, _without_ben(), clock)
    summary = await _import(rt, DEMO.read_text(), clock)
    assert summary.updated.get("staff") == 1
    async with rt.db.session() as session:
        staff = await session.scalar(select(Staff).where(Staff.email == OTHER_NURSE))
    assert staff is not None
    assert staff.active


async def test_patients_left_off_the_file_are_discharged_but_still_heard(
    rt: Runtime, clock: ManualClock
) -> None:
    clock.set(DUE)
    assert await rt.service.send_due() == 3  # Maria has a check-in open
    summary = await _import(rt, _without_maria(), clock)
    assert summary.removed == {"patients": 1}
    assert "discharged 1 patient no longer listed (MRN-100871)" in str(summary)

    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    assert maria.discharged_at == clock.now()
    assert maria.status == "active"  # kept apart, so a pause or an opt-out would survive
    async with rt.db.session() as session:
        enrolled = await session.scalar(select(Enrolment.active).where(Enrolment.patient_id == maria.id))
        checkin = await session.scalar(select(CheckIn.status).where(CheckIn.patient_id == maria.id))
    assert enrolled is False
    assert checkin == "stopped"

    clock.advance(days=7)
    assert await rt.service.send_due() == 2  # Walter's and Rosa's open, not Maria's
    await rt.service.receive(maria, "simulator", "m1", "START")
    await rt.service.receive(maria, "simulator", "m2", "I coughed up a lot of blood")
    async with rt.db.session() as session:
        said = list(
            await session.scalars(
                select(OutboundMessage.text)
                .where(OutboundMessage.patient_id == maria.id, OutboundMessage.kind != "question")
                .order_by(OutboundMessage.id)
            )
        )
        case = await session.scalar(select(Case).where(Case.patient_id == maria.id))
        enrolled_now = await session.scalar(select(Enrolment.active).where(Enrolment.patient_id == maria.id))
    assert said[0] == opt_in_notice()  # from her enrolment, when the demo was imported
    assert "have ended" in said[1]
    assert "911" in said[2]  # the safety reply
    assert case is not None
    assert case.level == "emergency"
    assert enrolled_now is False  # START does not re-enrol: the clinic's list does

    assert str(await _import(rt, _without_maria(), clock)) == "nothing changed"
    await _import(rt, DEMO.read_text(), clock)
    back = await rt.service.patient(1, "MRN-100871")
    assert back is not None
    assert (back.status, back.discharged_at) == ("active", None)


async def test_an_opted_out_patient_left_off_the_file_stays_opted_out(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    await rt.service.receive(maria, "simulator", "m1", "STOP")
    summary = await _import(rt, _without_maria(), clock)
    assert summary.removed == {"patients": 1}
    assert str(await _import(rt, _without_maria(), clock)) == "nothing changed"
    again = await rt.service.patient(1, "MRN-100871")
    assert again is not None
    assert again.status == "opted_out"
    await rt.service.receive(again, "simulator", "m2", "START")  # cannot turn check-ins back on
    after = await rt.service.patient(1, "MRN-100871")
    assert after is not None
    assert after.status == "opted_out"


async def test_a_paused_patient_left_off_and_listed_again_is_still_paused(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    await rt.service.receive(maria, "simulator", "m1", "PAUSE")
    await _import(rt, _without_maria(), clock)
    await rt.service.receive(maria, "simulator", "m2", "STOP")  # no "reply START" offered now
    async with rt.db.session() as session:
        stop_reply = await session.scalar(
            select(OutboundMessage.text)
            .where(OutboundMessage.patient_id == maria.id)
            .order_by(OutboundMessage.id.desc())
        )
    assert stop_reply is not None
    assert "START" not in stop_reply
    await _import(rt, DEMO.read_text(), clock)
    back = await rt.service.patient(1, "MRN-100871")
    assert back is not None
    assert back.status == "opted_out"  # what they last said stands


async def test_a_case_another_nurse_claimed_stays_with_them_when_the_first_leaves(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    case_id = await emergency_case(rt)
    ben = await bearer(rt, OTHER_NURSE)
    ana = await bearer(rt, NURSE)
    assert (await client.post(f"/api/v1/cases/{case_id}/acknowledge", headers=ben)).status_code == 200
    assert (await client.post(f"/api/v1/cases/{case_id}/claim", headers=ana)).status_code == 200
    summary = await _import(rt, _without_ben(), clock)
    assert summary.released_cases == []
    async with rt.db.session() as session:
        case = await session.get(Case, case_id)
    assert case is not None
    assert case.status == "acknowledged"


async def test_a_dry_run_names_who_would_be_discharged_and_writes_nothing(
    rt: Runtime, clock: ManualClock
) -> None:
    summary = await clinic_import.apply(rt.db, clinic_file.parse(_without_maria()), clock, dry_run=True)
    assert "discharged 1 patient no longer listed (MRN-100871)" in str(summary)
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    assert maria.discharged_at is None
