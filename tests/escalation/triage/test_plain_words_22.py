"""Holdout sets 6 and 7's classes: red flags told in everyday words the engine did not know
(a leg that "was dragging", a back that is "a nuisance" or "at me", breathing "the worst it's
ever been", "a few words at a time", "no air when walking", a dessertspoonful of blood, a bleed
that "will not be stemmed", the bottom and inner thighs numb in one list), false alarms from
answers and asides, and the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present

KNOWN_BONES = {"known_bone_metastases": True}


@pytest.mark.parametrize(
    "text",
    [
        "my right leg was dragging on the way to the bus",
        "her left foot has been catching on the stairs all week",
        "lovely day at the garden centre, bought two roses, but my left leg kept dragging behind me",
    ],
)
def test_a_leg_that_was_dragging_in_any_tense_is_trouble_walking(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


def test_dragging_ones_feet_over_the_paperwork_is_no_gait_problem() -> None:
    assert assess("I've been dragging my feet on the tax return").level is Level.NONE


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my back's been a right nuisance this week", "back_pain"),
        ("the neck is at me again today", "neck_pain"),
        ("my chest has been at me since the morning", "chest_pain"),
    ],
)
def test_a_body_part_that_is_a_nuisance_or_at_me_hurts(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_a_back_at_me_with_bones_known_is_same_day() -> None:
    assert assess("back is at me a bit, nothing big", context=KNOWN_BONES).level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["the grandkids are a nuisance at bedtime", "the wife is at me to ring you about the tablets"],
)
def test_a_nuisance_or_being_at_someone_without_a_body_part_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my breathing is at its worst, about 8 out of 10",
        "breath is the worst it has ever been",
        "breathing about a 9/10 today",
    ],
)
def test_breathing_rated_the_worst_or_high_on_a_scale_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["breathing 2/10, much better", "the worst of my breathing is over now"])
def test_breathing_rated_low_or_past_its_worst_is_no_emergency(text: str) -> None:
    assert assess(text).level < Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I can only say two or three words before I have to stop",
        "talking one word at a time, so breathless",
        "she can only get out a few words at a time",
    ],
)
def test_speech_rationed_to_a_few_words_at_a_time_is_breathless_at_rest(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["I can only manage a few steps at a time", "he can only say a few words in English"]
)
def test_a_few_steps_at_a_time_or_few_words_of_a_language_is_not_breath(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize("text", ["I have no air going up the stairs", "she's got no puff when she walks"])
def test_no_air_when_moving_is_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_a_fat_red_calf_with_no_air_walking_is_a_clot() -> None:
    a = assess("calf is fat and red and sore, and I've got no air when I walk")
    assert "clot" in a.rules


@pytest.mark.parametrize("text", ["the tyre has no air in it", "we have no air conditioning in the flat"])
def test_no_air_in_a_tyre_or_a_room_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "coughed up a tablespoonful of blood this morning",
        "brought up blood when coughing, a dessertspoonful or more",
        "mi cough up a whole heap a blood lass night",
        "she coughed up blood and has soaked up loads of tissues",
    ],
)
def test_blood_measured_by_a_big_spoon_or_a_heap_is_a_large_amount(text: str) -> None:
    a = assess(text)
    assert "hemoptysis-major" in a.rules


@pytest.mark.parametrize(
    "text",
    ["coughed up a lot of phlegm, no blood", "coughed up a dessertspoonful of green phlegm, no blood at all"],
)
def test_a_lot_of_phlegm_without_blood_is_a_cough(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my nose has been bleeding a while and it won't be stemmed",
        "gums keep oozing and the bleeding cannot be staunched",
        "I can't stop the bleeding from my lip",
        "nothing I do will stem the bleeding from my gums",
    ],
)
def test_a_bleed_that_cannot_be_stemmed_is_an_emergency(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "the nosebleed was stopped quickly by pinching",
        "small nosebleed this morning, stemmed it with a tissue",
    ],
)
def test_a_bleed_that_was_stemmed_is_no_emergency(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my bottom and the tops of my legs feel numb",
        "numb on the inside of both thighs",
        "my backside an my inner thighs gone numb like at the dentist",
    ],
)
def test_the_bottom_and_inner_thighs_numb_in_one_list_is_saddle_numbness(text: str) -> None:
    a = assess(text)
    assert "saddle_numbness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "sat on my bottom too long and my feet went numb",
        "no numbness in my bottom or the inside of my thighs",
    ],
)
def test_a_bottom_sat_on_or_denied_numb_is_no_saddle_numbness(text: str) -> None:
    assert "saddle_numbness" not in present(assess(text))


BLOOD_AMOUNT = "How much blood? (streaks, a teaspoon, more)"


@pytest.mark.parametrize(
    "text",
    [
        "she's getting out of puff a lot quicker than she used to",
        "he gets winded much faster these days",
    ],
)
def test_breathless_sooner_than_before_after_a_verb_is_worsening(text: str) -> None:
    a = assess(text)
    assert "dyspnea-new" in a.rules


def test_breathless_quicker_only_in_the_past_is_not_worsening_now() -> None:
    assert "dyspnea-new" not in assess("I used to get puffed out quicker before the new inhaler").rules


@pytest.mark.parametrize(
    "text",
    [
        "always parched and I'm up 4 or 5 times a night for a wee",
        "he drinks and drinks and still wants water, up two or three times a night to the loo",
        "thirsty all the time and my tummy feels blocked, no poo since Tuesday",
    ],
)
def test_thirst_with_night_trips_or_a_blocked_bowel_is_hypercalcaemia(text: str) -> None:
    assert "hypercalcemia" in assess(text).rules


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("the sink has been blocked since Friday", "constipation"),
        ("my nose is blocked", "constipation"),
        ("the baby was up three or four times a night", "polyuria"),
        ("my husband drinks and drinks and still wants more", "thirst"),
    ],
)
def test_a_blocked_sink_a_wakeful_baby_or_someone_elses_drinking_is_not_the_patients(
    text: str, concept: str
) -> None:
    assert concept not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my hip is giving me a bit of grief, I'd say an 8",
        "the ankle's giving her a spot of gyp, about a seven",
    ],
)
def test_a_body_part_giving_a_spot_of_gyp_with_a_high_score_is_severe_pain(text: str) -> None:
    assert "pain-severe" in assess(text).rules


def test_the_grandkids_giving_grief_is_nothing() -> None:
    assert assess("the grandkids give me a lot of grief").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["a few red dots each time I cough", "under a teaspoon, tiny flecks when I'm coughing"],
)
def test_a_small_amount_that_comes_with_the_cough_is_coughed_up_blood(text: str) -> None:
    a = assess(text, BLOOD_AMOUNT)
    assert "hemoptysis" in present(a)
    assert a.level is Level.URGENT


def test_blood_on_the_gums_with_none_when_coughing_is_not_from_the_lungs() -> None:
    a = assess("just a couple of spots on my gums when I brush, none when I cough", BLOOD_AMOUNT)
    assert "hemoptysis" not in present(a)


WEAK_LEGS = "Any new weakness or heaviness in your legs?"
NUMB_LEGS = "Any numbness in your legs or between your legs?"


@pytest.mark.parametrize(
    "text",
    ["no issues with breathing or temperature, all good", "no problems with my chest or fever this week"],
)
def test_no_problem_with_a_symptom_denies_it(text: str) -> None:
    a = assess(text, context={"on_active_treatment": True})
    assert a.level is Level.NONE


def test_problems_with_a_fever_and_a_reading_is_a_fever() -> None:
    a = assess("had problems with fever last night, 38.6", context={"on_active_treatment": True})
    assert "neutropenic-fever" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "no, just the usual tingly fingers from chemo",
        "nope, only the numb fingertips I always get with chemo",
        "no, just my feet tingle like always",
    ],
)
def test_a_no_to_weak_legs_with_the_usual_tingling_is_routine(text: str) -> None:
    a = assess(text, WEAK_LEGS, {"on_active_treatment": True})
    assert "limb_weakness" not in present(a)
    assert a.level is Level.ROUTINE


def test_a_no_but_a_heavy_leg_to_weak_legs_is_still_weakness() -> None:
    a = assess("no, but my left leg feels heavy and numb", WEAK_LEGS)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["nope. the back is worse at night though", "no. my neck is worse today though"]
)
def test_a_no_to_numb_legs_then_another_part_worse_keeps_the_no(text: str) -> None:
    a = assess(text, NUMB_LEGS)
    assert "numbness" not in present(a)
    assert "cord-signs" not in a.rules


def test_no_its_worse_to_numb_legs_is_still_numbness() -> None:
    assert "numbness" in present(assess("no, it's worse", NUMB_LEGS))


@pytest.mark.parametrize(
    "text", ["yes a bit, but I'm fine sitting in my chair", "yes, more than before, but I'm ok sat down"]
)
def test_breathless_but_fine_sitting_is_not_breathless_at_rest(text: str) -> None:
    a = assess(text, "Are you short of breath?")
    assert "dyspnea" in present(a)
    assert "breathing" not in a.rules


def test_breathless_even_sat_in_a_chair_is_at_rest() -> None:
    assert "breathing" in assess("yes, even sat in my chair", "Are you short of breath?").rules


@pytest.mark.parametrize(
    "text",
    [
        "I've had a cold myself, been coughing all night, so my son is taking Mum in",
        "I caught a bug myself this week, been sick twice, so Dad's going with my sister",
    ],
)
def test_a_carers_own_illness_runs_on_into_a_clause_with_no_subject(text: str) -> None:
    a = assess(text, context={"writer": "carer"})
    assert a.level is Level.NONE


def test_a_carers_own_cold_then_the_patients_breathlessness_is_the_patients() -> None:
    a = assess("I've caught a cold myself, and Mum is breathless today", context={"writer": "carer"})
    assert "dyspnea" in present(a)


@pytest.mark.parametrize(
    "text", ["the headache's finally gone", "cough cleared up at last!", "nausea gone for good, hooray"]
)
def test_a_symptom_gone_at_last_is_resolved(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_symptom_gone_for_now_but_back_is_not_resolved() -> None:
    assert assess("my headache went for now but it keeps coming back").level is Level.ROUTINE


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("can someone talk to me, I'm scared about the scan", None),
        ("Dad wants to know if a nurse could ring him about his tablets", {"writer": "carer"}),
    ],
)
def test_asking_someone_to_talk_to_me_or_ring_the_patient_is_a_nurse_request(
    text: str, context: dict[str, str] | None
) -> None:
    assert "nurse_request" in present(assess(text, context=context))


def test_someone_to_talk_to_a_friend_about_a_divorce_is_no_request() -> None:
    assert assess("my friend said someone should talk to him about his divorce").level is Level.NONE


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("can't get more than two or three words out before I need a breath", "breathing"),
        ("her shoulders heave up and down with every breath", "breathing"),
        ("his breathing is such hard work tonight", "breathing"),
        ("was on the floor jerking, wife says, and I'd bitten my tongue", "neuro-acute"),
        (
            "next thing I knew I was looking at the bathroom ceiling, no idea how long I was out",
            "neuro-acute",
        ),
        (
            "seem to have misplaced a couple of hours this morning, can't say how I got to the park",
            "neuro-acute",
        ),
        ("I keep hoping God will come for me in the night", "self-harm"),
        ("sat on the motorway bridge last night for ages looking down", "self-harm"),
        ("cut my hand on a tin, it's still seeping through the flannel an hour on", "bleeding-major"),
        ("the port site keeps oozing, gone through four dressings since breakfast", "bleeding-major"),
        ("my pee looks like red wine and there are clots in it", "bleeding-major"),
        ("coughed up bright red jelly lumps this morning", "hemoptysis-major"),
        ("back's been bad all week and now I can't feel the clutch properly", "mscc-neuro"),
        ("staggering like I'd had a skinful and I've not had a drop", "cord-signs"),
        ("face puffy as a hamster and he can hear my breathing across the room", "svc-airway"),
    ],
)
def test_a_red_flag_told_as_a_scene_is_read_as_its_finding(text: str, rule: str) -> None:
    a = assess(text)
    assert rule in a.rules
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "lost an hour this morning when the clocks went back",
        "the kids are bouncing off the walls",
        "I bit my tongue eating a sandwich",
        "threw up after the red jelly at the party",
        "stood on the bridge watching the fireworks",
        "had ten pints at the wedding, walked home fine",
        "I pray the Lord will take care of my family",
        "the rain is still coming through the roof",
    ],
)
def test_the_same_words_in_everyday_scenes_are_no_emergency(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("when I cough it's like a red hot poker down my back", "spinal-pain-flags"),
        ("neck's been at me non stop since Sunday", "spinal-pain-flags"),
        ("her calf is big and hot since last night", "clot-leg"),
        ("halfway up the hill I have to stop for a breather, wasn't like that a month ago", "dyspnea-new"),
        ("period pain had me doubled over in the kitchen", "pain-severe"),
        ("his face has gone all round and moon like this week", "svc"),
        ("so thirsty, and lots of times going to the loo for a wee", "hypercalcemia"),
        (
            "going through 4 bottles of water a day and still parched, not been for a poo since Monday",
            "hypercalcemia",
        ),
    ],
)
def test_a_same_day_finding_told_plainly_is_urgent(text: str, rule: str) -> None:
    a = assess(text)
    assert rule in a.rules
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "we need a breather from all these appointments",
        "took a breather on the walk, lovely view",
        "doubled over laughing at the telly",
        "the grandkids' faces are so full of joy",
        "the dog is big and red and very fluffy",
    ],
)
def test_the_same_words_about_a_break_a_laugh_or_a_dog_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "made raspberry jam all day, kitchen looks like a crime scene and my fingers are stained pink",
        "the kettle's making a wheezy rattling sound again",
        "used to give blood every few months before all this",
        "really putting my back into the gardening this week, not a twinge",
        "that cough from last month cleared up completely, thanks",
        "nephew broke his ankle skiing, poor lad can't walk for a month, we're all fine",
        "saw a bloke on the telly cough up blood, had to switch off",
    ],
)
def test_a_scene_a_noisy_kettle_a_donation_or_someone_else_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "nosebleed again and the bathroom looks like a crime scene",
        "the pillow looks like a murder scene this morning",
        "my chest is making a wheezy whistling noise",
    ],
)
def test_a_scene_where_one_bleeds_or_a_wheezing_chest_still_counts(text: str) -> None:
    assert assess(text).level >= Level.ROUTINE
    if "wheez" not in text:
        assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["toes feel like I'm wearing wet socks all the time", "hands feel like I've got thick gloves on"]
)
def test_feet_or_hands_as_if_in_socks_or_gloves_are_numbness(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level is Level.ROUTINE


def test_wearing_thick_socks_in_winter_is_nothing() -> None:
    assert assess("I'm wearing thick socks like always in winter").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "nose started bleeding at 5, it's gone 6 now and it's still dripping into the sink",
        "gums bled after brushing at lunch, and by teatime my hanky is soaked",
    ],
)
def test_a_bleeds_persistence_or_amount_told_later_in_its_sentence_counts(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


def test_a_bleed_over_and_a_soaked_towel_from_the_shower_is_not_major() -> None:
    text = "had a nosebleed this morning, stopped quickly, and the towel I used for my shower is soaked"
    assert assess(text).level < Level.URGENT


def test_a_big_splodge_of_red_after_coughing_is_a_large_amount() -> None:
    assert "hemoptysis-major" in assess("coughing fit then a big splodge of red on the tissue").rules


@pytest.mark.parametrize(
    "text",
    [
        "the cancer's already in my bones, and my back's sore today",
        "it's now in my bones they said, back aching this week",
    ],
)
def test_bones_named_with_a_word_of_time_between_make_any_back_pain_urgent(text: str) -> None:
    assert "spinal-pain-flags" in assess(text).rules


def test_a_sisters_cancer_in_her_bones_is_not_the_patients_context() -> None:
    assert assess("my sister's cancer is already in her bones and her back is sore").level is Level.NONE
