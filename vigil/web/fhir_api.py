"""FHIR R4 over the JSON API: a patient's whole Vigil record as a Bundle, as the hospital's
record would fetch it (`$everything`). The mapping is vigil/fhir's; this is only the door:
the token, the clinic's scope, the audit and the content type."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import select

from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Patient
from vigil.fhir import export

from .deps import ApiStaff, ExternalId, RuntimeDep

router = APIRouter(tags=["fhir"])

FHIR_JSON = "application/fhir+json"


@router.get(
    "/fhir/Patient/{external_id}/$everything",
    response_class=Response,
    summary="A patient's whole Vigil record as a FHIR R4 Bundle",
    responses={200: {"content": {FHIR_JSON: {"schema": {"type": "object"}}}}},
)
async def everything(external_id: ExternalId, request: Request, rt: RuntimeDep, me: ApiStaff) -> Response:
    """A searchset Bundle (`application/fhir+json`): the Patient, the protocols as
    Questionnaires, each check-in as a QuestionnaireResponse with its 0-10 scores as
    Observations, each case as a Flag and a DetectedIssue (rules, evidence, the nurse's
    disposition), each message both ways as a Communication. Audited as an `export` of
    `fhir` for that patient."""
    now = rt.clock.now()
    async with rt.db.transaction() as session:
        patient = await session.scalar(
            select(Patient).where(Patient.clinic_id == me.clinic_id, Patient.external_id == external_id)
        )
        clinic = await session.get(Clinic, me.clinic_id)
        if patient is None or clinic is None:
            raise HTTPException(404, "no such patient")
        resources = await export.everything(session, clinic, patient)
        staff_did(
            session,
            me,
            "export",
            "fhir",
            patient.id,
            at=now,
            channel="api",
            external_id=patient.external_id,
            resources=len(resources),
        )
    base = f"{rt.settings.public_url.rstrip('/')}/api/v1/fhir"
    self_url = f"{rt.settings.public_url.rstrip('/')}{request.url.path}"
    body = export.bundle(resources, base, self_url, now).model_dump_json()
    return Response(body, media_type=FHIR_JSON)
