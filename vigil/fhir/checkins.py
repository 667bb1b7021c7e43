"""A protocol as a Questionnaire, a check-in as a QuestionnaireResponse, and each 0-10 answer
as an Observation (LOINC where the measure has a code, Vigil's score code always).

An answer keeps the patient's own words (the `answer-text` extension, or the answer itself
for a text question or an answer Vigil read no value from) beside the value Vigil read: a
score for a 0-10 question, yes or no for a yes/no question, the choice for a choice question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.fhirprimitiveextension import FHIRPrimitiveExtension
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.quantity import Quantity
from fhir.resources.R4B.questionnaire import (
    Questionnaire,
    QuestionnaireItem,
    QuestionnaireItemAnswerOption,
    QuestionnaireItemEnableWhen,
)
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)

from vigil.core.models import Clinic
from vigil.scheduler.models import CheckIn, CheckInAnswer, Protocol
from vigil.scheduler.scores import series_key

from . import codes

ITEM_TYPES = {"scale": "integer", "yes_no": "boolean", "choice": "choice", "text": "text"}
# A check-in's status as a response's: expired (never finished) and stopped (an emergency,
# STOP) are both `stopped`.
RESPONSE_STATUS = {
    "open": "in-progress",
    "completed": "completed",
    "expired": "stopped",
    "stopped": "stopped",
}
_TERM = re.compile(r"^\s*([a-z][a-z0-9_]*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")


def questions_of(protocol: Protocol) -> list[dict[str, Any]]:
    return [q for q in protocol.questions or () if isinstance(q, dict) and q.get("key")]


def questionnaire(protocol: Protocol, clinic: Clinic) -> Questionnaire:
    """The protocol's questions in order, each typed by its kind and coded by its concepts."""
    questions = questions_of(protocol)
    kinds = {str(q["key"]): str(q.get("kind")) for q in questions}
    return Questionnaire(
        id=codes.protocol_rid(protocol.id),
        url=codes.questionnaire_url(clinic.slug, protocol.key),
        identifier=[Identifier(system=f"{codes.BASE}/clinic/{clinic.slug}/protocol", value=protocol.key)],
        title=protocol.name or protocol.key,
        status="active",
        subjectType=["Patient"],
        item=[_item(q, kinds) for q in questions],
    )


def texts_of(value: object) -> dict[str, str]:
    """A question's words per language, from either form the clinic file allows: one string
    (English) or `{en: ..., es: ...}`."""
    if isinstance(value, dict):
        return {str(lang): str(words) for lang, words in value.items() if words}
    return {"en": str(value)} if value else {}


def choices_of(value: object) -> list[dict[str, str]]:
    """A choice question's options, each as its label per language: a list (English) or
    `{en: [...], es: [...]}`, index-aligned."""
    if isinstance(value, dict):
        lists = {str(lang): list(labels or ()) for lang, labels in value.items()}
        size = max((len(labels) for labels in lists.values()), default=0)
        return [
            {lang: str(labels[i]) for lang, labels in lists.items() if i < len(labels)} for i in range(size)
        ]
    return [{"en": str(label)} for label in value or ()] if isinstance(value, list) else []


def translated(texts: dict[str, str]) -> tuple[str | None, FHIRPrimitiveExtension | None]:
    """The words in English (else the first language given), and the other languages as
    HL7's `translation` extensions on them."""
    if not texts:
        return None, None
    first = "en" if "en" in texts else next(iter(texts))
    others = [
        Extension(
            url=codes.TRANSLATION,
            extension=[Extension(url="lang", valueCode=lang), Extension(url="content", valueString=words)],
        )
        for lang, words in texts.items()
        if lang != first
    ]
    return texts[first], FHIRPrimitiveExtension(extension=others) if others else None


def _text(question: dict[str, Any] | None) -> str | None:
    return translated(texts_of((question or {}).get("text")))[0]


