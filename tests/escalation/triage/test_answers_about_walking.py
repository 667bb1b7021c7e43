"""One walks on one's legs: "wobbly" or "a bit weak" to "Any problems with walking or balance?"
is said of the legs, limb weakness (a cord sign), not the tiredness "wobbly" alone would be."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, question: str | None = None) -> Assessment:
    return default_engine("en").assess(text, question, None)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("very wobbly, using the frame", "Any problems with walking or balance?"),
        ("wobbly", "Any trouble walking?"),
        ("like jelly", "Any problems with walking?"),
        ("heavy", "Any difficulty walking?"),
    ],
)
def test_a_quality_said_to_a_walking_question_is_of_the_legs(text: str, question: str) -> None:
    a = assess(text, question)
    assert a.level.label == "emergency"
    assert "cord-signs" in a.rules


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("wobbly", None),
        ("no, just tired", "Any problems with walking or balance?"),
        ("no problems, bit tired today", "Any trouble walking?"),
    ],
)
def test_tiredness_or_a_denial_stays_what_it_is(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert a.level.label in {"none", "routine"}


def test_a_quality_that_is_no_weakness_or_numbness_is_not_made_one_of_the_legs() -> None:
    a = assess("not too bad", "Any problems with walking or balance?")
    assert "limb_weakness" not in {f.concept for f in a.findings}
    assert "numbness" not in {f.concept for f in a.findings}
