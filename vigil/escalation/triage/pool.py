"""What a conversation is made of (its messages, the changes a later message makes, the
reading after the last one), and the small helpers the pooling passes share."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Final

from symspellpy.editdistance import DistanceAlgorithm, EditDistance

from .lexicon import FOLD_LETTERS
from .model import Assessment, Finding, Level, Status

DEFAULT_WINDOW = timedelta(hours=48)
# What a named site gives a finding: a pronoun for the site later carries them over.
SITE_MODIFIERS: frozenset[str] = frozenset({"extensive", "one_sided"})
# What a correction may say of the finding before without taking it back: more of it. (Not
# how bad: "autocorrect, my CHESS is killing me" puts a word right and keeps the idiom.)
RAISING: Final = frozenset({"large_amount", "wont_stop"})
# How many findings said before "the other one too" may stand for (latest first).
OTHER_SIDE_LOOKS: Final = 5
COUNT_SPAN = timedelta(hours=24)  # "a day" for counts: the rules read rates per 24 hours
# Statuses a later mention gives an earlier finding of the same concept. "other" is not one:
# "my husband has a cough too" leaves the patient's own cough theirs (a correction moves it).
OVERRIDING: frozenset[str] = frozenset({"negated", "resolved"})
# English words for a third person and for the writer, and what makes a correction an
# addition; a language's conversation.yaml may name its own.
THEM: frozenset[str] = frozenset(
    {"he", "she", "his", "her", "him", "hes", "shes", "he's", "she's", "hers", "himself", "herself"}
)
ME: frozenset[str] = frozenset(
    {"i", "im", "i'm", "ive", "i've", "id", "i'd", "ill", "i'll", "my", "me", "mine", "myself"}
)
# (not "too" as "overly": "they bleed when I brush too hard" adds nothing)
ALSO: re.Pattern[str] = re.compile(
    r"\b(too(?! (hard|much|many|hot|cold|long|fast|soon|bad|far|often|early|late|big|small|little"
    r"|high|low|tight|strong|weak|tired|busy|scared|worried)\b)|as well|also)\b"
)
# "He", "she": a third person as the one who has what follows (`them_subject` in a language's data).
THEM_SUBJECT: frozenset[str] = frozenset({"he", "she", "hes", "shes", "he's", "she's"})
# The people-words that may stand for a body part named before them in the message.
SITE_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their", "theirs"})
# A site said to be spared: "not my legs", "legs are fine".
SITE_DENIED_BEFORE: re.Pattern[str] = re.compile(
    r"\b(not|no|never|except|apart from)\W+((my|the|his|her|both)\W+)?$"
)
SITE_FINE_AFTER: re.Pattern[str] = re.compile(
    r"^\W*((is|are|s|feel|feels|seem|seems)\W+)?(fine|ok|okay|alright|normal|good)\b"
)
# Words that may go with a site said alone ("my lower back", "the left leg").
SITE_WORDS: frozenset[str] = frozenset(
    {"my", "the", "his", "her", "both", "left", "right", "lower", "upper", "and"}
)


@dataclass(frozen=True, slots=True)
class Message:
    """One message of a conversation, as the caller read it from its store."""

    text: str
    at: datetime
    question: str | None = None
    # This message's own context, over the conversation's: `{"writer": "carer"}` when one of
    # the patient's carers wrote it (what they write is about the patient).
    context: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """A later message changed an earlier finding: for the nurse to see, never to lower a case."""

    concept: str
    status: Status
    message: int  # the earlier message whose finding changed
    by: int  # the message that changed it


@dataclass(frozen=True, slots=True)
class Reading:
    """The patient's state after the last message, and what the last message did to it."""

    assessment: Assessment  # after the last message
    before: Assessment  # the same window without the last message
    last: Assessment  # the last message alone
    changes: tuple[Change, ...]  # made by the last message
    first: int  # index of the first message inside the window

    @property
    def rose(self) -> bool:
        """The last message made the conversation more urgent than it was."""
        return self.assessment.level > self.before.level

    @property
    def level(self) -> Level:
        """The level this message stands for: its own, or what it completed with the others."""
        return max(self.last.level, self.assessment.level if self.rose else Level.NONE)


