"""A patient: their check-in answers over time."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from vigil.core.audit import staff_did
from vigil.core.models import Patient

from .. import views
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
async def patient_page(patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    """Who the patient is, their protocol and their 0-10 answers over time; every view audited."""
    me = _need(staff)
    async with rt.db.transaction() as session:
        found = await views.patient_detail(session, me.clinic_id, patient_id)
        if found is None:
            raise HTTPException(404, "no such patient")  # another clinic's is not ours to confirm
        staff_did(session, me, "view", "patient", patient_id, at=rt.clock.now(), channel="web")
    return await _render(request, rt, "patient.html", me, patient=found, charts=found["charts"])
