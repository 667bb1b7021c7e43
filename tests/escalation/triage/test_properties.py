"""Invariants that must hold for any message, checked with generated input."""

from __future__ import annotations

import json
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigil.escalation.triage import default_engine

SYMPTOMS = [
    "back pain",
    "a fever",
    "a cough",
    "chest pain",
    "blood in my phlegm",
    "weakness in my legs",
    "numbness in my feet",
    "a headache",
    "diarrhoea",
    "shortness of breath",
    "any vomiting",
    "pins and needles",
    "a temperature",
    "swelling in my calf",
    "pain in my neck",
]
SENTENCES = [
    "My back hurts",
    "I have a cough",
    "Feeling tired today",
    "My husband has a fever",
    "Should I worry if my legs get weak",
    "No pain today",
    "The nausea has gone now",
    "Temp 37.9",
    "Writing for my dad",
    "All good",
    "Lost my appetite",
    "Vomited twice",
    "I used to get headaches",
    "Bit breathless on the stairs",
    "What time is my appointment",
    "My neighbour is a pain in the neck",
    "My back is killing me",
    "Diarrhoea 5 times today",
    "Temp was 38.2 yesterday",
    "Thanks for calling",
    "Numb toes from chemo",
    "",
]
RED_FLAGS = [
    "My legs gave way",
    "I can't breathe",
    "Coughing up a cupful of blood",
    "I passed out",
    "Sudden crushing pain in my chest",
    "I wet myself and my back hurts",
    "I want to die",
    "Temp 39.1",
    "I had a seizure",
    "My face is swollen and I'm breathless",
    "Can't feel my legs and my back is agony",
]
NEGATIONS = ["No {s}", "I don't have {s}", "Never had {s}", "Without {s}", "Not had {s}", "There is no {s}"]
CONTEXTS = st.fixed_dictionaries(
    {
        "on_active_treatment": st.booleans(),
        "known_bone_metastases": st.booleans(),
    }
)
text_of_sentences = st.lists(st.sampled_from(SENTENCES), max_size=4).map(". ".join)


def level(text: str, context: dict | None = None) -> int:
    return int(default_engine().assess(text, None, context).level)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text_of_sentences, st.sampled_from(SYMPTOMS), st.sampled_from(NEGATIONS), CONTEXTS)
def test_negating_a_symptom_never_raises_the_level(
    before: str, symptom: str, negation: str, context: dict
) -> None:
    said = f"{before}. I have {symptom}" if before else f"I have {symptom}"
    denied = f"{before}. {negation.format(s=symptom)}" if before else negation.format(s=symptom)
    assert level(denied, context) <= level(said, context)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text_of_sentences, st.sampled_from(RED_FLAGS), text_of_sentences, CONTEXTS)
def test_adding_a_red_flag_sentence_never_lowers_the_level(
    before: str, flag: str, after: str, context: dict
) -> None:
    combined = ". ".join(p for p in (before, flag, after) if p)
    assert level(combined, context) >= max(level(before, context), level(flag, context))


@settings(max_examples=400)
@given(st.text(max_size=400))
def test_evidence_lies_inside_the_text_and_quotes_it(text: str) -> None:
    a = default_engine().assess(text)
    for f in a.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.evidence == text[f.start : f.end]
    json.dumps(a.to_dict())


@settings(max_examples=200)
@given(
    st.text(alphabet=st.sampled_from(list("abc no if 1.5 /10 fever legs weak, \n😀é’'")), max_size=600),
    st.one_of(st.none(), st.text(max_size=80)),
)
def test_any_text_and_question_are_answered(text: str, question: str | None) -> None:
    a = default_engine().assess(text, question)
    assert a.level.label in {"none", "routine", "urgent", "emergency"}


def test_empty_text_is_nothing_to_act_on() -> None:
    a = default_engine().assess("")
    assert (a.level.label, a.findings, a.rules) == ("none", (), ())


def _calls(text: str) -> int:
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        default_engine().assess(text)
    finally:
        sys.setprofile(None)
    return count


def test_work_grows_linearly_with_the_length_of_the_text() -> None:
    # Counted function calls, not seconds: deterministic on any machine.
    unit = (
        "my back hurts and my legs feel weak, no fever. what if i get a temp of 38.5? "
        "had the runs 3 times, gone now. my wife has a cough but i dont. "
    )
    small, large = _calls(unit * 40), _calls(unit * 400)
    assert large < 11 * small


def test_a_megabyte_of_text_is_answered() -> None:
    text = ("back pain no numbness what if " * 40_000)[:1_000_000]
    assert default_engine().assess(text).level.label == "routine"


def test_symbols_are_just_text() -> None:
    for text in ("I$", "$ <end> <num> None", "£5 for parking", "$$$ back pain $$$"):
        default_engine().assess(text)
