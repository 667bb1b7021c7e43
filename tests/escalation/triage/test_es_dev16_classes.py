"""Spanish classes behind es_dev16's misses (docs/triage.md, "Concepts", "Rules" and
"Languages"): a reading the temperature word follows ("39 de temperatura"), sight that
stopped ("dejé de ver por el ojo izquierdo"), and the Spanish "can't" before an English breath
("no puedo catch my breath"); each read right with sentences that are not the set's, and their
near misses (a series one stopped watching, a normal reading, a room's heat) left as they were."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message


def assess(text: str, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, None, context)


def level(text: str, context: dict[str, Any] | None = None) -> str:
    return assess(text, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.status == "present"}


def mods(a: Assessment, concept: str) -> set[str]:
    return {m for f in a.findings if f.concept == concept and f.status == "present" for m in f.modifiers}


# -- a number the temperature word follows is its reading -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "39 de temperatura desde anoche",
        "38.6 de temperatura hace un rato",
        "101 de temperatura y escalofríos no",
        "hoy 39 y medio de calentura",
    ],
)
def test_a_high_number_the_temperature_word_follows_is_read_as_a_fever(text: str) -> None:
    a = assess(text)
    assert a.level.label == "urgent"
    assert "fever" in present(a)


def test_a_low_grade_number_before_the_temperature_word_is_read_as_low_grade() -> None:
    a = assess("37.8 de temperatura esta tarde")
    assert mods(a, "fever") == {"low_grade"}
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "36.5 de temperatura, todo bien",
        "37 de temperatura esta mañana",
        "tengo 40 años y la temperatura normal",
        "hace 39 de temperatura afuera, qué calor",
        "estamos a 38 de temperatura en la calle",
    ],
)
def test_a_normal_reading_an_age_or_the_weather_before_the_temperature_word_is_read_as_no_fever(
    text: str,
) -> None:
    assert "fever" not in present(assess(text))


# -- sight that stopped ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "de golpe dejé de ver por el ojo derecho",
        "de pronto dejó de ver de un ojo hace una hora, estoy asustada",
        "dejé de ver del ojo izquierdo unos minutos",
        "deje de ver bien con el ojo derecho",
    ],
)
def test_one_eye_that_stopped_seeing_is_read_as_a_one_sided_vision_change(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "one_sided" in mods(a, "vision_change")


@pytest.mark.parametrize(
    "text",
    [
        "dejé de ver bien",
        "de repente dejé de ver por los dos ojos un momento",
    ],
)
def test_sight_that_stopped_without_a_side_is_read_as_a_vision_change(text: str) -> None:
    assert "vision_change" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "dejé de ver la novela, me aburrió",
        "dejé de ver a mi hermana hace años",
        "dejó de ver al doctor de antes",
        "dejé de ver de repente esa serie",
        "se me fue la vista al celular mientras cocinaba",
    ],
)
def test_stopping_seeing_a_programme_or_a_person_is_read_as_no_vision_change(text: str) -> None:
    a = assess(text)
    assert "vision_change" not in present(a)
    assert a.level.label != "emergency"


def test_sight_gone_from_one_eye_is_read_as_one_sided() -> None:
    a = assess("se me fue la vista del ojo derecho")
    assert a.level.label == "emergency"
    assert "one_sided" in mods(a, "vision_change")


# -- the Spanish "can't" before an English breath --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no puedo breathe, ayuda",
        "ya no puedo catch my breath ni acostada",
        "mi mamá no puede get air, se está poniendo morada",
        "casi no puedo catch my breath",
    ],
)
def test_the_spanish_cant_before_an_english_breath_is_read_as_severe_breathlessness(text: str) -> None:
    a = assess(text)
    assert a.level.label == "emergency"
    assert "breathing" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "no me falta el aire, puedo breathe bien",
        "puedo catch my breath sin problema",
    ],
)
def test_an_english_breath_one_can_catch_is_read_as_no_emergency(text: str) -> None:
    assert level(text) != "emergency"


# -- walking as if drunk, told with "me hubiera bebido" --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me duele la espalda y camino como si me hubiera tomado una botella",
        "anda como si se hubiera bebido todo el bar, y no tomó nada",
        "camino como si fuera borracha desde ayer",
    ],
)
def test_walking_as_if_drunk_is_read_as_a_gait_difficulty(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level.label == "emergency"


def test_drinking_as_if_it_were_water_is_read_as_no_gait_difficulty() -> None:
    assert level("me tomé el jugo como si fuera agua") == "none"


# -- a face come up round, a limb thicker than its pair, a collar's button ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "amanecí cachetona y me cuesta respirar",
        "se me puso la cara muy cachetuda y me falta el aire",
    ],
)
def test_a_face_come_up_round_with_breathlessness_is_read_as_svc_with_airway(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert a.level.label == "emergency"


def test_a_round_face_alone_is_read_as_urgent_svc() -> None:
    assert level("tengo la cara bien cachetona desde el lunes") == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "la pantorrilla derecha está más gruesa que la otra",
        "tengo la pierna izquierda más ancha que la derecha",
    ],
)
def test_a_leg_thicker_than_its_pair_is_read_as_a_swollen_leg(text: str) -> None:
    a = assess(text)
    assert "leg_swelling" in present(a)
    assert a.level.label == "urgent"


def test_a_thick_leg_with_chest_pain_is_read_as_a_clot() -> None:
    a = assess("la pierna derecha está más gruesa que la otra y me duele el pecho")
    assert "clot" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "esta foto salió más grande que la otra",
        "la letra de la receta está más grande que la otra",
    ],
)
def test_a_thing_bigger_than_another_is_read_as_none(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "ya no me abrocha el primer botón de la camisa",
        "no me cierra el botón del cuello y eso que no engordé",
    ],
)
def test_a_collar_button_that_no_longer_closes_is_read_as_neck_swelling(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert a.level.label == "urgent"


def test_a_trouser_button_that_no_longer_closes_is_read_as_no_neck_swelling() -> None:
    assert "face_neck_swelling" not in present(assess("no me cierra el botón del pantalón"))


# -- Chile's "buitrear", a reading in words without its "point" --------------------------------


@pytest.mark.parametrize("text", ["buitrié toda la noche, siete veces", "estoy buitreando desde la quimio"])
def test_buitrear_is_read_as_vomiting(text: str) -> None:
    assert "vomiting" in present(assess(text))


def test_a_vulture_is_read_as_none() -> None:
    assert level("vimos un buitre en la carretera") == "none"


@pytest.mark.parametrize("text", ["treinta y ocho cinco esta mañana", "anoche treinta y nueve uno"])
def test_a_temperature_in_words_with_its_tenth_is_read_as_a_fever(text: str) -> None:
    assert "fever" in present(assess(text))


def test_thirty_seven_and_a_tenth_in_words_is_read_as_no_fever() -> None:
    assert "fever" not in present(assess("treinta y siete dos nada más"))


# -- asleep wherever one sits ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me quedo dormida en cualquier lado, hasta viendo la tele",
        "se duerme en cualquier parte desde el viernes",
    ],
)
def test_falling_asleep_anywhere_is_read_as_drowsiness(text: str) -> None:
    a = assess(text)
    assert "drowsiness" in present(a)
    assert a.level.label == "urgent"


def test_a_baby_who_sleeps_anywhere_is_read_as_someone_elses() -> None:
    assert level("mi nieto se duerme en cualquier lado, es un bebé") == "none"


# -- good as new, not new --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "corrí al colectivo y quedé sin aire, pero a los dos minutos como nueva",
        "me dolió la cabeza un rato, después quedé como nuevo",
    ],
)
def test_good_as_new_after_a_symptom_is_read_as_resolved(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", ["me falta el aire, es algo nuevo", "tengo un dolor nuevo en la espalda"])
def test_a_new_symptom_is_still_read_as_new(text: str) -> None:
    a = assess(text)
    assert any("new" in f.modifiers for f in a.findings if f.status == "present")


# -- the clitic before "preocupar si" -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "¿me tengo que preocupar si me sangran las encías?",
        "¿nos debemos alarmar si le da fiebre?",
        "¿es para preocuparse si me duele la cabeza al toser?",
    ],
)
def test_should_i_worry_if_with_the_clitic_first_is_read_as_hypothetical(text: str) -> None:
    assert level(text) == "none"


def test_a_worry_then_a_symptom_is_read_as_present() -> None:
    assert level("me debo preocupar, me sangra la nariz y no para") == "emergency"


# -- what has not come back since --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el dolor de pecho de la semana pasada no ha vuelto",
        "la fiebre no me ha vuelto a dar",
        "tuve diarrea el lunes y tampoco volvió",
    ],
)
def test_a_symptom_that_has_not_come_back_is_read_as_over(text: str) -> None:
    assert level(text) == "none"


def test_a_fever_that_has_not_come_down_again_is_read_as_present() -> None:
    assert "fever" in present(assess("la fiebre no ha vuelto a bajar"))


# -- tiredness, appetite and weight said the everyday way --------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("ando sin pilas desde el ciclo", "fatigue"),
        ("me canso hasta de vestirme", "fatigue"),
        ("la comida ya no me llama", "appetite_loss"),
        ("no me provoca nada de comer", "appetite_loss"),
        ("no me entra ni medio plato", "appetite_loss"),
        ("los pantalones se me caen", "weight_loss"),
        ("tuve que hacerle otro hoyo a la correa", "weight_loss"),
    ],
)
def test_everyday_tiredness_appetite_and_weight_are_read_as_routine(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "el control de la tele está sin pilas",
        "no me llama nadie desde el lunes",
        "se me cayó el pantalón del tendedero",
    ],
)
def test_batteries_calls_and_laundry_are_read_as_none(text: str) -> None:
    assert level(text) == "none"


# -- "más" after a number adds to the count already said ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "diarrea 4 veces en la mañana y en la tarde 3 más",
        "en la mañana 5 veces y en la noche 2 más, todo líquido",
        "diarrea 4 veces en la mañana y 3 más en la tarde",
    ],
)
def test_a_number_more_after_a_count_is_added_to_it(text: str) -> None:
    a = assess(text)
    assert a.level.label == "urgent"
    assert "diarrhea" in a.rules


@pytest.mark.parametrize("text", ["diarrea 3 veces, me tomé 2 pastillas más", "diarrea dos veces, nada más"])
def test_mas_that_adds_no_count_is_read_as_routine(text: str) -> None:
    assert level(text) == "routine"


# -- "está en 8" past what names the pain's place -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el dolor de la pierna donde tengo la lesión está en 8",
        "el dolor del hombro que me operaron está en 9",
    ],
)
def test_a_score_said_with_esta_en_past_a_relative_clause_is_read_as_severe(text: str) -> None:
    a = assess(text)
    assert "pain-severe" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "el dolor de la rodilla que me operaron hace 3 años está en 8",
        "me duele el brazo y la presión está en 9",
        "el dolor de la pierna donde me caí está en 3",
    ],
)
def test_another_number_or_a_low_score_is_read_as_no_severe_pain(text: str) -> None:
    assert "pain-severe" not in assess(text).rules


# -- a few marks of blood, to a question about blood ----------------------------------------


def answer(text: str, question: str) -> Assessment:
    return default_engine("es").assess(text, question, None)


@pytest.mark.parametrize(
    "text", ["unas pintitas nomás", "nomás unas rayitas en la flema", "apenas unos puntitos"]
)
def test_a_few_marks_to_a_blood_question_are_read_as_a_yes(text: str) -> None:
    a = answer(text, "¿Ha tosido sangre?")
    assert a.level.label == "urgent"
    assert "hemoptysis" in present(a)


@pytest.mark.parametrize("text", ["ni unas pintitas", "no, ni una gotita"])
def test_not_even_a_mark_to_a_blood_question_is_read_as_a_no(text: str) -> None:
    assert answer(text, "¿Ha tosido sangre?").level.label == "none"


def test_a_few_marks_to_a_fever_question_are_read_as_no_answer() -> None:
    assert "fever" not in present(answer("unas pintitas en la piel", "¿Tiene fiebre?"))


# -- more than usual, said apart from its "más" ------------------------------------------------


def test_a_yes_to_breathless_more_than_usual_is_read_as_worsening() -> None:
    a = answer("sí, un poco", "¿Le falta más el aire que de costumbre?")
    assert "dyspnea-new" in a.rules


def test_breath_that_lasts_less_is_read_as_breathlessness() -> None:
    a = assess("el aliento me dura cada vez menos cuando subo")
    assert "dyspnea" in present(a)


@pytest.mark.parametrize("text", ["el dinero me dura menos", "la batería del celular me dura poco"])
def test_money_or_a_battery_that_lasts_less_is_read_as_none(text: str) -> None:
    assert level(text) == "none"


# -- hot flushes, and fainting at a price ----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["tengo sofocos en la noche", "me vienen unos bochornos desde las pastillas"]
)
def test_hot_flushes_are_read_as_routine(text: str) -> None:
    assert level(text) == "routine"


@pytest.mark.parametrize(
    "text", ["qué bochorno hace hoy", "casi me muero cuando vi la cuenta del súper jaja"]
)
def test_the_weather_or_a_bill_is_read_as_none(text: str) -> None:
    assert level(text) == "none"


def test_nearly_fainting_in_a_queue_is_still_read_as_routine() -> None:
    assert level("casi me desmayo en la fila del banco") == "routine"


def test_a_few_marks_to_a_how_much_question_are_read_as_no_large_amount() -> None:
    a = answer("hilitos nomás, como rayitas", "¿Cuánta sangre: hilitos, una cucharadita, más?")
    assert a.level.label != "emergency"


# -- sore as if bruised inside ----------------------------------------------------------------


def test_a_bruise_felt_inside_the_chest_is_read_as_chest_pain() -> None:
    a = assess("es como un moretón por dentro en el pecho, leve")
    assert "chest_pain" in present(a)


@pytest.mark.parametrize("text", ["la fruta llegó magullada", "tengo un moretón en el brazo por la vía"])
def test_bruised_fruit_or_a_bruise_seen_is_read_as_no_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" not in present(a)
    assert a.level.label != "urgent"


# -- less than before: a faculty lost, never a worsening of what is less ---------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("peso bastante menos que el mes pasado", "weight_loss"),
        ("estoy comiendo mucho menos", "appetite_loss"),
        ("veo cada vez menos de un ojo", "vision_change"),
    ],
)
def test_less_than_one_did_is_read_as_the_loss(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_less_strength_in_the_legs_is_read_as_limb_weakness() -> None:
    a = assess("tengo cada vez menos fuerza en las piernas")
    assert "limb_weakness" in present(a)
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "me duele la espalda menos que antes",
        "el dolor de cabeza está mejor que ayer",
        "me duele el cuello menos que la semana pasada",
    ],
)
def test_a_pain_less_or_better_than_before_is_read_as_no_worsening(text: str) -> None:
    a = assess(text)
    assert a.level.label == "routine"
    assert not any("worsening" in f.modifiers for f in a.findings)


def test_a_pain_more_than_before_is_still_read_as_worsening() -> None:
    assert "spinal-pain-flags" in assess("me duele la espalda más que antes").rules


def test_less_time_than_before_is_read_as_none() -> None:
    assert level("tengo menos tiempo que antes para caminar con mis amigas") == "none"


# -- blood in the handkerchief or the phlegm, after a cough named before ----------------------------


def talk(*texts: str) -> Assessment:
    start = datetime(2026, 5, 4, 8, tzinfo=UTC)
    messages = [Message(t, start + timedelta(minutes=30 * i)) for i, t in enumerate(texts)]
    return ConversationReader(default_engine("es")).read(messages).assessment


@pytest.mark.parametrize(
    "second",
    [
        "y ahora unas rayitas de sangre en el pañuelo",
        "vi sangre en la flema, poquita",
        "la tos sigue, ahora con sangre en ella",
    ],
)
def test_blood_in_what_one_coughs_into_after_a_cough_is_read_as_hemoptysis(second: str) -> None:
    a = talk("tengo una tos que no se me quita", second)
    assert "hemoptysis" in present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "second",
    [
        "me sangró la nariz y quedó sangre en el pañuelo",
        "y un poco de sangre en el papel del baño",
    ],
)
def test_blood_from_the_nose_or_the_toilet_after_a_cough_is_read_as_plain_bleeding(second: str) -> None:
    a = talk("tengo tos desde el lunes", second)
    assert "hemoptysis" not in present(a)


def test_blood_in_the_phlegm_with_breathlessness_before_is_read_as_hemoptysis() -> None:
    a = talk("me falta el aire al caminar", "y unas pintitas de sangre en la flema")
    assert "hemoptysis" in present(a)
