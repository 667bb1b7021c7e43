"""Spanish conversations in fragments (docs/triage.md, "Conversations", "Carers" and
"Languages"): the classes behind es_conversations_dev9's disagreements, each read right with
sentences that are not the set's, and its near misses left as they were."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import TriageEngine, default_engine

from .conftest import CARER, present
from .conftest import read_turns as _read


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


# -- blood that came from the mouth or the nose, said after it -----------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("escupí sangre esta mañana", "perdón, me corté el labio con el vaso, era de ahí"),
        ("salió sangre al escupir", "ah, me mordí el cachete comiendo"),
        ("tosí sangre", "ay no, perdón, era de la encía, me lavé los dientes muy fuerte"),
        ("escupí sangre", "disculpe, no era de toser, me sangró la nariz"),
    ],
)
def test_blood_said_to_come_from_the_mouth_or_nose_is_not_coughed_up(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    a = _read(es, *turns)
    assert "hemoptysis" not in present(a), a.findings
    assert "bleeding" in present(a), a.findings


@pytest.mark.parametrize(
    "turns",
    [
        ("tosí sangre", "no era de la nariz, fue al toser"),
        ("escupí sangre", "perdón, me mordí la lengua y además sigo tosiendo sangre"),
        ("tosí sangre", "mi nieto se mordió la lengua también"),
    ],
)
def test_blood_from_the_lungs_stays_when_the_mouth_is_denied_or_someone_elses(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    a = _read(es, *turns)
    assert "hemoptysis" in present(a), a.findings


# -- a correction that says other words altogether, blaming the keyboard --------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("tengo los brazos dormidos", "jaja no, quise decir que tengo a las nenas dormidas, el corrector"),
        ("no puedo caminar", "perdón, el corrector: no puedo cenar todavía, llego tarde"),
    ],
)
def test_a_sentence_said_again_with_other_words_after_the_keyboard_takes_the_first_back(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    a = _read(es, *turns)
    assert a.level.name in ("NONE", "ROUTINE"), a.findings
    assert not a.rules, a.findings


def test_a_word_the_keyboard_changed_is_still_read_with_the_word_given(es: TriageEngine) -> None:
    a = _read(es, "tengo las piernas dormidas", "perdón el corrector, quise decir las manos")
    assert "cord-signs" not in a.rules, a.findings
    assert "numbness" in present(a), a.findings


# -- "está que arde": a heated place or matter, not a burning pain ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el grupo de whatsapp de la familia está que arde jaja",
        "la casa está que arde con la boda de mi sobrina",
        "las cosas en el trabajo andan que arden",
        "la sartén está que quema, ya casi sale la comida",
    ],
)
def test_a_place_or_a_matter_that_esta_que_arde_is_no_pain(es: TriageEngine, text: str) -> None:
    a = es.assess(text)
    assert "pain" not in present(a), a.findings


@pytest.mark.parametrize(
    "text", ["la herida está que arde", "el pie me arde mucho", "tengo la pierna que me arde"]
)
def test_a_body_part_that_burns_is_still_pain(es: TriageEngine, text: str) -> None:
    a = es.assess(text)
    assert "pain" in present(a), a.findings


# -- "la que se desmayó fue mi comadre": the one who had it, named after ------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el que tiene tos y fiebre es mi esposo", "fever"),
        ("quien se cayó en la calle fue mi vecina", "gait_difficulty"),
        ("la que se desmayó ayer fue mi suegra", "syncope"),
        ("no, el que escupe sangre es mi hermano", "hemoptysis"),
    ],
)
def test_the_one_who_had_it_named_after_the_copula_is_someone_else(
    es: TriageEngine, text: str, concept: str
) -> None:
    a = es.assess(text)
    assert concept not in present(a), a.findings
    assert a.level.name == "NONE", a.findings


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("la que tiene fiebre soy yo", "fever"),
        ("el que tiene tos es mi esposo, yo me desmayé", "syncope"),
        ("la que me preocupa es mi hija, yo tengo fiebre", "fever"),
    ],
)
def test_the_writer_named_in_the_cleft_or_beside_it_keeps_their_finding(
    es: TriageEngine, text: str, concept: str
) -> None:
    assert concept in present(es.assess(text))


def test_a_correction_that_names_who_fainted_takes_the_fainting_away(es: TriageEngine) -> None:
    a = _read(es, "me caí en el mercado", "perdón, lo expliqué mal, la que se cayó fue mi tía, yo bien")
    assert "neuro-acute" not in a.rules, a.findings
    assert "cord-signs" not in a.rules, a.findings


# -- a carer's own clause: "yo sí ando con...", "eso es mío", "la que está mal soy yo, con..." -----


@pytest.mark.parametrize(
    "turns",
    [
        ("mi mamá está tranquila hoy", "yo también tengo un dolor de espalda terrible de tanto levantarla"),
        ("él durmió bien", "yo en cambio ando con fiebre de 38.5"),
        ("ella comió bien", "tengo una tos fea, pero eso es mío, no de ella"),
        ("él anda de buen humor", "el enfermo soy yo, con diarrea y vómito, ya van 7"),
    ],
)
def test_what_a_carer_marks_as_their_own_is_not_the_patients(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    a = _read(es, *turns, context=CARER)
    assert not a.rules, a.findings


@pytest.mark.parametrize(
    ("turns", "rule"),
    [
        (("yo vi que se cayó y no puede caminar",), "cord-signs"),
        (("yo lo noto confundido desde anoche",), "neuro-acute"),
        (("tiene un dolor de espalda fuerte, eso es lo que me preocupa",), "spinal-pain-flags"),
        (("mi papá tiene fiebre de 39, yo también me siento mal",), "fever"),
    ],
)
def test_what_a_carer_sees_or_fears_of_the_patient_stays_the_patients(
    es: TriageEngine, turns: tuple[str, ...], rule: str
) -> None:
    a = _read(es, *turns, context=CARER)
    assert rule in a.rules, a.findings


# -- a carer's message read with the one before keeps the carer ---------------------------------


@pytest.mark.parametrize(
    ("turns", "rule"),
    [
        (("mi esposa anda rara desde ayer", "le hablo y no le salen las palabras"), "neuro-acute"),
        (("mi papá no durmió", "ahora le pregunto algo y no me contesta, está confundido"), "neuro-acute"),
    ],
)
def test_a_carer_writing_of_he_or_she_after_naming_them_writes_of_the_patient(
    es: TriageEngine, turns: tuple[str, str], rule: str
) -> None:
    assert rule in _read(es, *turns, context=CARER).rules


def test_from_the_patients_own_number_the_husband_named_before_is_someone_else(es: TriageEngine) -> None:
    a = _read(es, "mi esposo anda raro", "no le salen las palabras")
    assert "neuro-acute" not in a.rules, a.findings


# -- a fit told by what was seen: stiff, shaking, the eyes turned up --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "de repente se puso tiesa, temblando, y no sabíamos qué hacer",
        "estaba temblando todo, con los ojos en blanco",
        "se le voltearon los ojos para arriba y se cayó",
        "se quedó rígido, sacudiéndose en el sillón",
    ],
)
def test_a_fit_told_by_the_stiffness_the_shaking_and_the_eyes_is_a_seizure(
    es: TriageEngine, text: str
) -> None:
    a = es.assess(text, None, CARER)
    assert "seizure" in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "mi nieta puso los ojos en blanco cuando le dije que no",
        "me quedé duro cuando me dieron la noticia",
        "estoy temblando de frío",
    ],
)
def test_eyes_rolled_at_someone_or_a_body_stunned_is_no_seizure(es: TriageEngine, text: str) -> None:
    assert "seizure" not in present(es.assess(text))


# -- out for a while on the floor, told by others ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi hija dice que estuve tirada en el piso unos minutos sin responder",
        "me quedé un ratito sin conocimiento en el baño",
        "se quedó en el suelo un rato y no reaccionaba",
    ],
)
def test_lying_on_the_floor_not_answering_is_a_faint(es: TriageEngine, text: str) -> None:
    a = es.assess(text, None, CARER if text.startswith("se ") else None)
    assert "syncope" in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    ["le escribí a mi hijo toda la tarde y no respondía", "estuve un rato en el piso jugando con los nietos"],
)
def test_a_message_unanswered_or_play_on_the_floor_is_no_faint(es: TriageEngine, text: str) -> None:
    assert "syncope" not in present(es.assess(text))


# -- breathless even sitting, said as the Caribbean says it -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ni acostá puedo coger aire",
        "ni sentado puedo agarrar aire",
        "ni quieta me entra el aire",
    ],
)
def test_breathless_even_at_rest_with_coger_aire_or_the_elided_participle(
    es: TriageEngine, text: str
) -> None:
    a = es.assess(text)
    assert "breathing" in a.rules, a.findings


@pytest.mark.parametrize(
    ("text", "concept"),
    [("ando muy cansá todo el día", "fatigue"), ("tengo la pierna hinchá", "leg_swelling")],
)
def test_a_feminine_participle_said_with_its_stress_is_read(
    es: TriageEngine, text: str, concept: str
) -> None:
    assert concept in present(es.assess(text))


@pytest.mark.parametrize(
    "text", ["mi mamá está en el sofá", "ojalá mañana esté mejor el clima", "papá está allá"]
)
def test_words_that_end_stressed_of_their_own_stay_themselves(es: TriageEngine, text: str) -> None:
    assert not es.assess(text).rules


# -- a passive wish to die said as what would be best ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a veces creo que lo mejor sería no amanecer",
        "pienso que mejor sería morirme ya",
        "lo mejor es ya no despertarme",
        "quisiera no despertarme nunca más",
    ],
)
def test_what_would_be_best_said_as_not_waking_or_dying_is_self_harm(es: TriageEngine, text: str) -> None:
    assert "self-harm" in es.assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "tomo la pastilla para no despertarme en la noche",
        "mejor no despertarlo, está dormido",
        "lo mejor sería ir mañana al doctor",
    ],
)
def test_sleep_unbroken_or_the_best_plan_is_no_self_harm(es: TriageEngine, text: str) -> None:
    assert "self-harm" not in es.assess(text).rules


# -- what stays the writer's after a correction, qualified by what follows --------------------------


def test_what_the_writer_keeps_after_a_named_correction_takes_what_follows(es: TriageEngine) -> None:
    a = _read(
        es,
        "me duele el pecho y me falta el aire",
        "perdón, lo del pecho es de mi esposo; lo del aire sí es mío y nunca me había pasado",
    )
    assert "dyspnea-new" in a.rules, a.findings


def test_what_follows_a_named_correction_about_the_other_does_not_qualify_the_writer(
    es: TriageEngine,
) -> None:
    a = _read(es, "tengo tos y me duele la espalda", "lo de la tos era de mi esposo, y es muy fuerte")
    assert "spinal-pain-flags" not in a.rules, a.findings


# -- a face swollen round, and eyes puffed up -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se me puso la cara redonda, como una luna llena",
        "tengo los párpados hinchados desde ayer",
        "traigo la cara toda abotagada",
    ],
)
def test_a_face_round_as_the_moon_or_puffed_eyes_is_face_swelling(es: TriageEngine, text: str) -> None:
    assert "face_neck_swelling" in present(es.assess(text))


@pytest.mark.parametrize("text", ["tengo los ojos hinchados de tanto llorar", "la luna está redonda hoy"])
def test_eyes_puffed_from_crying_or_the_moon_itself_is_no_face_swelling(es: TriageEngine, text: str) -> None:
    assert "face_neck_swelling" not in present(es.assess(text))


# -- what a dictating phone writes for a full stop ends a denial -----------------------------------


def test_a_dictated_full_stop_ends_the_denial_before_it(es: TriageEngine) -> None:
    a = es.assess("le hablo al teléfono porque no veo bien las letras punto me duele mucho el pecho")
    assert "chest_pain" in present(a), a.findings


@pytest.mark.parametrize("text", ["no tengo fiebre punto", "tengo 38 punto 5"])
def test_a_denial_said_before_the_stop_or_a_decimal_point_stay_as_they_were(
    es: TriageEngine, text: str
) -> None:
    a = es.assess(text)
    assert ("fever" in present(a)) == text.startswith("tengo"), a.findings


# -- a band of pain round the chest, things that slip from the hands, eating by the spoonful --------


@pytest.mark.parametrize(
    "text",
    ["siento una faja de dolor alrededor del tórax", "es como un cinturón de dolor rodeándome las costillas"],
)
def test_a_band_of_pain_round_the_chest_is_back_pain(es: TriageEngine, text: str) -> None:
    assert "back_pain" in present(es.assess(text))


@pytest.mark.parametrize(
    "text", ["ya se me caen los vasos a cada rato", "se le resbalan las cosas todo el tiempo"]
)
def test_things_that_keep_slipping_from_the_hands_is_weakness(es: TriageEngine, text: str) -> None:
    assert "limb_weakness" in present(es.assess(text, None, CARER))


@pytest.mark.parametrize("text", ["se me cayó el plato anoche", "se me cayeron las cosas del estante"])
def test_one_thing_dropped_once_is_no_weakness(es: TriageEngine, text: str) -> None:
    assert "limb_weakness" not in present(es.assess(text))


@pytest.mark.parametrize(
    "text", ["apenas comí unos bocados de pollo", "comió tres cucharadas de sopa en todo el día"]
)
def test_eating_only_a_few_spoonfuls_in_the_day_is_appetite_loss(es: TriageEngine, text: str) -> None:
    assert "appetite_loss" in present(es.assess(text, None, CARER))


def test_spoonfuls_of_a_dessert_are_no_appetite_loss(es: TriageEngine) -> None:
    assert "appetite_loss" not in present(es.assess("me comí dos cucharadas de helado de postre"))


# -- more of a carer's own: "a mí me duele", "por mi parte", a laugh after "soy yo", a list ---------


@pytest.mark.parametrize(
    "text",
    [
        "a mí me duelen las rodillas de tanto subirlo",
        "yo por mi parte ando con fiebre",
        "la enferma ahora soy yo jaja, tengo fiebre de 38.6",
        "yo ando con tos y fiebre desde el lunes",
    ],
)
def test_more_ways_a_carer_says_a_finding_is_their_own(es: TriageEngine, text: str) -> None:
    a = es.assess(text, None, CARER)
    assert not a.rules, a.findings


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("a mí me preocupa su tos, tiene fiebre de 39", "fever"),
        ("a mí me parece que tiene fiebre de 38.8", "fever"),
        ("yo tengo tos y él no puede caminar", "cord-signs"),
        ("soy yo jaja, mi papá tiene fiebre de 39", "fever"),
    ],
)
def test_a_carers_worry_or_a_clause_about_the_patient_stays_the_patients(
    es: TriageEngine, text: str, rule: str
) -> None:
    assert rule in es.assess(text, None, CARER).rules


def test_stiff_with_the_eyes_turned_white_is_a_seizure(es: TriageEngine) -> None:
    assert "seizure" in present(es.assess("estaba tiesa, con los ojos en blanco", None, CARER))


# -- taken back as a joke or as laughter, or given away by naming what it was ---------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("me caí y no puedo caminar", "jaja era broma, estoy bien"),
        ("me desmayé", "no jaja, me desmayé de la risa con mi nieta"),
        ("tengo fiebre de 39.2", "perdón, es la temperatura de mi nieto"),
        ("me duele la espalda y me falta el aire", "perdón, lo de la respiración es de mi esposo"),
    ],
)
def test_a_joke_a_laugh_or_the_thing_named_as_someone_elses_takes_it_back(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    a = _read(es, *turns)
    assert a.level.name in ("NONE", "ROUTINE"), a.findings


@pytest.mark.parametrize(
    ("turns", "rule"),
    [
        (("tengo fiebre de 39", "no es broma, sigo igual"), "fever"),
        (("me duele el pecho", "jaja no, tampoco es para tanto"), "chest-pain-any"),
        (("tengo fiebre de 39", "perdón, es la tos de mi nieto la que me preocupa"), "fever"),
    ],
)
def test_not_a_joke_a_downplay_or_another_thing_named_leave_it(
    es: TriageEngine, turns: tuple[str, str], rule: str
) -> None:
    assert rule in _read(es, *turns).rules


# -- "no" answers said with "not even a little" or a regional no -----------------------------------

_WEAK = "¿Tiene debilidad o pesadez en las piernas? Responda SÍ o NO"
_BLADDER = "¿Tiene problemas para orinar o controlar la vejiga?"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (_WEAK, "ni poquito"),
        (_WEAK, "ni tantito, gracias a dios"),
        (_BLADDER, "nones"),
        (_BLADDER, "qué va"),
        (_BLADDER, "en absoluto"),
        ("¿Le falta el aire?", "ni una pizca"),
    ],
)
def test_not_even_a_little_or_a_regional_no_denies_what_was_asked(
    es: TriageEngine, question: str, answer: str
) -> None:
    a = es.assess(answer, question)
    assert not a.rules, a.findings


@pytest.mark.parametrize("answer", ["poquito", "un poquito nomás", "tantito"])
def test_a_little_is_still_a_yes(es: TriageEngine, answer: str) -> None:
    assert "cord-signs" in es.assess(answer, _WEAK).rules


def test_not_walking_normally_said_with_que_va_is_trouble_walking(es: TriageEngine) -> None:
    assert "gait_difficulty" in present(es.assess("qué va", "¿Puede caminar con normalidad?"))


# -- breathless from talking alone, breathing a great effort; the floor for a time not known -------


@pytest.mark.parametrize(
    "text",
    [
        "hablo y me ahogo",
        "se ahoga nomás de platicar",
        "me cuesta horrores respirar",
        "hablo y me quedo sin aire",
    ],
)
def test_breathless_from_talking_alone_or_breathing_a_great_effort_is_severe(
    es: TriageEngine, text: str
) -> None:
    assert "breathing" in es.assess(text, None, CARER).rules


@pytest.mark.parametrize(
    "text",
    ["hablo y me canso de tanto explicarle", "me cuesta un mundo levantarme temprano", "me ahogo de calor"],
)
def test_tired_of_talking_or_a_hard_morning_is_no_breathing_emergency(es: TriageEngine, text: str) -> None:
    assert "breathing" not in es.assess(text).rules


@pytest.mark.parametrize(
    "text",
    ["me dio un vahído y me fui al suelo", "me caí al piso y no sé cuánto rato estuve ahí"],
)
def test_a_turn_and_the_floor_for_a_time_not_known_is_a_faint(es: TriageEngine, text: str) -> None:
    assert "syncope" in present(es.assess(text))


@pytest.mark.parametrize("text", ["me dio un bajón de ánimo", "no sé cuánto rato voy a esperar en la fila"])
def test_a_low_mood_or_a_wait_is_no_faint(es: TriageEngine, text: str) -> None:
    assert "syncope" not in present(es.assess(text))


def test_yo_with_the_verb_left_out_is_the_carers_own(es: TriageEngine) -> None:
    a = _read(
        es, "mi papá amaneció bien hoy", "y yo con una tos que no me deja, pero él tranquilo", context=CARER
    )
    assert "cough" not in present(a), a.findings


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("yo con él en urgencias, tiene fiebre de 39", "fever"),
        ("yo con mi hija vimos que no puede caminar", "cord-signs"),
    ],
)
def test_yo_con_the_patient_or_someone_leaves_the_patients_findings(
    es: TriageEngine, text: str, rule: str
) -> None:
    assert rule in es.assess(text, None, CARER).rules


# -- "ya nada": over now, after something told of last week -----------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("me dolió el pecho la semana pasada", "pero ya nada, ando bien"),
        ("hace dos semanas tuve fiebre de 39", "ya nada de eso"),
    ],
)
def test_something_of_weeks_ago_then_nothing_now_is_over(es: TriageEngine, turns: tuple[str, str]) -> None:
    a = _read(es, *turns)
    assert not a.rules, a.findings


def test_something_of_now_then_nothing_now_stays_raised(es: TriageEngine) -> None:
    a = _read(es, "me duele el pecho", "pero ya nada, ando bien")
    assert "chest-pain-any" in a.rules, a.findings


# -- a pain that rest or pills do not ease ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo un dolor de espalda que no se me va ni acostado",
        "le duele la columna y no se le calma ni con la pastilla",
        "el dolor de espalda no se me va",
    ],
)
def test_back_pain_that_rest_or_pills_do_not_ease_is_constant(es: TriageEngine, text: str) -> None:
    assert "spinal-pain-flags" in es.assess(text, None, CARER if text.startswith("le ") else None).rules


def test_back_pain_said_with_nothing_of_how_it_goes_stays_routine(es: TriageEngine) -> None:
    assert not es.assess("tengo un dolor de espalda de cargar las bolsas").rules


# -- from a carer, a cleft that sets one person against another ------------------------------------


@pytest.mark.parametrize(
    "text",
    ["el que tiene fiebre de 39 es mi nieto, mi papá está bien", "la que se cayó fue mi hermana, no mi mamá"],
)
def test_a_carers_cleft_that_names_one_against_another_is_someone_elses(es: TriageEngine, text: str) -> None:
    a = es.assess(text, None, CARER)
    assert not a.rules, a.findings


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("el que no puede caminar es mi papá", "cord-signs"),
        ("quien tiene fiebre de 39 es mi esposo, el paciente", "fever"),
        ("el que tiene fiebre de 38.9 es mi esposo, yo lo cuido", "fever"),
    ],
)
def test_a_carers_cleft_naming_only_the_patient_stays_the_patients(
    es: TriageEngine, text: str, rule: str
) -> None:
    assert rule in es.assess(text, None, CARER).rules
