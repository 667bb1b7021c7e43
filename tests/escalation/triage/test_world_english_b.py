"""English as texted across the world (second part): the spine, the chest, blood, the calf and
the gut told in West African, Indian, Caribbean, Filipino and Scots English, and by learners'
grammar; and the near misses beside each.

"My waist is paining me" is the low back; a leg "sleeping" or that "does not listen" is numb or
weak; "dey pain me die" is severe; blood is measured in tumblers, boxes of tissues and towels;
"e no gree stop" will not stop; "I purge" is diarrhoea; a swelling that "has subsided" is over.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, ON_TX, assess, present, status_of

# --- the spine: "waist", "likod", "between the shoulders" ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my waist has been paining me for a week and now my legs are weak",
        "pain across the waist and I cant feel my legs",
        "ang sakit ng likod ko, and my legs are heavy",
        "between the shoulders it burns and my feet have gone numb",
    ],
)
def test_the_waist_likod_or_between_the_shoulders_in_pain_with_nerve_signs_is_cord_compression(
    text: str,
) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert "mscc-neuro" in a.rules
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["my waist dey pain me since Monday", "masakit ang likod ko"])
def test_a_waist_or_likod_that_hurts_alone_is_back_pain_for_the_nurse(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.ROUTINE


def test_a_waist_that_hurts_with_bone_metastases_is_urgent() -> None:
    a = assess("medyo masakit ang likod ko ngayon", context={"known_bone_metastases": True})
    assert a.level is Level.URGENT


@pytest.mark.parametrize("text", ["the waist of my trousers is too tight", "I lost weight around my waist"])
def test_a_waist_that_is_only_a_measure_is_no_back_pain(text: str) -> None:
    assert "back_pain" not in present(assess(text))


@pytest.mark.parametrize("text", ["walang sakit ang likod ko", "hindi masakit, okay lang"])
def test_tagalog_walang_and_hindi_deny_the_pain(text: str) -> None:
    a = assess(text)
    assert not present(a) - {"unrecognised"}
    assert a.level is Level.NONE


def test_a_throat_that_burns_is_a_pain_but_no_emergency() -> None:
    a = assess("my throat burns when I swallow")
    assert a.level is Level.ROUTINE


# --- limbs that sleep, do not listen, feel dead ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my right leg does not listen to me since this morning",
        "my left arm is not listening to me anymore",
    ],
)
def test_a_limb_with_its_side_that_does_not_listen_is_weak(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_son_who_does_not_listen_is_no_symptom() -> None:
    assert assess("my son does not listen to me").level is Level.NONE


@pytest.mark.parametrize("text", ["when I sit my bottom feels like dead", "my batty is numb since yesterday"])
def test_a_bottom_like_dead_or_a_numb_batty_is_saddle_numbness(text: str) -> None:
    a = assess(text)
    assert "saddle_numbness" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_batty_that_hurts_from_the_bus_seat_is_no_cord_sign() -> None:
    a = assess("my batty hurts from sitting on the bus")
    assert "saddle_numbness" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text", ["my foot is like dead", "my toes dey sleep from the chemo", "both my feet are sleeping"]
)
def test_a_foot_or_toes_asleep_or_like_dead_stay_routine_numbness(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert "numbness" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize("text", ["I feel like dead tired", "I have been sleeping all day"])
def test_a_person_dead_tired_or_sleeping_has_no_numb_limb(text: str) -> None:
    assert "numbness" not in present(assess(text))


def test_a_mother_who_has_been_sleeping_all_day_is_still_drowsy() -> None:
    a = assess("Mum has been sleeping all day and will hardly wake up", context=CARER)
    assert "drowsiness" in present(a)


def test_back_pain_with_feet_that_feel_makapal_is_cord_compression() -> None:
    a = assess("masakit ang likod ko and both feet feel makapal since yesterday")
    assert {"back_pain", "numbness"} <= present(a)
    assert a.level is Level.EMERGENCY


def test_walking_like_a_drunk_in_tagalog_is_trouble_walking() -> None:
    assert "gait_difficulty" in present(assess("since this morning I am walking like lasing"))


# --- the chest ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my chest dey pain me die since morning",
        "sobrang sakit ng dibdib ko",
        "my chest is squeezed like in a vice",
        "the pain in my chest came all at once",
    ],
)
def test_chest_pain_that_kills_is_extreme_or_grips_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["my chest dey pain me small", "medyo masakit ang dibdib ko", "it felt like a fist in my chest"]
)
def test_a_milder_chest_pain_in_the_same_words_is_urgent(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level is Level.URGENT


def test_no_pain_in_the_dibdib_is_none() -> None:
    assert assess("walang sakit sa dibdib").level is Level.NONE


def test_a_fist_sore_from_the_gym_is_no_chest_pain() -> None:
    assert "chest_pain" not in present(assess("my fist is sore from punching the bag"))


def test_a_carer_who_sees_her_hold_her_chest_and_cannot_sit_still_tells_chest_pain() -> None:
    a = assess("my wife held her chest and could not sit still", context=CARER)
    assert "chest_pain" in present(a)


def test_a_head_that_pains_die_is_severe() -> None:
    a = assess("my head dey pain me die")
    assert a.level is Level.URGENT
    assert "head" in a.rules


def test_a_knee_that_pains_wella_is_severe_pain() -> None:
    a = assess("my knee dey pain me wella since yesterday")
    assert "pain-severe" in a.rules


# --- blood by household measures ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I coughed blood, it filled half of a small cup",
        "coughing blood, about half of the steel glass",
        "blood in my cough, one tumbler",
        "coughed up a mouth-ful of blood",
    ],
)
def test_coughed_blood_measured_in_cups_tumblers_or_mouthfuls_is_major(text: str) -> None:
    a = assess(text)
    assert "hemoptysis-major" in a.rules


def test_a_carer_whose_wife_has_used_the_whole_box_of_tissues_on_coughed_blood_is_major() -> None:
    a = assess("she is coughing blood and has used the whole box of tissues", context=CARER)
    assert "hemoptysis-major" in a.rules


@pytest.mark.parametrize(
    "text",
    ["I coughed up blood, one teaspoon", "I drank one cup of tea and my cough has a little blood"],
)
def test_a_teaspoon_or_a_cup_of_tea_beside_the_blood_stays_urgent(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in a.rules
    assert a.level is Level.URGENT


def test_a_box_of_tissues_bought_for_a_cold_is_nothing() -> None:
    assert assess("I bought a whole box of tissues for my cold").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my nose is bleeding and I used three towels",
        "my nose dey bleed, e no gree stop",
        "my gums are bleeding since two hours",
    ],
)
def test_a_bleed_through_towels_that_will_not_stop_or_has_run_for_hours_is_major(text: str) -> None:
    a = assess(text)
    assert "bleeding-major" in a.rules


def test_a_nosebleed_of_one_tissue_is_routine() -> None:
    assert assess("my nose is bleeding, I used one tissue").level is Level.ROUTINE


def test_a_nosebleed_of_an_hour_yesterday_that_stopped_is_over() -> None:
    a = assess("my nose bled since one hour yesterday but it stopped")
    assert a.level is Level.NONE


def test_a_baby_that_no_gree_stop_crying_is_no_bleed() -> None:
    assert assess("the baby no gree stop crying").level is Level.NONE


def test_urine_that_comes_out_red_red_with_a_clot_is_major_bleeding() -> None:
    a = assess("my urine came out red red this morning, with clots")
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize("text", ["my pee come out pink since yesterday", "the urine looks like zobo"])
def test_urine_that_comes_out_red_or_like_a_red_drink_is_bleeding(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert a.level is Level.ROUTINE


# --- the calf, and the breath that catches ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my right calf namamaga and mainit, and I am hinihingal",
        "my calf swell and hot, and my breath dey catch me when I walk",
    ],
)
def test_a_hot_swollen_calf_with_breath_that_catches_is_a_clot(text: str) -> None:
    a = assess(text)
    assert {"leg_swelling", "dyspnea"} <= present(a)
    assert "clot" in a.rules


def test_a_swollen_hot_calf_in_tagalog_with_easy_breathing_is_urgent() -> None:
    a = assess("namamaga ang calf ko at mainit, pero okay ang breathing ko")
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "the swelling in my leg has subsided now",
        "the pain in my chest passed completely after I rested yesterday",
    ],
)
def test_a_swelling_that_has_subsided_or_a_pain_that_passed_completely_is_over(text: str) -> None:
    a = assess(text)
    assert a.level is Level.NONE


def test_a_swelling_that_has_not_subsided_is_still_there() -> None:
    a = assess("the swelling in my calf has not subsided")
    assert "present" in status_of(a, "leg_swelling")
    assert a.level is Level.URGENT


# --- the gut: purge, throw am up, a sip that will not stay down ---------------------------


@pytest.mark.parametrize(
    "text",
    ["I purge 8 times since morning", "my stomach dey run, 7 times today", "nagtatae si lola, 8 times na"],
)
def test_purging_or_a_running_stomach_counted_seven_or_more_is_urgent(text: str) -> None:
    a = assess(text)
    assert "diarrhea" in present(a)
    assert "diarrhea" in a.rules


def test_purging_four_times_on_treatment_is_urgent_and_three_without_is_routine() -> None:
    assert "diarrhea" in assess("I don purge 4 times today", context=ON_TX).rules
    assert assess("I purge three times today").level is Level.ROUTINE


def test_medicine_to_purge_the_bowels_before_a_scan_is_no_diarrhoea() -> None:
    assert "diarrhea" not in present(assess("the doctor gave me medicine to purge my bowels before the scan"))


@pytest.mark.parametrize(
    "text", ["whatever I drink I dey throw am up", "cannot keep a sip down since morning"]
)
def test_nothing_drunk_that_stays_down_is_urgent_vomiting(text: str) -> None:
    a = assess(text)
    assert "vomiting" in a.rules


@pytest.mark.parametrize("text", ["I threw the ball up", "I keep a drop of water by the bed"])
def test_a_ball_thrown_up_or_water_kept_by_the_bed_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


# --- more of the same: patois "a kill mi", "downwards", feet like cotton, asleep at table ---


@pytest.mark.parametrize("text", ["my neck a kill mi since Sunday", "my back dey kill me"])
def test_a_spine_that_is_killing_in_patois_or_pidgin_is_severe_spinal_pain(text: str) -> None:
    assert "spinal-pain-flags" in assess(text).rules


def test_killing_time_at_the_airport_is_nothing() -> None:
    assert assess("we a kill time at the airport").level is Level.NONE


def test_no_feeling_from_the_waist_downwards_is_a_cord_sign() -> None:
    a = assess("since morning I have no feeling from the waist downwards")
    assert "cord-signs" in a.rules


@pytest.mark.parametrize(
    "text",
    ["my feet feel like cotton since the chemo", "my soles are numb and feel like walking on cotton"],
)
def test_feet_like_cotton_after_chemo_are_routine_numbness_not_weakness(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert "numbness" in present(a)
    assert "limb_weakness" not in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize("text", ["my legs feel like cotton, I can hardly stand", "my arms are like cotton"])
def test_legs_or_arms_like_cotton_stay_weak(text: str) -> None:
    assert "limb_weakness" in present(assess(text))


def test_feet_like_cotton_with_back_pain_are_cord_compression() -> None:
    assert "mscc-neuro" in assess("my back hurts and my feet feel like cotton").rules


def test_falling_asleep_while_eating_is_drowsiness_not_a_fall() -> None:
    a = assess("dad falls asleep while eating and is hard to wake", context=CARER)
    assert "drowsiness" in present(a)
    assert "gait_difficulty" not in present(a)
    assert a.level is Level.URGENT


def test_falling_asleep_at_ten_every_night_is_nothing() -> None:
    assert assess("she falls asleep at ten every night, all fine", context=CARER).level is Level.NONE


# --- calcium signs in world English: thirst, passing water, a stool that will not come ----


@pytest.mark.parametrize(
    "text",
    [
        "my mouth dey always dry, I dey find water, and I no fit poo since Monday",
        "no bowel movement for days and I feel to vomit",
        "thirsty all day and I pee so many times in the night",
        "feeling queasy and drinking water like a camel",
    ],
)
def test_two_calcium_signs_in_world_english_are_urgent(text: str) -> None:
    a = assess(text)
    assert "hypercalcemia" in a.rules


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("motion is not clearing properly since two days", "constipation"),
        ("I pass urine many many times but I can hold it", "polyuria"),
        ("nasusuka ako since breakfast", "nausea"),
        ("not feeling hungry these days", "appetite_loss"),
        ("I feel like vomit every morning", "nausea"),
    ],
)
def test_one_sign_in_world_english_is_routine(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is Level.ROUTINE


def test_a_plumber_looking_for_water_is_no_thirst() -> None:
    assert assess("the plumber is looking for water leaks").level is Level.NONE


def test_half_a_meal_left_because_it_was_cold_is_no_appetite_loss() -> None:
    assert "appetite_loss" not in present(assess("I ate only half because the food was cold"))


def test_a_nurse_asked_to_call_when_una_free_is_a_request_not_a_denial() -> None:
    a = assess("abeg make the nurse call me when una free")
    assert "nurse_request" in present(a)


@pytest.mark.parametrize("text", ["hiccup since yesterday, cannot stop", "feeling giddy on the stairs"])
def test_hiccups_and_giddiness_are_never_silent(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


def test_small_small_to_a_question_is_a_yes() -> None:
    assert "nausea" in present(assess("small small", question="Any nausea?"))


# --- a score after a word: "fine, 9" ------------------------------------------------------


@pytest.mark.parametrize("text", ["fine, 9", "ok, 8 out of 10", "manageable, 9/10"])
def test_a_score_after_a_word_answers_the_scale(text: str) -> None:
    a = assess(text, question="How bad is your chest pain from 0 to 10?")
    assert "chest_pain" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_low_score_after_a_word_is_a_mild_pain() -> None:
    a = assess("manageable, 3", question="How is your pain today, from 0 to 10?")
    assert "pain" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize("text", ["fine, 0", "fine", "fine, 2 pills a day"])
def test_fine_with_no_score_or_a_count_of_pills_is_no_pain(text: str) -> None:
    a = assess(text, question="How bad is your back pain from 0 to 10?")
    assert a.level is Level.NONE


# --- limbs without power, water without control, blood by the pot ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "both my legs no get power since yesterday",
        "my legs no dey carry me again",
        "since morning my legs are not having any strength",
    ],
)
def test_legs_without_power_in_pidgin_or_indian_english_are_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["the shop no get power since the light went", "my son no dey carry me to market again"]
)
def test_a_shop_without_power_or_a_son_who_will_not_carry_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_body_not_having_any_strength_is_tiredness() -> None:
    a = assess("I am not having any strength these days")
    assert "fatigue" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "I no fit control my urine again",
        "the urine is coming out by itself",
        "stool is coming without my knowledge",
    ],
)
def test_water_or_stool_out_of_control_in_world_english_is_a_cord_sign(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["there was blood in the toilet, the full pot red", "blood from behind, the whole potty red"],
)
def test_a_pot_red_through_is_a_large_bleed(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


def test_scots_loads_o_coughed_blood_is_major() -> None:
    assert "hemoptysis-major" in assess("been coughin up blood, loads o it").rules


def test_a_back_killin_us_is_severe_and_prices_killing_us_are_nothing() -> None:
    assert "spinal-pain-flags" in assess("ma back's killin us the day").rules
    assert assess("these prices are killing us").level is Level.NONE


def test_breath_that_dey_hard_me_with_a_swollen_leg_is_a_clot() -> None:
    assert "clot" in assess("my calf swell and breath dey hard me since morning").rules


@pytest.mark.parametrize(
    "text", ["since yesterday I dey hold wall to reach toilet", "I hold wall to waka now"]
)
def test_holding_a_wall_to_walk_without_its_article_is_trouble_walking(text: str) -> None:
    assert "gait_difficulty" in present(assess(text))


def test_holding_a_wall_to_paint_it_is_nothing() -> None:
    assert assess("we hold wall to paint it").level is Level.NONE
