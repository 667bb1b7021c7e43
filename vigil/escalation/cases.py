"""Cases: a flag at routine or above opens the patient's case or adds to the open one.

Every change is a case event. Functions write rows in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, Final, Literal

from prometheus_client import Histogram
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.db import table
from vigil.core.models import Staff
from vigil.core.text import clean

from .models import LEVEL_RANK, Assessment, Case, CaseEvent, CaseReason
from .triage import Assessment as TriageAssessment

TIME_TO_ACK = Histogram(
    "vigil_time_to_acknowledge_seconds",
    "From a case opening to its first acknowledgement, by level",
    ["level"],
    buckets=(30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400),
)
DISPOSITIONS = (
    "advice_given",
    "seen_in_clinic",
    "sent_to_emergency",
    "admitted",
    "no_action_needed",
    "duplicate",
    "other",
)


class CaseError(Exception):
    """A case change that cannot happen; `status` is the HTTP status that fits it."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class Flag:
    """What an assessment did to the patient's case (its id, if there is one)."""

    case_id: int | None
    opened: bool = False
    raised: bool = False
    level: str | None = None  # the case's level afterwards


@dataclass(frozen=True, slots=True)
class OpenCase:
    """The few columns of a patient's open case that flagging needs."""

    id: int
    level: str
    level_rank: int
    held: bool = False  # a nurse has acknowledged or claimed it
    paged: bool = False  # its chain has paged someone


class _Look(Enum):
    LOOK = "look"


LOOK: Final = _Look.LOOK  # flag() reads the open case itself

# Built once: every inbound message that flags runs these, and a prebuilt statement keeps its
# cache key, so executing it costs no construction (a third of the CPU of building one).
_ASSESSMENT = insert(table(Assessment)).returning(table(Assessment).c.id)
_OPEN = select(Case.id, Case.level, Case.level_rank).where(
    Case.patient_id == bindparam("patient_id"), Case.status != "resolved"
)
_NEW_CASE = insert(table(Case)).returning(table(Case).c.id)
# Both only touch a case still open and (a raise) still lower: the open case was read at the
# start of the transaction, and a nurse may have resolved it, or another message raised it,
# since. Matching nothing sends flag() back to read it again.
_TOUCH = (
    update(table(Case))
    .where(table(Case).c.id == bindparam("case_id"), table(Case).c.status != "resolved")
    .values(updated_at=bindparam("now"))
)
_RAISE = (
    update(table(Case))
    .where(
        table(Case).c.id == bindparam("case_id"),
        table(Case).c.status != "resolved",
        table(Case).c.level_rank < bindparam("rank"),
    )
    .values(level=bindparam("level"), level_rank=bindparam("rank"), updated_at=bindparam("now"))
)
_EVENT = insert(table(CaseEvent))
_REASON = insert(table(CaseReason))


def event(
    session: AsyncSession, case: Case, kind: str, now: datetime, actor: str, channel: str, **detail: Any
) -> CaseEvent:
    ev = CaseEvent(case_id=case.id, kind=kind, at=now, actor=actor, channel=channel, detail=detail)
    session.add(ev)
    return ev


async def open_case_of(session: AsyncSession, patient_id: int) -> Case | None:
    return await session.scalar(select(Case).where(Case.patient_id == patient_id, Case.status != "resolved"))


async def store_assessment(
    session: AsyncSession,
    *,
    patient_id: int,
    message_id: int | None,
    question: str | None,
    result: TriageAssessment,
    now: datetime,
) -> int:
    """Store what triage said about a message; returns the assessment's id."""
    # Core inserts on this path: every inbound message takes it, and the ORM's unit of
    # work costs more CPU than the statements themselves.
    values = {
        "patient_id": patient_id,
        "message_id": message_id,
        "level": result.level.label,
        "rules": list(result.rules),
        "findings": [f.to_dict() for f in result.findings],
        "ruleset": result.ruleset,
        "question": question,
        "created_at": now,
    }
    return int((await session.execute(_ASSESSMENT, values)).scalar_one())


