"""Staff management by a clinic admin: invite, change role, deactivate, reset a password.

The rules live here and raise `StaffError`s (403 not an admin, 404 not of this clinic, 422
otherwise) that the API and the pages translate. Every change is audited with what changed.
Two rules keep a clinic runnable: an admin cannot deactivate themselves, and the last active
admin can be neither deactivated nor given another role. Someone the on-call configuration
names (a rotation's member, a tier's `staff:` target) is taken out of it before they are
deactivated, and the last of a role a tier pages (`all:nurse`) keeps it, so that the clinic's
export stays a file the import accepts.

An invite or a reset gives a temporary password and sets `must_change_password`: the pages
open nothing but the change until they choose their own (`password_problems`,
`change_own_password`), which ends their other sessions.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Staff
from vigil.core.staff_sessions import revoke_all
from vigil.core.text import clean
from vigil.escalation.cases import release_held

ROLES: Final = ("nurse", "physician", "admin")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")  # as the clinic file's
TEMPORARY_PASSWORD_BYTES: Final = 12  # 16 characters of base64: typed once, then changed


class StaffError(Exception):
    """The change cannot be made; the message says why, for the person who asked."""

    status = 422


class NotAllowed(StaffError):
    status = 403


class NotFound(StaffError):
    status = 404


def _admin(me: Staff) -> None:
    if me.role != "admin" or not me.active:
        raise NotAllowed("only a clinic admin can change the staff")


async def list_staff(session: AsyncSession, clinic_id: int) -> list[Staff]:
    """The clinic's staff, active first, then by name."""
    return list(
        await session.scalars(
            select(Staff)
            .where(Staff.clinic_id == clinic_id)
            .order_by(Staff.active.desc(), Staff.name, Staff.id)
        )
    )


async def member(session: AsyncSession, me: Staff, staff_id: int) -> Staff:
    """A staff member of the admin's clinic; NotFound for any other (never say whose it is)."""
    _admin(me)
    found = await session.get(Staff, staff_id)
    if found is None or found.clinic_id != me.clinic_id:
        raise NotFound("no such staff member")
    return found


async def _admins(session: AsyncSession, clinic_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Staff)
        .where(Staff.clinic_id == clinic_id, Staff.role == "admin", Staff.active.is_(True))
    )
    return int(count or 0)


def temporary_password() -> str:
    return secrets.token_urlsafe(TEMPORARY_PASSWORD_BYTES)


async def invite(
    session: AsyncSession,
    me: Staff,
    email: str,
    name: str,
    role: str,
    hasher: Callable[[str], str],
    now: datetime,
    channel: str,
) -> tuple[Staff, str]:
    """A new staff member (or one who left, back again) with a temporary password to hand
    them; they sign in with it and link Telegram from their invite. Audited."""
    _admin(me)
    email = clean(email).strip().lower()
    name = " ".join(clean(name).split())
    problems = []
    if not EMAIL.match(email) or len(email) > 254:
        problems.append("email: give an address like name@clinic.example")
    if not name or len(name) > 200:
        problems.append("name: give the name colleagues and patients will read (at most 200 characters)")
    if role not in ROLES:
        problems.append(f"role: one of {', '.join(ROLES)}")
    if problems:
        raise StaffError("; ".join(problems))
    existing = await session.scalar(select(Staff).where(Staff.email == email))
    if existing is not None and existing.clinic_id != me.clinic_id:
        raise StaffError("email: that address is already used by another Vigil account")
    if existing is not None and existing.active:
        raise StaffError(f"email: {email} is already on the staff")
    password = temporary_password()
    if existing is None:
        staff = Staff(clinic_id=me.clinic_id, email=email, name=name, role=role, active=True)
        session.add(staff)
        action = "staff_invited"
    else:  # left, and back: their history stays theirs
        staff = existing
        staff.name, staff.role, staff.active = name, role, True
        action = "staff_reactivated"
    staff.password_hash = hasher(password)
    staff.must_change_password = True  # theirs to choose at the first sign-in
    await session.flush()
    staff_did(
        session, me, action, "staff", staff.id, at=now, channel=channel, email=email, name=name, role=role
    )
    return staff, password


async def change_role(
    session: AsyncSession, me: Staff, staff_id: int, role: str, now: datetime, channel: str
) -> Staff:
    staff = await member(session, me, staff_id)
    if role not in ROLES:
        raise StaffError(f"role: one of {', '.join(ROLES)}")
    if staff.role == role:
        return staff
    if staff.role == "admin" and staff.active and await _admins(session, me.clinic_id) <= 1:
        raise StaffError(f"{staff.name} is the clinic's last admin: make someone else an admin first")
    paged = await _last_of_a_paged_role(session, staff)
    if paged:
        raise StaffError(f"{staff.name} is the last {staff.role}, and {paged} pages every {staff.role}")
    was, staff.role = staff.role, role
    staff_did(
        session,
        me,
        "staff_role",
        "staff",
        staff.id,
        at=now,
        channel=channel,
        email=staff.email,
        role=[was, role],
    )
    return staff


