"""On-call cover: an admin puts someone on call for a rotation between two instants, or takes
the cover back. The rules live here and raise `CoverError`s; the API and the pages translate
them (403, 404, 422; a flash message on the page).

Who may cover a rotation: an active staff member of the clinic who can be paged, in a role
the rotation's members have (a nurses' rotation is covered by a nurse, not by a physician
or an admin). Cover that overlaps other cover of the same rotation is set, and the overlaps
are returned so that the admin is warned (while both run, the one set last wins)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import staff_did
from vigil.core.clock import utc
from vigil.core.models import Clinic, Staff
from vigil.core.text import clean

from .models import OncallOverride
from .oncall import Oncall
from .paging import contact


class CoverError(Exception):
    """Cover cannot be set or removed; the message says why, for the person who asked."""


class NotAllowed(CoverError):
    """Only a clinic admin changes who is on call."""


class NotFound(CoverError):
    """No such cover in this clinic."""


class Invalid(CoverError):
    """The request names something that does not exist, or times that cannot be."""


@dataclass(frozen=True)
class Overlap:
    """Other cover of the same rotation that runs at the same time."""

    id: int
    name: str
    email: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Cover:
    id: int
    rotation: str
    email: str
    starts_at: datetime
    ends_at: datetime
    overlaps: tuple[Overlap, ...] = ()


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


async def add(
    session: AsyncSession,
    staff: Staff,
    rotation: str,
    email: str,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime,
    channel: str,
) -> Cover:
    """Put `email` on call for `rotation` from `starts_at` to `ends_at`; audited."""
    if staff.role != "admin":
        raise NotAllowed("only a clinic admin can change who is on call")
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        # A script's "06:35" could be UTC or the clinic's time, hours apart: make it say which.
        raise Invalid("give starts_at and ends_at with a UTC offset, e.g. 2026-11-24T06:35:00Z")
    starts_at, ends_at = utc(starts_at), utc(ends_at)
    if ends_at <= starts_at:
        raise Invalid("ends_at must be after starts_at")
    if ends_at <= now:
        raise Invalid("that cover would already be over: ends_at is in the past")
    clinic = await session.get(Clinic, staff.clinic_id)
    rota = Oncall.of(clinic.oncall).rotation(rotation) if clinic is not None else None
    if rota is None:
        raise Invalid(f"no rotation {rotation!r} in this clinic")
    cover = await session.scalar(
        select(Staff).where(
            Staff.email == clean(email).strip().lower(),
            Staff.clinic_id == staff.clinic_id,
            Staff.active.is_(True),
        )
    )
    if cover is None:
        raise Invalid(f"no active staff member {email!r} in this clinic")
    if contact(cover) is None:
        # Accepted, this would skip the tier on every page until it ends.
        raise Invalid(f"{cover.email} cannot be paged: add a phone or link their Telegram first")
    allowed = set(
        await session.scalars(
            select(Staff.role).where(
                Staff.clinic_id == staff.clinic_id,
                Staff.email.in_([m.lower() for m in rota.members]),
                Staff.active.is_(True),
            )
        )
    )
    if allowed and cover.role not in allowed:
        roles = " or ".join(f"{r}s" for r in sorted(allowed))
        raise Invalid(f"{cover.name} is {_a(cover.role)}; rotation {rotation} is covered by {roles} only")
    overlaps = tuple(
        Overlap(o.id, s.name, s.email, utc(o.starts_at), utc(o.ends_at))
        for o, s in (
            await session.execute(
                select(OncallOverride, Staff)
                .join(Staff, Staff.id == OncallOverride.staff_id)
                .where(
                    OncallOverride.clinic_id == staff.clinic_id,
                    OncallOverride.rotation_key == rotation,
                    OncallOverride.starts_at < ends_at,
                    OncallOverride.ends_at > starts_at,
                )
                .order_by(OncallOverride.starts_at, OncallOverride.id)
            )
        ).all()
    )
    row = OncallOverride(
        clinic_id=staff.clinic_id,
        rotation_key=rotation,
        staff_id=cover.id,
        starts_at=starts_at,
        ends_at=ends_at,
        created_by=staff.email,
        created_at=now,
    )
    session.add(row)
    await session.flush()
    staff_did(
        session,
        staff,
        "override",
        "rotation",
        rotation,
        at=now,
        channel=channel,
        email=cover.email,
        starts_at=_iso(starts_at),
        ends_at=_iso(ends_at),
    )
    return Cover(row.id, rotation, cover.email, starts_at, ends_at, overlaps)


def _a(role: str) -> str:
    return f"an {role}" if role[:1] in "aeiou" else f"a {role}"


async def remove(session: AsyncSession, staff: Staff, override_id: int, now: datetime, channel: str) -> None:
    """Take cover back (set by mistake, or plans changed); audited."""
    if staff.role != "admin":
        raise NotAllowed("only a clinic admin can change who is on call")
    row = await session.get(OncallOverride, override_id)
    if row is None or row.clinic_id != staff.clinic_id:
        raise NotFound("no such override")
    await session.delete(row)
    staff_did(
        session,
        staff,
        "override_removed",
        "rotation",
        row.rotation_key,
        at=now,
        channel=channel,
        starts_at=_iso(row.starts_at),
        ends_at=_iso(row.ends_at),
    )
