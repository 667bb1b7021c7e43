"""Linking a chat by invite, and the patient's consent before any check-in.

Channel-neutral: Telegram's `/start <token>` and its buttons call these; the rows they
write go out through the outbox like every other message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import audit, patient_did, staff_did
from vigil.core.models import Carer, Clinic, OutboundMessage, Patient, Staff, to_patient, to_staff, to_writer
from vigil.escalation.triage.texts import say
from vigil.scheduler import checkins
from vigil.scheduler.schedule import leave_quiet_hours

from . import links

PRIORITY_INFO = 3
YES = {"yes", "y", "agree", "i agree", "ok", "okay", "yes please", "i consent"}
NO = {"no", "n", "no thank you", "no thanks", "i do not agree", "i don't agree"}
# A typed answer in Spanish counts for every patient, as the English ones do.
YES |= {"si", "sí", "acepto", "de acuerdo", "vale", "claro", "sí acepto", "si acepto"}
NO |= {"no gracias", "no, gracias", "no acepto"}


# Channels a patient is reached on by their number (or, on the simulator, as if by it): they opt
# in by text (docs/design.md, "Consent by text"); Telegram asks when the invite link is opened.
TEXT_CHANNELS = ("sms", "simulator")
REMIND_AFTER = timedelta(hours=24)  # the consent question (text_consent: ask) is asked once more


def answer(text: str) -> bool | None:
    """A typed answer to the consent question or the opt-in notice: True, False, or None."""
    word = text.strip().strip(".!").lower()
    return True if word in YES else False if word in NO else None


def consent_buttons(language: str = "en") -> list[list[list[str]]]:
    """The consent question's two buttons, labelled in the patient's language."""
    yes, no = say("consent_button_yes", language), say("consent_button_no", language)
    return [[[yes, "consent:yes"], [no, "consent:no"]]]


@dataclass
class Linked:
    kind: str  # "patient" | "staff" | "carer" | "expired"
    clinic_id: int | None = None


def _key(key: str, checkins: bool) -> str:
    """A text's key, or its variant for a patient enrolled in no protocol: what we say must
    not promise check-ins that will never come."""
    return key if checkins else f"{key}_no_checkins"


def consent_text(clinic: Clinic, language: str = "en", *, checkins: bool = True) -> str:
    key = _key("consent_ask", checkins)
    return say(key, language, clinic=clinic.name, emergency_number=clinic.emergency_number)


async def link(session: AsyncSession, token: str, channel: str, address: int, now: datetime) -> Linked:
    """Redeem an invite for this chat; writes the next message (consent, or a welcome)."""
    invite = await links.redeem(session, token, now)
    if invite is None:
        return Linked("expired")
    clinic = await session.get(Clinic, invite.clinic_id)
    assert clinic is not None  # the invite's foreign key cascades
    if invite.carer_id is not None:
        return await _link_carer(session, invite.carer_id, clinic, channel, address, now)
    if invite.patient_id is not None:
        patient = await session.get(Patient, invite.patient_id)
        assert patient is not None
        if patient.discharged_at is not None:  # invited, then taken off the list before opening it
            return Linked("expired")
        # One chat speaks for one patient: an older link of this chat is undone.
        await session.execute(
            update(Patient)
            .where(Patient.telegram_chat_id == address, Patient.id != patient.id)
            .values(telegram_chat_id=None)
        )
        patient.telegram_chat_id = address
        patient.channel = channel
        patient.status = "awaiting_consent"
        patient.consented_at = None
        await session.flush()
        await ask_consent(session, patient, clinic, now)
        patient_did(session, patient, "linked", at=now, channel=channel)
        return Linked("patient", clinic.id)
    staff = await session.get(Staff, invite.staff_id)
    assert staff is not None
    if not staff.active:  # left the clinic after the invite was made
        return Linked("expired")
    staff.telegram_chat_id = address
    await session.flush()
    text = (
        f"Linked to Vigil for {clinic.name}. Pages come here with buttons to acknowledge or claim the case."
    )
    await session.execute(
        insert(OutboundMessage).values(
            to_staff(staff, (channel, str(address)), kind="info", text=text, now=now, priority=PRIORITY_INFO)
        )
    )
    staff_did(session, staff, "linked", "staff", staff.id, at=now, channel=channel)  # the invite's clinic
    return Linked("staff", clinic.id)


async def _link_carer(
    session: AsyncSession, carer_id: int, clinic: Clinic, channel: str, address: int, now: datetime
) -> Linked:
    """A carer opens their link: this chat is theirs from now on (the patient's consent was
    recorded by the clinic; a carer taken off, or of a discharged patient, links nothing)."""
    carer = await session.get(Carer, carer_id)
    patient = await session.get(Patient, carer.patient_id) if carer is not None else None
    if carer is None or patient is None or carer.removed_at is not None or patient.discharged_at is not None:
        return Linked("expired")
    # One chat speaks for one carer: an older link of this chat is undone.
    await session.execute(
        update(Carer)
        .where(Carer.telegram_chat_id == address, Carer.id != carer.id)
        .values(telegram_chat_id=None)
    )
    carer.telegram_chat_id, carer.channel = address, channel
    await session.flush()
    text = say(
        "carer_linked", carer.language or "en", clinic=clinic.name, emergency_number=clinic.emergency_number
    )
    await session.execute(
        insert(OutboundMessage).values(
            to_writer(patient, carer, kind="info", text=text, now=now, priority=PRIORITY_INFO)
        )
    )
    audit(
        session,
        at=now,
        actor=f"carer:{carer.id}",
        action="carer_linked",
        subject_type="patient",
        subject_id=patient.id,
        clinic_id=clinic.id,
        channel=channel,
        carer=carer.id,
    )
    return Linked("carer", clinic.id)


async def writer_by_chat(session: AsyncSession, chat_id: int) -> tuple[Patient, Carer | None] | None:
    """Who writes from this chat: its patient, else the patient of the carer it is linked to
    (consent recorded, still listed)."""
    patient = await patient_by_chat(session, chat_id)
    if patient is not None:
        return patient, None
    row = (
        await session.execute(
            select(Patient, Carer)
            .join(Carer, Carer.patient_id == Patient.id)
            .where(
                Carer.telegram_chat_id == chat_id,
                Carer.consent_recorded_at.is_not(None),
                Carer.removed_at.is_(None),
            )
            .order_by(Carer.id.desc())
            .limit(1)
        )
    ).first()
    return None if row is None else (row[0], row[1])


async def ask_consent(session: AsyncSession, patient: Patient, clinic: Clinic, now: datetime) -> None:
    """Queue the consent question, with its two buttons."""
    enrolled = await checkins.enrolled(session, patient.id)
    await session.execute(
        insert(OutboundMessage).values(
            to_patient(
                patient,
                kind="info",
                text=consent_text(clinic, patient.language or "en", checkins=enrolled),
                now=now,
                priority=PRIORITY_INFO,
                buttons=consent_buttons(patient.language or "en"),
            )
        )
    )


def text_consent_text(
    clinic: Clinic, language: str = "en", *, reminder: bool = False, checkins: bool = True
) -> str:
    """The consent question by text: no buttons, so it says how to answer."""
    text = f"{consent_text(clinic, language, checkins=checkins)} {say('answer_yes_no', language)}"
    return f"{say('checkin_reminder', language)} {text}" if reminder else text


def _held(patient: Patient, clinic: Clinic, now: datetime) -> datetime:
    """Now, or the end of the patient's quiet hours: when check-ins would be let out too."""
    return leave_quiet_hours(now, patient.timezone or clinic.timezone, checkins.quiet_of(clinic))


