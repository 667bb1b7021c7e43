"""An answer to a check-in question often comes after a greeting or a courtesy ("morning. 7",
"hi sorry to bother you, yes", "buenos días, sí"): the answer is read after them, as it would
be alone (docs/triage.md, "Answers to check-in questions"). A greeting's "good" or "ok" is no
"my legs are fine", and a number inside it ("quick one") is no score."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine

LEGS = "Any new weakness in your legs?"
NUMB = "Any numbness in your legs?"
BACK = "How bad is your back pain from 0 to 10?"
PIERNAS = "¿Nota debilidad nueva en las piernas?"
ESPALDA = "Del 0 al 10, ¿cuánto le duele la espalda?"


def assess(text: str, question: str, language: str = "en") -> Assessment:
    return default_engine(language).assess(text, question, None)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("hi, yes", LEGS),
        ("Good morning! yes since last night", LEGS),
        ("hello nurse, yes they are", LEGS),
        ("hi sorry to bother you, yes", LEGS),
        ("Evening all. yep, both of them", LEGS),
        ("ok so yes both legs", NUMB),
        ("thanks for checking in, yes", LEGS),
    ],
)
def test_a_yes_after_a_greeting_is_still_a_yes(text: str, question: str) -> None:
    a = assess(text, question)
    assert a.level.label == "emergency"
    assert "cord-signs" in a.rules


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("morning, no", LEGS),
        ("hi there, nope legs fine", LEGS),
        ("Good morning! no, all good", LEGS),
    ],
)
def test_a_no_after_a_greeting_is_still_a_no(text: str, question: str) -> None:
    a = assess(text, question)
    assert a.level.label == "none"
    assert all(f.status != "present" for f in a.findings if f.concept == "limb_weakness")


@pytest.mark.parametrize("text", ["hello nurse, quick one: 8", "morning. 7", "hiya, about an 8"])
def test_a_score_after_a_greeting_is_the_score(text: str) -> None:
    a = assess(text, BACK)
    assert a.level.label == "urgent"
    assert "spinal-pain-flags" in a.rules


@pytest.mark.parametrize(
    ("text", "question", "want"),
    [
        ("hola, sí", PIERNAS, "emergency"),
        ("disculpe la molestia, sí, desde ayer", PIERNAS, "emergency"),
        ("buenas tardes doctora, no", PIERNAS, "none"),
        ("buenos días, 8", ESPALDA, "urgent"),
    ],
)
def test_a_spanish_answer_after_a_greeting_is_read_as_alone(text: str, question: str, want: str) -> None:
    assert assess(text, question, "es").level.label == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ok so worst headache I've ever had", "urgent"),
        ("okay so sudden pain in my back when I bent down", "urgent"),
        ("Ok so all of a sudden a stabbing pain in my chest", "emergency"),
    ],
)
def test_an_ok_that_opens_a_story_is_no_verdict_on_it(text: str, want: str) -> None:
    assert default_engine("en").assess(text, None, None).level.label == want
