"""The code systems, identifiers and extensions the export uses, and small builders for them.

Standard codes where they exist (LOINC for pain severity, HL7's flag and observation
categories, BCP 47 languages); Vigil's own systems otherwise, all under `BASE`, a namespace
that names Vigil's codes and is not meant to resolve.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.reference import Reference

BASE = "https://vigil.invalid/fhir"

# Vigil's code systems.
LEVEL = f"{BASE}/CodeSystem/level"  # routine | urgent | emergency
RULE = f"{BASE}/CodeSystem/triage-rule"  # the rules of docs/triage.md (mscc-neuro, ...)
CONCEPT = f"{BASE}/CodeSystem/triage-concept"  # the concepts of docs/triage.md (back_pain, ...)
DISPOSITION = f"{BASE}/CodeSystem/disposition"  # what the nurse did (advice_given, ...)
SCORE = f"{BASE}/CodeSystem/score"  # a 0-10 measure: its concept, or the question's key
CHANNEL = f"{BASE}/CodeSystem/channel"  # sms | telegram | simulator
MESSAGE_KIND = f"{BASE}/CodeSystem/message-kind"  # patient-message, question, safety, reply, ...

# Identifier systems.
STAFF = f"{BASE}/staff-email"


def patient_ids(slug: str) -> str:
    """The system of a clinic's own patient ids (the clinic file's `external_id`)."""
    return f"{BASE}/clinic/{slug}/patient"


def case_ids(slug: str) -> str:
    """The system of a clinic's case numbers (`#12` on the dashboard)."""
    return f"{BASE}/clinic/{slug}/case"


def questionnaire_url(slug: str, key: str) -> str:
    """The canonical URL of a clinic's protocol as a Questionnaire."""
    return f"{BASE}/clinic/{slug}/Questionnaire/{key}"


# Vigil's extensions.
ANSWER_TEXT = f"{BASE}/StructureDefinition/answer-text"  # the patient's own words of an answer
EVIDENCE_TEXT = f"{BASE}/StructureDefinition/evidence-text"  # the words that fired a rule
EVIDENCE_START = f"{BASE}/StructureDefinition/evidence-start"  # their offsets in the message
EVIDENCE_END = f"{BASE}/StructureDefinition/evidence-end"
REASON_LEVEL = f"{BASE}/StructureDefinition/reason-level"  # the level that reason alone gave
REASON_TREND = f"{BASE}/StructureDefinition/trend"  # why a 0-10 answer counts as worsening
REASON_AT = f"{BASE}/StructureDefinition/reason-at"
DISPOSITION_NOTE = f"{BASE}/StructureDefinition/disposition-note"  # the nurse's note on resolving

# HL7's own.
FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail"
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"  # a question's other languages
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
COMMUNICATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/communication-category"
LANGUAGE = "urn:ietf:bcp:47"
LOINC = "http://loinc.org"

# LOINC where a 0-10 measure has a code: pain, wherever it is (the site stays in Vigil's code).
PAIN_SEVERITY = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
PAIN_CONCEPTS = frozenset({"back_pain", "neck_pain", "radicular_pain", "chest_pain", "headache", "pain"})


def loinc_of(measure: str) -> tuple[str, str] | None:
    """The LOINC code and display of a 0-10 measure, when there is one."""
    return PAIN_SEVERITY if measure in PAIN_CONCEPTS else None


def coding(system: str, code: str, display: str | None = None) -> Coding:
    return Coding(system=system, code=code, display=display)


def concept(system: str, code: str, text: str | None = None, display: str | None = None) -> CodeableConcept:
    return CodeableConcept(coding=[coding(system, code, display)], text=text)


def words(code: str) -> str:
    """A code as words: `sent_to_emergency` -> `sent to emergency`."""
    return code.replace("_", " ").replace("-", " ")


def ref(resource_type: str, rid: str, display: str | None = None) -> Reference:
    return Reference(reference=f"{resource_type}/{rid}", display=display)


@dataclass(frozen=True, slots=True)
class Person:
    """A staff member as the export names them: the email Vigil knows them by, and their name."""

    email: str
    name: str | None = None


def staff_ref(person: Person) -> Reference:
    """A staff member, by their email (the export carries no Practitioner resources)."""
    return Reference(
        type="Practitioner", identifier=Identifier(system=STAFF, value=person.email), display=person.name
    )


def vigil_ref() -> Reference:
    """Vigil itself, as the author of what it sent or found."""
    return Reference(type="Device", display="Vigil")


def text_ext(url: str, value: str) -> Extension:
    return Extension(url=url, valueString=value)


def int_ext(url: str, value: int) -> Extension:
    return Extension(url=url, valueInteger=value)


def time_ext(url: str, value: datetime) -> Extension:
    return Extension(url=url, valueDateTime=value)


def ext_value(extensions: list[Extension] | None, url: str) -> object:
    """The value of the extension `url` among `extensions` (None when absent): for readers."""
    for e in extensions or ():
        if e.url == url:
            for name in ("valueString", "valueInteger", "valueDateTime", "valueCode", "valueReference"):
                value = getattr(e, name, None)
                if value is not None:
                    return value
    return None


# Resource ids: stable (from Vigil's row ids, never reused) and unique per resource type.
def patient_rid(patient_id: int) -> str:
    return f"patient-{patient_id}"


def protocol_rid(protocol_id: int) -> str:
    return f"protocol-{protocol_id}"


def checkin_rid(checkin_id: int) -> str:
    return f"checkin-{checkin_id}"


def answer_rid(answer_id: int) -> str:
    return f"answer-{answer_id}"


def case_rid(case_id: int) -> str:
    """A case's Flag and its DetectedIssue share it (ids are unique per resource type)."""
    return f"case-{case_id}"


def inbound_rid(message_id: int) -> str:
    return f"message-in-{message_id}"


def outbound_rid(message_id: int) -> str:
    return f"message-out-{message_id}"
