"""Splitting a message into tokens that remember where they stand in the original text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

WORD: Final = 0
NUM: Final = 1
PUNCT: Final = 2

# Three plain alternatives, none nested under an unbounded repeat, so matching is
# linear in the length of the text whatever it holds.
_TOKEN: Final = re.compile(r"\d+[.,]\d+|[^\W_]+(?:['’‘`][^\W_]+)*|\S")
# Text that spells accents as combining marks ("corazo\u0301n" as some keyboards send
# "corazón") keeps them inside its words; other text keeps the faster pattern above.
_COMBINING: Final = re.compile(r"[\u0300-\u036f]")
_L: Final = r"(?:[^\W_]|[\u0300-\u036f])"
_TOKEN_MARKS: Final = re.compile(rf"\d+[.,]\d+|{_L}+(?:['’‘`]{_L}+)*|\S")
_APOSTROPHES: Final = str.maketrans("", "", "'’‘`")
_NUMBER_UNIT: Final = re.compile(r"(\d+)([^\W\d_]+)")
_POSSESSIVE: Final = re.compile(r"([^\W\d_]{2,})['’‘`]s")
_KEEP_S: Final = frozenset(
    [
        "it",
        "he",
        "she",
        "that",
        "there",
        "what",
        "let",
        "who",
        "here",
        "where",
        "how",
        "when",
        "why",
        "this",
        "one",
        "everyone",
        "someone",
        "nobody",
        "somebody",
    ]
)

SENTENCE_PUNCT: Final = frozenset(".!?;…")
CLAUSE_PUNCT: Final = frozenset(",:()[]-–—")  # not "/": "9/10" is one score
# Marks that open a sentence (Spanish "¿", "¡"): one begins there even when the texter left
# out the stop that ends the sentence before ("la cara hinchada ¿es normal").
OPENING_PUNCT: Final = frozenset("¿¡")


class Token:
    """A normalised token and the character span of the original text it came from."""

    __slots__ = (
        "clause",
        "end",
        "kind",
        "newline_before",
        "norm",
        "possessive",
        "sentence",
        "start",
        "value",
    )

    def __init__(self, norm: str, start: int, end: int, kind: int, value: float | None = None) -> None:
        self.norm = norm
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.newline_before = False
        self.possessive = False
        self.sentence = 0
        self.clause = 0

    def __repr__(self) -> str:
        return f"Token({self.norm!r}, {self.start}, {self.end})"


def raw_tokens(text: str) -> list[tuple[str, int, int, bool]]:
    """Lower-cased, apostrophe-free pieces of the text with their spans."""
    out = []
    pattern = _TOKEN_MARKS if _COMBINING.search(text) else _TOKEN
    for m in pattern.finditer(text):
        word = m.group().lower()
        possessive = _POSSESSIVE.fullmatch(word) if word[-1:] == "s" and len(word) > 3 else None
        owned = possessive is not None and possessive.group(1) not in _KEEP_S
        if owned and possessive is not None:
            # "bladder's", "Mum's": the word itself; "it's", "she's" stay contractions.
            word = possessive.group(1)
        piece = word.translate(_APOSTROPHES)
        if piece:  # a lone apostrophe says nothing
            out.append((piece, m.start(), m.end(), owned))
    return out


def split_number_unit(piece: str) -> tuple[str, str] | None:
    """'101f' -> ('101', 'f'); None when the piece is not a number glued to letters."""
    if not piece[0].isdigit():
        return None
    m = _NUMBER_UNIT.fullmatch(piece)
    return (m.group(1), m.group(2)) if m is not None else None


def parse_number(norm: str) -> float | None:
    if norm[0].isdigit():
        try:
            return float(norm.replace(",", "."))
        except ValueError:
            return None
    return None


def spoken_punctuation(tokens: list[Token], spoken: dict[tuple[str, ...], str]) -> list[Token]:
    """'still there full stop and my leg...': punctuation a voice-to-text message spelt out in
    words (one or two of them) becomes the mark itself. Linear in the tokens."""
    if not spoken:
        return tokens
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind == WORD:
            two = (tok.norm, tokens[i + 1].norm) if i + 1 < n else None
            mark = spoken.get(two) if two is not None else None
            width = 2
            if mark is None:
                mark, width = spoken.get((tok.norm,)), 1
            if mark is not None:
                out.append(Token(mark, tok.start, tokens[i + width - 1].end, PUNCT))
                i += width
                continue
        out.append(tok)
        i += 1
    return out


# A message typed a word at a time for emphasis, "cant. get. air." or "I. Can't. Breathe.",
# is one sentence: its full stops go when three or more one-word sentences stand in a row.
_STACCATO_RUN: Final = 3


def _one_word_sentence(tokens: list[Token], i: int, stops: Callable[[str], bool]) -> bool:
    """tokens[i] is a word with a full stop (or the message's edge) on both sides, and not one
    that must keep its stop (`stops`)."""
    if tokens[i].kind == PUNCT or stops(tokens[i].norm):
        return False
    before = i == 0 or tokens[i - 1].norm == "."
    after = i + 1 == len(tokens) or tokens[i + 1].norm == "."
    return before and after


def join_staccato(tokens: list[Token], stops: Callable[[str], bool]) -> list[Token]:
    """The tokens without the full stops inside a run of one-word sentences. A word that
    `stops` a run (an answer or a denial: "Yes. No. Blood. Everywhere.") keeps its sentence,
    or a bare "No." would deny all that follows it. Linear: each token is looked at a fixed
    number of times."""
    n = len(tokens)
    drop: set[int] = set()
    i = 0
    while i < n:
        if not _one_word_sentence(tokens, i, stops):
            i += 1
            continue
        run = [i]
        while run[-1] + 2 < n and _one_word_sentence(tokens, run[-1] + 2, stops):
            run.append(run[-1] + 2)
        if len(run) >= _STACCATO_RUN:
            drop.update(k + 1 for k in run[:-1])
        i = run[-1] + 1
    return [t for k, t in enumerate(tokens) if k not in drop] if drop else tokens


def mark_newlines(text: str, tokens: list[Token]) -> None:
    prev_end = 0
    for tok in tokens:
        if "\n" in text[prev_end : tok.start]:
            tok.newline_before = True
        prev_end = tok.end
