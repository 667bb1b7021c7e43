"""A clinic moved to a new server, or restored, from its export keeps each patient's state:
who paused, who said STOP (patient or carer), who has not agreed yet, who has had the opt-in.
Consent is the patient's, so an opt-out survives every import, and a file that opts someone
out takes effect and says so (docs/interfaces.md, "A patient's state in the clinic file")."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vigil.assembly import Runtime, build_runtime
from vigil.bot import enrolment, links
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.clinic import patients as clinic_patients
from vigil.clinic.export import export_clinic
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Carer, Clinic, OutboundMessage, Patient
from vigil.core.settings import Settings
from vigil.scheduler.models import CheckIn

from ..conftest import START
from .test_round_trip import _fresh

CLINIC = """
clinic: {slug: restore, name: Restore Clinic, timezone: America/New_York, emergency_number: '911'}
staff: [{email: nurse@restore.example, name: Nurse, role: nurse}]
protocols:
  - key: weekly
    name: Weekly
    schedule: "0 10 * * MON"
    expire_after: 1d
    questions: [{key: ok, kind: yes_no, text: 'All well?'}]
patients:
  - {external_id: MRN-1, name: Sam Stop, channel: sms, phone: "+1 617 555 0101", protocol: weekly}
  - {external_id: MRN-2, name: Pat Pause, channel: sms, phone: "+1 617 555 0102", protocol: weekly}
  - {external_id: MRN-3, name: Tess Waits, channel: telegram, protocol: weekly}
  - {external_id: MRN-4, name: Yves Yes, channel: sms, phone: "+1 617 555 0104", protocol: weekly}
  - {external_id: MRN-5, name: Nia Notice, channel: simulator, protocol: weekly}
  - {external_id: MRN-6, name: Ivy Invited, channel: telegram, protocol: weekly}
  - external_id: MRN-7
    name: Carl Cared
    channel: sms
    phone: "+1 617 555 0107"
    protocol: weekly
    carers:
      - {name: June, relationship: wife, channel: sms, phone: "+1 617 555 0170",
         consent: {at: "2026-11-20T15:00:00Z", by: nurse@restore.example}}
"""


def _runtime(db: Database, clock: ManualClock) -> Runtime:
    settings = Settings(database_url=db.url, secret_key="test-secret-key-0123456789", simulator=True)
    return build_runtime(settings, clock=clock, db=db)


async def _patient(db: Database, external_id: str) -> Patient:
    async with db.session() as session:
        found = await session.scalar(select(Patient).where(Patient.external_id == external_id))
        assert found is not None, external_id
        return found


async def _carer(db: Database, name: str) -> Carer:
    async with db.session() as session:
        found = await session.scalar(select(Carer).where(Carer.name == name))
        assert found is not None, name
        return found


async def _export(db: Database) -> str:
    async with db.session() as session:
        clinic_id = await session.scalar(select(Clinic.id).where(Clinic.slug == "restore"))
        assert clinic_id is not None
        return await export_clinic(session, clinic_id)


async def _sent(db: Database, external_id: str | None = None) -> int:
    """How many messages are in the outbox (for one patient, or for anyone)."""
    q = select(func.count()).select_from(OutboundMessage)
    if external_id is not None:
        q = q.join(Patient, Patient.id == OutboundMessage.patient_id).where(
            Patient.external_id == external_id
        )
    async with db.session() as session:
        return int(await session.scalar(q) or 0)


async def _import(db: Database, text: str, clock: ManualClock, *, dry_run: bool = False) -> str:
    return str(await clinic_import.apply(db, clinic_file.parse(text, "clinic.yaml"), clock, dry_run=dry_run))


@dataclass
class Restored:
    was: dict[str, tuple[str, bool, bool]]  # external id -> (status, asked, consented), as stored
    after: Database  # a fresh database the export was imported into
    exported: str
    summary: str
    clock: ManualClock


async def _live(db: Database, clock: ManualClock) -> str:
    """The clinic with a patient in every state, each reached by the product's own path."""
    rt = _runtime(db, clock)
    await _import(db, CLINIC, clock)
    clock.advance(minutes=5)
    await rt.service.receive(await _patient(db, "MRN-1"), "sms", "stop-1", "STOP")
    await rt.service.receive(await _patient(db, "MRN-4"), "sms", "yes-4", "YES")
    june = await _carer(db, "June")
    await rt.service.receive(await _patient(db, "MRN-7"), "sms", "stop-june", "STOP", carer=june)
    now = clock.now()
    async with db.transaction() as session:
        clinic = await session.scalar(select(Clinic).where(Clinic.slug == "restore"))
        assert clinic is not None
        pat = await session.scalar(select(Patient).where(Patient.external_id == "MRN-2"))
        assert pat is not None
        await clinic_patients.pause(session, pat, now)
        tess = await session.scalar(select(Patient).where(Patient.external_id == "MRN-3"))
        assert tess is not None
        token, _ = await links.create(
            session, clinic_id=clinic.id, now=now, created_by="t", patient_id=tess.id
        )
        assert (await enrolment.link(session, token, "telegram", 900003, now)).kind == "patient"
    return await _export(db)


