"""A patient's carers on the patient page: add one (with the patient's consent, or record it
later), record consent, invite one to Telegram, take one off. Only an admin changes them
(vigil/clinic/carers.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from vigil.clinic import carers, patients
from vigil.clinic.patients import NotAllowed, NotFound, PatientError
from vigil.usecases.invites import InviteError, invite_carer

from ..deps import RowId, RuntimeDep, check_csrf
from .common import PageStaff, _need
from .patient import show_patient
from .patients import qr_svg

router = APIRouter()


async def _form(request: Request) -> dict[str, Any]:
    form = await request.form()
    check_csrf(request, str(form.get("csrf") or "") or None)
    return dict(form.multi_items())


def _back(patient_id: int) -> RedirectResponse:
    return RedirectResponse(f"/patients/{patient_id}#carers", status_code=303)


@router.post("/patients/{patient_id}/carers")
async def add_carer(
    patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> RedirectResponse:
    me = _need(staff)
    form = await _form(request)
    data = {k: str(form.get(k) or "") for k in carers.FIELDS if k != "telegram_chat_id"}
    try:
        async with rt.db.transaction() as session:
            patient = await patients.of_clinic(session, me, patient_id=patient_id)
            carer = await carers.add(
                session, me, patient, data, rt.clock.now(), "web", consent=bool(form.get("consent"))
            )
            said = f"{carer.label} added" + (
                ": they are heard from now on."
                if carer.consent_recorded_at
                else ": record the patient's consent to hear them."
            )
        request.session["flash"] = (said, "ok")
    except NotFound:
        raise HTTPException(404, "no such patient") from None
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from None
    except PatientError as exc:
        request.session["flash"] = (
            "Carer not added: " + "; ".join(f"{k} {v}" for k, v in exc.problems.items()),
            "error",
        )
    return _back(patient_id)


@router.post("/patients/{patient_id}/carers/{carer_id}/invite", response_class=HTMLResponse)
async def invite(
    patient_id: RowId, carer_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> HTMLResponse:
    """A fresh single-use Telegram link for the carer and its QR code, shown in this answer only
    (the link is not stored: a reload shows the page without it); the invite is audited."""
    me = _need(staff)
    await _form(request)
    async with rt.db.session() as session:
        try:
            patients.require_admin(me)
            patient = await patients.of_clinic(session, me, patient_id=patient_id)
        except NotFound:
            raise HTTPException(404, "no such patient") from None
        except NotAllowed as exc:
            raise HTTPException(403, str(exc)) from None
    try:
        made = await invite_carer(rt.service, patient.external_id, carer_id, me.email, me.clinic_id)
    except InviteError as exc:
        shown = {"carer_id": carer_id, "error": str(exc)}
        return await show_patient(request, rt, me, patient_id, status=exc.status, carer_invite=shown)
    shown = {
        "carer_id": carer_id,
        "link": made.link,
        "expires_at": made.expires_at.isoformat(),
        "qr": qr_svg(made.link),
    }
    return await show_patient(request, rt, me, patient_id, carer_invite=shown)


@router.post("/patients/{patient_id}/carers/{carer_id}/{action}")
async def carer_action(
    patient_id: RowId, carer_id: RowId, action: str, request: Request, rt: RuntimeDep, staff: PageStaff
) -> RedirectResponse:
    """`consent` records the patient's consent now; `remove` takes the carer off."""
    me = _need(staff)
    await _form(request)
    try:
        async with rt.db.transaction() as session:
            patient = await patients.of_clinic(session, me, patient_id=patient_id)
            carer = await carers.one(session, patient, carer_id)
            if action not in ("consent", "remove"):
                raise NotFound("no such action")
            if action == "consent":
                await carers.record_consent(session, me, patient, carer, rt.clock.now(), "web")
                said = f"Consent recorded: {carer.label} is heard from now on."
            else:
                await carers.remove(session, me, patient, carer, rt.clock.now(), "web")
                said = f"{carer.label} taken off: their number is a stranger's again."
        request.session["flash"] = (said, "ok")
    except NotFound:
        raise HTTPException(404, "no such carer") from None
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from None
    return _back(patient_id)
