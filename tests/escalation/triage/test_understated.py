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


# -- speech, seizures and confusion told by their signs ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "his words are coming out in the wrong order",
        "I keep saying 'spoon' when I mean 'phone'",
        "she can't get her words in the right order today",
    ],
)
def test_my_sentences_are_all_back_to_front_is_speech_difficulty(text: str) -> None:
    a = assess(text)
    assert "speech_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "he went all rigid on the sofa for a minute",
        "my daughter found me jerking on the kitchen floor",
        "woke up with a bitten tongue and a headache",
        "I'd bitten my tongue and the sheets were wet",
    ],
)
def test_i_went_all_jerky_and_bit_my_tongue_is_a_seizure(text: str) -> None:
    a = assess(text)
    assert "seizure" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "Dad put his jumper on inside out and back to front this morning",
        "Mum keeps asking me where Dad is, he passed away in 2015",
        "ended up at the shops and didn't know how I'd got there",
        "the neighbour says I wasn't with it this morning",
    ],
)
def test_he_put_his_shoes_on_the_wrong_feet_is_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I bit my tongue eating my dinner",
        "what do you mean when I mean to take it twice",
        "my sister says her speech is all back to front",
        "my brother put his shoes on the wrong feet as a kid",
        "my kids were asking where the dog is",
        "the heroine in my book goes all jerky when she sees him",
    ],
)
def test_i_bit_my_tongue_eating_my_dinner_is_no_emergency(text: str) -> None:
    assert assess(text).level < Level.URGENT


# -- self-harm said sideways ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "honestly, what's the point",
        "I've written my goodbye letters",
        "keep thinking about steering the car into a tree",
        "tempted to step in front of a bus",
        "going to bed hoping I don't wake up",
        "it'd be better for the kids if I just wasn't here",
        "burnt my arm with the lighter because I wanted to feel something",
    ],
)
def test_easier_for_everyone_if_i_wasnt_around_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "what's the point of the scan if it changes nothing?",
        "I nearly drove into a wall on the ice, scary",
        "my husband thought about driving into town",
        "hope I don't wake up the baby when I get in",
        "it would be easier for everyone if I just had the appointment on Monday",
        "I wrote letters to the council about the parking",
    ],
)
def test_i_nearly_drove_into_a_wall_on_the_ice_is_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


# -- fever as an image, and treatment named by its date ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "had my chemo Tuesday and my forehead is burning hot",
        "on chemo, feels like I'm being cooked from the inside",
    ],
)
def test_my_forehead_is_on_fire_on_chemo_is_neutropenic_fever(text: str) -> None:
    a = assess(text)
    assert "fever" in present(a)
    assert a.level is Level.EMERGENCY


def test_shivering_since_my_infusion_on_monday_is_neutropenic_fever() -> None:
    assert assess("shivering since my infusion on Monday").level is Level.EMERGENCY


def test_a_temperature_with_chemo_finished_over_a_year_ago_is_urgent_not_an_emergency() -> None:
    assert assess("got a temperature, my chemo ended over two years ago").level is Level.URGENT


@pytest.mark.parametrize("text", ["the radiator is on fire", "my kid's forehead is boiling"])
def test_the_radiator_is_on_fire_is_no_fever_of_mine(text: str) -> None:
    assert "fever" not in present(assess(text))


# -- breath told by what it stops -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he can only get three words out at a time",
        "talking a word between gasps",
        "couldn't get enough air into my lungs",
        "sat forward clutching the arms of the chair to breathe",
        "had to pause halfway through getting dressed, so puffed",
        "out of breath now just sitting on the sofa",
    ],
)
def test_can_barely_get_two_words_out_between_breaths_is_a_breathing_emergency(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "had to stop at the top of the stairs to catch my wind, new this week",
        "her breathing has gone downhill since Friday",
    ],
)
def test_stopping_on_the_landing_to_get_my_wind_back_is_new_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level >= Level.URGENT


def test_hills_make_me_puff_as_always_is_routine() -> None:
    assert assess("hills make me puff, same as ever").level is Level.ROUTINE


def test_he_caught_his_breath_back_after_the_run_is_nothing() -> None:
    assert assess("he caught his breath back after the run").level is Level.NONE


