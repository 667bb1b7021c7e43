"""The clinic's patients over the JSON API: list, read, add, change, pause and resume,
discharge and re-admit, and CSV enrolment with its dry run — the pages' domain code
(vigil/clinic/patients.py, csv_enrolment.py), scoped to the token owner's clinic."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.assembly import Runtime
from vigil.clinic import csv_enrolment, patients
from vigil.clinic.patients import NotAllowed, NotFound, PatientError, StatusError
from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Patient, Staff
from vigil.escalation.models import Case

from .deps import ApiStaff, ExternalId, RuntimeDep

router = APIRouter(tags=["patients"])


class ContextBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    on_active_treatment: bool = False
    known_bone_metastases: bool = False
    known_brain_metastases: bool = False


class PatientBody(BaseModel):
    """A patient as the clinic file describes one; the phone in any format (read as the
    clinic's country without a +country code), stored as E.164."""

    model_config = ConfigDict(extra="forbid")
    external_id: str = Field(max_length=64)
    name: str = Field(max_length=200)
    channel: Literal["sms", "telegram", "simulator"]
    phone: str | None = Field(default=None, max_length=40)
    telegram_chat_id: int | None = None
    timezone: str | None = Field(default=None, max_length=64)
    language: Literal["en", "es"] = "en"
    protocol: str | None = Field(
        default=None, max_length=64, description="a protocol key; null: no check-ins"
    )
    context: ContextBody = ContextBody()


class PatientChange(BaseModel):
    """Only the fields given change; `null` clears phone, time zone or protocol."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, max_length=200)
    channel: Literal["sms", "telegram", "simulator"] | None = None
    phone: str | None = Field(default=None, max_length=40)
    telegram_chat_id: int | None = None
    timezone: str | None = Field(default=None, max_length=64)
    language: Literal["en", "es"] | None = None
    protocol: str | None = Field(default=None, max_length=64)
    context: ContextBody | None = None


class ReadmitBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    protocol: str | None = Field(default=None, max_length=64, description="default: their last protocol")


def _refused(exc: PatientError) -> HTTPException:
    return HTTPException(422, [{"field": k, "reason": v} for k, v in exc.problems.items()])


def _forbidden(me: Staff) -> None:
    try:
        patients.require_admin(me)
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from None


async def _described(session: AsyncSession, patient: Patient) -> dict[str, Any]:
    protocol = await patients.protocol_of(session, patient.id)
    case = (
        await session.execute(
            select(Case.id, Case.level).where(Case.patient_id == patient.id, Case.status != "resolved")
        )
    ).first()
    return patients.describe(
        patient, [protocol.key] if protocol else [], {"id": case.id, "level": case.level} if case else None
    )


async def _mine(session: AsyncSession, me: Staff, external_id: str) -> Patient:
    try:
        return await patients.of_clinic(session, me, external_id=external_id)
    except NotFound:
        raise HTTPException(404, "no such patient") from None


@router.get("/patients")
async def list_patients(
    rt: RuntimeDep,
    me: ApiStaff,
    q: Annotated[str, Query(max_length=200, description="part of the name or the external id")] = "",
    status: Annotated[str, Query(description=", ".join(patients.STATUSES))] = "",
    protocol: Annotated[str, Query(max_length=64, description="a protocol key")] = "",
    open_case: Annotated[str, Query(description="yes or no")] = "",
    sort: Annotated[str, Query(description="name, external_id, status or created; -name descends")] = "name",
    offset: Annotated[int, Query(ge=0, le=10**7)] = 0,
    limit: Annotated[int, Query(ge=1, le=patients.MAX_LIMIT)] = patients.PAGE_SIZE,
) -> dict[str, Any]:
    try:
        query = patients.parse_query(
            q=q, status=status, protocol=protocol, open_case=open_case, sort=sort, offset=offset, limit=limit
        )
    except patients.QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    async with rt.db.transaction() as session:
        rows, total = await patients.find(session, me.clinic_id, query)
        staff_did(
            session,
            me,
            "list",
            "patients",
            query.text[:64],
            at=rt.clock.now(),
            channel="api",
            count=len(rows),
        )
    return {"patients": rows, "total": total, "offset": offset, "limit": limit}


@router.post("/patients", status_code=201)
async def add_patient(body: PatientBody, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    _forbidden(me)
    try:
        async with rt.db.transaction() as session:
            saved = await patients.create(session, me, body.model_dump(), rt.clock.now(), "api")
            return await _described(session, saved.patient)
    except PatientError as exc:
        raise _refused(exc) from None


@router.get("/patients/{external_id}")
async def get_patient(external_id: ExternalId, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    async with rt.db.transaction() as session:
        patient = await _mine(session, me, external_id)
        staff_did(session, me, "view", "patient", patient.id, at=rt.clock.now(), channel="api")
        return await _described(session, patient)


@router.patch("/patients/{external_id}")
async def change_patient(
    external_id: ExternalId, rt: RuntimeDep, me: ApiStaff, body: PatientChange | None = None
) -> dict[str, Any]:
    async with rt.db.transaction() as session:
        patient = await _mine(session, me, external_id)
        _forbidden(me)
        given = (body or PatientChange()).model_dump(exclude_unset=True)
        protocol = await patients.protocol_of(session, patient.id)
        data = {**patients.current(patient, protocol.key if protocol else None), **given}
        if "context" in given:
            data["context"] = {**data["context"], **given["context"]}
        try:
            saved = await patients.update(session, me, patient, data, rt.clock.now(), "api")
        except PatientError as exc:
            raise _refused(exc) from None
        out = await _described(session, saved.patient)
    return {**out, "changed": saved.changed}


async def _act(
    rt: Runtime, me: Staff, external_id: str, action: str, protocol: str | None = None
) -> dict[str, Any]:
    async with rt.db.transaction() as session:
        patient = await _mine(session, me, external_id)
        _forbidden(me)
        try:
            said = await patients.act(session, me, patient, action, rt.clock.now(), "api", protocol)
        except StatusError as exc:
            raise HTTPException(409, f"the patient {exc}") from None
        except PatientError as exc:
            raise _refused(exc) from None
        out = await _described(session, patient)
    rt.hub.publish(f"patient:{patient.id}", {"type": "changed"})
    return {**out, "done": said}


@router.post("/patients/{external_id}/pause")
async def pause(external_id: ExternalId, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    return await _act(rt, me, external_id, "pause")


@router.post("/patients/{external_id}/resume")
async def resume(external_id: ExternalId, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    return await _act(rt, me, external_id, "resume")


@router.post("/patients/{external_id}/discharge")
async def discharge(external_id: ExternalId, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    return await _act(rt, me, external_id, "discharge")


@router.post("/patients/{external_id}/readmit")
async def readmit(
    external_id: ExternalId, rt: RuntimeDep, me: ApiStaff, body: ReadmitBody | None = None
) -> dict[str, Any]:
    return await _act(rt, me, external_id, "readmit", body.protocol if body else None)


CSV_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"text/csv": {"schema": {"type": "string"}, "example": csv_enrolment.template()}},
    }
}


@router.post("/patients/import", openapi_extra=CSV_BODY)
async def import_csv(
    request: Request,
    rt: RuntimeDep,
    me: ApiStaff,
    dry_run: Annotated[bool, Query(description="say what each row would do; write nothing")] = True,
    digest: Annotated[
        str | None,
        Query(max_length=64, description="the dry run's digest: apply only if nothing changed since"),
    ] = None,
) -> JSONResponse:
    """CSV enrolment (the template: GET /patients/import/template). A dry run by default;
    `dry_run=false` writes every accepted row in one transaction, or none (409 with the new
    plan when `digest` no longer matches). Refused rows are never written."""
    _forbidden(me)
    data = await request.body()
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        assert clinic is not None
        try:
            plan = await csv_enrolment.run(session, clinic, data, rt.clock.now(), None if dry_run else me)
        except csv_enrolment.CsvError as exc:
            await session.rollback()
            raise HTTPException(422, str(exc)) from None
        if dry_run:
            await session.rollback()
        elif digest and digest != plan.digest:
            await session.rollback()
            return JSONResponse({"detail": "the patients changed since the dry run", **plan.as_dict()}, 409)
        else:
            await session.commit()
            plan.applied = True
    return JSONResponse(plan.as_dict())


@router.get("/patients/import/template", response_class=Response)
async def import_template(me: ApiStaff) -> Response:
    """The CSV to start from: the header and two example rows."""
    return Response(csv_enrolment.template(), media_type="text/csv; charset=utf-8")
