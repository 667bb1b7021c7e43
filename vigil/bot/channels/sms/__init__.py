"""SMS through Twilio: the transport (REST API, async client), the webhooks it calls
(`routes`), inbound parsing (`webhook`, `inbound`), what its error codes mean (`errors`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigil.core.hub import Hub
from vigil.core.settings import Settings

from .routes import router
from .transport import TwilioSms

if TYPE_CHECKING:
    from fastapi import APIRouter

    from vigil.usecases.service import Service

__all__ = ["SmsDoor", "door"]


class SmsDoor:
    name = "sms"

    def __init__(self, settings: Settings, auth_token: str, transport: TwilioSms | None) -> None:
        self.settings = settings
        self.auth_token = auth_token
        self.transport = transport

    def bind(self, service: Service) -> APIRouter | None:
        return router(service, self.auth_token, self.settings.public_url)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        if self.transport is not None:
            await self.transport.close()


def door(settings: Settings, hub: Hub) -> SmsDoor | None:
    sid, token, sender = settings.twilio_account_sid, settings.twilio_auth_token, settings.twilio_from
    if not (sid and token):
        return None
    transport = None  # without a sender, texts are still heard but none is sent
    if sender:
        transport = TwilioSms(
            sid, token, sender, settings.twilio_api_url, settings.public_url, settings.twilio_rate_per_second
        )
    return SmsDoor(settings, token, transport)