async def _tell(session: AsyncSession, patient: Patient, clinic: Clinic, text: str, now: datetime) -> None:
    row = to_patient(patient, kind="info", text=text, now=now, priority=PRIORITY_INFO)
    row["next_attempt_at"] = _held(patient, clinic, now)  # the outbox holds it until then
    await session.execute(insert(OutboundMessage).values(row))


async def opt_in(
    session: AsyncSession, patient: Patient, clinic: Clinic, now: datetime, *, enrolled: bool | None = None
) -> bool:
    """A patient newly reached by text (enrolled on SMS or the simulator, moved to one, or given
    a new number): queue the opt-in notice (text_consent "notice": check-ins start on schedule)
    or the consent question (text_consent "ask": none until they reply YES), held out of quiet
    hours. Nothing for another channel. A discharged patient, or one who said STOP, was paused
    or could not be reached, is owed it instead (`owed`): it goes out when the clinic resumes
    or re-admits them, before any check-in. `enrolled`: whether they are in a protocol, when
    the caller knows (None: looked up); the text says whether check-ins will come."""
    if patient.channel not in TEXT_CHANNELS:
        patient.consent_owed_at = None
        return False
    if patient.discharged_at is not None or patient.status not in ("active", "invited", "awaiting_consent"):
        patient.consent_owed_at = now
        patient.consented_at = None  # this number has not answered yet
        return False
    patient.consent_owed_at = None
    language = patient.language or "en"
    patient.consented_at = None  # this number has not answered yet
    patient.consent_asked_at, patient.consent_reminded_at = now, None
    if enrolled is None:
        enrolled = await checkins.enrolled(session, patient.id)
    if clinic.text_consent == "ask":
        patient.status = "awaiting_consent"
        text = text_consent_text(clinic, language, checkins=enrolled)
    else:
        patient.status = "active"
        number = clinic.emergency_number
        text = say(_key("text_notice", enrolled), language, clinic=clinic.name, emergency_number=number)
    await _tell(session, patient, clinic, text, now)
    audit(
        session,
        at=now,
        actor="system",
        action="consent_asked" if clinic.text_consent == "ask" else "opt_in_notice",
        subject_type="patient",
        subject_id=patient.id,
        clinic_id=patient.clinic_id,
        channel=patient.channel,
    )
    return True


