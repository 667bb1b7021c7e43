"""`vigil checkins send-due --now`: another instant only as a dry run, which writes nothing,
so a test sweep against a live database can never hold back a real emergency's page."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vigil.assembly import build_runtime
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import OutboundMessage
from vigil.core.settings import Settings
from vigil.escalation.models import Case, CaseEvent
from vigil.scheduler.models import CheckIn, Enrolment

from ..conftest import DEMO, DUE, NURSE
from ..escalation.test_paging import DR
from .test_commands import vigil


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    out["VIGIL_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    out["VIGIL_SIMULATOR"] = "1"
    assert vigil("db", "upgrade", env=out).returncode == 0
    assert vigil("import", str(DEMO), env=out).returncode == 0
    return out


def _settings(env: dict[str, str]) -> Settings:
    return Settings(database_url=env["VIGIL_DATABASE_URL"], secret_key="x" * 32, simulator=True)


async def _emergency(env: dict[str, str], clock: ManualClock) -> None:
    rt = build_runtime(_settings(env), clock=clock)
    try:
        patient = await rt.service.patient(1, "MRN-100871")
        assert patient is not None
        received = await rt.service.receive(patient, "simulator", "sim-1", "I passed out")
        assert received.outcome is not None
        assert received.outcome.case_id is not None
    finally:
        await rt.close()


async def _tick(env: dict[str, str], clock: ManualClock) -> None:
    rt = build_runtime(_settings(env), clock=clock)
    try:
        await rt.tick()
    finally:
        await rt.close()


async def _state(env: dict[str, str]) -> dict[str, object]:
    db = Database(env["VIGIL_DATABASE_URL"])
    try:
        async with db.session() as session:
            case = await session.scalar(select(Case))
            paged = await session.scalars(
                select(CaseEvent).where(CaseEvent.kind == "paged").order_by(CaseEvent.id)
            )
            return {
                "next": case.next_escalation_at if case else None,
                "tier": case.tier if case else None,
                "pages": [(e.detail["recipient"], e.detail["tier"]) for e in paged],
                "events": await session.scalar(select(func.count()).select_from(CaseEvent)),
                "outbox": await session.scalar(select(func.count()).select_from(OutboundMessage)),
                "checkins": await session.scalar(select(func.count()).select_from(CheckIn)),
                "due": sorted(await session.scalars(select(Enrolment.next_due_at))),
            }
    finally:
        await db.dispose()


def test_a_dry_run_as_if_tomorrow_writes_nothing_and_the_emergency_is_paged_on_time(
    env: dict[str, str],
) -> None:
    clock = ManualClock(DUE)
    asyncio.run(_emergency(env, clock))
    before = asyncio.run(_state(env))
    assert before["pages"] == [(NURSE, 1)]

    # The import scheduled check-ins (Mondays and Thursdays) by the real clock: a week past
    # it, both are due.
    later = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    dry = vigil("checkins", "send-due", "--now", later, "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    # What a sweep then would do: both check-ins, and the unacknowledged case's next tier.
    assert dry.stdout.startswith("would open 3 check-ins; 0 missed would be flagged, 1 page would be written")
    # It claims no write it did not make: every count is what it would do.
    assert " written" not in dry.stdout.replace("would be written", "").replace("nothing was written", "")
    assert "nothing was written" in dry.stdout
    assert asyncio.run(_state(env)) == before

    clock.advance(minutes=5, seconds=1)
    asyncio.run(_tick(env, clock))
    after = asyncio.run(_state(env))
    assert after["pages"] == [(NURSE, 1), (DR, 2)]  # on time, five minutes after the first


def test_a_sweep_at_another_time_is_refused_unless_it_is_a_dry_run(env: dict[str, str]) -> None:
    before = asyncio.run(_state(env))
    for when in ("2099-01-01T15:00:00Z", "2000-01-01T00:00:00Z"):
        done = vigil("checkins", "send-due", "--now", when, env=env)
        assert done.returncode == 2
        assert "--dry-run" in done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1
    assert asyncio.run(_state(env)) == before
    near = (datetime.now(UTC) + timedelta(seconds=20)).isoformat()
    done = vigil("checkins", "send-due", "--now", near, env=env)
    assert done.returncode == 0, done.stderr  # within a minute of the real clock: a real sweep
