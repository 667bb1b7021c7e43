"""Spanish classes a fifth writer used that the engine had not met: tingling told by its
diminutives, the progressive of "bother" verbs, the trunk or the body from the waist down that
has lost its feeling, wetting oneself with "se me hizo", repeated trips. Each with the hard
negatives beside it. Our own sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

from .conftest import CARER, present


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


# -- tingling told by its diminutives, said of a limb ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo agujitas en las plantas de los pies",
        "siento como hormiguitas en la mano izquierda",
        "mi mamá dice que tiene alfileritos en los dedos",
    ],
)
def test_diminutive_tingling_in_a_limb_is_numbness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "numbness" in present(a), a.findings
    assert a.level.label == "routine"


def test_diminutive_tingling_with_back_pain_is_cord_compression() -> None:
    a = assess("me duele la columna y tengo hormiguitas en los pies")
    assert "mscc-neuro" in a.rules, a.findings


@pytest.mark.parametrize("text", ["hay hormiguitas en el azúcar", "compré agujitas para bordar"])
def test_ants_and_needles_without_a_limb_are_nothing(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- the progressive of bother verbs said of the back ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la espalda baja me está molestando",
        "el coxis me anda jodiendo desde el lunes",
        "me viene fregando la columna",
    ],
)
def test_a_back_that_is_bothering_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text)), assess(text).findings


def test_a_bothering_neighbour_is_nothing() -> None:
    assert level("el vecino me está molestando con la música") == "none"


# -- loss of feeling in the trunk or from the waist down ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no siento la cintura para abajo",
        "casi no siento nada de la cintura pa abajo",
        "no siento el abdomen desde anoche",
        "tengo la panza dormida, como muerta",
    ],
)
def test_lost_feeling_in_the_trunk_or_waist_down_is_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency", a.findings
    assert "cord-signs" in a.rules


@pytest.mark.parametrize("text", ["no siento hambre, tengo la panza llena", "ya no me duele la barriga"])
def test_a_full_or_painless_belly_is_no_cord_sign(text: str) -> None:
    assert level(text) != "emergency", assess(text).findings


# -- wetting oneself with "se me hizo" ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se me hizo pipí en la silla sin darme cuenta",
        "a mi papá se le hizo popó en el pantalón",
        "anoche se me hizo pis en la cama",
    ],
)
def test_an_accident_told_with_se_me_hizo_is_bladder_bowel_dysfunction(text: str) -> None:
    a = assess(text, context=CARER)
    assert "bladder_bowel_dysfunction" in present(a), a.findings


def test_a_child_wetting_the_bed_is_not_the_patient() -> None:
    assert level("mi nieta de tres años se hizo pipí en la cama") != "emergency"


# -- tripping more than once --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["me tropecé dos veces subiendo al cuarto", "se tropezó varias veces hoy", "me he tropezado tres veces"],
)
def test_repeated_trips_are_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" in present(assess(text, context=CARER)), assess(text).findings


@pytest.mark.parametrize("text", ["me tropecé con la alfombra", "mi nieto se me cayó dos veces"])
def test_one_trip_or_a_dropped_child_is_not_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text)), assess(text).findings
