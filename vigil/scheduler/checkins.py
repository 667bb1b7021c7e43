"""Check-ins: opened by the due sweep, answered question by question, reminded once, expired.

Functions here write rows (check-ins, answers, outbox messages) inside the caller's
transaction and never send anything themselves.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import BindParameter, ColumnElement, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from vigil.core.db import table
from vigil.core.models import Clinic, OutboundMessage, Patient, to_patient

from .conditions import parse as parse_condition
from .models import CheckIn, CheckInAnswer, Enrolment, Protocol
from .questions import question_choices, question_text
from .schedule import next_due

PRIORITY_QUESTION = 5
PRIORITY_REMINDER = 6
# Built once: every answer to a check-in runs them.
_ANSWER = insert(table(CheckInAnswer))
_OUTBOX = insert(table(OutboundMessage))
# The due sweep's writes, as Core statements: the ORM's bulk paths cost more CPU per row
# than the statements themselves.
_CHECKIN = insert(table(CheckIn))
_ADVANCE = (
    update(table(Enrolment))
    .where(table(Enrolment).c.id == bindparam("b_id"))
    .values(next_due_at=bindparam("b_next"))
)


@dataclass(frozen=True, slots=True)
class Missed:
    """A patient who has now let `streak` check-ins in a row expire unanswered."""

    patient_id: int
    clinic_id: int
    streak: int
    threshold: int


@lru_cache(maxsize=256)
def _condition(expr: str) -> Any:
    return parse_condition(expr)[0]


# The patient's texts, in their language: vigil.escalation.triage.texts.say(key, language,
# **values) (data/<language>/texts.yaml). Callers pass it in: the scheduler and escalation do
# not import each other (docs/design.md).
Say = Callable[..., str]

# "...start suddenly, or is it there all the time?" asks which, not yes or no: the words that
# follow "or" / "o" in such a question, in each language (accents dropped before matching).
_EITHER_OR = (
    *(f" or {w} " for w in ("is", "are", "does", "do", "did", "was", "has")),
    *(f" o {w} " for w in ("es", "esta", "estan", "son", "fue", "fueron", "era", "sigue", "siguen")),
)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def either_or(text: str) -> bool:
    """Whether a yes/no question's words ask which of two things, not yes or no."""
    padded = f" {_plain(text)} ".replace(",", " ").replace("¿", " ").replace("?", " ")
    return any(w in padded for w in _EITHER_OR)


def answer_hint(question: dict[str, Any], language: str, say: Say) -> str:
    """How to answer, in the patient's language, with a leading space ("" when free text)."""
    kind = question.get("kind")
    if kind == "scale":
        return " " + say("answer_scale", language)
    if kind == "yes_no":
        if either_or(question_text(question, language)):
            return ""
        return " " + say("answer_yes_no", language)
    choices = question_choices(question, language) if kind == "choice" else None
    if choices:
        return " " + say("answer_choice", language, choices=", ".join(choices))
    return ""


def ask(question: dict[str, Any], language: str, say: Say) -> str:
    """The question as sent: its words in the patient's language, then how to answer."""
    return question_text(question, language) + answer_hint(question, language, say)


def next_question(
    protocol_questions: list[dict[str, Any]], after_key: str | None, values: dict[str, float | None]
) -> dict[str, Any] | None:
    """The next question whose ask_if holds, after the one keyed `after_key`."""
    started = after_key is None
    for q in protocol_questions:
        if not started:
            started = q["key"] == after_key
            continue
        cond = q.get("ask_if")
        if cond and not _condition(cond)(values):
            continue
        return q
    return None


def quiet_of(clinic: Clinic) -> tuple[str, str] | None:
    """The clinic's quiet hours (start, end), or None when it keeps none."""
    return (clinic.quiet_start, clinic.quiet_end) if clinic.quiet_start and clinic.quiet_end else None


CALLBACK_MAX = 64  # bytes Telegram keeps of a button's data


