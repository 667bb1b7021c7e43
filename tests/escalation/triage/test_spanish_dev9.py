"""Spanish classes a ninth writer found the engine missing: red flags told by what the person
can no longer do, by images, by regional words, and short answers to check-in questions.
Each class with fresh phrasings and a near miss that must not fire. Our own sentences, never
a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

CARER = {"writer": "carer"}
CAN_WALK = "¿Puede caminar con normalidad?"
BLADDER = "¿Tiene problemas para orinar o para controlar la vejiga o el intestino?"


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.present}


# --- a leap threatened from a height is self-harm -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá dice que se va a tirar por la ventana, que ya no puede más",
        "mi esposo anda diciendo que se quiere aventar del puente",
        "a veces me quiero tirar de la azotea",
    ],
)
def test_a_leap_from_a_height_threatened_is_self_harm(text: str) -> None:
    a = assess(text, context=CARER)
    assert "self-harm" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "me voy a tirar en la cama un ratito",
        "el nene se va a tirar a la piscina",
        "qué hago si mi papá dice que se va a tirar del balcón?",
    ],
)
def test_lying_down_a_swim_or_a_what_if_is_no_leap(text: str) -> None:
    assert "self-harm" not in assess(text).rules


# --- coming back to oneself on the floor is a faint ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "todo se puso negro y cuando reaccioné ya estaba en el piso del baño",
        "se le fue la luz a mi papá y cuando volvió en sí estaba tirado en el suelo",
        "cuando me di cuenta estaba tirada en la banqueta",
    ],
)
def test_coming_back_on_the_floor_is_a_faint(text: str) -> None:
    assert "syncope" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["cuando volví del mercado el perro estaba tirado en el suelo", "cuando desperté estaba en la cama"],
)
def test_a_dog_on_the_floor_or_waking_in_bed_is_no_faint(text: str) -> None:
    assert "syncope" not in present(assess(text))


# --- one side of the mouth or a hand that no longer obeys ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "al tomar agua se me sale por un lado de la boca",
        "a mi papá se le escurre la sopa por un costado",
        "no puedo mover bien la mano derecha desde la mañana",
        "no puede levantar casi el brazo izquierdo",
    ],
)
def test_a_mouth_leaking_on_one_side_or_a_hand_that_barely_moves_is_one_sided_weakness(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "se me cae la baba con ese pastel",
        "se me cae la baba por mi nieto",
        "no puedo mover bien el celular nuevo",
    ],
)
def test_drooling_for_a_cake_or_a_grandchild_is_a_figure_of_speech(text: str) -> None:
    assert level(text) == "none"


# --- answers that do not meet the question are confusion -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá anda rara, le hablamos y responde puros disparates",
        "le digo algo sencillo y me sale con otra cosa que no tiene nada que ver",
    ],
)
def test_answers_that_miss_the_question_are_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context=CARER))


def test_an_answer_that_does_not_know_is_no_confusion() -> None:
    assert level("le pregunté la hora al vecino y me contestó que no sabía") == "none"


# --- fast breathing said small --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "respira acelerado y tiene la pantorrilla hinchada",
        "está respirando rapidito y la pierna hinchada le duele",
    ],
)
def test_fast_breathing_with_a_swollen_calf_is_a_clot(text: str) -> None:
    assert "clot" in assess(text).rules


def test_fast_breathing_that_is_gone_is_no_finding() -> None:
    assert "dyspnea" not in present(assess("ya no respiro rapidito, estoy tranquila"))


# --- a toilet turned red is much blood ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la taza del baño quedó toda roja de sangre",
        "hice del baño y parecía una carnicería, pura sangre",
        "el lavamanos entero se llenó de sangre",
    ],
)
def test_a_bowl_turned_red_or_a_slaughter_picture_is_major_bleeding(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "un poquito de sangre al limpiarme, nada más",
        "el inodoro está todo tapado",
        "el domingo matamos un pollo",
    ],
)
def test_a_streak_a_blocked_toilet_or_a_chicken_is_no_major_bleeding(text: str) -> None:
    assert level(text) != "emergency"


# --- walking by the walls, drifting sideways ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi papá camina apoyándose en los muebles",
        "al caminar me voy de un lado a otro como borracha",
        "tengo que ir sosteniendo de la pared para llegar al baño",
    ],
)
def test_walking_by_the_walls_or_drifting_is_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["ayer me fui para los lados de Toluca", "se fue de un lado a otro todo el día haciendo trámites"],
)
def test_going_somewhere_or_running_errands_is_no_drift(text: str) -> None:
    assert level(text) == "none"


# --- the inner thighs are the saddle --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo los muslos por dentro adormecidos como con anestesia",
        "la cara interna del muslo la siento dormida",
    ],
)
def test_numb_inner_thighs_are_saddle_numbness(text: str) -> None:
    assert "saddle_numbness" in present(assess(text))


def test_pain_in_the_inner_thigh_is_no_saddle_numbness() -> None:
    assert level("me duele la parte de adentro del muslo") == "routine"


# --- answers to "can you...?" and to the bladder question -----------------------------------


@pytest.mark.parametrize("text", ["no", "más o menos", "a ratos, con ayuda", "no mucho, me agarro de todo"])
def test_no_or_partly_to_can_you_walk_normally_is_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" in present(assess(text, CAN_WALK))


@pytest.mark.parametrize("text", ["sí", "sí, bien, gracias"])
def test_yes_to_can_you_walk_normally_denies_it(text: str) -> None:
    assert level(text, CAN_WALK) == "none"


def test_a_walk_taken_is_no_question_about_trouble() -> None:
    assert level("sí", "¿Salió a caminar esta semana?") == "none"


@pytest.mark.parametrize("text", ["se le escapa a cada rato", "se me sale solita, ni la siento"])
def test_it_leaks_to_the_bladder_question_is_the_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text, BLADDER))


@pytest.mark.parametrize("text", ["no", "nope, todo normal por allá abajo"])
def test_no_to_a_question_about_control_of_the_urine_denies_it(text: str) -> None:
    assert level(text, "¿Algún problema para controlar la orina o las heces?") == "none"


# --- spinal pain by a lash on each sneeze, or a back that throbs all day --------------------


@pytest.mark.parametrize(
    "text",
    [
        "siempre que toso o estornudo me da un tirón en la espalda baja",
        "la columna me palpita todo el día sin parar",
        "el cuello me late de noche y no me deja dormir",
    ],
)
def test_spinal_pain_on_each_cough_or_throbbing_all_day_is_urgent(text: str) -> None:
    assert "spinal-pain-flags" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    ["el corazón me late rapidísimo de la emoción", "no me duele la espalda cuando toso o estornudo"],
)
def test_a_racing_heart_or_a_denied_back_pain_is_no_spinal_flag(text: str) -> None:
    assert "spinal-pain-flags" not in assess(text).rules


def test_a_throbbing_knee_is_pain() -> None:
    assert "pain" in present(assess("me palpita la rodilla desde ayer"))


# --- breath lost at a chore, new or worse than before ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá se fatiga con solo barrer, antes no le pasaba",
        "me fatigo al subir al segundo piso, nunca me había pasado",
        "me agito al ir a la tienda, antes caminaba 20 cuadras",
    ],
)
def test_breath_lost_at_a_chore_new_or_worse_is_urgent(text: str) -> None:
    assert "dyspnea-new" in assess(text).rules


def test_tired_at_work_is_no_breathlessness() -> None:
    assert "dyspnea" not in present(assess("me fatigo mucho en el trabajo"))


@pytest.mark.parametrize(
    "text",
    ["no, acostada bien, solo cuando subo escaleras", "no, sentado estoy bien, solo al caminar, y es nuevo"],
)
def test_fine_at_rest_but_only_on_effort_is_breathlessness(text: str) -> None:
    a = assess(text, "¿Le falta el aire estando en reposo o al hablar?")
    assert "dyspnea" in present(a)
    assert "breathing" not in a.rules


def test_fine_at_rest_and_nothing_more_denies_it() -> None:
    assert level("no, estoy bien, gracias", "¿Le falta el aire estando en reposo o al hablar?") == "none"


# --- an arm swollen, told small or by a watch -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no me cierra la pulsera en la muñeca izquierda",
        "el brazo se me puso gordito y la manga no me entra",
    ],
)
def test_an_arm_swollen_said_small_or_by_a_watch_is_swelling(text: str) -> None:
    assert "face_neck_swelling" in present(assess(text))


@pytest.mark.parametrize("text", ["el reloj ya no me funciona", "mi nieto está gordito"])
def test_a_broken_watch_or_a_chubby_grandchild_is_no_swelling(text: str) -> None:
    assert level(text) == "none"


# --- vomiting and diarrhoea counted by bouts, trips and sips --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "van 6 vomitonas desde anoche",
        "ni el agüita le queda, todo lo devuelve",
        "fui al baño 9 veces desde la mañana, puro líquido",
    ],
)
def test_bouts_sips_and_watery_trips_counted_are_urgent(text: str) -> None:
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text", ["ni el agua me cae bien con este calor", "tomo pura agua y fui al baño 8 veces a orinar"]
)
def test_water_that_disagrees_or_water_drunk_is_no_vomiting_or_diarrhoea(text: str) -> None:
    a = assess(text)
    assert not {"vomiting", "diarrhea"} & present(a)


# --- thirst and passing water said by images and repeats ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tomo y tomo agua y no se me quita, y hago pipí a cada ratito",
        "tengo la lengua como lija y orino cada dos por tres",
    ],
)
def test_thirst_and_passing_water_said_by_images_are_hypercalcaemia_flags(text: str) -> None:
    assert "hypercalcemia" in assess(text).rules


def test_a_teenager_in_the_bathroom_is_no_polyuria() -> None:
    assert level("mi nieto se mete al baño cada dos por tres con el celular") == "none"


# --- pain pictured as a blow, or that leaves no room to think -------------------------------


@pytest.mark.parametrize(
    "text",
    ["el hombro me duele como si me hubieran atropellado", "me duele la muñeca que no me deja ni moverme"],
)
def test_pain_pictured_as_a_blow_or_leaving_no_room_is_severe(text: str) -> None:
    assert "pain-severe" in assess(text).rules


def test_a_noisy_son_leaving_no_room_to_think_is_no_pain() -> None:
    assert level("mi hijo no me deja ni pensar con su música") == "none"


# --- a whistle in the chest with how much ---------------------------------------------------


@pytest.mark.parametrize("text", ["le chilla bastante el pecho al respirar", "me pita un poquito el pecho"])
def test_a_chest_that_whistles_a_little_is_wheeze(text: str) -> None:
    assert "wheeze" in present(assess(text))


def test_a_grandson_whistling_is_no_wheeze() -> None:
    assert level("mi nieto me silba un poco desde la calle") == "none"


# --- figures of speech and long-ago history are no alarm ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la final de anoche me dejó sin aire, qué partidazo",
        "estoy endeudado hasta el cuello con el banco",
        "esta niña me va a matar de un susto",
        "mi nieto me va a matar de un infarto con sus travesuras",
        "allá por el 92 me operaron y sangré mucho, pero de eso hace un siglo",
        "ojo que no ve, corazón que no siente",
    ],
)
def test_figures_of_speech_and_long_ago_history_are_no_alarm(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "siento que me va a dar un infarto, me aprieta el pecho horrible",
        "tengo el cuello hinchado hasta la oreja",
        "tosí sangre hace un rato",
    ],
)
def test_the_literal_chest_neck_and_blood_still_fire(text: str) -> None:
    assert level(text) in {"urgent", "emergency"}


def test_a_fever_of_38_said_with_el_is_still_a_reading() -> None:
    assert "fever" in present(assess("la fiebre está en el 38 y medio"))


# --- the findings beside a red flag, said the way people say them ---------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("el brazo lo tengo como de plomo desde ayer", "limb_weakness"),
        ("no pudo ni sostener el vaso esta mañana", "limb_weakness"),
        ("tengo un dolor como una faja apretada alrededor, me sale de la columna", "back_pain"),
        ("desde lo de la columna camino raro", "back_pain"),
        ("la cintura me trae a mal traer", "back_pain"),
        ("mi papá se tuvo que arrastrar hasta la cama", "gait_difficulty"),
        ("llegó gateando al baño", "gait_difficulty"),
        ("mi mamá pide agüita todo el tiempo", "thirst"),
        ("ya no como bien, ni la mitad del plato", "appetite_loss"),
        ("no es nada nuevo lo de la espalda, sigue igual", "back_pain"),
    ],
)
def test_findings_said_the_everyday_way_are_read(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("lo de la espalda ya se me quitó", "back_pain"),
        ("no como carne desde hace años", "appetite_loss"),
        ("el trabajo me tiene mal", "pain"),
        ("me tuve que arrastrar hasta la fiesta, no tenía ganas", "gait_difficulty"),
        ("el sillón tiene la espalda rota", "back_pain"),
    ],
)
def test_a_trouble_gone_a_diet_a_job_or_a_chair_is_no_finding(text: str, concept: str) -> None:
    assert concept not in present(assess(text))


# --- wet without knowing, full and nothing comes --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi papá moja los pañales y ni se da cuenta",
        "anoche mojé la cama otra vez, a mis 70 años",
        "tengo ganas de hacer pipí pero no sale nada desde la mañana",
        "la panza la siento a reventar y no puedo orinar",
    ],
)
def test_wet_without_knowing_or_full_and_nothing_comes_is_bladder_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    ["mojé la ropa con la lluvia", "la nariz la siento llena pero no sale nada", "mi nieto moja la cama"],
)
def test_rain_a_stuffed_nose_or_a_grandchild_is_no_bladder_sign(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


# --- the sight curtained, the words that will not come, a stare at nothing ------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("como una sombra que me tapa el ojo izquierdo", "vision_change"),
        ("ya no puedo ver por un ojo desde esta mañana", "vision_change"),
        ("a mi mamá le cuesta sacar las palabras", "speech_difficulty"),
        ("se le olvidan las palabras a media plática", "speech_difficulty"),
        ("se nos quedó como ausente, mirando al vacío", "confusion"),
        ("habla cosas sin ton ni son", "confusion"),
        ("no me reconoció cuando llegué", "confusion"),
    ],
)
def test_neurological_signs_told_by_images_are_read(text: str, concept: str) -> None:
    assert concept in present(assess(text, context=CARER))
    assert level(text, context=CARER) == "emergency"


@pytest.mark.parametrize(
    "text",
    ["me salió una mancha roja en el ojo", "el plan del gobierno no tiene pies ni cabeza"],
)
def test_a_red_spot_on_the_eye_or_a_plan_without_head_is_no_neuro_sign(text: str) -> None:
    assert level(text) != "emergency"


# --- breath lost mid-sentence, under a weight, or lying flat --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me falta el aire a mitad de la frase",
        "respira como si tuviera una piedra en el pecho",
        "duermo con tres almohadas porque acostada me ahogo",
        "echado no puede respirar, lo tenemos sentado",
    ],
)
def test_breath_lost_mid_sentence_under_a_weight_or_lying_flat_is_an_emergency(text: str) -> None:
    assert "breathing" in assess(text).rules


@pytest.mark.parametrize(
    "text", ["me quedé sin palabras a media plática", "duermo sentada en el sillón viendo la tele"]
)
def test_speechless_or_dozing_in_a_chair_is_no_breathing_emergency(text: str) -> None:
    assert "breathing" not in assess(text).rules


# --- shivers, worse by the day, a heavy chest, bellows and regional legs --------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("anoche me agarraron unos tiritones horribles", "chills"),
        ("me dio una tiritera después de la quimio", "chills"),
        ("traigo el pecho pesadísimo desde ayer", "chest_pain"),
        ("me pesa mucho el pecho cuando camino", "chest_pain"),
        ("subí dos pisos echando los bofes", "dyspnea"),
        ("las zancas ya no me responden", "limb_weakness"),
    ],
)
def test_regional_and_pictured_findings_are_read(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("estoy tapada con dos cobijas y tengo frío", "constipation"),
        ("me pesa el corazón verla así", "chest_pain"),
        ("la cena me cayó pesada", "chest_pain"),
    ],
)
def test_blankets_sorrow_or_a_heavy_dinner_are_no_finding(text: str, concept: str) -> None:
    assert concept not in present(assess(text))


def test_a_chest_weighing_like_a_slab_is_severe_chest_pain() -> None:
    assert "chest-pain" in assess("siento que el pecho me pesa como una roca").rules


@pytest.mark.parametrize("text", ["de mal en peor", "cada día peor", "sigue empeorando"])
def test_worse_by_the_day_to_how_is_your_back_is_a_worsening_back_pain(text: str) -> None:
    a = assess(text, "¿Cómo va el dolor de espalda?")
    assert "spinal-pain-flags" in a.rules


def test_better_by_the_day_is_no_worsening() -> None:
    assert "spinal-pain-flags" not in assess("cada vez mejor", "¿Cómo va el dolor de espalda?").rules


# --- the limb left unsaid after "se": Spanish drops the subject -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me duele la cintura y el dolor me baja a la pierna derecha, luego se me queda dormida",
        "tengo la espalda fatal y la pierna izquierda, cuando camino, se me duerme entera",
    ],
)
def test_a_leg_that_then_goes_numb_with_back_pain_is_cord_compression(text: str) -> None:
    assert "mscc-neuro" in assess(text).rules


def test_a_back_that_then_falls_asleep_is_no_numb_leg() -> None:
    assert "numbness" not in present(assess("me duele la espalda y después se me duerme la tarde entera"))


@pytest.mark.parametrize("text", ["tengo la espalda fatal desde el lunes", "traigo la columna hecha polvo"])
def test_a_back_said_to_be_in_a_bad_way_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text))


def test_feeling_awful_names_no_back() -> None:
    assert "back_pain" not in present(assess("me siento fatal hoy"))


# --- what a carer sees: left on the floor, drunk without drink, hard to wake ----------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("mi mamá se quedó tirada en el suelo y no se podía levantar", "gait_difficulty"),
        ("lo encontramos tirado en el pasillo", "gait_difficulty"),
        ("mi esposo camina como borracho y no ha tomado nada", "confusion"),
        ("desde anoche no nos entiende lo que le decimos", "confusion"),
        ("anda con la mirada perdida desde la mañana", "confusion"),
        ("no hay manera de despertarla, abre los ojos y se vuelve a dormir", "drowsiness"),
        ("lo noto como aturdido desde ayer", "drowsiness"),
    ],
)
def test_what_a_carer_sees_is_read(text: str, concept: str) -> None:
    assert concept in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "mi hijo anda como borracho, se tomó 6 cervezas",
        "me quedé tirada en el sillón viendo la novela",
        "el nene no entiende lo que le digo de la tarea",
        "encontré tirado el control de la tele",
    ],
)
def test_a_drinker_a_sofa_a_child_s_homework_or_a_remote_is_no_alarm(text: str) -> None:
    assert level(text) == "none"


# --- "since when" before a red flag keeps it -----------------------------------------------


@pytest.mark.parametrize("text", ["desde ayer no puedo caminar", "desde el lunes no orino nada"])
def test_since_when_before_a_red_flag_keeps_the_red_flag(text: str) -> None:
    assert level(text, "¿Cómo se siente hoy?") == "emergency"
    assert level(text) == "emergency"


# --- an attack of something named is that, not a fit ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me dio un ataque de risa en la misa",
        "a mi hermana le dio un ataque de nervios",
        "nos agarró un ataque de hambre",
    ],
)
def test_an_attack_of_laughter_nerves_or_hunger_is_no_seizure(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    ("text", "concept"),
    [("me vino un ataque de tos toda la noche", "cough"), ("le agarró una crisis de asma", "dyspnea")],
)
def test_an_attack_of_cough_or_asthma_is_that_finding_not_a_fit(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert "seizure" not in present(a)


def test_an_attack_said_alone_is_still_a_fit() -> None:
    assert "seizure" in present(assess("le dio un ataque y se quedó tiesa en el piso"))
