"""Rows for the analytics tests, written straight to the tables: a clinic with protocols and
patients, cases with their events and reasons, check-ins. Times are given exactly, so that
every figure can be worked out by hand (test_analytics_figures.py) or seeded for a month
(test_analytics_browser.py)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import Clinic, Patient
from vigil.escalation.cases import DISPOSITIONS
from vigil.escalation.models import LEVEL_RANK, Case, CaseEvent, CaseReason
from vigil.scheduler.models import CheckIn, Enrolment, Protocol


@dataclass
class Place:
    clinic: Clinic
    protocols: dict[str, Protocol] = field(default_factory=dict)
    patients: list[Patient] = field(default_factory=list)
    enrolments: dict[tuple[int, str], Enrolment] = field(default_factory=dict)


async def clinic(
    session: AsyncSession,
    slug: str,
    *,
    tz: str = "America/New_York",
    protocols: Sequence[tuple[str, str]] = (("a-weekly", "Weekly check"), ("b-daily", "Daily check")),
    patients: int = 4,
    at: datetime = datetime(2026, 10, 1, tzinfo=UTC),
) -> Place:
    """A clinic, its protocols and `patients` patients each enrolled in every protocol."""
    row = Clinic(slug=slug, name=slug.title(), timezone=tz, emergency_number="911", created_at=at, oncall={})
    session.add(row)
    await session.flush()
    return await adopt(session, row, protocols=protocols, patients=patients, at=at)


async def adopt(
    session: AsyncSession,
    row: Clinic,
    *,
    protocols: Sequence[tuple[str, str]],
    patients: int,
    at: datetime = datetime(2026, 10, 1, tzinfo=UTC),
) -> Place:
    """New protocols and patients (each enrolled in every one of them) in an existing clinic."""
    place = Place(row)
    slug = row.slug
    for key, name in protocols:
        protocol = Protocol(
            clinic_id=row.id, key=key, name=name, schedule="0 10 * * 1", expire_after_s=86400, questions=[]
        )
        session.add(protocol)
        place.protocols[key] = protocol
    for i in range(patients):
        patient = Patient(
            clinic_id=row.id,
            external_id=f"{slug}-{i}",
            name=f"Patient {i}",
            channel="simulator",
            created_at=at,
        )
        session.add(patient)
        place.patients.append(patient)
    await session.flush()
    for patient in place.patients:
        for key, protocol in place.protocols.items():
            enrolment = Enrolment(patient_id=patient.id, protocol_id=protocol.id)
            session.add(enrolment)
            place.enrolments[(patient.id, key)] = enrolment
    await session.flush()
    return place


async def case(
    session: AsyncSession,
    place: Place,
    level: str,
    opened: datetime,
    *,
    patient: int = 0,
    ack_after: float | None = None,
    resolve_after: float | None = None,
    disposition: str | None = None,
    paged: Sequence[int] = (),
    rules: Sequence[str] = (),
    raised_at: datetime | None = None,
) -> Case:
    """A case as escalation leaves it: its `opened` event (and `raised`, `paged` events), its
    reasons (one per rule), acknowledged and resolved that many seconds after opening."""
    acknowledged = opened + timedelta(seconds=ack_after) if ack_after is not None else None
    resolved = opened + timedelta(seconds=resolve_after) if resolve_after is not None else None
    row = Case(
        clinic_id=place.clinic.id,
        patient_id=place.patients[patient].id,
        level=level,
        level_rank=LEVEL_RANK[level],
        status="resolved" if resolved else "acknowledged" if acknowledged else "open",
        opened_at=opened,
        acknowledged_at=acknowledged,
        resolved_at=resolved,
        disposition=disposition if resolved else None,
        updated_at=resolved or acknowledged or opened,
    )
    session.add(row)
    await session.flush()

    def event(kind: str, at: datetime, **detail: object) -> None:
        session.add(
            CaseEvent(case_id=row.id, kind=kind, at=at, actor="system", channel="system", detail=detail)
        )

    event("opened", opened, level=level)
    if raised_at is not None:
        event("raised", raised_at, level=level, previous="urgent")
    for i, tier in enumerate(paged):
        event("paged", opened + timedelta(minutes=5 * i), recipient="nurse@example", tier=tier)
    for rule in rules:
        session.add(CaseReason(case_id=row.id, level=level, rule=rule, concept=None, at=opened))
    await session.flush()
    return row


async def checkin(
    session: AsyncSession,
    place: Place,
    protocol: str,
    opened: datetime,
    status: str,
    answered: bool,
    patient: int = 0,
) -> CheckIn:
    who = place.patients[patient]
    row = CheckIn(
        enrolment_id=place.enrolments[(who.id, protocol)].id,
        patient_id=who.id,
        due_at=opened,
        opened_at=opened,
        status=status,
        expires_at=opened + timedelta(days=1),
        answered_any=answered,
        closed_at=None if status == "open" else opened + timedelta(hours=2),
    )
    session.add(row)
    await session.flush()
    return row


RULES = (
    ("emergency", "hemoptysis_massive"),
    ("emergency", "cord_compression"),
    ("emergency", "neutropenic_fever"),
    ("urgent", "new_confusion"),
    ("urgent", "uncontrolled_pain"),
    ("urgent", "vomiting_24h"),
    ("routine", "appetite_loss"),
    ("routine", "fatigue_worse"),
)


async def month(session: AsyncSession, place: Place, first: datetime, days: int = 30, seed: int = 13) -> None:
    """A plausible month of a clinic's work from `first` (UTC midnight-ish): check-ins every
    weekday per protocol and patient, most answered; a few cases a day at mixed levels, most
    acknowledged within minutes and resolved within hours, some escalated."""
    rng = random.Random(seed)
    open_patients: set[int] = set()
    for day in range(days):
        base = first + timedelta(days=day, hours=15)
        for key in place.protocols:
            for p in range(len(place.patients)):
                if rng.random() < 0.5:
                    continue
                answered = rng.random() < (0.85 if key.startswith("a") else 0.7)
                status = "completed" if answered and rng.random() < 0.8 else "expired"
                await checkin(session, place, key, base + timedelta(minutes=p), status, answered, p)
        for n in range(rng.randint(0, 3)):
            level = rng.choices(("routine", "urgent", "emergency"), (5, 3, 1))[0]
            opened = base + timedelta(hours=n * 2, minutes=rng.randint(0, 59))
            pending = day >= days - 2 and n == 0
            free = [p for p in range(len(place.patients)) if p not in open_patients]
            if pending and not free:
                pending = False
            patient = free[0] if pending else rng.randrange(len(place.patients))
            if pending:
                open_patients.add(patient)
            ack = {"routine": 3600, "urgent": 600, "emergency": 180}[level] * rng.uniform(0.2, 2.5)
            resolve = ack + {"routine": 86400, "urgent": 14400, "emergency": 7200}[level] * rng.uniform(
                0.2, 2
            )
            tiers = [] if level == "routine" else [1, 2] if rng.random() < 0.25 else [1]
            rules = [r for lv, r in RULES if lv == level and rng.random() < 0.6] or [
                next(r for lv, r in RULES if lv == level)
            ]
            await case(
                session,
                place,
                level,
                opened,
                patient=patient,
                ack_after=None if pending and level != "routine" else round(ack),
                resolve_after=None if pending else round(resolve),
                disposition=rng.choice(DISPOSITIONS[:5]),
                paged=tiers,
                rules=rules,
            )
