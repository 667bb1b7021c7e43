"""Escalation: page whoever is on call for the case's level, then up the chain until someone
acknowledges. A database state machine: each case carries its frozen policy, the next tier
and when to page it; a short tick claims due cases (SKIP LOCKED on PostgreSQL) and writes
the pages to the outbox, with an event for each, in one transaction."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from prometheus_client import Counter
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from vigil.core.models import Clinic, OutboundMessage, Staff, to_staff

from .cases import event
from .models import LEVEL_RANK, Case, CaseEvent, OncallOverride
from .oncall import Oncall, Override, Tier, on_call

log = logging.getLogger("vigil.escalation")

PAGES = Counter("vigil_pages_total", "Pages written, by channel", ["channel"])
ESCALATED = Counter("vigil_cases_escalated_total", "Cases paged past their first tier, by level", ["level"])
GAPS = Counter("vigil_oncall_gaps_total", "Escalation tiers skipped because nobody was reachable", ["level"])
PRIORITY_PAGE = 0
RETRY_EMPTY = timedelta(minutes=5)  # when no tier has anyone reachable, look again soon
# Paging events later than this past a pass's own clock came from a clock that was ahead
# (a sweep run "as if tomorrow"); within it, two servers' clocks merely differ a little.
CLOCK_SKEW = timedelta(minutes=1)
_PAGING_EVENTS = ("paged", "tier_skipped")
REWOUND = "schedule_rewound"
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds(duration: str) -> int:
    """A tier's or the reminder's duration ('5m') in seconds. A bare number is seconds, as the
    clinic file reads it (scheduler/schedule.py's `parse_duration`): `ack_within: 300` is
    stored as '300', which once read as 30 of a unit '0' and failed the paging sweep."""
    value = duration.strip()
    if value.isascii() and value.isdigit():
        return int(value)
    return int(value[:-1].strip()) * _UNITS[value[-1]]


def policy_for(clinic: Clinic, level: str) -> list[dict[str, Any]]:
    """The level's tiers, as JSON to freeze onto a case (read back with `tiers`)."""
    escalation = (clinic.oncall or {}).get("escalation") or {}
    return [dict(t) for t in escalation.get(level) or []]


def tiers(case: Case) -> list[Tier]:
    """The escalation policy frozen onto the case, typed."""
    return [Tier.of(t) for t in case.policy or ()]


def contact(staff: Staff) -> tuple[str, str] | None:
    """The channel and address a page reaches this staff member at, if any."""
    prefer = [staff.notify_by] if staff.notify_by else ["telegram", "sms"]
    for channel in prefer:
        if channel == "telegram" and staff.telegram_chat_id:
            return "telegram", str(staff.telegram_chat_id)
        if channel == "sms" and staff.phone:
            return "sms", staff.phone
    return None


async def start(
    session: AsyncSession,
    case_id: int,
    level: str,
    clinic: Clinic,
    now: datetime,
    public_url: str | None = None,
) -> int:
    """Freeze the level's policy onto the case and page its first tier now (routine never pages).

    With `public_url` the first tier is paged in this same transaction, so the flag and its
    page commit together; without it the next escalation pass pages it. Returns pages written.
    """
    case = await session.get(
        Case, case_id, with_for_update=session.bind is not None and session.bind.dialect.name == "postgresql"
    )
    if case is None:
        return 0
    policy = policy_for(clinic, level) if LEVEL_RANK[level] >= LEVEL_RANK["urgent"] else []
    if case.status == "acknowledged" and case.policy:
        # A rise while someone holds the case: the chain starts again under the new level.
        case.status, case.acknowledged_at, case.acknowledged_by_id = "open", None, None
        event(session, case, "escalation_restarted", now, "system", "system", level=level)
    case.policy, case.tier, case.escalated = policy, 0, False
    case.next_escalation_at = now if policy else None
    if not policy or public_url is None:
        return 0
    return (await _page(session, case, clinic, now, public_url, {})).pages


async def _overrides(session: AsyncSession, clinic_id: int, now: datetime) -> list[Override]:
    rows = await session.execute(
        select(OncallOverride, Staff.email)
        .join(Staff, Staff.id == OncallOverride.staff_id)
        .where(OncallOverride.clinic_id == clinic_id, OncallOverride.ends_at > now)
        .order_by(OncallOverride.created_at, OncallOverride.id)
    )
    return [Override(o.rotation_key, email, o.starts_at, o.ends_at) for o, email in rows.all()]


async def recipients(session: AsyncSession, clinic: Clinic, target: str, now: datetime) -> list[Staff]:
    kind, _, name = target.partition(":")
    if kind == "rotation":
        rotation = Oncall.of(clinic.oncall).rotation(name)
        if rotation is None:
            return []
        shift = on_call(rotation, clinic.timezone, now, await _overrides(session, clinic.id, now))
        if shift is None:
            return []
        staff = await session.scalar(
            select(Staff).where(
                Staff.email == shift.email, Staff.active.is_(True), Staff.clinic_id == clinic.id
            )
        )
        return [staff] if staff else []
    if kind == "staff":
        staff = await session.scalar(
            select(Staff).where(
                Staff.email == name.lower(), Staff.active.is_(True), Staff.clinic_id == clinic.id
            )
        )
        return [staff] if staff else []
    if kind == "all":
        return list(
            await session.scalars(
                select(Staff)
                .where(Staff.clinic_id == clinic.id, Staff.role == name, Staff.active.is_(True))
                .order_by(Staff.id)
            )
        )
    return []


async def _reachable(
    session: AsyncSession,
    clinic: Clinic,
    target: str,
    now: datetime,
    found: dict[tuple[int, str], list[Staff]],
) -> list[tuple[Staff, tuple[str, str]]]:
    """Who a tier's target names now, with where a page reaches each (`found` caches lookups)."""
    if (clinic.id, target) not in found:
        found[(clinic.id, target)] = await recipients(session, clinic, target, now)
    return [(staff, where) for staff in found[(clinic.id, target)] if (where := contact(staff)) is not None]


async def reachable(session: AsyncSession, clinic: Clinic, level: str, now: datetime) -> bool:
    """Whether a case at this level would page someone now: a tier of its chain has a member
    with a phone or a chat on record (a chain of nobody reachable only warns the admins)."""
    found: dict[tuple[int, str], list[Staff]] = {}
    for tier in policy_for(clinic, level):
        if await _reachable(session, clinic, str(tier.get("notify") or ""), now, found):
            return True
    return False


@dataclass
class Paged:
    case_id: int
    clinic_id: int
    pages: int
    skipped: int


# How a nurse answers an SMS page from the phone: "12a" acknowledges case 12, "12c" claims it.
# The SMS channel reads them, and so does the simulator's pager; page_text tells them.
SHORT_CODE = re.compile(r"^\s*#?\s*(\d{1,9})\s*([ac])\s*[.!]?\s*$", re.IGNORECASE)  # 32-bit ids
HOW = "To answer a page, reply with its case number and a to acknowledge or c to claim, e.g. 12a."


def page_text(case: Case, public_url: str, channel: str = "telegram", *, asked: bool | None = None) -> str:
    """A case number, a level and a link: never the patient's name or words. `asked`: the page
    is for the patient's request for a nurse. Unsaid, a case below urgent that has a chain at
    all is one an urgent request froze the urgent chain onto (requests.py): every tier it
    climbs says what the first said."""
    if asked is None:
        asked = LEVEL_RANK[case.level] < LEVEL_RANK["urgent"]
    what = (
        f"the patient of {case.level.upper()} case #{case.id} asks for a nurse"
        if asked
        else f"{case.level.upper()} case #{case.id} needs a nurse"
    )
    if channel == "sms":  # a short code answers it from the phone: "12a" acknowledges, "12c" claims
        return (
            f"Vigil: {what}. Reply {case.id}a to acknowledge, {case.id}c to claim. "
            f"{public_url}/cases/{case.id}"
        )
    return f"Vigil: {what}. Open {public_url}/cases/{case.id} to acknowledge."


def page_buttons(case: Case, channel: str) -> list[list[list[str]]] | None:
    if channel != "telegram":
        return None
    return [[["Acknowledge", f"case:{case.id}:ack"], ["Claim", f"case:{case.id}:claim"]]]


async def escalate_due(
    session: AsyncSession, now: datetime, *, postgres: bool, public_url: str, batch: int = 500
) -> list[Paged]:
    """Page every case whose next escalation is due; the caller commits."""
    q = (
        select(Case, Clinic)
        .join(Clinic, Clinic.id == Case.clinic_id)
        .where(Case.status == "open", Case.next_escalation_at <= now)
        .order_by(Case.next_escalation_at, Case.id)
        .limit(batch)
    )
    if postgres:
        q = q.with_for_update(skip_locked=True, of=Case)
    out = []
    # One pass shares one instant, so who a target names is looked up once per pass.
    found: dict[tuple[int, str], list[Staff]] = {}
    for case, clinic in (await session.execute(q)).all():
        out.append(await _page(session, case, clinic, now, public_url, found))
    for case, clinic in await _ahead(session, now, postgres=postgres):
        if await _rewind(session, case, now):
            out.append(await _page(session, case, clinic, now, public_url, found))
    return out


async def _ahead(session: AsyncSession, now: datetime, *, postgres: bool) -> list[tuple[Case, Clinic]]:
    """Open cases waiting on a time that a clock ahead of this one wrote.

    A sweep run "as if tomorrow" pages as if tomorrow: its pages wait in the outbox until
    then and the case waits for tomorrow's next tier. Nobody was really paged.
    """
    # The newest paging write decides: once rewound (that event comes last), the case is
    # paged by this clock again, though the events from ahead stay in its history.
    newest = aliased(CaseEvent)
    newest_id = (
        select(func.max(CaseEvent.id))
        .where(CaseEvent.case_id == Case.id, CaseEvent.kind.in_((*_PAGING_EVENTS, REWOUND)))
        .correlate(Case)
        .scalar_subquery()
    )
    q = (
        select(Case, Clinic)
        .join(Clinic, Clinic.id == Case.clinic_id)
        .join(newest, newest.id == newest_id)
        .where(
            Case.status == "open",
            Case.next_escalation_at > now,
            newest.kind != REWOUND,
            newest.at > now + CLOCK_SKEW,
        )
        .order_by(Case.id)
    )
    if postgres:
        q = q.with_for_update(skip_locked=True, of=Case)
    return [(case, clinic) for case, clinic in (await session.execute(q)).all()]


async def _rewind(session: AsyncSession, case: Case, now: datetime) -> bool:
    """Put a case back where its pages up to `now` left it. Returns True if a tier is due now.

    Whatever was written for a later time did not happen: the next tier is the one after the
    last real page, due by that tier's own window from when it was paged, never by the time
    the clock ahead chose. The pages it queued for later are withdrawn (they are re-sent now).
    """
    policy = tiers(case)
    if not policy:
        return False
    last = (
        await session.execute(
            select(CaseEvent.kind, CaseEvent.at, CaseEvent.detail)
            .where(
                CaseEvent.case_id == case.id,
                CaseEvent.kind.in_(_PAGING_EVENTS),
                CaseEvent.at <= now + CLOCK_SKEW,
            )
            .order_by(CaseEvent.at.desc(), CaseEvent.id.desc())
            .limit(1)
        )
    ).first()
    if last is None:  # the first page itself was written ahead
        index, due = 0, now
    else:
        kind, at, detail = last
        tier = int((detail or {}).get("tier") or 1)  # 1-based
        if kind == "tier_skipped":  # the pass moved on to the next tier at that same instant
            index, wait = tier, timedelta(0) if tier < len(policy) else RETRY_EMPTY
        else:
            spec = policy[min(tier, len(policy)) - 1]
            index = tier - 1 if spec.repeat_every else tier
            wait = timedelta(seconds=seconds(spec.wait))
        due = at + wait
    ahead_until = case.next_escalation_at
    case.tier, case.next_escalation_at = index, max(due, now)
    await session.execute(
        update(OutboundMessage)
        .where(
            OutboundMessage.kind == "page",
            OutboundMessage.status == "pending",
            OutboundMessage.clinic_id == case.clinic_id,
            OutboundMessage.next_attempt_at > now + CLOCK_SKEW,
            OutboundMessage.text.contains(f"case #{case.id} needs"),
        )
        .values(status="failed", error="written by a clock ahead of this one; paged again")
    )
    event(
        session,
        case,
        REWOUND,
        now,
        "system",
        "system",
        reason="escalation times ahead of this clock"
        + (f" (next tier was set for {ahead_until.isoformat(timespec='minutes')})" if ahead_until else ""),
        tier=index + 1,
    )
    log.warning("case %s: escalation times ahead of this clock were rewound", case.id)
    return due <= now


async def _page(
    session: AsyncSession,
    case: Case,
    clinic: Clinic,
    now: datetime,
    public_url: str,
    found: dict[tuple[int, str], list[Staff]],
) -> Paged:
    policy = tiers(case)
    result = Paged(case.id, clinic.id, 0, 0)
    if not policy:
        case.next_escalation_at = None
        return result
    index = min(case.tier, len(policy) - 1)  # past the last tier, the last tier repeats
    tried = 0
    while tried < len(policy):
        tier = policy[index]
        reachable = await _reachable(session, clinic, tier.notify, now, found)
        if not reachable:
            event(
                session,
                case,
                "tier_skipped",
                now,
                "system",
                "system",
                tier=index + 1,
                target=tier.notify,
                reason="nobody reachable",
            )
            GAPS.labels(case.level).inc()
            await _warn_admins(session, clinic, case, index + 1, tier.notify, now)
            result.skipped += 1
            tried += 1
            if index + 1 >= len(policy):
                case.tier = len(policy)
                case.next_escalation_at = now + RETRY_EMPTY
                return result
            index += 1
            continue
        for staff, (channel, address) in reachable:
            session.add(
                OutboundMessage(
                    **to_staff(
                        staff,
                        (channel, address),
                        kind="page",
                        text=page_text(case, public_url, channel),
                        now=now,
                        priority=PRIORITY_PAGE,
                        buttons=page_buttons(case, channel),
                    )
                )
            )
            event(session, case, "paged", now, "system", channel, recipient=staff.email, tier=index + 1)
            PAGES.labels(channel).inc()
            result.pages += 1
        case.pages_sent += len(reachable)
        if index > 0 and not case.escalated:
            case.escalated = True
            ESCALATED.labels(case.level).inc()
        wait = seconds(tier.wait)
        case.tier = index if tier.repeat_every else index + 1
        case.next_escalation_at = now + timedelta(seconds=wait)
        return result
    return result


async def _warn_admins(
    session: AsyncSession, clinic: Clinic, case: Case, tier: int, target: str, now: datetime
) -> None:
    log.warning(
        "on-call gap: clinic %s case %s tier %s (%s) has nobody reachable", clinic.id, case.id, tier, target
    )
    for admin in await session.scalars(
        select(Staff).where(Staff.clinic_id == clinic.id, Staff.role == "admin", Staff.active.is_(True))
    ):
        where = contact(admin)
        if where is None:
            continue
        text = f"Vigil: on-call gap. Tier {tier} ({target}) had nobody reachable for case #{case.id}."
        session.add(
            OutboundMessage(**to_staff(admin, where, kind="info", text=text, now=now, priority=PRIORITY_PAGE))
        )


async def remind_owners(session: AsyncSession, now: datetime, *, postgres: bool, public_url: str) -> int:
    """A case held but not resolved after the clinic's remind_owner_after gets one reminder."""
    q = (
        select(Case, Clinic)
        .join(Clinic, Clinic.id == Case.clinic_id)
        .where(Case.status == "acknowledged", Case.owner_reminded_at.is_(None))
        .limit(500)
    )
    if postgres:
        q = q.with_for_update(skip_locked=True, of=Case)
    count = 0
    for case, clinic in (await session.execute(q)).all():
        after = seconds(Oncall.of(clinic.oncall).remind_owner_after)
        held_since = case.claimed_at or case.acknowledged_at
        owner_id = case.claimed_by_id or case.acknowledged_by_id
        if held_since is None or owner_id is None or now < held_since + timedelta(seconds=after):
            continue
        owner = await session.get(Staff, owner_id)
        where = contact(owner) if owner else None
        case.owner_reminded_at = now
        if owner is None or where is None:
            continue
        text = f"Vigil: case #{case.id} ({case.level}) is still open with you. {public_url}/cases/{case.id}"
        session.add(
            OutboundMessage(**to_staff(owner, where, kind="page", text=text, now=now, priority=PRIORITY_PAGE))
        )
        event(session, case, "reminded", now, "system", where[0], recipient=owner.email)
        count += 1
    return count
