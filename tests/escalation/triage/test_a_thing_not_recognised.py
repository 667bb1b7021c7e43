"""Not recognising a thing is no confusion: "I didn't recognise the number that called" had been
an emergency. Not recognising one's own family, house or street still is."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import default_engine


def level(text: str) -> str:
    return str(default_engine("en").assess(text, None, None).level.label)


@pytest.mark.parametrize(
    "text",
    [
        "I didn't recognise the number that called",
        "dont recognise the name on the letter, is it from you?",
        "didn't recognise the doctor on the ward round, is he new?",
    ],
)
def test_a_thing_not_recognised_is_no_confusion(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "she didn't recognise me this morning",
        "he doesnt recognise our house",
        "dad doesnt recognise anyone today",
        "mum didnt recognise the tablets, said they were someone elses",
    ],
)
def test_not_recognising_ones_own_is_still_confusion(text: str) -> None:
    assert level(text) == "emergency"
