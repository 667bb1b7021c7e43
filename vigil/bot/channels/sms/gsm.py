"""GSM-7: one character outside it makes a text UCS-2, which halves a segment (70 characters
instead of 160) and doubles the cost. Our own wording stays inside it; text a clinic wrote
(its questions) is folded into it where a plain equivalent exists."""

from __future__ import annotations

BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENDED = set("^{}\\[~]|€\f")
FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
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
        "°": " degrees ",
        "`": "'",
    }
)


def is_gsm7(text: str) -> bool:
    return all(ch in BASIC or ch in EXTENDED for ch in text)


def fold(text: str) -> str:
    """The text with typographic punctuation made plain, so it stays GSM-7 when it can."""
    folded = text.translate(FOLD).replace("  ", " ")
    return folded if is_gsm7(folded) else text.translate(FOLD)
