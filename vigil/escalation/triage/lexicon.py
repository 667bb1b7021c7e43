"""The lexicon as data: phrase patterns compiled once into a token automaton.

Pattern syntax, one pattern a string, tokens separated by spaces:
  word            a literal (written as people type it; apostrophes are dropped)
  a|b|c           one of several single words
  [a b|c|d e]     one of several phrases (may stand among single words: x|[y z])
  {set}           one of the words of a named set
  <num>           any number
  <year>          a number that may be a year (1900 to 2099, whole)
  x?              the token may be left out
  <end>           (last only) the phrase must be followed by a boundary or the end

A `compound` entry may say `learn: false` to keep its words out of the spelling vocabulary.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from .text import NUM, PUNCT, Token

Tag = tuple[str, str]

END = "<end>"
NUMBER = "<num>"
YEAR = "<year>"

# Sections whose entries map a key to patterns, and the tag kind each gives.
KEYED_SECTIONS = {
    "concepts": "concept",
    "sites": "site",
    "qualities": "quality",
    "modifiers": "mod",
    "negation": "neg",
    "resolved": "res",
    "hypothetical": "hyp",
    "subjects": "subject",
    "answers": "ans",
    "numbers": "num",
    "units": "unit",
    "markers": "marker",
    "unplaced": "unplaced",
}


# Words after which a phrase ending in <end> has ended (English unless the lexicon says).
_BOUNDARY_WORDS: Final = frozenset(
    ["and", "but", "tho", "though", "now", "so", "thanks", "thank", "x", "xx", "lol"]
)


class LexiconError(ValueError):
    """The lexicon data is malformed."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A matched phrase: tokens [i, j) and what the lexicon says about them."""

    i: int
    j: int
    tags: tuple[Tag, ...]

    def has(self, kind: str) -> bool:
        return any(k == kind for k, _ in self.tags)

    def values(self, kind: str) -> list[str]:
        return [v for k, v in self.tags if k == kind]


@dataclass
class Lexicon:
    language: str
    automaton: Automaton
    shorthand: dict[str, tuple[str, ...]]
    spelling: dict[str, str]
    vocabulary: frozenset[str]
    frames: dict[tuple[str, str], str]
    frame_mods: dict[tuple[str, str], tuple[str, ...]]
    defaults: dict[str, str]
    modifier_targets: dict[str, frozenset[str]]
    question: dict[str, Any]
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    # Every word the lexicon's patterns use (the normaliser leaves these alone).
    words: frozenset[str] = frozenset()
    # Accents folded away ("corazón" is "corazon"): the data's and the messages' alike.
    fold_accents: bool = False
    # Fuzzy correction keeps a word's first and last letters (for languages rich in endings).
    fuzzy_same_ends: bool = False
    # "fiebre de 37.8": a fever word beside a reading is that reading, not a fever of its own.
    fever_word_takes_reading: bool = False
    boundary: frozenset[str] = field(default_factory=lambda: _BOUNDARY_WORDS)
    # Letters that sound alike inside a word, "from>to" in the order they are rewritten (see
    # spelling.Normaliser): "bista" and "vista" sound as one.
    sound_rewrites: tuple[str, ...] = ()

    def match(self, tokens: list[Token]) -> list[Mention]:
        """Greedy longest matches, left to right, never overlapping."""
        start = self.automaton.start
        boundary = self.boundary
        n = len(tokens)
        out: list[Mention] = []
        i = 0
        while i < n:
            state = start
            j = i
            best_j = -1
            best: tuple[Tag, ...] = ()
            while j < n:
                tok = tokens[j]
                nxt = state.step(tok.norm)
                if tok.kind == NUM:
                    # A number is both its digits and <num> (and <year> when it may be one): a
                    # pattern spelling "3" must not hide another's "<num> or <num>" that has
                    # come the same way.
                    for alias in (NUMBER, YEAR) if _may_be_year(tok) else (NUMBER,):
                        by_num = state.step(alias)
                        if nxt is None or by_num is None:
                            nxt = nxt or by_num
                        elif nxt is not by_num:
                            nxt = self.automaton.state(nxt.nodes | by_num.nodes)
                if nxt is None:
                    break
                state = nxt
                j += 1
                if state.tags:
                    best_j, best = j, state.tags
                if state.end_tags and (j == n or _is_boundary(tokens[j], boundary)):
                    best_j, best = j, tuple(dict.fromkeys((*state.tags, *state.end_tags)))
            if best_j > 0:
                out.append(Mention(i, best_j, best))
                i = best_j
            else:
                i += 1
        return out


