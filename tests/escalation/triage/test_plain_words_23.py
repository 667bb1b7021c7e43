"""Red-team set 22's classes: red flags told by images (clots like jelly, urine like a red
drink, breathing heard from another room), by what no longer works (feet that cannot feel the
pedals, words that run out before the breath), by household measures ("a good cupful"), by
time lost or a floor woken on; and the near misses beside each.

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
        "coughed up some dark red jelly bits after lunch",
        "brought up some dark red jelly stuff when I coughed this morning",
        "coughed and there were lumps like blackcurrant jam in the tissue",
        "the phlegm has got liver coloured blobs in it",
    ],
)
def test_clots_told_as_jelly_or_jam_in_what_is_coughed_up_are_a_large_bleed(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["I had raspberry jelly with my tea", "made red jelly for the grandkids party"],
)
def test_jelly_on_the_table_is_no_blood(text: str) -> None:
    a = assess(text)
    assert "bleeding" not in present(a)
    assert "hemoptysis" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "his pee looks like red wine today",
        "my urine is the colour of cranberry juice",
        "my wee, it looks like blackcurrant",
    ],
)
def test_urine_the_colour_of_a_red_drink_is_blood_in_it(text: str) -> None:
    assert "bleeding" in present(assess(text, context=CARER))


def test_urine_like_a_red_drink_with_clots_is_an_emergency() -> None:
    assert assess("my pee looks like red wine and there are little clots in it").level is Level.EMERGENCY


def test_drinking_a_red_drink_is_no_blood() -> None:
    assert "bleeding" not in present(assess("drinking ribena and my wee is fine"))


@pytest.mark.parametrize(
    "text",
    [
        "I seem to have mislaid a couple of hours this morning",
        "couldn't tell you how I ended up in the street, I was just there",
        "she can't say how she got home yesterday",
        "I cannot for the life of me remember how I came to be outside",
    ],
)
def test_time_or_place_lost_is_confusion(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I've mislaid my glasses again",
        "I don't know how I got through the day",
        "lost an hour to the clocks going back",
    ],
)
def test_things_mislaid_and_days_got_through_are_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "walking like I've had a skinful and I haven't touched a drop",
        "he's walking like someone who's had a few too many",
        "keep bumping into the walls in the hallway",
        "stotting off the walls on the landing",
    ],
)
def test_walking_like_a_drunk_told_by_the_drink_or_the_walls_is_a_gait_problem(text: str) -> None:
    a = assess(text, context=CARER)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the kids are bouncing off the walls today", "we had ten pints at the wedding"],
)
def test_lively_children_and_a_night_out_are_no_gait_problem(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "you can hear his breathing from downstairs",
        "the wife says she can hear my breathing from the other room",
        "my breathing sounds like a rusty gate",
    ],
)
def test_breathing_heard_across_the_house_is_noisy_breathing(text: str) -> None:
    assert "wheeze" in present(assess(text, context=CARER))


def test_a_swollen_face_with_breathing_heard_from_the_next_room_is_an_emergency() -> None:
    text = "his face has puffed up like a hamster and I can hear his breathing from the next room"
    assert assess(text, context=CARER).level is Level.EMERGENCY


def test_neighbours_heard_through_the_wall_are_no_breathing() -> None:
    assert assess("can hear the neighbours through the wall").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "can't get more than 2 or 3 words out before I need a breath",
        "I can only manage three or four words then I have to take a breath",
        "every breath is so hard work for her",
        "her chest heaves with every breath",
        "his shoulders are going up and down with each breath",
    ],
)
def test_breathing_that_is_hard_labour_or_cuts_speech_short_is_severe(text: str) -> None:
    a = assess(text, context=CARER)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["gardening is such hard work", "I can only say a few words of Spanish"],
)
def test_hard_work_and_few_words_without_breath_are_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "can't feel the floor under my feet",
        "my feet can't feel the ground properly when I walk",
        "can't feel the clutch in the car",
    ],
)
def test_feet_that_cannot_feel_what_they_stand_on_are_numb(text: str) -> None:
    assert "numbness" in present(assess(text))


def test_back_pain_with_pedals_no_longer_felt_is_cord_compression() -> None:
    a = assess("my back's been bad for a fortnight and now I can't feel the brake properly in the car")
    assert "mscc-neuro" in a.rules
    assert a.level is Level.EMERGENCY


def test_a_difference_that_cannot_be_felt_is_no_numbness() -> None:
    assert "numbness" not in present(assess("can't feel the difference between the two paints"))


@pytest.mark.parametrize(
    "text",
    [
        "the drain site keeps oozing, I've gone through three dressings",
        "the line site is still seeping, changed 4 dressings today",
        "blood still coming through the bandage after an hour",
        "it's still soaking through the tea towel",
    ],
)
def test_a_line_or_wound_bleeding_through_dressings_is_a_major_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the paint is still coming through the wallpaper", "the cheese is oozing"],
)
def test_paint_and_cheese_are_no_bleed(text: str) -> None:
    assert "bleeding" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "next thing I knew I was staring at the ceiling on the bathroom floor",
        "next thing I know he's face down on the carpet",
        "no idea how long she was out cold",
    ],
)
def test_coming_round_on_the_floor_or_time_out_is_a_faint(text: str) -> None:
    a = assess(text, context=CARER)
    assert "syncope" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["next thing I know it's Tuesday", "no idea how long I was in the queue"],
)
def test_time_flying_is_no_faint(text: str) -> None:
    assert "syncope" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "his wife says he was on the floor jerking",
        "she went stiff then started jerking",
        "bitten my tongue and I don't remember any of it",
    ],
)
def test_a_fit_told_by_what_was_seen_or_left_behind_is_a_seizure(text: str) -> None:
    a = assess(text, context=CARER)
    assert "seizure" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["I bit my tongue eating my dinner", "the dog was on the floor twitching in his sleep"],
)
def test_a_bitten_tongue_at_dinner_or_a_dreaming_dog_is_no_fit(text: str) -> None:
    assert "seizure" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I find myself praying each night that God will take me",
        "I pray every night that the Lord will take me in my sleep",
        "hoping each day the good Lord will call me home",
    ],
)
def test_a_nightly_prayer_to_be_taken_is_a_wish_to_die(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_nightly_prayer_for_the_grandchildren_is_none() -> None:
    assert assess("I pray every night that God will keep my grandchildren safe").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "been sick and it looked like coffee grounds, a good cupful",
        "vomited a good mugful of blood",
        "sick that looked like coffee grounds, about a whole cup",
    ],
)
def test_a_household_measure_with_a_size_word_is_a_large_amount(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


def test_a_good_cupful_of_tea_is_none() -> None:
    assert assess("drank a good cupful of tea").level is Level.NONE
