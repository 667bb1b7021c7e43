"""A patient's whole timeline, newest first: check-ins with their answers, the patient's
messages, what Vigil sent them, red-flag follow-up rounds, and cases with their outcome.

Paged on the server by keyset: an entry's place is (at, kind, id), and a page is everything
strictly older than the last entry of the page before. Each kind is read with its own query,
newest first from its `(patient_id, <time>, id)` index, at most a page of rows each; the
answers, case events and staff names of the page are then read once each (no query per row).
A patient on a weekly protocol for two years costs the same per page as one enrolled today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Final, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Select, and_, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from vigil.bot.models import FollowUp, InboundMessage
from vigil.clinic import patients
from vigil.clinic.patients import NotFound
from vigil.core.audit import staff_did
from vigil.core.models import OutboundMessage, Staff
from vigil.escalation.models import Assessment, Case, CaseEvent
from vigil.scheduler.models import CheckIn, CheckInAnswer, Enrolment, Protocol
from vigil.scheduler.questions import question_text

from .deps import MAX_ROW_ID, ApiStaff, ExternalId, RuntimeDep
from .views import iso

PAGE: Final = 50
# At one instant, the order things happen in: the patient writes, a check-in or a round of
# questions opens, a case opens or rises, Vigil answers. Newest first shows them reversed.
RANK: Final = {"message": 0, "checkin": 1, "follow_up": 2, "case": 3, "outbound": 4}
CHECKIN_STATUS: Final = {"completed": "answered", "expired": "expired", "stopped": "stopped", "open": "open"}


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the (at, kind, id) of its last entry. In a URL: `ISO~kind~id`."""

    at: datetime
    kind: str
    id: int

    def __str__(self) -> str:
        return f"{iso(self.at)}~{self.kind}~{self.id}"

    @classmethod
    def parse(cls, text: str) -> Cursor:
        """The cursor a link carried; ValueError when it is not one."""
        at, kind, row = text.split("~")
        parsed = datetime.fromisoformat(at.replace("Z", "+00:00"))
        if parsed.tzinfo is None or kind not in RANK or not row.isdecimal() or int(row) > MAX_ROW_ID:
            raise ValueError("not a timeline cursor")
        try:
            when = parsed.astimezone(UTC)
        except OverflowError:  # year 1 at +14:00 is no instant a database holds
            raise ValueError("not a timeline cursor") from None
        return cls(when, kind, int(row))


def _older(
    at: InstrumentedAttribute[datetime], row_id: InstrumentedAttribute[int], kind: str, cur: Cursor | None
) -> ColumnElement[bool]:
    """Rows of this kind strictly after `cur` in newest-first order."""
    if cur is None:
        return true()
    if RANK[kind] < RANK[cur.kind]:  # at the cursor's instant, this kind comes later
        return at <= cur.at
    if RANK[kind] > RANK[cur.kind]:
        return at < cur.at
    return or_(at < cur.at, and_(at == cur.at, row_id < cur.id))


def queries(patient_id: int, cur: Cursor | None, limit: int = PAGE + 1) -> dict[str, Select[Any]]:
    """One query a kind: its newest `limit` rows older than the cursor (public for the plan test)."""
    return {
        "checkin": select(CheckIn, Protocol.name, Protocol.questions)
        .join(Enrolment, Enrolment.id == CheckIn.enrolment_id)
        .join(Protocol, Protocol.id == Enrolment.protocol_id)
        .where(CheckIn.patient_id == patient_id, _older(CheckIn.opened_at, CheckIn.id, "checkin", cur))
        .order_by(CheckIn.opened_at.desc(), CheckIn.id.desc())
        .limit(limit),
        "message": select(InboundMessage, Assessment.question, Assessment.level)
        .outerjoin(Assessment, Assessment.message_id == InboundMessage.id)
        .where(
            InboundMessage.patient_id == patient_id,
            _older(InboundMessage.received_at, InboundMessage.id, "message", cur),
        )
        .order_by(InboundMessage.received_at.desc(), InboundMessage.id.desc())
        .limit(limit),
        "outbound": select(OutboundMessage)
        .where(
            OutboundMessage.patient_id == patient_id,
            _older(OutboundMessage.created_at, OutboundMessage.id, "outbound", cur),
        )
        .order_by(OutboundMessage.created_at.desc(), OutboundMessage.id.desc())
        .limit(limit),
        "follow_up": select(FollowUp)
        .where(FollowUp.patient_id == patient_id, _older(FollowUp.started_at, FollowUp.id, "follow_up", cur))
        .order_by(FollowUp.started_at.desc(), FollowUp.id.desc())
        .limit(limit),
        "case": select(Case)
        .where(Case.patient_id == patient_id, _older(Case.opened_at, Case.id, "case", cur))
        .order_by(Case.opened_at.desc(), Case.id.desc())
        .limit(limit),
    }


