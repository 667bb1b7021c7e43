"""Spanish classes a sixth writer and our own probes found the engine missing: soiling or a
bladder that no longer tells, told without the clinical words; feeling lost said with a final
"nada"; one eye clouding over; the comma between two errands one cannot do; slang for loose
bowels; a regularised "apretar"; a complaint "del" a place. Each with the negatives beside it.
Our own sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

from .conftest import CARER, present


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


# -- soiling named by the errand, without feeling it -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "anoche me hice del dos sin darme cuenta",
        "se le hizo del baño encima a mi papá",
        "me hago del uno sin sentir, en la cama",
    ],
)
def test_soiling_named_by_the_errand_without_feeling_is_bladder_bowel_dysfunction(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a), a.findings
    assert a.level.label == "emergency"


def test_going_to_the_toilet_is_not_soiling() -> None:
    assert level("hoy me hice del baño normal, todo bien") == "none"


# -- the bladder or bowel that no longer tells --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no siento las ganas de hacer pipí y me duele la columna",
        "tengo dolor en la espalda baja y no me doy cuenta cuando orino",
        "me duele la espalda, no siento nada cuando hago popó",
    ],
)
def test_lost_bladder_or_bowel_sensation_with_back_pain_is_mscc(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a), a.findings
    assert "mscc-neuro" in a.rules


def test_not_feeling_like_eating_is_not_a_bladder_sign() -> None:
    a = assess("no siento ganas de comer nada")
    assert "bladder_bowel_dysfunction" not in present(a)
    assert a.level.label != "emergency"


# -- feeling lost said with a final "nada" -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "allá abajo ya no siento nada",
        "la zona íntima no la siento, no siento nada",
        "en mis partes no siento nada",
    ],
)
def test_a_final_nada_after_not_feeling_the_saddle_is_saddle_numbness(text: str) -> None:
    a = assess(text)
    assert "saddle_numbness" in present(a), a.findings


@pytest.mark.parametrize(
    "text", ["tomé la pastilla y no siento nada", "la espalda ya no me duele, no siento nada"]
)
def test_not_feeling_anything_without_a_place_is_not_numbness(text: str) -> None:
    a = assess(text)
    assert not {"numbness", "saddle_numbness"} & present(a), a.findings
    assert a.level.label != "emergency"


# -- one eye clouding over -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se me oscureció el ojo derecho hace un rato",
        "de pronto se le nubló todo del ojo izquierdo",
        "mi ojo izquierdo se me apagó",
    ],
)
def test_one_eye_clouding_over_is_one_sided_vision_change(text: str) -> None:
    a = assess(text)
    assert "neuro-acute" in a.rules, a.findings


def test_sight_clouding_without_one_eye_is_not_one_sided() -> None:
    a = assess("se me nubló la vista un momento al pararme")
    assert "neuro-acute" not in a.rules


# -- two errands one cannot do, split by a comma -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no puedo hacer popó, ni orinar desde anoche",
        "mi mamá no puede ir al baño, ni hacer pipí",
        "no logro evacuar, ni tampoco orinar",
    ],
)
def test_cannot_pass_stool_comma_nor_urine_is_bladder_bowel_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


def test_cannot_pass_stool_alone_is_constipation() -> None:
    a = assess("no puedo hacer popó desde el lunes")
    assert "bladder_bowel_dysfunction" not in present(a)


# -- loose-bowel slang ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["tengo chorrito desde ayer", "ando floja del estómago", "sigo suelto de la panza"]
)
def test_loose_bowel_slang_is_diarrhea(text: str) -> None:
    assert "diarrhea" in present(assess(text))


def test_feeling_free_is_not_diarrhea() -> None:
    assert "diarrhea" not in present(assess("ando suelta de todo, sin preocupaciones"))


# -- a regularised "apretar" and a complaint "del" a place --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me apreta el pecho",
        "me apretan el pecho desde la mañana",
        "mi esposo se queja del pecho, le duele desde ayer",
    ],
)
def test_regularised_squeeze_or_complaint_of_the_chest_is_chest_pain(text: str) -> None:
    assert "chest_pain" in present(assess(text, context=CARER))


def test_shoes_that_squeeze_are_not_chest_pain() -> None:
    assert "chest_pain" not in present(assess("los zapatos nuevos me apretan"))


@pytest.mark.parametrize(
    "text",
    ["tengo las piernas como de fideo", "siento los brazos como de gelatina", "las piernas como de plomo"],
)
def test_limbs_like_jelly_with_de_are_limb_weakness(text: str) -> None:
    assert "limb_weakness" in present(assess(text))
