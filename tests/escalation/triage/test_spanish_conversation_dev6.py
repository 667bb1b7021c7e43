"""Spanish conversations (docs/triage.md, "Conversations" and "Languages"): the second leg gone
numb too, a correction that makes the amount bigger, "lo del pecho" naming the pain that follows,
confusion told as being lost or asking what day it is, a dressing soaked again and again, a
passive wish to die with pills put by, a cough or sneeze that stabs the back, phlegm with
"algo rojo", the blood given back to the writer, "me duele más" carried to the pain before, and
a relative's cut that takes the bleeding away."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import Assessment, TriageEngine, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import present


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


def _talk(*turns: str | tuple[str, str]) -> list[Message]:
    """Messages ten minutes apart; a (question, answer) pair is an answer to that question."""
    start = datetime(2026, 5, 4, 8, tzinfo=UTC)
    out = []
    for i, turn in enumerate(turns):
        question, text = turn if isinstance(turn, tuple) else (None, turn)
        out.append(Message(text, start + timedelta(minutes=10 * i), question))
    return out


def _read(es: TriageEngine, *turns: str | tuple[str, str]) -> Assessment:
    return ConversationReader(es).read(_talk(*turns)).assessment


# -- one leg, then the other: both legs have lost their feeling ---------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        (
            "se me durmió la pierna izquierda",
            "ahora también la derecha, ya no siento las dos de la rodilla pa arriba",
        ),
        ("tengo adormecida la pierna derecha desde anoche", "y la izquierda también se me durmió"),
        ("la pierna izquierda la tengo entumida", "y ahora se me entumió la derecha"),
        ("se me durmió el muslo derecho", "ahora el izquierdo igual, no lo siento"),
    ],
)
def test_a_leg_numb_and_then_the_other_is_both_legs(es: TriageEngine, turns: tuple[str, str]) -> None:
    a = _read(es, *turns)
    assert "cord-signs" in a.rules, a.findings


@pytest.mark.parametrize(
    "turns",
    [
        ("tengo la mano derecha dormida", "la izquierda también"),
        ("tengo la pierna derecha dormida", "y el pie izquierdo también se me durmió"),
        ("tengo la pierna derecha dormida", "la izquierda no, esa está bien"),
        ("mi esposo tiene la pierna derecha dormida", "y yo tengo la izquierda dormida"),
    ],
)
def test_a_hand_a_foot_or_one_leg_only_is_not_both_legs(es: TriageEngine, turns: tuple[str, str]) -> None:
    a = _read(es, *turns)
    assert "cord-signs" not in a.rules, a.findings


# -- a correction that says it was more ----------------------------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("escupí sangre al toser, una cucharita", "perdón el autocorrector, una cucharada!! de las soperas"),
        ("tosí sangre, poquita", "perdón, el corrector, quise decir mucha"),
        ("me sale sangre de la herida", "uy el teclado, perdón: no para"),
    ],
)
def test_a_correction_that_makes_it_more_keeps_the_finding_with_the_more(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    assert _read(es, *turns).level.label == "emergency"


@pytest.mark.parametrize(
    "turns",
    [
        ("tosí sangre", "perdón, me equivoqué, no era mucha"),
        ("me duele la espalda", "perdón el corrector"),
    ],
)
def test_a_correction_that_says_no_more_still_takes_it_back(es: TriageEngine, turns: tuple[str, str]) -> None:
    assert _read(es, *turns).level.label == "none"


# -- "lo del pecho", then a pain said after a comma ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya volvió lo del pecho, un dolor fuerte que no me deja moverme",
        "regresó lo del pecho, una punzada horrible",
        "otra vez el pecho, un dolor muy fuerte",
    ],
)
def test_a_pain_in_apposition_to_the_chest_named_before_is_chest_pain(es: TriageEngine, text: str) -> None:
    a = _read(es, "ya no tengo fiebre", text)
    assert "chest_pain" in present(a), a.findings
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    ["fui al centro con mi hermana, un dolor de pies tremendo", "me duele la rodilla, un dolor fuerte"],
)
def test_a_pain_in_apposition_with_its_own_place_keeps_it(es: TriageEngine, text: str) -> None:
    assert "chest_pain" not in present(_read(es, text))


# -- confusion: lost, or asking what day it is ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mi papá anda como perdío desde la mañana",
        "mi mamá me pregunta a cada rato dónde estamos",
        "me preguntó tres veces qué día es hoy",
        "está medio perdía, no sé qué le pasa",
    ],
)
def test_lost_or_asking_what_day_it_is_is_confusion(es: TriageEngine, text: str) -> None:
    a = _read(es, "la cara la tiene hinchada", text)
    assert "confusion" in present(a), a.findings
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "mi hija me preguntó qué día es la consulta",
        "me pregunto qué día es la cita",
        "perdió las llaves otra vez",
    ],
)
def test_asking_the_day_of_an_appointment_is_not_confusion(es: TriageEngine, text: str) -> None:
    assert "confusion" not in present(_read(es, text))


# -- a dressing changed again and again and still soaking ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "le cambié la venda tres veces y se sigue manchando",
        "hemos cambiado la gasa cinco veces en la tarde",
        "cada rato hay que cambiarle la gasa, se sigue empapando",
    ],
)
def test_a_dressing_soaked_again_and_again_is_a_bleed_that_will_not_stop(es: TriageEngine, text: str) -> None:
    a = _read(es, "la herida de la operación está sangrando", text)
    assert "bleeding-major" in a.rules, a.findings


def test_a_dressing_changed_as_told_is_not_a_bleed_that_will_not_stop(es: TriageEngine) -> None:
    a = _read(es, "la herida sangró un poquito", "le cambié la gasa esta mañana como dijo la enfermera")
    assert "bleeding-major" not in a.rules, a.findings


# -- a passive wish to die, and pills put by, in the middle of an errand -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "otra cosa, ya no tengo ganas de seguir, no le cuentes a nadie",
        "tengo guardadas unas pastillas por si acaso, no le digas a mi hijo",
        "he ido juntando las pastillas del dolor",
        "ya no me quedan ganas de continuar. a qué hora es la cita?",
    ],
)
def test_a_wish_to_go_no_further_or_pills_put_by_is_self_harm(es: TriageEngine, text: str) -> None:
    a = _read(es, "hola, quería saber si mañana voy en ayunas", text)
    assert "self-harm" in a.rules, a.findings


@pytest.mark.parametrize(
    "text",
    [
        "no tengo ganas de seguir con la quimio, me deja muy cansada",
        "guardé las pastillas en el cajón de la cocina",
        "mi vecina dice que ya no tiene ganas de seguir trabajando",
    ],
)
def test_going_no_further_with_something_or_pills_put_away_is_not_self_harm(
    es: TriageEngine, text: str
) -> None:
    assert "self_harm" not in present(_read(es, text))


# -- a cough or a sneeze that stabs the back -----------------------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        (
            "me duele la espalda a la altura de los riñones",
            "cada vez que toso o estornudo es como una puñalada",
        ),
        ("tengo dolor en la columna", "al estornudar siento como una cuchillada"),
        ("me duele el cuello", "cuando toso y cuando estornudo es como un navajazo"),
    ],
)
def test_a_cough_or_sneeze_that_stabs_the_back_is_pain_on_straining(
    es: TriageEngine, turns: tuple[str, str]
) -> None:
    a = _read(es, *turns)
    assert "spinal-pain-flags" in a.rules, a.findings


def test_a_stab_on_coughing_after_a_knee_is_not_the_back(es: TriageEngine) -> None:
    a = _read(es, "me duele la rodilla", "cada vez que toso es como una puñalada")
    assert "spinal-pain-flags" not in a.rules, a.findings


# -- phlegm with "algo rojo" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["escupí una flema con algo rojito", "el gargajo traía como algo rojo", "tosí y salió algo rojizo"],
)
def test_phlegm_with_something_red_is_coughed_up_blood(es: TriageEngine, text: str) -> None:
    assert "hemoptysis" in present(_read(es, text))


@pytest.mark.parametrize("text", ["la flema sale con algo amarillo", "escupí una flema verde, nada rojo"])
def test_phlegm_of_another_colour_is_not_blood(es: TriageEngine, text: str) -> None:
    assert "hemoptysis" not in present(_read(es, text))


# -- "la de la sangre soy yo": given back to the writer ------------------------------------------


@pytest.mark.parametrize(
    ("first", "fix", "concept"),
    [
        (
            "mi hermano está tosiendo con sangre",
            "perdón, el de la sangre soy yo, mi hermano solo me trajo",
            "hemoptysis",
        ),
        ("mi esposo tiene fiebre", "no, perdón, la que tiene fiebre soy yo", "fever"),
        ("mi mamá vomitó tres veces", "perdón, hablaba de mí, no de ella", "vomiting"),
    ],
)
def test_what_was_given_to_someone_else_is_the_writers_after_all(
    es: TriageEngine, first: str, fix: str, concept: str
) -> None:
    assert concept in present(_read(es, first, fix))


@pytest.mark.parametrize(
    "fix",
    ["el que lo cuida soy yo", "la que lo lleva al doctor soy yo", "hablaba de mi esposo, yo estoy bien"],
)
def test_the_writer_named_as_the_carer_keeps_it_theirs(es: TriageEngine, fix: str) -> None:
    assert "fever" not in present(_read(es, "mi hijo tiene fiebre", fix))


# -- "me duele más": the pain named before, worse ------------------------------------------------


@pytest.mark.parametrize(
    ("first", "later", "rule"),
    [
        ("me duele la cabeza, nada grave", "hoy peor, cada vez me duele más", "head"),
        ("tengo dolor de cabeza", "y ahora me duele muchísimo, no aguanto", "head"),
        ("me duele la espalda baja", "ahora me duele peor que ayer", "spinal-pain-flags"),
    ],
)
def test_a_pain_said_with_the_verb_alone_is_the_pain_named_before(
    es: TriageEngine, first: str, later: str, rule: str
) -> None:
    assert rule in _read(es, first, later).rules


def test_a_pain_that_names_its_own_place_is_that_place(es: TriageEngine) -> None:
    a = _read(es, "me duele la cabeza", "y hoy me duele mucho la rodilla")
    assert "head" not in a.rules, a.findings


# -- a relative's cut takes the bleeding away ----------------------------------------------------


@pytest.mark.parametrize(
    "fix",
    [
        "perdón, no lo dije: mi nieta se cortó con un cuchillo, ya la curamos. yo estoy bien",
        "es que mi hijo se cayó de la bici y se raspó toda la rodilla, yo me siento bien",
    ],
)
def test_a_relatives_injury_with_the_writer_well_is_theirs(es: TriageEngine, fix: str) -> None:
    a = _read(es, "sangró muchísimo, empapó una toalla", fix)
    assert a.level.label == "none", a.findings


def test_the_writers_own_bleed_stays_theirs_when_a_relative_is_hurt_too(es: TriageEngine) -> None:
    a = _read(
        es,
        "se me llenó la boca de sangre al toser",
        "mi hijo se golpeó y lo llevé al doctor, yo estoy bien gracias",
    )
    assert a.level.label == "emergency"


# -- the seat named by what it is for, and a day without passing water asked about --------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo como dormida la parte de sentarme y ahí entremedio",
        "se me duerme la zona donde me siento",
        "siento hormigueo aquí entremedio, como sin sensibilidad",
    ],
)
def test_the_seat_named_by_what_it_is_for_gone_numb_is_saddle_numbness(es: TriageEngine, text: str) -> None:
    assert "saddle_numbness" in present(_read(es, text))


@pytest.mark.parametrize(
    "text",
    ["me duele en medio del pecho", "me siento en la parte de atrás del carro y se me duermen los pies"],
)
def test_the_middle_of_something_else_or_a_seat_taken_is_not_the_saddle(es: TriageEngine, text: str) -> None:
    assert "saddle_numbness" not in present(_read(es, text))


@pytest.mark.parametrize(
    "text",
    [
        "pregunta tonta: ¿es normal no haber hecho pis en todo el día?",
        "me preocupa no haber hecho pipí desde anoche",
    ],
)
def test_a_day_without_passing_water_asked_about_is_trouble_passing_urine(
    es: TriageEngine, text: str
) -> None:
    assert "bladder_bowel_dysfunction" in present(_read(es, text))


def test_someone_elses_day_without_passing_water_is_theirs(es: TriageEngine) -> None:
    a = _read(es, "mi vecina pregunta si es normal no haber hecho pis en todo el día")
    assert "bladder_bowel_dysfunction" not in present(a)


# -- a site put right, said with how mild ------------------------------------------------------


@pytest.mark.parametrize(
    ("fix", "concept"),
    [
        ("no, perdón, me equivoqué, es la espalda y es leve", "back_pain"),
        ("ay no, me confundí, era el cuello, pero nada grave", "neck_pain"),
        ("no, disculpe, es la rodilla y poquito", "pain"),
    ],
)
def test_a_site_put_right_with_how_mild_moves_the_pain_there(
    es: TriageEngine, fix: str, concept: str
) -> None:
    a = _read(es, "me duele el pecho", fix)
    assert concept in present(a), a.findings
    assert "chest_pain" not in present(a)


def test_a_site_put_right_and_said_strong_is_not_read_as_mild(es: TriageEngine) -> None:
    a = _read(es, "me duele el pecho", "no, perdón, es la espalda y es muy fuerte")
    assert a.level.label in ("urgent", "emergency"), a.findings


# -- "ese mensaje era de mi hermana": the message pointed at is someone else's ------------------


@pytest.mark.parametrize(
    "fix",
    [
        "perdón, ese mensaje era de mi hermana, ella es la del dolor, yo estoy bien",
        "lo que escribí era sobre mi esposo",
        "disculpe, mi mensaje anterior era para mi suegra",
    ],
)
def test_a_message_pointed_at_as_someone_elses_is_theirs(es: TriageEngine, fix: str) -> None:
    a = _read(es, "tengo dolor de cabeza y me falta el aire", fix)
    assert not ({"headache", "dyspnea"} & present(a)), a.findings


def test_a_message_sent_to_someone_else_with_the_writer_still_ill_keeps_it(es: TriageEngine) -> None:
    a = _read(es, "me falta el aire", "ese mensaje se lo mandé también a mi hija")
    assert "dyspnea" in present(a), a.findings


def test_only_the_part_named_goes_to_someone_else(es: TriageEngine) -> None:
    a = _read(es, "me falta el aire y me duele la espalda", "lo de la espalda era de mi esposo")
    assert "dyspnea" in present(a), a.findings
    assert "back_pain" not in present(a), a.findings


# -- after one leg, "las dos" said with nothing else: both legs ---------------------------------


@pytest.mark.parametrize(
    "later",
    [
        "ya no siento las dos",
        "y ahora se me durmieron las dos",
        "ahora las dos dormidas",
        "ya no las siento nada",
    ],
)
def test_both_said_alone_after_a_numb_leg_is_both_legs(es: TriageEngine, later: str) -> None:
    a = _read(es, "tengo la pierna izquierda dormida", later)
    assert "cord-signs" in a.rules, a.findings


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("tengo la mano derecha dormida", "ya no siento las dos"),
        ("tengo la pierna derecha dormida", "no, las dos no, solo la derecha"),
        ("me duele la cabeza", "se me durmieron las dos"),
        ("tengo la pierna derecha dormida", "mi esposo dice que ya no las siente"),
    ],
)
def test_both_said_after_a_hand_or_nothing_or_denied_is_not_both_legs(
    es: TriageEngine, first: str, later: str
) -> None:
    assert "cord-signs" not in _read(es, first, later).rules


# -- after one leg, "la otra": the second of the two --------------------------------------------


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("tengo la pierna derecha dormida", "y ahora también la otra"),
        ("tengo una pierna entumida", "y se me entumió la otra pierna"),
        ("se me durmió el muslo izquierdo", "ahora el otro igual"),
    ],
)
def test_the_other_leg_after_one_is_both_legs(es: TriageEngine, first: str, later: str) -> None:
    assert "cord-signs" in _read(es, first, later).rules


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("tengo el pie derecho dormido", "y ahora también el otro"),
        ("tengo la mano dormida", "y ahora la otra"),
        ("tengo la pierna derecha dormida", "la otra vez se me durmió el pie"),
    ],
)
def test_the_other_foot_or_hand_or_another_time_is_not_both_legs(
    es: TriageEngine, first: str, later: str
) -> None:
    assert "cord-signs" not in _read(es, first, later).rules


@pytest.mark.parametrize("fix", ["perdón, ese era de mi mamá", "ay, esa fue de mi hermana"])
def test_that_one_said_whole_as_someone_elses_is_theirs(es: TriageEngine, fix: str) -> None:
    assert "face_neck_swelling" not in present(_read(es, "tengo el brazo hinchado", fix))


@pytest.mark.parametrize(
    "fix", ["esa es de mi hija la foto que te mandé", "esa era de mi hija, la foto que te mandé"]
)
def test_that_one_naming_a_thing_of_someone_else_keeps_the_finding(es: TriageEngine, fix: str) -> None:
    assert "back_pain" in present(_read(es, "me duele la espalda", fix))


def test_a_relatives_injury_with_a_bare_yo_bien_is_theirs(es: TriageEngine) -> None:
    a = _read(es, "sangró un montón la herida", "perdón, no aclaré: mi hijo se cortó con la lata, yo bien")
    assert a.level.label == "none", a.findings


# -- a site put right keeps how strong the correction says it is ------------------------------


@pytest.mark.parametrize(
    "fix",
    [
        "no, perdón, es la espalda y es muy fuerte",
        "ay no, me confundí, era la espalda, un dolor insoportable",
    ],
)
def test_a_site_put_right_with_how_strong_keeps_the_strength(es: TriageEngine, fix: str) -> None:
    a = _read(es, "me duele el pecho", fix)
    assert "spinal-pain-flags" in a.rules, a.findings


# -- "lo de la espalda era de mi esposo": the part named points back, it is not said again -----


@pytest.mark.parametrize(
    "fix", ["lo de la espalda era de mi esposo", "perdón, lo de la espalda es de mi mamá"]
)
def test_the_part_named_as_someone_elses_goes_even_when_it_reads_as_a_finding(
    es: TriageEngine, fix: str
) -> None:
    a = _read(es, "me falta el aire y me duele la espalda", fix)
    assert "back_pain" not in present(a), a.findings
    assert "dyspnea" in present(a), a.findings
