"""Red-team set 19's classes: sight lost from half the field told by what is missing; the
seat numb "like after the dentist"; the bladder's own signal lost ("can't tell if I've finished
weeing"); a carer's account of words that will not come and half a face that will not move;
with the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, assess, present


@pytest.mark.parametrize(
    "text",
    [
        "the left half of my sight went black an hour ago",
        "half my eyesight has gone grey since breakfast",
        "can't see things on my right side, keep walking into the door",
        "half the screen has vanished when I look at it",
    ],
)
def test_half_the_field_of_sight_gone_is_one_sided_vision_loss(text: str) -> None:
    a = assess(text)
    assert "vision_change" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "half the biscuits have gone already",
        "I can't see the right side of the stage from these seats",
        "my glasses are a bit smeary",
    ],
)
def test_half_of_something_gone_or_a_poor_seat_is_not_vision_loss(text: str) -> None:
    a = assess(text)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my backside feels like I've just come back from the dentist",
        "down there is numb like a dentist injection",
        "between my legs feels like a local anaesthetic",
    ],
)
def test_the_seat_numb_like_the_dentist_is_saddle_numbness(text: str) -> None:
    a = assess(text)
    assert "saddle_numbness" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_lip_numb_like_the_dentist_is_routine_numbness() -> None:
    a = assess("my top lip feels like it's been to the dentist")
    assert "numbness" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    ["went to the dentist this morning, all fine", "the dentist said my gums are healthy"],
)
def test_a_visit_to_the_dentist_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I can't tell when I've finished weeing any more",
        "cannot feel whether my bladder is empty",
        "can't sense if I've emptied, it's very odd",
    ],
)
def test_bladder_sensation_lost_is_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


def test_bladder_sensation_lost_with_back_pain_is_cord_compression() -> None:
    a = assess("my lower back aches and I can't tell if I've finished weeing")
    assert {"back_pain", "bladder_bowel_dysfunction"} <= present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["I can't tell if the shop is open today", "can't tell whether it will rain later"]
)
def test_not_telling_something_else_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my wife can't say her words properly and her mouth is drooping",
        "half his face isn't moving since he woke",
        "Dad can't form his words and one side of his face has dropped",
    ],
)
def test_a_carer_telling_of_words_stuck_or_half_a_face_still_is_neuro_acute(text: str) -> None:
    a = assess(text, context=CARER)
    assert "speech_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


def test_someone_elses_stuck_words_from_the_patients_own_number_stay_theirs() -> None:
    a = assess("my neighbour can't get his words out, he's not your patient")
    assert "speech_difficulty" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "my legs keep giving up on me in the kitchen",
        "my knees give up under me on the stairs",
        "both legs feel like they're full of wet cement",
        "my arms feel like they are made of lead today",
    ],
)
def test_legs_that_give_up_or_feel_made_of_sand_are_limb_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I give up on this crossword",
        "my suitcase feels like it's full of rocks",
        "the kids are giving up sweets for lent",
    ],
)
def test_giving_up_a_habit_or_a_heavy_bag_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "staggering around like I've had one too many and I haven't touched a drop",
        "swaying about like I'm tipsy when I get up",
        "I keep catching my toes on the carpet",
        "his feet dem a drag now",
    ],
)
def test_a_walk_like_drink_or_feet_catching_the_rug_is_gait_difficulty(text: str) -> None:
    a = assess(text, context=CARER)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["had a few drinks at the wedding, lovely day", "I keep catching the early bus", "the rug is new"],
)
def test_drinks_had_or_a_bus_caught_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["I've leaked twice today without warning", "she's leaked a couple of times overnight"],
)
def test_leaking_counted_or_timed_is_lost_bladder_control(text: str) -> None:
    a = assess(text, context=CARER)
    assert "bladder_bowel_dysfunction" in present(a)


def test_a_back_ache_then_leaks_not_felt_coming_is_cord_compression() -> None:
    a = assess(
        "lovely walk today. little bit of back ache. I've leaked a few times too, never felt it coming"
    )
    assert {"back_pain", "bladder_bowel_dysfunction"} <= present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["the kitchen tap leaked again", "my water bottle leaked in my bag"])
def test_a_leaking_tap_or_bottle_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["the loo went bright red after I went", "the toilet water was all red this morning"],
)
def test_a_bowl_gone_red_is_a_large_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_basin_pink_after_coughing_is_blood_coughed_up() -> None:
    a = assess("the basin was pinkish after I coughed")
    assert "hemoptysis" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text", ["we painted the bathroom red", "the sink is a red enamel one", "the toilet was blocked again"]
)
def test_a_red_bathroom_or_blocked_toilet_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE
