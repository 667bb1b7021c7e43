"""English "never before so much": the worst one has known, not a denial (as Spanish "nunca me
había dolido tanto"). A plain "never had" with no comparison still denies."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import default_engine


def level(text: str) -> str:
    return default_engine().assess(text).level.label


@pytest.mark.parametrize(
    "text",
    [
        "never in my life had a headache like this one",
        "I've never felt such a bad headache, it came on at lunch",
        "don't remember ever having a headache this bad",
    ],
)
def test_a_headache_never_known_before_is_severe_not_denied(text: str) -> None:
    assert level(text) == "urgent"


def test_chest_pain_never_known_before_is_an_emergency() -> None:
    assert level("never had chest pain like it before today") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I've never had headaches, touch wood",
        "never had any back pain so no worries on that front",
        "never had back pain this year, all good",
        "I never get headaches like my sister does",
        "never had a headache, like I said to the doctor",
    ],
)
def test_never_without_a_comparison_still_denies(text: str) -> None:
    assert level(text) == "none"
