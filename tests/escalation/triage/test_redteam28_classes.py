"""Red-team set 28's classes: emergencies told by what the person can no longer do or by
what someone else noticed, and the near-misses that say the same words with their everyday
cause named (a cat asleep on one's lap, a child lock, a slushie, a family joke).

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
        "my son says i talk nonsense about the rugby, always has",
        "wife reckons hes talking rubbish cos he said united would win the league",
        "the kids say I've been talking drivel about politics all week lol",
        "grandson says im spouting rubbish about the government again",
        "she thought I was talkin gibberish, I was just speaking Gaelic on the phone",
        "they say i talk rubbish as usual, nothing new there",
    ],
)
def test_talking_rubbish_as_a_verdict_on_an_opinion_is_no_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "mum is talking rubbish since this morning, doesnt know where she is",
        "he's been talking nonsense all afternoon and keeps picking at the air",
        "dad started talking gibberish at tea time, not like him",
        "talking rubbish and very sleepy today",
    ],
)
def test_talking_rubbish_with_no_opinion_named_is_still_confusion(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "blacked out the bedroom windows so the baby naps",
        "we're blacking out the curtains for the party tonight",
        "had the car windows blacked out, looks smart",
        "the names were all blacked out on the letter",
    ],
)
def test_blacking_out_a_thing_is_covering_it_not_a_faint(text: str) -> None:
    a = assess(text)
    assert "syncope" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "I blacked out in the kitchen this morning",
        "blacked out for a minute on the stairs",
        "dad blacked out at the table",
    ],
)
def test_a_person_who_blacked_out_still_fainted(text: str) -> None:
    assert "syncope" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "daughter found me on the kitchen floor doing a jigsaw with the grandkids",
        "nurse found him on the floor doing his exercises, all fine",
        "wife found me on the floor of the loft going through old photos",
        "they found her on the ground weeding the veg patch, happy as anything",
    ],
)
def test_found_on_the_floor_at_a_task_is_no_fall_or_faint(text: str) -> None:
    a = assess(text)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "found him on the floor this morning, couldnt get him up",
        "found her on the bathroom floor",
        "neighbour found me on the floor last night",
    ],
)
def test_found_on_the_floor_with_no_task_is_still_an_emergency(text: str) -> None:
    assert assess(text, context=CARER).level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my lips are all purple from the blackcurrant ice lollies",
        "tongue turned green off those sweets the kids gave me",
        "lips have gone blue after the blue slushies at the fair",
        "his lips went purple from the grape ice pops",
    ],
)
def test_lips_coloured_by_what_was_eaten_are_no_cyanosis(text: str) -> None:
    a = assess(text)
    assert "dyspnea" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize("text", ["my lips went blue and I cant get my breath", "his lips are going blue"])
def test_lips_going_blue_with_no_food_named_is_still_an_emergency(text: str) -> None:
    assert assess(text, context=CARER).level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "cant get up off the sofa, the dog is fast asleep on me",
        "couldn't get out of the van, the door was jammed",
        "cant get out of the loo the lock is stuck lol",
        "couldnt get up, the baby's finally asleep on my lap",
    ],
)
def test_pinned_or_shut_in_by_something_outside_the_body_is_no_trouble_walking(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "couldnt get up off the sofa, legs just wont work",
        "cant get out of the car, my legs wont take me",
        "couldnt get up off the toilet this morning",
    ],
)
def test_unable_to_get_up_with_no_outside_cause_is_still_trouble_walking(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "crawled behind the telly to plug the charger in",
        "had to crawl into the loft to get the xmas decs",
        "crawling under the desk for the cables all morning",
        "had 2 crawl under the car to find the cat",
    ],
)
def test_crawling_under_or_into_a_thing_to_reach_it_is_no_lost_walking(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text", ["had to crawl up the stairs last night", "crawled to the toilet, legs wouldnt hold me"]
)
def test_crawling_to_get_about_is_still_trouble_walking(text: str) -> None:
    assert assess(text).level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "had a silly fall in the kitchen, slipped on the mat, no harm done",
        "had a small tumble on the path, tripped over the dog lead",
        "a daft fall in the garden tripped on the hose",
    ],
)
def test_one_fall_over_a_thing_in_the_way_is_an_accident(text: str) -> None:
    a = assess(text)
    assert a.level < Level.URGENT


def test_a_fall_over_a_thing_told_again_and_again_is_still_falling() -> None:
    assert assess("had a wee fall in the garden, tripped over the hose again").level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "cant do my buttons up, fingertips numb from the chemo",
        "struggled to do my buttons this morning with the pins and needles in my fingers",
        "couldnt fasten my buttons, fingers are so tingly",
    ],
)
def test_buttons_in_the_plural_are_the_fingers_work_not_a_swollen_neck(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" not in present(a)


@pytest.mark.parametrize(
    "text",
    ["cant do my top button up anymore", "can't get my collar done up", "couldn't do my top buttons up"],
)
def test_a_top_button_or_collar_that_will_not_close_is_still_the_neck(text: str) -> None:
    assert "face_neck_swelling" in present(assess(text))
