"""Regressions a review of the day's tuning found, each held as a class: a carer's "what do I do
if I..." still leaves the relative the patient; Spanish "no ha vuelto" and "como nuevo" end a
symptom only when said of it; "not just when resting" denies nothing; "passed on" and "passed
just a little urine" are no death; "husband here with me" says nothing of who writes; blood
after a cough from the ear or with a wee is not coughed up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import default_engine, engines
from vigil.escalation.triage.conversation import Message

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)


def level(text: str, language: str = "en") -> str:
    return str(default_engine(language).assess(text, None, None).level.label)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "my husband had his chemo on Monday, temp is 38.9, what do I do if I can't get through",
            "en",
        ),
        (
            "mum had her chemo and can't feel her legs, what should I do if I can't get her up",
            "en",
        ),
        ("me desmaye y mi hija no ha vuelto", "es"),
        ("no puedo caminar y la enfermera no volvio", "es"),
        ("me falta el aire hasta sentado, ni descansando quedo como nuevo", "es"),
        ("breathless and not just when I'm resting, walking too", "en"),
        ("my mum passed on your number, she has been vomiting blood all morning", "en"),
        ("my mum passed just a little urine today and she is very confused", "en"),
    ],
)
def test_an_emergency_stays_an_emergency(text: str, language: str) -> None:
    assert level(text, language) == "emergency"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("tengo la pierna hinchada, es algo como nuevo", "es", "urgent"),
        ("esposo aqui al lado yo tengo fiebre de 39", "es", "urgent"),
        ("esposo aqui conmigo yo tengo tos", "es", "routine"),
        ("llegue sin aliento, pero a los cinco minutos como nuevo", "es", "none"),
        ("la fiebre no me ha vuelto a dar", "es", "none"),
        ("my dad had terrible pain at the end, he passed ten years ago", "en", "none"),
    ],
)
def test_the_reading_the_spec_gives(text: str, language: str, expected: str) -> None:
    assert level(text, language) == expected


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        ("coughing all night", "and blood coming from my ear", "en"),
        ("been coughing a lot", "and my port site is bleeding a bit", "en"),
        ("tosiendo toda la noche", "y me salio sangre al orinar", "es"),
    ],
)
def test_blood_from_elsewhere_after_a_cough_is_not_coughed_up(first: str, second: str, language: str) -> None:
    messages = [Message(first, T0), Message(second, T0 + timedelta(hours=2))]
    a = engines.read_conversation(messages, None, language).assessment
    assert "hemoptysis" not in {f.concept for f in a.findings if f.status == "present"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("cant feel nothing in my legs", "en"),
        ("i feel nothing in my legs", "en"),
        ("no tengo nada de fuerza en las piernas", "es"),
    ],
)
def test_lost_feeling_or_strength_said_with_a_nothing_is_a_cord_sign(text: str, language: str) -> None:
    a = default_engine(language).assess(text, None, None)
    assert "cord-signs" in a.rules


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("cant feel nothing wrong with my legs, just tired", "en", "routine"),
        ("fiebre treinta y seis cinco", "es", "none"),
        ("tengo treinta y seis de temperatura", "es", "none"),
        ("fiebre treinta y ocho dos", "es", "urgent"),
    ],
)
def test_nothing_wrong_and_a_normal_temperature_in_words_raise_nothing(
    text: str, language: str, expected: str
) -> None:
    assert level(text, language) == expected


def test_a_carers_own_back_after_naming_themselves_stays_theirs() -> None:
    a = default_engine("en").assess(
        "his feet are a bit tingly, Ive hurt my own back lifting him", None, {"writer": "carer"}
    )
    assert "mscc-neuro" not in a.rules
    assert {f.status for f in a.findings if f.concept == "back_pain"} == {"other"}
