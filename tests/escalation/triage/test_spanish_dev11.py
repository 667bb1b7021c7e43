"""Spanish classes a writer of hard messages found missing: strength said absent ("nada
terrible"), laughter killing nobody ("me mato a reír"), words of travel that are a numbness
passing or a swelling going down, the reflexive loss of feeling ("no se siente las piernas"),
the thermometer's reading asked for, things seen or heard that are not there, breathless even
standing, a mouth filled with blood. Each with fresh wordings and a near miss. Our own
sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

CARER = {"writer": "carer"}
THERMOMETER = "¿Cuánto le marca el termómetro?"


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


@pytest.mark.parametrize(
    "text", ["tengo dolor de cabeza, nada fuerte", "me duele un poquito la espalda, para nada terrible"]
)
def test_strength_said_to_be_absent_is_no_severity(text: str) -> None:
    assert level(text) == "routine"


def test_a_pain_nothing_takes_away_is_still_severe_when_said_so() -> None:
    assert level("me duele la cabeza horrible y nada me la quita") == "urgent"


@pytest.mark.parametrize(
    "text", ["me mato a reír con los videos de mi nieta", "nos morimos de reír en la cena"]
)
def test_laughter_that_kills_is_a_figure_of_speech(text: str) -> None:
    assert level(text) == "none"


def test_killing_oneself_said_plainly_is_still_self_harm() -> None:
    assert level("a veces pienso que me mato y ya, no aguanto") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "en las mañanas se me duermen las yemas de los dedos y luego se me pasa",
        "la hinchazón del tobillo ya se me bajó",
    ],
)
def test_a_numbness_that_passes_or_a_swelling_gone_down_travels_nowhere(text: str) -> None:
    a = assess(text)
    assert "radicular_pain" not in {f.concept for f in a.present}
    assert a.level.label != "emergency"


def test_pain_that_goes_down_the_leg_still_travels() -> None:
    a = assess("me duele la cintura y el dolor me baja hasta el pie")
    assert "radicular_pain" in {f.concept for f in a.present}


@pytest.mark.parametrize(
    "text", ["no se siente las piernas desde ayer", "ya no se siente la panza ni las piernas"]
)
def test_the_reflexive_loss_of_feeling_in_the_legs_is_a_cord_sign(text: str) -> None:
    assert level(text, context=CARER) == "emergency"


@pytest.mark.parametrize("text", ["no se siente bien hoy", "no se siente con ánimo de salir"])
def test_not_feeling_well_reflexively_names_no_lost_feeling(text: str) -> None:
    assert level(text, context=CARER) != "emergency"


@pytest.mark.parametrize(("answer", "want"), [("39", "urgent"), ("38,4", "urgent"), ("36.5", "none")])
def test_the_thermometers_reading_answers_a_question_about_it(answer: str, want: str) -> None:
    assert level(answer, THERMOMETER) == want


@pytest.mark.parametrize(
    "text",
    [
        "mi papá anda viendo bichos que no existen en la pared",
        "mi tía conversa con gente que nadie ve",
        "habla con su esposo que falleció como si estuviera en la sala",
    ],
)
def test_seeing_or_talking_to_what_is_not_there_is_confusion(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in {f.concept for f in a.present}


def test_a_politician_talking_nonsense_is_not_confusion() -> None:
    assert level("ese diputado dice puras tonterías en la tele") == "none"


@pytest.mark.parametrize("text", ["me falta el aire hasta parado", "me ahogo aun de pie, sin caminar"])
def test_breathless_even_standing_still_is_at_rest(text: str) -> None:
    assert level(text) == "emergency"


def test_tired_after_standing_long_in_a_queue_is_no_breathlessness() -> None:
    assert level("me canso de estar parada tanto rato en la fila") != "emergency"


@pytest.mark.parametrize(
    "text", ["tosí y se me llenó la boca de sangre", "me llené la boca de sangre al toser"]
)
def test_a_mouth_filled_with_blood_is_a_large_amount(text: str) -> None:
    assert level(text) == "emergency"


def test_a_few_specks_of_blood_when_coughing_stay_urgent() -> None:
    assert level("tosí y salieron unas pintitas de sangre") == "urgent"


@pytest.mark.parametrize(
    "text", ["respira muy agitado desde la mañana", "respiro con dificultad al vestirme"]
)
def test_breathing_said_laboured_is_breathlessness(text: str) -> None:
    assert "dyspnea" in {f.concept for f in assess(text).present}


def test_a_swollen_face_with_breath_heard_is_the_airway_emergency() -> None:
    a = assess("se me hinchó la cara y respiro con un silbidito raro")
    assert "svc-airway" in a.rules


def test_breathing_said_calm_is_nothing() -> None:
    assert level("respira tranquilo, sin problema") == "none"


def test_a_fit_said_in_the_perfect_is_a_seizure() -> None:
    assert level("a mi padre le ha dado un ataque y se quedó rígido", context=CARER) == "emergency"


@pytest.mark.parametrize(
    "text", ["me ha dado un ataque de tos horrible", "le ha dado un ataque de risa en la boda"]
)
def test_a_fit_of_something_in_the_perfect_is_not_a_seizure(text: str) -> None:
    assert level(text) != "emergency"
