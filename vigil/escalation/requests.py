"""A patient asks for a nurse while their case is open: page whoever holds it, or on call.

The request is an event on the case; the page carries the case number and a link only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import Clinic, OutboundMessage, Staff, to_staff

from . import paging
from .cases import event
from .models import Case, CaseEvent, CaseReason
from .oncall import Tier


@dataclass(frozen=True, slots=True)
class Requested:
    """What the patient can truthfully be told, and how many pages went out."""

    level: str
    held_by: str | None  # the name of the nurse holding the case
    pages: int


async def asked_before(session: AsyncSession, case_id: int) -> bool:
    """Whether the patient has asked for a nurse on this case already (a request that opened
    it, or one made while it was open): only then is a request "again"."""
    requested = exists().where(CaseEvent.case_id == case_id, CaseEvent.kind == "nurse_requested")
    reason = exists().where(CaseReason.case_id == case_id, CaseReason.concept == "nurse_request")
    return bool(await session.scalar(select(requested | reason)))


async def nurse_requested(
    session: AsyncSession,
    case_id: int,
    clinic: Clinic,
    now: datetime,
    public_url: str | None,
    channel: str,
    *,
    urgent: bool = False,
    actor: str = "patient",
) -> Requested | None:
    """Record the request and page the case's holder, else the tier on call for it.

    A routine case has no paging chain: its request pages only a holder, unless the patient
    says it is urgent, when the clinic's first urgent tier is paged."""
    case = await session.get(Case, case_id)
    if case is None or case.status == "resolved":
        return None
    holder_id = case.claimed_by_id or case.acknowledged_by_id
    holder = await session.get(Staff, holder_id) if holder_id is not None else None
    targets: list[Staff] = []
    chase: list[dict[str, Any]] = []  # an urgent request on a case with no chain: the urgent one
    if holder is not None and holder.active:
        targets = [holder]
    elif public_url is not None:
        policy = case.policy or []
        if not policy and urgent:
            policy = chase = paging.policy_for(clinic, "urgent")
        if policy:
            tier = policy[max(min(case.tier, len(policy)) - 1, 0)]
            targets = await paging.recipients(session, clinic, str(tier.get("notify", "")), now)
    pages = 0
    for staff in targets:
        where = paging.contact(staff)
        if where is None or public_url is None:
            continue
        text = paging.page_text(case, public_url, where[0], asked=True)
        session.add(
            OutboundMessage(
                **to_staff(
                    staff,
                    where,
                    kind="page",
                    text=text,
                    now=now,
                    priority=paging.PRIORITY_PAGE,
                    buttons=paging.page_buttons(case, where[0]),
                )
            )
        )
        event(session, case, "paged", now, "system", where[0], recipient=staff.email, reason="nurse_request")
        pages += 1
    if chase:
        # "I need to speak to someone urgently" on a routine case: its first tier was just paged;
        # if nobody acknowledges, the tick goes on up the urgent chain, as for an urgent case.
        first = Tier.of(chase[0])
        case.policy, case.escalated = chase, False
        case.tier = (0 if first.repeat_every else 1) if pages else 0
        case.next_escalation_at = now + timedelta(seconds=paging.seconds(first.wait)) if pages else now
    event(session, case, "nurse_requested", now, actor, channel, urgent=urgent, pages=pages)
    case.updated_at = now
    held = holder.name if holder is not None and case.status == "acknowledged" else None
    return Requested(case.level, held, pages)
