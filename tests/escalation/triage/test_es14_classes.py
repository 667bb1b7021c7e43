"""Spanish emergencies told by what the person can no longer do or by what others noticed
(docs/triage.md, "Rules", "Carers" and "Languages"): the classes behind es_dev14's misses and
false alarms, each read right with sentences that are not the set's, and their near misses
(a son who does not listen, a thought of one's daughter, sleep talk, walking well) left as
they were."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, None, context)


def level(text: str, context: dict[str, Any] | None = None) -> str:
    return assess(text, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.status == "present"}


# -- a thought one cannot stop: its "no" is no denial -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no dejo de pensar en quitarme la vida",
        "no se me quita la idea de matarme",
        "no me puedo sacar de la cabeza la idea de suicidarme",
        "no paro de pensar en acabar con todo, ayúdenme",
        "desde el diagnóstico no puedo parar de pensar en morirme",
    ],
)
def test_a_thought_of_self_harm_one_cannot_stop_is_self_harm(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "self_harm" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "no puedo dejar de pensar en mi hija que vive lejos",
        "no dejo de pensar en los resultados del estudio",
        "no se me quita la idea de ir a la playa",
    ],
)
def test_a_thought_one_cannot_stop_of_anything_else_is_none(text: str) -> None:
    assert level(text) == "none"


# -- a limb that "does not mind me" does not obey ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la mano izquierda no me hace caso",
        "quise abrocharme y el brazo derecho no me hizo caso",
        "mi pierna izquierda ya no me quiere hacer caso",
        "mis piernas no me hacen caso desde anoche",
        "el pie derecho no le hacía caso a mi papá al bajar del carro",
    ],
)
def test_a_limb_that_does_not_obey_is_limb_weakness(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "limb_weakness" in present(a)


def test_a_one_sided_limb_that_does_not_obey_is_one_sided() -> None:
    a = assess("la mano derecha no me hace caso")
    assert any(f.concept == "limb_weakness" and "one_sided" in f.modifiers for f in a.findings)


@pytest.mark.parametrize(
    "text",
    [
        "mi hijo no me hace caso con las pastillas",
        "la doctora no me hizo caso",
        "el perro no me hace caso cuando lo llamo",
    ],
)
def test_a_person_or_pet_that_does_not_listen_is_none(text: str) -> None:
    assert level(text) == "none"


# -- nonsense talk and the same question again, as others noticed it -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi hija dice que le contesté puros disparates",
        "dice mi cuñada que anoche le hablé puros disparates",
        "mi esposa dice que le repetí lo mismo varias veces y no me acuerdo",
        "mi hijo me dice que le pregunté la misma cosa como cinco veces y ni cuenta me di",
        "mi papá repite la misma pregunta como mil veces y no se acuerda",
        "estaba diciendo puras incongruencias en la mañana",
    ],
)
def test_nonsense_talk_or_a_question_repeated_unremembered_is_confusion(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "confusion" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "mi esposa dice que hablo dormido puros disparates, siempre ha sido así",
        "mi marido dice que hablo entre sueños puras incoherencias jaja",
        "hablas puras incoherencias, le dije a mi hermano cuando habló de política",
        "el presidente dice puros disparates en la tele",
        "le pregunté lo mismo 2 veces a la cajera porque no le entendí",
    ],
)
def test_sleep_talk_nonsense_told_to_another_or_a_politician_is_none(text: str) -> None:
    assert level(text) == "none"


def test_what_happened_to_the_one_spoken_of_stays_theirs() -> None:
    # "le" before a verb that may be the third person's past: the neighbour bled, not me
    a = assess("a mi vecina le sangró la nariz toda la tarde, pobre")
    assert "bleeding" not in present(a)


# -- a chore one cannot do without running out of breath ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no puedo barrer la casa sin quedarme sin aire, antes no me pasaba",
        "no puedo ni ir al baño sin ahogarme, y eso es nuevo",
        "hace un mes caminaba sin problema y ahora no puedo caminar una cuadra sin ahogarme",
        "no puedo subir dos escalones sin pararme a tomar aire, hasta hace poco subía bien",
    ],
)
def test_a_chore_not_done_without_losing_breath_newly_is_urgent_dyspnea(text: str) -> None:
    a = assess(text)
    assert a.level.label == "urgent"
    assert "dyspnea" in present(a)
    assert "gait_difficulty" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "ya camino sin quedarme sin aire",
        "hoy subí las escaleras sin ahogarme, qué alegría",
    ],
)
def test_walking_without_losing_breath_is_no_dyspnea(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


# -- feeling lost, told by what the skin no longer notices ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no noto el agua caliente en las piernas",
        "desde ayer no noto cuando me tocan las piernas",
        "mi mamá dice que no nota la regadera en las piernas",
        "no percibo el frío en las dos piernas",
    ],
)
def test_the_water_or_a_touch_not_noticed_on_the_legs_is_numbness(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "numbness" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "no noto nada raro en las piernas",
        "no noto mejoría en las piernas con la crema",
    ],
)
def test_nothing_odd_or_no_improvement_noticed_is_no_lost_feeling(text: str) -> None:
    assert "numbness" not in present(assess(text))


def test_the_water_not_noticed_on_the_toes_alone_stays_routine() -> None:
    assert level("no noto el agua fría en los dedos de los pies") == "routine"


# -- the words come wrong ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "desde la mañana no me salen bien las palabras",
        "quiero decir vaso y digo una palabra por otra desde hoy",
        "mi mamá cambia las palabras sin darse cuenta desde ayer",
        "no le salen claras las palabras a mi papá",
        "iba a pedir el control y me salió otra palabra",
    ],
)
def test_words_that_come_wrong_are_speech_difficulty(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "speech_difficulty" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "el autocorrector me cambia las palabras jaja",
        "en la clase de inglés no me salen bien las palabras",
    ],
)
def test_a_phone_or_a_language_class_that_changes_words_is_none(text: str) -> None:
    assert level(text) == "none"


# -- the whole body shaken ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se quedó mirando a la pared y luego se sacudió toda",
        "se le sacudió todo el cuerpo a mi papá en el sillón",
        "empecé a sacudirme sin control y me mordí la lengua",
        "dice mi esposa que me sacudía entero de pies a cabeza",
    ],
)
def test_the_whole_body_shaken_is_a_seizure(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "seizure" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "me sacudí toda la arena al salir del mar",
        "sacudí toda la casa hoy",
        "me sacudí el polvo de la ropa",
    ],
)
def test_sand_dust_or_a_house_shaken_is_none(text: str) -> None:
    assert level(text) == "none"


# -- clots in the urine; blood from brushing the teeth ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "orino con cuajarones desde ayer",
        "mi pipí viene con coágulos",
        "la orina le sale con coagulitos a mi esposo",
        "hice pipí roja y con coágulos",
    ],
)
def test_clots_in_the_urine_are_a_large_bleed(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "bleeding" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "le sangran las encías cuando se cepilla",
        "me salió una gotita de sangre al lavarme los dientes",
        "sale un poco de sangre cuando uso el hilo dental",
    ],
)
def test_blood_on_brushing_the_teeth_is_a_small_bleed_not_the_lungs(text: str) -> None:
    a = assess(text)
    assert a.level.label == "routine"
    assert "hemoptysis" not in present(a)


def test_blood_coughed_stays_the_lungs() -> None:
    assert "hemoptysis" in present(assess("al toser me sale un poco de sangre"))
