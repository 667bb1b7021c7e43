"""GSM-7 (3GPP TS 23.038, formerly GSM 03.38): one character outside it makes a text UCS-2,
which cuts a segment from 160 characters to 70 (153 and 67 once a text is split) and so
multiplies the cost. Vigil writes its texts as they should read, accents and all; the SMS
transport folds a text into GSM-7 when that loses no meaning (á to a, curly quotes to straight,
a dash to "-") and keeps what GSM-7 has (é, ñ, ü, ¿, ¡). A text with anything that has no plain
GSM-7 form (an emoji, another script) is sent as written, as UCS-2. docs/design.md says why
Vigil folds itself rather than rely on Twilio's Smart Encoding."""

from __future__ import annotations

import math
import re
import unicodedata

# The default alphabet, in table order (0x00-0x7F), without 0x1B, the escape to EXTENDED.
BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each costs two septets (the escape, then the character).
EXTENDED = frozenset("^{}\\[~]|€\f")

# Typographic characters with a plain GSM-7 form. Letters with accents GSM-7 lacks are not
# listed: they lose their marks (á to a, Í to I, ç to c) unless GSM-7 has them as they are.
PLAIN = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "′": "'",
    "`": "'",
    "´": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "″": '"',
    "«": '"',
    "»": '"',
    "‐": "-",
    "‑": "-",
    "–": "-",
    "—": "-",
    "‒": "-",
    "―": "-",
    "−": "-",
    "…": "...",
    "•": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\t": " ",
}


def is_gsm7(text: str) -> bool:
    return all(ch in BASIC or ch in EXTENDED for ch in text)


def _plain(ch: str) -> str | None:
    """The character's GSM-7 form: itself, its plain equivalent, or its letter without the
    marks GSM-7 lacks; None when it has none."""
    if ch in BASIC or ch in EXTENDED:
        return ch
    if ch in PLAIN:
        return PLAIN[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    # Only a letter loses its marks: "≠" is "=" with a stroke, and "=" would say the opposite.
    letter = unicodedata.category(base).startswith("L")
    if marks and letter and base in BASIC and all(unicodedata.combining(m) for m in marks):
        return base
    return None


# A link: its characters are an address, and an address without its accents is another one.
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def fold(text: str) -> str:
    """The text in GSM-7 if it can be without losing meaning, else the text unchanged."""
    composed = unicodedata.normalize("NFC", text)  # "e" + a combining acute is the é GSM-7 has
    if is_gsm7(composed):
        return composed
    if any(not is_gsm7(link) for link in _LINK.findall(composed)):
        return text  # clínica.example folded to clinica.example would lead somewhere else
    folded = []
    for ch in composed:
        plain = _plain(ch)
        if plain is None:
            return text
        folded.append(plain)
    out = "".join(folded)
    return out if segments(out) <= segments(text) else text  # folding must never cost more


def segments(text: str) -> int:
    """How many SMS segments the text takes as sent: GSM-7 (an extension character costs two
    septets) when it is all GSM-7, else UCS-2 (UTF-16 code units)."""
    if is_gsm7(text):
        units, single, part = sum(2 if ch in EXTENDED else 1 for ch in text), 160, 153
    else:
        units, single, part = len(text.encode("utf-16-le")) // 2, 70, 67
    return 1 if units <= single else math.ceil(units / part)
