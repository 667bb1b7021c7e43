"""Telegram's webhook: POST /webhooks/telegram, the secret header checked before the body is read."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import Response

from .bridge import TelegramBridge, Unavailable, UpdateRejected


def _ids_fit(data: object) -> bool:
    """Whether every number in an update fits a 64-bit column, as all of Telegram's ids do."""
    stack = [data]
    while stack:  # a loop, not recursion: the body may be nested as deep as JSON allows
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, int) and not -(2**63) <= item < 2**63:
            return False
    return True


def router(bridge: TelegramBridge) -> APIRouter:
    routes = APIRouter()

    @routes.post("/webhooks/telegram")
    async def telegram_update(request: Request) -> Response:
        # Before reading the body: PTB's own example leaves this check to the reader.
        if not bridge.secret_ok(request.headers.get("x-telegram-bot-api-secret-token")):
            return Response("bad secret", status_code=403)
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError, RecursionError):  # [[[[... nested past the stack
            return Response("not JSON", status_code=400)
        if not isinstance(data, dict) or type(data.get("update_id")) is not int or not _ids_fit(data):
            return Response("not a Telegram update", status_code=400)
        try:
            await bridge.feed(data)
        except UpdateRejected as exc:
            return Response(str(exc), status_code=400)
        except Unavailable:
            return Response("try again", status_code=503, headers={"Retry-After": "5"})
        return Response(status_code=200)

    return routes
