"""A case: its reasons, events and transcript, live, and what a nurse does to it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import carers
from vigil.core.models import Patient, Staff
from vigil.escalation.cases import DISPOSITIONS, CaseError
from vigil.escalation.models import Case

from .. import views
from ..actions import view_case
from ..api import send_reply
from ..deps import RowId, RuntimeDep, check_csrf
from .common import PageStaff, _csrf, _need, _of_clinic, _render, _sourced, _sse, _tz, _with_html, templates

router = APIRouter()


@router.get("/events/case/{case_id}")
async def case_events(
    case_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> StreamingResponse:
    me = _need(staff)
    case = await _of_clinic(rt, me, Case, case_id)
    # The patient's messages, and changes to this case (which the clinic's stream announces).
    return _sse(request, rt, f"patient:{case.patient_id}", f"clinic:{me.clinic_id}", case_id=case_id)


async def _case_or_404(rt: Runtime, me: Staff, case_id: int, *, audit_view: bool) -> dict[str, Any]:
    return await view_case(rt, me, case_id, "web", audited=audit_view)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
async def case_page(case_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    found = await _case_or_404(rt, me, case_id, audit_view=True)
    async with rt.db.session() as session:
        patient = await session.scalar(
            select(Patient).where(
                Patient.clinic_id == me.clinic_id, Patient.external_id == found["patient"]["external_id"]
            )
        )
        charts = await views.score_charts(session, patient) if patient is not None else []
        # Whom a reply can go to besides the patient: carers who are heard and not opted out.
        heard = [
            carers.describe(c)
            for c in (await carers.of_patient(session, patient.id) if patient is not None else [])
            if c.reachable and c.opted_out_at is None
        ]
    return await _render(
        request,
        rt,
        "case.html",
        me,
        case=_sourced(found),
        messages=_with_html(found["messages"]),
        patient_id=patient.id if patient is not None else None,
        charts=charts,
        carers=heard,
        dispositions=DISPOSITIONS,
    )


@router.get("/cases/{case_id}/live", response_class=HTMLResponse)
async def case_live(case_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    """The parts of a case page that change, for the page to swap in place."""
    me = _need(staff)
    found = await _case_or_404(rt, me, case_id, audit_view=False)  # the page's view was audited
    return templates.TemplateResponse(
        request,
        "_case_live.html",
        {
            "case": _sourced(found),
            "messages": _with_html(found["messages"]),
            "csrf": _csrf(request),
            "tz": await _tz(rt, me),
        },
    )


@router.get("/cases/{case_id}/transcript", response_class=HTMLResponse)
async def case_transcript(case_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    found = await _case_or_404(rt, me, case_id, audit_view=False)
    return templates.TemplateResponse(
        request, "_transcript.html", {"messages": _with_html(found["messages"]), "tz": await _tz(rt, me)}
    )


@router.post("/cases/{case_id}/{action}")
async def case_action(
    case_id: RowId,
    action: str,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    disposition: Annotated[str, Form(max_length=40)] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
    text: Annotated[str, Form(max_length=1000)] = "",
    to: Annotated[str, Form(max_length=40)] = "patient",
) -> RedirectResponse:
    me = _need(staff)
    check_csrf(request, csrf)
    if action not in ("acknowledge", "claim", "resolve", "reply", "decline"):
        raise HTTPException(404, "no such action")
    try:
        if action == "reply":
            if not text.strip():
                raise CaseError("write a reply first", 422)
            whom, _, carer = to.partition(":")
            carer_id = int(carer) if carer.isdigit() and len(carer) < 10 else None
            await send_reply(rt, me, case_id, text.strip(), "web", to=whom, carer_id=carer_id)
            message = {
                "carer": "Reply sent to the carer.",
                "both": "Reply sent to the patient and the carer.",
            }.get(whom, "Reply sent.")
        else:
            await rt.service.act(
                me, case_id, action, "web", disposition=disposition, note=note.strip() or None
            )
            message = {
                "acknowledge": "Acknowledged.",
                "claim": "Claimed: the case is yours.",
                "resolve": "Resolved.",
                "decline": "Declined: the next person on the chain is being paged.",
            }[action]
        request.session["flash"] = (message, "ok")
    except CaseError as exc:
        if exc.status == 404:
            raise HTTPException(404, str(exc)) from None
        said = str(exc)
        if action == "resolve" and exc.status == 422 and disposition not in DISPOSITIONS:
            said = "Choose how the case was resolved first."  # the API names the keys; not the page
        request.session["flash"] = (said, "error")
    return RedirectResponse(f"/cases/{case_id}", status_code=303)