async def flag(
    session: AsyncSession,
    *,
    clinic_id: int,
    patient_id: int,
    level: str,
    reasons: list[dict[str, Any]],
    now: datetime,
    channel: str,
    assessment_id: int | None = None,
    message_id: int | None = None,
    current: OpenCase | Literal[_Look.LOOK] | None = LOOK,
    actor: str = "system",
) -> Flag:
    """Open the patient's case at `level`, or add these reasons to the open one and raise it.

    `current` is the open case as the caller already read it in this transaction (None: no
    open case); by default it is read here. `actor` is whose message it was when a carer
    wrote it (`carer:<id>`); Vigil's own reading of the patient's words is `system`.
    """
    rank = LEVEL_RANK[level]
    if rank < LEVEL_RANK["routine"]:
        return Flag(None)
    for _attempt in range(3):
        if current is LOOK:
            row = (await session.execute(_OPEN, {"patient_id": patient_id})).first()
            current = OpenCase(row.id, row.level, row.level_rank) if row is not None else None
        opened = raised = False
        if current is None:
            values = {
                "clinic_id": clinic_id,
                "patient_id": patient_id,
                "level": level,
                "level_rank": rank,
                "status": "open",
                "opened_at": now,
                "updated_at": now,
            }
            case_id = int((await session.execute(_NEW_CASE, values)).scalar_one())
            opened = True
            kind, detail = "opened", {"level": level}
        elif rank > current.level_rank:
            case_id = current.id
            params = {"case_id": case_id, "level": level, "rank": rank, "now": now}
            if (await session.execute(_RAISE, params)).rowcount != 1:  # type: ignore[attr-defined]
                current = LOOK
                continue
            raised = True
            kind, detail = "raised", {"level": level, "previous": current.level}
        else:
            case_id = current.id
            touched = await session.execute(_TOUCH, {"case_id": case_id, "now": now})
            if touched.rowcount != 1:  # type: ignore[attr-defined]
                current = LOOK
                continue
            kind, detail = "reason_added", {"level": level}
        break
    else:
        raise RuntimeError("the patient's open case kept changing under this message")
    await session.execute(
        _EVENT,
        {
            "case_id": case_id,
            "kind": kind,
            "at": now,
            "actor": actor,
            "channel": channel,
            "detail": detail,
        },
    )
    rows = _reason_rows(reasons, case_id, level, assessment_id, message_id, now)
    if rows:
        await session.execute(_REASON, rows)
    after = level if current is None or raised else current.level
    return Flag(case_id, opened, raised, after)


def _reason_rows(
    reasons: list[dict[str, Any]],
    case_id: int,
    level: str,
    assessment_id: int | None,
    message_id: int | None,
    now: datetime,
) -> list[dict[str, Any]]:
    """One row per message, rule and concept, with its first evidence: a message that says
    "cough" a million times adds one reason, not a million."""
    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in reasons:
        source = r.get("message_id", message_id)
        key = (source, r.get("rule"), r.get("concept"))
        if key in rows:
            continue
        rows[key] = {
            "case_id": case_id,
            # A reason pooled from an earlier message keeps that message, not this assessment.
            "assessment_id": assessment_id if source == message_id else None,
            "message_id": source,
            "level": r.get("level", level),
            "rule": r.get("rule"),
            "concept": r.get("concept"),
            "evidence": r.get("evidence"),
            "start": r.get("start"),
            "end": r.get("end"),
            "trend": r.get("trend"),
            "at": now,
        }
    return list(rows.values())


async def acknowledge(session: AsyncSession, case_id: int, staff: Staff, now: datetime, channel: str) -> Case:
    case = await _case_for(session, case_id, staff)
    if case.status == "resolved":
        raise CaseError("the case is resolved")
    if case.acknowledged_at is None:
        _acknowledged(session, case, staff, now, channel)
        case.updated_at = now
    return case


def _acknowledged(session: AsyncSession, case: Case, staff: Staff, now: datetime, channel: str) -> None:
    case.acknowledged_at, case.acknowledged_by_id = now, staff.id
    case.status = "acknowledged"
    case.next_escalation_at = None  # acknowledgement stops the paging
    TIME_TO_ACK.labels(case.level).observe((now - case.opened_at).total_seconds())
    event(session, case, "acknowledged", now, staff.email, channel)


async def decline(session: AsyncSession, case_id: int, staff: Staff, now: datetime, channel: str) -> Case:
    """ "Not me": the next tier is paged at once."""
    case = await _case_for(session, case_id, staff)
    if case.status != "open":
        raise CaseError("only a case nobody has acknowledged can be declined")
    event(session, case, "declined", now, staff.email, channel)
    if case.policy:
        case.next_escalation_at = now
    case.updated_at = now
    return case


