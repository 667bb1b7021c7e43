"""What a "no" denies ends where a new clause begins, even when the texter left out the full
stop: "no fever my legs are weak" denies the fever, not the legs, and "no doy más tengo ganas
de matarme" is a wish to die, not a denied one. A denial hedged by a belief ("creo que no
tengo fiebre", "no creo que tenga fiebre") is still a denial."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, language: str = "en") -> Assessment:
    return default_engine(language).assess(text, None, None)


def statuses(a: Assessment, concept: str) -> set[str]:
    return {f.status for f in a.findings if f.concept == concept}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("No doy más tengo ganas de matarme", "es"),
        ("no aguanto más quiero morirme", "es"),
    ],
)
def test_a_wish_to_die_after_an_unstopped_no_is_present(text: str, language: str) -> None:
    a = assess(text, language)
    assert a.level.label == "emergency"
    assert "self-harm" in a.rules


@pytest.mark.parametrize(
    ("text", "language", "denied", "present"),
    [
        ("no fever my legs are weak", "en", "fever", "limb_weakness"),
        ("no cough its my chest thats sore", "en", "cough", "chest_pain"),
        ("no tengo fiebre tengo tos", "es", "fever", "cough"),
    ],
)
def test_a_new_clause_after_a_denial_is_not_denied(
    text: str, language: str, denied: str, present: str
) -> None:
    a = assess(text, language)
    assert statuses(a, denied) == {"negated"}
    assert "present" in statuses(a, present)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("i dont think i have a fever", "en"),
        ("no numbness in my legs", "en"),
        ("no tengo fiebre ni tengo tos", "es"),
        ("creo que no tengo fiebre", "es"),
        ("no creo que tenga fiebre", "es"),
        ("pienso que no tengo fiebre", "es"),
    ],
)
def test_a_denial_that_goes_on_or_is_hedged_stays_a_denial(text: str, language: str) -> None:
    a = assess(text, language)
    assert a.level.label == "none"
    assert all(f.status != "present" for f in a.findings)


def test_a_hedged_denial_leaves_what_follows_its_but() -> None:
    a = assess("creo que no tengo fiebre pero me duele el pecho", "es")
    assert statuses(a, "fever") == {"negated"}
    assert "present" in statuses(a, "chest_pain")


@pytest.mark.parametrize(
    ("text", "language", "present"),
    [
        ("no breathlessness no chest pain just a swollen sore calf", "en", "leg_swelling"),
        ("no pain my legs are weak", "en", "limb_weakness"),
        ("no me falta el aire solo la tos que no se quita", "es", "cough"),
    ],
)
def test_what_is_set_apart_from_a_denial_is_present(text: str, language: str, present: str) -> None:
    a = assess(text, language)
    assert "present" in statuses(a, present)


def test_a_denied_site_after_a_preposition_stays_denied() -> None:
    a = assess("no pain or numbness in my legs")
    assert all(f.status != "present" for f in a.findings)


@pytest.mark.parametrize(
    "text",
    [
        "prob nothing just a bit of a temperature i'm on the pembrolizumab",
        "Nothing dramatic just my legs gave out on the stairs",
    ],
)
def test_what_follows_a_nothing_and_a_just_is_present(text: str) -> None:
    assert assess(text).level.label == "emergency"


def test_not_just_a_cramp_in_a_question_is_no_contrast() -> None:
    assert assess("How will I know if it's a clot and not just a cramp?").level.label == "none"
