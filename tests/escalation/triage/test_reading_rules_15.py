"""Reading rules red-team set 15 needed, with near misses beside them: a quality standing alone
as a list item ("my chest, crushing") says how the site before it is; "it" in the sentence after
names the site just before; a phrase that opens with "my" is the writer's own even after
someone else is named ("husband said my arm was jerking"); "n more times" adds to the count.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present


@pytest.mark.parametrize(
    "text",
    ["my chest, crushing", "the worst bit is my chest, tight, 8"],
)
def test_a_chest_then_a_quality_alone_in_a_list_is_that_chest(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "A niggle in my chest. Actually it's unbearable.",
        "pain in my chest again. It's excruciating.",
    ],
)
def test_it_in_the_next_sentence_is_the_chest_just_named(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY
    assert "chest-pain" in a.rules


def test_my_husband_says_my_arm_was_jerking_is_mine() -> None:
    a = assess("my husband said my hand was twitching in my sleep and my arm was jerking")
    assert "seizure" in present(a)


def test_sick_three_times_and_three_more_times_is_six() -> None:
    a = assess("threw up 3 times this morning and 3 more times tonight")
    assert a.level is Level.URGENT
    assert "vomiting" in a.rules


def test_sick_twice_then_once_more_stays_routine() -> None:
    assert assess("sick twice this morning and once more since").level is Level.ROUTINE


def test_a_list_item_after_a_sentence_without_a_site_stays_loose() -> None:
    assert "chest_pain" not in present(assess("my legs, fine. crushing day at work"))


@pytest.mark.parametrize("text", ["my back, stabbing, 8", "neck, burning, since Monday"])
def test_a_quality_alone_after_a_spine_site_is_its_pain(text: str) -> None:
    a = assess(text)
    assert present(a) & {"back_pain", "neck_pain"}


def test_my_wife_has_a_cough_and_my_chest_hurts_keeps_the_cough_hers() -> None:
    a = assess("my wife has a cough and my chest hurts")
    assert "cough" not in present(a)
    assert "chest_pain" in present(a)


@pytest.mark.parametrize(
    "text",
    ["my husband says my legs are weak", "the carer noticed my leg was dragging"],
)
def test_someone_else_telling_what_my_body_does_is_mine(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


def test_sick_four_times_not_four_more_keeps_the_highest() -> None:
    a = assess("sick 2 times this morning, 4 times in all")
    assert a.level is Level.ROUTINE
