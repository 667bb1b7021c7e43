"""Red-team set 14's classes: backs that "grumble" or are "bad ... again", legs that are "not
listening", feet that feel "fizzy", leaks "downstairs", breath that is hard to "get in" or
that a task cannot be done "without gasping", blood in teaspoons or a "smear of red",
muddled days and wrong names, a patient "hard to rouse", bowels "running" or that "haven't
moved", fluids that "come straight back", cutting named by the body part, a quality said to
a question about a site, and "not your patient" said before the finding; with the near
misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, ON_TX, assess, present


@pytest.mark.parametrize(
    "text",
    [
        "my back has been grumbling all week and my legs feel weak",
        "spine's grumbly again and I can't feel my bum properly",
        "lower back keeps grumbling, now pins and needles in both feet",
    ],
)
def test_a_back_that_grumbles_with_leg_signs_is_cord_compression(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my tummy is grumbling, haven't had lunch",
        "he's been grumbling about the hospital parking",
        "stomach grumbly",
    ],
)
def test_a_tummy_that_grumbles_is_no_back_pain(text: str) -> None:
    a = assess(text)
    assert "back_pain" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "bad back again, the one from the scan",
        "sore back again today",
        "achy back again and my legs have gone heavy",
    ],
)
def test_bad_back_again_is_back_pain_returned(text: str) -> None:
    assert "back_pain" in present(assess(text))


def test_im_back_again_from_holiday_is_no_back_pain() -> None:
    assert "back_pain" not in present(assess("I'm back again from my holiday, all good"))


@pytest.mark.parametrize(
    "text",
    [
        "my legs aren't listening to me this morning",
        "her legs won't listen to her",
        "his legs won't do what he tells them",
    ],
)
def test_legs_not_listening_is_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the kids aren't listening to me", "he won't listen to the doctor", "my phone keeps buzzing"],
)
def test_people_not_listening_is_no_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" not in present(a)
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "back aches at night and my feet have a fizzy feeling",
        "spine hurts and there's a buzzing sensation in my toes",
        "sore back, fizzing feeling down in my toes",
    ],
)
def test_fizzy_feet_with_spinal_pain_is_cord_compression(text: str) -> None:
    a = assess(text)
    assert {"back_pain", "numbness"} <= present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["fancy a fizzy drink later", "toes have a fizzy feeling since chemo"])
def test_a_fizzy_drink_or_fizzy_toes_alone_is_no_emergency(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "been a bit leaky downstairs this week",
        "I'm leaking down below and didn't know",
        "she's leaky down there now",
    ],
)
def test_leaky_downstairs_is_incontinence(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)


def test_the_tap_downstairs_is_leaking_is_nothing() -> None:
    assert assess("the tap downstairs is leaking again").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "getting air in is hard work today",
        "getting my breath in has been a struggle since lunch",
        "can't walk to the loo without gasping",
        "can't even speak on the phone without getting breathless",
    ],
)
def test_breath_that_will_not_go_in_is_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["walked to the shop without gasping today", "can talk on the phone without getting breathless now"],
)
def test_doing_a_thing_without_gasping_is_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "coughed up three teaspoons of blood",
        "about 2 teaspoons of blood in my hanky after coughing",
        "brought up more than a teaspoon of blood coughing",
    ],
)
def test_blood_in_teaspoons_is_a_large_amount(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["coughed up a little smear of red", "a thread of pink when I cough", "coughing up smears of blood"],
)
def test_a_smear_of_red_coughed_up_is_hemoptysis(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level >= Level.URGENT


def test_half_a_teaspoon_of_sugar_is_nothing() -> None:
    assert assess("half a teaspoon of sugar in my tea please").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Dad kept asking what year it is",
        "she's calling me by the wrong name all afternoon",
        "he forgot my name this morning",
    ],
)
def test_lost_days_and_wrong_names_are_confusion(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "hard to rouse her this morning",
        "couldn't rouse him for his tablets",
        "she's sleeping practically all day",
    ],
)
def test_hard_to_rouse_is_drowsiness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "drowsiness" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("his bowels have been running, 8 times today", CARER),
        ("runs all day, 5 times so far", ON_TX),
        ("bowels running since lunch, 9 times", None),
    ],
)
def test_running_bowels_are_diarrhea(text: str, context: dict | None) -> None:
    a = assess(text, context=context)
    assert "diarrhea" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize("text", ["he runs every morning", "the nose is running", "running late for clinic"])
def test_a_run_is_no_diarrhea(text: str) -> None:
    assert "diarrhea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "bowels haven't moved since Friday",
        "my bowels have not opened all week",
        "her bowels hasnt moved in days",
    ],
)
def test_bowels_that_have_not_moved_are_constipation(text: str) -> None:
    assert "constipation" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "even juice comes straight back up",
        "sips of water go straight back out",
        "bringing up everything since this morning",
    ],
)
def test_fluids_that_come_straight_back_are_no_fluids_kept(text: str) -> None:
    a = assess(text)
    assert "vomiting" in present(a)
    assert a.level is Level.URGENT


def test_i_came_straight_back_from_the_shop_is_nothing() -> None:
    assert assess("came straight back from the shop").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["I've been cutting my wrists again", "started cutting my thighs", "keep cutting my arms at night"],
)
def test_cutting_a_body_part_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["cutting my toenails today", "been cutting my hair short"])
def test_cutting_nails_or_hair_is_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["heavy, like lead", "wobbly", "like jelly when I stand"],
)
def test_a_quality_told_to_a_legs_question_is_of_the_legs(text: str) -> None:
    a = assess(text, "Any new weakness or heaviness in your legs?")
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["no, just tired", "just tired from the chemo", "no, just feel heavy headed"]
)
def test_tiredness_told_to_a_legs_question_is_no_weakness(text: str) -> None:
    a = assess(text, "Any new weakness or heaviness in your legs?")
    assert "limb_weakness" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "my dad, he's not your patient, has been coughing up blood",
        "my brother in law (he isn't your patient) passed out at lunch",
        "Mum - she's not a patient of yours - is very confused",
    ],
)
def test_not_your_patient_said_before_the_finding_is_someone_else(text: str) -> None:
    a = assess(text, context=CARER)
    assert not present(a) - {"unrecognised"}
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["my dad is coughing up blood", "Mum is very confused today", "my brother in law passed out at lunch"],
)
def test_a_carer_naming_the_patient_without_not_your_patient_is_the_patient(text: str) -> None:
    a = assess(text, context=CARER)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "sliced my thumb peeling spuds, still gushing 20 minutes later",
        "cut my hand on a tin and it's still pumping out half an hour later",
        "nicked my shin shaving, still pouring an hour later",
    ],
)
def test_a_cut_still_pouring_long_after_is_bleeding_that_will_not_stop(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["it's still pouring with rain here", "cut my finger chopping onions, fine now"]
)
def test_rain_still_pouring_or_a_small_cut_is_no_bleed(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "never had any trouble with my bladder",
        "never any problems with my waterworks",
        "not had any bother with my bowels",
    ],
)
def test_a_denial_before_the_site_answers_no(text: str) -> None:
    a = assess(text, "Any trouble passing urine or controlling your bladder or bowels?")
    assert "bladder_bowel_dysfunction" not in present(a)
    assert a.level is Level.NONE


@pytest.mark.parametrize("text", ["no, but my bladder won't empty", "nope. waterworks have packed up"])
def test_a_no_then_the_site_in_trouble_is_still_a_yes(text: str) -> None:
    a = assess(text, "Any trouble passing urine or controlling your bladder or bowels?")
    assert "bladder_bowel_dysfunction" in present(a)


@pytest.mark.parametrize(
    "text",
    ["a bit of a temperature, 37.7", "I've got a fever: 37.5", "slight temp, 37.9 this morning"],
)
def test_a_fever_word_with_its_reading_after_a_comma_is_that_reading(text: str) -> None:
    a = assess(text, context={"on_active_treatment": False})
    assert {f.value_c is not None for f in a.findings if f.concept == "fever"} == {True}
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize("text", ["high temperature, 38.6", "a fever, 39.1 now"])
def test_a_high_reading_after_a_comma_is_still_a_fever(text: str) -> None:
    assert assess(text).level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "much better since they drained the fluid off my lung",
        "the doctor drained two litres yesterday, breathing easier",
        "had my chest drained on Monday",
    ],
)
def test_a_drained_chest_is_no_tiredness(text: str) -> None:
    assert "fatigue" not in present(assess(text))


@pytest.mark.parametrize("text", ["feeling really drained today", "I was drained after the infusion"])
def test_feeling_drained_is_tiredness(text: str) -> None:
    assert "fatigue" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "the arm on the same side as my cancer has gone puffy",
        "my right arm, on the side of the tumour, is swollen",
        "arm down the side of the lung growth has swelled",
    ],
)
def test_an_arm_named_by_the_tumour_side_is_arm_swelling(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "feeling really low and tearful",
        "can't get to sleep, awake till 3 every night",
        "food tastes of metal since chemo",
        "awful hot flushes at night",
    ],
)
def test_mood_sleep_taste_and_flushes_are_routine(text: str) -> None:
    a = assess(text)
    assert present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize("text", ["my phone battery is low", "the sun was low on our walk", "cnat breathe"])
def test_low_things_are_nothing_and_cnat_is_cant(text: str) -> None:
    a = assess(text)
    assert "unrecognised" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "could do with a chat with a nurse",
        "would like a chat to one of the nurses",
        "need a chat with the team",
    ],
)
def test_a_chat_with_a_nurse_is_a_nurse_request(text: str) -> None:
    assert "nurse_request" in present(assess(text))


def test_a_chat_with_my_sister_is_nothing() -> None:
    assert assess("had a lovely chat with my sister").level is Level.NONE
