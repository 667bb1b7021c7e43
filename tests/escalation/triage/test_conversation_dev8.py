"""Conversations across messages (conversations_dev8): corrections that take back only what they
name, that point at a finding instead of saying it again, that say who it was about, and what
a later message adds to an earlier count or pain. Examples in our own words, with hard
negatives beside them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _reading(*texts: str | tuple[str, str | None, float], context: dict[str, Any] | None = None) -> Any:
    messages = []
    for i, item in enumerate(texts):
        text, question, minutes = item if isinstance(item, tuple) else (item, None, float(i * 2))
        messages.append(Message(text, T0 + timedelta(minutes=minutes), question))
    return ConversationReader(default_engine()).read(messages, context).assessment


def _level(*texts: str | tuple[str, str | None, float], **kw: Any) -> str:
    return str(_reading(*texts, **kw).level.label)


# -- "oops I mean I ...": the words before meant something else ------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("had a fit", "oops I mean I had a fab time at the craft fair"),
        ("wet myself", "lol I meant I was laughing so hard at the panto"),
        ("wet myself", "haha I mean I got drenched by the sprinkler in the park"),
    ],
)
def test_oops_i_mean_i_did_something_else_takes_the_message_back(before: str, after: str) -> None:
    assert _level(before, after) == "none"


@pytest.mark.parametrize(
    "after",
    [
        "sorry I meant to say it's getting worse",  # adds to it
        "I mean I really did, twice",  # says it again
        "oops I mean it lasted a minute",  # tells more of it
    ],
)
def test_i_mean_that_adds_to_the_message_takes_nothing_back(after: str) -> None:
    assert _level("passed out in the kitchen", after) == "emergency"


# -- "no wait, legs are fine": a correction takes back what it says of one site ---------------


@pytest.mark.parametrize(
    "after",
    [
        "no wait, legs are fine, no idea why I put that, it's only the back",
        "sorry, my legs are ok, it's just my back",
        "no wait the legs feel fine, don't know why I wrote that",
    ],
)
def test_a_correction_that_says_a_site_is_fine_takes_back_only_that_site(after: str) -> None:
    a = _reading("lower back aching and my legs feel heavy", after)
    assert a.level.label == "routine"
    assert "back_pain" in {f.concept for f in a.findings if f.present}


def test_a_site_fine_without_a_correction_is_better_not_taken_back() -> None:
    # "legs are fine now" tells that they got better: a raised case stays raised
    assert _level("lower back aching and my legs feel heavy", "legs are fine now") == "emergency"


# -- "ignore the breathless bit, that's my wife": the finding pointed at, not said again -------


@pytest.mark.parametrize(
    "after",
    [
        "sorry ignore the breathless bit, that's my wife, she has COPD",
        "oops the breathless part was about my son",
        "sorry, forget the breathless thing, that was my dad",
    ],
)
def test_a_finding_pointed_at_in_a_correction_goes_with_it(after: str) -> None:
    assert _level("left calf swollen and warm", "and breathless", after) == "urgent"


def test_a_finding_said_anew_in_a_correction_is_the_writers() -> None:
    # not pointed at: "I'm breathless" is the writer's own
    a = _reading("left calf swollen and warm", "sorry, ignore that, I'm breathless")
    assert "dyspnea" in {f.concept for f in a.findings if f.present}


# -- "That's Ron next door, not me": someone named, the writer set apart ----------------------


@pytest.mark.parametrize(
    "after",
    [
        "That's Pat across the road, not me. Ambulance is on its way for her",
        "it was my brother-in-law, not me!",
        "that's the lady in the next bed, not me",
    ],
)
def test_someone_named_then_not_me_gives_the_message_away(after: str) -> None:
    assert _level("she can't stand up and her legs have gone weak", after) == "none"


@pytest.mark.parametrize(
    "after", ["it's real, not me being silly", "it's been like this all day, not me imagining it"]
)
def test_not_me_that_goes_on_about_the_writer_gives_nothing_away(after: str) -> None:
    assert _level("can't stand up, legs gone weak", after) == "emergency"


@pytest.mark.parametrize(
    "after",
    [
        "sorry that was meant for my cousin - it's her son who's coughing up blood, not me",
        "sorry that was meant for my mum, it's dad who's bringing up blood",
        "oops meant for my sister, her husband is coughing blood",
    ],
)
def test_a_clause_about_the_other_person_in_a_correction_is_theirs(after: str) -> None:
    assert _level("blood in my spit this morning", after) == "none"


def test_the_writers_own_clause_in_a_correction_stays_theirs() -> None:
    after = "sorry that was meant for my mum, I've got a bit of a cough though"
    level = _level("blood in my spit this morning", after)
    assert level == "routine"


# -- "autocorrect, meant my fingertips": the same finding said again stands for the old one ---


@pytest.mark.parametrize(
    "after",
    [
        "ugh autocorrect, meant can't feel my toes properly, the chemo thing",
        "autocorrect again, meant my fingers are numb not my legs",
        "predictive text again, I meant can't feel my fingertips",
    ],
)
def test_a_mistyped_finding_said_again_replaces_the_old_one(after: str) -> None:
    assert _level("can't feel my legs", after, context={"on_active_treatment": True}) == "routine"


def test_i_meant_my_hand_is_a_site_not_a_person() -> None:
    # the numbness stays the writer's, at the hand
    a = _reading("my leg is numb", "typo!! I meant my hand")
    assert a.level.label == "routine"
    assert "numbness" in {f.concept for f in a.findings if f.present}


# -- "the fainting I mentioned was my neighbour": pointed at, then given away ------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sorry the fainting I mentioned was my neighbour, not me",
        "sorry, the chest pain I told you about was my brother's",
        "oops the seizure I said earlier was my nephew",
    ],
)
def test_a_finding_i_mentioned_then_given_away_is_someone_elses(text: str) -> None:
    assert _level(text, "I'm just a bit tired") == "routine"


def test_a_finding_i_mentioned_that_is_mine_stays() -> None:
    assert _level("sorry, the fainting I mentioned was this morning", "I'm just a bit tired") == "emergency"
