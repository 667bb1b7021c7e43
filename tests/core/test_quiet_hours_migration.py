"""Migration 0016 on SQLite and PostgreSQL: quiet hours of no length stored before the check
that refuses them are cleared (they kept no send time quiet), other windows are kept, and the
clinic's export then imports and changes nothing."""

from __future__ import annotations

from sqlalchemy import select, text

from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.clinic.export import export_clinic
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Clinic

from ..conftest import START
from .test_carers_migration import _migrate


async def test_quiet_hours_of_no_length_stored_before_the_check_are_cleared_and_the_export_imports(
    db: Database,
) -> None:
    then = "'2026-01-01 00:00:00'"
    oncall = '{"rotations": [], "escalation": {}, "remind_owner_after": null}'  # as the import stores it
    await _migrate(db, "downgrade", "0015")
    async with db.engine.begin() as conn:
        for cid, slug, start, end in ((1, "empty", "21:00", "21:00"), (2, "night", "21:00", "08:00")):
            await conn.execute(
                text(
                    "INSERT INTO clinic (id, slug, name, timezone, emergency_number, oncall, created_at, "
                    "conversation_window_hours, text_consent, quiet_start, quiet_end) VALUES "
                    f"({cid}, '{slug}', 'C', 'America/New_York', '911', '{oncall}', {then}, 48, 'notice', "
                    f"'{start}', '{end}')"
                )
            )
    await _migrate(db, "upgrade", "head")
    async with db.session() as session:
        quiet = {c.slug: (c.quiet_start, c.quiet_end) for c in await session.scalars(select(Clinic))}
        assert quiet == {"empty": (None, None), "night": ("21:00", "08:00")}
        exported = await export_clinic(session, 1)
    assert "quiet_hours" not in exported
    summary = await clinic_import.apply(db, clinic_file.parse(exported), ManualClock(START))
    assert str(summary) == "nothing changed"
    await _migrate(db, "downgrade", "0015")  # and back: nothing to give back, nothing breaks
    await _migrate(db, "upgrade", "head")


async def test_the_export_leaves_out_quiet_hours_of_no_length_rather_than_write_a_file_the_import_refuses(
    db: Database,
) -> None:
    """A row that still holds such a window (written around the checks) is exported without it:
    the window keeps no send time quiet, and the file must import."""
    clock = ManualClock(START)
    demo = clinic_file.parse(
        "clinic: {slug: c, name: C, timezone: America/New_York, emergency_number: '911'}\n"
    )
    await clinic_import.apply(db, demo, clock)
    async with db.transaction() as session:
        clinic = await session.scalar(select(Clinic).where(Clinic.slug == "c"))
        assert clinic is not None
        clinic.quiet_start = clinic.quiet_end = "21:00"
    async with db.session() as session:
        exported = await export_clinic(session, clinic.id)
    assert "quiet_hours" not in exported
    await clinic_import.apply(db, clinic_file.parse(exported), clock)
