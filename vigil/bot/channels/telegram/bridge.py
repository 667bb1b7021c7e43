"""PTB's Application inside Vigil: fed by POST /webhooks/telegram (`updater(None)`, as in
PTB's customwebhookbot example) when a webhook secret is set, polling Telegram otherwise.

The webhook awaits the update's handlers before answering, so a 200 means the message is
stored; a failure answers 503 and Telegram delivers the update again.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from typing import TYPE_CHECKING, Any

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import Application

from ...transport import TransientError
from . import handlers
from .transport import TelegramChannel

if TYPE_CHECKING:
    from vigil.usecases.service import Service

log = logging.getLogger("vigil.telegram")
ALLOWED_UPDATES = ["message", "callback_query"]


class UpdateRejected(ValueError):
    """The body is not a Telegram update."""


class Unavailable(RuntimeError):
    """The update could not be handled now; Telegram should deliver it again."""


def bot_id(token: str) -> str:
    return token.split(":", 1)[0]


async def bot_username(token: str, api_url: str) -> str:
    """The bot's @name, for deep links (asks Telegram's getMe)."""
    async with Bot(token, base_url=api_url) as bot:
        return str(bot.username)


class TelegramBridge:
    def __init__(self, token: str, api_url: str, webhook_secret: str | None, public_url: str) -> None:
        self.webhook_secret = webhook_secret
        self.public_url = public_url
        builder = Application.builder().token(token).base_url(api_url).concurrent_updates(True)
        if webhook_secret:
            builder = builder.updater(None)
        self.app: Application[Any, Any, Any, Any, Any, Any] = builder.build()
        self.app.bot_data["bot_id"] = bot_id(token)
        handlers.install(self.app)
        self.channel = TelegramChannel(self.app.bot, self.ready)
        self._lock = asyncio.Lock()
        self._polling = False
        self._stopped = False
        self._retry: asyncio.Task[None] | None = None

    def attach(self, service: Service) -> None:
        self.app.bot_data["service"] = service

    async def ready(self) -> None:
        """Initialise once (PTB's getMe); until Telegram answers, sending is a transient error."""
        if self.app._initialized:  # PTB exposes no public flag
            return
        if self._stopped:
            raise TransientError("telegram is shutting down")
        async with self._lock:
            if self.app._initialized:
                return
            try:
                await self.app.initialize()
            except TelegramError as exc:
                raise TransientError(f"telegram not ready: {type(exc).__name__}") from None

    @property
    def username(self) -> str:
        return str(self.app.bot.username)

    async def link_name(self) -> str:
        """The bot's @name for a deep link; TransientError while Telegram does not answer."""
        await self.ready()
        return self.username

    def secret_ok(self, header: str | None) -> bool:
        if not self.webhook_secret or header is None:
            return False
        return hmac.compare_digest(header.encode(), self.webhook_secret.encode())

    async def start(self) -> None:
        """Register the webhook with Telegram, or start polling; if Telegram does not answer,
        keep trying in the background with back-off. Never fails the app's startup."""
        if not await self._start_once():
            self._retry = asyncio.create_task(self._keep_starting(), name="telegram-start")

    async def _start_once(self) -> bool:
        try:
            await self.ready()
            if self.webhook_secret:
                await self.app.bot.set_webhook(
                    f"{self.public_url}/webhooks/telegram",
                    secret_token=self.webhook_secret,
                    allowed_updates=ALLOWED_UPDATES,
                )
            elif self.app.updater is not None and not self._polling:
                await self.app.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
                await self.app.start()
                self._polling = True
        except (TransientError, TelegramError) as exc:
            log.error("Telegram did not answer at startup (%s); trying again", type(exc).__name__)
            return False
        return True

    async def _keep_starting(self) -> None:
        delay = 5.0
        while not await self._start_once():
            await asyncio.sleep(delay)
            delay = min(delay * 2, 300.0)

    async def stop(self) -> None:
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None
        self._stopped = True
        if self._polling and self.app.updater is not None:
            await self.app.updater.stop()
            await self.app.stop()
            self._polling = False
        if self.app._initialized:
            await self.app.shutdown()

    async def feed(self, data: dict[str, Any]) -> None:
        """Handle one update from the webhook, to the end."""
        try:
            update = Update.de_json(data, self.app.bot)
        except Exception as exc:  # PTB raises what the shape gives: KeyError, TypeError, ...
            raise UpdateRejected(f"not a Telegram update: {type(exc).__name__}") from None
        if update is None:
            raise UpdateRejected("empty update")
        try:
            await self.ready()
        except TransientError as exc:
            raise Unavailable(str(exc)) from None
        failures: list[BaseException] = []
        token = handlers.FAILURES.set(failures)
        try:
            await self.app.process_update(update)
        finally:
            handlers.FAILURES.reset(token)
        if failures:
            raise Unavailable(type(failures[0]).__name__)
