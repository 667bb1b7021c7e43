"""The JSON API under /api/v1: bearer tokens, scoped to the token owner's clinic."""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.assembly import Runtime
from vigil.bot import followups
from vigil.bot.models import InboundMessage
from vigil.core.audit import staff_did
from vigil.core.models import Carer, Clinic, OutboundMessage, Patient, Staff, to_writer
from vigil.core.text import clean
from vigil.escalation import cases as case_ops
from vigil.escalation import cover
from vigil.escalation.cases import CaseError
from vigil.escalation.models import Case
from vigil.usecases.invites import InviteError, invite_patient

from . import (
    admin_api,
    carers_api,
    case_api,
    fhir_api,
    oncall_api,
    patients_api,
    protocols_api,
    timeline,
    views,
)
from .actions import view_case
from .analytics_api import router as analytics_router
from .deps import ApiStaff, ExternalId, RowId, RuntimeDep, field_problems, path_error


class ResolveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    disposition: str = Field(min_length=1, max_length=40)
    note: str | None = Field(default=None, max_length=4000)


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    text: str = Field(min_length=1, max_length=1000)
    to: Literal["patient", "carer", "both"] = Field(
        default="patient", description="the patient, one of their carers, or both"
    )
    carer_id: int | None = Field(
        default=None,
        ge=1,
        le=2**31 - 1,
        description="which carer (to carer or both); default: the carer who wrote last",
    )


class OverrideIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rotation: str = Field(min_length=1, max_length=64)
    email: str = Field(min_length=3, max_length=254)
    starts_at: datetime
    ends_at: datetime


class SimulatedIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    external_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    text: str = Field(min_length=1, max_length=4000)
    carer_id: int | None = Field(
        default=None, ge=1, le=2**31 - 1, description="write as this carer of the patient (a simulator carer)"
    )


SWAGGER = "/static/vendor/swagger-ui"  # vendored: clinics run Vigil behind firewalls (no CDN)


