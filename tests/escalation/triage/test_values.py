"""Numbers and units: pain scores, temperatures in C and F, counts per day."""

from __future__ import annotations

import pytest

from .conftest import assess


def finding(text: str, concept: str, question: str | None = None):
    a = assess(text, question)
    return next(f for f in a.findings if f.concept == concept)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("back pain 8/10", 8),
        ("back pain, 7 out of 10", 7),
        ("back pain about a 6", 6),
        ("back pain like a 5 outta 10", 5),
        ("back pain 3 / 10", 3),
    ],
)
def test_pain_scores(text: str, score: int) -> None:
    f = finding(text, "back_pain")
    assert f.score == score
    assert ("severe" in f.modifiers) == (score >= 7)


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        ("temp 38.5", 38.5),
        ("temp is 101.3F", 38.5),
        ("temperature of 100.4 F", 38.0),
        ("38 degrees C", 38.0),
        ("thermometer says 39", 39.0),
        ("im on 38.5", 38.5),
        ("101f", 38.3),
        ("38,6 tonight", 38.6),
    ],
)
def test_temperatures_are_read_in_celsius(text: str, celsius: float) -> None:
    assert finding(text, "fever").value_c == celsius


@pytest.mark.parametrize("text", ["temp 37.4", "98.6F", "temp 36.8 this morning", "99.1F"])
def test_a_normal_temperature_is_no_finding(text: str) -> None:
    a = assess(text, context={"on_active_treatment": True})
    assert a.level.label == "none"
    assert not a.findings


@pytest.mark.parametrize(
    ("text", "level"),
    [("temp 37.7", "urgent"), ("temp 38.0", "emergency"), ("99.7 F", "urgent")],
)
def test_low_grade_fever_on_treatment_is_urgent_and_fever_an_emergency(text: str, level: str) -> None:
    assert assess(text, context={"on_active_treatment": True}).level.label == level


def test_low_grade_fever_off_treatment_is_routine() -> None:
    assert assess("temp 37.8 tonight", context={"on_active_treatment": False}).level.label == "routine"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("threw up 6 times today", 6),
        ("vomited twice", 2),
        ("vomitted 6x since brekkie", 6),
        ("been sick four times today", 4),
        ("runs 4x today", 4),
    ],
)
def test_counts_per_day(text: str, count: int) -> None:
    a = assess(text)
    assert max((f.count or 0) for f in a.findings) == count


def test_a_long_run_of_digits_is_harmless() -> None:
    assert assess("1" * 500 + " times").level.label == "none"


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        ("temp is a hundred and one point two", 38.4),
        ("a hundred and two degrees on the thermometer", 38.9),
        ("temperature one hundred and one", 38.3),
    ],
)
def test_temperatures_in_words_past_a_hundred_are_read(text: str, celsius: float) -> None:
    [fever] = [f for f in assess(text).findings if f.concept == "fever"]
    assert fever.value_c == celsius


def test_a_score_rates_what_came_before_it_not_a_denied_symptom_after() -> None:
    a = assess("pain in my chest, I'd say an eight, not breathless though")
    [chest] = [f for f in a.findings if f.concept == "chest_pain"]
    assert chest.score == 8
    assert a.level.label == "emergency"


@pytest.mark.parametrize(("text", "celsius"), [("thirty-eight and a half", 38.5), ("37 and a half", 37.5)])
def test_hyphens_and_halves_in_temperatures_are_read(text: str, celsius: float) -> None:
    [fever] = [f for f in assess(text, "What is your temperature today?").findings if f.concept == "fever"]
    assert fever.value_c == celsius


@pytest.mark.parametrize(
    ("text", "concept", "count"),
    [
        ("sick twice this morning", "vomiting", 2),
        ("sick six times today", "vomiting", 6),
        ("sick half a dozen times", "vomiting", 6),
        ("runs once this morning", "diarrhea", 1),
        ("had the runs four times", "diarrhea", 4),
    ],
)
def test_sick_counted_in_the_morning_is_vomiting_with_its_count(text: str, concept: str, count: int) -> None:
    assert finding(text, concept).count == count


def test_sick_six_times_in_words_is_as_urgent_as_in_digits() -> None:
    assert assess("sick six times today").level.label == "urgent"


def test_an_approximate_number_with_only_a_count_to_give_is_the_count() -> None:
    a = assess("I vomit many time today, maybe 7")
    assert finding("I vomit many time today, maybe 7", "vomiting").count == 7
    assert a.level.label == "urgent"


def test_running_twice_a_week_is_exercise_not_diarrhoea() -> None:
    assert assess("she runs twice a week").level.label == "none"


def test_seven_sick_emojis_in_a_row_are_seven_episodes() -> None:
    a = assess("🤮🤮🤮🤮🤮🤮🤮 today")
    assert {f.count for f in a.findings if f.concept == "vomiting"} == {7}
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    ("text", "score"), [("pain in my thigh bone is a 7", 7), ("my back pain is at a 3", 3)]
)
def test_pain_said_to_be_a_7_is_scored(text: str, score: int) -> None:
    assert max(f.score or 0 for f in assess(text).findings) == score


def test_a_seven_year_old_is_no_score() -> None:
    assert assess("my granddaughter is a 7 year old").level.label == "none"
