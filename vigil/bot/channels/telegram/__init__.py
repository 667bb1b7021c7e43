"""Telegram through python-telegram-bot: sending (`transport`), updates by webhook (`routes`)
or polling (`bridge`), what each update does (`handlers`), deep links for invitations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigil.core.hub import Hub
from vigil.core.settings import Settings

from .bridge import TelegramBridge
from .routes import router
from .transport import TelegramChannel

if TYPE_CHECKING:
    from fastapi import APIRouter

    from vigil.usecases.service import Service

__all__ = ["TelegramDoor", "door"]


class TelegramDoor:
    name = "telegram"

    def __init__(self, bridge: TelegramBridge) -> None:
        self.bridge = bridge
        self.transport: TelegramChannel = bridge.channel

    def bind(self, service: Service) -> APIRouter | None:
        self.bridge.attach(service)
        service.invite_links = self.bridge  # invitations are t.me deep links to this bot
        return router(self.bridge)

    async def start(self) -> None:
        await self.bridge.start()

    async def stop(self) -> None:
        await self.bridge.stop()


def door(settings: Settings, hub: Hub) -> TelegramDoor | None:
    if not settings.telegram_token:
        return None
    return TelegramDoor(
        TelegramBridge(
            settings.telegram_token,
            settings.telegram_api_url,
            settings.telegram_webhook_secret,
            settings.public_url,
        )
    )
