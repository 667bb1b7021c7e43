"""The lexicon as data: phrase patterns compiled once into a token trie.

Pattern syntax, one pattern a string, tokens separated by spaces:
  word            a literal (written as people type it; apostrophes are dropped)
  a|b|c           one of several single words
  [a b|c|d e]     one of several phrases (may stand among single words: x|[y z])
  {set}           one of the words of a named set
  <num>           any number
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
Node = dict[Any, Any]

TERMINAL: Any = None  # never a token, unlike "$"
END = "<end>"
NUMBER = "<num>"

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
    trie: Node
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

    def match(self, tokens: list[Token]) -> list[Mention]:
        """Greedy longest matches, left to right, never overlapping."""
        trie = self.trie
        boundary = self.boundary
        n = len(tokens)
        out: list[Mention] = []
        i = 0
        while i < n:
            node = trie
            j = i
            best_j = -1
            best: tuple[Tag, ...] = ()
            while j < n:
                tok = tokens[j]
                nxt = node.get(tok.norm)
                if nxt is None and tok.kind == NUM:
                    nxt = node.get(NUMBER)
                if nxt is None:
                    break
                node = nxt
                j += 1
                tags = node.get(TERMINAL)
                if tags is not None:
                    best_j, best = j, tags
                end = node.get(END)
                if end is not None and (j == n or _is_boundary(tokens[j], boundary)):
                    best_j, best = j, tuple(dict.fromkeys((*(tags or ()), *end[TERMINAL])))
            if best_j > 0:
                out.append(Mention(i, best_j, best))
                i = best_j
            else:
                i += 1
        return out


def _is_boundary(tok: Token, words: frozenset[str]) -> bool:
    return tok.kind == PUNCT or tok.newline_before or tok.norm in words


def _norm_word(word: str) -> str:
    return word.lower().replace("'", "").replace("’", "")


_PARTS = re.compile(r"(?:\[[^\]]*\]|[^\s\[\]])+")
_ALTS = re.compile(r"\[[^\]]*\]|[^|\[\]]+")


def _alternatives(part: str) -> list[tuple[str, ...]]:
    """'a|[b c|d]|e' -> [(a,), (b, c), (d,), (e,)]."""
    out: list[tuple[str, ...]] = []
    for alt in _ALTS.findall(part):
        if alt.startswith("["):
            out += [tuple(_norm_word(w) for w in p.split()) for p in alt[1:-1].split("|")]
        else:
            out.append((_norm_word(alt),))
    return out


def expand(pattern: str, sets: Mapping[str, list[str]]) -> Iterator[tuple[str, ...]]:
    """Every token sequence a pattern stands for."""
    choices: list[list[tuple[str, ...]]] = []
    for raw in _PARTS.findall(pattern):
        optional = raw.endswith("?") and len(raw) > 1
        part = raw[:-1] if optional else raw
        if part.startswith("{") and part.endswith("}"):
            name = part[1:-1]
            if name not in sets:
                raise LexiconError(f"pattern {pattern!r}: unknown set {{{name}}}")
            alts = [tuple(_norm_word(w) for w in phrase.split()) for phrase in sets[name]]
        elif part in (NUMBER, END):
            alts = [(part,)]
        else:
            alts = _alternatives(part)
        if optional:
            alts.append(())
        choices.append(alts)
    for combo in itertools.product(*choices):
        seq = tuple(t for piece in combo for t in piece)
        if seq and seq != (END,):
            if END in seq[:-1]:
                raise LexiconError(f"pattern {pattern!r}: {END} must come last")
            yield seq


def _insert(trie: Node, seq: tuple[str, ...], tags: Iterable[Tag]) -> None:
    node = trie
    for tok in seq:
        node = node.setdefault(tok, {})
    existing = node.get(TERMINAL, ())
    merged = tuple(dict.fromkeys((*existing, *tags)))
    node[TERMINAL] = merged


def _as_patterns(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise LexiconError(f"{where}: expected a pattern or a list of patterns")


# Accents away, composed ("ó") or combining ("o" + U+0301) alike.
FOLD: Final = str.maketrans("áéíóúüñàèìòùâêîôû", "aeiouunaeiouaeiou", "\u0300\u0301\u0302\u0303\u0308")


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
    trie: Node = {}
    learned: set[str] = set()
    every: set[str] = set()

    def add(patterns: list[str], tags: tuple[Tag, ...], where: str, learn: bool) -> None:
        for pattern in patterns:
            for seq in expand(pattern, sets):
                _insert(trie, seq, tags)
                every.update(seq)
                if learn:
                    learned.update(seq)

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
        trie=trie,
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
    )
