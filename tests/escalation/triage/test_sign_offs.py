"""A message that ends with a sign-off ("ya van 10 saludos", "more lol", "pain level 8 xx")
is read without it: a laugh or a kiss after a number is no unit of it. A sign-off that a
phrase of the lexicon takes in ("this queue is so slow I want to die lol") stays part of it,
and a lone "x" after a number is "times" ("diarrhoea 9 x")."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import default_engine


def level(text: str, language: str = "en", question: str | None = None) -> str:
    return default_engine(language).assess(text, question, None).level.label


@pytest.mark.parametrize(
    ("text", "language", "question", "want"),
    [
        ("llevo todo el día vomitando, ya van 10 saludos", "es", None, "urgent"),
        ("vomito cada vez q tomo agua, ya van 6 jaja", "es", None, "urgent"),
        ("more lol", "en", "How much blood? (streaks, a teaspoon, more)", "emergency"),
        ("pain level 8 xx", "en", None, "urgent"),
        ("diarrhoea 9 x", "en", None, "urgent"),
    ],
)
def test_a_sign_off_after_the_message_changes_nothing(
    text: str, language: str, question: str | None, want: str
) -> None:
    assert level(text, language, question) == want


def test_a_laugh_a_phrase_takes_in_stays_part_of_it() -> None:
    assert level("this waiting room is so slow i want to die lol") == "none"
