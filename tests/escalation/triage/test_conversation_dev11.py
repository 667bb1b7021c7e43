"""Conversations in fragments (conversations_dev11): a measure of blood made bigger ("a good
tablespoon", "a whole bowlful"); a reading after a comma that a "no" or "without" before it does
not reach; walking told in a learner's English ("he not walk good", "must hold the wall").
Examples in our own words, with near-misses beside them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CHEMO: Mapping[str, Any] = {"on_active_treatment": True}
CARER: Mapping[str, Any] = {"writer": "carer"}


def _level(*texts: str, context: Mapping[str, Any] | None = None, carer: bool = False) -> str:
    messages = [
        Message(text, T0 + timedelta(minutes=i * 20), None, CARER if carer else None)
        for i, text in enumerate(texts)
    ]
    reading: Any = ConversationReader(default_engine()).read(messages, context).assessment
    return str(reading.level.label)


# -- a measure of blood made bigger -------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("brought up blood when I coughed earlier, a good tablespoon of it",),
        ("coughing up blood", "a big mouthful this time"),
        ("she's vomiting and it's got blood in it", "a full cupful, dark red"),
        ("my nose is pouring blood", "a whole bowlful so far"),
    ],
)
def test_a_measure_of_blood_made_bigger_is_a_large_amount(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        # a streak is a streak, however it is said
        ("coughed up a little streak of blood",),
        # the measure is of something else
        ("had a good bowlful of porridge this morning",),
        ("feeling good, ate a whole bowlful of soup",),
    ],
)
def test_a_measure_that_is_not_blood_stays_below_emergency(texts: tuple[str, ...]) -> None:
    assert _level(*texts) != "emergency"


# -- a reading after a comma is out of a "no"'s reach -------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("temp 37.1", "sorry read it without my specs, it's 38.4"),
        ("no cough, it's 38.3",),
        ("not shivering, temp is 38.6",),
    ],
)
def test_a_reading_after_a_comma_is_not_denied_by_the_no_before_it(texts: tuple[str, ...]) -> None:
    assert _level(*texts, context=CHEMO) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("no fever, cough or pain",),
        ("not hot, it's 36.5",),
        ("no temperature, no 38 or anything like that",),
    ],
)
def test_a_no_still_covers_its_own_list_and_normal_readings(texts: tuple[str, ...]) -> None:
    assert _level(*texts, context=CHEMO) in {"none", "routine"}


# -- walking told in a learner's English ----------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("my wife back is very bad pain", "today she not walk good, she must hold the furniture"),
        ("he not walk properly since yesterday",),
        ("dad must hold the wall for go to kitchen",),
        ("I no walk well now",),
    ],
)
def test_walking_told_in_a_learners_english_is_trouble_walking(texts: tuple[str, ...]) -> None:
    assert _level(*texts, carer=True) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("no walking normally",),
        ("I will not walk the dog today, too cold",),
        ("no, walking fine thanks",),
    ],
)
def test_a_choice_not_to_walk_or_a_no_before_walking_is_not_trouble_walking(texts: tuple[str, ...]) -> None:
    assert _level(*texts) in {"none", "routine"}