async def claim(session: AsyncSession, case_id: int, staff: Staff, now: datetime, channel: str) -> Case:
    """Acknowledge and own. Two nurses claiming at once: exactly one wins."""
    case = await _case_for(session, case_id, staff)
    if case.status == "resolved":
        raise CaseError("the case is resolved")
    if case.claimed_by_id == staff.id:
        return case
    # A conditional UPDATE is atomic on both backends: the loser matches no row.
    result = await session.execute(
        update(Case)
        .where(Case.id == case_id, Case.claimed_by_id.is_(None), Case.status != "resolved")
        .values(claimed_by_id=staff.id, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        await session.refresh(case)
        holder = await session.get(Staff, case.claimed_by_id) if case.claimed_by_id else None
        raise CaseError(f"already claimed by {holder.name if holder else 'another nurse'}")
    await session.refresh(case)
    if case.acknowledged_at is None:
        _acknowledged(session, case, staff, now, channel)
    event(session, case, "claimed", now, staff.email, channel)
    return case


async def resolve(
    session: AsyncSession,
    case_id: int,
    staff: Staff,
    now: datetime,
    channel: str,
    disposition: str,
    note: str | None,
) -> Case:
    if disposition not in DISPOSITIONS:
        raise CaseError(f"disposition must be one of {', '.join(DISPOSITIONS)}", 422)
    case = await _case_for(session, case_id, staff)
    if case.status == "resolved":
        raise CaseError("the case is already resolved")
    if case.claimed_by_id not in (None, staff.id):
        raise CaseError("the case is claimed by another nurse")
    if case.acknowledged_at is None:
        _acknowledged(session, case, staff, now, channel)
    case.next_escalation_at = None
    note = clean(note) if note else note
    case.status, case.resolved_at, case.disposition, case.note = "resolved", now, disposition, note
    case.updated_at = now
    event(session, case, "resolved", now, staff.email, channel, disposition=disposition, note=note)
    return case


async def _case_for(session: AsyncSession, case_id: int, staff: Staff) -> Case:
    case = await session.get(Case, case_id)
    if case is None or case.clinic_id != staff.clinic_id:
        raise CaseError("no such case", 404)
    return case


async def release_held(session: AsyncSession, staff: Staff, now: datetime, reason: str) -> list[int]:
    """Hand back every unresolved case this person holds; its escalation chain starts again.

    Someone who can no longer sign in (removed from the clinic) must not be the only one a
    case waits on. Returns the released cases' ids.
    """
    held = await session.scalars(
        select(Case).where(
            Case.clinic_id == staff.clinic_id,
            Case.status != "resolved",
            # What they hold: claimed by them, or acknowledged by them and claimed by nobody.
            (Case.claimed_by_id == staff.id)
            | (
                Case.claimed_by_id.is_(None)
                & (Case.status == "acknowledged")
                & (Case.acknowledged_by_id == staff.id)
            ),
        )
    )
    released = []
    for case in held:
        _hand_back(case, now)
        event(session, case, "released", now, "system", "system", previous_owner=staff.email, reason=reason)
        released.append(case.id)
    return released


def _hand_back(case: Case, now: datetime) -> None:
    """Nobody holds the case any more: back to the queue, and its escalation chain starts again
    (a case nobody holds must page someone)."""
    case.status = "open"
    case.acknowledged_at = case.acknowledged_by_id = None
    case.claimed_at = case.claimed_by_id = None
    case.owner_reminded_at = None
    case.tier = 0
    case.next_escalation_at = now if case.policy else None
    case.updated_at = now


MAX_REASON = 1000


def _reason(reason: str | None) -> str:
    """A hand-over's reason, required: the next nurse and the audit need to know why."""
    text = " ".join(clean(reason or "").split())
    if not text:
        raise CaseError("give a reason", 422)
    if len(text) > MAX_REASON:
        raise CaseError(f"the reason is too long (at most {MAX_REASON} characters)", 422)
    return text


async def _holder(session: AsyncSession, case: Case) -> Staff | None:
    return await session.get(Staff, case.claimed_by_id) if case.claimed_by_id is not None else None


async def release(
    session: AsyncSession, case_id: int, staff: Staff, now: datetime, channel: str, reason: str | None
) -> Case:
    """The holder gives a claimed case back: it is open again and paged from the first tier."""
    why = _reason(reason)
    case = await _case_for(session, case_id, staff)
    if case.status == "resolved":
        raise CaseError("the case is resolved")
    if case.claimed_by_id is None:
        raise CaseError("the case is not claimed: there is nothing to release")
    if case.claimed_by_id != staff.id:
        holder = await _holder(session, case)
        raise CaseError(
            f"the case is held by {holder.name if holder else 'another nurse'}: only they can "
            "release it (take it over instead)",
            403,
        )
    _hand_back(case, now)
    event(session, case, "released", now, staff.email, channel, previous_owner=staff.email, reason=why)
    return case


async def take_over(
    session: AsyncSession,
    case_id: int,
    staff: Staff,
    now: datetime,
    channel: str,
    reason: str | None,
    holder: str | None = None,
) -> Case:
    """A nurse takes a case claimed by a colleague (gone home, off sick): it is theirs now.

    `holder` is the email of whoever the nurse saw holding it: if it has changed hands since,
    nothing happens. The same conditional UPDATE as a claim: two nurses taking over from the
    same holder at once, exactly one wins.
    """
    why = _reason(reason)
    case = await _case_for(session, case_id, staff)
    if case.status == "resolved":
        raise CaseError("the case is resolved")
    if case.claimed_by_id is None:
        raise CaseError("the case is not claimed by anyone: claim it instead")
    if case.claimed_by_id == staff.id:
        raise CaseError("the case is already yours")
    previous = await _holder(session, case)
    if holder is not None and (previous is None or previous.email != holder.strip().lower()):
        now_held = previous.name if previous else "another nurse"
        raise CaseError(f"the case changed hands: it is now held by {now_held}")
    result = await session.execute(
        update(Case)
        .where(Case.id == case_id, Case.claimed_by_id == case.claimed_by_id, Case.status != "resolved")
        .values(claimed_by_id=staff.id, claimed_at=now, owner_reminded_at=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise CaseError("the case changed hands meanwhile: reload it and try again")
    await session.refresh(case)
    if case.acknowledged_at is None:
        _acknowledged(session, case, staff, now, channel)
    event(
        session,
        case,
        "taken_over",
        now,
        staff.email,
        channel,
        previous_owner=previous.email if previous else None,
        reason=why,
    )
    return case
