"""What reading one message builds (drafts of findings, numbers, the reading) and the
windows and word lists the reader's passes share."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from .lexicon import Mention
from .model import Status
from .text import (
    Token,
)

PAIR_WINDOW: Final = 6  # tokens between a body site and what is wrong with it
SITE_LIST_WINDOW: Final = 10  # tokens from a listed site to the quality its list shares
NEG_WINDOW: Final = 8  # tokens a "no" reaches forward
MOD_WINDOW: Final = 10  # tokens between a modifier and the finding it qualifies
USED_TO_WINDOW: Final = 15
HYP_WINDOW: Final = 40
# Words that say a thing has already happened ("ago", "since"), and the participles after
# "have"/"has" that make a perfect ("have gone weak"): a what-if does not reach past them.
PAST_MARKERS: Final = frozenset({"ago", "yesterday", "since", "already", "earlier"})
PERFECT_AUX: Final = frozenset({"have", "has", "ve", "had"})
PARTICIPLES: Final = frozenset(
    {"gone", "been", "become", "got", "gotten", "had", "come", "begun", "lost", "thrown", "done"}
)


def has_happened(tokens: list[Token], k: int) -> bool:
    """Token k says something has happened: a past marker, or a perfect ("has gone")."""
    word = tokens[k].norm
    if word in PAST_MARKERS:
        return True
    if word in PERFECT_AUX and k + 1 < len(tokens) and tokens[k + 1].clause == tokens[k].clause:
        nxt = tokens[k + 1].norm
        return nxt in PARTICIPLES or (nxt.endswith("ed") and len(nxt) > 4)
    return False


# Words between a person named and their verb ("the woman next to me in the chemo suite had").
SUBJECT_REACH: Final = 9
# How long a relative clause between commas after a person may be (", who lives in Leeds,").
ASIDE_REACH: Final = 10
FIGURE_WINDOW: Final = 5  # tokens between a figure's subject and "giving me a headache"

OTHER: Final = 1
# "four more times": a count that adds to the one told before it.
ADDED_WORDS: Final = frozenset({"more", "further", "extra"})
SITE_SCORE_GAP: Final = 6  # most words a score's lead-in ("which is about") may take
SCORE_LEAD_PUNCT: Final = frozenset({",", "-", ":"})  # "my lower back - it's about a 7"
# How far back a "can't" reaches to the "without" it needs ("can't walk to the corner shop
# now without stopping").
CANT_WITHOUT_WINDOW: Final = 10
ON_TREATMENT: Final = "_on_active_treatment"
BONE_METS: Final = "_known_bone_metastases"
# Context a message can give of itself, as pseudo-findings with a status: marker -> draft
CONTEXT_MARKERS: Final = {"on_treatment": ON_TREATMENT, "bone_mets": BONE_METS}
CONTEXT_OF: Final = {ON_TREATMENT: "on_active_treatment", BONE_METS: "known_bone_metastases"}
CONTEXT_TAGS: Final = tuple((("marker", k), v) for k, v in CONTEXT_MARKERS.items())
BLOOD_CONCEPTS: Final = frozenset({"hemoptysis", "bleeding"})
UNRECOGNISED: Final = "unrecognised"


RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
FIRST_SINGULAR = frozenset({"i", "im", "ive", "id"})
# Words after "a 7" that make it an amount of something, not a score.
HIS_HER = frozenset({"his", "her"})
ONLY_WORDS = frozenset({"only", "just"})
NOT_SCORES = frozenset(
    {
        "year",
        "years",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "hour",
        "hours",
        "minute",
        "minutes",
        "mins",
        "am",
        "pm",
        "oclock",
        "percent",
        "%",
        "mile",
        "miles",
        "pound",
        "pounds",
        "kg",
        "stone",
        "lbs",
        "mg",
        "ml",
        "inch",
        "inches",
        "cm",
        "mm",
    }
)


SCORE_TAILS: Final = [
    ["from", "10"],
    ["/", "10"],
    ["out", "of", "10"],
    ["outta", "10"],
    ["of", "10"],
    ["/", "ten"],
    ["out", "of", "ten"],
    ["outta", "ten"],
]
SCORE_LEAD: Final = frozenset({"like", "about", "around", "maybe"})
ARTICLES: Final = frozenset({"a", "an"})
SCORE_COPULAS: Final = frozenset({"is", "s", "its", "was", "at", "about", "around"})
NUMBER_AND: Final = frozenset({"and"})
DECIMAL_WORDS: Final = frozenset({"point"})
HALF: Final = ("and", "a", "half")


_HYPHENS: Final = frozenset("-\u2010\u2011")


def glued_hyphen(text: str, start: int, end: int) -> bool:
    """A hyphen with a letter touching it on both sides joins the words of a compound."""
    return (
        text[start:end] in _HYPHENS
        and start > 0
        and end < len(text)
        and text[start - 1].isalpha()
        and text[end].isalpha()
    )


class Draft:
    """A finding while it is being built.

    (The English defaults above stand in for a language whose lexicon's `lists` do not
    name its own.)"""

    __slots__ = (
        "anchor",
        "concept",
        "count",
        "end",
        "from_question",
        "inner_neg",
        "loose",
        "mods",
        "score",
        "start",
        "status",
        "today",
        "value_c",
    )

    def __init__(self, concept: str, start: int, end: int, anchor: int, mods: Iterable[str] = ()) -> None:
        self.concept = concept
        self.start = start  # token index, inclusive
        self.end = end  # token index, exclusive
        self.anchor = anchor  # the token whose scope decides the status
        self.mods: set[str] = set(mods)
        self.inner_neg = False
        self.status: Status = "present"
        self.value_c: float | None = None
        self.score: int | None = None
        self.count: int | None = None  # the most in a day, where the message tells two days apart
        self.today: int | None = None  # the later day's count so far ("3 yesterday, 1 this morning")
        self.from_question = False
        self.loose = False  # a quality with no site, read by its default ("a nagging ache")

    def gap(self, i: int, j: int) -> int:
        """Tokens between this draft and the span [i, j)."""
        if j <= self.start:
            return self.start - j
        if i >= self.end:
            return i - self.end
        return 0


class Near:
    """Drafts sorted by position, so a window around a span is found by bisection."""

    SPAN: Final = 64  # longest a draft's span grows; keeps lookups to a window

    def __init__(self, drafts: list[Draft]) -> None:
        self.items = sorted(enumerate(drafts), key=lambda t: t[1].start)
        self.starts = [d.start for _, d in self.items]

    def around(self, i: int, j: int, window: int) -> list[tuple[int, Draft]]:
        lo = bisect_left(self.starts, i - window - self.SPAN)
        hi = bisect_right(self.starts, j + window)
        return self.items[lo:hi]


@dataclass(slots=True)
class Number:
    i: int
    j: int
    value: float
    decimal: bool
    count_word: bool = False


@dataclass(slots=True)
class Reading:
    tokens: list[Token]
    mentions: list[Mention]
    drafts: list[Draft]
    numbers: list[Number]
    loose_scores: list[tuple[int, int, int]]  # (i, j, score) attached to nothing
    loose_counts: list[tuple[int, int, int]]
    readings: list[tuple[int, int, float]]  # temperatures: (i, j, celsius)


def mention_owners(size: int, mentions: Sequence[Mention]) -> list[int]:
    """For each of `size` tokens, the index of the mention that holds it (-1 for none)."""
    owner = [-1] * size
    for idx, m in enumerate(mentions):
        for k in range(m.i, m.j):
            owner[k] = idx
    return owner


def positions_between(x: int, start: int, end: int) -> range:
    """The positions between token x and the cue [start, end), x included, the cue left out."""
    return range(x, start) if x < start else range(end, x + 1)
