"""In-process publish/subscribe for live pages (Server-Sent Events).

Each process tells its own subscribers, and on PostgreSQL the others too (relay.py); the
database stays the source of truth, so a page that misses a note shows the change on its
next load.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Hub:
    def __init__(self, queue_size: int = 100) -> None:
        self._subs: dict[str, set[asyncio.Queue[dict[str, Any]]]] = {}
        self._size = queue_size
        # Also tells other processes (PgRelay), when there are any.
        self.relay: Callable[[str, dict[str, Any]], None] | None = None

    @contextmanager
    def subscribe(self, *topics: str) -> Iterator[asyncio.Queue[dict[str, Any]]]:
        """One queue that hears every one of `topics`."""
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(self._size)
        for topic in topics:
            self._subs.setdefault(topic, set()).add(queue)
        try:
            yield queue
        finally:
            for topic in topics:
                subs = self._subs.get(topic)
                if subs is not None:
                    subs.discard(queue)
                    if not subs:
                        del self._subs[topic]

    def publish(self, topic: str, payload: dict[str, Any]) -> None:
        self.deliver(topic, payload)
        if self.relay is not None:
            self.relay(topic, payload)

    def deliver(self, topic: str, payload: dict[str, Any]) -> None:
        """Tell this process's subscribers only."""
        for queue in list(self._subs.get(topic, ())):
            # A stalled page drops notes; it reloads from the database.
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(payload)

    def subscribers(self, topic: str) -> int:
        return len(self._subs.get(topic, ()))
