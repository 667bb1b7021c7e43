"""The simulator's staff side: each staff member's pager, so an escalation can be watched
and answered in the demo with no Telegram or Twilio account.

A page written to the outbox for a nurse (kind "page") shows here whatever its channel,
with how far it got (a Telegram page waits for ever where Telegram is not set up). Its
Acknowledge and Claim buttons, and an SMS short code typed as the nurse ("12a", "12c"), go
through the use case the Telegram buttons and SMS codes use (`Service.act`), as that nurse,
on the channel "simulator"; who really pressed is audited too. Only while the simulator is on.

Registered before web/pages.py's router, whose `/simulator/{external_id}` would otherwise
take `/simulator/staff` for a patient's id.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import func, select

from vigil.assembly import Runtime
from vigil.core.audit import staff_did
from vigil.core.models import Clinic, OutboundMessage, Staff
from vigil.escalation.cases import CaseError
from vigil.escalation.models import Case
from vigil.escalation.paging import HOW, SHORT_CODE, contact

from .. import views
from ..deps import RowId, RuntimeDep, check_csrf
from .common import PageStaff, _csrf, _need, _render, templates

router = APIRouter()
SHOWN = 50  # the newest messages a pager shows
_NAMED_CASE = re.compile(r"case #(\d{1,9})\b", re.IGNORECASE)
_BUTTON = re.compile(r"^case:(\d{1,9}):(ack|claim)$")
ACTIONS = {"acknowledge": "Acknowledged", "claim": "Claimed"}


def _simulator_on(rt: Runtime) -> None:
    if not rt.settings.simulator:
        raise HTTPException(404, "the simulator channel is off")


async def _colleague(rt: Runtime, me: Staff, staff_id: int) -> Staff:
    """An active staff member of this clinic; 404 for anyone else (never say whose they are)."""
    async with rt.db.session() as session:
        found = await session.get(Staff, staff_id)
    if found is None or found.clinic_id != me.clinic_id or not found.active:
        raise HTTPException(404, "no such staff member")
    return found


def case_of(row: OutboundMessage) -> int | None:
    """The case a page is about: its buttons say so, else its text ("case #12")."""
    for line in row.buttons or ():
        for _, data in line:
            found = _BUTTON.match(data)
            if found is not None:
                return int(found.group(1))
    named = _NAMED_CASE.search(row.text or "")
    return int(named.group(1)) if named is not None else None


def _how_paged(staff: Staff, configured: set[str]) -> str:
    where = contact(staff)
    if where is None:
        return "cannot be paged: no Telegram chat or phone"
    channel, address = where
    label = {"telegram": "Telegram", "sms": "SMS"}.get(channel, channel)
    note = "" if channel in configured else f" ({label} is not set up here: pages wait, and show only here)"
    return f"paged by {label} at {address}{note}"


async def _pages(rt: Runtime, me: Staff, staff: Staff) -> list[dict[str, Any]]:
    async with rt.db.session() as session:
        rows = list(
            await session.scalars(
                select(OutboundMessage)
                .where(
                    OutboundMessage.staff_id == staff.id,
                    OutboundMessage.clinic_id == me.clinic_id,
                    # Addressed to them: a nurse's reply to a patient carries the nurse's id
                    # too, but it is no page (and names the patient).
                    OutboundMessage.patient_id.is_(None),
                    OutboundMessage.carer_id.is_(None),
                )
                .order_by(OutboundMessage.created_at.desc(), OutboundMessage.id.desc())
                .limit(SHOWN)
            )
        )
        ids = {i for i in (case_of(r) for r in rows) if i is not None}
        cases = {
            c.id: c
            for c in await session.scalars(
                select(Case).where(Case.id.in_(ids), Case.clinic_id == me.clinic_id)
            )
        }
        holders = await views._emails(
            session, {i for c in cases.values() for i in (c.claimed_by_id, c.acknowledged_by_id) if i}
        )
    out = []
    newest: dict[int, OutboundMessage] = {}  # per case, its latest page (rows come newest first)
    for row in rows:
        case_id = case_of(row)
        # A case raised while its page waited is paged again: the older page is superseded,
        # not a second thing to acknowledge (either would acknowledge the case).
        later = newest.get(case_id) if case_id is not None and row.kind == "page" else None
        if case_id is not None and row.kind == "page" and later is None:
            newest[case_id] = row
        case = cases.get(case_id) if case_id is not None else None
        now: str | None = None
        if case is not None:
            if case.status == "resolved":
                now = "resolved"
            elif case.claimed_by_id in holders:
                now = f"claimed by {holders[case.claimed_by_id].name}"
            elif case.status == "acknowledged" and case.acknowledged_by_id in holders:
                now = f"acknowledged by {holders[case.acknowledged_by_id].name}"
            else:
                now = "waiting for a nurse"
        out.append(
            {
                "id": row.id,
                "kind": row.kind,
                "channel": row.channel,
                "status": row.status,
                "text": row.text,
                "at": views.iso(row.created_at),
                "case_id": case.id if case is not None else None,
                "case_level": case.level if case is not None else None,
                "case_now": now,
                "open": case is not None and case.status != "resolved",
                "superseded_at": views.iso(later.created_at) if later is not None else None,
            }
        )
    return out


@router.get("/simulator/staff", response_class=HTMLResponse)
async def pagers(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    """Every active staff member of the clinic, each with a pager to open."""
    me = _need(staff)
    _simulator_on(rt)
    async with rt.db.session() as session:
        people = list(
            await session.scalars(
                select(Staff)
                .where(Staff.clinic_id == me.clinic_id, Staff.active.is_(True))
                .order_by(Staff.name, Staff.id)
            )
        )
        counts = dict(
            (
                await session.execute(
                    select(OutboundMessage.staff_id, func.count())
                    .where(OutboundMessage.clinic_id == me.clinic_id, OutboundMessage.kind == "page")
                    .group_by(OutboundMessage.staff_id)
                )
            ).all()
        )
    configured = set(rt.service.channels)
    listed = [
        {
            "id": s.id,
            "name": s.name,
            "role": s.role,
            "how": _how_paged(s, configured),
            "pages": counts.get(s.id, 0),
        }
        for s in people
    ]
    return await _render(request, rt, "pagers.html", me, people=listed)


@router.get("/simulator/staff/{staff_id}", response_class=HTMLResponse)
async def pager(staff_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    _simulator_on(rt)
    owner = await _colleague(rt, me, staff_id)
    return await _render(
        request,
        rt,
        "pager.html",
        me,
        owner=owner,
        how=_how_paged(owner, set(rt.service.channels)),
        pages=await _pages(rt, me, owner),
    )


@router.get("/simulator/staff/{staff_id}/pages", response_class=HTMLResponse)
async def pager_pages(staff_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    """The pager's messages, for the page to swap in place when the clinic's cases change."""
    me = _need(staff)
    _simulator_on(rt)
    owner = await _colleague(rt, me, staff_id)
    return templates.TemplateResponse(
        request,
        "_pager_pages.html",
        {
            "owner": owner,
            "pages": await _pages(rt, me, owner),
            "csrf": _csrf(request),
            "tz": await _clinic_tz(rt, me),
        },
    )


async def _clinic_tz(rt: Runtime, me: Staff) -> str:
    async with rt.db.session() as session:
        found = await session.scalar(select(Clinic.timezone).where(Clinic.id == me.clinic_id))
    return found or "UTC"


async def _press(rt: Runtime, me: Staff, owner: Staff, case_id: int, action: str) -> str:
    """Act as the pager's owner through the same use case as a Telegram button; the answer."""
    try:
        await rt.service.act(owner, case_id, action, "simulator")
    except CaseError as exc:
        if exc.status == 404:
            return f"There is no case #{case_id} in your clinic."
        return f"Case #{case_id}: {exc}"
    async with rt.db.transaction() as session:
        staff_did(
            session,
            me,
            "simulated_page_answer",
            "case",
            case_id,
            at=rt.clock.now(),
            channel="simulator",
            as_staff=owner.email,
            answered=action,
        )
    return f"Case #{case_id} {ACTIONS[action].lower()}."


