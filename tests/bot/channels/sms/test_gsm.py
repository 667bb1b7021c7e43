"""By SMS, texts go in GSM-7 when they can, so one segment holds 160 characters and costs one:
English is written in it, Spanish is written properly and folded into it by the SMS transport
(á to a; é, ñ, ¿ kept), and the fold is checked here against the GSM 03.38 table itself."""

from __future__ import annotations

from pathlib import Path

import yaml

from vigil.bot import enrolment
from vigil.bot.channels.sms import inbound
from vigil.bot.channels.sms.gsm import BASIC, EXTENDED, fold, is_gsm7, segments
from vigil.core.models import Clinic
from vigil.escalation.models import Case
from vigil.escalation.paging import page_text
from vigil.escalation.triage import texts
from vigil.scheduler.checkins import answer_hint

DATA = Path(__file__).resolve().parents[4] / "vigil" / "escalation" / "triage" / "data"

# GSM 03.38 (3GPP TS 23.038) default alphabet, 0x00 to 0x7F in order; 0x1B is the escape to
# the extension table, written here as None.
TABLE = [
    *"@£$¥èéùìòÇ\nØø\rÅå",
    *"Δ_ΦΓΛΩΠΨΣΘΞ",
    None,
    *"ÆæßÉ",
    *" !\"#¤%&'()*+,-./",
    *"0123456789:;<=>?",
    *"¡ABCDEFGHIJKLMNO",
    *"PQRSTUVWXYZÄÖÑÜ§",
    *"¿abcdefghijklmno",
    *"pqrstuvwxyzäöñüà",
]
# The extension table (escape + 0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65).
EXTENSION = ["\f", "^", "{", "}", "\\", "[", "~", "]", "|", "€"]


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


def test_every_safety_advice_text_is_gsm7_in_english_and_folds_into_it_in_spanish() -> None:
    english = _strings(yaml.safe_load((DATA / "en" / "advice.yaml").read_text()))
    spanish = _strings(yaml.safe_load((DATA / "es" / "advice.yaml").read_text()))
    assert english
    assert spanish
    assert [t for t in english if not is_gsm7(t)] == []
    assert [t for t in spanish if not is_gsm7(fold(t))] == []


_VALUES = ("clinic", "emergency_number", "again", "nurse", "level", "status", "choices", "answer")


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
                assert is_gsm7(text if language == "en" else fold(text)), (language, key)
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
        assert is_gsm7(fold(text)), text


def test_curly_quotes_and_dashes_from_a_clinic_file_are_folded() -> None:
    folded = fold("How’s your breathing — any “new” cough… since Monday?")
    assert folded == 'How\'s your breathing - any "new" cough... since Monday?'
    assert is_gsm7(folded)


def test_text_with_no_gsm7_form_is_left_for_ucs2() -> None:
    assert fold("气短") == "气短"


def test_the_alphabet_is_the_gsm_03_38_table() -> None:
    assert len(TABLE) == 128
    assert {ch for ch in TABLE if ch is not None} == BASIC
    assert set(EXTENSION) == EXTENDED


def test_every_gsm7_character_folds_to_itself() -> None:
    every = "".join(sorted(BASIC | EXTENDED))
    assert fold(every) == every
    assert segments("€" * 80) == 1  # an extension character costs two septets
    assert segments("€" * 81) == 2


def test_accents_gsm7_lacks_lose_their_marks_and_the_ones_it_has_stay() -> None:
    assert fold("á í ó ú Á Í Ó Ú â ê ç ã") == "a i o u A I O U a e c a"
    assert fold("é É ñ Ñ ü Ü ä ö Ä Ö à è ì ò ù Ç ¿ ¡") == "é É ñ Ñ ü Ü ä ö Ä Ö à è ì ò ù Ç ¿ ¡"
    assert fold("¿Acepta recibir preguntas aquí? ¡Gracias, señora Núñez! Acuérdese…") == (
        "¿Acepta recibir preguntas aqui? ¡Gracias, señora Nuñez! Acuérdese..."
    )
    assert fold("cafe\u0301") == "café"  # a combining accent is the é GSM-7 has


def test_a_text_that_cannot_be_folded_is_sent_as_written() -> None:
    for text in ("¿Cómo está? 😊", "Dolor — “fuerte” ☹", "38.5°", "Ваш врач"):
        assert fold(text) == text


def test_spanish_is_written_with_its_accents() -> None:
    words = set(" ".join(texts.say(k, "es", **dict.fromkeys(_VALUES, "")) for k in texts.names("es")).split())
    assert {"aqui", "numero", "clinica", "mas", "recibira", "Acepta"}.isdisjoint(words)
    assert {"aquí", "número", "clínica", "más", "recibirá", "está", "¿Acepta"} <= words


def test_a_symbol_is_never_folded_into_another_and_folding_never_costs_a_segment() -> None:
    assert fold("temp ≠ 38") == "temp ≠ 38"  # "=" would say the opposite: sent as written
    assert fold("está") == "esta"
    dots = "…" * 60  # one UCS-2 segment; "..." each would be two GSM-7 ones
    assert fold(dots) == dots


def test_a_link_with_accents_is_sent_as_written_not_folded_to_another_address() -> None:
    text = "Vea https://clínica.example/cita — gracias"
    assert fold(text) == text
    assert fold("Vea https://clinica.example/cita — gracias") == "Vea https://clinica.example/cita - gracias"
