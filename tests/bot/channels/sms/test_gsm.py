"""Texts stay within GSM-7, so one SMS segment holds 160 characters and costs one."""

from __future__ import annotations

from pathlib import Path

import yaml

from vigil.bot import enrolment
from vigil.bot.channels.sms import inbound
from vigil.bot.channels.sms.gsm import fold, is_gsm7
from vigil.core.models import Clinic
from vigil.escalation.models import Case
from vigil.escalation.paging import page_text
from vigil.escalation.triage import texts
from vigil.scheduler.checkins import answer_hint

ADVICE = (
    Path(__file__).resolve().parents[4] / "vigil" / "escalation" / "triage" / "data" / "en" / "advice.yaml"
)


# Labels of Telegram's answer buttons: SMS shows no buttons, so "Sí" costs nothing there.
TELEGRAM_ONLY = {"answer_button_yes", "answer_button_no"}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_every_safety_advice_text_is_gsm7() -> None:
    texts = _strings(yaml.safe_load(ADVICE.read_text()))
    assert texts
    assert [t for t in texts if not is_gsm7(t)] == []


def test_every_text_for_patients_is_gsm7_and_fills_in() -> None:
    values = {
        "clinic": "Riverside Oncology",
        "emergency_number": "911",
        "again": " Reply START to turn them back on.",
        "nurse": "Ana Reyes",
        "level": "urgent",
        "status": "No nurse has picked it up yet.",
        "choices": "Better, Same, Worse",
        "answer": "7",
    }
    for language in ("en", "es"):
        assert texts.names(language) == texts.names("en")  # every text in every language
        for key in texts.names(language):
            text = texts.say(key, language, **values)
            if key not in TELEGRAM_ONLY:
                assert is_gsm7(text), (language, key)
            assert "{" not in text, (language, key)


def test_our_fixed_wording_is_gsm7() -> None:
    for text in (
        inbound.STRANGER,
        inbound.HOW,
        answer_hint({"kind": "scale"}, "en", texts.say),
        answer_hint({"kind": "yes_no", "text": "Any fever?"}, "en", texts.say),
        answer_hint({"kind": "scale"}, "es", texts.say),
        answer_hint({"kind": "yes_no", "text": {"es": "¿Tiene fiebre?"}}, "es", texts.say),
        answer_hint(
            {"kind": "choice", "text": "Where?", "choices": {"es": ["Pecho", "Espalda"]}}, "es", texts.say
        ),
        enrolment.consent_text(Clinic(name="Riverside", emergency_number="911")),
        page_text(Case(id=12, level="emergency"), "https://vigil.example", "sms"),
    ):
        assert is_gsm7(text), text


def test_curly_quotes_and_dashes_from_a_clinic_file_are_folded() -> None:
    folded = fold("How’s your breathing — any “new” cough… since Monday?")
    assert folded == 'How\'s your breathing - any "new" cough... since Monday?'
    assert is_gsm7(folded)


def test_text_with_no_gsm7_form_is_left_for_ucs2() -> None:
    assert fold("气短") == "气短"
