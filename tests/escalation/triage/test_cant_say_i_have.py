""" "Can't say I have" is a polite no: to "Any new weakness in your legs?" it denies the weakness,
with or without a "no" before it ("no cant say I've noticed any weakness" had read as an
emergency: the "no, can't say" of not knowing had taken the "no")."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, question: str | None = None) -> Assessment:
    return default_engine("en").assess(text, question, None)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("cant say I have", "Any new weakness in your legs?"),
        ("no cant say I've noticed any weakness", "Any new weakness in your legs?"),
        ("no cant say ive noticed any weakness", None),
        ("nah can't say I have noticed any numbness", "Any numbness in your legs?"),
    ],
)
def test_cant_say_i_have_is_a_no(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert a.level.label == "none"
    assert not [f for f in a.findings if f.status == "present"]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("no, can't say, maybe a 7", "How bad is your back pain from 0 to 10?"),
        ("cant say for sure but my legs feel weak", None),
    ],
)
def test_cant_say_of_not_knowing_still_lets_the_rest_answer(text: str, question: str | None) -> None:
    assert assess(text, question).level.label in {"urgent", "emergency"}
