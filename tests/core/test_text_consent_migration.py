"""Migration 0014 (consent by text) on SQLite and PostgreSQL: the patients already enrolled
keep their status and are sent nothing, their clinic reads `notice`, and it goes down and up."""

from __future__ import annotations

from sqlalchemy import text

from vigil.core.db import Database

from .test_carers_migration import _migrate


async def test_patients_already_enrolled_when_0014_runs_are_left_as_they_are(db: Database) -> None:
    then = "'2026-01-01 00:00:00'"
    await _migrate(db, "downgrade", "0013")
    async with db.engine.begin() as conn:
        for row in (
            "INSERT INTO clinic (id, slug, name, timezone, emergency_number, oncall, created_at, "
            f"conversation_window_hours) VALUES (1, 'c', 'C', 'UTC', '911', '{{}}', {then}, 48)",
            "INSERT INTO patient (id, clinic_id, external_id, name, channel, phone, language, context, "
            "status, created_at) VALUES (1, 1, 'P1', 'P', 'sms', '+16175550150', 'en', '{}', 'active', "
            f"{then})",
        ):
            await conn.execute(text(row))
    await _migrate(db, "upgrade", "head")
    async with db.engine.connect() as conn:
        assert (await conn.execute(text("SELECT text_consent FROM clinic"))).scalar() == "notice"
        patient = (
            await conn.execute(
                text("SELECT status, consented_at, consent_asked_at, consent_reminded_at FROM patient")
            )
        ).one()
        assert tuple(patient) == ("active", None, None, None)
        assert (await conn.execute(text("SELECT count(*) FROM outbound_message"))).scalar() == 0
    await _migrate(db, "downgrade", "0013")
    await _migrate(db, "upgrade", "head")
    async with db.engine.connect() as conn:
        assert (await conn.execute(text("SELECT status FROM patient"))).scalar() == "active"
