"""Issue 10 §3-4, "no silent misses": each class of message the engine used to misread."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level, default_engine

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
