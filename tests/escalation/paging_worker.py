"""An escalation worker in a process of its own, for the two-process test."""

from __future__ import annotations

import asyncio
from datetime import datetime


def escalate(url: str, search_path: str, when: str, rounds: int) -> int:
    async def go() -> int:
        from vigil.core.clock import ManualClock
        from vigil.core.db import Database
        from vigil.core.hub import Hub
        from vigil.escalation.triage import default_engine
        from vigil.usecases.service import Service

        db = Database(url, connect_args={"server_settings": {"search_path": search_path}})
        try:
            service = Service(db, ManualClock(datetime.fromisoformat(when)), default_engine(), Hub())
            total = 0
            for _ in range(rounds):
                total += await service.escalate()
            return total
        finally:
            await db.dispose()

    return asyncio.run(go())
