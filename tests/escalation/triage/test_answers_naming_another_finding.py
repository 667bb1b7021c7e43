"""An answer to a red-flag question that says the writer has something else ("tengo un dolor
fuerte en la columna", "I have bad pain in my spine" to "Are your legs weak?") tells of that
finding and is no yes to the question: a trial's Spanish patient was told to call 911 on a
"tengo" read as "yes, my legs are weak"."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level, engines

LEGS_EN = "Have your legs become weak or heavy, or harder to move? Reply YES or NO."
LEGS_ES = "¿Siente las piernas débiles o pesadas, o le cuesta moverlas? Responda SÍ o NO."
BLADDER_EN = "Any trouble passing urine or controlling your bladder or bowels? Reply YES or NO."


def _concepts(text: str, question: str, language: str) -> dict[str, str]:
    a = engines.assess(text, question, None, language)
    return {f.concept: f.status for f in a.findings}


@pytest.mark.parametrize(
    ("text", "question", "language", "other"),
    [
        ("tengo un dolor fuerte en la columna desde el sábado", LEGS_ES, "es", "back_pain"),
        ("tengo mucho dolor de espalda, eso sí", LEGS_ES, "es", "back_pain"),
        ("I have bad pain in my spine since saturday", LEGS_EN, "en", "back_pain"),
        ("i have a pounding headache tho", LEGS_EN, "en", "headache"),
        ("I have got a headache though", BLADDER_EN, "en", "headache"),
    ],
)
def test_i_have_and_another_finding_is_that_finding_not_a_yes(
    text: str, question: str, language: str, other: str
) -> None:
    found = _concepts(text, question, language)
    assert found.get(other) == "present"
    assert "limb_weakness" not in found
    assert "bladder_bowel_dysfunction" not in found
    assert engines.assess(text, question, None, language).level < Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "question", "language"),
    [
        ("tengo", LEGS_ES, "es"),
        ("sí, tengo", LEGS_ES, "es"),
        ("I have", LEGS_EN, "en"),
        ("i do, a bit", LEGS_EN, "en"),
        ("yes, and my back is killing me", LEGS_EN, "en"),
        ("i have, both legs feel like lead", LEGS_EN, "en"),
    ],
)
def test_a_yes_said_with_its_subject_still_answers_the_question(
    text: str, question: str, language: str
) -> None:
    assert engines.assess(text, question, None, language).level == Level.EMERGENCY
