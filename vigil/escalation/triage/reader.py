"""Reading one message: tokens -> mentions -> findings with status, modifiers and values.

Every pass below walks the tokens or the mentions once, and each looks at most a
fixed window of neighbours, so reading is linear in the length of the message.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from .lexicon import Lexicon, Mention
from .model import Status
from .spelling import Normaliser
from .text import (
    CLAUSE_PUNCT,
    NUM,
    PUNCT,
    SENTENCE_PUNCT,
    WORD,
    Token,
    mark_newlines,
    parse_number,
    raw_tokens,
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


def _happened(tokens: list[Token], k: int) -> bool:
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


def _glued_hyphen(text: str, start: int, end: int) -> bool:
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
        self.count: int | None = None
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


def _owners(size: int, mentions: Sequence[Mention]) -> list[int]:
    """For each of `size` tokens, the index of the mention that holds it (-1 for none)."""
    owner = [-1] * size
    for idx, m in enumerate(mentions):
        for k in range(m.i, m.j):
            owner[k] = idx
    return owner


class Reader:
    """Reads messages with one lexicon."""

    def __init__(self, lexicon: Lexicon, normaliser: Normaliser) -> None:
        self.lex = lexicon
        self.norm = normaliser
        L = lexicon.lists
        self._and = L.get("and_words", frozenset())
        self._and_next = L.get("and_breaks_before", frozenset())
        self._site_joins = L.get("site_joins", frozenset())
        self._site_list_leads = L.get("site_list_leads", frozenset())
        self._sentence_mods = L.get("sentence_modifiers", frozenset())
        self._sides = L.get("sides", frozenset())
        self._skip_before_site = L.get("determiners", frozenset())
        self._count_units = L.get("count_units", frozenset())
        self._score_leads = L.get("score_leads", frozenset()) | L.get("approximately", frozenset())
        self._at_least = L.get("count_at_least", frozenset())
        # "at 6am, 8am and noon": times of day listed after a symptom, each one a time it happened.
        self._clock_suffixes = L.get("clock_suffixes", frozenset())
        self._clock_words = L.get("clock_words", frozenset())
        self._clock_leads = L.get("clock_leads", frozenset())
        self._clock_parts = L.get("clock_parts", frozenset())
        self._clock_again = L.get("clock_again", frozenset())
        self._count_joins = self._and | L.get("count_joins", frozenset())
        self._day_parts = L.get("day_parts", frozenset())
        self._count_added_before = L.get("count_added_before", frozenset())
        self._count_totals = L.get("count_totals", frozenset())
        self._needs_words = L.get("cant_without_leads", frozenset())
        self._without = L.get("without_words", frozenset())
        self._cant_without_not = L.get("cant_without_not", frozenset())
        self._day_part_leads = L.get("day_part_leads", frozenset())
        self._not_counts = L.get("not_counts", frozenset())
        self._count_leads = L.get("count_leads", frozenset())
        self._temp_words = L.get("temperature_words", frozenset())
        self._temp_after = L.get("temperature_after_words", frozenset())
        # Words after a bare number that say it is no temperature ("tengo 40 años").
        self._not_temperatures = L.get("not_temperatures", frozenset())
        # The weather's temperature, not the body's ("40 grados a la sombra", "hace 39").
        self._weather_words = L.get("weather_words", frozenset())
        self._weather_leads = L.get("weather_leads", frozenset())
        self._celsius = L.get("celsius_units", frozenset())
        self._fahrenheit = L.get("fahrenheit_units", frozenset())
        self._degrees = L.get("degree_units", frozenset())
        self._approx = L.get("approximately", frozenset())
        self._list_words = L.get("list_continuers", frozenset())
        self._glue = L.get("glue", frozenset())
        self._subject_verbs = L.get("subject_verbs", frozenset())
        self._young = L.get("young_people", frozenset())
        self._worry_words = L.get("worry_words", frozenset({"worried", "worrying", "concerned"}))
        self._person_stems = L.get("person_stems", frozenset())
        self._sentence_pairing = L.get("sentence_pairing", frozenset())
        self._volume_units = L.get("volume_units", frozenset())
        self._antipyretics = L.get("antipyretics", frozenset())
        # Words that make a finding's own phrase negative ("no puedo caminar"): a negation
        # said after such a finding only says "at all".
        self._said_negative = L.get("said_negative", frozenset())
        # Words before a "nothing" that make it a cause ("de nada", "por nada"), not a denial.
        self._nothing_leads = L.get("nothing_leads", frozenset())
        self._score_words = L.get("score_words", frozenset())
        self._score_glue = L.get("score_glue", frozenset())
        self._score_severity = L.get("score_severity", frozenset())
        # Verbs of the present after a part or symptom that opens a clause ("voice is all
        # gravelly"): a statement of now, which a what-if before it does not reach.
        self._present_copulas = L.get("present_copulas")
        # A general question asked ahead of time: how it opens, and the words that make it
        # the writer's or someone's own ("is it normal that my legs...").
        self._ahead_openers = L.get("ahead_question_openers", frozenset())
        self._ahead_blockers = L.get("ahead_question_blockers", frozenset())
        self._neg_breakers = L.get("negation_breakers", frozenset())
        self._if_yes = L.get("if_yes_words", frozenset())
        self._if_then = L.get("if_then_words", frozenset())
        self._if_openers = L.get("if_answer_openers", frozenset())
        self._if_already = L.get("if_already", frozenset())
        self._if_not_next = L.get("if_not_next", frozenset())
        self._never = L.get("never_words", frozenset())
        self._never_past = L.get("never_past", frozenset())
        self._never_also = L.get("never_also", frozenset())
        self._never_recall = L.get("never_recall", frozenset())
        self._never_so = L.get("never_comparisons", frozenset())
        self._never_not_after = L.get("never_not_after", frozenset())
        self._never_fillers = L.get("never_fillers", frozenset())
        self._never_experiencers = L.get("never_experiencers", frozenset())
        self._never_until_now = L.get("never_until_now", frozenset())
        self._cancellers = L.get("cue_cancellers", frozenset())
        self._stable_denials = L.get("stable_denials", frozenset())
        self._canceller_subjects = L.get("cue_canceller_subjects", frozenset())
        self._partial_words = L.get("partial_words", frozenset())
        self._past_leads = L.get("past_leads", frozenset())
        self._past_tails = L.get("past_tails", frozenset())
        # Blood in spit with a bleed in the mouth named ("gums bled ..."): see _blood_from_mouth.
        self._spit_words = L.get("spit_words", frozenset())
        self._lung_words = L.get("lung_words", frozenset())
        self._mouth_words = L.get("mouth_words", frozenset())
        self._partial_phrases = L.get("partial_phrases", frozenset())
        self._today_concepts = L.get("today_concepts", frozenset())
        self._today_words = L.get("today_words", frozenset())
        self._day_parts_today = L.get("day_parts_today", frozenset())
        self._stain_explains = L.get("stain_explains", frozenset())
        self._blood_words = L.get("blood_words", frozenset())
        self._not_partial_heads = L.get("not_partial_heads", frozenset())
        self._fillers = L.get("fragment_fillers", frozenset())
        self._simile_heads = L.get("simile_heads", frozenset())
        # "lo del pecho regresó, un dolor fuerte que ...": a quality opening its clause with an
        # indefinite article names again what the clause before spoke of.
        self._apposition_heads = L.get("apposition_heads", frozenset())
        self._side_words = L.get("side_words", frozenset())
        self._canceller_glue = L.get("canceller_glue", frozenset())
        self._feel_denials = L.get("feel_denials", frozenset())
        # Words that negate a verb inside a symptom's own phrase ("las piernas no me responden").
        self._own_negations = L.get("own_negations", frozenset())
        # "la tos de mi esposo": a finding owned by a person named after it.
        self._of_words = L.get("of_words", frozenset())
        self._person_owners = L.get("person_owners", frozenset())
        self._feel_glue = L.get("feel_glue", frozenset())
        self._bare_names = L.get("bare_patient_names", frozenset())
        self._owner_words = L.get("owner_words", frozenset())
        self._score_targets = L.get("score_targets", frozenset())
        self._count_targets = L.get("count_targets", frozenset())
        self._present_time = L.get("present_time", frozenset())
        self._present_verbs = L.get("present_verbs", frozenset())
        self._absence_cues = L.get("absence_cues", frozenset())
        self._absent_concepts = L.get("absent_concepts", frozenset())
        self._transient = L.get("transient_concepts", frozenset())
        self._far_past = L.get("far_past_words", frozenset())
        self._site_pronouns = L.get("site_pronouns", frozenset())
        self._object_pronouns = L.get("object_pronouns", frozenset())
        self._history_breakers = L.get("history_breakers", frozenset()) | RELATIVE_PRONOUNS
        self._history_comparisons = L.get("history_comparisons", frozenset())
        self._history_fillers = L.get("history_fillers", frozenset())  # "like 3 years ago"
        # Words after a time that make it a duration up to now ("hace un año que tengo tos").
        self._history_durations = L.get("history_durations", frozenset())
        self._history_heads = L.get("history_heads", frozenset())  # "like when I was young"
        self._parent_owners = L.get("parent_owners", frozenset())
        self._counted_tags = frozenset(("concept", c) for c in self._count_targets)
        self._prepositions = L.get("prepositions", frozenset())
        self._accompany = L.get("accompany_words", frozenset())
        self._about_leads = tuple(tuple(c.split()) for c in sorted(L.get("about_leads", frozenset())))
        self._only_circumstances = L.get("only_circumstances", frozenset())
        self._only_words = L.get("only_words", ONLY_WORDS)
        self._writer_words = L.get("writer_words", frozenset())
        self._place_prepositions = L.get("place_prepositions", frozenset())
        self._place_owners = L.get("place_owners", frozenset())
        # Words that open a relative clause set between commas after a person.
        self._aside_openers = L.get("aside_openers", RELATIVE_PRONOUNS)
        self._aside_leads = L.get("aside_leads", frozenset())  # "la" of "la que vive en..."
        # Words of the language's grammar the passes below need; English when not given.
        self._first_singular = L.get("first_singular", FIRST_SINGULAR)
        # Words that may stand before a verb of the first person ("no puedo caminar"): they
        # belong to its subject. None unless the lexicon names them.
        self._before_verb = L.get("before_verb", frozenset())
        self._first_possessive = L.get("first_possessive", frozenset())
        self._image_leads = L.get("image_leads", frozenset())
        self._helping_verbs = L.get("helping_verbs", frozenset())
        self._helped_objects = L.get("helped_objects", frozenset())
        # Verbs of an activity done to someone or a pet ("walking the dog"): they are its object.
        self._object_leads = L.get("object_leads", frozenset())
        self._loss_mods = L.get("loss_modifiers", frozenset())
        self._not_loss = L.get("not_loss_words", frozenset())
        tails = L.get("score_tails")
        self._score_tails = [t.split() for t in sorted(tails)] if tails is not None else SCORE_TAILS
        self._score_lead = L.get("score_lead", SCORE_LEAD)
        self._articles = L.get("articles", ARTICLES)
        self._score_copulas = L.get("score_copulas", SCORE_COPULAS)
        self._not_scores = L.get("not_scores", NOT_SCORES)
        self._number_and = L.get("number_and", NUMBER_AND)
        self._decimal_words = L.get("decimal_words", DECIMAL_WORDS)
        self._halves = [tuple(h.split()) for h in L["halves"]] if "halves" in L else [HALF]
        self._writer_apart: dict[str, list[tuple[str, ...]]] = {}
        for cue in L.get("writer_apart", frozenset()):
            words = tuple(cue.split())
            self._writer_apart.setdefault(words[0], []).append(words)
        # Where a parent lives apart from the writer ("Mum at the care home"): named bare, as a
        # carer names the patient, they are still someone else.
        self._parent_away: dict[str, list[tuple[str, ...]]] = {}
        for cue in L.get("parent_away", frozenset()):
            words = tuple(cue.split())
            self._parent_away.setdefault(words[0], []).append(words)

    # -- tokens -----------------------------------------------------------------

    def tokenize(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        pieces = self.norm.pieces
        for raw, start, end, possessive in raw_tokens(text):
            if _glued_hyphen(text, start, end):
                # "short-of-breath", "left-sided", "blood-stained": one compound read as
                # its words; a spaced dash between clauses and "7-8/10" keep theirs.
                continue
            full = len(raw)
            first = len(tokens)
            for norm, a, b in pieces(raw):
                # Dropped apostrophes make the piece shorter than the text it came from.
                if b == full:
                    b = end - start
                if norm[0].isdigit():
                    # A run of digits too long to be a reading or a count is just a number.
                    value = parse_number(norm) if len(norm) <= 8 else None
                    tokens.append(Token(norm, start + a, start + b, NUM, value))
                    continue
                kind = WORD if norm[0].isalnum() else PUNCT
                tokens.append(Token(norm, start + a, start + b, kind))
            if possessive and len(tokens) > first:
                tokens[-1].possessive = True
        mark_newlines(text, tokens)
        return tokens

    # -- the passes -----------------------------------------------------------------

    def read(self, text: str, *, carer: bool = False, answer: bool = False) -> Reading:
        """`carer`: the writer is known to be one of the patient's carers (the caller's
        context says so), so the people they name are the patient unless the message says
        clearly that someone is not ("he's not your patient"). `answer`: the message answers
        a check-in question (a "si" opening it is the yes, see `_yes_not_if`)."""
        tokens = self.tokenize(text)
        mentions = self._feeling_denied(tokens, self.lex.match(tokens))
        owner = _owners(len(tokens), mentions)
        contrast = self._segment(tokens, mentions, owner)
        drafts = self._concepts(tokens, mentions)
        self._compose(tokens, mentions, owner, drafts)
        reading = Reading(tokens, mentions, drafts, [], [], [], [])
        self._numbers(reading, owner)
        self._modifiers(tokens, mentions, owner, drafts)
        self._same_pain(tokens, drafts)
        self._cant_without(tokens, mentions, reading)
        self._unplaced(tokens, mentions, drafts)
        self._statuses(reading, owner, contrast, carer, self._yes_not_if(text, tokens, answer))
        self._blood_from_mouth(tokens, mentions, owner, drafts)
        self._stained(tokens, mentions, owner, drafts)
        return reading

    def _cause_named(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], marker: str
    ) -> bool:
        """A `marker` mention in the message that no "no" just before denies."""
        return any(
            ("marker", marker) in m.tags
            and not any(
                owner[k] >= 0 and ("neg", "pre") in mentions[owner[k]].tags
                for k in range(max(0, m.i - 3), m.i)
            )
            for m in mentions
        )

    def _stained(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], drafts: list[Draft]
    ) -> None:
        """'wee is red but I had beetroot last night': wee or poo told only by its colour, with a
        food that colours it named as eaten, is the food; "blood in my wee" or clots stay a bleed."""
        passed, blood = self._stain_explains, self._blood_words
        if not passed or not self._cause_named(tokens, mentions, owner, "stain"):
            return
        for d in drafts:
            if d.concept != "bleeding" or d.status != "present" or "large_amount" in d.mods:
                continue
            words = {t.norm for t in tokens[d.start : d.end]}
            if words & passed and not words & blood:
                d.status = "negated"

    def _blood_from_mouth(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], drafts: list[Draft]
    ) -> None:
        """'gums bled when I brushed my teeth, pink spit in the sink', 'bit my tongue, blood in
        my spit': blood told only as spit, in a message that names a bleed in the mouth, is
        that bleed, not blood coughed up. Blood that comes with a cough or phlegm stays
        coughed up, and so does blood in spit when the mouth's bleed is denied."""
        spit, lung = self._spit_words, self._lung_words
        if not spit:
            return
        sources = [
            d
            for d in drafts
            if d.concept == "bleeding" and d.status == "present" and self._in_mouth(tokens, d)
        ]
        if not sources and not self._cause_named(tokens, mentions, owner, "mouth"):
            return
        coughed = {t.clause for t in tokens if t.norm in lung}
        for d in drafts:
            if d.concept != "hemoptysis" or d.status != "present":
                continue
            words = {t.norm for t in tokens[d.start : d.end]}
            if words & spit and tokens[d.anchor].clause not in coughed:
                d.concept = "bleeding"  # (a large amount stays large: a major bleed all the same)

    def _in_mouth(self, tokens: list[Token], d: Draft) -> bool:
        return any(t.norm in self._mouth_words for t in tokens[d.start : d.end])

    def _yes_not_if(self, text: str, tokens: list[Token], answer: bool) -> frozenset[int]:
        """Where "si" is the yes, not the if, in a language that folds them into one word:
        written with its accent ("sí me da mucho dolor"), or opening an answer to a question
        ("si se me duermen las piernas") when its sentence does not go on to what the writer
        would do or ask then ("si se me duermen le aviso", "si me da fiebre, ¿qué hago?")."""
        if not self._if_yes:
            return frozenset()
        out = set()
        for k, tok in enumerate(tokens):
            if tok.norm not in self._if_yes:
                continue
            if text[tok.start : tok.end].lower() != tok.norm:
                out.add(k)  # the accent kept: "sí"
                continue
            if not answer or any(t.norm not in self._if_openers and t.kind != PUNCT for t in tokens[:k]):
                continue
            rest = [t for t in tokens[k + 1 :] if t.sentence == tok.sentence]
            if any(t.norm in self._if_then or t.norm == "?" for t in rest):
                continue
            if tokens[-1].norm == "?" and tokens[-1].sentence == tok.sentence:
                continue
            out.add(k)
        return frozenset(out)

    def _feeling_denied(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """'no siento debilidad en las piernas', 'no siento falta de aire': "I don't feel"
        before a symptom denies the symptom; before a body part ("no siento las piernas") it
        is the loss of feeling. In a language that names `feel_denials` (the negating words
        of its "can't feel"), such a mention right before a finding or a quality is a denial."""
        denials = self._feel_denials
        if not denials:
            return mentions
        glue = self._feel_glue
        out = list(mentions)
        for idx, m in enumerate(mentions[:-1]):
            if ("quality", "cantfeel") not in m.tags or not any(t.norm in denials for t in tokens[m.i : m.j]):
                continue
            nxt = mentions[idx + 1]
            between = tokens[m.j : nxt.i]
            if len(between) > 2 or any(t.norm not in glue for t in between):
                continue
            if nxt.has("concept") or (nxt.has("quality") and not nxt.has("site")):
                out[idx] = Mention(m.i, m.j, (("neg", "pre"),))
        return out

    @property
    def cancellers(self) -> frozenset[str]:
        """Words that say a circumstance is fine ("sentada estoy bien")."""
        return self._cancellers

    def denied_after(self, r: Reading, m: Mention) -> bool:
        """Whether a verdict after the circumstance `m` names denies it ("sentada estoy bien",
        "acostada no"); see `_denied_after`."""
        return self._denied_after(r.tokens, r.mentions, _owners(len(r.tokens), r.mentions), m)

    def free_modifiers(self, text: str) -> set[str]:
        """What a message that names no finding says of how things are ("still going, won't
        stop"), without the words it denies ("not worse")."""
        r = self.read(text)
        if r.drafts:
            return set()
        return self._asserted_modifiers(r, r.mentions)

    def sentence_modifiers(self, text: str, at: int) -> set[str]:
        """What the sentence holding character `at` says of how things are ("it jags right through
        me every time I cough": `on_straining`), without the words it denies; for a finding the
        conversation gives another concept, which such words may qualify where the first could
        not."""
        r = self.read(text)
        sentence = next((t.sentence for t in r.tokens if t.end > at), None)
        said = [m for m in r.mentions if not m.has("concept") and r.tokens[m.i].sentence == sentence]
        return self._asserted_modifiers(r, said)

    def _asserted_modifiers(self, r: Reading, among: list[Mention]) -> set[str]:
        """The modifiers the mentions `among` say, without those a "not" denies."""
        owner = _owners(len(r.tokens), r.mentions)
        return {
            mod
            for m in among
            if m.has("mod") and not self._negated_cue(r.tokens, r.mentions, owner, m)
            for mod in m.values("mod")
        }

    def loose_numbers(self, text: str) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
        """The 0-10 scores and the counts of a message that names no finding ("it's an 8
        today", "6 times now"), as (start, end, value) in the text: what they rate is in the
        messages before."""
        r = self.read(text)
        if r.drafts:
            return [], []
        tokens = r.tokens

        def spans(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
            return [(tokens[i].start, tokens[j - 1].end, v) for i, j, v in found]

        return spans(r.loose_scores), spans(r.loose_counts)

    def normal_reading(self, text: str) -> bool:
        """The writer's own last temperature reading in the message is normal (below 37.5 °C)
        and nothing was taken to bring it down ("my temp's 36.8"; not "36.9 after paracetamol")."""
        r = self.read(text)
        if not r.readings or any(t.norm in self._antipyretics for t in r.tokens):
            return False
        subject = self._subjects(r.tokens, r.mentions)
        mine = [x for x in r.readings if subject[x[0]] != OTHER]
        return bool(mine) and mine[-1][2] < 37.5

    def _segment(self, tokens: list[Token], mentions: list[Mention], owner: list[int]) -> set[int]:
        """Number sentences and clauses; returns the clauses that open with a contrast."""
        sent = clause = 0
        contrast: set[int] = set()
        n = len(tokens)
        for k, tok in enumerate(tokens):
            o = owner[k]
            if tok.newline_before and k:
                sent += 1
                clause += 1
            if o >= 0:
                m = mentions[o]
                if m.i == k and ("marker", "break") in m.tags:
                    clause += 1
                    contrast.add(clause)
            elif tok.norm in self._and and k + 1 < n and tokens[k + 1].norm in self._and_next:
                clause += 1
            tok.sentence = sent
            tok.clause = clause
            if o < 0 and tok.kind == PUNCT:
                if tok.norm in SENTENCE_PUNCT:
                    sent += 1
                    clause += 1
                elif tok.norm in CLAUSE_PUNCT:
                    clause += 1
        return contrast

    def _concepts(self, tokens: list[Token], mentions: list[Mention]) -> list[Draft]:
        drafts = []
        last_marker: dict[str, int] = {}  # figure kind -> the latest token naming its subject
        for m in mentions:
            for kind, value in m.tags:
                if kind == "marker":
                    last_marker[value] = m.j - 1
            figure = m.values("figure")
            if figure and any(self._figure_subject(tokens, last_marker.get(f), m.i) for f in figure):
                continue  # "this paperwork is giving me a headache": a figure of speech
            for concept in m.values("concept"):
                drafts.append(Draft(concept, m.i, m.j, m.i, m.values("mod")))
            for tag, pseudo in CONTEXT_TAGS:
                if tag in m.tags:
                    # "had chemo on Tuesday", "it's spread to my spine": context the text gives,
                    # with a status like any finding
                    drafts.append(Draft(pseudo, m.i, m.j, m.i))
        return drafts

    @staticmethod
    def _figure_subject(tokens: list[Token], k: int | None, i: int) -> bool:
        """A nuisance or a show named just before, in the same clause, is the subject."""
        return k is not None and 0 < i - k <= FIGURE_WINDOW and tokens[k].clause == tokens[i].clause

    def _compose(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], drafts: list[Draft]
    ) -> None:
        """Pair body sites with what is wrong with them ("legs" + "weak")."""
        frames = self.lex.frames
        sites = [m for m in mentions if m.has("site")]
        quals = [m for m in mentions if m.has("quality")]
        if not quals:
            return
        used_sites: set[int] = set()
        # How a quality is (", un dolor fuerte, que no me deja ni moverme,"): words of its
        # modifiers belong to the fragment as much as the quality's own.
        quality_at = frozenset(
            k
            for x in mentions
            if x.has("quality") or (x.has("mod") and not x.has("concept"))
            for k in range(x.i, x.j)
        )

        frame_mods = self.lex.frame_mods

        def concept_for(s: Mention, q: Mention) -> str | None:
            found = None
            for sk in s.values("site"):
                for qk in q.values("quality"):
                    c = frames.get((sk, qk))
                    if c is not None:
                        mods = frame_mods.get((sk, qk))
                        if mods:
                            # "both legs" + "numb": the frame that says more wins
                            pair_mods[id(s), id(q)] = mods
                            return c
                        found = found or c
            return found

        pair_mods: dict[tuple[int, int], tuple[str, ...]] = {}

        glue = self._glue
        site_starts = [x.i for x in sites]
        qual_starts = [x.i for x in quals]

        def near(m: Mention, pool: list[Mention]) -> list[Mention]:
            clause = tokens[m.i].clause
            found = []
            starts = site_starts if pool is sites else qual_starts
            lo = bisect_left(starts, m.i - PAIR_WINDOW - 16)
            hi = bisect_right(starts, m.j + PAIR_WINDOW)
            for o in pool[lo:hi]:
                if tokens[o.i].clause != clause or o is m:
                    continue
                lo, hi = (o.j, m.i) if o.j <= m.i else (m.j, o.i)
                if hi - lo <= PAIR_WINDOW:
                    # Linking words ("in my", "is really") do not keep a site from its symptom.
                    weight = sum(1 for x in range(lo, hi) if tokens[x].norm not in glue)
                    found.append((weight, hi - lo, o))
            found.sort(key=lambda t: (t[0], t[1]))
            return [o for _, _, o in found]

        def add(s: Mention, q: Mention, concept: str) -> None:
            i, j = min(s.i, q.i), max(s.j, q.j)
            mods = (*s.values("mod"), *q.values("mod"), *pair_mods.get((id(s), id(q)), ()))
            d = Draft(concept, i, j, q.i, mods)
            lo, hi = (s.j, q.i) if s.i < q.i else (q.j, s.i)
            d.inner_neg = any(
                owner[k] >= 0 and mentions[owner[k]].has("neg") and ("neg", "pre") in mentions[owner[k]].tags
                for k in range(lo, hi)
            )
            if self._one_sided(tokens, s):
                d.mods.add("one_sided")
            drafts.append(d)

        def in_sentence(m: Mention) -> list[Mention]:
            """For blood and swelling a site anywhere near in the sentence will do."""
            sentence = tokens[m.i].sentence
            lo = bisect_left(site_starts, m.i - 12)
            hi = bisect_right(site_starts, m.j + 12)
            found = [o for o in sites[lo:hi] if tokens[o.i].sentence == sentence]
            found.sort(key=lambda o: abs(o.i - m.i))
            return found

        for q in quals:
            paired = False
            candidates = near(q, sites) if sites else []
            if sites and not candidates and self._sentence_pairing.intersection(q.values("quality")):
                candidates = in_sentence(q)
            if (
                sites
                and not candidates
                and (self._fragment(tokens, q, quality_at) or self._apposed(tokens, q))
            ):
                # "the worst is in my chest, crushing, 9": a quality standing alone as a list
                # item says what the site of the clause just before it is like.
                clause = tokens[q.i].clause
                # (or the one before that, when what stands between says only which sides:
                # "up to my waist, both sides, numb")
                sides_between = self._only_sides(tokens, clause - 1)
                candidates = [
                    o
                    for o in in_sentence(q)
                    if o.j <= q.i
                    and (
                        clause - tokens[o.i].clause == 1
                        or (sides_between and clause - tokens[o.i].clause == 2)
                    )
                ]
            for s in candidates:
                c = concept_for(s, q)
                if c is not None:
                    add(s, q, c)
                    used_sites.add(id(s))
                    paired = True
                    break
            if not paired and sites:
                # "shooting pain down my leg and now it's gone weak": "it" is the leg.
                named = self._pronoun_site(tokens, sites, site_starts, q)
                c = concept_for(named, q) if named is not None else None
                if named is not None and c is not None:
                    add(named, q, c)
                    paired = True
            if not paired and sites and self._sentence_pairing.intersection(q.values("quality")):
                # "The cough's the same. The blood streaks are new though": blood in a sentence
                # that names no part, after one that named only the chest's, is from there.
                named = self._lung_before(tokens, sites, q)
                c = concept_for(named, q) if named is not None else None
                if named is not None and c is not None:
                    add(named, q, c)
                    paired = True
            if not paired and sites:
                # "my chest is auditioning for a horror film lol. pain 9 out of 10": a pain that
                # opens its sentence rates the site the sentence before named and left bare.
                named = self._site_before(tokens, sites, quals, drafts, used_sites, q)
                c = concept_for(named, q) if named is not None else None
                if named is not None and c is not None:
                    add(named, q, c)
                    used_sites.add(id(named))
                    paired = True
            if not paired:
                for qk in q.values("quality"):
                    c = self.lex.defaults.get(qk)
                    if c is not None:
                        d = Draft(c, q.i, q.j, q.i, q.values("mod"))
                        d.loose = True
                        drafts.append(d)
                        break
        for s in sites:
            if id(s) in used_sites:
                continue
            for q in near(s, quals) or self._listed_with(tokens, s, quals):
                c = concept_for(s, q)
                if c is not None:
                    add(s, q, c)
                    break

    def _listed_with(self, tokens: list[Token], s: Mention, quals: list[Mention]) -> list[Mention]:
        """The quality a list of sites shares: "my bottom and the inside of my legs feel numb"
        says the bottom is numb too, though the list runs past the pairing window."""
        n = len(tokens)
        if s.j >= n or tokens[s.j].norm not in self._site_joins:
            return []
        # Only a list that opens its clause is a subject: in "sat on my bottom and my feet went
        # numb" the bottom is where the writer sat.
        k = s.i - 1
        skip = self._skip_before_site - self._prepositions
        while k >= 0 and tokens[k].norm in skip:
            k -= 1
        if k >= 0 and tokens[k].kind != PUNCT and tokens[k].norm not in self._site_list_leads:
            return []
        for q in quals:
            if q.i <= s.j or q.i - s.j > SITE_LIST_WINDOW:
                continue
            # (a list runs without a stop: a comma or a full stop ends it)
            if any(tokens[k].kind == PUNCT for k in range(s.j, q.i)):
                return []
            return [q]
        return []

    def _fragment(self, tokens: list[Token], q: Mention, quality_at: frozenset[int] = frozenset()) -> bool:
        """The quality's clause is only the quality (and linking words): ", crushing,"; or
        qualities with hedges between them: ", sort of numb and heavy,"."""

        def filler(k: int) -> bool:
            t = tokens[k]
            return t.kind == PUNCT or t.norm in self._glue or t.norm in self._fillers or k in quality_at

        clause, k = tokens[q.i].clause, q.i - 1
        while k >= 0 and tokens[k].clause == clause:
            if not filler(k):
                return False
            k -= 1
        k = q.j
        while k < len(tokens) and tokens[k].clause == clause:
            if tokens[k].norm in self._simile_heads:
                # ", numb like a dentist injection": what follows "like" is a figure of what
                # the quality is like, not another fact of the clause.
                return True
            if not filler(k):
                return False
            k += 1
        return True

    def _apposed(self, tokens: list[Token], q: Mention) -> bool:
        """The quality opens its clause with an indefinite article (", un dolor fuerte que no
        me deja"): a noun in apposition to what the clause before named."""
        k = q.i - 1
        return (
            k >= 0
            and tokens[k].norm in self._apposition_heads
            and tokens[k].clause == tokens[q.i].clause
            and (k == 0 or tokens[k - 1].clause != tokens[q.i].clause or tokens[k - 1].kind == PUNCT)
        )

    def _only_sides(self, tokens: list[Token], clause: int) -> bool:
        """The clause only says which sides ("both sides", "on both sides", "both of them")."""
        words = [t.norm for t in tokens if t.clause == clause and t.kind != PUNCT]
        return bool(words) and all(w in self._side_words or w in self._glue for w in words)

    @staticmethod
    def _site_before(
        tokens: list[Token],
        sites: list[Mention],
        quals: list[Mention],
        drafts: list[Draft],
        used_sites: set[int],
        q: Mention,
    ) -> Mention | None:
        """The one bare site of the sentence before, when the quality opens its own sentence
        and that sentence said nothing else was wrong."""
        sentence = tokens[q.i].sentence
        lead = [t for t in tokens[: q.i] if t.sentence == sentence and t.kind != PUNCT]
        if lead or sentence == 0 or "pain" not in q.values("quality"):
            return None
        before = [s for s in sites if tokens[s.i].sentence == sentence - 1]
        if len(before) != 1 or id(before[0]) in used_sites:
            return None
        if any(tokens[o.i].sentence == sentence - 1 for o in quals):
            return None
        if any(tokens[d.anchor].sentence == sentence - 1 for d in drafts):
            return None
        return before[0]

    def _pronoun_site(
        self, tokens: list[Token], sites: list[Mention], site_starts: list[int], q: Mention
    ) -> Mention | None:
        """The site a pronoun just before a quality stands for: the last one named before it."""
        # (or opening it: "se me duerme" carries the "se" whose subject, dropped, is the leg)
        k = q.i
        while k >= 0 and q.i - k <= 3 and tokens[k].clause == tokens[q.i].clause:
            if tokens[k].norm in self._site_pronouns:
                return self._antecedent(tokens, sites, site_starts, k)
            k -= 1
        # "my legs went funny and I can't really feel them": the pronoun the quality's verb
        # takes as its object, right after it, stands for the site as well.
        k = q.j
        after = k < len(tokens) and tokens[k].clause == tokens[q.i].clause
        if after and tokens[k].norm in self._object_pronouns:
            return self._antecedent(tokens, sites, site_starts, k)
        return None

    @staticmethod
    def _antecedent(
        tokens: list[Token], sites: list[Mention], site_starts: list[int], k: int
    ) -> Mention | None:
        sentence = tokens[k].sentence
        at = bisect_left(site_starts, k) - 1
        # "A twinge in my chest. Well, more than that, it's unbearable": the last site
        # named, in this sentence or the one just before, is what "it" stands for.
        if at >= 0 and k - sites[at].j <= 12 and 0 <= sentence - tokens[sites[at].i].sentence <= 1:
            return sites[at]
        return None

    @staticmethod
    def _unplaced(tokens: list[Token], mentions: list[Mention], drafts: list[Draft]) -> None:
        """Words about the body that no concept took: an `unrecognised` finding, one a clause.

        A symptom-like word ("rash", "dizzy") stands on its own; a body word ("elbow",
        "skin", or a site left unpaired) needs something said of it in its clause ("weird",
        "gone black", or a quality no frame pairs it with).
        """
        covered = bytearray(len(tokens))
        for d in drafts:
            for k in range(d.start, min(d.end, len(tokens))):
                covered[k] = 1
        free = [m for m in mentions if not covered[m.i]]
        seen: set[int] = set()
        for idx, m in enumerate(free):
            kinds = m.values("unplaced")
            clause = tokens[m.i].clause
            if clause in seen:
                continue
            cue = "symptom" in kinds or "vague" in kinds or m.has("quality")
            body = "body" in kinds or m.has("site")
            if not (cue or body):
                continue
            # Nearby free mentions in the same clause complete the picture.
            lo, hi = m.i, m.j
            partner = None
            for o in free[max(0, idx - 4) : idx + 5]:
                if o is m or tokens[o.i].clause != clause or abs(o.i - m.i) > PAIR_WINDOW + 2:
                    continue
                o_kinds = o.values("unplaced")
                o_cue = "symptom" in o_kinds or "vague" in o_kinds or o.has("quality")
                o_body = "body" in o_kinds or o.has("site")
                if (body and o_cue) or (cue and o_body):
                    partner = o
                    break
            if "symptom" not in kinds and partner is None:
                continue
            if partner is not None:
                lo, hi = min(lo, partner.i), max(hi, partner.j)
            anchor = m.i if cue else partner.i if partner is not None else m.i
            drafts.append(Draft(UNRECOGNISED, lo, hi, anchor))
            seen.add(clause)

    def _one_sided(self, tokens: list[Token], site: Mention) -> bool:
        k = site.i - 1
        for _ in range(2):
            if k < 0:
                return False
            norm = tokens[k].norm
            if norm in self._sides:
                return True
            if norm not in self._skip_before_site:
                return False
            k -= 1
        return False

    # -- numbers ----------------------------------------------------------------------

    def _numbers(self, r: Reading, owner: list[int]) -> None:
        tokens, mentions = r.tokens, r.mentions
        n = len(tokens)
        counted = self._counted_tags
        for k, tok in enumerate(tokens):
            o = owner[k]
            if tok.kind == NUM and tok.value is not None and (o < 0 or mentions[o].has("concept")):
                r.numbers.append(Number(k, k + 1, tok.value, "." in tok.norm or "," in tok.norm))
            elif o >= 0 and mentions[o].i == k and mentions[o].has("num"):
                m = mentions[o]
                r.numbers.append(
                    Number(m.i, m.j, float(m.values("num")[0]), False, ("unit", "count") in m.tags)
                )
            elif (
                o >= 0
                and mentions[o].i == k
                and mentions[o].j - k > 1
                and not counted.isdisjoint(mentions[o].tags)
            ):
                r.numbers += self._inner_counts(tokens, mentions[o])
        r.numbers.sort(key=lambda x: x.i)
        r.numbers = self._merge_number_words(tokens, r.numbers)
        index = Near(r.drafts)
        for num in r.numbers:
            if num.count_word:
                self._attach_count(r, index, num.i, num.j, int(num.value))
                continue
            temp = self._temperature(tokens, num, n)
            if temp is not None:
                j, celsius = temp
                r.readings.append((num.i, j, celsius))
                continue
            score_end = self._score_end(tokens, num, n)
            if score_end:
                self._attach_score(r, index, num.i, score_end, int(num.value))
                continue
            whole = num.value == int(num.value)
            if num.j < n and tokens[num.j].norm in self._count_units and whole:
                self._attach_count(r, index, num.i, num.j + 1, int(num.value))
            elif (
                whole
                and num.j + 1 < n
                and tokens[num.j].norm in ADDED_WORDS
                and (
                    tokens[num.j + 1].norm in self._count_units
                    or tokens[num.j + 1].norm in self._day_parts
                    or tokens[num.j + 1].norm in self._day_part_leads
                )
            ):
                # "sick twice this morning and four more times since lunch": six in all;
                # "four more this afternoon": the part of the day says what is counted
                self._attach_count(r, index, num.i, num.j + 2, int(num.value), more=True)
            elif (
                whole
                and num.i > 0
                and tokens[num.i - 1].norm in self._and
                and num.j + 1 < n
                and tokens[num.j].norm in self._day_part_leads
                and any(t.norm in self._day_parts for t in tokens[num.j + 1 : num.j + 3])
                and any(d.count is not None for d in r.drafts)
            ):
                # "the runs 4 times this morning and 3 this afternoon", "and 2 in the night": the
                # unit said once serves the second part of the day too, so the counts add up
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif (
                whole
                and num.i > 0
                and tokens[num.i - 1].norm in self._count_added_before
                and (num.j >= n or tokens[num.j].norm not in self._not_counts)
            ):
                # "sick 3 times this morning and another 4 since lunch": seven in all
                self._attach_count(r, index, num.i - 1, num.j, int(num.value), more=True)
            elif (
                whole
                and num.i > 0
                and tokens[num.i - 1].norm in self._count_leads
                and self._bare_tally(tokens, num)
            ):
                # "diarrea cada rato, van 8 hoy": the count so far, said without a unit
                self._attach_count(r, index, num.i - 1, num.j, int(num.value))
            elif whole and self._part_of_day_tally(r, num):
                # "the runs 2 this morning, 3 this afternoon, 2 tonight": a bare number told
                # for a part of the day, straight after the symptom or a comma, is a count
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif whole and self._at_least_alone(r, num):
                # "I vomit many many time today, more than ten": a bare "more than" number after
                # a counted symptom is how many times.
                self._attach_count(r, index, num.i - 2, num.j, int(num.value))
            elif (
                whole
                and num.j < n
                and (tokens[num.j].norm in self._day_part_leads or tokens[num.j].norm in self._day_parts)
                and self._counted_before(r, num.i)
            ):
                # "4 times this morning and 3 this afternoon": the part of the day says it is
                # another count of the symptom already counted
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif whole and self._count_before(r, num):  # "4 loose stools"
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif num.i > 0 and tokens[num.i - 1].norm == "x" and whole:  # "loose stools x7"
                self._attach_count(r, index, num.i - 1, num.j, int(num.value))
            elif num.j < n and tokens[num.j].norm in self._volume_units and num.value >= 5:
                # more than a teaspoon (5 ml) of blood is a large amount
                d = self._nearest(
                    r, index, num.i, num.j + 1, frozenset({"hemoptysis", "bleeding"}), MOD_WINDOW
                )
                if d is not None:
                    d.mods.add("large_amount")
        self._runs(r)
        self._clock_times(r)
        if r.readings and self.lex.fever_word_takes_reading:
            self._fever_word_is_its_reading(r)
        elif r.readings and self.lex.lists.get("fever_reading_links"):
            self._fever_word_names_next_reading(r, self.lex.lists["fever_reading_links"])
        for i, j, celsius in r.readings:
            if celsius >= 37.5:
                d = Draft("fever", i, j, i)
                d.value_c = celsius
                if celsius < 38.0:
                    d.mods.add("low_grade")
                r.drafts.append(d)

    def _fever_word_is_its_reading(self, r: Reading) -> None:
        """'tengo fiebre de 37.8', '38.5 de fiebre': the word names the reading beside it, which
        says how high (37.8 is low-grade, 37.2 no fever at all), not a fever of its own."""
        tokens = r.tokens

        def beside(d: Draft, i: int, j: int) -> bool:
            lo, hi = (d.end, i) if d.end <= i else (j, d.start)
            return 0 <= hi - lo <= 2 and not any(tokens[k].norm in self._and for k in range(lo, hi))

        near = [(i, j) for i, j, _ in r.readings]
        r.drafts = [
            d
            for d in r.drafts
            if d.concept != "fever" or d.value_c is not None or not any(beside(d, i, j) for i, j in near)
        ]

    @staticmethod
    def _fever_word_names_next_reading(r: Reading, links: frozenset[str]) -> None:
        """'a slight temp of 37.7', 'temperature 37.6': the fever word is the reading that
        follows it at once (joined only by `links`), which says how high it is, so 37.7 stays
        low-grade rather than "a temperature" without a number. Punctuation or any other word
        between keeps both ("if I had a fever - it's 38.2")."""
        tokens = r.tokens
        starts = {i for i, _, _ in r.readings}

        def names(d: Draft) -> bool:
            for i in range(d.end, min(d.end + 3, len(tokens) + 1)):
                if i in starts:
                    return True
                if i >= len(tokens) or tokens[i].norm not in links:
                    return False
            return False

        r.drafts = [d for d in r.drafts if d.concept != "fever" or d.value_c is not None or not names(d)]

    def _runs(self, r: Reading) -> None:
        """'🤮🤮🤮🤮🤮🤮🤮 today': the same counted symptom written again and again, back to back,
        counts each time it is written."""
        run: list[Draft] = []
        for d in sorted((d for d in r.drafts if d.concept in self._count_targets), key=lambda d: d.start):
            if run and d.concept == run[-1].concept and d.start == run[-1].end and d.end - d.start == 1:
                run.append(d)
                continue
            self._count_run(run)
            run = [d] if d.end - d.start == 1 else []
        self._count_run(run)

    def _clock_times(self, r: Reading) -> None:
        """'vomited at 6am, 8am, 10am, noon, 2pm and 4pm': a counted symptom followed by a list
        of the times it happened counts one for each time listed."""
        tokens, n = r.tokens, len(r.tokens)
        if not self._clock_suffixes:
            return
        for d in r.drafts:
            if d.concept not in self._count_targets or d.count is not None:
                continue
            led = d.end < n and tokens[d.end].norm in self._clock_leads
            # "sick at 6, half 7, 9": after an "at" (the finding's own or the next word) bare
            # hours are times of day too, and "and again just now" is one more.
            led_bare = led or tokens[d.end - 1].norm in self._clock_leads
            k = d.end + led
            times = 0
            joins = self._count_joins
            while k < n:
                start = k
                while k < n and (
                    tokens[k].norm in self._clock_parts
                    # "a las 5 de la tarde, a las 8": a list goes on after a time's own words
                    or (times and k > start and (tokens[k].norm == "," or tokens[k].norm in joins))
                ):
                    k += 1  # "half 7", "quarter to 1"
                tok = tokens[k] if k < n else None
                if tok is None:
                    k = start
                    break
                bare_hour = (
                    led_bare
                    and tok.kind == NUM
                    and tok.value is not None
                    and 0 < tok.value <= 24
                    and (k + 1 >= n or tokens[k + 1].norm not in self._not_counts | self._count_units)
                )
                if tok.kind == NUM and k + 1 < n and tokens[k + 1].norm in self._clock_suffixes:
                    times, k = times + 1, k + 2
                elif tok.norm in self._clock_words or bare_hour:
                    times, k = times + 1, k + 1
                elif times and k == start and tok.norm in self._clock_again:
                    times += 1
                    break
                else:
                    k = start
                    break
                if k < n and (tokens[k].norm == "," or tokens[k].norm in self._count_joins):
                    k += 1
            if times >= 2:
                d.count = times

    @staticmethod
    def _count_run(run: list[Draft]) -> None:
        if len(run) >= 2 and all(d.count is None for d in run):
            for d in run:
                d.count = len(run)

    def _inner_counts(self, tokens: list[Token], m: Mention) -> list[Number]:
        """'sick six times', 'sick twice': a counted finding's phrase holds its count in words."""
        out = []
        for inner in self.lex.match(tokens[m.i + 1 : m.j]):
            if inner.has("num"):
                i, j = m.i + 1 + inner.i, m.i + 1 + inner.j
                unit = j < len(tokens) and tokens[j].norm in self._count_units
                if ("unit", "count") in inner.tags or unit:
                    out.append(Number(i, j, float(inner.values("num")[0]), False, True))
        return out

    def _merge_number_words(self, tokens: list[Token], nums: list[Number]) -> list[Number]:
        """'thirty eight point two' -> 38.2, 'ninety nine' -> 99, '38 point 5' -> 38.5,
        'a hundred and one point two' -> 101.2."""
        out: list[Number] = []
        for num in nums:
            prev = out[-1] if out else None
            if (
                prev is not None
                and not prev.decimal
                and not num.count_word
                and prev.value == 100
                and 0 < num.value < 100
                and num.value == int(num.value)
                and (prev.j == num.i or (prev.j + 1 == num.i and tokens[prev.j].norm in self._number_and))
            ):
                prev.j, prev.value = num.j, 100 + num.value
                continue
            hyphen = prev is not None and prev.j + 1 == num.i and tokens[prev.j].norm == "-"
            if (
                prev is not None
                and (prev.j == num.i or hyphen)  # "thirty eight", "thirty-eight"
                and not prev.decimal
                and not num.count_word
                and prev.value >= 20
                and prev.value % 10 == 0
                and 0 < num.value < 10
            ):
                prev.j, prev.value = num.j, prev.value + num.value
                continue
            if (
                prev is not None
                and not prev.decimal
                and prev.j + 1 == num.i
                and tokens[prev.j].norm in self._decimal_words
                and 0 <= num.value < 10
                and num.value == int(num.value)
            ):
                prev.j, prev.value, prev.decimal = num.j, prev.value + num.value / 10, True
                continue
            out.append(num)
        for num in out:  # "thirty-eight and a half" -> 38.5
            k = num.j
            for half in self._halves:
                if (
                    not num.decimal
                    and k + len(half) - 1 < len(tokens)
                    and tuple(t.norm for t in tokens[k : k + len(half)]) == half
                ):
                    num.j, num.value, num.decimal = k + len(half), num.value + 0.5, True
        return out

    def _temperature(self, tokens: list[Token], num: Number, n: int) -> tuple[int, float] | None:
        v = num.value
        j = num.j
        unit = None
        k = j
        if k < n and tokens[k].norm in self._degrees:
            k += 1
            unit = "deg"
        if k < n and tokens[k].norm in self._celsius:
            unit, k = "c", k + 1
        elif k < n and tokens[k].norm in self._fahrenheit:
            unit, k = "f", k + 1
        if unit is not None:
            j = k
        if unit is None and j < n and tokens[j].norm in self._not_temperatures:
            return None
        if unit is None:
            cue = any(
                tokens[x].norm in self._temp_words
                for x in range(max(0, num.i - 4), num.i)
                if tokens[x].clause == tokens[num.i].clause
            ) or any(
                tokens[x].norm in self._temp_after
                for x in range(j, min(n, j + 4))
                if tokens[x].clause == tokens[num.i].clause
            )
            if not (num.decimal or cue or self._reading_after_colon(tokens, num)):
                return None
        if self._is_weather(tokens, num, j):
            return None
        if unit in ("c", "deg", None) and 34.0 <= v <= 43.5 and unit != "f":
            return j, round(v, 1)
        if unit in ("f", "deg", None) and 93.0 <= v <= 110.0:
            return j, round((v - 32.0) * 5.0 / 9.0, 1)
        return None

    def _reading_after_colon(self, tokens: list[Token], num: Number) -> bool:
        """'I took my temperature, 39', 'temp: 38': a whole number set after the temperature
        word by a comma or colon is the reading, as a decimal one already is."""
        p = num.i - 1
        if p < 1 or tokens[p].kind != PUNCT or tokens[p].norm not in (",", ":", "-", "="):
            return False
        return any(tokens[x].norm in self._temp_words for x in range(max(0, p - 2), p))

    def _is_weather(self, tokens: list[Token], num: Number, j: int) -> bool:
        """A reading said of the weather: 'hace 40 grados', '39 grados a la sombra'. Only a
        lead right before the number counts ("hace dos días tuve 39" is the body's)."""
        if num.i > 0 and tokens[num.i - 1].norm in self._weather_leads:
            return True
        if not self._weather_words:
            return False
        clause = tokens[num.i].clause
        near = [t.norm for t in tokens[max(0, num.i - 3) : j + 5] if t.clause == clause]
        words = " " + " ".join(near) + " "
        return any(f" {w} " in words for w in self._weather_words)

    def _score_end(self, tokens: list[Token], num: Number, n: int) -> int:
        v = num.value
        if v != int(v) or not 0 <= v <= 10:
            return 0
        j = num.j
        seq = [tokens[x].norm for x in range(j, min(n, j + 3))]
        for tail in self._score_tails:
            if seq[: len(tail)] == tail:
                return j + len(tail)
        if num.i >= 2 and tokens[num.i - 1].norm in self._articles and tokens[num.i - 2].norm in self._approx:
            return j
        if (
            num.i >= 1
            and tokens[num.i - 1].norm in self._score_lead
            and (j >= n or tokens[j].norm not in self._count_units)
        ):
            return j  # "real bad pain in my shoulder, like 9"
        if (
            num.i >= 2
            and tokens[num.i - 1].norm in self._articles
            and tokens[num.i - 2].norm in self._score_copulas
            and (j >= n or (tokens[j].norm not in self._count_units | self._not_scores))
        ):
            return j  # "pain in my thigh bone is a 7"
        # "pain is 9", "pain score 10", "my pain's about an eight"
        k = num.i - 1
        steps = 0
        while k >= 0 and steps < 4 and tokens[k].norm in self._score_glue:
            k -= 1
            steps += 1
        if (
            k >= 0
            and tokens[k].norm in self._score_words
            and (j >= n or tokens[j].norm not in self._count_units)
        ):
            return j
        # "yes bad, 9", "hurts, 8": a number that closes its clause straight after a word of
        # how bad it is, as people answer "how bad?" without the scale.
        k = num.i - 1
        if k >= 0 and tokens[k].norm == ",":
            k -= 1
        if (
            k >= 0
            and tokens[k].norm in self._score_severity
            and (j >= n or tokens[j].kind == PUNCT or tokens[j].norm in self._and)
        ):
            return j
        return 0

    @staticmethod
    def _nearest(
        r: Reading,
        index: Near,
        i: int,
        j: int,
        targets: frozenset[str],
        window: int,
        before_first: bool = False,
    ) -> Draft | None:
        sentence = r.tokens[i].sentence
        clause = r.tokens[i].clause
        best = None
        best_key = (2, 2, window + 1)
        for _, d in index.around(i, j, window):
            if d.concept not in targets or r.tokens[d.anchor].sentence != sentence:
                continue
            gap = d.gap(i, j)
            after = 1 if before_first and d.start >= j else 0
            key = (0 if r.tokens[d.anchor].clause == clause else 1, after, gap)
            if gap <= window and key < best_key:
                best, best_key = d, key
        return best

    def _attach_score(self, r: Reading, index: Near, i: int, j: int, score: int) -> None:
        # "pain in my chest, I'd say an eight, not breathless": a score rates what came before.
        d = self._nearest(r, index, i, j, self._score_targets, MOD_WINDOW, before_first=True)
        if d is None:
            d = self._site_pain(r, i)  # "hip 8/10": a body site with a score is pain there
        if d is None:
            d = self._score_alone(r, i, j)  # "Headache. 8/10.": the sentence before
        if d is None and self._nearest(r, index, i, j, self._count_targets, MOD_WINDOW) is not None:
            # "I vomit many time today, maybe 7": with nothing to rate, the number counts.
            self._attach_count(r, index, i, j, score)
            return
        if d is None:
            r.loose_scores.append((i, j, score))
            return
        d.score = score if d.score is None else max(d.score, score)
        if score >= 7:
            d.mods.add("severe")
        if score == 0 and d.score == 0:
            d.inner_neg = True  # "my back pain is 0 today": none to speak of
        d.start, d.end = min(d.start, i), max(d.end, j)

    def _score_alone(self, r: Reading, i: int, j: int) -> Draft | None:
        """A score written as a sentence of its own ("Headache. 8/10. Paracetamol not touching
        it.") rates the last thing it could rate in the sentence just before."""
        tokens = r.tokens
        sentence = tokens[i].sentence
        words = [
            t
            for k, t in enumerate(tokens)
            if t.sentence == sentence and not i <= k < j and t.kind != PUNCT and t.norm not in self._approx
        ]
        if words or sentence == 0:
            return None
        targets = self._score_targets
        before = [d for d in r.drafts if d.concept in targets and tokens[d.anchor].sentence == sentence - 1]
        return max(before, key=lambda d: d.end) if before else None

    def _bare_tally(self, tokens: list[Token], num: Number) -> bool:
        """A number after "van" that counts times, not days or hours ("van 8 hoy", not
        "van 3 días"): nothing but a time word or the end follows it."""
        if num.j >= len(tokens) or tokens[num.j].kind == PUNCT:
            return True
        return tokens[num.j].norm in self._present_time or tokens[num.j].norm in self._and

    def _counted_before(self, r: Reading, i: int) -> bool:
        """A counted symptom earlier in the sentence already has its count."""
        sentence = r.tokens[i].sentence
        return any(
            d.concept in self._count_targets
            and d.count is not None
            and d.end <= i
            and r.tokens[d.anchor].sentence == sentence
            for d in r.drafts
        )

    def _count_before(self, r: Reading, num: Number) -> bool:
        return any(d.concept in self._count_targets and d.start == num.j for d in r.drafts)

    def _site_pain(self, r: Reading, i: int) -> Draft | None:
        # "it's just the back, which is about 8/10": words that only lead up to a score
        # ("which is", "about") leave the site before them the thing rated.
        tokens, k = r.tokens, i
        while (
            k > 0
            and i - k < SITE_SCORE_GAP
            and tokens[k - 1].sentence == tokens[i].sentence
            and (tokens[k - 1].norm in self._score_leads or tokens[k - 1].norm in SCORE_LEAD_PUNCT)
        ):
            k -= 1
        for m in r.mentions:
            if m.j <= i and (i - m.j <= 2 or m.j == k) and m.has("site"):
                for site in m.values("site"):
                    concept = self.lex.frames.get((site, "pain"))
                    if concept is not None:
                        d = Draft(concept, m.i, m.j, m.i, m.values("mod"))
                        r.drafts.append(d)
                        return d
        return None

    def _part_of_day_tally(self, r: Reading, num: Number) -> bool:
        tokens, n = r.tokens, len(r.tokens)
        if not (0 < num.value <= 30) or num.j >= n:
            return False
        nxt = tokens[num.j].norm
        if nxt not in self._day_part_leads and nxt not in self._day_parts:
            return False
        # Only straight after the symptom or a list's comma: "took 4 this morning" is tablets.
        if self._in_clock_list(tokens, num.i):
            return False  # "sick at 6, 8 and 10 this morning": times of day, not ten times
        prev = tokens[num.i - 1] if num.i > 0 else None
        if prev is None or not (prev.norm in {",", ":", ";"} or prev.norm in self._and):
            return any(d.concept in self._count_targets and d.end == num.i for d in r.drafts)
        before = [d for d in r.drafts if d.end <= num.i]
        last = max(before, key=lambda d: d.end, default=None)
        return last is not None and last.concept in self._count_targets

    def _in_clock_list(self, tokens: list[Token], i: int) -> bool:
        """The number at i ends a list of times that an "at" opened ("at 6, half 7 and 9")."""
        k = i - 1
        while k >= 0:
            norm = tokens[k].norm
            if norm in self._clock_leads:
                return True
            if not (
                tokens[k].kind == NUM
                or norm == ","
                or norm in self._count_joins
                or norm in self._clock_parts
                or norm in self._clock_suffixes
            ):
                return False
            k -= 1
        return False

    def _at_least_alone(self, r: Reading, num: Number) -> bool:
        """'more than ten' closing a clause, with no unit of its own after it, and a counted
        symptom the last thing named before it ("my pain is more than 7" rates the pain)."""
        tokens = r.tokens
        if num.i < 2 or " ".join(t.norm for t in tokens[num.i - 2 : num.i]) not in self._at_least:
            return False
        if num.j < len(tokens) and tokens[num.j].kind != PUNCT:
            return False
        before = [d for d in r.drafts if d.end <= num.i - 2]
        last = max(before, key=lambda d: d.end, default=None)
        return last is not None and last.concept in self._count_targets

    def _attach_count(self, r: Reading, index: Near, i: int, j: int, count: int, more: bool = False) -> None:
        d = self._nearest(r, index, i, j, self._count_targets, MOD_WINDOW)
        if d is None:
            r.loose_counts.append((i, j, count))
            return
        if d.count is not None and (more or self._parts_of_day(r.tokens, d.end, i, j)):
            d.count += count
        else:
            d.count = count if d.count is None else max(d.count, count)
        d.start, d.end = min(d.start, i), max(d.end, j)

    def _parts_of_day(self, tokens: list[Token], end: int, i: int, j: int) -> bool:
        """Between two counts of one symptom, a part of the day ("twice before breakfast,
        twice at lunch"): each count is its own part of the day, so they add up; unless the
        later count is the day's total ("five times today in all")."""
        if any(t.norm in self._count_totals for t in tokens[j : j + 3]):
            return False
        return any(tokens[k].norm in self._day_parts for k in range(end, i))

    # -- modifiers ----------------------------------------------------------------------

    def _modifiers(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], drafts: list[Draft]
    ) -> None:
        targets = self.lex.modifier_targets
        index = Near(drafts)
        by_sentence: dict[int, list[Draft]] = {}
        for d in drafts:
            by_sentence.setdefault(tokens[d.anchor].sentence, []).append(d)
        for m in mentions:
            if m.has("concept"):
                continue
            mods = m.values("mod")
            if not mods or self._negated_cue(tokens, mentions, owner, m):
                continue
            sentence, clause = tokens[m.i].sentence, tokens[m.i].clause
            # "it's worse every day, no numbness": "it" points back, so what came before wins.
            back = self._pronoun_before(tokens, m)
            for mod in mods:
                allowed = targets.get(mod)
                best, best_key = None, (2, 2, MOD_WINDOW + 1)
                for _, d in index.around(m.i, m.j, MOD_WINDOW):
                    if allowed is not None and d.concept not in allowed:
                        continue
                    if tokens[d.anchor].sentence != sentence:
                        continue
                    if mod in self._loss_mods and any(
                        t.norm in self._not_loss for t in tokens[d.start : d.end]
                    ):
                        continue  # tingling is never a loss of feeling, however far it reaches
                    gap = d.gap(m.i, m.j)
                    after = 1 if back and d.start >= m.j else 0
                    key = (0 if tokens[d.anchor].clause == clause else 1, after, gap)
                    if gap <= MOD_WINDOW and key < best_key:
                        best, best_key = d, key
                if best is None and mod in self._sentence_mods:
                    # "Nosebleed started at 6, it's quarter to 7 now and it's still dripping":
                    # how much or how long a bleed goes on may be told anywhere in its sentence.
                    same = [
                        d for d in by_sentence.get(sentence, ()) if allowed is None or d.concept in allowed
                    ]
                    if same:
                        best = min(same, key=lambda d: d.gap(m.i, m.j))
                if best is None and sentence not in by_sentence and sentence - 1 in by_sentence:
                    # "The chest pain went away. Came back an hour ago, crushing, worst it's
                    # been": a sentence that names nothing says how the last one's finding is.
                    before = by_sentence[sentence - 1]
                    earlier = [d for d in before if allowed is None or d.concept in allowed]
                    if earlier:
                        best = max(earlier, key=lambda d: d.end)
                if best is not None:
                    best.mods.add(mod)

    def _same_pain(self, tokens: list[Token], drafts: list[Draft]) -> None:
        """'my lower back is sore, a constant nagging ache': an ache with no place of its own,
        in the sentence of a pain that has one, is that pain; what is said of it goes there."""
        loose = [d for d in drafts if d.loose and d.concept == "pain" and d.mods]
        if not loose:
            return
        targets = self.lex.modifier_targets
        index = Near(drafts)
        for d in loose:
            sentence = tokens[d.anchor].sentence
            placed = [
                p
                for _, p in index.around(d.start, d.end, MOD_WINDOW)
                if p.concept in self._score_targets and not p.loose and tokens[p.anchor].sentence == sentence
            ]
            if not placed:
                continue
            near = min(placed, key=lambda p: p.gap(d.start, d.end))
            near.mods.update(m for m in d.mods if near.concept in targets.get(m, frozenset({near.concept})))

    def _cant_without(self, tokens: list[Token], mentions: list[Mention], r: Reading) -> None:
        """'can't finish a sentence without stopping for breath', 'struggling to walk to the
        shop without gasping': what one cannot do without is there, so the "without" denies
        nothing; and a walk held back by the breath is the breath's, not a trouble walking."""
        for idx, m in enumerate(mentions):
            if ("neg", "pre") not in m.tags or tokens[m.i].norm not in self._without or m.j - m.i != 1:
                continue
            clause = tokens[m.i].clause
            lead = next(
                (
                    k
                    for k in range(m.i - 1, max(-1, m.i - CANT_WITHOUT_WINDOW), -1)
                    if tokens[k].clause == clause and tokens[k].norm in self._needs_words
                ),
                None,
            )
            if lead is None or any(
                t.norm in self._cant_without_not for t in tokens[lead + 1 : min(lead + 3, m.i)]
            ):
                continue
            mentions[idx] = Mention(m.i, m.j, tuple(t for t in m.tags if t != ("neg", "pre")))
            breath = any(
                d.concept == "dyspnea" and d.start >= m.j and tokens[d.anchor].clause == clause
                for d in r.drafts
            )
            if breath:
                r.drafts[:] = [
                    d for d in r.drafts if not (d.concept == "gait_difficulty" and lead <= d.start < m.i)
                ]

    def _pronoun_before(self, tokens: list[Token], m: Mention) -> bool:
        k = m.i - 1
        while k >= 0 and m.i - k <= 4 and tokens[k].clause == tokens[m.i].clause:
            if tokens[k].norm in self._site_pronouns:
                return True
            k -= 1
        return False

    def _negated_cue(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], m: Mention
    ) -> bool:
        """'no worse', 'not sudden', 'fine at night': the cue is denied, not asserted."""
        for k in (m.i - 1, m.i - 2):
            if k < 0 or tokens[k].clause != tokens[m.i].clause:
                break
            o = owner[k]
            if o >= 0 and ("neg", "pre") in mentions[o].tags:
                return True
            # "not worse at night or anything": the "not" of "not worse" denies the time it
            # names too (a stable marker opened by a denial word).
            if (
                o >= 0
                and ("marker", "stable") in mentions[o].tags
                and tokens[mentions[o].i].norm in self._stable_denials
            ):
                return True
            if tokens[k].norm in self._cancellers and not (o >= 0 and mentions[o].has("concept")):
                # ("no puedo respirar bien acostada": a "well" inside the finding's own words
                # is how it goes, not a verdict on lying down)
                return True
        return self._cancelled_after(tokens, m) or self._denied_after(tokens, mentions, owner, m)

    def _partly(self, tokens: list[Token], m: Mention) -> bool:
        """'mostly sorted it', 'almost gone', 'half settled': an end not yet reached leaves the
        finding there, less of it."""
        if any(
            tokens[k].norm in self._partial_words and tokens[k].clause == tokens[m.i].clause
            for k in range(max(0, m.i - 2), m.i)
        ):
            return True
        # "a bit better now", "gone down a bit by lunch", "eased a little": a small amount said
        # right before or after the end is how far it has gone, not that it is over.
        clause = tokens[m.i].clause
        before = " ".join(t.norm for t in tokens[max(0, m.i - 3) : m.i] if t.clause == clause)
        after = [t.norm for t in tokens[m.j : m.j + 4] if t.clause == clause]
        if any(w in self._not_partial_heads for w in after):
            after = []  # "went a little while ago": when, not how far
        after_text = " ".join(after)
        return any(
            before == p or before.endswith(" " + p) or after_text == p or after_text.startswith(p + " ")
            for p in self._partial_phrases
        )

    def _cancelled_after(self, tokens: list[Token], m: Mention) -> bool:
        """'At rest I am ok', 'at night it's fine': the circumstance is followed by its own
        all-clear, in the same clause."""
        for k in range(m.j, min(len(tokens), m.j + 4)):
            if tokens[k].clause != tokens[m.i].clause:
                return False
            if tokens[k].norm in self._cancellers:
                return True
            if tokens[k].norm not in self._canceller_subjects:
                return False
        return False

    def _denied_after(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], m: Mention
    ) -> bool:
        """'sentada no', 'sentado estoy bien': in a language that puts the verdict after the
        circumstance (it names `canceller_glue`), a bare "no" or "fine" after it denies it."""
        glue = self._canceller_glue
        if not glue:
            return False
        k = m.j
        if k < len(tokens) and tokens[k].norm in glue and tokens[k].clause == tokens[m.i].clause:
            k += 1
        if k >= len(tokens) or tokens[k].clause != tokens[m.i].clause:
            return False
        o = owner[k]
        if k == m.j and o >= 0 and ("neg", "post") in mentions[o].tags:
            return True
        return tokens[k].norm in self._cancellers

    # -- status -------------------------------------------------------------------------

    def _statuses(
        self,
        r: Reading,
        owner: list[int],
        contrast: set[int],
        carer: bool = False,
        yes: frozenset[int] = frozenset(),
    ) -> None:
        tokens, mentions, drafts = r.tokens, r.mentions, r.drafts
        n = len(tokens)
        neg = bytearray(n)
        hyp = bytearray(n)
        used = bytearray(n)
        resolved: set[int] = set()
        negated_post: set[int] = set()
        index = Near(drafts)
        worst = self._never_so_much(tokens, drafts)
        dated_now: tuple[set[int], set[int]] | None = None  # worked out at the first clear test
        for k in self._if_then_clauses(tokens, yes):
            hyp[k] = 1
        for m in mentions:
            tags = m.tags
            if ("neg", "pre") in tags and m.i not in worst:
                self._neg_scope(tokens, mentions, owner, m.j, neg)
            if ("hyp", "pre") in tags and m.i not in yes:
                sentence, own = tokens[m.i].sentence, tokens[m.i].clause
                for k in range(m.j, min(n, m.j + HYP_WINDOW)):
                    if tokens[k].sentence != sentence:
                        break
                    # "asked if I had chest pain, I don't, but I do have a cough": the "but" ends it.
                    if tokens[k].clause != own and tokens[k].clause in contrast:
                        break
                    # "heatstroke can cause confusion and now Dad is confused": "now" in a
                    # later clause tells what is, not what might be.
                    if tokens[k].clause != own and tokens[k].norm == "now":
                        break
                    # "read about flu, and my legs have gone weak": a later clause that tells
                    # of something that has happened is no longer the what-if.
                    if tokens[k].clause != own and _happened(tokens, k):
                        break
                    # "keep asking if I have a cold, voice is all gravelly": a later clause that
                    # opens on a part or a symptom told as it is now says what is.
                    if tokens[k].clause != own and self._told_now(tokens, mentions, owner, k):
                        break
                    hyp[k] = 1
            if ("hyp", "back") in tags:
                self._asked_ahead(tokens, m, hyp)
            if ("neg", "thought") in tags:
                self._mistaken(tokens, mentions, index, m, negated_post)
            if ("res", "pre") in tags:
                clause = tokens[m.i].clause
                for k in range(m.j, min(n, m.j + USED_TO_WINDOW)):
                    if tokens[k].clause != clause:
                        break
                    used[k] = 1
            if (
                ("res", "post") in tags
                and not self._negated_cue(tokens, mentions, owner, m)
                and not self._partly(tokens, m)
            ):
                before = set(resolved)
                self._resolve_back(tokens, index, m, contrast, resolved)
                if tokens[m.i].norm in self._absence_cues:
                    # "bunged up, nothing since Friday": for a bowel that will not move, nothing
                    # since is the symptom going on, not over
                    resolved -= {x for x in resolved - before if drafts[x].concept in self._absent_concepts}
            if ("res", "cleared") in tags and not self._negated_cue(tokens, mentions, owner, m):
                # "had a bleed from my back passage last month, colonoscopy was clear": a test
                # that came back clear ends what it was done for, once that is dated back; a
                # finding of now stays ("leg still swollen, scan was clear").
                found: set[int] = set()
                self._resolve_back(tokens, index, m, contrast, found)
                if found:
                    if dated_now is None:
                        dated_now = self._dated_sentences(tokens)
                    dated, now = dated_now
                    at = [(x, tokens[drafts[x].anchor]) for x in found]
                    resolved.update(x for x, t in at if t.sentence in dated and t.clause not in now)
            if ("res", "history") in tags or (("res", "history_year") in tags and self._has_year(tokens, m)):
                self._history_scope(tokens, m, contrast, used)
            if ("neg", "back") in tags:
                # "...weak legs, wetting yourself. Don't have any of that": this sentence and the last.
                sentence = tokens[m.i].sentence
                for idx, d in index.around(m.i - HYP_WINDOW, m.i, 0):
                    if d.anchor < m.i and sentence - tokens[d.anchor].sentence <= 1:
                        negated_post.add(idx)
            if ("neg", "post") in tags:
                for idx, d in index.around(m.i - 2, m.i, 0):
                    if d.end <= m.i and m.i - d.end <= 2 and tokens[d.anchor].clause == tokens[m.i].clause:
                        if m.i and tokens[m.i - 1].norm in self._nothing_leads:
                            # "me ahogo de nada", "me duele el pecho por nada": from next to
                            # nothing, for no reason; the "nada" is the cause, not a denial.
                            continue
                        if not self._said_negative.isdisjoint(t.norm for t in tokens[d.start : d.end]):
                            # "no puedo caminar para nada": after a finding said in the
                            # negative, "para nada" is "at all" (Spanish doubles its
                            # negatives); it denies nothing.
                            continue
                        negated_post.add(idx)
        self._confirmed(tokens, mentions, hyp)
        subject = self._subjects(tokens, mentions, carer)
        self._latest_reading_wins(r, resolved, subject)
        if resolved and any(t.norm in self._antipyretics for t in tokens):
            # "fever this morning, took paracetamol, fine now": masked, not over (as a reading is)
            resolved -= {idx for idx in resolved if drafts[idx].concept == "fever"}
        if resolved and self._transient:
            # "passed out in the kitchen, fine now": a faint or fit is over once it has happened;
            # only one dated weeks back is history.
            resolved -= {
                idx
                for idx in resolved
                if drafts[idx].concept in self._transient and not self._dated_back(tokens, drafts[idx].anchor)
            }
        if resolved and self._today_concepts:
            # "sick once this morning, fine since": being sick is something that happened, and
            # today's still goes to the team; only one told of another day ("sick on Monday,
            # fine since") is over.
            today = self._clauses_today(tokens)
            resolved -= {
                idx
                for idx in resolved
                if drafts[idx].concept in self._today_concepts and tokens[drafts[idx].anchor].clause in today
            }
        # "went away at Christmas. Came back an hour ago": a return after the end undoes it.
        again = [
            m.i
            for m in mentions
            if ("res", "again") in m.tags and not neg[m.i] and not hyp[m.i] and subject[m.i] != OTHER
        ]
        if again:
            last = max(again)
            for idx, d in enumerate(drafts):
                if d.anchor < last and (used[d.anchor] or idx in resolved):
                    resolved.discard(idx)
                    used[d.anchor] = 0
        for idx, d in enumerate(drafts):
            a = d.anchor
            # A wish to speak with the nurse goes to the care team whoever voices it ("mi esposo
            # quiere hablar con la enfermera"): it is never someone else's symptom.
            if (
                subject[a] == OTHER
                and d.concept != "nurse_request"
                and not self._own_site(tokens, mentions, owner, d)
            ):
                d.status = "other"
            elif hyp[a]:
                d.status = "hypothetical"
            elif (
                (
                    neg[a]
                    and not self._only_when(tokens, d)
                    and not self._says_own_no(tokens, mentions, owner, d)
                )
                or d.inner_neg
                or idx in negated_post
            ):
                d.status = "negated"
            elif used[a] or idx in resolved:
                d.status = "resolved"
            if neg[a] and d.status == "present" and "at_rest" in d.mods and self._only_when(tokens, d):
                d.mods.discard("at_rest")  # "not short of breath at rest, only when I walk"

    def _lung_before(self, tokens: list[Token], sites: list[Mention], q: Mention) -> Mention | None:
        """The lungs' mention of the sentence just before q's, when q's own sentence names no
        site and that sentence named only the lungs ("coughing"): where blood came from."""
        sentence = tokens[q.i].sentence
        if sentence == 0 or any(tokens[s.i].sentence == sentence for s in sites):
            return None
        before = [s for s in sites if tokens[s.i].sentence == sentence - 1]
        if not before or any(set(s.values("site")) != {"lung"} for s in before):
            return None
        return before[-1]

    def _told_now(self, tokens: list[Token], mentions: list[Mention], owner: list[int], k: int) -> bool:
        """Token k opens its clause with a part or a symptom (after "my", "the"...) and a verb
        of the present: "voice is all gravelly", "my legs are like jelly"."""
        if k == 0 or tokens[k - 1].clause == tokens[k].clause or self._present_copulas is None:
            return False
        x = k
        if tokens[x].norm in self._skip_before_site and x + 1 < len(tokens):
            x += 1
        o = owner[x]
        if o < 0 or mentions[o].i != x:
            return False
        m = mentions[o]
        if not (m.has("concept") or m.has("site") or m.has("subject")):
            return False
        inside = any(tokens[y].norm in self._present_copulas for y in range(m.i, m.j))
        return inside or (m.j < len(tokens) and tokens[m.j].norm in self._present_copulas)

    @staticmethod
    def _mistaken(
        tokens: list[Token], mentions: list[Mention], index: Near, m: Mention, negated: set[int]
    ) -> None:
        """'Thought I had a headache but it was just hunger': what was thought, then said in the
        same sentence to have been something else, was never there. Only what lies between
        the belief and the words that take it back."""
        sentence = tokens[m.i].sentence
        end = next(
            (
                x.i
                for x in mentions
                if x.i >= m.j and ("neg", "mistaken") in x.tags and tokens[x.i].sentence == sentence
            ),
            None,
        )
        if end is None:
            return
        for idx, d in index.around(m.j, end, 0):
            if m.j <= d.anchor < end:
                negated.add(idx)

    def _asked_ahead(self, tokens: list[Token], m: Mention, hyp: bytearray) -> None:
        """'Is it normal to get a fever after chemo? Asking just in case': a sentence that
        opens by saying the question before it was asked ahead of time makes that question a
        what-if. Only a general question ("is it normal to get...", "do people get...") in
        the clause just before: a symptom told as a fact ("I've got a fever. Asking just in
        case", "I have a fever of 38.5, is that normal?") or asked of someone ("is it normal
        that my legs feel weak?", "...for him to be this confused?") stays what it is."""
        sentence = tokens[m.i].sentence
        if m.i == 0 or tokens[m.i - 1].sentence == sentence or tokens[m.i - 1].norm != "?":
            return
        clause = tokens[m.i - 2].clause if m.i >= 2 else -1
        k = m.i - 1
        while k > 0 and tokens[k - 1].sentence == sentence - 1 and tokens[k - 1].clause == clause:
            k -= 1
        words = [t.norm for t in tokens[k : m.i - 1]]
        if not words or words[0] not in self._ahead_openers or not self._ahead_blockers.isdisjoint(words):
            return
        for x in range(k, m.i - 1):
            hyp[x] = 1

    def _if_then_clauses(self, tokens: list[Token], yes: frozenset[int]) -> list[int]:
        """'si me sangra la nariz y no para, ¿voy a urgencias o les llamo?': an "if" opening a
        sentence that goes on to what the writer would do or ask is the what-if, said before
        its question ("¿qué hago si...?" turned round). Returns the tokens of the condition;
        not when the "if" is the yes, nor when it says the thing is there already ("si no se
        me quita", "si me duele más")."""
        out: list[int] = []
        if not self._if_yes or not self._if_then:
            return out
        n = len(tokens)
        for k, tok in enumerate(tokens):
            if tok.norm not in self._if_yes or k in yes or k + 1 >= n:
                continue
            nxt = tokens[k + 1]
            if nxt.kind == PUNCT or nxt.sentence != tok.sentence or nxt.norm in self._if_not_next:
                continue
            before = tokens[k - 1] if k > 0 else None
            if (
                before is not None
                and before.sentence == tok.sentence
                and before.kind != PUNCT
                and before.norm not in self._and
                and before.norm not in self._if_openers
            ):
                continue  # "me dijo que si", "como si": not an "if" opening its sentence
            same = [x for x in range(k + 2, n) if tokens[x].sentence == tok.sentence]
            then = next((x for x in same if tokens[x].norm in self._if_then), None)
            if then is None:
                continue
            cond = range(k + 1, then)
            if any(tokens[x].norm in self._if_already for x in cond):
                continue
            out.extend(cond)
        return out

    def _dated_sentences(self, tokens: list[Token]) -> tuple[set[int], set[int]]:
        """The sentences that date something weeks or more back ("last month", "3 weeks ago"),
        and the clauses that say something of now ("still", "since", "today"): a finding in the
        first and not the second is dated back."""
        dated, now = set(), set()
        for k, t in enumerate(tokens):
            if t.norm in self._present_time:
                now.add(t.clause)
            if t.norm not in self._far_past:
                continue
            before = tokens[k - 1].norm if k else ""
            after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
            if before in self._past_leads or after in self._past_tails:
                dated.add(t.sentence)
        return dated, now

    def _never_so_much(self, tokens: list[Token], drafts: list[Draft]) -> set[int]:
        """'nunca me había dolido tanto la cabeza', 'jamás he tenido un dolor así': never
        before so much is the worst one has known, not a denial; 'nunca me había faltado el
        aire' (who felt it, and the pluperfect) is never until now. Returns the "never" tokens
        that deny nothing; the findings of their clause become new, and severe after a
        comparison (where those modifiers apply)."""
        out: set[int] = set()
        if not self._never:
            return out
        targets = self.lex.modifier_targets
        n = len(tokens)
        reach = NEG_WINDOW + 4
        for i, tok in enumerate(tokens):
            clause = tok.clause
            span = [k for k in range(i + 1, min(n, i + reach)) if tokens[k].clause == clause]
            also: list[int] = []
            if tok.norm in self._never_also:
                # "no había sentido nunca...", "no recuerdo un dolor así": a comparison must follow
                also = [k for k in span[:6] if tokens[k].norm in self._never]
                if not also and not any(
                    tokens[k].norm in self._never_recall or tokens[k].norm in self._never_until_now
                    for k in span[:4]
                ):
                    continue
            elif tok.norm not in self._never:
                continue
            words = [k for k in span if tokens[k].norm not in self._never_fillers]
            until_now = (
                tok.norm in self._never
                and len(words) >= 2
                and tokens[words[0]].norm in self._never_experiencers
                and tokens[words[1]].norm in self._never_until_now
            )
            verbs = self._never_past | self._never_recall
            verb = next((k for k in span[:5] if tokens[k].norm in verbs), None)
            comparison = None
            if verb is not None:
                comparison = next(
                    (
                        k
                        for k in span
                        if k > verb
                        and tokens[k].norm in self._never_so
                        and not (k + 1 < n and tokens[k + 1].norm in self._never_not_after)
                    ),
                    None,
                )
            if comparison is None and not until_now:
                continue
            found = [d for d in drafts if tokens[d.anchor].clause == clause and i <= d.anchor < i + reach]
            if not found:
                continue
            out.add(i)
            out.update(also)
            for d in found:
                for mod in ("new", "severe") if comparison is not None else ("new",):
                    allowed = targets.get(mod)
                    if allowed is None or d.concept in allowed:
                        d.mods.add(mod)
        return out

    def _clauses_today(self, tokens: list[Token]) -> set[int]:
        """The clauses that place something today ("sick this morning", "after breakfast"); not
        the all-clear's own ("nothing since lunch" dates the end, not the sickness)."""
        return {
            t.clause
            for k, t in enumerate(tokens)
            if t.norm in self._today_words
            or (k and t.norm in self._day_parts_today and tokens[k - 1].norm == "this")
        }

    def _dated_back(self, tokens: list[Token], anchor: int) -> bool:
        """'fainted last month, fine now': the sentence dates it weeks or more back."""
        sentence = tokens[anchor].sentence
        return any(t.norm in self._far_past for t in tokens if t.sentence == sentence)

    def _own_site(self, tokens: list[Token], mentions: list[Mention], owner: list[int], d: Draft) -> bool:
        """'the surgeon said the numbness in my legs is from the op': a site the writer calls
        "my" inside the finding is the writer's, whoever the sentence is about."""
        for k in range(d.start, d.end - 1):
            o = owner[k]
            if o < 0 or tokens[k].norm not in self._first_possessive:
                continue
            if (
                ("marker", "first") in mentions[o].tags
                and owner[k + 1] >= 0
                and mentions[owner[k + 1]].has("site")
            ):
                return True
            if mentions[o].has("site"):
                return True  # "the middle of my chest": the "my" inside the site's own words
        return False

    def _only_when(self, tokens: list[Token], d: Draft) -> bool:
        """'not breathless at rest, only when walking': the "not" denied when, not whether."""
        sentence = tokens[d.anchor].sentence
        for k in range(d.end, min(len(tokens) - 1, d.end + 6)):
            if tokens[k].sentence != sentence:
                return False
            if tokens[k].norm in self._only_words and tokens[k + 1].norm in self._only_circumstances:
                return True
        return False

    @staticmethod
    def _has_year(tokens: list[Token], m: Mention) -> bool:
        """'in 2015' is a time long past; 'in 2 days' is not."""
        return any(
            t.kind == NUM and t.value is not None and 1900 <= t.value <= 2100 for t in tokens[m.i : m.j]
        )

    def _history_scope(self, tokens: list[Token], m: Mention, contrast: set[int], used: bytearray) -> None:
        """'when I was 40 I had a collapsed lung', 'had pneumonia in 2015': past history.

        The time covers its own clause and what follows in the sentence, up to a "but" or
        a word of the present ("now", "this morning"). "Ever since 2015" is not over, and a
        time in a relative or someone's death ("he died in 2019") is about that alone.
        """
        sentence, clause = tokens[m.i].sentence, tokens[m.i].clause
        if m.j < len(tokens) and tokens[m.j].norm in self._history_durations:
            return  # "hace dos meses que tengo tos": how long it has lasted, up to now
        k = m.i - 1
        compared = False
        while k >= 0 and tokens[k].clause == clause and tokens[k].sentence == sentence:
            if tokens[k].norm in self._history_breakers:
                return
            filler = k == m.i - 1 and tokens[k].norm in self._history_fillers
            if tokens[k].norm in self._history_comparisons and not (
                filler and tokens[m.i].norm not in self._history_heads
            ):
                # "chest pain like when I had my heart attack in 2015, only worse": the time
                # is the comparison's alone; what is compared with it is now.
                compared = True
                break
            k -= 1
        now = self._present_time
        for x in range(k + 1, m.i):
            used[x] = 1
        if compared:
            return
        if k == m.i - 1 and k >= 0 and tokens[k].sentence == sentence and self._time_alone(tokens, m):
            # "I had a fit once, years ago, when I was twenty": a time standing as a clause
            # of its own dates the clause just before it.
            before = tokens[k].clause
            x = k
            while x >= 0 and tokens[x].clause == before and tokens[x].sentence == sentence:
                if tokens[x].norm in self._history_breakers or tokens[x].norm in self._present_time:
                    break
                x -= 1
            else:
                for y in range(x + 1, m.i):
                    used[y] = 1
        # Forward a clause at a time: "... in 2019 and my back has hurt ever since" ends it.
        k, end = m.j, min(len(tokens), m.j + HYP_WINDOW)
        while k < end and tokens[k].sentence == sentence:
            c = tokens[k].clause
            if c in contrast and c != clause:
                return
            x = k
            while x < end and tokens[x].clause == c and tokens[x].sentence == sentence:
                if tokens[x].norm in now or (c != clause and tokens[x].norm in self._present_verbs):
                    return
                x += 1
            for y in range(k, x):
                used[y] = 1
            k = x

    @staticmethod
    def _time_alone(tokens: list[Token], m: Mention) -> bool:
        """', years ago,' or ', in 2019,': the time is the whole of its clause."""
        clause, sentence = tokens[m.i].clause, tokens[m.i].sentence
        k = m.j
        while k < len(tokens) and tokens[k].clause == clause and tokens[k].sentence == sentence:
            if tokens[k].kind != PUNCT:
                return False
            k += 1
        return True

    @staticmethod
    def _confirmed(tokens: list[Token], mentions: list[Mention], hyp: bytearray) -> None:
        """'They said to call if I got a fever, well I have one now': the if came true."""
        for m in mentions:
            if ("marker", "confirm") not in m.tags:
                continue
            sentence = tokens[m.i].sentence
            previous = sentence - 1
            k = m.i - 1
            # Clear the hypothetical scope over this sentence and, for "...if my legs went
            # weak. They have", the one before it.
            while k >= 0 and tokens[k].sentence in (sentence, previous) and m.i - k <= 40:
                hyp[k] = 0
                k -= 1

    def _says_own_no(self, tokens: list[Token], mentions: list[Mention], owner: list[int], d: Draft) -> bool:
        """'no me puedo levantar, las piernas no me responden': a finding whose own words
        carry the negation states a loss in a clause of its own, so an earlier "no" is not
        about it (a separate "no" before the quality, "las piernas no las tengo débiles",
        still denies)."""
        if not self._own_negations:
            return False
        for k in range(d.start, d.end):
            if tokens[k].norm in self._own_negations:
                o = owner[k]
                if (
                    o >= 0
                    and not mentions[o].has("neg")
                    and (mentions[o].has("concept") or mentions[o].has("quality"))
                ):
                    return True
        return False

    def _neg_scope(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], start: int, neg: bytearray
    ) -> None:
        n = len(tokens)
        sentence = tokens[start].sentence if start < n else -1
        k = start
        while k < n and k - start < NEG_WINDOW:
            tok = tokens[k]
            if tok.sentence != sentence:
                return
            o = owner[k]
            if o >= 0 and mentions[o].i == k and ("marker", "break") in mentions[o].tags:
                return
            # A marker that opens on a comma (", it's 38.2") still ends the clause a "no" covers.
            loose = o < 0 or (mentions[o].i == k and mentions[o].has("marker"))
            if loose and tok.kind == PUNCT and tok.norm in CLAUSE_PUNCT and not self._list_goes_on(tokens, k):
                return
            if o < 0:
                if tok.norm in self._neg_breakers:
                    return
                if tok.norm in self._and and k + 1 < n and tokens[k + 1].norm in self._and_next:
                    return
            neg[k] = 1
            k += 1

    def _list_goes_on(self, tokens: list[Token], k: int) -> bool:
        """'no fever, cough or pain': the comma continues what 'no' covers."""
        sentence = tokens[k].sentence
        for x in range(k + 1, min(len(tokens), k + 8)):
            if tokens[x].sentence != sentence:
                return False
            if tokens[x].norm in self._list_words:
                return True
        return False

    @staticmethod
    def _resolve_back(
        tokens: list[Token], index: Near, m: Mention, contrast: set[int], resolved: set[int]
    ) -> None:
        """'had a fever at the weekend, gone now': the nearest clause before it is over."""
        sentence = tokens[m.i].sentence
        by_clause: dict[int, list[int]] = {}
        for idx, d in index.around(m.i - 30, m.i, 0):
            anchor = tokens[d.anchor]
            if d.anchor < m.i and anchor.sentence == sentence:
                by_clause.setdefault(anchor.clause, []).append(idx)
        clause = tokens[m.i].clause
        own = clause
        # A cue that stands alone ("gone now", "none since") can look back to an earlier
        # clause; one inside a longer clause of its own ("his mum who died years ago") cannot.
        alone = sum(1 for t in tokens[max(0, m.i - 8) : m.i] if t.clause == own and t.kind != PUNCT) <= 3
        # "asking for his mother, who died years ago": a relative clause is about its own noun.
        start = m.i
        while start > 0 and tokens[start - 1].clause == own and tokens[start - 1].sentence == sentence:
            start -= 1
        lead = next((t for t in tokens[start : m.i] if t.kind != PUNCT), None)
        if lead is not None and lead.norm in RELATIVE_PRONOUNS:
            alone = False
        while by_clause:
            hits = by_clause.pop(clause, None)
            if hits:
                resolved.update(hits)
                return
            # "had a fever on Sunday but it's gone now": a cue with nothing of its own
            # looks back past the "but"; otherwise the contrast keeps the two apart.
            if (clause in contrast and clause != own) or (clause == own and not alone):
                return
            clause -= 1

    def _subjects(self, tokens: list[Token], mentions: list[Mention], known_carer: bool = False) -> bytearray:
        """Who each token is about: the patient (0) or someone else (1). `known_carer`: the
        writer is the patient's carer, so "he", "Mum", "my husband" are the patient, unless
        the message says someone is not the patient."""
        n = len(tokens)
        subject = bytearray(n)
        not_patient = any(("marker", "not_patient") in m.tags for m in mentions)
        carer = (
            (known_carer and not not_patient)
            or any(("marker", "carer") in m.tags for m in mentions)
            or self._carer_intro(tokens, mentions)
        )
        if carer:
            # A carer writes about the patient; everyone named is the patient, except where
            # the writer says it is their own ("I've been sick twice myself").
            self._writer_own(tokens, mentions, subject)
            self._young_apart(tokens, mentions, subject)
            return subject
        starts = {m.i: m for m in mentions}
        parent_is_patient: bool | None = None  # worked out at the first "my mum"
        parent_apart: bool | None = None  # worked out at the first bare "Mum"
        # "Dave's coughing up blood, he's not your patient": who is written about is not the
        # patient; the writer is, where they speak of themselves.
        base = OTHER if any(("marker", "not_patient") in m.tags for m in mentions) else 0
        state = base
        third = base  # whom "he"/"she" points at: the patient until someone else is named
        sentence = 0
        person_end = 0  # "the lady I sit next to": an "I" inside a person's name is not the writer
        aside_end = 0  # the end of a bracketed aside about the person just named
        for k, tok in enumerate(tokens):
            if tok.sentence != sentence:
                sentence = tok.sentence
                state = base
            m = starts.get(k)
            if m is not None:
                if ("marker", "person") in m.tags:
                    person_end = m.j
                    if m.j < len(tokens) and tokens[m.j].norm == "(":
                        # "Mum (she's not the patient, I am) has ...": the "I" of an aside about
                        # her says who the patient is; it does not make what follows mine.
                        closes = (x + 1 for x in range(m.j, len(tokens)) if tokens[x].norm == ")")
                        aside_end = next(closes, m.j)
                        person_end = aside_end
                    # "Dad can't feel his legs": a parent named bare is how a carer
                    # names the patient; "my dad" or "my mate's mum" is someone else.
                    # Someone else only as the subject: "walked the dog" says nothing of the dog.
                    prev = tokens[k - 1].norm if k else ""
                    if prev in self._image_leads:
                        subject[k] = state  # "feels like someone is stabbing me": an image
                        continue
                    # "my father-in-law" is no "Dad": only a parent named in one word is.
                    parent = tok.norm in self._bare_names and m.j - m.i == 1
                    bare = parent and prev not in self._owner_words
                    if bare and parent_apart is None:
                        parent_apart = self._phrase_in([t.norm for t in tokens], self._parent_away)
                    bare = bare and not parent_apart
                    if parent and prev in self._parent_owners:
                        if parent_is_patient is None:
                            parent_is_patient = self._parent_is_patient(tokens)
                        bare = parent_is_patient
                    owned = self._owned_finding(tokens, mentions, k)
                    if owned is not None and not (parent and bare):
                        # "pastillas para la tos de mi esposo": the cough is his
                        for x in range(owned.i, owned.j):
                            subject[x] = OTHER
                    if base == OTHER:
                        # "my mum, she's not your patient, has been coughing up blood": the
                        # message says someone is not the patient; whoever it names is them.
                        state = third = OTHER
                    elif bare:
                        state = third = 0
                    elif self._is_subject(tokens, starts, m):
                        state = third = OTHER
                    elif (
                        self._went_with(tokens, k)
                        or self._object_of_activity(tokens, m)
                        or self._worried_about(tokens, k, m.j)
                        or self._a_place(tokens, starts, m)
                        or self._told_about(tokens, k)
                    ):
                        # "went to A&E with my husband, he had chest pain", "worried about my
                        # mum, she's very confused": "he" and "she" are them.
                        third = OTHER
                elif ("marker", "first") in m.tags and k >= aside_end:
                    site = starts.get(k + 1)
                    place = k and tokens[k - 1].norm in self._prepositions and tok.norm == "my"
                    if not place or (site is not None and site.has("site")):
                        state = 0  # "...in my book keeps coughing": a place of mine, not me
                elif ("marker", "third") in m.tags:
                    state = third
                    if third == OTHER:
                        self._worry_for_other(tokens, k, subject)
                elif m.has("concept") and (tok.norm == "my" or tok.norm in self._first_singular):
                    state = 0  # "husband said my arm was jerking": a phrase that opens with "my" is mine
                elif m.has("concept") and any(
                    tokens[x].norm in self._helping_verbs and tokens[x + 1].norm in self._helped_objects
                    for x in range(k, m.j - 1)
                ):
                    # "my son has to lift me off the toilet", "my husband had to carry me to the
                    # loo": the one lifted or carried is me, wherever the phrase's verb stands
                    state = 0
            if tok.norm in self._first_singular and (m is None or not m.has("marker")) and k >= person_end:
                state = 0  # "in my opinion I have a fever": "I have" is read as a yes, still me
            elif tok.norm in self._before_verb and self._before_first_verb(tokens, k):
                state = 0  # "mi hija dice que no puedo caminar": "no puedo" is the writer
            elif k and tok.norm in self._helped_objects and tokens[k - 1].norm in self._helping_verbs:
                state = 0  # "my husband had to carry me up the stairs, legs wouldn't hold me": me
            subject[k] = state
        return subject

    def _owned_finding(self, tokens: list[Token], mentions: list[Mention], k: int) -> Mention | None:
        """The finding just before "de mi esposo" (a language's `of_words` and a possessive):
        'la tos de mi esposo' is his cough. None when the person at k owns no finding so."""
        if k < 2 or tokens[k - 1].norm not in self._person_owners or tokens[k - 2].norm not in self._of_words:
            return None
        return next((m for m in mentions if m.j == k - 2 and m.has("concept")), None)

    def _before_first_verb(self, tokens: list[Token], k: int) -> bool:
        """Whether the words from k on ("casi no") lead to a verb of the first person."""
        clause, j = tokens[k].clause, k
        while j < len(tokens) and tokens[j].norm in self._before_verb and tokens[j].clause == clause:
            j += 1
        return j < len(tokens) and tokens[j].clause == clause and tokens[j].norm in self._first_singular

    def _parent_is_patient(self, tokens: list[Token]) -> bool:
        """'My mother is vomiting since morning': a parent the writer names with "my", in a
        message that says nothing of the writer, is the patient as "Mum" is; not when the
        writer speaks of themselves ("I'm fine") or says the parent is apart ("passed away")."""
        norms = [t.norm for t in tokens]
        if not self._writer_words.isdisjoint(norms):
            return False
        return not self._phrase_in(norms, self._writer_apart)

    @staticmethod
    def _phrase_in(norms: list[str], phrases: dict[str, list[tuple[str, ...]]]) -> bool:
        return any(tuple(norms[k : k + len(c)]) == c for k, w in enumerate(norms) for c in phrases.get(w, ()))

    def _worried_about(self, tokens: list[Token], k: int, j: int) -> bool:
        """Someone the writer is worried about ("worried about my mum", "it's my husband I'm
        worried about"): the writer is not them, so neither is "she" or "he" after."""
        worry = self._worry_words
        clause = tokens[k].clause
        before = [t.norm for t in tokens[max(0, k - 4) : k] if t.clause == clause]
        after = [t.norm for t in tokens[j : j + 4] if t.clause == clause]
        return ("about" in before[-2:] and not worry.isdisjoint(before)) or not worry.isdisjoint(after)

    def _worry_for_other(self, tokens: list[Token], k: int, subject: bytearray) -> None:
        """'My sister had a fit, I'm so worried about her': the worry is for the one named
        before, not the writer's sense that something is wrong with them."""
        if k < 2 or tokens[k - 1].norm not in ("about", "for"):
            return
        clause = tokens[k].clause
        for x in range(k - 2, max(-1, k - 5), -1):
            if tokens[x].clause != clause:
                return
            if tokens[x].norm in self._worry_words or tokens[x].norm in ("scared", "frightened", "terrified"):
                start = x
                degree = ("so", "really", "very", "extremely", "genuinely", "proper", "that")
                while (
                    start > 0
                    and k - start < 5
                    and tokens[start - 1].clause == clause
                    and tokens[start - 1].norm in degree
                ):
                    start -= 1
                for y in range(start, k + 1):
                    subject[y] = OTHER
                return

    def _told_about(self, tokens: list[Token], k: int) -> bool:
        """Someone the writer says the message is about or for ("era para mi hermana",
        "hablo de mi papá"), who is then "she" or "he": the writer is not them."""
        norms = [t.norm for t in tokens[max(0, k - 5) : k]]
        if norms and norms[-1] in self._owner_words:
            norms.pop()
        return any(tuple(norms[-len(c) :]) == c for c in self._about_leads if len(c) <= len(norms))

    def _went_with(self, tokens: list[Token], k: int) -> bool:
        """Someone the writer went or was with ("with my husband", "took my wife")."""
        return any(k - back >= 0 and tokens[k - back].norm in self._accompany for back in (1, 2))

    def _writer_own(self, tokens: list[Token], mentions: list[Mention], subject: bytearray) -> None:
        cues = [tuple(c.split()) for c in self.lex.lists.get("writer_own", frozenset())]
        # "the one with the cough is me" said last ("el que anda con tos soy yo"): a cue that
        # counts only where it closes its clause ("soy yo otra vez, mi papá..." is a greeting).
        last = [tuple(c.split()) for c in self.lex.lists.get("writer_own_last", frozenset())]
        inside: set[int] = set()
        firsts: set[int] = set()
        for m in mentions:
            if m.has("concept"):
                inside.update(range(m.i, m.j))  # "I wet myself" names a finding, not its owner
            if ("marker", "first") in m.tags:
                firsts.add(m.i)
        norms = [t.norm for t in tokens]
        goes_on = self.lex.lists.get("writer_own_continues", frozenset())
        by_clause: dict[tuple[int, int], list[int]] = {}  # the tokens of each clause, once
        for x, t in enumerate(tokens):
            by_clause.setdefault((t.clause, t.sentence), []).append(x)
        n = len(tokens)
        for k in range(n):
            cue = max((len(c) for c in cues if tuple(norms[k : k + len(c)]) == c), default=0)
            for c in last:
                end = k + len(c)
                if tuple(norms[k:end]) == c and (
                    end >= n or tokens[end].clause != tokens[k].clause or tokens[end].kind == PUNCT
                ):
                    cue = max(cue, len(c))
            if k in inside or not cue:
                continue
            clause, sentence = tokens[k].clause, tokens[k].sentence
            own = list(by_clause[clause, sentence])
            # "yo he estado viendo que no puede caminar": a "que", "porque" or "y" (the
            # language's `writer_own_stops`) outside the cue ends the writer's part; what
            # follows is the patient's.
            stops = self.lex.lists.get("writer_own_stops", frozenset())
            own = [x for x in own if not stops & {norms[y] for y in _between(x, k, k + cue)}]
            # (the writer named as a marker, or as the "I" inside a symptom's words: "I've been
            # poorly myself"; or not named at all, the clause opening on its verb: "been poorly
            # myself")
            opens = next((x for x in own if tokens[x].kind != PUNCT), None)
            if (
                any(x in firsts for x in own)
                or any(norms[x] in self._first_singular for x in own)
                or (opens is not None and norms[opens] in goes_on)
            ):
                own += self._own_goes_on(tokens, own[-1] + 1, sentence)
                for x in own:
                    subject[x] = OTHER

    def _young_apart(self, tokens: list[Token], mentions: list[Mention], subject: bytearray) -> None:
        """'This is Dave's daughter, my little boy has a temperature': the clinic's patients are
        adults, so a child a carer names as the subject of a clause (`young_people`) is not the
        patient; what that clause says is the child's."""
        if not self._young:
            return
        starts = {m.i: m for m in mentions}
        for m in mentions:
            if ("marker", "person") not in m.tags or not self._is_subject(tokens, starts, m):
                continue
            if self._young.isdisjoint(t.norm for t in tokens[m.i : m.j]):
                continue
            clause, sentence = tokens[m.i].clause, tokens[m.i].sentence
            k = m.i
            # (up to the patient named again: "my little boy has a cold and Dad has been sick")
            stops = self.lex.lists.get("writer_own_stops", frozenset())
            while k < len(tokens) and tokens[k].clause == clause and tokens[k].sentence == sentence:
                if k > m.j and tokens[k].norm in stops:
                    break
                subject[k] = OTHER
                k += 1

    def _own_goes_on(self, tokens: list[Token], k: int, sentence: int) -> list[int]:
        """The clauses after the writer's own that have no subject of their own: "I've had a bug
        myself, been throwing up, so Ryan is taking Dad" (the throwing up is the writer's)."""
        goes_on = self.lex.lists.get("writer_own_continues", frozenset())
        out: list[int] = []
        n = len(tokens)
        while k < n and tokens[k].sentence == sentence:
            while k < n and tokens[k].kind == PUNCT and tokens[k].sentence == sentence:
                k += 1
            if k >= n or tokens[k].sentence != sentence or tokens[k].norm not in goes_on:
                break
            clause = tokens[k].clause
            while k < n and tokens[k].clause == clause:
                out.append(k)
                k += 1
        return out

    def _is_subject(self, tokens: list[Token], starts: dict[int, Mention], m: Mention) -> bool:
        if self._object_of_activity(tokens, m):
            return False
        last = tokens[m.j - 1]
        if last.possessive or (last.norm.endswith("s") and last.norm[:-1] in self._person_stems):
            # "my wife's cough", "hubbys had"; but "back from my daughter's yesterday" is a place
            return not self._a_place(tokens, starts, m)
        # Look a few words on ("my friend from the support group has ..."): a verb or a symptom
        # makes them the subject; a body part, "and", a comma or "I" ends the look.
        clause = tokens[m.j - 1].clause
        k = m.j
        close = next((x for x in range(k + 1, len(tokens)) if tokens[x].norm == ")"), None)
        if k < len(tokens) and tokens[k].norm == "(" and close is not None:
            # "my dad (he's 92, not the patient) got muddled": an aside that sets them apart
            aside = [t.norm for t in tokens[k + 1 : close]]
            apart = self._writer_apart
            if any(tuple(aside[x : x + len(c)]) == c for x, w in enumerate(aside) for c in apart.get(w, ())):
                return True
        after_aside = self._past_aside(tokens, k)
        if after_aside is not None:
            # "my mum, the one who lives in Leeds, has a swollen leg": the look goes on past
            # the clause set between commas, which says who she is, not what she has.
            k = after_aside
            clause = tokens[k].clause
        while k < len(tokens) and k - m.j < SUBJECT_REACH and tokens[k].clause == clause:
            if tokens[k].norm in self._subject_verbs:
                return True
            follow = starts.get(k)
            if follow is not None:
                if follow.has("concept") or ("marker", "person") in follow.tags:
                    return True
                # "the main character in my book keeps...": "my" after a preposition is no subject
                after_preposition = tokens[k - 1].norm in self._prepositions
                if follow.has("site") and k == m.j and not last.possessive:
                    return True  # "mi sister foot swell up": the site right after is theirs
                if follow.has("site") or (("marker", "first") in follow.tags and not after_preposition):
                    return False
                k = follow.j
                continue
            infinitive = tokens[k].norm == "to" and tokens[k - 1].norm not in ("next", "close", "opposite")
            if tokens[k].norm in self._and or tokens[k].kind == PUNCT or infinitive:
                return False  # "I need someone to ring me": what follows "to" is asked, not had
            k += 1
        return False

    def _object_of_activity(self, tokens: list[Token], m: Mention) -> bool:
        """'walking the dog leaves me short of breath', 'chasing the grandkids round the park':
        someone (or a pet) named as what the writer's activity is done to is no subject; the
        activity is, and what it brings on is the writer's."""
        k = m.i - 1
        while k >= 0 and m.i - k <= 2 and tokens[k].norm in self._place_owners:
            k -= 1
        return k >= 0 and k < m.i and tokens[k].norm in self._object_leads

    def _past_aside(self, tokens: list[Token], k: int) -> int | None:
        """Where the words go on after a relative clause set between commas from k (", who
        lives nearby," / ", la que vive en Ponce,"), or None when none opens at k."""
        n = len(tokens)
        if k + 1 >= n or tokens[k].norm != ",":
            return None
        lead = k + 1
        if tokens[lead].norm in self._aside_leads and lead + 1 < n:
            lead += 1
        if tokens[lead].norm not in self._aside_openers:
            return None
        sentence = tokens[k].sentence
        for x in range(lead + 1, min(n - 1, lead + ASIDE_REACH)):
            if tokens[x].sentence != sentence:
                return None
            if tokens[x].norm == ",":
                return x + 1
        return None

    def _a_place(self, tokens: list[Token], starts: dict[int, Mention], m: Mention) -> bool:
        """'from my daughter's', 'round at Mum's': a home named by its owner, nothing of theirs."""
        k = m.i - 1
        while k >= 0 and tokens[k].norm in self._place_owners:
            k -= 1
        if k < 0 or tokens[k].norm not in self._place_prepositions:
            return False
        after = starts.get(m.j)
        return after is None or not (after.has("site") or after.has("concept"))

    def _carer_intro(self, tokens: list[Token], mentions: list[Mention]) -> bool:
        """'This is Paul, Anne's husband' / 'her son here': someone writing for the patient."""
        relations = self.lex.lists.get("carer_relations", frozenset())
        owners = self.lex.lists.get("carer_owners", frozenset())
        intro = self.lex.lists.get("carer_intro_words", frozenset())
        blocked = self.lex.lists.get("not_owners", frozenset())
        theirs = self.lex.lists.get("patient_things", frozenset())
        possessives = self.lex.lists.get("patient_possessives", HIS_HER)
        # Languages that name the owner after ("la esposa de Juan"): the words that do it.
        of = self.lex.lists.get("carer_of", frozenset())
        for k in range(1, len(tokens)):
            # "My wife's temp is 38.6 after her infusion": whoever has the cancer care is the patient.
            if tokens[k].norm in theirs and tokens[k - 1].norm in possessives:
                return True
        for k, tok in enumerate(tokens):
            if tok.norm not in relations or k == 0:
                continue
            before = tokens[k - 1]
            prev = before.norm
            owner = before.possessive or prev in owners or (prev.endswith("s") and len(prev) > 2)
            owned_after = k + 1 < len(tokens) and tokens[k + 1].norm in of
            if not owned_after and (prev in blocked or not owner):
                continue
            sentence = tok.sentence
            around = [t.norm for t in tokens[max(0, k - 8) : k + 3] if t.sentence == sentence]
            if any(w in intro for w in around):
                return True
        return False

    def _latest_reading_wins(self, r: Reading, resolved: set[int], subject: bytearray) -> None:
        """'38.2 on Sunday, 36.8 today': an earlier fever is over when the last reading is normal."""
        mine = [x for x in r.readings if subject[x[0]] != OTHER]
        # "sorry 39.2 not 37.2": a reading said with "not" before it is the one taken back.
        mine = [x for x in mine if not x[0] or r.tokens[x[0] - 1].norm not in ("not", "isnt", "wasnt")]
        if len(mine) < 1 or mine[-1][2] >= 37.5:
            return
        if any(t.norm in self._antipyretics for t in r.tokens):
            return  # "38.2, took paracetamol, now 37.4": the fever is masked, not over
        last_i = mine[-1][0]
        for idx, d in enumerate(r.drafts):
            if d.concept == "fever" and d.end <= last_i:
                resolved.add(idx)


def _between(x: int, start: int, end: int) -> range:
    """The positions between token x and the cue [start, end), x included, the cue left out."""
    return range(x, start) if x < start else range(end, x + 1)
