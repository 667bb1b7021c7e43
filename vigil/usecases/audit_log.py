"""Reading a clinic's audit log: filtered by actor, action, subject kind and dates (the
clinic's calendar days), newest first, a page at a time. The admin page and the API share it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import AuditEvent

PER_PAGE: Final = 50
MAX_PAGE: Final = 10_000


class AuditQueryError(ValueError):
    """A filter that cannot be read; the message says which and why."""


@dataclass(frozen=True)
class AuditFilters:
    actor: str = ""  # part of the actor's email or name, any case
    action: str = ""  # exact
    subject: str = ""  # subject kind, exact: case, patient, staff, rotation, clinic, ...
    first: date | None = None  # the clinic's calendar days, both included
    last: date | None = None

    @classmethod
    def read(
        cls, actor: str | None, action: str | None, subject: str | None, first: str | None, last: str | None
    ) -> AuditFilters:
        def day(value: str | None, name: str) -> date | None:
            if not value or not value.strip():
                return None
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                raise AuditQueryError(f"{name} must be a date like 2026-11-01, not {value[:40]!r}") from None

        found = cls(
            actor=(actor or "").strip(),
            action=(action or "").strip(),
            subject=(subject or "").strip(),
            first=day(first, "from"),
            last=day(last, "to"),
        )
        if found.first and found.last and found.last < found.first:
            raise AuditQueryError("to must not be before from")
        return found

    def query(self) -> dict[str, str]:
        """The filters as query parameters (for the next page's link)."""
        out = {"actor": self.actor, "action": self.action, "subject": self.subject}
        out["from"] = self.first.isoformat() if self.first else ""
        out["to"] = self.last.isoformat() if self.last else ""
        return {k: v for k, v in out.items() if v}


@dataclass(frozen=True)
class AuditPage:
    entries: list[dict[str, Any]]
    total: int
    page: int
    pages: int


def _where(stmt: Select[Any], clinic_id: int, f: AuditFilters, tz: ZoneInfo) -> Select[Any]:
    stmt = stmt.where(AuditEvent.clinic_id == clinic_id)
    if f.actor:
        like = "%" + f.actor.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(func.lower(AuditEvent.actor).like(like, escape="\\"))
    if f.action:
        stmt = stmt.where(AuditEvent.action == f.action)
    if f.subject:
        stmt = stmt.where(AuditEvent.subject_type == f.subject)
    if f.first:
        stmt = stmt.where(AuditEvent.at >= datetime.combine(f.first, time(), tz).astimezone(UTC))
    if f.last:
        stmt = stmt.where(
            AuditEvent.at < datetime.combine(f.last + timedelta(days=1), time(), tz).astimezone(UTC)
        )
    return stmt


def _iso(at: datetime) -> str:
    if at.tzinfo is None:  # SQLite gives back naive UTC
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


async def search(
    session: AsyncSession,
    clinic_id: int,
    f: AuditFilters,
    tz: ZoneInfo,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> AuditPage:
    """One page of the clinic's audit entries that match, newest first."""
    page = max(1, min(page, MAX_PAGE))
    total = int(
        await session.scalar(_where(select(func.count()).select_from(AuditEvent), clinic_id, f, tz)) or 0
    )
    rows = await session.scalars(
        _where(select(AuditEvent), clinic_id, f, tz)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    entries = [
        {
            "id": r.id,
            "at": _iso(r.at),
            "actor": r.actor,
            "action": r.action,
            "subject_type": r.subject_type,
            "subject_id": r.subject_id,
            "detail": dict(r.detail or {}),
        }
        for r in rows
    ]
    return AuditPage(entries, total, page, max(1, -(-total // per_page)))


async def kinds(session: AsyncSession, clinic_id: int) -> tuple[list[str], list[str]]:
    """The actions and subject kinds this clinic's log holds, for the filters' choices."""
    actions = await session.scalars(
        select(AuditEvent.action)
        .where(AuditEvent.clinic_id == clinic_id)
        .distinct()
        .order_by(AuditEvent.action)
    )
    subjects = await session.scalars(
        select(AuditEvent.subject_type)
        .where(AuditEvent.clinic_id == clinic_id)
        .distinct()
        .order_by(AuditEvent.subject_type)
    )
    return list(actions), list(subjects)
