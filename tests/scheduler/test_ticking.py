"""The timer really runs the tick: APScheduler must see a coroutine to await."""

from __future__ import annotations

from apscheduler.util import iscoroutinefunction_partial

from vigil.scheduler.tick import Tick, Ticking


async def test_the_timer_hands_apscheduler_a_coroutine_it_awaits() -> None:
    ran: list[int] = []
    tick = Tick([], after=lambda: ran.append(1))
    ticking = Ticking(tick, seconds=3600)
    ticking.start()
    try:
        assert ticking._scheduler is not None
        job = ticking._scheduler.get_job("tick")
        # Otherwise APScheduler runs it in a thread and the tick's coroutine is never awaited.
        assert iscoroutinefunction_partial(job.func)
        job.modify(next_run_time=None)  # paused: the test runs it by hand, once
        await job.func()  # what the executor awaits
        assert ran == [1]
    finally:
        ticking.stop()
