"""Counts are per day: "sick 3 times yesterday and another 3 today" is three a day, not six,
in one message or across two, in English and in Spanish; "4 times yesterday and 7 today" is
seven today."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import default_engine, engines
from vigil.escalation.triage.conversation import Message

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)


def count(text: str, language: str, concept: str) -> int | None:
    a = default_engine(language).assess(text, None, None)
    return max((f.count or 0 for f in a.findings if f.concept == concept), default=None)


@pytest.mark.parametrize(
    ("text", "language", "concept", "expected"),
    [
        ("threw up 3 times yesterday and another 3 today", "en", "vomiting", 3),
        ("vomité 3 veces ayer y otras 3 hoy", "es", "vomiting", 3),
        ("diarrhoea 4 times yesterday and 7 today", "en", "diarrhea", 7),
        ("sick 3 times this morning and another 4 since lunch", "en", "vomiting", 7),
        ("the runs 4 times this morning and 3 this afternoon", "en", "diarrhea", 7),
        ("diarrea 4 veces ayer y 7 hoy", "es", "diarrhea", 7),
        ("vomited 4 times since yesterday and 3 more this morning", "en", "vomiting", 7),
        ("sick 3 times this morning, same as yesterday, and 3 more this afternoon", "en", "vomiting", 6),
        ("sick 3 times this morning, worse than yesterday, and another 3 since lunch", "en", "vomiting", 6),
        ("vomité 4 veces desde ayer y otras 3 esta mañana", "es", "vomiting", 7),
        ("vomité 3 veces esta mañana, igual que ayer, y otras 3 en la tarde", "es", "vomiting", 6),
        ("sick twice yesterday, my sats were 97 yesterday and 95 today", "en", "vomiting", 2),
        ("vomited twice yesterday, pain was 4 yesterday and 8 today", "en", "vomiting", 2),
        ("sick 5 times yesterday, once this morning and once this afternoon", "en", "vomiting", 5),
        ("sick twice yesterday, 4 times this morning and 3 this afternoon", "en", "vomiting", 7),
    ],
)
def test_counts_of_one_day_add_up_and_of_two_days_do_not(
    text: str, language: str, concept: str, expected: int
) -> None:
    assert count(text, language, concept) == expected


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        ("threw up 3 times yesterday", "and another 3 today", "en"),
        ("vomité 3 veces ayer", "y otras 3 hoy", "es"),
        ("ayer vomité 4 veces", "hoy otras 2", "es"),
    ],
)
def test_a_count_dated_yesterday_does_not_add_to_todays_across_messages(
    first: str, second: str, language: str
) -> None:
    messages = [Message(first, T0), Message(second, T0 + timedelta(hours=10))]
    reading = engines.read_conversation(messages, None, language)
    assert "vomiting" not in reading.assessment.rules


def test_counts_of_one_day_across_messages_still_add_up_in_spanish() -> None:
    messages = [
        Message("vomité 3 veces en la mañana", T0),
        Message("y otras 3 en la tarde", T0 + timedelta(hours=6)),
    ]
    assert "vomiting" in engines.read_conversation(messages, None, "es").assessment.rules
