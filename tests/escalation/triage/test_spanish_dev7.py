"""Spanish classes a seventh writer found the engine missing: a fever said as a figure of heat,
rigors told by the teeth, coming round on the floor told by the eyes, and blood told by the
colour of the toilet or the stream. Each with the negatives beside it. Our own sentences,
never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

CHEMO: dict[str, Any] = {"on_active_treatment": True}


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


def concepts(text: str) -> set[str]:
    return {f.concept for f in assess(text).findings if f.status == "present"}


@pytest.mark.parametrize(
    "text",
    [
        "ando hirviendo desde la tarde, me pusieron quimio el martes",
        "soy una brasa, y la quimio fue hace cinco días",
        "mi esposa está que arde y sigue con quimioterapia",
    ],
)
def test_heat_said_as_a_figure_is_a_fever_on_chemo(text: str) -> None:
    assert level(text, context=CHEMO) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "la leche está hirviendo, ya la apago",
        "estoy que ardo de coraje con la aseguradora",
        "estoy hirviendo con este calor, ya prendí el ventilador",
        "la sala es un horno en verano",
    ],
)
def test_boiling_things_anger_and_weather_are_no_fever(text: str) -> None:
    assert "fever" not in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "le chocan los dientes de tanto temblar",
        "se me castañeteaban los dientes bajo tres cobijas",
        "dientes castañeteando toda la madrugada",
    ],
)
def test_chattering_teeth_are_rigors(text: str) -> None:
    assert "chills" in concepts(text)
    assert level(text, context=CHEMO) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "cuando abrió los ojos ya estaba en el suelo de la cocina",
        "abrí los ojos tirada sobre la banqueta",
        "me blackoutié saliendo de la regadera",
    ],
)
def test_coming_round_on_the_floor_is_a_faint(text: str) -> None:
    assert level(text) == "emergency"


def test_opening_ones_eyes_in_the_morning_is_no_faint() -> None:
    assert "syncope" not in concepts("abrí los ojos temprano y me levanté a desayunar")


@pytest.mark.parametrize(
    "text",
    [
        "la taza del baño se puso toda roja, con grumos",
        "el pipi sale de sangre y con coágulos",
        "orino trozos de sangre, todo el chorro rojo",
    ],
)
def test_a_red_toilet_or_stream_with_lumps_is_a_major_bleed(text: str) -> None:
    assert level(text) == "emergency"


def test_a_pink_tinge_is_no_major_bleed() -> None:
    assert level("la orina se ve apenas rosadita hoy") != "emergency"


HOW_MUCH = "¿Cuánta sangre: unas rayitas, una cucharadita o más?"


@pytest.mark.parametrize(
    "text",
    [
        "mucho más, había sangre en todo el papel",
        "bastante, sangro al hacer del baño",
        "un montón, la taza se puso roja",
    ],
)
def test_an_amount_said_first_still_measures_the_blood_the_answer_names(text: str) -> None:
    assert level(text, HOW_MUCH) == "emergency"


def test_a_small_amount_said_first_keeps_the_answer_small() -> None:
    assert level("unas rayitas, había sangre en el papel", HOW_MUCH) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "hago aguadito desde ayer",
        "hizo bien suelta toda la tarde",
        "he hecho líquido cuatro veces hoy",
    ],
)
def test_loose_stools_told_by_the_verb_hacer_are_diarrhea(text: str) -> None:
    assert "diarrhea" in concepts(text)


def test_a_watery_soup_is_no_diarrhea() -> None:
    assert "diarrhea" not in concepts("hice el caldo muy aguado para mi papá")


@pytest.mark.parametrize(
    "text",
    [
        "no puedo hacer del dos hace días",
        "sigo tapada, ni con ciruelas",
        "ando bien tapado desde la operación",
    ],
)
def test_hacer_del_dos_and_being_blocked_up_are_constipation(text: str) -> None:
    assert "constipation" in concepts(text)


@pytest.mark.parametrize("text", ["ando tapado de la nariz", "sigo tapada de los oídos desde el avión"])
def test_a_blocked_nose_or_ears_is_no_constipation(text: str) -> None:
    assert "constipation" not in concepts(text)


CARER_WRITES: dict[str, Any] = {"writer": "carer"}


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá se duerme hasta masticando",
        "a mi suegro ya no lo podemos mantener despierto",
        "me quedo dormida de pie en la cocina",
        "mi hermano se la pasa dormido, casi no come",
    ],
)
def test_asleep_where_no_one_sleeps_is_drowsiness(text: str) -> None:
    assert level(text, context=CARER_WRITES) == "urgent"


@pytest.mark.parametrize(
    "text",
    ["mi nieto se queda dormido viendo la tele", "anoche dormí como bebé", "ando bien modorro"],
)
def test_ordinary_sleep_is_no_drowsiness_but_modorro_is(text: str) -> None:
    assert ("drowsiness" in concepts(text)) == ("modorro" in text)


@pytest.mark.parametrize(
    "text",
    [
        "no digo ni tres palabras sin parar a tomar aire",
        "no puede hablar ni dos palabras sin detenerse a respirar",
        "unas pocas palabras sin pararme a respirar y ya, estando acostada",
    ],
)
def test_a_few_words_before_the_breath_runs_out_is_severe_breathlessness(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "antes caminaba hasta el parque, ahora me detengo cada rato a agarrar aire",
        "mi mamá respira cada vez más cortito al bañarse",
        "antes subía las escaleras, ahora tengo que parar en el descanso a recuperar el aliento",
    ],
)
def test_breath_shorter_than_it_used_to_be_is_urgent(text: str) -> None:
    assert level(text, context=CARER_WRITES) == "urgent"


@pytest.mark.parametrize(
    "text",
    ["me detengo en cada esquina a tomar aire fresco", "tuve que salir a tomar aire fresco de la oficina"],
)
def test_going_out_for_fresh_air_is_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "me duele la nuca y los brazos se me caen solitos",
        "dolor de espalda fuerte y ayer las piernas ya no me sostenían",
        "el cuelo me duele mucho y tengo dormidos los brasos",
    ],
)
def test_spinal_pain_with_limbs_that_drop_or_fail_is_an_emergency(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text", ["se me caen solos los dientes", "se le caen solas las pestañas con la quimio"]
)
def test_teeth_or_lashes_that_fall_are_no_limb_weakness(text: str) -> None:
    assert "limb_weakness" not in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "la rodilla me duele que me hace gritar",
        "me duelen los huesos que me hacen llorar",
        "la cadera le dolía que la hacía llorar",
    ],
)
def test_pain_that_makes_one_cry_is_severe(text: str) -> None:
    assert level(text) in ("urgent", "emergency")


def test_it_hurts_that_as_a_sorrow_is_no_pain() -> None:
    assert level("me duele que mis hijos no vengan a verme") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "se me heló la sangre con la película",
        "esa serie me dejó con la sangre fría",
        "nos dejó con la sangre helada",
    ],
)
def test_blood_run_cold_is_fear_not_bleeding(text: str) -> None:
    assert "bleeding" not in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "mi hermano lleva todo el día sin hacer pis",
        "llevo 14 horas sin orinar y me duele abajo",
        "mi mamá se la pasa orinando y toma agua a cada rato",
    ],
)
def test_a_day_without_passing_urine_or_a_day_of_it_is_read(text: str) -> None:
    assert level(text, context=CARER_WRITES) in ("urgent", "emergency")


def test_a_soft_c_for_coughing_blood_is_still_coughing_blood() -> None:
    assert "hemoptysis" in concepts("toci con sangre anoche")


@pytest.mark.parametrize(
    "text",
    [
        "mi papá se perdió en su propio cuarto anoche",
        "mi abuela ya no sabe cómo me llamo",
        "mi tío no se acuerda de su propio nombre",
    ],
)
def test_lost_at_home_or_a_known_name_gone_is_confusion(text: str) -> None:
    assert level(text, context=CARER_WRITES) == "emergency"


@pytest.mark.parametrize(
    "text", ["el doctor nuevo no sabe mi nombre todavía", "me perdí en el centro comercial"]
)
def test_a_stranger_not_knowing_a_name_or_getting_lost_out_is_no_confusion(text: str) -> None:
    assert "confusion" not in concepts(text)
