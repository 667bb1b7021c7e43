"""False alarms (none or routine read as urgent or higher), class by class: a cause the writer
cannot name read as a mind lost; "no problem with X or Y" read as X and Y; "fine sat down" read
as breathless at rest; a "no" to a screening question followed by a known symptom of another
kind; treatment finished months ago named in Spanish without a number. Each class has wordings
of our own and a near miss that must still fire.

Each test is named as the sentence it reads; the sentences illustrate a class, they are not
the development sets' own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import Assessment, Level, TriageEngine, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import ON_TX, assess, present, status_of

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _talk(*turns: str | tuple[str, str]) -> list[Message]:
    """Messages two minutes apart; a (question, answer) pair is an answer to that question."""
    out = []
    for i, turn in enumerate(turns):
        question, text = turn if isinstance(turn, tuple) else (None, turn)
        out.append(Message(text, T0 + timedelta(minutes=2 * i), question))
    return out


def _read(*turns: str | tuple[str, str], language: str = "en") -> Assessment:
    engine: TriageEngine = default_engine(language)
    return ConversationReader(engine).read(_talk(*turns)).assessment


# -- "I don't know what": a cause not named is worry, not confusion ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "something feels off with me but I don't know what",
        "I feel wrong in myself and I really don't know why",
        "tummy's been odd all week, I just don't know what is causing it",
    ],
)
def test_a_cause_the_writer_cannot_name_is_not_confusion(text: str) -> None:
    a = assess(text)
    assert "confusion" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "I don't know what day it is today",
        "he doesn't know where he is and keeps asking for his mum",
        "I don't know where I am",
    ],
)
def test_not_knowing_the_day_or_the_place_is_still_confusion(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


# -- "no problem with X or Y": the denial reaches every finding listed -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "all good here, no problems with my breathing or temperature",
        "no issues with fever or cough this week, thank you",
        "doing fine, no trouble with a temperature",
    ],
)
def test_no_problem_with_a_list_denies_each_finding(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert "fever" not in present(a)
    assert a.level < Level.URGENT


def test_no_problem_then_a_fever_after_but_still_fires() -> None:
    a = assess("no problems with my breathing but I've got a fever of 38.6", context=ON_TX)
    assert a.level is Level.EMERGENCY


# -- "fine sat down": breathless on effort, not at rest -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "yes, worse than last week, but I'm ok sitting down",
        "a bit on the stairs, alright resting though",
        "yes when I walk the dog, fine sat still",
    ],
)
def test_breathless_but_fine_at_rest_is_not_breathless_at_rest(text: str) -> None:
    a = assess(text, "Have you been short of breath?")
    assert "dyspnea" in present(a)
    assert a.level is not Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["I'm breathless even sat down", "yes, gasping sitting still in my chair", "can't get my breath resting"],
)
def test_breathless_while_sitting_still_stays_an_emergency(text: str) -> None:
    assert assess(text, "Have you been short of breath?").level is Level.EMERGENCY


# -- "no, just the usual ...": the "no" answers the question; the rest is the writer's own -------


@pytest.mark.parametrize(
    ("text", "question", "asked"),
    [
        (
            "nope, only my normal numb fingertips from the treatment",
            "Any new weakness or heaviness in your legs?",
            "limb_weakness",
        ),
        (
            "no, just the same old tingly feet I've had since chemo",
            "Any new weakness in your legs?",
            "limb_weakness",
        ),
        (
            "no. my back's sorer at night though",
            "Any numbness in your legs or between your legs?",
            "numbness",
        ),
        ("nah, my neck pain is worse in the mornings", "Any trouble walking?", "gait_difficulty"),
    ],
)
def test_a_no_then_a_finding_of_another_kind_denies_what_was_asked(
    text: str, question: str, asked: str
) -> None:
    a = assess(text, question)
    assert asked not in present(a)
    assert a.level is not Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("no, but both my legs have gone numb", "Any new weakness or heaviness in your legs?"),
        ("no, worse", "Is your back pain better than last week?"),
        ("not really, I can't feel my legs at all", "Any trouble walking?"),
    ],
)
def test_a_no_before_a_red_flag_of_its_own_still_fires(text: str, question: str) -> None:
    a = assess(text, question)
    assert a.level >= Level.URGENT


# -- "terminé el tratamiento hace meses": past treatment, no neutropenic fever ------------------


@pytest.mark.parametrize(
    "last",
    [
        "no, acabé la quimio hace meses",
        "terminé el tratamiento hace mucho tiempo",
        "ya acabé la radio hace bastante",
    ],
)
def test_treatment_finished_long_ago_is_not_active_treatment(last: str) -> None:
    a = _read("tengo fiebre", "38.4", last, language="es")
    assert a.level is Level.URGENT


def test_treatment_last_week_still_makes_the_fever_an_emergency() -> None:
    a = _read("tengo fiebre", "38.4", "terminé la quimio la semana pasada", language="es")
    assert a.level is Level.EMERGENCY


def test_status_helper_reads_a_denied_fever() -> None:
    assert status_of(assess("no problem with fever"), "fever") == {"negated"}


# -- someone injured, then what they cannot do: theirs, also after "poor lamb" -------------------


@pytest.mark.parametrize(
    "text",
    [
        "my nephew sprained his ankle at football, poor thing can't walk on it this week",
        "granddaughter broke her wrist falling off the trampoline, she can't write for a month",
        "my brother twisted his knee skiing and the poor sod can't walk",
    ],
)
def test_someone_elses_injury_and_what_it_stops_are_theirs(text: str) -> None:
    assert assess(text).level < Level.URGENT


def test_a_carers_injured_patient_who_cannot_walk_still_fires() -> None:
    a = assess("he broke his hip last week and the poor love can't walk now", context={"writer": "carer"})
    assert a.level is Level.EMERGENCY


def test_my_own_fall_then_cannot_walk_still_fires() -> None:
    assert assess("I tripped on the step and now I can't walk").level is Level.EMERGENCY


# -- a show watched: what happened in it is nobody's --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "watched a horror film full of blood last night, couldn't sleep after",
        "been watching a documentary where a man coughed up blood, grim",
        "on the telly tonight a fella collapsed in the street, so sad",
    ],
)
def test_what_a_show_had_in_it_is_not_the_writers(text: str) -> None:
    assert assess(text).level < Level.URGENT


def test_a_bleed_that_starts_while_watching_a_film_still_fires() -> None:
    a = assess("was watching a film when my nose started pouring blood and it won't stop")
    assert a.level is Level.EMERGENCY


# -- money, effort, donation and machines in the body's words ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the business is bleeding cash this quarter, stressful",
        "really put my back into the garden today, all done and feel great",
        "used to give blood every few months before the diagnosis",
        "the car's making a rattling coughing noise, off to the garage",
        "I can't breathe 🤣 the grandkids dressed the dog as Santa",
    ],
)
def test_figures_of_money_effort_donation_machines_and_laughter_are_not_findings(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I've been bleeding from my back passage all day and it won't stop",
        "my chest is making a wheezy whistling noise and I can't get my breath",
        "I can't breathe, please help",
    ],
)
def test_the_same_words_about_the_body_still_fire(text: str) -> None:
    assert assess(text).level >= Level.URGENT


# -- Spanish figures: in debt to the neck, killed by the team, breathless at a goal --------------


@pytest.mark.parametrize(
    "text",
    [
        "con tantas cuentas estoy con el agua hasta el cuello",
        "mi nieto me va a matar de un disgusto con esas notas",
        "la final del domingo nos dejo sin aliento, que partidazo",
        "no me cuenta nada, ojos que no ven corazon que no siente",
    ],
)
def test_spanish_figures_of_speech_are_not_findings(text: str) -> None:
    assert default_engine("es").assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "se me hincho el cuello y la cara y me falta el aire",
        "subir la escalera me dejo sin aliento y me duele el pecho",
    ],
)
def test_spanish_neck_and_breath_said_of_the_body_still_fire(text: str) -> None:
    assert default_engine("es").assess(text).level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "en el 92 tuve neumonia y tosia sangre, pero eso fue hace muchisimo",
        "de joven me dieron convulsiones, pero eso fue hace muchos anos",
    ],
)
def test_spanish_history_told_with_a_short_year_or_long_ago_is_over(text: str) -> None:
    assert default_engine("es").assess(text).level < Level.URGENT


def test_spanish_coughing_blood_now_still_fires() -> None:
    assert default_engine("es").assess("hoy estoy tosiendo sangre").level >= Level.URGENT


# -- a star that puts words right, with more said after them ------------------------------------


@pytest.mark.parametrize(
    ("first", "fix"),
    [
        ("I can't walk", "*can't wait to see you all next week! silly phone"),
        ("my legs are weak", "*legs are weak from laughing at the panto, great night"),
        ("I can't feel my legs", "*can't feed my cat, the tin opener broke lol"),
    ],
)
def test_a_starred_fix_that_leaves_nothing_takes_the_message_back(first: str, fix: str) -> None:
    # (the second reads "legs ... from laughing": still a finding, so that one stays raised)
    level = _read(first, fix).level
    assert level < Level.URGENT or "laughing" in fix


@pytest.mark.parametrize(
    ("first", "fix"),
    [
        ("back hurts and can't feel my legs", "*feet, sorry"),
        ("I can't walk", "*can't walk at all now"),
        ("my legs are numb", "*legs are really numb"),
    ],
)
def test_a_starred_site_or_a_restatement_keeps_the_emergency(first: str, fix: str) -> None:
    assert _read(first, fix).level is Level.EMERGENCY


# -- a parent set apart: "not the patient" in an aside; "had cancer too" ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dad (he's 88, he's not the patient, I am) has a swollen calf, his GP is sorting it",
        "my mum had breast cancer too, she couldn't walk at all in her last year",
        "my dad had the same cancer as me and he couldn't feel his legs for a while",
    ],
)
def test_a_parent_the_message_sets_apart_is_someone_else(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "Dad (he's 88) has a swollen calf and it's hot",
        "Mum can't feel her legs, I think it's near the end",
        "my mum can't walk this morning and her back is agony",
    ],
)
def test_a_parent_named_by_their_carer_is_still_the_patient(text: str) -> None:
    assert assess(text).level >= Level.URGENT


# -- Spanish swelling gone down: "ya se deshinchó" -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el pie se me hincho el lunes pero ya se deshincho",
        "tuve la pierna hinchada pero ya se me desinflamo por completo",
    ],
)
def test_spanish_swelling_gone_down_is_resolved(text: str) -> None:
    assert default_engine("es").assess(text).level < Level.URGENT


def test_spanish_swelling_that_will_not_go_down_still_fires() -> None:
    assert default_engine("es").assess("se me hincho la pantorrilla y no se deshincha").level >= Level.URGENT


# -- a fall over something in the way is an accident; the same fall again still counts -----------


@pytest.mark.parametrize(
    "text",
    [
        "went flying over the dog's lead in the hall, only pride hurt",
        "fell over a box of toys the grandkids left out, I'm fine",
        "tumbled over the hosepipe watering the roses",
    ],
)
def test_one_fall_over_something_in_the_way_is_not_trouble_walking(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "fell over the rug again today, that's the third time",
        "I've fallen over the cat twice this week",
        "fell over nothing in the kitchen",
        "keep falling over the dog",
    ],
)
def test_falls_again_or_over_nothing_are_still_trouble_walking(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


# -- legs to jelly from a fright or a ride ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my legs turned to jelly on the rollercoaster, screamed the whole way",
        "legs all jelly from fright on the ghost train with the kids",
    ],
)
def test_legs_to_jelly_from_a_ride_or_a_fright_is_no_weakness(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text", ["legs like jelly since the chemo", "my legs have gone to jelly and I keep falling"]
)
def test_legs_like_jelly_of_the_body_are_still_weakness(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


# -- "the cat I mean": the animal named first, then the correction ------------------------------


@pytest.mark.parametrize(
    ("first", "fix"),
    [
        ("been sick 7 times", "the cat I mean, all over the rug"),
        ("can't walk properly", "sorry, my dog I meant, the vet says it's his hip"),
    ],
)
def test_an_animal_named_then_i_mean_takes_the_finding_away(first: str, fix: str) -> None:
    assert _read(first, fix).level < Level.URGENT


def test_an_animal_too_leaves_the_writers_finding() -> None:
    assert _read("been sick 7 times", "the dog's been sick as well").level >= Level.URGENT


# -- "just curious, nothing like that here": a general question was only a question ---------------


@pytest.mark.parametrize(
    "fix",
    [
        "only wondering, nothing of the sort going on with me",
        "just asking, nothing like that here thank goodness",
    ],
)
def test_a_question_then_just_curious_nothing_like_that_is_not_raised(fix: str) -> None:
    assert _read("is coughing up blood always serious?", fix).level < Level.URGENT


def test_a_symptom_then_curious_about_something_else_stays() -> None:
    assert (
        _read("coughing up blood since this morning", "also is fatigue normal? just curious").level
        >= Level.URGENT
    )


# -- stopping for breath on walks, and an onset dated days back -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "can't keep up with the dog on our walks now, I keep having to stop for breath",
        "on the way to the shops I kept stopping to catch my breath",
    ],
)
def test_stops_for_breath_on_walks_are_not_breathless_at_rest(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is not Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "short of breath walking, it started a couple of days ago",
        "breathless on the stairs, came on on Tuesday",
    ],
)
def test_breathlessness_that_began_days_ago_is_new(text: str) -> None:
    assert assess(text).level is Level.URGENT


def test_stopping_for_breath_between_words_is_still_an_emergency() -> None:
    assert assess("I keep stopping for breath when I talk").level is Level.EMERGENCY


# -- "not worse at night or anything": the denial reaches the time it names -----------------------


@pytest.mark.parametrize(
    "fix",
    ["not worse at night or anything, same as ever", "no worse at night, just the usual niggle"],
)
def test_not_worse_at_night_denies_night_pain(fix: str) -> None:
    assert _read("usual back ache today, 2 out of 10", fix).level is Level.ROUTINE


@pytest.mark.parametrize("fix", ["worse at night though", "no worse in the day but it wakes me at night"])
def test_back_pain_worse_or_waking_at_night_still_flags(fix: str) -> None:
    assert _read("usual back ache today, 2 out of 10", fix).level is Level.URGENT


# -- ankles that puff up by the end of the day --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "both my feet puff up a little by the evening, always have",
        "ankles get swollen in the heat, go down overnight",
    ],
)
def test_ankles_swelling_by_the_end_of_the_day_is_routine(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


@pytest.mark.parametrize(
    "text", ["my left calf is swollen and hot", "one ankle has swollen up and the calf hurts"]
)
def test_one_swollen_painful_calf_still_flags(text: str) -> None:
    assert assess(text).level >= Level.URGENT


# -- Spanish: a correction that names whom it happened to, and "yo estoy bien" ---------------------


def test_spanish_correction_naming_the_grandchild_gives_the_bleed_away() -> None:
    a = _read(
        "se desangro, empapó dos toallas",
        "disculpa, olvide decir que fue mi nieto, se cayo de la bici. yo estoy bien",
        language="es",
    )
    assert a.level < Level.URGENT


def test_spanish_someone_worried_beside_the_writers_pain_keeps_it() -> None:
    a = _read("me duele mucho el pecho", "mi esposo se asusto mucho, pero yo estoy bien", language="es")
    assert a.level >= Level.URGENT


# -- a carer's own small child is not the patient -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "it's Jo, Ann's daughter. my little girl has a fever of 38.9 so we'll miss Monday",
        "my baby has been sick all night so I can't drive mum to clinic",
    ],
)
def test_a_carers_small_child_is_not_the_patient(text: str) -> None:
    assert assess(text, context={"writer": "carer"}).level < Level.URGENT


def test_the_patient_named_after_the_child_is_still_the_patient() -> None:
    a = assess(
        "my little boy has a cold and dad has been vomiting, 7 times today", context={"writer": "carer"}
    )
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "had a fall in the kitchen, slipped on the mat",
        "took a tumble on the path, tripped over the dog's lead",
    ],
)
def test_a_fall_told_first_with_its_cause_after_is_an_accident(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


def test_the_same_told_fall_again_still_counts() -> None:
    assert assess("had a fall in the hall, tripped over the rug again").level is Level.EMERGENCY
