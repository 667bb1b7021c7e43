"""Each rule of TRIAGE.md fires on its own, at its level; rules load from data."""

from __future__ import annotations

import pytest

from vigil.escalation.triage.model import Level
from vigil.escalation.triage.rules import RuleError, load_rules

from .conftest import assess

TREATED = {"on_active_treatment": True}

CASES = [
    ("mscc-neuro", "emergency", "my back is sore and my feet are numb", None),
    ("cord-signs", "emergency", "my legs gave way twice today", None),
    ("breathing", "emergency", "I can't breathe even sitting in my chair", None),
    ("breathing", "emergency", "a bit breathless and a dull ache in my chest", None),
    ("chest-pain", "emergency", "sudden sharp pain in my chest", None),
    ("hemoptysis-major", "emergency", "coughed up about a cupful of blood", None),
    ("hemoptysis-major", "emergency", "a little blood in my phlegm and I'm short of breath", None),
    ("svc-airway", "emergency", "my face is swollen and I'm breathless", None),
    ("neutropenic-fever", "emergency", "temp 38.4", TREATED),
    ("neutropenic-fever", "emergency", "shivering uncontrollably", TREATED),
    ("neuro-acute", "emergency", "he just had a fit", None),
    ("neuro-acute", "emergency", "suddenly lost the sight in my left eye", None),
    ("clot", "emergency", "my calf is swollen and I'm out of breath", None),
    ("bleeding-major", "emergency", "nosebleed for an hour and it won't stop", None),
    ("self-harm", "emergency", "I don't want to be here anymore", None),
    ("spinal-pain-flags", "urgent", "back pain at night", None),
    ("spinal-pain-flags", "urgent", "a bit of back ache", {"known_bone_metastases": True}),
    ("hemoptysis", "urgent", "a few streaks of blood in my phlegm", None),
    ("dyspnea-new", "urgent", "getting more breathless every day", None),
    ("chest-pain-any", "urgent", "mild ache in my chest", None),
    ("fever", "urgent", "temp 38.6", {"on_active_treatment": False}),
    ("fever", "urgent", "temp 37.8", TREATED),
    ("svc", "urgent", "my face looks puffy in the mornings", None),
    ("clot-leg", "urgent", "my right calf is swollen and hot", None),
    ("vomiting", "urgent", "vomited 7 times today", None),
    ("vomiting", "urgent", "can't keep any water down", None),
    ("diarrhea", "urgent", "diarrhoea 8 times today", None),
    ("diarrhea", "urgent", "diarrhoea 4 times today", TREATED),
    ("hypercalcemia", "urgent", "really thirsty and constipated", None),
    ("head", "urgent", "headache and I've been sick", None),
    ("head", "urgent", "worst headache ever", None),
    ("head", "urgent", "very drowsy today", None),
    ("pain-severe", "urgent", "my hip pain is 8 out of 10", None),
]


@pytest.mark.parametrize(("rule", "level", "text", "context"), CASES)
def test_rule_fires_at_its_level(rule: str, level: str, text: str, context: dict | None) -> None:
    a = assess(text, context=context)
    assert rule in a.rules
    assert a.level.label == level


def test_every_rule_has_a_case() -> None:
    from vigil.escalation.triage import default_engine

    assert {r.id for r in default_engine().rules} == {c[0] for c in CASES}


@pytest.mark.parametrize(
    ("text", "context", "level"),
    [
        ("a bit of back ache after gardening", None, "routine"),
        ("diarrhoea 3 times today", TREATED, "routine"),
        ("vomited 5 times but keeping water down", None, "routine"),
        ("constipated, no nausea", None, "routine"),
        ("temp 37.6", {"on_active_treatment": False}, "routine"),
        ("shivery tonight", {"on_active_treatment": False}, "routine"),
        ("blurry vision since yesterday", None, "routine"),
        ("bit short of breath on the stairs, same as for months", None, "routine"),
        ("can a nurse call me about my prescription", None, "routine"),
        ("what time is my appointment?", None, "none"),
    ],
)
def test_what_is_not_a_red_flag_stays_low(text: str, context: dict | None, level: str) -> None:
    assert assess(text, context=context).level.label == level


def test_all_rules_that_fire_are_listed() -> None:
    a = assess("My back is killing me and my legs are weak")
    assert {"mscc-neuro", "cord-signs"} <= set(a.rules)
    assert a.level is Level.EMERGENCY


def test_an_urgent_rule_stands_down_for_its_emergency_twin() -> None:
    a = assess("coughed up a cupful of blood")
    assert "hemoptysis-major" in a.rules
    assert "hemoptysis" not in a.rules


def test_advice_follows_the_level_and_the_clinic_number() -> None:
    from vigil.escalation.triage import default_engine

    a = default_engine().assess("I can't breathe", emergency_number="999")
    assert "999" in a.advice
    assert default_engine().assess("all good").advice == ""
    assert "988" in default_engine().assess("I want to die").advice


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rules": [{"id": "x", "level": "sometimes", "when": "cough"}]}, "needs id, level and when"),
        (
            {"rules": [{"id": "x", "level": "urgent", "when": {"concept": "cough", "colour": 1}}]},
            "unknown keys",
        ),
        ({"rules": [{"id": "x", "level": "urgent", "when": "coughh"}]}, "unknown concept"),
        ({"rules": [{"id": "x", "level": "urgent", "when": "cough", "unless": ["y"]}]}, "unknown rules"),
        (
            {
                "rules": [
                    {"id": "x", "level": "urgent", "when": "cough"},
                    {"id": "x", "level": "urgent", "when": "cough"},
                ]
            },
            "duplicate",
        ),
        ({"rules": [{"id": "x", "level": "urgent", "when": {"maybe": []}}]}, "cannot read"),
    ],
)
def test_bad_rules_data_is_refused_with_the_reason(data: dict, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        load_rules(data, frozenset({"cough"}))


def test_a_rule_that_fires_on_an_absence_is_still_evaluated() -> None:
    from vigil.escalation.triage.model import Finding
    from vigil.escalation.triage.rules import evaluate

    rules = load_rules(
        {
            "rules": [
                {"id": "no-cough", "level": "routine", "when": {"not": "cough"}},
                {"id": "cough", "level": "routine", "when": "cough"},
            ]
        },
        frozenset({"cough", "fever"}),
    )
    fever = Finding("fever", "present", 0, 5, "fever")
    assert [r.id for r in evaluate(rules, [fever], {})] == ["no-cough"]
