"""Red-team set 18's classes: a limb "asleep" or crawling "like ants", legs that will not do
what they are told, control of the bladder lost "a bit" or "accidents" counted, the warning
"not felt coming", walking told by its helpers ("need the frame now"), by its wobble ("like a
newborn foal") or by feet that drag and walls walked into, and legs heavy "like wading through
treacle"; breath a learner "is not able to take", too short "to finish a sentence", or short
"just lying here"; a pain "very strong" before its site; speech that "can't come out right" or
words "all mix up"; bleeding the writer "cannot seem to stop"; a wish that God "would take me";
and the blood's amount to a nurse's "How much blood have you coughed up?"; with the near
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
        "my feet have gone to sleep since this morning",
        "both hands feel asleep all the time",
        "my left leg is sleeping, very strange",
        "it feels like little ants crawling over my toes",
    ],
)
def test_a_limb_asleep_or_crawling_with_ants_is_numbness(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level is Level.ROUTINE


def test_back_pain_with_legs_gone_to_sleep_is_cord_compression() -> None:
    a = assess("my spine really hurts and my legs went to sleep an hour ago")
    assert {"back_pain", "numbness"} <= present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the baby has finally gone to sleep",
        "I fell asleep on the sofa after lunch",
        "we have ants walking over the kitchen floor again",
    ],
)
def test_a_person_asleep_or_ants_in_the_kitchen_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my arms won't do what I tell them today",
        "the legs are not doing as they're told",
        "trouble with my legs, they don't do what I want them to",
    ],
)
def test_legs_that_will_not_obey_are_weak(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_children_not_doing_as_they_are_told_are_nothing() -> None:
    assert assess("the grandkids aren't doing what I tell them").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I've lost some control of my bladder since yesterday",
        "two accidents overnight, could not get to the loo",
        "she soiled her nightie and never felt it coming",
        "I did not notice it happening and wet myself",
    ],
)
def test_bladder_control_lost_in_part_or_told_as_accidents_is_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["no accidents today, all fine", "the storm came so fast, didn't feel it coming"],
)
def test_no_accidents_or_an_unfelt_storm_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "he needs the zimmer to get about now",
        "I'm not walking so well this week",
        "tottering like a newborn lamb this morning",
        "his feet drag when he goes down the hall",
        "keeps walking into the door frame",
    ],
)
def test_walking_told_by_its_helpers_or_its_stumbles_is_gait_difficulty(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I need a new walking stick, the rubber end wore out",
        "not walking the dog today, it's raining",
        "went for a walk without my stick, felt great",
    ],
)
def test_a_stick_bought_or_a_dog_not_walked_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("like walking through mud", "Any new weakness or heaviness in your legs?"),
        ("my legs are like wading through concrete", None),
        ("yes, like I'm pushing through treacle", "Any new weakness or heaviness in your legs?"),
    ],
)
def test_legs_heavy_like_wading_through_treacle_are_weak(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_day_like_wading_through_treacle_is_only_tiredness() -> None:
    a = assess("the whole day felt like wading through treacle")
    assert "limb_weakness" not in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "I am not able to take a breath, even in my chair",
        "too out of breath to finish my sentences this morning",
        "getting breathless just sitting here watching the news",
    ],
)
def test_breath_too_short_to_take_or_to_talk_or_at_rest_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["sitting here in the garden, all fine today", "I can't take the bins out, my son will do it"],
)
def test_sitting_here_or_taking_the_bins_out_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("so strong pain in chest since I woke", "chest_pain"),
        ("really big pain in head today", "headache"),
        ("very bad bad pain in my hip", "pain"),
    ],
)
def test_a_pain_graded_before_its_site_keeps_its_site(text: str, site: str) -> None:
    a = assess(text)
    assert site in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("she cannot talk right since lunch", CARER),
        ("his words come out all mixed up", CARER),
        ("I can't speak clearly, my words are back to front", None),
    ],
)
def test_speech_that_will_not_come_out_right_is_an_emergency(
    text: str, context: dict[str, str] | None
) -> None:
    a = assess(text, None, context)
    assert "speech_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["the hospital mixed up our names on the letter", "reception mixed up my appointments again"]
)
def test_papers_mixed_up_by_an_office_are_not_confusion(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my nose has been bleeding for ages and I cannot seem to stop it",
        "cut my finger peeling potatoes, it's bleeding and I can't get it to stop",
        "gums bleeding and I'm unable to stem the bleeding",
    ],
)
def test_bleeding_the_writer_cannot_stop_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


def test_not_being_able_to_stop_worrying_is_not_bleeding() -> None:
    assert "bleeding" not in present(assess("I can't stop it going round my head"))


@pytest.mark.parametrize(
    "text",
    [
        "most days I pray God will take me",
        "I keep hoping the good Lord would just call me home",
        "wish Jesus would come and take me now",
    ],
)
def test_a_wish_that_god_would_take_me_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


def test_praying_for_good_weather_is_nothing() -> None:
    assert assess("praying God gives us sun for the wedding").level is Level.NONE


@pytest.mark.parametrize(
    ("text", "level"),
    [("a few streaks", Level.URGENT), ("about a cupful", Level.EMERGENCY), ("none at all", Level.NONE)],
)
def test_the_amount_answering_how_much_blood_was_coughed_up_is_hemoptysis(text: str, level: Level) -> None:
    a = assess(text, "How much blood did you cough up?")
    assert a.level is level


@pytest.mark.parametrize(
    "text",
    [
        "my breath short these days, it never did that before",
        "breath become very short since the weekend, more than before",
        "a lot puffier going up to the shops than I was",
    ],
)
def test_breath_shortened_in_plain_or_learners_words_and_changed_is_urgent(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "I puff a bit going up the stairs, always have",
        "get a bit short when I climb the hill, same as ever",
    ],
)
def test_breath_short_on_a_climb_and_unchanged_is_routine(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.ROUTINE


def test_stopping_for_breath_on_the_stairs_is_not_breath_at_rest() -> None:
    a = assess("much worse this week, on the stairs I have to stop for breath")
    assert a.level is Level.URGENT
    assert "breathing" not in a.rules


def test_stopping_for_breath_between_words_is_still_an_emergency() -> None:
    assert assess("I say two words and then I have to stop for breath").level is Level.EMERGENCY


def test_short_answering_how_the_breathing_is_is_breathlessness() -> None:
    a = assess("same as always, bit short when I walk to the shop", "How is your breathing today?")
    assert "dyspnea" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text", ["we're a bit short of cash this week", "two puffs of my inhaler before the stairs"]
)
def test_short_of_cash_or_inhaler_puffs_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("was sick 4 times this morning and another 2 since lunch", 6),
        ("the runs twice before breakfast and three times since", 5),
        ("diarrhoea 3 times overnight and 2 times this afternoon", 5),
    ],
)
def test_counts_for_parts_of_one_day_add_up(text: str, count: int) -> None:
    a = assess(text)
    assert max(f.count or 0 for f in a.findings) == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("had diarrhoea, another 3 days of tablets to go", 0),
        ("sick 3 times today and 3 times yesterday", 3),
    ],
)
def test_other_numbers_or_other_days_do_not_add_up(text: str, count: int) -> None:
    a = assess(text)
    assert max(f.count or 0 for f in a.findings) == count


@pytest.mark.parametrize(
    "text",
    [
        "legs are fine, it's just my back, which is about an 8 today",
        "the hip, that's sitting at 9/10 now",
        "my neck, which is maybe 8 out of 10",
    ],
)
def test_a_site_given_a_score_after_a_lead_in_is_that_sites_pain(text: str) -> None:
    a = assess(text)
    assert a.level is Level.URGENT


def test_a_score_for_the_mood_is_no_site_pain() -> None:
    assert assess("my back is fine, my mood is about 8/10").level is Level.NONE


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("water stool 8 times since the morning", "diarrhea"),
        ("no poo 6 days now", "constipation"),
        ("no big one for five days", "constipation"),
        ("always want drink, even at night", "thirst"),
        ("I no want eat since Monday", "appetite_loss"),
        ("my belly a turn over since breakfast", "nausea"),
        ("my shoulder is grumbling again", "pain"),
        ("bending sends a jolt down my back", "back_pain"),
    ],
)
def test_symptoms_told_in_learners_or_plain_words_are_read(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["I keep grumbling about the weather", "the news gave me a jolt", "no poo bags left for the dog"],
)
def test_grumbles_jolts_and_dog_bags_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_number_answering_how_many_loose_bowel_movements_is_a_count() -> None:
    a = assess("8", "How many loose bowel movements today?")
    assert "diarrhea" in present(a)
    assert a.level is Level.URGENT


def test_thirst_with_days_without_a_poo_is_hypercalcaemia() -> None:
    a = assess("need a drink all the time and no poo for 4 days")
    assert {"thirst", "constipation"} <= present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "the sickness finished a couple of days ago, all fine",
        "headache wore off yesterday",
        "the runs ended a few days ago",
    ],
)
def test_a_symptom_that_finished_days_ago_is_resolved(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_chemo_finished_weeks_ago_leaves_the_new_pain_present() -> None:
    a = assess("I finished chemo a few weeks ago and now my knee hurts")
    assert "pain" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "boiler packed up so we were shivering all evening, fixed now",
        "shivering in the cold waiting for the bus",
        "I was shaking because the house was freezing",
    ],
)
def test_shivering_with_the_cold_for_its_cause_is_not_rigors(text: str) -> None:
    assert assess(text, None, ON_TX).level is Level.NONE


def test_shivering_under_the_duvets_on_treatment_is_still_an_emergency() -> None:
    assert assess("shivering even with the heating on full", None, ON_TX).level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("lost another couple of pounds this week", "weight_loss"),
        ("my hair is coming out in handfuls", "unrecognised"),
    ],
)
def test_weight_lost_again_and_hair_coming_out_are_routine(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("feels like bugs crawling under my skin on my shins", "numbness"),
        ("a creepy crawly feeling in my hands", "numbness"),
        ("I'm using a walking frame now, first time ever", "gait_difficulty"),
        ("can't get around without leaning on the furniture", "gait_difficulty"),
        ("walking like a drunken sailor and I've not touched a drop", "gait_difficulty"),
        ("his bladder has a mind of its own since Friday", "bladder_bowel_dysfunction"),
    ],
)
def test_more_ways_of_telling_cord_signs_and_tingling_are_read(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_a_stick_used_now_and_then_is_no_change() -> None:
    assert assess("I use my stick now and then on long walks").level is Level.NONE


def test_breathless_just_talking_is_breath_at_rest() -> None:
    assert assess("getting breathless just talking on the phone").level is Level.EMERGENCY


def test_praying_nightly_not_to_wake_is_self_harm() -> None:
    assert assess("I pray most nights that I won't wake up").level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "runny poo 3 times in the morning and twice more in the evening",
        "loose stools 2 times overnight then 3 times since breakfast",
    ],
)
def test_counts_joined_by_more_or_then_add_up_on_treatment(text: str) -> None:
    a = assess(text, None, ON_TX)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    ("text", "concept", "level"),
    [
        ("my neck - it's about an 8", "neck_pain", Level.URGENT),
        ("sneezing sends a pain right down my back", "back_pain", Level.URGENT),
        ("I puff and pant on the hill to the shops", "dyspnea", Level.ROUTINE),
        ("my tum keeps turning over", "nausea", Level.ROUTINE),
    ],
)
def test_scores_after_a_dash_strain_named_first_and_plain_breath_and_nausea(
    text: str, concept: str, level: Level
) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is level


def test_a_misspelt_cough_is_not_read_as_laughing() -> None:
    assert "hemoptysis" in present(assess("caughing up blod this morning"))


@pytest.mark.parametrize(
    "text",
    [
        "so exhausted I can barely get out of bed",
        "knackered, can hardly get off the settee today",
        "wiped out 😩 can barely get up off the couch",
    ],
)
def test_an_inability_put_down_to_tiredness_is_tiredness(text: str) -> None:
    a = assess(text)
    assert "fatigue" in present(a)
    assert a.level is Level.ROUTINE


def test_a_chair_left_with_weak_legs_is_still_a_cord_sign() -> None:
    assert assess("can't get out of the chair, my legs won't hold me").level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("legs no feel since the morning", "numbness"),
        ("she has lost the use of her legs", "limb_weakness"),
        ("his eyes rolled back and he went stiff", "seizure"),
        ("she fell down and started shaking", "seizure"),
        ("breathing bad, I cannot lie flat", "dyspnea"),
        ("I am catching breath even in my chair", "dyspnea"),
    ],
)
def test_emergencies_told_by_learners_and_carers_by_what_they_see(text: str, concept: str) -> None:
    a = assess(text, None, CARER)
    assert concept in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the cat is shaking on the floor after the bath",
        "I am catching the bus at ten",
        "the baby's eyes go up to the mobile",
    ],
)
def test_a_wet_cat_a_bus_and_a_babys_gaze_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_back_pain_lying_down_is_not_breath_at_rest() -> None:
    assert assess("my back hurts when I lie down").level is Level.ROUTINE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my belly a run all day, more than ten", Level.URGENT),
        ("vomited so many times, more than ten", Level.URGENT),
        ("I am sick, the pain is more than 3", Level.ROUTINE),
    ],
)
def test_a_bare_more_than_after_a_counted_symptom_is_its_count(text: str, level: Level) -> None:
    assert assess(text).level is level


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("not really, but I did fall twice", "Any trouble walking?"),
        ("he has fallen three times this week", None),
        ("I did trip a few times yesterday", None),
    ],
)
def test_falls_counted_with_their_auxiliary_are_gait_difficulty(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_fall_denied_stays_denied() -> None:
    assert assess("no, I have never fallen twice", "Any trouble walking?").level is Level.NONE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("legs ok. back still a 6", Level.ROUTINE),
        ("my neck remains a 9", Level.URGENT),
        ("still a 2 hour wait for the bus", Level.NONE),
    ],
)
def test_a_site_still_a_score_is_rated(text: str, level: Level) -> None:
    assert assess(text).level is level


@pytest.mark.parametrize(
    "text",
    [
        "my daughter had to carry me to the bathroom",
        "my husband has to hold me up to walk now",
        "my son had to lift me off the sofa",
    ],
)
def test_walking_that_needs_someone_else_is_the_writers_gait_difficulty(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_husband_carrying_his_mother_is_not_the_writer() -> None:
    assert assess("my husband had to carry his mum to the car").level is Level.NONE


@pytest.mark.parametrize("text", ["passed a big clot in my wee this morning", "clots on my pad since lunch"])
def test_clots_passed_are_a_large_amount_of_blood(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


def test_the_clot_being_treated_in_a_leg_is_not_bleeding() -> None:
    assert "bleeding" not in present(assess("the clot in my leg is being treated with injections"))


@pytest.mark.parametrize(
    "text",
    [
        "had an accident in the car park, a van reversed into me",
        "I had a small accident on my bike last week, just a graze",
        "she needs the wheelchair to get to the far clinic, it's a long walk",
        "lying here reading, only puffed when I climb the stairs",
    ],
)
def test_crashes_long_distances_and_exertion_while_resting_are_not_emergencies(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text", ["had a little accident in the night", "he had a wee accident again this morning"]
)
def test_a_little_accident_is_the_usual_word_for_wetting(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my legs are like wet noodles and my back is very pain", "limb_weakness"),
        ("she is talking not clear since lunch", "speech_difficulty"),
        ("his face on one side is dropping", "speech_difficulty"),
        ("mouth is falling down on the right side", "speech_difficulty"),
        ("I cannot go the toilet for wee since last night", "bladder_bowel_dysfunction"),
    ],
)
def test_emergencies_in_a_learners_or_carers_words_are_read(text: str, concept: str) -> None:
    a = assess(text, None, CARER)
    assert concept in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my new shirt is cotton",
        "the line is not clear when you phone",
        "leaves are falling down on one side of the garden",
    ],
)
def test_cotton_a_bad_line_and_falling_leaves_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "concept", "level"),
    [
        ("my legs have been most uncooperative this week", "limb_weakness", Level.EMERGENCY),
        ("I appear to have misplaced the feeling in my right leg", "numbness", Level.EMERGENCY),
        ("back's totally fried and both legs numb", "back_pain", Level.EMERGENCY),
        ("my ankle's gone like a melon, hot and red", "leg_swelling", Level.URGENT),
    ],
)
def test_understated_polite_and_slang_words_for_red_flags_are_read(
    text: str, concept: str, level: Level
) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is level


@pytest.mark.parametrize(
    "text", ["the grandchildren were uncooperative at bedtime", "sausage and mash for tea"]
)
def test_unruly_children_and_sausages_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "question", "level"),
    [
        ("tinged red", "Have you coughed up any blood?", Level.URGENT),
        ("streaky", "Have you coughed up any blood?", Level.URGENT),
        ("still oozing", "Is it still bleeding without stopping?", Level.EMERGENCY),
        ("no, it stopped an hour ago", "Is it still bleeding without stopping?", Level.NONE),
    ],
)
def test_answers_that_describe_the_blood_say_it_is_there(text: str, question: str, level: Level) -> None:
    assert assess(text, question).level is level


def test_pink_tinged_spit_keeps_its_own_blood() -> None:
    assert "hemoptysis" in present(assess("pink tinged spit when I cough"))


@pytest.mark.parametrize(
    "text",
    ["my body is hot hot since morning", "his body feels so hot, we have no thermometer"],
)
def test_a_body_that_is_hot_is_a_fever(text: str) -> None:
    a = assess(text)
    assert "fever" in present(a)
    assert a.level is Level.URGENT


def test_a_hot_body_shop_is_nothing() -> None:
    assert assess("the body shop was hot and busy today").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "back hurting, and the legs they have no force",
        "my legs not go since lunch, back very pain",
        "my foot it doesn't want to walk",
    ],
)
def test_legs_without_force_or_that_will_not_go_are_weak(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "no power in the house since the storm",
        "the phone has no power again",
        "the children don't want to walk to school",
        "the car won't go this morning",
    ],
)
def test_a_power_cut_a_flat_battery_and_reluctant_children_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["can't say my legs are weak, just a bit achy", "I wouldn't really say I'm breathless, just tired"],
)
def test_a_hedged_denial_denies(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


def test_a_denial_corrected_by_what_it_is_more_like_keeps_the_correction() -> None:
    a = assess("not a pain as such, more like a heavy pressure in my chest")
    assert "chest_pain" in present(a)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("I wouldn't say I'm confused, but I forgot my son's name this morning", None),
        ("she couldn't remember her husband's name today", CARER),
    ],
)
def test_forgetting_a_close_relatives_name_is_confusion(text: str, context: dict[str, str] | None) -> None:
    a = assess(text, None, context)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


def test_forgetting_a_birthday_is_not_confusion() -> None:
    assert "confusion" not in present(assess("I forgot my daughter's birthday, feel terrible"))


@pytest.mark.parametrize(
    ("text", "concept", "level"),
    [
        ("mi head a bust open since morning", "headache", Level.URGENT),
        ("my back dey pain me well well", "back_pain", Level.URGENT),
        ("I no fit breathe at all", "dyspnea", Level.EMERGENCY),
        ("his body dey hot since night", "fever", Level.URGENT),
    ],
)
def test_patois_and_pidgin_words_for_red_flags_are_read(text: str, concept: str, level: Level) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is level


@pytest.mark.parametrize("text", ["the new shoes no fit", "I slept well well last night"])
def test_shoes_that_do_not_fit_and_a_good_sleep_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my knee hurts so I don't want to walk far",
        "my hip hurts so I will not go",
        "knee sore so not walk today",
    ],
)
def test_the_writer_choosing_not_to_walk_is_not_weak_legs(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" not in present(a)
    assert a.level is Level.ROUTINE


def test_legs_that_do_not_want_to_move_are_weak() -> None:
    assert assess("my legs just don't want to move this morning").level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "sorry I cannot speak good English, my son will write",
        "the table is wobbling all over the place",
        "I pray God will let me go home for Christmas",
        "the puffiness round my eyes went back down",
        "the car bumped into the wall in the car park",
    ],
)
def test_near_misses_of_the_new_emergency_words_are_not_emergencies(text: str) -> None:
    assert assess(text).level < Level.URGENT


def test_speech_lost_since_this_morning_is_still_an_emergency() -> None:
    assert assess("she can't speak properly since this morning", None, CARER).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["there's a creepy crawly in the bath", "the cushion is stuffed with cotton"]
)
def test_a_spider_in_the_bath_and_a_cotton_cushion_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_bottom_gone_to_sleep_with_back_pain_is_cord_compression() -> None:
    a = assess("back is sore and now my bum feels asleep")
    assert "saddle_numbness" in present(a)
    assert a.level is Level.EMERGENCY


def test_an_arm_asleep_that_will_not_wake_is_numbness_not_drowsiness() -> None:
    a = assess("my arm has gone to sleep and won't wake up")
    assert "drowsiness" not in present(a)
    assert a.level is Level.ROUTINE


def test_a_person_asleep_who_will_not_wake_is_still_drowsy() -> None:
    a = assess("he's gone to sleep and won't wake up", None, CARER)
    assert "drowsiness" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text", ["going a lot more than usual", "been going loads more than normal", "going every hour"]
)
def test_how_often_answering_a_bladder_question_is_frequency_not_control_lost(text: str) -> None:
    a = assess(text, "Any trouble passing urine, or controlling your bladder or bowels?")
    assert "polyuria" in present(a)
    assert a.level is Level.ROUTINE


def test_cannot_go_at_all_to_a_bladder_question_is_still_retention() -> None:
    q = "Any trouble passing urine, or controlling your bladder or bowels?"
    assert assess("can't go at all", q).level is Level.EMERGENCY


def test_going_to_the_gym_more_is_nothing() -> None:
    assert assess("I'm going a lot more to the gym these days").level is Level.NONE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("threw up at 5am, 7am, 9am, 11am, 1pm and 3pm", Level.URGENT),
        ("runny poo at 8am, 10am, midday and 2pm", Level.URGENT),
        ("vomited at 6am then 9am", Level.ROUTINE),
    ],
)
def test_a_list_of_times_after_a_counted_symptom_counts_each_time(text: str, level: Level) -> None:
    assert assess(text, None, ON_TX if "poo" in text else None).level is level


def test_one_time_of_day_is_no_count() -> None:
    a = assess("vomited at 6am, fine since")
    assert all(f.count is None for f in a.findings)


@pytest.mark.parametrize(
    "text",
    [
        "the runs 2 this morning, 2 this afternoon, 1 tonight",
        "diarrhoea 5 since breakfast",
    ],
)
def test_bare_numbers_told_for_parts_of_the_day_count_the_symptom(text: str) -> None:
    assert assess(text, None, ON_TX).level is Level.URGENT


def test_tablets_taken_this_morning_are_no_count() -> None:
    assert assess("diarrhoea, took 4 this morning", None, ON_TX).level is Level.ROUTINE
