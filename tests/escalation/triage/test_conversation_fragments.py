"""Fragments of a conversation read right: amounts in answers, everyday words that are not
symptoms (a bus that runs, a pet's cough), and signs told in images or without their verb."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import Level, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import assess, present, status_of

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOW_MUCH = "How much blood is there: streaks, a teaspoon, or more?"


def _read(*texts: str | tuple[str, str], context: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    messages = []
    for i, item in enumerate(texts):
        text, question = item if isinstance(item, tuple) else (item, None)
        messages.append(Message(text, T0 + timedelta(minutes=5 * i), question))
    return ConversationReader(default_engine()).read(messages, context).assessment


@pytest.mark.parametrize(
    "answer", ["just a few streaks", "only a couple of spots", "a few little specks on the tissue"]
)
def test_a_few_streaks_to_how_much_blood_is_a_small_amount(answer: str) -> None:
    a = assess(answer, HOW_MUCH)
    assert "bleeding" in present(a)
    assert all("large_amount" not in f.modifiers for f in a.findings)
    assert a.level < Level.EMERGENCY


@pytest.mark.parametrize("answer", ["a lot more than a few streaks", "more than a teaspoon", "a few clots"])
def test_a_large_amount_said_beside_a_few_stays_large(answer: str) -> None:
    assert assess(answer, HOW_MUCH).level == Level.EMERGENCY


def test_a_few_streaks_after_coughing_blood_is_urgent_not_an_emergency() -> None:
    a = _read("some blood when I coughed this morning", ("just a couple of streaks", HOW_MUCH))
    assert a.level == Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "theres a shuttle that runs every 20 minutes to the hospital",
        "the train just runs twice a day from our station",
        "our bus only runs once an hour on a sunday",
        "the minibus now only runs three times a week",
    ],
)
def test_a_bus_or_train_that_runs_is_a_timetable_not_diarrhoea(text: str) -> None:
    assert "diarrhea" not in present(assess(text))


@pytest.mark.parametrize("text", ["had the runs twice today", "the runs 5 times since breakfast", "runs twice so far"])
def test_the_runs_counted_is_still_diarrhoea(text: str) -> None:
    assert "diarrhea" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "the longest walk ive done in weeks",
        "most gardening i have done in months",
        "best bit of painting shes done in years",
    ],
)
def test_done_in_a_length_of_time_is_something_done_not_worn_out(text: str) -> None:
    assert "fatigue" not in present(assess(text))


@pytest.mark.parametrize("text", ["im totally done in", "feel done in this week", "done in after the chemo"])
def test_done_in_on_its_own_is_still_worn_out(text: str) -> None:
    assert "fatigue" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["the puppy's got kennel cough", "vet says its kennel cough", "both cats have cat flu"]
)
def test_a_pets_illness_is_not_the_patients(text: str) -> None:
    assert assess(text).level == Level.NONE


def test_coughing_taken_back_as_the_dogs_kennel_cough_is_nothing() -> None:
    a = _read("up coughing half the night", "oops, i meant the dog, kennel cough the vet thinks. im ok")
    assert a.level == Level.NONE


@pytest.mark.parametrize("text", ["my cough sounds like kennel cough", "ive got a barking cough like kennel cough"])
def test_a_cough_likened_to_kennel_cough_is_still_a_cough(text: str) -> None:
    assert "cough" in present(assess(text))
