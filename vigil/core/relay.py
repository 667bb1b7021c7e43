"""Live-page notes between `vigil serve` processes, through PostgreSQL LISTEN/NOTIFY.

The hub tells its own process's pages; with several processes against one PostgreSQL, a
case changed in one must still refresh the queue open in another. PostgreSQL is already
the distributed part, so it carries the notes: no broker of our own. Notes are hints (the
pages reload from the database), so one lost while reconnecting costs a refresh, no data.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from .hub import Hub

log = logging.getLogger("vigil.relay")
RETRY_SECONDS = (1, 2, 5, 10, 30)


class PgRelay:
    def __init__(self, hub: Hub, engine: AsyncEngine) -> None:
        self.hub = hub
        self.engine = engine
        self.origin = uuid.uuid4().hex  # this process: its own notes come back and are skipped
        self.channel = ""
        self._outgoing: asyncio.Queue[str] = asyncio.Queue(1000)
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> None:
        """Listen and send in the background; returns once listening (or after a first failure)."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="hub-relay")
            self.hub.relay = self._send
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def stop(self) -> None:
        self.hub.relay = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def _send(self, topic: str, payload: dict[str, Any]) -> None:
        note = json.dumps({"o": self.origin, "t": topic, "p": payload}, separators=(",", ":"))
        if len(note) < 7900:  # NOTIFY's limit is 8000 bytes; ours are a few dozen
            with contextlib.suppress(asyncio.QueueFull):
                self._outgoing.put_nowait(note)

    def _received(self, _conn: Any, _pid: int, _channel: str, raw: str) -> None:
        try:
            note = json.loads(raw)
            if note.get("o") != self.origin:
                self.hub.deliver(str(note["t"]), dict(note["p"]))
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed hub note")

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                async with self.engine.connect() as conn:
                    await self._serve(conn)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database went away: keep trying, pages still load
                self._ready.set()
                wait = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                log.warning("hub relay lost its connection (%s); retrying in %ss", type(exc).__name__, wait)
                await asyncio.sleep(wait)

    async def _serve(self, conn: AsyncConnection) -> None:
        raw = await conn.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        where = await driver.fetchrow("SELECT current_database(), current_schema()")
        # One channel per database and schema: deployments sharing a server stay apart.
        self.channel = "vigil_" + hashlib.sha256(f"{where[0]}/{where[1]}".encode()).hexdigest()[:24]
        lost = asyncio.Event()
        driver.add_termination_listener(lambda _c: lost.set())
        await driver.add_listener(self.channel, self._received)
        self._ready.set()
        try:
            while not lost.is_set():
                note = await self._outgoing.get()
                await driver.execute("SELECT pg_notify($1, $2)", self.channel, note)
        finally:
            with contextlib.suppress(Exception):
                await driver.remove_listener(self.channel, self._received)
