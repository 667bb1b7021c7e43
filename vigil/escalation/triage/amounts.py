"""Counts, scores and readings across messages: "and again", "another 3", a reading put
right, a score that rose."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from .model import Assessment, Finding
from .pass_base import PoolPasses
from .pool import (
    COUNT_SPAN,
    RAISING,
    Change,
    fever_without_reading,
    first_match,
    word_set,
)

# What ends a clause: a finding's "yesterday" is said in its own clause, not across these.
_CLAUSE_BREAK = re.compile(r"[.!?;,:\n()]|\b(but|and|though|although|whereas|while|except|pero|y|aunque)\b")
# "yesterday, sick 3 times": the day said alone, then a comma before the finding's clause
_DAY_ALONE = re.compile(r"( (morning|afternoon|evening|night))?\s*,")


class AmountPasses(PoolPasses):
    """Counts, scores and readings across messages."""

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
            hit = first_match(self.phrases.trip, text)
            again = first_match(self.phrases.trip_again, text)
            said_at = hit or again
            said = text[: said_at.start()] if said_at is not None else ""
            clause = word_set(re.split(r"[,.;:!?]", said)[-1])
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

    def _normal_reading_measures_fever(
        self, pool: list[list[Finding]], originals: Sequence[str], offset: int
    ) -> list[Change]:
        """ "Burning up" then "my temp's 36.8": the reading given later says how high the fever
        named before is (TRIAGE.md: below 37.5 °C is a normal temperature, no finding). A fever
        named without a number before the writer's normal reading is taken back; a fever with
        its own reading, or chills, stays, and so does one when something was taken for it."""
        changed: list[Change] = []
        valueless = [j for j, fs in enumerate(pool) if any(fever_without_reading(f) for f in fs)]
        if not valueless:
            return changed
        for k in range(valueless[0] + 1, len(pool)):
            if not self.engine.reader.normal_reading(originals[k]):
                continue
            for j in range(k):
                for x, f in enumerate(pool[j]):
                    if fever_without_reading(f):
                        pool[j][x] = replace(f, status="negated")
                        changed.append(Change(f.concept, "negated", offset + j, offset + k))
        return changed

    def _reading_stands(self, mine: list[Finding], text: str) -> list[Finding]:
        """A corrected reading that a leading "no" made negated, with no other denial before it."""
        lead = first_match(self.phrases.leading_no, text)
        if lead is None:
            return mine
        return [
            replace(f, status="present")
            if f.concept == "fever"
            and f.value_c is not None
            and f.status == "negated"
            and first_match(self.phrases.leading_no, text[lead.end() : f.start]) is None
            and not self.phrases.denial.search(text[lead.end() : f.start])
            else f
            for f in mine
        ]

    def _fixes_reading(self, text: str, pool: Sequence[Sequence[Finding]]) -> bool:
        """A correction that gives a temperature, after an earlier reading."""
        if first_match(self.phrases.reading_fix, text) is None:
            return False
        return any(f.concept == "fever" and f.value_c is not None and f.present for fs in pool for f in fs)

    def _fixes_score(self, pool: list[list[Finding]], text: str, times: Sequence[datetime], i: int) -> bool:
        """A correction that gives a 0-10 score replaces the latest score of the last day (the
        one it names as wrong, if it names one): 7 or more makes it severe, as said at once;
        a score lowered from 7 or more is no longer severe by its score."""
        m = first_match(self.phrases.score_fix, text)
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
        m = first_match(self.phrases.again, text)
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
        tally = first_match(self.phrases.tally, text[start:])
        if tally is None:
            return False
        return first_match(self.phrases.count_total, text[start + tally.start() :]) is not None

    def _count_more(self, mine: list[Finding], text: str) -> list[Finding]:
        """Counted findings said without a count, in a message that gives one more time or a
        number more ("another 3", "twice more"): that number, when only one such finding."""
        m = first_match(self.phrases.again, text)
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
        tally = first_match(self.phrases.tally, text)
        if counts and not self._total_after(text, 0):
            # "twice again" counts the twice; "twice again, that's 6 today" says the day's total
            tally = None
        if tally is not None:
            raw = tally.group("n")
            n = int(raw) if raw.isdigit() else self.phrases.numbers.get(raw, 0)
            counts = [(tally.start("n"), tally.end("n"), n)] if n else []
        if counts:
            # "sick 3 times yesterday" then "today it's been 6 already"; what the message says
            # of it goes with the count ("even water won't stay down, tried three times")
            found = self._counted_again(pool, original, counts[-1], index)
            if found is not None:
                targets = self.engine.lexicon.modifier_targets
                mods = {
                    m
                    for m in self.engine.reader.free_modifiers(original)
                    if found.concept in targets.get(m, ())
                }
                if mods:
                    found = replace(found, modifiers=tuple(sorted({*found.modifiers, *mods})))
            return found, []
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
        """Whether a correction that names no finding says how much or how bad (`RAISING`) of
        the latest finding such words qualify, which then takes them: a correction can only
        make it more, never take it back."""
        mods = self.engine.reader.free_modifiers(original) & RAISING
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

    def _counted_days(
        self, pool: list[list[Finding]], times: Sequence[datetime], texts: Sequence[str]
    ) -> list[list[int]]:
        """The day each finding's count is of, when a count is dated to the day before its
        message's own ("sick 3 times yesterday"): the message's date, less one for a finding
        whose clause says so (`_dated_day_before`); none at all when no finding is, so that
        counts go on adding over the last 24 hours. A "yesterday" said of something else in
        the message ("another 4 times since. I was fine yesterday") dates nothing."""
        if len(texts) != len(times) or len(pool) != len(times) or not self.phrases.counted_day_before:
            return []
        before = [[self._dated_day_before(f, texts[j]) for f in findings] for j, findings in enumerate(pool)]
        if not any(any(b) for b in before):
            return []
        return [
            [t.date().toordinal() - (1 if b else 0) for b in bs] for t, bs in zip(times, before, strict=True)
        ]

    def _dated_day_before(self, f: Finding, text: str) -> bool:
        """Whether "yesterday" is said of this finding: in its clause ("sick 3 times yesterday",
        "yesterday i was sick 3 times"), or in a clause of its own just before it ("yesterday,
        sick 3 times"); not across a sentence, a comma or a "but"/"and" ("5 more since,
        yesterday i was ok")."""
        if not f.present or f.end <= f.start:
            return False
        for pattern in self.phrases.counted_day_before:
            for m in pattern.finditer(text):
                if m.start() >= f.end:
                    between = text[f.end : m.start()]
                    if not _CLAUSE_BREAK.search(between):
                        return True
                elif m.end() <= f.start:
                    between = text[m.end() : f.start]
                    if not _CLAUSE_BREAK.search(between):
                        return True
                    # "yesterday, sick 3 times": a clause that is only the day, opening the
                    # message or its sentence
                    alone = _DAY_ALONE.match(between)
                    opens = not text[: m.start()].strip() or text[: m.start()].rstrip()[-1] in ".!?;\n"
                    if alone and opens and not _CLAUSE_BREAK.search(between[alone.end() :]):
                        return True
                else:
                    return True
        return False

    def _add_counts(
        self,
        pool: list[list[Finding]],
        alone: Sequence[Assessment],
        times: Sequence[datetime],
        totals: set[int] | frozenset[int] = frozenset(),
        texts: Sequence[str] = (),
    ) -> None:
        """Counts of the last 24 hours add up on the latest mention (an answer to a check-in
        question about the day is a total, not one more). A count dated to the day before its
        message's own ("sick 3 times yesterday") counts that day: it adds only to counts of
        the same day as the latest mention (docs/triage.md: counts of the same day add up)."""
        if len(pool) < 2:
            return
        end = times[-1]
        day = self._counted_days(pool, times, texts)
        for concept in self.phrases.counted:
            told = [
                (j, [(k, f) for k, f in enumerate(findings) if f.concept == concept and f.present])
                for j, findings in enumerate(pool)
                if end - times[j] <= COUNT_SPAN
            ]
            told = [(j, mentions) for j, mentions in told if mentions]
            if day and told:
                last_j, last_mentions = told[-1]
                anchor = day[last_j][last_mentions[-1][0]]
                told = [(j, [(k, f) for k, f in mentions if day[j][k] == anchor]) for j, mentions in told]
                told = [(j, mentions) for j, mentions in told if mentions]
            total = 0
            where: tuple[int, int] | None = None
            messages = 0
            for j, mentions in told:
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
