"""Everything a running Vigil needs, built once from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from vigil.bot.service import Service
from vigil.core.clock import Clock, SystemClock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.settings import Settings
from vigil.escalation.triage import TriageEngine, default_engine


@dataclass
class Runtime:
    settings: Settings
    db: Database
    clock: Clock
    hub: Hub
    engine: TriageEngine
    service: Service

    async def close(self) -> None:
        await self.db.dispose()


def build_runtime(settings: Settings, *, clock: Clock | None = None, db: Database | None = None) -> Runtime:
    clock = clock or SystemClock()
    db = db or Database(settings.database_url)
    hub = Hub()
    engine = default_engine()
    service = Service(db, clock, engine, hub, public_url=settings.public_url)
    return Runtime(settings, db, clock, hub, engine, service)