async def _last_of_a_paged_role(session: AsyncSession, staff: Staff) -> str | None:
    """The tier that pages everyone of this person's role, when they are the last active one
    of it (the tier would page nobody, and the clinic file would be refused)."""
    clinic = await session.get(Clinic, staff.clinic_id)
    tiers = [
        f"{level} tier {i + 1}"
        for level, listed in ((clinic.oncall if clinic else {}).get("escalation") or {}).items()
        for i, tier in enumerate(listed)
        if str(tier.get("notify", "")) == f"all:{staff.role}"
    ]
    if not tiers or not staff.active:
        return None
    others = await session.scalar(
        select(func.count())
        .select_from(Staff)
        .where(
            Staff.clinic_id == staff.clinic_id,
            Staff.role == staff.role,
            Staff.active.is_(True),
            Staff.id != staff.id,
        )
    )
    return None if others else ", ".join(tiers)


def _named_in_oncall(clinic: Clinic, email: str) -> list[str]:
    oncall = clinic.oncall or {}
    where = [
        f"rotation {r.get('key')}"
        for r in oncall.get("rotations") or ()
        if email in [str(m).lower() for m in r.get("members") or ()]
    ]
    for level, tiers in (oncall.get("escalation") or {}).items():
        where += [
            f"{level} tier {i + 1}"
            for i, tier in enumerate(tiers)
            if str(tier.get("notify", "")).lower() == f"staff:{email}"
        ]
    return where


async def deactivate(
    session: AsyncSession, me: Staff, staff_id: int, now: datetime, channel: str
) -> list[int]:
    """No sign-in, no tokens, no pages; the cases they held go back to the queue and page
    again; their history stays. Returns the released cases' ids."""
    staff = await member(session, me, staff_id)
    if staff.id == me.id:
        raise StaffError("you cannot deactivate yourself: ask another admin")
    if not staff.active:
        raise StaffError(f"{staff.name} is already deactivated")
    if staff.role == "admin" and await _admins(session, me.clinic_id) <= 1:
        raise StaffError(f"{staff.name} is the clinic's last admin")
    clinic = await session.get(Clinic, me.clinic_id)
    named = _named_in_oncall(clinic, staff.email) if clinic is not None else []
    if named:
        raise StaffError(
            f"{staff.name} is on call in {', '.join(named)}: take them out of the on-call configuration first"
        )
    paged = await _last_of_a_paged_role(session, staff)
    if paged:
        raise StaffError(f"{staff.name} is the last {staff.role}, and {paged} pages every {staff.role}")
    staff.active = False
    await revoke_all(session, staff.id, now)
    released = await release_held(session, staff, now, "deactivated by an admin")
    staff_did(
        session,
        me,
        "staff_deactivated",
        "staff",
        staff.id,
        at=now,
        channel=channel,
        email=staff.email,
        active=[True, False],
        released_cases=released,
    )
    return released


async def reset_password(
    session: AsyncSession, me: Staff, staff_id: int, hasher: Callable[[str], str], now: datetime, channel: str
) -> tuple[Staff, str]:
    """A new temporary password, shown once to the admin; every session of theirs ends."""
    staff = await member(session, me, staff_id)
    if not staff.active:
        raise StaffError(f"{staff.name} is deactivated: invite them again instead")
    password = temporary_password()
    staff.password_hash = hasher(password)
    staff.must_change_password = True  # the admin has seen it: they choose their own next
    await revoke_all(session, staff.id, now)  # an old session may be why it changed
    staff_did(
        session, me, "staff_password_reset", "staff", staff.id, at=now, channel=channel, email=staff.email
    )
    return staff, password


MIN_PASSWORD: Final = 10  # as `vigil staff password`
MAX_PASSWORD: Final = 1024


def password_problems(current: str, new: str, again: str, current_matches: bool) -> dict[str, str]:
    """Why this change of one's own password is refused, field by field; empty when it is not."""
    problems: dict[str, str] = {}
    if not current_matches:
        problems["current"] = "that is not your present password"
    if len(new) < MIN_PASSWORD:
        problems["new"] = f"at least {MIN_PASSWORD} characters (a few words are easy to remember)"
    elif len(new) > MAX_PASSWORD:
        problems["new"] = f"at most {MAX_PASSWORD} characters"
    elif current_matches and new == current:
        problems["new"] = "choose a password other than the one you were given"
    if "new" not in problems and again != new:
        problems["again"] = "the two new passwords differ"
    return problems


async def change_own_password(
    session: AsyncSession,
    staff_id: int,
    new: str,
    hasher: Callable[[str], str],
    now: datetime,
    channel: str,
    keep_session: str | None = None,
) -> Staff:
    """A staff member's own new password (checked by `password_problems` first): the flag a
    temporary password set is cleared, and every other session of theirs ends. Audited."""
    staff = await session.get(Staff, staff_id)
    if staff is None or not staff.active:
        raise NotFound("no such staff member")
    was_temporary = staff.must_change_password
    staff.password_hash = hasher(new)
    staff.must_change_password = False
    await revoke_all(session, staff.id, now, keep=keep_session)
    staff_did(
        session,
        staff,
        "password_changed",
        "staff",
        staff.id,
        at=now,
        channel=channel,
        email=staff.email,
        was_temporary=was_temporary,
    )
    return staff
