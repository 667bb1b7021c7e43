"""Conversations across messages (conversations_holdout5): typos in the message that names the
finding; a part that feels like someone else's or "like sleeping"; sight a little blurry.
Examples in our own words, with near misses beside them that must not fire."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NUMB_Q = "Any numbness in your legs or between your legs?"


def _read(*texts: str | tuple[str, str], context: dict[str, Any] | None = None) -> Any:
    """The conversation's assessment; a (question, answer) pair is an answer to that question."""
    messages = []
    for i, t in enumerate(texts):
        question, text = t if isinstance(t, tuple) else (None, t)
        messages.append(Message(text, T0 + timedelta(minutes=i * 20), question, None))
    return ConversationReader(default_engine()).read(messages, context).assessment


def _level(*texts: str | tuple[str, str], context: dict[str, Any] | None = None) -> str:
    return str(_read(*texts, context=context).level.label)


def _present(*texts: str | tuple[str, str]) -> set[str]:
    return {f.concept for f in _read(*texts).findings if f.present}


# --- typos: a slip of the fingers keeps a word's first and last letters ---------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("my bakc is killing me", "and both lges feel heavey"),
        ("back is really sore today", "lges gone heavey and weird"),
        ("lower back aching", "my lges are so heavey I can barely lift them"),
    ],
)
def test_back_pain_then_legs_heavy_misspelt_is_cord_compression(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize("text", ["my lges feel heavey", "both lges have gone heavey"])
def test_misspelt_heavy_legs_alone_are_weak_legs(text: str) -> None:
    assert "limb_weakness" in _present(text)


def test_misspelt_heavy_legs_denied_are_not_weak_legs() -> None:
    assert "limb_weakness" not in _present("my bakc aches but my lges dont feel heavey at all")


# --- a part that feels like a stranger's, or "like sleeping", has lost its feeling -----------


@pytest.mark.parametrize(
    "answer",
    [
        "now you mention it, on the toilet it felt like I was sitting on somebody else's bottom",
        "sitting down it's like sitting on someone else's bum",
        "when I sat on the loo it was like sitting on a stranger's backside",
    ],
)
def test_a_seat_that_feels_like_someone_elses_is_saddle_numbness(answer: str) -> None:
    assert _level("back ache, maybe a 5", (NUMB_Q, answer)) == "emergency"
    assert "saddle_numbness" in _present((NUMB_Q, answer))


@pytest.mark.parametrize(
    "second",
    [
        "today my feet they are like sleeping, I touch them and is like not my feet",
        "my feet are like asleep and it is like they are not my feet",
        "the feet I touch and it's like not my own feet",
    ],
)
def test_back_pain_then_feet_that_feel_not_mine_is_cord_compression(second: str) -> None:
    assert _level("I have pain in the back since 3 days", second) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "honestly it's like not my problem any more",  # a figure of speech, no part
        "this new chair is like sitting on someone else's sofa",  # no part of the body
        "my husband is like sleeping all day",  # a person asleep, no limb
        "my husband says his feet feel like someone else's",  # someone else's
    ],
)
def test_strangers_and_sleep_without_the_writers_part_are_not_numbness(text: str) -> None:
    assert "numbness" not in _present(text)
    assert "saddle_numbness" not in _present(text)


# --- sight a little blurry ------------------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "things look a bit blurry today",
        "everything seems kind of fuzzy this morning",
        "stuff looks a little hazy",
    ],
)
def test_sight_a_bit_blurry_then_one_eye_is_one_sided_vision_change(first: str) -> None:
    answer = ("Is it both eyes or just one?", "only the right eye, the left one is fine")
    assert _level(first, answer, context={"known_brain_metastases": True}) == "emergency"


def test_sight_a_bit_blurry_in_both_eyes_is_routine() -> None:
    assert _level("things look a bit blurry today") == "routine"


def test_a_photo_a_bit_blurry_is_not_sight() -> None:
    assert "vision_change" not in _present("the photo you sent came out a bit blurry")