def _option(labels: dict[str, str]) -> QuestionnaireItemAnswerOption:
    label, translations = translated(labels)
    option = QuestionnaireItemAnswerOption(valueString=label)
    option.valueString__ext = translations  # (by its field's name: mypy knows it by its alias)
    return option


def _item(q: dict[str, Any], kinds: dict[str, str]) -> QuestionnaireItem:
    kind = str(q.get("kind"))
    text, translations = translated(texts_of(q.get("text")))
    when = _enable_when(str(q.get("ask_if") or ""), kinds)
    item = QuestionnaireItem(
        linkId=str(q["key"]),
        text=text or str(q["key"]),
        type=ITEM_TYPES.get(kind, "string"),
        code=[codes.coding(codes.CONCEPT, str(c), codes.words(str(c))) for c in q.get("concepts") or ()]
        or None,
        answerOption=(
            [_option(labels) for labels in choices_of(q.get("choices"))] or None if kind == "choice" else None
        ),
        extension=(
            [codes.int_ext(codes.MIN_VALUE, 0), codes.int_ext(codes.MAX_VALUE, 10)]
            if kind == "scale"
            else None
        ),
        enableWhen=when[0] if when else None,
        enableBehavior=when[1] if when and len(when[0]) > 1 else None,
    )
    item.text__ext = translations  # (by its field name: mypy knows the argument only by its alias)
    return item


def _enable_when(expr: str, kinds: dict[str, str]) -> tuple[list[QuestionnaireItemEnableWhen], str] | None:
    """An `ask_if` as enableWhen, when it is one comparison or comparisons all joined by
    `and` (or all by `or`) of earlier 0-10 or yes/no answers; otherwise None (the protocol
    itself is the rule: Vigil asks as its condition says)."""
    if not expr.strip():
        return None
    ands, ors = re.split(r"\s+and\s+", expr.strip()), re.split(r"\s+or\s+", expr.strip())
    terms, behavior = (ands, "all") if len(ands) >= len(ors) else (ors, "any")
    out = []
    for term in terms:
        m = _TERM.match(term)
        if m is None or kinds.get(m.group(1)) not in ("scale", "yes_no"):
            return None
        key, op, number = m.group(1), m.group(2), float(m.group(3))
        operator = "=" if op == "==" else op
        if kinds[key] == "yes_no":
            if operator not in ("=", "!=") or number not in (0.0, 1.0):
                return None
            out.append(
                QuestionnaireItemEnableWhen(question=key, operator=operator, answerBoolean=number == 1.0)
            )
        elif number.is_integer():
            out.append(
                QuestionnaireItemEnableWhen(question=key, operator=operator, answerInteger=int(number))
            )
        else:
            out.append(
                QuestionnaireItemEnableWhen(
                    question=key, operator=operator, answerDecimal=Decimal(str(number))
                )
            )
    return out, behavior


def response(
    checkin: CheckIn, protocol: Protocol, answers: Sequence[CheckInAnswer], clinic: Clinic
) -> QuestionnaireResponse:
    """The check-in as the patient answered it, in the protocol's order."""
    questions = {str(q["key"]): q for q in questions_of(protocol)}
    order = {key: i for i, key in enumerate(questions)}
    ordered = sorted(answers, key=lambda a: (order.get(a.question_key, len(order)), a.at, a.id))
    patient = codes.ref("Patient", codes.patient_rid(checkin.patient_id))
    authored = max((a.at for a in answers), default=checkin.opened_at)
    return QuestionnaireResponse(
        id=codes.checkin_rid(checkin.id),
        questionnaire=codes.questionnaire_url(clinic.slug, protocol.key),
        status=RESPONSE_STATUS.get(checkin.status, "in-progress"),
        subject=patient,
        source=patient,
        author=patient,
        authored=authored,
        item=[
            QuestionnaireResponseItem(
                linkId=a.question_key,
                text=_text(questions.get(a.question_key)),
                answer=[_answer(questions.get(a.question_key), a)] if a.text or a.value is not None else None,
            )
            for a in ordered
        ]
        or None,
    )


