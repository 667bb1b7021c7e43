"""Texting is normalised; real words are left alone."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import default_engine


def words(text: str) -> list[str]:
    return [t.norm for t in default_engine().reader.tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cant breathe", ["cant", "breathe"]),
        ("can't", ["cant"]),
        ("r u ok 2day", ["are", "you", "ok", "today"]),
        ("sooo tired", ["so", "tired"]),
        ("achin n tinglin", ["aching", "and", "tingling"]),
        ("numbnes", ["numbness"]),
        ("bak", ["back"]),
        ("feaver", ["fever"]),
        ("hedache", ["headache"]),
        ("tempreture", ["temperature"]),
        ("nausous", ["nauseous"]),
        ("101f", ["101", "f"]),
        ("6x", ["6", "x"]),
        ("MY BACK", ["my", "back"]),
    ],
)
def test_normalisation(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("word", ["seized", "painted", "wee", "fit", "blood", "leg", "log", "sick"])
def test_real_words_are_not_corrected(word: str) -> None:
    assert words(word) == [word]


def test_token_offsets_point_into_the_original_text() -> None:
    text = "My bak’s achin 2day"
    for tok in default_engine().reader.tokenize(text):
        assert 0 <= tok.start < tok.end <= len(text)
    assert [text[t.start : t.end] for t in default_engine().reader.tokenize(text)] == [
        "My",
        "bak’s",
        "achin",
        "2day",
    ]
