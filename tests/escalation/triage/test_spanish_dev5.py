"""Spanish classes the fifth and sixth writers (es_dev5, es_dev6, es_conversations_dev4/5) and
the older holdouts used that the engine had not met: cord signs in other words (tingling
diminutives, a trunk without feeling, "se me hizo pipí"), the past and someone else ("hace un
año", "la tos de mi esposo", a relative set apart by commas), circumstances denied after them
("sentada no"), answers that name their place or take a finding as given, figures of speech,
counts said the Spanish way, spelling slips that keep the sound. Each with the hard negatives
beside it. Our own sentences, never a bench's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import CARER, ON_TX, present


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


def talk(*turns: str | tuple[str, str]) -> Assessment:
    """Messages twenty minutes apart; a (question, answer) pair answers that question."""
    start = datetime(2026, 5, 4, 9, tzinfo=UTC)
    messages = []
    for i, turn in enumerate(turns):
        question, text = turn if isinstance(turn, tuple) else (None, turn)
        messages.append(Message(text, start + timedelta(minutes=20 * i), question))
    return ConversationReader(default_engine("es")).read(messages).assessment


# -- tingling told by its diminutives, said of a limb ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo agujitas en las plantas de los pies",
        "siento como hormiguitas en la mano izquierda",
        "mi mamá dice que tiene alfileritos en los dedos",
    ],
)
def test_diminutive_tingling_in_a_limb_is_numbness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "numbness" in present(a), a.findings
    assert a.level.label == "routine"


def test_diminutive_tingling_with_back_pain_is_cord_compression() -> None:
    a = assess("me duele la columna y tengo hormiguitas en los pies")
    assert "mscc-neuro" in a.rules, a.findings


@pytest.mark.parametrize("text", ["hay hormiguitas en el azúcar", "compré agujitas para bordar"])
def test_ants_and_needles_without_a_limb_are_nothing(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- the progressive of bother verbs said of the back ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la espalda baja me está molestando",
        "el coxis me anda jodiendo desde el lunes",
        "me viene fregando la columna",
    ],
)
def test_a_back_that_is_bothering_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text)), assess(text).findings


def test_a_bothering_neighbour_is_nothing() -> None:
    assert level("el vecino me está molestando con la música") == "none"


# -- loss of feeling in the trunk or from the waist down ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no siento la cintura para abajo",
        "casi no siento nada de la cintura pa abajo",
        "no siento el abdomen desde anoche",
        "tengo la panza dormida, como muerta",
    ],
)
def test_lost_feeling_in_the_trunk_or_waist_down_is_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency", a.findings
    assert "cord-signs" in a.rules


@pytest.mark.parametrize("text", ["no siento hambre, tengo la panza llena", "ya no me duele la barriga"])
def test_a_full_or_painless_belly_is_no_cord_sign(text: str) -> None:
    assert level(text) != "emergency", assess(text).findings


# -- wetting oneself with "se me hizo" ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se me hizo pipí en la silla sin darme cuenta",
        "a mi papá se le hizo popó en el pantalón",
        "anoche se me hizo pis en la cama",
    ],
)
def test_an_accident_told_with_se_me_hizo_is_bladder_bowel_dysfunction(text: str) -> None:
    a = assess(text, context=CARER)
    assert "bladder_bowel_dysfunction" in present(a), a.findings


def test_a_child_wetting_the_bed_is_not_the_patient() -> None:
    assert level("mi nieta de tres años se hizo pipí en la cama") != "emergency"


# -- tripping more than once --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["me tropecé dos veces subiendo al cuarto", "se tropezó varias veces hoy", "me he tropezado tres veces"],
)
def test_repeated_trips_are_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" in present(assess(text, context=CARER)), assess(text).findings


@pytest.mark.parametrize("text", ["me tropecé con la alfombra", "mi nieto se me cayó dos veces"])
def test_one_trip_or_a_dropped_child_is_not_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text)), assess(text).findings


# -- a past told with one year, or with "desde entonces nada" after it -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hace un año me dio una convulsión",
        "tuve un desmayo hace como un año, desde entonces ya no",
        "me desmayé en la boda de mi hijo, pero desde entonces nada",
    ],
)
def test_an_event_a_year_back_or_nothing_since_is_history(text: str) -> None:
    a = assess(text)
    assert a.level.label == "none", a.findings


def test_an_event_within_the_hour_is_now() -> None:
    assert level("tuve una convulsión hace media hora") == "emergency"


# -- a symptom that "se me fue" with a remedy --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el dolor de cabeza que tenía se me fue con la pastilla",
        "la diarrea se le fue solita",
        "la tos se me fue después del jarabe",
    ],
)
def test_a_symptom_that_went_away_is_resolved(text: str) -> None:
    a = assess(text, context=CARER)
    assert not present(a), a.findings


def test_the_breath_that_went_is_no_resolution() -> None:
    assert "dyspnea" in present(assess("subí la escalera y se me fue el aire"))


# -- a person set apart by a clause between commas ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi hermana, la que vive en Texas, tiene fiebre. Yo bien",
        "mi suegro, que está de visita, anda con diarrea",
        "mi primo, el que trabaja conmigo, tiene la pierna hinchada",
    ],
)
def test_a_relative_with_an_aside_is_still_the_subject(text: str) -> None:
    a = assess(text)
    assert not present(a), a.findings


def test_an_aside_about_the_carer_leaves_the_writer_the_patient() -> None:
    a = assess("mi esposa, que me acompaña siempre, dice que no puedo caminar derecho")
    assert "gait_difficulty" in present(a), a.findings


# -- not staying awake is drowsiness, not gait -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a mi papá le cuesta mantenerse despierto",
        "no puedo mantener los ojos abiertos en todo el día",
        "se la pasa cabeceando frente a la tele",
    ],
)
def test_not_staying_awake_is_drowsiness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "drowsiness" in present(a), a.findings
    assert "gait_difficulty" not in present(a)


def test_not_staying_on_ones_feet_is_still_gait() -> None:
    assert "gait_difficulty" in present(assess("no puedo mantenerme parada"))


# -- "me expliqué mal" takes back the message before -------------------------------------------


@pytest.mark.parametrize(
    "fix",
    [
        "perdón, me expliqué mal, sí camino, lo que tengo es mucho sueño",
        "disculpe, no me expliqué bien: camino normal, solo estoy cansado",
        "ay perdón, lo dije mal, las piernas están bien",
    ],
)
def test_i_explained_it_badly_takes_back_the_message_before(fix: str) -> None:
    a = talk("no me aguantan las piernas, no puedo caminar", fix)
    assert a.level.label != "emergency", a.findings


def test_explaining_a_new_symptom_keeps_it() -> None:
    a = talk(
        "me duele un poco la espalda", "perdón, me expliqué mal: no es la espalda, es que no puedo orinar"
    )
    assert "bladder_bowel_dysfunction" in present(a), a.findings


# -- a screening answer that calls each thing normal -------------------------------------------

SCREEN = "¿Tiene mucha sed, orina mucho, náuseas o somnolencia?"


@pytest.mark.parametrize(
    "text", ["sed normal, ganas de orinar normales", "no, la sed normal", "todo normal, sed normal"]
)
def test_a_thing_called_normal_is_denied(text: str) -> None:
    assert "thirst" not in present(assess(text, SCREEN)), assess(text, SCREEN).findings


def test_a_thing_called_more_than_normal_stands() -> None:
    assert "thirst" in present(assess("tengo más sed de lo normal"))


# -- the circumstance denied after it: "sentada no", "acostado estoy bien" ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "me falta el aire al subir, sentada no",
        "me ahogo caminando; acostado estoy bien",
        "me agito en la escalera, en reposo no",
    ],
)
def test_breathlessness_fine_at_rest_is_not_at_rest(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a), a.findings
    assert "breathing" not in a.rules


def test_breathless_lying_down_stays_at_rest() -> None:
    assert "breathing" in assess("acostada no puedo respirar").rules


# -- tired by breathing itself -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["me canso respirando", "mi mamá se cansa de respirar", "me fatigo cuando respiro, más que antes"]
)
def test_tired_by_breathing_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text, context=CARER)), assess(text).findings


def test_tired_by_walking_is_not_dyspnea() -> None:
    assert "dyspnea" not in present(assess("me canso caminando al mercado"))


# -- peeing more than usual, and its nouns -----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["orino más de lo normal", "ando con una meadera terrible", "hace pipí mucho más que antes"]
)
def test_peeing_more_than_usual_is_polyuria(text: str) -> None:
    assert "polyuria" in present(assess(text)), assess(text).findings


def test_thirst_and_peeing_more_together_are_hypercalcaemia() -> None:
    assert "hypercalcemia" in assess("mucha sed y una meadera que no me deja dormir").rules


def test_peeing_as_usual_is_nothing() -> None:
    assert "polyuria" not in present(assess("orino normal, como siempre"))


# -- blood named by its colour in small marks --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "al toser salen unas rayitas rojas",
        "la flema trae hilitos colorados",
        "cuando escupo veo puntitos rojos",
    ],
)
def test_red_marks_in_what_is_coughed_up_are_haemoptysis(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a), a.findings
    assert a.level.label == "urgent"


def test_red_marks_and_chest_pain_on_coughing_are_major() -> None:
    a = talk("en el gargajo vi rayitas rojas", "ahora me duele el pecho al toser")
    assert a.level.label == "emergency", a.findings


def test_red_stripes_on_a_shirt_are_no_haemoptysis() -> None:
    assert "hemoptysis" not in present(assess("me compré una blusa con rayitas rojas"))


# -- a prick in the chest, the breath taken away, winded at chores -----------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("me duele el pecho", "respirar me cuesta desde hoy"),
        ("se me hinchó la pantorrilla derecha", "me pincha el pecho cuando jalo aire"),
        ("tengo sangre en la flema", "estoy más agitado que antes al subir"),
    ],
)
def test_the_breath_or_chest_said_in_the_next_message_completes_an_emergency(turns: tuple[str, str]) -> None:
    a = talk(*turns)
    assert a.level.label == "emergency", a.findings


def test_a_pain_that_takes_the_breath_away_is_breathing() -> None:
    assert "breathing" in assess("me dio un dolor en el pecho que me corta la respiración").rules


@pytest.mark.parametrize("text", ["estoy agitada con tanto trámite", "se me pinchó la llanta del carro"])
def test_busy_or_a_flat_tyre_is_nothing(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- the head by its slang name -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["me duele la choya desde ayer", "la tatema me va a estallar", "me explota la cholla, un 9"]
)
def test_slang_for_the_head_with_pain_is_headache(text: str) -> None:
    assert "headache" in present(assess(text)), assess(text).findings


def test_bursting_slang_head_is_severe() -> None:
    assert "head" in assess("la choya me va a explotar").rules


# -- collars in the plural, and a whistle said by its verb -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el cuello de mis blusas ya no me cierra",
        "ya no me abrochan los cuellos, el cuello de sus camisas no le cierra",
    ],
)
def test_collars_that_no_longer_close_are_neck_swelling(text: str) -> None:
    a = assess(text, context=CARER)
    assert "face_neck_swelling" in present(a), a.findings


@pytest.mark.parametrize(
    "text", ["chiflo al respirar", "mi papá pita cuando respira", "silba al respirar hondo"]
)
def test_whistling_breath_is_wheeze(text: str) -> None:
    assert "wheeze" in present(assess(text, context=CARER)), assess(text).findings


def test_a_swollen_neck_with_a_whistling_breath_is_an_airway_emergency() -> None:
    assert "svc-airway" in assess("tengo el cuello hinchado y silbo al respirar").rules


def test_whistling_a_tune_is_no_wheeze() -> None:
    assert level("mi nieto silba todo el día") == "none"


# -- counts said in Spanish ways -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "seis veces aguado desde anoche",
        "hoy van 7, con diarrea todo el día",
        "4 popos líquidas hoy",
        "tuve diarrea 2 veces en la mañana y otras 5 después",
    ],
)
def test_diarrhoea_counted_in_spanish_ways_is_urgent_on_treatment(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert a.level.label == "urgent", a.findings
    assert "diarrhea" in a.rules


def test_vomits_in_the_morning_and_others_later_add_up() -> None:
    assert "vomiting" in assess("vomité 2 veces temprano y otras 4 al mediodía").rules


def test_days_after_van_are_no_count() -> None:
    a = assess("tengo diarrea, van 8 días así", context=ON_TX)
    assert "diarrhea" not in a.rules, a.findings


# -- "trasbocar" -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["trasboco todo, ni el agua me queda", "mi esposo trasboca todo lo que come"]
)
def test_trasbocar_everything_is_vomiting_without_fluids(text: str) -> None:
    a = assess(text, context=CARER)
    assert "vomiting" in a.rules, a.findings


def test_trasbocar_once_is_routine() -> None:
    assert level("anoche trasboqué una vez") == "routine"


# -- a score answer that names the place says which pain ---------------------------------------

PAIN_SCALE = "Del 0 al 10, ¿qué tan fuerte es su dolor hoy?"


@pytest.mark.parametrize(
    ("text", "concept", "rule"),
    [
        ("un 9, en el mero pecho", "chest_pain", "chest-pain"),
        ("2, pero es en el pecho", "chest_pain", "chest-pain-any"),
        ("como 8, en la columna", "back_pain", "spinal-pain-flags"),
    ],
)
def test_a_scored_answer_naming_a_place_is_that_places_pain(text: str, concept: str, rule: str) -> None:
    a = assess(text, PAIN_SCALE)
    assert concept in present(a), a.findings
    assert rule in a.rules


def test_a_scored_answer_without_a_place_stays_pain() -> None:
    a = assess("un 5", PAIN_SCALE)
    assert present(a) == {"pain"}, a.findings


def test_a_scored_answer_naming_a_knee_stays_pain() -> None:
    assert present(assess("6, la rodilla", PAIN_SCALE)) == {"pain"}


# -- a yes to a question that takes a finding as given -----------------------------------------


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("sí, dos veces", "Con el dolor de cabeza, ¿ha vomitado?"),
        ("sí", "¿Ha tenido vómitos con el dolor de cabeza?"),
        ("sí, anoche", "Con ese dolor de cabeza, ¿ha vomitado?"),
    ],
)
def test_yes_to_vomiting_with_the_headache_is_both(text: str, question: str) -> None:
    a = assess(text, question)
    assert {"headache", "vomiting"} <= present(a), a.findings
    assert "head" in a.rules


def test_no_to_vomiting_with_the_headache_denies_only_the_vomiting() -> None:
    a = assess("no, nada", "Con el dolor de cabeza, ¿ha vomitado?")
    assert not present(a), a.findings


# -- breathless lying down, propped on pillows --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me falta el aire, duermo con cuatro almohadas",
        "no puedo respirar bien acostada, uso 3 almohadas",
        "mi mamá se ahoga de noche, ya va en varias almohadas",
    ],
)
def test_breathless_and_propped_on_pillows_is_at_rest(text: str) -> None:
    assert "breathing" in assess(text, context=CARER).rules, assess(text).findings


def test_pillows_without_breathlessness_are_nothing() -> None:
    assert level("me regalaron dos almohadas") == "none"


# -- words that come out wrong; not knowing where one is ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me salen las palabras al revés",
        "a mi esposo las palabras le salen trabadas desde la mañana",
        "mi hija dice que no se me entiende cuando hablo",
    ],
)
def test_tangled_words_are_speech_difficulty(text: str) -> None:
    a = assess(text, context=CARER)
    assert "speech_difficulty" in present(a), a.findings
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "hoy no sabía dónde estaba, ando medio perdida",
        "no me acordaba ni de dónde estaba",
        "me sentí muy desorientado en la tienda",
    ],
)
def test_not_knowing_where_one_is_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text)), assess(text).findings


@pytest.mark.parametrize(
    "text", ["me perdí en el centro buscando la farmacia", "no me acuerdo de su nombre, ¿me lo repite?"]
)
def test_a_wrong_turn_or_a_forgotten_name_is_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text)), assess(text).findings


# -- a week without a bowel movement, with nausea ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no he ido al baño desde el domingo",
        "no voy de cuerpo desde hace una semana",
        "no fue al baño en cinco días",
    ],
)
def test_days_without_a_bowel_movement_are_constipation(text: str) -> None:
    assert "constipation" in present(assess(text, context=CARER)), assess(text).findings


def test_constipation_and_nausea_are_hypercalcaemia() -> None:
    assert "hypercalcemia" in assess("con náuseas y no voy al baño desde el sábado").rules


# -- still coughing, a complaint of a place, plain worry ---------------------------------------


@pytest.mark.parametrize(
    "text", ["sigo con la tos", "ando con una tos que no se quita", "sigue con esa tos de perro"]
)
def test_still_with_a_cough_is_a_cough(text: str) -> None:
    assert "cough" in present(assess(text, context=CARER)), assess(text).findings


def test_blood_with_the_cough_is_still_haemoptysis() -> None:
    assert "hemoptysis" in present(assess("me sale sangre con la tos"))


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá se queja de la espalda",
        "se queja mucho de la cintura cuando se levanta",
        "me quejo de la columna",
    ],
)
def test_a_complaint_of_the_back_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text, context=CARER)), assess(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "estoy preocupado, la quimio no me está haciendo efecto",
        "ando angustiada",
        "el tratamiento no me funciona",
    ],
)
def test_worry_about_oneself_or_the_treatment_is_patient_worry(text: str) -> None:
    assert "patient_worry" in present(assess(text)), assess(text).findings


def test_worry_for_a_child_is_not_patient_worry() -> None:
    assert "patient_worry" not in present(assess("estoy preocupada por mi hijo, tiene examen"))


# -- more than usual, since a recent day --------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["sí, más de lo habitual", "me falta el aire más de lo usual", "me ahogo más que lo normal"]
)
def test_breathless_more_than_usual_is_worsening(text: str) -> None:
    a = assess(text, "¿Le falta el aire?")
    assert "dyspnea-new" in a.rules, a.findings


def test_breathless_since_the_weekend_is_new() -> None:
    assert "dyspnea-new" in assess("me agito con nada desde el finde").rules


# -- "solo les cuento" beside "yo estoy bien" ---------------------------------------------------


def test_news_passed_on_about_a_parent_by_a_well_writer_is_someone_elses() -> None:
    a = talk("mi papá tiene fiebre y vómitos", "yo estoy bien, era para contarles nomás")
    assert not present(a), a.findings


def test_news_passed_on_about_oneself_stays() -> None:
    a = talk("tengo fiebre", "solo les cuento, ya me tomé una pastilla")
    assert "fever" in present(a), a.findings


# -- low mood and dried skin: something for the team to read -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ando bien decaída, con el ánimo por los suelos",
        "me siento deprimido desde el diagnóstico",
        "lloro por todo últimamente",
        "se me agrietaron los talones",
    ],
)
def test_low_mood_or_cracked_skin_is_never_silent(text: str) -> None:
    assert level(text) == "routine", assess(text).findings


@pytest.mark.parametrize("text", ["la novela de anoche estuvo triste", "se me partió la taza favorita"])
def test_a_sad_show_or_a_broken_cup_is_nothing(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- "hace X que" is how long it has lasted, up to now ----------------------------------------


@pytest.mark.parametrize(
    "text",
    ["hace un mes que tengo tos", "hace años que me duele la rodilla", "hace un año que ando con diarrea"],
)
def test_a_duration_up_to_now_is_present(text: str) -> None:
    assert present(assess(text)), assess(text).findings


def test_a_time_ago_with_a_past_verb_is_history() -> None:
    assert not present(assess("hace un año me desmayé en misa"))


# -- the worst of one's life keeps its place; "lo peor que he sentido" is severe -----------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("el peor dolor de cabeza de mi vida", "head"),
        ("es el peor dolor de espalda de mi vida", "spinal-pain-flags"),
        ("me duele la panza, lo peor que he sentido nunca", "pain-severe"),
    ],
)
def test_the_worst_pain_of_ones_life_is_severe_at_its_place(text: str, rule: str) -> None:
    assert rule in assess(text).rules, assess(text).findings


def test_the_worst_day_is_no_pain() -> None:
    assert level("hoy fue el peor día de mi vida en el tráfico") == "none"


# -- bleeding that will not stop, with the infinitive -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no me para de sangrar la encía",
        "a mi papá no le deja de sangrar la herida",
        "sigo sin parar de sangrar",
    ],
)
def test_bleeding_that_will_not_stop_is_major(text: str) -> None:
    assert "bleeding-major" in assess(text, context=CARER).rules, assess(text).findings


def test_bleeding_that_stopped_is_not_major() -> None:
    assert "bleeding-major" not in assess("me sangró la nariz pero ya paró").rules


# -- amounts and colours of blood ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["escupí sangre, more than a cup", "toso sangre, más de una taza"])
def test_more_than_a_cup_is_a_large_amount(text: str) -> None:
    assert "hemoptysis-major" in assess(text).rules, assess(text).findings


@pytest.mark.parametrize(
    "text", ["la flema me sale rosada", "escupo rosadito en las mañanas", "el esputo rosita"]
)
def test_pink_phlegm_is_haemoptysis(text: str) -> None:
    assert "hemoptysis" in present(assess(text)), assess(text).findings


def test_a_pink_blouse_is_nothing() -> None:
    assert level("me compré una blusa rosada") == "none"


@pytest.mark.parametrize(
    "text", ["me sale sangre cuando me limpio", "le salió un poco de sangre al hacer popó"]
)
def test_blood_on_wiping_is_bleeding_not_haemoptysis(text: str) -> None:
    a = assess(text, context=CARER)
    assert "bleeding" in present(a), a.findings
    assert "hemoptysis" not in present(a)


# -- breath getting harder, in other tenses and images -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me está costando respirar",
        "le empezó a costar respirar en la tarde",
        "se me está acabando el aire",
        "ando con el aire cortito",
    ],
)
def test_breath_getting_harder_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text, context=CARER)), assess(text).findings


def test_bathing_breathless_is_effort_not_rest() -> None:
    a = assess("me falta el aire hasta para bañarme")
    assert "dyspnea" in present(a), a.findings
    assert "breathing" not in a.rules


# -- falling asleep all the time ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me estoy quedando dormido a cada rato",
        "se le cierran los ojos comiendo",
        "se va quedando dormida sentada",
    ],
)
def test_falling_asleep_all_the_time_is_drowsiness(text: str) -> None:
    assert "drowsiness" in present(assess(text, context=CARER)), assess(text).findings


# -- days without going, nights up to pee, no wish to eat --------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("llevo cinco días tapada", "constipation"),
        ("lleva tres días sin ir al baño", "constipation"),
        ("me levanto a orinar tres veces cada noche", "polyuria"),
        ("me despierto para hacer pipí varias veces", "polyuria"),
        ("no me dan ganas de comer", "appetite_loss"),
        ("ando sin ganas de comer", "appetite_loss"),
    ],
)
def test_bowel_bladder_and_appetite_said_plainly(text: str, concept: str) -> None:
    assert concept in present(assess(text, context=CARER)), assess(text).findings


# -- over: plural, since a treatment, "antes me dolía" ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tuve vómitos el lunes pero ya se me pasaron",
        "desde la quimio ya no me duele la espalda",
        "antes me dolía la cadera, desde la operación ya no",
        "hace dos semanas tuve fiebre, pero ya nada",
    ],
)
def test_symptoms_that_are_over_are_resolved(text: str) -> None:
    assert not present(assess(text)), assess(text).findings


# -- lost feeling of the trunk with the verb first; the bottom as "la cola" ---------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("se me durmió toda la panza", "numbness"),
        ("se le entumió el abdomen", "numbness"),
        ("tengo la cola dormida", "saddle_numbness"),
        ("siento la cola como anestesiada", "saddle_numbness"),
    ],
)
def test_lost_feeling_of_trunk_or_bottom_is_a_cord_sign(text: str, concept: str) -> None:
    a = assess(text, context=CARER)
    assert concept in present(a), a.findings
    assert "cord-signs" in a.rules


def test_a_queue_is_not_the_bottom() -> None:
    assert level("hice cola dos horas en el banco") == "none"


# -- questions asked "if", in Spanglish or after "pregunta:" ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "should I worry if me sale sangre de la nariz?",
        "pregunta: si me da fiebre, ¿voy a urgencias?",
        "una duda, si me duele el pecho ¿qué hago?",
    ],
)
def test_a_question_asked_if_is_hypothetical(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- a call asked for the patient, worry and nerves, Spanglish family ---------------------------


def test_a_call_asked_for_the_patient_is_a_nurse_request() -> None:
    assert "nurse_request" in present(assess("mi papá quiere que lo llame la enfermera"))


@pytest.mark.parametrize(
    "text", ["ando muy nerviosa por la tomografía", "me siento ansioso", "tengo mucha ansiedad"]
)
def test_nerves_are_never_silent(text: str) -> None:
    assert level(text) == "routine", assess(text).findings


@pytest.mark.parametrize("text", ["my daughter tiene fiebre, yo estoy bien", "my brother has tos, yo bien"])
def test_spanglish_relatives_with_a_well_writer_are_someone_else(text: str) -> None:
    assert not present(assess(text)), assess(text).findings


def test_spanglish_dad_written_of_bare_is_the_patient() -> None:
    assert "gait_difficulty" in present(assess("my dad ya no puede caminar"))


# -- vomiting everything, said as it goes -------------------------------------------------------


@pytest.mark.parametrize("text", ["estoy vomitando todo lo que como", "ni el caldo me queda, vomito"])
def test_nothing_staying_down_is_urgent_vomiting(text: str) -> None:
    assert "vomiting" in assess(text).rules, assess(text).findings


# -- conversations: last week then well now; written for someone else ---------------------------


def test_last_week_then_well_now_is_history() -> None:
    a = talk("hace dos semanas tuve mucha tos", "ya estoy bien")
    assert a.level.label == "none", a.findings


def test_since_last_week_then_well_now_still_reads() -> None:
    a = talk("desde la semana pasada tengo tos", "ahora ya estoy bien")
    assert "cough" in present(a), a.findings


def test_written_for_a_spouse_and_the_writer_well_is_theirs() -> None:
    a = talk("tiene fiebre y tos", "perdón, pregunté por mi esposa, yo me siento bien")
    assert not present(a), a.findings


# -- a face that droops in the present; "bien" inside a finding; "van 5 y ..." -----------------


@pytest.mark.parametrize("text", ["se me cae la boca de un lado", "se le está cayendo la cara de lado"])
def test_a_face_drooping_now_is_one_sided_weakness(text: str) -> None:
    assert "neuro-acute" in assess(text, context=CARER).rules, assess(text).findings


def test_hair_falling_out_is_no_droop() -> None:
    assert level("se me cae el pelo con la quimio") != "emergency"


@pytest.mark.parametrize("text", ["no puedo respirar bien acostada", "no respiro bien acostado"])
def test_not_breathing_well_lying_down_is_at_rest(text: str) -> None:
    assert "breathing" in assess(text).rules, assess(text).findings


def test_breathing_well_lying_down_is_nothing() -> None:
    assert level("respiro bien acostada") == "none"


def test_a_count_so_far_before_and_is_a_count() -> None:
    assert "diarrhea" in assess("diarrea sin parar, van 6 y sigo", context=ON_TX).rules


def test_days_so_far_before_and_are_no_count() -> None:
    assert "diarrhea" not in assess("con diarrea, van 6 días y sigo", context=ON_TX).rules


# -- "no siento" before a symptom denies it; before a body part it is lost feeling ---------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("no siento debilidad en los brazos", "limb_weakness"),
        ("no siento falta de aire hoy", "dyspnea"),
        ("no siento ningún hormigueo en los pies", "numbness"),
        ("no siento dolor en la columna", "back_pain"),
    ],
)
def test_not_feeling_a_symptom_denies_it(text: str, concept: str) -> None:
    a = assess(text)
    assert concept not in present(a), a.findings
    assert a.level.label == "none"


@pytest.mark.parametrize("text", ["no siento las piernas", "ya no siento nada en las piernas"])
def test_not_feeling_the_legs_is_still_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text).rules


# -- a finding owned by a person named after it --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "le compré jarabe para la tos de mi nieta",
        "la diarrea de mi esposo ya lleva días",
        "el vómito de mi hijo me asustó",
    ],
)
def test_a_finding_of_my_relative_is_theirs(text: str) -> None:
    assert not present(assess(text)), assess(text).findings


def test_a_bark_like_cough_is_mine() -> None:
    assert "cough" in present(assess("tengo una tos de perro"))


def test_my_mothers_pain_told_by_her_child_is_the_patients() -> None:
    assert "back_pain" in present(assess("el dolor de espalda de mi mamá no se le quita"))


# -- regional words for wetting, the urge, tingling; "posta" -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no me aguanta la vejiga",
        "me mojé encima sin darme cuenta",
        "no siento las ganas de orinar",
    ],
)
def test_bladder_that_does_not_hold_or_feel_is_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text)), assess(text).findings


def test_wet_from_the_rain_is_nothing() -> None:
    assert level("me mojé con la lluvia al salir") == "none"


def test_tickles_in_the_legs_with_back_pain_are_cord_compression() -> None:
    assert "mscc-neuro" in assess("me duele la cintura y tengo cosquillitas en las piernas").rules


def test_posta_is_really_not_vomit() -> None:
    a = assess("posta me duele la cabeza")
    assert "vomiting" not in present(a), a.findings


# -- fed up is not tired -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["estoy harto de tanto papeleo", "ya estoy cansada de esperar la llamada"])
def test_fed_up_is_not_fatigue(text: str) -> None:
    assert level(text) == "none", assess(text).findings


def test_tired_is_still_fatigue() -> None:
    assert "fatigue" in present(assess("estoy cansadísima, sin fuerzas"))


# -- Spanglish loss of feeling, the brain as the head, ordinal counts, shaking without answer ----


def test_spanglish_cant_feel_the_legs_is_a_cord_sign() -> None:
    assert "cord-signs" in assess("no puedo feel my legs desde anoche").rules


def test_a_sore_brain_is_a_headache() -> None:
    assert "headache" in present(assess("me duele el cerebro"))


@pytest.mark.parametrize(
    "text", ["vomité por séptima vez hoy", "ya es la sexta vez que vomita", "por octava vez vomitando"]
)
def test_an_ordinal_time_is_a_count(text: str) -> None:
    assert "vomiting" in assess(text, context=CARER).rules, assess(text).findings


def test_a_second_time_is_not_six() -> None:
    assert level("vomité por segunda vez") == "routine"


def test_an_ordinal_treatment_is_nothing() -> None:
    assert level("mañana es mi quinta vez en quimio") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "temblaba toda y no reaccionaba",
        "se quedó tieso, temblando, sin responder",
        "no respondía, se sacudía",
    ],
)
def test_shaking_without_answering_is_a_seizure(text: str) -> None:
    assert "seizure" in present(assess(text, context=CARER)), assess(text).findings


def test_not_answering_messages_is_nothing() -> None:
    assert level("mi hija no respondía el teléfono") == "none"


# -- figures of speech that blame people or troubles ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mis hijos me dan dolor de cabeza con sus peleas",
        "las noticias me dan náuseas",
        "ese partido nos dejó sin aliento",
        "estoy ahogándome en deudas, me estoy ahogando en trámites",
        "me hierve la sangre con el seguro",
    ],
)
def test_a_figure_that_blames_people_or_troubles_is_nothing(text: str) -> None:
    assert level(text) == "none", assess(text).findings


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("subir las escaleras me deja sin aliento", "dyspnea"),
        ("la quimio me da náuseas", "nausea"),
        ("me estoy ahogando, no puedo respirar", "dyspnea"),
    ],
)
def test_the_same_words_of_an_effort_or_a_treatment_stand(text: str, concept: str) -> None:
    assert concept in present(assess(text)), assess(text).findings


# -- a bare number answering a 0-10 question that names nothing rates what came before -----------

HOW_STRONG = "¿Del 0 al 10, qué tan fuerte?"


@pytest.mark.parametrize("answer", ["9", "un 8", "7/10"])
def test_a_bare_score_to_how_strong_rates_the_pain_before(answer: str) -> None:
    a = talk("me duele la columna", (HOW_STRONG, answer))
    assert "spinal-pain-flags" in a.rules, a.findings


def test_a_low_bare_score_stays_routine() -> None:
    assert talk("me duele la columna", (HOW_STRONG, "2")).level.label == "routine"


def test_a_bare_score_after_a_cough_rates_nothing() -> None:
    assert talk("tengo tos", (HOW_STRONG, "9")).level.label == "routine"


# -- "duermo todo el día" to a two-part question names the part it answers -----------------------

CONFUSED_OR_SLEEPY = "¿Está confundido, o con mucho más sueño de lo normal?"


@pytest.mark.parametrize("text", ["sí, duermo todo el día", "sí, me duermo a cada rato"])
def test_sleeping_all_day_answers_only_the_sleepiness(text: str) -> None:
    a = assess(text, CONFUSED_OR_SLEEPY)
    assert present(a) == {"drowsiness"}, a.findings


def test_a_bare_yes_answers_both() -> None:
    assert {"confusion", "drowsiness"} <= present(assess("sí", CONFUSED_OR_SLEEPY))


# -- "es un dolor muy fuerte" after a sited pain is that pain -------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "rule"),
    [
        ("me duele el pecho", "es un dolor muy fuerte, un 9", "chest-pain"),
        ("me duele la cabeza", "era un dolor terrible, el peor", "head"),
    ],
)
def test_an_unsited_pain_said_of_it_next_is_the_same_pain(first: str, then: str, rule: str) -> None:
    a = talk(first, then)
    assert rule in a.rules, a.findings


def test_a_new_pain_with_its_own_place_stays_its_own() -> None:
    a = talk("me duele el pecho", "y es un dolor en la rodilla también")
    assert "pain" in present(a), a.findings


# -- "me mata" is pain only when said of a place or of the pain ----------------------------------


@pytest.mark.parametrize(
    "text", ["este calor de Mérida me mata jaja", "la tarea de mi nieto me mata", "me mata la curiosidad"]
)
def test_killing_heat_or_chores_are_nothing(text: str) -> None:
    assert level(text) == "none", assess(text).findings


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("me mata la cintura", "spinal-pain-flags"),
        ("el dolor de cabeza me está matando", "head"),
        ("este dolor me mata", "pain-severe"),
    ],
)
def test_a_killing_pain_is_severe(text: str, rule: str) -> None:
    assert rule in assess(text).rules, assess(text).findings


# -- an earlier round of treatment dates what happened then --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cuando me dieron la quimio la primera vez vomitaba mucho",
        "cuando le pusieron la radio al principio tenía diarrea",
    ],
)
def test_what_happened_in_an_earlier_round_is_history(text: str) -> None:
    assert level(text, context=CARER) == "none", assess(text).findings


def test_what_happened_with_yesterdays_round_is_now() -> None:
    assert "vomiting" in assess("cuando me dieron la quimio ayer vomité 6 veces").rules


# -- misspellings that keep the sound: the last two letters swapped, b/v, c/k ---------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("me dueel la cabeza", "headache"),
        ("konbulsiones anoche", "seizure"),
        ("bomité en la mañana", "vomiting"),
        ("tengo diarrea y vomitos, me sinto mal", "diarrhea"),
    ],
)
def test_a_slip_that_keeps_the_sound_is_read(text: str, concept: str) -> None:
    assert concept in present(assess(text)), assess(text).findings


@pytest.mark.parametrize("text", ["fui a pagar la luz", "comimos pescado", "vamos a cenar"])
def test_everyday_words_are_not_corrected_into_symptoms(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- fear of dying is the patient's worry -----------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["tengo miedo de morirme", "me da mucho miedo morir", "mi papá tiene miedo de morirse"]
)
def test_fear_of_dying_is_patient_worry(text: str) -> None:
    a = assess(text, context=CARER)
    assert "patient_worry" in present(a), a.findings
    assert a.level.label == "routine"


def test_fear_of_a_fever_to_come_is_nothing() -> None:
    assert level("tengo miedo de que me dé fiebre") == "none"


# -- legs that give way, strength gone from a limb ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("me duele la columna y tengo las piernas como de hule", "mscc-neuro"),
        ("se me doblaron las rodillas en la cocina", "cord-signs"),
        ("se le fue la fuerza de la mano izquierda, no puede agarrar el vaso", "neuro-acute"),
    ],
)
def test_limbs_that_give_way_or_lose_strength_are_weakness(text: str, rule: str) -> None:
    assert rule in assess(text, context=CARER).rules, assess(text).findings


def test_a_cup_slipping_is_not_weakness() -> None:
    assert level("se me fue la taza de las manos por andar distraída") == "none"


# -- breath: stopping every few words, "ando ahogada", "no me daba el aire" -----------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("tengo que parar a tomar aire cada dos palabras", "breathing"),
        ("ando ahogada desde ayer", "dyspnea-new"),
        ("subiendo no me daba el aire, cosa nueva", "dyspnea-new"),
    ],
)
def test_breath_said_in_everyday_words(text: str, rule: str) -> None:
    assert rule in assess(text).rules, assess(text).findings


def test_fine_sitting_after_a_yes_is_not_at_rest() -> None:
    a = assess(
        "sí, desde el martes, pero acostada estoy bien", "¿Tiene falta de aire nueva o peor que antes?"
    )
    assert "breathing" not in a.rules, a.findings


# -- a lash, a pull, a tight chest misspelled, a complaint of the chest ---------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("al estornudar siento un latigazo en la espalda", "back_pain"),
        ("me dio un tirón en la cintura", "back_pain"),
        ("me apreta el pecho", "chest_pain"),
        ("mi mamá se queja del pecho", "chest_pain"),
    ],
)
def test_pain_words_of_everyday_speech(text: str, concept: str) -> None:
    assert concept in present(assess(text, context=CARER)), assess(text).findings


# -- bowel, bladder, thirst, sleep, appetite in everyday words ------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("tengo chorrillo desde anoche", "diarrhea"),
        ("ando floja del estómago", "diarrhea"),
        ("bebo cuatro litros de agua al día", "thirst"),
        ("me despierto tres veces por la noche para orinar", "polyuria"),
        ("tengo ganas de devolver", "nausea"),
        ("se queda dormida en medio de la plática", "drowsiness"),
        ("el apetito no regresa", "appetite_loss"),
        ("no estoy haciendo del baño bien", "constipation"),
        ("ando sin fuerzas para nada", "fatigue"),
    ],
)
def test_everyday_words_for_common_symptoms(text: str, concept: str) -> None:
    assert concept in present(assess(text, context=CARER)), assess(text).findings


def test_a_sip_that_comes_back_is_vomiting_without_fluids() -> None:
    assert "vomiting" in assess("bebo un traguito de agua y lo devuelvo").rules


def test_a_stocking_that_no_longer_fits_is_leg_swelling() -> None:
    assert "leg_swelling" in present(assess("las medias de compresión ya no me entran"))


# -- something wrong in me; not knowing the day ---------------------------------------------------


def test_something_not_right_in_me_is_worry() -> None:
    assert "patient_worry" in present(assess("algo en mí no anda bien"))


@pytest.mark.parametrize("text", ["no sé ni qué día es hoy", "no sé en qué día estamos, me siento atontado"])
def test_not_knowing_the_day_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text)), assess(text).findings


def test_not_knowing_what_day_the_appointment_is_is_nothing() -> None:
    assert "confusion" not in present(assess("no sé qué día es mi cita, ¿me lo confirman?"))


# -- long ago, breathless with news, someone said not to be the patient ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "antes me desmayaba con las inyecciones, pero hace años de eso",
        "me quedé sin aliento con la sorpresa de mis hijos",
        "mi tía (no es la paciente) se cayó dos veces",
    ],
)
def test_long_ago_news_or_someone_not_the_patient_is_nothing(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- from conversations: the floor on waking, halfway up the stairs, nothing staying down --------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("no puedo terminar de decir una oración sin parar", "breathing"),
        ("desperté tirada en el piso del baño", "neuro-acute"),
        ("me levanté y estuve en el suelo sin saber cuánto tiempo pasó", "neuro-acute"),
        ("tengo que pararme a medio camino en la escalera, antes no", "dyspnea-new"),
        ("no me queda nada en el estómago", "vomiting"),
    ],
)
def test_emergencies_and_urgencies_said_in_passing(text: str, rule: str) -> None:
    assert rule in assess(text).rules, assess(text).findings


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el cuello cada día peor", "neck_pain"),
        ("esgarré con sangre esta mañana", "hemoptysis"),
        ("ando con poco fuelle", "dyspnea"),
        ("tres veces al baño aguado", "diarrhea"),
    ],
)
def test_regional_words_for_symptoms(text: str, concept: str) -> None:
    assert concept in present(assess(text)), assess(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "me caí de la bici de joven, nada más",
        "hace 38 grados en Sevilla",
        "estamos a 41 grados a la sombra",
        "se me fue el aliento de la alegría al verla",
    ],
)
def test_accidents_weather_and_joy_are_nothing(text: str) -> None:
    a = assess(text)
    assert a.level.label in ("none", "routine"), a.findings
    assert "fever" not in present(a)
    assert "gait_difficulty" not in present(a)
    assert "dyspnea" not in present(a)


def test_a_fever_of_38_degrees_stays_a_fever() -> None:
    assert "fever" in present(assess("tengo 38 grados de fiebre"))


def test_halfway_up_then_fine_sitting_stays_urgent() -> None:
    a = talk(
        "tuve que sentarme en la escalera a la mitad, eso antes no me pasaba",
        ("¿Le falta el aire en reposo o no puede terminar una frase?", "no, sentada estoy bien"),
    )
    assert a.level.label == "urgent", a.findings


def test_loose_with_a_count_of_trips_is_diarrhoea() -> None:
    assert "diarrhea" in assess("ando floja, como 8 idas al baño hoy").rules


def test_loose_of_everything_is_nothing() -> None:
    assert level("ando suelto de todo, relajado") == "none"


def test_a_patient_at_39_degrees_has_a_fever() -> None:
    assert "fever" in present(assess("mi papá está a 39 grados", context=CARER))


# -- treatment finished months ago is no active treatment -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo 37.8, pero terminé la quimio en marzo",
        "37.7 de temperatura, acabé el tratamiento hace cuatro meses",
    ],
)
def test_a_low_fever_months_after_treatment_is_routine(text: str) -> None:
    assert level(text) == "routine", assess(text).findings


def test_a_fever_a_week_after_chemo_is_neutropenic() -> None:
    assert "neutropenic-fever" in assess("tengo 38.4, terminé la quimio hace una semana").rules
