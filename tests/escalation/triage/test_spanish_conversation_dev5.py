"""Spanish conversations (docs/triage.md, "Conversations" and "Languages"): corrections that
say what was meant, counts said without their verb, the weather's temperature, falls from
something climbed, breath on exertion and breath taken by a feeling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import Assessment, TriageEngine, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import present


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


def _talk(*turns: str | tuple[str, str]) -> list[Message]:
    """Messages ten minutes apart; a (question, answer) pair is an answer to that question."""
    start = datetime(2026, 5, 4, 8, tzinfo=UTC)
    out = []
    for i, turn in enumerate(turns):
        question, text = turn if isinstance(turn, tuple) else (None, turn)
        out.append(Message(text, start + timedelta(minutes=10 * i), question))
    return out


def _read(es: TriageEngine, *turns: str | tuple[str, str]) -> Assessment:
    return ConversationReader(es).read(_talk(*turns)).assessment


# -- "me equivoqué, quise decir ...": a detail corrected, not the message taken back -------------


@pytest.mark.parametrize(
    "fix",
    [
        "uy me equivoqué, quise decir el muslo derecho",
        "me confundí, quería decir la rodilla",
        "fue un error, quise poner la pantorrilla, mejor dicho",
    ],
)
def test_a_slip_corrected_with_what_was_meant_keeps_the_finding(es: TriageEngine, fix: str) -> None:
    a = _read(es, "tengo dolor en la columna desde el jueves", "y se me adormece el brazo", fix)
    assert "numbness" in present(a), a.findings
    assert "mscc-neuro" in a.rules


def test_a_slip_without_what_was_meant_still_takes_the_message_back(es: TriageEngine) -> None:
    a = _read(es, "se me adormecen los dedos del pie", "perdón, me equivoqué")
    assert "numbness" not in present(a), a.findings


def test_meaning_no_still_takes_the_message_back(es: TriageEngine) -> None:
    a = _read(es, "tengo tos con flema", "me equivoqué, quise decir que no")
    assert "cough" not in present(a), a.findings


# -- trips to the toilet counted with the verb left out -----------------------------------------


@pytest.mark.parametrize(
    "first",
    ["tres veces al baño suelto", "5 veces al baño, aguado", "cuatro veces al baño bien líquido"],
)
def test_counted_loose_trips_without_a_verb_are_diarrhoea(es: TriageEngine, first: str) -> None:
    a = _read(es, first)
    assert "diarrhea" in present(a), a.findings
    assert a.level.label == "routine"


def test_counted_loose_trips_add_up_across_messages(es: TriageEngine) -> None:
    assert _read(es, "cinco veces al baño suelta", "otras tres").level.label == "urgent"
    assert _read(es, "dos veces al baño aguado", "otras dos").level.label == "routine"


def test_toilet_trips_said_without_looseness_are_not_diarrhoea(es: TriageEngine) -> None:
    assert "diarrhea" not in present(_read(es, "fui tres veces al baño a orinar"))


# -- the weather's temperature is not a fever ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "qué bochorno, 41 grados a la sombra",
        "hace 39 grados y no hay ventilador",
        "en la calle estamos como a 38 de calor",
        "con este clima de 40 grados no salgo",
    ],
)
def test_the_weathers_temperature_is_not_a_fever(es: TriageEngine, text: str) -> None:
    a = _read(es, "tengo la boca seca", text)
    assert "fever" not in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "hace tres días tuve 38.9",
        "tengo 39 de fiebre con este calor",
        "le tomé la temperatura: 38.4",
        "tengo 38.5 y la temperatura ambiente es normal",
        "salí a la calle y tenía 38.7",
    ],
)
def test_a_body_reading_beside_time_or_heat_words_is_still_a_fever(es: TriageEngine, text: str) -> None:
    assert "fever" in present(_read(es, text))


# -- a fall from something climbed or ridden is an accident, not trouble walking ----------------


@pytest.mark.parametrize(
    "fall",
    ["me caí de la bicicleta el domingo", "se cayó del taburete de la cocina", "me caí de la silla ayer"],
)
def test_a_fall_from_something_climbed_is_not_gait_difficulty(es: TriageEngine, fall: str) -> None:
    a = _read(es, "me duele muchísimo la muñeca", fall)
    assert "gait_difficulty" not in present(a), a.findings
    assert a.level.label != "emergency"


def test_falling_again_and_again_is_still_gait_difficulty(es: TriageEngine) -> None:
    assert "gait_difficulty" in present(_read(es, "me caigo a cada rato, las piernas no me aguantan"))


# -- breath on exertion said without the word "aire" ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ando con muy poco fuelle",
        "tuve que pararme a mitad de la cuesta, antes la subía sin problema",
        "tengo que detenerme a recuperar el aliento cuando voy a la tienda",
    ],
)
def test_breath_on_exertion_said_other_ways_is_dyspnea(es: TriageEngine, text: str) -> None:
    assert "dyspnea" in present(_read(es, text))


def test_new_breath_on_exertion_denied_at_rest_stays_new_dyspnea(es: TriageEngine) -> None:
    question = "¿Le falta el aire estando en reposo, o tanto que no puede terminar una frase?"
    a = _read(es, "últimamente me quedo sin fuelle, antes no me pasaba", (question, "no, sentada estoy bien"))
    assert a.level.label == "urgent"
    assert "dyspnea-new" in a.rules


def test_stopping_halfway_through_something_that_is_no_climb_is_not_dyspnea(es: TriageEngine) -> None:
    assert "dyspnea" not in present(_read(es, "tuve que salirme a la mitad de la película"))


def test_unable_to_finish_saying_a_sentence_is_severe_dyspnea(es: TriageEngine) -> None:
    assert _read(es, "no logro terminar de decir una frase").level.label == "emergency"


# -- breath taken away by a feeling is a figure of speech ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me quedé sin aliento de la emoción al ver a mi hijo",
        "se me fue el aire de la impresión con la sorpresa",
        "nos quitó el aliento de la alegría, me quitó el aliento de la alegría",
    ],
)
def test_breath_taken_by_a_feeling_is_no_dyspnea(es: TriageEngine, text: str) -> None:
    assert "dyspnea" not in present(_read(es, text))


def test_breath_taken_by_effort_is_still_dyspnea(es: TriageEngine) -> None:
    assert "dyspnea" in present(_read(es, "me quedo sin aliento al barrer"))


# -- coming to on a floor of any kind is fainting -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "desperté tirada sobre las baldosas de la cocina",
        "volví en mí en los azulejos del baño",
        "reaccioné en la banqueta sin saber qué pasó",
    ],
)
def test_coming_to_on_the_floor_is_syncope(es: TriageEngine, text: str) -> None:
    assert _read(es, "no se preocupen", text).level.label == "emergency"


def test_lying_on_the_tiles_to_cool_off_is_not_syncope(es: TriageEngine) -> None:
    assert "syncope" not in present(_read(es, "me acosté en las baldosas porque hace calor"))


# -- a spine or neck said to get worse is its pain getting worse ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la nuca cada vez peor",
        "la columna se ha puesto peor desde el viernes",
        "mi espalda va de mal en peor",
    ],
)
def test_a_spine_said_to_get_worse_is_worsening_spinal_pain(es: TriageEngine, text: str) -> None:
    a = _read(es, text, "no tengo las piernas débiles")
    assert "spinal-pain-flags" in a.rules, a.findings


def test_a_knee_said_to_get_worse_is_no_spinal_pain(es: TriageEngine) -> None:
    a = _read(es, "la rodilla cada día peor")
    assert not {"back_pain", "neck_pain"} & present(a)


def test_a_spine_said_not_to_be_worse_raises_nothing(es: TriageEngine) -> None:
    assert _read(es, "la espalda no está peor").level.label in ("none", "routine")


# -- "esgarrar": blood hawked up with phlegm is coughed up ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "esgarro con hilitos de sangre",
        "al esgarrar me salen unas pintitas de sangre",
        "esgarré y salió sangre",
    ],
)
def test_blood_hawked_up_is_hemoptysis(es: TriageEngine, text: str) -> None:
    a = _read(es, text)
    assert "hemoptysis" in present(a), a.findings
    assert a.level.label == "urgent"


def test_a_torn_muscle_is_not_hawking(es: TriageEngine) -> None:
    assert "hemoptysis" not in present(_read(es, "me desgarré el gemelo y tengo un moretón con sangre"))


# -- nothing staying in the stomach is vomiting that keeps no fluids down ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no le dura nada en la barriga, ni el suero",
        "todo lo vomita desde ayer",
        "no me para ni el agua en el estómago",
    ],
)
def test_nothing_staying_down_is_vomiting_without_fluids(es: TriageEngine, text: str) -> None:
    a = _read(es, text)
    assert "vomiting" in present(a), a.findings
    assert "vomiting" in a.rules


def test_an_empty_fridge_is_not_vomiting(es: TriageEngine) -> None:
    assert "vomiting" not in present(_read(es, "no me queda nada en la alacena, mañana voy al mercado"))


# -- "ya paró", "se cortó", "dejó de sangrar": stopped is resolved ------------------------------


def _changes(es: TriageEngine, *turns: str) -> set[tuple[str, str]]:
    return {(c.concept, c.status) for c in ConversationReader(es).read(_talk(*turns)).changes}


@pytest.mark.parametrize(
    "turns",
    [
        ("tengo el estómago suelto, diarrea", "ya se me cortó, gracias"),
        ("me sangran las encías", "ya dejó de sangrar"),
        ("vomité en la mañana", "ya paró el vómito"),
    ],
)
def test_a_symptom_said_to_have_stopped_is_resolved(es: TriageEngine, turns: tuple[str, str]) -> None:
    assert any(status == "resolved" for _, status in _changes(es, *turns))


def test_a_heart_attack_named_paro_is_not_a_resolution(es: TriageEngine) -> None:
    assert not _changes(es, "tengo diarrea", "a mi vecino le dio un paro")


# -- a bare count for another part of the day adds to the day's count ----------------------------


@pytest.mark.parametrize(
    "later",
    ["y tres en la tarde", "luego 4 por la noche", "y otras tres en la madrugada"],
)
def test_a_bare_count_for_another_part_of_the_day_adds_up(es: TriageEngine, later: str) -> None:
    a = _read(es, "he vomitado tres veces esta mañana", later)
    assert "vomiting" in a.rules, a.findings


def test_a_bare_count_after_a_symptom_that_is_not_counted_adds_nothing(es: TriageEngine) -> None:
    assert _read(es, "me duele un poco la rodilla", "y tres en la tarde").level.label == "routine"


# -- a correction that gives only the place meant moves what was said there ----------------------


@pytest.mark.parametrize(
    "fix",
    ["mejor dicho las dos piernas", "*piernas", "ay no, me confundí, quise decir las dos piernas"],
)
def test_numb_feet_corrected_to_both_legs_is_cord_signs(es: TriageEngine, fix: str) -> None:
    a = _read(es, "tengo los dedos de los pies dormidos", fix)
    assert "cord-signs" in a.rules, a.findings


@pytest.mark.parametrize(
    "fix",
    ["ah no, era el estómago, perdón", "perdón, no es el pecho, es la barriga", "uy, quise decir la muela"],
)
def test_chest_pain_corrected_to_another_place_is_no_chest_pain(es: TriageEngine, fix: str) -> None:
    a = _read(es, "me duele el pecho", fix)
    assert "chest_pain" not in present(a), a.findings
    assert a.level.label == "routine"


def test_a_correction_naming_a_person_gives_the_finding_away_not_a_place(es: TriageEngine) -> None:
    a = _read(es, "me duele el pecho", "no, perdón, es mi hermana")
    assert "chest_pain" not in present(a)
    assert a.level.label == "none"


def test_a_place_added_without_a_correction_moves_nothing(es: TriageEngine) -> None:
    a = _read(es, "me duele el pecho", "y la rodilla también")
    assert "chest_pain" in present(a)


# -- an amount of blood said as the answer to "did you cough up blood?" says yes -----------------

_BLOOD_Q = "¿Ha tosido o escupido sangre?"


@pytest.mark.parametrize("answer", ["unos hilitos nomás", "unas pintas", "unas gotitas"])
def test_a_small_amount_to_the_coughed_blood_question_is_hemoptysis(es: TriageEngine, answer: str) -> None:
    a = _read(es, "tengo una tos que no se me quita", (_BLOOD_Q, answer))
    assert "hemoptysis" in present(a), a.findings
    assert a.level.label == "urgent"


def test_a_large_amount_to_the_coughed_blood_question_is_major(es: TriageEngine) -> None:
    a = _read(es, "tengo una tos que no se me quita", (_BLOOD_Q, "un montón"))
    assert "hemoptysis-major" in a.rules, a.findings


def test_nothing_to_the_coughed_blood_question_is_no_hemoptysis(es: TriageEngine) -> None:
    a = _read(es, "tengo una tos que no se me quita", (_BLOOD_Q, "nada de nada"))
    assert "hemoptysis" not in present(a)


# -- "me refería a mi marido": what was said was about someone else ------------------------------


@pytest.mark.parametrize(
    "later",
    ["perdón, me refería a mi cuñada", "lo decía por mi hermano, disculpe", "lo preguntaba por mi vecina"],
)
def test_saying_who_was_meant_gives_the_message_before_away(es: TriageEngine, later: str) -> None:
    a = _read(es, "tiene mucha tos y fiebre", later)
    assert not present(a), a.findings


def test_saying_what_was_meant_keeps_the_finding(es: TriageEngine) -> None:
    a = _read(es, "me duele el pecho", "me refiero a que me aprieta al respirar")
    assert "chest_pain" in present(a)


# -- a bare fragment that dates the message before in childhood ----------------------------------


@pytest.mark.parametrize("later", ["de chiquito", "cuando era adolescente", "eso fue de joven"])
def test_a_fragment_dating_the_event_in_childhood_makes_it_history(es: TriageEngine, later: str) -> None:
    a = _read(es, "tuve ataques epilépticos", later)
    assert a.level.label != "emergency", a.findings


def test_a_childhood_fragment_that_says_it_still_happens_keeps_it(es: TriageEngine) -> None:
    a = _read(es, "anoche me desmayé", "de joven también me pasaba")
    assert a.level.label == "emergency"


# -- "desde entonces nada" after something told of last week -------------------------------------


@pytest.mark.parametrize(
    "later", ["y desde entonces nada", "pero desde ahí no se ha repetido", "después de eso nada"]
)
def test_nothing_since_an_event_of_last_week_is_history(es: TriageEngine, later: str) -> None:
    a = _read(es, "hace dos semanas me desmayé en la misa", later)
    assert a.level.label != "emergency", a.findings


def test_nothing_since_an_event_of_today_keeps_the_case_raised(es: TriageEngine) -> None:
    assert _read(es, "hoy me desmayé en la cocina", "y desde entonces nada").level.label == "emergency"


# -- an answer button pressed by mistake --------------------------------------------------------

_WALK_Q = "¿Le cuesta caminar?"


@pytest.mark.parametrize(
    "fix", ["perdón, apreté sí sin querer", "toqué el sí por error", "pulsé sí por equivocación"]
)
def test_yes_pressed_by_mistake_takes_the_yes_back(es: TriageEngine, fix: str) -> None:
    a = _read(es, "me duele la columna", (_WALK_Q, "sí"), fix)
    assert "gait_difficulty" not in present(a), a.findings


@pytest.mark.parametrize(
    "fix", ["le di al no sin querer", "marqué no por error", "perdón, apreté no sin querer"]
)
def test_no_pressed_by_mistake_turns_the_answer_to_yes(es: TriageEngine, fix: str) -> None:
    a = _read(es, "me duele la columna", (_WALK_Q, "no"), fix)
    assert "gait_difficulty" in present(a), a.findings


def test_a_yes_that_stands_is_not_taken_back_by_thanks(es: TriageEngine) -> None:
    a = _read(es, "me duele la columna", (_WALK_Q, "sí"), "gracias por preguntar")
    assert "gait_difficulty" in present(a)


# -- where the blood came from, said with a hedge ------------------------------------------------


@pytest.mark.parametrize(
    "fix",
    ["bueno, creo que era de las encías", "al final venía de la nariz", "me parece que salía del labio"],
)
def test_a_hedged_source_of_the_blood_makes_it_no_hemoptysis(es: TriageEngine, fix: str) -> None:
    a = _read(es, "escupí sangre esta mañana", fix)
    assert "hemoptysis" not in present(a), a.findings


def test_blood_said_to_come_with_the_cough_stays_hemoptysis(es: TriageEngine) -> None:
    a = _read(es, "escupí sangre esta mañana", "bueno, sí es al toser, no de las encías")
    assert "hemoptysis" in present(a)


# -- a correction that narrows the place to a smaller one ----------------------------------------


@pytest.mark.parametrize(
    "fix",
    ["bueno, solo las plantas de los pies", "no, más bien nomás los pies", "perdón, solamente los dedos"],
)
def test_numb_legs_narrowed_to_the_feet_is_no_cord_sign(es: TriageEngine, fix: str) -> None:
    a = _read(es, "tengo dormidas las dos piernas", fix)
    assert "cord-signs" not in a.rules, a.findings
    assert "numbness" in present(a)


def test_weak_legs_narrowed_to_one_side_stays_an_emergency(es: TriageEngine) -> None:
    a = _read(es, "no puedo mover las piernas", "bueno, solo la izquierda")
    assert a.level.label == "emergency"


# -- dizziness said with the verb is something for the care team to read -------------------------


@pytest.mark.parametrize(
    "text", ["me mareé en la ducha", "se ha mareado varias veces hoy", "me mareo al pararme"]
)
def test_dizziness_said_with_the_verb_is_not_silently_none(es: TriageEngine, text: str) -> None:
    assert _read(es, text).level.label == "routine"


def test_a_faint_denied_for_dizziness_keeps_the_dizziness(es: TriageEngine) -> None:
    a = _read(es, "me desmayé", "bueno, no llegué a desmayarme, solo me mareé")
    assert "syncope" not in present(a)
    assert a.level.label == "routine"


def test_dizziness_of_the_past_is_none(es: TriageEngine) -> None:
    assert _read(es, "antes me mareaba con la quimio").level.label == "none"


# -- someone else's symptom, now the writer's too ------------------------------------------------


@pytest.mark.parametrize("later", ["ya me la contagió", "a mí también me dio", "ahora yo también la tengo"])
def test_someone_elses_symptom_caught_by_the_writer_is_present(es: TriageEngine, later: str) -> None:
    a = _read(es, "mi nieto anda con gripa y tos", later)
    assert "cough" in present(a), a.findings


def test_the_writer_saying_they_are_well_keeps_it_someone_elses(es: TriageEngine) -> None:
    assert not present(_read(es, "mi nieto anda con tos", "yo no, yo bien"))


@pytest.mark.parametrize("later", ["y yo también", "a mí también", "yo igual"])
def test_the_writer_saying_me_too_has_it_too(es: TriageEngine, later: str) -> None:
    a = _read(es, "mi esposa tiene una tos fea", later)
    assert "cough" in present(a), a.findings


def test_another_symptom_said_with_tambien_still_follows_the_one_before(es: TriageEngine) -> None:
    a = _read(es, "el dolor de garganta ya se me quitó", "y la fiebre también")
    assert not present(a), a.findings