class _State:
    """A set of positions in the patterns, reached by the same words; its steps are cached.

    The patterns are an automaton with a state per word of each alternative, so a pattern of
    five parts of ten words each costs fifty states, not the hundred thousand sequences a trie of
    every expansion would hold. Matching follows the set of positions at once, which is the
    trie's walk built lazily: the same words reach the same set, whatever the patterns' order."""

    __slots__ = ("automaton", "complete", "end_tags", "nodes", "steps", "tags")

    def __init__(self, automaton: Automaton, nodes: frozenset[int]) -> None:
        self.automaton = automaton
        self.nodes = nodes
        self.steps: dict[str, _State] = {}
        self.complete = False  # every step is in `steps` already
        self.tags = automaton.tags_at(nodes)
        self.end_tags = automaton.tags_at(automaton.targets(nodes, END))

    def step(self, word: str) -> _State | None:
        nxt = self.steps.get(word)
        if nxt is None and not self.complete:
            nodes = self.automaton.targets(self.nodes, word)
            if not nodes:
                return None  # a miss is not cached: unknown words are many, and cheap to retry
            nxt = self.steps[word] = self.automaton.state(nodes)
        return nxt


class Automaton:
    """Every pattern of the lexicon, as states joined by words (see `_State`)."""

    def __init__(self) -> None:
        self.edges: list[dict[str, list[int]]] = []
        self.skips: dict[int, list[int]] = {}  # an optional part may be left out
        self.accept: dict[int, list[tuple[int, tuple[Tag, ...]]]] = {}  # (pattern order, tags)
        self.starts: list[int] = []
        self._states: dict[frozenset[int], _State] = {}
        self._start: _State | None = None

    def _node(self) -> int:
        self.edges.append({})
        return len(self.edges) - 1

    def add(self, choices: list[list[tuple[str, ...]]], tags: tuple[Tag, ...]) -> None:
        order = len(self.starts)
        cur = self._node()
        self.starts.append(cur)
        for alts in choices:
            nxt = self._node()
            for alt in alts:
                if not alt:
                    self.skips.setdefault(cur, []).append(nxt)
                    continue
                node = cur
                for word in alt[:-1]:
                    inner = self._node()
                    self.edges[node].setdefault(word, []).append(inner)
                    node = inner
                self.edges[node].setdefault(alt[-1], []).append(nxt)
            cur = nxt
        self.accept.setdefault(cur, []).append((order, tags))
        self._start = None

    def _closure(self, nodes: Iterable[int]) -> frozenset[int]:
        seen = set(nodes)
        todo = list(seen)
        while todo:
            for nxt in self.skips.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return frozenset(seen)

    def tags_at(self, nodes: frozenset[int]) -> tuple[Tag, ...]:
        """The tags of the patterns that end at these states, in the patterns' order."""
        accepted = sorted(a for node in nodes for a in self.accept.get(node, ()))
        return tuple(dict.fromkeys(t for _, tags in accepted for t in tags))

    def targets(self, nodes: frozenset[int], word: str) -> frozenset[int]:
        edges = self.edges
        found = [t for node in nodes for t in edges[node].get(word, ())]
        return self._closure(found) if found else frozenset()

    def state(self, nodes: frozenset[int]) -> _State:
        st = self._states.get(nodes)
        if st is None:
            st = self._states[nodes] = _State(self, nodes)
        return st

    @property
    def start(self) -> _State:
        if self._start is None:
            nodes = self._closure(self.starts)
            start = self._start = self.state(nodes)
            # The start holds every pattern: its steps are gathered once, not per word met.
            gathered: dict[str, list[int]] = {}
            for node in nodes:
                for word, targets in self.edges[node].items():
                    gathered.setdefault(word, []).extend(targets)
            start.steps = {w: self.state(self._closure(t)) for w, t in gathered.items()}
            start.complete = True
        return self._start


