"""Spanish classes the English lexicon has and the Spanish one lacked, found by walking
data/en/lexicon.yaml section by section: passive wishes to die, confusion told by what one
no longer knows, fits and faints told by what was seen, breath rationed in speech, severity
told by images, history told by an age, quoted instructions, counts as clock times, and more.
Each class with fresh phrasings and a near miss that must not fire. Our own sentences, never
a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

CARER = {"writer": "carer"}
CHEMO = {"on_active_treatment": True}


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.present}


# --- passive wishes to die ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi familia estaría mejor sin mí",
        "todos estarían más tranquilos si yo no estuviera",
        "ya me quiero ir con mi viejo al cielo",
        "quiero reunirme con mi mamá que en paz descanse",
        "ya no aguanto más esta vida",
        "quisiera que todo se acabara ya",
        "me quiero dar por vencida, ya no quiero luchar",
        "estoy cansada de vivir",
        "ya no le encuentro sentido a la vida",
    ],
)
def test_a_wish_to_die_told_as_a_burden_a_reunion_or_a_fight_given_up_is_self_harm(text: str) -> None:
    assert "self-harm" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "me quiero ir con mi hija a la playa",
        "ya no aguanto más este calor, no puedo seguir así con el ventilador roto",
        "quisiera que se acabara la fila del banco",
        "estoy harta de esperar el turno",
        "me muero de ganas de ver a mis nietos",
    ],
)
def test_a_trip_the_heat_or_a_queue_is_no_wish_to_die(text: str) -> None:
    assert "self-harm" not in assess(text).rules


# --- confusion told by what one no longer knows ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no sabe en qué día estamos ni dónde está",
        "no reconoce a sus propios hijos",
        "me llamó con el nombre de su hermana que murió",
        "me confunde con su mamá desde anoche",
        "se le olvidó su propia dirección",
        "puso las llaves en el refri y la leche en el ropero",
        "guardó los zapatos en el horno",
    ],
)
def test_what_everyone_knows_of_themselves_lost_is_confusion(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in present(a)
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "guardé la leche en el refri",
        "se me olvidó mi teléfono en la casa",
        "mi mamá me llamó por teléfono en la mañana",
    ],
)
def test_milk_put_away_or_a_phone_forgotten_is_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text))


# --- fits and faints told by what was seen -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se le pusieron los ojos en blanco y empezó a sacudirse",
        "se le voltearon los ojos para arriba",
        "de repente empezó a convulsionar en el sillón",
    ],
)
def test_eyes_rolled_up_and_shaking_seen_by_a_carer_is_a_seizure(text: str) -> None:
    assert "seizure" in present(assess(text, context=CARER))


def test_eyes_rolled_on_purpose_is_a_gesture_not_a_fit() -> None:
    assert level("puso los ojos en blanco cuando le dije que no") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "todo se puso negro y terminé en el piso",
        "se me puso todo gris y me caí",
        "acabé en el suelo sin saber cómo",
    ],
)
def test_everything_going_black_then_the_floor_is_a_faint(text: str) -> None:
    assert "syncope" in present(assess(text))


def test_a_power_cut_is_no_faint() -> None:
    assert "syncope" not in present(assess("se fue la luz en todo el barrio anoche"))


# --- half the face fallen ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["se le cayó un lado de la cara", "la mitad de la cara se me cayó", "se le paralizó media cara"],
)
def test_half_the_face_fallen_is_one_sided_weakness(text: str) -> None:
    assert "neuro-acute" in assess(text).rules


def test_a_face_that_fell_for_sadness_has_no_side() -> None:
    assert "neuro-acute" not in assess("se me cayó la cara de vergüenza").rules


# --- breath rationed in speech -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hablo de a poquito porque me falta el aire",
        "solo puedo decir dos o tres palabras y me ahogo",
        "apenas puedo decir unas palabras seguidas",
        "me falta el aire para hablar",
    ],
)
def test_speech_cut_short_by_breath_is_breathing_emergency(text: str) -> None:
    assert "breathing" in assess(text).rules


def test_a_book_not_finished_is_no_breath() -> None:
    assert level("no puedo terminar el libro que me regalaste") == "none"


# --- severity told by an image -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me duele la espalda como si me clavaran un cuchillo",
        "siento que la espalda se me va a partir en dos",
        "la espalda no me da tregua",
        "levanté una olla y se me fue la espalda",
    ],
)
def test_a_back_pain_told_by_a_knife_a_break_or_no_rest_is_a_red_flag(text: str) -> None:
    assert "spinal-pain-flags" in assess(text).rules


def test_a_chest_squeezed_as_if_wrung_is_a_severe_chest_pain() -> None:
    assert "chest-pain" in assess("me aprieta el pecho como si me lo estrujaran").rules


@pytest.mark.parametrize("text", ["no puedo con el dolor", "ya no aguanto el dolor de la rodilla"])
def test_a_pain_one_cannot_bear_is_severe_not_denied(text: str) -> None:
    assert "pain-severe" in assess(text).rules


def test_tiredness_one_cannot_bear_is_tiredness_not_denied() -> None:
    a = assess("no puedo con el cansancio")
    assert "fatigue" in present(a)
    assert a.level.label == "routine"


# --- breath worse than before, or new for days -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la respiración está peor que la semana pasada",
        "hace tres días que me falta el aire al caminar",
        "desde hace dos días que me cuesta respirar",
    ],
)
def test_breath_worse_than_before_or_short_for_days_is_new_breathlessness(text: str) -> None:
    assert "dyspnea-new" in assess(text).rules


def test_breath_short_on_the_stairs_as_always_is_routine() -> None:
    assert level("me falta un poco el aire al subir escaleras, como siempre") == "routine"


# --- a limb not one's own, ants and socks ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["siento las piernas como si fueran de otra persona", "toco mis piernas y es como si no fueran mías"],
)
def test_legs_that_feel_like_someone_elses_have_lost_their_feeling(text: str) -> None:
    assert "cord-signs" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    ["siento hormigas caminando en los pies", "los pies se me sienten como con calcetines mojados"],
)
def test_ants_on_the_feet_or_socks_not_there_is_routine_tingling(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level.label == "routine"


def test_ants_in_the_kitchen_are_ants() -> None:
    assert level("hay hormigas caminando por la cocina") == "none"


# --- walking held up, a foot that drags --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "necesito apoyarme en los muebles para caminar",
        "tiene que agarrarse de alguien para dar unos pasos",
        "el pie izquierdo se me arrastra al caminar",
    ],
)
def test_walking_that_needs_holding_up_or_a_dragging_foot_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text).rules


def test_leaning_on_someone_for_comfort_is_no_walking_trouble() -> None:
    assert level("necesito apoyarme en mi familia en este momento") == "none"


# --- bladder: the attempt that brings nothing, and the euphemism -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "intenté orinar y no sale nada",
        "quise hacer pipí tres veces y nada",
        "tuve un accidente en la cama anoche",
        "mi mamá tuvo un accidente en los pantalones y no se dio cuenta",
        "me mojé sin darme cuenta",
    ],
)
def test_urine_that_will_not_come_or_an_accident_in_bed_is_a_cord_sign(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["tuve un accidente en el carro pero no me pasó nada", "me mojé toda con la lluvia"]
)
def test_a_car_accident_or_the_rain_is_no_bladder(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text))


# --- blood soaked through, nothing stays down, a body hot all over -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "traspasó la sangre la toalla sanitaria en media hora",
        "la sangre traspasó la venda en diez minutos",
        "ya cambié tres pañales llenos de sangre",
    ],
)
def test_blood_soaked_through_pads_is_a_major_bleed(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


def test_nappies_changed_without_blood_are_nothing() -> None:
    assert level("ya cambié tres pañales al nene") == "none"


def test_not_even_water_staying_down_is_vomiting_without_fluids() -> None:
    assert "vomiting" in assess("ni el agua me queda en el estómago").rules


@pytest.mark.parametrize("text", ["tengo el cuerpo hirviendo", "el cuerpo me arde de calentura"])
def test_a_body_hot_all_over_on_chemo_is_a_neutropenic_fever(text: str) -> None:
    assert "neutropenic-fever" in assess(text, context=CHEMO).rules


def test_boiling_water_is_no_fever() -> None:
    assert level("el agua ya está hirviendo para el té", context=CHEMO) == "none"


def test_thirst_told_as_a_boast_counts_toward_hypercalcaemia() -> None:
    assert "hypercalcemia" in assess("me tomaría un río entero, y además tengo asco de todo").rules


@pytest.mark.parametrize("text", ["tengo la pierna como un tronco", "la pantorrilla como una pelota"])
def test_a_leg_likened_to_a_log_or_a_ball_is_swollen(text: str) -> None:
    assert "leg_swelling" in present(assess(text))


def test_sleeping_like_a_log_is_no_swelling() -> None:
    assert level("anoche dormí como un tronco") == "none"


# --- counts as clock times ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "vomité a las 5, a las 7, a las 9, a las 11, a la 1 y a las 3",
        "he devuelto a las 6, 8, 10, 12, 14 y 16",
        "vomité a las 6 de la mañana, a las 8, a las 10 de la noche y otra vez a la 1, a las 3 y a las 5",
    ],
)
def test_vomiting_at_six_times_of_day_counts_six(text: str) -> None:
    assert "vomiting" in assess(text).rules


def test_diarrhoea_at_four_times_of_day_on_chemo_is_urgent() -> None:
    assert "diarrhea" in assess("diarrea a las 3, a las 5, a las 7 y a las 9", context=CHEMO).rules


@pytest.mark.parametrize(
    "text",
    ["vomité a las 6 y a las 9", "me dio diarrea a las 3 de la tarde", "vomité 2 veces, a las 5 y a las 8"],
)
def test_one_or_two_times_of_day_stay_routine(text: str) -> None:
    assert level(text) == "routine"


# --- history told by an age or a year ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cuando tenía 40 me dio una convulsión",
        "a los 30 años tuve un coágulo en la pierna",
        "de chiquita me desmayaba seguido",
        "en 2019 estuve internada por neumonía y no podía respirar",
    ],
)
def test_a_symptom_dated_by_an_age_or_a_year_is_history(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    ("text", "want"),
    [("la fiebre está en 38.4", "urgent"), ("a los 5 minutos de caminar me falta el aire", "routine")],
)
def test_a_reading_or_minutes_are_no_age(text: str, want: str) -> None:
    assert level(text) == want


# --- instructions quoted, what the television said, over and when -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "el folleto dice que llame si tengo fiebre",
        "me indicaron que avisara en caso de que se me hinchen las piernas",
        "vi en la tele que el dolor de pecho puede ser un infarto",
        "escuché en la radio que la tos con sangre es grave",
        "en la novela el señor se desmaya",
    ],
)
def test_an_instruction_or_a_programme_is_no_symptom(text: str) -> None:
    assert level(text) == "none"


def test_a_symptom_told_after_the_programme_still_counts() -> None:
    assert level("vi en la tele lo del cáncer. por cierto, hoy tosí sangre") != "none"


@pytest.mark.parametrize(
    "text",
    [
        "el dolor de cabeza se me pasó después de dormir",
        "los vómitos se acabaron hace 3 días",
        "la tos se me quitó con el jarabe",
    ],
)
def test_over_after_sleep_or_days_ago_is_resolved(text: str) -> None:
    assert level(text) == "none"


# --- a bleed timed by how long it has gone on --------------------------------------------


@pytest.mark.parametrize(
    "text", ["llevo una hora sangrando de la encía", "ya van 30 minutos sangrando por la herida"]
)
def test_a_bleed_that_has_gone_on_for_half_an_hour_is_a_major_bleed(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


def test_an_hour_in_a_queue_is_no_bleed() -> None:
    assert level("llevo una hora esperando en la fila") == "none"


# --- asleep mid-meal, urine in drops, walking as if drunk, up every hour -----------------


@pytest.mark.parametrize(
    "text",
    ["se queda dormido en mitad de la comida", "le cuesta harto mantenerse despierta"],
)
def test_asleep_mid_meal_or_hard_to_keep_awake_is_drowsiness(text: str) -> None:
    assert "drowsiness" in present(assess(text, context=CARER))


def test_urine_in_drops_with_back_pain_is_cord_compression() -> None:
    assert "mscc-neuro" in assess("me duele la espalda y la orina sale por goteo").rules


@pytest.mark.parametrize(
    "text",
    ["camino como si hubiera tomado, me voy para los lados", "me voy de un lado al otro al caminar"],
)
def test_walking_as_if_drunk_is_gait_difficulty(text: str) -> None:
    assert "gait_difficulty" in present(assess(text))


def test_running_about_with_errands_is_no_gait() -> None:
    assert level("me voy de un lado a otro con tanto trámite") == "none"


def test_up_every_hour_at_night_to_pee_is_polyuria() -> None:
    assert "polyuria" in present(assess("me levanto cada hora en la noche a orinar"))


@pytest.mark.parametrize("text", ["tengo un dolorazo de cabeza", "traigo un dolorzote de espalda"])
def test_a_pain_grown_big_is_severe(text: str) -> None:
    assert {"head", "spinal-pain-flags"} & set(assess(text).rules)


# --- feeling lost in both legs, or from the hip down -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no siento nada en ninguna de las dos piernas",
        "tengo dormida la pierna desde la cadera hasta el pie",
    ],
)
def test_feeling_lost_in_either_leg_or_from_the_hip_down_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text).rules


def test_a_foot_asleep_is_routine() -> None:
    assert level("tengo el pie dormido") == "routine"


# --- blood told by clots, froth, coffee grounds or the toilet's colour -------------------


def test_clots_in_the_basin_after_coughing_is_major_haemoptysis() -> None:
    assert "hemoptysis-major" in assess("tosí y había coágulos en el lavamanos").rules


def test_pink_frothy_spit_is_haemoptysis() -> None:
    assert "hemoptysis" in present(assess("escupí algo rosado y espumoso"))


def test_vomit_like_coffee_grounds_is_bleeding() -> None:
    assert "bleeding" in present(assess("vomité algo como café molido"))


def test_ground_coffee_drunk_is_nothing() -> None:
    assert level("tomé café molido en la mañana") == "none"


def test_a_toilet_gone_red_is_a_major_bleed_and_a_pink_one_is_not() -> None:
    assert "bleeding-major" in assess("el inodoro quedó rojo después de hacer popó").rules
    a = assess("el agua del inodoro se puso rosadita")
    assert "bleeding" in present(a)
    assert a.level.label == "routine"


# --- breath: a score, none left when needed ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [("la respiración está en 9 de 10", "emergency"), ("mi respiración está como en 4 de 10", "routine")],
)
def test_a_breathing_score_is_read_as_breathlessness_that_bad(text: str, want: str) -> None:
    assert level(text) == want


def test_no_air_when_walking_is_breathlessness_and_a_tyre_is_not() -> None:
    assert "dyspnea" in present(assess("no tengo aire cuando camino"))
    assert level("la llanta no tiene aire cuando salgo") == "none"


def test_a_back_that_wakes_one_at_night_is_a_red_flag() -> None:
    assert "spinal-pain-flags" in assess("la espalda me despierta en la noche").rules


# --- a hedged denial, a thirst that never leaves, gone on standing -----------------------


def test_a_hedged_denial_of_weak_legs_is_no_cord_sign() -> None:
    assert level("no diría que tengo las piernas débiles, solo cansadas") != "emergency"


def test_always_wanting_to_drink_is_thirst() -> None:
    assert "thirst" in present(assess("siempre tengo ganas de tomar agua"))


def test_pins_and_needles_gone_on_standing_is_resolved() -> None:
    assert level("tenía hormigueo en el pie pero se me pasó en cuanto me levanté") == "none"


# --- walking told by its helpers and the tasks it no longer manages ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "ahora necesito la andadera para todo",
        "mi esposa me tiene que sostener para ir al baño",
        "ya no puede salir de la tina solo",
        "ya no sube a dormir arriba porque no puede con las escaleras",
        "ya empecé a arrastrar los pies",
    ],
)
def test_walking_that_needs_a_frame_or_an_arm_or_drops_a_task_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text, context=CARER).rules


def test_an_arm_that_hangs_on_one_side_is_one_sided_weakness() -> None:
    assert "neuro-acute" in assess("el brazo derecho le cuelga").rules


# --- fits, confusion and faints pieced together after ------------------------------------


def test_a_bitten_tongue_not_remembered_is_a_seizure() -> None:
    assert "seizure" in present(assess("me mordí la lengua y no me acuerdo de nada"))


@pytest.mark.parametrize(
    "text",
    [
        "se puso los zapatos al revés y no sabe qué hora es",
        "pregunta a cada rato dónde está",
        "está hablando con su hermano que murió hace años",
    ],
)
def test_shoes_reversed_the_same_question_or_talk_with_the_dead_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context=CARER))


def test_a_shirt_on_inside_out_is_no_confusion() -> None:
    assert level("me puse la camisa al revés jaja") == "none"


def test_found_lying_on_the_bathroom_floor_is_a_faint_and_a_ring_is_not() -> None:
    assert "syncope" in present(assess("la encontré tirada en el piso del baño", context=CARER))
    assert level("encontré el anillo en el piso del baño") == "none"


# --- fever as an image, breath stopped for, sick every hour or every sip -----------------


def test_a_forehead_on_fire_on_chemo_is_a_neutropenic_fever() -> None:
    assert "neutropenic-fever" in assess("tengo la frente ardiendo", context=CHEMO).rules


@pytest.mark.parametrize(
    "text",
    [
        "tuve que dejar de lavarme los dientes para agarrar aire",
        "me tengo que detener en cada poste para agarrar aire",
    ],
)
def test_stopping_a_task_or_at_every_post_for_breath_is_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_going_out_for_fresh_air_is_no_breathlessness() -> None:
    assert level("salí al balcón a tomar aire fresco") == "none"


@pytest.mark.parametrize(
    "text", ["vomito cada hora", "vomito después de cada sorbo", "tengo diarrea, voy al baño cada hora"]
)
def test_sick_every_hour_or_after_every_sip_is_urgent(text: str) -> None:
    assert level(text) == "urgent"


def test_a_pill_every_hour_is_no_count() -> None:
    assert level("la pastilla la tomo cada hora") == "none"


# --- a collar that will not close, a moon face -------------------------------------------


def test_a_top_button_that_will_not_close_with_breathlessness_is_svc_airway() -> None:
    a = assess("no me cierra el botón de arriba de la camisa y me falta el aire")
    assert "svc-airway" in a.rules


def test_a_face_round_as_the_moon_is_a_swollen_face() -> None:
    assert "face_neck_swelling" in present(assess("tiene la cara redonda como luna llena"))


# --- blood through the dressing, in the bag, like a red drink or a jelly -----------------


@pytest.mark.parametrize("text", ["sangra a través de la venda", "la bolsa de la ostomía se llena de sangre"])
def test_blood_through_a_dressing_or_filling_a_stoma_bag_is_a_major_bleed(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


def test_urine_like_hibiscus_water_is_blood_in_it() -> None:
    a = assess("mi pipí parece jugo de jamaica")
    assert "bleeding" in present(a)
    assert a.level.label == "routine"


def test_dark_red_jelly_coughed_up_is_major_haemoptysis() -> None:
    assert "hemoptysis-major" in assess("tosí como gelatina roja oscura en pedazos").rules


# --- a long while at a drop --------------------------------------------------------------


def test_a_long_while_on_the_bridge_looking_down_is_self_harm() -> None:
    assert "self-harm" in assess("me quedé mucho rato parado en el puente mirando para abajo").rules


def test_fireworks_watched_from_the_bridge_are_a_view() -> None:
    assert level("me quedé mucho rato en el puente mirando los fuegos artificiales") == "none"


# --- cancer in the bones said with "ya", noisy breath across a room, a thick neck --------


def test_cancer_already_gone_to_the_bones_is_bone_metastases_not_a_symptom_gone() -> None:
    a = assess("el cáncer ya se me pasó a los huesos, me duele la espalda")
    assert "spinal-pain-flags" in a.rules


def test_a_hip_pain_gone_is_still_gone() -> None:
    assert level("ya se me pasó el dolor de la cadera") == "none"


def test_breathing_heard_from_the_next_room_with_a_swollen_face_is_svc_airway() -> None:
    a = assess("se le oye la respiración desde el otro cuarto y tiene la cara hinchada", context=CARER)
    assert "svc-airway" in a.rules


def test_music_heard_from_the_next_room_is_nothing() -> None:
    assert level("se oye la música desde el otro cuarto") == "none"


def test_a_neck_grown_thick_as_a_bulls_is_swelling() -> None:
    assert "face_neck_swelling" in present(assess("el cuello se me puso grueso como de toro"))


# --- legs that no longer hold one, named after the verb ----------------------------------


@pytest.mark.parametrize(
    "text", ["las piernas no me tienen", "no me tienen las piernas", "no me dan las piernas para caminar"]
)
def test_legs_that_no_longer_hold_one_are_weak(text: str) -> None:
    assert "cord-signs" in assess(text).rules


@pytest.mark.parametrize("text", ["mi hija no me tiene paciencia", "no me dan las ganas de salir"])
def test_patience_or_the_wish_to_go_out_is_no_weakness(text: str) -> None:
    assert level(text) == "none"


# --- answers: how often is a yes, and "still there" --------------------------------------

HEADACHES = "¿Ha tenido dolores de cabeza?"


@pytest.mark.parametrize("text", ["todos los días", "casi diario", "sí, todos los días"])
def test_how_often_answers_a_headache_question_yes(text: str) -> None:
    assert "headache" in present(assess(text, HEADACHES))


def test_hardly_ever_answers_no() -> None:
    assert "headache" not in present(assess("no, casi nunca", HEADACHES))


def test_still_there_answers_a_cough_question_yes() -> None:
    assert "cough" in present(assess("sigue ahí", "¿Cómo va la tos?"))


def test_a_daily_walk_alone_is_nothing() -> None:
    assert level("todos los días camino media hora") == "none"


# --- breath on a climb, ankles by the evening, a calf big and red ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a mitad de la escalera me tengo que parar a respirar",
        "en la subida me tengo que detener a tomar aire",
    ],
)
def test_stopping_for_breath_on_a_climb_is_breathlessness_but_not_at_rest(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level.label == "routine"


def test_ankles_that_swell_by_evening_and_go_down_overnight_are_routine_not_a_clot() -> None:
    assert level("se me hinchan los tobillos en la tarde y en la mañana se deshinchan") == "routine"


def test_a_calf_big_and_red_is_a_swollen_calf() -> None:
    assert "clot-leg" in assess("tengo la pantorrilla izquierda grande y roja").rules


def test_a_big_warm_house_is_nothing() -> None:
    assert level("la casa es grande y caliente") == "none"


# --- figures: what one cannot stop doing, blood given, money bled ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "esa serie me tiene enganchada, no puedo parar",
        "no puedo parar de reír con mi nieto",
        "le di sangre a la Cruz Roja ayer",
        "me sangra el bolsillo con tanta medicina",
    ],
)
def test_a_show_laughter_a_donation_or_money_is_no_symptom(text: str) -> None:
    assert level(text) == "none"


def test_a_cough_that_will_not_stop_is_still_a_cough() -> None:
    assert "cough" in present(assess("no puedo parar de toser"))


def test_legs_that_will_not_stand_are_still_a_cord_sign() -> None:
    assert "cord-signs" in assess("no me puedo parar, las piernas no me dan").rules


# --- the clinician's question, and what a disease does in general ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el doctor preguntó si me he caído",
        "la enfermera quería saber si tuve fiebre",
        "el médico dijo que la compresión medular da debilidad en las piernas",
        "un coágulo puede causar falta de aire, ¿verdad?",
    ],
)
def test_a_question_asked_or_a_disease_described_is_no_symptom(text: str) -> None:
    assert level(text) == "none"


def test_the_cancer_giving_the_patient_tiredness_is_theirs() -> None:
    assert "fatigue" in present(assess("el cáncer me da mucho cansancio"))


def test_a_yes_that_starts_with_and_answers_the_question() -> None:
    a = assess("y sí, bastante", "¿Tiene debilidad nueva en las piernas?")
    assert "cord-signs" in a.rules


def test_and_if_is_still_a_what_if() -> None:
    assert level("¿y si me da fiebre el fin de semana?") == "none"


# --- loss of feeling told by how far it has climbed --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el adormecimiento se me está subiendo de los pies hasta las rodillas",
        "el entumecimiento ya me llegó a la cintura",
    ],
)
def test_numbness_climbing_to_the_knees_or_the_waist_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text).rules


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tengo los pies entumidos por la quimio", "routine"),
        ("el dolor me sube hasta la cintura", "routine"),
        ("el agua me llegó a las rodillas en la playa", "none"),
    ],
)
def test_numb_feet_a_rising_pain_or_the_sea_stay_below_a_cord_sign(text: str, want: str) -> None:
    assert level(text) == want
