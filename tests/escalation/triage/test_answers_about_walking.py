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


@pytest.mark.parametrize(
    ("text", "question", "concept"),
    [
        ("no", "Is he able to walk?", "gait_difficulty"),
        ("not really", "Are you able to walk?", "gait_difficulty"),
        ("no", "Can you stand up on your own?", "gait_difficulty"),
        ("no", "Have you been able to pass urine today?", "bladder_bowel_dysfunction"),
        ("I have not", "Have you been able to pass urine today?", "bladder_bowel_dysfunction"),
    ],
)
def test_no_to_whether_one_is_able_is_the_trouble(text: str, question: str, concept: str) -> None:
    a = assess(text, question)
    assert "present" in {f.status for f in a.findings if f.concept == concept}
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("yes", "Are you able to walk?"),
        ("yes fine", "Can you walk to the bathroom?"),
        ("yes", "Have you been able to pass urine today?"),
    ],
)
def test_yes_to_whether_one_is_able_is_none(text: str, question: str) -> None:
    assert assess(text, question).level.label == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a bit stiff in the mornings", "routine"),
        ("knees a bit sore", "routine"),
        ("ankles a bit swollen", "urgent"),
    ],
)
def test_a_degree_of_another_complaint_is_no_yes_to_trouble_walking(text: str, expected: str) -> None:
    a = assess(text, "Are you having trouble walking?")
    assert "cord-signs" not in a.rules
    assert a.level.label == expected


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("a bit", "Are you having trouble walking?"),
        ("a little, my legs feel heavy", "Are you having trouble walking?"),
        ("bit fuzzy, lost track of the day twice", "Any confusion or drowsiness?"),
    ],
)
def test_a_degree_said_alone_or_of_what_was_asked_is_still_a_yes(text: str, question: str) -> None:
    assert assess(text, question).level.label == "emergency"
