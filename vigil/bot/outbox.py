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
from datetime import datetime, timedelta

from prometheus_client import Counter
from sqlalchemy import or_, select, update

from vigil.core.clock import Clock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.models import OutboundMessage, Patient

from .channels import Channel, PermanentError, TransientError

log = logging.getLogger("vigil.outbox")

SENT = Counter(
    "vigil_outbound_messages_total", "Outbound messages by channel and outcome", ["channel", "outcome"]
)
LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 8


def backoff(attempts: int, rng: random.Random) -> timedelta:
    """Exponential back-off with full jitter: up to 2^n seconds, capped at ten minutes."""
    return timedelta(seconds=rng.uniform(1, min(600, 2**attempts)))


class Dispatcher:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        channels: Mapping[str, Channel],
        hub: Hub,
        *,
        batch: int = 50,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.channels = dict(channels)
        self.hub = hub
        self.batch = batch
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not secrets
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def run(self, idle: float) -> None:
        """Send until cancelled: whenever woken, and at least every `idle` seconds."""
        while True:
            try:
                while await self.dispatch_once() >= self.batch:
                    pass
            except Exception:
                log.exception("outbox dispatch failed; retrying on the next wake")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=idle)
            self._wake.clear()

    async def _claim(self, now: datetime) -> list[OutboundMessage]:
        async with self.db.transaction() as session:
            q = (
                select(OutboundMessage)
                .where(
                    OutboundMessage.channel.in_(list(self.channels)),
                    or_(
                        OutboundMessage.status == "pending",
                        (OutboundMessage.status == "sending") & (OutboundMessage.lease_until < now),
                    ),
                    OutboundMessage.next_attempt_at <= now,
                )
                .order_by(OutboundMessage.priority, OutboundMessage.id)
                .limit(self.batch)
            )
            if self.db.postgres:
                q = q.with_for_update(skip_locked=True)
            rows = list((await session.scalars(q)).all())
            for row in rows:
                row.status = "sending"
                row.lease_until = now + LEASE
                row.attempts += 1
            return rows

    async def dispatch_once(self) -> int:
        """Claim and send one batch. Returns how many rows were claimed."""
        now = self.clock.now()
        rows = await self._claim(now)
        for row in rows:
            await self._send(row)
        return len(rows)

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
                # The provider says the patient cannot be reached this way: stop writing to them.
                await session.execute(
                    update(Patient).where(Patient.id == row.patient_id).values(status=patient_status)
                )
        SENT.labels(row.channel, outcome).inc()
        if row.patient_id is not None:
            self.hub.publish(f"patient:{row.patient_id}", {"type": "status", "id": row.id})
