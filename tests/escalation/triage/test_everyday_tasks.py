"""Red-team set 15's classes, each told in other words, with near misses beside them: legs
told by the everyday task they no longer manage, broken English that drops "to", tenses and
verbs, images for breath, chest pain, swelling and sight, seizures told by what was seen,
bleeding told by what it soaks, wishes to die said sideways, and counts that add up.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present

# -- legs told by the everyday task they no longer manage --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "her legs just won't take her up the stairs now",
        "I can't manage the steps to the front door any more",
        "couldn't step up the kerb outside the chemist",
        "can't get myself out of the bath without my son",
        "can't stand at the sink long enough to do the dishes",
        "he's stopped going upstairs, sleeps on the sofa",
        "my legs won't do the stairs since Tuesday",
    ],
)
def test_my_legs_wont_do_the_stairs_is_gait_difficulty(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "can't do the stairs without getting puffed",
        "the stairs at the station are being repaired",
        "went upstairs for a nap this afternoon",
        "had a lovely bath and got out fine",
    ],
)
def test_stairs_stopped_by_breath_or_just_named_are_not_the_legs(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["my legs like stone today", "legs heavy like concrete since the morning", "his legs feel like sandbags"],
)
def test_legs_like_stone_are_weak(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_heart_like_stone_is_not_weak_legs() -> None:
    assert "limb_weakness" not in present(assess("the bread was hard like stone"))


# -- broken English: the past tense, "to" and "when" dropped -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "last night i pee in the bed",
        "she wee in the bed two times this week",
        "i pee on my trousers, no feel it",
    ],
)
def test_i_pee_in_the_bed_is_bladder_dysfunction(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


def test_the_cat_peed_on_the_rug_is_nothing() -> None:
    assert assess("the cat peed on the rug again").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "i cannot take the air, very hard",
        "i can't get enough air in",
        "no can take air even i sit",
    ],
)
def test_i_cannot_take_the_air_is_severe_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "breath more short than before when i go shop",
        "breathing more hard this week",
        "I get out of breath much faster than I used to",
        "I'm puffed a lot sooner than last month",
    ],
)
def test_breath_more_short_than_last_week_is_worse_breathing(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "a bit more breathless on hills, fine when I'm sitting down",
        "puffed walking the dog, ok once I sit",
    ],
)
def test_fine_when_resting_is_not_breathless_at_rest(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is not Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["my head pain very strong", "the pain in my head is so strong, 9"],
)
def test_my_head_pain_very_strong_is_a_severe_headache(text: str) -> None:
    a = assess(text)
    assert "headache" in present(a)
    assert a.level is Level.URGENT


def test_i_feel_very_strong_today_is_nothing() -> None:
    assert assess("I feel very strong today").level is Level.NONE


# -- breath, chest, swelling and sight told by images --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "like I'm breathing in through a thin straw all the time",
        "breathing through a wet flannel, even in bed",
        "can't talk on the phone now, too out of breath",
    ],
)
def test_breathing_through_a_straw_is_severe_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["my breathing has been a bit funny since Sunday", "breath's not quite right today"],
)
def test_breathing_a_bit_off_is_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_breathing_off_with_a_swollen_calf_is_a_clot() -> None:
    a = assess("left calf swollen and hot, and my breathing feels a bit off")
    assert a.level is Level.EMERGENCY
    assert "clot" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "feels like a hippo has sat on me",
        "as if a sumo wrestler is kneeling on my chest",
        "like a bus parked on top of me, middle of my chest",
    ],
)
def test_an_elephant_has_sat_on_me_is_severe_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["chest feels bruised where I lean on it", "my chest feels like I've been punched"]
)
def test_a_chest_that_feels_bruised_is_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my neck fat and my breathing make noise",
        "face puffed up like a chipmunk and my breathing's all whistly",
        "can't get my wedding ring off, face swollen, breath rattly",
    ],
)
def test_a_swollen_face_with_noisy_breath_is_svc_airway(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY
    assert "svc-airway" in a.rules


@pytest.mark.parametrize("text", ["my rings feel really tight this week", "face looks like a full moon"])
def test_a_tight_ring_or_a_moon_face_is_swelling(text: str) -> None:
    assert "face_neck_swelling" in present(assess(text))


def test_a_tight_deadline_is_not_swelling() -> None:
    assert "face_neck_swelling" not in present(assess("tight deadline at work this week"))


@pytest.mark.parametrize(
    "text",
    [
        "lost the right half of everything I look at",
        "like a black curtain coming down over one eye",
        "can't see the left half of the page",
    ],
)
def test_losing_half_of_what_i_see_is_a_one_sided_vision_change(text: str) -> None:
    a = assess(text)
    assert "vision_change" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_shadow_on_the_scan_is_not_sight() -> None:
    assert "vision_change" not in present(assess("they said there was a shadow over my lung"))


# -- seizures told by what was seen ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "she went rigid and then started jerking in the chair",
        "my wife says my leg was jerking and I wasn't with it for a minute",
        "went stiff and shook on the sofa, now just tired",
    ],
)
def test_went_stiff_and_shook_is_a_seizure(text: str) -> None:
    a = assess(text)
    assert "seizure" in present(a)
    assert a.level is Level.EMERGENCY


def test_my_mind_went_blank_in_the_quiz_is_not_confusion() -> None:
    assert assess("my mind went all blank in the pub quiz, ha").level is not Level.EMERGENCY


# -- bleeding told by what it soaks ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "nicked my thumb and it keeps on bleeding",
        "bleeding through a pad every half hour",
        "the drain bag is filling up with blood",
        "cut on my shin is bleeding, soaked 4 tea towels",
        "the site where the nurse put my cannula is still oozing",
    ],
)
def test_bleeding_that_soaks_through_is_major(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "nicked my thumb and it keeps on bleeding",
        "bleeding through a pad every half hour",
        "the drain bag is filling up with blood",
    ],
)
def test_bleeding_that_soaks_through_is_an_emergency(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["threw up and it looked like coffee grounds", "was sick and it was bright red, a cupful"]
)
def test_vomit_told_by_its_colour_is_bleeding(text: str) -> None:
    assert "bleeding" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my nose keeps on dripping with this cold",
        "had my bloods taken, all fine",
        "was sick and red in the face after",
    ],
)
def test_a_runny_nose_or_a_blood_test_is_not_bleeding(text: str) -> None:
    a = assess(text)
    assert "bleeding" not in present(a)
    assert a.level is not Level.EMERGENCY


# -- wishes to die said sideways -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i want die now",
        "would be glad not to wake up",
        "I keep hoping I'll just slip away in my sleep",
        "been thinking about wading into the river",
        "thinking about ending it, don't tell anyone",
    ],
)
def test_wanting_not_to_wake_up_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "slept fine, didn't wake up once",
        "glad to wake up without a headache",
        "thinking about going in the sea on holiday",
    ],
)
def test_sleeping_well_is_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


# -- counts and durations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "q"),
    [
        ("loose, maybe 9 times", "How are your bowels?"),
        ("the runs, 8 times", None),
        ("had the squits seven times today", None),
    ],
)
def test_loose_about_8_times_is_diarrhoea_counted(text: str, q: str | None) -> None:
    a = assess(text, q)
    assert "diarrhea" in present(a)
    assert a.level is Level.URGENT


def test_sleeping_most_of_the_day_is_drowsiness() -> None:
    a = assess("she's sleeping most of the day now", context={"writer": "carer"})
    assert "drowsiness" in present(a)
    assert a.level is Level.URGENT


def test_an_illness_weeks_ago_is_over() -> None:
    text = "had chills after the last cycle but that was two weeks ago"
    a = assess(text, context={"on_active_treatment": True})
    assert a.level is not Level.EMERGENCY


# -- broken English drops "can", "to" and the past tense; everyday help with the legs ----------


@pytest.mark.parametrize(
    "text",
    [
        "my legs no good, no can walk",
        "i fall down 3 time this week",
        "his leg not strong since yesterday",
        "my legs aren't carrying me any more",
        "my son has to lift me off the toilet",
        "going down the stairs on my backside now",
        "me no feel my legs",
    ],
)
def test_no_can_walk_is_the_legs_failing(text: str) -> None:
    a = assess(text)
    assert present(a) & {"gait_difficulty", "limb_weakness", "numbness"}
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["pee come out by itself", "she cannot control her wee now", "i no control the pee"],
)
def test_pee_come_by_itself_is_bladder_dysfunction(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["breathe very hard when i lie", "no air, i sit and still no air", "me no breathe good even sitting"],
)
def test_breathe_very_difficult_when_i_lie_is_breathless_at_rest(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "no, can walk fine",
        "the bike tyre has no air",
        "my cat fell down the stairs",
        "the dog won't let me sleep in",
    ],
)
def test_near_misses_of_broken_english_are_not_emergencies(text: str) -> None:
    assert assess(text).level is not Level.EMERGENCY


# -- more of the same classes: wishes, bleeding, breath and chest seen by others ----------------


@pytest.mark.parametrize(
    "text",
    [
        "honestly I'd welcome never waking up",
        "i no want live no more",
        "I've given away all my jewellery, don't need it where I'm going",
        "part of me is hoping the cancer takes me soon",
        "better I die than this",
        "if I just slipped away in my sleep I wouldn't mind",
        "I'm fed up of living.",
    ],
)
def test_welcoming_not_waking_up_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my nan died in her sleep last spring",
        "I want to live to see the wedding",
        "fed up with life on steroids, always hungry",
        "gave away my old coats to the charity shop",
        "what if I die in my sleep from a clot?",
    ],
)
def test_death_named_without_a_wish_is_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "blood went right through my jeans",
        "the bathroom floor looks like a crime scene",
        "I can only get two words out before I need a breath",
        "his lips are going a bit grey",
        "mouth opening and closing, gasping like a fish out of water",
        "she's gone grey and clammy and is clutching her chest",
    ],
)
def test_what_others_see_tells_the_emergency(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the garden looks like a bomb site",
        "my lips look a bit purple from the blackcurrant juice",
        "he's pale and sweaty with a temperature",
    ],
)
def test_images_without_a_body_in_trouble_are_not_emergencies(text: str) -> None:
    assert assess(text).level is not Level.EMERGENCY


# -- understatement: the emergency as a clause after "probably nothing" ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "it's probably the new pills but I've had three blackouts since Friday",
        "had a couple of fits today, husband is with me",
        "tiny thing, can't seem to find my words this afternoon",
        "probably nothing - can't grip a cup with my left hand",
        "two faints this week, both in the kitchen",
    ],
)
def test_an_emergency_told_as_a_small_thing_is_still_an_emergency(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "we had two blackouts on our street last night",
        "can't find the words to thank you all",
        "They asked if I'd had any fits or blackouts, and no, never",
        "can't find my keys anywhere",
    ],
)
def test_blackouts_of_power_and_words_of_thanks_are_not_emergencies(text: str) -> None:
    assert assess(text).level is not Level.EMERGENCY


# -- answers: a count is not a score, "still there" is a yes, mood and sleep are for the team -----


@pytest.mark.parametrize(
    ("text", "q"),
    [
        ("to the toilet 5 times since breakfast", "Any diarrhoea?"),
        ("been 7 times today, all liquid", "How are your bowels? Any diarrhoea or constipation?"),
        ("8 times today", "Any diarrhoea?"),
    ],
)
def test_on_the_loo_4_times_to_a_diarrhoea_question_is_a_count(text: str, q: str) -> None:
    a = assess(text, q, {"on_active_treatment": True})
    assert "diarrhea" in present(a)
    assert a.level is Level.URGENT


def test_a_bare_number_to_a_pain_question_is_still_a_score() -> None:
    a = assess("7", "Any chest pain? If so, how bad from 0 to 10?")
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "q", "concept"),
    [
        ("still there, worse at night", "How is your cough?", "cough"),
        ("still hanging on, dry one", "How is your cough?", "cough"),
        ("still runny, most days", "How are your bowels? Any diarrhoea?", "diarrhea"),
        ("still chesty, worse first thing", "How is your cough?", "cough"),
        ("still niggling away", "How is your cough?", "cough"),
    ],
)
def test_still_there_to_how_is_your_cough_is_a_yes(text: str, q: str, concept: str) -> None:
    assert concept in present(assess(text, q))


@pytest.mark.parametrize(
    ("text", "q"),
    [
        ("really low lately, crying most days", "How has your mood been this week?"),
        ("awful, wide awake at 4 every morning, head racing", "How have you been sleeping?"),
    ],
)
def test_low_mood_and_a_racing_mind_are_routine(text: str, q: str) -> None:
    assert assess(text, q).level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    ["the tide is really low this morning", "my phone battery is low", "he's just a bit low, that's all"],
)
def test_low_said_of_things_or_lightly_is_not_flagged(text: str) -> None:
    assert assess(text).level is Level.NONE


# -- fever and blood told by household images --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he's hot as a radiator and had chemo on Monday",
        "she feels like a hot water bottle, had chemo last week",
        "I'm boiling hot, on immunotherapy",
    ],
)
def test_hot_as_toast_on_chemo_is_neutropenic_fever(text: str) -> None:
    a = assess(text)
    assert "fever" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the weather is hot as anything today", "the kitchen is like an oven", "it's boiling hot in the ward"],
)
def test_hot_weather_and_rooms_are_not_fevers(text: str) -> None:
    assert "fever" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "coughed up a ramekin of blood",
        "about an egg cup of blood when I coughed",
        "coughed a good glug of blood up",
    ],
)
def test_a_yoghurt_pot_of_blood_is_a_large_amount(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


# -- a face that drops and speech that comes out wrong, after a "no" to something else ------------


@pytest.mark.parametrize(
    "text",
    [
        "no headache, but my sentences are coming out all jumbled",
        "first time ever, the left side of my mouth has dropped",
        "Dad's right side of his face is sagging",
    ],
)
def test_my_speech_is_coming_out_wrong_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "speech_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the left side of the shed roof has dropped",
        "the talk came out all wrong at the meeting, so embarrassing",
    ],
)
def test_things_that_drop_or_come_out_wrong_are_not_speech(text: str) -> None:
    assert "speech_difficulty" not in present(assess(text))


# -- broken English, more of it: "very pain", "i shaking", "hot 39", "very sleep" ----------------


@pytest.mark.parametrize(
    ("text", "ctx"),
    [
        ("i have hot 38.9 and i shiver, chemo before 4 day", None),
        ("he shaking very much and cold", {"on_active_treatment": True}),
        ("body hot 39, immuno last week", None),
    ],
)
def test_i_have_hot_39_and_i_shaking_on_chemo_is_neutropenic_fever(
    text: str, ctx: dict[str, bool] | None
) -> None:
    assert assess(text, context=ctx).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["my chest very pain", "chest much pain, like something sit", "so much pain in my chest"],
)
def test_my_chest_very_pain_is_severe_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("i vomit and the water also come up", "vomiting"),
        ("she very sleep, no wake up good", "drowsiness"),
        ("my neck become very big", "face_neck_swelling"),
        ("i see everything double since morning", "vision_change"),
        ("cannot pass the urine since yesterday", "bladder_bowel_dysfunction"),
        ("the bed it was all blood", "bleeding"),
    ],
)
def test_broken_english_names_the_finding(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "it was hot 30 degrees today",
        "i can no longer drive, my licence",
        "i see two doctors tomorrow",
        "shaking with nerves before the scan",
        "my back is a bit sore, thank you so much",
    ],
)
def test_broken_english_near_misses_stay_calm(text: str) -> None:
    assert assess(text, context={"on_active_treatment": True}).level in (Level.NONE, Level.ROUTINE)


@pytest.mark.parametrize(
    ("text", "q"),
    [
        ("still at work, no problems", "Any chest pain?"),
        ("still going to the gym, no problems", "Any chest pain?"),
        ("still here at my daughter's, all fine", "Any chest pain?"),
        ("still about, pottering in the garden", "Any new weakness or numbness in your arms or legs?"),
    ],
)
def test_still_at_work_to_any_chest_pain_is_no_yes(text: str, q: str) -> None:
    assert assess(text, q).level is Level.NONE


# -- an arm told by what it drops or how it hangs -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dad keeps dropping his mug from his right hand",
        "her left arm just dangles by her side",
        "arms won't go above my head since Sunday",
        "his arms just flop down",
    ],
)
def test_an_arm_that_just_hangs_there_is_weak(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the washing hangs there to dry",
        "the blind won't go up",
        "the grandkids keep dropping their plates",
    ],
)
def test_things_that_hang_or_drop_are_not_arms(text: str) -> None:
    assert assess(text).level is Level.NONE


# -- swelling told by jewellery and puffing; a band round the ribs; a spine on fire ---------------


@pytest.mark.parametrize(
    "text",
    [
        "my chain feels like it's strangling me and I'm short of breath",
        "my face puffed up overnight and I'm breathless",
        "eyelids so swollen I can barely open them, breathing's hard",
    ],
)
def test_a_necklace_choking_me_with_breathlessness_is_svc_airway(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY
    assert "svc-airway" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "eyes puffy from crying at the film",
        "my tie is too tight for the wedding",
        "wearing a belt round my waist",
    ],
)
def test_puffy_from_crying_or_a_tight_tie_is_not_svc(text: str) -> None:
    assert assess(text).level in (Level.NONE, Level.ROUTINE)


@pytest.mark.parametrize(
    "text",
    [
        "a strap of pain around my ribs, wakes me at night",
        "feels like I'm wearing a corset, worse lying down",
    ],
)
def test_a_band_round_my_ribs_is_spinal_pain(text: str) -> None:
    assert "back_pain" in present(assess(text))


def test_a_spine_on_fire_with_weak_legs_is_cord_compression() -> None:
    a = assess("my lower back is on fire and my legs are going weak")
    assert a.level is Level.EMERGENCY
    assert "mscc-neuro" in a.rules


# -- sudden onset told by an image ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pain in my chest came on like a light switch",
        "it hit me like a lorry, this pain in my chest",
        "one minute I was fine and the next my chest was killing me",
    ],
)
def test_chest_pain_that_came_on_like_a_switch_is_sudden(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY
    assert "chest-pain" in a.rules


@pytest.mark.parametrize(
    "text",
    ["the bill hit me like a ton of bricks", "one minute I was fine at the party, the next I was bored"],
)
def test_a_sudden_image_without_a_symptom_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE
