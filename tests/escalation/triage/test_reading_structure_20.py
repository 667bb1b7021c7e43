"""Reading structure (round 20): hyphenated compounds read as their words, and answers that
point back to the question's subject with a pronoun or say only how it is.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not any development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level, default_engine

from .conftest import assess, present

# -- hyphenated compounds ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("been short-of-breath all day just sitting on the sofa", "dyspnea"),
        ("sharp mid-back ache since Tuesday", "back_pain"),
        ("pins-and-needles all through my fingers", "numbness"),
        ("my eyes have gone blurry-ish tonight", "vision_change"),
        ("a three-day headache that won't shift", "headache"),
    ],
)
def test_a_hyphenated_compound_reads_as_its_words(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_left_sided_weakness_is_one_sided() -> None:
    a = assess("my arm has a new right-sided weakness")
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("back pain 7-8/10 since this morning", Level.URGENT),
        ("loose stools 2-3 times today", Level.ROUTINE),
        ("sore throat - worse today", Level.ROUTINE),
    ],
)
def test_numbers_ranges_and_spaced_dashes_keep_their_reading(text: str, level: Level) -> None:
    assert assess(text).level is level


def test_a_hyphenated_drug_name_is_no_symptom() -> None:
    assert assess("took my anti-sickness tablets and feeling fine now").level is Level.NONE


# -- "or" in a question asks about both -----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Any weakness or numbness in your legs?",
        "Do your legs feel weak or numb?",
        "¿Siente las piernas débiles o dormidas?",
    ],
)
def test_a_question_with_or_asks_about_both_qualities(question: str) -> None:
    engine = default_engine("es" if question.startswith("¿") else "en")
    asked = engine.question(question).concepts
    assert "limb_weakness" in asked
    assert "numbness" in asked


# -- answers that say only how the asked site is ---------------------------------------------


@pytest.mark.parametrize(
    ("answer", "concept"),
    [
        ("se me duermen a ratos", "numbness"),
        ("las noto pesadas", "limb_weakness"),
        ("no las siento", "numbness"),
    ],
)
def test_a_spanish_answer_saying_only_how_the_legs_are_is_about_the_legs(answer: str, concept: str) -> None:
    a = default_engine("es").assess(answer, "¿Siente las piernas débiles o dormidas?")
    assert concept in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "answer",
    ["hardly feel them at all", "can't really feel them", "they feel like lead"],
)
def test_an_english_answer_that_points_back_to_the_legs_is_about_the_legs(answer: str) -> None:
    a = assess(answer, "Any weakness or numbness in your legs?")
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("answer", "question"),
    [
        ("no, las siento bien", "¿Siente las piernas débiles o dormidas?"),
        ("¿y si se me duermen?", "¿Siente las piernas débiles o dormidas?"),
        ("qué hago en caso de que se me duerman", "¿Siente las piernas débiles o dormidas?"),
    ],
)
def test_a_denied_or_hypothetical_answer_about_the_legs_is_no_finding(answer: str, question: str) -> None:
    a = default_engine("es").assess(answer, question)
    assert not present(a)


def test_my_toes_are_tingly_to_a_legs_question_stays_routine() -> None:
    a = assess("just my toes are tingly from the chemo", "Any numbness in your legs?")
    assert a.level is Level.ROUTINE


# -- an object pronoun after the quality stands for the site named before ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "both my legs went strange at lunch and now I can't feel them",
        "his legs are so cold, he can't feel them",
        "my legs, honestly can't feel them",
    ],
)
def test_cant_feel_them_after_the_legs_is_numb_legs(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level is Level.EMERGENCY


def test_cant_feel_them_after_the_fingers_stays_routine() -> None:
    a = assess("my fingers are freezing, can't feel them")
    assert a.level is Level.ROUTINE


def test_cant_feel_it_after_back_pain_is_no_numbness() -> None:
    a = assess("my back aches but I can't feel it when I lie flat")
    assert "numbness" not in present(a)


# -- half of the asked sight, and sight said to blur in other words ------------------------------


@pytest.mark.parametrize(
    ("answer", "question"),
    [
        ("half of it's gone black since breakfast", "Any changes in your sight?"),
        ("the right half of it looks dim", "Has your vision changed?"),
        ("it goes misty but only on one side", "Any changes in your eyesight?"),
    ],
)
def test_half_of_the_sight_asked_about_is_one_sided_vision_loss(answer: str, question: str) -> None:
    a = assess(answer, question)
    assert "vision_change" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["my eyesight's gone a bit hazy today", "vision is foggy this evening"])
def test_hazy_or_foggy_sight_is_a_vision_change(text: str) -> None:
    a = assess(text)
    assert "vision_change" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text", ["I only managed half of it, the rest went in the bin", "a misty walk by the river"]
)
def test_half_of_a_meal_or_a_misty_morning_is_no_finding(text: str) -> None:
    assert assess(text).level is Level.NONE


# -- a bare quality takes what the asked site gives it --------------------------------------------


@pytest.mark.parametrize("answer", ["they've gone dead on me", "both gone dead", "numb as anything"])
def test_dead_or_numb_to_a_legs_question_is_loss_of_feeling_in_the_legs(answer: str) -> None:
    a = assess(answer, "Any numbness in your legs?")
    assert "numbness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("answer", "question"),
    [("numb", "Any numbness in your feet?"), ("a little tingly", "Any numbness in your legs?")],
)
def test_numb_feet_or_tingly_legs_stay_routine(answer: str, question: str) -> None:
    assert assess(answer, question).level is Level.ROUTINE


# -- Spanish: the sight a question names, and sight said to cloud or darken ----------------------


@pytest.mark.parametrize("answer", ["sí, la tengo borrosa", "se me nubla a ratos", "se me pone toda oscura"])
def test_a_spanish_answer_about_the_asked_sight_is_a_vision_change(answer: str) -> None:
    a = default_engine("es").assess(answer, "¿Ha notado algún cambio en la vista?")
    assert "vision_change" in present(a)


@pytest.mark.parametrize("text", ["el cielo se nubla por la tarde", "no, la veo igual que siempre"])
def test_a_cloudy_sky_or_a_denial_is_no_vision_change(text: str) -> None:
    a = default_engine("es").assess(
        text, "¿Ha notado algún cambio en la vista?" if text.startswith("no") else None
    )
    assert "vision_change" not in present(a)


# -- all but unable to move a limb named before ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("both legs feel odd and I can barely move them", None),
        ("his legs, he could hardly move them this morning", None),
        ("can only just lift them off the bed", "Any weakness in your legs?"),
    ],
)
def test_barely_able_to_move_the_legs_is_leg_weakness(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_stiff_neck_barely_moving_is_no_leg_weakness() -> None:
    a = assess("neck's stiff today, can barely move it")
    assert "limb_weakness" not in present(a)