async def timeline(
    session: AsyncSession, clinic_id: int, patient_id: int, cur: Cursor | None, page: int = PAGE
) -> dict[str, Any]:
    """A page of the patient's timeline, newest first, and the cursor of the next (older) page.
    The caller has checked that the patient is of `clinic_id`."""
    q = queries(patient_id, cur, page + 1)
    found: list[tuple[datetime, str, int, Any]] = []
    for checkin, protocol, questions in (await session.execute(q["checkin"])).all():
        found.append((checkin.opened_at, "checkin", checkin.id, (checkin, protocol, questions)))
    for message, question, level in (await session.execute(q["message"])).all():
        found.append((message.received_at, "message", message.id, (message, question, level)))
    for out in await session.scalars(q["outbound"]):
        found.append((out.created_at, "outbound", out.id, out))
    for round_ in await session.scalars(q["follow_up"]):
        found.append((round_.started_at, "follow_up", round_.id, round_))
    for case in await session.scalars(q["case"]):
        found.append((case.opened_at, "case", case.id, case))
    found.sort(key=lambda f: (f[0], RANK[f[1]], f[2]), reverse=True)
    more = len(found) > page
    shown = found[:page]

    # What the page's rows need, read once each.
    checkin_ids = [i for _, k, i, _ in shown if k == "checkin"]
    answers: dict[int, dict[str, CheckInAnswer]] = {}
    if checkin_ids:
        for a in await session.scalars(
            select(CheckInAnswer).where(CheckInAnswer.checkin_id.in_(checkin_ids))
        ):
            answers.setdefault(a.checkin_id, {})[a.question_key] = a
    case_ids = [i for _, k, i, _ in shown if k == "case"]
    events: dict[int, list[CaseEvent]] = {}
    if case_ids:
        for e in await session.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id.in_(case_ids), CaseEvent.kind.in_(("opened", "raised", "resolved")))
            .order_by(CaseEvent.at, CaseEvent.id)
        ):
            events.setdefault(e.case_id, []).append(e)
    staff_ids = {
        i
        for _, k, _, row in shown
        for i in ((row.staff_id,) if k == "outbound" else (row.acknowledged_by_id,) if k == "case" else ())
        if i is not None
    }
    emails = {e.actor for es in events.values() for e in es if e.kind == "resolved"}
    names_by_id: dict[int, str] = {}
    names_by_email: dict[str, str] = {}
    if staff_ids or emails:
        for s in await session.scalars(
            select(Staff).where(
                Staff.clinic_id == clinic_id, or_(Staff.id.in_(staff_ids), Staff.email.in_(emails))
            )
        ):
            names_by_id[s.id] = names_by_email[s.email] = s.name

    entries: list[dict[str, Any]] = []
    for _, kind, _, row in shown:
        if kind == "checkin":
            checkin, protocol, questions = row
            entries.append(_checkin(checkin, protocol, questions, answers.get(checkin.id, {})))
        elif kind == "message":
            message, question, level = row
            entries.append(_message(message, question, level))
        elif kind == "outbound":
            entries.append(_outbound(row, names_by_id))
        elif kind == "follow_up":
            entries.append(_follow_up(row))
        else:
            entries.append(_case(row, events.get(row.id, []), names_by_id, names_by_email))
    last = shown[-1] if shown else None
    return {
        "entries": entries,
        "next": str(Cursor(last[0], last[1], last[2])) if more and last is not None else None,
    }


def _checkin(
    checkin: CheckIn, protocol: str, questions: list[Any], answered: dict[str, CheckInAnswer]
) -> dict[str, Any]:
    asked = [
        {
            "key": str(q.get("key")),
            "question": question_text(q) or str(q.get("key")),  # a {en: ..., es: ...} text too
            "answer": answered[q["key"]].text if q.get("key") in answered else None,
            "answered_at": iso(answered[q["key"]].at) if q.get("key") in answered else None,
        }
        for q in questions or ()
        if isinstance(q, dict)
    ]
    known = {a["key"] for a in asked}
    asked += [  # answers to questions the protocol has since dropped
        {"key": k, "question": k, "answer": a.text, "answered_at": iso(a.at)}
        for k, a in answered.items()
        if k not in known
    ]
    return {
        "kind": "checkin",
        "id": checkin.id,
        "at": iso(checkin.opened_at),
        "protocol": protocol,
        "status": CHECKIN_STATUS.get(checkin.status, checkin.status),
        "closed_at": iso(checkin.closed_at),
        "questions": asked,
    }


def _message(message: InboundMessage, question: str | None, level: str | None) -> dict[str, Any]:
    return {
        "kind": "message",
        "id": message.id,
        "at": iso(message.received_at),
        "channel": message.channel,
        "text": message.text,
        "question": question,  # the question it answered, if it answered one
        "level": level,
    }


def _outbound(out: OutboundMessage, names: dict[int, str]) -> dict[str, Any]:
    return {
        "kind": "outbound",
        "id": out.id,
        "at": iso(out.created_at),
        "channel": out.channel,
        "message_kind": out.kind,
        "status": out.status,
        "text": out.text,
        "sent_by": names.get(out.staff_id) if out.staff_id is not None else None,
    }


