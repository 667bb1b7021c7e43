"""Protocols and answers as FHIR, without a database: questions in one language or several,
fixed choices, ask_if as enableWhen, and each answer's words kept beside the value read."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from vigil.core.models import Clinic
from vigil.fhir import checkins, codes
from vigil.scheduler.models import CheckIn, CheckInAnswer, Protocol

AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
CLINIC = Clinic(id=1, slug="riverside", name="Riverside", timezone="UTC", emergency_number="911")
PROTOCOL = Protocol(
    id=7,
    clinic_id=1,
    key="weekly",
    name="Weekly",
    questions=[
        {"key": "pain", "kind": "scale", "text": {"en": "Pain 0-10?", "es": "¿Dolor de 0 a 10?"}},
        {"key": "fever", "kind": "yes_no", "text": "Any fever?", "ask_if": "pain >= 3 and pain <= 9"},
        {
            "key": "mood",
            "kind": "choice",
            "text": {"en": "How are you?", "es": "¿Cómo está?"},
            "choices": {"en": ["Good", "Bad"], "es": ["Bien", "Mal"]},
        },
        {"key": "other", "kind": "text", "text": "Anything else?", "ask_if": "fever == 1 or pain > 8"},
    ],
)


def _translations(element: object) -> dict[str, str]:
    out = {}
    for ext in getattr(element, "extension", None) or ():
        assert ext.url == codes.TRANSLATION
        parts = {e.url: e.valueCode or e.valueString for e in ext.extension}
        out[parts["lang"]] = parts["content"]
    return out


def test_a_question_in_two_languages_is_english_with_a_translation() -> None:
    made = checkins.questionnaire(PROTOCOL, CLINIC)
    back = Questionnaire.model_validate_json(made.model_dump_json())
    pain, fever, mood, other = back.item
    assert (pain.text, _translations(pain.text__ext)) == ("Pain 0-10?", {"es": "¿Dolor de 0 a 10?"})
    assert (fever.text, fever.text__ext) == ("Any fever?", None)
    assert [(o.valueString, _translations(o.valueString__ext)) for o in mood.answerOption] == [
        ("Good", {"es": "Bien"}),
        ("Bad", {"es": "Mal"}),
    ]
    assert [i.type for i in back.item] == [
        "integer",
        "boolean",
        "choice",
        "text",
    ]
    assert [(w.question, w.operator, w.answerInteger) for w in fever.enableWhen] == [
        ("pain", ">=", 3),
        ("pain", "<=", 9),
    ]
    assert fever.enableBehavior == "all"
    assert [(w.question, w.operator, w.answerBoolean, w.answerInteger) for w in other.enableWhen] == [
        ("fever", "=", True, None),
        ("pain", ">", None, 8),
    ]
    assert other.enableBehavior == "any"
    assert back.url == codes.questionnaire_url("riverside", "weekly")


def test_each_answer_keeps_the_words_and_the_value_read_and_a_choice_in_spanish_is_its_option() -> None:
    checkin = CheckIn(id=3, patient_id=5, opened_at=AT, status="completed")
    said = [
        CheckInAnswer(id=1, checkin_id=3, question_key="pain", text="about a 6", value=6.0, at=AT),
        CheckInAnswer(id=2, checkin_id=3, question_key="fever", text="nope", value=0.0, at=AT),
        CheckInAnswer(id=3, checkin_id=3, question_key="mood", text="mal", value=None, at=AT),
        CheckInAnswer(id=4, checkin_id=3, question_key="other", text="tired", value=None, at=AT),
    ]
    made = checkins.response(checkin, PROTOCOL, said, CLINIC)
    back = QuestionnaireResponse.model_validate_json(made.model_dump_json())
    assert back.questionnaire == codes.questionnaire_url("riverside", "weekly")
    assert [checkins.answer_of(i.answer[0]) for i in back.item] == [
        ("about a 6", 6.0),
        ("nope", 0.0),
        ("mal", None),
        ("tired", None),
    ]
    assert [i.text for i in back.item] == ["Pain 0-10?", "Any fever?", "How are you?", "Anything else?"]
    assert back.item[2].answer[0].valueString == "Bad"  # the option, in the Questionnaire's words
    (score,) = checkins.observations(checkin, PROTOCOL, said)
    assert json.loads(score.model_dump_json())["valueInteger"] == 6
    assert [(c.system, c.code) for c in score.code.coding] == [
        (codes.LOINC, "72514-3"),
        (codes.SCORE, "pain"),
    ]
