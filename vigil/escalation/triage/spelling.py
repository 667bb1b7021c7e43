"""Turning the way people text into the lexicon's words.

Order: shorthand ("2day", "r"), numbers glued to units ("101f"), runs of repeated
letters ("sooo"), dropped g's ("achin"), known misspellings, then fuzzy correction.

Fuzzy correction uses SymSpell (symspellpy) over the lexicon's own medical
vocabulary: candidates come from a precomputed index of deletions, so a lookup costs
about 17 µs against about 83 µs for a rapidfuzz scan of the same vocabulary (measured
at the time of choosing, 1,500 words). A token is only corrected when it is not an
English word, judged by the 82,765-word frequency list that ships with symspellpy:
"seized" and "painted" stay what they are, "feaver" and "hedache" are fixed.

Another language names its own known words (the lexicon's `known_words` list, beside every
word its patterns use) and may fold accents away first ("corazón" is "corazon"), one letter
for one so that offsets stay the message's own.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Final

from symspellpy import SymSpell, Verbosity

from .lexicon import FOLD, Lexicon
from .text import split_number_unit

_REPEATS: Final = re.compile(r"([^\W\d_])\1{2,}")
_GLUED_SCORE: Final = re.compile(r"^(\d+)([a-z]{2,6})(\d+)$")
Piece = tuple[str, int, int]
_LETTERS: Final = "abcdefghijklmnopqrtuvwxyz"  # (no "s": see _cut_short)


def _swapped(word: str, term: str) -> bool:
    """Whether `term` is `word` with two neighbouring letters swapped back."""
    if len(word) != len(term) or word == term:
        return False
    diff = [i for i in range(len(word)) if word[i] != term[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and word[diff[0]] == term[diff[1]]
        and word[diff[1]] == term[diff[0]]
    )


@cache
def english_words() -> frozenset[str]:
    """The English words SymSpell's bundled frequency list knows."""
    path = resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(line.split(" ", 1)[0] for line in fh)


def _endings(pairs: frozenset[str], *, longest_first: bool = False) -> tuple[tuple[str, str], ...]:
    """A lexicon's ending rewrites, written "from>to", in the order they are tried."""
    parsed = [(frm, to) for frm, _, to in (p.partition(">") for p in sorted(pairs) if ">" in p)]
    if longest_first:
        parsed.sort(key=lambda p: -len(p[0]))  # stable: equal lengths keep their sorted order
    return tuple(parsed)


