"""Everything a running Vigil needs, built once from the settings: the channels (one line
each in CHANNELS), the use cases they and the pages call, and the tick that drives the sweeps."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from fastapi import APIRouter

from vigil.bot.channels import Door, DoorFactory, simulator, sms, telegram
from vigil.bot.transport import Channel
from vigil.core.clock import Clock, SystemClock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.relay import PgRelay
from vigil.core.settings import Settings
from vigil.escalation.triage import TriageEngine, default_engine
from vigil.scheduler.tick import Tick, Ticking
from vigil.usecases.service import Service

# The channels Vigil can speak on, each from its own folder; a new channel is one line here.
CHANNELS: tuple[DoorFactory, ...] = (simulator.door, sms.door, telegram.door)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    clock: Clock
    hub: Hub
    service: Service
    tick: Tick
    doors: dict[str, Door] = field(default_factory=dict)
    routers: list[APIRouter] = field(default_factory=list)  # the doors' webhook routes, for the web app
    relay: PgRelay | None = None
    _ticking: Ticking | None = None
    _dispatcher: asyncio.Task[None] | None = None

    @property
    def engine(self) -> TriageEngine:
        """The triage engine, loaded when first needed (see Service.engine)."""
        return self.service.engine

    async def start(self, *, background: bool = True) -> None:
        """Live pages hear other processes; with `background`, the tick, the outbox and the
        channels' listening (webhook registration, polling) run too."""
        if self.relay is not None:
            await self.relay.start()
        if background:
            # A server reads messages: the engine is built now, off the event loop, so the
            # first patient's reply does not wait seconds for the lexicon.
            await asyncio.to_thread(lambda: self.service.engine)
            seconds = self.settings.scheduler_tick_seconds
            self._ticking = Ticking(self.tick, seconds)
            self._ticking.start()
            self._dispatcher = asyncio.create_task(self.service.dispatcher.run(idle=seconds), name="outbox")
            for door in self.doors.values():
                await door.start()

    async def stop(self) -> None:
        if self._ticking is not None:
            self._ticking.stop()
            self._ticking = None
        if self._dispatcher is not None:  # before the channels stop: no send into a closed client
            self._dispatcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._dispatcher
            self._dispatcher = None
        for door in self.doors.values():
            await door.stop()
        if self.relay is not None:
            await self.relay.stop()

    async def close(self) -> None:
        await self.stop()
        await self.db.dispose()


def build_runtime(
    settings: Settings,
    *,
    clock: Clock | None = None,
    db: Database | None = None,
    channels: Sequence[DoorFactory] = CHANNELS,
) -> Runtime:
    clock = clock or SystemClock()
    db = db or Database(settings.database_url)
    hub = Hub()
    doors: dict[str, Door] = {}
    for make in channels:
        door = make(settings, hub)
        if door is not None:
            doors[door.name] = door
    transports: dict[str, Channel] = {
        name: door.transport for name, door in doors.items() if door.transport is not None
    }
    service = Service(db, clock, default_engine, hub, transports, public_url=settings.public_url)
    routers = [router for door in doors.values() if (router := door.bind(service)) is not None]
    tick = Tick(service.sweeps(), after=service.dispatcher.wake)
    relay = PgRelay(hub, db.engine) if db.postgres else None  # started with the app
    return Runtime(settings, db, clock, hub, service, tick, doors, routers, relay)
