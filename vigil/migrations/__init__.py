"""Alembic migrations for every table of Vigil, and the functions that apply them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncEngine

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


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision` (synchronous; runs its own event loop)."""
    command.upgrade(alembic_config(url), revision)


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
