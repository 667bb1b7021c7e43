"""Red-team set 31's classes (older people's formal English, carers, learners of English,
slang) and conversation set 19's (follow-up answers, corrections, shared phones): each test
reads a class of wordings, with the near-misses that say the same words of something else.

The sentences are illustrations of a class, not the development sets' own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level, TriageEngine

from .conftest import CARER, ON_TX, assess, present, read_turns, status_of


@pytest.mark.parametrize(
    "text",
    [
        "coughing up blood and breathing also difficult",
        "spat blood this morning, my breathing is also very hard",
        "blood when I cough and breathing now quite laboured",
        "coughed up red stuff, breath too is short",
    ],
)
def test_breathing_hard_added_with_also_or_now_is_read_as_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "breathing is also fine",
        "breathing also not difficult",
        "no, breathing is also not bad",
        "breathing is now back to normal, no longer difficult",
        "breathing is now better",
    ],
)
def test_breathing_fine_or_denied_with_also_is_read_as_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["mi a bit short a breath", "im short a breath on the stairs", "getting short o breath"],
)
def test_short_a_breath_as_it_is_said_is_read_as_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_letting_out_a_breath_is_read_as_no_breathlessness() -> None:
    assert "dyspnea" not in present(assess("I let out a breath when the scan was clear"))


@pytest.mark.parametrize(
    "text",
    [
        "he is not recognising his own son since this morning",
        "Mum isn't recognising her grandchildren today",
        "grandad has stopped knowing his own daughter",
        "she keeps asking us who we are",
        "he kept asking his wife who she was all evening",
    ],
)
def test_not_knowing_ones_own_family_is_read_as_confusion(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the receptionist kept asking who I was",
        "the baby is not recognising his own reflection yet",
        "she is not remembering her own birthday, typical",
        "he is not knowing his own mind about the move",
    ],
)
def test_asking_who_someone_is_or_not_knowing_a_thing_is_read_as_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "this morning my words kept coming out wrong",
        "her words were coming out muddled at lunch",
        "my words have been coming out all wrong since Tuesday",
    ],
)
def test_words_that_kept_coming_out_wrong_are_read_as_speech_difficulty(text: str) -> None:
    a = assess(text)
    assert "speech_difficulty" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the cake kept coming out wrong",
        "the photos kept coming out funny",
        "the words of the song kept coming out wrong at karaoke",
    ],
)
def test_things_that_come_out_wrong_are_read_as_no_speech_difficulty(text: str) -> None:
    assert "speech_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    ("question", "answer", "concept", "level"),
    [
        ("How is your back today?", "sore as anything, my feet are tingling", "back_pain", Level.EMERGENCY),
        ("How is your back today?", "killing me", "back_pain", Level.URGENT),
        ("Hows the back?", "stiff", "back_pain", Level.ROUTINE),
        ("How is your neck?", "killing me", "neck_pain", Level.URGENT),
        ("How are your legs?", "a bit weak after walking", "limb_weakness", Level.EMERGENCY),
        ("How are the legs?", "cant feel them", "numbness", Level.EMERGENCY),
        ("How is your chest today?", "tight", "chest_pain", Level.URGENT),
    ],
)
def test_a_bare_quality_answering_how_a_named_place_is_is_read_as_that_places_finding(
    question: str, answer: str, concept: str, level: Level
) -> None:
    a = assess(answer, question)
    assert concept in present(a)
    assert a.level == level


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("How is your back today?", "not sore"),
        ("How is your back today?", "fine thanks"),
        ("How is your back today?", "fine, sore throat though"),
        ("How are your legs?", "fine"),
        ("Did the nurse get back to you?", "killing me, still waiting"),
    ],
)
def test_a_denial_another_place_or_a_word_only_like_a_place_is_read_as_no_finding_of_it(
    question: str, answer: str
) -> None:
    a = assess(answer, question)
    assert not present(a) & {"back_pain", "limb_weakness", "numbness"}
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "I think it is better for my family if I am not here anymore",
        "it would be easier for my children if I am no longer around",
        "better for everyone if im not here any longer",
    ],
)
def test_others_better_if_the_writer_were_no_longer_here_is_read_as_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "it is better for my family if I am not here on Friday, so the plumber can come",
        "better if I am not around when the builders come",
        "it is better if I am not here tomorrow",
    ],
)
def test_better_if_the_writer_is_away_for_a_while_is_read_as_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "cannot go to toilet for the big one since Saturday",
        "cant go for a number 2 since monday",
        "cant do a number two",
        "unable to pass a stool for 4 days",
    ],
)
def test_not_managing_the_big_one_is_read_as_constipation(text: str) -> None:
    assert "constipation" in present(assess(text))


def test_sickness_with_no_big_one_is_read_as_urgent() -> None:
    a = assess("feel sick all day and cannot go to the toilet for the big one")
    assert "hypercalcemia" in a.rules


@pytest.mark.parametrize(
    "text",
    ["cant do the big one today at work", "I cant do the big shop today", "no, I can go for a poo fine"],
)
def test_a_big_task_or_a_denied_trouble_is_read_as_no_constipation(text: str) -> None:
    assert "constipation" not in present(assess(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my gf keeps getting pins n needles in her hands, just wondering", "numbness"),
        ("my bf has a cough", "cough"),
    ],
)
def test_a_girlfriend_or_boyfriend_texted_short_is_read_as_someone_else(text: str, concept: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"other"}
    assert a.level == Level.NONE


def test_the_writers_own_finding_beside_a_gf_is_still_theirs() -> None:
    a = assess("me and my gf went out, my back is killing me")
    assert "back_pain" in present(a)


@pytest.mark.parametrize(
    "text",
    ["having trouble weeing", "difficulty peeing since this morning", "struggling with urinating today"],
)
def test_trouble_weeing_said_with_the_gerund_is_read_as_bladder_dysfunction(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize("text", ["no trouble peeing", "no problems weeing", "the dog had trouble peeing"])
def test_trouble_weeing_denied_or_someone_elses_is_read_as_no_bladder_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my chest, sharp when i breathe in", "chest_pain"),
        ("under my left breast, stabbing whenever I move", "chest_pain"),
        ("my back, sore when I bend", "back_pain"),
    ],
)
def test_a_quality_with_when_it_comes_after_a_bare_site_is_read_as_that_sites(
    text: str, concept: str
) -> None:
    assert concept in present(assess(text))


def test_a_corrected_site_with_a_quality_and_when_it_comes_is_read_as_that_sites_pain(
    engine: TriageEngine,
) -> None:
    a = read_turns(
        engine, "pain in my tummy", "sorry, not my tummy, I meant my chest, sharp when I breathe in"
    )
    assert a.level == Level.URGENT
    assert "chest-pain-any" in a.rules


def test_a_knee_with_a_quality_and_when_it_comes_stays_an_ordinary_pain() -> None:
    a = assess("my knee, sore when I kneel")
    assert present(a) == {"pain"}
    assert a.level == Level.ROUTINE


@pytest.mark.parametrize(
    "turns",
    [
        ("diarrhoea x2 this morning", "x1 more by lunch", "another at 3"),
        ("diarrhoea 3 times today", "and another just now"),
        ("loose stools twice before breakfast", "once more at 10", "another at 2pm"),
    ],
)
def test_another_said_with_only_when_adds_one_to_the_days_count(
    engine: TriageEngine, turns: tuple[str, ...]
) -> None:
    a = read_turns(engine, *turns, context=ON_TX)
    assert "diarrhea" in a.rules
    assert a.level == Level.URGENT


@pytest.mark.parametrize(
    "last", ["another appointment at 3", "got another at 3 tomorrow with the consultant"]
)
def test_another_of_something_else_adds_nothing_to_the_count(engine: TriageEngine, last: str) -> None:
    a = read_turns(engine, "diarrhoea x3 today", last, context=ON_TX)
    assert "diarrhea" not in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "dunno what you mean",
        "I don't know what you mean",
        "i dont know what that means",
        "dont know what youre asking",
        "I don't know who to call",
        "I dont know when my next scan is",
    ],
)
def test_not_knowing_what_the_question_means_or_whom_to_ring_is_read_as_no_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" not in present(a)
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    "text",
    ["I dont know what day it is", "he doesnt know who we are", "she doesnt know where she is"],
)
def test_not_knowing_the_day_or_the_family_is_still_read_as_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context=CARER))


def test_not_understanding_a_follow_up_question_is_read_as_no_confusion(engine: TriageEngine) -> None:
    a = read_turns(
        engine, ("Any change in your bladder or bowels?", "dunno what you mean"), "oh no, all normal"
    )
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    "correction",
    [
        "sorry that was about me not Anne, Im her husband, Ive rung my own GP",
        "oops this is Pam's son, that was me, she's fine",
        "I'm her husband, that was about me, sorry",
    ],
)
def test_a_shared_phones_writer_who_says_who_they_are_takes_what_was_said_as_their_own(
    engine: TriageEngine, correction: str
) -> None:
    a = read_turns(engine, "bad chest pain this morning", correction)
    assert status_of(a, "chest_pain") == {"other"}
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    "correction",
    ["sorry, that was about me, not my husband", "sorry that was about me not Anne", "that was about me too"],
)
def test_that_was_about_me_without_saying_who_the_writer_is_keeps_it_the_patients(
    engine: TriageEngine, correction: str
) -> None:
    a = read_turns(engine, "bad chest pain this morning", correction)
    assert "present" in status_of(a, "chest_pain")
    assert a.level == Level.URGENT


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("its on and off since tuesday", Level.ROUTINE),
        ("yes", Level.ROUTINE),
        ("streaks", Level.ROUTINE),
        ("more", Level.EMERGENCY),
        ("yes, more", Level.EMERGENCY),
        ("more than a teaspoon", Level.EMERGENCY),
        ("a cupful", Level.EMERGENCY),
    ],
)
def test_an_answer_to_how_much_blood_is_large_only_when_it_picks_the_larger_amount(
    answer: str, level: Level
) -> None:
    a = assess(answer, "How much blood was there: streaks, a teaspoon, or more?")
    assert a.level == level


@pytest.mark.parametrize("answer", ["yes", "on and off"])
def test_a_yes_to_was_it_more_than_a_teaspoon_is_still_a_large_amount(answer: str) -> None:
    a = assess(answer, "Was it more than a teaspoon of blood, or any clots?")
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "its me Dave (her husband), ive got a cough and sniffles, should I stay away from her during chemo?",
        "this is Anne's husband, I've got a cough, should I keep away from her?",
        "her son here, ive got a temperature, is it safe for me to be around her?",
    ],
)
def test_a_carers_own_bug_asked_about_keeping_away_is_read_as_the_writers(text: str) -> None:
    a = assess(text)
    assert not present(a)
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "this is Anne's husband, she has a cough, should I stay away from her?",
        "he has a temperature of 38.5, should I keep away from him?",
    ],
)
def test_the_patients_finding_asked_about_keeping_away_stays_the_patients(text: str) -> None:
    a = assess(text, context=CARER)
    assert present(a)


@pytest.mark.parametrize(
    "text",
    [
        "burning up and shaking all over",
        "temp 39.1 and my whole body is shaking",
        "shaking all over with a temperature",
    ],
)
def test_a_body_shaking_with_a_fever_is_read_as_chills_not_a_fit(text: str) -> None:
    a = assess(text)
    assert {"fever", "chills"} <= present(a)
    assert "seizure" not in present(a)
    assert a.level == Level.URGENT


def test_shaking_with_a_fever_on_treatment_is_read_as_neutropenic_fever() -> None:
    a = assess("Mum's burning up and shaking all over", context={**CARER, **ON_TX})
    assert "neutropenic-fever" in a.rules
    assert "seizure" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "shaking all over",
        "he has a fever and was shaking all over on the floor",
        "temp 39, she went stiff and shook",
        "burning up, shaking all over and not answering me",
        "fever and his arm was jerking",
    ],
)
def test_shaking_without_a_fever_or_with_signs_of_a_fit_is_still_read_as_a_seizure(text: str) -> None:
    a = assess(text, context=CARER)
    assert "seizure" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["im boiling n freezing at the same time", "boiling one minute freezing the next"]
)
def test_boiling_and_freezing_at_once_is_read_as_fever_with_chills(text: str) -> None:
    assert {"fever", "chills"} <= present(assess(text))


@pytest.mark.parametrize(
    "text", ["the kitchen is boiling and freezing outside", "no, not boiling and freezing"]
)
def test_boiling_and_freezing_of_places_or_denied_is_read_as_no_fever(text: str) -> None:
    assert not present(assess(text)) & {"fever", "chills"}


@pytest.mark.parametrize(
    "text", ["his arm and face were twitching for about a minute", "my left arm and leg started jerking"]
)
def test_two_parts_twitching_together_are_read_as_a_seizure(text: str) -> None:
    a = assess(text)
    assert "seizure" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize("text", ["please call", "pls ring asap", "please call when you can", "please ring."])
def test_a_bare_please_call_is_read_as_a_nurse_request(text: str) -> None:
    assert "nurse_request" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "the new tablets are making me a bit sick",
        "chemo makes me sick",
        "the morphine has been making me sick",
    ],
)
def test_a_medicine_that_makes_one_sick_is_read_as_nausea(text: str) -> None:
    assert "nausea" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["it makes me sick how they treat nurses", "that politician makes me sick", "new tablets are fine"],
)
def test_disgust_or_a_medicine_that_suits_is_read_as_no_nausea(text: str) -> None:
    assert "nausea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I am experiencing some difficulty with my breathing",
        "trouble with my breath since last night",
        "my breathing is not coming well",
    ],
)
def test_breathing_troubled_in_formal_or_learners_words_is_read_as_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_no_problems_with_ones_breathing_is_read_as_no_breathlessness() -> None:
    assert "dyspnea" not in present(assess("no problems with my breathing"))


def test_legs_proper_gone_is_read_as_weakness() -> None:
    a = assess("legs proper gone")
    assert "limb_weakness" in present(a)
    assert a.level == Level.EMERGENCY


def test_the_pain_in_the_legs_proper_gone_is_read_as_resolved() -> None:
    assert "limb_weakness" not in present(assess("the pain in my legs has proper gone"))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("My back has been troubling me greatly at night", "spinal-pain-flags"),
        ("I have had a most dreadful headache since I woke", "head"),
        ("a frightful pain in my neck", "spinal-pain-flags"),
    ],
)
def test_troubling_and_dreadful_in_older_english_are_read_as_pain_and_severe(text: str, rule: str) -> None:
    a = assess(text)
    assert rule in a.rules
    assert a.level == Level.URGENT


@pytest.mark.parametrize("text", ["the neighbours are troubling me", "dreadful weather today"])
def test_troubling_people_or_dreadful_weather_is_read_as_no_finding(text: str) -> None:
    assert not present(assess(text))


@pytest.mark.parametrize(
    "correction", ["sorry love that was me, her daughter, shes fine", "that was me, the husband"]
)
def test_that_was_me_followed_by_who_the_writer_is_takes_it_as_the_writers(
    engine: TriageEngine, correction: str
) -> None:
    a = read_turns(engine, "coughing up blood", correction)
    assert status_of(a, "hemoptysis") == {"other"}
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("bad", Level.ROUTINE),
        ("much worse at night", Level.URGENT),
        ("getting worse", Level.URGENT),
        ("keeps me up at night", Level.URGENT),
    ],
)
def test_how_the_asked_places_pain_goes_is_read_as_that_places_pain(answer: str, level: Level) -> None:
    a = assess(answer, "How is your back today?")
    assert "back_pain" in present(a)
    assert a.level == level


@pytest.mark.parametrize(
    "answer", ["no worse", "not worse", "the weather is worse", "same as yesterday", "fine"]
)
def test_no_worse_or_something_else_worse_is_read_as_no_back_pain(answer: str) -> None:
    a = assess(answer, "How is your back today?")
    assert "back_pain" not in present(a)
    assert a.level < Level.URGENT