def _answer(question: dict[str, Any] | None, a: CheckInAnswer) -> QuestionnaireResponseItemAnswer:
    kind = str((question or {}).get("kind"))
    said = [codes.text_ext(codes.ANSWER_TEXT, a.text)] if a.text else None
    if kind == "scale" and a.value is not None:
        if float(a.value).is_integer():
            return QuestionnaireResponseItemAnswer(valueInteger=int(a.value), extension=said)
        return QuestionnaireResponseItemAnswer(valueDecimal=Decimal(str(a.value)), extension=said)
    if kind == "yes_no" and a.value is not None:
        return QuestionnaireResponseItemAnswer(valueBoolean=a.value >= 1, extension=said)
    if kind == "choice":
        said_words = a.text.strip().casefold()
        chosen = next(
            (
                translated(labels)[0]
                for labels in choices_of((question or {}).get("choices"))
                if said_words in {label.casefold() for label in labels.values()}
            ),
            None,
        )
        if chosen is not None and chosen != a.text:
            return QuestionnaireResponseItemAnswer(valueString=chosen, extension=said)
    return QuestionnaireResponseItemAnswer(valueString=a.text)


def observations(checkin: CheckIn, protocol: Protocol, answers: Sequence[CheckInAnswer]) -> list[Observation]:
    """Each 0-10 answer Vigil read a score from, as a survey Observation."""
    questions = {str(q["key"]): q for q in questions_of(protocol)}
    out = []
    for a in sorted(answers, key=lambda a: (a.at, a.id)):
        q = questions.get(a.question_key)
        if q is None or q.get("kind") != "scale" or a.value is None:
            continue
        out.append(score(checkin, q, a))
    return out


def score(checkin: CheckIn, question: dict[str, Any], a: CheckInAnswer) -> Observation:
    measure = series_key(question)
    coded: list[Coding] = []
    loinc = codes.loinc_of(measure)
    if loinc is not None:
        coded.append(codes.coding(codes.LOINC, *loinc))
    coded.append(codes.coding(codes.SCORE, measure, f"{codes.words(measure)} (0-10)"))
    value = float(a.value or 0)
    return Observation(
        id=codes.answer_rid(a.id),
        status="final",
        category=[CodeableConcept(coding=[codes.coding(codes.OBSERVATION_CATEGORY, "survey", "Survey")])],
        code=CodeableConcept(coding=coded, text=_text(question) or measure),
        subject=codes.ref("Patient", codes.patient_rid(checkin.patient_id)),
        effectiveDateTime=a.at,
        valueInteger=int(value) if value.is_integer() else None,
        valueQuantity=None if value.is_integer() else _quantity(value),
        derivedFrom=[codes.ref("QuestionnaireResponse", codes.checkin_rid(checkin.id))],
        extension=[codes.text_ext(codes.ANSWER_TEXT, a.text)] if a.text else None,
    )


def _quantity(value: float) -> Quantity:
    return Quantity(
        value=Decimal(str(value)), system="http://unitsofmeasure.org", code="{score}", unit="score"
    )


def answer_of(answer: QuestionnaireResponseItemAnswer) -> tuple[str, float | None]:
    """A response's answer read back: the patient's words and the value Vigil read (a score,
    1.0 or 0.0 for yes or no, None otherwise). The round trip's other half, for readers."""
    words = codes.ext_value(answer.extension, codes.ANSWER_TEXT)
    if answer.valueInteger is not None:
        value: float | None = float(answer.valueInteger)
    elif answer.valueDecimal is not None:
        value = float(answer.valueDecimal)
    elif answer.valueBoolean is not None:
        value = 1.0 if answer.valueBoolean else 0.0
    else:
        value = None
    return (str(words) if words is not None else str(answer.valueString or "")), value