class Normaliser:
    """Maps one raw piece of text to the tokens the lexicon speaks, with sub-spans."""

    CACHE_LIMIT: Final = 50_000

    def __init__(self, lexicon: Lexicon, extra_known: frozenset[str] = frozenset()) -> None:
        self._lex = lexicon
        if lexicon.language == "en":
            dictionary = english_words()
        else:
            # The language's own words, and English ones (mixed in as bilingual people write):
            # none of them is a misspelling of a symptom.
            dictionary = lexicon.words | lexicon.lists.get("known_words", frozenset()) | english_words()
        self._known = dictionary | lexicon.vocabulary | extra_known
        self._fold = lexicon.fold_accents
        # A language rich in endings ("pagar"/"parar", "pescado"/"pesado") keeps a word's first
        # and last letters when it corrects one; its lexicon says so.
        self._same_ends = lexicon.fuzzy_same_ends
        # First letters that sound alike in the language ("b"/"v"), each pair as two letters.
        self._sound_alike = frozenset(
            frozenset(pair) for pair in lexicon.lists.get("sound_alike", frozenset()) if len(pair) == 2
        )
        # Endings spoken with the "d" dropped ("ao>ado": "cansao" is "cansado").
        self._elided = _endings(lexicon.lists.get("elided_endings", frozenset()))
        # The same said with the stress written where the "d" went ("á>ada": "sentá" is
        # "sentada", "hinchá" is "hinchada"): read before the accent is folded away, which would
        # leave a word of its own ("senta", "hincha").
        self._elided_stressed = _endings(lexicon.lists.get("elided_stressed_endings", frozenset()))
        # Endings that make a word smaller or bigger ("itas>as": "piernitas" is "piernas";
        # "isima>a": "rarisima" is "rara"): tried longest first, and kept only when they give a
        # word the lexicon's patterns use, so no word is made up.
        self._derived = _endings(lexicon.lists.get("derived_endings", frozenset()), longest_first=True)
        # Letters that sound alike inside a word ("h>": silent; "v>b", "z>s", "ll>y"), rewritten
        # in order into a key of its sound: a word unknown whose sound is one word of the
        # vocabulary's is that word ("bista" is "vista", "fuersa" "fuerza", "voca" "boca").
        self._sounds = tuple(
            (frm, to) for frm, _, to in (r.partition(">") for r in lexicon.sound_rewrites) if frm
        )
        by_sound: dict[str, set[str]] = {}
        if self._sounds:
            for word in lexicon.vocabulary:
                by_sound.setdefault(self._sound(word), set()).add(word)
        self._by_sound = {k: next(iter(v)) for k, v in by_sound.items() if len(v) == 1}
        # The words the lexicon reads, and the misspellings it knows of them.
        self._lexicon_words = lexicon.vocabulary | frozenset(lexicon.spelling)
        self._symspell = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word in lexicon.vocabulary:
            self._symspell.create_dictionary_entry(word, 1)
        self._cache: dict[str, tuple[Piece, ...]] = {}
        self._joins: dict[tuple[str, str], str | None] = {}
        # Word endings dictation writes apart ("breathe less", "dizzy ness"): the word they
        # follow is joined to them when the two make one word of the vocabulary. A language
        # that lists them has words split and glued mended (see `joined`, `_unglued`).
        self._split_endings = lexicon.lists.get("split_endings", frozenset())
        self._mends_splits = bool(self._split_endings)

    def pieces(self, raw: str) -> tuple[Piece, ...]:
        """Normalised tokens for a raw lower-case piece, offsets relative to it."""
        hit = self._cache.get(raw)
        if hit is not None:
            return hit
        stressed = self._stressed(raw) if self._elided_stressed else None
        if stressed is not None:
            out: tuple[Piece, ...] = ((stressed, 0, len(raw)),)
        else:
            out = self._pieces(raw.translate(FOLD) if self._fold else raw)
        if self._fold and len(out) == 1 and out[0][2] != len(raw):
            out = ((out[0][0], 0, len(raw)),)  # combining accents folded away: the whole piece
        if len(self._cache) >= self.CACHE_LIMIT:
            self._cache.clear()  # bounded memory for adversarial input; refills fast
        self._cache[raw] = out
        return out

    def _pieces(self, raw: str) -> tuple[Piece, ...]:
        length = len(raw)
        short = self._lex.shorthand.get(raw)
        if short is not None:
            return tuple((w, 0, length) for w in short)
        if raw[0] == "x" and raw[1:].isdigit():  # "x7": seven times
            return (("x", 0, 1), (raw[1:], 1, length))
        score = _GLUED_SCORE.match(raw)
        if score is not None:
            # "9outof10": a score typed without its spaces, read as "9 out of 10".
            words = self._words_of(score.group(2))
            if words is not None:
                a, b = score.span(2)
                return ((score.group(1), 0, a), *((w, a, b) for w in words), (score.group(3), b, length))
        glued = split_number_unit(raw)
        if glued is not None:
            number, unit = glued
            cut = len(number)
            tail = self._lex.shorthand.get(unit, (self.word(unit),))
            return ((number, 0, cut), *((w, cut, length) for w in tail))
        word = self.word(raw)
        short = self._lex.shorthand.get(word)
        if short is not None:
            return tuple((w, 0, length) for w in short)
        if self._mends_splits and word == raw and raw not in self._known:
            halves = self._unglued(raw)
            if halves is not None:
                cut = len(halves[0])
                return ((halves[0], 0, cut), (halves[1], cut, length))
        return ((word, 0, length),)

    def _words_of(self, run: str) -> tuple[str, ...] | None:
        """Letters between two numbers that are short words glued ("outof", "of", "over")."""
        if run in self._known:
            return (run,)
        cuts = [(run[:i], run[i:]) for i in range(2, len(run) - 1) if {run[:i], run[i:]} <= self._known]
        return cuts[0] if len(cuts) == 1 else None

    def _unglued(self, raw: str) -> tuple[str, str] | None:
        """Two words of the vocabulary typed without the space between them ("chestpain",
        "legpain"): the one way to cut an unknown word into two of three letters or more."""
        if len(raw) < 6 or not raw.isalpha():
            return None
        vocabulary = self._lex.vocabulary
        cuts = [
            (raw[:i], raw[i:])
            for i in range(3, len(raw) - 2)
            if raw[:i] in vocabulary and raw[i:] in vocabulary
        ]
        return cuts[0] if len(cuts) == 1 else None

    def may_end_a_split(self, norm: str) -> bool:
        """Whether a token read as `norm` can be the second half of a word split in two
        (`joined`): cheap, to skip every ordinary pair of words."""
        return self._mends_splits and (norm not in self._known or norm in self._split_endings)

    def joined(self, first: str, second: str) -> str | None:
        """One word written as two, as dictation and shaky fingers split it ("head ake",
        "breathe less"): the word of the vocabulary the two make together, when the second is
        no word of its own or an ending (`split_endings`); None otherwise."""
        key = (first, second)
        if key in self._joins:
            return self._joins[key]
        found: str | None = None
        if (
            self._mends_splits
            and len(first) >= 3
            and first.isalpha()
            and second.isalpha()
            and len(second) >= 3
            and second not in self._lex.shorthand
            and (second not in self._known or second in self._split_endings)
        ):
            whole = self.word(first + second)
            # The first word is kept whole (a silent "e" aside: "breathe less"), so a slip in
            # the second is not read into another word ("both lges" is not "bottles").
            stem = first[:-1] if first.endswith("e") else first
            if (
                whole in self._lex.vocabulary
                and whole.startswith(stem)
                and whole not in (first, second, self.word(first), self.word(second))
            ):
                found = whole
        if len(self._joins) >= self.CACHE_LIMIT:
            self._joins.clear()
        self._joins[key] = found
        return found

    def word(self, raw: str) -> str:
        """The best reading of one word."""
        fixed = self._lex.spelling.get(raw)
        if fixed is not None:
            return fixed
        if not raw.isalpha() or raw in self._known:
            return raw
        swapped = self._unswapped(raw)
        if swapped is not None:
            return self._lex.spelling.get(swapped, swapped)
        plain = self._plain(raw)
        if plain is not None:
            return plain
        collapsed = _REPEATS.sub(r"\1\1", raw)
        return self._unswapped_read(collapsed) or self._fuzzy(collapsed)

    def _unswapped(self, raw: str) -> str | None:
        """The one word of `words` that `raw` is with two neighbouring letters typed in the
        wrong order ("curatin" is "curtain", "painnig" is "paining"), or None: the commonest slip
        of the fingers, read before any rule that would take the slip for another ending
        ("curatin" is not "curating" cut short)."""
        if len(raw) < 4:
            return None
        found = {
            w
            for w in (raw[:i] + raw[i + 1] + raw[i] + raw[i + 2 :] for i in range(len(raw) - 1))
            if w != raw and w in self._lexicon_words
        }
        return found.pop() if len(found) == 1 else None

    def _unswapped_read(self, raw: str) -> str | None:
        """A word that, with two neighbouring letters swapped back, is read without guessing
        (a known word, or a dropped "g", a sound or an ending the lexicon knows: "brunin" is
        "burnin", so "burning"; "bmoite" is "bomite", so "vomite"); only when one swap does."""
        if len(raw) < 5:
            return None
        found: set[str] = set()
        for i in range(len(raw) - 1):
            w = raw[:i] + raw[i + 1] + raw[i] + raw[i + 2 :]
            if w == raw:
                continue
            if w in self._known:
                found.add(self._lex.spelling.get(w, w))
                continue
            read = self._plain(w)
            if read is not None:
                found.add(read)
        return found.pop() if len(found) == 1 else None

    def _plain(self, raw: str) -> str | None:
        """The reading of an unknown word by its certain rules (no fuzzy guess), or None."""
        collapsed = _REPEATS.sub(r"\1\1", raw)
        if collapsed != raw:
            if collapsed in self._known:
                return self._lex.spelling.get(collapsed, collapsed)
            single = _REPEATS.sub(r"\1", raw)
            if single in self._known:
                return self._lex.spelling.get(single, single)
            raw = collapsed
        if raw.endswith("in") and raw + "g" in self._known:
            return raw + "g"
        # A past tense with its "e" dropped ("coughd", "faintd"): fuzzy matching would tie
        # it with the present ("cough", "coughs") and give up.
        if len(raw) >= 5 and raw.endswith("d") and raw[:-1] + "ed" in self._known:
            return self._lex.spelling.get(raw[:-1] + "ed", raw[:-1] + "ed")
        # Fuzzy matching would tie "cansao" between "cansado" and "cansa" and give up.
        whole = self._rewritten(raw, self._elided, self._known) or self._rewritten(
            raw, self._derived, self._lex.vocabulary
        )
        if whole is not None:
            return whole
        return self._lex.spelling.get(raw) or self._cut_short(raw) or self._sounded(raw)

    def _sound(self, word: str) -> str:
        for frm, to in self._sounds:
            word = word.replace(frm, to)
        return word

    def _sounded(self, raw: str) -> str | None:
        """The one word of the vocabulary that sounds as `raw` is spelled (see `_sounds`)."""
        if not self._sounds or len(raw) < 4:
            return None
        found = self._by_sound.get(self._sound(raw))
        return None if found is None else self._lex.spelling.get(found, found)

    def _cut_short(self, raw: str) -> str | None:
        """A word sent with its last letter cut off ("piern", "cabez", "diarre"): the one word of
        the vocabulary it begins, one letter longer. Only where fuzzy correction keeps a word's
        last letter (and so cannot restore it); two or more such words ("vomit": "vomita",
        "vomito") are a tie, left as typed. A plural's "s" is never the letter cut: "pedazo" is
        a word of its own, not "pedazos" cut short."""
        if not self._same_ends or len(raw) < 4:
            return None
        found = [w for w in (raw + c for c in _LETTERS) if w in self._lex.vocabulary]
        if len(found) != 1:
            return None
        return self._lex.spelling.get(found[0], found[0])

    def _stressed(self, raw: str) -> str | None:
        """A word whose ending carries a written accent that `elided_stressed_endings` rewrites
        ("sentá" is "sentada"), when the rewrite is a known word; None otherwise."""
        folded = raw.translate(FOLD)
        if folded == raw or len(folded) != len(raw):
            return None
        for tail, full in self._elided_stressed:
            if folded.endswith(tail) and raw[-len(tail) :] != tail and len(raw) - len(tail) >= 3:
                whole = folded[: -len(tail)] + full
                if whole in self._known:
                    return self._lex.spelling.get(whole, whole)
        return None

    def _rewritten(self, raw: str, endings: tuple[tuple[str, str], ...], words: frozenset[str]) -> str | None:
        """The first rewrite of an ending (leaving a stem of three letters) that gives one of `words`."""
        for tail, full in endings:
            if raw.endswith(tail) and len(raw) - len(tail) >= 3:
                whole = raw[: -len(tail)] + full
                if whole in words:
                    return self._lex.spelling.get(whole, whole)
        return None

    def _fuzzy(self, word: str) -> str:
        size = len(word)
        if size < 4:
            return word
        distance = 1 if size < 7 else 2
        found = self._symspell.lookup(word, Verbosity.CLOSEST, max_edit_distance=distance)
        if not found:
            return word
        best = found[0]
        if len(found) > 1 and found[1].distance == best.distance:
            # Two equally close words: a slip of the fingers keeps a word's first and last
            # letters ("lges" is "legs", not "ages"; "heavey" is "heavy", not "heave"), so one
            # tie that alone keeps both is the word meant; otherwise we cannot tell. (Not in a
            # language rich in endings, where a tie of two endings is a tie of two words.)
            tied = [s for s in found if s.distance == best.distance]
            # Two letters typed in the wrong order is the commonest slip of all ("pienra",
            # "bretah", "thirtsy"): the one tie that swaps two neighbours back is the word meant,
            # not the one a letter off ("piedra", "breth", "thirty").
            swapped = [s for s in tied if _swapped(word, str(s.term))]
            kept = [s for s in tied if s.term[0] == word[0] and s.term[-1] == word[-1]]
            if len(swapped) == 1:
                best = swapped[0]
            elif self._same_ends or len(kept) != 1:
                return word
            else:
                best = kept[0]
        if size < 6 and best.term[0] != word[0]:
            return word
        if self._same_ends and not self._ends_kept(word, str(best.term)):
            return word
        return str(best.term)

    def _ends_kept(self, word: str, term: str) -> bool:
        """The correction keeps the word's first and last letters, allowing for the slips that
        keep its sound ("respirra" for "respirar", "dueel" for "duele": the last two swapped;
        "bomite" for "vomite": a first letter that sounds the same, `sound_alike`)."""
        first = term[0] == word[0] or frozenset((term[0], word[0])) in self._sound_alike
        last = term[-1] == word[-1] or (
            len(term) == len(word) and term[:-2] == word[:-2] and term[-2:] == word[-2:][::-1]
        )
        return first and last
