"""The clock that drives every sweep: one tick runs each sweep on its own.

A sweep that raises or runs past its time limit is logged and counted, and the others still
run: a broken check-in protocol must never cost an emergency its page. What a sweep does is
given to the tick by whoever builds it (vigil.assembly); the tick only knows names, limits and
the order, paging first since a late page is the costliest delay.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from prometheus_client import Counter, Histogram

log = logging.getLogger("vigil.tick")
SWEEP_FAILURES = Counter(
    "vigil_tick_sweep_failures_total", "Tick sweeps that raised or ran out of time", ["sweep", "reason"]
)
SWEEP_SECONDS = Histogram("vigil_tick_sweep_seconds", "How long each tick sweep took", ["sweep"])
# Seconds a sweep may take before it is stopped so the rest of the tick can run; what it
# committed so far stays, and the next tick carries on from there. The due sweep may take
# longer (100,000 due check-ins take about 15 s on PostgreSQL); paging must never wait long.
SWEEP_LIMITS = {"paging": 30.0, "checkins": 120.0}
SWEEP_LIMIT = 60.0


@dataclass(frozen=True)
class Sweep:
    """One periodic job: `name` labels its metrics and limit, `stat` its count in a tick's result."""

    name: str
    stat: str
    run: Callable[[], Awaitable[int]]


def _where(exc: BaseException) -> str:
    """The file and line an exception was raised at, for a log line without its message."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "?"
    return f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"


class Tick:
    """Every sweep in order, each within its own time limit; `after` runs once all have."""

    def __init__(self, sweeps: Sequence[Sweep], after: Callable[[], None] | None = None) -> None:
        self.sweeps = list(sweeps)
        self.after = after
        self.limits: dict[str, float] = dict(SWEEP_LIMITS)  # seconds, by sweep

    async def __call__(self) -> dict[str, int]:
        stats = dict.fromkeys((s.stat for s in self.sweeps), 0)
        for sweep in self.sweeps:
            stats[sweep.stat] = await self._sweep(sweep)
        if self.after is not None:
            self.after()
        return stats

    async def _sweep(self, sweep: Sweep) -> int:
        """Run one sweep within its time limit; on failure log, count and return 0."""
        started = time.perf_counter()
        limit = self.limits.get(sweep.name, SWEEP_LIMIT)
        try:
            async with asyncio.timeout(limit):
                return await sweep.run()
        except TimeoutError:
            SWEEP_FAILURES.labels(sweep.name, "timeout").inc()
            log.error("tick sweep %s ran past its %.0f s limit and was stopped", sweep.name, limit)
        except Exception as exc:
            SWEEP_FAILURES.labels(sweep.name, "error").inc()
            # The type and where it was raised only: an exception's message may quote a patient.
            log.error("tick sweep %s failed: %s at %s", sweep.name, type(exc).__name__, _where(exc))
        finally:
            SWEEP_SECONDS.labels(sweep.name).observe(time.perf_counter() - started)
        return 0


class Ticking:
    """The tick on a timer (APScheduler): one at a time, a late tick coalesced, never skipped."""

    def __init__(self, tick: Tick, seconds: float) -> None:
        self.tick = tick
        self.seconds = seconds
        self._scheduler: AsyncIOScheduler | None = None

    def start(self) -> None:
        scheduler = AsyncIOScheduler()
        scheduler.add_job(
            # The bound coroutine method, not the Tick itself: APScheduler awaits a job only when
            # it sees a coroutine function, and an object with an async __call__ is not one — it
            # would be called in a thread and its coroutine dropped, so no tick would ever run.
            self.tick.__call__,
            "interval",
            seconds=self.seconds,
            id="tick",
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
        scheduler.start()
        self._scheduler = scheduler

    def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
