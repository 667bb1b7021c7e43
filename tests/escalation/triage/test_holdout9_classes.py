"""Holdout set 9's classes: English as it is texted across the world, read as classes. The
breathing itself said to be very bad (and in texting's "v", "rly", "real", "proper"); a
fight for breath in South African and Irish English ("battling to breathe"); plain words
spelled as they are said ("wrds", "mout", "shooder", Jamaican "bun" for burn); a learner's
"continuously" and "not like this before"; all one drinks coming back up; the toilet "the
whole time"; and the near misses beside each: a hot day's degrees, a heart that sank at the
rugby, night cramps with no swelling.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, assess, present

# --- the breathing itself said to be very bad: severe breathlessness --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my breathing is really really bad tonight",
        "breathin rly bad this evening",
        "breathing's real bad since lunch",
        "his breathing is proper bad, worried",
        "my breathing is terrible right now",
        "breathing so so bad",
        "breathing dead bad today",
        "my breathing is very very poor",
    ],
)
def test_breathing_said_to_be_very_bad_is_severe_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "breathing a bit bad on the hills",
        "breathing not too bad today",
        "my breathing isnt so bad this week",
        "breathing is bad on the stairs",
        "breathing a bit poor on the hills",
    ],
)
def test_breathing_a_bit_bad_or_not_so_bad_is_no_emergency(text: str) -> None:
    assert assess(text).level < Level.EMERGENCY


# --- battling or fighting to breathe; breath lost lying down --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "battling to breathe since last night",
        "im fighting to breathe lying in bed",
        "battling to get my breath, even sitting",
        "she is battling to breath tonight",
        "been battling for breath all night",
    ],
)
def test_battling_or_fighting_to_breathe_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "had to sit up all night in the chair to breathe",
        "cant lie down, sat up the whole night in a chair so i could breathe",
        "had to sleep sitting up in the armchair, couldnt get my breath lying flat",
        "breathless as soon as i lie flat",
    ],
)
def test_breath_lost_lying_down_is_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "battling with the kids to get them to school",
        "sat up all night in the chair watching the cricket",
        "fighting to get an appointment with the GP",
    ],
)
def test_battles_and_chairs_without_breath_are_no_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" not in present(a)
    assert a.level < Level.URGENT


# --- speech trouble spelled as typed --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cnt get me wrds out right",
        "cant get my werds out since this morning",
        "my words keep coming out wrong",
        "words coming out all wrong since lunch",
        "her mouth wont work properly, cant talk",
        "mouth won't work, speech all jumbled",
    ],
)
def test_words_that_will_not_come_out_right_are_speech_difficulty(text: str) -> None:
    a = assess(text)
    assert "speech_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "cant find the words to thank you all",
        "typed the wrong words, autocorrect again",
        "my mouth is dry, cant taste much",
    ],
)
def test_words_of_thanks_or_autocorrect_are_no_speech_difficulty(text: str) -> None:
    a = assess(text)
    assert "speech_difficulty" not in present(a)
    assert a.level < Level.EMERGENCY


# --- Jamaican English: "bun" is burn, "mout" is mouth --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi chest a bun mi from last night",
        "chest bunnin mi since mawning",
        "mi chest deh bun mi",
    ],
)
def test_a_chest_that_buns_is_a_burning_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize("text", ["mi belly a bun mi since Tuesday", "mi foot bottom bunnin mi"])
def test_another_part_that_buns_is_pain_there(text: str) -> None:
    assert "pain" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "mi chest a bun mi, worse pain mi ever feel",
        "chest a bun mi bad bad",
    ],
)
def test_a_chest_that_buns_worse_than_ever_is_an_emergency(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["had a hot cross bun wid mi tea", "mi granddaughter hair inna bun", "bun and cheese fi Easter"],
)
def test_a_bun_to_eat_or_of_hair_is_no_pain(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "mummy drop down an start shake up, froth at di mout",
        "him fall dung and a shake up bad, froth a come out him mout",
        "she start shake up and froth at her mout",
        "grandad dropped down shaking, froth round his mout",
    ],
)
def test_a_fit_told_by_a_carer_in_patois_is_a_seizure(text: str) -> None:
    a = assess(text, context=CARER)
    assert "seizure" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["mi mout dry from the tablets", "she shake up the bottle of juice"])
def test_a_dry_mout_or_a_shaken_bottle_is_no_seizure(text: str) -> None:
    assert "seizure" not in present(assess(text))


# --- Scots and Australian English: body words and trouble-giving pains -----------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("ma back's been giving me curry all week", "back_pain"),
        ("hip is givin me curry today", "pain"),
        ("me knee's giving me jip since the weekend", "pain"),
        ("neck been giving me a bit of curry", "neck_pain"),
    ],
)
def test_a_part_giving_one_curry_or_gyp_is_pain_there(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "back's been giving me curry and this arvo both legs went pins and needles",
        "ma back's giving me gyp, an my legs have gone all numb",
    ],
)
def test_back_giving_curry_with_numb_legs_is_cord_compression(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "we had a curry for tea, lovely",
        "the kids are giving me grief about the telly",
        "boss gave me curry at work",
    ],
)
def test_curry_to_eat_or_grief_from_people_is_no_pain(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "ma shooder's killin me, cannae lift ma arm",
        "left shooder pure murderin me the day",
        "ma shooders are agony",
        "ma airm is murderin me",
    ],
)
def test_a_scots_shoulder_or_arm_killing_one_is_severe_pain(text: str) -> None:
    a = assess(text)
    assert "pain" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize("text", ["carried the wean on ma shooders tae the park", "ma shooder's fine noo"])
def test_a_scots_shoulder_that_is_fine_is_no_pain(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my back went sudden when i bent ower",
        "me back went sudden like, liftin the wean",
        "back went sudden bending for the washing",
        "his back went sudden like and he cannae get comfy",
    ],
)
def test_a_back_that_went_sudden_is_sudden_back_pain(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize("text", ["the weather went sudden cold", "my back garden went wild this summer"])
def test_weather_or_a_back_garden_that_went_is_no_back_pain(text: str) -> None:
    assert "back_pain" not in present(assess(text))


# --- a learner's "continuously" and "not reducing with tablets": pain there all the time -----


@pytest.mark.parametrize(
    "text",
    [
        "back pain is there continuously since 5 days",
        "my neck is paining continuously",
        "neck pain not reducing even after tablets",
        "lower back pain, not relieved with painkillers",
        "painkillers arent touching my back pain",
    ],
)
def test_spinal_pain_there_continuously_or_not_eased_by_tablets_is_urgent(text: str) -> None:
    assert assess(text).level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "back pain reducing with tablets",
        "neck pain much better after the tablets",
        "bit of back ache after gardening",
        "the anti sickness tablets are not working, still nauseous",
    ],
)
def test_spinal_pain_that_tablets_ease_is_routine(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


# --- breathlessness that was not so before: new ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "get breathless on the stairs, before it was not like this",
        "puffed walking to the shop, it was not like this before",
        "always catching my breath when i walk, before it wasnt like this",
        "short of breath on walking, before i was not like this",
        "breathing problem is there, before it was not there",
    ],
)
def test_breathlessness_that_was_not_so_before_is_new(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["breathless on hills, it has always been like this", "bit puffed on the stairs, same as before"],
)
def test_breathlessness_as_it_always_was_is_routine(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


# --- all one eats and drinks comes back up: unable to keep fluids down ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "throwing up everything i eat and drink",
        "been sick after everything he eats or drinks since monday",
        "vomiting all i eat n drink, even water",
        "she brings up everything she eats and drinks",
    ],
)
def test_vomiting_all_one_eats_and_drinks_is_no_fluids_kept_down(text: str) -> None:
    a = assess(text)
    assert "vomiting" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["vomited once after dinner, kept water down since", "eat and drink everything, no vomiting at all"],
)
def test_one_vomit_or_none_is_no_failure_to_keep_fluids(text: str) -> None:
    assert assess(text).level <= Level.ROUTINE


# --- the toilet "the whole time" with thirst: hypercalcaemia signs --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "so thirsty and weeing the whole time",
        "parched, and running to the loo to pee the whole time",
        "drinking loads and peeing every five minutes",
        "always dry, drinking tons of water, up to the toilet the whole night",
    ],
)
def test_thirst_with_passing_water_the_whole_time_is_hypercalcaemia_signs(text: str) -> None:
    a = assess(text)
    assert {"thirst", "polyuria"} <= present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize("text", ["weeing a bit more than usual", "peeing a little more than normal lately"])
def test_passing_water_a_bit_more_than_usual_is_polyuria(text: str) -> None:
    a = assess(text)
    assert "polyuria" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text", ["thirsty after the hot curry", "the kids were in the toilet the whole time"]
)
def test_thirst_alone_or_the_kids_in_the_toilet_is_not_urgent(text: str) -> None:
    assert assess(text).level < Level.URGENT


# --- degrees of the weather are no fever ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "38 degrees out there today, way too hot",
        "its 40 degrees in Perth, we are melting",
        "forecast says 39 degrees tomorrow",
        "this heat is something else, 41 degrees in Melbourne!",
    ],
)
def test_degrees_of_the_weather_are_no_fever(text: str) -> None:
    a = assess(text)
    assert "fever" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "temp 38.5 degrees today",
        "im burning up, 38 degrees",
        "temp 38 degrees and shivering in this heat",
        "38.2 degrees in the night",
        "had a fever of 39 degrees in Spain",
    ],
)
def test_degrees_of_the_body_are_a_fever(text: str) -> None:
    assert "fever" in present(assess(text))


# --- feelings told in the body's words: no symptom ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my heart swelled with pride at the school play",
        "heart sank when i saw the bill",
        "giddy with excitement about the wedding",
        "dizzy with happiness, we got the keys!",
        "my heart sank when we lost the final",
        "my heart was pounding with excitement at the match",
        "trembling with rage at the council",
    ],
)
def test_a_feeling_told_in_the_bodys_words_is_no_symptom(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["dizzy when i stand up", "my chest feels swollen and tight", "my heart is pounding and racing tonight"],
)
def test_dizziness_or_swelling_of_the_body_stays_a_symptom(text: str) -> None:
    assert assess(text).level >= Level.ROUTINE


# --- night cramps with no swelling are no clot ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "calf cramps at night, no swelling",
        "cramp in my calf last night, stretched it out, not swollen",
        "cramps in both calves when in bed, they go when i stretch, no swelling or redness",
    ],
)
def test_night_cramps_with_no_swelling_are_no_clot(text: str) -> None:
    a = assess(text)
    assert "leg_swelling" not in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize("text", ["my calf is swollen and sore", "cramp in my calf and its swollen and hot"])
def test_a_swollen_calf_is_still_a_clot_sign(text: str) -> None:
    assert assess(text).level >= Level.URGENT


# --- weight, energy and stomach in plain words: routine -------------------------------------


@pytest.mark.parametrize(
    "text", ["lost another kilo this week", "dropped two more kilos", "down another 3 kg since last month"]
)
def test_kilos_lost_are_weight_loss(text: str) -> None:
    a = assess(text)
    assert "weight_loss" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text", ["lost my keys this week", "gained a kilo over christmas", "lost a few pounds at the bingo again"]
)
def test_keys_lost_or_a_kilo_gained_are_no_weight_loss(text: str) -> None:
    assert "weight_loss" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["having acidity and gas problem since 2 days", "lot of acidity after meals", "gas trouble and acidity"],
)
def test_acidity_and_gas_are_a_routine_stomach_complaint(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


def test_an_energy_score_said_to_be_a_bit_flat_is_fatigue() -> None:
    a = assess("4, bit flat", "How is your energy today from 0 to 10?")
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "swallowing is a bit hard with bread",
        "swallowing has been tricky this week",
        "swallow is quite painful",
    ],
)
def test_swallowing_said_to_be_hard_is_a_routine_complaint(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


@pytest.mark.parametrize("text", ["the gas bill came today", "we moved to a new flat"])
def test_a_gas_bill_or_a_new_flat_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize("text", ["feeling a bit flat today", "bit flat this week, sleeping a lot"])
def test_feeling_flat_is_fatigue(text: str) -> None:
    assert "fatigue" in present(assess(text))


# --- more of the same, said other ways ---------------------------------------------------


def test_degrees_here_in_a_town_are_the_weather() -> None:
    assert "fever" not in present(assess("42 degrees here in Adelaide, sweltering"))


@pytest.mark.parametrize(
    "text",
    ["ma wrist's giein me gyp", "ma back's been giving me gip", "me neck's been gien me grief aw week"],
)
def test_scots_giein_and_gip_are_a_part_giving_pain(text: str) -> None:
    assert present(assess(text)) & {"pain", "back_pain", "neck_pain"}


@pytest.mark.parametrize(
    "text",
    [
        "my bladder's gone",
        "back's giving me grief and my bladder has gone",
        "his waterworks have gone completely",
        "back pain and my bladder just went",
    ],
)
def test_a_bladder_that_has_gone_is_lost_control(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["bladder infection has gone", "my bladder's gone back to normal", "the urge to pee has gone"]
)
def test_a_bladder_infection_gone_or_back_to_normal_is_no_lost_control(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "drinking the tap dry and up all night weeing",
        "could drink a river, and peeing every hour",
        "drank the kettle dry twice today, weeing the whole time",
        "i could drink the sea, and im up to the loo every half hour",
    ],
)
def test_thirst_told_by_a_hyperbole_with_passing_water_is_hypercalcaemia_signs(text: str) -> None:
    a = assess(text)
    assert {"thirst", "polyuria"} <= present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text", ["could drink a pint after that walk", "we drank the pub dry at the wedding"]
)
def test_a_pint_wanted_or_a_pub_drunk_dry_is_no_thirst(text: str) -> None:
    assert "thirst" not in present(assess(text))
