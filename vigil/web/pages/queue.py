"""The live queue: a clinic's open cases, refreshed as they change."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from sqlalchemy import select

from vigil.core.audit import staff_did
from vigil.core.models import Staff

from .. import views
from ..deps import RuntimeDep
from .common import PageStaff, _need, _render, _sse, _tz, templates

router = APIRouter()


ACTIVE = ("open", "acknowledged")


@router.get("/", response_class=HTMLResponse)
async def queue(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    async with rt.db.transaction() as session:
        found = await views.list_cases(session, me.clinic_id, ACTIVE)
        oncall = await views.oncall_summary(session, me.clinic_id, rt.clock.now())
        cover = (
            await views.list_overrides(session, me.clinic_id, rt.clock.now()) if me.role == "admin" else []
        )
        # Cover is given to someone of the clinic's staff, picked from a list (never typed in).
        people = (
            list(
                await session.scalars(
                    select(Staff)
                    .where(Staff.clinic_id == me.clinic_id, Staff.active.is_(True))
                    .order_by(Staff.name, Staff.id)
                )
            )
            if me.role == "admin"
            else []
        )
        staff_did(session, me, "list", "cases", "queue", at=rt.clock.now(), channel="web", count=len(found))
    return await _render(
        request, rt, "queue.html", me, cases=found, oncall=oncall, cover=cover, people=people
    )


@router.get("/queue/rows", response_class=HTMLResponse)
async def queue_rows(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    async with rt.db.session() as session:
        found = await views.list_cases(session, me.clinic_id, ACTIVE)
    return templates.TemplateResponse(request, "_queue_rows.html", {"cases": found, "tz": await _tz(rt, me)})


@router.get("/events/queue")
async def queue_events(request: Request, rt: RuntimeDep, staff: PageStaff) -> StreamingResponse:
    me = _need(staff)
    return _sse(request, rt, f"clinic:{me.clinic_id}")
