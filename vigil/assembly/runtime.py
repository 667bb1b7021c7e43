"""Everything a running Vigil needs, built once from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from vigil.bot.channels import Channel
from vigil.bot.channels.simulator import SimulatorChannel
from vigil.bot.channels.sms.transport import TwilioSms
from vigil.bot.channels.telegram.bridge import TelegramBridge
from vigil.bot.service import Service
from vigil.core.clock import Clock, SystemClock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.relay import PgRelay
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
    telegram: TelegramBridge | None = None
    relay: PgRelay | None = None

    async def close(self) -> None:
        if self.relay is not None:
            await self.relay.stop()
        if self.telegram is not None:
            await self.telegram.stop()
        for channel in self.service.channels.values():
            close = getattr(channel, "close", None)
            if close is not None:
                await close()
        await self.db.dispose()


def build_runtime(settings: Settings, *, clock: Clock | None = None, db: Database | None = None) -> Runtime:
    clock = clock or SystemClock()
    db = db or Database(settings.database_url)
    hub = Hub()
    engine = default_engine()
    channels: dict[str, Channel] = {}
    if settings.simulator:
        channels["simulator"] = SimulatorChannel(hub)
    if settings.twilio_account_sid and settings.twilio_auth_token and settings.twilio_from:
        channels["sms"] = TwilioSms(
            settings.twilio_account_sid,
            settings.twilio_auth_token,
            settings.twilio_from,
            settings.twilio_api_url,
            settings.public_url,
            settings.twilio_rate_per_second,
        )
    telegram = None
    if settings.telegram_token:
        telegram = TelegramBridge(
            settings.telegram_token,
            settings.telegram_api_url,
            settings.telegram_webhook_secret,
            settings.public_url,
        )
        channels["telegram"] = telegram.channel
    service = Service(db, clock, engine, hub, channels, public_url=settings.public_url)
    if telegram is not None:
        telegram.attach(service)
    relay = PgRelay(hub, db.engine) if db.postgres else None  # started with the app
    return Runtime(settings, db, clock, hub, engine, service, telegram, relay)
