"""Staff management by a clinic admin: invite, change role, deactivate, reset a password.

The rules live here and raise `StaffError`s (403 not an admin, 404 not of this clinic, 422
otherwise) that the API and the pages translate. Every change is audited with what changed.
Two rules keep a clinic runnable: an admin cannot deactivate themselves, and the last active
admin can be neither deactivated nor given another role. Someone the on-call configuration
names (a rotation's member, a tier's `staff:` target) is taken out of it before they are
deactivated, and the last of a role a tier pages (`all:nurse`) keeps it, so that the clinic's
export stays a file the import accepts.

How a page reaches them (`phone`, `notify_by`, `telegram_chat_id`) is read as the clinic
file reads a staff member's (its `StaffIn`, the number by `core/phones.py` in the clinic's
region) and stored as `vigil import` stores it, on an invite or a change (`change`), so the
export of a clinic built on the pages imports as it is. Telegram is otherwise linked by the
single-use link of `vigil staff invite` (the staff page's "Telegram link").

An invite or a reset gives a temporary password and sets `must_change_password`: the pages
open nothing but the change until they choose their own (`password_problems`,
`change_own_password`), which ends their other sessions.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core import phones
from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Staff
from vigil.core.staff_sessions import revoke_all
from vigil.core.text import clean
from vigil.escalation.cases import release_held

from .file import StaffIn
from .file import problems as file_problems

ROLES: Final = ("nurse", "physician", "admin")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")  # as the clinic file's
TEMPORARY_PASSWORD_BYTES: Final = 12  # 16 characters of base64: typed once, then changed


class StaffError(Exception):
    """The change cannot be made; the message says why, for the person who asked. A refusal
    of fields also names each, `problems` as (field, reason)."""

    status = 422

    def __init__(self, message: str, problems: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def _refused(problems: list[tuple[str, str]]) -> StaffError:
    return StaffError("; ".join(f"{k}: {v}" for k, v in problems), problems)


CONTACT: Final = ("phone", "notify_by", "telegram_chat_id")  # how a page reaches them
NOTIFY_BY: Final = ("sms", "telegram")  # as the clinic file allows


def _blank(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def read_contact(
    values: Mapping[str, Any], region: str | None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """`phone`, `notify_by` and `telegram_chat_id` as the clinic file's `StaffIn` reads them
    (blank: none): the values to store, or the problems as (field, reason) in its words."""
    given = {k: _blank(values.get(k)) for k in CONTACT}
    if isinstance(given["telegram_chat_id"], bool):
        return {}, [
            ("telegram_chat_id", f"{given['telegram_chat_id']!r} is not a Telegram chat id (a number)")
        ]
    # Only the contact is read here: the email, name and role are the invite's own to check.
    probe = {"email": "someone@clinic.example", "name": "someone", "role": "nurse"}
    try:
        read = StaffIn.model_validate(
            {**probe, **{k: v for k, v in given.items() if v is not None}}, context={"region": region}
        )
    except ValidationError as exc:
        found: list[tuple[str, str]] = []
        for loc, why in file_problems(exc):
            field = str(loc[0]) if loc else "notify_by"  # "notify_by sms needs a phone"
            if field in CONTACT and all(f != field for f, _ in found):
                found.append((field, why))
        return {}, found
    return {k: getattr(read, k) for k in CONTACT}, []


async def _region(session: AsyncSession, clinic_id: int) -> str | None:
    clinic = await session.get(Clinic, clinic_id)
    return phones.region_of_zone(clinic.timezone) if clinic is not None else None


def _name(name: str) -> str:
    return " ".join(clean(name).split())


NAME_PROBLEM: Final = "give the name colleagues and patients will read (at most 200 characters)"


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
    contact: Mapping[str, Any] | None = None,
) -> tuple[Staff, str]:
    """A new staff member (or one who left, back again) with a temporary password to hand
    them; they sign in with it and link Telegram from their invite. `contact` (phone,
    notify_by, telegram_chat_id) is how pages reach them, read as the clinic file reads it;
    someone back again keeps what it leaves blank. Audited."""
    _admin(me)
    email = clean(email).strip().lower()
    name = _name(name)
    problems: list[tuple[str, str]] = []
    if not EMAIL.match(email) or len(email) > 254:
        problems.append(("email", "give an address like name@clinic.example"))
    if not name or len(name) > 200:
        problems.append(("name", NAME_PROBLEM))
    if role not in ROLES:
        problems.append(("role", f"one of {', '.join(ROLES)}"))
    existing = await session.scalar(select(Staff).where(Staff.email == email)) if not problems else None
    kept = {k: getattr(existing, k) for k in CONTACT} if existing is not None else {}
    given = {k: v for k, v in (contact or {}).items() if k in CONTACT and _blank(v) is not None}
    values, wrong = read_contact({**kept, **given}, await _region(session, me.clinic_id))
    problems += wrong
    if problems:
        raise _refused(problems)
    if existing is not None and existing.clinic_id != me.clinic_id:
        raise _refused([("email", "that address is already used by another Vigil account")])
    if existing is not None and existing.active:
        raise _refused([("email", f"{email} is already on the staff")])
    password = temporary_password()
    if existing is None:
        staff = Staff(clinic_id=me.clinic_id, email=email, name=name, role=role, active=True)
        session.add(staff)
        action = "staff_invited"
    else:  # left, and back: their history stays theirs
        staff = existing
        staff.name, staff.role, staff.active = name, role, True
        action = "staff_reactivated"
    for key, value in values.items():
        setattr(staff, key, value)
    staff.password_hash = hasher(password)
    staff.must_change_password = True  # theirs to choose at the first sign-in
    await session.flush()
    staff_did(
        session,
        me,
        action,
        "staff",
        staff.id,
        at=now,
        channel=channel,
        email=email,
        name=name,
        role=role,
        **{k: v for k, v in values.items() if v is not None},
    )
    return staff, password


async def change(
    session: AsyncSession, me: Staff, staff_id: int, given: Mapping[str, Any], now: datetime, channel: str
) -> tuple[Staff, dict[str, list[Any]]]:
    """A staff member's name and how pages reach them (`phone`, `notify_by`,
    `telegram_chat_id`), the fields `given` names changed (blank or None: none), each read as
    the clinic file reads it and stored as the import stores it. Audited as `staff_changed`
    with each change `[was, now]`; returns what changed."""
    staff = await member(session, me, staff_id)
    if not staff.active:
        raise StaffError(f"{staff.name} is deactivated: invite them again instead")
    problems: list[tuple[str, str]] = []
    name = staff.name
    if "name" in given:
        name = _name(str(given.get("name") or ""))
        if not name or len(name) > 200:
            problems.append(("name", NAME_PROBLEM))
    merged = {k: given[k] if k in given else getattr(staff, k) for k in CONTACT}
    values, wrong = read_contact(merged, await _region(session, me.clinic_id))
    problems += wrong
    if problems:
        raise _refused(problems)
    changed: dict[str, list[Any]] = {}
    for key, value in {"name": name, **values}.items():
        was = getattr(staff, key)
        if was != value:
            changed[key] = [was, value]
            setattr(staff, key, value)
    if changed:
        staff_did(
            session,
            me,
            "staff_changed",
            "staff",
            staff.id,
            at=now,
            channel=channel,
            email=staff.email,
            **changed,
        )
    return staff, changed


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
