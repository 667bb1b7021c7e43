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


@pytest.mark.parametrize(
    "text", ["had the runs twice today", "the runs 5 times since breakfast", "runs twice so far"]
)
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
    "text", ["arms not responding this morning", "my legs just not obeying me", "feet not listening today"]
)
def test_limbs_not_listening_without_a_verb_are_weak(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize("text", ["the grandkids not listening to me", "my husband not listening again"])
def test_people_not_listening_are_no_weakness(text: str) -> None:
    assert assess(text).level == Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "feels like an elephant is sitting on me",
        "an elephant standing on me since lunch",
        "like an elephant sat on it",
    ],
)
def test_an_elephant_sitting_on_me_is_severe_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "saw an elephant at the safari park",
        "the elephant at the zoo sat on its keeper",
        "elephant ornament on the shelf",
    ],
)
def test_an_elephant_elsewhere_is_nothing(text: str) -> None:
    assert assess(text).level == Level.NONE


def test_an_elephant_on_it_after_an_odd_chest_is_an_emergency() -> None:
    a = _read("funny feeling in my chest", "like an elephant is standing on it, started suddenly")
    assert a.level == Level.EMERGENCY
    assert "chest-pain" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "mum keeps asking where she is",
        "he kept asking us where he was",
        "she keeps on asking where she is at home",
    ],
)
def test_asking_again_and_again_where_one_is_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context={"writer": "carer"}))


@pytest.mark.parametrize(
    "text",
    [
        "my son keeps asking where his dad is",
        "the nurse asked where he is",
        "keeps asking where the car keys are",
    ],
)
def test_asking_where_someone_else_is_is_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text))


def test_a_carer_telling_he_keeps_asking_where_he_is_raises_a_fever_to_an_emergency() -> None:
    a = _read("Dad's temp is 37.8 this morning", "he keeps asking where he is, in his own kitchen")
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("diarrhoea sorted thanks to the loperamide", "diarrhea"),
        ("cough finally sorted", "cough"),
        ("constipation has been sorted", "constipation"),
    ],
)
def test_a_symptom_sorted_is_resolved(text: str, concept: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"resolved"}
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    "text",
    ["can you get my back pain sorted", "need this cough sorted with antibiotics", "pain not sorted yet"],
)
def test_a_symptom_to_be_sorted_is_still_there(text: str) -> None:
    assert assess(text).level >= Level.ROUTINE


@pytest.mark.parametrize(
    "text", ["the puppy's got kennel cough", "vet says its kennel cough", "both cats have cat flu"]
)
def test_a_pets_illness_is_not_the_patients(text: str) -> None:
    assert assess(text).level == Level.NONE


def test_coughing_taken_back_as_the_dogs_kennel_cough_is_nothing() -> None:
    a = _read("up coughing half the night", "oops, i meant the dog, kennel cough the vet thinks. im ok")
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    "text", ["my cough sounds like kennel cough", "ive got a barking cough like kennel cough"]
)
def test_a_cough_likened_to_kennel_cough_is_still_a_cough(text: str) -> None:
    assert "cough" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "our hens have been coughing all week",
        "the cows are coughing, vet coming",
        "heard about coughing chickens on the radio",
    ],
)
def test_farm_animals_coughing_are_not_the_patient(text: str) -> None:
    assert assess(text).level == Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "the chicken was off, been vomiting since",
        "ive been coughing chicken soup didnt help",
        "been coughing dog walk was hard",
        "my calf is swollen and hot",
    ],
)
def test_a_meal_a_walk_or_a_calf_beside_a_symptom_leave_it_the_patients(text: str) -> None:
    assert assess(text).level >= Level.ROUTINE


def test_farm_animals_on_the_radio_then_a_laugh_is_nothing() -> None:
    assert (
        _read("news on about bird flu, coughing hens everywhere", "cheered me up anyway").level == Level.NONE
    )


@pytest.mark.parametrize(
    "text",
    [
        "looking after my granddaughter today, she's got a temperature of 38.6",
        "babysitting my grandson, he's been sick all day",
        "minding my neighbours boy, he has a bad cough",
    ],
)
def test_a_child_in_the_writers_charge_is_someone_else(text: str) -> None:
    assert assess(text).level == Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "looking after my grandson today, ive got a temperature of 38.6",
        "after my husband left i had chest pain",
        "babysitting my grandson and my legs went weak",
    ],
)
def test_the_writers_own_symptom_beside_a_child_in_their_charge_is_theirs(text: str) -> None:
    assert assess(text).level >= Level.URGENT


def test_a_husband_looked_after_is_the_patient_when_his_carer_writes() -> None:
    a = assess("looking after my husband, he's got a temperature of 38.6", context={"writer": "carer"})
    assert "fever" in present(a)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("something up with my legs", "they feel like lead"),
        ("legs again this morning", "both feel like jelly"),
        ("my arms this morning", "they just feel like lead"),
    ],
)
def test_a_pronoun_after_limbs_named_alone_makes_their_heaviness_weakness(before: str, after: str) -> None:
    a = _read(before, after)
    assert a.level == Level.EMERGENCY
    assert "limb_weakness" in {f.concept for f in a.present}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("took the grandkids to the park", "they wore me out, i feel like lead"),
        ("had the grandkids all day", "they feel like lead weights to carry"),
        ("lovely walk with my sister", "i feel like lead now"),
    ],
)
def test_heaviness_after_no_limb_named_stays_tiredness(before: str, after: str) -> None:
    assert _read(before, after).level < Level.URGENT
