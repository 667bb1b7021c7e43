"""Spanish classes a sixth writer and our own probes found the engine missing: soiling or a
bladder that no longer tells, told without the clinical words; feeling lost said with a final
"nada"; one eye clouding over; the comma between two errands one cannot do; slang for loose
bowels; a regularised "apretar"; a complaint "del" a place. Each with the negatives beside it.
Our own sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

from .conftest import CARER, ON_TX, present


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


# -- soiling named by the errand, without feeling it -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "anoche me hice del dos sin darme cuenta",
        "se le hizo del baño encima a mi papá",
        "me hago del uno sin sentir, en la cama",
    ],
)
def test_soiling_named_by_the_errand_without_feeling_is_bladder_bowel_dysfunction(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a), a.findings
    assert a.level.label == "emergency"


def test_going_to_the_toilet_is_not_soiling() -> None:
    assert level("hoy me hice del baño normal, todo bien") == "none"


# -- the bladder or bowel that no longer tells --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no siento las ganas de hacer pipí y me duele la columna",
        "tengo dolor en la espalda baja y no me doy cuenta cuando orino",
        "me duele la espalda, no siento nada cuando hago popó",
    ],
)
def test_lost_bladder_or_bowel_sensation_with_back_pain_is_mscc(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a), a.findings
    assert "mscc-neuro" in a.rules


def test_not_feeling_like_eating_is_not_a_bladder_sign() -> None:
    a = assess("no siento ganas de comer nada")
    assert "bladder_bowel_dysfunction" not in present(a)
    assert a.level.label != "emergency"


# -- feeling lost said with a final "nada" -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "allá abajo ya no siento nada",
        "la zona íntima no la siento, no siento nada",
        "en mis partes no siento nada",
    ],
)
def test_a_final_nada_after_not_feeling_the_saddle_is_saddle_numbness(text: str) -> None:
    a = assess(text)
    assert "saddle_numbness" in present(a), a.findings


@pytest.mark.parametrize(
    "text", ["tomé la pastilla y no siento nada", "la espalda ya no me duele, no siento nada"]
)
def test_not_feeling_anything_without_a_place_is_not_numbness(text: str) -> None:
    a = assess(text)
    assert not {"numbness", "saddle_numbness"} & present(a), a.findings
    assert a.level.label != "emergency"


# -- one eye clouding over -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se me oscureció el ojo derecho hace un rato",
        "de pronto se le nubló todo del ojo izquierdo",
        "mi ojo izquierdo se me apagó",
        "se me nubla un ojo a ratos",
    ],
)
def test_one_eye_clouding_over_is_one_sided_vision_change(text: str) -> None:
    a = assess(text)
    assert "neuro-acute" in a.rules, a.findings


def test_sight_clouding_without_one_eye_is_not_one_sided() -> None:
    a = assess("se me nubló la vista un momento al pararme")
    assert "neuro-acute" not in a.rules


# -- two errands one cannot do, split by a comma -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no puedo hacer popó, ni orinar desde anoche",
        "mi mamá no puede ir al baño, ni hacer pipí",
        "no logro evacuar, ni tampoco orinar",
    ],
)
def test_cannot_pass_stool_comma_nor_urine_is_bladder_bowel_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


def test_cannot_pass_stool_alone_is_constipation() -> None:
    a = assess("no puedo hacer popó desde el lunes")
    assert "bladder_bowel_dysfunction" not in present(a)


# -- loose-bowel slang ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["tengo chorrito desde ayer", "ando floja del estómago", "sigo suelto de la panza"]
)
def test_loose_bowel_slang_is_diarrhea(text: str) -> None:
    assert "diarrhea" in present(assess(text))


def test_feeling_free_is_not_diarrhea() -> None:
    assert "diarrhea" not in present(assess("ando suelta de todo, sin preocupaciones"))


# -- a regularised "apretar" and a complaint "del" a place --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me apreta el pecho",
        "me apretan el pecho desde la mañana",
        "mi esposo se queja del pecho, le duele desde ayer",
    ],
)
def test_regularised_squeeze_or_complaint_of_the_chest_is_chest_pain(text: str) -> None:
    assert "chest_pain" in present(assess(text, context=CARER))


def test_shoes_that_squeeze_are_not_chest_pain() -> None:
    assert "chest_pain" not in present(assess("los zapatos nuevos me apretan"))


@pytest.mark.parametrize(
    "text",
    ["tengo las piernas como de fideo", "siento los brazos como de gelatina", "las piernas como de plomo"],
)
def test_limbs_like_jelly_with_de_are_limb_weakness(text: str) -> None:
    assert "limb_weakness" in present(assess(text))


# -- strength that left a limb -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se me fue la fuerza de la mano izquierda",
        "a mi papá se le fueron las fuerzas del brazo derecho",
        "se me está yendo la fuerza del brazo izquierdo",
    ],
)
def test_strength_that_left_one_side_is_one_sided_weakness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "limb_weakness" in present(a), a.findings
    assert a.level.label == "emergency"


def test_strength_that_left_both_legs_is_a_cord_sign() -> None:
    assert "cord-signs" in assess("se me fue la fuerza de las dos piernas").rules


# -- breath not given, breathless as a state, stopping to breathe mid-sentence -----------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no me da el aire al barrer",
        "ando ahogado desde ayer cuando subo",
        "estoy medio ahogadita al caminar",
    ],
)
def test_air_not_given_or_breathless_state_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "me detengo a tomar aire cada dos palabras",
        "no alcanzo a terminar una frase sin respirar",
        "tengo que parar a respirar entre pocas palabras",
    ],
)
def test_stopping_for_breath_every_few_words_is_breathing_emergency(text: str) -> None:
    assert "breathing" in assess(text).rules


def test_a_drowning_idea_is_not_breathless() -> None:
    assert "dyspnea" not in present(assess("el calor me da ganas de ir a la playa"))


# -- a lash or a wrench in the back --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "al estornudar me da un latigazo en la espalda",
        "me dio un tirón en la columna de repente",
        "tengo latigazos en la espalda baja cuando hago fuerza",
    ],
)
def test_a_lash_or_wrench_in_the_back_is_flagged_back_pain(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a), a.findings
    assert "spinal-pain-flags" in a.rules


def test_a_telling_off_is_not_pain() -> None:
    assert level("mi hija me dio un tirón de orejas por no comer") != "urgent"
    assert "pain" not in present(assess("me dio un tirón de orejas"))


# -- a sip brought straight back, "devolver" as vomit -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tomo un traguito de agua y lo devuelvo",
        "bebo un sorbo de té y lo vomito al rato",
        "mi mamá toma un poquito de caldo y lo arroja",
    ],
)
def test_a_sip_brought_back_is_not_keeping_fluids_down(text: str) -> None:
    a = assess(text, context=CARER)
    assert "vomiting" in a.rule_concepts.get("vomiting", set()) or "vomiting" in a.rules, a.findings


@pytest.mark.parametrize("text", ["tengo ganas de devolver", "ando con ganas de arrojar"])
def test_wanting_to_bring_up_is_nausea(text: str) -> None:
    assert "nausea" in present(assess(text))


def test_giving_back_a_book_is_not_vomiting() -> None:
    assert not {"nausea", "vomiting"} & present(assess("tengo que devolver el libro a la biblioteca"))


# -- asleep mid-meal, not knowing the day -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me quedo dormido a mitad de la cena",
        "se queda dormida en medio de la conversación",
        "me duermo a media comida",
    ],
)
def test_falling_asleep_mid_activity_is_drowsiness(text: str) -> None:
    assert "drowsiness" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text", ["no sé ni qué día es", "ya no sé en qué día estamos", "ya no sé qué día es hoy"]
)
def test_not_knowing_the_day_in_the_first_person_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text))


def test_not_knowing_which_day_the_appointment_is_is_not_confusion() -> None:
    assert "confusion" not in present(assess("no sé qué día es mi cita, me la recuerdan?"))


# -- tiredness "para nada", appetite that does not return, not going well -----------------------


@pytest.mark.parametrize(
    "text",
    ["sin energía para nada", "ando sin fuerzas pa nada", "el apetito no vuelve", "no me regresa el hambre"],
)
def test_routine_body_complaints_said_sideways_are_present(text: str) -> None:
    a = assess(text)
    assert present(a) & {"fatigue", "appetite_loss"}, a.findings


def test_not_going_well_is_constipation() -> None:
    assert "constipation" in present(assess("no estoy haciendo del baño bien"))


# -- what used to happen, long ago ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "antes me mareaba con la quimio",
        "me desmayé una vez, pero eso fue hace años",
        "antes se me hinchaban los pies, hace meses de eso",
    ],
)
def test_what_used_to_happen_is_not_present(text: str) -> None:
    assert level(text) in {"none", "routine"}
    assert not {"syncope", "leg_swelling"} & present(assess(text))


def test_a_pain_for_a_long_time_is_still_present() -> None:
    assert "chest_pain" in present(assess("me duele el pecho, pero hace mucho"))


# -- breathless with news, someone said not to be the patient, fine at rest --------------------


@pytest.mark.parametrize(
    "text", ["me quedé sin palabras y sin aire con la sorpresa", "se quedó sin aliento con la noticia"]
)
def test_breathless_with_news_is_a_figure_of_speech(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


def test_breathless_climbing_is_still_dyspnea() -> None:
    assert "dyspnea" in present(assess("me quedé sin aire subiendo la loma"))


@pytest.mark.parametrize(
    "text",
    [
        "mi suegra (no es la paciente) se cayó en la calle",
        "mi hermano, que no es el paciente, tiene fiebre",
        "mi tía no es la paciente pero tose sangre",
    ],
)
def test_someone_said_not_to_be_the_patient_is_someone_else(text: str) -> None:
    assert level(text) == "none"


def test_fine_sitting_down_is_not_breathless_at_rest() -> None:
    q = "¿Tiene falta de aire nueva o peor que antes?"
    assert level("sí, desde ayer, pero acostado estoy bien", q) == "urgent"
    assert level("sí, y me pasa aun sentada", q) == "emergency"


# -- someone not right inside, nights up to pee, drinking and still dry -----------------------


def test_something_in_me_not_right_is_patient_worry() -> None:
    assert "patient_worry" in present(assess("siento que algo dentro de mí no anda bien"))


@pytest.mark.parametrize(
    "text", ["me despierto cuatro veces en la noche para orinar", "se levanta varias veces a hacer pipí"]
)
def test_nights_up_to_pee_is_polyuria(text: str) -> None:
    assert "polyuria" in present(assess(text, context=CARER))


def test_drinking_and_still_dry_is_thirst() -> None:
    assert "thirst" in present(assess("tomo agua y agua y sigo con la boca seca"))


# -- the amount of coughed blood asked the way a nurse asks it ---------------------------------

HOW_MUCH_COUGHED = "¿Cuánta sangre ha tosido hoy?"


@pytest.mark.parametrize("answer", ["como dos cucharadas", "más de una cucharadita", "medio vaso"])
def test_a_large_amount_to_how_much_blood_coughed_is_major_hemoptysis(answer: str) -> None:
    a = assess(answer, HOW_MUCH_COUGHED)
    assert "hemoptysis-major" in a.rules, a.findings


@pytest.mark.parametrize("answer", ["solo unas rayitas", "poquita"])
def test_a_small_amount_to_how_much_blood_coughed_is_urgent_hemoptysis(answer: str) -> None:
    a = assess(answer, HOW_MUCH_COUGHED)
    assert a.level.label == "urgent", a.findings
    assert "hemoptysis" in present(a)


def test_none_to_how_much_blood_coughed_is_nothing() -> None:
    assert level("nada de sangre", HOW_MUCH_COUGHED) == "none"


# -- nearly falling, a leg that gave way -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["por poco me caigo al salir de la cama", "casi se cae mi mamá en el pasillo", "se me dobló la rodilla"],
)
def test_nearly_falling_or_a_leg_giving_way_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text, context=CARER).rules


@pytest.mark.parametrize("text", ["casi me caigo de la risa con el video", "se me fue el pie en el lodo"])
def test_laughing_or_slipping_is_not_a_cord_sign(text: str) -> None:
    assert level(text) != "emergency"


# -- more ways the bladder goes quiet, soiling by the verb of dirt, one eye gone black ---------


@pytest.mark.parametrize(
    "text",
    [
        "ya no siento cuando tengo que hacer pipí",
        "la vejiga ya no me avisa",
        "no siento la vejiga llena aunque tomo agua",
        "me ensucié encima sin sentir",
    ],
)
def test_a_bladder_that_goes_quiet_or_soiling_oneself_is_bladder_bowel_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "me manché la ropa con salsa",
        "me ensucié la blusa comiendo",
        "no sé si tengo que ir al baño antes del estudio",
    ],
)
def test_stains_and_questions_about_the_toilet_are_not_a_cord_sign(text: str) -> None:
    assert level(text) != "emergency"


def test_everything_black_in_one_eye_is_one_sided_vision_not_a_faint() -> None:
    a = assess("se me puso todo oscuro en el ojo derecho")
    assert "vision_change" in present(a)
    assert "syncope" not in present(a)


# -- tiring easily, feeling lost "from there down", a fall not remembered, clothes that no longer fit


@pytest.mark.parametrize(
    "text", ["me canso rápido", "me canso con nada, hasta al bañarme", "se cansa muy rapido"]
)
def test_tiring_easily_is_fatigue(text: str) -> None:
    assert "fatigue" in present(assess(text, context=CARER))


def test_children_who_tire_one_out_are_not_fatigue() -> None:
    assert level("los nietos me cansan pero los quiero") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "tengo dormida la panza y no siento nada de ahí para abajo",
        "ya no siento el cuerpo del ombligo pa abajo",
        "no siento la piel desde las costillas hacia abajo",
    ],
)
def test_no_feeling_from_the_trunk_down_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text).rules


@pytest.mark.parametrize(
    "text", ["me caí en la cocina y no me acuerdo de nada", "mi papá se cayó y no recuerda qué pasó"]
)
def test_a_fall_not_remembered_is_a_blackout(text: str) -> None:
    assert "syncope" in present(assess(text, context=CARER))


def test_a_fall_remembered_is_no_blackout() -> None:
    assert "syncope" not in present(assess("me caí ayer pero me acuerdo de todo"))


@pytest.mark.parametrize(
    "text",
    [
        "ya no me entran los zapatos del pie izquierdo",
        "la media de compresión ya no me sube",
        "ya no me cierra la bota",
    ],
)
def test_a_stocking_or_shoe_that_no_longer_goes_on_is_leg_swelling(text: str) -> None:
    assert "leg_swelling" in present(assess(text))


def test_new_shoes_that_do_not_fit_are_not_swelling() -> None:
    assert "leg_swelling" not in present(assess("el zapato nuevo no me entra, lo voy a cambiar"))


# -- the emphatic double negative, "ya no aguanto", what leaks named first ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "desde anoche no he podido hacer pipí nada",
        "mi papá no orina nada desde ayer",
        "ya no aguanto las ganas, se me sale",
        "la orina se me escapa sola",
    ],
)
def test_emphatic_or_object_first_urinary_signs_are_bladder_bowel_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text, context=CARER))


def test_not_being_able_to_take_the_treatment_is_not_a_bladder_sign() -> None:
    assert "bladder_bowel_dysfunction" not in present(assess("ya no aguanto más este tratamiento"))


@pytest.mark.parametrize(
    "text", ["casi me caigo de sueño", "me caigo de cansancio", "por poco se cae de sueño"]
)
def test_dropping_with_sleep_is_tiredness_not_a_fall(text: str) -> None:
    a = assess(text, context=CARER)
    assert "gait_difficulty" not in present(a)
    assert "fatigue" in present(a)


# -- the bowel verb with how it comes; wanting nothing -------------------------------------------


@pytest.mark.parametrize(
    "text", ["estoy evacuando aguado desde ayer", "obro pura agua", "sigo cagando suelto, perdón la palabra"]
)
def test_the_bowel_verb_with_loose_stool_is_diarrhea(text: str) -> None:
    assert "diarrhea" in present(assess(text))


def test_watery_stool_counted_on_treatment_is_urgent() -> None:
    assert level("estoy obrando aguado como 5 veces hoy", context=ON_TX) == "urgent"


def test_normal_stool_is_not_diarrhea() -> None:
    assert "diarrhea" not in present(assess("ya obro normal, gracias"))


@pytest.mark.parametrize("text", ["no tengo ganas de nada", "ya no tiene ganas de nada"])
def test_wanting_nothing_is_fatigue(text: str) -> None:
    assert "fatigue" in present(assess(text, context=CARER))


# -- urine hard to start or that goes by itself; the bottom by its regional name; blind in one eye


@pytest.mark.parametrize(
    "text",
    [
        "me cuesta empezar a orinar y me duele la espalda",
        "tiene que hacer fuerza para hacer pipí",
        "se le va el pipí sin querer",
        "tengo escapes de orina desde el lunes",
    ],
)
def test_urine_hard_to_start_or_leaking_is_bladder_bowel_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text, context=CARER))


def test_straining_at_stool_is_constipation_not_a_cord_sign() -> None:
    a = assess("tengo que pujar mucho para hacer popó")
    assert "constipation" in present(a)
    assert a.level.label != "emergency"


@pytest.mark.parametrize("text", ["se me durmió el poto", "no siento las asentaderas"])
def test_the_bottom_by_its_regional_name_with_numbness_is_saddle_numbness(text: str) -> None:
    assert "saddle_numbness" in present(assess(text))


def test_a_sore_bottom_from_sitting_is_not_saddle_numbness() -> None:
    assert "saddle_numbness" not in present(assess("me duele el poto de estar sentada"))


@pytest.mark.parametrize("text", ["me quedé ciega del ojo derecho", "mi papá está ciego de un ojo desde hoy"])
def test_blind_in_one_eye_is_one_sided_vision_change(text: str) -> None:
    assert "neuro-acute" in assess(text, context=CARER).rules


@pytest.mark.parametrize(
    "text", ["estoy muy pálida hoy", "mi esposo dice que me ve amarilla", "me noto pálido"]
)
def test_pale_or_yellow_said_of_oneself_is_not_silent(text: str) -> None:
    assert level(text) == "routine"


@pytest.mark.parametrize(
    "text", ["el semáforo se puso amarillo", "pinté la pared amarilla", "estoy verde de envidia"]
)
def test_colours_of_things_are_nothing(text: str) -> None:
    assert level(text) == "none"


# -- crushing chest pain, as in English -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo un dolor aplastante en el pecho",
        "siento como una piedra enorme sobre el pecho",
        "me duele el pecho como si me aplastaran",
        "tengo el pecho como aplastado",
    ],
)
def test_crushing_chest_pain_is_a_chest_pain_emergency(text: str) -> None:
    assert "chest-pain" in assess(text).rules


@pytest.mark.parametrize(
    "text", ["me siento como si me aplastaran con tanto trabajo", "me aplastaron el dedo con la puerta"]
)
def test_crushed_by_work_or_a_door_is_not_chest_pain(text: str) -> None:
    assert "chest_pain" not in present(assess(text))


# -- not stopping is doing it all the time; "sin sentir" the legs -------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("no paro de toser desde ayer", "cough"),
        ("no he parado de vomitar en toda la noche", "vomiting"),
        ("ya no dejo de temblar", "chills"),
        ("no puedo dejar de orinar, a cada rato", "polyuria"),
    ],
)
def test_not_stopping_a_symptom_is_having_it(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_not_stopping_work_is_nothing() -> None:
    assert level("no paro de trabajar, mucho estrés en la oficina") == "none"


@pytest.mark.parametrize("text", ["ando sin sentir las piernas", "llevo horas sin sentir mis piernas"])
def test_without_feeling_the_legs_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text).rules


# -- a relative's wish to speak with the nurse goes to the care team ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi hija quiere hablar con la enfermera",
        "mi esposo quisiera hablar con el doctor sobre mis pastillas",
        "mi mamá quiere hablar con una enfermera de mi tratamiento",
    ],
)
def test_a_relatives_wish_to_speak_with_the_nurse_is_a_nurse_request(text: str) -> None:
    a = assess(text)
    assert "nurse_request" in present(a), a.findings
    assert a.level.label == "routine"


def test_a_relatives_own_symptom_stays_theirs() -> None:
    assert level("mi hija tiene tos desde ayer") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "ando ahogada de trabajo",
        "estoy ahogado en deudas",
        "no me da el aire acondicionado del cuarto",
        "no me da el aire para todo lo que tengo que hacer",
    ],
)
def test_drowning_in_work_or_the_air_conditioning_is_not_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))
