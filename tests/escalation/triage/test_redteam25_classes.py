"""Red-team set 25's classes: emergencies told by what the person can no longer do, by what
others saw, by objects, images and odd units, in world English. A mind that cannot think
straight or remember anything; a wish to die held back only by courage, or told by a whole
supply swallowed or a cliff to drive to; a part washed or wiped that feels like a stranger's;
"a bit of an accident" in the bed; drowning or breathing through a narrow tube as the breath;
with the near misses beside each (a figure of speech, a denial, someone else).

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present, status_of


@pytest.mark.parametrize(
    "text",
    [
        "I cant think straight today",
        "mum can't think clearly at all",
        "cnt rember anythng",
        "she can't remember a thing anymore",
        "can't think straight, everything foggy since yesterday",
    ],
)
def test_a_mind_told_by_what_it_can_no_longer_do_is_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "so busy at work I can't think straight",
        "can't think straight with the builders next door",
        "I can't remember a thing about the film, fell asleep",
        "sailed through the strait of dover on the ferry",
        "my brain isn't working this morning, need coffee",
    ],
)
def test_a_mind_too_busy_or_a_memory_of_one_thing_is_no_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "if I had the guts I'd end it",
        "if I had the nerve I'd swallow the whole bottle of pills and be done",
        "I'm going to neck the whole bottle of sleeping pills",
        "driving out to the cliffs tonight and that will be that",
        "some days I could throw myself in front of a train",
    ],
)
def test_a_wish_held_back_by_courage_or_told_by_its_means_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self-harm" in a.rules
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "if I had the guts I'd tell my boss to stuff it",
        "going to the cliffs tonight to watch the sunset",
        "do I take the whole packet of paracetamol?",
        "the dog swallowed the whole packet of tablets",
        "I took the whole box of antibiotics like they said",
        "the kids jumped off the bridge into the river",
    ],
)
def test_courage_cliffs_and_whole_packets_without_the_wish_are_not_self_harm(text: str) -> None:
    assert "self-harm" not in assess(text).rules


def test_a_what_if_about_a_symptom_stays_hypothetical() -> None:
    a = assess("if I get a headache should I take paracetamol")
    assert status_of(a, "headache") == {"hypothetical"}


@pytest.mark.parametrize(
    "text",
    [
        "when I wipe after the toilet it's like I'm wiping someone else's bottom",
        "washing down there feels like I'm washing somebody else",
    ],
)
def test_a_part_washed_or_wiped_like_a_strangers_is_saddle_numbness(text: str) -> None:
    a = assess(text)
    assert "saddle_numbness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I'd a bit of an accident in the bed, mortified",
        "had a bit of an accident overnight, never woke",
        "dad had a bit of an accident in his trousers",
    ],
)
def test_a_bit_of_an_accident_in_bed_or_in_clothes_is_the_bladder(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["had a bit of an accident at work, cut my finger", "I've had a bit of an accident in the car"],
)
def test_a_bit_of_an_accident_elsewhere_is_no_incontinence(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "lying flat last night I felt like I was drowning",
        "he said it felt like he was suffocating when he lay down",
        "it's like breathing through a coffee stirrer",
        "feels like I'm getting air in through a pinhole",
    ],
)
def test_drowning_or_a_narrow_tube_told_of_the_breath_is_severe_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert "breathing" in a.rules


@pytest.mark.parametrize(
    "text",
    ["I felt like I was drowning in paperwork this week", "threading a needle is hard with these glasses"],
)
def test_drowning_in_work_and_a_needle_threaded_are_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "coughing up blood again, it's not just spots now",
        "coughed up blood this morning, more than just streaks",
        "brought up red stuff, not streaks this time, a proper mouthful",
    ],
)
def test_streaks_denied_in_favour_of_more_are_a_large_bleed(text: str) -> None:
    a = assess(text)
    assert "hemoptysis-major" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "cough still there but no streaks now",
        "phlegm is not streaky anymore",
        "coughed up a few streaks of blood, not a lot",
    ],
)
def test_streaks_gone_or_a_little_are_no_large_bleed(text: str) -> None:
    assert "hemoptysis-major" not in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "a mugful of bright red stuff came up when I coughed",
        "coughed up blood in the night, a patch on the pillow the size of my hand",
        "coughed blood onto the tissue, a stain as big as a saucer",
    ],
)
def test_coughed_blood_told_as_red_stuff_or_by_a_palm_sized_patch_is_large(text: str) -> None:
    a = assess(text)
    assert "hemoptysis-major" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "ate some red stuff at the chinese",
        "ketchup, red stuff everywhere",
        "a cut the size of a 5p, bled a bit",
    ],
)
def test_red_stuff_eaten_and_a_coin_sized_cut_are_no_large_bleed(text: str) -> None:
    assert assess(text).level < Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "nicked my chin shaving, hasn't stopped for an hour",
        "cut my thumb peeling spuds, still bleeding",
        "cut myself shaving and it won't stop",
    ],
)
def test_an_everyday_cut_still_going_is_a_bleed_that_will_not_stop(text: str) -> None:
    a = assess(text)
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize(
    "text",
    ["nicked myself shaving this morning", "nicked myself shaving, stopped now", "someone nicked my bag"],
)
def test_an_everyday_cut_alone_or_stopped_is_no_bleed_to_act_on(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["my neck feels thick", "face looks thick this morning and my collar won't do up"],
)
def test_a_neck_or_face_felt_or_seen_thick_is_swelling(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert a.level is Level.URGENT


def test_a_thick_neck_with_a_whistle_on_breathing_in_is_svc_airway() -> None:
    a = assess("neck's gone thick and tight and there's a whistle when I breathe in")
    assert "svc-airway" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "his accent is thick",
        "my face is full of spots",
        "the fog is thick today",
    ],
)
def test_thick_accents_and_spots_are_no_swelling(text: str) -> None:
    assert "face_neck_swelling" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["sock marks really deep on my left leg", "socks leaving deep dents in my ankles"],
)
def test_swelling_told_by_the_marks_socks_leave_is_leg_swelling(text: str) -> None:
    a = assess(text)
    assert "leg_swelling" in present(a)


def test_one_legs_sock_marks_with_chest_pain_is_a_clot() -> None:
    a = assess("deep sock marks on the left leg only, and a pain in my chest on that side")
    assert "clot" in a.rules


@pytest.mark.parametrize("text", ["took my socks off", "the shop won't fit us in till friday"])
def test_socks_and_fitting_in_are_no_swelling(text: str) -> None:
    assert "leg_swelling" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "back went suddenly when I lifted the shopping",
        "the back gave way all of a sudden bending to the dishwasher",
    ],
)
def test_a_back_that_went_when_lifting_is_sudden_back_pain(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert "spinal-pain-flags" in a.rules


def test_a_back_that_lights_up_with_a_sneeze_is_back_pain_on_straining() -> None:
    a = assess("sneezed and my lower back lit up like a christmas tree")
    assert "back_pain" in present(a)
    assert "spinal-pain-flags" in a.rules


@pytest.mark.parametrize(
    "text",
    ["came back went straight to bed", "the back garden lit up with fairy lights"],
)
def test_coming_back_and_a_lit_garden_are_no_back_pain(text: str) -> None:
    assert "back_pain" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I. Cant. Breathe.",
        "typing in bits sorry. can't. get. my. breath.",
        "Back. Killing. Me. Legs. Gone. Weak.",
    ],
)
def test_a_message_typed_a_word_at_a_time_is_read_as_one_sentence(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("No. Breathless.", Level.ROUTINE),
        ("Fine. Thanks. Bye.", Level.NONE),
        ("Dr. Smith said my back is fine", Level.NONE),
    ],
)
def test_one_or_two_short_sentences_and_abbreviations_keep_their_stops(text: str, level: Level) -> None:
    assert assess(text).level is level


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        (
            "when I was first diagnosed I coughed up a cupful of blood, nothing like that for two years now",
            "hemoptysis",
        ),
        ("had a fit after the op, not had anything like it in six months", "seizure"),
    ],
)
def test_a_finding_with_nothing_like_it_for_years_since_is_over(text: str, concept: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"resolved"}
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("coughed up blood this morning, nothing like that for two years", "hemoptysis"),
        ("fainted today, nothing like that in ten years", "syncope"),
    ],
)
def test_a_finding_dated_today_is_the_first_in_years_not_over(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my chest of drawers collapsed, what a day",
        "the tent collapsed in the wind",
        "shelves collapsed under the books",
    ],
)
def test_furniture_and_things_that_collapse_are_no_faint(text: str) -> None:
    assert "syncope" not in present(assess(text))
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Dad collapsed in the kitchen",
        "she was sitting on the bed collapsed",
        "collapsed at the table during dinner",
    ],
)
def test_a_person_who_collapsed_still_fainted(text: str) -> None:
    assert "syncope" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "parched all the time and up every hour for a wee",
        "drinking jugs of water, thirsty, up all night to pee",
    ],
)
def test_thirst_with_getting_up_often_to_pass_water_is_hypercalcaemia(text: str) -> None:
    a = assess(text)
    assert {"thirst", "polyuria"} <= present(a)
    assert "hypercalcemia" in a.rules


@pytest.mark.parametrize(
    "text",
    ["been on the toilet every hour since lunch, 9 times today", "on the loo 8 times since breakfast"],
)
def test_sitting_on_the_loo_over_and_over_is_diarrhoea_and_counts(text: str) -> None:
    a = assess(text)
    assert "diarrhea" in present(a)
    assert "diarrhea" in a.rules


@pytest.mark.parametrize(
    "text",
    ["on the loo every hour for a wee", "I read on the loo every morning"],
)
def test_a_wee_on_the_loo_or_reading_there_is_no_diarrhoea(text: str) -> None:
    assert "diarrhea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["calf aches like a cramp that won't go, and it's swollen", "a cramp in my calf that just won't shift"],
)
def test_a_cramp_that_wont_go_is_no_weak_limb(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" not in present(a)
    assert "cord-signs" not in a.rules


@pytest.mark.parametrize("text", ["my legs won't go", "my right leg just won't go where I put it"])
def test_legs_that_wont_go_are_still_weak(text: str) -> None:
    assert "limb_weakness" in present(assess(text))


@pytest.mark.parametrize("text", ["goes fuzzy when I watch telly", "a bit blurry when I'm reading lately"])
def test_blurry_told_by_when_is_a_change_in_sight(text: str) -> None:
    assert "vision_change" in present(assess(text))


@pytest.mark.parametrize("text", ["the photo is blurry when I zoom in", "the photos came out blurry"])
def test_a_blurry_photo_is_not_the_eyes(text: str) -> None:
    assert "vision_change" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "black tongue from the liquorice, haha",
        "the blueberries turned my teeth purple",
        "blue lips from the slushie",
    ],
)
def test_a_mouth_coloured_by_what_was_eaten_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_blue_lips_with_breathlessness_are_still_read() -> None:
    assert assess("blue lips and can't breathe").level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "this morning I had to hang onto the sink to stay upright",
        "clung to the banister to keep from falling",
        "my left leg sort of drags when I go up the stairs",
    ],
)
def test_kept_up_only_by_what_was_held_or_a_leg_that_drags_is_trouble_walking(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["held onto the rail on the bus", "the day drags when I'm alone"])
def test_a_rail_held_on_the_bus_or_a_dragging_day_is_no_trouble_walking(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["now he's very sleepy and won't answer me properly", "she isn't responding when I talk to her"],
)
def test_not_answering_sensibly_as_others_see_it_is_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["Mum's not answering her phone", "he hasn't been replying to my texts", "he didn't answer my text"],
)
def test_a_phone_or_a_text_not_answered_is_no_finding(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["I had to lift her legs up onto the bed for her", "we had to swing his legs into the car"],
)
def test_a_carer_who_lifts_the_legs_tells_of_weak_legs(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_drinking_everything_in_the_fridge_and_weeing_for_england_is_thirst_and_polyuria() -> None:
    a = assess("he's drinking everything in the fridge and weeing for England")
    assert {"thirst", "polyuria"} <= present(a)
    assert "hypercalcemia" in a.rules


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("no pain in my back full stop my legs are weak", "limb_weakness"),
        ("no headache full stop dizzy though", "unrecognised"),
        ("no fever comma my legs are numb", "numbness"),
    ],
)
def test_a_spoken_full_stop_or_comma_ends_what_a_denial_covers(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_a_full_stop_at_the_lights_names_nothing() -> None:
    assert assess("I came to a full stop at the lights").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["his face looked droopy on one side", "her smile was a bit crooked at tea time"],
)
def test_a_face_seen_drooping_is_read_in_the_past_tense_too(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the neighbour found me sat on the kitchen floor, no idea how long I'd been there",
        "found him sitting on the bathroom floor",
    ],
)
def test_found_down_on_the_floor_with_time_lost_is_a_collapse(text: str) -> None:
    assert "syncope" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["the dog was sat on the kitchen floor", "don't know how long the queue was"],
)
def test_a_dog_on_the_floor_or_a_long_queue_is_no_collapse(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["she thinks it's 1985", "keeps asking for his wife who passed away in 2010"],
)
def test_living_in_another_time_as_others_see_it_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text))


def test_thinking_it_was_another_weekday_is_no_confusion() -> None:
    assert assess("I thought it was Monday, silly me").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["had to bum shuffle down the stairs", "the lads had to pick me up off the floor"],
)
def test_stairs_on_the_bottom_or_picked_up_off_the_floor_is_trouble_walking(text: str) -> None:
    assert "gait_difficulty" in present(assess(text))


def test_picking_someone_up_from_the_station_is_nothing() -> None:
    assert assess("picked her up from the station").level is Level.NONE


def test_a_cup_that_a_hand_on_one_side_cannot_hold_is_one_sided_weakness() -> None:
    a = assess("can't hold a mug of tea without spilling it, right hand")
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_holding_a_tune_is_nothing() -> None:
    assert assess("I can't hold a tune").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["wife says I went blue and stopped breathing for a bit in my sleep", "his lips went a blue colour"],
)
def test_turning_blue_or_stopping_breathing_for_a_while_is_severe_breathlessness(text: str) -> None:
    assert "breathing" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "my fingers went blue in the cold",
        "I went blue in the face laughing",
        "told him till I was blue in the face",
    ],
)
def test_cold_fingers_and_blue_in_the_face_are_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["back pain 11/10", "headache 15 out of 10"],
)
def test_a_score_past_the_top_of_the_scale_is_the_top(text: str) -> None:
    a = assess(text)
    assert any("severe" in f.modifiers for f in a.findings if f.present)
    assert a.level is Level.URGENT


@pytest.mark.parametrize("text", ["took 12 paracetamol today", "back pain 3/10"])
def test_counts_and_low_scores_are_no_severe_pain(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "sats 86 on the finger thing",
        "the oxygen reading thing says 84",
        "O2 dropped to 88%",
        "86% on the oximeter",
    ],
)
def test_a_pulse_oximeter_reading_of_90_or_less_is_severe_breathlessness(text: str) -> None:
    assert "breathing" in assess(text).rules


@pytest.mark.parametrize("text", ["sats 97 today", "my oxygen is 95", "I am 86 years old"])
def test_a_normal_oxygen_reading_or_an_age_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "there was a puddle of blood in the sink after I coughed",
        "coughed and it came up bright red, filled the bottom of my mug",
    ],
)
def test_a_puddle_or_a_vessels_bottom_covered_is_a_large_bleed(text: str) -> None:
    assert "hemoptysis-major" in assess(text).rules


def test_a_puddle_of_water_is_nothing() -> None:
    assert assess("a puddle of water on the kitchen floor").level is Level.NONE


def test_hardly_any_water_passed_in_a_day_is_the_bladder() -> None:
    a = assess("only peed about an eggcup full all day")
    assert "bladder_bowel_dysfunction" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "I won't be here much longer, by my own hand",
        "been giving all my stuff away, I won't need it much longer",
        "the noose is tied in the loft",
        "I'm a burden, they'd all be better off if I was gone",
    ],
)
def test_an_end_told_by_its_means_its_hand_or_affairs_put_in_order_is_self_harm(text: str) -> None:
    assert "self-harm" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "I made it by my own hands",
        "a letter written by my own hand",
        "giving my clothes away to charity",
        "tied the rope to the swing",
    ],
)
def test_handmade_things_and_giving_to_charity_are_not_self_harm(text: str) -> None:
    assert "self-harm" not in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "abeg my breath no dey come",
        "had to sit down halfway through getting dressed, no breath",
        "can't sleep flat or I can't breathe",
    ],
)
def test_breath_that_will_not_come_told_by_what_it_stops_is_emergency(text: str) -> None:
    assert "breathing" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    ["propped up on 4 pillows to sleep now", "the stairs are like Everest now"],
)
def test_pillows_piled_up_and_stairs_like_a_mountain_are_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "can't lie flat because of my back",
        "had to sit down halfway through getting dressed",
        "Everest base camp booked",
    ],
)
def test_a_back_that_stops_lying_flat_or_a_sit_down_alone_is_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


def test_scots_legs_that_cannae_staun_are_trouble_walking() -> None:
    assert "gait_difficulty" in present(assess("ma legs are away, cannae staun"))


def test_a_person_seen_going_stiff_as_a_board_is_a_seizure() -> None:
    a = assess("she went stiff as a board and her lips were twitching")
    assert "seizure" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_back_gone_stiff_as_a_board_is_no_seizure() -> None:
    assert "seizure" not in present(assess("my back went stiff as a board"))


@pytest.mark.parametrize(
    "text",
    ["shirts won't button at the neck any more", "veins standing out on my chest"],
)
def test_a_collar_outgrown_or_veins_standing_out_on_the_chest_is_svc_swelling(text: str) -> None:
    assert "face_neck_swelling" in present(assess(text))


def test_veins_on_the_hands_in_the_heat_are_no_svc() -> None:
    assert "face_neck_swelling" not in present(assess("veins on my hands stand out when it's hot"))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("it's like sitting on a bag of frozen peas down below", "saddle_numbness"),
        ("I feel like I'm walking on someone else's legs", "numbness"),
    ],
)
def test_a_seat_like_ice_or_legs_like_a_strangers_have_lost_their_feeling(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert "cord-signs" in a.rules


def test_a_denied_seat_of_ice_is_no_saddle_numbness() -> None:
    assert assess("no, it doesn't feel like I'm sitting on ice").level is Level.NONE
