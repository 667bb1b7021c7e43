"""Vigil's record in FHIR R4: a patient's `$everything` and the clinic's Bulk Data export.

Pure mapping, one module per family of resources — `patients.py` (Patient), `checkins.py`
(Questionnaire, QuestionnaireResponse, Observation), `cases.py` (Flag, DetectedIssue),
`messages.py` (Communication) — from rows the caller has read; `export.py` reads those rows,
a batch at a time, for one patient or a whole clinic since a date. Every resource is built as
a model object of `fhir.resources` (its R4B models, whose shapes for these resource types are
R4's), so a resource that does not fit its shape fails where it is made, not in an EHR.
"""
