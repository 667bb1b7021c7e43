"""An answer said before the words that say who told it ("yes mum said I was shaking", "9 she
says it's unbearable") is the answer: only a greeting before an answer is passed over. And a
"no" said on its own before a clause of its own ("no i cant breathe") denies nothing in it."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import default_engine


def level(text: str, question: str | None = None) -> str:
    return default_engine("en").assess(text, question, None).level.label


@pytest.mark.parametrize(
    ("text", "question", "want"),
    [
        ("yes mum said i was shaking for 5 mins", "Have you had a seizure?", "emergency"),
        ("yes he told me he fell", "Are your legs weak or numb?", "emergency"),
        ("yes, she told me it started an hour ago", "Any chest pain?", "urgent"),
        ("9 she says its unbearable", "On a scale of 0 to 10, how bad is your pain?", "urgent"),
    ],
)
def test_an_answer_before_who_told_it_is_the_answer(text: str, question: str, want: str) -> None:
    assert level(text, question) == want


@pytest.mark.parametrize(
    ("text", "question", "want"),
    [
        ("no i want to die", "Are you ok?", "emergency"),
        ("no i cant breathe", "Is everything ok?", "emergency"),
        ("nope i cant move my legs", None, "emergency"),
        ("no ive been coughing up blood all day", None, "urgent"),
    ],
)
def test_a_no_said_on_its_own_before_a_clause_denies_nothing_in_it(
    text: str, question: str | None, want: str
) -> None:
    assert level(text, question) == want


@pytest.mark.parametrize(
    "text", ["no i dont have a fever", "no im not in pain", "no i havent had any chest pain"]
)
def test_a_no_before_a_clause_that_denies_itself_stays_a_denial(text: str) -> None:
    assert level(text) == "none"
