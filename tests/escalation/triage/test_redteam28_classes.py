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


@pytest.mark.parametrize(
    "text",
    [
        "the bowl went bright red this morning then i remembered the beetroot salad",
        "loo water all red, forgot I had red cabbage last night",
        "toilet water went pink, realised it was the beetroot juice",
        "whole toilet bowl went red, ate beetroot yesterday",
    ],
)
def test_a_whole_bowl_told_by_its_colour_with_a_staining_food_eaten_is_no_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text", ["toilet water went red this morning", "the bowl was full of blood, had beetroot yesterday"]
)
def test_a_red_bowl_with_no_food_or_with_blood_named_is_still_a_bleed(text: str) -> None:
    assert "bleeding" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "been holding pressure on it for 40 mins",
        "sat in the waiting room 38 minutes, was fine",
        "on the tablets 39 days now",
        "weighed in at 40 kg",
    ],
)
def test_a_number_of_minutes_days_or_kilos_is_no_temperature(text: str) -> None:
    assert "fever" not in present(assess(text))


@pytest.mark.parametrize(
    "text", ["temp was 38.4 this morning", "temperature is 39", "it says 38 on the thermometer"]
)
def test_a_reading_is_still_a_temperature(text: str) -> None:
    assert "fever" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my knee just gave on the stairs, no pain at all",
        "his legs have got nothing in them today",
        "her leg just gave. she went down",
        "knees suddenly gave out",
    ],
)
def test_a_knee_or_leg_that_just_gave_is_weakness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "limb_weakness" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize("text", ["he gave me a lift to the shops", "gave my knee a rub after gardening"])
def test_giving_something_is_no_leg_giving_way(text: str) -> None:
    assert "limb_weakness" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "knelt down to get the washing out and couldnt get back up",
        "dad can't take a single step without holding on to us",
        "she cant manage a step unaided today",
        "fell in the hall and cant get back on my feet",
    ],
)
def test_not_getting_back_up_or_not_taking_a_step_is_trouble_walking(text: str) -> None:
    assert assess(text, context=CARER).level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my right foot wont push the brake down",
        "driving back my left leg just wouldnt press the clutch",
    ],
)
def test_a_leg_that_will_not_press_a_pedal_is_a_weak_leg(text: str) -> None:
    assert "limb_weakness" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "mum forgot how to use her phone today, shes had it for years",
        "couldnt remember how to work the kettle this morning",
        "dad cant work out how to use the remote all of a sudden",
        "he forgot how to use his knife and fork at tea",
    ],
)
def test_a_familiar_device_forgotten_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    ["cant work out how to use my new phone lol", "still learning how to use the new telly"],
)
def test_a_new_device_not_yet_learned_is_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I can't see the right side of the page when I read",
        "dad only ate the right half of his dinner and says there was nothing on the left",
        "cant see anything on the left side of my plate",
    ],
)
def test_half_a_plate_or_page_not_seen_is_one_sided_sight_loss(text: str) -> None:
    a = assess(text, context=CARER)
    assert "vision_change" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "ive got no control of my bladder since this morning",
        "he has no control over his bowels at all now",
        "absolutely no control over my waterworks today",
    ],
)
def test_no_control_of_bladder_or_bowels_is_not_a_denial(text: str) -> None:
    assert assess(text, context=CARER).level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I couldn't feel how hot the bath water was on my legs",
        "feel nothing from the waist down since lunch",
        "numb both legs right up to my thighs",
    ],
)
def test_feeling_lost_over_both_legs_is_cord_sensory_loss(text: str) -> None:
    assert assess(text).level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["toes a bit numb from the chemo", "couldn't feel the water was too hot with my fingers"],
)
def test_numb_toes_or_fingers_alone_are_not_cord_sensory_loss(text: str) -> None:
    assert assess(text).level < Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "we can barely keep him awake at tea",
        "mum's sleeping about 18 hours a day now",
        "he keeps dozing off in his chair all day",
        "could hardly keep my eyes open all morning",
    ],
)
def test_others_finding_one_hard_to_keep_awake_is_drowsiness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "drowsiness" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text", ["sleeping about 8 hours a night, lovely", "kept the kids awake with my snoring lol"]
)
def test_ordinary_sleep_is_no_drowsiness(text: str) -> None:
    assert "drowsiness" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "keep droping stuff, fingertips are numb from the chemo",
        "dropped my cup twice, my thumb is sore where I shut it in the drawer",
        "fingers numb since cycle 2 so I keep dropping things",
        "dropping everything today, finger tips tingly and numb",
    ],
)
def test_things_dropped_by_numb_or_sore_fingers_are_the_fingers_not_a_weak_arm(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "keep dropping things",
        "keep dropping things and my arms feel weak, fingers tingly",
        "keep dropping things with my left hand, fingers numb",
    ],
)
def test_things_dropped_with_no_finger_cause_or_with_weakness_named_are_still_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "out of puff after the shower, last week I was fine",
        "my son says im puffing on the stairs, not like me",
        "breathless hanging the washing out, usually no bother",
        "getting puffed walking to the car, until last week I was fine",
    ],
)
def test_breathlessness_set_against_ones_usual_is_new(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text", ["bit puffed on the stairs, always have been", "puffed after the big hill, normal for me"]
)
def test_breathlessness_that_is_ones_usual_is_not_new(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "mum tried to ask for her tea and what came out wasnt even a real word",
        "opened my mouth and out came words that werent words",
        "tried to say his name and a word that isnt a word came out",
        "keep trying to talk, what comes out isnt english",
    ],
)
def test_a_word_that_comes_out_as_no_word_is_a_speech_difficulty(text: str) -> None:
    a = assess(text, context=CARER)
    assert "speech_difficulty" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["hangry isnt even a word lol", "my grandson says words that arent even words, teenagers"],
)
def test_a_made_up_word_someone_else_uses_is_no_speech_difficulty(text: str) -> None:
    assert "speech_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "shivering waiting for the bus in the rain",
        "teeth chattering in the sea this morning, so cold lol",
        "freezing at the match, forgot my gloves",
        "shivery at the fireworks, should have worn a coat",
    ],
)
def test_shivering_with_the_cold_outside_named_is_no_rigor(text: str) -> None:
    a = assess(text, context={"on_active_treatment": True})
    assert "chills" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["teeth chattering all night, cant get warm", "shivering under the duvet and shaking, temp 38.6"],
)
def test_shivering_with_no_outside_cold_is_still_chills(text: str) -> None:
    a = assess(text, context={"on_active_treatment": True})
    assert "chills" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "cant hold my cup, too sore with this wrist",
        "couldnt pick up the baby because of the pain in my wrist",
        "my elbow is agony, can't lift the kettle cos it hurts",
        "struggling to hold a pen as it is too painful in my thumb",
    ],
)
def test_a_thing_not_held_for_the_pain_is_the_pain_not_a_weak_arm(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" not in present(a)
    assert "pain" in present(a)


@pytest.mark.parametrize("text", ["cant lift the kettle, arm is weak", "can't hold a cup anymore"])
def test_a_thing_not_held_with_no_pain_named_is_still_weakness(text: str) -> None:
    assert "limb_weakness" in present(assess(text))
