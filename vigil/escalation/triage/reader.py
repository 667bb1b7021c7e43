"""Reading one message: tokens -> mentions -> findings with status, modifiers and values.

Every pass below walks the tokens or the mentions once, and each looks at most a
fixed window of neighbours, so reading is linear in the length of the message.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Final

from .drafts import (
    CONTEXT_TAGS,
    FIGURE_WINDOW,
    OTHER,
    PAIR_WINDOW,
    SITE_LIST_WINDOW,
    UNRECOGNISED,
    Draft,
    Reading,
    glued_hyphen,
    mention_owners,
)
from .lexicon import Mention
from .numbers import NumberPasses
from .statuses import StatusPasses
from .text import (
    CLAUSE_PUNCT,
    NUM,
    OPENING_PUNCT,
    PUNCT,
    SENTENCE_PUNCT,
    WORD,
    Token,
    join_staccato,
    mark_newlines,
    parse_number,
    raw_tokens,
    spoken_punctuation,
)

# What a staining food or medicine named may explain: a bleed (or blood spat) told by colour,
# or a colour the reader could not place.
_STAINABLE: Final = frozenset({"bleeding", "hemoptysis", "unrecognised"})


class Reader(StatusPasses, NumberPasses):
    """Reads messages with one lexicon. The passes on numbers, on status and on subjects live
    in their own modules; this class tokenises, finds the concepts and runs the passes."""

    # -- tokens -----------------------------------------------------------------

    def tokenize(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        pieces = self.norm.pieces
        for raw, start, end, possessive in raw_tokens(text):
            if glued_hyphen(text, start, end):
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
        tokens = self._homophones(self._rejoined(text, tokens))
        tokens = join_staccato(spoken_punctuation(tokens, self._spoken_punct), self._answers_or_denies)
        mark_newlines(text, tokens)
        return tokens

    def _homophones(self, tokens: list[Token]) -> list[Token]:
        """A word swapped for one that sounds the same, by dictation or autocorrect, where the
        word beside it tells which was meant (`swapped_words`: "wasnt hear" is "wasnt here",
        "gone week" "gone weak", "want 2 b" "want to be"). Pairs only: one word alone never."""
        swaps = self._swaps
        if not swaps:
            return tokens
        for i in range(len(tokens) - 1):
            pair = swaps.get((tokens[i].norm, tokens[i + 1].norm))
            if pair is not None:
                for token, norm in zip((tokens[i], tokens[i + 1]), pair, strict=True):
                    if token.norm != norm:
                        token.norm, token.kind, token.value = norm, WORD, None
        return tokens

    def _rejoined(self, text: str, tokens: list[Token]) -> list[Token]:
        """One word written as two ("head ake", "breathe less") read as the one word
        (`Normaliser.joined`), and a word hyphenated before its ending ("wee-ing"); only two
        words a single space or hyphen apart."""
        out: list[Token] = []
        for token in tokens:
            last = out[-1] if out else None
            if (
                last is not None
                and last.kind == WORD
                and token.kind == WORD
                and self.norm.may_end_a_split(token.norm)
                and token.start == last.end + 1
                and text[last.end] in " -"
            ):
                whole = self.norm.joined(
                    text[last.start : last.end].lower(), text[token.start : token.end].lower()
                )
                if whole is not None:
                    out[-1] = Token(whole, last.start, token.end, WORD)
                    continue
            out.append(token)
        return out

    def _answers_or_denies(self, word: str) -> bool:
        """The word alone is an answer or a denial ("no", "nope", "yes", "never")."""
        hit = self._answer_words.get(word)
        if hit is None:
            mentions = self.lex.match([Token(word, 0, len(word), WORD)])
            hit = any(m.has("ans") or m.has("neg") for m in mentions)
            if len(self._answer_words) < 10_000:  # bounded for adversarial input
                self._answer_words[word] = hit
        return hit

    # -- the passes -----------------------------------------------------------------

    def read(self, text: str, *, carer: bool = False, answer: bool = False) -> Reading:
        """`carer`: the writer is known to be one of the patient's carers (the caller's
        context says so), so the people they name are the patient unless the message says
        clearly that someone is not ("he's not your patient"). `answer`: the message answers
        a check-in question (a "si" opening it is the yes, see `_yes_not_if`)."""
        tokens = self.tokenize(text)
        tokens, found = self._signed_off(tokens, self.lex.match(tokens))
        mentions = self._people_named(text, tokens, self._feeling_denied(tokens, found))
        owner = mention_owners(len(tokens), mentions)
        contrast = self._segment(tokens, mentions, owner)
        drafts = self._concepts(tokens, mentions)
        self._compose(tokens, mentions, owner, drafts)
        reading = Reading(tokens, mentions, drafts, [], [], [], [])
        self._numbers(reading, owner)
        self._modifiers(tokens, mentions, owner, drafts)
        self._same_pain(tokens, drafts)
        self._cant_without(tokens, mentions, reading)
        self._unplaced(tokens, mentions, drafts)
        self._statuses(reading, owner, contrast, carer, self._yes_not_if(text, tokens, answer, mentions))
        self._blood_from_mouth(tokens, mentions, owner, drafts)
        self._stained(tokens, mentions, owner, drafts)
        self._kept_on_seat(tokens, drafts)
        self._cramp_not_clot(tokens, drafts)
        self._rigor_not_fit(tokens, drafts)
        self._fumbled_by_fingers(tokens, drafts)
        return reading

    def _signed_off(self, tokens: list[Token], found: list[Mention]) -> tuple[list[Token], list[Mention]]:
        """The message without the sign-off that ends it ("ya van 10 saludos", "more lol"): a
        laugh or a kiss after a number is no unit of it. A sign-off a phrase of the lexicon
        takes in ("so slow I want to die lol") is part of that phrase and stays."""
        end = len(tokens)
        while end > 1 and (tokens[end - 1].kind == PUNCT or tokens[end - 1].norm in self._sign_offs):
            end -= 1
        if (
            end == len(tokens)
            or all(t.kind == PUNCT for t in tokens[:end])
            or not any(t.norm in self._sign_offs for t in tokens[end:])
            or any(m.j > end for m in found)
        ):
            return tokens, found
        return tokens[:end], found

    def _fumbled_by_fingers(self, tokens: list[Token], drafts: list[Draft]) -> None:
        """'keep dropping things, my fingertips have been numb since the chemo': things dropped,
        told by the dropping alone, in a message that names the fingers numb or sore, are the
        fingers' doing (routine, docs/triage.md), not a weak arm. A weakness named in words of
        its own ("my hand is weak") or on one side stays one."""
        drops, fingers = self._drop_words, self._finger_words
        if not drops or not any(
            d.concept in ("numbness", "pain")
            and d.status == "present"
            and not fingers.isdisjoint(t.norm for t in tokens[d.start : d.end])
            for d in drafts
        ):
            return
        drafts[:] = [
            d
            for d in drafts
            if d.concept != "limb_weakness"
            or d.status != "present"
            or "one_sided" in d.mods
            or drops.isdisjoint(t.norm for t in tokens[d.start : d.end])
        ]

    def _rigor_not_fit(self, tokens: list[Token], drafts: list[Draft]) -> None:
        """'burning up and shaking all over', 'temp 39, whole body shaking': a body that shakes,
        told by the shaking alone, in a message that names a fever as present, is a rigor
        (`chills`), not a fit. Jerking or twitching, a fit named, or a body on the floor, stiff
        or not answering anywhere in the message keeps it a fit."""
        shakes, fits = self._shake_words, self._fit_words
        if not shakes or not any(d.concept == "fever" and d.status == "present" for d in drafts):
            return
        if not fits.isdisjoint(t.norm for t in tokens):
            return
        for d in drafts:
            if d.concept == "seizure" and not shakes.isdisjoint(t.norm for t in tokens[d.start : d.end]):
                d.concept = "chills"

    def _cramp_not_clot(self, tokens: list[Token], drafts: list[Draft]) -> None:
        """'cramps in my calves at night, go away when I stretch, no swelling': a calf's cramp
        in a message that denies the swelling is the cramp's pain, not the painful calf of a
        clot; one that will not go ("a cramp that won't shift") or is swollen stays the clot's."""
        cramps = self._cramp_words
        if not cramps or not any(d.concept == "leg_swelling" and d.status == "negated" for d in drafts):
            return
        for d in drafts:
            if (
                d.concept == "leg_swelling"
                and d.status == "present"
                and "constant" not in d.mods
                and not cramps.isdisjoint(t.norm for t in tokens[d.start : d.end])
            ):
                d.concept = "pain"

    def _kept_on_seat(self, tokens: list[Token], drafts: list[Draft]) -> None:
        """'diarrhoea, 7 times today, can't get off the loo': a toilet one cannot leave, in a
        message that names the runs as present, is the runs, not legs that fail; without the
        runs ("can't get off the loo, legs gone") it stays trouble walking."""
        seat = self._seat_words
        if not seat or not any(d.concept == "diarrhea" and d.status == "present" for d in drafts):
            return
        drafts[:] = [
            d
            for d in drafts
            if d.concept != "gait_difficulty" or seat.isdisjoint(t.norm for t in tokens[d.start : d.end])
        ]

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
        food that colours it named as eaten (or a medicine that darkens it, "las pastillas de
        hierro"), is the food; "blood in my wee" or clots stay a bleed. A colour the reader could
        not place ("la orina me salió rojiza", unrecognised) is explained the same way, and so is
        a whole bowl told only by its colour ("toilet water went red, then I remembered the
        beetroot"): the amount is the water's, not blood's."""
        passed, blood = self._stain_explains, self._blood_words
        if not passed or not self._cause_named(tokens, mentions, owner, "stain"):
            return
        # Clots or blood named anywhere keep a large amount a bleed ("urine dark red with clots,
        # ate beetroot"): only a bowl told by its colour alone is the food's.
        bloody = any(t.norm in blood for t in tokens)
        for d in drafts:
            if d.concept not in _STAINABLE or d.status != "present" or ("large_amount" in d.mods and bloody):
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

    def _yes_not_if(
        self, text: str, tokens: list[Token], answer: bool, mentions: list[Mention]
    ) -> frozenset[int]:
        """Where "si" is the yes, not the if, in a language that folds them into one word:
        written with its accent ("sí me da mucho dolor"), or opening an answer to a question
        ("si se me duermen las piernas") when its sentence does not go on to what the writer
        would do or ask then ("si se me duermen le aviso", "si me da fiebre, ¿qué hago?"). A
        word of doing inside the finding itself ("si, no puedo hacer pis") is no such then."""
        if not self._if_yes:
            return frozenset()
        in_finding = {k for m in mentions if m.has("concept") for k in range(m.i, m.j)}
        out = set()
        for k, tok in enumerate(tokens):
            if tok.norm not in self._if_yes:
                continue
            if text[tok.start : tok.end].lower() != tok.norm:
                out.add(k)  # the accent kept: "sí"
                continue
            if not answer or any(t.norm not in self._if_openers and t.kind != PUNCT for t in tokens[:k]):
                continue
            rest = [
                t
                for x, t in enumerate(tokens[k + 1 :], k + 1)
                if t.sentence == tok.sentence and x not in in_finding
            ]
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
    def sides(self) -> frozenset[str]:
        """Words that say which side ("left", "izquierda")."""
        return self._sides

    @property
    def determiners(self) -> frozenset[str]:
        """Words that may stand before a body site ("my", "la")."""
        return self._skip_before_site

    @property
    def cancellers(self) -> frozenset[str]:
        """Words that say a circumstance is fine ("sentada estoy bien")."""
        return self._cancellers

    def denied_after(self, r: Reading, m: Mention) -> bool:
        """Whether a verdict after the circumstance `m` names denies it ("sentada estoy bien",
        "acostada no"); see `_denied_after`."""
        return self._denied_after(r.tokens, r.mentions, mention_owners(len(r.tokens), r.mentions), m)

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
        owner = mention_owners(len(r.tokens), r.mentions)
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
            # (a "¿" or "¡" opens a sentence even without the stop before it: "la cara
            # hinchada ¿es normal")
            opens = o < 0 and tok.kind == PUNCT and tok.norm in OPENING_PUNCT and tokens[k - 1].kind != PUNCT
            if k and (tok.newline_before or opens):
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
            if not paired and sites:
                # "el peor dolor que he sentido, en medio del pecho": a site standing alone as
                # the clause right after the quality says where it is.
                named = self._site_after(tokens, sites, used_sites, q)
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
            if tokens[k].norm in self._sign_offs:
                k += 1  # "la espalda, me molesta desde ayer saludos": the sign-off says nothing more
                continue
            if tokens[k].norm in self._simile_heads or tokens[k].norm in self._circumstance_heads:
                # ", numb like a dentist injection": what follows "like" is a figure of what
                # the quality is like, not another fact of the clause; ", sharp when I breathe
                # in": what follows "when" is when it comes.
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

    def _site_after(
        self, tokens: list[Token], sites: list[Mention], used_sites: set[int], q: Mention
    ) -> Mention | None:
        """The site of the clause right after the quality's, when that clause names only the
        site (and linking words): ", en medio del pecho", ", in my chest". Only a pain is
        placed so ("not weak in myself, just the legs" says where the weakness is not)."""
        if "pain" not in q.values("quality"):
            return None
        clause, sentence = tokens[q.i].clause, tokens[q.i].sentence
        for s in sites:
            if s.i < q.j or id(s) in used_sites:
                continue
            if tokens[s.i].sentence != sentence or tokens[s.i].clause != clause + 1:
                return None
            rest = [
                t
                for k, t in enumerate(tokens)
                if t.clause == clause + 1 and not s.i <= k < s.j and t.kind != PUNCT
            ]
            if all(t.norm in self._glue or t.norm in self._fillers for t in rest):
                return s
            return None
        return None

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
