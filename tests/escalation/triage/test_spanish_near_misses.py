"""Spanish near misses: the two sides of the spec's distinctions told in ways the engine
read wrongly, each a class with fresh phrasings and the near miss that must stay as it was.
Our own sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.present}


def mods(a: Assessment, concept: str) -> set[str]:
    return {m for f in a.present if f.concept == concept for m in f.modifiers}


# --- a pain in the perfect tenses is a pain ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("me ha dolido la cabeza toda la semana", "headache"),
        ("la espalda me ha dolido desde el lunes", "back_pain"),
        ("me había dolido mucho el cuello anoche", "neck_pain"),
        ("a mi papá le han dolido las piernas", "pain"),
    ],
)
def test_a_pain_told_in_the_perfect_tense_is_that_pain(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "estoy dolida con mi hija por lo que me dijo",
        "ya no me ha dolido la espalda",
        "no me ha dolido nada esta semana",
    ],
)
def test_hurt_feelings_or_a_denied_pain_in_the_perfect_is_no_pain(text: str) -> None:
    assert not present(assess(text))


# --- never before so much is the worst ever, not a denial -------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("nunca me había dolido tanto la cabeza", "headache"),
        ("nunca en mi vida había tenido un dolor de cabeza así", "headache"),
        ("jamás he sentido un dolor de espalda tan fuerte", "back_pain"),
        ("nunca me había dolido así la espalda", "back_pain"),
        ("jamás tuve un dolor de cabeza igual", "headache"),
    ],
)
def test_never_before_so_much_is_a_present_severe_new_pain(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert {"severe", "new"} <= mods(a, concept)
    assert a.level.label in {"urgent", "emergency"}


def test_never_short_of_breath_like_this_is_breath_short_now_and_severe() -> None:
    a = assess("nunca me había faltado tanto el aire")
    assert "dyspnea" in present(a)
    assert a.level.label == "emergency"


def test_never_before_said_with_who_felt_it_in_the_pluperfect_is_new_now() -> None:
    a = assess("nunca me había faltado el aire al subir la escalera")
    assert "new" in mods(a, "dyspnea")


@pytest.mark.parametrize(
    "text",
    [
        "nunca he tenido dolor de cabeza",
        "no, nunca me ha faltado el aire",
        "nunca tuve dolor de cabeza así que no sé qué se siente",
        "nunca he tenido convulsiones",
    ],
)
def test_never_without_a_comparison_still_denies(text: str) -> None:
    assert not present(assess(text))


def test_never_so_much_in_the_present_habit_is_no_worst_ever() -> None:
    a = assess("nunca me duele tanto la cabeza como para tomar pastillas")
    assert "severe" not in {m for f in a.findings for m in f.modifiers}


# --- the regions' words for a choking spell are breathlessness --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "de pronto me agarró una ahogazón muy fea",
        "me dio un ahoguío anoche y no me dejaba hablar",
        "en la madrugada me viene una ahogadera",
        "tengo ahoguera cuando subo la cuesta",
    ],
)
def test_a_choking_spell_in_regional_words_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_a_sudden_choking_spell_in_regional_words_is_an_emergency() -> None:
    assert level("de repente me dio una ahogazón") == "emergency"


def test_a_choking_spell_denied_in_regional_words_is_none() -> None:
    assert level("ya no me ha dado la ahoguera, gracias a dios") == "none"


# --- the wish to sleep and not wake, in the subjunctive ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ojalá me durmiera y ya no despertara",
        "a veces quisiera dormirme y no volver a despertar",
        "ojalá ya no despierte mañana",
        "solo quiero quedarme dormida para siempre",
        "ojalá me quedara dormido y ya no despertase",
    ],
)
def test_a_wish_to_sleep_and_not_wake_is_self_harm(text: str) -> None:
    assert "self-harm" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "ojalá pudiera dormir toda la noche sin despertarme",
        "ojalá me duerma temprano y despierte descansada",
        "quiero dormir y no despertarme hasta tarde mañana",
        "me duermo y no despierto hasta las diez",
    ],
)
def test_a_wish_for_a_good_night_is_no_self_harm(text: str) -> None:
    assert "self-harm" not in assess(text).rules


# --- the bowels and bladder said with a digit ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "llevo 3 días sin hacer del 2",
        "ya van cuatro días sin obrar",
        "no he hecho del dos desde el lunes",
        "no hago del 2 desde el domingo",
        "llevamos días sin ir de cuerpo",
    ],
)
def test_days_without_a_bowel_movement_said_any_way_is_constipation(text: str) -> None:
    assert "constipation" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["hoy hice del 2 normal", "ya hice del dos, todo bien", "no tengo problemas para hacer del 2"],
)
def test_a_bowel_movement_that_came_is_no_constipation(text: str) -> None:
    assert "constipation" not in present(assess(text))


def test_days_without_passing_urine_said_with_a_digit_is_a_cord_sign() -> None:
    assert "cord-signs" in assess("llevo 2 días sin hacer del 1").rules
