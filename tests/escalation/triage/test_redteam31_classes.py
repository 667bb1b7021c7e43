"""Red-team set 31's classes (older people's formal English, carers, learners of English,
slang) and conversation set 19's (follow-up answers, corrections, shared phones): each test
reads a class of wordings, with the near-misses that say the same words of something else.

The sentences are illustrations of a class, not the development sets' own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, assess, present, status_of


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
