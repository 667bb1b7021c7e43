"""Not knowing is no answer: "no lo sé", "no clue", "no, I don't know" leave a red-flag question
unanswered (the nurse sees it), where a plain "no" denies (a trial read them as "no")."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import engines

AT_REST_ES = "¿Le falta el aire estando en reposo, sentado o acostado? Responda SÍ o NO"
AT_REST_EN = "Are you breathless when resting, sitting or lying down? Reply YES or NO"


def _statuses(text: str, question: str, language: str) -> list[tuple[str, str]]:
    return [(f.concept, f.status) for f in engines.assess(text, question, None, language).findings]


@pytest.mark.parametrize(
    "text",
    [
        "no lo sé",
        "no lo se",
        "pues no lo sé",
        "no sé la verdad",
        "no sabría",
        "no me fijé",
        "no me he fijado",
        "no se si",
        "no lo tengo claro",
        "no, no lo sé",
        "no... no sé",
    ],
)
def test_spanish_not_knowing_is_neither_yes_nor_no(text: str) -> None:
    assert _statuses(text, AT_REST_ES, "es") == []


@pytest.mark.parametrize(
    "text", ["no clue", "no I dont know", "no, I don't know", "no... not sure", "not a clue tbh"]
)
def test_english_not_knowing_is_neither_yes_nor_no(text: str) -> None:
    assert _statuses(text, AT_REST_EN, "en") == []


@pytest.mark.parametrize("text", ["eso creo", "yo creo que sí", "me parece que sí"])
def test_spanish_i_think_so_is_a_yes_as_in_english(text: str) -> None:
    assert ("dyspnea", "present") in _statuses(text, AT_REST_ES, "es")


@pytest.mark.parametrize(
    ("text", "question", "language"),
    [
        ("no", AT_REST_ES, "es"),
        ("creo que no", AT_REST_ES, "es"),
        ("no, no me falta", AT_REST_ES, "es"),
        ("no", AT_REST_EN, "en"),
        ("no, im fine", AT_REST_EN, "en"),
    ],
)
def test_a_plain_no_still_denies(text: str, question: str, language: str) -> None:
    assert _statuses(text, question, language) == [("dyspnea", "negated")]


def test_not_knowing_then_a_sign_tells_the_sign() -> None:
    assert ("dyspnea", "present") in _statuses("no me fijé, pero ahora me ahogo sentado", AT_REST_ES, "es")
    statuses = _statuses("no, I dont know why but my legs are weak", AT_REST_EN, "en")
    assert ("limb_weakness", "present") in statuses
