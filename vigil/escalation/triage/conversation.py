"""A patient's recent messages read together (TRIAGE.md, "Conversations").

Each message is read alone first, with the question it answered; then the findings are
pooled: a later message can take back, resolve or reassign an earlier finding, counts of the
last day add up, and the rules fire on the pool. Still pure: the caller passes the messages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from .amounts import AmountPasses
from .corrections import CorrectionPasses
from .engine import WRITER, TriageEngine
from .model import Assessment, Finding, Level, Status
from .phrases import phrases
from .pool import (
    BARE_SCORE,
    DEFAULT_WINDOW,
    OVERRIDING,
    Change,
    Message,
    Reading,
    fever_words_take_readings,
    first_match,
    last_status,
    last_was_someone_else,
    overturned,
    plain_text,
    word_set,
)
from .rules import evaluate
from .sites import SitePasses

__all__ = ["DEFAULT_WINDOW", "Change", "ConversationReader", "Message", "Reading"]


class ConversationReader(CorrectionPasses, SitePasses, AmountPasses):
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
        texts = [plain_text(m.text, self.phrases.fold_accents) for m in messages[first:]]
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
            first_match(claim, plain_text(m.text, self.phrases.fold_accents)) is not None for m in messages
        )

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
            words = word_set(text)
            mine_said = not words.isdisjoint(self.phrases.me)
            told_here = first_match(self.phrases.fiction, text) is not None
            story = told_here or (story and not mine_said)
            in_story = present and story and not mine_said
            if in_story and (
                not (words - self._site_pronouns(originals[i])).isdisjoint(people)
                or self._named_subject(originals[i], present)
            ):
                # "Watching Call the Midwife" then "the poor woman is bleeding and they can't
                # stop it": hers, not the patient's.
                mine = [replace(f, status="other") if f.present else f for f in mine]
                present = []
            sight = self.phrases.screen_sight
            if (
                in_story
                and told_here
                and sight is not None
                and any(sight.match(f.evidence.lower()) for f in present)
            ):
                # "Watching Call the Midwife, so much blood and screaming": blood with no body
                # or person named, in the message that names the story, is what the screen showed.
                mine = [
                    replace(f, status="other") if f.present and sight.match(f.evidence.lower()) else f
                    for f in mine
                ]
                present = [f for f in mine if f.present]
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
                and last_was_someone_else(pool)
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
                who = writers[i] if i < len(writers) else None
                before_named = self._theirs_with_before(originals[i - 1], originals[i], who)
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
            if present and cont is not None and last_was_someone_else(pool):
                # "mi suegra tiene tos" (someone else) then "y diarrea": hers too, unless the
                # writer's own words say it in its sentence ("y yo tengo diarrea").
                mine = [replace(f, status="other") if self._goes_on(f, text, cont) else f for f in mine]
                present = [f for f in mine if f.present]
            went = last_status(pool) if first_match(self.phrases.same_as_before, text) else None
            if present and went is not None:
                # "la tos ya se me quitó" then "y la fiebre tb": the fever is gone too.
                mine = [replace(f, status=went) if f.present else f for f in mine]
                present = []
            claimed_back = False
            said = first_match(self.phrases.me_after_all, text) if mine else None
            if said is not None and (mine_now := self._mine_after_all(pool, text, index, offset)):
                # "my sister is coughing blood" then "sorry, the one with the blood is me": hers
                # is the writer's, and the words that say so point back at it, not say it again.
                changes += mine_now
                mine = [f for f in mine if not said.start() <= f.start < said.end()]
                present = [f for f in mine if f.present]
                claimed_back = True
            pointed = first_match(self.phrases.reassign_named, text) if present else None
            if pointed is not None and all(pointed.start() <= f.start < pointed.end() for f in present):
                # "lo de la espalda era de mi esposo": "lo de la espalda" points at what was said
                # before, it does not say it again; the named reassignment below moves it.
                mine = [f for f in mine if not f.present]
                present = []
            if (
                present
                and not claimed_back
                and (self._takes_back(text) == "other" or self._unowned_other(text, texts, pool))
            ):
                # "sorry, that was about my husband, he's been poorly too": what was said before
                # is his, and what this message tells of "him" is his as well.
                theirs_too = [f.present and self._told_of_them(text, f) for f in mine]
                mine = [replace(f, status="other") if t else f for f, t in zip(mine, theirs_too, strict=True)]
                present = [f for f in mine if f.present]
            if not present and not claimed_back:
                named = first_match(self.phrases.reassign_named, text)
                taken = self._takes_back(text)
                if taken is None and self._unowned_other(text, texts, pool):
                    taken = "other"
                if taken is None and first_match(self.phrases.writer_well, text) is not None:
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
                elif first_match(self.phrases.reading_fix, text) and self._reading_stands(mine, text) != mine:
                    # "36.9" then "wait no 38.6": the "no" takes back the normal reading
                    # before, and the fever it gives stands.
                    mine = self._reading_stands(mine, text)
                    present = [f for f in mine if f.present]
                elif self._fixes_score(pool, text, times, i):
                    pass  # "3/10" then "sorry meant 9 not 3, fat fingers": the 9 stands
                elif not mine and first_match(self.phrases.reverse, text) is not None:
                    # "no" to "¿Ha pensado en hacerse daño?", then "la verdad sí lo he pensado":
                    # the later yes takes the place of the earlier no.
                    changes += self._answer_reversed(pool, index, offset)
                elif first_match(self.phrases.history, text) is not None:
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
                    # "lo de la cara es de mi hija; lo del aire sí es mío, nunca me había
                    # pasado": what the words after it say of the writer ("mío", "me")
                    # qualifies what stays theirs (not "y es muy fuerte", still of the other).
                    rest = text[named.end() :]
                    if not word_set(rest).isdisjoint(self.phrases.mine):
                        self._qualify_last(pool, rest, times, i)
                elif taken == "negated" and self._made_more(pool, originals[i], times, i):
                    # "coughed up a teaspoon" then "sorry, autocorrect, a TABLESPOON!!": the
                    # correction says it was more, so the finding stands, with the more.
                    pass
                elif taken == "negated" and (put_right := self._mistyped_named(pool, text, index, offset)):
                    # "back sore, can't feel my legs" then "typo, CAN feel my legs": only the legs go
                    changes += put_right
                elif taken is not None and not (taken == "negated" and self._fine_said_before(pool, text)):
                    # (not "legs ok, ignore that bit": what the correction says is fine goes,
                    # below, and the rest stays; a "yes" about the legs names no site, so "I
                    # misread that, legs are fine" still takes the yes back)
                    changes += self._overturn_last(pool, taken, index, offset)
                else:
                    extra = self._again(pool, text, originals[i], times, i, index)
                    scores: list[tuple[int, int, int]] = []
                    same = first_match(self.phrases.same_as_before, text) or first_match(
                        self.phrases.spread, text
                    )
                    if extra is None and same is not None:
                        # "la cara tmb", "now it's up to my knees, both legs": the same, there
                        extra = self._same_at_site(pool, originals[i], index)
                    if extra is None:
                        extra, scores = self._said_alone(pool, text, originals[i], index)
                        if extra is not None and first_match(self.phrases.count_total, text) is not None:
                            totals.add(i)  # "today it's been 6 already": the day so far
                    asks = scales[i] if i < len(scales) else None
                    bare = BARE_SCORE.fullmatch(text) if asks is not None else None
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
            correcting = first_match(self.phrases.correction, text) is not None
            correcting = correcting and not self.phrases.also.search(text) and not claimed_back
            if correcting:
                # "no wait, legs are fine, it's just the back": only what was said of the legs goes.
                for site in self._fine_sites(text):
                    changes += self._overturn_named(pool, site, index, offset, "negated")
                if first_match(self.phrases.blood_source, text) and not any(
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
                    mistyped = taken == "negated" and first_match(self.phrases.mistyped, text) is not None
                    said_again = {f.concept for f in present}
                    keep = said_again
                    if mistyped:
                        # ("crushing chest pain, left arm numb" then "autocorrect sorry, left arm
                        # is numb": a word put right, not the message taken back; only what is
                        # said again takes the place of what was said before.)
                        said_before = {f.concept for fs in pool for f in fs if f.present}
                        keep = said_before - said_again if said_again else set()
                    changes += self._overturn_last(pool, taken, index, offset, keep=keep)
            # "legs weak" then "not weak, just achy": the weakness denied is the legs'
            mine = self._denied_where_said(pool, mine, originals[i])
            own = {f.concept for f in present}
            overturn: dict[str, Status] = {}
            moved = first_match(self.phrases.other_place, text) is not None
            covering: set[str] = set()  # concepts said without a site: "no pain" covers its kinds
            for f in mine:
                if (
                    f.concept in own
                    or (f.from_question and qualities[i])
                    or (moved and f.status == "negated")
                ):
                    continue
                if f.status in OVERRIDING or (f.status == "other" and correcting):
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
                            earlier[k] = overturned(f, status)
                            changes.append(Change(f.concept, status, offset + j, index))
            pool.append(mine)
        if self.engine.lexicon.fever_word_takes_reading or self.phrases.reading_measures_fever:
            fever_words_take_readings(pool)
        changes += self._normal_reading_measures_fever(pool, originals, offset)
        self._pronouns_take_sites(pool, texts, originals)
        self._both_sides(pool, texts, offset)
        self._the_other_one_too(pool, alone, texts, originals, offset)
        self._bare_site_takes_quality(pool, originals, offset)
        self._site_after_pain(pool, originals)
        self._loose_site_in_the_sentence(pool, originals)
        self._in_what_came_before(pool, texts)
        self._blood_told_by_colour(pool, alone, originals, times, offset)
        self._back_is_the_same(pool, texts, originals)
        self._asked_of_the_one_before(pool)
        self._trips_that_keep_happening(pool, texts, originals, times, offset)
        self._add_counts(pool, alone, times, totals, texts)
        return [f for findings in pool for f in findings], changes
