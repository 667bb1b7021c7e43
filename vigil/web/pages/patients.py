"""The clinic's patients: the list (search, filters, sort, pages), add and edit, pause and
resume, discharge and re-admit, a Telegram invite with its QR code, and CSV enrolment with a
dry run. Everyone signed in sees; only an admin changes (vigil/clinic/patients.py decides)."""

from __future__ import annotations

import base64
import binascii
from typing import Any
from urllib.parse import urlencode

import segno
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.datastructures import UploadFile

from vigil.assembly import Runtime
from vigil.clinic import csv_enrolment, patients
from vigil.clinic.patients import NotAllowed, NotFound, PatientError, StatusError
from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Patient, Staff
from vigil.usecases.invites import InviteError, invite_patient

from ..deps import RowId, RuntimeDep, check_csrf
from .common import PageStaff, _need, _render

router = APIRouter()

MAX_UPLOAD = csv_enrolment.MAX_BYTES * 2  # the CSV as a file, or base64 in the apply form


def _admin(me: Staff) -> None:
    try:
        patients.require_admin(me)
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from None


async def _form(request: Request) -> dict[str, Any]:
    form = await request.form(max_part_size=MAX_UPLOAD)
    check_csrf(request, str(form.get("csrf") or "") or None)
    return dict(form.multi_items())


