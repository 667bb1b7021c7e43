"""Alembic migrations for every table of Vigil, and the functions that apply them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

HERE = Path(__file__).resolve().parent


def metadata() -> MetaData:
    """The metadata of every model: importing the model modules registers their tables."""
    import vigil.bot.models
    import vigil.core.models
    import vigil.escalation.models
    import vigil.scheduler.models  # noqa: F401 - registers the tables
    from vigil.core.db import Base

    return Base.metadata


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def upgrade(url: str, revision: str = "head") -> tuple[str | None, str | None]:
    """Apply migrations up to `revision` (synchronous; runs its own event loop). Returns the
    database's revision before (None: it had no tables of Vigil) and after, so the caller can
    say what was done."""
    before = current_revision(url)
    command.upgrade(alembic_config(url), revision)
    return before, current_revision(url)


def current_revision(url: str) -> str | None:
    """The revision the database at `url` is at; None when Vigil's tables are not there yet."""

    async def read() -> str | None:
        engine = create_async_engine(url)
        try:
            async with engine.connect() as conn:
                return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())
        finally:
            await engine.dispose()

    return asyncio.run(read())


async def upgrade_async(engine: AsyncEngine, revision: str = "head") -> None:
    """Apply migrations on an existing async engine (from inside a running event loop)."""
    cfg = alembic_config(str(engine.url.render_as_string(hide_password=False)))

    def run(connection: object) -> None:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)

    async with engine.connect() as conn:
        await conn.run_sync(run)
        await conn.commit()


def _main() -> None:  # pragma: no cover - a developer's helper
    import sys

    asyncio.run(asyncio.sleep(0))
    command.revision(alembic_config(sys.argv[1]), message=sys.argv[2], autogenerate=True)