def answer_buttons(question: dict[str, Any], language: str, say: Say) -> list[list[list[str]]] | None:
    """Buttons for a question with fixed answers, as rows of [label, "a:<key>:<index>"], labelled
    in the patient's language. The data names the answer by its place, so a press maps back to
    the same answer whatever the labels' language (the handler reads the label at that place)."""
    key, kind = str(question.get("key", "")), question.get("kind")
    labels: list[list[str]]
    choices = question_choices(question, language) if kind == "choice" else None
    if kind == "scale":
        labels = [[str(n) for n in range(6)], [str(n) for n in range(6, 11)]]
    elif kind == "yes_no" and answer_hint(question, language, say):
        labels = [[say("answer_button_yes", language), say("answer_button_no", language)]]
    elif choices:
        labels = [[c] for c in choices]
    else:
        return None
    # The data names the answer by its place, so any wording fits Telegram's 64 bytes.
    flat = iter(range(sum(len(row) for row in labels)))
    rows = [[[label, f"a:{key}:{next(flat)}"] for label in row] for row in labels]
    if any(len(data.encode()) > CALLBACK_MAX for row in rows for _, data in row):
        return None  # a very long question key: the patient types the answer instead
    return rows


def _outbox_row(
    patient: Patient, kind: str, question: dict[str, Any], text: str, now: datetime, priority: int, say: Say
) -> dict[str, Any]:
    buttons = answer_buttons(question, patient.language or "en", say)
    return to_patient(patient, kind=kind, text=text, now=now, priority=priority, buttons=buttons)


@dataclass(frozen=True, slots=True)
class _Recipient:
    """What an outbox row needs of a patient, without loading the patient as an object."""

    id: int
    clinic_id: int
    channel: str
    address: str
    language: str


def _literal(ids: list[int]) -> BindParameter[list[int]]:
    """Ids written into the statement, not sent as parameters.

    As parameters, PostgreSQL soon reuses one generic plan for the statement, made while the
    tables were small (read every open check-in, hash every patient), and each batch of a
    sweep then cost more than the last: 30,000 due spent 7 s in one such query alone.
    """
    return bindparam("ids", ids, expanding=True, literal_execute=True)


@dataclass(frozen=True, slots=True)
class DueBatch:
    """One claimed batch of the due sweep: how many enrolments, and where the next starts."""

    count: int
    after: int | None  # the highest enrolment id claimed: the next batch starts past it