def _patient_data(form: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {k: str(form.get(k) or "") for k in patients.FIELDS}
    data["context"] = {k: bool(form.get(k)) for k in patients.CONTEXT}
    return data


async def _choices(rt: Runtime, me: Staff) -> dict[str, Any]:
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        protocols = await patients.protocols_of_clinic(session, me.clinic_id)
    return {
        "protocols": [{"key": k, "name": p.name} for k, p in protocols.items()],
        "channels": patients.CHANNELS,
        "languages": patients.LANGUAGES,
        "context_fields": patients.CONTEXT,
        "region": patients.region_of(clinic) if clinic else None,
    }


@router.get("/patients", response_class=HTMLResponse)
async def patient_list(
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    q: str = "",
    status: str = "",
    protocol: str = "",
    open_case: str = "",
    sort: str = "name",
    page: int = 1,
) -> HTMLResponse:
    me = _need(staff)
    asked = {"q": q, "status": status, "protocol": protocol, "open_case": open_case, "sort": sort}
    page = max(1, min(page, 10**6))
    error: str | None = None
    rows: list[dict[str, Any]] = []
    total = 0
    try:
        query = patients.parse_query(
            q=q, status=status, protocol=protocol, open_case=open_case, sort=sort, offset=(page - 1) * 50
        )
    except patients.QueryError as exc:
        error = str(exc)
    else:
        async with rt.db.transaction() as session:
            rows, total = await patients.find(session, me.clinic_id, query)
            staff_did(
                session,
                me,
                "list",
                "patients",
                query.text[:64],
                at=rt.clock.now(),
                channel="web",
                count=len(rows),
            )
    pages = max(1, -(-total // patients.PAGE_SIZE))

    def link(**change: Any) -> str:
        return "/patients?" + urlencode({k: v for k, v in {**asked, **change}.items() if v})

    return await _render(
        request,
        rt,
        "patients.html",
        me,
        status=400 if error else 200,
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        first=(page - 1) * patients.PAGE_SIZE + 1,
        asked=asked,
        error=error,
        statuses=patients.STATUSES,
        sorts={s: link(sort=("-" + s) if sort == s else s, page="") for s in patients.SORTS},
        previous=link(page=page - 1) if page > 1 else None,
        next=link(page=page + 1) if page < pages else None,
        **await _choices(rt, me),
    )


@router.get("/patients/new", response_class=HTMLResponse)
async def new_patient(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    _admin(me)
    return await _render(
        request,
        rt,
        "patient_form.html",
        me,
        patient=None,
        values={"channel": "sms"},
        problems={},
        **await _choices(rt, me),
    )


@router.post("/patients/new", response_model=None)
async def add_patient(request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    me = _need(staff)
    form = await _form(request)
    _admin(me)
    data = _patient_data(form)
    try:
        async with rt.db.transaction() as session:
            saved = await patients.create(session, me, data, rt.clock.now(), "web")
    except PatientError as exc:
        return await _render(
            request,
            rt,
            "patient_form.html",
            me,
            status=422,
            patient=None,
            values={**data, **data["context"]},
            problems=exc.problems,
            **await _choices(rt, me),
        )
    request.session["flash"] = (f"{saved.patient.name} added.", "ok")
    return RedirectResponse(f"/patients/{saved.patient.id}/edit", status_code=303)


async def _edit_page(
    request: Request,
    rt: RuntimeDep,
    me: Staff,
    patient: Patient,
    *,
    values: dict[str, Any] | None = None,
    problems: dict[str, str] | None = None,
    status: int = 200,
    invite: dict[str, Any] | None = None,
) -> HTMLResponse:
    async with rt.db.session() as session:
        now = await patients.protocol_of(session, patient.id)
        last = now or await patients.protocol_of(session, patient.id, last=True)
    shown = patients.current(patient, now.key if now else None)
    return await _render(
        request,
        rt,
        "patient_form.html",
        me,
        status=status,
        patient={
            **shown,
            "id": patient.id,
            "status": patients.shown_status(patient),
            "last_protocol": last.key if last else None,
        },
        values=values if values is not None else {**shown, **shown["context"]},
        problems=problems or {},
        invite=invite,
        **await _choices(rt, me),
    )


async def _mine(rt: Runtime, me: Staff, patient_id: int) -> Patient:
    async with rt.db.session() as session:
        try:
            return await patients.of_clinic(session, me, patient_id=patient_id)
        except NotFound:
            raise HTTPException(404, "no such patient") from None


@router.get("/patients/{patient_id}/edit", response_class=HTMLResponse)
async def edit_patient(patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    patient = await _mine(rt, me, patient_id)
    _admin(me)
    return await _edit_page(request, rt, me, patient)


@router.post("/patients/{patient_id}/edit", response_model=None)
async def save_patient(patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    me = _need(staff)
    patient = await _mine(rt, me, patient_id)
    form = await _form(request)
    _admin(me)
    data = _patient_data(form)
    try:
        async with rt.db.transaction() as session:
            mine = await patients.of_clinic(session, me, patient_id=patient_id)
            saved = await patients.update(session, me, mine, data, rt.clock.now(), "web")
    except PatientError as exc:
        return await _edit_page(
            request, rt, me, patient, values={**data, **data["context"]}, problems=exc.problems, status=422
        )
    request.session["flash"] = (
        f"Saved: {', '.join(c.replace('_', ' ') for c in saved.changed)} changed."
        if saved.changed
        else "Nothing changed.",
        "ok",
    )
    return RedirectResponse(f"/patients/{patient_id}/edit", status_code=303)


@router.post("/patients/{patient_id}/status", response_model=None)
async def change_status(patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    """Pause, resume, discharge or re-admit (the button pressed names which)."""
    me = _need(staff)
    await _mine(rt, me, patient_id)
    form = await _form(request)
    _admin(me)
    action = str(form.get("action") or "")
    try:
        async with rt.db.transaction() as session:
            patient = await patients.of_clinic(session, me, patient_id=patient_id)
            said = await patients.act(
                session, me, patient, action, rt.clock.now(), "web", str(form.get("protocol") or "") or None
            )
        request.session["flash"] = (said, "ok")
    except StatusError as exc:
        request.session["flash"] = (f"Not done: the patient {exc}", "error")
    except PatientError as exc:  # a field of theirs refused: "phone: ... is already patient X's"
        request.session["flash"] = (f"Not done: {exc}", "error")
    rt.hub.publish(f"patient:{patient_id}", {"type": "changed"})
    return RedirectResponse(f"/patients/{patient_id}/edit", status_code=303)


def qr_svg(link: str) -> Markup:
    """The link as a QR code, inline SVG (the CSP allows no inline script or style, and no
    data: images): print it or show it to the patient's phone camera."""
    svg = segno.make(link, error="m").svg_inline(
        scale=5, border=2, dark="#000", light="#fff", title="Invite link"
    )
    return Markup(svg)  # noqa: S704 - segno's own SVG of our own link


@router.post("/patients/{patient_id}/invite", response_class=HTMLResponse)
async def invite(patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    """A fresh single-use Telegram link for the patient, and its QR code."""
    me = _need(staff)
    patient = await _mine(rt, me, patient_id)
    await _form(request)
    _admin(me)
    try:
        made = await invite_patient(rt.service, patient.external_id, me.email, me.clinic_id)
    except InviteError as exc:
        return await _edit_page(request, rt, me, patient, invite={"error": str(exc)}, status=exc.status)
    return await _edit_page(
        request,
        rt,
        me,
        patient,
        invite={"link": made.link, "expires_at": made.expires_at.isoformat(), "qr": qr_svg(made.link)},
    )


# --- CSV enrolment ------------------------------------------------------------------------


@router.get("/patients/import", response_class=HTMLResponse)
async def import_page(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    _admin(me)
    return await _render(request, rt, "patients_import.html", me, plan=None, columns=csv_enrolment.COLUMNS)


@router.get("/patients/import/template.csv")
async def import_template(rt: RuntimeDep, staff: PageStaff) -> Response:
    _need(staff)
    return Response(
        csv_enrolment.template(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="vigil-patients.csv"'},
    )


async def _run(
    rt: Runtime, me: Staff, data: bytes, *, apply: bool, digest: str | None = None
) -> csv_enrolment.Plan:
    """The dry run (rolled back) or the apply (committed only when it matches `digest`)."""
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        assert clinic is not None
        try:
            plan = await csv_enrolment.run(session, clinic, data, rt.clock.now(), me if apply else None)
            if apply and digest is not None and plan.digest != digest:
                raise csv_enrolment.Stale(plan)
        except BaseException:
            await session.rollback()
            raise
        if apply:
            await session.commit()
            plan.applied = True
        else:
            await session.rollback()
    return plan


@router.post("/patients/import", response_class=HTMLResponse)
async def import_dry_run(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    form = await _form(request)
    _admin(me)
    upload = form.get("file")
    data = await upload.read() if isinstance(upload, UploadFile) else b""
    try:
        plan = await _run(rt, me, data, apply=False)
    except csv_enrolment.CsvError as exc:
        return await _render(
            request,
            rt,
            "patients_import.html",
            me,
            status=422,
            plan=None,
            error=str(exc),
            columns=csv_enrolment.COLUMNS,
        )
    return await _render(
        request,
        rt,
        "patients_import.html",
        me,
        plan=plan,
        carried=base64.b64encode(data).decode(),
        columns=csv_enrolment.COLUMNS,
    )


@router.post("/patients/import/apply", response_class=HTMLResponse)
async def import_apply(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    form = await _form(request)
    _admin(me)
    try:
        data = base64.b64decode(str(form.get("data") or ""), validate=True)
    except (binascii.Error, ValueError):
        data = b""
    digest = str(form.get("digest") or "")
    try:
        plan = await _run(rt, me, data, apply=True, digest=digest)
    except csv_enrolment.CsvError as exc:
        return await _render(
            request,
            rt,
            "patients_import.html",
            me,
            status=422,
            plan=None,
            error=str(exc),
            columns=csv_enrolment.COLUMNS,
        )
    except csv_enrolment.Stale as exc:
        return await _render(
            request,
            rt,
            "patients_import.html",
            me,
            status=409,
            plan=exc.plan,
            carried=base64.b64encode(data).decode(),
            error="Nothing was applied: the patients changed since the dry run. Below: what it does now.",
            columns=csv_enrolment.COLUMNS,
        )
    return await _render(request, rt, "patients_import.html", me, plan=plan, columns=csv_enrolment.COLUMNS)
