"""Spanish conversations in fragments (docs/triage.md, "Conversations", "Languages"): the classes
behind es_conversations_holdout4's disagreements, each read with sentences that are not the
set's, and its near misses left as they were: loss of feeling in a strip of the trunk; a cleft
that names only how someone else is ("quien está fatal es mi marido") then what he has; an
answer taken back in the perfect tense ("he leído mal") or with the "no" after the apology; a
faint in the perfect tense, or told by minutes without answering; "y otra vez" with a remark
after it; a pain that reaches the arm is the chest pain said before; small marks of blood
counted with their article ("unas pintitas de sangre")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import Assessment, TriageEngine, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

LEGS = "¿Ha notado debilidad o pesadez nueva en las piernas?"


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


def _read(
    es: TriageEngine, *turns: str | tuple[str, str], context: Mapping[str, Any] | None = None, gap: int = 10
) -> Assessment:
    """Messages `gap` minutes apart; a (question, answer) pair answers that question."""
    start = datetime(2026, 6, 1, 8, tzinfo=UTC)
    messages = []
    for i, turn in enumerate(turns):
        question, text = turn if isinstance(turn, tuple) else (None, turn)
        messages.append(Message(text, start + timedelta(minutes=gap * i), question, context))
    return ConversationReader(es).read(messages, context).assessment


def _present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.present}


# -- loss of feeling in a strip of the trunk ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo acorchada la piel de la tripa para abajo",
        "desde ayer se me durmió la piel del vientre para abajo, no me duele",
        "tengo dormida una franja en la barriga",
        "noto como una franja adormecida por la cintura, sin dolor",
        "de la tripa para abajo no siento la piel",
    ],
)
def test_numb_strip_of_the_trunk_is_trunk_sensory_loss(es: TriageEngine, text: str) -> None:
    a = _read(es, text)
    assert a.level.label == "emergency"
    assert "cord-signs" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "tengo la boca dormida por la anestesia del dentista",
        "una franja roja en la tripa que me pica",
        "me duele la tripa desde ayer",
    ],
)
def test_a_mouth_numb_from_the_dentist_or_a_red_strip_is_no_cord_sign(es: TriageEngine, text: str) -> None:
    assert _read(es, text).level.label != "emergency"


# -- a cleft that names only how someone else is ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "yo bien. Quien está fatal es mi marido, con tos y fiebre",
        "el que está malito es mi hijo, con fiebre y vómitos",
        "quien esta mal es mi hija, tiene diarrea desde ayer",
        "la que está pachucha es mi madre, con mucha tos",
    ],
)
def test_a_cleft_on_how_someone_else_is_gives_them_what_follows(es: TriageEngine, text: str) -> None:
    a = _read(es, text, context={"on_active_treatment": True})
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text",
    [
        "quien me cuida es mi hija, tengo fiebre",
        "quien me cuida es mi hija, con fiebre desde ayer",
        "el que manda en casa es mi marido, yo tengo tos y fiebre",
        "la que está fatal es mi madre. yo tengo fiebre",
    ],
)
def test_the_writers_own_findings_after_a_cleft_stay_theirs(es: TriageEngine, text: str) -> None:
    assert "fever" in _present(_read(es, text)) or "cough" in _present(_read(es, text))


# -- an answer taken back ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Perdón, he leído mal, NO. Las piernas bien",
        "uy, la había entendido mal",
        "lo leí mal, perdón",
        "ay perdón, NO, mis piernas están perfectas",
        "disculpe, no, las piernas normales",
    ],
)
def test_a_yes_taken_back_by_a_misreading_or_a_no_after_the_apology(es: TriageEngine, second: str) -> None:
    assert _read(es, (LEGS, "Sí"), second).level.label == "none"


@pytest.mark.parametrize(
    "second",
    [
        "perdón, no puedo caminar bien",
        "perdón, no sé, las noto raras",
        "he visto mal a mi vecino hoy",
    ],
)
def test_an_apology_that_goes_on_to_a_finding_keeps_the_yes(es: TriageEngine, second: str) -> None:
    assert _read(es, (LEGS, "Sí"), second).level.label == "emergency"


# -- a faint in the perfect tense, or told by minutes without answering -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "esta mañana me he desvanecido en la cocina",
        "me he privado un momento en la ducha",
        "mi marido dice que estuve como 2 minutos sin responder",
        "estuve unos 3 minutos sin reaccionar y luego volví",
        "me quedé como dos minutos sin sentido",
    ],
)
def test_a_faint_told_in_the_perfect_or_by_minutes_out_is_syncope(es: TriageEngine, text: str) -> None:
    a = _read(es, text)
    assert "syncope" in _present(a)
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "estuve 5 minutos sin contestar el teléfono",
        "estuve como 10 minutos sin responder los mensajes",
        "el dolor se ha desvanecido",
    ],
)
def test_minutes_not_answering_a_phone_or_a_pain_that_faded_is_no_faint(es: TriageEngine, text: str) -> None:
    assert "syncope" not in _present(_read(es, text))


# -- "y otra vez" with a remark after it ----------------------------------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("vomité 2 veces en la mañana", "llevo otras 3", "y otra vez ahorita, ya no sé ni qué tengo"),
        ("he vomitado 5 veces", "otra vez, qué asco"),
        ("vomité tres veces", "vomité dos más", "de nuevo, estoy harta"),
    ],
)
def test_again_with_a_remark_after_it_counts_one_more(es: TriageEngine, turns: tuple[str, ...]) -> None:
    assert _read(es, *turns, gap=60).level.label == "urgent"


def test_again_that_names_another_finding_counts_no_vomit(es: TriageEngine) -> None:
    a = _read(es, "vomité 4 veces", "otra vez, me duele la rodilla", gap=60)
    assert max(f.count or 0 for f in a.findings if f.concept == "vomiting") < 6


# -- a pain that reaches the arm is the chest pain said before ----------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "ahora está peor, es el peor dolor de mi vida, me llega hasta el brazo",
        "es insoportable y me llega al brazo izquierdo",
        "muchísimo peor, el peor dolor que he tenido, ya me llega hasta el brazo",
    ],
)
def test_a_severe_pain_reaching_the_arm_after_chest_pain_is_chest_pain(es: TriageEngine, second: str) -> None:
    a = _read(es, "tengo un dolor en el pecho que me quema", second)
    assert a.level.label == "emergency"
    assert "chest-pain" in a.rules


def test_english_a_severe_pain_going_into_the_arm_after_chest_pain_is_severe_chest_pain() -> None:
    start = datetime(2026, 6, 1, 8, tzinfo=UTC)
    texts = ["burning pain in my chest", "now its the worst pain of my life, going into my arm"]
    messages = [Message(t, start + timedelta(minutes=30 * i)) for i, t in enumerate(texts)]
    a = ConversationReader(default_engine()).read(messages, None).assessment
    assert "chest-pain" in a.rules


def test_a_pain_of_the_arm_itself_after_chest_pain_stays_the_arms(es: TriageEngine) -> None:
    a = _read(es, "me duele el pecho", "y ahora me duele el brazo")
    assert "pain" in _present(a)


# -- small marks of blood counted with their article -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo tos con unas pintitas de sangre en el pañuelo",
        "tos con unas manchitas de sangre",
        "toso y me salen unos puntitos de sangre",
        "escupo flema con algunas vetitas de sangre",
    ],
)
def test_cough_with_small_marks_of_blood_is_hemoptysis(es: TriageEngine, text: str) -> None:
    a = _read(es, text)
    assert "hemoptysis" in _present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    ["unas pintitas de pintura en la camisa", "tengo unas manchitas en la piel de la cara"],
)
def test_marks_of_something_else_are_no_blood(es: TriageEngine, text: str) -> None:
    a = _read(es, text)
    assert not {"hemoptysis", "bleeding"} & _present(a)


# -- someone named after a message that did not speak of the writer, then "no yo" --------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("tuvo una convulsión anoche", "perdón, tendría que haberlo dicho, mi amiga del grupo, no yo"),
        ("se desmayó en la tienda", "mi vecina, no yo"),
        ("ella no puede caminar desde ayer", "para que quede claro: mi suegra, no yo"),
        ("tose sangre desde esta mañana", "ay, mi marido, no a mí"),
    ],
)
def test_a_person_named_then_not_me_gives_the_finding_away(es: TriageEngine, turns: tuple[str, str]) -> None:
    assert _read(es, *turns).level.label == "none"


@pytest.mark.parametrize(
    "turns",
    [
        ("me desmayé en la tienda", "mi vecina me ayudó, no yo quien llamó"),
        ("me dio una convulsión anoche", "mi amiga del grupo, no yo, fue quien me encontró"),
    ],
)
def test_the_writers_own_finding_is_not_given_away(es: TriageEngine, turns: tuple[str, str]) -> None:
    assert _read(es, *turns).level.label == "emergency"
