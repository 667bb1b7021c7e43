"""Issue 10 §3-4, "no silent misses": each class of message the engine used to misread."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level, default_engine

from .conftest import assess

# -- someone else's red flag, and the status INTERFACES promises ---------------------------


def test_someone_elses_emergency_raises_no_case_but_carries_its_level() -> None:
    a = assess("my husband collapsed and can't breathe, what do I do")
    assert a.level is Level.NONE
    assert a.other_person_level is Level.EMERGENCY


def test_a_message_about_only_the_patient_has_no_other_person_level() -> None:
    assert assess("I collapsed and can't breathe").other_person_level is Level.NONE


def test_someone_elses_routine_symptom_is_routine_for_them() -> None:
    assert assess("my wife has a cough, I'm fine").other_person_level is Level.ROUTINE


def test_other_person_advice_names_the_clinics_emergency_number() -> None:
    words = default_engine().other_person_advice(emergency_number="999")
    assert "999" in words
    assert "{" not in words


def test_someone_elses_finding_is_written_out_as_other_person() -> None:
    a = assess("my neighbour fainted at the bus stop")
    (f,) = a.findings
    assert f.status == "other"
    assert f.to_dict()["status"] == "other_person"
    assert a.to_dict()["other_person_level"] == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "my husband is your patient, he has crushing chest pain",
        "my wife who is under your care has crushing chest pain",
        "this is my dad's number, he's had a seizure",
        "my mum is one of your patients and she has had a fit",
    ],
)
def test_a_carer_who_says_the_person_is_the_patient_writes_about_the_patient(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY, a.findings
    assert a.other_person_level is Level.NONE
