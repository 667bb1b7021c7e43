"""Kill the dispatcher mid-send, twice, over 1,000 messages: every message arrives, with at
most one duplicate per crash (the row being sent when the process died)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

from sqlalchemy import func, insert, select

from vigil.core.db import Database
from vigil.core.models import OutboundMessage, queued

from ..conftest import search_path
from .channels.telegram import telegram_api

MESSAGES = 1000


async def _queue(db: Database) -> None:
    from vigil.core.clock import SystemClock

    now = SystemClock().now()
    rows = [
        queued(
            clinic_id=None,
            channel="telegram",
            address=str(10_000 + i),
            kind="info",
            text=f"message {i}",
            now=now,
            priority=5,
        )
        for i in range(MESSAGES)
    ]
    async with db.transaction() as session:
        await session.execute(insert(OutboundMessage), rows)


async def _unsent(db: Database) -> int:
    async with db.session() as session:
        return int(
            await session.scalar(
                select(func.count()).select_from(OutboundMessage).where(OutboundMessage.status != "sent")
            )
            or 0
        )


def _start(db: Database, schema: str, fake: telegram_api.FakeTelegram) -> subprocess.Popen[bytes]:
    root = Path(__file__).resolve().parents[2]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.bot.dispatch_worker", db.url, schema, fake.api_url, telegram_api.TOKEN],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


class _Gate:
    """Stands in for the fake Telegram's lock: once `stop_at` messages were accepted, every
    later call waits until the test moves the gate. The worker is therefore killed with
    exactly `stop_at` messages sent (never after it finished) and a send in flight."""

    def __init__(self, fake: telegram_api.FakeTelegram) -> None:
        self._fake = fake
        self._cond = threading.Condition()
        self.stop_at = MESSAGES + 1

    def __enter__(self) -> None:
        self._cond.acquire()
        while len(self._fake.sent) >= self.stop_at:
            self._cond.wait()

    def __exit__(self, *_: object) -> None:
        self._cond.release()

    def move(self, stop_at: int) -> None:
        with self._cond:
            self.stop_at = stop_at
            self._cond.notify_all()


async def _wait_for(condition: Callable[[], bool | Awaitable[bool]], within: float = 60.0) -> None:
    # Polled: the worker is another process and the fake another thread; nothing to await.
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        done = condition()
        if not isinstance(done, bool):
            done = await done
        if done:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


async def test_killing_the_dispatcher_mid_send_loses_nothing_and_duplicates_at_most_one_per_crash(
    db: Database,
) -> None:
    await _queue(db)
    schema = await search_path(db) if db.postgres else ""
    crashes = 0
    with telegram_api.running() as fake:
        gate = _Gate(fake)
        fake.lock = gate  # type: ignore[assignment]
        try:
            for kill_after in (150, 500):
                gate.move(kill_after)
                worker = _start(db, schema, fake)
                try:
                    await _wait_for(lambda: len(fake.sent) >= kill_after)  # noqa: B023 - awaited here
                    assert len(fake.sent) == kill_after  # the gate holds the rest: killed mid-dispatch
                finally:
                    worker.send_signal(signal.SIGKILL)
                    worker.wait()
                crashes += 1
        finally:
            gate.move(MESSAGES * 2)  # let any held call finish, so the fake can shut down
        worker = _start(db, schema, fake)
        try:
            await _wait_for(lambda: _done(db))
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        texts = Counter(m["text"] for m in fake.sent)
    assert set(texts) == {f"message {i}" for i in range(MESSAGES)}  # every message arrived
    duplicates = sum(n - 1 for n in texts.values())
    assert duplicates <= crashes


async def _done(db: Database) -> bool:
    return await _unsent(db) == 0
