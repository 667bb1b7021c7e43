"""Send pacing: never above a channel's rate or a chat's, emergencies still first."""

from __future__ import annotations

import itertools

from sqlalchemy import select

from vigil.bot.outbox import Dispatcher
from vigil.bot.pacing import Limit, Pacer
from vigil.core.clock import ManualClock
from vigil.core.models import OutboundMessage, Patient
from vigil.web.runtime import Runtime


def _most_in_any_second(times: list[float]) -> int:
    times = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def test_a_chat_never_gets_two_messages_within_a_second() -> None:
    pacer = Pacer(Limit(per_second=30, per_address_interval=1.0))
    first = pacer.book("chat-1", 0.0)
    assert first == 0.0
    assert pacer.book("chat-1", 0.5) is None
    assert pacer.chat_free_at("chat-1") >= 1.0
    assert pacer.book("chat-1", 1.0) is None
    assert pacer.book("chat-1", pacer.chat_free_at("chat-1")) is not None


def test_the_channel_never_exceeds_its_rate_and_uses_most_of_it() -> None:
    pacer = Pacer(Limit(per_second=30, per_address_interval=1.0))
    slots: list[float] = []
    while len(slots) < 600:
        slot = pacer.book(f"chat-{len(slots) % 100}", 0.0)
        assert slot is not None
        slots.append(slot)
    assert _most_in_any_second(slots) <= 30
    assert 600 / (slots[-1] - slots[0] + 1 / 30) >= 0.95 * 30


def test_other_chats_are_not_held_up_by_a_busy_one() -> None:
    pacer = Pacer(Limit(per_second=30, per_address_interval=1.0))
    pacer.book("busy", 0.0)
    assert pacer.book("busy", 0.1) is None
    quiet = pacer.book("quiet", 0.1)
    assert quiet is not None
    assert quiet < 0.2


class TimedChannel:
    name = "telegram"
    limit = Limit(per_second=30, per_address_interval=1.0)

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.sent: list[tuple[float, str, str]] = []

    async def send(self, message: OutboundMessage) -> str:
        self.sent.append((self.clock.now().timestamp(), message.address, message.text))
        return str(len(self.sent))


async def _queue(rt: Runtime, rows: list[tuple[str, str, int]]) -> None:
    now = rt.clock.now()
    async with rt.db.transaction() as session:
        patient = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100871"))
        assert patient is not None
        for address, text, priority in rows:
            session.add(
                OutboundMessage(
                    clinic_id=patient.clinic_id,
                    channel="telegram",
                    address=address,
                    kind="reply",
                    priority=priority,
                    text=text,
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )


async def test_a_flood_to_one_chat_is_paced_without_holding_up_others(
    rt: Runtime, clock: ManualClock
) -> None:
    channel = TimedChannel(clock)
    dispatcher = Dispatcher(rt.db, clock, {"telegram": channel}, rt.hub)
    await _queue(rt, [("111", f"flood {i}", 5) for i in range(5)] + [("222", "other", 5)])
    start = clock.now().timestamp()
    for _ in range(10):  # as the lane does: pass, wait for the soonest deferred slot, pass again
        await dispatcher.drain()
        clock.advance(seconds=1)
    to_flood = [t for t, address, _ in channel.sent if address == "111"]
    assert len(to_flood) == 5
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(to_flood))
    other = next(t for t, address, _ in channel.sent if address == "222")
    assert other - start < 1.0  # not stuck behind the flood


async def test_an_emergency_reply_overtakes_a_backlog_at_the_rate_limit(
    rt: Runtime, clock: ManualClock
) -> None:
    channel = TimedChannel(clock)
    dispatcher = Dispatcher(rt.db, clock, {"telegram": channel}, rt.hub)
    await _queue(rt, [(str(1000 + i), f"check-in {i}", 5) for i in range(120)])
    start = clock.now().timestamp()
    await dispatcher.dispatch_once()  # a second's worth goes out
    await _queue(rt, [("999", "SAFETY", 0)])
    await dispatcher.drain()
    assert len(channel.sent) == 121
    assert _most_in_any_second([t for t, _, _ in channel.sent]) <= 30
    safety = next(t for t, _, text in channel.sent if text == "SAFETY")
    assert safety - start < 2.0  # behind one second of sends, not four
