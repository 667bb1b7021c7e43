"""Spanish makes words smaller and bigger by their endings ("las piernitas", "una fiebrecita",
"rarísima"): an ending the lexicon does not list is read as the word it grows from, and a word
that only looks like one ("necesito", "visita") is left alone. Our own sentences."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

CHEMO = {"on_active_treatment": True}


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def words(text: str) -> list[str]:
    return [t.norm for t in default_engine("es").reader.tokenize(text)]


@pytest.mark.parametrize(
    ("word", "plain"),
    [
        ("piernitas", "piernas"),
        ("rarísimas", "raras"),
        ("rarisimo", "raro"),
        ("pechito", "pecho"),
        ("bracito", "brazo"),
        ("piecitos", "pies"),
        ("cuellito", "cuello"),
        ("hinchadita", "hinchada"),
        ("dormidita", "dormida"),
        ("mareadita", "mareada"),
        ("calenturita", "calentura"),
        ("fiebrecita", "fiebre"),
    ],
)
def test_a_diminutive_or_superlative_is_read_as_its_plain_word(word: str, plain: str) -> None:
    assert words(word) == [plain]


@pytest.mark.parametrize("word", ["necesito", "visita", "bonito", "maldita", "chiquito", "favorita"])
def test_a_word_that_only_ends_like_one_is_left_alone(word: str) -> None:
    assert words(word) == [word]


def test_legs_said_strange_in_a_superlative_are_never_silent() -> None:
    a = assess("las piernas las tengo rarísimas desde anoche")
    assert a.level.label != "none"


def test_little_legs_asleep_from_the_waist_are_loss_of_feeling() -> None:
    a = assess("tengo las piernitas dormiditas desde la cinturita para abajo")
    assert a.level.label == "emergency"
    assert "cord-signs" in a.rules


def test_a_little_fever_on_chemotherapy_is_still_a_fever() -> None:
    a = assess("tengo una fiebrecita y tiemblo toda", context=CHEMO)
    assert a.level.label == "emergency"
    assert "neutropenic-fever" in a.rules


def test_a_little_head_that_hurts_with_vomiting_is_the_head_rule() -> None:
    a = assess("me duele muchísimo la cabecita y ya vomité dos veces")
    assert "headache" in {f.concept for f in a.present}
    assert a.level.label in ("urgent", "emergency")


def test_a_small_word_about_a_visit_names_nothing() -> None:
    a = assess("necesito cambiar la visita del jueves, ¿se puede?")
    assert a.level.label == "none"


@pytest.mark.parametrize(
    ("word", "plain"),
    [("hinchadota", "hinchada"), ("fiebrota", "fiebre"), ("grandote", "grande")],
)
def test_a_word_made_bigger_is_read_as_its_plain_word(word: str, plain: str) -> None:
    assert words(word) == [plain]


@pytest.mark.parametrize("word", ["pelota", "abrazo", "pedazo", "brazo", "embarazo"])
def test_a_word_that_only_ends_like_a_bigger_one_is_left_alone(word: str) -> None:
    assert words(word) == [word]


def test_a_leg_swollen_big_is_a_swollen_leg() -> None:
    assert assess("tengo la pantorrilla hinchadota y caliente").level.label == "urgent"
