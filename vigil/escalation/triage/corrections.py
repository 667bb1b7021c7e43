"""What a later message says of an earlier one: taken back, someone else's, over, or the
patient's after all."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from .model import Assessment, Finding, Level, Status
from .pass_base import PoolPasses
from .pool import (
    CLAUSE_END,
    COUNT_SPAN,
    Change,
    edit_distance,
    first_match,
    overturned,
    plain_text,
    stem_set,
    word_set,
    word_stem,
)


class CorrectionPasses(PoolPasses):
    """What a later message says of an earlier one."""

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
        m = first_match(self.phrases.mine_too, text)
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

    def _no_longer(self, text: str, f: Finding) -> bool:
        """A denial said of now, in the finding's own clause ("no fever now", "not bleeding any
        more"): the finding was there and has gone, not never there."""
        if not self.phrases.no_longer or f.start > len(text):
            return False
        lo = max((m.end() for m in CLAUSE_END.finditer(text, 0, f.start)), default=0)
        hi = next((m.start() for m in CLAUSE_END.finditer(text, f.end)), len(text))
        return first_match(self.phrases.no_longer, text[lo:hi]) is not None

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
        after = word_set(text[f.start :])
        return last_them > last_me and after.isdisjoint(self.phrases.me)

    def _theirs_with_before(
        self, before: str, text: str, writer: Mapping[str, Any] | None = None
    ) -> set[tuple[str, int]]:
        """(concept, start) of the findings of `text` that someone else has when it is read
        after the message before, as one text (by the writer of `text`: from a carer, "mi
        esposo" then "no le salen las palabras" is the patient)."""
        joiner = self.phrases.joiner
        at = len(before) + len(joiner)
        together = self.engine.assess(before + joiner + text, None, writer).findings
        return {(f.concept, f.start - at) for f in together if f.status == "other" and f.start >= at}

    def _in_what_came_before(self, pool: list[list[Finding]], texts: Sequence[str]) -> None:
        """ "Cough's been bad all week" then "now there's a bit of blood in it": the blood is in
        the cough, so it is coughed-up blood, as it would be in one sentence."""
        if self.phrases.in_it is None:
            return
        tissue_kinds = self.phrases.tissue_carried
        for i in range(len(pool)):
            for x, f in enumerate(pool[i]):
                kinds = self.phrases.carried.get(f.concept)
                if i and f.present and kinds and self._in_it(texts[i], f):
                    before = [e for fs in pool[:i] for e in fs if e.present and e.concept in kinds]
                    if before:
                        pool[i][x] = replace(f, concept=kinds[before[-1].concept])
                        continue
                if i and f.present and kinds and self._opens_on_and(texts[i]):
                    # "been coughing more" then "and tiny streaks of blood": one sentence told
                    # in two messages, so the blood goes with the cough just before.
                    before = [e for e in pool[i - 1] if e.present and e.concept in kinds]
                    if before:
                        pool[i][x] = replace(f, concept=kinds[before[-1].concept])
                        continue
                # "few streaks of red in my tissue" then "and I'm more breathless": blood in a
                # tissue with the chest named in another message, before or after, is coughed up.
                chest = tissue_kinds.get(f.concept)
                if not f.present or not chest or not self._in_tissue(texts[i], f):
                    continue
                near = [e for fs in pool[:i] + pool[i + 1 :] for e in fs if e.present and e.concept in chest]
                if near:
                    pool[i][x] = replace(f, concept=chest[near[-1].concept])

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

    def _in_it(self, text: str, f: Finding) -> bool:
        """The finding is said to be in what came before ("blood in it"), or in a tissue."""
        assert self.phrases.in_it is not None
        if self.phrases.in_it.match(text[f.end : f.end + 20]):
            return True
        return self._in_tissue(text, f)

    def _opens_on_and(self, text: str) -> bool:
        """The message opens on "and" (`goes_on`), going on with the one before, and names no
        other place the blood came from ("and my nose has been bleeding")."""
        opens, elsewhere = self.phrases.goes_on, self.phrases.not_coughed
        if opens is None or not opens.search(text.lower()):
            return False
        return elsewhere is None or not elsewhere.search(text.lower())

    def _in_tissue(self, text: str, f: Finding) -> bool:
        """The finding is said to be in a tissue or what one coughs or spits, and the message
        names no other place the blood came from ("my nose bled, blood on the tissue")."""
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
        over = first_match(self.phrases.history_over, text) is not None
        # "had the runs last week" then "all settled now": got better after a past told
        resolved = first_match(self.phrases.resolve, text) is not None
        # ("its gone now" is over as much as got better: an earlier day's finding ends with either)
        settled = (over or resolved) and bool(self.phrases.told_weeks_ago)
        if not over and not settled:
            return False
        for j in range(len(pool) - 1, -1, -1):
            if any(f.present for f in pool[j]):
                told = first_match(self.phrases.told_past, texts[j]) is not None
                weeks = settled and first_match(self.phrases.told_weeks_ago, texts[j]) is not None
                days = settled and first_match(self.phrases.told_days_ago, texts[j]) is not None
                quiet = j < len(alone) and alone[j].level <= Level.ROUTINE
                return told or weeks or (days and quiet)
        return False

    def _goes_on(self, finding: Finding, text: str, cont: re.Pattern[str]) -> bool:
        """A present finding that the message names only as more of the list before ("y
        diarrea", "además mucha tos"): nothing before it in its sentence but the words going
        on, and no word of the writer's own in it ("y no puedo caminar" is the writer)."""
        if not finding.present or finding.start > len(text):
            return False
        before = re.split(r"[.;!?¿¡]", text[: finding.start])[-1]
        sentence = before + re.split(r"[.;!?¿¡]", text[finding.start :])[0]
        writer = self.phrases.me | self.engine.lexicon.lists.get("first_singular", frozenset())
        return cont.fullmatch(before) is not None and word_set(sentence).isdisjoint(writer)

    def _theirs_in_clause(self, finding: Finding, text: str) -> Finding:
        """A present finding said in a clause about a third person (`their_clause`: "ella es
        la del dolor", "a él le duele") and not about the writer is that person's."""
        their = self.phrases.their_clause
        if their is None or not finding.present:
            return finding
        clause = re.split(r"[,.;:!?]", text[: finding.end])[-1]
        words = word_set(clause)
        if their.search(clause) and words.isdisjoint(self.phrases.mine):
            return replace(finding, status="other")
        return finding

    def _was_the_writers(self, pool: Sequence[Sequence[Finding]], texts: Sequence[str]) -> bool:
        """The latest message that described anyone gave its findings to the writer themself
        ("I've had diarrhoea myself, but it's Tom I'm writing about"): a carer's own, so "he"
        after it is not that person."""
        for j in range(len(pool) - 1, -1, -1):
            if any(f.status in ("present", "other") for f in pool[j]):
                return j < len(texts) and first_match(self.phrases.writers_own, texts[j]) is not None
        return False

    def _mine_after_all(
        self, pool: list[list[Finding]], text: str, index: int, offset: int
    ) -> list[Change] | None:
        """The latest message that gave findings to someone else gave them to the writer."""
        if first_match(self.phrases.me_after_all, text) is None:
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
        if not self.phrases.stained or first_match(self.phrases.stain_source, text) is None:
            return []
        for j in range(len(pool) - 1, -1, -1):
            hits = [k for k, f in enumerate(pool[j]) if f.present and f.concept in self.phrases.stained]
            if hits:
                changed = []
                for k in hits:
                    f = pool[j][k]
                    pool[j][k] = overturned(f, "negated")
                    changed.append(Change(f.concept, "negated", offset + j, index))
                return changed
        return []

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
        if finding.present and finding.end <= len(text) and first_match(self.phrases.reassign_after, after):
            return replace(finding, status="other")
        return finding

    def _comes_back(
        self, pool: Sequence[Sequence[Finding]], text: str, original: str, index: int
    ) -> Finding | None:
        """A message that names nothing but says something is back, after a finding that was
        over in its own message: that finding, present again, on this message."""
        m = first_match(self.phrases.recur, text)
        if m is None:
            said = self.engine.reader.read(original)
            again = next((x for x in said.mentions if ("res", "again") in x.tags), None)
            if again is None:
                return None
            start, end = said.tokens[again.i].start, said.tokens[again.j - 1].end
        else:
            start, end = m.start(), m.end()
        if self.phrases.denial.search(text[:end]) or first_match(self.phrases.resolve, text):
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
        swap = first_match(self.phrases.swap, text)
        j = next((j for j in range(len(pool) - 1, -1, -1) if pool[j]), None)
        if swap is not None:
            # "my chess feels tight" then "CHEST not chess": the message with the wrong word,
            # even one that read as nothing with it
            j = next(
                (
                    k
                    for k in range(len(pool) - 1, -1, -1)
                    if swap.group("old") in re.findall(r"[a-z]+", plain_text(originals[k]))
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
        elif first_match(self.phrases.mistyped, text) is not None or first_match(self.phrases.respell, text):
            given = [w for w in re.findall(r"[a-z]+", text) if len(w) >= 3 and w not in said]
            placed = {w.lower() for f in pool[j] for w in re.findall(r"[A-Za-z]+", f.evidence)}
            # ("las" for "los" is no mistyped word: a correction that says its words again, "quise
            # decir que tengo a los nietos dormidos", swaps no small word of the language's glue)
            glue = self.engine.lexicon.lists.get("glue", frozenset())
            for old in re.findall(r"[A-Za-z]+", before):
                if len(old) < 3 or old.lower() in placed:
                    continue
                for new in given:
                    if old.lower() in glue and new in glue:
                        continue
                    d = edit_distance(old.lower(), new)
                    if d <= min(2, len(new) // 2) and (best is None or d < best[0]):
                        best = (d, old, new)
        starred = self.phrases.star.match(text) if self.phrases.star is not None else None
        if best is None and starred is not None:
            # "I can't walk" then "*can't WAIT, see you Thursday": the star says the words again
            # with one put right, even a word that made the finding (the word before it is the
            # same in both); the message read with it stands, even if it says nothing.
            placed = {w.lower() for f in pool[j] for w in re.findall(r"[A-Za-z]+", f.evidence)}
            was = re.findall(r"[a-z']+", plain_text(before))
            now = re.findall(r"[a-z']+", starred.group("clause"))
            for x, old in enumerate(was[1:], 1):
                if old not in placed or len(old) < 3:
                    continue
                for y, new in enumerate(now[1:], 1):
                    d = edit_distance(old, new)
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

    def _mistyped_named(self, pool: list[list[Finding]], text: str, index: int, offset: int) -> list[Change]:
        """'back sore at night, also can't feel my legs' then 'typo!! CAN feel my legs': a
        mistyped correction that says some of the words again, put right, takes back only the
        findings of the message before whose words it says; the rest of that message stands.
        Empty when it says the words of none, or of all of them (the whole message goes)."""
        if first_match(self.phrases.mistyped, text) is None:
            return []
        cue = self.phrases.mistyped_cue_words
        said = stem_set(text) - cue
        j = next((j for j in range(len(pool) - 1, -1, -1) if any(f.present for f in pool[j])), None)
        if j is None or not said:
            return []
        words = [stem_set(f.evidence.lower()) for f in pool[j]]
        hit = [k for k, f in enumerate(pool[j]) if f.present and not said.isdisjoint(words[k])]
        if not hit or len(hit) == sum(f.present for f in pool[j]):
            return []
        changes = []
        for k in hit:
            f = pool[j][k]
            pool[j][k] = replace(f, status="negated")
            changes.append(Change(f.concept, "negated", offset + j, index))
        return changes

    def _unowned_other(self, text: str, texts: Sequence[str], pool: Sequence[Sequence[Finding]]) -> bool:
        """`reassign_unowned` said, and the nearest earlier message with a present finding did
        not speak of the writer (for `reassign_third`, it spoke of "she", "he" or "it"): that
        message was about whom this one names."""
        unowned = first_match(self.phrases.reassign_unowned, text) is not None
        third = first_match(self.phrases.reassign_third, text) is not None
        if not unowned and not third:
            return False
        j = next((j for j in range(len(pool) - 1, -1, -1) if any(f.present for f in pool[j])), None)
        if j is None:
            return False
        words = word_set(texts[j])
        if not words.isdisjoint(self.phrases.me):
            return False
        return unowned or not words.isdisjoint(self.phrases.them | {"it", "it's", "its"})

    def _takes_back(self, text: str) -> Status | None:
        if first_match(self.phrases.reassign, text):
            return "other"
        if first_match(self.phrases.retract, text):
            return "negated"
        if first_match(self.phrases.resolve, text):
            return "resolved"
        return None

    def _overturn_named(
        self, pool: list[list[Finding]], what: str, index: int, offset: int, status: Status = "other"
    ) -> list[Change]:
        """Earlier present findings whose evidence shares a word with `what`, or whose concept
        `what` names as its subject ("la temperatura" for a fever of "fiebre de 39"), go to
        someone else (or take `status`)."""
        words = {w for w in re.findall(r"[a-z']{3,}", what) if w not in {"the", "and", "that", "this"}}
        stems = {word_stem(w) for w in words}
        named = {
            value
            for m in self.engine.reader.read(what).mentions
            for kind, value in m.tags
            if kind in ("subject", "concept")
        }
        # "the chest pain is his": a finding said with every word named ("chest" and "pain") is
        # the one meant, not "my back is in constant pain" beside it, which shares only "pain";
        # when none has them all, any that shares a word or whose concept is named goes. (One
        # already someone else's is still the one meant: nothing else goes in its place.)
        whole = {
            (j, k)
            for j, findings in enumerate(pool)
            for k, f in enumerate(findings)
            if stems and stems <= stem_set(f.evidence.lower())
        }
        changed = []
        for j, findings in enumerate(pool):
            for k, f in enumerate(findings):
                said = stem_set(f.evidence.lower())
                meant = (j, k) in whole if whole else not stems.isdisjoint(said) or f.concept in named
                if f.present and meant:
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
                        pool[j][k] = replace(f, status=status) if drop else overturned(f, status)
                        changed.append(Change(f.concept, status, offset + j, index))
                return changed
        return []
