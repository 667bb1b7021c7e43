"""Asking a patient a red-flag family's follow-up questions, one at a time.

A round is a database state machine (waiting → asking → done | unanswered | stopped): the
conversation starts and advances it as messages come in, and the tick's sweep closes rounds
nobody answered (an event on the case, "red-flag questions not answered") and asks the ones
that waited for a check-in to close. Which questions to ask is triage's data
(`vigil.escalation.triage.followups`); the answers are read by triage with their question.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, case, exists, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.db import table
from vigil.core.models import Carer, Clinic, OutboundMessage, Patient, to_writer
from vigil.escalation import cases
from vigil.escalation.triage import followups as data
from vigil.escalation.triage.model import Finding
from vigil.scheduler import checkins
from vigil.scheduler.models import CheckIn, Enrolment
from vigil.scheduler.schedule import leave_quiet_hours

from . import enrolment
from .models import FollowUp, InboundMessage

WAIT: Final = timedelta(minutes=30)  # no answer by then: the case shows the questions unanswered
STALE: Final = timedelta(hours=12)  # a round that waited this long is no longer worth asking
DAY: Final = timedelta(hours=24)  # one round per family per patient per day
PRIORITY_FOLLOW_UP: Final = 4  # after the safety reply and the reply to the message itself
OPEN: Final = ("waiting", "asking")
_OUTBOX = insert(table(OutboundMessage))
BUTTON_PREFIX: Final = "f"
# A waiting round is fresh for STALE from when it started, or from the expiry of the check-in
# it waits behind (its due_at), whichever is later: the check-in bounds the wait, then it asks.
_fresh_from = func.coalesce(FollowUp.due_at, FollowUp.started_at)
# The language nurses read the case in (its events, the queue): the dashboard's. The patient
# is asked in theirs; what the case says of a round is worded in this one.
NURSES: Final = "en"


@dataclass(frozen=True, slots=True)
class Asking:
    """The round asking a patient now, as a message's context reads it."""

    id: int
    family: str
    position: int
    question: str  # the question's words, as triage reads the answer with them
    due_at: datetime


def asking(row: FollowUp | None) -> Asking | None:
    if row is None or row.status != "asking" or row.position >= len(row.questions) or row.due_at is None:
        return None
    return Asking(row.id, row.family, row.position, row.questions[row.position]["text"], row.due_at)


def buttons(row_id: int, position: int, labels: Sequence[str]) -> list[list[list[str]]] | None:
    """One row of answer buttons; the data names the round, the question and the answer."""
    if not labels:
        return None
    return [[[label, f"{BUTTON_PREFIX}:{row_id}:{position}:{i}"] for i, label in enumerate(labels)]]


async def button_answer(
    session: AsyncSession, patient: Patient | None, round_id: int, position: int, index: int, now: datetime
) -> str | None:
    """The answer a pressed button gives, or None when its question is no longer open."""
    if patient is None or round_id > 2**31 - 1:
        return None
    row = await session.get(FollowUp, round_id)
    current = asking(row)
    if row is None or current is None or row.patient_id != patient.id or current.position != position:
        return None
    if current.due_at <= now:
        return None
    labels = _questions(patient.language or "en").answer_buttons(row.questions[position].get("kind", ""))
    return labels[index] if index < len(labels) else None


def _questions(language: str) -> data.FollowUps:
    try:
        return data.load(language)
    except FileNotFoundError:
        return data.load("en")  # a language without its own questions asks in English


async def _asked(session: AsyncSession, row: FollowUp) -> Carer | None:
    """The carer a round asks (the one who wrote the message that started it), while they
    can still be written to; None: the patient."""
    if row.carer_id is None:
        return None
    carer = await session.get(Carer, row.carer_id)
    return carer if carer is not None and carer.reachable and carer.opted_out_at is None else None


async def _language(session: AsyncSession, patient: Patient, row: FollowUp) -> str:
    """The language the round asks in: its carer's, else the patient's."""
    carer = await session.get(Carer, row.carer_id) if row.carer_id is not None else None
    return (carer.language if carer is not None else patient.language) or "en"


def _label(family: str) -> str:
    """A family's label as the nurses read it."""
    found = _questions(NURSES).family(family)
    return found.label if found is not None else family


