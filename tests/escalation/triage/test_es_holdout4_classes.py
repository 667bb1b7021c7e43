"""Spanish classes behind es_holdout4's misses (docs/triage.md, "Rules" and "Languages"): each
read right with sentences that are not the set's, beside near misses that must stay as they
were. The sentences illustrate a class; none is the set's own."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

BRAIN = {"known_brain_metastases": True}
CARER = {"writer": "carer"}


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.status == "present"}


# -- a hand that will not grip: the "no" is the symptom's own -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la mano derecha no me agarra las cosas",
        "desde anoche la mano izq no me aprieta nada",
        "el brazo izquierdo ya no me sirve pa nada",
        "con la mano izquierda no agarro ni el vaso",
        "la mano no le agarra nada a mi mamá, la izquierda",
    ],
)
def test_a_hand_that_will_not_grip_is_weakness_of_that_limb(text: str) -> None:
    a = assess(text, None, CARER if "mamá" in text else None)
    assert "limb_weakness" in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "el celular no me agarra señal",
        "la tapa del frasco no me sale, está muy apretada",
        "el sueño no me agarra hasta las 3",
    ],
)
def test_a_phone_a_lid_or_sleep_that_will_not_catch_is_no_weakness(text: str) -> None:
    assert "limb_weakness" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "no tengo fiebre y arrastro la pierna derecha",
        "no me duele nada y arrastro el pie izquierdo desde ayer",
        "no tengo tos y me tropiezo con todo al caminar",
        "no he vomitado y camino como borracha, chocando con las paredes",
    ],
)
def test_a_no_that_denies_one_thing_does_not_reach_a_first_person_verb_after_and(text: str) -> None:
    a = assess(text)
    assert {"gait_difficulty", "limb_weakness"} & present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "no tengo fiebre y tos",
        "no tengo fiebre ni arrastro el pie",
        "no arrastro el pie y camino bien",
    ],
)
def test_a_no_over_a_list_still_denies_the_list(text: str) -> None:
    assert level(text) in ("none", "routine")


def test_a_hand_that_will_not_grip_and_a_dragged_foot_with_brain_metastases_is_an_emergency() -> None:
    a = assess("desde el martes no me agarra nada la mano derecha y arrastro la pierna", None, BRAIN)
    assert a.level.label == "emergency", a.findings


# -- heavy bleeding told by the pads it soaks ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me bajó la regla y estoy llenando una toalla cada hora",
        "empapo una compresa en menos de una hora, nunca me había pasado",
        "cambio la toalla femenina cada media hora de tanto que sangro",
        "estoy empapando un tampón cada hora",
        "lleno 2 toallas sanitarias por hora",
    ],
)
def test_a_pad_soaked_every_hour_is_a_major_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a), a.findings
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "me cambio la toalla cada 6 horas, la regla normal",
        "compré compresas en la farmacia",
        "uso una compresa por día, poquito",
    ],
)
def test_a_pad_changed_as_usual_or_bought_is_no_major_bleed(text: str) -> None:
    assert level(text) != "emergency"


# -- a fit told by its signs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "anoche me dio como un ataque y no sé qué pasó",
        "le dio una especie de ataque a mi esposo, se puso a temblar",
        "temblé todita y me mordí la lengua",
        "me mordí la lengua, no me acuerdo de nada de lo que pasó",
        "se sacudió todo el cuerpo y se mordió la lengua",
    ],
)
def test_a_fit_told_by_shaking_a_bitten_tongue_and_no_memory_is_a_seizure(text: str) -> None:
    a = assess(text, None, CARER if "esposo" in text else None)
    assert "seizure" in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "me mordí la lengua comiendo",
        "me dio como un ataque de risa",
        "temblé toda de frío en la parada del bus",
    ],
)
def test_a_tongue_bitten_eating_a_laughing_fit_or_shivering_is_no_seizure(text: str) -> None:
    assert "seizure" not in present(assess(text))


# -- the low back named by its place, with legs or water that fail --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lo de los riñones sigue igual y ahora se me duermen las dos piernas",
        "lo de la zona lumbar no se me quita y ya no siento bien las piernas",
        "el problema de los riñones sigue, y me cuesta hacer pichi",
        "harto dolor en la zona lumbar y no me sale el pichi",
        "dolor entre los omoplatos y hormigueo en las dos piernas",
    ],
)
def test_the_low_back_by_its_place_with_legs_or_bladder_failing_is_cord_compression(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a), a.findings
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "el nefrólogo dijo que lo de los riñones está bien",
        "hice pichi normal hoy",
    ],
)
def test_kidneys_the_doctor_passed_or_a_normal_wee_is_no_cord_sign(text: str) -> None:
    assert level(text) != "emergency"


# -- "the left one" answers which leg ---------------------------------------------------------------

LEG_Q = "¿Tiene alguna pierna hinchada, caliente o dolorida?"


@pytest.mark.parametrize(
    "text",
    [
        "la derecha, está hinchada",
        "sí, la izquierda la tengo gorda y caliente",
        "la izq, bien hinchadita",
        "la derecha, roja e hinchada",
    ],
)
def test_a_side_named_in_answer_to_a_leg_question_is_that_leg(text: str) -> None:
    a = assess(text, LEG_Q)
    assert "leg_swelling" in present(a), a.findings
    assert "face_neck_swelling" not in present(a)


def test_a_swollen_leg_named_by_its_side_with_pain_breathing_in_is_a_clot() -> None:
    a = assess("la derecha, hinchada y caliente, y me duele el pecho cuando respiro", LEG_Q)
    assert a.level.label == "emergency", a.findings


@pytest.mark.parametrize(
    "text",
    [
        "no, ninguna",
        "la izquierda está bien, ni hinchada ni nada",
    ],
)
def test_no_leg_or_a_side_said_fine_is_no_swelling(text: str) -> None:
    assert "leg_swelling" not in present(assess(text, LEG_Q))


def test_a_side_unasked_still_reads_as_before() -> None:
    assert "leg_swelling" not in present(assess("la izquierda la tengo hinchada"))


# -- breath that runs short, the River Plate way ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me estoy agitando más que antes, che",
        "me voy agitando mucho más que la semana pasada al caminar",
        "me estoy agitando al barrer, peor que ayer",
        "se está agitando mucho más que antes mi mamá",
    ],
)
def test_getting_winded_more_than_before_is_new_breathlessness(text: str) -> None:
    a = assess(text, None, CARER if "mamá" in text else None)
    assert "dyspnea" in present(a), a.findings
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "estoy agitando el jarabe antes de tomarlo",
        "el mesero está agitando el coctel",
    ],
)
def test_shaking_a_bottle_or_a_stirred_crowd_is_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


# -- laughing fit figures of speech -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "casi me ahogo de la risa con el chiste",
        "me ahogaba de risa con mis nietos jaja",
        "por poco me ahogo de risa viendo la novela",
    ],
)
def test_choking_with_laughter_is_a_figure_of_speech(text: str) -> None:
    assert level(text) == "none"


def test_choking_from_breathlessness_stays() -> None:
    assert "dyspnea" in present(assess("me ahogo al caminar dos cuadras"))


# -- a small streak of blood in phlegm, told by its colour -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me salió una rayita roja en la flema",
        "el gargajo salió con hilitos rojos, creo q no es nada",
        "esputo con unas vetitas rojas esta mañana",
        "escupí flema con puntitos rojos",
    ],
)
def test_a_red_streak_in_phlegm_is_blood_coughed_up(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a), a.findings
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "me salió una rayita roja en el brazo",
        "flema verde y espesa",
    ],
)
def test_a_red_line_on_the_arm_or_green_phlegm_is_no_blood(text: str) -> None:
    assert "hemoptysis" not in present(assess(text))


BLOOD_Q = "Nos dijo que tosió sangre. ¿Cuánta fue: hilos, una cucharadita o más?"


@pytest.mark.parametrize(
    "text",
    [
        "hilitos nada más",
        "rayitas nada mas, nada de aire",
        "unos puntitos nada más y ya",
        "puros hilitos nada mas",
    ],
)
def test_only_streaks_said_with_nada_mas_is_a_small_amount(text: str) -> None:
    a = assess(text, BLOOD_Q)
    assert "hemoptysis" in present(a), a.findings
    assert a.level.label == "urgent"


def test_more_than_a_spoon_is_still_large() -> None:
    assert level("más, como una taza", BLOOD_Q) == "emergency"


# -- thirst with peeing all the time, or no stool for days ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no paro de tomar agua y de ir a orinar",
        "no dejo de beber líquidos ni de ir a hacer pipí",
        "tengo mucha sed y no paro de ir a hacer pis",
        "la boca seca todo el día y orino a cada rato",
    ],
)
def test_thirst_with_peeing_all_the_time_is_hypercalcaemia(text: str) -> None:
    a = assess(text)
    assert {"thirst", "polyuria"} <= present(a), a.findings
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "mi papá no hace del baño desde hace 4 días y tiene mucha sed",
        "no ha hecho popó en 5 días y toma agua a cada rato, tiene sed",
        "no hizo caca en toda la semana y anda con sed",
    ],
)
def test_no_stool_for_days_with_thirst_is_hypercalcaemia(text: str) -> None:
    a = assess(text, None, CARER)
    assert "constipation" in present(a), a.findings
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "tomo mucha agua porque hace calor",
        "hoy sí hizo del baño normal",
    ],
)
def test_water_in_the_heat_or_a_normal_stool_is_no_hypercalcaemia(text: str) -> None:
    assert level(text, None, CARER) != "urgent"


# -- an everyday cut and the drop of blood it gave -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me corté rasurándome, unas gotitas de sangre, ya paró",
        "me corte pelando papas y salio un poquito de sangre",
        "me corté el dedo cocinando, una gotita de sangre nomás",
        "me corte con una hoja, un puntito de sangre",
    ],
)
def test_an_everyday_cut_with_a_drop_of_blood_is_nothing(text: str) -> None:
    a = assess(text)
    assert "bleeding" not in present(a), a.findings
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text",
    [
        "me corté con el cuchillo y no para de sangrar",
        "me corté cocinando y sale mucha sangre",
    ],
)
def test_a_cut_that_bleeds_much_or_will_not_stop_stays_an_emergency(text: str) -> None:
    assert level(text) == "emergency"


def test_a_small_gum_bleed_that_stopped_still_goes_to_the_team() -> None:
    assert level("me sangró la encía un poquito, ya paró") == "routine"


# -- sick today and better since still goes to the team -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "devolví una vez esta mañana, ya me siento mejor",
        "hoy vomité dos veces pero ya estoy bien",
        "tuve diarrea en la mañana, ya se me quitó",
        "vomite en la tarde una vez y ya estoy mejor",
    ],
)
def test_sick_today_and_better_since_is_routine(text: str) -> None:
    assert level(text) == "routine", assess(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "vomité el lunes, ya estoy bien",
        "la semana pasada tuve diarrea, ya se me quitó",
    ],
)
def test_sick_another_day_and_well_since_is_over(text: str) -> None:
    assert level(text) == "none"


# -- night sweats, and urine darker than it should be ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sudo muchísimo por las noches",
        "me despierto empapada de sudor",
        "tengo sudores nocturnos desde hace una semana",
        "suda mucho dormido mi esposo, amanece todo sudado",
    ],
)
def test_night_sweats_go_to_the_team(text: str) -> None:
    assert level(text, None, CARER if "esposo" in text else None) == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "¿es normal tener el pipí tan oscuro?",
        "la orina me sale color coca cola",
        "tengo la orina muy oscura desde ayer",
        "mi pis esta turbio y espumoso",
    ],
)
def test_dark_urine_goes_to_the_team(text: str) -> None:
    assert level(text) == "routine", assess(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "sudé mucho en el gimnasio",
        "el café que me gusta es muy oscuro",
    ],
)
def test_a_sweat_at_the_gym_or_dark_coffee_is_nothing(text: str) -> None:
    assert level(text) == "none"


def test_a_nappy_changed_all_the_time_is_no_major_bleed() -> None:
    assert level("le cambio el pañal a cada rato por la diarrea", None, CARER) != "emergency"
