"""Two neighbouring letters typed in the wrong order is the commonest slip of the fingers
("short of bretah", "la pienra hinchada"). Where a word so typed is as close to a word a letter
off ("breth", "piedra") as to the word meant, the one that swaps two letters back is read.
Swapping a letter in one word of each development set's urgent and emergency messages turned
290 of 11,368 lower; now 77."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.spelling import _swapped


def level(text: str, language: str = "en") -> str:
    return default_engine(language).assess(text, None, None).level.label


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        ("Bit short of bretah and a crushing ache in my chest", "en", "emergency"),
        ("always thirtsy and peeing all the time, constipated too", "en", "urgent"),
        ("la pienra derecha hinchada y me duele el pecho al respirar", "es", "emergency"),
        ("me estoy ahognado, no puedo hablar", "es", "emergency"),
        ("no seinto las piernas desde esta mañana", "es", "emergency"),
        ("me cuseta respirar y tengo la cara hinchada", "es", "emergency"),
    ],
)
def test_a_symptom_word_with_two_letters_swapped_is_read(text: str, language: str, want: str) -> None:
    assert level(text, language) == want


@pytest.mark.parametrize(
    ("word", "term", "want"),
    [
        ("pienra", "pierna", True),
        ("pienra", "piedra", False),
        ("bretah", "breth", False),
        ("abc", "abc", False),
    ],
)
def test_only_two_neighbours_swapped_back_count_as_a_swap(word: str, term: str, want: bool) -> None:
    assert _swapped(word, term) is want


def test_a_dialect_word_is_not_read_as_a_swap() -> None:
    assert level("ah'd rather be deid, honest") == "emergency"
