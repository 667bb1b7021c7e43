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

from prometheus_client import Counter
from sqlalchemy import or_, select, update

from vigil.core.clock import Clock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.models import OutboundMessage, Patient
from vigil.escalation.cases import event, open_case_of

from .channels import Channel, PermanentError, TransientError
from .pacing import Limit, Pacer

log = logging.getLogger("vigil.outbox")

SENT = Counter(
    "vigil_outbound_messages_total", "Outbound messages by channel and outcome", ["channel", "outcome"]
)
LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 8
HORIZON = 1.0  # seconds of sends a pass claims per channel, so a new emergency waits at most that


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

    def wake(self) -> None:
        for wake in self._wakes.values():
            wake.set()

    async def run(self, idle: float) -> None:
        """Send until cancelled: whenever woken, when a deferred row comes due, at least every `idle` s."""
        await asyncio.gather(*(self._lane(name, idle) for name in self.channels))

    async def _lane(self, name: str, idle: float) -> None:
        wake = self._wakes[name]
        while True:
            wake.clear()  # a wake during the pass below runs another pass straight after it
            try:
                while await self._pass(name):
                    pass
            except Exception:
                log.exception("outbox dispatch on %s failed; retrying on the next wake", name)
            timeout = idle
            soonest = self._soonest.get(name)
            if soonest is not None:
                timeout = min(idle, max(0.02, (soonest - self.clock.now()).total_seconds()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=timeout)

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
        now = self.clock.now()
        soonest = self._soonest.get(name)
        if soonest is not None and soonest <= now:
            self._soonest[name] = None  # its rows are due: this pass claims them
        claimed = await self._claim(name, now)
        for slot, row in claimed:
            wait = slot - self.clock.now().timestamp()
            if wait > 0:
                await self.clock.sleep(wait)
            await self._send(row)
        return len(claimed)

    def _defer(self, name: str, when: datetime) -> None:
        soonest = self._soonest.get(name)
        if soonest is None or when < soonest:
            self._soonest[name] = when

    async def _claim(self, name: str, now: datetime) -> list[tuple[float, OutboundMessage]]:
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
                .limit(min(self.batch, pacer.capacity(HORIZON)))
            )
            if self.db.postgres:
                q = q.with_for_update(skip_locked=True)
            t0 = now.timestamp()
            claimed: list[tuple[float, OutboundMessage]] = []
            for row in (await session.scalars(q)).all():
                slot = pacer.book(row.address, t0) if pacer.next_slot(t0) <= t0 + 1.5 * HORIZON else None
                if slot is None:
                    # Its chat, or the channel, is busy past this pass: look again when it frees.
                    when = _at(max(pacer.chat_free_at(row.address), pacer.next_slot(t0)))
                    row.status, row.lease_until, row.next_attempt_at = "pending", None, when
                    self._defer(name, when)
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
            if patient_status and row.patient_id is not None:
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