async def _for_nurses(session: AsyncSession, patient: Patient, row: FollowUp) -> list[str]:
    """A round's questions, asked in its language, in the nurses' words: every language lists
    a family's questions in the same order, so a question is the one at its place."""
    texts = [str(q["text"]) for q in row.questions]
    language = await _language(session, patient, row)
    asked, theirs = _questions(language).family(row.family), _questions(NURSES).family(row.family)
    if asked is None or theirs is None or len(asked.questions) != len(theirs.questions):
        return texts
    place = {a.text: i for i, a in enumerate(asked.questions)}
    return [theirs.questions[place[t]].text if t in place else t for t in texts]


async def _open_rounds(session: AsyncSession, *which: ColumnElement[bool]) -> Sequence[FollowUp]:
    """The open rounds `which` picks, oldest first."""
    found = await session.scalars(
        select(FollowUp).where(*which, FollowUp.status.in_(OPEN)).order_by(FollowUp.started_at, FollowUp.id)
    )
    return found.all()


async def _send(session: AsyncSession, patient: Patient, row: FollowUp, now: datetime) -> int:
    """Ask the round's current question, of whoever wrote the message that started it."""
    carer = await _asked(session, row)
    fu = _questions((carer.language if carer else patient.language) or "en")
    asked = row.questions[row.position]
    kind = asked.get("kind", "yes_no")
    text = fu.text(asked["text"], kind, first=row.position == 0)
    markup = buttons(row.id, row.position, fu.answer_buttons(kind))
    await session.execute(
        _OUTBOX,
        to_writer(
            patient, carer, kind="question", text=text, now=now, priority=PRIORITY_FOLLOW_UP, buttons=markup
        ),
    )
    row.status, row.asked_at, row.due_at = "asking", now, now + WAIT
    return 1


async def _case_event(
    session: AsyncSession,
    patient_id: int,
    kind: str,
    now: datetime,
    channel: str,
    *,
    actor: str = "system",
    **detail: Any,
) -> None:
    """An event on the patient's open case, if there is one."""
    case = await cases.open_case_of(session, patient_id)
    if case is not None:
        cases.event(session, case, kind, now, actor, channel, **detail)


# Why a round was never asked, in the nurses' words (the event's `reason`; `cause` is the code).
NOT_SENT_REASONS: Final = {
    "nurse_wrote": "a nurse wrote to the patient",
    "emergency": "an emergency was raised: told to call, not to answer questions",
    "opted_out": "STOP or PAUSE: no more questions",
    "paused": "the clinic paused the patient",
    "taken_back": "the patient took back what started them",
    "stale": "waited too long to be worth asking",
}


async def _not_sent(
    session: AsyncSession,
    patient_id: int,
    row: FollowUp,
    texts: Sequence[str],
    now: datetime,
    channel: str,
    cause: str,
    *,
    actor: str = "system",
) -> None:
    """A round that ends without one question sent: the case must say the screening never
    happened, or a nurse reading no "not answered" would think it was done."""
    await _case_event(
        session,
        patient_id,
        "follow_up_not_sent",
        now,
        channel,
        actor=actor,
        family=_label(row.family),
        cause=cause,
        reason=NOT_SENT_REASONS[cause],
        never_sent=list(texts),
    )


