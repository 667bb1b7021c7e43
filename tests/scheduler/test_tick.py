"""The engine tick: each sweep runs on its own, so one that fails or hangs never stops the
others, above all never the paging of an emergency. Simulated clock, no sleeping."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.scheduler import checkins

from ..conftest import DUE, NURSE
from ..escalation.test_paging import DR, emergency, pages

SECRET_WORDS = "I passed out"


def failures(sweep: str, reason: str) -> float:
    value = REGISTRY.get_sample_value("vigil_tick_sweep_failures_total", {"sweep": sweep, "reason": reason})
    return value or 0.0


async def test_a_check_in_sweep_that_raises_on_every_tick_never_delays_a_page(
    rt: Runtime,
    clock: ManualClock,
    client: httpx.AsyncClient,
    auth: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> checkins.DueBatch:
        raise RuntimeError(f"a protocol nobody can read, quoting {SECRET_WORDS!r}")

    monkeypatch.setattr(checkins, "send_due", broken)
    before = failures("checkins", "error")
    clock.set(DUE)
    await emergency(client, auth, SECRET_WORDS)
    assert await pages(rt) == [(NURSE, 1)]
    with caplog.at_level(logging.ERROR, logger="vigil.tick"):
        for _ in range(20):  # five minutes of 15-second ticks
            clock.advance(seconds=15)
            stats = await rt.tick()
            assert stats["opened"] == 0
    assert await pages(rt) == [(NURSE, 1), (DR, 2)]  # the second tier at five minutes, on time
    assert failures("checkins", "error") == before + 20
    assert "tick sweep checkins failed: RuntimeError" in caplog.text
    assert SECRET_WORDS not in caplog.text  # an exception's message may quote a patient


async def test_a_sweep_that_hangs_is_stopped_at_its_limit_and_paging_still_runs(
    rt: Runtime,
    clock: ManualClock,
    client: httpx.AsyncClient,
    auth: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def hangs(session: Any, now: datetime, **kwargs: Any) -> list[checkins.Missed]:
        await asyncio.Event().wait()  # never set: only the time limit ends it
        return []

    monkeypatch.setattr(checkins, "remind_and_expire", hangs)
    rt.tick.limits["reminders_expiry"] = 0  # expires at its first await: no real wait
    before = failures("reminders_expiry", "timeout")
    clock.set(DUE)
    await emergency(client, auth)
    clock.advance(minutes=5, seconds=1)
    stats = await rt.tick()
    assert stats["missed"] == 0
    assert await pages(rt) == [(NURSE, 1), (DR, 2)]
    assert failures("reminders_expiry", "timeout") == before + 1


async def test_every_sweep_reports_its_duration(rt: Runtime, clock: ManualClock) -> None:
    clock.set(DUE)
    sweeps = (
        "paging",
        "checkins",
        "owner_reminders",
        "reminders_expiry",
        "consent_reminders",
        "inbox_retry",
        "outbox_stranded",
    )
    counts = {
        s: REGISTRY.get_sample_value("vigil_tick_sweep_seconds_count", {"sweep": s}) or 0.0 for s in sweeps
    }
    stats = await rt.tick()
    assert stats["opened"] == 3
    for s in sweeps:
        assert REGISTRY.get_sample_value("vigil_tick_sweep_seconds_count", {"sweep": s}) == counts[s] + 1
