"""Spanish classes behind es_dev16's misses (docs/triage.md, "Concepts", "Rules" and
"Languages"): a reading the temperature word follows ("39 de temperatura"), sight that
stopped ("dejé de ver por el ojo izquierdo"), and the Spanish "can't" before an English breath
("no puedo catch my breath"); each read right with sentences that are not the set's, and their
near misses (a series one stopped watching, a normal reading, a room's heat) left as they were."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, None, context)


def level(text: str, context: dict[str, Any] | None = None) -> str:
    return assess(text, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.status == "present"}


def mods(a: Assessment, concept: str) -> set[str]:
    return {m for f in a.findings if f.concept == concept and f.status == "present" for m in f.modifiers}


# -- a number the temperature word follows is its reading -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "39 de temperatura desde anoche",
        "38.6 de temperatura hace un rato",
        "101 de temperatura y escalofríos no",
        "hoy 39 y medio de calentura",
    ],
)
def test_a_high_number_the_temperature_word_follows_is_read_as_a_fever(text: str) -> None:
    a = assess(text)
    assert a.level.label == "urgent"
    assert "fever" in present(a)


def test_a_low_grade_number_before_the_temperature_word_is_read_as_low_grade() -> None:
    a = assess("37.8 de temperatura esta tarde")
    assert mods(a, "fever") == {"low_grade"}
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "36.5 de temperatura, todo bien",
        "37 de temperatura esta mañana",
        "tengo 40 años y la temperatura normal",
        "hace 39 de temperatura afuera, qué calor",
        "estamos a 38 de temperatura en la calle",
    ],
)
def test_a_normal_reading_an_age_or_the_weather_before_the_temperature_word_is_read_as_no_fever(
    text: str,
) -> None:
    assert "fever" not in present(assess(text))


# -- sight that stopped ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "de golpe dejé de ver por el ojo derecho",
        "de pronto dejó de ver de un ojo hace una hora, estoy asustada",
        "dejé de ver del ojo izquierdo unos minutos",
        "deje de ver bien con el ojo derecho",
    ],
)
def test_one_eye_that_stopped_seeing_is_read_as_a_one_sided_vision_change(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "one_sided" in mods(a, "vision_change")


@pytest.mark.parametrize(
    "text",
    [
        "dejé de ver bien",
        "de repente dejé de ver por los dos ojos un momento",
    ],
)
def test_sight_that_stopped_without_a_side_is_read_as_a_vision_change(text: str) -> None:
    assert "vision_change" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "dejé de ver la novela, me aburrió",
        "dejé de ver a mi hermana hace años",
        "dejó de ver al doctor de antes",
        "dejé de ver de repente esa serie",
        "se me fue la vista al celular mientras cocinaba",
    ],
)
def test_stopping_seeing_a_programme_or_a_person_is_read_as_no_vision_change(text: str) -> None:
    a = assess(text)
    assert "vision_change" not in present(a)
    assert a.level.label != "emergency"


def test_sight_gone_from_one_eye_is_read_as_one_sided() -> None:
    a = assess("se me fue la vista del ojo derecho")
    assert a.level.label == "emergency"
    assert "one_sided" in mods(a, "vision_change")


# -- the Spanish "can't" before an English breath --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no puedo breathe, ayuda",
        "ya no puedo catch my breath ni acostada",
        "mi mamá no puede get air, se está poniendo morada",
        "casi no puedo catch my breath",
    ],
)
def test_the_spanish_cant_before_an_english_breath_is_read_as_severe_breathlessness(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "breathing" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "no me falta el aire, puedo breathe bien",
        "puedo catch my breath sin problema",
    ],
)
def test_an_english_breath_one_can_catch_is_read_as_no_emergency(text: str) -> None:
    assert level(text) != "emergency"
