"""Spanish classes a tenth writer found the engine missing: a sore place said "fatal", breath
said worse, a swelling said big ("hinchadaza"), a past swelling now gone, blood and counts in
answers to check-in questions, and the carer who says the symptom is their own. Each class
with fresh phrasings and a near miss that must not fire. Our own sentences, never a bench's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

CARER = {"writer": "carer"}
CAN_WALK = "¿Puede caminar con normalidad?"
COUGH_HOW = "¿Qué tal va la tos?"
DIARRHEA = "¿Ha tenido diarrea?"
VOMITING = "¿Ha vomitado?"


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.present}


def finding(a: Assessment, concept: str) -> Any:
    return next(f for f in a.present if f.concept == concept)


# --- a neck said "fatal" or "hecho polvo" is neck pain -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "desde el lunes ando con el cuello fatal y se me adormece la mano izquierda",
        "tengo la nuca hecha polvo y las piernas flojas",
        "el cuello lo tengo fatal, y hormigueo en los dedos de una mano",
    ],
)
def test_a_neck_said_to_be_in_a_bad_way_with_numbness_or_weakness_is_cord_compression(text: str) -> None:
    a = assess(text)
    assert "neck_pain" in present(a)
    assert "mscc-neuro" in a.rules


@pytest.mark.parametrize(
    "text", ["traigo el cogote fatal", "las cervicales hechas polvo", "el pescuezo destrozado"]
)
def test_regional_words_for_the_neck_said_in_a_bad_way_are_neck_pain(text: str) -> None:
    assert "neck_pain" in present(assess(text))


def test_a_wry_neck_with_a_tingling_hand_is_cord_compression() -> None:
    assert "mscc-neuro" in assess("desde ayer con tortícolis y me hormiguean los dedos").rules


def test_someone_elses_wry_neck_is_theirs() -> None:
    assert assess("mi nieto amaneció con tortícolis").level.label == "none"


@pytest.mark.parametrize(
    "text",
    [
        "el cuello de la camisa nueva me queda fatal",
        "el cuello de la blusa está fatal de arrugado",
        "no tengo el cuello fatal, ya está mejor",
    ],
)
def test_a_collar_that_fits_badly_or_a_neck_denied_is_no_neck_pain(text: str) -> None:
    assert "neck_pain" not in present(assess(text))


# --- breathing said worse is worsening breathlessness -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "estoy respirando peor desde el domingo",
        "la respiración la noto más mal que hace unos días",
        "respira peor mi papá, sobre todo al subir",
    ],
)
def test_breathing_said_worse_is_worsening_breathlessness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "dyspnea" in present(a)
    assert "worsening" in finding(a, "dyspnea").modifiers
    assert a.level.label in ("urgent", "emergency")


@pytest.mark.parametrize(
    "text",
    [
        "mi respiración ha ido empeorando",
        "empeoró la respiración desde el martes",
        "respiro cada vez más difícil",
        "me fatigo más para respirar",
    ],
)
def test_breathing_said_to_have_worsened_is_worsening_breathlessness(text: str) -> None:
    a = assess(text)
    assert "worsening" in finding(a, "dyspnea").modifiers
    assert "dyspnea-new" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "respiro mejor desde que me cambiaron el inhalador",
        "no respiro peor que antes, todo igual",
        "la respiración de mi vecino está peor, pobre",
    ],
)
def test_breathing_better_the_same_or_someone_elses_is_no_worsening(text: str) -> None:
    a = assess(text)
    assert "dyspnea" not in present(a)
    assert a.level.label in ("none", "routine")


# --- a swelling said big ("-aza", "-ote") is the swelling -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo la pantorrilla hinchadaza y me falta el aire",
        "la pierna izquierda hinchadota y me ahogo al caminar",
    ],
)
def test_a_swelling_said_big_with_breathlessness_is_a_clot(text: str) -> None:
    a = assess(text)
    assert "leg_swelling" in present(a)
    assert "clot" in a.rules


@pytest.mark.parametrize(
    "text", ["me dieron un pedazo de pastel", "le di un abrazo a mi nieta", "qué golpazo de calor"]
)
def test_everyday_words_that_end_the_same_way_are_no_finding(text: str) -> None:
    assert assess(text).level.label == "none"


# --- a swelling or a pain that used to come and now does not is over ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "con el primer ciclo se me hinchaban los tobillos, ahora no",
        "antes de la radio me dolía el pecho, pero ahora ya no",
        "los mareos que me daban con la morfina ya no me dan",
    ],
)
def test_what_used_to_happen_and_now_does_not_is_over(text: str) -> None:
    a = assess(text)
    assert not a.present
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text", ["el domingo tuve escalofríos, hoy no", "anoche me dolía la cabeza, hoy ya no"]
)
def test_what_was_there_yesterday_and_not_today_is_over(text: str) -> None:
    assert not assess(text).present


@pytest.mark.parametrize(
    "text",
    [
        "me duele el pecho y ahora no puedo respirar",
        "se me hincha la pierna y ahora no me entra el zapato",
    ],
)
def test_a_now_that_goes_on_to_say_what_cannot_be_done_is_no_ending(text: str) -> None:
    assert assess(text).level.label in ("urgent", "emergency")


def test_legs_that_no_longer_carry_are_still_weakness() -> None:
    assert "limb_weakness" in present(assess("las piernas ya no me dan"))


# --- "para nada" after a finding said in the negative is "at all" ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá no puede caminar para nada",
        "ya no me responden las piernas para nada",
        "no siento nada las piernas, nada",
        "no logro respirar para nada",
    ],
)
def test_at_all_after_a_finding_said_in_the_negative_keeps_it(text: str) -> None:
    assert assess(text, context=CARER).level.label == "emergency"


@pytest.mark.parametrize("text", ["dolor de espalda para nada", "fiebre para nada", "náuseas para nada"])
def test_para_nada_after_a_plain_finding_denies_it(text: str) -> None:
    assert not assess(text).present


# --- "not any more" to whether one walks normally is the trouble ---------------------------


@pytest.mark.parametrize(
    "text", ["ya no", "ahora no", "ahora ya no", "hoy no", "ya no más", "ya no desde el sábado"]
)
def test_not_any_more_to_can_you_walk_normally_is_gait_difficulty(text: str) -> None:
    a = assess(text, CAN_WALK)
    assert "gait_difficulty" in present(a)
    assert a.level.label == "emergency"


@pytest.mark.parametrize("text", ["ya no", "ahora no"])
def test_not_any_more_to_a_symptom_question_denies_it(text: str) -> None:
    assert not assess(text, "¿Tiene tos?").present


def test_not_any_more_inside_a_sentence_still_denies_what_follows() -> None:
    assert not assess("ya no me sale sangre al toser").present


# --- blood in an answer about the cough comes from the lungs -------------------------------


@pytest.mark.parametrize(
    "text",
    ["parecido, aunque hoy salió con sangre, casi una taza", "peor, y con sangre, un vaso casi lleno"],
)
def test_much_blood_in_an_answer_about_the_cough_is_major_hemoptysis(text: str) -> None:
    a = assess(text, COUGH_HOW)
    assert "hemoptysis" in present(a)
    assert "hemoptysis-major" in a.rules


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("sí, y ahora le salen cuajarones", "¿Sigue con tos tu papá?"),
        ("peor, con coágulos", COUGH_HOW),
        ("escupe coágulos cuando tose", None),
        ("me salieron unos cuajos al toser", None),
    ],
)
def test_clots_coughed_up_are_major_hemoptysis(text: str, question: str | None) -> None:
    a = assess(text, question, CARER)
    assert "hemoptysis" in present(a)
    assert "hemoptysis-major" in a.rules


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("sí, pero sin coágulos", COUGH_HOW),
        ("tomo pastillas para los coágulos", None),
        ("la regla vino con coágulos", None),
    ],
)
def test_no_clots_or_clots_elsewhere_are_no_hemoptysis(text: str, question: str | None) -> None:
    assert "hemoptysis" not in present(assess(text, question))


def test_a_little_blood_in_an_answer_about_the_cough_is_hemoptysis() -> None:
    a = assess("igual que ayer pero ahora con sangre", COUGH_HOW)
    assert "hemoptysis" in present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    ["igual que ayer, sin nada de sangre", "mejor, y la sangre de la nariz ya paró"],
)
def test_no_blood_or_blood_from_elsewhere_in_an_answer_about_the_cough_is_no_hemoptysis(text: str) -> None:
    assert "hemoptysis" not in present(assess(text, COUGH_HOW))


# --- a count after the yes says how many times ----------------------------------------------


@pytest.mark.parametrize("text", ["sí, unas 8 veces desde ayer", "si, como 10 veces hoy", "sí. siete veces"])
def test_a_count_after_a_yes_to_diarrhea_is_how_many_times(text: str) -> None:
    a = assess(text, DIARRHEA)
    assert finding(a, "diarrhea").count >= 7
    assert "diarrhea" in a.rules


@pytest.mark.parametrize(
    "text", ["sí, dos veces", "sí, me tomé la pastilla 8 veces", "sí, desde hace 8 días"]
)
def test_few_times_or_a_number_of_something_else_is_no_count(text: str) -> None:
    a = assess(text, DIARRHEA)
    assert "diarrhea" in present(a)
    assert "diarrhea" not in a.rules


def test_a_count_after_a_yes_to_vomiting_is_how_many_times() -> None:
    a = assess("sí, unas 6 veces", VOMITING)
    assert finding(a, "vomiting").count == 6
    assert "vomiting" in a.rules


# --- a carer who says "the one with it is me" -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi papá sigue bien, la que anda con fiebre soy yo",
        "mi esposo está tranquilo; el que tiene dolor de cabeza soy yo",
        "la que devolvió anoche fui yo, mi papá durmió bien",
    ],
)
def test_a_carer_who_says_the_one_with_it_is_them_keeps_it_their_own(text: str) -> None:
    a = assess(text, context=CARER)
    assert not a.present
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text",
    ["hola soy yo de nuevo mi mamá no puede caminar", "la que tose soy yo, pero mi papá no puede caminar"],
)
def test_a_greeting_or_the_carers_own_clause_leaves_the_patients_findings(text: str) -> None:
    a = assess(text, context=CARER)
    assert "gait_difficulty" in present(a)
    assert a.level.label == "emergency"


# --- the person a message is said to be about or for is "she" or "he" after ---------------


@pytest.mark.parametrize(
    "text",
    [
        "perdón, eso era para mi cuñada, ella es la que tiene fiebre",
        "me refería a mi hermana, ella no puede caminar desde ayer",
        "el mensaje era para mi prima, ella anda con tos",
    ],
)
def test_a_person_the_message_is_said_to_be_for_is_who_has_it(text: str) -> None:
    a = assess(text)
    assert not a.present
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text",
    ["le escribo por mi esposo, él no puede caminar", "soy la hija de Carmen, ella no puede caminar"],
)
def test_a_carer_writing_on_someones_behalf_still_writes_of_the_patient(text: str) -> None:
    assert assess(text).level.label == "emergency"


def test_a_carer_named_as_such_keeps_the_person_the_patient() -> None:
    a = assess("era para mi mamá, ella no puede caminar", context=CARER)
    assert a.level.label == "emergency"


# --- conversations: a correction gives the finding to the person named ----------------------


def _talk(*texts: str, context: dict[str, Any] | None = None) -> Assessment:
    start = datetime(2026, 6, 1, 9, tzinfo=UTC)
    messages = [Message(t, start + timedelta(minutes=4 * i), None, context) for i, t in enumerate(texts)]
    return ConversationReader(default_engine("es")).read(messages).assessment


@pytest.mark.parametrize(
    "texts",
    [
        ("me falta el aire", "uy no, perdón, era para mi cuñada, ella es la que se ahoga"),
        ("tengo diarrea", "ay no, me equivoqué de chat, era de mi hermana, ella anda con diarrea, yo no"),
    ],
)
def test_a_correction_that_names_who_it_was_for_takes_it_from_the_patient(texts: tuple[str, str]) -> None:
    a = _talk(*texts)
    assert not any(f.present for f in a.findings)
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "texts",
    [("Mi papá tuvo fiebre anoche", "yo estoy perfecta"), ("mi mamá tose mucho", "y yo bien, gracias")],
)
def test_a_parent_named_then_the_writer_well_is_someone_else(texts: tuple[str, str]) -> None:
    assert _talk(*texts).level.label == "none"


def test_a_parent_named_by_a_carer_then_the_carer_well_is_still_the_patient() -> None:
    a = _talk("mi papá no puede mover las piernas", "yo estoy bien", context=CARER)
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "texts",
    [("me duele mucho el pecho", "yo estoy bien"), ("Mi mamá no puede caminar", "yo estoy preocupada")],
)
def test_the_writers_own_finding_or_worry_is_not_given_away(texts: tuple[str, str]) -> None:
    assert _talk(*texts).level.label != "none"


@pytest.mark.parametrize("texts", [("Mi mamá está bien", "el que anda con fiebre soy yo, ja")])
def test_a_carer_who_says_after_that_the_one_with_it_is_them_keeps_it_their_own(
    texts: tuple[str, str],
) -> None:
    assert _talk(*texts, context=CARER).level.label == "none"


# --- weight lost said with the amount in words ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["este mes rebajé unos cuantos kilos", "he perdido cuatro kilos sin querer", "ya llevo seis kilos menos"],
)
def test_kilos_lost_said_in_words_are_weight_loss(text: str) -> None:
    assert "weight_loss" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["subí tres kilos en las fiestas", "tengo dos kilos más que antes", "no he bajado ni dos kilos"]
)
def test_kilos_gained_or_denied_are_no_weight_loss(text: str) -> None:
    assert "weight_loss" not in present(assess(text))


# --- "de nada", "por nada": from next to nothing, for no reason, is no denial ---------------


@pytest.mark.parametrize(
    "text",
    ["se me hinchó la pantorrilla y me ahogo de nada", "la pierna hinchada, y se agita por nada"],
)
def test_breathless_from_nothing_with_a_swollen_calf_is_a_clot(text: str) -> None:
    assert "clot" in assess(text).rules


def test_chest_pain_for_no_reason_is_chest_pain() -> None:
    assert "chest_pain" in present(assess("me da un dolor en el pecho por nada"))


@pytest.mark.parametrize("text", ["de fiebre nada", "de falta de aire nada", "dolor de pecho nada"])
def test_nothing_said_of_the_finding_still_denies_it(text: str) -> None:
    assert not assess(text).present


# --- with an earlier round of treatment, and not with this one, is over ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "con la primera quimio me dio fiebre, con esta no",
        "en el ciclo anterior me sangró la nariz, en este no",
        "la vez pasada se me hinchó el tobillo, esta vez no",
    ],
)
def test_a_symptom_of_an_earlier_round_not_had_with_this_one_is_over(text: str) -> None:
    a = assess(text, context={"on_active_treatment": True})
    assert not a.present
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text", ["tengo fiebre y con este paracetamol no baja", "me duele la espalda y esta no se me quita"]
)
def test_a_this_that_goes_on_to_say_it_does_not_pass_is_no_ending(text: str) -> None:
    assert assess(text).level.label in ("urgent", "emergency")


def test_not_this_time_to_can_you_walk_normally_is_gait_difficulty() -> None:
    assert "gait_difficulty" in present(assess("esta vez no", CAN_WALK))