async def send_due(
    session: AsyncSession,
    now: datetime,
    *,
    postgres: bool,
    say: Say,
    batch: int = 500,
    after: int | None = None,
    held: ColumnElement[bool] | None = None,
) -> DueBatch:
    """Open a check-in for up to `batch` due enrolments with ids past `after`; the caller commits.

    `held`: a condition on the enrolment (its patient) under which its check-in waits, still
    due, for a later sweep: the bot holds it while a red-flag question waits for its answer,
    so the patient's "yes" answers that question and not the check-in's first.

    The claim reads the enrolment table alone, in id order from where the last batch
    stopped (keyset), and joins patients only to the rows it took. Ordering by due time
    instead would walk every row swept so far on each batch (they are all due at the same
    instant, and their old index entries stay until a vacuum), so a batch would cost more
    the more were due: 100,000 took minutes.
    """
    claim = (
        select(Enrolment.id, Enrolment.next_due_at)
        .where(Enrolment.active.is_(True), Enrolment.next_due_at <= now)
        .order_by(Enrolment.id)
        .limit(batch)
    )
    if after is not None:
        claim = claim.where(Enrolment.id > after)
    if held is not None:
        claim = claim.where(~held)
    if postgres:
        # Two sweeps at once each take different rows; none opens a check-in twice.
        claim = claim.with_for_update(skip_locked=True)
    claimed = (await session.execute(claim)).all()
    if not claimed:
        return DueBatch(0, after)
    due_at_of = {row[0]: row[1] for row in claimed}
    # Only the claimed rows, by primary key, and of each patient only the columns a question
    # needs (an ORM object per patient was most of a batch's CPU); protocols and clinics,
    # which most rows share, are objects loaded once a batch.
    rows = (
        await session.execute(
            select(
                Enrolment.id.label("enrolment_id"),
                Enrolment.protocol_id,
                Patient.id,
                Patient.clinic_id,
                Patient.channel,
                Patient.telegram_chat_id,
                Patient.phone,
                Patient.external_id,
                Patient.timezone,
                Patient.status,
                Patient.language,
            )
            .join(Patient, Patient.id == Enrolment.patient_id)
            .where(Enrolment.id.in_(_literal(list(due_at_of))))
            .order_by(Enrolment.id)
        )
    ).all()
    protocols = {
        p.id: p
        for p in await session.scalars(select(Protocol).where(Protocol.id.in_({r.protocol_id for r in rows})))
    }
    clinics = {
        c.id: c
        for c in await session.scalars(
            select(Clinic).where(Clinic.id.in_({r.clinic_id for r in rows})).options(defer(Clinic.oncall))
        )
    }
    enrolment_ids = list(due_at_of)
    # A check-in still open from the last time is over when the next one opens.
    stale = (
        await session.execute(
            select(CheckIn.id, CheckIn.enrolment_id, CheckIn.answered_any).where(
                CheckIn.enrolment_id.in_(_literal(enrolment_ids)), CheckIn.status == "open"
            )
        )
    ).all()
    if stale:
        await session.execute(
            update(CheckIn)
            .where(CheckIn.id.in_([s.id for s in stale]))
            .values(status="expired", closed_at=now)
        )
    checkins: list[dict[str, Any]] = []
    outbox: list[dict[str, Any]] = []
    advances: list[dict[str, Any]] = []
    upcoming: dict[tuple[str, str, tuple[str, str] | None], datetime] = {}  # most rows share these
    for patient in rows:
        enrolment_id = patient.enrolment_id
        protocol, clinic = protocols[patient.protocol_id], clinics[patient.clinic_id]
        due_at = due_at_of[enrolment_id]
        tz = patient.timezone or clinic.timezone
        key = (protocol.schedule, tz, quiet_of(clinic))
        if key not in upcoming:
            upcoming[key] = next_due(key[0], tz, now, key[2])
        advances.append({"b_id": enrolment_id, "b_next": upcoming[key]})
        if patient.status != "active":
            continue  # opted out or paused: the schedule moves on, nothing is sent
        first = next_question(protocol.questions, None, {})
        if first is None:
            continue
        checkins.append(
            {
                "enrolment_id": enrolment_id,
                "patient_id": patient.id,
                "due_at": due_at or now,
                "opened_at": now,
                "status": "open",
                "question_key": first["key"],
                "asked_at": now,
                "remind_at": (
                    now + timedelta(seconds=protocol.remind_after_s) if protocol.remind_after_s else None
                ),
                "expires_at": now + timedelta(seconds=protocol.expire_after_s),
                "answered_any": False,
            }
        )
        language = patient.language or "en"
        text = f"{say('checkin_intro', language, clinic=clinic.name)} {ask(first, language, say)}"
        # The same rule as Patient.address, read off the columns (mypy sees a property's
        # getter on the class as a plain function, hence the ignore).
        address = Patient.address.fget(patient)  # type: ignore[attr-defined]
        recipient = cast(
            Patient, _Recipient(patient.id, patient.clinic_id, patient.channel, address, language)
        )
        outbox.append(_outbox_row(recipient, "question", first, text, now, PRIORITY_QUESTION, say))
    await session.execute(_ADVANCE, advances)
    if checkins:
        await session.execute(_CHECKIN, checkins)
        await session.execute(_OUTBOX, outbox)
    return DueBatch(len(claimed), claimed[-1][0])


async def open_checkin(session: AsyncSession, patient_id: int) -> tuple[CheckIn, Protocol] | None:
    row = (
        await session.execute(
            select(CheckIn, Protocol)
            .join(Enrolment, Enrolment.id == CheckIn.enrolment_id)
            .join(Protocol, Protocol.id == Enrolment.protocol_id)
            .where(CheckIn.patient_id == patient_id, CheckIn.status == "open")
            .order_by(CheckIn.opened_at.desc())
            .limit(1)
        )
    ).first()
    return (row[0], row[1]) if row else None


def current_question(checkin: CheckIn, protocol: Protocol) -> dict[str, Any] | None:
    return next((q for q in protocol.questions if q["key"] == checkin.question_key), None)


