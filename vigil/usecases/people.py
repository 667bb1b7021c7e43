"""Use cases for people who write in on a channel but are not a patient's message to triage:
staff (a short code, a chat, a page's button), strangers, and enrolment (linking a chat by
invite, consent, an unreadable photo). A part of `Service`; the channels parse, these look up
and write, each with the provider's receipt in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import insert, select

from vigil.bot import enrolment, inbox, strangers
from vigil.bot.outbox import Dispatcher
from vigil.core.clock import Clock
from vigil.core.db import Database
from vigil.core.models import Carer, Clinic, OutboundMessage, Patient, Staff, queued, to_staff
from vigil.escalation.models import Case
from vigil.escalation.triage.texts import say


class People:
    db: Database
    clock: Clock
    dispatcher: Dispatcher

    def announce(self, topics: Iterable[str], payload: dict[str, object] | None = None) -> None:
        raise NotImplementedError  # Service's

    # -- staff and strangers writing in on a channel ------------------------------------------

    async def staff_at(self, channel: str, address: str | int) -> Staff | None:
        """The active staff member this channel reaches at `address` (a phone, a chat id)."""
        if channel == "sms":
            where = Staff.phone == str(address)
        elif channel == "telegram":
            where = Staff.telegram_chat_id == int(address)
        else:
            return None
        async with self.db.session() as session:
            return await session.scalar(
                select(Staff).where(where, Staff.active.is_(True)).order_by(Staff.id).limit(1)
            )

    async def staff_of_case(self, telegram_user: int, case_id: int) -> Staff | None:
        """The active staff member this Telegram user is *in the case's clinic*: checked on every
        press of a page's button, so a nurse who left, or another clinic's, acts on nothing."""
        async with self.db.session() as session:
            return await session.scalar(
                select(Staff)
                .join(Case, Case.clinic_id == Staff.clinic_id)
                .where(Case.id == case_id, Staff.telegram_chat_id == telegram_user, Staff.active.is_(True))
                .limit(1)
            )

    async def case_in_clinic(self, staff: Staff, case_id: int) -> bool:
        async with self.db.session() as session:
            found = await session.scalar(
                select(Case.id).where(Case.id == case_id, Case.clinic_id == staff.clinic_id)
            )
        return found is not None

    async def answer_staff(
        self,
        staff: Staff,
        channel: str,
        address: str,
        text: str,
        *,
        receipt: tuple[str, str] | None = None,
        priority: int = 0,
    ) -> bool:
        """Write a short answer to a staff member; with `receipt`, once per provider delivery."""
        now = self.clock.now()
        async with self.db.transaction() as session:
            if receipt is not None and not await inbox.first_time(session, *receipt, now):
                return False
            await session.execute(
                insert(OutboundMessage).values(
                    to_staff(staff, (channel, address), kind="info", text=text, now=now, priority=priority)
                )
            )
        self.dispatcher.wake()
        return True

    async def answer_stranger(
        self,
        channel: str,
        address: str,
        text: str,
        *,
        receipt: tuple[str, str],
        kind: str = "stranger",
        every: timedelta | None = None,
    ) -> None:
        """Tell an address nobody is known at what this is, once in a while, once per delivery."""
        now = self.clock.now()
        async with self.db.transaction() as session:
            if not await inbox.first_time(session, *receipt, now):
                return
            if every is None:
                await strangers.tell_stranger(session, channel, address, now, text, kind=kind)
            else:
                await strangers.tell_stranger(session, channel, address, now, text, kind=kind, every=every)
        self.dispatcher.wake()

    # -- enrolment: linking a chat by invite, consent ------------------------------------------

    async def patient_at(self, channel: str, address: int) -> Patient | None:
        """The patient a chat is linked to (Telegram: the newest link wins)."""
        if channel != "telegram":
            raise ValueError(f"patients on {channel} are not found by chat")
        async with self.db.session() as session:
            return await enrolment.patient_by_chat(session, address)

    async def writer_at(self, channel: str, address: int) -> tuple[Patient, Carer | None] | None:
        """Who writes from a chat: its patient, or the patient of the carer linked to it."""
        if channel != "telegram":
            raise ValueError(f"writers on {channel} are not found by chat")
        async with self.db.session() as session:
            return await enrolment.writer_by_chat(session, address)

    async def link(
        self,
        token: str,
        channel: str,
        address: int,
        *,
        receipt: tuple[str, str],
        expired: str,
        expired_every: timedelta,
    ) -> enrolment.Linked | None:
        """Redeem an invitation for this chat (consent next, or a staff welcome); an unknown or
        used token gets `expired`, once in a while. None when this delivery was seen before."""
        now = self.clock.now()
        async with self.db.transaction() as session:
            if not await inbox.first_time(session, *receipt, now):
                return None
            linked = await enrolment.link(session, token, channel, address, now)
            if linked.kind == "expired":
                # Said once in a while, not to every guess: a bot trying tokens gets little back.
                await strangers.tell_stranger(
                    session, channel, str(address), now, expired, kind="expired", every=expired_every
                )
        if linked.clinic_id is not None:
            self.announce({f"clinic:{linked.clinic_id}"})
        self.dispatcher.wake()
        return linked

    async def ask_consent_again(self, patient: Patient, *, receipt: tuple[str, str]) -> None:
        now = self.clock.now()
        async with self.db.transaction() as session:
            if await inbox.first_time(session, *receipt, now):
                clinic = await session.get(Clinic, patient.clinic_id)
                if clinic is not None:
                    await enrolment.ask_consent(session, patient, clinic, now)
        self.dispatcher.wake()

    async def consent(
        self, channel: str, address: int, agreed: bool, *, receipt: tuple[str, str]
    ) -> bool | None:
        """The chat's patient answers the consent question: True when recorded, False when none
        was pending, None when this delivery was seen before."""
        now = self.clock.now()
        async with self.db.transaction() as session:
            if not await inbox.first_time(session, *receipt, now):
                return None
            patient = await enrolment.patient_by_chat(session, address)
            done = patient is not None and await enrolment.consent(session, patient, agreed, now)
        self.dispatcher.wake()
        return done

    async def unreadable(
        self, channel: str, address: int, *, receipt: tuple[str, str], stranger: str
    ) -> None:
        """A photo, voice note or sticker: say we read only typed messages (to a patient), or
        what this is (to a stranger); a nurse's photo gets nothing."""
        now = self.clock.now()
        async with self.db.transaction() as session:
            if not await inbox.first_time(session, *receipt, now):
                return
            writer = await enrolment.writer_by_chat(session, address)
            patient, carer = writer if writer is not None else (None, None)
            staff = await session.scalar(
                select(Staff.id).where(Staff.telegram_chat_id == address, Staff.active.is_(True)).limit(1)
            )
            if patient is None and staff is not None:
                pass  # a nurse's photo: nothing to say
            elif patient is None:
                await strangers.tell_stranger(session, channel, str(address), now, stranger)
            else:
                clinic = await session.get(Clinic, patient.clinic_id)
                number = clinic.emergency_number if clinic else "your local emergency number"
                await session.execute(
                    insert(OutboundMessage).values(
                        queued(
                            clinic_id=patient.clinic_id,
                            patient_id=patient.id,
                            carer_id=carer.id if carer is not None else None,
                            channel=channel,
                            address=str(address),
                            kind="reply",
                            text=say("typed_only", emergency_number=number),
                            now=now,
                            priority=3,
                        )
                    )
                )
        self.dispatcher.wake()
