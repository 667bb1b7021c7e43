"""Answers to check-in questions take their subject from the question."""

from __future__ import annotations

import pytest

from .conftest import assess, present, status_of

LEGS = "Any new weakness in your legs?"
BACK = "How bad is your back pain from 0 to 10?"
TEMP = "What is your temperature today?"
VOMIT = "How many times have you vomited today?"


@pytest.mark.parametrize("answer", ["yes", "yeah", "yep", "a bit", "yes since last night", "Yes!"])
def test_yes_makes_the_question_concept_present(answer: str) -> None:
    a = assess(answer, LEGS)
    assert "limb_weakness" in present(a)
    assert a.level.label == "emergency"


@pytest.mark.parametrize("answer", ["no", "nope", "nah", "not at all", "none", "no, none"])
def test_no_makes_it_negated(answer: str) -> None:
    a = assess(answer, LEGS)
    assert status_of(a, "limb_weakness") == {"negated"}
    assert a.level.label == "none"


@pytest.mark.parametrize(
    ("answer", "level"),
    [("7", "urgent"), ("2", "routine"), ("0", "none"), ("7 tbh", "urgent"), ("zero", "none")],
)
def test_a_number_answers_a_scale(answer: str, level: str) -> None:
    assert assess(answer, BACK).level.label == level


def test_words_in_the_answer_still_count() -> None:
    a = assess("yes, and I wet myself", LEGS)
    assert {"limb_weakness", "bladder_bowel_dysfunction"} <= present(a)


def test_a_scale_answer_with_new_symptoms() -> None:
    a = assess("5, and I've got pins and needles in both legs", BACK)
    assert a.level.label == "emergency"
    assert "mscc-neuro" in a.rules


@pytest.mark.parametrize(
    ("answer", "level"), [("38.1", "emergency"), ("101f", "emergency"), ("37.6", "urgent"), ("36.9", "none")]
)
def test_a_temperature_answer(answer: str, level: str) -> None:
    assert assess(answer, TEMP, {"on_active_treatment": True}).level.label == level


@pytest.mark.parametrize(
    ("answer", "level"), [("6", "urgent"), ("half a dozen", "urgent"), ("twice", "routine"), ("0", "none")]
)
def test_a_count_answer(answer: str, level: str) -> None:
    assert assess(answer, VOMIT).level.label == level


def test_an_open_question_reads_the_answers_tone() -> None:
    assert "appetite_loss" in present(assess("poor", "How is your appetite?"))
    assert "appetite_loss" not in present(assess("good thanks", "How is your appetite?"))


def test_the_questions_own_modifiers_carry_over() -> None:
    a = assess("yes, a bit worse", "Is your breathing worse than last week?")
    assert a.level.label == "urgent"
    assert "dyspnea-new" in a.rules


def test_a_site_in_the_answer_picks_the_concept() -> None:
    a = assess("neck, about 8 outta 10", "Any neck or back pain?")
    assert present(a) == {"neck_pain"}


def test_evidence_of_an_answer_lies_in_the_answer() -> None:
    a = assess("yes", LEGS)
    f = a.findings[0]
    assert (f.start, f.end, f.evidence) == (0, 3, "yes")
    assert f.to_dict()["from_question"] is True


def test_an_answer_without_a_question_is_just_text() -> None:
    assert assess("yes").level.label == "none"


@pytest.mark.parametrize(
    ("answer", "question", "concept", "modifier"),
    [
        ("even lying down", "Any shortness of breath?", "dyspnea", "at_rest"),
        ("half a cup this morning", "Any blood when you cough?", "hemoptysis", "large_amount"),
        ("all the time", "Any back pain?", "back_pain", "constant"),
    ],
)
def test_an_answer_that_describes_the_symptom_says_it_is_there(
    answer: str, question: str, concept: str, modifier: str
) -> None:
    found = [f for f in assess(answer, question).findings if f.concept == concept]
    assert found
    assert found[0].present
    assert modifier in found[0].modifiers


def test_a_described_answer_with_a_negation_is_not_a_yes() -> None:
    assert assess("not even lying down", "Any shortness of breath?").level.label == "none"


