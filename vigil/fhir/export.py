"""Reads the rows the mapping needs: one patient's whole record (`everything`, for
`GET /api/v1/fhir/Patient/{external_id}/$everything`), or a clinic's record changed since an
instant (`since`, for `vigil export fhir`), a batch of rows per query and a session per batch,
so a clinic of 20,000 patients is never in memory at once.

Only the rows of the clinic asked for are read: every query names its clinic.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Sequence
from datetime import datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle, BundleEntry, BundleEntrySearch, BundleLink
from fhir.resources.R4B.domainresource import DomainResource
from pydantic import ValidationError
from sqlalchemy import Select, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.bot.models import InboundMessage
from vigil.core.db import Database
from vigil.core.models import Clinic, OutboundMessage, Patient, Staff
from vigil.escalation.models import Case, CaseEvent, CaseReason
from vigil.scheduler.models import CheckIn, CheckInAnswer, Enrolment, Protocol

from . import cases, checkins, codes, messages, patients

BATCH = 500
# The files of a bulk export, in the order a reader would load them.
TYPES = (
    "Patient",
    "Questionnaire",
    "QuestionnaireResponse",
    "Observation",
    "Flag",
    "DetectedIssue",
    "Communication",
)


class ShapeError(Exception):
    """A row that would make a resource FHIR refuses: a bug of the mapping, raised in place of
    the library's error, saying where and never what (the value may be a patient's words)."""


def shape_error(exc: ValidationError) -> ShapeError:
    where = "; ".join(f"{exc.title}.{'.'.join(str(p) for p in e['loc'])} ({e['type']})" for e in exc.errors())
    return ShapeError(f"a resource does not fit its FHIR shape: {where}")


def kind(resource: DomainResource) -> str:
    return str(resource.get_resource_type())


# --- Batches of rows as resources ------------------------------------------------------------


async def _checkin_resources(
    session: AsyncSession, clinic: Clinic, rows: Sequence[tuple[CheckIn, int]], protocols: dict[int, Protocol]
) -> list[DomainResource]:
    """Check-ins (each with its protocol's id) as responses, and their scores as observations."""
    answers: dict[int, list[CheckInAnswer]] = {}
    ids = [c.id for c, _ in rows]
    if ids:
        for a in await session.scalars(select(CheckInAnswer).where(CheckInAnswer.checkin_id.in_(ids))):
            answers.setdefault(a.checkin_id, []).append(a)
    out: list[DomainResource] = []
    for checkin, protocol_id in rows:
        protocol = protocols[protocol_id]
        mine = answers.get(checkin.id, [])
        out.append(checkins.response(checkin, protocol, mine, clinic))
        out += checkins.observations(checkin, protocol, mine)
    return out


async def _names(
    session: AsyncSession, clinic: Clinic, emails: Collection[str] = (), ids: Collection[int] = ()
) -> tuple[dict[str, codes.Person], dict[int, codes.Person]]:
    """Staff of the clinic by email and by id, as the export names them."""
    if not emails and not ids:
        return {}, {}
    rows = await session.scalars(
        select(Staff).where(
            Staff.clinic_id == clinic.id, or_(Staff.email.in_(list(emails)), Staff.id.in_(list(ids)))
        )
    )
    found = list(rows)
    return (
        {s.email: codes.Person(s.email, s.name) for s in found},
        {s.id: codes.Person(s.email, s.name) for s in found},
    )


async def _case_resources(
    session: AsyncSession, clinic: Clinic, rows: Sequence[Case]
) -> list[DomainResource]:
    ids = [c.id for c in rows]
    reasons: dict[int, list[CaseReason]] = {}
    resolvers: dict[int, str] = {}
    if ids:
        for r in await session.scalars(select(CaseReason).where(CaseReason.case_id.in_(ids))):
            reasons.setdefault(r.case_id, []).append(r)
        resolved = await session.execute(
            select(CaseEvent.case_id, CaseEvent.actor)
            .where(CaseEvent.case_id.in_(ids), CaseEvent.kind == "resolved")
            .order_by(CaseEvent.at, CaseEvent.id)
        )
        resolvers = {row.case_id: row.actor for row in resolved}  # the last resolution of each
    by_email, _ = await _names(session, clinic, emails=set(resolvers.values()))
    out: list[DomainResource] = []
    for case in rows:
        email = resolvers.get(case.id)
        resolver = by_email.get(email, codes.Person(email)) if email else None
        out += [
            cases.flag(case, clinic),
            cases.detected_issue(case, reasons.get(case.id, []), clinic, resolver),
        ]
    return out


async def _outbound_resources(
    session: AsyncSession, clinic: Clinic, rows: Sequence[OutboundMessage]
) -> list[DomainResource]:
    _, by_id = await _names(session, clinic, ids={o.staff_id for o in rows if o.staff_id is not None})
    return [messages.outbound(o, by_id.get(o.staff_id or 0)) for o in rows]


def _questionnaires(clinic: Clinic, protocols: dict[int, Protocol]) -> list[DomainResource]:
    return [checkins.questionnaire(p, clinic) for _, p in sorted(protocols.items())]


async def _protocols(session: AsyncSession, clinic: Clinic) -> dict[int, Protocol]:
    return {p.id: p for p in await session.scalars(select(Protocol).where(Protocol.clinic_id == clinic.id))}


# --- One patient -----------------------------------------------------------------------------


async def everything(session: AsyncSession, clinic: Clinic, patient: Patient) -> list[DomainResource]:
    """The patient's whole Vigil record: the patient, the protocols they answered or are
    enrolled in, every check-in with its scores, every case, every message both ways."""
    try:
        return await _everything(session, clinic, patient)
    except ValidationError as exc:
        raise shape_error(exc) from None


async def _everything(session: AsyncSession, clinic: Clinic, patient: Patient) -> list[DomainResource]:
    assert patient.clinic_id == clinic.id
    protocols = await _protocols(session, clinic)
    rows = [
        (c, pid)
        for c, pid in (
            await session.execute(
                select(CheckIn, Enrolment.protocol_id)
                .join(Enrolment, Enrolment.id == CheckIn.enrolment_id)
                .where(CheckIn.patient_id == patient.id)
                .order_by(CheckIn.opened_at, CheckIn.id)
            )
        ).all()
    ]
    enrolled = set(
        await session.scalars(select(Enrolment.protocol_id).where(Enrolment.patient_id == patient.id))
    )
    used = {pid: protocols[pid] for pid in enrolled | {pid for _, pid in rows} if pid in protocols}
    patient_cases = list(
        await session.scalars(
            select(Case).where(Case.patient_id == patient.id, Case.clinic_id == clinic.id).order_by(Case.id)
        )
    )
    inbound = await session.scalars(
        select(InboundMessage).where(InboundMessage.patient_id == patient.id).order_by(InboundMessage.id)
    )
    outbound = list(
        await session.scalars(
            select(OutboundMessage)
            .where(OutboundMessage.patient_id == patient.id)
            .order_by(OutboundMessage.id)
        )
    )
    return [
        patients.patient(patient, clinic),
        *_questionnaires(clinic, used),
        *await _checkin_resources(session, clinic, rows, protocols),
        *await _case_resources(session, clinic, patient_cases),
        *[messages.inbound(m) for m in inbound],
        *await _outbound_resources(session, clinic, outbound),
    ]


def bundle(resources: Sequence[DomainResource], base: str, self_url: str, now: datetime) -> Bundle:
    """A searchset, as `$everything` answers: the patient a match (the `total`, as FHIR counts
    a search's matches), the rest included. `base` is where the resources' URLs start
    (…/api/v1/fhir)."""
    return Bundle(
        type="searchset",
        timestamp=now,
        total=sum(1 for r in resources if kind(r) == "Patient"),
        link=[BundleLink(relation="self", url=self_url)],
        entry=[
            BundleEntry(
                fullUrl=f"{base}/{kind(r)}/{r.id}",
                resource=r,
                search=BundleEntrySearch(mode="match" if kind(r) == "Patient" else "include"),
            )
            for r in resources
        ],
    )


# --- A clinic since an instant ---------------------------------------------------------------


async def _pages(
    db: Database, query: Select[*tuple[Any, ...]], key: Any, batch: int
) -> AsyncIterator[tuple[AsyncSession, list[Any]]]:
    """`query`'s rows in batches by `key` (the rows' id), a session and a query per batch."""
    after = 0
    while True:
        async with db.session() as session:
            rows = list((await session.execute(query.where(key > after).order_by(key).limit(batch))).all())
            if not rows:
                return
            yield session, rows
        after = _id_of(rows[-1])
        if len(rows) < batch:
            return


def _id_of(row: Any) -> int:
    first = row[0]
    return int(first.id)


async def since(
    db: Database, clinic: Clinic, instant: datetime, *, batch: int = BATCH
) -> AsyncIterator[DomainResource]:
    """The clinic's record changed at or after `instant` (below), a batch of rows at a time."""
    try:
        async for resource in _since(db, clinic, instant, batch):
            yield resource
    except ValidationError as exc:
        raise shape_error(exc) from None


async def _since(
    db: Database, clinic: Clinic, instant: datetime, batch: int
) -> AsyncIterator[DomainResource]:
    """The clinic's record that changed at or after `instant`, as Bulk Data's `_since` reads
    it: check-ins opened, answered or closed since (with their scores given since), cases
    changed since (opened, raised, acknowledged, resolved, ...), messages received, sent or
    delivered since; then every patient they concern or added since, and the clinic's
    protocols. Resources come a type at a time, in batches."""
    async with db.session() as session:
        protocols = await _protocols(session, clinic)
    concerned: set[int] = set()

    answered_since = exists().where(CheckInAnswer.checkin_id == CheckIn.id, CheckInAnswer.at >= instant)
    checkin_query = (
        select(CheckIn, Enrolment.protocol_id)
        .join(Enrolment, Enrolment.id == CheckIn.enrolment_id)
        .join(Patient, Patient.id == CheckIn.patient_id)
        .where(
            Patient.clinic_id == clinic.id,
            or_(CheckIn.opened_at >= instant, CheckIn.closed_at >= instant, answered_since),
        )
    )
    async for session, rows in _pages(db, checkin_query, CheckIn.id, batch):
        concerned.update(c.patient_id for c, _ in rows)
        for resource in await _checkin_resources(session, clinic, rows, protocols):
            if kind(resource) != "Observation" or _effective(resource) >= instant:
                yield resource

    case_query = select(Case).where(Case.clinic_id == clinic.id, Case.updated_at >= instant)
    async for session, rows in _pages(db, case_query, Case.id, batch):
        found = [c for (c,) in rows]
        concerned.update(c.patient_id for c in found)
        for resource in await _case_resources(session, clinic, found):
            yield resource

    inbound_query = select(InboundMessage).where(
        InboundMessage.clinic_id == clinic.id, InboundMessage.received_at >= instant
    )
    async for _, rows in _pages(db, inbound_query, InboundMessage.id, batch):
        for (m,) in rows:
            concerned.add(m.patient_id)
            yield messages.inbound(m)

    outbound_query = select(OutboundMessage).where(
        OutboundMessage.clinic_id == clinic.id,
        OutboundMessage.patient_id.is_not(None),
        or_(
            OutboundMessage.created_at >= instant,
            OutboundMessage.sent_at >= instant,
            OutboundMessage.delivered_at >= instant,
        ),
    )
    async for session, rows in _pages(db, outbound_query, OutboundMessage.id, batch):
        found = [o for (o,) in rows]
        concerned.update(o.patient_id for o in found if o.patient_id is not None)
        for resource in await _outbound_resources(session, clinic, found):
            yield resource

    new_query = select(Patient).where(Patient.clinic_id == clinic.id, Patient.created_at >= instant)
    async for _, rows in _pages(db, new_query, Patient.id, batch):
        for (p,) in rows:
            concerned.discard(p.id)
            yield patients.patient(p, clinic)
    waiting = sorted(concerned)
    for ids in (waiting[i : i + batch] for i in range(0, len(waiting), batch)):
        async with db.session() as session:
            for p in await session.scalars(
                select(Patient)
                .where(Patient.clinic_id == clinic.id, Patient.id.in_(ids))
                .order_by(Patient.id)
            ):
                yield patients.patient(p, clinic)

    for resource in _questionnaires(clinic, protocols):
        yield resource


def _effective(resource: DomainResource) -> datetime:
    when = getattr(resource, "effectiveDateTime", None)
    assert isinstance(when, datetime)
    return when
