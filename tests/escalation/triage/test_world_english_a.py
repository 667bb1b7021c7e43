"""Red-team set 24's classes (first share): English as texted across the world by second-language
and dialect writers. Wishes to die in a learner's or a dialect's words ("thinking to finish
myself", "nuh waan live again", "rather be deid"); breath told by what one cannot do or by images
(sitting up all night for air, a few words then a stop, air that does not reach the chest);
collapse and fits told by the floor woken on and by what was seen; fever told as heat like an
oven or as a reading after a comma; and the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, assess, present

TREATED = {"on_active_treatment": True}


# --- a wish to die, in a learner's or a dialect's words -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "some nights I am planning to finish myself, nobody needs me",
        "I want to end myself, I am too tired",
        "sometimes I think of finishing myself off",
        "honestly I don't see any point to wake up in the morning",
        "I do not see a point to live, everything is heavy",
        "no point to go on anymore for me",
    ],
)
def test_a_learners_wish_to_finish_oneself_or_not_to_wake_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "mi nuh waan live no more, everyting hard",
        "I no wan live again, this sickness too much",
        "me wan die, di pain nah stop",
        "ah'd rather be deid, honest",
    ],
)
def test_a_dialects_wish_not_to_live_is_self_harm(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["mi nuh waan dead, tell mi what fi do", "I no wan die, please help me"])
def test_not_wanting_to_die_in_a_dialect_is_no_wish_to_die(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I finished myself a whole plate of jollof",
        "I don't see a point to waking up early for the bloods, they open at ten",
        "I'd rather be dead than miss the match on Saturday",
        "I would rather die than wear that hat to church",
    ],
)
def test_everyday_words_beside_the_wish_to_die_are_no_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" not in present(a)
    assert a.level < Level.URGENT


def test_rather_be_dead_than_face_more_treatment_is_still_a_wish_to_die() -> None:
    assert assess("to be honest I'd rather be dead than do another cycle").level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "been hiding my pain tablets, I plan to swallow them all at once",
        "I am saving my sleeping pills so I can take the lot together",
        "stockpiling my tablets, going to take them all in one go",
    ],
)
def test_pills_gathered_to_take_all_at_once_are_a_plan_of_self_harm(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["I collect my tablets from the chemist on Friday", "can you remind me to collect my pills tomorrow"],
)
def test_collecting_a_prescription_is_no_plan(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I keep thinking how easy it would be to just step off",
        "driving home I kept thinking how easy it would be to drive off the bridge",
    ],
)
def test_thinking_how_easy_a_fatal_step_would_be_is_self_harm(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


def test_thinking_how_easy_a_trip_would_be_is_nothing() -> None:
    a = assess("thinking how easy it would be to just jump on the train to see my sister")
    assert a.level is Level.NONE


# --- breath told by what one cannot do, or by images -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I have to sit up in the chair all night to catch my breath",
        "every few minutes I must sit up to get some air",
        "when I speak two or three words I have to stop",
        "after three words he must stop, it is very bad",
        "the air is not reaching my lungs properly",
        "air no dey reach my chest at all",
        "I am unable to take a full breath since this morning",
        "since this morning my fingertips have taken on a purple tinge",
        "I feel like drowning whenever I lie down",
    ],
)
def test_breath_told_by_what_cannot_be_done_or_by_an_image_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


def test_panting_like_a_dog_even_lying_in_bed_is_breathlessness_at_rest() -> None:
    a = assess("I dey pant like dog even when I lie for bed")
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I feel like drowning in paperwork this week",
        "the children speak three words of English and stop",
        "the lipstick has taken a bluish tint in the sun",
    ],
)
def test_images_of_breath_that_are_not_about_breathing_are_not_emergencies(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my breath dey short now, e pass before",
        "I lose my breath when I climb to the bus stop, that is new",
        "from last week I am getting breathless on the small hill",
        "before I used to climb four floors easily, now I get breathless on one",
    ],
)
def test_breath_shorter_than_before_in_a_learners_words_is_urgent(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


def test_a_puffed_face_is_a_swelling_not_breathlessness() -> None:
    a = assess("his face is all puffed up when he bends forward, breathing okay")
    assert "face_neck_swelling" in present(a)
    assert "dyspnea" not in present(a)
    assert a.level is Level.URGENT


# --- collapse and fits told by what was seen -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Uncle drop for parlour, foam dey come from him mouth",
        "his eyes rolled up and he was stiff on the bed",
        "she went quiet, her eye turn, then she was jerking",
    ],
)
def test_a_fit_told_by_foam_or_eyes_turned_is_a_seizure(text: str) -> None:
    a = assess(text, context=CARER)
    assert "seizure" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["foaming at the mouth about the parking charges, he was", "my eyes went back to normal after the drops"],
)
def test_angry_foam_and_eyes_back_to_normal_are_no_fit(text: str) -> None:
    assert "seizure" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "felt dizzy in the kitchen, next thing I'm on the floor",
        "mi wake up pon di ground outside, cyaan remember",
        "collapsed in the toilet, don't know how long I was out",
    ],
)
def test_a_collapse_told_by_the_floor_woken_on_or_time_lost_is_syncope(text: str) -> None:
    a = assess(text)
    assert "syncope" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "he falls asleep in front of the telly every night",
        "I fall asleep fine now with the new pillow",
    ],
)
def test_falling_asleep_is_no_fall(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" not in present(a)
    assert a.level < Level.URGENT


def test_nodding_off_in_the_middle_of_a_meal_is_drowsiness() -> None:
    a = assess("Papa keeps falling asleep in the middle of his meal, very hard to wake", context=CARER)
    assert "drowsiness" in present(a)
    assert "gait_difficulty" not in present(a)
    assert a.level is Level.URGENT


def test_a_head_that_bangs_me_is_a_headache_and_worse_each_day_is_urgent() -> None:
    a = assess("my head dey knock me, e dey worse every day")
    assert "headache" in present(a)
    assert a.level is Level.URGENT


def test_a_headache_passed_completely_is_resolved() -> None:
    assert assess("all fine, the headache from the weekend passed completely").level is Level.NONE


# --- fever told by an image or with its number after a comma ---------------------------------


@pytest.mark.parametrize(
    "text",
    ["my skin is hot like fire since morning", "her body dey hot like oven, she no fit talk well"],
)
def test_a_body_hot_like_an_oven_or_fire_is_a_fever(text: str) -> None:
    a = assess(text, context=TREATED)
    assert "fever" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_kitchen_hot_like_an_oven_is_no_fever() -> None:
    assert "fever" not in present(assess("the kitchen is hot like an oven today", context=TREATED))


@pytest.mark.parametrize("text", ["checked my temperature, 39", "took the temp: 38"])
def test_a_whole_number_after_the_temperature_word_and_a_comma_is_the_reading(text: str) -> None:
    a = assess(text, context=TREATED)
    assert "fever" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_count_after_the_temperature_word_is_no_reading() -> None:
    a = assess("took my temperature, 3 times today, all fine at 36.8", context=TREATED)
    assert "fever" not in present(a)


def test_scots_awfy_puffed_on_a_walk_is_very_breathless_not_severe() -> None:
    a = assess("getting awfy puffed oot gaun up the brae, never used tae")
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


def test_scots_awfy_puffed_sitting_still_is_still_an_emergency() -> None:
    assert assess("awfy puffed oot just sittin in ma chair").level is Level.EMERGENCY


# --- second batch: breath not coming, a mouth gone aside, Pidgin confusion, minutes lost ------


@pytest.mark.parametrize(
    "text",
    [
        "since evening I am not getting breath properly",
        "air is not coming in, only little little",
        "hirap huminga ako",
    ],
)
def test_breath_that_is_not_coming_is_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_a_mouth_going_to_one_side_is_a_one_sided_droop() -> None:
    a = assess("Papa mouth is turning to one side since lunch", context=CARER)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "Mama no dey recognise her children again",
        "since morning she no sabi where she dey",
        "grandad start talk foolishness from last night",
    ],
)
def test_confusion_in_pidgin_or_jamaican_words_is_an_emergency(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "Mama fell in the kitchen and did not respond for a few minutes",
        "Uncle collapse for market this morning",
    ],
)
def test_minutes_without_waking_or_a_learners_collapse_is_syncope(text: str) -> None:
    a = assess(text, context=CARER)
    assert "syncope" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["he dropped in at the shop for milk", "I collapse on the sofa after work, tired but fine"],
)
def test_dropping_in_and_flopping_on_a_sofa_are_no_collapse(text: str) -> None:
    assert "syncope" not in present(assess(text))


def test_taglish_lagnat_is_a_fever_and_gone_na_is_gone() -> None:
    assert "fever" in present(assess("may lagnat ako since kagabi"))
    assert assess("yung lagnat ko is gone na, okay na ako").level is Level.NONE


# --- third batch: more ways to say the wish to die, and rigors told as cold with shaking ------


@pytest.mark.parametrize(
    "text",
    [
        "this suffering too much, e better make I just die",
        "every night I pray make God come take me",
        "abeg I wan end am tonight",
        "I only want to sleep and never to wake up",
        "I am ready to go and join my late wife",
        "I do not want to be alive again",
        "tell me what is the use of going on like this",
        "I thought to drink rat poison yesterday",
        "mi a go tek mi own life, mi cyaan manage",
        "I feel like I'll throw myself from the storey building",
        "some days I want to drown myself",
        "mi wish me did dead, true",
    ],
)
def test_more_world_english_ways_to_say_a_wish_to_die_are_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "make I no die o, I want to see my grandchildren",
        "what is the use of this new tablet",
        "I want to hang my washing before the rain",
        "we bought rat poison for the mice in the store",
        "I cut myself chopping onions",
    ],
)
def test_near_misses_of_the_wish_to_die_are_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


def test_cold_inside_and_shaking_on_treatment_is_a_rigor() -> None:
    a = assess("I am cold cold inside and shaking", context=TREATED)
    assert "chills" in present(a)
    assert a.level is Level.EMERGENCY


# --- a learner's "since": for that long ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["not able to breathe well since half an hour", "breath became very short since 15 minutes"],
)
def test_breathlessness_since_an_hour_or_minutes_is_sudden(text: str) -> None:
    a = assess(text)
    assert "sudden" in {m for f in a.findings if f.concept == "dyspnea" for m in f.modifiers}
    assert a.level is Level.EMERGENCY


def test_breathless_on_the_stairs_since_one_week_is_new_and_urgent() -> None:
    assert assess("I get breathless on the stairs since one week").level is Level.URGENT


def test_waiting_since_one_hour_is_nothing() -> None:
    assert assess("I am waiting since one hour for the pharmacy to open").level is Level.NONE


# --- sight, speech and fits in Pidgin and learners' words -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "since morning my left eye no dey see well for one side",
        "Papa tongue heavy, he no fit talk well",
        "him dey talk like drunk man but he no drink",
        "she try talk but words no dey come out",
    ],
)
def test_sight_and_speech_lost_in_pidgin_words_are_neuro_emergencies(text: str) -> None:
    assert assess(text, context=CARER).level is Level.EMERGENCY


def test_shaking_shaking_on_the_ground_is_a_fit() -> None:
    a = assess("Uncle dey jerk jerk for floor, he no dey answer", context=CARER)
    assert "seizure" in present(a)


@pytest.mark.parametrize(
    "text",
    ["my tongue is heavy with ulcers from the chemo", "the words of the hymn are not coming out right"],
)
def test_a_sore_tongue_and_a_song_forgotten_are_no_speech_loss(text: str) -> None:
    assert "speech_difficulty" not in present(assess(text))


def test_having_temperature_is_a_fever_and_having_it_checked_is_not() -> None:
    assert "fever" in present(assess("I am having temperature from last night"))
    assert "fever" not in present(assess("I am having temperature checked at the clinic"))
