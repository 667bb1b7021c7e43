"""The migrated schema is exactly what the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from vigil.core.db import Database
from vigil.migrations import metadata


async def test_migrations_match_the_models(db: Database) -> None:
    def diff(connection: Any) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata()))

    async with db.engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_upgrading_twice_changes_nothing(db: Database) -> None:
    from vigil.migrations import upgrade_async

    await upgrade_async(db.engine)
    async with db.engine.connect() as conn:
        from sqlalchemy import text

        assert (await conn.execute(text("SELECT count(*) FROM alembic_version"))).scalar() == 1
