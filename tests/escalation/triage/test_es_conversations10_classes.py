"""Conversations in fragments (docs/triage.md, "Conversations", "Answers to check-in questions"
and "Languages"): the classes behind es_conversations_dev10's disagreements — a reading
corrected with "no" before the one taken back, a slip owned before giving the reading to
someone else, a bare reading answering a fever question — each read right with sentences
that are not the set's, and their near misses left as they were."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import TriageEngine, default_engine

from .conftest import present
from .conftest import read_turns as _read

ON_TX = {"on_active_treatment": True}


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


@pytest.fixture(scope="module")
def en() -> TriageEngine:
    return default_engine("en")


# -- a reading corrected: the one with "no" before it is taken back ---------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("me marcó 36.2", "perdón, quise decir 38.6 no 36.2"),
        ("tengo 35.9", "uy me equivoqué, es 38.3 no 35.9"),
        ("el termómetro dice 36.4", "disculpe, leí mal: 38.1, no 36.4"),
        ("temperatura 36.1", "perdon, era 38.4 ni 36.1, lo lei al reves"),
    ],
)
def test_a_reading_corrected_with_no_before_the_old_one_is_a_fever(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    a = _read(es, *turns, context=ON_TX)
    assert a.level.label == "emergency"
    assert "fever" in present(a)


@pytest.mark.parametrize(
    "turns",
    [
        ("temp 36.8", "sorry meant 38.6 not 36.8"),
        ("it says 35.9", "oops I meant 38.3 not 35.9"),
    ],
)
def test_an_english_reading_corrected_the_same_way_is_a_fever(
    en: TriageEngine, turns: tuple[str, str]
) -> None:
    assert _read(en, *turns, context=ON_TX).level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "tenía 38.5 en la mañana, ahora 36.4",
        "38.5 no, perdón, 36.5",
    ],
)
def test_a_later_normal_reading_or_the_fever_taken_back_with_a_comma_stays_well(
    es: TriageEngine, text: str
) -> None:
    assert "fever" not in present(_read(es, text, context=ON_TX))


# -- a slip owned, then the reading given to someone else -----------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("tengo fiebre de 38.4", "no, me equivoqué, era la temperatura de mi nieta"),
        ("38.9 de fiebre", "me confundí, es la fiebre de mi esposo, yo estoy bien"),
        ("tengo 38.2", "lo siento, era la temperatura de mi hija"),
        ("fiebre 38.6", "ups, error, era la temperatura de mi suegra jaja"),
    ],
)
def test_a_reading_given_to_someone_else_after_a_slip_owned_is_theirs(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    a = _read(es, *turns)
    assert "fever" not in present(a)
    assert a.level.label == "none"


def test_a_slip_owned_about_the_number_keeps_the_fever(es: TriageEngine) -> None:
    a = _read(es, "tengo fiebre de 38.4", "perdón, me equivoqué, quise decir 38.9")
    assert "fever" in present(a)


# -- a bare reading answering a fever question -------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    ["38 justo", "38", "38 exacto", "39 y algo"],
)
def test_a_bare_reading_answering_a_fever_question_is_that_reading(es: TriageEngine, answer: str) -> None:
    a = _read(es, "me siento mal", ("¿Tiene fiebre? Si puede, tómese la temperatura", answer), context=ON_TX)
    assert a.level.label == "emergency"
    assert "fever" in present(a)


@pytest.mark.parametrize("answer", ["36", "36 justo", "40 veces no, solo dos"])
def test_a_normal_reading_or_a_count_answering_a_fever_question_is_no_fever(
    es: TriageEngine, answer: str
) -> None:
    a = _read(es, "me siento mal", ("¿Tiene fiebre?", answer), context=ON_TX)
    assert "fever" not in present(a)


def test_a_bare_number_answering_another_question_is_no_reading(es: TriageEngine) -> None:
    a = _read(es, "me siento mal", ("¿Cuántas veces ha vomitado hoy?", "38"))
    assert "fever" not in present(a)


def test_an_english_bare_reading_answering_a_fever_question(en: TriageEngine) -> None:
    a = _read(en, "feeling rough", ("Any fever?", "38 exactly"), context=ON_TX)
    assert a.level.label == "emergency"


# -- fluids kept down, said with their pronoun, deny no vomiting ---------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("vomité una vez en la mañana", "y otra en la tarde, pero tomo agua y no la devuelvo"),
        ("devolví dos veces hoy", "el suero no lo devuelvo, eso sí"),
        ("vomité después de comer", "pero los líquidos no los vomito"),
        ("guacareé una vez", "tomo té y ya no lo arrojo"),
    ],
)
def test_fluids_kept_down_leave_the_vomiting_told_before(es: TriageEngine, turns: tuple[str, str]) -> None:
    a = _read(es, *turns)
    assert "vomiting" in present(a)
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "turns",
    [
        ("vomité una vez en la mañana", "no, perdón, no vomité, fue solo náusea"),
        ("vomité", "no he vomitado, me equivoqué de palabra"),
    ],
)
def test_the_vomiting_itself_taken_back_is_still_taken_back(es: TriageEngine, turns: tuple[str, str]) -> None:
    assert "vomiting" not in present(_read(es, *turns))
