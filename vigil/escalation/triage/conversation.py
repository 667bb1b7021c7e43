"""A patient's recent messages read together (TRIAGE.md, "Conversations").

Each message is read alone first, with the question it answered; then the findings are
pooled: a later message can take back, resolve or reassign an earlier finding, counts of the
last day add up, and the rules fire on the pool. Still pure: the caller passes the messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any, Final

from symspellpy.editdistance import DistanceAlgorithm, EditDistance

from .engine import WRITER, TriageEngine, load_data
from .model import Assessment, Finding, Level, Status
from .rules import evaluate

DEFAULT_WINDOW = timedelta(hours=48)
# What a named site gives a finding: a pronoun for the site later carries them over.
SITE_MODIFIERS: frozenset[str] = frozenset({"extensive", "one_sided"})
# What a correction may say of the finding before without taking it back: more of it. (Not
# how bad: "autocorrect, my CHESS is killing me" puts a word right and keeps the idiom.)
_RAISING: Final = frozenset({"large_amount", "wont_stop"})
# How many findings said before "the other one too" may stand for (latest first).
OTHER_SIDE_LOOKS: Final = 5
COUNT_SPAN = timedelta(hours=24)  # "a day" for counts: the rules read rates per 24 hours
# Statuses a later mention gives an earlier finding of the same concept. "other" is not one:
# "my husband has a cough too" leaves the patient's own cough theirs (a correction moves it).
_OVERRIDING: frozenset[str] = frozenset({"negated", "resolved"})
# English words for a third person and for the writer, and what makes a correction an
# addition; a language's conversation.yaml may name its own.
THEM: frozenset[str] = frozenset(
    {"he", "she", "his", "her", "him", "hes", "shes", "he's", "she's", "hers", "himself", "herself"}
)
ME: frozenset[str] = frozenset(
    {"i", "im", "i'm", "ive", "i've", "id", "i'd", "ill", "i'll", "my", "me", "mine", "myself"}
)
ALSO: re.Pattern[str] = re.compile(r"\b(too|as well|also)\b")
# "He", "she": a third person as the one who has what follows (`them_subject` in a language's data).
THEM_SUBJECT: frozenset[str] = frozenset({"he", "she", "hes", "shes", "he's", "she's"})
# The people-words that may stand for a body part named before them in the message.
SITE_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their", "theirs"})
# A site said to be spared: "not my legs", "legs are fine".
_SITE_DENIED_BEFORE: re.Pattern[str] = re.compile(
    r"\b(not|no|never|except|apart from)\W+((my|the|his|her|both)\W+)?$"
)
_SITE_FINE_AFTER: re.Pattern[str] = re.compile(
    r"^\W*((is|are|s|feel|feels|seem|seems)\W+)?(fine|ok|okay|alright|normal|good)\b"
)
# Words that may go with a site said alone ("my lower back", "the left leg").
_SITE_WORDS: frozenset[str] = frozenset(
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


@dataclass(frozen=True, slots=True)
class Phrases:
    retract: tuple[re.Pattern[str], ...]
    reassign: tuple[re.Pattern[str], ...]
    resolve: tuple[re.Pattern[str], ...]
    reassign_named: tuple[re.Pattern[str], ...]
    reassign_after: tuple[re.Pattern[str], ...]
    correction: tuple[re.Pattern[str], ...]
    again: tuple[re.Pattern[str], ...]
    numbers: Mapping[str, int]
    counted: frozenset[str]
    # A story on a screen or a page ("watching Call the Midwife"): what its people suffer in
    # the next messages is theirs, told by `people` words ("the poor woman", "a man").
    fiction: tuple[re.Pattern[str], ...] = ()
    # As `reassign`, only when the message before did not speak of the writer (`me`): "bled
    # a lot" then "my granddaughter cut herself, I'm fine" (not "I coughed up a cupful").
    reassign_unowned: tuple[re.Pattern[str], ...] = ()
    # The writer says, alone, that they are well ("yo estoy bien"): the message before, read
    # with it as one text, may then be about the person it names ("Mi mamá vomitó").
    writer_well: tuple[re.Pattern[str], ...] = ()
    people: frozenset[str] = frozenset()
    # Capitalised words that open a sentence without being anyone's name ("Today has been...").
    not_names: frozenset[str] = frozenset()
    # "That was 1985": the message before told of the past, not of now.
    history: tuple[re.Pattern[str], ...] = ()
    # "glad that's all over" after a message told of the past ("when I had the op"): that
    # message was history too.
    history_over: tuple[re.Pattern[str], ...] = ()
    told_past: tuple[re.Pattern[str], ...] = ()
    # A reading corrected: "sorry, 36.8, misread it" replaces the reading before.
    reading_fix: tuple[re.Pattern[str], ...] = ()
    # "no sorry 37.7": the "no" that opens a corrected reading, and the words that would still
    # deny the reading after it ("no, not 37.7").
    leading_no: tuple[re.Pattern[str], ...] = ()
    denial: re.Pattern[str] = re.compile(r"\b(no|not|isnt|isn't|wasnt|wasn't|never|nothing)\b")
    covers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # "y la fiebre tb" after "la tos ya se me quitó": what is named goes the way of the last.
    same_as_before: tuple[re.Pattern[str], ...] = ()
    # In a correction that gives the message before away, the words of a clause that speak of
    # that person ("ella es la del dolor de cabeza", "a él le duele") and the writer's own
    # ("yo tengo tos", "la tos es mía"), which keep a finding the writer's.
    their_clause: re.Pattern[str] | None = None
    mine: frozenset[str] = frozenset()
    # What joins a message to the one before when they are read as one text: a new line, or
    # a comma where a new sentence would forget who was named ("mi esposo está mal" then "él
    # no puede caminar": "él", read "el", is not a pronoun to the reader).
    joiner: str = "\n"
    # "no" to a check-in question, then "la verdad sí, perdón por mentir": the yes stands.
    reverse: tuple[re.Pattern[str], ...] = ()
    # "mi suegra tiene tos" then "y diarrea": a message that opens by going on with the one
    # before goes on about the same person.
    continues: re.Pattern[str] | None = None
    # "We've rung his GP", "she's in a care home": a later message sets the person written
    # about apart from the clinic's care, so "my dad" of the message before is not the patient.
    apart: tuple[tuple[str, ...], ...] = ()
    # "What if my legs go numb?" then "both of them went numb": a pronoun just before a
    # finding stands for the site an earlier mention of the same concept named.
    site_pronoun: re.Pattern[str] | None = None
    site_pronoun_after: re.Pattern[str] | None = None
    # A finding whose own words are only a pronoun and its verb ("le duele"): the subject left
    # unsaid is the site named before.
    site_pronoun_lead: re.Pattern[str] | None = None
    # The sentence of the finding opens with the same pronoun ("it came out of nowhere, like
    # being kicked by a horse"): the pronoun is what the sentence speaks of, however far back.
    site_pronoun_opens: re.Pattern[str] | None = None
    # "cough's been bad all week" then "now there's blood in it": blood `in_it` of a finding
    # named before is of the kind `carried` says ({bleeding: {cough: hemoptysis}}).
    in_it: re.Pattern[str] | None = None
    # "coughing a lot" then "red spots in the tissue": blood in what one coughs into.
    in_tissue: re.Pattern[str] | None = None
    # "she IS your patient", "this is her son": the person written about is the patient.
    claim: tuple[re.Pattern[str], ...] = ()
    # "my brother's chest pain ..." then "now mine's started": the writer has it now.
    mine_too: tuple[re.Pattern[str], ...] = ()
    # "not the bad arm, the other one": a denial that moves a finding, not one that takes it away.
    other_place: tuple[re.Pattern[str], ...] = ()
    # "tripped on the rug" then "caught my foot again": tripping that keeps happening.
    trip: tuple[re.Pattern[str], ...] = ()
    trip_again: tuple[re.Pattern[str], ...] = ()
    not_coughed: re.Pattern[str] | None = None
    carried: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # A count said on its own ("it's been 6 today") is the day's total, not one more, when it
    # says so ("today", "so far", "already").
    count_total: tuple[re.Pattern[str], ...] = ()
    tally: tuple[re.Pattern[str], ...] = ()
    # Words for a third person and for the writer ("he", "I"), and what makes a correction
    # an addition instead ("too"): English unless the language's data says otherwise.
    them: frozenset[str] = field(default_factory=lambda: THEM)
    them_subject: frozenset[str] = field(default_factory=lambda: THEM_SUBJECT)
    me: frozenset[str] = field(default_factory=lambda: ME)
    also: re.Pattern[str] = field(default_factory=lambda: ALSO)
    fold_accents: bool = False
    # "feverish tonight" then "37.9 under the tongue": the later reading says how high the
    # fever named before is (as the lexicon's `fever_word_takes_reading` does in one message).
    reading_measures_fever: bool = False
    # "3/10" then "sorry meant 9 not 3": a 0-10 score corrected.
    score_fix: tuple[re.Pattern[str], ...] = ()
    # "had stopped" then "there's a fleck again tonight": what was over is back.
    recur: tuple[re.Pattern[str], ...] = ()
    # "had the runs last week" then "all settled now": over then, not now.
    told_weeks_ago: tuple[re.Pattern[str], ...] = ()
    # "had a headache yesterday" then "gone now": of an earlier day, over if nothing was raised.
    told_days_ago: tuple[re.Pattern[str], ...] = ()
    # In a correction, a site said to be fine ("no wait, legs are fine"): what was said of it
    # before is taken back (`what` names the site).
    site_fine: tuple[re.Pattern[str], ...] = ()
    # In a correction, a finding named as a reference to what was said ("ignore the breathless
    # bit"): what follows the finding's words.
    named_back: re.Pattern[str] | None = None
    named_before: re.Pattern[str] | None = None
    # "sorry, I meant me": someone else's findings said before are the writer's after all.
    me_after_all: tuple[re.Pattern[str], ...] = ()
    # "I've had diarrhoea myself": a carer's own finding, not a third person's.
    writers_own: tuple[re.Pattern[str], ...] = ()
    # "*feet", "I meant my arms": a correction giving only a site (`site`).
    site_fix: tuple[re.Pattern[str], ...] = ()
    # "sorry, it was from my gums": where blood said before came from; `sourced` maps the
    # kind of blood said before to the plain one.
    blood_source: tuple[re.Pattern[str], ...] = ()
    sourced: Mapping[str, str] = field(default_factory=dict)
    # "blood on my pillow?" then "oh it's red wine, knocked the glass": what looked like blood
    # was a food or drink that stains red; `stained` names the blood findings it takes back.
    stain_source: tuple[re.Pattern[str], ...] = ()
    stained: frozenset[str] = frozenset()
    # "autocorrect", "typo": the words before were wrong, not said too weakly.
    mistyped: tuple[re.Pattern[str], ...] = ()
    # "*legs": the texting mark for a word put right, without saying so.
    respell: tuple[re.Pattern[str], ...] = ()
    # "my right leg is numb" then "the other one too now": the finding at both (`pairs` names
    # each site's two).
    other_too: tuple[re.Pattern[str], ...] = ()
    pairs: Mapping[str, str] = field(default_factory=dict)
    # "numb feet" then "now it's up to my knees": the finding before has spread to the site named.
    spread: tuple[re.Pattern[str], ...] = ()
    # "no pain now", "not bleeding any more": a denial of now, after the finding was said.
    no_longer: tuple[re.Pattern[str], ...] = ()
    # "spat out something pink" then "this time bright red": a colour of blood (a `quality` of
    # the lexicon's) with no place of its own, after blood, is read as if `word` followed it.
    colour: Mapping[str, str] = field(default_factory=dict)
    # "*can't WAIT, see you Thursday": the words a star opens with (`clause`) put right words of
    # the message before, even words that made a finding.
    star: re.Pattern[str] | None = None
    # "meant my hand not my leg": the right word (`new`) for the wrong one (`old`), said outright.
    swap: tuple[re.Pattern[str], ...] = ()
    # "right leg's gone numb" then "the left too": one limb named on each side is both of
    # them (`both_sides.gives`), as if said together; `limb` the limb whose both sides count,
    # `other_limb` a smaller part that does not ("the left foot too"), `both` "both of them".
    both_sides: Mapping[str, Any] = field(default_factory=dict)


@cache
def phrases(language: str = "en") -> Phrases:
    folder = resources.files(__package__) / "data" / language
    try:
        data: dict[str, Any] = load_data((folder / "conversation.yaml").read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        data = {}

    def patterns(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(str(p)) for p in data.get(key) or ())

    return Phrases(
        retract=patterns("retract"),
        reassign=patterns("reassign"),
        resolve=patterns("resolve"),
        reassign_named=patterns("reassign_named"),
        reassign_after=patterns("reassign_after"),
        reassign_unowned=patterns("reassign_unowned"),
        writer_well=patterns("writer_well"),
        correction=patterns("correction"),
        again=patterns("again"),
        fiction=patterns("fiction"),
        people=frozenset(str(w) for w in data.get("people") or ()),
        not_names=frozenset(str(w) for w in data.get("not_names") or ()),
        history=patterns("history"),
        history_over=patterns("history_over"),
        told_past=patterns("told_past"),
        reading_fix=patterns("reading_fix"),
        leading_no=patterns("leading_no"),
        numbers={str(k): int(v) for k, v in (data.get("numbers") or {}).items()},
        counted=frozenset(str(c) for c in data.get("counted") or ()),
        covers={str(k): frozenset(str(c) for c in v) for k, v in (data.get("covers") or {}).items()},
        same_as_before=patterns("same_as_before"),
        reverse=patterns("reverse"),
        joiner=str(data.get("joiner", "\n")),
        continues=re.compile(str(data["continues"])) if data.get("continues") else None,
        their_clause=re.compile(str(data["their_clause"])) if data.get("their_clause") else None,
        mine=frozenset(str(w) for w in data.get("mine") or ()),
        apart=tuple(tuple(str(c).split()) for c in data.get("apart") or ()),
        tally=patterns("tally"),
        site_pronoun=re.compile(str(data["site_pronoun"])) if data.get("site_pronoun") else None,
        site_pronoun_after=re.compile(str(data["site_pronoun_after"]))
        if data.get("site_pronoun_after")
        else None,
        site_pronoun_lead=re.compile(str(data["site_pronoun_lead"]))
        if data.get("site_pronoun_lead")
        else None,
        site_pronoun_opens=re.compile(str(data["site_pronoun_opens"]))
        if data.get("site_pronoun_opens")
        else None,
        in_it=re.compile(str(data["in_it"])) if data.get("in_it") else None,
        in_tissue=re.compile(str(data["in_tissue"])) if data.get("in_tissue") else None,
        claim=patterns("claim"),
        mine_too=patterns("mine_too"),
        other_place=patterns("other_place"),
        trip=patterns("trip"),
        trip_again=patterns("trip_again"),
        not_coughed=re.compile(str(data["not_coughed"])) if data.get("not_coughed") else None,
        carried={
            str(k): {str(a): str(b) for a, b in v.items()} for k, v in (data.get("carried") or {}).items()
        },
        count_total=patterns("count_total"),
        them=frozenset(str(w) for w in data["them"]) if data.get("them") else THEM,
        them_subject=(
            frozenset(str(w) for w in data["them_subject"]) if data.get("them_subject") else THEM_SUBJECT
        ),
        me=frozenset(str(w) for w in data["me"]) if data.get("me") else ME,
        also=re.compile(str(data["also"])) if data.get("also") else ALSO,
        fold_accents=bool(data.get("fold_accents", False)),
        reading_measures_fever=bool(data.get("reading_measures_fever", False)),
        score_fix=patterns("score_fix"),
        recur=patterns("recur"),
        told_weeks_ago=patterns("told_weeks_ago"),
        told_days_ago=patterns("told_days_ago"),
        site_fine=patterns("site_fine"),
        named_back=re.compile(str(data["named_back"])) if data.get("named_back") else None,
        named_before=re.compile(str(data["named_before"])) if data.get("named_before") else None,
        mistyped=patterns("mistyped"),
        respell=patterns("respell"),
        star=re.compile(str(data["star"])) if data.get("star") else None,
        swap=patterns("swap"),
        no_longer=patterns("no_longer"),
        spread=patterns("spread"),
        other_too=patterns("other_too"),
        pairs={str(k): str(v) for k, v in (data.get("pairs") or {}).items()},
        colour={str(k): str(v) for k, v in (data.get("colour") or {}).items()},
        me_after_all=patterns("me_after_all"),
        writers_own=patterns("writers_own"),
        site_fix=patterns("site_fix"),
        blood_source=patterns("blood_source"),
        sourced={str(k): str(v) for k, v in (data.get("sourced") or {}).items()},
        stain_source=patterns("stain_source"),
        stained=frozenset(str(c) for c in data.get("stained") or ()),
        both_sides={
            str(k): [re.compile(str(x)) for x in v] if isinstance(v, list) and k == "sides" else v
            for k, v in (data.get("both_sides") or {}).items()
        },
    )


# Where a clause ends, for what is said in a finding's own clause.
_CLAUSE_END: Final = re.compile(r"[,.;:!?]|\bbut\b")

_FOLD = str.maketrans("áéíóúüñàèìòùâêîôû", "aeiouunaeiouaeiou")


# A message that is a number and nothing more (an article or "/10" aside): "8", "un 7", "6/10".
_BARE_SCORE: Final = re.compile(
    r"\W*(?:(?:un|una|a|an|el|like|como)\s+)?(\d{1,2})\s*(?:/\s*10|de 10|out of 10)?\W*"
)


def _plain(text: str, fold: bool = False) -> str:
    # Same length as the text, so that a match's offsets are the message's own.
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if fold:  # "corazón" and "corazon" alike; one letter for one, offsets kept
        lowered = lowered.translate(_FOLD)
    return lowered.replace("\u2019", "'").replace("\u2018", "'")


def _matches(patterns: Sequence[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None


def _overturned(finding: Finding, status: Status) -> Finding:
    """An earlier finding after a later message changed it. Taken back or someone else's: it
    was never the patient's. Got better: it still counts within the window — a faint that is
    "fine now", breathlessness that "settled", still needs a nurse's judgement (TRIAGE.md: a
    raised case stays raised), and back pain that eased still makes new numbness `mscc-neuro`.
    The change is reported either way."""
    return finding if status == "resolved" else replace(finding, status=status)


def _last_status(pool: Sequence[Sequence[Finding]]) -> Status | None:
    """The one status every finding of the latest message with findings has, when it is not
    present ("la tos ya se me quitó": resolved)."""
    for findings in reversed(pool):
        if findings:
            statuses = {f.status for f in findings}
            if len(statuses) == 1 and not findings[0].present:
                return findings[0].status
            return None
    return None


def _fever_words_take_readings(pool: list[list[Finding]]) -> None:
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


def _fever_without_reading(f: Finding) -> bool:
    return f.concept == "fever" and f.present and f.value_c is None


_EDITS: Final = EditDistance(DistanceAlgorithm.LEVENSHTEIN)


def _distance(a: str, b: str) -> int:
    """Edits (a letter added, dropped or changed) that spell `a` as `b` (symspellpy's, which
    the spelling corrector already uses; uncapped, so the count is exact)."""
    return int(_EDITS.compare(a, b, len(a) + len(b)))


def _last_was_someone_else(pool: Sequence[Sequence[Finding]]) -> bool:
    """The latest message that described anyone described someone else, not the patient."""
    for findings in reversed(pool):
        described = [f for f in findings if f.status in ("present", "other")]
        if described:
            return all(f.status == "other" for f in described)
    return False


class ConversationReader:
    """Reads conversations with one engine; cheap to make, holds no state between calls."""

    def __init__(self, engine: TriageEngine, language: str | None = None) -> None:
        self.engine = engine
        self.phrases = phrases(language or engine.lexicon.language)

    def read(
        self,
        messages: Sequence[Message],
        context: Mapping[str, Any] | None = None,
        *,
        window: timedelta = DEFAULT_WINDOW,
        emergency_number: str | None = None,
        crisis_line: str | None = None,
        singles: Sequence[Assessment | None] | None = None,
    ) -> Reading:
        """Assess the patient after the last message. `singles` may carry assessments of
        earlier messages already made (same order; None where not), to save reading them again."""
        if not messages:
            raise ValueError("a conversation needs at least one message")
        end = messages[-1].at
        first = next(i for i, m in enumerate(messages) if m.at >= end - window or i == len(messages) - 1)
        alone: list[Assessment] = []
        writers: list[Mapping[str, Any] | None] = []
        claimed = self._claimed(messages[first:])
        for i in range(first, len(messages)):
            known = singles[i] if singles is not None and i < len(singles) and not claimed else None
            m = messages[i]
            own = {**(context or {}), **m.context} if m.context else context
            if claimed and WRITER not in (own or {}):
                # "she IS your patient": whom the writer writes about is the patient
                own = {**(own or {}), WRITER: "carer"}
            alone.append(known if known is not None else self.engine.assess(m.text, m.question, own))
            writers.append({WRITER: own[WRITER]} if own and WRITER in own else None)
        texts = [_plain(m.text, self.phrases.fold_accents) for m in messages[first:]]
        times = [m.at for m in messages[first:]]
        originals = [m.text for m in messages[first:]]
        qualities = [self._asks_quality(m.question) for m in messages[first:]]
        scales = [self._asks_bare(m.question) for m in messages[first:]]
        pooled, changes = self._pool(alone, texts, times, first, originals, qualities, scales, writers)
        before: Sequence[Finding] = ()
        if len(alone) > 1:
            before, _ = self._pool(
                alone[:-1],
                texts[:-1],
                times[:-1],
                first,
                originals[:-1],
                qualities[:-1],
                scales[:-1],
                writers[:-1],
            )
        last = alone[-1]
        final = [f for f in pooled if f.message == len(messages) - 1]
        if len(alone) > 1 and [f.status for f in final] != [f.status for f in last.findings]:
            # The conversation reads the last message otherwise than alone ("he" is still the
            # husband of the message before): its own level is what it says read so.
            last = self._assess(final, alone[-1:], context, emergency_number, crisis_line)
        if len(alone) == 1:
            # A conversation of one message is that message, exactly.
            last = replace(last, findings=tuple(replace(f, message=first) for f in last.findings))
            return Reading(last, self._empty(last), last, (), first)
        return Reading(
            self._assess(pooled, alone, context, emergency_number, crisis_line),
            self._assess(before, alone[:-1], context, emergency_number, crisis_line),
            last,
            tuple(c for c in changes if c.by == len(messages) - 1),
            first,
        )

    def _claimed(self, messages: Sequence[Message]) -> bool:
        """A message of the window says the person written about is the clinic's patient."""
        claim = self.phrases.claim
        return bool(claim) and any(
            _matches(claim, _plain(m.text, self.phrases.fold_accents)) is not None for m in messages
        )

    def _mine_too(
        self,
        pool: Sequence[Sequence[Finding]],
        text: str,
        original: str,
        index: int,
        own: Sequence[Finding] = (),
    ) -> list[Finding]:
        """Someone else's latest findings, now the writer's own ("now mine's started"), with
        what this message says of them (a 0-10 score, "really bad"); in the same message too
        ("my husband has a cough and now I've caught it")."""
        m = _matches(self.phrases.mine_too, text)
        if m is None:
            return []
        said: Sequence[Finding] = [f for f in own if f.status == "other" and f.end <= m.start()]
        earlier = next((fs for fs in reversed(pool) if any(f.status == "other" for f in fs)), None)
        theirs = said or earlier
        if not theirs:
            return []
        scores, _ = self.engine.reader.loose_numbers(original)
        mods = self.engine.reader.free_modifiers(original)
        targets = self.engine.lexicon.modifier_targets
        score_targets = self.engine.lexicon.lists.get("score_targets", frozenset())
        out: list[Finding] = []
        for f in theirs:
            if f.status != "other" or any(o.concept == f.concept for o in out):
                continue
            extra = {x for x in mods if f.concept in targets.get(x, ())}
            score = scores[-1][2] if scores and f.concept in score_targets else None
            if score is not None and score >= 7:
                extra.add("severe")
            out.append(
                Finding(
                    concept=f.concept,
                    status="present",
                    start=m.start(),
                    end=m.end(),
                    evidence=original[m.start() : m.end()],
                    modifiers=tuple(sorted(extra)),
                    score=score,
                    message=index,
                )
            )
        return out

    def _asks_bare(self, question: str | None) -> str | None:
        """What a question asks a number for without naming what it is of: a 0-10 score ("¿Del
        0 al 10, qué tan fuerte?", "scale") or a count ("How many times today?", "count"). A
        bare number answering it rates or counts what was said before."""
        if question is None:
            return None
        q = self.engine.question(question)
        return q.kind if q.kind in ("scale", "count") and not q.concepts else None

    def _asks_quality(self, question: str | None) -> bool:
        """Whether a question asks about a quality of a symptom ("more than a teaspoon?",
        "any NEW weakness?"): a "no" to it denies the quality, not the symptom."""
        return question is not None and bool(self.engine.question(question).modifiers)

    def _empty(self, like: Assessment) -> Assessment:
        return Assessment(Level.NONE, (), (), "", like.ruleset)

    def _assess(
        self,
        findings: Sequence[Finding],
        alone: Sequence[Assessment],
        context: Mapping[str, Any] | None,
        emergency_number: str | None,
        crisis_line: str | None,
    ) -> Assessment:
        ctx = {str(k): bool(v) for k, v in (context or {}).items() if k != WRITER}
        for a in alone:  # what the patient said of their treatment holds for the window
            ctx.update({k: True for k, v in a.context.items() if v})
        fired = evaluate(self.engine.rules, findings, ctx)
        if fired:
            level = max(r.level for r in fired)
        elif any(f.present for f in findings):
            level = Level.ROUTINE
        else:
            level = Level.NONE
        rules = [r.id for r in fired]
        return Assessment(
            level=level,
            findings=tuple(findings),
            rules=tuple(rules),
            advice=self.engine.render_advice(
                level, rules, emergency_number=emergency_number, crisis_line=crisis_line
            ),
            ruleset=alone[-1].ruleset if alone else self.engine.version,
            rule_levels={r.id: r.level for r in fired},
            rule_concepts={r.id: r.concepts for r in fired},
            other_person_level=self.engine.other_person_level(findings),
            context=ctx,
        )

    def _pool(
        self,
        alone: Sequence[Assessment],
        texts: Sequence[str],
        times: Sequence[datetime],
        offset: int,
        originals: Sequence[str],
        qualities: Sequence[bool],
        scales: Sequence[str | None] = (),
        writers: Sequence[Mapping[str, Any] | None] = (),
    ) -> tuple[list[Finding], list[Change]]:
        """Every finding of the window with its latest status, and the changes made."""
        pool: list[list[Finding]] = []
        changes: list[Change] = []
        story = False  # inside a story on a screen or a page
        totals: set[int] = set()  # messages whose count is the day's total
        people = self.phrases.people | self.phrases.them
        theirs = self._set_apart(alone, originals)
        for i, (a, text) in enumerate(zip(alone, texts, strict=True)):
            index = offset + i
            mine = [
                replace(f, message=index, status="other" if (i, f.concept, f.start) in theirs else f.status)
                for f in a.findings
            ]
            present = [f for f in mine if f.present]
            words = set(re.findall(r"[a-z']+", text))
            mine_said = not words.isdisjoint(self.phrases.me)
            story = _matches(self.phrases.fiction, text) is not None or (story and not mine_said)
            in_story = present and story and not mine_said
            if in_story and (
                not (words - self._site_pronouns(originals[i])).isdisjoint(people)
                or self._named_subject(originals[i], present)
            ):
                # "Watching Call the Midwife" then "the poor woman is bleeding and they can't
                # stop it": hers, not the patient's.
                mine = [replace(f, status="other") if f.present else f for f in mine]
                present = []
            if any(f.concept in self.phrases.counted and f.count is None for f in present):
                # "another 3 since lunch 🤮": the count the message gives is the emoji's.
                mine = self._count_more(mine, text)
                present = [f for f in mine if f.present]
            if present and self._fixes_reading(text, pool):
                # "38.9" then "sorry, 38.4, misread it": the new reading stands for the old.
                changes += self._replace_readings(pool, index, offset)
            # The message speaks of a third person and not of the writer.
            about_them = not mine_said and not words.isdisjoint(self.phrases.them)
            if (
                present
                and about_them
                and _last_was_someone_else(pool)
                and not self._was_the_writers(pool, texts)
            ):
                # "my husband's had a cough all week" then "he coughed up blood this morning":
                # still the husband.
                mine = [replace(f, status="other") if f.present else f for f in mine]
                present = []
            elif present and about_them and i and not any(f.present for f in pool[-1]):
                # "My husband isn't well" then "he's been breathless all day": read with the
                # message before, as one text, "he" is the husband ("Writing for my husband"
                # then "he's breathless": the patient, as in one message).
                before_named = self._theirs_with_before(originals[i - 1], originals[i])
                mine = [
                    replace(f, status="other") if f.present and (f.concept, f.start) in before_named else f
                    for f in mine
                ]
                present = [f for f in mine if f.present]
            if not present:
                # "my brother's chest pain ..." then "but now mine's started": the writer's now
                mine += self._mine_too(pool, text, originals[i], index, mine)
                present = [f for f in mine if f.present]
            cont = self.phrases.continues
            if present and cont is not None and _last_was_someone_else(pool):
                # "mi suegra tiene tos" (someone else) then "y diarrea": hers too, unless the
                # writer's own words say it in its sentence ("y yo tengo diarrea").
                mine = [replace(f, status="other") if self._goes_on(f, text, cont) else f for f in mine]
                present = [f for f in mine if f.present]
            went = _last_status(pool) if _matches(self.phrases.same_as_before, text) else None
            if present and went is not None:
                # "la tos ya se me quitó" then "y la fiebre tb": the fever is gone too.
                mine = [replace(f, status=went) if f.present else f for f in mine]
                present = []
            claimed_back = False
            said = _matches(self.phrases.me_after_all, text) if mine else None
            if said is not None and (mine_now := self._mine_after_all(pool, text, index, offset)):
                # "my sister is coughing blood" then "sorry, the one with the blood is me": hers
                # is the writer's, and the words that say so point back at it, not say it again.
                changes += mine_now
                mine = [f for f in mine if not said.start() <= f.start < said.end()]
                present = [f for f in mine if f.present]
                claimed_back = True
            pointed = _matches(self.phrases.reassign_named, text) if present else None
            if pointed is not None and all(pointed.start() <= f.start < pointed.end() for f in present):
                # "lo de la espalda era de mi esposo": "lo de la espalda" points at what was said
                # before, it does not say it again; the named reassignment below moves it.
                mine = [f for f in mine if not f.present]
                present = []
            if present and not claimed_back and self._takes_back(text) == "other":
                # "sorry, that was about my husband, he's been poorly too": what was said before
                # is his, and what this message tells of "him" is his as well.
                theirs_too = [f.present and self._told_of_them(text, f) for f in mine]
                mine = [replace(f, status="other") if t else f for f, t in zip(mine, theirs_too, strict=True)]
                present = [f for f in mine if f.present]
            if not present and not claimed_back:
                named = _matches(self.phrases.reassign_named, text)
                taken = self._takes_back(text)
                if taken is None and _matches(self.phrases.reassign_unowned, text) is not None:
                    j = next((j for j in range(i - 1, -1, -1) if any(f.present for f in pool[j])), None)
                    if j is not None and set(re.findall(r"[a-z']+", texts[j])).isdisjoint(self.phrases.me):
                        taken = "other"
                if taken is None and _matches(self.phrases.writer_well, text) is not None:
                    # "Mi mamá vomitó tres veces" then "yo estoy bien": as one message, the
                    # writer who speaks of themselves is not the mother named, so what she has
                    # is hers (docs/triage.md: a conversation reads as its messages together).
                    j = next((j for j in range(i - 1, -1, -1) if any(f.present for f in pool[j])), None)
                    if j is not None:
                        who = writers[j] if j < len(writers) else None
                        theirs_then = self._theirs_before(originals[j], originals[i], who)
                        if all((f.concept, f.start) in theirs_then for f in pool[j] if f.present):
                            taken = "other"
                if (mine_now := self._mine_after_all(pool, text, index, offset)) is not None:
                    # "my husband is breathless" then "sorry, I meant me": the writer's after all
                    changes += mine_now
                elif stained := self._stain_not_blood(pool, text, index, offset):
                    # "wee looked red" then "then remembered the beetroot lol": no blood after all
                    changes += stained
                elif (moved_to := self._site_fixed(pool, alone, originals, text, index, offset)) is not None:
                    # "can't feel my legs" then "*feet": what was said, at the site now given
                    changes += moved_to
                    # and how it is, if the correction says ("es la espalda y es muy fuerte")
                    self._qualify_last(pool, originals[i], times, i)
                elif self._fixes_reading(text, pool):
                    # "Temp 101F" then "correction, 99.1, I misread the display"
                    changes += self._replace_readings(pool, index, offset)
                    # "38.7" then "no sorry 37.7": the "no" takes back the reading before, the
                    # new one stands.
                    mine = self._reading_stands(mine, text)
                    present = [f for f in mine if f.present]
                elif _matches(self.phrases.reading_fix, text) and self._reading_stands(mine, text) != mine:
                    # "36.9" then "wait no 38.6": the "no" takes back the normal reading
                    # before, and the fever it gives stands.
                    mine = self._reading_stands(mine, text)
                    present = [f for f in mine if f.present]
                elif self._fixes_score(pool, text, times, i):
                    pass  # "3/10" then "sorry meant 9 not 3, fat fingers": the 9 stands
                elif not mine and _matches(self.phrases.reverse, text) is not None:
                    # "no" to "¿Ha pensado en hacerse daño?", then "la verdad sí lo he pensado":
                    # the later yes takes the place of the earlier no.
                    changes += self._answer_reversed(pool, index, offset)
                elif _matches(self.phrases.history, text) is not None:
                    # "My legs went numb after the epidural" then "that was 1985": not now.
                    changes += self._overturn_last(pool, "resolved", index, offset, drop=True)
                elif self._past_over(pool, texts, text, alone):
                    # "When I had the op I couldn't pass water" then "glad that's all over!"
                    changes += self._overturn_last(pool, "resolved", index, offset, drop=True)
                elif not mine and (back := self._comes_back(pool, text, originals[i], index)) is not None:
                    # "thought the blood in my spit had stopped" then "there's a fleck again"
                    mine.append(back)
                    present = [back]
                elif not mine and (respelt := self._respelled(pool, text, originals, index, offset)):
                    # "my eggs feel numb" then "LEGS. stupid autocorrect": the message before,
                    # read with the word the correction gives, stands for what it said.
                    changes += respelt
                elif named is not None:
                    changes += self._overturn_named(pool, named.group("what"), index, offset)
                elif taken == "negated" and self._made_more(pool, originals[i], times, i):
                    # "coughed up a teaspoon" then "sorry, autocorrect, a TABLESPOON!!": the
                    # correction says it was more, so the finding stands, with the more.
                    pass
                elif taken is not None and not (taken == "negated" and self._fine_said_before(pool, text)):
                    # (not "legs ok, ignore that bit": what the correction says is fine goes,
                    # below, and the rest stays; a "yes" about the legs names no site, so "I
                    # misread that, legs are fine" still takes the yes back)
                    changes += self._overturn_last(pool, taken, index, offset)
                else:
                    extra = self._again(pool, text, originals[i], times, i, index)
                    scores: list[tuple[int, int, int]] = []
                    same = _matches(self.phrases.same_as_before, text) or _matches(self.phrases.spread, text)
                    if extra is None and same is not None:
                        # "la cara tmb", "now it's up to my knees, both legs": the same, there
                        extra = self._same_at_site(pool, originals[i], index)
                    if extra is None:
                        extra, scores = self._said_alone(pool, text, originals[i], index)
                        if extra is not None and _matches(self.phrases.count_total, text) is not None:
                            totals.add(i)  # "today it's been 6 already": the day so far
                    asks = scales[i] if i < len(scales) else None
                    bare = _BARE_SCORE.fullmatch(text) if asks is not None else None
                    if extra is None and asks == "count" and bare is not None:
                        # "diarrhoea" then "7" to "How many times today?": the day's count so far
                        n = (bare.start(1), bare.end(1), int(bare.group(1)))
                        extra = self._counted_again(pool, originals[i], n, index)
                        if extra is not None:
                            scores = []
                            totals.add(i)
                    elif (
                        extra is None and not scores and asks == "scale" and bare and int(bare.group(1)) <= 10
                    ):
                        # "8" to "¿Del 0 al 10, qué tan fuerte?": the bare number is the score
                        scores = [(bare.start(1), bare.end(1), int(bare.group(1)))]
                    if extra is not None:
                        mine.append(extra)
                    elif not mine:
                        if scores:
                            # "my knee's sore" then "it's an 8 today": the score rates it
                            self._rate_last(pool, scores[-1][2], times, i)
                        self._qualify_last(pool, originals[i], times, i)
            # A later mention that denies or resolves a concept overturns its earlier ones; in
            # a correction, so does one that gives the concept to someone else.
            correcting = _matches(self.phrases.correction, text) is not None
            correcting = correcting and not self.phrases.also.search(text) and not claimed_back
            if correcting:
                # "no wait, legs are fine, it's just the back": only what was said of the legs goes.
                for site in self._fine_sites(text):
                    changes += self._overturn_named(pool, site, index, offset, "negated")
                if _matches(self.phrases.blood_source, text) and not any(
                    f.concept in self.phrases.sourced for f in present
                ):
                    # "coughing up blood" then "sorry, it was from my gums": blood, not coughed up
                    changes += self._blood_from_elsewhere(pool, index, offset)
            if correcting and present:
                # "sorry, the back pain was my husband": the message's own words give it away.
                mine = [self._given_away(f, text) for f in mine]
                present = [f for f in mine if f.present]
                taken = self._takes_back(text)
                if present and taken is not None and taken != "resolved":
                    # "ignore the breathless bit, that's my husband": the finding named is the one
                    # said before, pointed at, not said again.
                    mine = [self._named_back(f, text, taken) for f in mine]
                    present = [f for f in mine if f.present]
                if present and taken == "other":
                    # "perdón, hablaba de mi hija, ella es la del dolor de cabeza": hers too.
                    mine = [self._theirs_in_clause(f, text) for f in mine]
                    present = [f for f in mine if f.present]
                if taken in ("other", "negated"):
                    # (even when all the message said went with it: "it's my daughter who's
                    # poorly" gives the message before away too)
                    # "sorry that was about my dad, I've just got my usual cough": the last
                    # message goes, the cough stays. Taken back as mistyped ("autocorrect,
                    # meant my fingertips"), the same finding said again stands for the old one
                    # (not "sorry I mean I can't feel them at all", which says it again, more).
                    mistyped = taken == "negated" and _matches(self.phrases.mistyped, text) is not None
                    keep = set() if mistyped else {f.concept for f in present}
                    changes += self._overturn_last(pool, taken, index, offset, keep=keep)
            # "legs weak" then "not weak, just achy": the weakness denied is the legs'
            mine = self._denied_where_said(pool, mine, originals[i])
            own = {f.concept for f in present}
            overturn: dict[str, Status] = {}
            moved = _matches(self.phrases.other_place, text) is not None
            covering: set[str] = set()  # concepts said without a site: "no pain" covers its kinds
            for f in mine:
                if (
                    f.concept in own
                    or (f.from_question and qualities[i])
                    or (moved and f.status == "negated")
                ):
                    continue
                if f.status in _OVERRIDING or (f.status == "other" and correcting):
                    # "crushing chest pain" then "no pain now": gone since, not taken back (a
                    # raised case stays raised); "no, I misread" still takes it back.
                    later = f.status == "negated" and not correcting and self._no_longer(text, f)
                    overturn.setdefault(f.concept, "resolved" if later else f.status)
                    if f.concept in self.phrases.covers and not self._names_site(f.evidence):
                        covering.add(f.concept)
            covers = self.phrases.covers
            if correcting:
                # "coughed up blood" then "actually it was from my gums": the bleeding named in
                # a correction takes the place of the kind of bleeding said before.
                for f in present:
                    for c in covers.get(f.concept, ()):
                        if c not in own:
                            overturn.setdefault(c, "negated")
            for concept, status in overturn.items():
                # "no pain" after "chest pain", "not blood" after "coughing up blood"; not "my
                # knee doesn't hurt now" after "back pain": a site of its own covers no other.
                kinds = covers.get(concept, frozenset()) if concept in covering else frozenset()
                family = ({concept} | kinds) - own
                for j, earlier in enumerate(pool):
                    for k, f in enumerate(earlier):
                        if f.concept in family and f.present:
                            earlier[k] = _overturned(f, status)
                            changes.append(Change(f.concept, status, offset + j, index))
            pool.append(mine)
        if self.engine.lexicon.fever_word_takes_reading or self.phrases.reading_measures_fever:
            _fever_words_take_readings(pool)
        changes += self._normal_reading_measures_fever(pool, originals, offset)
        self._pronouns_take_sites(pool, texts, originals)
        self._both_sides(pool, texts, offset)
        self._the_other_one_too(pool, alone, texts, originals, offset)
        self._bare_site_takes_quality(pool, originals, offset)
        self._loose_site_in_the_sentence(pool, originals)
        self._in_what_came_before(pool, texts)
        self._blood_told_by_colour(pool, alone, originals, times, offset)
        self._back_is_the_same(pool, texts, originals)
        self._asked_of_the_one_before(pool)
        self._trips_that_keep_happening(pool, texts, originals, times, offset)
        self._add_counts(pool, alone, times, totals)
        return [f for findings in pool for f in findings], changes

    def _no_longer(self, text: str, f: Finding) -> bool:
        """A denial said of now, in the finding's own clause ("no fever now", "not bleeding any
        more"): the finding was there and has gone, not never there."""
        if not self.phrases.no_longer or f.start > len(text):
            return False
        lo = max((m.end() for m in _CLAUSE_END.finditer(text, 0, f.start)), default=0)
        hi = next((m.start() for m in _CLAUSE_END.finditer(text, f.end)), len(text))
        return _matches(self.phrases.no_longer, text[lo:hi]) is not None

    def _theirs_before(
        self, before: str, text: str, writer: Mapping[str, Any] | None = None
    ) -> set[tuple[str, int]]:
        """(concept, start) of the findings of `before` that someone else has when it is read
        with the message after it, as one text (by the writer of `before`: a carer's "Mamá"
        is the patient)."""
        together = self.engine.assess(before + self.phrases.joiner + text, None, writer).findings
        return {(f.concept, f.start) for f in together if f.status == "other" and f.start < len(before)}

    def _told_of_them(self, text: str, f: Finding) -> bool:
        """Whether the last person named before finding `f` is a third person ("he", "she"),
        not the writer, and the writer does not claim it after ("not me, he's been coughing":
        his; "era de mi hijo, pero la tos sí es mía": the writer's)."""
        last_them = last_me = -1
        for m in re.finditer(r"[a-z']+", text[: f.start]):
            if m.group(0) in self.phrases.them_subject:
                last_them = m.start()
            elif m.group(0) in self.phrases.me:
                last_me = m.start()
        after = set(re.findall(r"[a-z']+", text[f.start :]))
        return last_them > last_me and after.isdisjoint(self.phrases.me)

    def _site_pronouns(self, text: str) -> set[str]:
        """ "They", "them", "their" said after a part of the body the message names ("both hands
        gone tingly, like when you've sat on them"): the body part, not a person in a story."""
        r = self.engine.reader.read(text)
        sited = [m.i for m in r.mentions if m.has("site")]
        if not sited:
            return set()
        return {t.norm for t in r.tokens[min(sited) + 1 :] if t.norm in SITE_PRONOUNS}

    def _theirs_with_before(self, before: str, text: str) -> set[tuple[str, int]]:
        """(concept, start) of the findings of `text` that someone else has when it is read
        after the message before, as one text."""
        joiner = self.phrases.joiner
        at = len(before) + len(joiner)
        together = self.engine.assess(before + joiner + text).findings
        return {(f.concept, f.start - at) for f in together if f.status == "other" and f.start >= at}

    def _names_site(self, evidence: str) -> bool:
        return any(m.has("site") for m in self.engine.reader.read(evidence).mentions)

    def _same_at_site(self, pool: Sequence[Sequence[Finding]], original: str, index: int) -> Finding | None:
        """ "Tengo el brazo hinchado" then "la cara tmb": the quality of the latest present
        finding, at the site the message names (what the lexicon's frames make of the two)."""
        reader, frames = self.engine.reader, self.engine.lexicon.frames
        r = reader.read(original)
        # The latest message that found anything, and what it found: only if it is present.
        last = next((fs[-1] for fs in reversed(pool) if fs), None)
        if last is None or not last.present:
            return None
        qualities = [q for m in reader.read(last.evidence).mentions for q in m.values("quality")]
        found: list[Finding] = []
        for site in (m for m in r.mentions if m.has("site")):
            for where in site.values("site"):
                for q in qualities:
                    concept = frames.get((where, q))
                    if concept is not None:
                        start, end = r.tokens[site.i].start, r.tokens[site.j - 1].end
                        # "up to my knees, both legs": what both legs give numbness (extensive)
                        given = set(site.values("mod")) | set(
                            self.engine.lexicon.frame_mods.get((where, q), ())
                        )
                        mods = tuple(sorted(given & SITE_MODIFIERS))
                        found.append(
                            Finding(concept, "present", start, end, original[start:end], mods, message=index)
                        )
        # The site that says the most ("knees, both legs": both legs) stands for the spread.
        return max(found, key=lambda f: len(f.modifiers), default=None)

    def _site_concept(self, before: Sequence[Sequence[Finding]], concept: str) -> str | None:
        """The concept a quality that alone gives `concept` would make with the site of the
        latest earlier `unrecognised` finding ("chest feels odd": chest, so pain is chest pain)."""
        lex = self.engine.lexicon
        qualities = [q for q, c in lex.defaults.items() if c == concept]
        for f in reversed([e for fs in before for e in fs if e.present and e.concept == "unrecognised"]):
            for m in self.engine.reader.read(f.evidence).mentions:
                for site in m.values("site") if m.has("site") else ():
                    for q in qualities:
                        if (site, q) in lex.frames:
                            return lex.frames[(site, q)]
            return None
        return None

    def _site_modifiers(self, before: Sequence[Sequence[Finding]], text: str, f: Finding) -> set[str]:
        """The modifiers (SITE_MODIFIERS) the site of the latest earlier `unrecognised` finding
        gives the quality that made `f` ("my legs" then "gone numb": numbness of both legs,
        `extensive`; "gone tingly" never is)."""
        lex, reader = self.engine.lexicon, self.engine.reader
        r = reader.read(text)
        quality = {q for m in r.mentions if r.tokens[m.i].start == f.start for q in m.values("quality")}
        for e in reversed([e for fs in before for e in fs if e.present and e.concept == "unrecognised"]):
            found: set[str] = set()
            for m in reader.read(e.evidence).mentions:
                for site in m.values("site") if m.has("site") else ():
                    for q in quality:
                        if lex.frames.get((site, q)) == f.concept:
                            found |= set(lex.frame_mods.get((site, q), ())) & SITE_MODIFIERS
            return found
        return set()

    def _bare_site_concept(self, before: str, text: str, f: Finding) -> str | None:
        """The concept the quality that gave `f` makes with the one site `before` names, when
        `f` came from a quality ("they feel like lead") and `before` named a site alone."""
        reader, lex = self.engine.reader, self.engine.lexicon
        r = reader.read(text)
        quality = next(
            (q for m in r.mentions if r.tokens[m.i].start == f.start for q in m.values("quality")), None
        )
        if quality is None or lex.defaults.get(quality) != f.concept:
            return None
        made = {
            lex.frames[(site, quality)]
            for m in reader.read(before).mentions
            for site in m.values("site")
            if (site, quality) in lex.frames
        }
        return made.pop() if len(made) == 1 else None

    def _in_what_came_before(self, pool: list[list[Finding]], texts: Sequence[str]) -> None:
        """ "Cough's been bad all week" then "now there's a bit of blood in it": the blood is in
        the cough, so it is coughed-up blood, as it would be in one sentence."""
        if self.phrases.in_it is None:
            return
        for i in range(1, len(pool)):
            for x, f in enumerate(pool[i]):
                kinds = self.phrases.carried.get(f.concept)
                if not f.present or not kinds or not self._in_it(texts[i], f):
                    continue
                before = [e for fs in pool[:i] for e in fs if e.present and e.concept in kinds]
                if before:
                    pool[i][x] = replace(f, concept=kinds[before[-1].concept])

    def _denied_where_said(
        self, pool: Sequence[Sequence[Finding]], mine: list[Finding], original: str
    ) -> list[Finding]:
        """ "Legs weak" then "no sorry, not weak, just achy": a quality denied with no site, in a
        message that names none, denies what the same quality made at the site said before
        (limb weakness, not the tiredness "weak" alone would be)."""
        denied = [f for f in mine if f.status == "negated" and not f.from_question]
        if not denied or self._names_site(original):
            return mine
        reader, lex = self.engine.reader, self.engine.lexicon

        def qualities(evidence: str) -> set[str]:
            return {q for m in reader.read(evidence).mentions for q in m.values("quality")}

        out = list(mine)
        for k, f in enumerate(out):
            said = qualities(f.evidence)
            if f not in denied or not any(lex.defaults.get(q) == f.concept for q in said):
                continue  # only a quality that alone gives its default ("weak": tiredness)
            earlier = [
                e
                for fs in pool
                for e in fs
                if e.present
                and e.concept != f.concept
                and not said.isdisjoint(qualities(e.evidence))
                and self._names_site(e.evidence)
            ]
            if earlier:
                out[k] = replace(f, concept=earlier[-1].concept)
        return out

    def _the_other_one_too(
        self,
        pool: list[list[Finding]],
        alone: Sequence[Assessment],
        texts: Sequence[str],
        originals: Sequence[str],
        offset: int,
    ) -> None:
        """ "My right leg is numb" then "the other one too now": the latest finding said of one
        side is now of both, as the message that said it reads with "both legs" for its site
        (numbness of both legs is a cord sign; of one, not)."""
        if not self.phrases.other_too or not self.phrases.pairs:
            return
        for i in range(1, len(pool)):
            m = _matches(self.phrases.other_too, texts[i])
            if m is None:
                continue
            # The one side said before: a finding told with its side ("right leg"), or else one
            # told of a single leg or arm without it ("my leg has gone numb": "the other" says
            # it was one).
            said = [(j, f) for j in range(i) for f in pool[j] if f.present]
            sided = [(j, f) for j, f in said if "one_sided" in f.modifiers]
            for j, was in (sided or said)[::-1][:OTHER_SIDE_LOOKS]:
                if self._other_side_too(pool, alone, originals, offset, m, i, j, was):
                    break

    def _other_side_too(
        self,
        pool: list[list[Finding]],
        alone: Sequence[Assessment],
        originals: Sequence[str],
        offset: int,
        m: re.Match[str],
        i: int,
        j: int,
        was: Finding,
    ) -> bool:
        """Message i's "the other one too" said of finding `was` of message j, when its site is
        one of a pair: the finding as message j reads with "both legs" for its site."""
        r = self.engine.reader.read(originals[j])
        for x in r.mentions:
            start, end = r.tokens[x.i].start, r.tokens[x.j - 1].end
            if not x.has("site") or not (was.start <= start < was.end):
                continue
            words = [t.norm for t in r.tokens[x.i : x.j]]
            both = next((self.phrases.pairs[w] for w in words if w in self.phrases.pairs), None)
            if both is None:
                continue
            said = f"{originals[j][:start]}both {both}{originals[j][end:]}"
            again = self.engine.assess(said, None, dict(alone[j].context) or None).findings
            found = next((f for f in again if f.present and f.concept == was.concept), None)
            if found is not None:
                a, b = m.span()
                told = originals[i][a:b]
                pool[i].append(replace(found, start=a, end=b, evidence=told, message=offset + i))
            return True
        return False

    def _blood_told_by_colour(
        self,
        pool: list[list[Finding]],
        alone: Sequence[Assessment],
        originals: Sequence[str],
        times: Sequence[datetime],
        offset: int,
    ) -> None:
        """ "Spat out something pink" then "happened again, this time bright red and more than a
        spoonful": a colour of blood said with no place, within a day of blood named before,
        is more of that blood, with what its message says of it (read as if `word` followed the
        colour, so that its amount, its status and whose it is come from the reader)."""
        colour = self.phrases.colour
        if not colour:
            return
        covers = self.phrases.covers
        reader = self.engine.reader
        for i in range(1, len(pool)):
            day = [e for j in range(i) if times[i] - times[j] <= COUNT_SPAN for e in pool[j] if e.present]
            if not day:
                continue
            r = reader.read(originals[i])
            for m in r.mentions:
                start, end = r.tokens[m.i].start, r.tokens[m.j - 1].end
                words = [colour[q] for q in m.values("quality") if q in colour]
                if not words or any(f.start < end and start < f.end for f in pool[i]):
                    continue  # no colour, or one a finding of the message already placed
                said = originals[i]
                mended = f"{said[:end]} {words[0]}{said[end:]}"
                again = self.engine.assess(mended, None, dict(alone[i].context) or None).findings
                found = next((f for f in again if f.present and f.start < end + 1 and start < f.end), None)
                if found is None:
                    continue
                kinds = {found.concept} | covers.get(found.concept, frozenset())
                blood = [e for e in day if e.concept in kinds]
                if not blood:
                    continue  # only after blood said before, of the kind the colour reads as
                was = blood[-1].concept
                concept = was if was in covers.get(found.concept, ()) else found.concept
                pool[i].append(
                    replace(
                        found,
                        concept=concept,
                        start=start,
                        end=end,
                        evidence=said[start:end],
                        message=offset + i,
                    )
                )

    def _back_is_the_same(
        self, pool: list[list[Finding]], texts: Sequence[str], originals: Sequence[str]
    ) -> None:
        """ "Coughed up blood yesterday, it stopped" then "blood's back this morning": the blood
        that is back is the coughed-up blood; "back pain eased" then "the pain's back again" is
        the back pain. A general finding (`covers`) said to be back, without a site of its own,
        is the particular one named before."""
        covers = self.phrases.covers
        for i in range(1, len(pool)):
            back = _matches(self.phrases.recur, texts[i]) is not None or any(
                ("res", "again") in m.tags for m in self.engine.reader.read(originals[i]).mentions
            )
            if not back:
                continue
            for x, f in enumerate(pool[i]):
                kinds = covers.get(f.concept)
                if not f.present or not kinds or self._names_site(f.evidence):
                    continue
                before = [
                    e
                    for fs in pool[:i]
                    for e in fs
                    if e.concept in kinds and e.status in ("present", "resolved")
                ]
                if before:
                    pool[i][x] = replace(f, concept=before[-1].concept)

    def _asked_of_the_one_before(self, pool: list[list[Finding]]) -> None:
        """ "Middle of my back aches" then "yes" to "Is the pain worse at night?": the question's
        "the pain" is the back pain the patient named, so the answer qualifies that one. A
        general finding (`covers`) an answer takes from its question, naming no site, is the
        particular one named before."""
        covers = self.phrases.covers
        for i in range(1, len(pool)):
            for x, f in enumerate(pool[i]):
                kinds = covers.get(f.concept)
                if not f.present or not f.from_question or not kinds or self._names_site(f.evidence):
                    continue
                said = ("present", "resolved")
                before = [e for fs in pool[:i] for e in fs if e.concept in kinds and e.status in said]
                if before:
                    # "worse at night" tells when it hurts, not that it is getting worse
                    mods = tuple(m for m in f.modifiers if not (m == "worsening" and "night" in f.modifiers))
                    pool[i][x] = replace(f, concept=before[-1].concept, modifiers=mods)

    def _trips_that_keep_happening(
        self,
        pool: list[list[Finding]],
        texts: Sequence[str],
        originals: Sequence[str],
        times: Sequence[datetime],
        offset: int,
    ) -> None:
        """The writer trips or falls in one message and again in a later one of the same day
        ("tripped on the rug" ... "caught my foot on the step again", "third time today"): they
        keep tripping, `gait_difficulty`, on the latest of those messages."""
        if not self.phrases.trip or any(f.concept == "gait_difficulty" for fs in pool for f in fs):
            return
        trips: list[int] = []
        people = (self.phrases.people | self.phrases.them) - {"patient"}
        bare = self.engine.lexicon.lists.get("bare_patient_names", frozenset()) | self.phrases.them
        for i, text in enumerate(texts):
            hit = _matches(self.phrases.trip, text)
            again = _matches(self.phrases.trip_again, text)
            said_at = hit or again
            said = text[: said_at.start()] if said_at is not None else ""
            clause = set(re.findall(r"[a-z']+", re.split(r"[,.;:!?]", said)[-1]))
            clause -= bare  # "Dad tripped again", "he fell": a parent is the patient, as in the reader
            if not clause.isdisjoint(people) or any(f.status == "other" for f in pool[i]):
                continue  # "my husband tripped on the step": his
            first = next((j for j in trips if times[i] - times[j] <= COUNT_SPAN), None)
            if first is not None and (hit is not None or again is not None):
                m = hit or again
                assert m is not None
                pool[i].append(
                    Finding(
                        concept="gait_difficulty",
                        status="present",
                        start=m.start(),
                        end=m.end(),
                        evidence=originals[i][m.start() : m.end()],
                        message=offset + i,
                    )
                )
                return
            if hit is not None:
                trips.append(i)

    def _in_it(self, text: str, f: Finding) -> bool:
        """The finding is said to be in what came before ("blood in it"), or in a tissue."""
        assert self.phrases.in_it is not None
        if self.phrases.in_it.match(text[f.end : f.end + 20]):
            return True
        tissue, elsewhere = self.phrases.in_tissue, self.phrases.not_coughed
        if elsewhere is not None and elsewhere.search(text):
            return False
        return tissue is not None and tissue.search(text[f.start : f.end + 25]) is not None

    def _named_subject(self, original: str, present: Sequence[Finding]) -> bool:
        """In a story, a name is the subject before the findings ("Rebus has just collapsed in
        the pub"): a capitalised word the lexicon does not know, followed by a verb."""
        reader = self.engine.reader
        r = reader.read(original)
        known = {k for m in r.mentions for k in range(m.i, m.j)}
        verbs = self.engine.lexicon.lists.get("subject_verbs", frozenset()) | {"just"}
        first = min(f.start for f in present)
        tokens = r.tokens
        for k in range(len(tokens) - 1):
            tok = tokens[k]
            word = original[tok.start : tok.end]
            if tok.start >= first or k in known:
                break
            if (
                len(word) > 1
                and word[0].isupper()
                and word[1:].islower()
                and tok.norm not in self.phrases.not_names | self.phrases.me | self.phrases.them
                and tokens[k + 1].norm in verbs
            ):
                return True
        return False

    def _set_apart(self, alone: Sequence[Assessment], originals: Sequence[str]) -> set[tuple[int, str, int]]:
        """Findings that are someone else's once the messages that set a person apart from the
        clinic's care are read with them: "My dad's calf is swollen" then "we've rung his GP".
        Each message is read with those messages as one text, so the reader's own rule for
        "my dad" (the patient, unless the writer sets him apart) decides; (message, concept,
        start) of each finding that reading gives to someone else."""
        if not self.phrases.apart or len(originals) < 2:
            return set()
        reader = self.engine.reader
        cues = self.phrases.apart

        def sets_apart(text: str) -> bool:
            norms = [t.norm for t in reader.tokenize(text)]
            return any(tuple(norms[k : k + len(c)]) == c for k in range(len(norms)) for c in cues)

        apart = [j for j, text in enumerate(originals) if sets_apart(text)]
        out: set[tuple[int, str, int]] = set()
        if not apart:
            return out
        for i, a in enumerate(alone):
            mine = [f for f in a.findings if f.present and not f.from_question]
            if i in apart or not mine:
                continue
            joined, at = "", 0
            for k in sorted({i, *apart}):
                if k == i:
                    at = len(joined)
                joined += originals[k] + "\n"
            other = {(f.concept, f.start) for f in self.engine.assess(joined).findings if f.status == "other"}
            out.update((i, f.concept, f.start) for f in mine if (f.concept, f.start + at) in other)
        return out

    def _normal_reading_measures_fever(
        self, pool: list[list[Finding]], originals: Sequence[str], offset: int
    ) -> list[Change]:
        """ "Burning up" then "my temp's 36.8": the reading given later says how high the fever
        named before is (TRIAGE.md: below 37.5 °C is a normal temperature, no finding). A fever
        named without a number before the writer's normal reading is taken back; a fever with
        its own reading, or chills, stays, and so does one when something was taken for it."""
        changed: list[Change] = []
        valueless = [j for j, fs in enumerate(pool) if any(_fever_without_reading(f) for f in fs)]
        if not valueless:
            return changed
        for k in range(valueless[0] + 1, len(pool)):
            if not self.engine.reader.normal_reading(originals[k]):
                continue
            for j in range(k):
                for x, f in enumerate(pool[j]):
                    if _fever_without_reading(f):
                        pool[j][x] = replace(f, status="negated")
                        changed.append(Change(f.concept, "negated", offset + j, offset + k))
        return changed

    def _loose_site_in_the_sentence(self, pool: list[list[Finding]], originals: Sequence[str]) -> None:
        """ "Pins and needles in my feet" then "now it's up to my waist, both sides, numb": a
        finding from a quality alone takes what a site said apart from it in its sentence gives
        that quality (`extensive` here), when the two make the same finding. Read in the
        conversation only, where the message before says what is spreading."""
        reader, lex = self.engine.reader, self.engine.lexicon
        for i in range(1, len(pool)):
            found = [x for x, f in enumerate(pool[i]) if f.present and not f.from_question]
            if not found or not any(f.present for f in pool[i - 1]):
                continue
            r = reader.read(originals[i])
            for x in found:
                f = pool[i][x]
                if self._names_site(f.evidence):
                    continue
                at = next(
                    (m for m in r.mentions if r.tokens[m.i].start == f.start and m.has("quality")), None
                )
                if at is None:
                    continue
                sentence = r.tokens[at.i].sentence
                spans = [(g.start, g.end) for g in pool[i] if g.present]
                mods = set(f.modifiers)
                for m in r.mentions:
                    inside = any(a <= r.tokens[m.i].start < b for a, b in spans)
                    if not m.has("site") or inside or r.tokens[m.i].sentence != sentence:
                        continue
                    start, end = r.tokens[m.i].start, r.tokens[m.j - 1].end
                    said = _plain(originals[i])
                    if _SITE_DENIED_BEFORE.search(said[:start]) or _SITE_FINE_AFTER.match(said[end:]):
                        continue  # "numb, legs are fine", "but not my legs": that site is spared
                    for site in m.values("site"):
                        for q in at.values("quality"):
                            if lex.frames.get((site, q)) == f.concept:
                                mods |= set(lex.frame_mods.get((site, q), ())) & SITE_MODIFIERS
                if mods != set(f.modifiers):
                    pool[i][x] = replace(f, modifiers=tuple(sorted(mods)))

    def _with_bare_site(self, site: str, text: str, index: int) -> list[Finding]:
        """The present findings of `text` read after the bare `site` as one text, placed in
        `text` (what reaches into the site's words starts where `text` does)."""
        at = len(site) + 1
        out = []
        for f in self.engine.assess(f"{site} {text}").findings:
            if f.present and f.end > at:
                start, end = max(0, f.start - at), f.end - at
                out.append(replace(f, start=start, end=end, evidence=text[start:end], message=index))
        return out

    def _bare_site_takes_quality(
        self, pool: list[list[Finding]], originals: Sequence[str], offset: int = 0
    ) -> None:
        """One-word texters: "back" then "really sore" is back pain, as "back really sore" would
        be. A message that names a site and nothing else (a few words, no finding) gives its
        site to the next message's finding that came from a quality alone ("sore", "tingly")."""
        reader = self.engine.reader
        for i in range(1, len(pool)):
            if pool[i - 1] or len(originals[i - 1].split()) > 3:
                continue
            before = reader.read(originals[i - 1])
            covered = {k for m in before.mentions if m.has("site") for k in range(m.i, m.j)}
            words = [k for k, t in enumerate(before.tokens) if t.norm.isalpha()]
            if not covered or any(
                k not in covered and before.tokens[k].norm not in _SITE_WORDS for k in words
            ):
                continue  # "got back", "back home": more than a site
            if any(m.has("site") for m in reader.read(originals[i]).mentions):
                continue  # "knee really sore": the message names its own site
            if not pool[i]:
                # "back" then "killing me": a quality that names nothing alone, read with the
                # site as one text ("back killing me")
                pool[i].extend(self._with_bare_site(originals[i - 1], originals[i], i + offset))
                continue
            for x, f in enumerate(pool[i]):
                if not f.present or f.from_question:
                    continue
                made = self._bare_site_concept(originals[i - 1], originals[i], f)
                if made is not None:
                    # "legs" then "numb": what the legs give numbness (extensive) comes with them
                    lex, r = self.engine.lexicon, reader.read(originals[i])
                    quality = {
                        q for m in r.mentions if r.tokens[m.i].start == f.start for q in m.values("quality")
                    }
                    mods = set(f.modifiers) | {
                        mod
                        for m in before.mentions
                        for site in m.values("site")
                        for q in quality
                        if lex.frames.get((site, q)) == made
                        for mod in lex.frame_mods.get((site, q), ())
                        if mod in SITE_MODIFIERS
                    }
                    if made != f.concept or mods != set(f.modifiers):
                        pool[i][x] = replace(f, concept=made, modifiers=tuple(sorted(mods)))

    def _pronouns_take_sites(
        self, pool: list[list[Finding]], texts: Sequence[str], originals: Sequence[str]
    ) -> None:
        """ "What if my legs go numb?" then "both of them went numb this morning": "them" is
        the legs, so the later numbness is of both legs (`extensive`), as if it had named
        them; "my left leg goes weak?" then "it's gone weak": the weakness of a limb, not
        tiredness. A finding a quality gave without a site takes the concept the latest
        earlier mention made of that quality with a site, whatever its status (it is the
        naming that counts, but someone else's stays theirs unless the writer claims it in
        the words before it), and the modifiers that site gave (SITE_MODIFIERS); not when the message
        names a site itself ("it was my gums, they bled")."""
        pronoun = self.phrases.site_pronoun
        if pronoun is None:
            return
        lex = self.engine.lexicon
        sited: dict[str, set[str]] = {}  # concept a quality makes alone -> concepts it makes with a site
        for (_, quality), concept in lex.frames.items():
            alone = lex.defaults.get(quality)
            if alone is not None:
                sited.setdefault(alone, {alone}).add(concept)
        for i in range(1, len(pool)):
            for x, f in enumerate(pool[i]):
                if not f.present or SITE_MODIFIERS & set(f.modifiers) or f.concept not in sited:
                    continue
                after = self.phrases.site_pronoun_after
                lead = self.phrases.site_pronoun_lead
                opens = self.phrases.site_pronoun_opens
                # (not for a finding the question gave, whose place in the answer says nothing)
                asked = f.from_question or opens is None
                opened = None if asked or opens is None else opens.search(texts[i][: f.start])
                near = (
                    pronoun.search(texts[i][max(0, f.start - 30) : f.start + 1])
                    or (after is not None and after.search(texts[i][f.end : f.end + 25]))
                    or (lead is not None and lead.search(texts[i][f.start : f.end]))
                )
                if not near and opened is None:
                    continue
                # "hurts more when I laugh": no subject at all, which only a finding named
                # before can fill
                dropped = not near and opened is not None and opened.group("pronoun") is None
                r = self.engine.reader.read(originals[i])
                at = next((t.sentence for t in r.tokens if t.start >= f.start), None)
                # (a site said as when it happens, "every time I cough", whose "site" is the
                # coughing, places nothing: it says when, not where)
                if any(
                    m.has("site")
                    and not m.has("mod")
                    and set(m.values("site")) != {"lung"}
                    and r.tokens[m.i].sentence == at
                    for m in r.mentions
                ):
                    continue  # "it was my gums, they bled": the sentence names its own site
                could = sited[f.concept]
                named = [
                    e
                    for fs in pool[:i]
                    for e in fs
                    if e.concept in could and (e.concept != f.concept or SITE_MODIFIERS & set(e.modifiers))
                ]
                if not named and dropped:
                    continue
                if not named:
                    # "chest feels a bit odd" then "it's a pain now": the site said to feel odd
                    unplaced = self._site_concept(pool[:i], f.concept)
                    if unplaced is None and not pool[i - 1]:
                        # "something's up with my legs" then "they feel like lead": the site
                        # the message before named, with nothing wrong said of it yet.
                        unplaced = self._bare_site_concept(originals[i - 1], originals[i], f)
                    if unplaced is not None:
                        # "weird feeling in my legs" then "gone numb, both of them": what the
                        # legs give numbness (extensive) comes with them
                        mods = set(f.modifiers) | self._site_modifiers(pool[:i], originals[i], f)
                        pool[i][x] = replace(f, concept=unplaced, modifiers=tuple(sorted(mods)))
                    continue
                if named:
                    # Someone else's pain, spoken of again ("era para mi hermana, ella es la del
                    # dolor"), is still theirs.
                    was = named[-1]
                    mods = set(f.modifiers) | (SITE_MODIFIERS & set(was.modifiers))
                    if was.concept != f.concept:
                        # "back's sore" then "it jags through me every time I cough": what the
                        # sentence says that qualifies the back pain, as it would in one message
                        targets = lex.modifier_targets
                        said = self.engine.reader.sentence_modifiers(originals[i], f.start)
                        mods |= {x for x in said if was.concept in targets.get(x, ())}
                    clause = re.split(r"[,.;:!?]", texts[i][: f.start])[-1]
                    mine_said = not set(re.findall(r"[a-z']+", clause)).isdisjoint(self.phrases.me)
                    status = "other" if was.status == "other" and not mine_said else f.status
                    pool[i][x] = replace(f, concept=was.concept, modifiers=tuple(sorted(mods)), status=status)

    def _both_sides(self, pool: list[list[Finding]], texts: Sequence[str], offset: int) -> None:
        """ "la pierna derecha dormida" then "la izquierda también" (or "ya no siento las
        dos"): a limb on each side, or both, is both limbs, given `both_sides.gives` (numbness of
        both legs is a cord sign, TRIAGE.md). A finding's side is the one its words name, else
        the one its message names; its limb is named in its words, or is the limb named before
        when its words name no smaller part ("el pie izquierdo también" is a foot). After a limb,
        a message that finds nothing but says both went so (`said_both`: "se me durmieron las
        dos", "ya no las siento") is that finding, of both."""
        data = self.phrases.both_sides
        if not data:
            return
        limb, other = re.compile(data["limb"]), re.compile(data["other_limb"])
        both, sides = re.compile(data["both"]), data["sides"]
        said_both = {str(c): re.compile(str(r)) for c, r in (data.get("said_both") or {}).items()}
        for concept in data["concepts"]:
            seen: set[int] = set()  # sides of the limb named so far
            named = False  # the limb was named
            for i, findings in enumerate(pool):
                told = said_both[concept].search(texts[i]) if concept in said_both else None
                if named and told and not any(f.present and f.concept == concept for f in findings):
                    gives = (str(data["gives"]),)
                    findings.append(
                        Finding(
                            concept,
                            "present",
                            told.start(),
                            told.end(),
                            told.group(),
                            gives,
                            message=offset + i,
                        )
                    )
                    continue
                for x, f in enumerate(findings):
                    if not f.present or f.concept != concept:
                        continue
                    said = _plain(f.evidence, self.phrases.fold_accents)
                    on = [k for k, side in enumerate(sides) if side.search(said)]
                    on = on or [k for k, side in enumerate(sides) if side.search(texts[i])]
                    if not limb.search(said) and (other.search(said) or not named):
                        continue
                    if (named and both.search(texts[i])) or (seen and len(on) == 1 and on[0] not in seen):
                        mods = (set(f.modifiers) - {"one_sided"}) | {str(data["gives"])}
                        findings[x] = replace(f, modifiers=tuple(sorted(mods)))
                    seen.update(on if len(on) == 1 else ())
                    named = True

    def _past_over(
        self,
        pool: Sequence[Sequence[Finding]],
        texts: Sequence[str],
        text: str,
        alone: Sequence[Assessment] = (),
    ) -> bool:
        """The message says it is over, and the nearest message before with a present finding
        told of the past ("when I had the op in March"); or of an earlier day ("had a headache
        yesterday" then "gone now"), when that message raised nothing above routine (a raised
        case stays raised)."""
        over = _matches(self.phrases.history_over, text) is not None
        # "had the runs last week" then "all settled now": got better after a past told
        resolved = _matches(self.phrases.resolve, text) is not None
        settled = not over and bool(self.phrases.told_weeks_ago) and resolved
        if not over and not settled:
            return False
        for j in range(len(pool) - 1, -1, -1):
            if any(f.present for f in pool[j]):
                told = _matches(self.phrases.told_past, texts[j]) is not None
                weeks = settled and _matches(self.phrases.told_weeks_ago, texts[j]) is not None
                days = settled and _matches(self.phrases.told_days_ago, texts[j]) is not None
                quiet = j < len(alone) and alone[j].level <= Level.ROUTINE
                return told or weeks or (days and quiet)
        return False

    def _reading_stands(self, mine: list[Finding], text: str) -> list[Finding]:
        """A corrected reading that a leading "no" made negated, with no other denial before it."""
        lead = _matches(self.phrases.leading_no, text)
        if lead is None:
            return mine
        return [
            replace(f, status="present")
            if f.concept == "fever"
            and f.value_c is not None
            and f.status == "negated"
            and _matches(self.phrases.leading_no, text[lead.end() : f.start]) is None
            and not self.phrases.denial.search(text[lead.end() : f.start])
            else f
            for f in mine
        ]

    def _goes_on(self, finding: Finding, text: str, cont: re.Pattern[str]) -> bool:
        """A present finding that the message names only as more of the list before ("y
        diarrea", "además mucha tos"): nothing before it in its sentence but the words going
        on, and no word of the writer's own in it ("y no puedo caminar" is the writer)."""
        if not finding.present or finding.start > len(text):
            return False
        before = re.split(r"[.;!?¿¡]", text[: finding.start])[-1]
        sentence = before + re.split(r"[.;!?¿¡]", text[finding.start :])[0]
        writer = self.phrases.me | self.engine.lexicon.lists.get("first_singular", frozenset())
        return cont.fullmatch(before) is not None and set(re.findall(r"[a-z']+", sentence)).isdisjoint(writer)

    def _theirs_in_clause(self, finding: Finding, text: str) -> Finding:
        """A present finding said in a clause about a third person (`their_clause`: "ella es
        la del dolor", "a él le duele") and not about the writer is that person's."""
        their = self.phrases.their_clause
        if their is None or not finding.present:
            return finding
        clause = re.split(r"[,.;:!?]", text[: finding.end])[-1]
        words = set(re.findall(r"[a-z']+", clause))
        if their.search(clause) and words.isdisjoint(self.phrases.mine):
            return replace(finding, status="other")
        return finding

    def _fine_sites(self, text: str) -> list[str]:
        """The sites a message says are fine ("legs are fine", "back ok")."""
        said = (m.group("what") for p in self.phrases.site_fine for m in p.finditer(text))
        return [w for w in said if self._names_site(w)]

    def _was_the_writers(self, pool: Sequence[Sequence[Finding]], texts: Sequence[str]) -> bool:
        """The latest message that described anyone gave its findings to the writer themself
        ("I've had diarrhoea myself, but it's Tom I'm writing about"): a carer's own, so "he"
        after it is not that person."""
        for j in range(len(pool) - 1, -1, -1):
            if any(f.status in ("present", "other") for f in pool[j]):
                return j < len(texts) and _matches(self.phrases.writers_own, texts[j]) is not None
        return False

    def _mine_after_all(
        self, pool: list[list[Finding]], text: str, index: int, offset: int
    ) -> list[Change] | None:
        """The latest message that gave findings to someone else gave them to the writer."""
        if _matches(self.phrases.me_after_all, text) is None:
            return None
        for j in range(len(pool) - 1, -1, -1):
            theirs = [k for k, f in enumerate(pool[j]) if f.status == "other"]
            if theirs:
                for k in theirs:
                    pool[j][k] = replace(pool[j][k], status="present")
                return [Change(pool[j][k].concept, "present", offset + j, index) for k in theirs]
            if any(f.present for f in pool[j]):
                return None
        return None

    def _site_fixed(
        self,
        pool: list[list[Finding]],
        alone: Sequence[Assessment],
        originals: Sequence[str],
        text: str,
        index: int,
        offset: int,
    ) -> list[Change] | None:
        """A correction that gives only a site ("*feet", "I meant my arms"): the latest message
        with a present finding at a site, read again with the new site in the old one's place."""
        m = _matches(self.phrases.site_fix, text)
        site = m.group("site") if m is not None else self._mistyped_site(originals[index - offset], text)
        if site is None or not self._names_site(site):
            return None
        reader = self.engine.reader
        for j in range(len(pool) - 1, -1, -1):
            said = [f for f in pool[j] if f.present]
            if not said:
                continue
            if any(f.from_question for f in said):
                return None  # a bare "yes" names no site to move
            r = reader.read(originals[j])
            spans = [
                (r.tokens[x.i].start, r.tokens[x.j - 1].end)
                for x in r.mentions
                if x.has("site") and any(f.start <= r.tokens[x.i].start < f.end for f in said)
            ]
            if not spans and m is None:
                # "my eggs feel numb" then "LEGS. stupid autocorrect": the word after "my" that
                # the lexicon does not know is the one autocorrect changed
                spans = self._unknown_after_possessive(r)
            if len(set(spans)) != 1:
                return None  # no site, or two ("back hurts, can't feel my legs"): which moved?
            start, end = spans[0]
            new = originals[j][:start] + site + originals[j][end:]
            if new.lower() == originals[j].lower():
                return None
            again = self.engine.assess(new, None, dict(alone[j].context) or None).findings
            pool[j] = [replace(f, message=offset + j) for f in again]
            return [Change(f.concept, "negated", offset + j, index) for f in said]
        return None

    def _mistyped_site(self, original: str, text: str) -> str | None:
        """The site a message that says autocorrect got it wrong gives ("LEGS. stupid autocorrect")."""
        if _matches(self.phrases.mistyped, text) is None:
            return None
        r = self.engine.reader.read(original)
        site = next((x for x in r.mentions if x.has("site")), None)
        if site is None:
            return None
        return original[r.tokens[site.i].start : r.tokens[site.j - 1].end]

    @staticmethod
    def _unknown_after_possessive(r: Any) -> list[tuple[int, int]]:
        owned = {k for x in r.mentions for k in range(x.i, x.j)}
        tokens = r.tokens
        for k in range(len(tokens) - 1):
            if (
                tokens[k].norm in ("my", "his", "her", "both")
                and k + 1 not in owned
                and tokens[k + 1].norm.isalpha()
            ):
                return [(tokens[k + 1].start, tokens[k + 1].end)]
        return []

    def _blood_from_elsewhere(self, pool: list[list[Finding]], index: int, offset: int) -> list[Change]:
        """Earlier present blood of a kind (`sourced`: coughed-up) becomes plain blood."""
        changed = []
        for j, findings in enumerate(pool):
            for k, f in enumerate(findings):
                plain = self.phrases.sourced.get(f.concept)
                if f.present and plain is not None:
                    findings[k] = replace(f, concept=plain)
                    changed.append(Change(f.concept, "negated", offset + j, index))
        return changed

    def _stain_not_blood(self, pool: list[list[Finding]], text: str, index: int, offset: int) -> list[Change]:
        """A message that says the red was a food or drink that stains takes back the blood of
        the latest message that had any; every other finding of it stands."""
        if not self.phrases.stained or _matches(self.phrases.stain_source, text) is None:
            return []
        for j in range(len(pool) - 1, -1, -1):
            hits = [k for k, f in enumerate(pool[j]) if f.present and f.concept in self.phrases.stained]
            if hits:
                changed = []
                for k in hits:
                    f = pool[j][k]
                    pool[j][k] = _overturned(f, "negated")
                    changed.append(Change(f.concept, "negated", offset + j, index))
                return changed
        return []

    def _fine_said_before(self, pool: Sequence[Sequence[Finding]], text: str) -> bool:
        """A site the message says is fine is named in the words of an earlier present finding."""
        stems = {w.rstrip("s") for site in self._fine_sites(text) for w in re.findall(r"[a-z']{3,}", site)}
        return any(
            f.present
            and not stems.isdisjoint(w.rstrip("s") for w in re.findall(r"[a-z']{3,}", f.evidence.lower()))
            for fs in pool
            for f in fs
        )

    def _named_back(self, finding: Finding, text: str, status: Status) -> Finding:
        """A finding the correction points at ("the breathless bit", "what I said about being
        breathless") takes the correction's status: it is not said again."""
        after, before = self.phrases.named_back, self.phrases.named_before
        pointed = (after is not None and after.match(text[finding.end :]) is not None) or (
            before is not None and before.search(text[: finding.start]) is not None
        )
        return replace(finding, status=status) if finding.present and pointed else finding

    def _given_away(self, finding: Finding, text: str) -> Finding:
        after = text[finding.end : finding.end + 60]
        if finding.present and finding.end <= len(text) and _matches(self.phrases.reassign_after, after):
            return replace(finding, status="other")
        return finding

    def _fixes_reading(self, text: str, pool: Sequence[Sequence[Finding]]) -> bool:
        """A correction that gives a temperature, after an earlier reading."""
        if _matches(self.phrases.reading_fix, text) is None:
            return False
        return any(f.concept == "fever" and f.value_c is not None and f.present for fs in pool for f in fs)

    def _comes_back(
        self, pool: Sequence[Sequence[Finding]], text: str, original: str, index: int
    ) -> Finding | None:
        """A message that names nothing but says something is back, after a finding that was
        over in its own message: that finding, present again, on this message."""
        m = _matches(self.phrases.recur, text)
        if m is None:
            said = self.engine.reader.read(original)
            again = next((x for x in said.mentions if ("res", "again") in x.tags), None)
            if again is None:
                return None
            start, end = said.tokens[again.i].start, said.tokens[again.j - 1].end
        else:
            start, end = m.start(), m.end()
        if self.phrases.denial.search(text[:end]) or _matches(self.phrases.resolve, text):
            return None  # "no, it's not back", "all gone again"
        for findings in reversed(pool):
            over = [f for f in findings if f.status == "resolved"]
            if over:
                f = over[-1]
                return Finding(
                    concept=f.concept,
                    status="present",
                    start=start,
                    end=end,
                    evidence=original[start:end],
                    modifiers=f.modifiers,
                    message=index,
                )
            if any(f.present for f in findings):
                return None  # what came last is not over: "again" says nothing of it
        return None

    def _fixes_score(self, pool: list[list[Finding]], text: str, times: Sequence[datetime], i: int) -> bool:
        """A correction that gives a 0-10 score replaces the latest score of the last day (the
        one it names as wrong, if it names one): 7 or more makes it severe, as said at once;
        a score lowered from 7 or more is no longer severe by its score."""
        m = _matches(self.phrases.score_fix, text)
        if m is None:
            return False
        n = int(m.group("n"))
        was = m.groupdict().get("was")
        for j in range(len(pool) - 1, -1, -1):
            if times[i] - times[j] > COUNT_SPAN:
                return False
            scored = [k for k, f in enumerate(pool[j]) if f.present and f.score is not None]
            if was is not None:
                scored = [k for k in scored if pool[j][k].score == int(was)] or scored
            if not scored:
                continue
            k = scored[-1]
            f = pool[j][k]
            mods = set(f.modifiers)
            if n >= 7:
                mods.add("severe")
            elif (f.score or 0) >= 7:
                mods.discard("severe")
            pool[j][k] = replace(f, score=n, modifiers=tuple(sorted(mods)))
            return True
        return False

    @staticmethod
    def _replace_readings(pool: list[list[Finding]], index: int, offset: int) -> list[Change]:
        """Earlier temperature readings give way to the corrected one."""
        changed = []
        for j, findings in enumerate(pool):
            for k, f in enumerate(findings):
                if f.concept == "fever" and f.value_c is not None and f.present:
                    findings[k] = replace(f, status="negated")
                    changed.append(Change(f.concept, "negated", offset + j, index))
        return changed

    @staticmethod
    def _answer_reversed(pool: list[list[Finding]], index: int, offset: int) -> list[Change]:
        """The nearest earlier answer that denied what its question asked is now a yes."""
        for j in range(len(pool) - 1, -1, -1):
            denied = [k for k, f in enumerate(pool[j]) if f.from_question and f.status == "negated"]
            if denied:
                for k in denied:
                    pool[j][k] = replace(pool[j][k], status="present")
                return [Change(pool[j][k].concept, "present", offset + j, index) for k in denied]
        return []

    def _respelled(
        self,
        pool: list[list[Finding]],
        text: str,
        originals: Sequence[str],
        index: int,
        offset: int,
    ) -> list[Change]:
        """A correction that gives the right word for one before: said outright ("meant my hand
        not my leg") or after saying the words were mistyped ("LEGS. autocorrect", "*chest"),
        where it stands for the word of the message before spelt most like it that the reader
        did not place. The nearest earlier message with a finding, read again with it, takes
        the findings that reading gives. Nothing when no word is found to swap, or when a word
        guessed by its spelling reads as nothing (the correction then only takes words back)."""
        swap = _matches(self.phrases.swap, text)
        j = next((j for j in range(len(pool) - 1, -1, -1) if pool[j]), None)
        if swap is not None:
            # "my chess feels tight" then "CHEST not chess": the message with the wrong word,
            # even one that read as nothing with it
            j = next(
                (
                    k
                    for k in range(len(pool) - 1, -1, -1)
                    if swap.group("old") in re.findall(r"[a-z]+", _plain(originals[k]))
                ),
                j,
            )
        if j is None:
            return []
        before = originals[j]
        said = {w.lower() for w in re.findall(r"[A-Za-z]+", before)}
        best: tuple[int, str, str] | None = None  # (distance, word before, word given)
        if swap is not None and swap.group("old") in said and swap.group("new") not in said:
            best = (0, swap.group("old"), swap.group("new"))
        elif _matches(self.phrases.mistyped, text) is not None or _matches(self.phrases.respell, text):
            given = [w for w in re.findall(r"[a-z]+", text) if len(w) >= 3 and w not in said]
            placed = {w.lower() for f in pool[j] for w in re.findall(r"[A-Za-z]+", f.evidence)}
            for old in re.findall(r"[A-Za-z]+", before):
                if len(old) < 3 or old.lower() in placed:
                    continue
                for new in given:
                    d = _distance(old.lower(), new)
                    if d <= min(2, len(new) // 2) and (best is None or d < best[0]):
                        best = (d, old, new)
        starred = self.phrases.star.match(text) if self.phrases.star is not None else None
        if best is None and starred is not None:
            # "I can't walk" then "*can't WAIT, see you Thursday": the star says the words again
            # with one put right, even a word that made the finding (the word before it is the
            # same in both); the message read with it stands, even if it says nothing.
            placed = {w.lower() for f in pool[j] for w in re.findall(r"[A-Za-z]+", f.evidence)}
            was = re.findall(r"[a-z']+", _plain(before))
            now = re.findall(r"[a-z']+", starred.group("clause"))
            for x, old in enumerate(was[1:], 1):
                if old not in placed or len(old) < 3:
                    continue
                for y, new in enumerate(now[1:], 1):
                    d = _distance(old, new)
                    if (
                        now[y - 1] == was[x - 1]
                        and new not in said
                        and 0 < d <= min(2, len(new) // 2)
                        and (best is None or d < best[0])
                    ):
                        best = (d, old, new)
        if best is None:
            return []
        guessed, old, new = best
        mended = re.sub(rf"(?i)\b{re.escape(old)}\b", new, before, count=1)
        found = [replace(f, message=offset + j) for f in self.engine.assess(mended).findings]
        if guessed and not any(f.present for f in found) and old.lower() not in placed:
            return []
        changes = [Change(f.concept, "negated", offset + j, index) for f in pool[j] if f.present]
        pool[j] = found
        return changes or [Change(f.concept, f.status, offset + j, index) for f in found[:1]]

    def _takes_back(self, text: str) -> Status | None:
        if _matches(self.phrases.reassign, text):
            return "other"
        if _matches(self.phrases.retract, text):
            return "negated"
        if _matches(self.phrases.resolve, text):
            return "resolved"
        return None

    @staticmethod
    def _overturn_named(
        pool: list[list[Finding]], what: str, index: int, offset: int, status: Status = "other"
    ) -> list[Change]:
        """Earlier present findings whose evidence shares a word with `what` go to someone else
        (or take `status`)."""
        words = {w for w in re.findall(r"[a-z']{3,}", what) if w not in {"the", "and", "that", "this"}}
        stems = {w.rstrip("s") for w in words}
        changed = []
        for j, findings in enumerate(pool):
            for k, f in enumerate(findings):
                said = {w.rstrip("s") for w in re.findall(r"[a-z']{3,}", f.evidence.lower())}
                if f.present and not stems.isdisjoint(said):
                    findings[k] = replace(f, status=status)
                    changed.append(Change(f.concept, status, offset + j, index))
        return changed

    @staticmethod
    def _overturn_last(
        pool: list[list[Finding]],
        status: Status,
        index: int,
        offset: int,
        keep: frozenset[str] | set[str] = frozenset(),
        *,
        drop: bool = False,
    ) -> list[Change]:
        """The nearest earlier message with a present finding is taken back whole (but for
        the concepts in `keep`, which the taking-back message says of itself); `drop` takes
        even what got better out of the pool (it was history, not now)."""
        for j in range(len(pool) - 1, -1, -1):
            if any(f.present for f in pool[j]):
                changed = []
                for k, f in enumerate(pool[j]):
                    if f.present and f.concept not in keep:
                        pool[j][k] = replace(f, status=status) if drop else _overturned(f, status)
                        changed.append(Change(f.concept, status, offset + j, index))
                return changed
        return []

    def _again(
        self,
        pool: list[list[Finding]],
        text: str,
        original: str,
        times: Sequence[datetime],
        i: int,
        index: int,
    ) -> Finding | None:
        """ "And again", "another 3 since lunch": one more of the latest counted finding today."""
        m = _matches(self.phrases.again, text)
        if m is None or self._total_after(text, m.start()):
            return None  # "once more, makes it 6 so far": the total said is the count
        for j in range(len(pool) - 1, -1, -1):
            if times[i] - times[j] > COUNT_SPAN:
                break
            counted = [f for f in pool[j] if f.present and f.concept in self.phrases.counted]
            if counted:
                raw = m.groupdict().get("n")
                n = 1 if raw is None else (int(raw) if raw.isdigit() else self.phrases.numbers.get(raw, 1))
                return Finding(
                    concept=counted[-1].concept,
                    status="present",
                    start=m.start(),
                    end=m.end(),
                    evidence=original[m.start() : m.end()],
                    count=n,
                    message=index,
                )
        return None

    def _total_after(self, text: str, start: int) -> bool:
        """A number after `start` said as the day's total so far ("that's 6 today")."""
        tally = _matches(self.phrases.tally, text[start:])
        if tally is None:
            return False
        return _matches(self.phrases.count_total, text[start + tally.start() :]) is not None

    def _count_more(self, mine: list[Finding], text: str) -> list[Finding]:
        """Counted findings said without a count, in a message that gives one more time or a
        number more ("another 3", "twice more"): that number, when only one such finding."""
        m = _matches(self.phrases.again, text)
        raw = m.groupdict().get("n") if m is not None else None
        uncounted = [f for f in mine if f.present and f.concept in self.phrases.counted and f.count is None]
        if raw is None or len({f.concept for f in uncounted}) != 1:
            return mine
        n = int(raw) if raw.isdigit() else self.phrases.numbers.get(raw, 1)
        return [replace(f, count=n) if f in uncounted else f for f in mine]

    def _said_alone(
        self, pool: list[list[Finding]], text: str, original: str, index: int
    ) -> tuple[Finding | None, list[tuple[int, int, int]]]:
        """A message that names nothing but gives a count ("it's been 6 today": of the latest
        counted finding, as a new finding) or 0-10 scores (returned, to rate what came before)."""
        scores, counts = self.engine.reader.loose_numbers(original)
        tally = _matches(self.phrases.tally, text)
        if counts and not self._total_after(text, 0):
            # "twice again" counts the twice; "twice again, that's 6 today" says the day's total
            tally = None
        if tally is not None:
            raw = tally.group("n")
            n = int(raw) if raw.isdigit() else self.phrases.numbers.get(raw, 0)
            counts = [(tally.start("n"), tally.end("n"), n)] if n else []
        if counts:
            # "sick 3 times yesterday" then "today it's been 6 already"
            return self._counted_again(pool, original, counts[-1], index), []
        return None, scores

    def _counted_again(
        self, pool: list[list[Finding]], original: str, count: tuple[int, int, int], index: int
    ) -> Finding | None:
        """A count said on its own counts the latest counted finding of the window."""
        for findings in reversed(pool):
            counted = [f for f in findings if f.present and f.concept in self.phrases.counted]
            if counted:
                start, end, n = count
                return Finding(
                    concept=counted[-1].concept,
                    status="present",
                    start=start,
                    end=end,
                    evidence=original[start:end],
                    count=n,
                    message=index,
                )
        return None

    def _rate_last(self, pool: list[list[Finding]], score: int, times: Sequence[datetime], i: int) -> None:
        """A 0-10 score said on its own rates the latest finding of the last day a score can
        rate (pain and its kinds): 7 or more makes it severe, as in the same message."""
        targets = self.engine.lexicon.lists.get("score_targets", frozenset())
        for j in range(len(pool) - 1, -1, -1):
            if times[i] - times[j] > COUNT_SPAN:
                return
            rated = [k for k, f in enumerate(pool[j]) if f.present and f.concept in targets]
            if not rated:
                continue
            k = rated[-1]
            f = pool[j][k]
            mods = set(f.modifiers) | ({"severe"} if score >= 7 else set())
            pool[j][k] = replace(f, score=max(score, f.score or 0), modifiers=tuple(sorted(mods)))
            return

    def _made_more(self, pool: list[list[Finding]], original: str, times: Sequence[datetime], i: int) -> bool:
        """Whether a correction that names no finding says how much or how bad (`_RAISING`) of
        the latest finding such words qualify, which then takes them: a correction can only
        make it more, never take it back."""
        mods = self.engine.reader.free_modifiers(original) & _RAISING
        targets = self.engine.lexicon.modifier_targets
        last = next((fs for fs in reversed(pool) if any(f.present for f in fs)), None)
        if not mods or last is None:
            return False
        if not any(f.present and f.concept in targets.get(m, ()) for f in last for m in mods):
            return False
        self._qualify_last(pool, original, times, i)
        return True

    def _qualify_last(
        self, pool: list[list[Finding]], original: str, times: Sequence[datetime], i: int
    ) -> None:
        """ "nosebleed" then "still going, 45 mins, won't stop": a message that names nothing
        but says how it is qualifies the latest finding that such words can qualify."""
        mods = self.engine.reader.free_modifiers(original)
        if not mods:
            return
        targets = self.engine.lexicon.modifier_targets
        for j in range(len(pool) - 1, -1, -1):
            if times[i] - times[j] > COUNT_SPAN:
                return
            present = [k for k, f in enumerate(pool[j]) if f.present]
            if not present:
                continue
            for k in present:
                f = pool[j][k]
                extra = {m for m in mods if f.concept in targets.get(m, ())} - set(f.modifiers)
                if extra:
                    pool[j][k] = replace(f, modifiers=tuple(sorted({*f.modifiers, *extra})))
            return

    def _add_counts(
        self,
        pool: list[list[Finding]],
        alone: Sequence[Assessment],
        times: Sequence[datetime],
        totals: set[int] | frozenset[int] = frozenset(),
    ) -> None:
        """Counts of the last 24 hours add up on the latest mention (an answer to a check-in
        question about the day is a total, not one more)."""
        if len(pool) < 2:
            return
        end = times[-1]
        for concept in self.phrases.counted:
            total = 0
            where: tuple[int, int] | None = None
            messages = 0
            for j, findings in enumerate(pool):
                if end - times[j] > COUNT_SPAN:
                    continue
                mentions = [(k, f) for k, f in enumerate(findings) if f.concept == concept and f.present]
                if not mentions:
                    continue
                messages += 1
                most = max((f.count or 1) for _, f in mentions)
                # An answer to a check-in question counts the day so far; told episodes add.
                if j in totals or any(f.from_question for _, f in mentions):
                    total = max(total, most)
                else:
                    total += most
                where = (j, mentions[-1][0])
            if where is None or messages < 2:
                continue
            j, k = where
            if total != (pool[j][k].count or 1):
                pool[j][k] = replace(pool[j][k], count=total)
