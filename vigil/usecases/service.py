"""The use cases every door shares: receive a patient's message, act on a case (from the
dashboard, the API, a Telegram button or an SMS short code), and the sweeps the tick runs.

This is where the conversation (bot), check-ins (scheduler) and cases (escalation) meet;
each step is one transaction, announced to live pages after it commits. No web framework and
no channel is imported here: channels and pages call in, never the other way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from prometheus_client import Counter
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from vigil.bot import context, enrolment, followups, inbox, outbox
from vigil.bot.conversation import Conversation, Outcome
from vigil.bot.models import InboundMessage
from vigil.bot.outbox import Dispatcher
from vigil.bot.transport import Channel
from vigil.core.audit import staff_did
from vigil.core.clock import Clock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.models import Carer, OutboundMessage, Patient, Staff
from vigil.core.text import clean
from vigil.escalation import cases, cover, paging
from vigil.escalation.triage import TriageEngine
from vigil.escalation.triage.texts import say
from vigil.scheduler import checkins
from vigil.scheduler.tick import Sweep

from .invites import InviteLinks
from .people import People

log = logging.getLogger("vigil.service")
RETRY_LATER = timedelta(minutes=10)  # a provider said the handset could not be reached just now
RECEIVED = Counter(
    "vigil_inbound_messages_total", "Inbound messages by channel and outcome", ["channel", "outcome"]
)
HANDOVERS = ("release", "take_over")  # case actions that need a reason


@dataclass
class Received:
    message_id: int | None  # None: a repeat of a message already received
    outcome: Outcome | None


class Service(People):
    def __init__(
        self,
        db: Database,
        clock: Clock,
        engine: TriageEngine | Callable[[], TriageEngine],
        hub: Hub,
        channels: Mapping[str, Channel] | None = None,
        public_url: str = "http://localhost:8000",
    ) -> None:
        self.public_url = public_url
        self.db = db
        self.clock = clock
        self._engine = engine
        self.hub = hub
        self.channels: dict[str, Channel] = dict(channels or {})
        self.dispatcher = Dispatcher(db, clock, self.channels, hub)
        self.invite_links: InviteLinks | None = None  # set by the channel that makes invite links
        self._stranded_said: dict[str, int] = {}  # the last counts of stranded messages logged

    @cached_property
    def engine(self) -> TriageEngine:
        """Built at first use: the lexicon takes seconds to compile, and a command that reads
        no message (an invite, a token) should not wait for it."""
        engine = self._engine
        return engine if isinstance(engine, TriageEngine) else engine()

    @cached_property
    def conversation(self) -> Conversation:
        return Conversation(self.engine, self.public_url)

    def announce(self, topics: Iterable[str], payload: dict[str, object] | None = None) -> None:
        for topic in topics:
            self.hub.publish(topic, payload or {"type": "changed"})

    async def receive(
        self, patient: Patient, channel: str, provider_id: str, text: str, *, carer: Carer | None = None
    ) -> Received:
        """Store an inbound message and handle it, committed together (a repeat is a no-op).
        `carer`: one of the patient's carers wrote it (it is the patient's message all the same).

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
                        carer_id=carer.id if carer is not None else None,
                    )
                    if message_id is None:
                        RECEIVED.labels(channel, "duplicate").inc()
                        return Received(None, None)
                    ctx = await context.for_patient(session, patient.id)
                    if ctx is None:
                        raise LookupError("the patient is gone")
                    if carer is not None:
                        ctx.carer = await session.get(Carer, carer.id)
                    message = InboundMessage(
                        id=message_id,
                        clinic_id=ctx.patient.clinic_id,
                        patient_id=ctx.patient.id,
                        carer_id=carer.id if carer is not None else None,
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
                        carer_id=carer.id if carer is not None else None,
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

    def sweeps(self) -> list[Sweep]:
        """What the tick runs, in order: paging first, since a late page is the costliest delay."""
        return [
            Sweep("paging", "pages", self.escalate),
            Sweep("checkins", "opened", self.send_due),
            Sweep("owner_reminders", "reminded", self._remind_owners),
            Sweep("reminders_expiry", "missed", self._remind_and_expire),
            Sweep("follow_ups", "follow_ups", self._follow_ups),
            Sweep("consent_reminders", "consent_reminded", self._remind_consent),
            Sweep("inbox_retry", "retried", self._retry_inbox),
            Sweep("outbox_stranded", "stranded", self._stranded),
        ]

    async def _remind_owners(self) -> int:
        async with self.db.transaction() as session:
            return await paging.remind_owners(
                session, self.clock.now(), postgres=self.db.postgres, public_url=self.public_url
            )

    async def _remind_and_expire(self) -> int:
        """Reminders and expiry; a patient who keeps missing check-ins gets a routine case."""
        now = self.clock.now()
        async with self.db.transaction() as session:
            missed = await checkins.remind_and_expire(session, now, postgres=self.db.postgres, say=say)
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

    async def _remind_consent(self) -> int:
        """The consent question once more to patients on a text channel silent for a day."""
        async with self.db.transaction() as session:
            reminded = await enrolment.remind(session, self.clock.now(), postgres=self.db.postgres)
        if reminded:
            self.dispatcher.wake()
        return reminded

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
        found = await outbox.stranded(self.db, set(self.channels), self._stranded_said)
        return sum(found.values())

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
                    session,
                    now,
                    postgres=self.db.postgres,
                    say=say,
                    batch=batch,
                    after=after,
                    held=followups.holds_checkin(now),
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
            staff_did(session, staff, action, "case", case_id, at=now, channel=channel, **said)
        self.hub.publish(f"clinic:{staff.clinic_id}", {"type": "changed", "case": case_id})
        if action in ("decline", "release"):
            await self.escalate()  # the next tier now; a released case is paged from the first
        return True

    async def patient(self, clinic_id: int, external_id: str) -> Patient | None:
        async with self.db.session() as session:
            return await session.scalar(
                select(Patient).where(Patient.clinic_id == clinic_id, Patient.external_id == external_id)
            )

    async def writer_by_address(self, channel: str, address: str) -> tuple[Patient, Carer | None] | None:
        """Who writes from `address` (a phone number for SMS): the patient whose number it is,
        else the patient of the carer whose number it is (consent recorded, still listed).
        A carer's number not yet consented to is nobody's: the sender is a stranger."""
        patient = await self.patient_by_address(channel, address)
        if patient is not None:
            return patient, None
        async with self.db.session() as session:
            row = (
                await session.execute(
                    select(Patient, Carer)
                    .join(Carer, Carer.patient_id == Patient.id)
                    .where(
                        Carer.phone == address,
                        Carer.channel == channel,
                        Carer.consent_recorded_at.is_not(None),
                        Carer.removed_at.is_(None),
                    )
                    .order_by(Carer.created_at.desc(), Carer.id.desc())
                    .limit(1)
                )
            ).first()
        return None if row is None else (row[0], row[1])

    async def patient_by_address(self, channel: str, address: str) -> Patient | None:
        """The newest patient this channel reaches at `address` (a phone number for SMS)."""
        if channel != "sms":
            raise ValueError(f"patients on {channel} are not found by address")
        async with self.db.session() as session:
            return await session.scalar(
                select(Patient)
                .where(Patient.phone == address, Patient.channel == channel)
                .order_by(Patient.created_at.desc())
                .limit(1)
            )

    async def delivery_report(
        self,
        channel: str,
        provider_id: str,
        *,
        status: str,
        rank: int,
        order: Mapping[str, int],
        delivered: bool = False,
        error: str | None = None,
        retry_later: bool = False,
        patient_status: str | None = None,
        code: int | None = None,
    ) -> None:
        """A provider's word on a message we sent, as the channel understood it.

        Status only moves forward (`rank` against `order`); `retry_later` puts the message back
        in the outbox; `patient_status` ("opted_out", "unreachable") stops writing to the
        patient and tells whoever holds their open case. Unknown messages are ignored.
        """
        now = self.clock.now()
        async with self.db.transaction() as session:
            row = await session.scalar(
                select(OutboundMessage)
                .where(OutboundMessage.channel == channel, OutboundMessage.provider_id == provider_id)
                .with_for_update()
            )
            if row is None:
                return
            if rank > order.get(row.status, 0):  # forward only
                row.status = status
                if delivered:
                    row.delivered_at = now
            if error is None:
                return
            row.error = error
            if retry_later:  # the handset was unreachable: try again later
                row.status, row.next_attempt_at, row.provider_id = "pending", now + RETRY_LATER, None
                return
            if patient_status is None or row.patient_id is None:
                return
            if row.carer_id is not None:
                # A carer's number says nothing of the patient's: STOP there stops only the carer.
                if patient_status == "opted_out":
                    await session.execute(
                        update(Carer).where(Carer.id == row.carer_id).values(opted_out_at=now)
                    )
                return
            await session.execute(
                update(Patient).where(Patient.id == row.patient_id).values(status=patient_status)
            )
            case = await cases.open_case_of(session, row.patient_id)
            if case is not None:
                cases.event(
                    session, case, "unreachable", now, "system", channel, reason=patient_status, code=code
                )

    async def add_cover(
        self,
        staff: Staff,
        rotation: str,
        email: str,
        starts_at: datetime,
        ends_at: datetime,
        channel: str,
    ) -> cover.Cover:
        """An admin puts someone on call; raises cover.CoverError when it cannot be."""
        async with self.db.transaction() as session:
            now = self.clock.now()
            made = await cover.add(session, staff, rotation, email, starts_at, ends_at, now, channel)
        self.hub.publish(f"clinic:{staff.clinic_id}", {"type": "changed"})
        return made

    async def remove_cover(self, staff: Staff, override_id: int, channel: str) -> None:
        """An admin takes cover back; raises cover.CoverError when it cannot be."""
        async with self.db.transaction() as session:
            await cover.remove(session, staff, override_id, self.clock.now(), channel)
        self.hub.publish(f"clinic:{staff.clinic_id}", {"type": "changed"})
