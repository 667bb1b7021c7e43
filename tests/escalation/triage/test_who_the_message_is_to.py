"""A message often opens with the clinician it is written to ("Doctor coughing blood since
morning", "Doctora, tosiendo sangre"): that title is who reads, not who is ill, so the finding
stays the patient's. And a phrase that must stand alone ("I want to end it") still does when the
next clause follows with no full stop ("I want to end it I'm done fighting this")."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, language: str = "en") -> Assessment:
    return default_engine(language).assess(text, None, None)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Doctor coughing blood since morning", "en"),
        ("Dear Doctor, coughing up blood since this morning", "en"),
        ("Sister coughing up blood since morning", "en"),
        ("Doctora tosiendo sangre desde la mañana", "es"),
        ("Hola enfermera, tosiendo sangre desde anoche", "es"),
    ],
)
def test_the_clinician_addressed_first_is_not_the_one_coughing(text: str, language: str) -> None:
    a = assess(text, language)
    assert a.level.label == "urgent"
    assert any(f.concept == "hemoptysis" and f.status == "present" for f in a.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Nurse, my husband is coughing up blood, he is not your patient",
        "the doctor has a cold so clinic is cancelled",
    ],
)
def test_someone_named_after_the_address_is_still_someone_else(text: str) -> None:
    assert assess(text).level.label == "none"


@pytest.mark.parametrize(
    "text",
    ["I want to end it I'm done fighting this", "I want to end it i cant do this anymore"],
)
def test_a_wish_to_end_it_before_an_unstopped_clause_is_present(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "self-harm" in a.rules


def test_a_limb_numb_from_sitting_is_still_no_saddle_numbness() -> None:
    a = assess("sitting on the chair I can't feel my toes")
    assert all(f.concept != "saddle_numbness" for f in a.findings if f.status == "present")