# Where a clause ends, for what is said in a finding's own clause.
CLAUSE_END: Final = re.compile(r"[,.;:!?]|\bbut\b")

# A message that is a number and nothing more (an article or "/10" aside): "8", "un 7", "6/10".
BARE_SCORE: Final = re.compile(
    r"\W*(?:(?:un|una|a|an|el|like|como)\s+)?(\d{1,2})\s*(?:/\s*10|de 10|out of 10)?\W*"
)


def plain_text(text: str, fold: bool = False) -> str:
    # Same length as the text, so that a match's offsets are the message's own.
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if fold:  # "corazón" and "corazon" alike; one letter for one, offsets kept
        lowered = lowered.translate(FOLD_LETTERS)
    return lowered.replace("\u2019", "'").replace("\u2018", "'")


def first_match(patterns: Sequence[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None


_WORDS: Final = re.compile(r"[a-z']+")
_LONG_WORDS: Final = re.compile(r"[a-z']{3,}")


def word_set(text: str) -> set[str]:
    """The lower-case words of a text, as the conversation phrases see them."""
    return set(_WORDS.findall(text))


def stem_set(text: str) -> set[str]:
    """The stems of a text's words of three letters or more ("legs" and "leg's" are "leg")."""
    return {word_stem(w) for w in _LONG_WORDS.findall(text)}


def word_stem(word: str) -> str:
    """A word compared without its plural or its "'s": "legs" and "leg", "back's" and "back"."""
    return word.removesuffix("'s").rstrip("s")


def overturned(finding: Finding, status: Status) -> Finding:
    """An earlier finding after a later message changed it. Taken back or someone else's: it
    was never the patient's. Got better: it still counts within the window — a faint that is
    "fine now", breathlessness that "settled", still needs a nurse's judgement (TRIAGE.md: a
    raised case stays raised), and back pain that eased still makes new numbness `mscc-neuro`.
    The change is reported either way."""
    return finding if status == "resolved" else replace(finding, status=status)


def last_status(pool: Sequence[Sequence[Finding]]) -> Status | None:
    """The one status every finding of the latest message with findings has, when it is not
    present ("la tos ya se me quitó": resolved)."""
    for findings in reversed(pool):
        if findings:
            statuses = {f.status for f in findings}
            if len(statuses) == 1 and not findings[0].present:
                return findings[0].status
            return None
    return None


def fever_words_take_readings(pool: list[list[Finding]]) -> None:
    """'tengo calentura' then '37.6' (to "¿Cuál es su temperatura?"): the later reading says how
    high the fever named before is — low-grade here, not a fever of unknown height."""
    latest: Finding | None = None
    for findings in reversed(pool):
        if latest is None:
            latest = next((f for f in findings if f.concept == "fever" and f.present and f.value_c), None)
            continue
        for k, f in enumerate(findings):
            if f.concept == "fever" and f.present and f.value_c is None:
                mods = set(f.modifiers) | ({"low_grade"} if "low_grade" in latest.modifiers else set())
                findings[k] = replace(f, value_c=latest.value_c, modifiers=tuple(sorted(mods)))


def fever_without_reading(f: Finding) -> bool:
    return f.concept == "fever" and f.present and f.value_c is None


_EDITS: Final = EditDistance(DistanceAlgorithm.LEVENSHTEIN)


def edit_distance(a: str, b: str) -> int:
    """Edits (a letter added, dropped or changed) that spell `a` as `b` (symspellpy's, which
    the spelling corrector already uses; uncapped, so the count is exact)."""
    return int(_EDITS.compare(a, b, len(a) + len(b)))


def last_was_someone_else(pool: Sequence[Sequence[Finding]]) -> bool:
    """The latest message that described anyone described someone else, not the patient."""
    for findings in reversed(pool):
        described = [f for f in findings if f.status in ("present", "other")]
        if described:
            return all(f.status == "other" for f in described)
    return False