async def _states(db: Database) -> dict[str, tuple[str, bool, bool]]:
    async with db.session() as session:
        return {
            p.external_id: (p.status, p.consent_asked_at is not None, p.consented_at is not None)
            for p in await session.scalars(select(Patient))
        }


@pytest.fixture
async def restored(db: Database, request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Restored]:
    """The clinic exported and imported into a fresh database two days later. On PostgreSQL
    the fresh database is `db`'s schema emptied, so what was stored is read before."""
    clock = ManualClock(START)
    exported = await _live(db, clock)
    was = await _states(db)
    clock.advance(days=2)
    fresh = await _fresh(request, db, tmp_path)
    try:
        summary = await _import(fresh, exported, clock)
        yield Restored(was, fresh, exported, summary, clock)
    finally:
        await fresh.dispose()


async def test_the_clinic_as_stored_holds_a_patient_in_every_state(restored: Restored) -> None:
    assert restored.was == {
        "MRN-1": ("opted_out", True, False),
        "MRN-2": ("paused", True, False),
        "MRN-3": ("awaiting_consent", False, False),
        "MRN-4": ("active", True, True),
        "MRN-5": ("active", True, False),
        "MRN-6": ("invited", False, False),
        "MRN-7": ("active", True, False),
    }


async def test_every_patient_keeps_their_status_and_consent_after_export_and_import_into_a_fresh_database(
    restored: Restored,
) -> None:
    assert await _states(restored.after) == restored.was


async def test_a_patient_who_said_stop_stays_opted_out_after_export_and_import_into_a_fresh_database(
    restored: Restored,
) -> None:
    assert (await _patient(restored.after, "MRN-1")).status == "opted_out"
    assert await _sent(restored.after, "MRN-1") == 0


async def test_a_paused_patient_stays_paused_after_export_and_import_into_a_fresh_database(
    restored: Restored,
) -> None:
    assert (await _patient(restored.after, "MRN-2")).status == "paused"


async def test_a_telegram_patient_awaiting_consent_still_awaits_it_after_export_and_import_into_a_fresh_db(
    restored: Restored,
) -> None:
    tess = await _patient(restored.after, "MRN-3")
    assert (tess.status, tess.telegram_chat_id, tess.consented_at) == ("awaiting_consent", 900003, None)
    assert (await _patient(restored.after, "MRN-6")).status == "invited"


async def test_no_patient_who_has_had_the_opt_in_is_sent_it_again_after_export_and_import_into_a_fresh_db(
    restored: Restored,
) -> None:
    assert await _sent(restored.after) == 0
    yves = await _patient(restored.after, "MRN-4")
    assert yves.consented_at is not None
    assert yves.status == "active"


async def test_a_carer_who_said_stop_stays_opted_out_after_export_and_import_into_a_fresh_database(
    restored: Restored,
) -> None:
    assert "opted_out_at:" in restored.exported
    june = await _carer(restored.after, "June")
    assert june.opted_out_at is not None
    assert june.consent_recorded_at is not None


async def test_the_restored_clinic_exports_the_same_file_and_importing_it_again_changes_nothing(
    restored: Restored,
) -> None:
    assert await _export(restored.after) == restored.exported
    restored.clock.advance(hours=1)
    assert await _import(restored.after, restored.exported, restored.clock) == "nothing changed"
    assert await _export(restored.after) == restored.exported
    assert await _sent(restored.after) == 0


async def test_an_older_export_imported_again_never_makes_a_patient_who_said_stop_active_and_says_so(
    db: Database,
) -> None:
    clock = ManualClock(START)
    rt = _runtime(db, clock)
    await _import(db, CLINIC, clock)
    older = await _export(db)  # everyone active
    june = await _carer(db, "June")
    await rt.service.receive(await _patient(db, "MRN-1"), "sms", "stop-1", "STOP")
    await rt.service.receive(await _patient(db, "MRN-7"), "sms", "stop-june", "STOP", carer=june)
    sent = await _sent(db)
    summary = await _import(db, older, clock)
    assert "kept opted out, as they asked (only their START takes it back): MRN-1 (the file says active)" in (
        summary
    )
    assert (await _patient(db, "MRN-1")).status == "opted_out"
    assert (await _carer(db, "June")).opted_out_at is not None
    assert await _sent(db) == sent


