"""Red-team set 26's classes: the urgent tier's thresholds said the way people text them.
Pain scores firmed up ("a solid 8"), given as halves ("7.5/10", "seven and a half"), after
an opinion ("I'd say 7"), or before the site they rate ("8/10 in my hip"); none of a thing
said as "zero"; a pressure on the chest told by its heaviness or a band across it; thirst
told by drinking that never stops, and weeing told "constantly" first; a carer's "confused
about who I am"; with the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present, status_of


@pytest.mark.parametrize(
    "text",
    [
        "my knee is a solid 8 today",
        "the ache in my shoulder is a good 7",
        "hip pain is 7.5/10",
        "thigh pain about seven and a half",
        "shoulder aching since monday, i'd say 8",
        "sore hip, I reckon 7 maybe 8",
    ],
)
def test_a_score_said_firmly_as_a_half_or_as_an_opinion_is_the_score(text: str) -> None:
    a = assess(text)
    assert "pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my knee is a solid 4 today",
        "hip pain is 5.5/10",
        "shoulder aching since monday, i'd say 3",
        "slept a good 8 hours, knee a bit sore",
    ],
)
def test_a_low_score_or_hours_said_firmly_stay_below_the_threshold(text: str) -> None:
    assert assess(text).level in (Level.ROUTINE, Level.NONE)


def test_a_temperature_with_a_half_stays_a_temperature_not_a_score() -> None:
    a = assess("temp is 37.5 this morning")
    assert a.level is not Level.URGENT


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("8/10 in my hip this morning", "pain"),
        ("seven out of ten for my neck today", "neck_pain"),
        ("9 out of 10 on the lower back", "back_pain"),
    ],
)
def test_a_score_before_the_site_it_rates_is_pain_there(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize("text", ["feeling 8 out of 10 today", "8/10 for my mood", "slept 8 hours in my bed"])
def test_a_score_with_no_site_after_it_rates_no_pain(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "concept"), [("zero pain this morning", "pain"), ("nil nausea since the new tablets", "nausea")]
)
def test_zero_of_a_symptom_is_none_of_it(text: str, concept: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"negated"}
    assert a.level is Level.NONE


def test_zero_appetite_is_still_no_appetite() -> None:
    assert "appetite_loss" in present(assess("zero appetite the last few days"))


def test_a_temperature_of_point_zero_is_still_read() -> None:
    assert assess("temp 38 point zero").level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "heaviness in my chest since this morning",
        "chest heaviness after lunch",
        "a heaviness across his chest when he walks",
        "a heavy pressure behind my breastbone",
        "tight strap across my chest all afternoon",
    ],
)
def test_a_pressure_on_the_chest_told_by_weight_or_a_band_across_it_is_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level in (Level.URGENT, Level.EMERGENCY)


def test_a_band_across_the_chest_with_breathlessness_is_an_emergency() -> None:
    a = assess("band across my chest and breathless going up the stairs")
    assert {"chest_pain", "dyspnea"} <= present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("a tight band round my chest", "back_pain"),
        ("tight band across my tummy", "back_pain"),
        ("heaviness in my legs", "limb_weakness"),
    ],
)
def test_a_band_round_the_trunk_and_heavy_legs_stay_what_they_were(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert "chest_pain" not in present(a)


def test_a_weight_on_the_mind_is_no_chest_pain() -> None:
    assert assess("a weight on my mind about the scan").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "dad is drinking squash non stop and constipated",
        "she's downing glass after glass of water and hasn't been for a poo in days",
        "he's dying for a drink all the time and bunged up",
    ],
)
def test_drinking_that_never_stops_is_thirst(text: str) -> None:
    a = assess(text)
    assert {"thirst", "constipation"} <= present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text", ["gasping for a cuppa", "drinking water all day like you said", "drinking a glass of water"]
)
def test_a_want_of_tea_or_drinking_as_told_is_no_thirst(text: str) -> None:
    assert "thirst" not in present(assess(text))


def test_gasping_for_breath_all_day_stays_breathlessness() -> None:
    a = assess("gasping for breath all day")
    assert "dyspnea" in present(a)
    assert "thirst" not in present(a)


@pytest.mark.parametrize(
    "text", ["always weeing and so thirsty", "she's forever peeing and thirsty all the time"]
)
def test_weeing_told_constantly_first_is_passing_water_often(text: str) -> None:
    a = assess(text)
    assert {"polyuria", "thirst"} <= present(a)


@pytest.mark.parametrize(
    "text",
    [
        "mum is muddled about what day it is",
        "he's confused about where he is this evening",
        "she's mixed up about who we are",
    ],
)
def test_confused_about_who_or_where_one_is_is_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["im confused about my appointment times", "bit confused about who to call"])
def test_confused_about_the_care_is_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text))


def test_like_there_is_a_brick_on_the_chest_is_an_image_of_severity() -> None:
    a = assess("feels like there's a brick on my chest")
    assert "chest-pain" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "weight down 2 kilos since my last visit",
        "i'm down half a stone since chemo",
        "his weight has gone down by 4 kg",
    ],
)
def test_the_weight_going_down_by_a_measure_is_weight_loss(text: str) -> None:
    assert "weight_loss" in present(assess(text))


@pytest.mark.parametrize("text", ["weight down to normal now", "down 3 points in the quiz"])
def test_down_to_a_level_or_down_in_a_game_is_no_weight_loss(text: str) -> None:
    assert "weight_loss" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "puffed out on the stairs, never been like this before",
        "my breath dey short when i climb, e never be like this before",
    ],
)
def test_never_been_like_this_before_makes_breathlessness_new(text: str) -> None:
    a = assess(text)
    assert "dyspnea-new" in a.rules


def test_never_felt_it_so_bad_makes_a_back_pain_worse() -> None:
    assert "spinal-pain-flags" in assess("lower back aching, never felt it so bad").rules


@pytest.mark.parametrize(
    "text", ["back pain not been as bad today", "never been better before the chemo, no pain"]
)
def test_not_as_bad_or_never_better_is_no_worsening(text: str) -> None:
    assert assess(text).level in (Level.ROUTINE, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "practically camped on the loo since breakfast",
        "never off the loo today, watery",
        "basically living on the bog",
    ],
)
def test_time_spent_on_the_toilet_is_diarrhoea(text: str) -> None:
    assert "diarrhea" in present(assess(text))


def test_living_on_the_toilet_with_a_count_past_the_threshold_is_urgent() -> None:
    assert assess("living on the toilet with it, lost count").level is Level.URGENT


@pytest.mark.parametrize("text", ["living on the loo for a wee every hour", "never off the toilet, weeing"])
def test_time_on_the_toilet_for_a_wee_is_the_water_not_the_bowels(text: str) -> None:
    a = assess(text)
    assert "polyuria" in present(a)
    assert "diarrhea" not in present(a)


def test_glued_to_a_catalogue_of_toilet_seats_is_nothing() -> None:
    assert "diarrhea" not in present(assess("glued to the toilet seat cover catalogue"))


@pytest.mark.parametrize(
    "text",
    ["pain in my thigh is 8", "the ache in his hip was 9 last night", "pain in my thigh is seven and a half"],
)
def test_a_bare_number_after_a_pain_and_its_copula_is_its_score(text: str) -> None:
    a = assess(text)
    assert "pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "the pain in my hip is 3 days old",
        "pain in my leg is 2 weeks now",
        "the pain in my hip is 8 hours a day",
        "my thigh is 8",
    ],
)
def test_a_number_with_its_unit_after_a_pain_is_no_score(text: str) -> None:
    assert assess(text).level in (Level.ROUTINE, Level.NONE)
