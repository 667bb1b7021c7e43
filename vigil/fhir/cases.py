"""A case as a Flag (what the record should warn of while it is open) and a DetectedIssue
(why Vigil raised it: each reason's rule, concept and the patient's words, linked to the
message they came from; and what the nurse did: the disposition, as its mitigation)."""

from __future__ import annotations

from collections.abc import Sequence

from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.detectedissue import DetectedIssue, DetectedIssueEvidence, DetectedIssueMitigation
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.flag import Flag
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.period import Period

from vigil.core.models import Clinic
from vigil.escalation.models import Case, CaseReason

from . import codes

SEVERITY = {"emergency": "high", "urgent": "moderate", "routine": "low"}


def _identifier(case: Case, clinic: Clinic) -> Identifier:
    return Identifier(system=codes.case_ids(clinic.slug), value=str(case.id))


def _level(case: Case) -> CodeableConcept:
    return codes.concept(
        codes.LEVEL, case.level, text=f"Vigil {case.level} case #{case.id}", display=case.level.title()
    )


def flag(case: Case, clinic: Clinic) -> Flag:
    """Active while the case is open or acknowledged; inactive once resolved."""
    return Flag(
        id=codes.case_rid(case.id),
        identifier=[_identifier(case, clinic)],
        status="inactive" if case.status == "resolved" else "active",
        category=[CodeableConcept(coding=[codes.coding(codes.FLAG_CATEGORY, "clinical", "Clinical")])],
        code=_level(case),
        subject=codes.ref("Patient", codes.patient_rid(case.patient_id)),
        period=Period(start=case.opened_at, end=case.resolved_at),
        author=codes.vigil_ref(),
        extension=[
            Extension(
                url=codes.FLAG_DETAIL, valueReference=codes.ref("DetectedIssue", codes.case_rid(case.id))
            )
        ],
    )


def detected_issue(
    case: Case, reasons: Sequence[CaseReason], clinic: Clinic, resolver: codes.Person | None = None
) -> DetectedIssue:
    """Why Vigil raised the case, and what the nurse did: `resolver` is who resolved it."""
    rules = list(dict.fromkeys(r.rule for r in reasons if r.rule))
    found = list(dict.fromkeys(codes.words(r.concept) for r in reasons if r.concept))
    return DetectedIssue(
        id=codes.case_rid(case.id),
        identifier=[_identifier(case, clinic)],
        status="final" if case.status == "resolved" else "preliminary",
        code=_level(case),
        severity=SEVERITY.get(case.level),
        patient=codes.ref("Patient", codes.patient_rid(case.patient_id)),
        identifiedDateTime=case.opened_at,
        author=codes.vigil_ref(),
        implicated=[codes.ref("Flag", codes.case_rid(case.id))],
        evidence=[_evidence(r) for r in sorted(reasons, key=lambda r: (r.at, r.id))] or None,
        detail=f"{case.level.title()}: {', '.join(rules or found) or 'no reason recorded'}",
        mitigation=[_disposition(case, resolver)] if case.disposition else None,
    )


def _evidence(reason: CaseReason) -> DetectedIssueEvidence:
    coded = []
    if reason.rule:
        coded.append(codes.concept(codes.RULE, reason.rule, text=reason.rule))
    if reason.concept:
        coded.append(codes.concept(codes.CONCEPT, reason.concept, text=codes.words(reason.concept)))
    said: list[Extension] = [
        Extension(url=codes.REASON_LEVEL, valueCode=reason.level),
        codes.time_ext(codes.REASON_AT, reason.at),
    ]
    if reason.evidence:
        said.append(codes.text_ext(codes.EVIDENCE_TEXT, reason.evidence))
    if reason.start is not None and reason.end is not None:
        said += [
            codes.int_ext(codes.EVIDENCE_START, reason.start),
            codes.int_ext(codes.EVIDENCE_END, reason.end),
        ]
    if reason.trend:
        said.append(codes.text_ext(codes.REASON_TREND, reason.trend))
    return DetectedIssueEvidence(
        code=coded or [CodeableConcept(text=f"{reason.level} reason")],
        detail=(
            [codes.ref("Communication", codes.inbound_rid(reason.message_id))]
            if reason.message_id is not None
            else None
        ),
        extension=said,
    )


def _disposition(case: Case, resolver: codes.Person | None) -> DetectedIssueMitigation:
    disposition = case.disposition or "other"
    return DetectedIssueMitigation(
        action=codes.concept(
            codes.DISPOSITION, disposition, text=codes.words(disposition), display=codes.words(disposition)
        ),
        date=case.resolved_at,
        author=codes.staff_ref(resolver) if resolver else None,
        extension=[codes.text_ext(codes.DISPOSITION_NOTE, case.note)] if case.note else None,
    )