async def test_a_file_that_opts_out_an_active_patient_takes_effect_and_the_summary_names_them(
    db: Database,
) -> None:
    clock = ManualClock(START)
    rt = _runtime(db, clock)
    await _import(db, CLINIC, clock)
    lines = (await _export(db)).splitlines()
    carl = lines.index("  - external_id: MRN-7")
    status = next(i for i in range(carl, len(lines)) if lines[i].strip() == "status: active")
    lines[status] = lines[status].replace("active", "opted_out")
    edited = "\n".join(lines) + "\n"
    # A check-in open for them is stopped, as STOP stops it.
    clock.advance(days=7)
    assert await rt.service.send_due() > 0
    async with db.session() as session:
        open_before = await session.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.status == "open")
        )
    assert open_before
    dry = await _import(db, edited, clock, dry_run=True)
    assert "opted out as the file says, no more messages to them: MRN-7 (was active)" in dry
    assert (await _patient(db, "MRN-7")).status == "active"
    summary = await _import(db, edited, clock)
    assert "opted out as the file says, no more messages to them: MRN-7 (was active)" in summary
    carl_row = await _patient(db, "MRN-7")
    assert carl_row.status == "opted_out"
    async with db.session() as session:
        still = await session.scalar(
            select(func.count())
            .select_from(CheckIn)
            .where(CheckIn.patient_id == carl_row.id, CheckIn.status == "open")
        )
    assert still == 0
    assert await _import(db, edited, clock) == "nothing changed"


async def test_a_file_that_records_no_consent_does_not_make_a_patient_awaiting_it_active(
    db: Database,
) -> None:
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    now = clock.now()
    async with db.transaction() as session:
        clinic = await session.scalar(select(Clinic).where(Clinic.slug == "restore"))
        tess = await session.scalar(select(Patient).where(Patient.external_id == "MRN-3"))
        assert clinic is not None
        assert tess is not None
        token, _ = await links.create(
            session, clinic_id=clinic.id, now=now, created_by="t", patient_id=tess.id
        )
        await enrolment.link(session, token, "telegram", 900003, now)
    exported = await _export(db)
    assert "status: awaiting_consent" in exported
    edited = exported.replace("status: awaiting_consent", "status: active")
    summary = await _import(db, edited, clock)
    assert "kept awaiting consent (no check-ins until they agree): MRN-3" in summary
    assert (await _patient(db, "MRN-3")).status == "awaiting_consent"
    # Saying when they agreed is the clinic's record of it: then they are active.
    lines = edited.replace(
        "    telegram_chat_id: 900003\n",
        "    telegram_chat_id: 900003\n    consent: {given_at: '2026-11-23T12:00:00Z'}\n",
    )
    assert "given_at" in lines
    await _import(db, lines, clock)
    assert (await _patient(db, "MRN-3")).status == "active"


async def test_a_file_without_the_state_keys_imports_as_it_did_before(db: Database) -> None:
    """Older files carry no status or consent: a new patient reached by text is sent the
    opt-in, and a patient here keeps their status (STOP included)."""
    clock = ManualClock(START)
    rt = _runtime(db, clock)
    await _import(db, CLINIC, clock)
    for external_id in ("MRN-1", "MRN-4", "MRN-5", "MRN-7"):
        assert await _sent(db, external_id) == 1, external_id  # the opt-in notice
    await rt.service.receive(await _patient(db, "MRN-1"), "sms", "stop-1", "STOP")
    assert await _import(db, CLINIC, clock) == "nothing changed"
    assert (await _patient(db, "MRN-1")).status == "opted_out"