def docs_page() -> HTMLResponse:
    """Swagger UI, with a Content-Security-Policy that lets exactly its own script run."""
    page = get_swagger_ui_html(
        openapi_url="/api/v1/openapi.json",
        title="Vigil API",
        swagger_js_url=f"{SWAGGER}-bundle.js",
        swagger_css_url=f"{SWAGGER}.css",
        swagger_favicon_url="/static/vendor/swagger-favicon.png",
    )
    html = bytes(page.body).decode()
    inline = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    )
    csp = (
        f"default-src 'self'; script-src 'self' {inline}; style-src 'self'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    return HTMLResponse(html, headers={"Content-Security-Policy": csp})


def build_api(*, public_docs: bool = False) -> FastAPI:
    """The API app; its schema and docs need a token unless `public_docs` (the demo)."""
    api = FastAPI(title="Vigil API", version="1", openapi_url=None, docs_url=None, redoc_url=None)

    if public_docs:

        @api.get("/openapi.json", include_in_schema=False)
        async def open_schema() -> JSONResponse:
            return JSONResponse(api.openapi())

        @api.get("/docs", include_in_schema=False)
        async def open_docs() -> HTMLResponse:
            return docs_page()

    else:

        @api.get("/openapi.json", include_in_schema=False)
        async def schema(_: ApiStaff) -> JSONResponse:
            return JSONResponse(api.openapi())

        @api.get("/docs", include_in_schema=False)
        async def docs(_: ApiStaff) -> HTMLResponse:
            # A browser cannot send the token with the schema fetch: scripts use openapi.json.
            return docs_page()

    @api.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        if path_error(exc):  # /cases/abc or /cases/99999999999 names nothing that exists
            return JSONResponse({"detail": "not found"}, status_code=404)
        # Where and why, in the shape every route answers and in the clinic file's words; a
        # value is quoted only when short (it may be a megabyte, or health data).
        return JSONResponse({"detail": field_problems(exc)}, status_code=422)

    @api.exception_handler(CaseError)
    async def _case_error(_: Request, exc: CaseError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @api.get("/cases")
    async def list_cases(
        rt: RuntimeDep,
        staff: ApiStaff,
        found_by: Annotated[case_api.Filters, Depends()],
        status: str = Query("open,acknowledged", description="comma-separated: open, acknowledged, resolved"),
    ) -> dict[str, Any]:
        wanted = tuple(s.strip() for s in status.split(",") if s.strip())
        bad = [s for s in wanted if s not in views.CASE_STATUSES]
        if bad or not wanted:
            raise HTTPException(422, f"status must be among {', '.join(views.CASE_STATUSES)}")
        if "resolved" in wanted or found_by.given:  # searched and paged: see case_api
            return await case_api.list_cases(rt, staff, status, found_by)
        async with rt.db.transaction() as session:
            found = await views.list_cases(session, staff.clinic_id, wanted)
            staff_did(
                session,
                staff,
                "list",
                "cases",
                status,
                at=rt.clock.now(),
                channel="api",
                count=len(found),
            )
        return {"cases": found}

    @api.get("/cases/{case_id}")
    async def get_case(case_id: RowId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        return await view_case(rt, staff, case_id, "api")

    async def _act(rt: Runtime, staff: Staff, case_id: RowId, action: str, **kw: Any) -> dict[str, Any]:
        await rt.service.act(staff, case_id, action, "api", **kw)
        async with rt.db.session() as session:
            found = await views.case_detail(session, staff.clinic_id, case_id)
        assert found is not None
        return found

    @api.post("/cases/{case_id}/acknowledge")
    async def acknowledge(case_id: RowId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        return await _act(rt, staff, case_id, "acknowledge")

    @api.post("/cases/{case_id}/claim")
    async def claim(case_id: RowId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        return await _act(rt, staff, case_id, "claim")

    @api.post("/cases/{case_id}/decline")
    async def decline(case_id: RowId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        return await _act(rt, staff, case_id, "decline")

    api.include_router(case_api.router)  # release, take over

    @api.get("/oncall")
    async def oncall(rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        async with rt.db.session() as session:
            return {"rotations": await views.oncall_summary(session, staff.clinic_id, rt.clock.now())}

    @api.post("/oncall/overrides", status_code=201)
    async def add_override(body: OverrideIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        try:
            made = await rt.service.add_cover(
                staff, body.rotation, body.email, body.starts_at, body.ends_at, "api"
            )
        except cover.CoverError as exc:
            raise cover_http(exc) from None
        return {
            "id": made.id,
            "rotation": made.rotation,
            "email": made.email,
            "starts_at": views.iso(made.starts_at),
            "ends_at": views.iso(made.ends_at),
            # Other cover of the rotation at the same time: set anyway, the last set wins.
            "overlaps": [
                {
                    "id": o.id,
                    "name": o.name,
                    "email": o.email,
                    "starts_at": views.iso(o.starts_at),
                    "ends_at": views.iso(o.ends_at),
                }
                for o in made.overlaps
            ],
        }

    @api.get("/oncall/overrides")
    async def overrides(rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        async with rt.db.session() as session:
            return {"overrides": await views.list_overrides(session, staff.clinic_id, rt.clock.now())}

    @api.delete("/oncall/overrides/{override_id}", status_code=204)
    async def delete_override(override_id: RowId, rt: RuntimeDep, staff: ApiStaff) -> Response:
        try:
            await rt.service.remove_cover(staff, override_id, "api")
        except cover.CoverError as exc:
            raise cover_http(exc) from None
        return Response(status_code=204)

    @api.post("/cases/{case_id}/resolve")
    async def resolve(case_id: RowId, body: ResolveIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        return await _act(rt, staff, case_id, "resolve", disposition=body.disposition, note=body.note)

    @api.post("/cases/{case_id}/reply")
    async def reply(case_id: RowId, body: ReplyIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        await send_reply(rt, staff, case_id, body.text, "api", to=body.to, carer_id=body.carer_id)
        async with rt.db.session() as session:
            found = await views.case_detail(session, staff.clinic_id, case_id)
        assert found is not None
        return found

    @api.get("/patients/{external_id}/messages")
    async def patient_messages(external_id: ExternalId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        async with rt.db.transaction() as session:
            patient = await session.scalar(
                select(Patient).where(
                    Patient.clinic_id == staff.clinic_id, Patient.external_id == external_id
                )
            )
            if patient is None:
                raise HTTPException(404, "no such patient")
            messages = await views.transcript(session, patient.id)
            staff_did(session, staff, "view", "transcript", patient.id, at=rt.clock.now(), channel="api")
        return {
            "messages": [
                {k: m[k] for k in ("direction", "text", "at", "channel", "status", "from", "to") if k in m}
                for m in messages
            ]
        }

    @api.post("/patients/{external_id}/invite", status_code=201)
    async def invite(external_id: ExternalId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        try:
            made = await invite_patient(
                rt.service,
                external_id,
                staff.email,
                staff.clinic_id,
                may_switch_channel=staff.role == "admin",
            )
        except InviteError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        return {"link": made.link, "expires_at": made.expires_at.isoformat()}

    @api.post("/simulator/messages", status_code=202)
    async def simulated(body: SimulatedIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
        return await simulate(rt, staff.clinic_id, body.external_id, body.text, carer_id=body.carer_id)

    api.include_router(analytics_router)  # GET /analytics
    api.include_router(patients_api.router)  # patients: list, add, change, CSV enrolment
    api.include_router(timeline.router)  # a patient's timeline
    api.include_router(carers_api.router)  # a patient's carers
    api.include_router(admin_api.router)  # export, audit log, staff
    api.include_router(protocols_api.router)  # protocols and quiet hours, as the protocol editor
    api.include_router(fhir_api.router)  # FHIR R4: a patient's $everything
    api.include_router(oncall_api.router)  # rotations, escalation policies, the calendar
    return api


async def _reply_carer(session: AsyncSession, patient: Patient, carer_id: int | None) -> Carer:
    """The carer a nurse replies to: the one named, else the one who wrote last; they must be
    heard (consent recorded, listed) and not have said STOP."""
    if carer_id is None:
        carer_id = await session.scalar(
            select(InboundMessage.carer_id)
            .where(InboundMessage.patient_id == patient.id, InboundMessage.carer_id.is_not(None))
            .order_by(InboundMessage.received_at.desc(), InboundMessage.id.desc())
            .limit(1)
        )
    carer = await session.get(Carer, carer_id) if carer_id is not None else None
    if carer is None or carer.patient_id != patient.id or not carer.reachable:
        raise CaseError("no such carer of this patient to reply to", 422)
    if carer.opted_out_at is not None:
        raise CaseError(f"{carer.label} has opted out of messages; call them instead")
    return carer


async def send_reply(
    rt: Runtime,
    staff: Staff,
    case_id: RowId,
    text: str,
    channel: str,
    *,
    to: str = "patient",
    carer_id: int | None = None,
) -> int:
    """A nurse's reply on a case, to the patient, one of their carers or both: an outbox row
    each and a case event; audited with whom it went to. Returns the first row's id."""
    now = rt.clock.now()
    text = clean(text)
    async with rt.db.transaction() as session:
        case = await session.get(Case, case_id)
        if case is None or case.clinic_id != staff.clinic_id:
            raise CaseError("no such case", 404)
        patient = await session.get(Patient, case.patient_id)
        assert patient is not None
        if to not in ("patient", "carer", "both"):
            raise CaseError("reply to the patient, the carer or both", 422)
        carer = await _reply_carer(session, patient, carer_id) if to != "patient" else None
        if to != "carer" and patient.status == "opted_out":
            raise CaseError("the patient has opted out of messages; call them instead")
        rows = [
            OutboundMessage(
                **to_writer(patient, whom, kind="reply", text=text, now=now, priority=1, staff_id=staff.id)
            )
            for whom in ([None] if to == "patient" else [carer] if to == "carer" else [None, carer])
        ]
        session.add_all(rows)
        await session.flush()
        whom_detail = {"to": to, **({"carer": carer.id} if carer is not None else {})}
        case_ops.event(
            session, case, "replied", now, staff.email, channel, message_id=rows[0].id, **whom_detail
        )
        await followups.nurse_wrote(session, patient, now, staff.email, channel)
        staff_did(session, staff, "reply", "case", case_id, at=now, channel=channel, **whom_detail)
        message_id = rows[0].id
    rt.service.dispatcher.wake()
    rt.hub.publish(f"patient:{case.patient_id}", {"type": "changed"})
    rt.hub.publish(f"clinic:{staff.clinic_id}", {"type": "changed", "case": case_id})
    return message_id


async def simulate(
    rt: Runtime, clinic_id: int, external_id: str, text: str, *, carer_id: int | None = None
) -> dict[str, Any]:
    """A simulated patient's text (or their simulated carer's) arrives exactly as an SMS would."""
    if "simulator" not in rt.service.channels or not rt.settings.simulator:
        raise HTTPException(404, "the simulator channel is off")
    async with rt.db.session() as session:
        patient = await session.scalar(
            select(Patient).where(Patient.clinic_id == clinic_id, Patient.external_id == external_id)
        )
        clinic = await session.get(Clinic, clinic_id)
        carer = (
            await session.scalar(
                select(Carer).where(
                    Carer.id == carer_id,
                    Carer.patient_id == (patient.id if patient is not None else None),
                    Carer.channel == "simulator",
                )
            )
            if carer_id is not None
            else None
        )
    if carer_id is not None:
        if patient is None or carer is None or not carer.reachable:
            raise HTTPException(404, "no simulated carer of that patient with that id (consent recorded)")
    elif patient is None or patient.channel != "simulator" or clinic is None:
        raise HTTPException(404, "no simulated patient with that external_id")
    assert patient is not None
    received = await rt.service.receive(patient, "simulator", f"sim-in-{uuid.uuid4().hex}", text, carer=carer)
    outcome = received.outcome
    return {
        "accepted": True,
        "message_id": received.message_id,
        "level": outcome.level if outcome else None,
        "case_id": outcome.case_id if outcome else None,
    }


def cover_http(exc: cover.CoverError) -> HTTPException:
    """On-call cover's domain errors as HTTP: not an admin 403, no such cover 404, else 422."""
    status = 403 if isinstance(exc, cover.NotAllowed) else 404 if isinstance(exc, cover.NotFound) else 422
    return HTTPException(status, str(exc))
