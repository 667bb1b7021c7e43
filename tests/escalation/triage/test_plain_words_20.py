"""Red-team set 20's classes: a bladder that will not empty told by an attempt timed from a
meal or an hour, a voice roughened in plain words ("gravelly", "rough"), appetite lost told
as not fancying food, and the "thunderclap" headache; with the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present


@pytest.mark.parametrize(
    "text",
    [
        "been trying to pee since lunch and nothing happens",
        "trying to wee since this morning but only a dribble",
        "he's been trying to pass water since 6 and not a drop",
    ],
)
def test_an_attempt_to_pee_timed_from_a_meal_that_brings_nothing_is_retention(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "been trying to eat since lunch but nothing appeals",
        "been weeing fine since this morning",
    ],
)
def test_an_attempt_at_something_else_or_a_normal_wee_is_not_retention(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my voice is all gravelly today",
        "voice has gone rough since the weekend",
        "his voice sounds really scratchy",
    ],
)
def test_a_voice_gone_rough_is_hoarseness(text: str) -> None:
    assert "hoarseness" in present(assess(text))


def test_a_rough_road_is_not_hoarseness() -> None:
    assert assess("the road to the hospital is rough").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["not fancying my dinner lately", "don't fancy any food at all", "she never fancies her tea now"],
)
def test_not_fancying_food_is_appetite_loss(text: str) -> None:
    assert "appetite_loss" in present(assess(text))


def test_not_fancying_an_outing_is_not_appetite_loss() -> None:
    assert assess("I don't fancy going out in this rain").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "had a thunderclap headache an hour ago",
        "woke with a thunderclap in my head",
        "felt like a thunderclap inside my skull",
    ],
)
def test_a_thunderclap_in_the_head_is_a_sudden_headache(text: str) -> None:
    a = assess(text)
    assert "headache" in present(a)
    assert a.level is Level.URGENT


def test_a_thunderclap_in_the_sky_is_not_a_headache() -> None:
    assert "headache" not in present(assess("a huge thunderclap outside made the cat hide"))


@pytest.mark.parametrize(
    "text",
    [
        "specks of blood when I hawk up first thing",
        "a bit of red in my phlegm today",
        "some red in the sputum again",
    ],
)
def test_blood_hawked_up_or_red_in_the_phlegm_is_hemoptysis(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level is Level.URGENT


def test_red_in_the_sky_is_not_blood() -> None:
    assert assess("lovely bit of red in the sky tonight").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "a bit short of wind on the hill",
        "my breathing feels tight today",
        "his breath has gone all tight",
    ],
)
def test_short_of_wind_or_a_tight_breathing_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_a_tight_chest_with_short_wind_is_an_emergency() -> None:
    assert assess("chest feels tight and I'm short of wind").level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["my shoes feel tight", "the wind is short and sharp today"])
def test_tight_clothes_or_a_windy_day_are_not_dyspnea(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my legs won't go where I want them to",
        "his feet didn't land where he aimed them",
        "lower back's agony and my feet won't go where I tell them",
    ],
)
def test_limbs_that_miss_where_they_are_aimed_are_weak(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_children_who_will_not_go_where_told_are_no_symptom() -> None:
    assert assess("the grandkids wouldn't go where I told them").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my back was screaming all night",
        "spine has been screaming since I lifted the box",
        "back kept screaming on the drive home",
    ],
)
def test_a_screaming_back_is_severe_back_pain(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "tight belt of pain round my middle and my tummy feels numb",
        "a belt of pain across my ribs and pins and needles in my legs",
        "like a girdle of pain around my waist, legs going weak",
    ],
)
def test_a_belt_of_pain_round_the_trunk_is_spinal_pain(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_belt_worn_round_the_waist_is_not_back_pain() -> None:
    assert "back_pain" not in present(assess("my belt feels tight round my waist after lunch"))


@pytest.mark.parametrize(
    "text",
    ["can't hold my urine any more", "I no fit hold my urine", "he couldn't hold his urine last night"],
)
def test_urine_that_cannot_be_held_is_incontinence(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "everything's too much, might just walk into the sea",
        "could just wade into the river and be done",
        "honestly I might just step out into the traffic",
    ],
)
def test_a_resigned_maybe_of_walking_into_water_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


def test_walking_into_the_sea_for_a_paddle_is_not_self_harm() -> None:
    assert assess("we might walk into the sea for a paddle tomorrow").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["dead on my feet after the school run", "she's dead on her feet today", "feeling dead on my feet"],
)
def test_dead_on_ones_feet_is_fatigue_not_numbness(text: str) -> None:
    found = present(assess(text))
    assert "fatigue" in found
    assert "numbness" not in found


def test_dead_on_meaning_exactly_right_is_nothing() -> None:
    assert assess("you were dead on about the parking").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["stomach feels turned over since breakfast", "tummy felt all turned over", "my belly feels turned over"],
)
def test_a_stomach_that_feels_turned_over_is_nausea(text: str) -> None:
    assert "nausea" in present(assess(text))


def test_a_car_turned_over_is_not_nausea() -> None:
    assert assess("the mechanic turned over the engine").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["gulping water all day long", "guzzling squash since I got up", "glugging down pints of juice"],
)
def test_gulping_drinks_is_thirst(text: str) -> None:
    assert "thirst" in present(assess(text))


def test_gulping_drinks_and_weeing_all_night_is_urgent() -> None:
    assert assess("gulping water nonstop and up weeing all night").level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["brought my lunch back up", "he brought his tea straight back up", "bringing my breakfast back up"],
)
def test_a_meal_brought_back_up_is_vomiting(text: str) -> None:
    assert "vomiting" in present(assess(text))


def test_bringing_the_shopping_back_up_is_not_vomiting() -> None:
    assert "vomiting" not in present(assess("brought the shopping back up the stairs"))


@pytest.mark.parametrize(
    "text",
    ["I'm all backed up, nothing for days", "feel backed up and bloated", "he's badly backed up again"],
)
def test_a_person_backed_up_is_constipation(text: str) -> None:
    assert "constipation" in present(assess(text))


@pytest.mark.parametrize("text", ["the traffic was backed up for miles", "the sink is backed up again"])
def test_traffic_or_a_sink_backed_up_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "doing nothing in my chair and still huffing like I'd run a race",
        "panting like I've sprinted just sitting here",
        "lying in bed and puffing like I ran up the stairs",
    ],
)
def test_breath_likened_to_a_sprint_while_at_rest_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["he went off huffing because I said no", "my legs ache like I ran a marathon"]
)
def test_a_sulk_or_aching_legs_are_not_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "it's like sitting on a cushion I can't feel",
        "feels like I'm sat on a seat I can't feel at all",
        "like sitting on a pillow you can't feel",
    ],
)
def test_sitting_on_a_seat_not_felt_is_saddle_numbness(text: str) -> None:
    a = assess(text)
    assert "saddle_numbness" in present(a)
    assert a.level is Level.EMERGENCY


def test_sitting_down_with_numb_toes_is_not_saddle_numbness() -> None:
    assert "saddle_numbness" not in present(assess("sitting on the chair I can't feel my toes"))


@pytest.mark.parametrize(
    "text",
    [
        "pins and needles in my foot from kneeling, gone the moment I stood up",
        "leg went numb on the long drive, went as soon as I moved",
        "tingly toes after sitting on them, cleared the minute I stretched",
    ],
)
def test_a_feeling_gone_with_a_change_of_position_is_resolved(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_leg_still_weak_after_standing_is_not_resolved() -> None:
    a = assess("legs went weak and numb, not gone even when I stood up")
    assert a.level is Level.EMERGENCY


def test_a_pain_that_eases_sitting_but_returns_walking_is_present() -> None:
    a = assess("back pain is gone the minute I sit down but comes back when I walk")
    assert "back_pain" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "thanks for ringing me back this morning",
        "the phone kept ringing all through lunch",
        "I'll be ringing the ward back later",
    ],
)
def test_ringing_that_is_a_phone_call_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize("text", ["my ears keep ringing", "ringing in my ears since the chemo"])
def test_ringing_ears_still_reach_a_nurse(text: str) -> None:
    assert assess(text).level is Level.ROUTINE
