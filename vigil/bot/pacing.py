"""Send pacing: a channel's rate overall and per recipient, as slots booked ahead of time.

A slot is booked before a message is sent, so a queue of a thousand rows never bursts:
each send waits for its slot. Intervals carry a small margin because the provider counts
arrivals, and arrivals jitter by a few milliseconds around our send times.
"""

from __future__ import annotations

from dataclasses import dataclass

MARGIN = 1.02


@dataclass(frozen=True)
class Limit:
    per_second: float | None = None  # the whole channel (one bot, one sending number)
    per_address_interval: float = 0.0  # seconds between two messages to one chat


class Pacer:
    def __init__(self, limit: Limit) -> None:
        self.limit = limit
        self._interval = MARGIN / limit.per_second if limit.per_second else 0.0
        self._next_any = 0.0
        self._next_by: dict[str, float] = {}
        self._last_any = float("-inf")  # when the last send actually started
        self._last_by: dict[str, float] = {}

    def next_slot(self, now: float) -> float:
        """The channel's next free slot."""
        return max(now, self._next_any)

    def chat_free_at(self, address: str) -> float:
        return self._next_by.get(address, 0.0)

    def book(self, address: str, now: float) -> float | None:
        """Take the channel's next slot for `address`, or None while that chat must still wait.

        Slots are handed out in order, never ahead for one chat, so a busy chat cannot push
        the whole channel's next slot forward (it is deferred to `chat_free_at` instead).
        """
        slot = self.next_slot(now)
        if self.chat_free_at(address) > slot:
            return None
        self._next_any = slot + self._interval
        if self.limit.per_address_interval:
            self._next_by[address] = slot + self.limit.per_address_interval * MARGIN
            if len(self._next_by) > 10_000:  # forget chats whose slot has passed
                self._next_by = {a: t for a, t in self._next_by.items() if t > now}
        return slot

    def send_at(self, address: str, planned: float) -> float:
        """When to really send a row planned for `planned`: never closer to the previous send,
        overall or to this chat, than the limits allow, even after a stall (no catch-up burst)."""
        at = max(planned, self._last_any + self._interval)
        if self.limit.per_address_interval:
            at = max(at, self._last_by.get(address, float("-inf")) + self.limit.per_address_interval * MARGIN)
        return at

    def sent(self, address: str, at: float) -> None:
        """Record that a send started at `at`."""
        self._last_any = at
        if self.limit.per_address_interval:
            self._last_by[address] = at
            if len(self._last_by) > 10_000:
                horizon = at - 2 * self.limit.per_address_interval
                self._last_by = {a: t for a, t in self._last_by.items() if t > horizon}

    def capacity(self, horizon: float) -> int:
        """How many messages fit in the next `horizon` seconds, at least one."""
        if not self.limit.per_second:
            return 10**6
        return max(1, int(self.limit.per_second * horizon))
