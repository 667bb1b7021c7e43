"""Red-team set 17's classes and the older holdouts' leftovers: Scots texting ("masel",
"frae", "wullnae", "a hoast", "a sair heid", "the skitters", "feelin boakie"), and the near
misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development sets' own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("the hoast is keeping me up at night", "cough"),
        ("a sair heid since Tuesday", "headache"),
        ("had the skitters all morning", "diarrhea"),
        ("feeling a wee bit boakie after the tablets", "nausea"),
    ],
)
def test_scots_words_for_symptoms_are_those_symptoms(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "ma legs wullnae hold me up",
        "I cannae lift masel aff the chair, legs have nae strength",
        "her legs willnae carry her tae the door",
    ],
)
def test_scots_legs_that_will_not_hold_are_cord_signs(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY


def test_scots_bleeding_from_the_back_passage_is_bleeding() -> None:
    assert "bleeding" in present(assess("bleeding frae the back passage since this morning"))


@pytest.mark.parametrize(
    "text",
    [
        "nae hoast the day, breathin's grand",
        "the wean has a hoast, I'm fine masel",
        "walked tae the shops w/o getting puffed",
    ],
)
def test_scots_denials_and_someone_elses_cough_are_not_urgent(text: str) -> None:
    a = assess(text)
    assert "cough" not in present(a)
    assert "dyspnea" not in present(a)
    assert a.level < Level.URGENT