def _follow_up(round_: FollowUp) -> dict[str, Any]:
    return {
        "kind": "follow_up",
        "id": round_.id,
        "at": iso(round_.started_at),
        "family": round_.family,
        "status": round_.status,
        "closed_at": iso(round_.closed_at),
        # The questions put so far (a waiting round has put none); their answers are messages.
        "questions": [str(q.get("text", "")) for q in (round_.questions or [])[: round_.position + 1]]
        if round_.asked_at is not None
        else [],
    }


def _case(
    case: Case, events: list[CaseEvent], by_id: dict[int, str], by_email: dict[str, str]
) -> dict[str, Any]:
    opened = next((e for e in events if e.kind == "opened"), None)
    resolved = [e for e in events if e.kind == "resolved"]
    return {
        "kind": "case",
        "id": case.id,
        "at": iso(case.opened_at),
        "opened_level": str((opened.detail or {}).get("level") or case.level) if opened else case.level,
        "level": case.level,
        "status": case.status,
        "raised": [
            {"at": iso(e.at), "level": str((e.detail or {}).get("level", ""))}
            for e in events
            if e.kind == "raised"
        ],
        "acknowledged_at": iso(case.acknowledged_at),
        "acknowledged_by": by_id.get(case.acknowledged_by_id) if case.acknowledged_by_id else None,
        "resolved_at": iso(case.resolved_at) if case.status == "resolved" else None,
        "disposition": case.disposition if case.status == "resolved" else None,
        "resolved_by": (by_email.get(resolved[-1].actor, resolved[-1].actor) if resolved else None)
        if case.status == "resolved"
        else None,
    }


def cursor_of(before: str | None) -> Cursor | None:
    """The cursor a `before=` parameter names; 422 when it names none."""
    if not before:
        return None
    try:
        return Cursor.parse(before)
    except ValueError:
        raise HTTPException(422, "before: give the `next` of the page before") from None


# --- The JSON API ---------------------------------------------------------------------------


class Answer(BaseModel):
    key: str
    question: str
    answer: str | None = Field(description="null: not answered")
    answered_at: str | None


class CheckInEntry(BaseModel):
    kind: Literal["checkin"]
    id: int
    at: str = Field(description="when the check-in opened (its first question went out)")
    protocol: str
    status: str = Field(description="open, answered, expired or stopped")
    closed_at: str | None
    questions: list[Answer]


class MessageEntry(BaseModel):
    kind: Literal["message"]
    id: int
    at: str
    channel: str
    text: str
    question: str | None = Field(description="the question it answered, if it answered one")
    level: str | None = Field(description="triage's level for it: none, routine, urgent, emergency")


class OutboundEntry(BaseModel):
    kind: Literal["outbound"]
    id: int
    at: str
    channel: str
    message_kind: str = Field(description="question, reminder, safety, reply, closing, info, …")
    status: str = Field(description="pending, sent, delivered, failed, …")
    text: str
    sent_by: str | None = Field(description="the nurse's name, for a nurse's reply")


class FollowUpEntry(BaseModel):
    kind: Literal["follow_up"]
    id: int
    at: str
    family: str
    status: str = Field(description="waiting, asking, done, unanswered or stopped")
    closed_at: str | None
    questions: list[str]


class Raised(BaseModel):
    at: str | None
    level: str


class CaseEntry(BaseModel):
    kind: Literal["case"]
    id: int
    at: str
    opened_level: str
    level: str
    status: str
    raised: list[Raised]
    acknowledged_at: str | None
    acknowledged_by: str | None
    resolved_at: str | None
    disposition: str | None
    resolved_by: str | None = Field(description="the nurse's name")


Entry = Annotated[
    CheckInEntry | MessageEntry | OutboundEntry | FollowUpEntry | CaseEntry, Field(discriminator="kind")
]


class PatientRef(BaseModel):
    id: int
    external_id: str
    name: str


class TimelineOut(BaseModel):
    patient: PatientRef
    entries: list[Entry] = Field(description=f"newest first, at most {PAGE}")
    next: str | None = Field(description="pass as `before` for the older page; null on the last")


router = APIRouter(tags=["patients"])


@router.get("/patients/{external_id}/timeline", response_model=TimelineOut)
async def patient_timeline(
    external_id: ExternalId,
    rt: RuntimeDep,
    me: ApiStaff,
    before: Annotated[str | None, Query(max_length=80, description="`next` of the page before")] = None,
) -> dict[str, Any]:
    """The patient's timeline, newest first, a page at a time; audited as a `view` of the patient."""
    cur = cursor_of(before)
    async with rt.db.transaction() as session:
        try:
            patient = await patients.of_clinic(session, me, external_id=external_id)
        except NotFound:
            raise HTTPException(404, "no such patient") from None
        page = await timeline(session, me.clinic_id, patient.id, cur)
        staff_did(
            session, me, "view", "patient", patient.id, at=rt.clock.now(), channel="api", part="timeline"
        )
    return {"patient": {"id": patient.id, "external_id": patient.external_id, "name": patient.name}, **page}
