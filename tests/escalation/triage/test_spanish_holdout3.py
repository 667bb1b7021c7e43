"""Spanish classes a third unseen set found the engine missing: a limb that fails said with
its own "no" after another "no", help to get about (carried, held up by the walls, steps not
climbed), urine in drops or not held, breath too short to end a sentence or not caught, a fit
told by the shaking, passive wishes to die, the "d" dropped from participles, thirst and
passing water told in slang, wrecked places and belts of pain, a limb that feels strange, and
false alarms (pain from lying down, a swelling gone down, treatment finished months ago, a
pain of last week gone). Each with the negatives beside it. Our own sentences, never a
bench's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import Assessment, TriageEngine, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import CARER, present


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


def _read(es: TriageEngine, *turns: str | tuple[str, dict[str, Any]]) -> Assessment:
    """Messages ten minutes apart; a (text, context) pair is a message with its own context."""
    start = datetime(2026, 5, 4, 8, tzinfo=UTC)
    messages = []
    for i, turn in enumerate(turns):
        text, context = turn if isinstance(turn, tuple) else (turn, None)
        messages.append(Message(text, start + timedelta(minutes=10 * i), None, context))
    return ConversationReader(es).read(messages).assessment


# -- a limb that fails, said with its own "no" after another "no" ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me duele la columna y no me puedo levantar del sofá las piernas no me responden",
        "no sé qué me pasa pero las piernas no me responden",
        "no tengo fiebre y las piernas ya no me sostienen",
    ],
)
def test_a_limb_that_fails_with_its_own_no_is_not_denied_by_an_earlier_no(text: str) -> None:
    assert "limb_weakness" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["las piernas no las noto débiles", "no tengo dolor de espalda ni las piernas flojas"]
)
def test_a_no_said_of_the_weakness_itself_still_denies_it(text: str) -> None:
    assert "limb_weakness" not in present(assess(text))


@pytest.mark.parametrize("text", ["no me puedo para de la cama", "ya no me puedo para del sillón solo"])
def test_para_typed_for_parar_after_cant_is_getting_up(text: str) -> None:
    assert "gait_difficulty" in present(assess(text))


def test_para_as_a_preposition_is_no_gait() -> None:
    assert level("no me puedo quejar, para de la edad que tengo estoy bien") == "none"


# -- help to get about: carried, held up by the walls, steps not climbed --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi marido no pudo subir los escalones del porche y lo tuvimos que subir entre dos",
        "tuve que cargarla hasta la cama, no se sostenía",
        "hoy no logró subir ni dos escalones",
    ],
)
def test_a_carer_who_carried_the_patient_or_steps_not_climbed_is_gait(text: str) -> None:
    assert "gait_difficulty" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "se cansó de caminar mi nieta y tuve que cargarla",
        "la tuve que cargar hasta el coche, pesaba mucho la maleta",
        "tuve que cargar las bolsas del súper",
    ],
)
def test_carrying_a_child_or_a_bag_is_no_gait(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "un poco, voy agarrándome de las paredes para no caerme",
        "camino apoyándome en los muebles",
        "tengo que sostenerme de la pared para andar",
    ],
)
def test_walking_held_up_by_the_walls_is_gait(text: str) -> None:
    assert "gait_difficulty" in present(assess(text))


def test_holding_a_wall_to_hang_a_picture_is_no_gait() -> None:
    assert level("me agarré de la pared para colgar el cuadro") == "none"


# -- urine in drops, or not held -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el pipí me sale a gotitas y me cuesta arrancar",
        "la orina me sale gota a gota",
        "orino a goteritas desde el lunes",
    ],
)
def test_urine_in_drops_is_bladder_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["ya no me aguanto la orina, se me escapa sola", "no se aguanta el pis, se le sale", "no aguanto el pis"],
)
def test_urine_not_held_is_bladder_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


@pytest.mark.parametrize("text", ["el agua de la llave sale a gotitas", "no aguanto el dolor de muelas"])
def test_drops_of_water_or_pain_not_borne_are_no_bladder_trouble(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


# -- breath too short to end a sentence, or not caught ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "te escribo poquito a poco porque no me da el aire ni para terminar una frase",
        "me falta el aire ni pa acabar una oración",
        "no agarro aire, ni sentada",
        "casi no cojo el aire",
        "no le llega el resuello ni acostado",
    ],
)
def test_breath_too_short_to_end_a_sentence_or_not_caught_is_an_emergency(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "no tengo tiempo ni para terminar una frase",
        "no cojo el autobús, me lleva mi hijo",
        "no me alcanza el dinero",
    ],
)
def test_time_buses_and_money_are_no_breath(text: str) -> None:
    assert level(text) == "none"


def test_the_breath_that_does_not_reach_by_its_other_names_is_dyspnea() -> None:
    assert "dyspnea" in present(assess("ya no me da el aliento"))


# -- a fit told by the shaking --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me vino un ataque y dicen que me sacudía tirada en el suelo",
        "mi hijo dice que me estaba sacudiendo en el piso",
        "me agarró una crisis y me sacudí entera en la cama",
    ],
)
def test_a_fit_told_by_the_shaking_is_a_seizure(text: str) -> None:
    assert level(text) == "emergency"
    assert "seizure" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["me sacudí el polvo de la ropa", "me sacudí todo el polvo", "me agarró un ataque de risa"]
)
def test_dusting_off_and_laughing_fits_are_no_seizure(text: str) -> None:
    assert "seizure" not in present(assess(text))


# -- passive wishes to die --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya estoy harta de todo, mejor me quito de en medio y no molesto",
        "a veces pienso en quitarme de en medio",
        "ojalá dejara de ser una carga para todos",
        "para qué sigo luchando",
    ],
)
def test_wishing_to_be_out_of_the_way_is_self_harm(text: str) -> None:
    assert "self_harm" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "me quito de en medio para que pasen con la camilla",
        "no quiero ser una carga para mis hijos",
        "para qué sigo con la quimio si no sirve, quiero hablar con el doctor",
    ],
)
def test_stepping_aside_and_plain_worry_are_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


# -- participles with the "d" dropped; tired for breathing -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ando más fatigao pa respirar, cada día peor",
        "estoy cansada al respirar, peor que la semana pasada",
        "me noto agitao pa respirar y cada vez peor",
    ],
)
def test_tired_for_breathing_and_getting_worse_is_new_dyspnea(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level.label in ("urgent", "emergency")


@pytest.mark.parametrize("text", ["estoy cansao", "ando muy agotao"])
def test_the_dropped_d_is_read_as_its_word(text: str) -> None:
    assert "fatigue" in present(assess(text))


def test_tired_of_paperwork_is_no_breath() -> None:
    assert level("estoy cansao de tanto trámite") == "none"


# -- thirst and passing water told in slang ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me paso todo el día tomando agua y meando cada dos por tres",
        "a cada rato bebiendo agua y orino cada dos por tres",
    ],
)
def test_drinking_all_day_and_peeing_all_the_time_is_hypercalcemia(text: str) -> None:
    a = assess(text)
    assert {"thirst", "polyuria"} <= present(a)
    assert "hypercalcemia" in a.rules


@pytest.mark.parametrize(
    "text", ["cada dos por tres me llaman del banco", "mi esposo mea cada dos por tres, es la próstata"]
)
def test_every_so_often_of_the_bank_or_someone_else_is_no_polyuria(text: str) -> None:
    assert "polyuria" not in present(assess(text))


# -- pain from lying down is no pain at night; a swelling gone down is over --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a mi mamá le duele un poquito la cintura de estar acostada, un 2",
        "me duele un poco el cuello de estar tumbado",
    ],
)
def test_pain_from_lying_down_is_not_pain_at_night(text: str) -> None:
    assert level(text, context=CARER) == "routine"


def test_breathless_from_lying_down_is_still_at_rest() -> None:
    assert level("jadeo de estar acostada") == "emergency"


def test_pain_all_night_lying_down_is_still_at_night() -> None:
    assert level("me duele la espalda toda la noche acostado") == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "el pie se me hinchó el martes pero ya se desinflamó",
        "tuve la pantorrilla hinchada hace unos días, ya se deshinchó del todo",
    ],
)
def test_a_swelling_gone_down_is_over(text: str) -> None:
    assert level(text) == "none"


def test_a_swelling_that_will_not_go_down_is_present() -> None:
    assert level("tengo el tobillo hinchado y no se deshincha") == "urgent"


# -- wrecked places, belts of pain, limbs that feel strange ------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["tengo la columna a la miseria", "la espalda destrozada, un dolor sordo", "la espalda hecha pedazos"],
)
def test_a_back_said_to_be_wrecked_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text))


@pytest.mark.parametrize("text", ["estoy destrozada", "tengo el corazón hecho pedazos por la noticia"])
def test_wrecked_feelings_are_no_pain(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "un dolor como una faja alrededor de la cintura",
        "dolor en cinturón por las costillas",
        "un dolor como un aro que rodea el tórax",
    ],
)
def test_a_belt_of_pain_round_the_trunk_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text))


def test_a_seat_belt_is_no_band_of_pain() -> None:
    assert "back_pain" not in present(assess("me aprieta el cinturón del pantalón"))


@pytest.mark.parametrize(
    "text", ["la mano derecha la siento rara desde ayer", "los pies los noto extraños, como ajenos"]
)
def test_a_hand_or_foot_that_feels_strange_is_numbness(text: str) -> None:
    assert "numbness" in present(assess(text))


def test_a_strange_limb_with_back_pain_is_cord_compression() -> None:
    a = assess("me duele la espalda baja y la mano izquierda la noto rara")
    assert "mscc-neuro" in a.rules


def test_food_that_tastes_strange_is_no_numbness() -> None:
    assert level("la comida la noto rara") == "none"


# -- conversations -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "later",
    [
        "soy su hija, le duele más en la noche",
        "hola, soy el marido. Le duele sobre todo de madrugada, no pega ojo",
    ],
)
def test_a_carer_who_adds_when_it_hurts_speaks_of_the_back_pain_before(es: TriageEngine, later: str) -> None:
    a = _read(es, "me duele la espalda", (later, CARER))
    assert "spinal-pain-flags" in a.rules


def test_a_carer_who_adds_that_it_hurts_a_little_raises_nothing(es: TriageEngine) -> None:
    a = _read(es, "me duele la espalda", ("le duele un poco, nada más", CARER))
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "later", ["no, terminé la quimio hace tiempo", "hace meses que acabé el tratamiento"]
)
def test_treatment_finished_long_ago_makes_a_fever_urgent_not_neutropenic(
    es: TriageEngine, later: str
) -> None:
    a = _read(es, "tengo fiebre", "38.4", later)
    assert a.level.label == "urgent"


def test_treatment_finished_last_week_still_counts(es: TriageEngine) -> None:
    a = _read(es, "tengo fiebre", "38.4", "terminé la quimio la semana pasada")
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "later", ["ya se me quitó del todo, hoy bien", "ya se pasó por completo, ahora estoy bien, gracias"]
)
def test_a_pain_of_last_week_said_gone_is_over(es: TriageEngine, later: str) -> None:
    a = _read(es, "la semana pasada me dolía la garganta", later)
    assert a.level.label == "none"


def test_a_pain_of_today_said_gone_stays_for_the_nurse(es: TriageEngine) -> None:
    a = _read(es, "me duele la cabeza desde esta mañana", "ya se me quitó del todo, hoy bien")
    assert a.level.label == "routine"


# -- classes from a ninth development set ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá está respirando rapidito y agitadita",
        "respiro rapidísimo desde anoche",
    ],
)
def test_breathing_fast_said_small_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text, context=CARER))


def test_a_pet_breathing_fast_is_not_the_patient() -> None:
    assert "dyspnea" not in present(assess("la perrita respira rapidito"))


@pytest.mark.parametrize(
    "text", ["me silba un poquito el pecho al acostarme", "le silba algo el pecho de noche"]
)
def test_a_chest_that_whistles_a_little_is_wheeze(text: str) -> None:
    assert "wheeze" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "cuando estornudo o pujo me da un latigazo en la espalda",
        "al toser o al pujar me duele la columna",
    ],
)
def test_two_efforts_named_together_are_on_straining(text: str) -> None:
    assert "spinal-pain-flags" in assess(text).rules


def test_an_effort_without_back_pain_raises_nothing() -> None:
    assert level("cuando estornudo o toso me lloran los ojos") != "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "he vomitado toda la tarde, ni el agua me para en la panza",
        "devuelvo todo, ni el suerito me queda en el estómago",
    ],
)
def test_not_even_a_drink_staying_down_is_vomiting_without_fluids(text: str) -> None:
    assert level(text) == "urgent"


def test_not_liking_water_or_food_is_no_vomiting() -> None:
    assert level("ni el agua ni la comida me gustan") == "none"


@pytest.mark.parametrize("text", ["van 6 vomitadas hoy", "llevo siete vomitonas desde la mañana"])
def test_bouts_counted_as_nouns_are_vomiting_counts(text: str) -> None:
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    ["tengo una sed, bebo y bebo agua y sigo igual", "la boca como un estropajo todo el día"],
)
def test_drinking_and_drinking_or_a_scourer_mouth_is_thirst(text: str) -> None:
    assert "thirst" in present(assess(text))


def test_drinking_beer_at_parties_is_no_thirst() -> None:
    assert level("bebo y bebo cerveza en las fiestas") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "dice que se va a tirar del balcón",
        "me voy a tirar por la ventana",
        "amenaza con que se quiere aventar del puente",
    ],
)
def test_throwing_oneself_from_a_height_is_self_harm(text: str) -> None:
    assert "self_harm" in present(assess(text, context=CARER))


def test_a_neighbour_diving_is_no_self_harm() -> None:
    assert level("mi vecino se va a tirar del trampolín") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "cuando abrí los ojos estaba tirado en el piso del baño",
        "se me fue la luz y cuando volví en mí estaba tirada en el suelo",
    ],
)
def test_coming_round_on_the_floor_is_syncope(text: str) -> None:
    assert "syncope" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["mi papá me responde cualquier cosa", "le pregunto algo y contesta lo que no es"],
)
def test_answers_that_miss_the_question_are_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "me duele la cabeza, no me deja ni pensar",
        "me duele la pierna como si me hubiera atropellado un camión",
    ],
)
def test_a_pain_that_stops_thought_or_is_like_being_run_over_is_severe(text: str) -> None:
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text", ["el ruido no me deja ni pensar", "como si me hubiera atropellado un camión, de cansancio"]
)
def test_noise_and_tiredness_are_no_severe_pain(text: str) -> None:
    assert level(text) != "urgent"


def test_blood_coughed_an_eternity_ago_is_history() -> None:
    assert level("tosía sangre con la tuberculosis, pero eso fue hace una eternidad") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "el partido del domingo me dejó sin aliento",
        "el Madrid me va a matar de un disgusto",
        "estoy con el agua hasta el cuello con las cuentas",
        "ojos que no ven, corazón que no siente",
    ],
)
def test_figures_of_speech_are_no_alarm(text: str) -> None:
    assert level(text) == "none"


def test_a_neck_swollen_up_to_the_ear_is_still_swelling() -> None:
    assert "face_neck_swelling" in present(assess("tengo el cuello hinchado hasta la oreja"))


@pytest.mark.parametrize(
    "text", ["el reloj ya no me cierra en la muñeca", "la pulsera ya no le cierra en el brazo izquierdo"]
)
def test_a_watch_that_no_longer_closes_is_arm_swelling(text: str) -> None:
    assert "face_neck_swelling" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text", ["no puedo mover bien la mano izquierda", "casi no puede levantar nada el brazo derecho"]
)
def test_a_limb_not_moved_well_is_weakness(text: str) -> None:
    assert "limb_weakness" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    ("question", "answer", "want"),
    [
        ("¿Puede caminar con normalidad?", "no", "present"),
        ("¿Puede caminar como siempre?", "no, arrastro un pie", "present"),
        ("¿Puede orinar con normalidad?", "no", "present"),
        ("¿Puede caminar con normalidad?", "sí, camino bien", "negated"),
        ("¿Puede orinar con normalidad?", "sí", "negated"),
    ],
)
def test_a_no_to_can_you_is_the_trouble(question: str, answer: str, want: str) -> None:
    a = assess(answer, question)
    concept = "gait_difficulty" if "caminar" in question else "bladder_bowel_dysfunction"
    assert {f.status for f in a.findings if f.concept == concept} == {want}


@pytest.mark.parametrize("text", ["no camino bien desde ayer", "ya no camina derecho"])
def test_not_walking_well_is_gait(text: str) -> None:
    assert "gait_difficulty" in present(assess(text, context=CARER))


def test_not_doing_well_is_no_gait() -> None:
    assert "gait_difficulty" not in present(assess("no ando bien de ánimo"))


@pytest.mark.parametrize(
    "text",
    [
        "siento las nalgas y la parte de adentro de los muslos dormidas",
        "tengo la parte interna de los muslos adormecida",
    ],
)
def test_numb_inner_thighs_are_saddle_numbness(text: str) -> None:
    assert "saddle_numbness" in present(assess(text))


def test_pain_inside_the_thigh_is_no_saddle_numbness() -> None:
    assert "saddle_numbness" not in present(assess("me duele la parte de adentro del muslo"))


@pytest.mark.parametrize("text", ["se me escapa sin que me dé cuenta", "se le sale solita y ni se da cuenta"])
def test_leaking_unnoticed_is_bladder_dysfunction(text: str) -> None:
    q = "¿Tiene problemas para orinar o para controlar la vejiga o el intestino?"
    assert "bladder_bowel_dysfunction" in present(assess(text, q))


@pytest.mark.parametrize(
    "text", ["8 veces al baño hoy, pura agua", "fui al baño 7 veces desde anoche, todo agua"]
)
def test_trips_to_the_toilet_of_pure_water_are_counted_diarrhea(text: str) -> None:
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "antes caminaba 20 cuadras sin cansarme, ahora me agito en la esquina",
        "me fatigo al hacer la cama, nunca me había pasado",
    ],
)
def test_breath_lost_at_what_was_easy_is_new_dyspnea(text: str) -> None:
    assert "dyspnea-new" in assess(text).rules


@pytest.mark.parametrize("text", ["antes caminaba mucho", "me fatigo al pensar en el trámite"])
def test_a_past_habit_or_a_worry_is_no_breath(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text", ["la espalda entre los omoplatos me late todo el día", "la nuca me late desde ayer"]
)
def test_a_place_that_throbs_is_its_pain(text: str) -> None:
    assert {"back_pain", "neck_pain"} & present(assess(text))


@pytest.mark.parametrize(
    "text", ["el corazón me late fuerte", "me late el ojo desde ayer", "me late que va a llover"]
)
def test_a_beating_heart_a_twitching_eye_and_a_hunch_are_no_pain(text: str) -> None:
    assert level(text) == "none"


def test_no_at_rest_then_only_when_walking_is_breath_on_exertion() -> None:
    a = assess(
        "no, acostada estoy tranquila, solo cuando subo escaleras, y es nuevo",
        "¿Le falta el aire estando en reposo o al hablar?",
    )
    assert "dyspnea" in present(a)
    assert a.level.label == "urgent"


def test_no_and_fine_at_rest_stays_a_no() -> None:
    a = assess("no, estoy bien, solo un poco cansada", "¿Le falta el aire estando en reposo o al hablar?")
    assert "dyspnea" not in present(a)


def test_a_toilet_as_if_after_a_slaughter_is_major_bleeding() -> None:
    assert level("el inodoro quedó lleno de sangre, como si hubieran matado una gallina") == "emergency"


def test_a_slaughter_in_a_soap_opera_is_no_bleeding() -> None:
    assert level("como si hubieran matado a alguien en la novela") == "none"


# -- classes from a sixth set of development conversations -----------------------------------------


@pytest.mark.parametrize(
    "text",
    ["no siento ninguna de las dos de la rodilla pa abajo", "ya no siento las dos del muslo para abajo"],
)
def test_both_legs_said_as_las_dos_below_a_level_is_extensive_numbness(text: str) -> None:
    assert level(text) == "emergency"


def test_the_fingers_of_both_hands_are_not_both_legs() -> None:
    assert level("no siento los dedos de las dos manos") == "routine"


@pytest.mark.parametrize(
    "text", ["¿es normal no haber hecho pis en todo el día?", "no he podido hacer pis en todo el día"]
)
def test_a_day_without_passing_water_is_retention_even_asked(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["tengo como dormida la parte de sentarme", "tengo adormecida la zona de sentarme y ahí entremedio"],
)
def test_the_part_one_sits_on_gone_numb_is_saddle_numbness(text: str) -> None:
    assert "saddle_numbness" in present(assess(text))


def test_the_part_one_sits_on_aching_from_the_chair_is_no_cord_sign() -> None:
    assert level("la parte de sentarme me duele de tanto estar en la silla") == "routine"


@pytest.mark.parametrize(
    "text",
    ["lo noto medio perdío", "nos preguntó varias veces dónde estamos", "me pregunta a cada rato qué día es"],
)
def test_lost_or_asking_the_day_again_and_again_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context=CARER))


@pytest.mark.parametrize("text", ["perdió las llaves otra vez", "me preguntó qué día es la cita"])
def test_lost_keys_and_one_question_of_a_date_are_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "le he cambiado la gasa 4 veces en una hora, sigue sangrando",
        "la herida sangra y el vendaje se sigue empapando",
    ],
)
def test_dressings_changed_again_and_again_are_major_bleeding(text: str) -> None:
    assert level(text, context=CARER) == "emergency"


def test_sheets_changed_twice_are_no_bleeding() -> None:
    assert level("cambié las sábanas dos veces") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "junté las pastillas de la morfina por si acaso",
        "voy acumulando mis pastillas",
        "ya no tengo ganas de seguir",
    ],
)
def test_pills_hoarded_or_no_wish_to_go_on_is_self_harm(text: str) -> None:
    assert "self_harm" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["guardé las pastillas en el cajón", "ya no tengo ganas de seguir con la quimio, quiero hablarlo"]
)
def test_pills_put_away_or_tired_of_treatment_is_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize("text", ["tosí y salió un gargajo con algo rojo", "flema con vetitas rojas"])
def test_phlegm_with_something_red_is_hemoptysis(text: str) -> None:
    assert "hemoptysis" in present(assess(text))


@pytest.mark.parametrize("text", ["flema verde", "moco con algo rojito"])
def test_green_phlegm_or_a_red_nose_is_no_hemoptysis(text: str) -> None:
    assert "hemoptysis" not in present(assess(text))


# -- remaining classes of the older development sets -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["tuve que parar en la escalera porque no me sostenían", "ya no le sostienen, se sienta en el suelo"],
)
def test_what_no_longer_holds_one_up_in_the_plural_is_the_legs(text: str) -> None:
    assert "limb_weakness" in present(assess(text, context=CARER))


def test_a_cane_that_no_longer_holds_is_no_weak_leg() -> None:
    assert "limb_weakness" not in present(assess("el bastón ya no me sostiene, está roto"))


@pytest.mark.parametrize(
    "text", ["siento las manos como si llevara guantes", "los pies como si tuviera medias puestas, dormidos"]
)
def test_gloves_or_socks_felt_that_are_not_there_are_numbness(text: str) -> None:
    assert "numbness" in present(assess(text))


def test_boots_in_a_photo_are_no_numbness() -> None:
    assert level("como si tuviera botas de la nieve en la foto") == "none"


@pytest.mark.parametrize(
    "text",
    ["ya me despedí de todos y tengo todo listo", "me he despedido de mis hijos, ya dejé todo en orden"],
)
def test_goodbyes_said_and_affairs_in_order_are_self_harm(text: str) -> None:
    assert "self_harm" in present(assess(text))


def test_goodbyes_at_a_party_are_no_self_harm() -> None:
    assert level("ya me despedí de todos en la fiesta") == "none"


@pytest.mark.parametrize(
    "text", ["mi papá se queja un poco de la espalda baja", "se queja a ratos del cuello"]
)
def test_a_complaint_of_a_place_a_little_is_its_pain(text: str) -> None:
    assert present(assess(text, context=CARER)) & {"back_pain", "neck_pain"}


def test_a_complaint_of_the_neighbours_is_no_pain() -> None:
    assert level("se queja un poco de los vecinos") == "none"


@pytest.mark.parametrize(
    ("question", "answer", "want"),
    [
        (
            "¿Ha notado debilidad nueva en las piernas?",
            "no, las piernas normal, pero la columna sigue constante",
            "urgent",
        ),
        ("¿Ha notado debilidad nueva en las piernas?", "no, pero mi espalda anda todo el día", "urgent"),
        (
            "¿Tiene dificultad para caminar?",
            "no, camino bien y las piernas fuertes, solo la espalda un poquito",
            "routine",
        ),
        ("¿Tiene dificultad para caminar?", "no, nomás la cintura un poco", "routine"),
    ],
)
def test_the_back_named_with_how_it_goes_on_is_its_pain(question: str, answer: str, want: str) -> None:
    assert level(answer, question) == want


def test_the_back_named_as_well_is_no_pain() -> None:
    assert level("no, la espalda sigue bien", "¿Ha notado debilidad nueva en las piernas?") == "none"


def test_strong_legs_lend_no_severity_to_another_pain() -> None:
    assert level("las piernas fuertes, pero me duele un poco el hombro") == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "la cintura me dolía poquito el mes pasado, ahora cada semana peor",
        "el año pasado me dolía la espalda, ahora cada vez más fuerte",
    ],
)
def test_a_pain_of_the_past_that_is_worse_now_is_present_and_worse(text: str) -> None:
    assert level(text) == "urgent"


def test_a_pain_of_the_past_with_nothing_now_stays_history() -> None:
    assert level("el año pasado me dolía la espalda") == "none"


@pytest.mark.parametrize(
    ("later", "concept"),
    [
        ("no, perdón, me equivoqué, es la espalda y es leve", "back_pain"),
        ("ay no, era el cuello", "neck_pain"),
    ],
)
def test_a_slip_corrected_with_the_place_keeps_the_pain_there(
    es: TriageEngine, later: str, concept: str
) -> None:
    a = _read(es, "me duele el pecho", later)
    assert concept in present(a)
    assert "chest_pain" not in present(a)


def test_a_slip_with_nothing_said_is_taken_back(es: TriageEngine) -> None:
    assert _read(es, "me duele el pecho", "me equivoqué").level.label == "none"


@pytest.mark.parametrize(
    "later",
    [
        "perdón, ese mensaje era de mi hermana, ella es la del dolor, yo estoy bien",
        "perdón, mi mensaje era de mi mamá",
    ],
)
def test_a_message_said_to_be_someone_elses_gives_them_its_findings(es: TriageEngine, later: str) -> None:
    assert _read(es, "tengo dolor de cabeza", later).level.label == "none"


def test_a_relatives_injury_told_after_with_the_writer_well_is_theirs(es: TriageEngine) -> None:
    a = _read(
        es,
        "sangró un montón, llenó una toalla",
        "me faltó decir: mi hijo se cortó con la lata. Yo estoy bien",
    )
    assert a.level.label == "none"


def test_a_relatives_fall_beside_ones_own_bleeding_keeps_the_bleeding(es: TriageEngine) -> None:
    a = _read(es, "sangré un montón, llené una toalla", "y mi hijo se cayó en la calle")
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text", ["3 veces, todo líquido", "en la mañana 2 veces y en la tarde 1 más, todo aguado"]
)
def test_counts_then_how_it_all_came_is_diarrhea(text: str) -> None:
    assert "diarrhea" in present(assess(text))


@pytest.mark.parametrize("text", ["la sopa quedó toda aguada", "3 veces al día como, todo aguado"])
def test_watery_soup_is_no_diarrhea(text: str) -> None:
    assert "diarrhea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "pero lo del pecho volvió, un dolor fuerte que no me deja ni moverme",
        "el pecho, un dolor fuerte fuerte",
    ],
)
def test_a_place_then_a_pain_with_how_it_is_said_after_a_comma_is_that_places_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level.label == "emergency"


def test_a_place_said_well_then_a_pain_elsewhere_keeps_them_apart() -> None:
    assert "chest_pain" not in present(assess("el pecho bien, un dolor fuerte en el hombro"))
