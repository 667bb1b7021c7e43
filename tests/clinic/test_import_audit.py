"""A clinic file that changes anything is audited: who ran it, what it created, updated and
removed, and whom it discharged. A dry run or an import that changes nothing leaves no entry."""

from __future__ import annotations

from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent

from ..conftest import DEMO
from .test_import_removals import MARIA_LISTED


async def _imports(rt: Runtime) -> list[AuditEvent]:
    async with rt.db.session() as session:
        rows = await session.scalars(
            select(AuditEvent).where(AuditEvent.action == "import").order_by(AuditEvent.id)
        )
        return list(rows)


async def test_an_import_that_discharges_a_patient_is_audited_with_who_and_whom(
    rt: Runtime, clock: ManualClock
) -> None:
    before = len(await _imports(rt))
    text = DEMO.read_text()
    assert MARIA_LISTED in text
    await clinic_import.apply(
        rt.db, clinic_file.parse(text.replace(MARIA_LISTED, "")), clock, actor="cli:ana"
    )
    events = await _imports(rt)
    assert len(events) == before + 1
    event = events[-1]
    assert event.actor == "cli:ana"
    assert event.subject_type == "clinic"
    assert event.detail["removed"] == {"patients": 1}
    assert event.detail["discharged"] == ["MRN-100871"]


async def test_an_import_that_changes_nothing_or_a_dry_run_leaves_no_entry(
    rt: Runtime, clock: ManualClock
) -> None:
    before = len(await _imports(rt))
    summary = await clinic_import.apply(rt.db, clinic_file.load(DEMO), clock, actor="cli:ana")
    assert not summary.changed
    text = DEMO.read_text().replace(MARIA_LISTED, "")
    await clinic_import.apply(rt.db, clinic_file.parse(text), clock, actor="cli:ana", dry_run=True)
    assert len(await _imports(rt)) == before


async def test_a_first_import_is_audited_with_what_it_created(rt: Runtime, clock: ManualClock) -> None:
    events = await _imports(rt)
    assert events, "the demo clinic's own import"
    assert events[0].detail["created"]["patients"] >= 1
    assert events[0].detail["created"]["clinic"] == 1


async def test_a_file_the_import_refuses_to_follow_on_consent_leaves_no_entry(
    rt: Runtime, clock: ManualClock
) -> None:
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    await rt.service.receive(maria, "simulator", "m1", "STOP")
    before = len(await _imports(rt))
    text = DEMO.read_text().replace(MARIA_LISTED, MARIA_LISTED + "    status: active\n")
    summary = await clinic_import.apply(rt.db, clinic_file.parse(text), clock, actor="cli:ana")
    assert summary.flags.get("kept_opted_out")  # her STOP stands: only her START takes it back
    assert not summary.changed
    assert len(await _imports(rt)) == before