async def offer(
    session: AsyncSession,
    patient: Patient,
    shown: Sequence[Finding],
    pooled: Sequence[Finding],
    context: Mapping[str, Any] | None,
    now: datetime,
    *,
    wait: bool,
    until: datetime | None = None,
    carer: Carer | None = None,
) -> int:
    """Start a round for each red-flag family this message shows that was not asked today.

    The first is asked at once unless `wait` (a check-in question is open) or a round is
    already asking; the others wait their turn. Returns how many messages were queued.
    `until`: when the open check-in expires, the longest its rounds wait (they are asked then).
    `carer`: one of the patient's carers wrote the message; the questions go to them.
    """
    if (carer.opted_out_at is not None) if carer is not None else patient.status == "opted_out":
        return 0
    fu = _questions((carer.language if carer else patient.language) or "en")
    families = fu.shown(shown)
    if not families:
        return 0
    recent = set(
        await session.scalars(
            select(FollowUp.family).where(FollowUp.patient_id == patient.id, FollowUp.started_at > now - DAY)
        )
    )
    busy = wait or await _current(session, patient.id) is not None
    sent = 0
    for family in families:
        if family.name in recent:
            continue
        asks = fu.to_ask(family, pooled, context)
        if not asks:
            continue
        row = FollowUp(
            clinic_id=patient.clinic_id,
            patient_id=patient.id,
            family=family.name,
            carer_id=carer.id if carer is not None else None,
            questions=[{"text": a.text, "kind": a.kind} for a in asks],
            position=0,
            status="waiting",
            started_at=now,
            # A waiting round's due_at: the expiry of the check-in it waits behind, from which
            # it is fresh for STALE (a 24-hour check-in must not outlast a 12-hour freshness).
            # (Never before now: a check-in past its expiry but not yet closed by the tick.)
            due_at=max(until, now) if wait and until is not None else None,
        )
        session.add(row)
        await session.flush()
        if not busy:
            sent += await _send(session, patient, row, now)
            label, channel = _label(family.name), patient.channel
            await _case_event(session, patient.id, "follow_up_asked", now, channel, family=label)
            busy = True
    return sent


async def _current(session: AsyncSession, patient_id: int) -> FollowUp | None:
    return await session.scalar(
        select(FollowUp).where(FollowUp.patient_id == patient_id, FollowUp.status == "asking").limit(1)
    )


async def unclear(
    session: AsyncSession, patient: Patient, round_id: int, now: datetime, message_id: int
) -> None:
    """The answer to the round's current question said neither yes nor no ("not sure", "no
    sé"): the question shows as not answered, on the case and in the queue, for a nurse to ask,
    beside what the patient wrote (`message_id`)."""
    row = await session.get(FollowUp, round_id)
    if row is None or row.status != "asking" or row.position >= len(row.questions):
        return
    texts = await _for_nurses(session, patient, row)
    await _case_event(
        session,
        patient.id,
        "follow_up_unanswered",
        now,
        patient.channel,
        family=_label(row.family),
        unanswered=texts[row.position : row.position + 1],
        unclear=True,
        message_id=message_id,
    )


async def answered(
    session: AsyncSession, patient: Patient, clinic: Clinic, round_id: int, now: datetime
) -> int:
    """The patient answered the round's current question: ask the next, or close the round."""
    row = await session.get(FollowUp, round_id)
    if row is None or row.status != "asking":
        return 0
    row.position += 1
    if row.position < len(row.questions):
        return await _send(session, patient, row, now)
    row.status, row.closed_at, row.due_at = "done", now, None
    carer = await _asked(session, row)
    fu = _questions((carer.language if carer else patient.language) or "en")
    closing = fu.closing.format(emergency_number=clinic.emergency_number)
    await session.execute(
        _OUTBOX, to_writer(patient, carer, kind="reply", text=closing, now=now, priority=PRIORITY_FOLLOW_UP)
    )
    return 1 + await resume(session, patient, now)


async def _stop(session: AsyncSession, now: datetime, cause: str, *which: ColumnElement[bool]) -> None:
    """The open rounds `which` picks ask no more; one that never asked a question says so on
    the case (`cause`: why, a key of NOT_SENT_REASONS)."""
    for row in await _open_rounds(session, *which):
        if row.status == "waiting":
            patient = await session.get(Patient, row.patient_id)
            if patient is not None:
                texts = await _for_nurses(session, patient, row)
                await _not_sent(session, patient.id, row, texts, now, patient.channel, cause)
        row.status, row.closed_at, row.due_at = "stopped", now, None


