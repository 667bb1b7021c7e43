"""Red-team set 20's classes: a bladder that will not empty told by an attempt timed from a
meal or an hour, a voice roughened in plain words ("gravelly", "rough"), appetite lost told
as not fancying food, and the "thunderclap" headache; with the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present


@pytest.mark.parametrize(
    "text",
    [
        "been trying to pee since lunch and nothing happens",
        "trying to wee since this morning but only a dribble",
        "he's been trying to pass water since 6 and not a drop",
    ],
)
def test_an_attempt_to_pee_timed_from_a_meal_that_brings_nothing_is_retention(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "been trying to eat since lunch but nothing appeals",
        "been weeing fine since this morning",
    ],
)
def test_an_attempt_at_something_else_or_a_normal_wee_is_not_retention(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my voice is all gravelly today",
        "voice has gone rough since the weekend",
        "his voice sounds really scratchy",
    ],
)
def test_a_voice_gone_rough_is_hoarseness(text: str) -> None:
    assert "hoarseness" in present(assess(text))


def test_a_rough_road_is_not_hoarseness() -> None:
    assert assess("the road to the hospital is rough").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["not fancying my dinner lately", "don't fancy any food at all", "she never fancies her tea now"],
)
def test_not_fancying_food_is_appetite_loss(text: str) -> None:
    assert "appetite_loss" in present(assess(text))


def test_not_fancying_an_outing_is_not_appetite_loss() -> None:
    assert assess("I don't fancy going out in this rain").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "had a thunderclap headache an hour ago",
        "woke with a thunderclap in my head",
        "felt like a thunderclap inside my skull",
    ],
)
def test_a_thunderclap_in_the_head_is_a_sudden_headache(text: str) -> None:
    a = assess(text)
    assert "headache" in present(a)
    assert a.level is Level.URGENT


def test_a_thunderclap_in_the_sky_is_not_a_headache() -> None:
    assert "headache" not in present(assess("a huge thunderclap outside made the cat hide"))


@pytest.mark.parametrize(
    "text",
    [
        "specks of blood when I hawk up first thing",
        "a bit of red in my phlegm today",
        "some red in the sputum again",
    ],
)
def test_blood_hawked_up_or_red_in_the_phlegm_is_hemoptysis(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level is Level.URGENT


def test_red_in_the_sky_is_not_blood() -> None:
    assert assess("lovely bit of red in the sky tonight").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "a bit short of wind on the hill",
        "my breathing feels tight today",
        "his breath has gone all tight",
    ],
)
def test_short_of_wind_or_a_tight_breathing_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_a_tight_chest_with_short_wind_is_an_emergency() -> None:
    assert assess("chest feels tight and I'm short of wind").level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["my shoes feel tight", "the wind is short and sharp today"])
def test_tight_clothes_or_a_windy_day_are_not_dyspnea(text: str) -> None:
    assert "dyspnea" not in present(assess(text))
