"""Vigil's moving parts in one place: receive and process messages, run the periodic tick.

This is where the conversation (bot), check-ins (scheduler) and cases (escalation)
meet; each step is one transaction, announced to live pages after it commits.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from prometheus_client import Counter, Histogram
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from vigil.core.audit import audit
from vigil.core.clock import Clock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.models import Patient, Staff
from vigil.core.text import clean
from vigil.escalation import cases, paging
from vigil.escalation.triage import TriageEngine
from vigil.scheduler import checkins

from . import context, followups, inbox, outbox
from .channels import Channel
from .channels.simulator import SimulatorChannel
from .conversation import Conversation, Outcome
from .models import InboundMessage
from .outbox import Dispatcher

log = logging.getLogger("vigil.service")
RECEIVED = Counter(
    "vigil_inbound_messages_total", "Inbound messages by channel and outcome", ["channel", "outcome"]
)
SWEEP_FAILURES = Counter(
    "vigil_tick_sweep_failures_total", "Tick sweeps that raised or ran out of time", ["sweep", "reason"]
)
SWEEP_SECONDS = Histogram("vigil_tick_sweep_seconds", "How long each tick sweep took", ["sweep"])
# Seconds a sweep may take before it is stopped so the rest of the tick can run; what it
# committed so far stays, and the next tick carries on from there. The due sweep may take
# longer (100,000 due check-ins take about 15 s on PostgreSQL); paging must never wait long.
SWEEP_LIMITS = {"paging": 30.0, "checkins": 120.0}
SWEEP_LIMIT = 60.0
HANDOVERS = ("release", "take_over")  # case actions that need a reason


def _where(exc: BaseException) -> str:
    """The file and line an exception was raised at, for a log line without its message."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "?"
    return f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"


@dataclass
class Received:
    message_id: int | None  # None: a repeat of a message already received
    outcome: Outcome | None


