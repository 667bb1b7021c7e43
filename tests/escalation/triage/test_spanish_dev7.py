"""Spanish classes a seventh writer found the engine missing: a fever said as a figure of heat,
rigors told by the teeth, coming round on the floor told by the eyes, and blood told by the
colour of the toilet or the stream. Each with the negatives beside it. Our own sentences,
never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

CHEMO: dict[str, Any] = {"on_active_treatment": True}


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


def concepts(text: str) -> set[str]:
    return {f.concept for f in assess(text).findings if f.status == "present"}


@pytest.mark.parametrize(
    "text",
    [
        "ando hirviendo desde la tarde, me pusieron quimio el martes",
        "soy una brasa, y la quimio fue hace cinco días",
        "mi esposa está que arde y sigue con quimioterapia",
    ],
)
def test_heat_said_as_a_figure_is_a_fever_on_chemo(text: str) -> None:
    assert level(text, context=CHEMO) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "la leche está hirviendo, ya la apago",
        "estoy que ardo de coraje con la aseguradora",
        "estoy hirviendo con este calor, ya prendí el ventilador",
        "la sala es un horno en verano",
    ],
)
def test_boiling_things_anger_and_weather_are_no_fever(text: str) -> None:
    assert "fever" not in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "le chocan los dientes de tanto temblar",
        "se me castañeteaban los dientes bajo tres cobijas",
        "dientes castañeteando toda la madrugada",
    ],
)
def test_chattering_teeth_are_rigors(text: str) -> None:
    assert "chills" in concepts(text)
    assert level(text, context=CHEMO) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "cuando abrió los ojos ya estaba en el suelo de la cocina",
        "abrí los ojos tirada sobre la banqueta",
        "me blackoutié saliendo de la regadera",
    ],
)
def test_coming_round_on_the_floor_is_a_faint(text: str) -> None:
    assert level(text) == "emergency"


def test_opening_ones_eyes_in_the_morning_is_no_faint() -> None:
    assert "syncope" not in concepts("abrí los ojos temprano y me levanté a desayunar")


@pytest.mark.parametrize(
    "text",
    [
        "la taza del baño se puso toda roja, con grumos",
        "el pipi sale de sangre y con coágulos",
        "orino trozos de sangre, todo el chorro rojo",
    ],
)
def test_a_red_toilet_or_stream_with_lumps_is_a_major_bleed(text: str) -> None:
    assert level(text) == "emergency"


def test_a_pink_tinge_is_no_major_bleed() -> None:
    assert level("la orina se ve apenas rosadita hoy") != "emergency"


HOW_MUCH = "¿Cuánta sangre: unas rayitas, una cucharadita o más?"


@pytest.mark.parametrize(
    "text",
    [
        "mucho más, había sangre en todo el papel",
        "bastante, sangro al hacer del baño",
        "un montón, la taza se puso roja",
    ],
)
def test_an_amount_said_first_still_measures_the_blood_the_answer_names(text: str) -> None:
    assert level(text, HOW_MUCH) == "emergency"


def test_a_small_amount_said_first_keeps_the_answer_small() -> None:
    assert level("unas rayitas, había sangre en el papel", HOW_MUCH) != "emergency"