def _may_be_year(tok: Token) -> bool:
    return tok.value is not None and tok.value == int(tok.value) and 1900 <= tok.value <= 2099


def _is_boundary(tok: Token, words: frozenset[str]) -> bool:
    return tok.kind == PUNCT or tok.newline_before or tok.norm in words


def _norm_word(word: str) -> str:
    return word.lower().replace("'", "").replace("’", "")


_PARTS = re.compile(r"(?:\[[^\]]*\]|[^\s\[\]])+")
_ALTS = re.compile(r"\[[^\]]*\]|[^|\[\]]+")


def _alternatives(part: str, sets: Mapping[str, list[str]]) -> list[tuple[str, ...]]:
    """'a|[b c|d]|e' -> [(a,), (b, c), (d,), (e,)]; a {set} among them stands for its words
    ("[<num>|{numw}] times", "[of {fluid}|of squash]")."""
    out: list[tuple[str, ...]] = []
    for alt in _ALTS.findall(part):
        phrases = alt[1:-1].split("|") if alt.startswith("[") else [alt]
        for phrase in phrases:
            out += _with_sets(phrase.split(), sets, part)
    return out


def _with_sets(words: list[str], sets: Mapping[str, list[str]], where: str) -> list[tuple[str, ...]]:
    pieces: list[list[tuple[str, ...]]] = []
    for w in words:
        if w.startswith("{") and w.endswith("}"):
            if w[1:-1] not in sets:
                raise LexiconError(f"pattern part {where!r}: unknown set {w}")
            pieces.append([tuple(_norm_word(x) for x in p.split()) for p in sets[w[1:-1]]])
        else:
            pieces.append([(_norm_word(w),)])
    return [tuple(t for piece in combo for t in piece) for combo in itertools.product(*pieces)]


def _choices(pattern: str, sets: Mapping[str, list[str]]) -> list[list[tuple[str, ...]]]:
    """A pattern as its parts, each a list of token sequences (an empty one when optional)."""
    choices: list[list[tuple[str, ...]]] = []
    for raw in _PARTS.findall(pattern):
        optional = raw.endswith("?") and len(raw) > 1
        part = raw[:-1] if optional else raw
        if part.startswith("{") and part.endswith("}"):
            name = part[1:-1]
            if name not in sets:
                raise LexiconError(f"pattern {pattern!r}: unknown set {{{name}}}")
            alts = [tuple(_norm_word(w) for w in phrase.split()) for phrase in sets[name]]
        elif part in (NUMBER, YEAR, END):
            alts = [(part,)]
        else:
            alts = _alternatives(part, sets)
        if optional:
            alts.append(())
        choices.append(alts)
    # <end> is a boundary after the phrase: nothing may follow it.
    ended = False
    for alts in choices:
        if ended and any(alts):
            raise LexiconError(f"pattern {pattern!r}: {END} must come last")
        if any(END in alt[:-1] for alt in alts):
            raise LexiconError(f"pattern {pattern!r}: {END} must come last")
        ended = ended or any(alt[-1:] == (END,) for alt in alts)
    return choices


def expand(pattern: str, sets: Mapping[str, list[str]]) -> Iterator[tuple[str, ...]]:
    """Every token sequence a pattern stands for (the matcher never lists them all)."""
    for combo in itertools.product(*_choices(pattern, sets)):
        seq = tuple(t for piece in combo for t in piece)
        if seq and seq != (END,):
            yield seq