async def record_answer(
    session: AsyncSession,
    checkin: CheckIn,
    protocol: Protocol,
    patient: Patient,
    text: str,
    value: float | None,
    now: datetime,
    *,
    say: Say,
    stop: bool = False,
) -> dict[str, Any] | None:
    """Store the answer to the pending question; ask the next one or close. Returns the next."""
    key = checkin.question_key
    if key is None:
        return None
    values: dict[str, float | None] = {}
    if _conditions_after(protocol.questions, key):
        # Earlier answers matter only to a later question's ask_if; most protocols have none.
        answers = await session.execute(
            select(CheckInAnswer.question_key, CheckInAnswer.value).where(
                CheckInAnswer.checkin_id == checkin.id
            )
        )
        values = {row[0]: row[1] for row in answers.all()}
    values[key] = value
    await session.execute(
        _ANSWER, {"checkin_id": checkin.id, "question_key": key, "text": text, "value": value, "at": now}
    )
    checkin.answered_any = True
    # Usually already in the session (the inbound message's context loaded it): no query.
    enrolment = await session.get(Enrolment, checkin.enrolment_id)
    if enrolment is not None and enrolment.missed_streak:
        enrolment.missed_streak = 0
    nxt = next_question(protocol.questions, key, values)
    if nxt is None or stop:
        # Stopped only if a question was left to ask: the last one answered is a complete
        # check-in, whatever the answer raised.
        checkin.status = "stopped" if nxt is not None else "completed"
        nxt = None
        checkin.question_key = None
        checkin.closed_at = now
        checkin.remind_at = None
        return None
    checkin.question_key = nxt["key"]
    checkin.asked_at = now
    text = ask(nxt, patient.language or "en", say)
    row = _outbox_row(patient, "question", nxt, text, now, PRIORITY_QUESTION, say)
    await session.execute(_OUTBOX, row)
    return nxt


def _conditions_after(questions: list[dict[str, Any]], key: str) -> bool:
    keys = [q.get("key") for q in questions]
    later = questions[keys.index(key) + 1 :] if key in keys else questions
    return any(q.get("ask_if") for q in later)


async def enrolled(session: AsyncSession, patient_id: int) -> bool:
    """Whether the patient is enrolled in a protocol, so check-ins will come."""
    found = await session.scalar(
        select(Enrolment.id).where(Enrolment.patient_id == patient_id, Enrolment.active.is_(True)).limit(1)
    )
    return found is not None


async def stop_open(session: AsyncSession, patient_id: int, now: datetime) -> None:
    await session.execute(
        update(CheckIn)
        .where(CheckIn.patient_id == patient_id, CheckIn.status == "open")
        .values(status="stopped", closed_at=now, question_key=None)
    )


async def remind_and_expire(
    session: AsyncSession, now: datetime, *, postgres: bool, say: Say, batch: int = 500
) -> list[Missed]:
    """Send the one reminder that is due; expire check-ins past their time. Returns new misses."""
    due = (
        select(CheckIn, Patient)
        .join(Patient, Patient.id == CheckIn.patient_id)
        .where(
            CheckIn.status == "open",
            CheckIn.remind_at <= now,
            CheckIn.reminded_at.is_(None),
            CheckIn.expires_at > now,
        )
        .limit(batch)
    )
    if postgres:
        due = due.with_for_update(skip_locked=True, of=CheckIn)
    for checkin, patient in (await session.execute(due)).all():
        checkin.reminded_at = now
        protocol = await session.scalar(
            select(Protocol)
            .join(Enrolment, Enrolment.protocol_id == Protocol.id)
            .where(Enrolment.id == checkin.enrolment_id)
        )
        question = current_question(checkin, protocol) if protocol else None
        if question is not None and patient.status == "active":
            language = patient.language or "en"
            text = f"{say('checkin_reminder', language)} {ask(question, language, say)}"
            row = _outbox_row(patient, "reminder", question, text, now, PRIORITY_REMINDER, say)
            session.add(OutboundMessage(**row))

    over = (
        select(CheckIn, Enrolment, Protocol, Patient)
        .join(Enrolment, Enrolment.id == CheckIn.enrolment_id)
        .join(Protocol, Protocol.id == Enrolment.protocol_id)
        .join(Patient, Patient.id == CheckIn.patient_id)
        .where(CheckIn.status == "open", CheckIn.expires_at <= now)
        .limit(batch)
    )
    if postgres:
        over = over.with_for_update(skip_locked=True, of=CheckIn)
    missed: list[Missed] = []
    for checkin, enrolment, protocol, patient in (await session.execute(over)).all():
        checkin.status = "expired"
        checkin.closed_at = now
        checkin.question_key = None
        if checkin.answered_any:
            continue
        enrolment.missed_streak += 1
        threshold = protocol.flag_after_missed
        if threshold and enrolment.missed_streak >= threshold and enrolment.missed_streak % threshold == 0:
            missed.append(Missed(patient.id, patient.clinic_id, enrolment.missed_streak, threshold))
    return missed
