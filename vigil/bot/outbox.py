"""The outbox dispatcher: claims pending rows with a lease, sends them, records the outcome.

A row is marked "sending" (with a lease) and committed before the provider is called, so
a crash mid-send leaves a row that is retried when its lease runs out: delivery is at
least once, with at most one duplicate per crash. It is woken as soon as rows are
written, and also runs on every tick.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from prometheus_client import Counter, Gauge
from sqlalchemy import func, or_, select, update

from vigil.core.clock import Clock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.models import Carer, OutboundMessage, Patient
from vigil.escalation.cases import event, open_case_of

from .pacing import Limit, Pacer
from .transport import Channel, PermanentError, TransientError

log = logging.getLogger("vigil.outbox")

SENT = Counter(
    "vigil_outbound_messages_total", "Outbound messages by channel and outcome", ["channel", "outcome"]
)
STRANDED = Gauge(
    "vigil_outbox_stranded", "Messages waiting for a channel this process cannot send on", ["channel"]
)
LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 8
HORIZON = 1.0  # seconds of sends a pass claims per channel, so a new emergency waits at most that


async def stranded(db: Database, configured: set[str], said: dict[str, int] | None = None) -> dict[str, int]:
    """Pending messages on channels with no transport here (a patient moved to SMS before
    Twilio was set up): they wait, safety advice included, so say so loudly. With `said` (what
    was last said, per channel), a count already said is not said again every tick: the
    gauge still carries it."""
    async with db.session() as session:
        rows = await session.execute(
            select(OutboundMessage.channel, func.count())
            .where(OutboundMessage.status == "pending", OutboundMessage.channel.not_in(configured))
            .group_by(OutboundMessage.channel)
        )
        found = {str(channel): int(n) for channel, n in rows.all()}
    for channel in set(found) | {c for c in ("sms", "telegram", "simulator") if c not in configured}:
        STRANDED.labels(channel).set(found.get(channel, 0))
    for channel, n in sorted(found.items()):
        if said is None or said.get(channel) != n:
            log.warning("%d message(s) are waiting for channel %s, which is not configured", n, channel)
    if said is not None:
        said.clear()
        said.update(found)
    return found


def backoff(attempts: int, rng: random.Random) -> timedelta:
    """Exponential back-off with full jitter: up to 2^n seconds, capped at ten minutes."""
    return timedelta(seconds=rng.uniform(1, min(600, 2**attempts)))


def _at(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class Dispatcher:
    """One lane per channel, so a slow SMS rate never holds up Telegram; each lane claims
    what its rate allows in the next second, most urgent first, and sends each row in its
    paced slot, one at a time (a crash can therefore duplicate at most one row per lane)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        channels: Mapping[str, Channel],
        hub: Hub,
        *,
        batch: int = 50,
        rng: random.Random | None = None,
        lease: timedelta = LEASE,
    ) -> None:
        self.db = db
        self.clock = clock
        self.channels = dict(channels)
        self.hub = hub
        self.batch = batch
        self.lease = lease
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not secrets
        self.pacers = {
            name: Pacer(getattr(ch, "limit", None) or Limit()) for name, ch in self.channels.items()
        }
        self._wakes = {name: asyncio.Event() for name in self.channels}
        self._soonest: dict[str, datetime | None] = {}
        self._took: dict[str, float] = {}  # seconds a send really takes, per channel (moving average)

    def wake(self) -> None:
        for wake in self._wakes.values():
            wake.set()

    async def run(self, idle: float) -> None:
        """Send until cancelled: whenever woken, when a deferred row comes due, at least every `idle` s."""
        await asyncio.gather(*(self._lane(name, idle) for name in self.channels))

    async def _lane(self, name: str, idle: float) -> None:
        """Claim the next batch while the current one is still going out, so the database
        round trip never leaves a gap in the send rate; sleep when nothing is due."""
        wake = self._wakes[name]
        low = max(1, self.pacers[name].capacity(HORIZON) // 2)
        ready: list[OutboundMessage] = []
        claiming: asyncio.Task[list[OutboundMessage]] | None = None
        try:
            while True:
                try:
                    room = self._room(name) - len(ready)
                    if claiming is None and len(ready) < low and room > 0:
                        wake.clear()  # a row written from now on wakes the next claim
                        waiting = {r.id for r in ready}
                        claiming = asyncio.create_task(self._claim_rows(name, room, waiting))
                    if claiming is not None and (claiming.done() or not ready):
                        got = await asyncio.shield(claiming)  # see the finally below
                        claiming = None
                        ready = self._merge(ready, got)
                        if not ready:
                            await self._idle(name, wake, idle)
                            continue
                    await self._send_one(name, ready)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("outbox dispatch on %s failed; retrying shortly", name)
                    await asyncio.sleep(1)
        finally:
            if claiming is not None:
                # Let a claim in flight finish: cancelling it mid-transaction could leave its
                # row locks held on a connection nobody returns. Its rows are handed back too.
                with contextlib.suppress(Exception):
                    ready = self._merge(ready, await asyncio.shield(claiming))
            if ready:  # shutting down: hand the rows back instead of waiting out their lease
                with contextlib.suppress(Exception):
                    await asyncio.shield(self._release(ready))

    def _room(self, name: str) -> int:
        """How many rows may wait claimed: a second of the channel's rate, but never so many
        that, at the pace sends really take, the last would outlive its lease."""
        by_rate = min(self.batch, self.pacers[name].capacity(HORIZON))
        took = self._took.get(name)
        if not took:
            return by_rate
        return max(1, min(by_rate, int(0.5 * self.lease.total_seconds() / took)))

    async def _idle(self, name: str, wake: asyncio.Event, idle: float) -> None:
        timeout = idle
        async with self.db.session() as session:
            # Rows waiting for a paced slot or a back-off: be back when the first comes due.
            self._defer_to(
                name,
                await session.scalar(
                    select(func.min(OutboundMessage.next_attempt_at)).where(
                        OutboundMessage.channel == name, OutboundMessage.status == "pending"
                    )
                ),
            )
        soonest = self._soonest.get(name)
        if soonest is not None:
            timeout = min(idle, max(0.02, (soonest - self.clock.now()).total_seconds()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout=timeout)

    @staticmethod
    def _merge(ready: list[OutboundMessage], claimed: list[OutboundMessage]) -> list[OutboundMessage]:
        return sorted(ready + claimed, key=lambda r: (r.priority, r.id))

    async def _still_ours(self, row: OutboundMessage) -> bool:
        """Renew the lease of a row that has waited more than half of it; False if it lapsed.

        Sends are one at a time, so a slow provider can leave claimed rows waiting; a lease
        that ran out means another worker may be sending the row, and sending it too would
        be a duplicate without any crash.
        """
        now = self.clock.now()
        if row.lease_until is None or row.lease_until - now > self.lease / 2:
            return True
        async with self.db.transaction() as session:
            renewed = await session.execute(
                update(OutboundMessage)
                .where(
                    OutboundMessage.id == row.id,
                    OutboundMessage.status == "sending",
                    OutboundMessage.attempts == row.attempts,  # nobody claimed it since we did
                    OutboundMessage.lease_until > now,
                )
                .values(lease_until=now + self.lease)
            )
        if renewed.rowcount != 1:  # type: ignore[attr-defined]
            return False
        row.lease_until = now + self.lease
        return True

    async def _release(self, rows: list[OutboundMessage]) -> None:
        async with self.db.transaction() as session:
            await session.execute(
                update(OutboundMessage)
                .where(OutboundMessage.id.in_([r.id for r in rows]), OutboundMessage.status == "sending")
                .values(status="pending", lease_until=None, attempts=OutboundMessage.attempts - 1)
            )

    async def _send_one(self, name: str, ready: list[OutboundMessage]) -> None:
        """Send the most urgent row whose chat and channel are free, waiting if none is yet."""
        pacer = self.pacers[name]
        now = self.clock.now().timestamp()
        pick, at = 0, float("inf")
        for i, row in enumerate(ready):
            t = pacer.send_at(row.address, now)
            if t < at:
                pick, at = i, t
                if t <= now:
                    break
        if at > now:
            await self.clock.sleep(at - now)
        row = ready.pop(pick)
        if not await self._still_ours(row):
            return  # it waited past its lease and another worker may have it: not ours to send
        pacer.sent(row.address, self.clock.now().timestamp(), planned=at)
        started = self.clock.now()
        await self._send(row)
        took = (self.clock.now() - started).total_seconds()
        self._took[name] = 0.8 * self._took.get(name, took) + 0.2 * took

    async def dispatch_once(self) -> int:
        """One pass on every channel. Returns how many rows were claimed."""
        total = 0
        for name in self.channels:
            total += await self._pass(name)
        return total

    def soonest(self) -> datetime | None:
        """When a row this dispatcher deferred (pacing or back-off) comes due, if any."""
        return min((t for t in self._soonest.values() if t is not None), default=None)

    async def drain(self) -> int:
        """Pass until nothing is due (tests and the command line). Returns rows claimed."""
        total = 0
        while claimed := await self.dispatch_once():
            total += claimed
        return total

    async def _pass(self, name: str) -> int:
        ready = await self._claim_rows(name)
        claimed = len(ready)
        while ready:
            await self._send_one(name, ready)
        return claimed

    async def _claim_rows(
        self, name: str, room: int | None = None, waiting: set[int] | None = None
    ) -> list[OutboundMessage]:
        now = self.clock.now()
        soonest = self._soonest.get(name)
        if soonest is not None and soonest <= now:
            self._soonest[name] = None  # its rows are due: this claim takes them
        return [row for _, row in await self._claim(name, now, room, waiting)]

    def _defer_to(self, name: str, when: datetime | None) -> None:
        if when is not None:
            self._defer(name, when)

    def _defer(self, name: str, when: datetime) -> None:
        soonest = self._soonest.get(name)
        if soonest is None or when < soonest:
            self._soonest[name] = when

    async def _claim(
        self, name: str, now: datetime, room: int | None = None, waiting: set[int] | None = None
    ) -> list[tuple[float, OutboundMessage]]:
        pacer = self.pacers[name]
        async with self.db.transaction() as session:
            q = (
                select(OutboundMessage)
                .where(
                    OutboundMessage.channel == name,
                    or_(
                        OutboundMessage.status == "pending",
                        (OutboundMessage.status == "sending") & (OutboundMessage.lease_until < now),
                    ),
                    OutboundMessage.next_attempt_at <= now,
                )
                .order_by(OutboundMessage.priority, OutboundMessage.id)
                .limit(min(self.batch, pacer.capacity(HORIZON), room or self.batch))
            )
            if waiting:  # already claimed by this lane and waiting for their slot
                q = q.where(OutboundMessage.id.not_in(waiting))
            if self.db.postgres:
                q = q.with_for_update(skip_locked=True)
            t0 = now.timestamp()
            claimed: list[tuple[float, OutboundMessage]] = []
            for row in (await session.scalars(q)).all():
                slot = pacer.plan(row.address, t0, 1.5 * HORIZON)
                if slot is None:
                    # Its chat is busy past this batch: it waits in the table until the chat is free.
                    row.status, row.lease_until = "pending", None
                    row.next_attempt_at = _at(pacer.free_at(row.address))
                    self._defer(name, row.next_attempt_at)
                    continue
                row.status = "sending"
                row.lease_until = _at(slot) + self.lease
                row.attempts += 1
                claimed.append((slot, row))
            return claimed

    async def _send(self, row: OutboundMessage) -> None:
        channel = self.channels[row.channel]
        values: dict[str, object]
        patient_status: str | None = None
        try:
            provider_id = await channel.send(row)
        except TransientError as exc:
            now = self.clock.now()
            if exc.retry_after:
                # The provider's flood limit is for the whole bot or number: the lane waits
                # it out, and a rate limit never counts towards giving up.
                self.pacers[row.channel].hold(now.timestamp() + exc.retry_after)
                row.attempts -= 1
            if row.attempts >= MAX_ATTEMPTS:
                values = {"status": "failed", "error": f"gave up: {exc}"[:200], "lease_until": None}
                outcome = "failed"
            else:
                delay = (
                    timedelta(seconds=exc.retry_after) if exc.retry_after else backoff(row.attempts, self.rng)
                )
                self._defer(row.channel, now + delay)
                values = {
                    "status": "pending",
                    "next_attempt_at": now + delay,
                    "lease_until": None,
                    "attempts": row.attempts,
                    "error": str(exc)[:200],
                }
                outcome = "retry"
        except PermanentError as exc:
            values = {"status": "failed", "error": str(exc)[:200], "lease_until": None}
            outcome = "failed"
            patient_status = exc.patient_status
        except Exception as exc:  # a bug in a channel must not lose the message
            log.exception("channel %s raised unexpectedly for outbound %s", row.channel, row.id)
            values = {
                "status": "pending",
                "lease_until": None,
                "error": type(exc).__name__,
                "next_attempt_at": self.clock.now() + backoff(row.attempts, self.rng),
            }
            outcome = "retry"
        else:
            now = self.clock.now()
            values = {
                "status": "sent",
                "provider_id": provider_id,
                "sent_at": now,
                "lease_until": None,
                "error": None,
            }
            if row.channel == "simulator":
                values.update(status="delivered", delivered_at=now)
            outcome = "sent"
        async with self.db.transaction() as session:
            await session.execute(
                update(OutboundMessage).where(OutboundMessage.id == row.id).values(**values)
            )
            if patient_status and row.carer_id is not None:
                # A carer's number or chat says nothing of the patient's: only the carer stops
                # being written to (START from them turns it back on).
                await session.execute(
                    update(Carer)
                    .where(Carer.id == row.carer_id, Carer.opted_out_at.is_(None))
                    .values(opted_out_at=self.clock.now())
                )
            elif patient_status and row.patient_id is not None:
                # The provider says the patient cannot be reached this way: stop writing to them,
                # and tell whoever holds their open case.
                await session.execute(
                    update(Patient).where(Patient.id == row.patient_id).values(status=patient_status)
                )
                case = await open_case_of(session, row.patient_id)
                if case is not None:
                    event(
                        session,
                        case,
                        "unreachable",
                        self.clock.now(),
                        "system",
                        row.channel,
                        reason=patient_status,
                        error=values.get("error"),
                    )
            elif patient_status and row.staff_id is not None:
                log.warning(
                    "staff %s cannot be reached on %s: %s", row.staff_id, row.channel, values["error"]
                )
        SENT.labels(row.channel, outcome).inc()
        if row.patient_id is not None:
            self.hub.publish(f"patient:{row.patient_id}", {"type": "status", "id": row.id})
