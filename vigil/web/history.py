"""Finding cases: search, filters and pages of results, for the history page and the API.

The queue shows every case still open; resolved cases only grow, so they are searched and
read a page at a time, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import Patient, Staff
from vigil.escalation.cases import DISPOSITIONS
from vigil.escalation.models import LEVELS, Case, CaseEvent, CaseReason
from vigil.scheduler.schedule import zone

from .views import CASE_STATUSES, _emails, case_dict, staff_names

CASE_LEVELS = tuple(level for level in LEVELS if level != "none")
PAGE_SIZE = 25  # rows on a page of the history
MAX_LIMIT = 200  # the most the API answers at once


class QueryError(ValueError):
    """A filter that names nothing: the message says which and why."""


@dataclass(frozen=True, slots=True)
class CaseQuery:
    statuses: tuple[str, ...] = ("resolved",)
    text: str = ""  # the patient's name or id, the case number, or words of the note
    levels: tuple[str, ...] = ()
    dispositions: tuple[str, ...] = ()
    nurse: str = ""  # the email of a staff member who acted on the case
    opened_from: date | None = None  # the first day (clinic's time) a case opened on
    opened_to: date | None = None  # the last day, included
    offset: int = 0
    limit: int = PAGE_SIZE

    @property
    def filtered(self) -> bool:
        return bool(
            self.text or self.levels or self.dispositions or self.nurse or self.opened_from or self.opened_to
        )


def _listed(value: str | None, allowed: tuple[str, ...], name: str) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(v.strip() for v in (value or "").split(",") if v.strip()))
    bad = [v for v in wanted if v not in allowed]
    if bad:
        raise QueryError(f"{name} must be among {', '.join(allowed)} (not {', '.join(bad)})")
    return wanted


def _day(value: str | None, name: str) -> date | None:
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(f"{name} must be a date as YYYY-MM-DD") from None


def parse(
    *,
    status: str | None = "resolved",
    text: str | None = None,
    level: str | None = None,
    disposition: str | None = None,
    nurse: str | None = None,
    opened_from: str | None = None,
    opened_to: str | None = None,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> CaseQuery:
    """The filters as given in a query string; QueryError names the first that is wrong."""
    statuses = _listed(status, CASE_STATUSES, "status") or ("resolved",)
    start, end = _day(opened_from, "from"), _day(opened_to, "to")
    if start and end and start > end:
        raise QueryError("from must be on or before to")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must be 0 or more")
    return CaseQuery(
        statuses=statuses,
        text=" ".join((text or "").split())[:200],
        levels=_listed(level, CASE_LEVELS, "level"),
        dispositions=_listed(disposition, DISPOSITIONS, "disposition"),
        nurse=(nurse or "").strip().lower(),
        opened_from=start,
        opened_to=end,
        offset=offset,
        limit=limit,
    )


def _bounds(query: CaseQuery, tz: str) -> tuple[datetime | None, datetime | None]:
    """The days asked for as UTC instants, each day whole in the clinic's time zone."""
    where = zone(tz)

    def at(day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=where).astimezone(UTC)

    return (
        at(query.opened_from) if query.opened_from else None,
        at(query.opened_to + timedelta(days=1)) if query.opened_to else None,
    )


Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])


def _filtered(q: Q, clinic_id: int, tz: str, query: CaseQuery) -> Q:
    q = q.where(Case.clinic_id == clinic_id, Case.status.in_(query.statuses))
    if query.levels:
        q = q.where(Case.level.in_(query.levels))
    if query.dispositions:
        q = q.where(Case.disposition.in_(query.dispositions))
    if query.nurse:
        # Anyone who acted on it: acknowledged, claimed, replied, released, took over, resolved.
        q = q.where(exists().where(CaseEvent.case_id == Case.id, CaseEvent.actor == query.nurse))
    start, end = _bounds(query, tz)
    if start is not None:
        q = q.where(Case.opened_at >= start)
    if end is not None:
        q = q.where(Case.opened_at < end)
    if query.text:
        words = query.text.lower()
        found = [
            func.lower(Patient.name).contains(words, autoescape=True),
            func.lower(Patient.external_id).contains(words, autoescape=True),
            func.lower(func.coalesce(Case.note, "")).contains(words, autoescape=True),
        ]
        number = words.removeprefix("#")
        if number.isdigit() and len(number) <= 9:  # a case number: ids are 32-bit
            found.append(Case.id == int(number))
        q = q.where(or_(*found))
    return q


async def search(
    session: AsyncSession, clinic_id: int, tz: str, query: CaseQuery
) -> tuple[list[dict[str, Any]], int]:
    """A page of the clinic's cases that match, newest first, and how many match in all."""
    base = select(Case, Patient).join(Patient, Patient.id == Case.patient_id)
    total = await session.scalar(
        _filtered(
            select(func.count()).select_from(Case).join(Patient, Patient.id == Case.patient_id),
            clinic_id,
            tz,
            query,
        )
    )
    rows = (
        await session.execute(
            _filtered(base, clinic_id, tz, query)
            .order_by(Case.opened_at.desc(), Case.id.desc())
            .offset(query.offset)
            .limit(query.limit)
        )
    ).all()
    if not rows:
        return [], int(total or 0)
    ids = [c.id for c, _ in rows]
    reasons: dict[int, list[CaseReason]] = {}
    for r in await session.scalars(
        select(CaseReason).where(CaseReason.case_id.in_(ids)).order_by(CaseReason.id)
    ):
        reasons.setdefault(r.case_id, []).append(r)
    staff = await _emails(session, {i for c, _ in rows for i in (c.acknowledged_by_id, c.claimed_by_id) if i})
    resolvers: dict[int, str] = {}
    for case_id, actor in await session.execute(
        select(CaseEvent.case_id, CaseEvent.actor)
        .where(CaseEvent.case_id.in_(ids), CaseEvent.kind == "resolved")
        .order_by(CaseEvent.at, CaseEvent.id)
    ):
        resolvers[int(case_id)] = str(actor)  # the last resolution, if it was ever reopened
    names = await staff_names(session, clinic_id, set(resolvers.values()))
    out = []
    for case, patient in rows:
        found = case_dict(case, patient, reasons.get(case.id, []), staff)
        by = resolvers.get(case.id) if case.status == "resolved" else None
        found["resolved_by"] = by
        found["resolved_by_name"] = names.get(by, by) if by else None
        out.append(found)
    return out, int(total or 0)


async def nurse_known(session: AsyncSession, clinic_id: int, email: str) -> bool:
    found = await session.scalar(select(Staff.id).where(Staff.clinic_id == clinic_id, Staff.email == email))
    return found is not None


async def clinic_staff(session: AsyncSession, clinic_id: int) -> list[dict[str, str]]:
    """The clinic's staff, by name, for a filter's choices."""
    rows = await session.execute(
        select(Staff.email, Staff.name).where(Staff.clinic_id == clinic_id).order_by(Staff.name, Staff.email)
    )
    return [{"email": str(email), "name": str(name)} for email, name in rows.all()]


def described(query: CaseQuery) -> dict[str, Any]:
    """The filters as the API echoes them back."""
    return {
        "status": ",".join(query.statuses),
        "q": query.text or None,
        "level": ",".join(query.levels) or None,
        "disposition": ",".join(query.dispositions) or None,
        "nurse": query.nurse or None,
        "from": query.opened_from.isoformat() if query.opened_from else None,
        "to": query.opened_to.isoformat() if query.opened_to else None,
    }
