"""A bleed that will not stop is told by the bleed's own words: "won't stop", a nosebleed or a
bleeding "for 40 mins", pressing on it for an hour. A stretch of time said of something else in
the sentence ("on the loo for 40 minutes", "sat in the waiting room for an hour") or a short one
("bled for five minutes") says nothing of the bleed."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str) -> Assessment:
    return default_engine("en").assess(text, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "nosebleed for 40 mins",
        "nose bleed going for over an hour now",
        "bloody nose for 45 minutes",
        "her gums are bleeding, we been pressin a rag on em for an hour",
        "held a towel on the cut for half an hour and blood is still coming",
        "been pinching it for 40 mins and the nosebleed is still going",
        "gums won't quit bleeding",
        "nose has been bleeding for 40 minutes",
        "bleeding from my bottom for 2 hours now",
        "i've been bleeding from my nose for an hour",
        "blood coming out of my nose for an hour",
        "blood dripping from my catheter for an hour",
        "my nose has been bleeding for 1 hour",
        "nose bleed going for 55 minutes",
    ],
)
def test_a_bleed_that_goes_on_long_is_major(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "bit of blood on the paper after being on the loo for 40 minutes",
        "sat in the waiting room for an hour, then noticed a bit of blood in my pee",
        "gums bled for 10 mins after flossing",
        "walked for 30 minutes this morning, tiny bit of blood when i blew my nose",
        "nosebleed for 2 minutes this morning",
        "constipated, been pushing for 40 minutes on the loo, bit of blood on the paper",
        "been holding on for 40 minutes to get through to the GP, small nosebleed earlier",
    ],
)
def test_a_stretch_of_time_said_of_something_else_or_short_is_no_major_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding-major" not in a.rules
    assert a.level.label == "routine"
