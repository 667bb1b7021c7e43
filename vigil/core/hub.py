"""In-process publish/subscribe for live pages (Server-Sent Events).

Each process tells its own subscribers; the database stays the source of truth, so a
page that misses a note simply shows the change on its next load.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Hub:
    def __init__(self, queue_size: int = 100) -> None:
        self._subs: dict[str, set[asyncio.Queue[dict[str, Any]]]] = {}
        self._size = queue_size

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
        for queue in list(self._subs.get(topic, ())):
            # A stalled page drops notes; it reloads from the database.
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(payload)

    def subscribers(self, topic: str) -> int:
        return len(self._subs.get(topic, ()))
