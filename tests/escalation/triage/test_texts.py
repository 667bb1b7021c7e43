"""The patient-facing texts: what they may promise, and whom they name."""

from __future__ import annotations

import re

import pytest

from vigil.escalation.triage import engines
from vigil.escalation.triage.model import Level
from vigil.escalation.triage.texts import names, say

VALUES = {
    "clinic": "Clinic",
    "emergency_number": "911",
    "nurse": "Ben Okafor",
    "status": "",
    "level": "",
    "again": "",
    "answer": "",
    "choices": "",
}


def test_no_spanish_text_says_whether_the_nurse_is_a_man_or_a_woman() -> None:
    for key in names("es"):
        text = say(key, "es", **VALUES).replace("ENFERMERA", "")  # the keyword is a word to send back
        assert not re.search(r"\benfermer[ao]s?\b", text, re.IGNORECASE), key


def test_a_nurse_named_in_spanish_is_named_by_the_team_not_a_gendered_word() -> None:
    assert say("nurse_held", "es", nurse="Ben Okafor").startswith("Ben Okafor, del equipo de enfermería,")


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_urgent_advice_promises_an_hour_the_nurse_may_not_keep(language: str) -> None:
    engine = engines.engine(language)
    day = r"\b(today|tonight|hoy|esta noche)\b"
    for level in (Level.URGENT, Level.EMERGENCY):
        assert not re.search(day, engine.render_advice(level, []), re.IGNORECASE)
        assert not re.search(day, say(f"paged_{level.label}", language), re.IGNORECASE)
        assert not re.search(day, say(f"unpaged_{level.label}", language), re.IGNORECASE)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_triage_advice_itself_never_says_a_nurse_was_alerted(language: str) -> None:
    # Only the conversation knows whether a page goes out; it adds paged_<level>.
    engine = engines.engine(language)
    for level in (Level.URGENT, Level.EMERGENCY):
        assert say(f"paged_{level.label}", language) not in engine.render_advice(level, [])