async def nurse_wrote(
    session: AsyncSession, patient: Patient, now: datetime, actor: str, channel: str
) -> None:
    """A nurse wrote to the patient (or their carer): the red-flag questions stop.

    The patient's next "yes" or "no" answers the nurse ("can you come tomorrow at 10?"), not
    the question we asked before her; and a next question sent while she talks to them would
    cut into her conversation. The case says which questions were left, so she can ask them.
    """
    for row in await _open_rounds(session, FollowUp.patient_id == patient.id):
        texts = await _for_nurses(session, patient, row)
        was = row.status
        row.status, row.closed_at, row.due_at = "stopped", now, None
        if was == "asking":
            await _case_event(
                session,
                patient.id,
                "follow_up_stopped",
                now,
                channel,
                actor=actor,
                family=_label(row.family),
                cause="nurse_wrote",
                reason="a nurse wrote to the patient",
                unanswered=texts[row.position : row.position + 1],
                never_sent=texts[row.position + 1 :],
            )
        else:
            await _not_sent(session, patient.id, row, texts, now, channel, "nurse_wrote", actor=actor)


async def stop(session: AsyncSession, patient_id: int, now: datetime, cause: str = "opted_out") -> None:
    """No more questions: an emergency (they must call, not answer; `cause` "emergency"), STOP
    or PAUSE (from the patient, or the clinic: "opted_out", "paused")."""
    await _stop(session, now, cause, FollowUp.patient_id == patient_id)


def still_shown(language: str, family: str, findings: Sequence[Finding]) -> bool:
    """Whether the conversation still shows a finding of the round's family (else the patient
    took back what started it: "sorry, ignore that, wrong chat")."""
    fam = _questions(language).family(family)
    return fam is None or any(f.present and f.concept in fam.when for f in findings)


async def stop_family(session: AsyncSession, patient_id: int, family: str, now: datetime) -> None:
    """No more questions of one family: what started them was taken back."""
    await _stop(session, now, "taken_back", FollowUp.patient_id == patient_id, FollowUp.family == family)


async def stop_carer(session: AsyncSession, carer_id: int, now: datetime) -> None:
    """A carer said STOP: the rounds their messages started ask no more (the patient's own go on)."""
    await _stop(session, now, "opted_out", FollowUp.carer_id == carer_id)


async def resume(
    session: AsyncSession,
    patient: Patient,
    now: datetime,
    said: Sequence[Finding] | None = None,
    context: Mapping[str, Any] | None = None,
    *,
    silent: bool = False,
) -> int:
    """Ask the oldest waiting round, if nothing else is being asked.

    With `said` (what the patient said in the last day), a question the conversation answered
    while the round waited is dropped, and a round left with nothing to ask is done.
    `silent`: nothing the patient just wrote asks for it (the sweep, after a round lapsed or a
    check-in expired): inside the clinic's quiet hours it waits for them to end.
    """
    if patient.status == "opted_out" or await _current(session, patient.id) is not None:
        return 0
    if silent and await _hold_for_quiet_hours(session, patient, now):
        return 0
    rows = await session.scalars(
        select(FollowUp)
        .where(
            FollowUp.patient_id == patient.id,
            FollowUp.status == "waiting",
            _fresh_from > now - STALE,
        )
        .order_by(FollowUp.started_at, FollowUp.id)
    )
    for row in rows.all():
        language = await _language(session, patient, row)
        if said is not None and not _still_to_ask(language, row, said, context):
            row.status, row.closed_at, row.due_at = "done", now, None
            continue
        label = _label(row.family)
        await _case_event(session, patient.id, "follow_up_asked", now, patient.channel, family=label)
        return await _send(session, patient, row, now)
    return 0


async def _hold_for_quiet_hours(session: AsyncSession, patient: Patient, now: datetime) -> bool:
    """Whether it is the clinic's quiet hours where the patient is; if so, their waiting rounds
    wait until the quiet hours end (their due_at: asked then, and fresh from then).

    A round answering the patient's own message is asked at once, at any hour: they are awake
    and it is about what they just wrote. One queued behind a round they left unanswered, or
    behind a check-in that expired, would reach someone silent for half an hour or more, maybe
    asleep, at 23:00; in the morning it still screens what they told us (a round stays fresh
    12 hours from then, and says `follow_up_not_sent` if it never goes).
    """
    clinic = await session.get(Clinic, patient.clinic_id)
    quiet = checkins.quiet_of(clinic) if clinic is not None else None
    if clinic is None or quiet is None:
        return False
    morning = leave_quiet_hours(now, patient.timezone or clinic.timezone, quiet)
    if morning <= now:
        return False
    rows = await session.scalars(
        select(FollowUp).where(FollowUp.patient_id == patient.id, FollowUp.status == "waiting")
    )
    for row in rows.all():
        row.due_at = morning if row.due_at is None else max(row.due_at, morning)
    return True