async def test_a_patient_owed_the_opt_in_while_paused_is_still_owed_it_after_a_restore(
    db: Database, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    now = clock.now()
    async with db.transaction() as session:
        pat = await session.scalar(select(Patient).where(Patient.external_id == "MRN-2"))
        assert pat is not None
        await clinic_patients.pause(session, pat, now)
    clock.advance(hours=1)
    await _import(db, CLINIC.replace("+1 617 555 0102", "+1 617 555 0112"), clock)  # a new number
    owed = (await _patient(db, "MRN-2")).consent_owed_at
    assert owed is not None
    exported = await _export(db)
    assert "owed_since:" in exported
    clock.advance(days=1)
    fresh = await _fresh(request, db, tmp_path)
    try:
        await _import(fresh, exported, clock)
        pat = await _patient(fresh, "MRN-2")
        assert (pat.status, pat.consent_owed_at) == ("paused", owed)
        assert await _sent(fresh) == 0
        assert await _export(fresh) == exported
    finally:
        await fresh.dispose()


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        (
            "status: activ",
            "patients[0].status: 'activ' is not one of invited, awaiting_consent, active, "
            "paused, opted_out, unreachable; did you mean active? (patient MRN-1)",
        ),
        ("status: discharged", "patients[0].status: 'discharged' is not one of"),
        (
            "consent: {given_at: '2026-11-20T15:00:00'}",
            "patients[0].consent.given_at: needs its UTC offset (2026-01-05T10:00:00Z) (patient MRN-1)",
        ),
        (
            "consent: {asked_at: last week}",
            "patients[0].consent.asked_at: 'last week' is not a date and time "
            "(2026-01-05T10:00:00Z) (patient MRN-1)",
        ),
        ("consent: {agreed: yes}", "patients[0].consent.agreed: is not a key allowed here"),
    ],
)
def test_a_bad_status_or_consent_is_refused_naming_the_key_and_the_patient(entry: str, said: str) -> None:
    sam = '{external_id: MRN-1, name: Sam Stop, channel: sms, phone: "+1 617 555 0101", protocol: weekly'
    text = CLINIC.replace(sam + "}", f"{sam}, {entry}}}")
    assert text != CLINIC
    with pytest.raises(clinic_file.ImportError_) as bad:
        clinic_file.parse(text, "clinic.yaml")
    assert any(line.startswith("clinic.yaml:") and said in line for line in bad.value.lines), bad.value.lines
    if "agreed" in said:
        assert "(patient MRN-1)" in next(line for line in bad.value.lines if said in line)


def test_a_carers_bad_opt_out_time_is_refused_naming_the_key_and_the_patient() -> None:
    text = CLINIC.replace("consent: {at:", "opted_out_at: someday, consent: {at:")
    with pytest.raises(clinic_file.ImportError_) as bad:
        clinic_file.parse(text, "clinic.yaml")
    assert any(
        "patients[6].carers[0].opted_out_at: 'someday' is not a date and time" in line
        and "(patient MRN-7)" in line
        for line in bad.value.lines
    ), bad.value.lines


async def test_a_file_with_a_bad_state_writes_nothing(db: Database) -> None:
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    before = await _export(db)
    bad = before.replace("status: active", "status: actve", 1)
    with pytest.raises(clinic_file.ImportError_):
        await _import(db, bad, clock)
    assert await _export(db) == before


async def test_a_file_that_resumes_a_patient_owed_the_opt_in_sends_it_once_however_often_it_is_imported(
    db: Database,
) -> None:
    clock = ManualClock(START)
    await _import(db, CLINIC, clock)
    async with db.transaction() as session:
        pat = await session.scalar(select(Patient).where(Patient.external_id == "MRN-2"))
        assert pat is not None
        await clinic_patients.pause(session, pat, clock.now())
    clock.advance(hours=1)
    await _import(db, CLINIC.replace("+1 617 555 0102", "+1 617 555 0112"), clock)  # owed now
    paused = await _export(db)
    assert "status: paused" in paused
    sent = await _sent(db, "MRN-2")
    resumed = paused.replace("status: paused", "status: active")
    clock.advance(hours=1)
    await _import(db, resumed, clock)
    pat = await _patient(db, "MRN-2")
    assert (pat.status, pat.consent_owed_at) == ("active", None)
    assert await _sent(db, "MRN-2") == sent + 1  # the notice its new number was owed
    for _ in range(2):
        clock.advance(hours=1)
        assert await _import(db, resumed, clock) == "nothing changed"
    assert await _sent(db, "MRN-2") == sent + 1


async def test_an_older_file_does_not_take_back_a_yes_given_since(db: Database) -> None:
    clock = ManualClock(START)
    rt = _runtime(db, clock)
    await _import(db, CLINIC, clock)
    older = await _export(db)
    clock.advance(minutes=5)
    await rt.service.receive(await _patient(db, "MRN-4"), "sms", "yes-4", "YES")
    agreed = (await _patient(db, "MRN-4")).consented_at
    assert agreed is not None
    assert await _import(db, older, clock) == "nothing changed"
    assert (await _patient(db, "MRN-4")).consented_at == agreed
