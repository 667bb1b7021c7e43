"""Spanish conversations read as one (TRIAGE.md, "Conversations" and "Languages"): what goes
wrong across messages in Spanish — someone set apart from the clinic's care, answers to the
red-flag follow-up questions, corrections and readings given later."""

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
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    out = []
    for i, turn in enumerate(turns):
        question, text = turn if isinstance(turn, tuple) else (None, turn)
        out.append(Message(text, start + timedelta(minutes=10 * i), question))
    return out


def _read(es: TriageEngine, *turns: str | tuple[str, str], **context: bool) -> Assessment:
    return ConversationReader(es).read(_talk(*turns), context or None).assessment


# -- someone the writer says is not the clinic's patient --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a mi cuñado le sale sangre al toser, él no es paciente de ustedes",
        "mi abuela se desmayó, no es paciente de la clínica",
        "mi compadre no puede mover las piernas, pero no se atiende aquí",
        "mi mamá tiene mucha fiebre, ella no es su paciente",
    ],
)
def test_someone_said_not_to_be_the_patient_in_the_same_message_is_someone_else(text: str) -> None:
    a = default_engine("es").assess(text)
    assert not present(a), a.findings
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text",
    [
        "me duele el pecho, mi hermano no es paciente pero yo sí",
        "no es paciente de ustedes mi vecina, pero yo tengo fiebre",
    ],
)
def test_the_writers_own_symptom_beside_someone_set_apart_is_still_the_patients(text: str) -> None:
    assert present(default_engine("es").assess(text))