def test_the_score_said_to_be_now_is_the_one_that_stands() -> None:
    a = assess("was 2 this morning, now a 10", "How bad is any chest pain today, from 0 to 10?")
    [chest] = [f for f in a.findings if f.concept == "chest_pain"]
    assert chest.score == 10
    assert a.level.label == "emergency"


def test_pain_in_an_answer_is_the_pain_the_question_asked_about() -> None:
    a = assess("a niggle on the left when I take a deep breath, 3/10", "Any chest pain?")
    assert "chest_pain" in {f.concept for f in a.findings if f.present}
    assert a.level.label == "urgent"


def test_numbness_around_the_bottom_is_saddle_numbness_in_a_question_too() -> None:
    a = assess("a bit", "Any numbness around your bottom or between your legs?")
    assert a.level.label == "emergency"


def test_yes_to_weakness_on_one_side_of_the_body_is_one_sided_limb_weakness() -> None:
    a = assess("yes my left arm and leg", "Any weakness on one side of your body? Reply YES or NO.")
    assert "neuro-acute" in a.rules


def test_a_tiny_streak_answered_to_blood_in_the_phlegm_is_a_yes() -> None:
    a = assess("a tiny streak this am, not breathless", "Any blood in your phlegm?")
    assert "hemoptysis" in present(a)
    assert a.level.label == "urgent"


def test_not_once_to_any_vomiting_is_a_no() -> None:
    assert status_of(assess("not once", "Any vomiting today?"), "vomiting") == {"negated"}


@pytest.mark.parametrize(
    "question",
    [
        "Are you having trouble walking? Reply YES or NO.",
        "Have your legs become weak or heavy, or harder to move?",
    ],
)
def test_a_bit_tired_to_a_red_flag_question_is_tiredness_not_a_yes(question: str) -> None:
    a = assess("a bit tired", question)
    assert present(a) == {"fatigue"}
    assert a.level.label == "routine"


def test_sort_of_heavy_to_leg_weakness_is_still_a_yes() -> None:
    assert assess("sort of heavy", "Any new weakness in your legs?").level.label == "emergency"


@pytest.mark.parametrize(
    ("answer", "level"), [("a bit", "routine"), ("just a little", "routine"), ("yes", "emergency")]
)
def test_a_bit_to_more_than_a_teaspoon_is_blood_but_not_much(answer: str, level: str) -> None:
    question = "Was it more than a teaspoon of blood, or any clots? Reply YES or NO."
    assert assess(answer, question).level.label == level


def test_just_my_toes_to_numbness_in_the_legs_is_not_the_whole_leg() -> None:
    a = assess("just my toes, from the chemo", "Any numbness in your legs or between your legs?")
    assert a.level.label == "routine"


def test_using_the_walls_to_get_about_answers_trouble_walking() -> None:
    a = assess("Using the walls to get about the house today", "Any trouble walking?")
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    ("answer", "question", "level"),
    [
        ("not really but there was a streak on the tissue", "Have you coughed up any blood?", "urgent"),
        ("only when I stand up and walk about", "Is your breathing worse than usual?", "urgent"),
        ("no only on hills", "Are you short of breath when resting?", "routine"),
        ("No, it's worse", "Is your back pain better than last week?", "urgent"),
        ("only when I stand", "Have your legs become weak or heavy, or harder to move?", "emergency"),
        ("no worse", "Is your back pain worse than last week?", "routine"),
        ("no. But I've got a bit of a wheeze", "Is your breathing worse than usual?", "routine"),
        ("no, but coughing a lot today", "Have you coughed up any blood? Reply YES or NO.", "routine"),
        ("not really", "Have you coughed up any blood?", "none"),
    ],
)
def test_not_really_but_a_streak_is_a_yes(answer: str, question: str, level: str) -> None:
    assert assess(answer, question).level.label == level


@pytest.mark.parametrize(
    ("answer", "level"),
    [("more", "emergency"), ("streaks", "routine"), ("a teaspoon", "routine"), ("no", "none")],
)
def test_more_to_how_much_blood_is_a_large_amount(answer: str, level: str) -> None:
    assert assess(answer, "How much blood? (streaks, a teaspoon, more)").level.label == level
