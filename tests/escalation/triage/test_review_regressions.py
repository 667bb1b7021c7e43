"""Regressions a review found, with what each change was made for and their near misses:
a "yesterday" said anywhere in a message dated its counts to the day before (so "another 4
since. I was fine yesterday" stopped adding to the morning's 4).
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
