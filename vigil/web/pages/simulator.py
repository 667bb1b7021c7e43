"""The patient simulator: a chat page standing in for a patient's phone (the simulator channel)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import carers
from vigil.clinic.patients import shown_status
from vigil.core.models import Patient, Staff

from .. import views
from ..api import simulate
from ..deps import ExternalId, RuntimeDep, check_csrf
from .common import PageStaff, _csrf, _need, _render, _tz, _with_html, templates

router = APIRouter()


def _simulator_on(rt: Runtime) -> None:
    if not rt.settings.simulator:
        raise HTTPException(404, "the simulator channel is off")


@router.get("/simulator", response_class=HTMLResponse)
async def simulator(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    _simulator_on(rt)
    async with rt.db.session() as session:
        patients = list(
            await session.scalars(
                select(Patient)
                .where(Patient.clinic_id == me.clinic_id, Patient.channel == "simulator")
                .order_by(Patient.name)
            )
        )
    # A discharged patient stays here (what they write is still read: a red flag still gets
    # advice and a case), shown as discharged, not as the status kept for a re-admission.
    statuses = {p.id: shown_status(p) for p in patients}
    return await _render(request, rt, "simulator.html", me, patients=patients, statuses=statuses)


async def _sim_patient(rt: Runtime, me: Staff, external_id: str) -> Patient:
    _simulator_on(rt)
    async with rt.db.session() as session:
        patient = await session.scalar(
            select(Patient).where(
                Patient.clinic_id == me.clinic_id,
                Patient.external_id == external_id,
                Patient.channel == "simulator",
            )
        )
    if patient is None:
        raise HTTPException(404, "no simulated patient with that id")
    return patient


async def _sim_transcript(rt: Runtime, me: Staff, external_id: str) -> tuple[Patient, list[dict[str, Any]]]:
    patient = await _sim_patient(rt, me, external_id)
    async with rt.db.session() as session:
        return patient, await views.transcript(session, patient.id)


@router.get("/simulator/{external_id}", response_class=HTMLResponse)
async def simulator_chat(
    external_id: ExternalId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> HTMLResponse:
    me = _need(staff)
    patient, messages = await _sim_transcript(rt, me, external_id)
    async with rt.db.session() as session:
        # The patient's simulated carers (consent recorded) can write from this phone too.
        writers = [
            carers.describe(c)
            for c in await carers.of_patient(session, patient.id)
            if c.channel == "simulator" and c.reachable
        ]
    return await _render(
        request,
        rt,
        "simulator_chat.html",
        me,
        patient=patient,
        messages=_with_html(messages),
        answer_form=_answer_form(request, external_id),
        carers=writers,
    )


@router.get("/simulator/{external_id}/transcript", response_class=HTMLResponse)
async def simulator_transcript(
    external_id: ExternalId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> HTMLResponse:
    me = _need(staff)
    _, messages = await _sim_transcript(rt, me, external_id)
    context: dict[str, Any] = {"messages": _with_html(messages), "tz": await _tz(rt, me)}
    context["answer_form"] = _answer_form(request, external_id)
    return templates.TemplateResponse(request, "_transcript.html", context)


def _answer_form(request: Request, external_id: str) -> dict[str, str]:
    """The simulated phone answers a question's buttons as a Telegram patient would."""
    return {"action": f"/simulator/{external_id}", "csrf": _csrf(request)}


@router.post("/simulator/{external_id}")
async def simulator_send(
    external_id: ExternalId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    text: Annotated[str, Form(max_length=4000)] = "",
    csrf: Annotated[str | None, Form()] = None,
    carer: Annotated[str, Form(max_length=12)] = "",
) -> RedirectResponse:
    me = _need(staff)
    check_csrf(request, csrf)
    patient = await _sim_patient(rt, me, external_id)
    carer_id = int(carer) if carer.isdigit() and len(carer) < 10 else None
    if text.strip():
        await simulate(rt, me.clinic_id, patient.external_id, text.strip(), carer_id=carer_id)
    return RedirectResponse(f"/simulator/{external_id}", status_code=303)
