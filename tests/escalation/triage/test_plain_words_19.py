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


@pytest.mark.parametrize(
    "text",
    [
        "she forgot her own postcode when the taxi asked",
        "couldn't remember my own phone number today",
        "he forgot where he lives on the way back from the shop",
        "I keep losing my train of thought halfway through a sentence",
    ],
)
def test_forgetting_what_everyone_knows_of_themselves_is_confusion(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["forgot my purse at the shop again", "lost track of time in the garden", "I forgot the milk"]
)
def test_forgetting_an_errand_or_the_time_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "some nights I wish it could all just be over",
        "I keep praying everything would all end",
        "wishing my life would just end",
    ],
)
def test_wishing_it_all_over_is_self_harm(text: str) -> None:
    assert "self_harm" in present(assess(text))


@pytest.mark.parametrize("text", ["I wish this rain would stop", "wish the waiting room queue would end"])
def test_wishing_the_weather_or_a_queue_over_is_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text", ["sharp pain upper-back since this morning, came on suddenly", "sudden pain in my lower-back"]
)
def test_a_hyphenated_back_is_the_back(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "had to lean on the gate to get my breath, never had to before",
        "needed to sit down on the landing to get her breath back, never needed to stop before",
    ],
)
def test_stopping_to_get_my_breath_for_the_first_time_is_new_breathlessness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


def test_breath_back_after_a_swim_is_nothing() -> None:
    assert assess("got my breath back after the swim, lovely morning").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "whatever I eat I throw straight back up",
        "anything she drinks comes straight back up",
        "spewed x8 since lunch",
    ],
)
def test_all_that_goes_in_coming_back_up_or_spewing_counted_is_urgent_vomiting(text: str) -> None:
    a = assess(text, context=CARER)
    assert "vomiting" in present(a)
    assert a.level is Level.URGENT


def test_everything_going_up_in_price_is_nothing() -> None:
    assert assess("everything I buy goes up in price").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "the runs 5 times this morning and 2 this afternoon",
        "sick 4 times this morning and 2 in the night",
    ],
)
def test_a_second_part_of_the_day_counted_without_its_unit_adds_up(text: str) -> None:
    assert assess(text).level is Level.URGENT


def test_a_score_this_morning_and_this_afternoon_is_no_count() -> None:
    assert assess("back pain 4/10 this morning and 3 this afternoon").level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "Dad in the nursing home has been muddled all week, going to see him Sunday",
        "Mum at her care home had a fall yesterday, the staff rang me",
    ],
)
def test_a_parent_in_a_care_home_is_someone_else(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_parent_named_bare_at_home_is_still_the_patient() -> None:
    a = assess("Mum is very muddled this morning, doesn't know what day it is")
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my daughter caught a cold at school, she's coughing all night, I'm ok",
        "my grandson brought chickenpox home and he's been sick twice",
    ],
)
def test_whoever_brought_or_caught_the_bug_has_it(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_relative_who_brought_the_patient_leaves_the_patients_symptoms_theirs() -> None:
    a = assess("my son brought me home from clinic, I've been sick 3 times since")
    assert "vomiting" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "Doc asked if I'd ever had a seizure, told him no",
        "the physio wanted to know whether I'd had any falls",
        "surgeon asked me about blood in my wee",
    ],
)
def test_a_clinicians_question_reported_is_not_a_symptom(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "everything to my right went black for a bit",
        "he says he's blind down the left side since lunch",
        "her left side vision has gone dim",
        "I can only see half of the page when I read",
    ],
)
def test_one_side_of_sight_gone_said_other_ways_is_neuro_acute(text: str) -> None:
    a = assess(text, context=CARER)
    assert "vision_change" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_messy_left_side_of_the_room_is_not_vision() -> None:
    assert assess("everything on my left is a mess, need to tidy").level is Level.NONE


@pytest.mark.parametrize(
    "text", ["my backside feels anaesthetised", "down below feels dead since this morning"]
)
def test_the_seat_anaesthetised_or_dead_is_saddle_numbness(text: str) -> None:
    assert "saddle_numbness" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I don't get the urge to pee any more",
        "no sensation to wee at all today",
        "peeing but I can't feel it",
        "the wee just leaks out without me noticing",
    ],
)
def test_the_urge_or_the_feel_of_passing_water_lost_is_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["I don't get the urge to eat much these days", "the parcel came without me knowing"]
)
def test_no_urge_to_eat_or_a_parcel_unnoticed_is_not_the_bladder(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


@pytest.mark.parametrize(
    "text", ["the tissue came out pink after I coughed", "coughed and the hanky was bright red"]
)
def test_a_tissue_coloured_after_a_cough_is_blood_coughed_up(text: str) -> None:
    assert "hemoptysis" in present(assess(text))


@pytest.mark.parametrize("text", ["the tissue box is red", "bought pink tissues for the party"])
def test_coloured_tissues_from_the_shop_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text", ["she keeps calling me by her mother's name", "he called me by his brother's name twice today"]
)
def test_calling_someone_by_a_relatives_name_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context=CARER))


def test_calling_someone_by_their_own_name_is_nothing() -> None:
    assert assess("I called him by his name and he waved").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my left leg won't take my weight since breakfast",
        "both knees wouldn't bear her weight on the stairs",
        "his legs can't hold his weight any more",
    ],
)
def test_a_leg_that_will_not_take_the_weight_is_limb_weakness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_chair_that_will_not_take_the_weight_is_not_an_emergency() -> None:
    assert assess("the old garden chair won't take my weight").level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "stood up, everything went white and then I was on the floor",
        "the room went grey and she hit the deck",
        "ended up on the bathroom floor, I don't know how",
    ],
)
def test_a_grey_out_that_ends_on_the_floor_is_syncope(text: str) -> None:
    a = assess(text, context=CARER)
    assert "syncope" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the lights went dark and I went down to check the fuse box",
        "slipped on the ice and then I was on the floor",
    ],
)
def test_a_power_cut_or_a_slip_is_not_syncope(text: str) -> None:
    assert "syncope" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "couldn't hold it in time this morning, soaked",
        "she couldn't hold on till she got to the loo",
        "my waterworks have stopped",
    ],
)
def test_not_holding_it_in_time_or_the_waterworks_stopped_is_a_cord_sign(text: str) -> None:
    a = assess(text, context=CARER)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["couldn't hold it, the baby was too wriggly", "my wee stopped for a second then carried on"]
)
def test_holding_a_baby_or_a_stream_that_pauses_is_not_lost_control(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["my legs aren't right today", "left arm not quite right since lunch", "my knee doesn't feel right"],
)
def test_a_limb_not_quite_right_is_not_understood_please_read(text: str) -> None:
    a = assess(text)
    assert a.level is Level.ROUTINE


def test_a_bill_that_is_not_right_is_nothing() -> None:
    assert assess("the gas bill isn't right again").level is Level.NONE


@pytest.mark.parametrize(
    "text", ["right-sided weakness came on at lunch", "he has left sided weakness since he woke"]
)
def test_a_side_named_as_an_adjective_is_one_sided_weakness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_sleeping_left_sided_is_nothing() -> None:
    assert assess("I always sleep left sided").level is Level.NONE


@pytest.mark.parametrize("text", ["bit short-of-breath on the hill today", "out-of-breath after the stairs"])
def test_breath_hyphenated_as_typed_is_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))
