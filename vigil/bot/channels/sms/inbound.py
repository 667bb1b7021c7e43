"""Texts that are not from a patient: a nurse answering a page with a short code
("12a" acknowledges case 12, "12c" claims it), or a number we do not know."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import OutboundMessage, Staff, to_staff
from vigil.escalation.cases import CaseError
from vigil.escalation.models import Case

from ...inbox import first_time
from ...strangers import tell_stranger

if TYPE_CHECKING:
    from vigil.usecases.service import Service

SHORT_CODE = re.compile(r"^\s*#?\s*(\d{1,9})\s*([ac])\s*[.!]?\s*$", re.IGNORECASE)  # 32-bit ids
STRANGER = (
    "This number sends check-ins for a clinic's patients and does not know yours. Please "
    "contact your clinic directly. In an emergency call your local emergency number."
)
HOW = "To answer a page, reply with its case number and a to acknowledge or c to claim, e.g. 12a."


async def from_staff(service: Service, staff: Staff, sid: str, body: str) -> None:
    """Act on a short code from a staff member's phone and answer them; a repeat is a no-op."""
    now = service.clock.now()
    found = SHORT_CODE.match(body)
    reply = HOW
    if found is not None:
        case_id = int(found.group(1))
        action = "acknowledge" if found.group(2).lower() == "a" else "claim"
        async with service.db.session() as session:
            case = await session.scalar(
                select(Case.id).where(Case.id == case_id, Case.clinic_id == staff.clinic_id)
            )
        if case is None:
            reply = f"There is no case #{case_id} in your clinic."
        else:
            try:
                # The receipt commits with the action, so a redelivered text acts once.
                if not await service.act(staff, case_id, action, "sms", receipt=("sms", sid)):
                    return
            except CaseError as exc:
                reply = f"Case #{case_id}: {exc}"
            else:
                await _answer(
                    service,
                    staff,
                    f"Case #{case_id} {'acknowledged' if action == 'acknowledge' else 'claimed'}.",
                    now,
                )
                return
    async with service.db.transaction() as session:
        if not await first_time(session, "sms", sid, now):
            return
        await _say(session, staff, reply, now)
    service.dispatcher.wake()


async def _answer(service: Service, staff: Staff, text: str, now: datetime) -> None:
    async with service.db.transaction() as session:
        await _say(session, staff, text, now)
    service.dispatcher.wake()


async def _say(session: AsyncSession, staff: Staff, text: str, now: datetime) -> None:
    await session.execute(
        insert(OutboundMessage).values(
            to_staff(staff, ("sms", staff.phone or ""), kind="info", text=text[:300], now=now, priority=0)
        )
    )


async def from_stranger(service: Service, number: str, sid: str) -> None:
    now = service.clock.now()
    async with service.db.transaction() as session:
        if await first_time(session, "sms", sid, now):
            await tell_stranger(session, "sms", number, now, STRANGER)
    service.dispatcher.wake()


async def staff_by_phone(service: Service, number: str) -> Staff | None:
    async with service.db.session() as session:
        return await session.scalar(
            select(Staff).where(Staff.phone == number, Staff.active.is_(True)).order_by(Staff.id).limit(1)
        )
