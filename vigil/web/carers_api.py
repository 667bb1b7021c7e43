"""A patient's carers over the JSON API: list, add, change, record the patient's consent,
take off — the pages' domain code (vigil/clinic/carers.py), scoped to the token owner's clinic.
Everyone signed in sees them; only a clinic admin changes them; all of it is audited."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from vigil.clinic import carers, patients
from vigil.clinic.patients import NotAllowed, NotFound, PatientError
from vigil.core.audit import staff_did
from vigil.usecases import invites

from .deps import ApiStaff, ExternalId, RowId, RuntimeDep

router = APIRouter(tags=["carers"])


class CarerBody(BaseModel):
    """Someone who looks after the patient and may write for them. `consent: true` records
    now, as the caller, that the patient agreed; until it is recorded the carer is not heard."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=200)
    relationship: str = Field(max_length=60, description="daughter, husband, friend, ...")
    channel: Literal["sms", "telegram", "simulator"]
    phone: str | None = Field(default=None, max_length=40)
    telegram_chat_id: int | None = None
    language: Literal["en", "es"] = "en"
    consent: bool = False


class CarerChange(BaseModel):
    """Only the fields given change."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, max_length=200)
    relationship: str | None = Field(default=None, max_length=60)
    channel: Literal["sms", "telegram", "simulator"] | None = None
    phone: str | None = Field(default=None, max_length=40)
    telegram_chat_id: int | None = None
    language: Literal["en", "es"] | None = None


def _refused(exc: PatientError) -> HTTPException:
    return HTTPException(422, [{"field": k, "reason": v} for k, v in exc.problems.items()])


def _http(exc: Exception) -> HTTPException:
    if isinstance(exc, NotAllowed):
        return HTTPException(403, str(exc))
    if isinstance(exc, NotFound):
        return HTTPException(404, str(exc))
    assert isinstance(exc, PatientError)
    return _refused(exc)


@router.get("/patients/{external_id}/carers")
async def list_carers(external_id: ExternalId, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    """The patient's carers (not those taken off)."""
    async with rt.db.transaction() as session:
        try:
            patient = await patients.of_clinic(session, me, external_id=external_id)
        except NotFound as exc:
            raise _http(exc) from None
        found = await carers.of_patient(session, patient.id)
        staff_did(session, me, "list", "carers", patient.id, at=rt.clock.now(), channel="api")
        return {"carers": [carers.describe(c) for c in found]}


@router.post("/patients/{external_id}/carers", status_code=201)
async def add_carer(external_id: ExternalId, body: CarerBody, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    """A new carer of the patient (admins only)."""
    data = body.model_dump(exclude={"consent"})
    try:
        async with rt.db.transaction() as session:
            patient = await patients.of_clinic(session, me, external_id=external_id)
            carer = await carers.add(session, me, patient, data, rt.clock.now(), "api", consent=body.consent)
            return carers.describe(carer)
    except (NotAllowed, NotFound, PatientError) as exc:
        raise _http(exc) from None


@router.patch("/patients/{external_id}/carers/{carer_id}")
async def change_carer(
    external_id: ExternalId, carer_id: RowId, body: CarerChange, rt: RuntimeDep, me: ApiStaff
) -> dict[str, Any]:
    """The carer with the fields given changed (admins only); `changed` names them."""
    data = body.model_dump(exclude_unset=True)
    try:
        async with rt.db.transaction() as session:
            patient = await patients.of_clinic(session, me, external_id=external_id)
            carer = await carers.one(session, patient, carer_id)
            changed = await carers.change(session, me, patient, carer, data, rt.clock.now(), "api")
            return {**carers.describe(carer), "changed": changed}
    except (NotAllowed, NotFound, PatientError) as exc:
        raise _http(exc) from None


@router.post("/patients/{external_id}/carers/{carer_id}/consent")
async def record_consent(
    external_id: ExternalId, carer_id: RowId, rt: RuntimeDep, me: ApiStaff
) -> dict[str, Any]:
    """Record, as the caller and now, that the patient agreed this carer may write for them."""
    try:
        async with rt.db.transaction() as session:
            patient = await patients.of_clinic(session, me, external_id=external_id)
            carer = await carers.one(session, patient, carer_id)
            await carers.record_consent(session, me, patient, carer, rt.clock.now(), "api")
            return carers.describe(carer)
    except (NotAllowed, NotFound, PatientError) as exc:
        raise _http(exc) from None


@router.delete("/patients/{external_id}/carers/{carer_id}")
async def remove_carer(
    external_id: ExternalId, carer_id: RowId, rt: RuntimeDep, me: ApiStaff
) -> dict[str, Any]:
    """Take the carer off: their number is a stranger's again; the transcript still names them."""
    try:
        async with rt.db.transaction() as session:
            patient = await patients.of_clinic(session, me, external_id=external_id)
            carer = await carers.one(session, patient, carer_id)
            await carers.remove(session, me, patient, carer, rt.clock.now(), "api")
            return carers.describe(carer)
    except (NotAllowed, NotFound, PatientError) as exc:
        raise _http(exc) from None


@router.post("/patients/{external_id}/carers/{carer_id}/invite", status_code=201)
async def invite_carer(
    external_id: ExternalId, carer_id: RowId, rt: RuntimeDep, me: ApiStaff
) -> dict[str, Any]:
    """A single-use Telegram link that ties the opener's chat to this carer (admins only; 409
    while Telegram is off)."""
    try:
        patients.require_admin(me)
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from None
    try:
        made = await invites.invite_carer(rt.service, external_id, carer_id, me.email, me.clinic_id)
    except invites.InviteError as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return {"link": made.link, "expires_at": made.expires_at.isoformat()}
