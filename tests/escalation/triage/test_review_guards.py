"""Guards a review found missing on classes added this session: a bare "No." keeps its own
sentence, a number is a year only when it can be one, and affairs put in order read as the
class they claim."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import engines


def _assess(text: str):  # type: ignore[no-untyped-def]
    return engines.assess(text, None, None, "en")


@pytest.mark.parametrize("text", ["Yes. No. Blood. Everywhere.", "I fell. No. Blood. Lots."])
def test_a_bare_no_in_a_run_of_one_word_sentences_denies_nothing_after_it(text: str) -> None:
    assert ("bleeding", "present") in [(f.concept, f.status) for f in _assess(text).findings]


def test_a_bare_yes_or_no_keeps_its_sentence_but_the_staccato_around_it_is_still_read() -> None:
    statuses = [(f.concept, f.status) for f in _assess("Fever. No. Cough. Yes.").findings]
    assert ("cough", "present") in statuses
    assert _assess("cant. get. air.").level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    ["the nurse said it was 7 so fine", "sure its 10 past", "she thought it was 5 so took her tablets"],
)
def test_a_number_that_cannot_be_a_year_is_no_living_in_another_time(text: str) -> None:
    assert _assess(text).level.label == "none"


@pytest.mark.parametrize("text", ["mum thought it was 1985 this morning", "he thinks its 1962"])
def test_a_year_someone_lives_in_is_confusion(text: str) -> None:
    assert "confusion" in {f.concept for f in _assess(text).findings if f.present}


@pytest.mark.parametrize(
    "text", ["my ankles have gone massive", "my legs are huge today", "my ankles look massive"]
)
def test_a_part_grown_big_is_swelling(text: str) -> None:
    assert "leg_swelling" in {f.concept for f in _assess(text).findings if f.present}


@pytest.mark.parametrize(
    "text",
    [
        "I've been giving my things away as I won't need them",
        "gave all my books away, I won't need them",
        "the rope is ready",
        "rope's tied up",
    ],
)
def test_affairs_put_in_order_or_a_means_made_ready_is_self_harm(text: str) -> None:
    assert _assess(text).level.label == "emergency"


@pytest.mark.parametrize(
    "text", ["the rope's in the garage", "rope is ready for the tent", "giving my old clothes away"]
)
def test_a_rope_kept_or_things_given_away_alone_are_not_self_harm(text: str) -> None:
    assert "self_harm" not in {f.concept for f in _assess(text).findings if f.present}


def _pooled(first: str, then: str) -> list[tuple[str, str]]:
    from datetime import datetime, timedelta

    from vigil.escalation.triage.conversation import ConversationReader, Message

    start = datetime(2026, 1, 1)
    reader = ConversationReader(engines.default_engine("en"))
    window = [Message(first, start), Message(then, start + timedelta(minutes=2))]
    return [(f.concept, f.status) for f in reader.read(window).assessment.findings]


@pytest.mark.parametrize(
    ("first", "then", "stays"),
    [
        ("crushing chest pain, sweaty, left arm numb", "autocorrect sorry, left arm is numb", "chest_pain"),
        ("severe headache and my neck is stiff", "autocorrect!! my neck is VERY stiff", "headache"),
    ],
)
def test_a_mistyped_correction_that_says_one_finding_again_keeps_the_others(
    first: str, then: str, stays: str
) -> None:
    assert (stays, "present") in _pooled(first, then)


def test_a_mistyped_correction_still_puts_the_finding_it_names_in_place_of_the_old_one() -> None:
    statuses = _pooled("can't feel my legs", "autocorrect, meant my fingertips are numb")
    assert ("numbness", "negated") in statuses
