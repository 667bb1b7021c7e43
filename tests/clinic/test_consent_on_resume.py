"""A patient who has not agreed where the clinic asks is never made active but by their own
YES: not by a file that pauses and then resumes them, nor by the page's or the API's Resume
after a pause (docs/interfaces.md, "A patient's state in the clinic file"). Patients enrolled
before migration 0014 were never asked, and resume as they always did."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from vigil.bot import enrolment, links
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.clinic import patients as clinic_patients
from vigil.clinic.export import export_clinic
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Clinic, Patient, Staff

from ..conftest import START
from .test_patient_state import _patient, _sent
from .test_round_trip import _fresh

CLINIC = """
clinic: {slug: restore, name: Restore Clinic, timezone: America/New_York, emergency_number: '911',
         text_consent: ask}
staff: [{email: admin@restore.example, name: Ada, role: admin}]
protocols:
  - key: weekly
    name: Weekly
    schedule: "0 10 * * MON"
    expire_after: 1d
    questions: [{key: ok, kind: yes_no, text: 'All well?'}]
patients:
  - {external_id: MRN-1, name: Sam Sms, channel: sms, phone: "+1 617 555 0101", protocol: weekly}
  - {external_id: MRN-3, name: Tess Waits, channel: telegram, protocol: weekly}
"""


async def _import(db: Database, text: str, clock: ManualClock) -> str:
    return str(await clinic_import.apply(db, clinic_file.parse(text, "clinic.yaml"), clock))


async def _export(db: Database) -> str:
    async with db.session() as session:
        clinic_id = await session.scalar(select(Clinic.id).where(Clinic.slug == "restore"))
        assert clinic_id is not None
        return await export_clinic(session, clinic_id)


def _status(exported: str, external_id: str, status: str) -> str:
    """The export with one patient's status changed, as an operator would edit it."""
    head, sep, rest = exported.partition(f"external_id: {external_id}\n")
    assert sep, external_id
    before, found, after = rest.partition("status: ")
    assert found, external_id
    return head + sep + before + found + status + after[after.index("\n") :]


async def _act(db: Database, clock: ManualClock, external_id: str, action: str) -> str:
    async with db.transaction() as session:
        staff = await session.scalar(select(Staff).where(Staff.email == "admin@restore.example"))
        patient = await session.scalar(select(Patient).where(Patient.external_id == external_id))
        assert staff is not None
        assert patient is not None
        return await clinic_patients.act(session, staff, patient, action, clock.now(), "web")


async def _link_tess(db: Database, clock: ManualClock) -> None:
    now = clock.now()
    async with db.transaction() as session:
        clinic = await session.scalar(select(Clinic).where(Clinic.slug == "restore"))
        tess = await session.scalar(select(Patient).where(Patient.external_id == "MRN-3"))
        assert clinic is not None
        assert tess is not None
        token, _ = await links.create(
            session, clinic_id=clinic.id, now=now, created_by="t", patient_id=tess.id
        )
        assert (await enrolment.link(session, token, "telegram", 900003, now)).kind == "patient"


@pytest.mark.parametrize("between", ["paused", "unreachable"])
async def test_a_patient_who_never_agreed_is_not_made_active_by_pausing_then_resuming_through_the_file(
    db: Database, between: str
) -> None:
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    sam = await _patient(db, "MRN-1")
    assert sam.status == "awaiting_consent"
    assert await _sent(db, "MRN-1") == 1  # the consent question
    exported = await _export(db)
    await _import(db, _status(exported, "MRN-1", between), clock)
    assert (await _patient(db, "MRN-1")).status == between
    summary = await _import(db, _status(exported, "MRN-1", "active"), clock)
    sam = await _patient(db, "MRN-1")
    assert sam.status == "awaiting_consent"
    assert sam.consented_at is None
    assert "kept awaiting consent (no check-ins until they agree): MRN-1" in summary
    assert await _sent(db, "MRN-1") == 1  # asked once, not again


async def test_a_telegram_patient_who_never_agreed_is_not_made_active_by_pausing_then_resuming_by_file(
    db: Database,
) -> None:
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    await _link_tess(db, clock)
    exported = await _export(db)
    await _import(db, _status(exported, "MRN-3", "paused"), clock)
    assert (await _patient(db, "MRN-3")).status == "paused"
    summary = await _import(db, _status(exported, "MRN-3", "active"), clock)
    assert (await _patient(db, "MRN-3")).status == "awaiting_consent"
    assert "kept awaiting consent (no check-ins until they agree): MRN-3" in summary


