"""Understated and indirect emergencies, and the near misses beside them (red-team set 12's
classes): weakness and walking told by what the legs no longer do, retention in lay words,
speech and seizures told by their signs, self-harm said sideways, fever as an image, amounts
and durations, bone secondaries; and false alarms from other people, stories, adverts and
symptoms that are over.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present

# -- weakness and walking told by what the legs no longer do ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "swaying about like I'm on a ship whenever I get up",
        "I keep lurching from side to side when I walk",
        "had to hold onto the furniture all the way to the kitchen",
        "I used the walls in the hallway to get about",
        "stumbled four times on the way back from the shops",
        "tripped over nothing twice this morning",
        "I can only shuffle now",
        "Mum can't get out of her armchair",
    ],
)
def test_i_sway_like_on_a_boat_when_i_walk_is_gait_difficulty(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my toes won't lift off the floor any more",
        "his legs have stopped listening to him",
        "my arms won't take orders today",
        "legs feel like a pair of logs",
    ],
)
def test_my_legs_have_stopped_taking_orders_is_limb_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I've been dragging my feet on the paperwork",
        "dragging his heels over booking the holiday",
        "the ferry was swaying in the storm",
        "he used the walls to hang his pictures",
        "shuffle the cards and deal",
        "the kids won't listen to me",
        "I tripped once on the kerb last month",
        "my husband stumbled twice on the stairs",
    ],
)
def test_dragging_my_feet_on_the_paperwork_is_no_finding(text: str) -> None:
    assert assess(text).level < Level.URGENT


# -- retention and the bowels in lay words ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "not managed to pee all day",
        "he hasn't managed a wee since teatime and says he's bursting",
        "haven't been able to go for a wee since yesterday",
        "my bladder has packed in",
        "bladder feels full but nothing will come out",
        "I try to wee but only a dribble",
        "bladder's so full but I can't go",
        "nothing happens when I try to pass water",
        "I can't tell when I need a number two any more",
    ],
)
def test_my_waterworks_have_packed_up_is_bladder_dysfunction(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I haven't managed a walk today",
        "tried to blow my nose but nothing comes out",
        "the ketchup won't come out of the bottle",
        "our boiler has packed up again",
        "I didn't need a wee last night",
        "what if my waterworks packed up",
        "my husband's bladder has packed up, he's seeing his GP",
    ],
)
def test_our_boiler_has_packed_up_is_no_emergency(text: str) -> None:
    assert assess(text).level < Level.URGENT
