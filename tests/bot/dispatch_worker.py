"""An outbox dispatcher in a process of its own, for the crash test: run until killed."""

from __future__ import annotations

import asyncio
import sys
from datetime import timedelta


async def main(url: str, search_path: str, api_url: str, token: str) -> None:
    from vigil.bot.channels.telegram.bridge import TelegramBridge
    from vigil.bot.outbox import Dispatcher
    from vigil.bot.pacing import Limit
    from vigil.core.clock import SystemClock
    from vigil.core.db import Database
    from vigil.core.hub import Hub

    kwargs = {"connect_args": {"server_settings": {"search_path": search_path}}} if search_path else {}
    db = Database(url, **kwargs)
    bridge = TelegramBridge(token, api_url, "secret", "http://localhost")
    bridge.channel.limit = Limit(per_second=2000)  # the fake has no limit; the test is about crashes
    dispatcher = Dispatcher(
        db, SystemClock(), {"telegram": bridge.channel}, Hub(), lease=timedelta(seconds=1)
    )
    await dispatcher.run(idle=0.1)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