class Service:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        engine: TriageEngine,
        hub: Hub,
        channels: Mapping[str, Channel] | None = None,
        public_url: str = "http://localhost:8000",
    ) -> None:
        self.public_url = public_url
        self.db = db
        self.clock = clock
        self.engine = engine
        self.hub = hub
        self.channels: dict[str, Channel] = dict(channels or {"simulator": SimulatorChannel(hub)})
        self.dispatcher = Dispatcher(db, clock, self.channels, hub)
        self.conversation = Conversation(engine, public_url)
        self.sweep_limits: dict[str, float] = dict(SWEEP_LIMITS)  # seconds, by sweep

    def announce(self, topics: Iterable[str], payload: dict[str, object] | None = None) -> None:
        for topic in topics:
            self.hub.publish(topic, payload or {"type": "changed"})

    async def receive(self, patient: Patient, channel: str, provider_id: str, text: str) -> Received:
        """Store an inbound message and handle it, committed together (a repeat is a no-op).

        One transaction instead of two halves the cost of the busiest path. If handling
        fails, the message is stored on its own, unprocessed, and the tick retries it: it is
        never lost, and a webhook is only answered once it is stored.
        """
        for attempt in range(3):
            now = self.clock.now()
            try:
                async with self.db.transaction() as session:
                    message_id = await inbox.receive(
                        session,
                        patient=patient,
                        channel=channel,
                        provider_id=provider_id,
                        text=text,
                        now=now,
                        processed=True,
                    )
                    if message_id is None:
                        RECEIVED.labels(channel, "duplicate").inc()
                        return Received(None, None)
                    ctx = await context.for_patient(session, patient.id)
                    if ctx is None:
                        raise LookupError("the patient is gone")
                    message = InboundMessage(
                        id=message_id,
                        clinic_id=ctx.patient.clinic_id,
                        patient_id=ctx.patient.id,
                        channel=channel,
                        provider_id=provider_id,
                        text=clean(text),
                        received_at=now,
                    )
                    outcome = await self.conversation.handle(session, message, ctx, now)
            except IntegrityError:
                if attempt == 2:
                    raise
                continue  # two writers opened the same patient's case at once; the retry finds it
            except Exception as exc:
                log.exception("handling an inbound %s message failed; stored for retry", channel)
                async with self.db.transaction() as session:
                    message_id = await inbox.receive(
                        session,
                        patient=patient,
                        channel=channel,
                        provider_id=provider_id,
                        text=text,
                        now=now,
                        error=type(exc).__name__,
                    )
                RECEIVED.labels(channel, "stored_unprocessed").inc()
                return Received(message_id, None)
            RECEIVED.labels(channel, "stored").inc()
            await self._after(outcome)
            return Received(message_id, outcome)
        return Received(None, None)

    async def _after(self, outcome: Outcome) -> None:
        """Tell live pages and wake the outbox (a new or risen case was paged in its transaction)."""
        self.announce(outcome.topics)
        if outcome.outbox or outcome.pages:
            self.dispatcher.wake()

    async def process(self, message_id: int) -> Outcome | None:
        """Handle one stored message in one transaction; on failure it stays pending for retry."""
        for attempt in range(3):
            try:
                async with self.db.transaction() as session:
                    found = await context.for_message(session, message_id, lock=self.db.postgres)
                    if found is None or found[0].processed_at is not None:
                        return None
                    message, ctx = found
                    now = self.clock.now()
                    outcome = await self.conversation.handle(session, message, ctx, now)
                    message.processed_at = now
                    message.attempts += 1
            except IntegrityError:
                # Two writers opened the same patient's case at once; the retry finds it open.
                if attempt == 2:
                    raise
                continue
            except Exception as exc:
                log.exception("processing inbound message %s failed", message_id)
                async with self.db.transaction() as session:
                    await session.execute(
                        update(InboundMessage)
                        .where(InboundMessage.id == message_id)
                        .values(attempts=InboundMessage.attempts + 1, error=type(exc).__name__)
                    )
                return None
            await self._after(outcome)
            return outcome
        return None

    async def tick(self) -> dict[str, int]:
        """One pass of everything periodic, each sweep on its own.

        A sweep that raises or runs past its time limit is logged and counted, and the
        others still run: a broken check-in protocol must never cost an emergency its page.
        Paging goes first, since a late page is the costliest delay.
        """
        keys = ("pages", "opened", "reminded", "missed", "follow_ups", "retried", "stranded")
        stats = dict.fromkeys(keys, 0)
        stats["pages"] = await self._sweep("paging", self.escalate)
        stats["opened"] = await self._sweep("checkins", self.send_due)
        stats["reminded"] = await self._sweep("owner_reminders", self._remind_owners)
        stats["missed"] = await self._sweep("reminders_expiry", self._remind_and_expire)
        stats["follow_ups"] = await self._sweep("follow_ups", self._follow_ups)
        stats["retried"] = await self._sweep("inbox_retry", self._retry_inbox)
        stats["stranded"] = await self._sweep("outbox_stranded", self._stranded)
        self.dispatcher.wake()
        return stats

    async def _sweep(self, name: str, run: Callable[[], Awaitable[int]]) -> int:
        """Run one sweep of the tick within its time limit; on failure log, count and return 0."""
        started = time.perf_counter()
        limit = self.sweep_limits.get(name, SWEEP_LIMIT)
        try:
            async with asyncio.timeout(limit):
                return await run()
        except TimeoutError:
            SWEEP_FAILURES.labels(name, "timeout").inc()
            log.error("tick sweep %s ran past its %.0f s limit and was stopped", name, limit)
        except Exception as exc:
            SWEEP_FAILURES.labels(name, "error").inc()
            # The type and where it was raised only: an exception's message may quote a patient.
            log.error("tick sweep %s failed: %s at %s", name, type(exc).__name__, _where(exc))
        finally:
            SWEEP_SECONDS.labels(name).observe(time.perf_counter() - started)
        return 0

    async def _remind_owners(self) -> int:
        async with self.db.transaction() as session:
            return await paging.remind_owners(
                session, self.clock.now(), postgres=self.db.postgres, public_url=self.public_url
            )

    async def _remind_and_expire(self) -> int:
        """Reminders and expiry; a patient who keeps missing check-ins gets a routine case."""
        now = self.clock.now()
        async with self.db.transaction() as session:
            missed = await checkins.remind_and_expire(session, now, postgres=self.db.postgres)
            topics: set[str] = set()
            for m in missed:
                flagged = await cases.flag(
                    session,
                    clinic_id=m.clinic_id,
                    patient_id=m.patient_id,
                    level="routine",
                    reasons=[
                        {
                            "rule": "missed-checkins",
                            "level": "routine",
                            "evidence": f"{m.streak} check-ins in a row unanswered",
                        }
                    ],
                    now=now,
                    channel="system",
                )
                if flagged.case_id is not None:
                    topics.add(f"clinic:{m.clinic_id}")
        self.announce(topics)
        return len(missed)

    async def _retry_inbox(self) -> int:
        async with self.db.session() as session:
            stuck = await inbox.pending(session, self.clock.now())
        for message_id in stuck:
            await self.process(message_id)
        return len(stuck)

    async def _follow_ups(self) -> int:
        """Red-flag questions left unanswered go on the case; waiting ones are asked."""
        async with self.db.transaction() as session:
            changed = await followups.sweep(session, self.clock.now())
        self.announce({f"clinic:{c}" for c, _ in changed} | {f"patient:{p}" for _, p in changed})
        return len(changed)

    async def _stranded(self) -> int:
        return sum((await outbox.stranded(self.db, set(self.channels))).values())

    async def escalate(self) -> int:
        """Page every case whose escalation is due. Returns how many pages were written."""
        total = 0
        while True:
            async with self.db.transaction() as session:
                paged = await paging.escalate_due(
                    session, self.clock.now(), postgres=self.db.postgres, public_url=self.public_url
                )
            pages = sum(p.pages for p in paged)
            total += pages
            self.announce({f"clinic:{p.clinic_id}" for p in paged})
            if pages:
                self.dispatcher.wake()
            if len(paged) < 500:
                return total

    async def send_due(self, batch: int = 500) -> int:
        """Open every due check-in, a batch per transaction. Returns how many were due.

        One instant for the whole sweep: batches claimed later would otherwise also take
        rows that fell due while it ran, and a long sweep would never end.
        """
        total = 0
        now = self.clock.now()
        after = None
        while True:
            async with self.db.transaction() as session:
                done = await checkins.send_due(
                    session, now, postgres=self.db.postgres, batch=batch, after=after
                )
            total += done.count
            after = done.after
            if done.count:
                self.dispatcher.wake()
            if done.count < batch:
                return total

    async def act(
        self,
        staff: Staff,
        case_id: int,
        action: str,
        channel: str,
        *,
        disposition: str = "",
        note: str | None = None,
        reason: str | None = None,
        holder: str | None = None,
        receipt: tuple[str, str] | None = None,
    ) -> bool:
        """Acknowledge, claim, decline, resolve, release or take over, audited; raises CaseError
        when it cannot happen (release and take over need a `reason`; a take-over refuses if
        the case is no longer held by `holder`, when given).

        The dashboard, the API, Telegram buttons and SMS short codes all come through here.
        `receipt` (channel, provider id) is written in the same transaction, so a provider's
        redelivery acts once; returns False when it had already been handled.
        """
        now = self.clock.now()
        async with self.db.transaction() as session:
            if receipt is not None and not await inbox.first_time(session, *receipt, now):
                return False
            if action == "acknowledge":
                await cases.acknowledge(session, case_id, staff, now, channel)
            elif action == "claim":
                await cases.claim(session, case_id, staff, now, channel)
            elif action == "decline":
                await cases.decline(session, case_id, staff, now, channel)
            elif action == "resolve":
                await cases.resolve(session, case_id, staff, now, channel, disposition, note)
            elif action == "release":
                await cases.release(session, case_id, staff, now, channel, reason)
            elif action == "take_over":
                await cases.take_over(session, case_id, staff, now, channel, reason, holder)
            else:
                raise ValueError(f"unknown action {action!r}")
            said = {"reason": clean(" ".join((reason or "").split()))} if action in HANDOVERS else {}
            audit(
                session,
                at=now,
                actor=staff.email,
                action=action,
                subject_type="case",
                subject_id=case_id,
                clinic_id=staff.clinic_id,
                channel=channel,
                **said,
            )
        self.hub.publish(f"clinic:{staff.clinic_id}", {"type": "changed", "case": case_id})
        if action in ("decline", "release"):
            await self.escalate()  # the next tier now; a released case is paged from the first
        return True

    async def patient(self, clinic_id: int, external_id: str) -> Patient | None:
        async with self.db.session() as session:
            return await session.scalar(
                select(Patient).where(Patient.clinic_id == clinic_id, Patient.external_id == external_id)
            )
