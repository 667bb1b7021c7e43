"""What a carer sees, told in their words (red-team set 15's relative-noticed class): a shuffle,
someone found on a floor, a face gone wonky, a feared stroke; with near misses beside them.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, assess


@pytest.mark.parametrize(
    "text",
    [
        "she's begun to shuffle when she walks",
        "he's just shuffling about the house now",
        "found her slumped on the kitchen floor, she can't say what happened",
        "I'm worried he's having a stroke",
        "her smile has gone all crooked",
    ],
)
def test_she_has_started_to_shuffle_is_an_emergency(text: str) -> None:
    assert assess(text, context=CARER).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "his dad had a stroke in 2015",
        "what if she has a stroke on the new tablets?",
        "the picture on the wall looks wonky",
        "found her glasses on the kitchen floor",
    ],
)
def test_a_stroke_long_ago_or_a_wonky_picture_is_not(text: str) -> None:
    assert assess(text, context=CARER).level is not Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my friend's mum wants to die, it's so sad",
        "my neighbour's dad can't walk any more",
        "my colleague's mum is coughing up blood",
    ],
)
def test_a_friends_mum_is_someone_else_when_the_apostrophe_is_dropped(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize("text", ["Mum wants to die", "Dad can't walk since this morning"])
def test_mum_named_bare_by_a_carer_is_still_the_patient(text: str) -> None:
    assert assess(text, context=CARER).level is Level.EMERGENCY
