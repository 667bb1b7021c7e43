"""Send pacing: a channel's rate overall and per recipient.

A claim plans each chat's next slot, so a batch never takes more for one chat than it can
send soon (the rest wait in the table for their chat to be free); the send loop then
spaces real send starts, overall and per chat, so a stall is never followed by a burst.
Intervals carry a small margin because the provider counts arrivals, and arrivals jitter
by a few milliseconds around our send times.
"""

from __future__ import annotations

from dataclasses import dataclass

MARGIN = 1.02
FORGET_AFTER = 10_000  # chats remembered before the idle ones are dropped


@dataclass(frozen=True)
class Limit:
    per_second: float | None = None  # the whole channel (one bot, one sending number)
    per_address_interval: float = 0.0  # seconds between two messages to one chat


class Pacer:
    def __init__(self, limit: Limit) -> None:
        self.limit = limit
        self._interval = MARGIN / limit.per_second if limit.per_second else 0.0
        self._gap = limit.per_address_interval * MARGIN
        self._free_by: dict[str, float] = {}  # when each chat may next get a message (planned)
        self._sent_by: dict[str, float] = {}  # when each chat's last send started
        self._last_any = float("-inf")
        self._held_until = float("-inf")

    def plan(self, address: str, now: float, horizon: float) -> float | None:
        """Reserve `address`'s next slot if it comes within `horizon`; None means wait."""
        slot = max(now, self._free_by.get(address, 0.0))
        if slot > now + horizon:
            return None
        if self._gap:
            self._free_by[address] = slot + self._gap
            self._forget(now)
        return slot

    def free_at(self, address: str) -> float:
        """When `address` may next get a message, as planned so far."""
        return self._free_by.get(address, 0.0)

    def send_at(self, address: str, now: float) -> float:
        """The earliest a send to `address` may start: never closer to the previous send,
        overall or to this chat, than the limits allow."""
        at = max(now, self._last_any + self._interval, self._held_until)
        if self._gap:
            at = max(at, self._sent_by.get(address, float("-inf")) + self._gap)
        return at

    def hold(self, until: float) -> None:
        """The provider said to slow down: nothing goes on this channel before `until`."""
        self._held_until = max(self._held_until, until)

    def sent(self, address: str, at: float, planned: float | None = None) -> None:
        """Record that a send planned for `planned` started at `at`.

        A start a hair late (timer and loop jitter) counts from a little before it really
        went, so small delays do not add up to a lower rate; but only half the margin is
        given back that way, never the limit itself: the next start is always more than the
        limit's own interval after this one, whatever the jitter, so arrivals that jitter too
        still never crowd more than the limit into any second. A real stall counts from
        when it really went.
        """
        self._last_any = self._base(at, planned, self._interval)
        if self._gap:
            chat_base = self._base(at, planned, self._gap)
            self._sent_by[address] = chat_base
            self._free_by[address] = max(self._free_by.get(address, 0.0), chat_base + self._gap)

    @staticmethod
    def _base(at: float, planned: float | None, interval: float) -> float:
        if planned is None or at <= planned:
            return at
        give_back = interval * (1 - 1 / MARGIN) / 2  # half the margin, in seconds
        return max(planned, at - give_back)

    def capacity(self, horizon: float) -> int:
        """How many messages fit in the next `horizon` seconds, at least one."""
        if not self.limit.per_second:
            return 10**6
        return max(1, int(self.limit.per_second * horizon))

    def _forget(self, now: float) -> None:
        if len(self._free_by) > FORGET_AFTER:
            self._free_by = {a: t for a, t in self._free_by.items() if t > now}
            self._sent_by = {a: t for a, t in self._sent_by.items() if t > now - self._gap}
