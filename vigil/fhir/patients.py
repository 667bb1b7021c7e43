"""A Vigil patient as a FHIR Patient."""

from __future__ import annotations

from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.contactpoint import ContactPoint
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.patient import PatientCommunication
from fhir.resources.R4B.reference import Reference

from vigil.core.models import Clinic, Patient

from . import codes

LANGUAGES = {"en": "English", "es": "Spanish"}


def patient(row: Patient, clinic: Clinic) -> FhirPatient:
    """Who the patient is to Vigil: the clinic's id for them, their name, their mobile
    number when Vigil has one, and the language it writes to them in. `active` is false once the
    clinic file no longer lists them (discharged)."""
    language = row.language or "en"
    return FhirPatient(
        id=codes.patient_rid(row.id),
        identifier=[Identifier(system=codes.patient_ids(clinic.slug), value=row.external_id)],
        active=row.discharged_at is None,
        name=[HumanName(text=row.name)] if row.name else None,
        telecom=[ContactPoint(system="phone", value=row.phone, use="mobile")] if row.phone else None,
        communication=[
            PatientCommunication(
                language=CodeableConcept(
                    coding=[codes.coding(codes.LANGUAGE, language, LANGUAGES.get(language))]
                ),
                preferred=True,
            )
        ],
        managingOrganization=Reference(display=clinic.name),
    )
