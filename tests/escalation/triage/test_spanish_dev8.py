"""Spanish classes an eighth writer found the engine missing: feeling lost below a level of
the trunk said with "nada", and figures of speech (killed by laughter, a heart attack blamed
on a match, a thing that falls). Each with the negatives beside it. Our own sentences, never
a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


@pytest.mark.parametrize(
    "text",
    [
        "desde ayer no siento nada de la cadera para abajo",
        "mi papá dice que no siente nada desde el ombligo pa abajo",
        "de las caderas para abajo ya no siento nada",
    ],
)
def test_nothing_felt_below_a_trunk_level_is_extensive_numbness(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "no siento nada de dolor de la cadera para abajo",
        "no siento nada de los tobillos pa abajo",
    ],
)
def test_no_pain_below_a_level_or_a_stocking_is_not_a_cord_sign(text: str) -> None:
    assert level(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "mi nieta me mata de la risa con sus chistes",
        "el final de la novela me dio un infarto jaja",
        "las noticias nos van a dar un infarto",
        "se me cayó el celular al agua, qué coraje",
        "se cayeron los platos de la mesa",
    ],
)
def test_figures_of_speech_and_falling_things_are_no_alarm(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    ["me voy a matar", "me dio un dolor en el pecho como infarto", "se cayó mi mamá en el baño"],
)
def test_the_literal_threat_chest_and_fall_still_fire(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "ya no agarro ni la cuchara con la derecha",
        "se me caen las cosas de las manos desde ayer",
        "el brazo izquierdo se me cae solo",
        "traigo las piernas pesadísimas, no llegué ni a la puerta",
    ],
)
def test_a_limb_failing_said_by_what_it_drops_or_its_weight_is_weakness(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    ["se me cayó el vaso de la mano, qué torpe", "no agarro la onda de la app", "la cena estuvo pesadísima"],
)
def test_one_drop_an_idiom_or_heavy_food_is_no_weakness(text: str) -> None:
    assert level(text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "se me fue la luz de repente y me fui al piso",
        "a mi papá se le apagó todo un momento y se cayó",
        "se me fue la luz unos segundos y no me acuerdo",
    ],
)
def test_the_lights_going_out_with_a_fall_is_a_faint(text: str) -> None:
    assert level(text) == "emergency"


def test_a_power_cut_is_no_faint() -> None:
    assert level("se me fue la luz en la casa toda la tarde") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá respira como pez fuera del agua",
        "está respirando como si se ahogara",
        "boquea y no le sale la voz",
    ],
)
def test_gasping_told_by_a_likeness_is_severe_breathlessness(text: str) -> None:
    assert level(text) == "emergency"


def test_a_swimmer_like_a_fish_is_no_gasping() -> None:
    assert level("mi nieto nada como pez en el agua") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "traigo un sueño que me caigo y llevo días estreñido",
        "mi mamá tiene una modorra que se cae, y mucha sed",
        "con un sueño q me duermo parada, y sin ir al baño",
    ],
)
def test_a_sleepiness_one_falls_over_from_is_drowsiness_not_a_fall(text: str) -> None:
    assert level(text) == "urgent"


def test_sleepy_and_then_falling_is_still_a_fall() -> None:
    assert level("tengo sueño y me caigo al caminar") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "no paro de tomar agua y llevo 4 días sin evacuar",
        "no para de beber agua y está estreñida desde el lunes",
    ],
)
def test_not_stopping_drinking_is_thirst_not_a_denial(text: str) -> None:
    assert level(text) == "urgent"


def test_drinking_no_water_is_no_thirst() -> None:
    assert level("ya no tomo agua con gas") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "me dio un dolor de cabeza de golpe, ya se calmó un poco",
        "el dolor de cabeza repentino se me alivió algo",
        "me vino de repente un dolor de cabeza horrible, ya cedió un poquito",
    ],
)
def test_eased_a_little_is_not_over(text: str) -> None:
    assert level(text) == "urgent"


def test_eased_completely_is_over() -> None:
    assert level("me dolió la cabeza de repente pero ya se me quitó") == "none"


@pytest.mark.parametrize(
    "text",
    ["chorro unas 5 veces desde ayer y sigo con la quimio", "chorrito como 6 veces hoy, con la quimio"],
)
def test_slang_for_diarrhoea_with_a_count_is_counted(text: str) -> None:
    assert level(text, context={"on_active_treatment": True}) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "la respiración cada vez peor",
        "cada día peor el aire, me agito subiendo",
        "el aliento cada día más peor",
    ],
)
def test_breath_worse_by_the_day_without_a_verb_is_worsening_breathlessness(text: str) -> None:
    assert level(text) == "urgent"


def test_traffic_worse_by_the_day_is_nothing() -> None:
    assert level("cada día peor el tráfico de la ciudad") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "vomité 4 veces en la mañana y 2 en la tarde",
        "devolví 3 veces en la madrugada y otras 3 al mediodía",
        "vomitó 2 veces en el desayuno, 2 veces en la tarde y 2 en la noche",
    ],
)
def test_counts_told_per_part_of_the_day_add_up(text: str) -> None:
    assert level(text) == "urgent"


def test_a_later_total_does_not_add() -> None:
    assert level("vomité 3 veces en la mañana y 4 en total") == "routine"


@pytest.mark.parametrize(
    "text", ["ando haciendo mucho pis estos días", "hace muchísima pipí", "echo mucha orina de noche"]
)
def test_much_pee_said_with_the_amount_first_is_polyuria(text: str) -> None:
    assert level(text) == "routine"


def test_not_much_pee_is_nothing() -> None:
    assert level("no hago mucho pis") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "no salgo del baño, llevo 8 veces hoy",
        "mi esposa ya no sale del baño, unas 9 veces desde la mañana",
        "no he salido del baño en todo el día, como 7 veces",
    ],
)
def test_living_in_the_toilet_is_diarrhoea_and_its_count_counts(text: str) -> None:
    assert level(text, context={"writer": "carer"}) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "siento dormido todo alrededor del pecho",
        "como una faja adormecida en la cintura desde ayer",
        "entumida como un cinturón a la altura del ombligo",
    ],
)
def test_a_band_of_numbness_round_the_trunk_is_a_cord_sign(text: str) -> None:
    assert level(text) == "emergency"


def test_a_tight_belt_is_no_numbness() -> None:
    assert level("el cinturón nuevo me aprieta la panza") != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "no agarro nada de lo que explica el doctor",
        "no agarro el celular cuando suena el número raro",
        "no aguanto el celular de tanto que suena",
    ],
)
def test_grasping_an_idea_or_ignoring_the_phone_is_no_weakness(text: str) -> None:
    assert level(text) == "none"


def test_falling_into_account_after_the_lights_is_realising_not_fainting() -> None:
    assert level("se me fue la luz un rato y caí en cuenta de que no había pagado") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "el pecho ya no me duele, nada más la tos me molesta",
        "ya no me arde la espalda, solo la tosecita me fastidia",
        "la garganta bien, la tos es lo que me molesta",
    ],
)
def test_the_cough_that_bothers_is_no_pain_of_a_place_named_before(text: str) -> None:
    assert level(text) == "routine"


def test_a_bothered_chest_is_still_chest_pain() -> None:
    assert level("me molesta el pecho cuando toso") == "urgent"
