"""Night pain is pain that wakes one. Woken by the dog, the baby or the alarm, with a stiff back
in the same text, is no night pain; "my back wakes me up every night" still is."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str) -> Assessment:
    return default_engine("en").assess(text, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "the dog wakes me at 5, back's a bit stiff",
        "baby kept me up all night, neck is sore",
        "the neighbours party kept us awake, my back aches a bit today",
        "the bin lorry woke me at 6, bit of a stiff neck",
        "alarm woke me at 6 and my lower back was a bit achy",
    ],
)
def test_woken_by_something_else_is_no_night_pain(text: str) -> None:
    a = assess(text)
    assert "spinal-pain-flags" not in a.rules
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "my back pain wakes me up every night",
        "back hurts, it wakes me up",
        "the pain in my back wakes me at 3am",
        "the dog woke me but the back pain keeps me up most nights",
    ],
)
def test_pain_that_wakes_is_still_night_pain(text: str) -> None:
    a = assess(text)
    assert "spinal-pain-flags" in a.rules
