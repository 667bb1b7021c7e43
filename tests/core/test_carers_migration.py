"""Migration 0013 (carers) goes down and up again on SQLite and PostgreSQL, keeping the
messages it gave a `carer_id`."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import inspect, text

from vigil.core.db import Database
from vigil.migrations import alembic_config


async def _migrate(db: Database, how: str, revision: str) -> None:
    cfg = alembic_config(db.engine.url.render_as_string(hide_password=False))

    def run(connection: Any) -> None:
        cfg.attributes["connection"] = connection
        getattr(command, how)(cfg, revision)

    async with db.engine.connect() as conn:
        await conn.run_sync(run)
        await conn.commit()


async def _shape(db: Database) -> tuple[set[str], set[str]]:
    def read(connection: Any) -> tuple[set[str], set[str]]:
        found = inspect(connection)
        return set(found.get_table_names()), {c["name"] for c in found.get_columns("inbound_message")}

    async with db.engine.connect() as conn:
        return await conn.run_sync(read)


async def test_carers_migrate_down_and_up_and_keep_the_messages(db: Database) -> None:
    then = "'2026-01-01 00:00:00'"
    async with db.engine.begin() as conn:
        for row in (
            "INSERT INTO clinic (id, slug, name, timezone, emergency_number, oncall, created_at, "
            f"conversation_window_hours) VALUES (1, 'c', 'C', 'UTC', '911', '{{}}', {then}, 48)",
            "INSERT INTO patient (id, clinic_id, external_id, name, channel, language, context, status, "
            f"created_at) VALUES (1, 1, 'P1', 'P', 'simulator', 'en', '{{}}', 'active', {then})",
            "INSERT INTO carer (id, clinic_id, patient_id, name, relationship, channel, language, "
            f"created_at) VALUES (1, 1, 1, 'Ana', 'daughter', 'sms', 'en', {then})",
            "INSERT INTO inbound_message (clinic_id, patient_id, carer_id, channel, provider_id, text, "
            f"received_at, attempts) VALUES (1, 1, 1, 'sms', 'SM1', 'he is poorly', {then}, 1)",
        ):
            await conn.execute(text(row))
    tables, columns = await _shape(db)
    assert "carer" in tables
    assert "carer_id" in columns
    await _migrate(db, "downgrade", "0012")
    tables, columns = await _shape(db)
    assert "carer" not in tables
    assert "carer_id" not in columns
    async with db.engine.connect() as conn:
        assert (await conn.execute(text("SELECT text FROM inbound_message"))).scalar() == "he is poorly"
    await _migrate(db, "upgrade", "head")
    tables, columns = await _shape(db)
    assert "carer" in tables
    assert "carer_id" in columns
    async with db.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM inbound_message"))).scalar() == 1
