"""`vigil demo` as a new user meets it: the first check-in comes at once, whatever the hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from vigil.assembly import build_runtime
from vigil.cli import demo
from vigil.core.clock import ManualClock
from vigil.core.models import Clinic, OutboundMessage
from vigil.core.settings import Settings
from vigil.scheduler.models import CheckIn

NIGHT = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)  # 02:30 in New York: inside 21:00-08:00


async def test_the_demos_first_check_in_comes_within_a_minute_even_inside_its_quiet_hours(
    tmp_path: Path,
) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.db'}", simulator=True, demo=True)
    await demo.prepare(settings, ManualClock(NIGHT))
    later = ManualClock(NIGHT + timedelta(minutes=1))
    rt = build_runtime(settings, clock=later)
    try:
        async with rt.db.session() as session:
            clinic = await session.scalar(select(Clinic))
            assert clinic is not None
            assert (clinic.quiet_start, clinic.quiet_end) == ("21:00", "08:00")  # the demo keeps them
        stats = await rt.tick()
        assert stats["opened"] == 3
        async with rt.db.session() as session:
            opened = list(await session.scalars(select(CheckIn.opened_at)))
        assert len(opened) == 3
        assert all(at <= NIGHT + timedelta(minutes=1) for at in opened)
        # Each patient's opt-in notice is let out before their check-in, not held to 08:00.
        async with rt.db.session() as session:
            notices = list(
                await session.scalars(select(OutboundMessage).where(OutboundMessage.kind == "info"))
            )
        assert len(notices) == 3
        assert all(n.next_attempt_at is not None and n.next_attempt_at <= NIGHT for n in notices)
    finally:
        await rt.close()
