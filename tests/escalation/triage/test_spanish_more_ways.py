"""More ways Spanish speakers text each concept (tenses, regional words, degree words), each
class with hard negatives beside it: our own sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

from .conftest import present


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


# -- breathlessness in the past tense, "sin aliento", "me agito con nada" ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "anoche le faltaba el aire a cada rato",
        "se me faltó el aliento subiendo la escalera",
        "llegué del mercado sin aliento",
        "se agita con cualquier cosa",
    ],
)
def test_breathlessness_said_in_the_past_or_with_nada_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text)), assess(text).findings


@pytest.mark.parametrize(
    "text",
    ["me cuesta muchísimo respirar", "le cuesta un montón respirar", "me cuesta coger aire"],
)
def test_struggling_hard_to_breathe_is_an_emergency(text: str) -> None:
    assert level(text) == "emergency"


def test_a_parent_who_died_breathless_is_someone_else() -> None:
    assert "dyspnea" not in present(assess("a mi mamá le faltaba el aire pero ya murió"))


# -- a wish to die said plainly ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mejor me muera ya, así no sufro",
        "le pido a diosito que me lleve",
        "para qué seguir viviendo así",
        "quiero acabar con mi vida",
        "ya no doy más, quiero terminar con todo",
    ],
)
def test_a_wish_to_die_is_self_harm(text: str) -> None:
    assert "self_harm" in present(assess(text)), assess(text).findings


@pytest.mark.parametrize(
    "text", ["para qué seguir con las pastillas si no sirven", "acabé con todo el trabajo de la casa"]
)
def test_finishing_a_chore_or_doubting_a_pill_is_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


# -- blood in phlegm named by its colour; clots called lumps -----------------------------------


@pytest.mark.parametrize(
    "text",
    ["escupo gargajos con hilitos rojos", "el moco con rayitas de sangre", "flemas con pintitas rojas"],
)
def test_phlegm_with_red_specks_is_hemoptysis(text: str) -> None:
    assert level(text) == "urgent"
    assert "hemoptysis" in present(assess(text))


@pytest.mark.parametrize("text", ["tosí sangre con grumos", "escupí sangre, un buen pegote"])
def test_coughed_blood_in_lumps_is_a_large_amount(text: str) -> None:
    assert level(text) == "emergency"


def test_white_phlegm_is_no_blood() -> None:
    assert "hemoptysis" not in present(assess("la flema sale blanca"))


# -- "brutal", "bestial": severe -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("un dolor bestial en el pecho", "emergency"),
        ("un dolor brutal en la espalda", "urgent"),
        ("me duele la cabeza de una forma horrorosa", "urgent"),
    ],
)
def test_brutal_and_bestial_make_pain_severe(text: str, want: str) -> None:
    assert level(text) == want


def test_brutal_said_of_a_match_is_nothing() -> None:
    assert level("el partido estuvo brutal") == "none"


# -- a curtain or a shadow over one eye --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo como un velo en el ojo derecho",
        "veo una sombra negra en el ojo izquierdo",
        "del ojo derecho veo como una cortina",
    ],
)
def test_a_curtain_over_one_eye_is_one_sided_vision_change(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize("text", ["hay una sombra en la pared", "abrí la cortina del cuarto"])
def test_a_shadow_or_a_curtain_in_the_room_is_nothing(text: str) -> None:
    assert level(text) == "none"


# -- a swollen face said with cheeks, "abotagada", "inflada", "hinchadísima" ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "a mi papá se le ven los cachetes inflados",
        "mi abuela tiene la cara abotagada",
        "las mejillas hinchadísimas desde ayer",
    ],
)
def test_puffed_cheeks_or_face_is_face_neck_swelling(text: str) -> None:
    assert "face_neck_swelling" in present(assess(text, context={"writer": "carer"}))


def test_puffed_cheeks_and_a_whistle_in_the_breath_is_svc_airway() -> None:
    assert level("tengo los cachetes inflados y respiro con un chiflido") == "emergency"


@pytest.mark.parametrize("text", ["el globo se infló", "inflé las llantas de la bici"])
def test_inflating_things_is_no_swelling(text: str) -> None:
    assert "face_neck_swelling" not in present(assess(text))


def test_a_collar_that_chokes_is_face_neck_swelling() -> None:
    assert "face_neck_swelling" in present(assess("la camisa me ahorca el cuello"))


# -- "gamba", "patas": legs -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["se me hinchó la gamba derecha", "tengo las patas hinchadas y calientes"])
def test_gamba_and_patas_are_legs(text: str) -> None:
    assert "leg_swelling" in present(assess(text))


# -- bleeding that has gone on for a long time ---------------------------------------------------


@pytest.mark.parametrize(
    "text", ["me sangra la nariz hace una hora y sigue", "la encía sangrando, ya van como 30 minutos"]
)
def test_bleeding_that_has_gone_on_for_long_will_not_stop(text: str) -> None:
    assert level(text) == "emergency"


def test_a_little_gum_bleeding_that_stopped_is_routine() -> None:
    assert level("me sangró la encía un poquito, ya paró") == "routine"


# -- appetite, thirst, passing water often -------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["no tengo casi hambre", "no tiene nada de apetito", "no tengo mucha hambre"]
)
def test_little_hunger_is_appetite_loss(text: str) -> None:
    assert "appetite_loss" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["bebo litros de agua y sigo igual", "tomo agua y agua", "toma agua a cada rato, como loco"]
)
def test_drinking_water_all_the_time_is_thirst(text: str) -> None:
    assert "thirst" in present(assess(text))


def test_drinking_water_when_walking_is_no_thirst() -> None:
    assert "thirst" not in present(assess("tomo agua cuando camino"))


@pytest.mark.parametrize(
    "text",
    [
        "me levanto muchas veces a orinar",
        "se para a hacer pipí a cada rato",
        "voy al baño mil veces a orinar",
    ],
)
def test_getting_up_to_pass_water_often_is_polyuria(text: str) -> None:
    assert "polyuria" in present(assess(text))


def test_thirst_and_polyuria_together_are_urgent() -> None:
    assert (
        level("mi papá toma agua y agua y se levanta muchas veces a orinar", context={"writer": "carer"})
        == "urgent"
    )


# -- unable to hold urine; limbs that "do not obey" ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no puedo aguantar la orina",
        "a mi papá le cuesta retener el pipí",
        "no me aguanto las ganas de orinar",
    ],
)
def test_unable_to_hold_urine_is_bladder_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "los brazos no me hacen caso",
        "las piernas como que ya no me hacen caso",
        "no le hacen caso las piernas",
    ],
)
def test_limbs_that_do_not_obey_are_weak(text: str) -> None:
    assert "limb_weakness" in present(assess(text))


@pytest.mark.parametrize("text", ["mi hijo no me hace caso", "aguanté el dolor de muelas"])
def test_a_child_who_does_not_listen_is_no_weakness_nor_bladder(text: str) -> None:
    found = present(assess(text))
    assert not {"limb_weakness", "bladder_bowel_dysfunction"} & found, found


# -- a staggering walk with a degree word ------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["camino medio ladeado", "ando muy chueco al caminar", "anda medio como borracha"]
)
def test_walking_half_crooked_is_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" in present(assess(text))


@pytest.mark.parametrize("text", ["ando muy cansado", "ando medio chueca de la cadera"])
def test_walking_tired_or_a_crooked_hip_is_no_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


# -- no feeling below the navel, the hips, the chest --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "desde las caderas para abajo lo siento dormido",
        "desde el pecho para abajo no siento nada",
        "del ombligo pa abajo como que no siento, como acolchonado",
    ],
)
def test_no_feeling_below_the_trunk_is_a_cord_sign(text: str) -> None:
    assert level(text) == "emergency"


def test_numb_feet_alone_stay_routine() -> None:
    assert level("tengo los pies como anestesiados") == "routine"


# -- fainting said as losing one's senses or waking on the floor ---------------------------------


@pytest.mark.parametrize(
    "text",
    ["se quedó sin sentido un ratito", "se me fue todo a negro", "desperté tirada en el suelo del baño"],
)
def test_losing_consciousness_is_syncope(text: str) -> None:
    assert "syncope" in present(assess(text))


def test_a_blank_mind_in_an_exam_is_no_syncope() -> None:
    assert level("me quedé en blanco en el examen") == "none"


# -- someone said not to be the patient ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi vecino tuvo un desmayo, no es paciente de ustedes",
        "mi suegra convulsionó anoche, ella no es su paciente",
        "mi cuñada escupe sangre, no está con ustedes",
    ],
)
def test_someone_said_not_to_be_the_patient_is_someone_else(text: str) -> None:
    assert assess(text).level.label == "none"


def test_someone_said_to_be_the_patient_still_is() -> None:
    assert level("mi esposo se desmayó, él es paciente de ustedes") == "emergency"


# -- "muerto de cansancio" is tiredness ------------------------------------------------------------


@pytest.mark.parametrize("text", ["estoy muerta de cansancio desde la quimio", "ando muerto de cansancio"])
def test_dead_tired_is_fatigue(text: str) -> None:
    assert "fatigue" in present(assess(text))


@pytest.mark.parametrize("text", ["me muero de risa", "estoy muerta de hambre jaja"])
def test_dying_of_laughter_or_hunger_is_nothing(text: str) -> None:
    assert level(text) == "none"


# -- a bare reading after "amanecí con", "ando con"; an age is no reading -------------------------


@pytest.mark.parametrize("text", ["amanecí con 38.9", "ando con 39", "hoy amaneció con 38.6"])
def test_waking_up_with_a_number_is_a_temperature(text: str) -> None:
    assert "fever" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["tengo 40 años", "tengo 70 años y me duele la rodilla", "ando con 38 kilos menos"]
)
def test_an_age_or_a_weight_is_no_temperature(text: str) -> None:
    assert "fever" not in present(assess(text))


# -- Spanglish "like a 7" ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["la rodilla me duele like a 8", "my back me duele como a 9"])
def test_like_a_number_is_a_score(text: str) -> None:
    assert level(text) == "urgent"


# -- small complaints that name no concept still reach the team -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo la garganta irritada",
        "me tiemblan las manos al escribir",
        "me lagrimea mucho el ojo",
        "estornudo mucho y tengo la nariz tapada",
        "me salió un grano en el brazo del catéter",
        "no puedo dormir, me la paso dando vueltas",
    ],
)
def test_small_complaints_are_routine(text: str) -> None:
    assert level(text) == "routine"


# -- fainting said as fading away or collapsing ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me desvanecí en la cocina",
        "tuvo un desvanecimiento",
        "mi papá se desplomó en la sala",
        "me he desplomado",
    ],
)
def test_fading_away_or_collapsing_is_syncope(text: str) -> None:
    assert "syncope" in present(assess(text))


@pytest.mark.parametrize("text", ["se desvaneció el dolor con la pastilla", "se desplomó la casa del vecino"])
def test_a_pain_that_fades_or_a_house_that_falls_is_no_syncope(text: str) -> None:
    assert "syncope" not in present(assess(text))


# -- words that will not come; speech that is not right since today ---------------------------


@pytest.mark.parametrize(
    "text", ["no encuentra las palabras", "no habla bien desde anoche", "mi mamá no habla bien"]
)
def test_words_that_will_not_come_are_speech_difficulty(text: str) -> None:
    assert "speech_difficulty" in present(assess(text, context={"writer": "carer"}))


def test_not_speaking_a_language_well_is_no_speech_difficulty() -> None:
    assert "speech_difficulty" not in present(assess("mi esposo no habla bien el inglés"))


# -- "casi no respiro", "no puedo resollar" -----------------------------------------------------


@pytest.mark.parametrize("text", ["casi no respiro", "toy q no respiro", "no puedo resollar"])
def test_hardly_breathing_is_an_emergency(text: str) -> None:
    assert level(text) == "emergency"


def test_breathing_badly_through_a_blocked_nose_is_no_emergency() -> None:
    assert level("no respiro por la nariz, la tengo tapada") != "emergency"


# -- blood in diminutive; hawking blood; "a montones", "un montón" --------------------------------


def test_coughing_a_little_blood_in_diminutive_is_hemoptysis() -> None:
    assert level("tosí con sangrecita") == "urgent"


@pytest.mark.parametrize("text", ["gargajeo sangre a montones", "cagué sangre, un montón"])
def test_blood_by_the_heap_is_a_large_amount(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    ("text", "want"), [("me duele la rodilla un montón", "urgent"), ("tosí un montón", "routine")]
)
def test_un_monton_is_severe_pain_but_not_a_cough_to_act_on(text: str, want: str) -> None:
    assert level(text) == want


# -- a chest that bursts or is crushed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("me explota el pecho", "emergency"),
        ("siento como si me aplastaran el pecho", "emergency"),
        ("me aplasta el pecho", "urgent"),
    ],
)
def test_a_crushed_or_bursting_chest_is_chest_pain(text: str, want: str) -> None:
    assert level(text) == want


# -- confused: "muy ido", "no sabe ni quién soy" -------------------------------------------------


@pytest.mark.parametrize(
    "text", ["está muy ido desde la mañana", "lo veo medio perdido", "no sabe ni quién soy"]
)
def test_someone_far_away_or_who_knows_no_one_is_confused(text: str) -> None:
    assert "confusion" in present(assess(text, context={"writer": "carer"}))


def test_gone_to_work_is_no_confusion() -> None:
    assert level("mi hijo se ha ido a trabajar") == "none"


# -- more ways to say a wish to die ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "quiero dejar de existir",
        "me voy a tirar del puente",
        "ojalá no amanecer mañana",
        "tengo pensamientos de suicidio",
    ],
)
def test_more_wishes_to_die_are_self_harm(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize("text", ["me tiro en la cama un rato", "quiero dejar de fumar"])
def test_lying_down_or_quitting_smoking_is_no_self_harm(text: str) -> None:
    assert level(text) == "none"


# -- bleeding for hours; sleeping badly --------------------------------------------------------


def test_bleeding_for_two_hours_will_not_stop() -> None:
    assert level("estoy botando sangre por la nariz hace dos horas") == "emergency"


@pytest.mark.parametrize(("text", "want"), [("duermo muy mal", "routine"), ("duermo bien", "none")])
def test_sleeping_badly_is_routine(text: str, want: str) -> None:
    assert level(text) == want


# -- a carer's third person: "no siente los pies ni las piernas", "no ha hecho pipí" ---------------


@pytest.mark.parametrize(
    "text",
    [
        "no siente los pies ni las piernas",
        "no ha hecho pipí desde ayer",
        "hace un día que no mea",
        "se caga encima sin darse cuenta",
        "las piernas ya no le dan",
    ],
)
def test_a_carers_third_person_cord_signs_are_emergencies(text: str) -> None:
    assert level(text, context={"writer": "carer"}) == "emergency"


def test_not_having_peed_yet_today_is_no_retention() -> None:
    assert level("no he hecho pipí hoy, apenas tomé agua") != "emergency"


# -- blue lips, a noisy breath, stiff and shaking, not reacting ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "está morado de los labios",
        "tiene los labios amoratados",
        "tiene la cara hinchada y respira con ruido",
        "se puso rígida y a temblar",
        "no reacciona cuando le hablo",
        "dice que se quiere morir",
    ],
)
def test_signs_a_carer_sees_are_emergencies(text: str) -> None:
    assert level(text, context={"writer": "carer"}) == "emergency"


@pytest.mark.parametrize("text", ["el tumor no reacciona a la quimio", "tengo una crisis con el banco"])
def test_a_tumour_not_responding_or_a_money_crisis_is_no_emergency(text: str) -> None:
    assert level(text) != "emergency"


# -- more wordings: síncope, "como de goma", "a morir", "ni quieto", hallucinations --------------


@pytest.mark.parametrize(
    "text",
    [
        "me dio un síncope en la fila",
        "he perdido el sentido en la ducha",
        "tengo las piernas como de goma",
        "me cuesta la vida respirar",
        "no me entra el aire ni acostado",
        "me duele el pecho a morir",
        "una puntada fuertísima en el pecho",
        "está alucinando, ve cosas que no hay",
        "tuvo una crisis epiléptica",
        "se me llenó la boca de sangre al toser",
    ],
)
def test_more_emergency_wordings(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text", ["la peli me gustó a morir", "veo cosas raras en la tele", "se me llenó la boca de llagas"]
)
def test_look_alikes_of_those_wordings_are_no_emergency(text: str) -> None:
    assert level(text) != "emergency"


# -- a fall the writer says did nothing ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me caí el otro día pero estoy bien",
        "se cayó esta mañana y no le pasó nada",
        "me he caído pero ya estoy bien",
    ],
)
def test_a_fall_that_did_nothing_is_nothing(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "me caí y no me puedo levantar",
        "se cayó ayer y está bien mareada",
        "me caí otra vez, las piernas no me responden",
    ],
)
def test_a_fall_with_more_to_it_still_counts(text: str) -> None:
    assert level(text) == "emergency"


# -- a medicine for a symptom that worked ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "las gotas para la náusea me sirvieron",
        "la medicina para el mareo ya me funcionó",
        "el jarabe para la tos ayudó",
    ],
)
def test_a_medicine_that_worked_reports_no_symptom(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    ["la pastilla para el vómito no me sirve, sigo vomitando", "necesito más pastillas para las náuseas"],
)
def test_a_medicine_that_fails_or_is_asked_for_keeps_the_symptom(text: str) -> None:
    assert level(text) == "routine"


# -- "h" dropped and "c" written "s" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"), [("no puedo aser pipí", "emergency"), ("se aoga con nada", "routine")]
)
def test_a_dropped_h_and_s_for_c_are_read(text: str, want: str) -> None:
    assert level(text) == want


def test_aser_la_comida_is_nothing() -> None:
    assert level("voy a aser la comida") == "none"


# -- neck veins that stand out; phlegm on its own --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se me marcan las venas del cuello",
        "tiene las venas del pecho muy marcadas",
        "se le brotaron las venas del cuello",
    ],
)
def test_neck_or_chest_veins_that_stand_out_are_face_neck_swelling(text: str) -> None:
    assert "face_neck_swelling" in present(assess(text))


def test_veins_in_the_hands_are_nothing() -> None:
    assert "face_neck_swelling" not in present(assess("se me marcan las venas de las manos"))


@pytest.mark.parametrize(
    ("text", "want"), [("tengo un poco de flema", "routine"), ("no tengo flema", "none")]
)
def test_phlegm_on_its_own_is_routine(text: str, want: str) -> None:
    assert level(text) == want


def test_phlegm_with_blood_is_still_hemoptysis() -> None:
    assert level("tengo flema y un poco de sangre") == "urgent"
