"""A fake Telegram Bot API on 127.0.0.1, for the real python-telegram-bot client to call.

It speaks the Bot API's HTTP: `/bot<token>/<method>` with form or JSON bodies, answers
`{"ok": true, "result": ...}` or Telegram's error bodies (403 blocked, 400 chat not found,
429 with `parameters.retry_after`), and serves getUpdates for polling.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ....fakes import serving

TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmn"
BOT = {"id": 123456789, "is_bot": True, "first_name": "Vigil", "username": "vigil_test_bot"}


@dataclass
class FakeTelegram:
    url: str = ""
    sent: list[dict[str, Any]] = field(default_factory=list)  # sendMessage calls that succeeded
    arrivals: list[tuple[float, int]] = field(default_factory=list)  # (monotonic time, chat id)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # every method called
    blocked: set[int] = field(default_factory=set)
    missing: set[int] = field(default_factory=set)
    throttle: list[int] = field(default_factory=list)  # retry_after of the next sendMessage calls
    updates: list[dict[str, Any]] = field(default_factory=list)  # served by getUpdates
    next_message_id: int = 1
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def api_url(self) -> str:
        return f"{self.url}/bot"

    def to(self, chat_id: int) -> list[str]:
        return [m["text"] for m in self.sent if int(m["chat_id"]) == chat_id]

    def buttons(self, chat_id: int) -> list[list[list[dict[str, Any]]]]:
        return [
            json.loads(m["reply_markup"])["inline_keyboard"]
            for m in self.sent
            if int(m["chat_id"]) == chat_id and m.get("reply_markup")
        ]


def _error(code: int, description: str, **parameters: Any) -> JSONResponse:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return JSONResponse(body, status_code=code)


def _app(fake: FakeTelegram) -> Starlette:
    async def method(request: Request) -> JSONResponse:
        if request.path_params["token"] != TOKEN:
            return _error(401, "Unauthorized")
        name = request.path_params["method"]
        if request.headers.get("content-type", "").startswith("application/json"):
            params: dict[str, Any] = await request.json()
        else:
            params = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        with fake.lock:
            fake.calls.append((name, params))
        if name == "getMe":
            return JSONResponse({"ok": True, "result": BOT})
        if name in ("setWebhook", "deleteWebhook", "answerCallbackQuery", "setMyCommands"):
            return JSONResponse({"ok": True, "result": True})
        if name == "getUpdates":
            offset = int(params.get("offset") or 0)
            for _ in range(20):  # a short long-poll
                with fake.lock:
                    ready = [u for u in fake.updates if u["update_id"] >= offset]
                if ready:
                    return JSONResponse({"ok": True, "result": ready})
                await asyncio.sleep(0.02)
            return JSONResponse({"ok": True, "result": []})
        if name in ("editMessageText", "editMessageReplyMarkup"):
            return JSONResponse({"ok": True, "result": True})
        if name != "sendMessage":
            return _error(404, "Not Found: method not found")
        chat_id = int(params["chat_id"])
        with fake.lock:
            if fake.throttle:
                wait = fake.throttle.pop(0)
                return _error(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
            if chat_id in fake.blocked:
                return _error(403, "Forbidden: bot was blocked by the user")
            if chat_id in fake.missing:
                return _error(400, "Bad Request: chat not found")
            message_id = fake.next_message_id
            fake.next_message_id += 1
            fake.sent.append(dict(params))
            fake.arrivals.append((time.monotonic(), chat_id))
        return JSONResponse(
            {
                "ok": True,
                "result": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private", "first_name": "Someone"},
                    "from": BOT,
                    "text": params.get("text", ""),
                },
            }
        )

    return Starlette(routes=[Route("/bot{token}/{method}", method, methods=["GET", "POST"])])


@contextmanager
def running() -> Iterator[FakeTelegram]:
    fake = FakeTelegram()
    with serving(_app(fake)) as url:
        fake.url = url
        yield fake


def update(update_id: int, chat_id: int, text: str) -> dict[str, Any]:
    """A private text message update, as Telegram sends it."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Pat"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Pat"},
            "text": text,
            **(
                {"entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]}
                if text.startswith("/")
                else {}
            ),
        },
    }


def button(update_id: int, chat_id: int, data: str, message_text: str = "a question") -> dict[str, Any]:
    """A callback query: the user pressed an inline button with this data."""
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cq{update_id}",
            "chat_instance": "ci",
            "from": {"id": chat_id, "is_bot": False, "first_name": "Pat"},
            "data": data,
            "message": {
                "message_id": 9000 + update_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private", "first_name": "Pat"},
                "from": BOT,
                "text": message_text,
            },
        },
    }