# -- amounts and durations --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "coughed up a clot of blood the size of a grape",
        "there was way more than a teaspoon of blood in the sink after I coughed",
        "brought up more than a few teaspoons of blood",
    ],
)
def test_a_big_clot_of_blood_with_my_cough_is_major_haemoptysis(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "cut my finger an hour ago and it's still oozing",
        "my nose has been bleeding for half an hour",
        "nosebleed, still pouring out",
    ],
)
def test_a_nosebleed_still_dripping_after_half_an_hour_is_bleeding_that_will_not_stop(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "been sick every hour since midnight",
        "vomit after each drink",
        "he isn't keeping water down",
        "pooing every half hour since breakfast",
        "it's coming out like water, 8 times today",
        "bowels going like a tap, 9 times today",
    ],
)
def test_throwing_up_every_hour_or_after_every_sip_is_urgent(text: str) -> None:
    assert assess(text).level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "running to the loo every hour to pee",
        "keeping fluids down fine now",
        "a bit of red wine with dinner",
        "nosebleed earlier, stopped after ten minutes",
        "3 watery ones since lunch",
    ],
)
def test_running_to_the_loo_every_hour_to_pee_is_not_diarrhoea(text: str) -> None:
    a = assess(text)
    assert a.level < Level.URGENT


# -- the chest, the face and neck, bone secondaries -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my heart feels like it's being squeezed, unbearable",
        "he's clutching his chest and saying it's terrible",
        "my chest aches so badly I had to lie on the floor",
    ],
)
def test_something_squeezing_my_heart_unbearably_is_severe_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my face has filled out and my collar won't do up",
        "veins on my chest are bulging",
        "can't fasten my top button any more",
        "face is round as a moon this week",
    ],
)
def test_my_neck_has_filled_out_and_my_top_button_wont_fasten_is_svc(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert a.level >= Level.URGENT


def test_a_face_round_as_a_football_and_struggling_for_breath_is_airway_swelling() -> None:
    assert assess("my face is like a football and I'm struggling for breath").level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my heart goes out to her",
        "Karl's clutching his chest again on the telly, classic",
        "my tummy is so bloated",
        "the football was as round as a ball",
        "can't fasten the dog's collar",
    ],
)
def test_my_heart_goes_out_to_her_is_no_chest_pain(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "mets in my ribs and my back's sore today",
        "my cancer is in my bones and my back aches",
        "secondaries in my hip bone, lower back aching",
    ],
)
def test_secondaries_in_my_hip_bones_and_an_aching_back_is_urgent(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


# -- routine findings named sideways ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("spitting out green phlegm", "cough"),
        ("some spotting on my pad", "bleeding"),
        ("new floaters in both eyes", "vision_change"),
        ("feels like walking on pebbles, from the chemo", "numbness"),
        ("something bad is going on, I can feel it", "patient_worry"),
        ("could I talk to one of your nurses please", "nurse_request"),
    ],
)
def test_green_muck_when_i_cough_is_a_routine_cough(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    ["drinking loads and up all night to the loo", "I'm bound up and weeing all the time"],
)
def test_thirst_or_constipation_with_weeing_all_night_is_hypercalcaemia(text: str) -> None:
    assert assess(text).level is Level.URGENT


# -- false alarms: other people, stories, adverts, advice, the past ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the man I sat with at chemo has been coughing up blood",
        "this lady I know from the ward has a temperature",
        "read a book where the hero goes deaf and blind",
        "there's a poster at the surgery: face drooping, arm weakness, call 999",
        "the card says if you notice blood in your phlegm, ring us",
        "my legs swelled up last month but went down nicely with the water tablets",
        "is tingling a side effect? Haven't had any yet",
        "at my sister's, her leg is swollen",
        "drove to my son's, he has a fever",
    ],
)
def test_the_lady_i_sit_next_to_at_chemo_has_a_fever_is_not_the_patient(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "back from my daughter's yesterday and now my calf is swollen and I'm breathless",
        "stayed at my sister's last night and my legs went weak",
        "my legs went weak and I went down after the stent",
        "I've got a fever, if you could ring me back",
    ],
)
def test_back_from_my_daughters_with_a_swollen_calf_is_mine(text: str) -> None:
    assert assess(text).level >= Level.URGENT


