"""What handling one inbound message needs to know, read in a single query.

The patient, their clinic, the open check-in with its protocol, the open case and the
follow-up question being asked: every inbound message needs them all, and one round trip
instead of five is most of the cost saved on the busiest path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import Carer, Clinic, Patient
from vigil.escalation.cases import OpenCase
from vigil.escalation.models import Assessment, Case
from vigil.scheduler.models import CheckIn, Enrolment, Protocol

from .followups import Asking, asking
from .models import FollowUp, InboundMessage

_LATEST_OPEN_CHECKIN = (
    select(CheckIn.id)
    .where(CheckIn.patient_id == Patient.id, CheckIn.status == "open")
    .order_by(CheckIn.opened_at.desc(), CheckIn.id.desc())
    .limit(1)
    .correlate(Patient)
    .scalar_subquery()
)


def _query(*extra: Any) -> Any:
    return (
        # The enrolment rides along so that recording an answer finds it in the session.
        select(Patient, Clinic, CheckIn, Protocol, Case.id, Case.level, Case.level_rank, Enrolment)
        .add_columns(Case.status, FollowUp, Case.pages_sent, *extra)
        .join(Clinic, Clinic.id == Patient.clinic_id)
        .outerjoin(CheckIn, CheckIn.id == _LATEST_OPEN_CHECKIN)
        .outerjoin(Enrolment, Enrolment.id == CheckIn.enrolment_id)
        .outerjoin(Protocol, Protocol.id == Enrolment.protocol_id)
        .outerjoin(Case, and_(Case.patient_id == Patient.id, Case.status != "resolved"))
        .outerjoin(FollowUp, and_(FollowUp.patient_id == Patient.id, FollowUp.status == "asking"))
    )


# Built once: a prebuilt statement keeps its cache key, so executing it costs no construction.
_BY_PATIENT = _query().where(Patient.id == bindparam("patient_id"))
_BY_MESSAGE = _query(InboundMessage).join(InboundMessage, InboundMessage.patient_id == Patient.id)
_BY_MESSAGE = _BY_MESSAGE.where(InboundMessage.id == bindparam("message_id"))
_BY_MESSAGE_LOCKED = _BY_MESSAGE.with_for_update(of=InboundMessage)


@dataclass(slots=True)
class Context:
    patient: Patient
    clinic: Clinic
    pending: tuple[CheckIn, Protocol] | None
    case: OpenCase | None
    # Held so that the session (which keeps objects only while referenced) still has it
    # when an answer resets its missed streak.
    enrolment: Enrolment | None = None
    follow_up: Asking | None = None  # a red-flag question waiting for its answer
    carer: Carer | None = None  # who wrote, when one of the patient's carers did

    @property
    def language(self) -> str:
        """The language of whoever wrote: what Vigil answers them in."""
        return (self.carer.language if self.carer is not None else self.patient.language) or "en"

    @property
    def writer_context(self) -> dict[str, Any]:
        """What triage is told of the writer, beside the patient's own context."""
        return {**(self.patient.context or {}), **({"writer": "carer"} if self.carer is not None else {})}


def _context(row: Any) -> Context:
    patient, clinic, checkin, protocol, case_id, level, rank, enrolment, status, follow_up, pages = row[:11]
    return Context(
        patient=patient,
        clinic=clinic,
        pending=(checkin, protocol) if checkin is not None and protocol is not None else None,
        case=OpenCase(case_id, level, rank, status == "acknowledged", bool(pages))
        if case_id is not None
        else None,
        enrolment=enrolment,
        follow_up=asking(follow_up),
    )


async def for_patient(session: AsyncSession, patient_id: int) -> Context | None:
    row = (await session.execute(_BY_PATIENT, {"patient_id": patient_id})).first()
    return None if row is None else _context(row)


async def for_message(
    session: AsyncSession, message_id: int, *, lock: bool
) -> tuple[InboundMessage, Context] | None:
    """A stored message and its context; `lock` holds the message's row (PostgreSQL)."""
    stmt = _BY_MESSAGE_LOCKED if lock else _BY_MESSAGE
    row = (await session.execute(stmt, {"message_id": message_id})).first()
    if row is None:
        return None
    message, ctx = row[11], _context(row)
    if message.carer_id is not None:
        ctx.carer = await session.get(Carer, message.carer_id)
    return message, ctx


# The patient's earlier messages in the conversation window, newest first, with the question
# each answered: triage reads them with the new one (TRIAGE.md, "Conversations").
_EARLIER = (
    select(
        InboundMessage.id,
        InboundMessage.text,
        InboundMessage.received_at,
        Assessment.question,
        InboundMessage.carer_id,
    )
    .outerjoin(Assessment, Assessment.message_id == InboundMessage.id)
    .where(
        InboundMessage.patient_id == bindparam("patient_id"),
        InboundMessage.received_at >= bindparam("since"),
        InboundMessage.id != bindparam("message_id"),
        InboundMessage.received_at <= bindparam("until"),
    )
    .order_by(InboundMessage.received_at.desc(), InboundMessage.id.desc())
    .limit(bindparam("limit"))
)
# Enough for any real conversation; a flood of texts cannot make one message cost more.
MAX_EARLIER = 30


@dataclass(frozen=True, slots=True)
class Earlier:
    id: int
    text: str
    at: datetime
    question: str | None
    carer_id: int | None = None  # written by one of the patient's carers


async def earlier_messages(
    session: AsyncSession, patient_id: int, message_id: int, since: datetime, until: datetime
) -> list[Earlier]:
    """The patient's messages received in [since, until] before this one, oldest first."""
    params = {"patient_id": patient_id, "message_id": message_id, "since": since, "until": until}
    rows = (await session.execute(_EARLIER, {**params, "limit": MAX_EARLIER})).all()
    return [Earlier(r.id, r.text, r.received_at, r.question, r.carer_id) for r in reversed(rows)]
