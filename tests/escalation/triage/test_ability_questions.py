"""Questions that ask whether something goes well ("Are you managing the stairs?", "Are you
eating and drinking ok?", "Are you able to pass urine?"): a "no" says the finding is there, a
"yes" that it is not; a number or a day's routine is no answer of presence. And help to get
about told by who steadies whom, and vomiting told by every sip.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present, status_of

STAIRS = "Are you managing stairs and getting in and out of a chair?"


@pytest.mark.parametrize(
    ("text", "q", "concept"),
    [
        ("no", STAIRS, "gait_difficulty"),
        ("nope", "Can you walk normally?", "gait_difficulty"),
        ("not really", "Are you able to pass urine?", "bladder_bowel_dysfunction"),
        ("struggling", "Are you able to get up out of a chair?", "gait_difficulty"),
        ("no", "Are you eating and drinking ok?", "appetite_loss"),
    ],
)
def test_no_to_are_you_managing_the_stairs_is_the_finding(text: str, q: str, concept: str) -> None:
    assert concept in present(assess(text, q))


@pytest.mark.parametrize(
    ("text", "q", "concept"),
    [
        ("yes", STAIRS, "gait_difficulty"),
        ("yes fine thanks", "Can you walk normally?", "gait_difficulty"),
        ("yes", "Are you eating and drinking ok?", "appetite_loss"),
    ],
)
def test_yes_to_are_you_managing_the_stairs_denies_it(text: str, q: str, concept: str) -> None:
    a = assess(text, q)
    assert concept not in present(a)
    assert status_of(a, concept) == {"negated"}


def test_the_stairs_twice_a_day_is_no_score_of_two() -> None:
    assert assess("up and down the stairs twice a day, legs strong", STAIRS).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "q"),
    [("yes", "Any trouble walking?"), ("no", "Any problems with your water works (passing urine)?")],
)
def test_questions_that_ask_about_trouble_keep_their_polarity(text: str, q: str) -> None:
    a = assess(text, q)
    if text == "yes":
        assert a.level is Level.EMERGENCY
    else:
        assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my daughter has to steady me to the bathroom",
        "he needs someone to get up from the settee",
        "not great, need a hand getting up",
    ],
)
def test_someone_has_to_steady_me_to_the_loo_is_gait_difficulty(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["I help my neighbour to the car, she's 94", "need a hand to get the shopping in"],
)
def test_helping_someone_else_or_with_shopping_is_not_my_walking(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["throwing it all back up, even tea", "sick after every mouthful", "bringing everything up"],
)
def test_sick_after_every_sip_is_vomiting_without_fluids(text: str) -> None:
    a = assess(text)
    assert "vomiting" in present(a)
    assert a.level is Level.URGENT


BREATH = "How is your breathing compared with last week?"


@pytest.mark.parametrize(
    "text",
    [
        "worse. I have to stop on the landing to get my breath",
        "much worse, the stairs finish me",
        "far worse this week",
    ],
)
def test_worse_first_to_how_is_your_breathing_is_worse_breathing(text: str) -> None:
    a = assess(text, BREATH)
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize("text", ["no worse, still puffed on hills", "same as ever, no worse"])
def test_no_worse_to_how_is_your_breathing_is_not_worse(text: str) -> None:
    assert assess(text, BREATH).level is not Level.URGENT


@pytest.mark.parametrize(
    ("q", "concept"),
    [
        ("Can you feel any numbness in your legs?", "numbness"),
        ("Can you tell me if you have any chest pain?", "chest_pain"),
        ("Are you able to say if you've coughed up blood?", "hemoptysis"),
    ],
)
def test_a_can_you_question_that_names_a_symptom_keeps_its_yes(q: str, concept: str) -> None:
    assert concept in present(assess("yes", q))
