"""A patient: their check-in answers over time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from vigil.assembly import Runtime
from vigil.core.audit import staff_did
from vigil.core.models import Patient, Staff

from .. import timeline, views
from ..deps import RowId, RuntimeDep
from .common import PageStaff, _need, _of_clinic, _render, _sse

router = APIRouter()


@router.get("/events/patient/{patient_id}")
async def patient_events(
    patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> StreamingResponse:
    me = _need(staff)
    await _of_clinic(rt, me, Patient, patient_id)
    return _sse(request, rt, f"patient:{patient_id}")


@router.get("/patients/{patient_id}", response_class=HTMLResponse)
async def patient_page(
    patient_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    before: Annotated[str | None, Query(max_length=80)] = None,
) -> HTMLResponse:
    """Who the patient is, their protocol, their 0-10 answers over time and their timeline
    (newest first, 50 entries a page, `before=` for older ones); every view audited."""
    return await show_patient(request, rt, _need(staff), patient_id, before)


async def show_patient(
    request: Request,
    rt: Runtime,
    me: Staff,
    patient_id: int,
    before: str | None = None,
    *,
    status: int = 200,
    **extra: Any,
) -> HTMLResponse:
    """The patient page; `extra` for what one answer shows once (a carer's invite link)."""
    cur = timeline.cursor_of(before)
    async with rt.db.transaction() as session:
        found = await views.patient_detail(session, me.clinic_id, patient_id)
        if found is None:
            raise HTTPException(404, "no such patient")  # another clinic's is not ours to confirm
        history = await timeline.timeline(session, me.clinic_id, patient_id, cur)
        detail = {"before": before} if before else {}
        staff_did(session, me, "view", "patient", patient_id, at=rt.clock.now(), channel="web", **detail)
    return await _render(
        request,
        rt,
        "patient.html",
        me,
        status=status,
        patient=found,
        charts=found["charts"],
        timeline=history,
        older=bool(cur),
        **extra,
    )
