"""Body sites across messages: a site named once and taken up later ("it", "them",
"the other one too", "both"), or put right."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .model import Assessment, Finding
from .pass_base import PoolPasses
from .pool import (
    OTHER_SIDE_LOOKS,
    SITE_DENIED_BEFORE,
    SITE_FINE_AFTER,
    SITE_MODIFIERS,
    SITE_PRONOUNS,
    SITE_WORDS,
    Change,
    first_match,
    plain_text,
    stem_set,
    word_set,
)


class SitePasses(PoolPasses):
    """Body sites across messages, taken up or put right by later ones."""

    def _site_pronouns(self, text: str) -> set[str]:
        """ "They", "them", "their" said after a part of the body the message names ("both hands
        gone tingly, like when you've sat on them"): the body part, not a person in a story."""
        r = self.engine.reader.read(text)
        sited = [m.i for m in r.mentions if m.has("site")]
        if not sited:
            return set()
        return {t.norm for t in r.tokens[min(sited) + 1 :] if t.norm in SITE_PRONOUNS}

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
            m = first_match(self.phrases.other_too, texts[i])
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

    def _back_is_the_same(
        self, pool: list[list[Finding]], texts: Sequence[str], originals: Sequence[str]
    ) -> None:
        """ "Coughed up blood yesterday, it stopped" then "blood's back this morning": the blood
        that is back is the coughed-up blood; "back pain eased" then "the pain's back again" is
        the back pain. A general finding (`covers`) said to be back, without a site of its own,
        is the particular one named before."""
        covers = self.phrases.covers
        for i in range(1, len(pool)):
            back = first_match(self.phrases.recur, texts[i]) is not None or any(
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
                    said = plain_text(originals[i])
                    if SITE_DENIED_BEFORE.search(said[:start]) or SITE_FINE_AFTER.match(said[end:]):
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
                k not in covered and before.tokens[k].norm not in SITE_WORDS for k in words
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

    def _site_after_pain(self, pool: list[list[Finding]], originals: Sequence[str]) -> None:
        """Fragments the other way round: "tengo un dolor" then "en el pecho, fortísimo" is
        chest pain, as "tengo un dolor en el pecho, fortísimo" would be. A message that names a
        site (and how it is) and nothing else places the one bare pain of the message before."""
        reader, lex = self.engine.reader, self.engine.lexicon
        lists = lex.lists
        linking = SITE_WORDS | lists.get("glue", frozenset()) | lists.get("fragment_fillers", frozenset())
        pains = {concept for (_, quality), concept in lex.frames.items() if quality == "pain"}
        for i in range(1, len(pool)):
            if pool[i] or len(originals[i].split()) > 6:
                continue
            bare = [
                x
                for x, f in enumerate(pool[i - 1])
                if f.present and f.concept == "pain" and not f.from_question
            ]
            if len(bare) != 1:
                continue
            now = reader.read(originals[i])
            if not any(m.has("site") for m in now.mentions):
                continue
            covered = {k for m in now.mentions if m.has("site") or m.has("mod") for k in range(m.i, m.j)}
            words = [k for k, t in enumerate(now.tokens) if t.norm.isalpha()]
            if any(k not in covered and now.tokens[k].norm not in linking for k in words):
                continue  # "en el pecho no, en la rodilla", "en casa": more than a site
            joined = self.engine.assess(f"{originals[i - 1]} {originals[i]}")
            made = [f for f in joined.findings if f.present and f.concept in pains]
            if len(made) != 1:
                continue
            f = pool[i - 1][bare[0]]
            mods = tuple(sorted(set(f.modifiers) | set(made[0].modifiers)))
            pool[i - 1][bare[0]] = replace(f, concept=made[0].concept, modifiers=mods)

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
                    and not self._reached(texts[i], r.tokens[m.i].start)
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
                    mine_said = not word_set(clause).isdisjoint(self.phrases.me)
                    status = "other" if was.status == "other" and not mine_said else f.status
                    pool[i][x] = replace(f, concept=was.concept, modifiers=tuple(sorted(mods)), status=status)

    def _reached(self, text: str, start: int) -> bool:
        """The site at `start` is where a pain reaches ("me llega hasta el brazo", "going into
        my arm"), not where it is."""
        reach = self.phrases.reach
        return reach is not None and reach.search(text[max(0, start - 40) : start]) is not None

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
                    said = plain_text(f.evidence, self.phrases.fold_accents)
                    on = [k for k, side in enumerate(sides) if side.search(said)]
                    on = on or [k for k, side in enumerate(sides) if side.search(texts[i])]
                    if not limb.search(said) and (other.search(said) or not named):
                        continue
                    if (named and both.search(texts[i])) or (seen and len(on) == 1 and on[0] not in seen):
                        mods = (set(f.modifiers) - {"one_sided"}) | {str(data["gives"])}
                        findings[x] = replace(f, modifiers=tuple(sorted(mods)))
                    seen.update(on if len(on) == 1 else ())
                    named = True

    def _fine_sites(self, text: str) -> list[str]:
        """The sites a message says are fine ("legs are fine", "back ok")."""
        said = (m.group("what") for p in self.phrases.site_fine for m in p.finditer(text))
        return [w for w in said if self._names_site(w)]

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
        m = first_match(self.phrases.site_fix, text)
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
        if first_match(self.phrases.mistyped, text) is None:
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

    def _fine_said_before(self, pool: Sequence[Sequence[Finding]], text: str) -> bool:
        """A site the message says is fine is named in the words of an earlier present finding."""
        stems = set().union(*(stem_set(site) for site in self._fine_sites(text)))
        return any(
            f.present and not stems.isdisjoint(stem_set(f.evidence.lower())) for fs in pool for f in fs
        )
