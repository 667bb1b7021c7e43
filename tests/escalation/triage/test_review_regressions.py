"""Two regressions a review found, with what each change was made for and their near misses:
a "yesterday" said anywhere in a message dated its counts to the day before (so "another 4
since. I was fine yesterday" stopped adding to the morning's 4); and a carer who says who
she is and that someone else is not the patient had every finding of the message given to
that someone, the patient's own emergency too.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vigil.escalation.triage import Level, engines
from vigil.escalation.triage.conversation import Message

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


def _conversation(language: str, *turns: tuple[int, str]) -> Level:
    """Messages at the minutes given after T0 (all of one day unless the minutes say not)."""
    messages = [Message(text, T0 + timedelta(minutes=m), None, None) for m, text in turns]
    return engines.read_conversation(messages, None, language).assessment.level


def _level(text: str, language: str) -> Level:
    return engines.assess(text, None, None, language=language).level


def _other_level(text: str, language: str) -> Level | None:
    return engines.assess(text, None, None, language=language).other_person_level


# -- a "yesterday" dates only the count it is said of ---------------------------------------------


def test_a_yesterday_said_of_something_else_does_not_stop_todays_counts_adding_up() -> None:
    assert (
        _conversation(
            "en", (0, "vomited 4 times this morning"), (360, "another 4 times since. I was fine yesterday")
        )
        == Level.URGENT
    )
    assert (
        _conversation(
            "en", (0, "diarrhoea 5 times this morning"), (360, "5 more times since, yesterday i was ok")
        )
        == Level.URGENT
    )


def test_a_yesterday_in_another_clause_of_the_same_sentence_dates_nothing() -> None:
    assert (
        _conversation(
            "en",
            (0, "vomited 4 times this morning"),
            (360, "yesterday i was fine but ive vomited 4 more times since"),
        )
        == Level.URGENT
    )
    assert (
        _conversation(
            "en",
            (0, "vomited 4 times this morning"),
            (360, "vomited another 4 times, felt fine yesterday though"),
        )
        == Level.URGENT
    )


def test_counts_of_yesterday_and_of_today_still_do_not_add_up() -> None:
    assert _conversation("en", (0, "sick 3 times yesterday"), (300, "another 3 today")) == Level.ROUTINE
    assert _conversation("en", (0, "been sick 4 times yesterday"), (300, "another 3 today")) == Level.ROUTINE


def test_a_count_of_today_said_with_a_yesterday_of_its_own_elsewhere_is_still_today() -> None:
    assert (
        _conversation(
            "en",
            (0, "vomited 4 times yesterday"),
            (360, "been sick 4 more times today, none yesterday evening"),
        )
        == Level.ROUTINE
    )


def test_counts_both_dated_to_yesterday_add_up_to_that_day() -> None:
    assert (
        _conversation(
            "en", (0, "sick 3 times yesterday"), (60, "and 3 more yesterday evening, forgot to say")
        )
        == Level.URGENT
    )
    assert (
        _conversation(
            "en", (0, "vomited 3 times yesterday"), (360, "yesterday, sick 3 more times, forgot to say")
        )
        == Level.URGENT
    )


def test_counts_of_the_same_morning_with_no_yesterday_still_add_up() -> None:
    assert (
        _conversation("en", (0, "sick 3 times this morning"), (300, "another 3 since lunch")) == Level.URGENT
    )


def test_a_spanish_ayer_said_of_something_else_does_not_stop_counts_adding_up() -> None:
    assert (
        _conversation(
            "es", (0, "vomité 4 veces esta mañana"), (360, "otras 4 veces desde entonces. ayer estaba bien")
        )
        == Level.URGENT
    )
    assert (
        _conversation(
            "es", (0, "diarrea 5 veces esta mañana"), (360, "5 veces más desde entonces, ayer estaba bien")
        )
        == Level.URGENT
    )


# -- "not your patient" takes only the part of the one it names ---------------------------------------


def test_a_carer_who_sets_a_driver_apart_still_tells_of_the_patients_emergency() -> None:
    assert (
        _level(
            "this is ana, teresas daughter. mum cant breathe. my uncle who is not your patient is driving us",
            "en",
        )
        == Level.EMERGENCY
    )
    assert (
        _level(
            "soy la hija de teresa. mi mama no puede respirar, "
            "mi tio que no es paciente de ustedes la esta llevando",
            "es",
        )
        == Level.EMERGENCY
    )


def test_the_one_set_apart_named_first_leaves_the_patients_finding_after_it_the_patients() -> None:
    assert (
        _level(
            "this is ana, teresas daughter. my uncle who is not your patient is driving us. mum cant breathe",
            "en",
        )
        == Level.EMERGENCY
    )
    assert (
        _level(
            "soy la hija de teresa. mi tio que no es paciente de ustedes nos esta llevando. "
            "mi mama no puede respirar",
            "es",
        )
        == Level.EMERGENCY
    )


def test_a_patients_finding_after_the_one_set_apart_in_the_same_sentence_stays_the_patients() -> None:
    text = (
        "soy la hija de teresa. mi tío, que no es paciente de ustedes, está tosiendo sangre "
        "y mi mamá tiene fiebre de 39"
    )
    assert _level(text, "es") == Level.URGENT


def test_what_a_carer_tells_of_a_relative_who_is_not_the_patient_is_still_the_relatives() -> None:
    text = (
        "Soy la hija de Teresa. Mi mamá está bien. Le escribo porque mi tío, que no es paciente de ustedes, "
        "está tosiendo sangre, ¿a dónde lo llevo?"
    )
    assert _level(text, "es") == Level.NONE
    assert _other_level(text, "es") is not None
    english = (
        "this is ana, teresas daughter. mum is fine. my uncle, who is not your patient, "
        "is coughing up blood, where do i take him?"
    )
    assert _level(english, "en") == Level.NONE


def test_a_relative_set_apart_after_the_finding_keeps_it() -> None:
    assert (
        _level("soy la hija de teresa. mi tío está tosiendo sangre, no es paciente de ustedes", "es")
        == Level.NONE
    )
    assert _level(
        "this is ana, teresas daughter. my uncle is coughing up blood, he is not your patient", "en"
    ) == (Level.NONE)


def test_a_not_your_patient_said_on_its_own_takes_the_relative_not_mum_named_bare() -> None:
    assert (
        _level(
            "this is ana, teresas daughter. my uncle is driving us. mum cant breathe. he is not your patient",
            "en",
        )
        == Level.EMERGENCY
    )
    assert (
        _level(
            "soy la hija de teresa. mi tío nos está llevando. mi mamá no puede respirar. "
            "él no es paciente de ustedes",
            "es",
        )
        == Level.EMERGENCY
    )
    assert _level(
        "this is ana, teresas daughter. my uncle is coughing up blood. he is not your patient", "en"
    ) == (Level.NONE)
    assert (
        _level("soy la hija de teresa. mi tío está tosiendo sangre. no es paciente de ustedes", "es")
        == Level.NONE
    )
