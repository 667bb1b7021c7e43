"""Issue 10 §3-4, "no silent misses": each class of message the engine used to misread."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level, default_engine, engines

from .conftest import assess, present, status_of

# -- someone else's red flag, and the status INTERFACES promises ---------------------------


def test_someone_elses_emergency_raises_no_case_but_carries_its_level() -> None:
    a = assess("my husband collapsed and can't breathe, what do I do")
    assert a.level is Level.NONE
    assert a.other_person_level is Level.EMERGENCY


def test_a_message_about_only_the_patient_has_no_other_person_level() -> None:
    assert assess("I collapsed and can't breathe").other_person_level is Level.NONE


def test_someone_elses_routine_symptom_is_routine_for_them() -> None:
    assert assess("my wife has a cough, I'm fine").other_person_level is Level.ROUTINE


def test_other_person_advice_names_the_clinics_emergency_number() -> None:
    words = default_engine().other_person_advice(emergency_number="999")
    assert "999" in words
    assert "{" not in words


def test_someone_elses_finding_is_written_out_as_other_person() -> None:
    a = assess("my neighbour fainted at the bus stop")
    (f,) = a.findings
    assert f.status == "other"
    assert f.to_dict()["status"] == "other_person"
    assert a.to_dict()["other_person_level"] == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "my husband is your patient, he has crushing chest pain",
        "my wife who is under your care has crushing chest pain",
        "this is my dad's number, he's had a seizure",
        "my mum is one of your patients and she has had a fit",
    ],
)
def test_a_carer_who_says_the_person_is_the_patient_writes_about_the_patient(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY, a.findings
    assert a.other_person_level is Level.NONE


# -- 1. answers that restate their subject ----------------------------------------------------

WEAKNESS = "Any weakness in your legs?"


@pytest.mark.parametrize(
    ("answer", "question", "concept"),
    [
        ("nope, my legs are ok", WEAKNESS, "limb_weakness"),
        ("legs are fine", WEAKNESS, "limb_weakness"),
        ("no weakness", WEAKNESS, "limb_weakness"),
        ("both legs are strong as ever", "Any new weakness or heaviness in your legs?", "limb_weakness"),
        ("nope, my chest is ok", "Any chest pain?", "chest_pain"),
    ],
)
def test_an_answer_that_restates_its_subject_to_deny_it_is_negated(
    answer: str, question: str, concept: str
) -> None:
    a = assess(answer, question)
    assert status_of(a, concept) == {"negated"}
    assert a.level is Level.NONE


def test_a_restated_answer_that_says_it_is_there_stays_present() -> None:
    assert assess("my legs are weak", WEAKNESS).level is Level.EMERGENCY
    assert assess("legs are bad", WEAKNESS).level is Level.EMERGENCY


def test_a_restated_denial_keeps_what_else_the_answer_says() -> None:
    a = assess("legs are fine, back is killing me", WEAKNESS)
    assert status_of(a, "limb_weakness") == {"negated"}
    assert "back_pain" in present(a)


# -- 2. past history -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("when I was 40 I had a fever of 39", "fever"),
        ("years ago I had a blood clot in my leg", "leg_swelling"),
        ("I had a fit in 2019", "seizure"),
        ("I had a seizure when I was a teenager, never since", "seizure"),
        ("had chest pain in 2019, turned out to be indigestion", "chest_pain"),
    ],
)
def test_past_history_is_resolved_not_present(text: str, concept: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"resolved"}
    assert a.level is Level.NONE


def test_an_age_in_a_history_is_not_a_temperature() -> None:
    assert assess("when I was 40 I had a collapsed lung").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "had a clot in 2019 but now my leg is swollen again",
        "I had my op in 2019 and my back has hurt ever since",
        "had a fit in 2015 and another one this morning",
        "vomited 3 times in 2 hours",
    ],
)
def test_what_is_happening_now_beside_a_history_stays_present(text: str) -> None:
    assert assess(text).level >= Level.ROUTINE
    assert any(f.present for f in assess(text).findings)


# -- 3. figures of speech --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "this paperwork is giving me a headache",
        "the council tax forms have been giving me a right headache",
        "this crossword is making my brain hurt haha",
        "nearly died laughing",
        "my sides hurt from laughing",
        "laughed so hard I couldn't breathe",
        "these bills are killing me",
        "that film gave me chills, brilliant ending",
        "the kids are doing my head in",
    ],
)
def test_a_figure_of_speech_says_nothing(text: str) -> None:
    a = assess(text)
    assert a.level is Level.NONE, a.findings


@pytest.mark.parametrize(
    ("text", "concept"),
    [("the chemo is giving me a headache", "headache"), ("the new tablets gave me chills", "chills")],
)
def test_the_same_words_about_treatment_are_a_symptom(text: str, concept: str) -> None:
    assert concept in present(assess(text))


# -- 4. household measures, soaked cloth, and no drink kept down -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "coughed up a glass of blood",
        "threw up a bowl of blood",
        "coughing up a mug of blood",
        "soaked a pillowcase in blood from my nose",
        "blood soaked through a towel",
        "my mouth bled through a whole kitchen roll",
    ],
)
def test_a_household_measure_or_soaked_cloth_of_blood_is_a_large_amount(text: str) -> None:
    a = assess(text)
    assert any("large_amount" in f.modifiers for f in a.findings if f.present)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "can't keep water down",
        "can't keep tea or water down",
        "everything comes straight back up",
        "even sips of water come straight back up",
    ],
)
def test_vomiting_that_keeps_no_drink_down_is_urgent(text: str) -> None:
    a = assess(text)
    assert "vomiting" in a.rules


def test_oaths_and_boiling_blood_are_not_bleeding() -> None:
    assert assess("bloody hospital parking again").level is Level.NONE
    assert assess("the cost of parking makes my blood boil").level is Level.NONE


# -- 5. severity told by an image ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("feels like a weight on my chest", "chest-pain"),
        ("like an elephant sitting on my chest", "chest-pain"),
        ("my chest is in a vice", "chest-pain"),
        ("can't draw a breath", "breathing"),
        ("can't get a breath", "breathing"),
    ],
)
def test_an_image_of_severity_counts_as_severe(text: str, rule: str) -> None:
    assert rule in assess(text).rules


# -- 6. passive wishes to die ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "don't want to wake up",
        "some days I wish I just wouldn't wake up",
        "can't go on like this",
        "they'd be better off without me",
        "what's the point anymore",
        "tired of living tbh",
        "no point carrying on like this",
    ],
)
def test_a_passive_wish_to_die_is_self_harm(text: str) -> None:
    assert "self-harm" in assess(text).rules


@pytest.mark.parametrize(
    "text", ["what's the point of the scan?", "I'm sick of this weather", "I can't do this exercise"]
)
def test_everyday_weariness_is_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


# -- 9. sensory loss ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "can't feel my legs",
        "both legs went numb",
        "numb from the waist down",
        "numb bum",
        "there's a numb band right across my tummy",
        "my right leg's gone totally numb",
    ],
)
def test_loss_of_feeling_in_the_legs_buttocks_or_trunk_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "tingling in my fingers",
        "numb toes and feet",
        "my foot is numb",
        "tingling in my legs and feet from the chemo",
    ],
)
def test_tingling_or_numbness_of_hands_or_feet_alone_stays_routine(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level is Level.ROUTINE


# -- 10. an urgent request for a nurse --------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["I need to speak to someone urgently", "please get a nurse to call me asap"]
)
def test_an_urgent_request_for_a_nurse_says_so(text: str) -> None:
    (f,) = [f for f in assess(text).findings if f.concept == "nurse_request"]
    assert f.present
    assert "urgent_request" in f.modifiers


def test_a_plain_request_for_a_call_is_not_marked_urgent() -> None:
    (f,) = [f for f in assess("can someone call me please").findings if f.concept == "nurse_request"]
    assert "urgent_request" not in f.modifiers


# -- 8. nothing health-related is silently none -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("my elbow is weird", "elbow is weird"),
        ("got a rash on my arms", "rash"),
        ("toenail's gone black", "gone black"),
        ("shoulder keeps clicking", "shoulder keeps clicking"),
        ("itchy scalp", "itchy"),
        ("feeling dizzy when I stand up", "dizzy"),
    ],
)
def test_body_words_triage_cannot_place_are_unrecognised_and_routine(text: str, words: str) -> None:
    a = assess(text)
    assert a.level is Level.ROUTINE
    (f,) = [f for f in a.findings if f.concept == "unrecognised"]
    assert f.present
    assert words in f.evidence


@pytest.mark.parametrize(
    ("text", "status"),
    [("no rash", "negated"), ("my husband has a rash", "other"), ("the rash has gone now", "resolved")],
)
def test_an_unrecognised_word_keeps_its_status(text: str, status: str) -> None:
    a = assess(text)
    assert status_of(a, "unrecognised") == {status}
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["walked to the shops and back", "that's funny", "legs are fine", "that's a load off my chest"],
)
def test_everyday_words_about_the_body_say_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_pronoun_stands_for_the_limb_just_named() -> None:
    a = assess("shooting pain down my leg and now it's gone weak")
    assert "limb_weakness" in present(a)
    assert "mscc-neuro" in a.rules


def test_few_messages_labelled_none_become_routine_through_unrecognised() -> None:
    """Issue 10 §4 caps the cost of "never silently none" at 5 % of the `none` messages."""
    import json
    from pathlib import Path

    files = sorted((Path(__file__).resolve().parents[3] / "bench" / "data").glob("*.jsonl"))
    rows = [
        json.loads(line) for p in files for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    quiet = [r for r in rows if "text" in r and r.get("level") == "none"]
    if not quiet:
        pytest.skip("no labelled sets here")
    raised = 0
    for r in quiet:
        found = [f for f in assess(r["text"], r.get("question"), r.get("context")).findings if f.present]
        raised += bool(found) and all(f.concept == "unrecognised" for f in found)
    assert raised / len(quiet) < 0.05


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("so short of breath I can't get to the loo", "breathing"),
        ("I got up from the sofa and next thing I was on the floor", "neuro-acute"),
        ("like a curtain had come across my right eye", "neuro-acute"),
        ("her face is swollen right up and she's not making much sense today", "svc-airway"),
    ],
)
def test_an_emergency_told_by_its_consequence_is_an_emergency(text: str, rule: str) -> None:
    assert rule in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "I can't feel my left leg",
        "cant feel my right leg at all since this morning",
        "she's lost the feeling in her left leg",
        "no feeling in my leg whatsoever",
    ],
)
def test_a_leg_that_cannot_be_felt_is_a_cord_sign(text: str) -> None:
    """TRIAGE.md: loss of feeling in a whole leg is `cord-signs`, one leg as much as both."""
    assert "cord-signs" in assess(text, context={"writer": "carer"}).rules, text


@pytest.mark.parametrize(
    "text",
    [
        "can't feel my toes",
        "lost feeling in my feet",
        "numb patch on my leg",
        "my leg went numb from sitting on it",
    ],
)
def test_feet_toes_or_a_numb_patch_of_a_leg_stay_below_emergency(text: str) -> None:
    assert assess(text).level < Level.EMERGENCY, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I'm not well", "en"),
        ("been poorly all week", "en"),
        ("feeling rotten today", "en"),
        ("no estoy bien", "es"),
        ("hoy ando mal", "es"),
        ("la espalda no está bien", "es"),
        ("tengo las piernas raras", "es"),
        ("el pie no me deja en paz", "es"),
    ],
)
def test_being_unwell_said_plainly_is_read_not_silent(text: str, language: str) -> None:
    a = engines.assess(text, None, None, language)
    assert a.level is Level.ROUTINE
    assert "unrecognised" in present(a)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am not good at texting", "en"),
        ("my wife is not well", "en"),
        ("no estoy bien segura de la hora de la cita", "es"),
        ("mi hijo no me deja en paz con la tarea", "es"),
    ],
)
def test_not_well_said_of_something_else_or_someone_else_says_nothing(text: str, language: str) -> None:
    assert engines.assess(text, None, None, language).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "no orino nada raro",
        "no veo nada raro",
        "no noto nada diferente",
        "en las piernas no siento nada de dolor",
    ],
)
def test_nothing_odd_about_it_in_spanish_denies_rather_than_alarms(text: str) -> None:
    assert engines.assess(text, None, None, "es").level is Level.NONE


@pytest.mark.parametrize("text", ["no orino nada desde ayer", "no veo de un ojo", "ahí abajo no siento nada"])
def test_the_same_verbs_without_nothing_odd_still_alarm(text: str) -> None:
    assert engines.assess(text, None, None, "es").level is Level.EMERGENCY
