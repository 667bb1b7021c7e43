"""Spanish classes a second writer used that the engine had not met: crushing-weight images of
chest pain, half the sight lost, bleeding that will not stop "le" or with pressure, a wish to
die told of the patient, "que no tenía" as new, too many to count, "no sé" before an answer,
and the hard negatives beside each. Our own sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

from .conftest import CARER, present

BREATH_VS_LAST_WEEK = "¿Cómo va su respiración comparada con la semana pasada?"
VOMIT_COUNT = "¿Cuántas veces vomitó hoy?"


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


# -- chest pain told as a crushing weight ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "es como si tuviera un elefante sentado encima del pecho",
        "siento como si alguien se me parara sobre el pecho",
        "mi esposo dice que es como un camión encima del pecho",
        "como si le pisara un elefante el pecho",
        "traigo el pecho aplastado desde hace un rato",
    ],
)
def test_a_crushing_weight_on_the_chest_is_severe_chest_pain(text: str) -> None:
    a = assess(text, context=CARER)
    assert a.level.label == "emergency", a.findings
    assert "chest-pain" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "fuimos al zoológico y vimos un elefante",
        "mi nieto se me sentó encima a jugar",
        "el camión de la basura pasó temprano",
    ],
)
def test_an_elephant_or_a_truck_without_the_chest_is_nothing(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- half the sight, or one named eye, lost ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "desde la mañana se me fue la mitad de la vista",
        "nomás veo la mitad de las cosas",
        "perdió la vista del ojo izquierdo de repente",
        "no veo nada del lado derecho",
    ],
)
def test_half_the_sight_or_one_eye_lost_is_one_sided_vision_change(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency", a.findings
    assert "neuro-acute" in a.rules


@pytest.mark.parametrize(
    "text",
    ["me comí la mitad de la torta", "tomé la mitad de la pastilla", "ya vi la mitad de la novela"],
)
def test_half_of_something_else_is_no_sight_lost(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- bleeding that will not stop -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "le sangra la nariz y no le para",
        "se cortó y no hay manera de pararlo, sangra mucho",
        "me sangra la encía y ni apretando con una gasa",
        "le sangra la herida aunque le apretamos fuerte",
    ],
)
def test_bleeding_that_will_not_stop_even_with_pressure_is_an_emergency(text: str) -> None:
    a = assess(text, context=CARER)
    assert a.level.label == "emergency", a.findings
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "me sangraron un poco las encías al lavarme los dientes",
        "le sangraba la nariz pero con hielo se le paró",
        "la tos no me para en toda la noche",
    ],
)
def test_bleeding_that_stopped_or_a_cough_that_will_not_is_no_major_bleed(text: str) -> None:
    assert "bleeding-major" not in assess(text).rules


def test_bleeding_said_in_the_past_is_bleeding() -> None:
    for text in ("me sangraron las encías", "le sangraban las encías ayer", "sangraba de la nariz"):
        assert "bleeding" in present(assess(text)), text


# -- a wish to die told of the patient, or in the infinitive -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi papá dice que ya quiere morirse",
        "mi esposa habla de quitarse la vida",
        "mi hijo ya no quiere vivir, dice que prefiere morirse",
        "mi mamá amenaza con tirarse",
        "dice que se va a matar",
    ],
)
def test_a_wish_to_die_told_by_a_carer_is_self_harm(text: str) -> None:
    a = assess(text, context=CARER)
    assert a.level.label == "emergency", a.findings
    assert "self-harm" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "mi papá ya no quiere comer",
        "mi mamá se quiere ir de vacaciones",
        "mi papá piensa mucho en mi hermano",
        "se cayó pero sin lastimarse",
    ],
)
def test_wanting_something_else_is_no_self_harm(text: str) -> None:
    a = assess(text, context=CARER)
    assert "self_harm" not in present(a), a.findings
    assert a.level.label in ("none", "routine"), a.findings


def test_a_yes_to_the_self_harm_screen_is_still_self_harm() -> None:
    q = "¿Ha pensado en hacerse daño?"
    assert level("sí", q) == "emergency"
    assert level("no, nunca", q) == "none"


# -- "que no tenía": a symptom that is new -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me ahogo al caminar, algo que antes no me pasaba",
        "tengo una falta de aire que nunca había tenido",
        "me falta el aire subiendo, eso no lo tenía antes",
    ],
)
def test_a_symptom_said_not_had_before_is_new(text: str) -> None:
    a = assess(text)
    assert a.level.label == "urgent", a.findings
    assert "dyspnea-new" in a.rules


@pytest.mark.parametrize("text", ["ayer no tenía falta de aire", "no tenía tos ni flemas", "no tenía fiebre"])
def test_not_having_had_it_is_still_a_denial(text: str) -> None:
    assert level(text) == "none", assess(text).findings


# -- harder than before, to a question that compares ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cada vez me cuesta más",
        "me cuesta bastante más que antes",
        "me agito mucho más rápido",
        "se me acaba el aire más pronto",
    ],
)
def test_harder_than_before_to_a_comparison_question_is_worse_breathing(text: str) -> None:
    a = assess(text, BREATH_VS_LAST_WEEK)
    assert a.level.label == "urgent", a.findings
    assert "dyspnea-new" in a.rules


def test_harder_to_breathe_said_alone_is_worse_breathing() -> None:
    for text in ("le cuesta cada vez más respirar", "cada día me cuesta más jalar aire"):
        assert "dyspnea-new" in assess(text).rules, text


@pytest.mark.parametrize(
    "text", ["igual de bien", "igualito de bien que la semana pasada", "tan bien como antes"]
)
def test_as_well_as_before_is_no_breathlessness(text: str) -> None:
    assert level(text, BREATH_VS_LAST_WEEK) == "none", assess(text, BREATH_VS_LAST_WEEK).findings


# -- too many to count, and "no sé" before the count ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["ya perdí la cuenta", "ya ni las cuento", "muchísimas veces", "no sé, como siete", "ni idea, unas 8"],
)
def test_too_many_to_count_or_a_count_after_no_se_is_frequent_vomiting(text: str) -> None:
    a = assess(text, VOMIT_COUNT)
    assert a.level.label == "urgent", a.findings
    assert "vomiting" in a.rules


@pytest.mark.parametrize("text", ["no sé, una vez", "no sé", "ninguna"])
def test_a_low_or_unknown_count_is_not_frequent_vomiting(text: str) -> None:
    assert "vomiting" not in assess(text, VOMIT_COUNT).rules


def test_english_not_sure_before_a_count_is_no_no() -> None:
    a = default_engine("en").assess("not sure, maybe 9", "How many times have you been sick today?")
    assert "vomiting" in a.rules, a.findings


# -- weight lost "como 5 kilos", "e bajado" -----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["bajé como 6 kilos en dos meses", "e perdido casi 3 kilos", "he rebajado unas 10 libras"]
)
def test_weight_lost_with_an_approximate_amount_is_weight_loss(text: str) -> None:
    assert "weight_loss" in present(assess(text)), assess(text).findings


def test_weight_gained_is_no_weight_loss() -> None:
    for text in ("subí como 3 kilos", "he subido unos 2 kilos"):
        assert "weight_loss" not in present(assess(text)), text


# -- worry that things are not right ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "siento que algo no anda bien",
        "tengo un mal presentimiento",
        "ando bien angustiada",
        "me siento tan mal",
    ],
)
def test_a_feeling_that_things_are_not_right_is_routine_worry(text: str) -> None:
    assert level(text) == "routine", assess(text).findings


def test_something_else_going_badly_is_not_worry() -> None:
    assert level("el partido no va bien para mi equipo jaja") in ("none", "routine")


# -- strength denied, and over since a treatment -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la espalda ya no me duele tan fuerte",
        "el dolor de espalda no es tan intenso como ayer",
        "me duele la espalda pero menos fuerte",
    ],
)
def test_a_pain_said_not_so_strong_is_not_severe(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a), a.findings
    assert a.level.label == "routine", a.findings


def test_a_pain_said_strong_stays_severe() -> None:
    assert level("el dolor de espalda es muy fuerte") == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "me dolía la cadera, ya no desde las pastillas",
        "antes me dolía mucho la espalda pero ya no desde la quimio",
        "tenía tos, pero ya no con el jarabe",
    ],
)
def test_gone_since_a_treatment_is_resolved(text: str) -> None:
    assert level(text) == "none", assess(text).findings


def test_ya_no_with_a_present_symptom_is_not_resolved() -> None:
    assert level("ya no puedo caminar desde ayer") == "emergency"


# -- a carer's own symptoms said with "yo" ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "yo he estado con diarrea, pero mi mamá sigue bien",
        "yo ando con tos desde el lunes, él está tranquilo",
        "yo tuve fiebre ayer, mi esposa está bien",
    ],
)
def test_a_carers_own_symptom_said_with_yo_is_theirs(text: str) -> None:
    assert level(text, context=CARER) == "none", assess(text, context=CARER).findings


@pytest.mark.parametrize(
    "text",
    [
        "yo he estado viendo que no puede caminar",
        "yo ando muy preocupada porque se desmayó",
        "yo estuve con él y tuvo una convulsión",
    ],
)
def test_what_the_carer_sees_after_yo_is_still_the_patients(text: str) -> None:
    assert level(text, context=CARER) == "emergency", assess(text, context=CARER).findings


# -- more of the same classes: a chest in a press, a face gone to one side ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "me oprime el pecho bien fuerte",
        "es como si me apretaran el pecho con tenazas",
        "el pecho como entre una prensa",
        "como si me hubieran echado una roca encima del pecho",
    ],
)
def test_a_chest_pressed_hard_or_in_a_vice_is_severe_chest_pain(text: str) -> None:
    assert level(text) == "emergency", assess(text).findings


def test_a_chest_pressed_without_more_is_chest_pain() -> None:
    assert level("me oprime un poco el pecho") == "urgent"


@pytest.mark.parametrize(
    "text", ["se me encoge el corazón de pena", "me oprime el corazón verlo así", "me aprieta el zapato"]
)
def test_a_heart_squeezed_by_sorrow_or_a_tight_shoe_is_no_chest_pain(text: str) -> None:
    assert level(text) == "none", assess(text).findings


@pytest.mark.parametrize(
    "text",
    ["se le torció la boca de repente", "la cara se me fue de lado", "tiene la boca chueca hacia un lado"],
)
def test_a_mouth_or_face_gone_to_one_side_is_one_sided_weakness(text: str) -> None:
    assert level(text, context=CARER) == "emergency", assess(text, context=CARER).findings


def test_a_twisted_ankle_is_no_face_gone_to_one_side() -> None:
    assert "neuro-acute" not in assess("se me torció el tobillo bajando la escalera").rules


@pytest.mark.parametrize(
    "text",
    [
        "me sangra la nariz desde hace 40 minutos",
        "no para de salirle sangre de la boca",
        "mi mamá dice que prefiere estar muerta",
        "mi papá ya no quiere seguir así",
    ],
)
def test_still_bleeding_for_a_while_or_wishing_to_be_dead_is_an_emergency(text: str) -> None:
    assert level(text, context=CARER) == "emergency", assess(text, context=CARER).findings


@pytest.mark.parametrize(
    "text",
    ["no para de salirme moco", "ya no quiere seguir con la quimio", "me sangró la nariz hace 40 minutos"],
)
def test_mucus_a_treatment_decision_or_a_bleed_that_was_are_no_emergency(text: str) -> None:
    assert level(text, context=CARER) != "emergency", assess(text, context=CARER).findings


# -- "the same, and well": a stable answer that says it is fine ---------------------------------


@pytest.mark.parametrize("text", ["igual que siempre, bien", "igual, normal", "igual de tranquila"])
def test_the_same_and_well_to_a_comparison_is_no_breathlessness(text: str) -> None:
    assert level(text, BREATH_VS_LAST_WEEK) == "none", assess(text, BREATH_VS_LAST_WEEK).findings


@pytest.mark.parametrize("text", ["igual", "igual de mal", "lo mismo, me falta el aire"])
def test_the_same_without_well_is_still_there(text: str) -> None:
    assert level(text, BREATH_VS_LAST_WEEK) == "routine", assess(text, BREATH_VS_LAST_WEEK).findings


def test_peorcito_is_worse() -> None:
    assert level("peorcito", BREATH_VS_LAST_WEEK) == "urgent"


def test_english_same_and_fine_is_no_breathlessness_and_no_worse_is_not_worse() -> None:
    en = default_engine("en")
    q = "Is your breathing worse than last week?"
    assert en.assess("same as ever, fine", q).level.label == "none"
    assert en.assess("no worse", q).level.label == "routine"
    assert en.assess("the same, still breathless", q).level.label == "routine"


# -- hard negatives found after the first fixes --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi suegra quiere morirse de la risa con la novela",
        "mi hijo dice que se va a matar estudiando jaja",
        "mi esposo se va a matar trabajando tanto",
    ],
)
def test_dying_of_laughter_or_killing_oneself_with_work_is_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text, context=CARER)), assess(text, context=CARER).findings


def test_que_no_tenia_about_something_else_is_not_new() -> None:
    a = assess("me falta el aire porque subí unas escaleras que no tenía ganas de subir")
    assert "dyspnea-new" not in a.rules, a.findings


@pytest.mark.parametrize(
    "text",
    ["no sé para qué sigo viviendo", "solo quiero que todo se acabe", "ya quisiera que se termine todo"],
)
def test_not_seeing_why_to_go_on_or_wanting_it_all_over_is_self_harm(text: str) -> None:
    assert level(text) == "emergency", assess(text).findings


@pytest.mark.parametrize("text", ["quiero que se acabe la quimio", "ojalá se acabe pronto el tratamiento"])
def test_wanting_a_treatment_over_is_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text)), assess(text).findings


@pytest.mark.parametrize("text", ["le sale sangre de la nariz sin parar", "sangra sin detenerse"])
def test_bleeding_sin_parar_will_not_stop(text: str) -> None:
    assert "bleeding-major" in assess(text).rules, assess(text).findings


def test_coughing_sin_parar_is_no_major_bleed() -> None:
    assert level("toso sin parar") == "routine"


@pytest.mark.parametrize(
    "text",
    ["me sale sangre de la nariz", "le salía un poco de sangre de la herida", "me sale sangre del oído"],
)
def test_blood_coming_out_of_a_place_not_the_lungs_is_bleeding(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a), a.findings
    assert "hemoptysis" not in present(a), a.findings


@pytest.mark.parametrize("text", ["me sale sangre al toser", "me sale sangre por la boca cuando toso"])
def test_blood_coming_out_with_a_cough_stays_hemoptysis(text: str) -> None:
    assert "hemoptysis" in present(assess(text)), assess(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "voy perdiendo peso sin hacer dieta",
        "he rebajado muchísimo",
        "los pantalones me quedan flojos",
        "quedó en los puros huesos",
    ],
)
def test_weight_lost_said_without_kilos_is_weight_loss(text: str) -> None:
    assert "weight_loss" in present(assess(text, context=CARER)), assess(text, context=CARER).findings


@pytest.mark.parametrize(
    "text",
    ["ya no estoy perdiendo peso", "mi gato está en los huesos", "el vestido de la boda me queda flojo"],
)
def test_weight_loss_denied_or_of_others_is_not_the_patients(text: str) -> None:
    assert "weight_loss" not in present(assess(text)), assess(text).findings


@pytest.mark.parametrize(
    "text", ["me da miedo que sea algo grave", "siento que me voy a morir", "algo raro me está pasando"]
)
def test_fear_that_something_is_wrong_is_routine_worry(text: str) -> None:
    assert level(text) == "routine", assess(text).findings


LEG_WEAKNESS = "¿Ha notado debilidad nueva en las piernas?"


@pytest.mark.parametrize("text", ["a lo mejor", "puede ser, no estoy segura", "tal vez un poco", "un chin"])
def test_a_hedged_yes_to_a_red_flag_question_is_a_yes(text: str) -> None:
    assert level(text, LEG_WEAKNESS) == "emergency", assess(text, LEG_WEAKNESS).findings


@pytest.mark.parametrize("text", ["a lo mejor no", "puede que no", "ni de chiste"])
def test_a_hedged_no_is_a_no(text: str) -> None:
    assert level(text, LEG_WEAKNESS) == "none", assess(text, LEG_WEAKNESS).findings


def test_a_lo_mejor_outside_an_answer_is_nothing() -> None:
    assert level("a lo mejor mañana paso a la clínica") == "none"


@pytest.mark.parametrize(
    "text", ["no me entra el aire", "casi no le pasa nada de aire", "el aire no me llega"]
)
def test_air_that_will_not_go_in_is_severe_breathlessness(text: str) -> None:
    assert level(text) == "emergency", assess(text).findings


@pytest.mark.parametrize("text", ["no me entra la ropa de antes", "no me entra la comida"])
def test_clothes_or_food_that_will_not_go_in_are_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text)), assess(text).findings


@pytest.mark.parametrize("text", ["estoy botando sangre por la boca", "echa sangre por la boca"])
def test_blood_thrown_out_of_the_mouth_is_at_least_hemoptysis(text: str) -> None:
    assert level(text) in ("urgent", "emergency"), assess(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "traigo un dolor de cabeza que me revienta",
        "un dolor de cabeza que la vuelve loca",
        "me mata la cabeza de dolor",
    ],
)
def test_a_headache_that_splits_or_kills_is_severe(text: str) -> None:
    assert "head" in assess(text, context=CARER).rules, assess(text, context=CARER).findings


def test_noise_that_splits_the_head_is_no_headache() -> None:
    assert level("el ruido de la obra me parte la cabeza") == "none"


def test_spanglish_cannot_walk_is_gait_difficulty() -> None:
    assert "gait_difficulty" in present(assess("desde ayer no puedo walk bien"))


@pytest.mark.parametrize(
    "text",
    [
        "la doctora me preguntó si tenía sangre en la flema y le dije que no",
        "me da miedo que me vuelva la fiebre",
        "tengo miedo de que le dé diarrea con la nueva quimio",
    ],
)
def test_a_question_asked_or_a_fear_of_what_may_come_is_not_present(text: str) -> None:
    assert level(text) == "none", assess(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "cuando me operaron perdí mucha sangre",
        "durante la biopsia sangré bastante",
        "ayer tuve diarrea pero hoy amanecí bien",
    ],
)
def test_bleeding_in_an_operation_or_a_symptom_gone_today_is_over(text: str) -> None:
    assert level(text) == "none", assess(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "me operaron hace una semana y me sangra la herida sin parar",
        "me preocupa que me sale sangre al toser",
        "hoy me siento bien pero no puedo caminar",
    ],
)
def test_a_symptom_now_beside_those_words_still_counts(text: str) -> None:
    assert level(text) in ("urgent", "emergency"), assess(text).findings


@pytest.mark.parametrize(
    "text", ["ella anda bien, yo soy la que tiene tos", "soy yo el que anda con diarrea, él está tranquilo"]
)
def test_a_carer_who_says_they_are_the_one_with_it_keeps_it(text: str) -> None:
    assert level(text, context=CARER) == "none", assess(text, context=CARER).findings


def test_yo_soy_la_que_cuida_keeps_the_patients_finding() -> None:
    assert level("yo soy la que la cuida y no puede caminar", context=CARER) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "he ido al baño como 9 veces, todo aguado",
        "hizo del baño bien líquido 8 veces hoy",
        "fue al baño 10 veces suelto",
    ],
)
def test_loose_stools_with_a_count_are_diarrhea_with_that_count(text: str) -> None:
    a = assess(text, context=CARER)
    assert "diarrhea" in a.rules, a.findings


def test_going_to_the_toilet_without_loose_stools_is_nothing() -> None:
    assert level("fui al baño 3 veces hoy") == "none"