@router.post("/simulator/staff/{staff_id}/cases/{case_id}/{action}")
async def press(
    staff_id: RowId,
    case_id: RowId,
    action: str,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
) -> RedirectResponse:
    """A button under a page, as Telegram shows them: Acknowledge or Claim."""
    me = _need(staff)
    check_csrf(request, csrf)
    _simulator_on(rt)
    if action not in ACTIONS:
        raise HTTPException(404, "no such action")
    owner = await _colleague(rt, me, staff_id)
    async with rt.db.session() as session:
        clinic = await session.scalar(select(Case.clinic_id).where(Case.id == case_id))
    if clinic != me.clinic_id:
        raise HTTPException(404, "no such case")  # a button names a case: another clinic's is not ours
    answer = await _press(rt, me, owner, case_id, action)
    request.session["flash"] = (answer, "ok" if answer.endswith(("acknowledged.", "claimed.")) else "error")
    return RedirectResponse(f"/simulator/staff/{owner.id}", status_code=303)


@router.post("/simulator/staff/{staff_id}/sms")
async def short_code(
    staff_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    text: Annotated[str, Form(max_length=160)] = "",
) -> RedirectResponse:
    """A text back from the pager, read as an SMS short code ("12a" acknowledges, "12c" claims)."""
    me = _need(staff)
    check_csrf(request, csrf)
    _simulator_on(rt)
    owner = await _colleague(rt, me, staff_id)
    found = SHORT_CODE.match(text)
    if found is None:
        request.session["flash"] = (HOW, "error")
    else:
        action = "acknowledge" if found.group(2).lower() == "a" else "claim"
        answer = await _press(rt, me, owner, int(found.group(1)), action)
        request.session["flash"] = (
            answer,
            "ok" if answer.endswith(("acknowledged.", "claimed.")) else "error",
        )
    return RedirectResponse(f"/simulator/staff/{owner.id}", status_code=303)
