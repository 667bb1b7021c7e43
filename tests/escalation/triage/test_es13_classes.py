"""Spanish signs told indirectly (docs/triage.md, "Rules" and "Languages"): the classes behind
es_dev13's misses, each read right with sentences that are not the set's, and its near misses
(food on a plate, a figure of speech, a joke, a denial, ordinary sleep) left as they were."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

CARER = {"writer": "carer"}


def assess(text: str, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, None, context)


def level(text: str, context: dict[str, Any] | None = None) -> str:
    return assess(text, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.status == "present"}


# -- how much blood, told by a household measure or anywhere in the bleed's sentence ------------


@pytest.mark.parametrize(
    "text",
    [
        "tosí sangre, casi media palangana",
        "vomitó sangre, como medio tazón",
        "escupí sangre en la almohada, una mancha del tamaño de mi mano",
        "tosió sangre en el lavabo, lo dejó todo salpicado, eran como cuajarones",
        "mi mamá echó sangre al toser en el baño, quedó todo feo, salieron coágulos",
    ],
)
def test_blood_measured_by_a_bowl_a_hand_or_clots_later_in_the_sentence_is_a_large_amount(
    text: str,
) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "tosí un hilito de sangre y luego me comí como un plato hondo de caldo",
        "tosí un poco de sangre, una manchita del tamaño de una moneda",
    ],
)
def test_a_plate_eaten_or_a_coin_sized_spot_is_no_large_amount(text: str) -> None:
    assert level(text) == "urgent"


def test_a_nosebleed_of_a_drop_beside_a_plate_of_soup_stays_small() -> None:
    assert level("me sangró la nariz, como una gota, y comí un plato de sopa") == "routine"


# -- a match or a trouble that "killed" one, and a leap promised over football ----------------


@pytest.mark.parametrize(
    "text",
    [
        "la mudanza me mató",
        "el trabajo de hoy me mató",
        "el partido del domingo nos mató, qué nervios",
        "si vuelven a perder el domingo mi equipo me mato",
        "si pierde la selección otra vez me tiro por la ventana jajaja",
    ],
)
def test_a_trouble_that_killed_one_or_a_team_that_loses_is_a_figure_of_speech(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "me mato, ya no aguanto",
        "a veces pienso que me mato y ya",
        "si me sigue doliendo así me tiro del puente",
        "me quiero tirar del puente",
    ],
)
def test_killing_oneself_or_a_leap_said_plainly_is_still_self_harm(text: str) -> None:
    assert level(text) == "emergency"


# -- breath too short to finish talking, or short still at rest ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no me da el aire ni pa acabar una llamada",
        "me quedo sin aire para terminar de hablar con mi hija",
        "me ahogo hasta para ir de la cama al baño",
        "me falta el aire al caminar, y estando sentada me falta igual",
        "subo la escalera y me falta el aire, y estoy quieta y me sigue faltando",
    ],
)
def test_breath_too_short_to_finish_talking_or_still_short_at_rest_is_an_emergency(text: str) -> None:
    assert level(text) == "emergency"


def test_no_time_to_finish_talking_is_no_breathlessness() -> None:
    assert level("no me dio tiempo para terminar de hablar con mi hija") == "none"


def test_breathless_climbing_and_fine_sitting_is_not_at_rest() -> None:
    assert level("me falta el aire cuando subo la loma, estando quieta ya no") != "emergency"


# -- coming round among people, a stare with shaking, a dark curtain over one eye --------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("se me fue todo de repente y cuando reaccioné estaba rodeada de gente", "syncope"),
        ("cuando volví en mí tenía a todos encima", "syncope"),
        ("se le apagó la luz y cuando volvió no sabía dónde estaba", "syncope"),
        ("mi papá se quedó con la mirada perdida y no respondía", "seizure"),
        ("se quedó mirando fijo al techo, temblando", "seizure"),
        ("de repente se me bajó como una cortina negra en el ojo izquierdo", "vision_change"),
        ("veo como si me hubieran puesto una sombra oscura", "vision_change"),
    ],
)
def test_a_faint_a_fit_or_a_curtain_over_the_eye_told_by_what_was_seen(text: str, concept: str) -> None:
    a = assess(text, CARER if text.startswith("mi pap") else None)
    assert concept in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "cuando desperté estaba mi familia alrededor cantando las mañanitas",
        "cuando desperté tenía a todos encima pidiendo el desayuno",
        "se me apagó la luz en la casa y cuando volvió la luz ya era de noche",
        "me quedé mirando la tele toda la tarde",
        "se me cayó una cortina en la sala",
    ],
)
def test_waking_to_the_family_a_power_cut_a_stare_at_the_tv_or_a_curtain_that_fell_is_nothing(
    text: str,
) -> None:
    assert level(text) == "none"


# -- cord signs told by what one can no longer do -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("cuando me limpio ya no siento el papel", "saddle_numbness"),
        ("es como si me hubieran puesto anestesia entre las piernas", "saddle_numbness"),
        ("desde ayer no orina nada", "bladder_bowel_dysfunction"),
        ("lo sentamos en el inodoro y no le sale ni una gota", "bladder_bowel_dysfunction"),
        ("no llegó al baño a tiempo y se hizo encima", "bladder_bowel_dysfunction"),
        ("ya no logra dar más de tres pasos", "gait_difficulty"),
        ("no puede caminar sin que se le doblen las piernas", "gait_difficulty"),
    ],
)
def test_a_cord_sign_told_by_what_cannot_be_done_is_an_emergency(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a), a.findings
    assert a.level.label == "emergency"


def test_a_wet_bed_that_never_happens_is_new_not_denied() -> None:
    a = assess("amanecí con la cama mojada, algo que jamás me sucede")
    assert "bladder_bowel_dysfunction" in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "al limpiarme no noto sangre",
        "desde ayer no hago pipí tan seguido",
        "nunca mojo la cama",
        "me duele la muela como si tuviera anestesia",
    ],
)
def test_no_blood_on_the_paper_fewer_trips_or_a_denied_wet_bed_is_no_cord_sign(text: str) -> None:
    assert level(text) != "emergency"


def test_missing_the_toilet_to_vomit_is_vomiting_only() -> None:
    assert present(assess("no llegué al baño y vomité en el pasillo")) == {"vomiting"}


# -- vomiting, the runs and the bladder told in everyday words -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no tolera ni el agua, todo lo devuelve",
        "ya no aguanto ni un traguito, lo vomito",
        "no deja de devolver, ni el suero le queda",
        "he estado volviendo el estómago, siete veces hoy",
        "llevo ocho cagaderas hoy",
    ],
)
def test_vomiting_or_the_runs_in_everyday_words_with_no_drink_kept_or_a_count_is_urgent(text: str) -> None:
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("hace pipí cada veinte minutos", "polyuria"),
        ("ya no voy de vientre desde el jueves", "constipation"),
        ("no logro hacer de cuerpo", "constipation"),
        ("respira con un pitito raro", "wheeze"),
        ("por las noches se oye un silbidito cuando respiro", "wheeze"),
    ],
)
def test_a_bladder_a_bowel_or_a_whistle_said_the_everyday_way_is_read(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_a_swollen_neck_with_a_whistling_breath_is_an_emergency() -> None:
    assert level("se le hinchó el cuello y respira con un pito raro") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "se me revuelve el estómago",
        "vuelvo al trabajo el lunes",
        "me tomo el suero cada hora",
        "el árbitro tocó el silbato y respiro con calma",
    ],
)
def test_a_queasy_stomach_a_return_to_work_a_drink_on_the_clock_or_a_referee_is_not_vomiting(
    text: str,
) -> None:
    assert level(text) in {"none", "routine"}
    assert "vomiting" not in present(assess(text))
