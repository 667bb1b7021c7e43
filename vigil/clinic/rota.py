"""The on-call rota as the pages and the API change it, and the two-week calendar of who is on call.

A change is made to the clinic file's `oncall:` section, as the export writes it: the edited
section, with the clinic's head and staff, is validated by the clinic file's own code
(`file.check`, the rules and messages of `vigil import`) and stored by the importer's own
`save_oncall`. So the pages, the API and the file never disagree, and exporting then
importing changes nothing. Only an admin changes it; every change is audited with what changed.

The calendar asks `escalation.oncall.timeline`, which asks `on_call` (what the pager asks) at
each boundary: there is no second copy of the rota's arithmetic here.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Staff
from vigil.escalation.models import OncallOverride
from vigil.escalation.oncall import Oncall, timeline
from vigil.escalation.paging import _overrides, contact
from vigil.scheduler.schedule import zone

from . import export, importer
from .file import ImportError_, check

LEVELS: Final = ("emergency", "urgent", "routine")
CALENDAR_DAYS: Final = 14


class RotaError(ValueError):
    """The change cannot be made. `problems` maps each key path of the file's `oncall:`
    ("rotations[0].handoff", "escalation.urgent[1]") to the import's reason for it."""

    status = 422

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{k}: {v}" if k else v for k, v in problems))
        self.problems = problems


class NotAllowed(RotaError):
    status = 403

    def __init__(self) -> None:
        super().__init__([("", "only a clinic admin can change the on-call configuration")])


class NotFound(RotaError):
    status = 404

    def __init__(self, what: str) -> None:
        super().__init__([("", what)])


class Stale(RotaError):
    """The part being saved changed since the form showing it was opened (another admin)."""

    status = 409

    def __init__(self, what: str) -> None:
        super().__init__([("", f"{what} changed since this page was opened: here it is now")])


def digest(part: Any) -> str:
    """A short fingerprint of a rotation or a level's tiers, as the form saw it."""
    return hashlib.sha256(json.dumps(part, sort_keys=True, default=str).encode()).hexdigest()[:16]


def rotation_of(oncall: dict[str, Any], key: str) -> dict[str, Any] | None:
    return next((dict(r) for r in oncall.get("rotations") or () if r.get("key") == key), None)


def unchanged(part: Any, was: str, what: str) -> None:
    """Stale when `part` is no longer what the form was opened on (`was`; blank: not checked)."""
    if was and digest(part) != was:
        raise Stale(what)


def section(clinic: Clinic) -> dict[str, Any]:
    """The clinic's `oncall:` as the clinic file (and its export) has it."""
    return export.oncall_section(clinic.oncall or {})


def with_rotation(oncall: dict[str, Any], original: str | None, rotation: dict[str, Any]) -> dict[str, Any]:
    """`oncall` with the rotation `original` replaced by `rotation` (added when None)."""
    out = copy.deepcopy(oncall)
    rotations = out.setdefault("rotations", [])
    keys = [r.get("key") for r in rotations]
    if original is None:
        rotations.append(rotation)
    elif original in keys:
        rotations[keys.index(original)] = rotation
    else:
        raise NotFound(f"no rotation {original!r} in this clinic")
    return out


def without_rotation(oncall: dict[str, Any], key: str) -> dict[str, Any]:
    out = copy.deepcopy(oncall)
    kept = [r for r in out.get("rotations") or () if r.get("key") != key]
    if len(kept) == len(out.get("rotations") or ()):
        raise NotFound(f"no rotation {key!r} in this clinic")
    out["rotations"] = kept
    return out


def with_level(oncall: dict[str, Any], level: str, tiers: list[dict[str, Any]]) -> dict[str, Any]:
    out = copy.deepcopy(oncall)
    out.setdefault("escalation", {})[level] = tiers
    return out


def with_reminder(oncall: dict[str, Any], remind_owner_after: str | None) -> dict[str, Any]:
    out = copy.deepcopy(oncall)
    out.pop("remind_owner_after", None)
    if remind_owner_after:
        out["remind_owner_after"] = remind_owner_after
    return out


def require_admin(me: Staff) -> None:
    if me.role != "admin" or not me.active:
        raise NotAllowed


async def validate(session: AsyncSession, clinic: Clinic, oncall: dict[str, Any]) -> Any:
    """The section validated as `vigil import` validates it, with the clinic's head and its
    active staff (whom rotations and tiers name); RotaError with the import's reasons."""
    data = {
        "clinic": export.clinic_head(clinic),
        "staff": await export.staff_list(session, clinic.id),
        "oncall": oncall,
    }
    try:
        return check(data).oncall
    except ImportError_ as exc:
        raise RotaError([(k.removeprefix("oncall").lstrip("."), m) for k, m in exc.problems]) from None


