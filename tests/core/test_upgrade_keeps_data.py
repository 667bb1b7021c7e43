"""Upgrading a database with cases in it keeps every case, reason and event (SQLite rebuilds
tables in batch migrations; foreign keys must not cascade the rebuild into child rows)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from vigil.migrations import upgrade


def test_upgrading_from_the_first_schema_keeps_cases_reasons_and_events(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0001")
    sync = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    then = "'2026-01-01 00:00:00'"
    rows = [
        "INSERT INTO clinic (id, slug, name, timezone, emergency_number, oncall, created_at) "
        f"VALUES (1, 'c', 'C', 'UTC', '911', '{{}}', {then})",
        "INSERT INTO patient (id, clinic_id, external_id, name, channel, language, context, status, "
        f"created_at) VALUES (1, 1, 'P1', 'P', 'simulator', 'en', '{{}}', 'active', {then})",
        'INSERT INTO "case" (id, clinic_id, patient_id, level, level_rank, status, opened_at, '
        f"updated_at) VALUES (1, 1, 1, 'emergency', 3, 'open', {then}, {then})",
        "INSERT INTO case_event (case_id, kind, at, actor, channel, detail) "
        f"VALUES (1, 'opened', {then}, 'system', 'sms', '{{}}')",
        f"INSERT INTO case_reason (case_id, level, concept, at) VALUES (1, 'emergency', 'syncope', {then})",
    ]
    with sync.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys=ON"))
        for row in rows:
            conn.execute(text(row))
    upgrade(url)
    with sync.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM case_event")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM case_reason")).scalar() == 1
        assert conn.execute(text('SELECT tier, pages_sent, policy FROM "case"')).one() == (0, 0, "[]")
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    sync.dispose()
