"""Sending to Telegram with PTB's Bot: buttons as inline keyboards, errors sorted into
transient (429 with retry_after, timeouts, 5xx) and permanent (blocked, chat not found)."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from vigil.core.models import OutboundMessage

from ...pacing import Limit
from ...transport import PermanentError, TransientError

log = logging.getLogger("vigil.telegram")

# Telegram's documented limits: 30 messages a second per bot, about one a second per chat.
LIMIT = Limit(per_second=30, per_address_interval=1.0)


class Unreachable(PermanentError):
    patient_status = "unreachable"


def keyboard(buttons: list[list[list[str]]] | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in buttons]
    )


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramChannel:
    name = "telegram"

    def __init__(self, bot: Bot, ready: Callable[[], Awaitable[None]], limit: Limit = LIMIT) -> None:
        self.bot = bot
        self.ready = ready
        self.limit = limit

    async def send(self, message: OutboundMessage) -> str:
        try:
            chat_id = int(message.address)
        except ValueError:
            raise Unreachable("no Telegram chat is linked") from None
        await self.ready()
        try:
            sent = await self.bot.send_message(
                chat_id=chat_id, text=message.text, reply_markup=keyboard(message.buttons)
            )
        except RetryAfter as exc:
            with warnings.catch_warnings():  # PTB 22.2+ warns that the type becomes timedelta
                warnings.simplefilter("ignore", PTBDeprecationWarning)
                wait = _seconds(exc.retry_after)
            raise TransientError("telegram 429", retry_after=wait) from None
        except Forbidden as exc:  # blocked by the user, or the account is deactivated
            raise Unreachable(f"telegram 403: {exc.message}"[:200]) from None
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise Unreachable("telegram 400: chat not found") from None
            raise PermanentError(f"telegram 400: {exc.message}"[:200]) from None
        except NetworkError as exc:  # timeouts, connection errors, Telegram's 5xx
            raise TransientError(f"telegram unreachable: {type(exc).__name__}") from None
        except TelegramError as exc:  # anything else: keep the message and try again later
            raise TransientError(f"telegram error: {type(exc).__name__}") from None
        return f"{sent.chat_id}:{sent.message_id}"