# -- the last of the set's classes ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "numbness in my feet spreading up to my thighs",
        "can't feel my toes and it's worked its way up past my knees",
    ],
)
def test_numb_feet_creeping_up_past_my_knees_is_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["tingling in my toes creeping up to my ankles", "pins and needles in my feet creeping up past my knees"],
)
def test_tingling_creeping_up_from_the_toes_stays_routine(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


def test_i_keel_over_if_i_stand_up_too_fast_is_syncope() -> None:
    a = assess("I keel over whenever I stand up quickly")
    assert "syncope" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the skin on my fingers has split", "a nail is lifting off on my big toe", "my scalp is flaking"],
)
def test_skin_split_on_my_knuckles_is_routine_not_nothing(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


@pytest.mark.parametrize("text", ["the paint is flaking off", "we split the bill"])
def test_the_paint_is_flaking_off_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


# -- told around the edges: "it", a misspelt chest, a comma, an ache that only eased ----------


def test_cant_really_talk_on_the_phone_because_of_it_after_breathlessness_is_an_emergency() -> None:
    a = assess("A bit breathless. I can't speak on the phone right now because of it.")
    assert a.level is Level.EMERGENCY


def test_cant_talk_on_the_phone_because_of_my_voice_is_not_breathlessness() -> None:
    assert "dyspnea" not in present(assess("I can't talk on the phone because of it, my voice is gone"))


@pytest.mark.parametrize(
    "text", ["sudden crushing pain in my chess", "tightness in the chess, came on suddenly"]
)
def test_a_sudden_pain_in_my_chess_is_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level is Level.EMERGENCY


def test_playing_chess_with_my_son_is_nothing() -> None:
    assert assess("playing chess with my son at the chess club").level is Level.NONE


def test_sipping_tea_comma_not_staying_down_is_vomiting_without_fluids() -> None:
    a = assess("tried sipping tea, not staying down")
    assert "vomiting" in present(a)
    assert a.level is Level.URGENT


def test_puffed_after_the_stairs_as_always_is_routine() -> None:
    assert assess("bit puffed after the stairs, no worse than usual").level is Level.ROUTINE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("headache, paracetamol eased it a little", Level.ROUTINE),
        ("back ache, the tablets sorted it a bit", Level.ROUTINE),
        ("had a headache, paracetamol sorted it", Level.NONE),
    ],
)
def test_paracetamol_sorted_it_a_bit_leaves_the_headache(text: str, level: Level) -> None:
    assert assess(text).level is level


# -- the same classes in yet other words ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my legs feel like a rag doll's", "limb_weakness"),
        ("my knees keep going", "limb_weakness"),
        ("I can't start peeing", "bladder_bowel_dysfunction"),
        ("he keeps losing simple words", "speech_difficulty"),
        ("she was shaking and foaming at the mouth", "seizure"),
    ],
)
def test_my_knees_keep_going_is_an_emergency_sign(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["my wee is red and full of clots", "bleeding from my bottom, filled the pan"]
)
def test_wee_red_and_full_of_clots_is_major_bleeding(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


def test_feet_that_feel_not_attached_are_numb() -> None:
    assert "numbness" in present(assess("my feet feel like they're not attached"))


@pytest.mark.parametrize(
    "text",
    [
        "my husband was foaming at the mouth about the council",
        "keep going, you're doing great",
        "I keep going to the shops",
        "the sunset was red",
        "the kettle water is red hot",
    ],
)
def test_foaming_at_the_mouth_about_the_council_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


# -- stories, and what is over (or only masked) -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "in the film the wife collapses and can't breathe",
        "my character in the play has a seizure in act two",
        "in the book I'm reading the hero's legs go weak",
    ],
)
def test_in_the_film_the_wife_collapses_is_a_story(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I had a temperature last week but it's normal now",
        "headache gone after a sleep",
        "the tummy ache was gone after a cup of tea",
    ],
)
def test_a_temperature_last_week_that_is_normal_now_is_over(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "temp 38.5 earlier, took paracetamol, normal now",
        "fever this morning, had some ibuprofen, fine now",
    ],
)
def test_a_fever_that_is_fine_now_after_paracetamol_is_masked_not_over(text: str) -> None:
    a = assess(text)
    assert "fever" in present(a)
    assert a.level is Level.URGENT


def test_my_temperature_came_down_but_my_legs_are_weak_is_still_an_emergency() -> None:
    assert assess("my temperature is normal now but my legs are weak").level is Level.EMERGENCY


def test_the_runs_about_ten_times_today_is_urgent_diarrhoea() -> None:
    assert assess("the runs about 10 times today").level is Level.URGENT


def test_drinking_like_a_fish_and_weeing_like_a_horse_is_hypercalcaemia() -> None:
    assert assess("drinking like a fish and weeing like a horse").level is Level.URGENT


def test_breathing_like_ive_run_a_marathon_sitting_here_is_breathlessness_at_rest() -> None:
    assert assess("breathing like I've run a marathon just sitting here").level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["she runs about 5 times a week", "I feel like I've run a marathon"])
def test_she_runs_about_five_times_a_week_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Mum keeps calling me by my dad's name",
        "he called the nurse the wrong name all morning",
        "Dad's chatting to his mum who's long dead",
    ],
)
def test_calling_me_by_my_sisters_name_is_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my oncologist said cord compression causes weak legs",
        "the leaflet says a clot can cause a swollen calf",
        "my sister called me by her name",
    ],
)
def test_cord_compression_causes_weak_legs_is_a_general_statement(text: str) -> None:
    assert assess(text).level < Level.URGENT


def test_my_back_pain_causes_my_legs_to_go_weak_is_mine() -> None:
    assert assess("my back pain causes my legs to go weak").level is Level.EMERGENCY
