"""What a new user's trial found over-read: one swollen finger or toe is no swollen arm or leg,
and "el dedo gordo" is the big toe. The arm, the hand and the calf stay what they were."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import default_engine


def level(text: str, language: str = "en") -> str:
    return default_engine(language).assess(text).level.label


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("my thumb is all swollen where I caught it in the door", "en"),
        ("swollen toe, think it's the gout again", "en"),
        ("tengo un dedo de la mano inflamado", "es"),
        ("me duele el dedo gordo del pie derecho", "es"),
    ],
)
def test_one_swollen_finger_or_toe_is_for_the_care_team_not_a_clot_or_svc(text: str, language: str) -> None:
    assert level(text, language) == "routine"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("my left arm has swollen right up", "en"),
        ("my calf is swollen and hot", "en"),
        ("tengo la pantorrilla hinchada y caliente", "es"),
        ("se me hinchó el brazo derecho", "es"),
    ],
)
def test_a_swollen_arm_or_calf_stays_urgent(text: str, language: str) -> None:
    assert level(text, language) == "urgent"