def _still_to_ask(
    language: str, row: FollowUp, said: Sequence[Finding], context: Mapping[str, Any] | None
) -> bool:
    """Narrow a waiting round (asked in `language`) to the questions the conversation has not
    answered since."""
    fu = _questions(language)
    family = fu.family(row.family)
    if family is None:
        return True
    open_texts = {a.text for a in fu.to_ask(family, said, context)}
    keep = [q for q in row.questions if q["text"] in open_texts]
    if len(keep) != len(row.questions):
        row.questions = keep  # a new list, so the JSON column is written
    return bool(keep)


async def _close_unanswered(session: AsyncSession, patient: Patient, row: FollowUp, now: datetime) -> None:
    """The round's question lapsed unanswered: the round closes, and the case says so."""
    # The question sent and not answered, apart from those the round never got to: a nurse
    # reading "not answered" must not think the patient ignored questions never sent.
    texts = await _for_nurses(session, patient, row)
    unanswered, never_sent = texts[row.position : row.position + 1], texts[row.position + 1 :]
    row.status, row.closed_at, row.due_at = "unanswered", now, None
    await _case_event(
        session,
        row.patient_id,
        "follow_up_unanswered",
        now,
        patient.channel,
        family=_label(row.family),
        unanswered=unanswered,
        never_sent=never_sent,
    )


# What a bare yes or no may still answer after its question's WAIT: the question is the last
# thing we asked the writer, so "sí" an hour later means "yes" to it, and dropping it lost an
# emergency (back pain, then "yes" to weak legs). Bounded, because "yes" half a day later is
# as likely about anything else; 12 hours, as long as a waiting round stays worth asking.
LATE: Final = STALE
# What we send that the writer's next bare yes or no might answer instead: a question (a
# check-in's, another round's), a check-in's reminder, or anything a nurse wrote.
_NEWER = or_(OutboundMessage.kind.in_(("question", "reminder")), OutboundMessage.staff_id.is_not(None))


async def to_the_nurse(session: AsyncSession, patient: Patient, message: InboundMessage) -> bool:
    """Whether a bare yes or no answers a nurse's question rather than the open check-in's: the
    newest thing the patient read is a nurse's message that asks something ("did you take your
    painkillers?"), and they have written nothing since. A nurse's statement ("I will call at
    3") asks nothing, and a second yes or no answers the check-in again."""
    if enrolment.answer(message.text) is None:
        return False
    newest = (
        await session.execute(
            select(OutboundMessage.staff_id, OutboundMessage.text, OutboundMessage.created_at)
            .where(OutboundMessage.patient_id == patient.id, OutboundMessage.carer_id.is_(None), _NEWER)
            .order_by(OutboundMessage.created_at.desc(), OutboundMessage.id.desc())
            .limit(1)
        )
    ).first()
    if newest is None or newest.staff_id is None or "?" not in newest.text:
        return False
    since = await session.scalar(
        select(InboundMessage.id)
        .where(
            InboundMessage.patient_id == patient.id,
            InboundMessage.carer_id.is_(None),
            InboundMessage.received_at > newest.created_at,
            InboundMessage.id != message.id,
        )
        .limit(1)
    )
    return since is None