def _as_patterns(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise LexiconError(f"{where}: expected a pattern or a list of patterns")


_ACCENTED, _PLAIN = "áéíóúüñàèìòùâêîôû", "aeiouunaeiouaeiou"
# Accents away, composed ("ó") or combining ("o" + U+0301) alike.
FOLD: Final = str.maketrans(_ACCENTED, _PLAIN, "\u0300\u0301\u0302\u0303\u0308")
# One letter for one, where a match's offsets must stay the text's own.
FOLD_LETTERS: Final = str.maketrans(_ACCENTED, _PLAIN)


def _folded(value: Any) -> Any:
    """The data with every string's accents folded away (keys too)."""
    if isinstance(value, str):
        return value.lower().translate(FOLD)
    if isinstance(value, Mapping):
        return {_folded(k): _folded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_folded(v) for v in value]
    return value


def build(data: Mapping[str, Any]) -> Lexicon:
    """Compile the lexicon's data into a matcher."""
    fold = bool(data.get("fold_accents", False))
    if fold:
        data = _folded(data)
    sets: dict[str, list[str]] = {k: [str(w) for w in v] for k, v in data.get("sets", {}).items()}
    automaton = Automaton()
    learned: set[str] = set()
    every: set[str] = set()

    def add(patterns: list[str], tags: tuple[Tag, ...], where: str, learn: bool) -> None:
        for pattern in patterns:
            choices = _choices(pattern, sets)
            automaton.add(choices, tags)
            words = {w for alts in choices for alt in alts for w in alt}
            every.update(words)
            if learn:
                learned.update(words)

    for section, kind in KEYED_SECTIONS.items():
        for key, patterns in (data.get(section) or {}).items():
            where = f"{section}.{key}"
            learn = section in ("concepts", "sites", "qualities", "modifiers")
            add(_as_patterns(patterns, where), ((kind, str(key)),), where, learn)

    for idx, entry in enumerate(data.get("compound") or []):
        where = f"compound[{idx}]"
        if not isinstance(entry, Mapping) or not isinstance(entry.get("tags"), list):
            raise LexiconError(f"{where}: needs tags: [kind:value, ...]")
        tags: list[Tag] = []
        for raw_tag in entry["tags"]:
            kind, sep, value = str(raw_tag).partition(":")
            if not sep or not kind:
                raise LexiconError(f"{where}: tag {raw_tag!r} is not written kind:value")
            tags.append((kind, value))
        # "learn: false": the entry's words are no targets for spelling correction (a new
        # everyday word such as "chat" would otherwise tie with "cant" for "cnat").
        add(_as_patterns(entry.get("patterns"), where), tuple(tags), where, bool(entry.get("learn", True)))

    for idx, pattern in enumerate(data.get("idioms") or []):
        add(_as_patterns(pattern, f"idioms[{idx}]"), (("idiom", ""),), "idioms", False)

    frames: dict[tuple[str, str], str] = {}
    frame_mods: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in data.get("frames") or []:
        if not (isinstance(row, list) and len(row) in (3, 4)):
            raise LexiconError(f"frames: {row!r} is not [site, quality, concept, [modifiers]?]")
        sites = row[0] if isinstance(row[0], list) else [row[0]]
        qualities = row[1] if isinstance(row[1], list) else [row[1]]
        mods = tuple(str(m) for m in row[3]) if len(row) == 4 else ()
        for s in sites:
            for q in qualities:
                frames[(str(s), str(q))] = str(row[2])
                if mods:
                    frame_mods[(str(s), str(q))] = mods

    shorthand = {
        _norm_word(k): tuple(_norm_word(w) for w in str(v).split())
        for k, v in (data.get("shorthand") or {}).items()
    }
    spelling = {_norm_word(k): _norm_word(str(v)) for k, v in (data.get("spelling") or {}).items()}
    targets = {str(k): frozenset(str(c) for c in v) for k, v in (data.get("modifier_targets") or {}).items()}
    lists = {str(k): frozenset(_norm_word(str(w)) for w in v) for k, v in (data.get("lists") or {}).items()}
    return Lexicon(
        language=str(data.get("language", "en")),
        automaton=automaton,
        shorthand=shorthand,
        spelling=spelling,
        vocabulary=frozenset(t for t in learned if t.isalpha() and len(t) >= 4),
        frames=frames,
        frame_mods=frame_mods,
        defaults={str(k): str(v) for k, v in (data.get("defaults") or {}).items()},
        modifier_targets=targets,
        question=dict(data.get("question") or {}),
        lists=lists,
        words=frozenset(every),
        fold_accents=fold,
        fuzzy_same_ends=bool(data.get("fuzzy_same_ends", False)),
        fever_word_takes_reading=bool(data.get("fever_word_takes_reading", False)),
        boundary=lists.get("boundary_words", _BOUNDARY_WORDS),
        sound_rewrites=tuple(str(r) for r in data.get("sound_rewrites") or ()),
    )