def _flat(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out |= _flat(v, f"{path}.{k}" if path else str(k))
        return out or {path: {}}
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out = {}
        for i, v in enumerate(value):
            out |= _flat(v, f"{path}[{i}]")
        return out
    return {path: value}


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """What changed, key path by key path: {path: [before, after]} (None: not there)."""
    old, new = _flat(before), _flat(after)
    return {k: [old.get(k), new.get(k)] for k in sorted(old.keys() | new.keys()) if old.get(k) != new.get(k)}


async def change(
    session: AsyncSession,
    me: Staff,
    edit: Callable[[dict[str, Any]], dict[str, Any]],
    subject: str,
    now: datetime,
    channel: str,
) -> dict[str, list[Any]]:
    """Apply `edit` to the clinic's `oncall:` section, validate and store it, audit what
    changed (`subject`: "rotation:nurses", "escalation:urgent", ...). Returns what changed."""
    require_admin(me)
    clinic = await session.get(Clinic, me.clinic_id, with_for_update=True)
    if clinic is None:
        raise NotFound("no such clinic")
    before = section(clinic)
    oncall = await validate(session, clinic, edit(before))
    importer.save_oncall(clinic, oncall)
    after = section(clinic)
    changed = differences(before, after)
    # A deleted rotation's cover goes with it: a rotation given its key later starts clean.
    gone = {r["key"] for r in before["rotations"]} - {r["key"] for r in after["rotations"]}
    dropped = list(
        await session.scalars(
            select(OncallOverride).where(
                OncallOverride.clinic_id == clinic.id, OncallOverride.rotation_key.in_(gone)
            )
        )
        if gone
        else ()
    )
    for row in dropped:
        await session.delete(row)
    if changed:
        extra = {"cover_removed": len(dropped)} if dropped else {}
        staff_did(
            session,
            me,
            "oncall_changed",
            "oncall",
            subject,
            at=now,
            channel=channel,
            changed=changed,
            **extra,
        )
    return changed


# --- the calendar ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """Part of a day in which one person holds a rotation (or nobody: a gap)."""

    starts_at: datetime  # UTC, clipped to the day
    ends_at: datetime
    email: str | None
    name: str | None
    cover: bool
    problem: str | None  # why nobody can be paged then; None when someone can

    @property
    def gap(self) -> bool:
        return self.problem is not None


@dataclass
class Day:
    day: date
    starts_at: datetime  # local midnight, as UTC
    ends_at: datetime
    rotations: dict[str, list[Slot]] = field(default_factory=dict)

    @property
    def gaps(self) -> int:
        return sum(s.gap for slots in self.rotations.values() for s in slots)


@dataclass
class Calendar:
    start: date
    timezone: str
    rotations: list[str]
    days: list[Day]

    @property
    def gaps(self) -> int:
        return sum(d.gaps for d in self.days)


def local_midnight(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone(tz)).astimezone(zone("UTC"))


async def calendar(session: AsyncSession, clinic: Clinic, start: date, days: int = CALENDAR_DAYS) -> Calendar:
    """Who is on call for each rotation, day by day in the clinic's time zone, from `start`."""
    tz = clinic.timezone
    begin, end = local_midnight(start, tz), local_midnight(start + timedelta(days=days), tz)
    overrides = await _overrides(session, clinic.id, begin)  # what the pager reads, ordered as it does
    people = {s.email: s for s in await session.scalars(select(Staff).where(Staff.clinic_id == clinic.id))}
    out = [
        Day(d, local_midnight(d, tz), local_midnight(d + timedelta(days=1), tz))
        for d in (start + timedelta(days=i) for i in range(days))
    ]
    rotations = Oncall.of(clinic.oncall).rotations
    for rotation in rotations:
        stretches = timeline(rotation, tz, begin, end, overrides)
        for day in out:
            slots = day.rotations.setdefault(rotation.key, [])
            for s in stretches:
                if s.ends_at <= day.starts_at or s.starts_at >= day.ends_at:
                    continue
                person = people.get(s.email) if s.email else None
                slots.append(
                    Slot(
                        max(s.starts_at, day.starts_at),
                        min(s.ends_at, day.ends_at),
                        s.email,
                        person.name if person else s.email,
                        s.override,
                        _problem(s.email, person),
                    )
                )
    return Calendar(start, tz, [r.key for r in rotations], out)


def _problem(email: str | None, person: Staff | None) -> str | None:
    """Why a page would reach nobody in this slot (the pager skips the tier then)."""
    if email is None:
        return "nobody on call"
    if person is None or not person.active:
        return "no longer on the staff: nobody can be paged"
    if contact(person) is None:
        return "cannot be paged: no phone or Telegram"
    return None