@pytest.mark.parametrize(
    "turns",
    [
        ("mi papá se desmayó", "él no es paciente de aquí, nomás les aviso"),
        ("mi mamá está vomitando sangre", "no es paciente de ustedes, ¿a dónde la llevo?"),
        ("mi abuelo no puede caminar", "ya falleció el pobre, fue hace unas horas"),
    ],
)
def test_a_later_message_that_sets_a_parent_apart_makes_them_someone_else(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert _read(es, *turns).level.label == "none"


def test_a_parent_named_without_being_set_apart_is_still_the_patient(es: TriageEngine) -> None:
    assert _read(es, "mi papá se desmayó", "¿qué hago?").level.label == "emergency"
    assert _read(es, "mi mamá no puede caminar", "ella es paciente de ustedes").level.label == "emergency"


# -- a "no" to a check-in question taken back by a later yes ---------------------------------

SELF_HARM_Q = "¿Ha tenido pensamientos de hacerse daño o de que estaría mejor muerto/a?"
LEGS_Q = "¿Ha notado debilidad nueva o pesadez en las piernas?"


@pytest.mark.parametrize(
    ("question", "later", "rule"),
    [
        (SELF_HARM_Q, "en realidad sí, a veces lo pienso, no quería preocuparlos", "self-harm"),
        (SELF_HARM_Q, "les mentí hace rato, sí he pensado en eso", "self-harm"),
        (LEGS_Q, "pensándolo bien sí, las siento pesadas desde ayer", "cord-signs"),
        (LEGS_Q, "sí, sí la he notado, perdón por mentirle", "cord-signs"),
    ],
)
def test_a_later_yes_takes_the_place_of_an_earlier_no_to_a_question(
    es: TriageEngine, question: str, later: str, rule: str
) -> None:
    assert rule in _read(es, (question, "no"), later).rules


@pytest.mark.parametrize(
    "later",
    [
        "bueno, si me pasa algo les escribo",
        "perdón, si necesito algo les aviso",
        "la verdad si empeora los llamo",
        "ok gracias",
    ],
)
def test_an_if_or_a_thanks_after_a_no_leaves_the_no_standing(es: TriageEngine, later: str) -> None:
    a = _read(es, (LEGS_Q, "no"), later)
    assert a.level.label == "none", a.findings


# -- answers to "¿Cuánta sangre?" -------------------------------------------------------------

AMOUNT_Q = "¿Cuánta sangre: unas rayitas, una cucharadita o más?"


@pytest.mark.parametrize("answer", ["más", "mucha más, se llenó el pañuelo", "bastante", "un montón"])
def test_more_to_how_much_blood_is_a_large_amount(es: TriageEngine, answer: str) -> None:
    a = _read(es, "me salió sangre al ir al baño", (AMOUNT_Q, answer))
    assert "bleeding-major" in a.rules, a.findings


@pytest.mark.parametrize("answer", ["poquita", "una cucharadita", "como una cucharadita nada más", "rayitas"])
def test_a_little_to_how_much_blood_is_blood_but_not_a_large_amount(es: TriageEngine, answer: str) -> None:
    a = _read(es, "me salió sangre al ir al baño", (AMOUNT_Q, answer))
    assert "bleeding" in present(a)
    assert a.level.label == "routine", a.findings


def test_asking_how_much_blood_is_normal_is_no_bleeding() -> None:
    assert default_engine("es").assess("¿cuánta sangre es normal perder en la regla?").level.label == "none"


# -- a correction that gives the message before away, and restates it as theirs -------------


@pytest.mark.parametrize(
    "turns",
    [
        ("me duele la espalda", "perdón, hablaba de mi esposo, a él le duele la espalda desde ayer"),
        ("tengo tos", "disculpe, era sobre mi mamá, ella es la que tiene tos"),
        ("tengo fiebre", "ups, era de mi hijo, él tiene fiebre, yo estoy bien"),
        ("me duele mucho el pecho", "perdón, es mi mamá la del dolor"),
    ],
)
def test_a_correction_that_restates_the_finding_as_theirs_gives_it_away(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    a = _read(es, *turns)
    assert a.level.label == "none", a.findings


@pytest.mark.parametrize(
    ("turns", "concept"),
    [
        (("me duele la espalda", "perdón, hablaba de mi esposo, a mí me duele la cabeza"), "headache"),
        (("tengo fiebre", "perdón, hablaba de mi hijo, pero la tos sí es mía"), "cough"),
        (("tengo diarrea", "disculpe, era de mi papá, yo tengo náuseas"), "nausea"),
    ],
)
def test_the_writers_own_finding_in_such_a_correction_stays_theirs(
    es: TriageEngine, turns: tuple[str, ...], concept: str
) -> None:
    a = _read(es, *turns)
    assert present(a) == {concept}, a.findings


# -- "me desperté del dolor" later: the back pain named before, at night ----------------------


@pytest.mark.parametrize(
    "later",
    [
        "anoche me desperté del dolor",
        "ayer me desperte por el dolor dos veces",
        "me despierto con el dolor todas las madrugadas",
    ],
)
def test_waking_from_the_pain_in_a_later_message_is_night_back_pain(es: TriageEngine, later: str) -> None:
    a = _read(es, "tengo dolor en la espalda baja", ("¿Tiene dificultad para caminar?", "no"), later)
    assert "spinal-pain-flags" in a.rules, a.findings


@pytest.mark.parametrize(
    "later",
    ["me desperté temprano para ir a la cita", "mi esposo me despertó a las seis", "me desperté con hambre"],
)
def test_waking_without_the_pain_is_no_night_pain(es: TriageEngine, later: str) -> None:
    a = _read(es, "tengo dolor en la espalda baja", later)
    assert "spinal-pain-flags" not in a.rules, a.findings


# -- what a later message adds in its own words -------------------------------------------------


@pytest.mark.parametrize(
    "later",
    [
        "ahora la respiración me silba",
        "y me chifla el pecho cuando respiro",
        "mi respiracion le pita como gato",
    ],
)
def test_a_whistling_breath_after_a_swollen_face_or_arm_is_svc_airway(es: TriageEngine, later: str) -> None:
    assert "svc-airway" in _read(es, "tengo la cara hinchada desde ayer", later).rules


@pytest.mark.parametrize(
    "later",
    [
        "hoy ni acostado puedo respirar",
        "ya ni quieta puedo respirar bien",
        "ni en la cama pude respirar anoche",
    ],
)
def test_not_even_sitting_or_lying_can_i_breathe_is_breathless_at_rest(es: TriageEngine, later: str) -> None:
    assert "breathing" in _read(es, "me falta el aire al subir escaleras", later).rules


@pytest.mark.parametrize(
    "later",
    ["me quedo dormido a cada rato", "me quedé dormida comiendo", "me quedaba dormido sentado en la silla"],
)
def test_nodding_off_all_the_time_is_drowsiness(es: TriageEngine, later: str) -> None:
    a = _read(es, "estoy muy cansado", later)
    assert "drowsiness" in present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    ["me mata este calor", "uf me mata tanto calor hoy", "me mata con este bochorno, prendí el ventilador"],
)
def test_the_heat_that_is_killing_me_is_no_pain(es: TriageEngine, text: str) -> None:
    assert _read(es, text, "ya me voy a meter a bañar").level.label == "none"


def test_something_that_is_killing_me_in_my_body_is_still_severe_pain() -> None:
    assert "spinal-pain-flags" in default_engine("es").assess("me mata la espalda con este calor").rules


# -- "no, espere, era de la encía": the blood came from somewhere else ----------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("escupí sangre esta mañana", "ah no espere, venía de las encías, me cepillé fuerte"),
        ("tosí con sangre", "perdón, era de la nariz, me estaba sangrando"),
        ("me salió sangre al toser", "la sangre era de la muela que me sacaron ayer"),
    ],
)
def test_blood_said_later_to_come_from_the_gums_or_nose_is_not_coughed_up(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    a = _read(es, *turns)
    assert "hemoptysis" not in present(a), a.findings
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "turns",
    [
        ("tosí sangre", "y también me sangra la nariz"),
        ("tosí sangre", "no espere, tengo tos hace días"),
        ("escupí sangre con flema", "el moco me sale de la nariz"),
    ],
)
def test_blood_from_the_nose_as_well_or_no_source_leaves_the_coughed_up_blood(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert "hemoptysis" in present(_read(es, *turns))


# -- "ya van 6": a count said alone, the day's total --------------------------------------------


@pytest.mark.parametrize(
    ("turns", "rule"),
    [
        (("vomité dos veces en la mañana", "ya van 6 y no retengo nada"), "vomiting"),
        (("tengo diarrea desde anoche", "llevo 8 hoy"), "diarrhea"),
        (("volví a vomitar", "otra vez", "ya son 7 en total"), "vomiting"),
    ],
)
def test_a_count_said_alone_later_counts_the_finding_before(
    es: TriageEngine, turns: tuple[str, ...], rule: str
) -> None:
    assert rule in _read(es, *turns).rules


@pytest.mark.parametrize(
    "later",
    ["ya van 3 días así", "son las 6 y no he cenado", "llevo 2 pastillas para el mareo", "ya van 4 en total"],
)
def test_days_hours_pills_or_a_small_total_are_not_six_vomits(es: TriageEngine, later: str) -> None:
    assert "vomiting" not in _read(es, "vomité 3 veces hoy", later).rules


# -- "y diarrea" after someone else's symptom: still theirs -----------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("mi suegra anda con tos", "y diarrea, ¿puede venir conmigo a la cita?"),
        ("mi esposo tiene fiebre", "y también mucha tos"),
        ("a mi cuñado le duele la espalda", "y además vómitos desde ayer"),
    ],
)
def test_a_fragment_that_goes_on_after_someone_elses_symptom_is_theirs(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    a = _read(es, *turns)
    assert a.level.label == "none", a.findings


@pytest.mark.parametrize(
    ("turns", "level"),
    [
        (("mi esposo tiene tos", "y no puedo caminar"), "emergency"),
        (("mi esposo tiene tos", "y yo tengo fiebre"), "urgent"),
        (("mi esposo tiene tos", "y me desmayé en la cocina"), "emergency"),
        (("tengo tos", "y fiebre"), "urgent"),
    ],
)
def test_the_writers_own_words_in_the_fragment_or_their_own_list_stay_the_patients(
    es: TriageEngine, turns: tuple[str, ...], level: str
) -> None:
    assert _read(es, *turns).level.label == level


# -- "él" in the next message is the person named before --------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("mi esposo está mal", "él no puede caminar desde ayer"),
        ("mi cuñado anda enfermo", "el tiene fiebre muy alta"),
        ("mi amiga está muy mal", "ella se desmayó en la mañana"),
    ],
)
def test_a_pronoun_in_the_next_message_is_the_person_named_before(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert _read(es, *turns).level.label == "none"


@pytest.mark.parametrize(
    ("turns", "level"),
    [
        (("le escribo por mi esposo", "él no puede caminar desde ayer"), "emergency"),
        (("mi esposo está mal", "y yo no puedo caminar"), "emergency"),
        (("mi papá está muy mal", "él no puede caminar"), "emergency"),
    ],
)
def test_a_carer_the_writer_or_a_parent_named_before_is_still_the_patient(
    es: TriageEngine, turns: tuple[str, ...], level: str
) -> None:
    assert _read(es, *turns).level.label == level


# -- answers to "¿Sigue sangrando sin parar?" ------------------------------------------------------

STOP_Q = "¿Sigue sangrando sin parar?"


@pytest.mark.parametrize(
    "answer", ["no, no para", "sigue saliendo", "todavía sale, ya llevo media hora", "aún gotea"]
)
def test_an_answer_that_says_the_bleeding_goes_on_is_bleeding_that_will_not_stop(
    es: TriageEngine, answer: str
) -> None:
    assert "bleeding-major" in _read(es, "me está sangrando la nariz", (STOP_Q, answer)).rules


@pytest.mark.parametrize("answer", ["no", "no, ya paró", "ya se detuvo", "no, ya no sale nada"])
def test_an_answer_that_says_it_stopped_leaves_the_bleeding_routine(es: TriageEngine, answer: str) -> None:
    assert _read(es, "me está sangrando la nariz", (STOP_Q, answer)).level.label == "routine"


# -- "no, perdón, camino bien": a yes taken back -----------------------------------------------

WALK_Q = "¿Tiene dificultad para caminar?"


@pytest.mark.parametrize(
    "later",
    [
        "no, perdón, camino bien",
        "no espere, me equivoqué, camino normal",
        "no disculpe, nada de eso, apreté mal",
    ],
)
def test_no_sorry_i_walk_fine_takes_back_the_yes_before(es: TriageEngine, later: str) -> None:
    a = _read(es, "me duele la espalda", (WALK_Q, "sí"), later)
    assert a.level.label == "routine", a.findings


@pytest.mark.parametrize(
    "later",
    ["no, perdón, no camino bien, me caigo", "perdón, sí me cuesta caminar", "no puedo ni pararme"],
)
def test_a_later_message_that_still_says_it_keeps_the_yes(es: TriageEngine, later: str) -> None:
    assert _read(es, "me duele la espalda", (WALK_Q, "sí"), later).level.label == "emergency"


# -- "la cara tmb": the quality before, at the site named now ---------------------------------


@pytest.mark.parametrize(
    ("turns", "concept"),
    [
        (("se me hinchó el brazo izquierdo", "y el cuello también"), "face_neck_swelling"),
        (("me duele la rodilla", "y la espalda tb"), "back_pain"),
        (("tengo la pierna derecha débil", "y el brazo igual"), "limb_weakness"),
    ],
)
def test_a_site_named_with_too_takes_the_quality_said_before(
    es: TriageEngine, turns: tuple[str, ...], concept: str
) -> None:
    a = _read(es, *turns)
    assert any(f.concept == concept and f.present and f.message == 1 for f in a.findings), a.findings


@pytest.mark.parametrize(
    "turns",
    [
        ("ya no me duele la rodilla", "y la espalda tb"),
        ("tengo tos", "y la cara tmb"),
        ("tengo el brazo hinchado", "mi esposa tmb"),
    ],
)
def test_too_after_something_gone_or_without_a_site_adds_nothing(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    a = _read(es, *turns)
    assert not [f for f in a.findings if f.message == 1 and f.present], a.findings


def test_a_knee_that_stopped_hurting_leaves_the_back_pain_said_before(es: TriageEngine) -> None:
    a = _read(es, "me duele la espalda desde anoche", "ya no me duele la rodilla")
    assert "back_pain" in present(a)
    gone = _read(es, "me duele la espalda desde anoche", "ya no tengo ningún dolor")
    assert "back_pain" not in present(gone)


@pytest.mark.parametrize(
    "later",
    [
        "casi no llego al baño, se me salió el pipí",
        "se me escapó un poco de pipí al toser",
        "se me sale el pis solo",
    ],
)
def test_leaking_urine_after_back_pain_is_mscc(es: TriageEngine, later: str) -> None:
    assert "mscc-neuro" in _read(es, "me duele mucho la espalda", later).rules


@pytest.mark.parametrize(
    "later", ["al bebé se le salió el pipí en la cama", "no se me ha salido el pipí, todo normal"]
)
def test_someone_elses_or_a_denied_leak_is_no_cord_sign(es: TriageEngine, later: str) -> None:
    assert "cord-signs" not in _read(es, "me duele un poco la espalda", later).rules


# -- "el lunes" to the chemotherapy question: when, so yes ------------------------------------

CHEMO_Q = "¿Ha recibido quimioterapia o inmunoterapia en las ultimas seis semanas?"


@pytest.mark.parametrize(
    "answer", ["la semana pasada", "el jueves me tocó", "hace dos semanas, el tercer ciclo"]
)
def test_a_recent_time_to_the_chemotherapy_question_is_a_yes(es: TriageEngine, answer: str) -> None:
    assert "neutropenic-fever" in _read(es, "tengo fiebre", (CHEMO_Q, answer)).rules


@pytest.mark.parametrize("answer", ["no, terminé hace un año", "hace meses que no", "no"])
def test_a_long_ago_or_no_to_the_chemotherapy_question_is_no(es: TriageEngine, answer: str) -> None:
    assert _read(es, "tengo fiebre", (CHEMO_Q, answer)).level.label == "urgent"


def test_a_time_to_another_question_is_no_yes(es: TriageEngine) -> None:
    a = _read(es, "me duele la espalda", ("¿Tiene dificultad para caminar?", "la semana pasada"))
    assert a.level.label == "routine"


# -- "no, la pierna de mi mamá, perdón": the thing named is theirs ------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("tengo la pierna hinchada", "no, la pierna de mi mamá, perdón"),
        ("me duele la espalda", "perdón, la espalda de mi esposo"),
        ("tengo el brazo hinchado", "el brazo de mi hermana, me equivoqué"),
    ],
)
def test_a_correction_that_names_whose_it_was_gives_it_away(es: TriageEngine, turns: tuple[str, ...]) -> None:
    assert _read(es, *turns).level.label == "none"


def test_the_same_words_without_a_correction_keep_the_patients_finding(es: TriageEngine) -> None:
    assert _read(es, "tengo la pierna hinchada", "la pierna de mi mamá también").level.label == "urgent"