async def owed(session: AsyncSession, patient: Patient, clinic: Clinic, now: datetime) -> bool:
    """Send the notice or question a patient was owed (`opt_in` could not reach them when their
    number or channel changed) now that they can be written to again."""
    if patient.consent_owed_at is None:
        return False
    return await opt_in(session, patient, clinic, now)


def awaits_answer(patient: Patient) -> bool:
    """Whether a typed YES or NO from the patient answers the consent question, or the opt-in
    notice they were sent and have not confirmed (patients enrolled before it never got one)."""
    if patient.discharged_at is not None:
        return False
    if patient.status == "awaiting_consent":
        return True
    return (
        patient.status == "active"
        and patient.channel in TEXT_CHANNELS
        and patient.consent_asked_at is not None
        and patient.consented_at is None
    )


async def answers_now(session: AsyncSession, patient: Patient) -> bool:
    """Whether a typed YES or NO from the patient is taken as the answer now: only while the
    last thing we sent them is the notice, the consent question or its reminder. Once anything
    else has gone to them (a check-in, a red-flag question, a nurse's reply, advice) a "no"
    answers that, even after it lapsed, and an opt-out is theirs to say with STOP: a "no" to
    "is the pain worse?" must never end their check-ins."""
    if not awaits_answer(patient):
        return False
    if patient.consent_asked_at is None:  # asked when a Telegram link was opened
        return patient.status == "awaiting_consent"
    last = await session.scalar(
        select(OutboundMessage.text)
        .where(OutboundMessage.patient_id == patient.id, OutboundMessage.carer_id.is_(None))
        .order_by(OutboundMessage.id.desc())
        .limit(1)
    )
    clinic = await session.get(Clinic, patient.clinic_id)
    assert clinic is not None
    language, number = patient.language or "en", clinic.emergency_number
    prompts = {
        # Either wording: the patient may have been enrolled in a protocol since, or taken off one.
        text
        for enrolled in (True, False)
        for text in (
            say(_key("text_notice", enrolled), language, clinic=clinic.name, emergency_number=number),
            text_consent_text(clinic, language, checkins=enrolled),
            text_consent_text(clinic, language, reminder=True, checkins=enrolled),
        )
    }
    return last in prompts  # anything else since (or a clinic renamed): not taken as consent


async def remind(session: AsyncSession, now: datetime, *, postgres: bool = False) -> int:
    """Ask the consent question once more of a patient on a text channel who has not answered
    it in a day; after that, the patient page says they have not agreed. Returns how many."""
    q = (
        select(Patient, Clinic)
        .join(Clinic, Clinic.id == Patient.clinic_id)
        .where(
            Patient.status == "awaiting_consent",
            Patient.consent_asked_at <= now - REMIND_AFTER,
            Patient.consent_reminded_at.is_(None),
            Patient.channel.in_(TEXT_CHANNELS),
            Patient.discharged_at.is_(None),
        )
        .order_by(Patient.id)
        .limit(500)
    )
    if postgres:
        q = q.with_for_update(of=Patient, skip_locked=True)
    rows = (await session.execute(q)).all()
    for patient, clinic in rows:
        patient.consent_reminded_at = now
        enrolled = await checkins.enrolled(session, patient.id)
        text = text_consent_text(clinic, patient.language or "en", reminder=True, checkins=enrolled)
        await _tell(session, patient, clinic, text, now)
    return len(rows)


async def consent(session: AsyncSession, patient: Patient, agreed: bool, now: datetime) -> bool:
    """Record the answer to the consent question, or to the opt-in notice; False when neither
    was pending. A NO to the notice opts out as STOP does (the caller stops what is open)."""
    if not awaits_answer(patient):
        return False
    clinic = await session.get(Clinic, patient.clinic_id)
    assert clinic is not None
    language, number = patient.language or "en", clinic.emergency_number
    if agreed and patient.status == "awaiting_consent":
        patient.status, patient.consented_at = "active", now
        enrolled = await checkins.enrolled(session, patient.id)
        text = say(_key("consent_yes", enrolled), language, emergency_number=number)
    elif agreed:  # confirming the notice: check-ins were already on
        patient.consented_at = now
        text = say("text_confirmed", language, emergency_number=number)
    else:
        patient.status = "opted_out"
        await checkins.stop_open(session, patient.id, now)
        text = say("consent_no", language, emergency_number=number)
    await session.execute(
        insert(OutboundMessage).values(
            to_patient(patient, kind="info", text=text, now=now, priority=PRIORITY_INFO)
        )
    )
    patient_did(
        session,
        patient,
        "consented" if agreed else "declined_consent",
        at=now,
        channel=patient.channel,
    )
    return True


async def patient_by_chat(session: AsyncSession, chat_id: int) -> Patient | None:
    return await session.scalar(
        select(Patient).where(Patient.telegram_chat_id == chat_id).order_by(Patient.id.desc()).limit(1)
    )
