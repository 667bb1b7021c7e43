"""A wish to die, said plainly or passively, is self-harm (emergency with the crisis line);
everyday phrases with the same words are not."""

from __future__ import annotations

import pytest

from .conftest import assess


@pytest.mark.parametrize(
    "text",
    [
        "I find myself wishing for death most days now",
        "Ive had enough of all of it. Im going to end things tonight",
        "praying for death",
        "wish i could die",
        "honestly ive had enough of living",
        "im ready to die",
    ],
)
def test_a_wish_to_die_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self-harm" in a.rules
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    ["I want to end it with my boyfriend", "ready to go now", "we are ready to go to the appointment"],
)
def test_leaving_and_ending_a_relationship_are_not(text: str) -> None:
    assert "self-harm" not in assess(text).rules


def test_no_point_carrying_on_and_a_thought_out_way_are_self_harm() -> None:
    a = assess("Also I don't really see the point of carrying on, I've thought about how I'd do it")
    assert "self-harm" in a.rules
