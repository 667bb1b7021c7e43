"""Modifiers qualify the finding they stand next to."""

from __future__ import annotations

import pytest

from .conftest import assess


def mods(text: str, concept: str) -> set[str]:
    a = assess(text)
    found = [f for f in a.findings if f.concept == concept and f.present]
    assert found, f"{concept} not present in {text!r}: {a.findings}"
    return set().union(*(set(f.modifiers) for f in found))


@pytest.mark.parametrize(
    ("text", "concept", "modifier"),
    [
        ("back pain came on suddenly", "back_pain", "sudden"),
        ("chest pain out of nowhere", "chest_pain", "sudden"),
        ("my back pain is there all the time", "back_pain", "constant"),
        ("back aches 24/7, never eases off", "back_pain", "constant"),
        ("unbearable back pain", "back_pain", "severe"),
        ("my back is killing me", "back_pain", "severe"),
        ("back pain 8/10", "back_pain", "severe"),
        ("my back pain is getting worse", "back_pain", "worsening"),
        ("more breathless every day", "dyspnea", "worsening"),
        ("back pain wakes me up at night", "back_pain", "night"),
        ("short of breath even sitting still", "dyspnea", "at_rest"),
        ("coughed up a cupful of blood", "hemoptysis", "large_amount"),
        ("clots of blood in my wee", "bleeding", "large_amount"),
        ("I've become short of breath, it's new for me", "dyspnea", "new"),
        ("my left leg is weak", "limb_weakness", "one_sided"),
        ("lost the sight in my right eye", "vision_change", "one_sided"),
        ("back pain worse when I sneeze", "back_pain", "on_straining"),
        ("back hurts when i cough", "back_pain", "on_straining"),
        ("temp 37.7", "fever", "low_grade"),
        ("can't keep any water down", "vomiting", "no_fluids"),
        ("nosebleed and it won't stop", "bleeding", "wont_stop"),
    ],
)
def test_modifier_is_attached(text: str, concept: str, modifier: str) -> None:
    assert modifier in mods(text, concept)


@pytest.mark.parametrize(
    ("text", "concept", "modifier"),
    [
        ("a bit out of puff on hills, no worse than before", "dyspnea", "worsening"),
        ("breathless on the stairs, same as it's been for months", "dyspnea", "worsening"),
        ("short of breath walking but fine sitting down", "dyspnea", "at_rest"),
        ("a streak of blood in my phlegm, less than a teaspoon", "hemoptysis", "large_amount"),
        ("both legs feel weak", "limb_weakness", "one_sided"),
        ("back ache after gardening", "back_pain", "severe"),
    ],
)
def test_modifier_is_not_attached_when_denied_or_absent(text: str, concept: str, modifier: str) -> None:
    assert modifier not in mods(text, concept)


def test_a_modifier_goes_to_the_nearest_finding() -> None:
    a = assess("Headache and I've vomited 7 times today")
    vomiting = next(f for f in a.findings if f.concept == "vomiting")
    headache = next(f for f in a.findings if f.concept == "headache")
    assert vomiting.count == 7
    assert headache.count is None


@pytest.mark.parametrize(
    ("text", "concept", "modifier"),
    [
        ("noticed I'm out of breath on the stairs this week, never used to be", "dyspnea", "new"),
        ("i get puffed walking to the letterbox now, last week i could do the shops", "dyspnea", "new"),
        ("Breathing was ok till Monday, now the stairs are a struggle", "dyspnea", "new"),
        ("breathing more difficult since 3 days when walking", "dyspnea", "worsening"),
        ("breath shorter than before, when I walk", "dyspnea", "worsening"),
        ("a desperate pain in me chest this last hour", "chest_pain", "sudden"),
        ("my breathing has gone really bad in the last hour", "dyspnea", "sudden"),
    ],
)
def test_breathless_on_the_stairs_never_used_to_be_is_new(text: str, concept: str, modifier: str) -> None:
    assert modifier in mods(text, concept)


def test_never_used_to_be_is_no_amount_of_blood() -> None:
    assert "large_amount" not in mods("out of breath on the stairs, never used to be", "dyspnea")


@pytest.mark.parametrize(
    ("text", "concept", "modifier"),
    [
        ("back's been sore for a week and it's worse every day, no numbness", "back_pain", "worsening"),
        ("used to get back ache before treatment. It's back, and it's constant now", "back_pain", "constant"),
        ("The chest pain went away. Came back an hour ago, crushing, worst ever", "chest_pain", "severe"),
    ],
)
def test_its_worse_points_back_to_the_finding_before_it(text: str, concept: str, modifier: str) -> None:
    assert modifier in mods(text, concept)


def test_a_quality_of_the_next_sentence_stays_when_that_sentence_names_its_own_finding() -> None:
    assert "severe" not in mods("bit of a headache. my back is killing me", "headache")


def test_a_constant_nagging_ache_after_a_sore_back_is_the_back_pain() -> None:
    assert "constant" in mods("my lower back is sore, a constant nagging ache", "back_pain")
