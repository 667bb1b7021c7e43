"""Triage in Spanish (issue 14): the same concepts and rules as English, read from the way
people text in Spanish, and messages read in the language they are written in."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from vigil.cli.commands import run_triage
from vigil.escalation.triage import Assessment, TriageEngine, default_engine, engines
from vigil.escalation.triage.conversation import ConversationReader, Message
from vigil.escalation.triage.followups import load as load_followups
from vigil.escalation.triage.language import detect, votes
from vigil.escalation.triage.lines import triage_line

from .conftest import present, status_of


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


def assess(text: str, question: str | None = None, context: dict[str, bool] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


# -- each emergency rule, in Spanish ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "context", "rule"),
    [
        ("me duele mucho la espalda y tengo las piernas débiles", {}, "mscc-neuro"),
        ("dolor en la columna y se me duermen los pies", {}, "mscc-neuro"),
        ("tengo un dolor que me baja por la pierna y no puedo orinar", {}, "mscc-neuro"),
        ("ya no puedo caminar, las piernas no me responden", {}, "cord-signs"),
        ("no siento las piernas desde anoche", {}, "cord-signs"),
        ("me hice pipí encima sin darme cuenta", {}, "cord-signs"),
        ("tengo adormecidas las nalgas", {}, "cord-signs"),
        ("me falta el aire hasta sentado", {}, "breathing"),
        ("no puedo respirar", {}, "breathing"),
        ("me ahogo y me duele el pecho", {}, "breathing"),
        ("de repente un dolor muy fuerte en el pecho", {}, "chest-pain"),
        ("tosí sangre, como media taza", {}, "hemoptysis-major"),
        ("escupo sangre y me falta el aire", {}, "hemoptysis-major"),
        ("tengo la cara y el cuello hinchados y me cuesta respirar", {}, "svc-airway"),
        ("tengo fiebre de 38.5", {"on_active_treatment": True}, "neutropenic-fever"),
        ("tengo escalofríos, me pusieron la quimio el martes", {}, "neutropenic-fever"),
        ("mi esposa dice que tuve una convulsión", {}, "neuro-acute"),
        ("me desmayé en el baño", {}, "neuro-acute"),
        ("está muy confundido, no sabe dónde está", {}, "neuro-acute"),
        ("no puedo mover el brazo izquierdo", {}, "neuro-acute"),
        ("la pantorrilla hinchada y caliente y me falta el aire", {}, "clot"),
        ("me sangra la nariz y no para de sangrar", {}, "bleeding-major"),
        ("vomité mucha sangre", {}, "bleeding-major"),
        ("ya no quiero vivir, quiero acabar con todo", {}, "self-harm"),
    ],
)
def test_each_emergency_rule_fires_in_spanish(text: str, context: dict[str, bool], rule: str) -> None:
    a = assess(text, context=context)
    assert a.level.label == "emergency", (text, a.findings)
    assert rule in a.rules


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("me duele la espalda cada vez más, no me deja dormir", "spinal-pain-flags"),
        ("escupí flema con hilitos de sangre", "hemoptysis"),
        ("me falta el aire más que la semana pasada", "dyspnea-new"),
        ("tengo un dolorcito en el pecho", "chest-pain-any"),
        ("tengo 38.6 de fiebre", "fever"),
        ("he vomitado 7 veces hoy", "vomiting"),
        ("dolor de cabeza horrible y vomité", "head"),
        ("me duele la cadera, un 8 de 10", "pain-severe"),
    ],
)
def test_urgent_rules_fire_in_spanish(text: str, rule: str) -> None:
    a = assess(text)
    assert a.level.label == "urgent", (text, a.findings)
    assert rule in a.rules


def test_spanish_reads_the_english_rules_file_not_a_copy(es: TriageEngine) -> None:
    en = default_engine("en")
    assert [r.id for r in es.rules] == [r.id for r in en.rules]
    assert es.version.startswith("es-")
    assert es.version.split("-")[1] == en.version.split("-")[1]


# -- how people text in Spanish ------------------------------------------------------------


@pytest.mark.parametrize(
    ("with_accents", "without"),
    [
        ("me duele el corazón", "me duele el corazon"),
        ("vomité sangre", "vomite sangre"),
        ("no puedo orinar", "no puedo orinar"),
        ("tengo calentura y escalofríos", "tengo calentura y escalofrios"),
        ("me desmayé", "me desmaye"),
        ("Tengo la pierna HINCHADA", "tengo la pierna hinchada"),
    ],
)
def test_accents_dropped_or_not_read_the_same(with_accents: str, without: str) -> None:
    a, b = assess(with_accents), assess(without)
    assert present(a) == present(b) != set()
    assert a.level == b.level


def test_accents_sent_as_combining_marks_read_the_same() -> None:
    composed = "me duele el corazón, tosí sangre"
    decomposed = unicodedata.normalize("NFD", composed)
    a = assess(decomposed)
    assert present(a) == present(assess(composed)) == {"chest_pain", "hemoptysis"}
    assert all(decomposed[f.start : f.end] == f.evidence for f in a.findings)


def test_evidence_keeps_the_patients_own_accented_words() -> None:
    text = "me duele el corazón"
    finding = next(f for f in assess(text).findings if f.concept == "chest_pain")
    assert text[finding.start : finding.end] == finding.evidence
    assert "corazón" in finding.evidence


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("tb me duele la espalda", "back_pain"),
        ("tengo fiebre xq no me baja", "fever"),
        ("me duele la cabesa", "headache"),
        ("k hago, toy bomitando", "vomiting"),
        ("tenés fiebre?? no, pero sentís que me falta el aire", "dyspnea"),
        ("vos sabés que no podés caminar bien desde ayer", "gait_difficulty"),
        ("ando con chorrillo desde ayer", "diarrhea"),
        ("estoy guacareando todo", "vomiting"),
        ("me dan chuchos de frío", "chills"),
        ("tengo los chamorros hinchados", "leg_swelling"),
        ("me duelen los riñones", "back_pain"),
        ("me silba el pecho", "wheeze"),
        ("estoy con mucha flojera, re cansada", "fatigue"),
        ("me dio una fatiga, no me entra el aire", "dyspnea"),
        ("ayer me dio un patatús en la guagua", "syncope"),
        ("me agarró una puntada en el pecho", "chest_pain"),
        ("no me baja la fiebre", "fever"),
        ("no para de dolerme la cabeza", "headache"),
        ("tengo un dolor que me baja por la pierna", "radicular_pain"),
    ],
)
def test_texting_shorthand_voseo_misspellings_and_regional_words_are_read(text: str, concept: str) -> None:
    assert concept in present(assess(text)), assess(text).findings


# -- statuses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("no tengo fiebre", "fever"),
        ("nada de dolor de espalda", "back_pain"),
        ("sin falta de aire", "dyspnea"),
        ("ni tos ni fiebre", "cough"),
        ("ni tos ni fiebre", "fever"),
        ("tampoco he vomitado", "vomiting"),
        ("nunca he escupido sangre", "hemoptysis"),
        ("fiebre no", "fever"),
        ("ya no me duele el pecho", "chest_pain"),
    ],
)
def test_negation_in_spanish_keeps_the_level_down(text: str, concept: str) -> None:
    a = assess(text)
    assert concept not in present(a)
    assert status_of(a, concept) & {"negated", "resolved"}
    assert a.level.label == "none"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("¿y si me sube la fiebre?", "fever"),
        ("qué hago si empiezo a escupir sangre", "hemoptysis"),
        ("por si me falta el aire, ¿a quién llamo?", "dyspnea"),
        ("en caso de que no pueda caminar, voy a urgencias?", "gait_difficulty"),
        ("debo preocuparme si se me duermen las piernas?", "numbness"),
    ],
)
def test_hypotheticals_in_spanish_never_fire(text: str, concept: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"hypothetical"}
    assert a.level.label == "none"


def test_someone_elses_symptom_is_theirs() -> None:
    a = assess("mi esposo tiene tos y fiebre")
    assert status_of(a, "cough") == {"other"}
    assert a.level.label == "none"


def test_a_carer_writing_for_the_patient_writes_about_the_patient() -> None:
    a = assess("soy la hija de Rosa, ella no puede caminar")
    assert "gait_difficulty" in present(a)
    assert a.level.label == "emergency"
    b = assess("le escribo por mi papá, tiene fiebre y escalofríos desde anoche")
    assert {"fever", "chills"} <= present(b)


def test_a_carer_who_names_the_patient_after_the_relation_writes_about_the_patient() -> None:
    a = assess("Hola, soy Marta, la esposa de Juan. Él tiene fiebre de 38.9")
    assert "fever" in present(a)
    b = assess("buenas tardes, habla Pedro, el hijo de la señora Lupe, ella no puede caminar")
    assert b.level.label == "emergency"
    assert assess("mis hijos están bien, le escribo para confirmar la cita").level.label == "none"


def test_a_parent_named_bare_is_how_a_carer_names_the_patient() -> None:
    assert "gait_difficulty" in present(assess("mi mamá ya no se puede parar"))


def test_a_past_illness_is_history() -> None:
    a = assess("el año pasado tuve una convulsión pero nada desde entonces")
    assert "seizure" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "me muero de risa con mi nieto",
        "este papeleo del seguro me da dolor de cabeza",
        "me muero de hambre, ¿a qué hora es la cita?",
        "se me parte el corazón de ver a mi hija triste",
        "mañana tengo análisis de sangre",
        "¿la quimio da diarrea?",
        "me hice la prueba ayer",
        "mi papá tenía las piernas hinchadas antes de morir",
        "¿qué me pasa? ¿el doctor me va a llamar?",
        "se me calmó el dolor de espalda",
    ],
)
def test_figures_of_speech_are_not_symptoms(text: str) -> None:
    assert assess(text).level.label == "none", assess(text).findings


# -- answers to questions in Spanish --------------------------------------------------------


def test_a_yes_to_a_spanish_question_takes_its_subject() -> None:
    a = assess("sí", "¿Ha notado debilidad nueva o pesadez en las piernas?")
    assert "limb_weakness" in present(a)
    assert assess("no", "¿Tiene fiebre?").level.label == "none"


def test_a_no_to_a_question_about_something_with_the_headache_denies_that_not_the_headache() -> None:
    a = assess("no", "¿Ha vomitado con el dolor de cabeza?")
    assert status_of(a, "vomiting") == {"negated"}
    assert "headache" not in status_of(a, "headache") | {f.concept for f in a.findings}


@pytest.mark.parametrize(
    ("text", "level", "value"),
    [
        ("tengo fiebre de 37.8", "routine", 37.8),
        ("tengo 37,8 de fiebre", "routine", 37.8),
        ("la fiebre está en 38.4", "urgent", 38.4),
        ("tengo fiebre de 39", "urgent", 39.0),
        ("tengo fiebre de 37.2", "none", None),
    ],
)
def test_a_fever_named_with_its_reading_is_that_reading(text: str, level: str, value: float | None) -> None:
    a = assess(text)
    assert a.level.label == level
    assert [f.value_c for f in a.findings if f.concept == "fever" and f.present] == ([value] if value else [])


def test_only_when_walking_says_when_not_whether() -> None:
    a = assess("solo cuando camino", "¿Le falta el aire estando en reposo?")
    assert "dyspnea" in present(a)
    assert a.level.label == "routine"
    b = assess("no me falta el aire en reposo, solo cuando camino")
    assert "dyspnea" in present(b)
    assert b.level.label == "routine"


def test_a_score_out_of_ten_in_spanish() -> None:
    a = assess("8 de 10", "Del 0 al 10, ¿qué tan fuerte es su dolor de espalda?")
    back = next(f for f in a.findings if f.concept == "back_pain")
    assert back.score == 8
    assert "severe" in back.modifiers


# -- conversations and follow-ups -------------------------------------------------------------


def _conversation(*texts: str) -> list[Message]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [Message(t, start + timedelta(minutes=10 * i)) for i, t in enumerate(texts)]


def test_a_spanish_conversation_pools_its_messages(es: TriageEngine) -> None:
    reader = ConversationReader(es)
    reading = reader.read(_conversation("me duele mucho la espalda", "y ahora se me duermen las piernas"))
    assert "mscc-neuro" in reading.assessment.rules


def test_a_spanish_correction_gives_the_finding_away(es: TriageEngine) -> None:
    reading = ConversationReader(es).read(_conversation("tengo fiebre", "perdón, era sobre mi esposo"))
    assert reading.assessment.level.label == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("estoy viendo la novela", "la pobre señora está sangrando y no para"),
        ("tuve una convulsión", "eso fue en 1998"),
        ("tengo 38.9", "perdón, 36.9, lo leí mal"),
    ],
)
def test_a_story_a_date_or_a_corrected_reading_keeps_a_spanish_conversation_calm(
    es: TriageEngine, texts: tuple[str, ...]
) -> None:
    assert ConversationReader(es).read(_conversation(*texts)).assessment.level.label == "none"


def test_a_later_reading_says_how_high_the_fever_named_before_is(es: TriageEngine) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    messages = [
        Message("tengo calentura", start),
        Message("37.6", start + timedelta(minutes=3), "¿Cuál es su temperatura ahora?"),
    ]
    reading = ConversationReader(es).read(messages)
    assert reading.assessment.level.label == "routine"
    assert {f.value_c for f in reading.assessment.findings if f.concept == "fever"} == {37.6}


def test_y_la_fiebre_tb_goes_the_way_of_the_message_before(es: TriageEngine) -> None:
    gone = ConversationReader(es).read(_conversation("la tos ya se me quitó", "y la fiebre tb"))
    assert gone.assessment.level.label == "none"
    more = ConversationReader(es).read(_conversation("tengo tos", "y fiebre también"))
    assert "fever" in present(more.assessment)


def test_follow_up_questions_and_advice_are_in_spanish(es: TriageEngine) -> None:
    followups = load_followups("es")
    assert [f.name for f in followups.families] == [f.name for f in load_followups("en").families]
    asks = followups.to_ask(followups.families[0], ())
    assert asks[0].text.startswith("¿")
    assert "911" in es.render_advice(assess("no puedo respirar").level, [])
    assert "Llame" in es.render_advice(assess("no puedo respirar").level, [])


# -- language detection and mixed messages ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("me duele la espalda", "es"),
        ("no tengo fiebre", "es"),
        ("q onda, tb me duele", "es"),
        ("my back hurts", "en"),
        ("I have a fever and my legs are weak", "en"),
    ],
)
def test_the_language_of_a_message_is_detected(text: str, language: str) -> None:
    assert detect(text) == language


def test_a_message_with_no_sign_of_a_language_keeps_the_default() -> None:
    assert detect("7", default="es") == "es"
    assert detect("ok", default="es") in ("en", "es")
    assert votes("38.5").language is None


def test_spanglish_is_mixed_and_read_in_both_languages() -> None:
    assert votes("me duele el back y tengo fever").mixed
    a = engines.assess("my back hurts mucho y no siento las piernas")
    assert a.level.label == "emergency"
    b = engines.assess("I want to die, ya no puedo más", language="es")
    assert "self-harm" in b.rules


def test_a_message_in_the_other_language_than_the_patients_is_still_read() -> None:
    assert engines.assess("my legs are weak", language="es").level.label == "emergency"
    assert engines.assess("no puedo caminar", language="en").level.label == "emergency"


def test_the_main_languages_negation_has_the_last_word_in_a_mixed_message() -> None:
    assert engines.assess("nada de vomiting hoy, thanks", language="es").level.label == "none"


def test_an_answer_in_one_language_to_a_question_in_the_other_is_read_with_it() -> None:
    a = engines.assess("si", "Any new weakness in your legs?", language="es")
    assert "limb_weakness" in present(a)
    b = engines.assess("yes", "¿Tiene las piernas débiles?", language="en")
    assert "limb_weakness" in present(b)


def test_a_one_word_answer_is_read_in_its_questions_language_too() -> None:
    # "Y" and "ya" look Spanish; to an English question they say yes.
    for answer in ("Y", "ya"):
        assert "limb_weakness" in present(engines.assess(answer, "Any new weakness in your legs?"))


def test_english_is_read_as_before_when_no_language_is_given() -> None:
    text = "my back is killing me and my legs are weak"
    assert engines.assess(text).to_dict() == default_engine("en").assess(text).to_dict()


def test_an_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no triage data for language 'fr'"):
        engines.assess("bonjour", language="fr")


# -- `vigil triage` with and without "language" ----------------------------------------------


def _triage(*lines: str, language: str | None = None) -> list[dict]:
    out = io.StringIO()
    assert run_triage(iter(lines), out, language) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_vigil_triage_detects_the_language_of_each_line() -> None:
    rows = _triage(
        json.dumps({"id": "es", "text": "me duele la espalda y no siento las piernas"}),
        json.dumps({"id": "en", "text": "my back hurts and I can't feel my legs"}),
    )
    assert [r["level"] for r in rows] == ["emergency", "emergency"]
    assert rows[0]["ruleset"].startswith("es-")
    assert rows[1]["ruleset"].startswith("en-")
    assert "Llame" in rows[0]["advice"]
    assert "call" in rows[1]["advice"]


def test_vigil_triage_takes_a_language_per_line() -> None:
    rows = _triage(
        json.dumps({"id": "a", "text": "sí", "question": "¿Tiene fiebre?", "language": "es"}),
        json.dumps({"id": "b", "text": "7", "question": "¿Cuántas veces ha vomitado hoy?", "language": "es"}),
        json.dumps({"id": "c", "text": "hola", "language": "fr"}),
    )
    assert rows[0]["level"] == "urgent"
    assert rows[0]["findings"][0]["concept"] == "fever"
    assert rows[1]["level"] == "urgent"
    assert rows[2]["id"] == "c"
    assert "language" in rows[2]["error"]


def test_vigil_triage_reads_a_spanish_conversation_line() -> None:
    line = json.dumps(
        {
            "id": "c1",
            "language": "es",
            "messages": [
                {"text": "me duele la espalda"},
                {"text": "y ahora no puedo caminar", "minutes": 30},
            ],
        }
    )
    (row,) = _triage(line)
    assert row["level"] == "emergency"
    assert "mscc-neuro" in row["rules"]


def test_a_language_option_for_the_run_still_yields_to_each_lines_own() -> None:
    rows = _triage(
        json.dumps({"id": "a", "text": "7", "question": "¿Cuántas veces ha vomitado hoy?"}),
        json.dumps({"id": "b", "text": "no tengo fiebre", "language": "es"}),
        language="es",
    )
    assert rows[0]["level"] == "urgent"
    assert rows[1]["level"] == "none"


def test_triage_line_with_an_engine_and_no_language_reads_as_before() -> None:
    en = default_engine("en")
    line = json.dumps({"id": "x", "text": "no fever"})
    assert triage_line(en, line) == {"id": "x", **en.assess("no fever").to_dict()}


def test_el_dolor_in_a_later_message_is_the_pain_named_before(es: TriageEngine) -> None:
    reader = ConversationReader(es)
    for talk, rule in (
        (("me duele la espalda baja", "el dolor no me deja dormir en la noche"), "spinal-pain-flags"),
        (("tengo dolor de cabeza", "ese dolor va cada vez peor"), "head"),
    ):
        assert rule in reader.read(_conversation(*talk)).assessment.rules, talk
    # Someone else's pain spoken of again stays theirs.
    hers = reader.read(_conversation("a mi hermana le duele el pecho", "ahora el dolor es más fuerte"))
    assert hers.assessment.level.label == "none"
