"""Classes behind conversations_dev17's and es_conversations_dev11's disagreements, in our own
words, with their near misses (docs/triage.md, "Conversations", "Answers to check-in questions",
"Languages"): counts said as "again, two more"; a count message that also says even water will
not stay down; the stomach that will not hold the drink; a day spent going to pee; coming to on
the floor told in the perfect; the bowels not opened since a named day; "tampoco puedo" as an
inability; a bad night's sleep blamed for an ache; "wrong number" that goes on to give the
score meant."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from vigil.escalation.triage import TriageEngine, default_engine

from .conftest import present
from .conftest import read_turns as _read

CARER: Mapping[str, Any] = {"writer": "carer"}


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


@pytest.fixture(scope="module")
def en() -> TriageEngine:
    return default_engine("en")


def _level(engine: TriageEngine, *turns: str | tuple[str, str], carer: bool = False) -> str:
    return str(_read(engine, *turns, context=CARER if carer else None).level.label)


# -- "again, two more": the number after "again" is how many more -----------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("vomité tres veces en la mañana", "de nuevo, tres más en la tarde"),
        ("he vomitado 2 veces", "otra vez, y cuatro más después de comer"),
    ],
)
def test_again_then_a_number_more_counts_that_many_in_spanish(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert _level(es, *turns) == "urgent"


@pytest.mark.parametrize(
    "turns",
    [
        ("threw up 3 times before breakfast", "again, three more since lunch"),
        ("sick twice this morning", "same again, four more times this afternoon"),
    ],
)
def test_again_then_a_number_more_counts_that_many_in_english(
    en: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert _level(en, *turns) == "urgent"


def test_again_with_a_few_more_days_is_no_count(en: TriageEngine) -> None:
    assert _level(en, "sick twice this morning", "again, two more days of this and I'll scream") == "routine"


def test_again_two_more_that_stays_under_six_stays_routine(es: TriageEngine) -> None:
    assert _level(es, "vomité una vez", "otra vez, dos más") == "routine"


# -- a count message that also says even water will not stay down ----------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("been sick all morning", "even water won't stay down, tried three times"),
        ("estoy devolviendo", "no me queda ni el agua, lo intenté cuatro veces"),
    ],
)
def test_a_count_said_with_nothing_staying_down_keeps_the_fluids_sign(
    en: TriageEngine, es: TriageEngine, turns: tuple[str, ...]
) -> None:
    engine = es if turns[0].startswith("estoy") else en
    assert _level(engine, *turns) == "urgent"


# -- the stomach as what will not hold the drink (es) -----------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "el estómago no me tolera ni el suero",
        "ni el caldo le aguanta la panza",
        "no me recibe el estómago ni el agua",
    ],
)
def test_a_stomach_that_holds_not_even_water_is_vomiting_without_fluids(
    es: TriageEngine, second: str
) -> None:
    assert _level(es, "vomito todo", second) == "urgent"


def test_a_stomach_that_holds_water_fine_is_no_fluids_sign(es: TriageEngine) -> None:
    assert _level(es, "vomité una vez", "el estómago me aguanta bien el agua") == "routine"


# -- a day spent going to pee (es) ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me paso todo el día yendo a orinar",
        "se pasa la noche entera levantándose a hacer pis",
        "voy a mear a cada rato",
    ],
)
def test_a_day_spent_going_to_pee_is_polyuria(es: TriageEngine, text: str) -> None:
    assert "polyuria" in present(_read(es, text))


def test_thirst_and_a_day_spent_going_to_pee_is_hypercalcaemia_when_pooled(es: TriageEngine) -> None:
    assert _level(es, "tengo una sed horrible", "y me paso el día corriendo al baño a orinar") == "urgent"


@pytest.mark.parametrize("text", ["paso todo el día yendo a trabajar", "voy a comprar a cada rato"])
def test_a_day_spent_going_elsewhere_is_no_polyuria(es: TriageEngine, text: str) -> None:
    assert "polyuria" not in present(_read(es, text))


# -- coming to on the floor, in the perfect (es) ---------------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("de repente se me nubló todo", "me he despertado en el piso del baño"),
        ("mi madre se levantó al baño", "se ha despertado tirada en el suelo"),
    ],
)
def test_coming_to_on_the_floor_in_the_perfect_is_syncope(es: TriageEngine, turns: tuple[str, ...]) -> None:
    assert _level(es, *turns, carer=turns[0].startswith("mi madre")) == "emergency"


def test_waking_up_in_bed_in_the_perfect_is_nothing(es: TriageEngine) -> None:
    assert _level(es, "me he despertado en la cama temprano") == "none"


# -- bowels not opened since a day named (es) ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no hace del baño desde el domingo",
        "no he podido ir al baño desde el martes",
        "no voy de vientre desde anteayer",
    ],
)
def test_bowels_not_opened_since_a_named_day_are_constipation(es: TriageEngine, text: str) -> None:
    assert "constipation" in present(_read(es, text))


def test_nausea_and_bowels_not_opened_since_a_named_day_are_hypercalcaemia(es: TriageEngine) -> None:
    assert _level(es, "con náuseas desde temprano", "y no he ido al baño desde el sábado") == "urgent"


def test_not_going_to_the_bank_since_monday_is_nothing(es: TriageEngine) -> None:
    assert _level(es, "no he podido ir al banco desde el lunes") == "none"


# -- "tampoco puedo": one inability added to another (es) ------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("tampoco puedo caminar", "gait_difficulty"),
        ("y tampoco he podido hacer popó", "constipation"),
        ("ni puedo levantarme de la cama", "gait_difficulty"),
    ],
)
def test_tampoco_before_an_inability_is_the_inability(es: TriageEngine, text: str, concept: str) -> None:
    assert concept in present(_read(es, text))


@pytest.mark.parametrize(
    "text", ["tampoco tengo fiebre", "tampoco me duele la espalda", "tampoco camino mal"]
)
def test_tampoco_before_a_finding_still_denies_it(es: TriageEngine, text: str) -> None:
    assert _level(es, text) == "none"


# -- a bad night's sleep blamed for an ache (es) ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me duele el cuello, seguro dormí chueca",
        "me molesta la espalda, creo que dormí mal",
        "me duele la espalda, debe ser de dormir en mala postura",
    ],
)
def test_a_bad_nights_sleep_blamed_for_a_backache_is_no_night_pain(es: TriageEngine, text: str) -> None:
    assert _level(es, text) == "routine"


@pytest.mark.parametrize(
    "text", ["me duele la espalda y no puedo dormir", "el dolor de espalda no me deja dormir"]
)
def test_a_backache_that_keeps_one_awake_is_night_pain(es: TriageEngine, text: str) -> None:
    assert _level(es, text) == "urgent"


# -- "wrong number" that goes on to give the score meant -------------------------------------


def test_wrong_number_then_a_higher_score_rescores_in_spanish(es: TriageEngine) -> None:
    q = "Del 0 al 10, ¿cuánto le duele la rodilla?"
    assert _level(es, (q, "4"), "perdón, me equivoqué de número, es un 9") == "urgent"


def test_wrong_number_then_a_higher_score_rescores_in_english(en: TriageEngine) -> None:
    q = "How bad is your knee pain from 0 to 10?"
    assert _level(en, (q, "3"), "sorry wrong number, it's a 9") == "urgent"


@pytest.mark.parametrize(
    ("engine_name", "turns"),
    [
        ("en", ("my knee hurts", "sorry wrong number")),
        ("es", ("me duele la rodilla", "perdón, me equivoqué de número")),
    ],
)
def test_wrong_number_alone_still_takes_the_message_back(
    en: TriageEngine, es: TriageEngine, engine_name: str, turns: tuple[str, ...]
) -> None:
    assert _level(en if engine_name == "en" else es, *turns) == "none"


# -- carried, or all but; legs that would not take the person (en) ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "we practically had to drag her up to bed",
        "his legs just wouldn't take him this morning",
        "Mum couldn't get herself up the stairs last night",
        "I had to half carry him to the car",
    ],
)
def test_a_person_carried_or_not_taken_by_the_legs_is_a_cord_sign(en: TriageEngine, text: str) -> None:
    assert _level(en, text, carer=True) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "the shopping was so heavy I had to half carry it home",
        "the lift wouldn't take us up, it was broken",
    ],
)
def test_carrying_things_or_a_lift_that_wont_take_you_is_no_sign(en: TriageEngine, text: str) -> None:
    assert _level(en, text) != "emergency"


# -- numbness climbing to the hips; the bath not felt hot on the legs (en) -------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("legs have gone numb", "right up to my waist now"),
        ("both legs numb all the way up to my hips",),
        ("gone numb up to the groin",),
        ("numb up to my hips",),
        ("couldn't tell whether the shower was hot on my legs",),
    ],
)
def test_numbness_up_to_the_hips_or_a_bath_not_felt_on_the_legs_is_extensive(
    en: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert _level(en, *turns) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "toes a bit numb, up to my ankles",
        "couldn't tell if the water was hot on my hands",
        "the pool came up to my hips",
    ],
)
def test_numb_toes_hands_or_water_up_to_the_hips_stay_below_emergency(en: TriageEngine, text: str) -> None:
    assert _level(en, text) != "emergency"


# -- breath: harder than it was; things managed last week; stopping mid-speech (en) ----------


@pytest.mark.parametrize(
    "text",
    [
        "breathing has been a lot harder this week",
        "my breathing's felt heavier the last few days",
        "short of breath doing jobs I did no problem last month",
    ],
)
def test_breathing_harder_than_it_was_is_new_or_worsening_breathlessness(en: TriageEngine, text: str) -> None:
    assert _level(en, text) == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "breathing's been fine",
        "breathing's been better since the inhaler",
        "tired doing things I managed fine last week",
    ],
)
def test_breathing_fine_or_tiredness_after_old_tasks_is_no_worse_breath(en: TriageEngine, text: str) -> None:
    assert _level(en, text) != "urgent"
    assert _level(en, text) != "emergency"


@pytest.mark.parametrize(
    "turns",
    [
        ("Mum's chest sounds awful", "she stops halfway through talking to catch her breath"),
        ("breathing bad today", "I stop midway through saying anything"),
    ],
)
def test_stopping_halfway_through_speech_for_breath_is_severe_breathlessness(
    en: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert _level(en, *turns, carer=turns[0].startswith("Mum")) == "emergency"


# -- calves that look as they always have (en) ----------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "no, both legs look the same as always",
        "they look exactly like they always do",
        "both look the same as each other",
    ],
)
def test_calves_that_look_as_ever_answer_no_to_the_calf_question(en: TriageEngine, answer: str) -> None:
    a = _read(en, "a bit breathless on the stairs", ("Do you have a swollen, painful calf?", answer))
    assert "leg_swelling" not in present(a)


@pytest.mark.parametrize("answer", ["both look swollen", "the left one looks bigger than the other", "both"])
def test_calves_that_look_swollen_still_answer_yes(en: TriageEngine, answer: str) -> None:
    a = _read(en, "a bit breathless on the stairs", ("Do you have a swollen, painful calf?", answer))
    assert "leg_swelling" in present(a)


# -- a bleed that still runs after pressure held on it (en) ----------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("caught my hand on the tin lid", "held a tea towel on it for 20 mins and it's still pouring"),
        ("nicked my shin shaving", "been pressing on it for ages but it's still going"),
    ],
)
def test_a_bleed_still_running_after_pressure_is_a_bleed_that_wont_stop(
    en: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert _level(en, *turns) == "emergency"


def test_rain_still_pouring_after_an_hour_is_no_bleed(en: TriageEngine) -> None:
    assert _level(en, "it's been pouring for an hour and it's still pouring") == "none"


# -- targeted tablets answering the treatment question (en) ----------------------------------


@pytest.mark.parametrize(
    "answer",
    ["my targeted pills every morning", "just my cancer tablets, daily", "yes, oral chemo"],
)
def test_targeted_or_cancer_tablets_are_active_treatment(en: TriageEngine, answer: str) -> None:
    q = "Have you had chemotherapy or immunotherapy in the last six weeks?"
    assert _level(en, "shivering and can't get warm", (q, answer)) == "emergency"


def test_blood_pressure_tablets_are_no_active_treatment(en: TriageEngine) -> None:
    q = "Have you had chemotherapy or immunotherapy in the last six weeks?"
    assert (
        _level(en, "shivering and can't get warm", (q, "no chemo, only my blood pressure tablets"))
        == "routine"
    )


# -- a form asking about past events; a history of (en) --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the insurance form asks about any previous blood clots",
        "they want to know about past fits on this form",
        "I have a history of seizures but none for ten years",
    ],
)
def test_a_history_asked_or_told_is_no_present_finding(en: TriageEngine, text: str) -> None:
    assert _level(en, text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "coughing up blood for the past 3 days",
        "past few days my legs have gone weak",
        "had a fit this morning",
    ],
)
def test_the_past_few_days_is_now_not_history(en: TriageEngine, text: str) -> None:
    assert _level(en, text) in ("urgent", "emergency")


# -- "that's about my husband, not me" (en) --------------------------------------------------


@pytest.mark.parametrize(
    "second",
    ["sorry, that's about my brother, not me", "that's all about my wife Jean, not me"],
)
def test_a_message_said_to_be_about_someone_else_not_me_is_theirs(en: TriageEngine, second: str) -> None:
    assert _level(en, "back agony and legs gone numb", second) == "none"


def test_a_carer_saying_it_is_about_the_patient_keeps_the_findings(en: TriageEngine) -> None:
    assert _level(en, "this is about my husband, his legs have gone numb", carer=True) == "emergency"


# -- can't go, days counted after a comma (en) -----------------------------------------------


@pytest.mark.parametrize("text", ["can't go, 4 days now", "haven't been able to go - six days"])
def test_unable_to_go_for_days_is_constipation(en: TriageEngine, text: str) -> None:
    assert "constipation" in present(_read(en, text))


def test_cant_go_with_days_to_an_event_is_no_constipation(en: TriageEngine) -> None:
    assert "constipation" not in present(_read(en, "can't go, 3 days till the party"))


# -- a PICC line named as typed (en) ----------------------------------------------------------


@pytest.mark.parametrize("text", ["the picc dressing is lifting off", "my PICC line looks a funny colour"])
def test_a_picc_line_with_something_wrong_is_routine(en: TriageEngine, text: str) -> None:
    assert _level(en, text) == "routine"


def test_pick_is_still_pick(en: TriageEngine) -> None:
    assert _level(en, "can you pick up my prescription") == "none"


# -- a good few mouthfuls of blood (en) -------------------------------------------------------


@pytest.mark.parametrize("answer", ["a fair few spoonfuls", "several mouthfuls", "a good few mouthfuls"])
def test_several_measures_of_blood_are_a_large_amount(en: TriageEngine, answer: str) -> None:
    q = "How much blood was there: streaks, a teaspoon, or more?"
    assert _level(en, "coughed up some blood", (q, answer)) == "emergency"


def test_only_a_few_mouthfuls_of_dinner_is_no_bleed(en: TriageEngine) -> None:
    assert _level(en, "only managed a few mouthfuls of dinner") != "emergency"


# -- someone treated at another hospital is not this clinic's patient (en) -------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("a question about my brother, he's being treated at a different hospital", "he's running 38.9"),
        ("about my wife, she's under another clinic", "she's got a temperature of 38.4"),
    ],
)
def test_someone_treated_at_another_hospital_keeps_their_fever(
    en: TriageEngine, turns: tuple[str, ...]
) -> None:
    a = _read(en, *turns)
    assert "fever" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "he's on chemo with you and he's got a temperature of 38.5",
        "he had his scan at the other hospital, now a temperature of 38.5",
    ],
)
def test_a_carer_writing_of_the_patient_treated_here_keeps_the_fever(en: TriageEngine, text: str) -> None:
    assert "fever" in present(_read(en, text, context=CARER))


# -- the same classes in Spanish: carried, legs that do not carry, numbness to the hips, breath heavier


@pytest.mark.parametrize(
    "text",
    [
        "tuvimos que medio cargarlo hasta la cama",
        "casi la tuve que arrastrar al baño",
        "las piernas ya no la llevaban",
    ],
)
def test_carried_or_not_carried_by_the_legs_is_a_cord_sign_in_spanish(es: TriageEngine, text: str) -> None:
    assert _level(es, text, carer=True) == "emergency"


def test_carrying_the_shopping_half_way_is_no_sign_in_spanish(es: TriageEngine) -> None:
    assert _level(es, "tuve que medio cargar las bolsas") == "none"


@pytest.mark.parametrize(
    "text", ["entumecidas hasta la cintura", "tengo las piernas adormecidas hasta las caderas"]
)
def test_numbness_up_to_the_hips_is_extensive_in_spanish(es: TriageEngine, text: str) -> None:
    assert _level(es, text) == "emergency"


@pytest.mark.parametrize(
    "text", ["el agua me llegaba hasta la cintura", "los pies entumecidos hasta los tobillos"]
)
def test_water_to_the_waist_or_numb_feet_stay_below_emergency_in_spanish(es: TriageEngine, text: str) -> None:
    assert _level(es, text) != "emergency"


def test_breathing_that_has_been_heavier_is_worsening_in_spanish(es: TriageEngine) -> None:
    assert _level(es, "la respiración ha estado algo más pesada estos días") == "urgent"
