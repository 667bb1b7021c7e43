"""The outbox: leased claims, retries with back-off, permanent failures, priority first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from vigil.assembly import Runtime
from vigil.bot.outbox import LEASE, Dispatcher
from vigil.bot.transport import PermanentError, TransientError
from vigil.core.clock import ManualClock
from vigil.core.models import OutboundMessage, Patient


@pytest.fixture(autouse=True)
async def only_our_rows(rt: Runtime) -> None:
    """These tests are about the dispatcher and the rows each queues: the opt-in notices the
    demo clinic's import queued for its simulator patients are not theirs to count or send."""
    async with rt.db.transaction() as session:
        await session.execute(delete(OutboundMessage))


class FakeChannel:
    name = "simulator"

    def __init__(self, *outcomes: object) -> None:
        self.outcomes = list(outcomes)
        self.sent: list[str] = []

    async def send(self, message: OutboundMessage) -> str:
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if isinstance(outcome, Exception):
            raise outcome
        self.sent.append(message.text)
        return f"id-{len(self.sent)}"


async def _queue(rt: Runtime, *texts: tuple[str, int]) -> None:
    now = rt.clock.now()
    async with rt.db.transaction() as session:
        patient = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100871"))
        assert patient is not None
        for text, priority in texts:
            session.add(
                OutboundMessage(
                    clinic_id=patient.clinic_id,
                    patient_id=patient.id,
                    channel="simulator",
                    address=patient.address,
                    kind="reply",
                    priority=priority,
                    text=text,
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )


async def _rows(rt: Runtime) -> list[OutboundMessage]:
    async with rt.db.session() as session:
        return list(await session.scalars(select(OutboundMessage).order_by(OutboundMessage.id)))


async def test_the_most_urgent_goes_first(rt: Runtime, clock: ManualClock) -> None:
    channel = FakeChannel()
    await _queue(rt, ("question", 5), ("safety", 0), ("reply", 3))
    await Dispatcher(rt.db, clock, {"simulator": channel}, rt.hub).dispatch_once()
    assert channel.sent == ["safety", "reply", "question"]


async def test_a_transient_error_is_retried_after_a_back_off(rt: Runtime, clock: ManualClock) -> None:
    channel = FakeChannel(TransientError("429", retry_after=30))
    dispatcher = Dispatcher(rt.db, clock, {"simulator": channel}, rt.hub)
    await _queue(rt, ("hello", 5))
    await dispatcher.dispatch_once()
    [row] = await _rows(rt)
    assert (row.status, row.attempts, row.next_attempt_at) == (
        "pending",
        0,  # a rate limit (retry_after) does not count towards giving up
        clock.now() + timedelta(seconds=30),
    )
    assert await dispatcher.dispatch_once() == 0  # not yet
    clock.advance(seconds=31)
    await dispatcher.dispatch_once()
    [row] = await _rows(rt)
    assert (row.status, row.provider_id, channel.sent) == ("delivered", "id-1", ["hello"])


async def test_a_permanent_error_is_final(rt: Runtime, clock: ManualClock) -> None:
    dispatcher = Dispatcher(rt.db, clock, {"simulator": FakeChannel(PermanentError("blocked"))}, rt.hub)
    await _queue(rt, ("hello", 5))
    await dispatcher.dispatch_once()
    clock.advance(hours=1)
    assert await dispatcher.dispatch_once() == 0
    [row] = await _rows(rt)
    assert (row.status, row.error) == ("failed", "blocked")


async def test_a_row_left_sending_by_a_crash_is_retried_when_its_lease_runs_out(
    rt: Runtime, clock: ManualClock
) -> None:
    channel = FakeChannel()
    dispatcher = Dispatcher(rt.db, clock, {"simulator": channel}, rt.hub)
    await _queue(rt, ("hello", 5))
    claimed = await dispatcher._claim("simulator", clock.now())  # claimed, then the process "dies"
    assert [r.status for _, r in claimed] == ["sending"]
    assert await dispatcher.dispatch_once() == 0  # the lease still holds
    clock.advance(LEASE + timedelta(seconds=1))
    assert await dispatcher.dispatch_once() == 1
    [row] = await _rows(rt)
    assert (row.status, row.attempts, channel.sent) == ("delivered", 2, ["hello"])


async def test_a_channel_bug_does_not_lose_the_message(rt: Runtime, clock: ManualClock) -> None:
    dispatcher = Dispatcher(rt.db, clock, {"simulator": FakeChannel(RuntimeError("oops"))}, rt.hub)
    await _queue(rt, ("hello", 5))
    await dispatcher.dispatch_once()
    [row] = await _rows(rt)
    assert row.status == "pending"