async def test_a_patient_who_never_agreed_and_was_paused_resumes_from_the_page_to_awaiting_consent(
    db: Database,
) -> None:
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    await _link_tess(db, clock)
    exported = await _export(db)
    await _import(db, _status(_status(exported, "MRN-1", "paused"), "MRN-3", "paused"), clock)
    sent = await _sent(db)
    said = await _act(db, clock, "MRN-1", "resume")
    assert "not agreed" in said
    assert (await _patient(db, "MRN-1")).status == "awaiting_consent"
    assert "not agreed" in await _act(db, clock, "MRN-3", "resume")
    assert (await _patient(db, "MRN-3")).status == "awaiting_consent"
    assert await _sent(db) == sent  # the question they were asked stands; not asked again
    # Their YES is still taken as the answer, and then they are active.
    async with db.transaction() as session:
        sam = await session.scalar(select(Patient).where(Patient.external_id == "MRN-1"))
        assert sam is not None
        assert await enrolment.consent(session, sam, True, clock.now())
    assert (await _patient(db, "MRN-1")).status == "active"


async def test_a_patient_who_agreed_and_was_paused_resumes_to_active(db: Database) -> None:
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    async with db.transaction() as session:
        sam = await session.scalar(select(Patient).where(Patient.external_id == "MRN-1"))
        assert sam is not None
        assert await enrolment.consent(session, sam, True, clock.now())
    await _act(db, clock, "MRN-1", "pause")
    assert "Resumed: check-ins" in await _act(db, clock, "MRN-1", "resume")
    assert (await _patient(db, "MRN-1")).status == "active"
    exported = await _export(db)
    await _import(db, _status(exported, "MRN-1", "paused"), clock)
    await _import(db, _status(exported, "MRN-1", "active"), clock)
    assert (await _patient(db, "MRN-1")).status == "active"


async def test_a_patient_enrolled_before_consent_was_asked_resumes_to_active_as_before(db: Database) -> None:
    """Migration 0014 left `consent_asked_at` empty for the patients already here: they were
    never asked, so a pause and a resume (page or file) leave them active as it always did."""
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    async with db.transaction() as session:
        await session.execute(
            update(Patient)
            .where(Patient.external_id == "MRN-1")
            .values(status="paused", consent_asked_at=None, consent_reminded_at=None)
        )
    assert "Resumed: check-ins" in await _act(db, clock, "MRN-1", "resume")
    assert (await _patient(db, "MRN-1")).status == "active"
    async with db.transaction() as session:
        await session.execute(update(Patient).where(Patient.external_id == "MRN-1").values(status="paused"))
    exported = await _export(db)
    summary = await _import(db, _status(exported, "MRN-1", "active"), clock)
    assert (await _patient(db, "MRN-1")).status == "active"
    assert "kept awaiting" not in summary


async def test_a_restore_into_a_fresh_database_sends_the_opt_in_only_to_a_patient_enrolled_before_it_existed(
    db: Database, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """docs/interfaces.md: importing the export into a fresh database queues no message but the
    opt-in to a text patient whose record shows none sent (enrolled before migration 0014)."""
    clock = ManualClock(START)
    await _import(
        db,
        CLINIC.replace(
            "protocol: weekly}\n  - {external_id: MRN-3",
            "protocol: weekly}\n"
            "  - {external_id: MRN-2, name: Old Olga, channel: sms, phone: '+1 617 555 0102',\n"
            "     protocol: weekly}\n"
            "  - {external_id: MRN-3",
        ),
        clock,
    )
    async with db.transaction() as session:
        await session.execute(
            update(Patient)
            .where(Patient.external_id == "MRN-2")
            .values(status="active", consent_asked_at=None, consent_reminded_at=None)
        )
    exported = await _export(db)
    fresh = await _fresh(request, db, tmp_path)
    try:
        await _import(fresh, exported, clock)
        assert await _sent(fresh, "MRN-1") == 0  # asked already: not again
        assert await _sent(fresh, "MRN-3") == 0
        assert await _sent(fresh, "MRN-2") == 1  # never sent it: sent it now
        assert await _sent(fresh) == 1
    finally:
        await fresh.dispose()