async def late_answer(
    session: AsyncSession,
    patient: Patient,
    carer: Carer | None,
    text: str,
    received_at: datetime,
    now: datetime,
) -> Asking | None:
    """The red-flag question a bare yes or no answers after its question lapsed, reopened to
    take the answer; None when it answers none (not bare, too late, asked of someone else, or
    something newer was sent since)."""
    if enrolment.answer(text) is None:
        return None  # more than a yes or no: free text, read as such
    row = await session.scalar(
        select(FollowUp)
        .where(
            FollowUp.patient_id == patient.id,
            FollowUp.status.in_(("asking", "unanswered")),
            FollowUp.asked_at > received_at - LATE,
        )
        .order_by(FollowUp.asked_at.desc(), FollowUp.id.desc())
        .limit(1)
    )
    if row is None or row.asked_at is None or row.position >= len(row.questions):
        return None
    asked = await _asked(session, row)
    if (asked.id if asked is not None else None) != (carer.id if carer is not None else None):
        return None  # asked of the patient, answered by their carer (or the other way round)
    newer = await session.scalar(
        select(OutboundMessage.id)
        .where(OutboundMessage.patient_id == patient.id, OutboundMessage.created_at > row.asked_at, _NEWER)
        .limit(1)
    )
    if newer is not None:
        return None
    if row.status == "asking":
        if row.due_at is None or row.due_at > received_at:
            return None  # still open: an answer in time, not a late one
        await _close_unanswered(session, patient, row, now)  # as the sweep would have
    late_by = received_at - row.asked_at - WAIT
    question = (await _for_nurses(session, patient, row))[row.position]
    await _case_event(
        session,
        patient.id,
        "follow_up_late",
        now,
        patient.channel,
        family=_label(row.family),
        question=question,
        minutes_late=max(0, int(late_by.total_seconds() // 60)),
    )
    # Open again for this answer: the round goes on from it (the next question, or thanks).
    row.status, row.closed_at, row.due_at = "asking", None, now + WAIT
    return asking(row)


def holds_checkin(now: datetime) -> ColumnElement[bool]:
    """The enrolments whose due check-in waits (`checkins.send_due`'s `held`): their patient
    has a red-flag question out, not yet lapsed. Sent in the middle of a round, the check-in's
    0-10 question took the patient's next "sí" meant for the red-flag one; it goes out at the
    first sweep after the round is answered or times out."""
    return exists().where(
        FollowUp.patient_id == Enrolment.patient_id, FollowUp.status == "asking", FollowUp.due_at > now
    )


_OPEN_CHECKIN = exists().where(CheckIn.patient_id == FollowUp.patient_id, CheckIn.status == "open")
BATCH: Final = 200


async def sweep(session: AsyncSession, now: datetime) -> set[tuple[int, int]]:
    """Close rounds nobody answered in time, drop stale ones, ask the ones that waited.

    Returns the (clinic, patient) pairs whose rounds changed. Late rounds are claimed with
    SKIP LOCKED (PostgreSQL), so two servers never close the same round twice.
    """
    changed: set[tuple[int, int]] = set()
    late = (
        await session.scalars(
            select(FollowUp)
            .where(FollowUp.status == "asking", FollowUp.due_at <= now)
            .order_by(FollowUp.due_at, FollowUp.id)
            .limit(BATCH)
            .with_for_update(skip_locked=True)
        )
    ).all()
    for row in late:
        patient = await session.get(Patient, row.patient_id)
        if patient is None:
            continue
        await _close_unanswered(session, patient, row, now)
        changed.add((row.clinic_id, row.patient_id))
    stale = (
        await session.scalars(
            select(FollowUp.id)
            .where(FollowUp.status == "waiting", _fresh_from <= now - STALE)
            .limit(BATCH)
            .with_for_update(skip_locked=True)  # as the late ones: one event per round
        )
    ).all()
    if stale:
        # Never asked: each says so on its case (a nurse must not read silence as screened).
        await _stop(session, now, "stale", FollowUp.id.in_(stale))
        changed.update(
            (r.clinic_id, r.patient_id)
            for r in await session.scalars(select(FollowUp).where(FollowUp.id.in_(stale)))
        )
    # Rounds that waited behind a check-in (closed, expired or stopped since) or behind
    # another round, the ones just closed among them.
    # Rounds held for quiet hours (due later) go last, so that however many wait for the
    # morning, the rounds that may go now are never crowded out of the batch.
    later = case((FollowUp.due_at > now, 1), else_=0)
    waiting = (
        await session.scalars(
            select(FollowUp.patient_id)
            .where(FollowUp.status == "waiting", ~_OPEN_CHECKIN)
            .group_by(FollowUp.patient_id)
            .order_by(func.min(later), FollowUp.patient_id)
            .limit(BATCH)
        )
    ).all()
    for patient_id in waiting:
        patient = await session.get(Patient, patient_id)
        if patient is not None and await resume(session, patient, now, silent=True):
            changed.add((patient.clinic_id, patient.id))
    return changed
