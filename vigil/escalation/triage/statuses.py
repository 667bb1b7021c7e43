"""Modifiers and status: whether each finding is present, denied, over, past or someone else's."""

from __future__ import annotations

from .drafts import (
    CANT_WITHOUT_WINDOW,
    CONTEXT_OF,
    HYP_WINDOW,
    MOD_WINDOW,
    NEG_WINDOW,
    OTHER,
    RELATIVE_PRONOUNS,
    USED_TO_WINDOW,
    Draft,
    Near,
    Reading,
    has_happened,
)
from .lexicon import Mention
from .subjects import SubjectPasses
from .text import (
    CLAUSE_PUNCT,
    NUM,
    PUNCT,
    Token,
)

# Mentions whose first word belongs to a finding, not to a new clause ("espalda me arde").
BARE_CLAUSE_KINDS = frozenset({"concept", "quality", "site", "neg"})
# What a "no" may deny: once one is covered, a new clause ends the denial.
FOUND_KINDS = frozenset({"concept", "quality", "site"})


class StatusPasses(SubjectPasses):
    """Modifiers and status: whether each finding is present, denied, over, past or someone else's."""

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
            if tokens[k].norm in self._cancellers and not (
                o >= 0 and (mentions[o].has("concept") or mentions[o].has("idiom"))
            ):
                # ("no puedo respirar bien acostada": a "well" inside the finding's own words
                # is how it goes, not a verdict on lying down)
                return True
        if self._denied_across_when(tokens, mentions, owner, m):
            return True
        return self._cancelled_after(tokens, m) or self._denied_after(tokens, mentions, owner, m)

    def _denied_across_when(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], m: Mention
    ) -> bool:
        """'not when she's resting though', 'not while I'm sitting': a "not" before a "when" and
        its subject denies the time or the state after them, as "not at rest" does."""
        frame = self._cue_frame_words
        k = m.i - 1
        seen_when = False
        while k >= 0 and m.i - k <= 5 and tokens[k].clause == tokens[m.i].clause:
            o = owner[k]
            if o >= 0 and ("neg", "pre") in mentions[o].tags:
                # "not just when I'm resting": not only then, which is no denial
                return seen_when and tokens[k + 1].norm not in self._instead_words
            if tokens[k].norm not in frame and not (o >= 0 and mentions[o].has("marker")):
                return False
            seen_when = seen_when or tokens[k].norm in self._cue_when_words
            k -= 1
        return False

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
        read_at = {x for i, j, _ in r.readings for x in range(i, j)}  # temperatures read
        dated_now: tuple[set[int], set[int]] | None = None  # worked out at the first clear test
        for k in self._if_then_clauses(tokens, yes):
            hyp[k] = 1
        for m in mentions:
            tags = m.tags
            if ("neg", "pre") in tags and m.i not in worst and not self._no_then_instead(tokens, m):
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
                    if tokens[k].clause != own and has_happened(tokens, k):
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
                    # "I used to walk the dog round the block now I have to stop for breath":
                    # "now" tells what is, even without the stop before it.
                    if tokens[k].clause != clause or tokens[k].norm in self._now_words:
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
            if ("res", "long_ago") in tags and not self._negated_cue(tokens, mentions, owner, m):
                # "coughed up a cupful when first diagnosed, nothing like that for two years now":
                # over; but one the message dates today is the first in that long, not over.
                long_over: set[int] = set()
                self._resolve_back(tokens, index, m, contrast, long_over)
                if long_over:
                    today = self._clauses_today(tokens)
                    resolved.update(x for x in long_over if tokens[drafts[x].anchor].clause not in today)
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
                self._history_scope(tokens, m, contrast, used, read_at)
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
                        if any(
                            owner[x] >= 0 and ("neg", "pre") in mentions[owner[x]].tags
                            for x in range(d.end, m.i - 1)
                        ):
                            # "me hice encima sin darme cuenta no sentí nada": the "nada" closes
                            # a "no" of its own verb (Spanish doubles its negatives), which
                            # denies that verb, not the finding before it.
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
            today = self._clauses_today(tokens, mentions)
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
        if m.i < 2 or tokens[m.i - 1].norm != "?":
            return
        # The question runs back from its "?" through its clause, to its opening "¿" where the
        # language writes one ("¿orinar tanto puede ser de las pastillas? lo pregunto por...").
        sentence, clause = tokens[m.i - 2].sentence, tokens[m.i - 2].clause
        k = m.i - 1
        while (
            k > 0
            and tokens[k - 1].sentence == sentence
            and tokens[k - 1].clause == clause
            and tokens[k - 1].norm != "¿"
        ):
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

    def _clauses_today(self, tokens: list[Token], mentions: list[Mention] | None = None) -> set[int]:
        """The clauses that place something today ("sick this morning", "after breakfast"); not
        the all-clear's own ("nothing since lunch" dates the end, not the sickness; "ayer tuve
        diarrea pero hoy amanecí bien": today is when it was over)."""
        over = {k for m in mentions or () if ("res", "post") in m.tags for k in range(m.i, m.j)}
        return {
            t.clause
            for k, t in enumerate(tokens)
            if k not in over
            and (
                t.norm in self._today_words
                or (k and t.norm in self._day_parts_today and tokens[k - 1].norm in self._today_leads)
            )
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
        """'not breathless at rest, only when walking': the "not" denied when, not whether.
        Treatment has no when: "no chemo for me, I'm just on scans" still says no chemo."""
        if d.concept in CONTEXT_OF:
            return False
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

    def _history_scope(
        self,
        tokens: list[Token],
        m: Mention,
        contrast: set[int],
        used: bytearray,
        read_at: frozenset[int] | set[int] = frozenset(),
    ) -> None:
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
            if tokens[k].norm in self._now_words or k in read_at:
                # "fever 38.9 no chemo now finished long ago", "temp 38.5 finished radiotherapy
                # in March": a word of now, or a temperature read, is not the past the time dates
                # (texted without the stop that would end its clause).
                break
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

    def _no_then_instead(self, tokens: list[Token], m: Mention) -> bool:
        """'no just achy muscles', 'nope only a bit stiff': a bare "no" that opens the message,
        then "just" or "only", answers no and says what there is instead, as "no, just ..."
        does with its comma; it denies nothing after it ("no pain, just stiff" still does)."""
        return (
            m.i == 0
            and m.j < len(tokens)
            and " ".join(t.norm for t in tokens[m.i : m.j]) in self._bare_noes
            and tokens[m.j].norm in self._instead_words
        )

    def _neg_scope(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], start: int, neg: bytearray
    ) -> None:
        n = len(tokens)
        if (
            0 < start < n
            and tokens[start - 1].norm in self._bare_noes
            and tokens[start].norm in self._bare_clause_openers
        ):
            return  # "no i cant breathe", "nope he cant move his legs": the "no" stands alone
        if (
            1 < start + 1 < n
            and tokens[start - 1].norm in self._bare_noes
            and tokens[start].norm in self._bare_no_verbs
            and (start == 1 or tokens[start - 2].sentence != tokens[start - 1].sentence)
        ):
            return  # "no keep tripping", "nah kept being sick": the answer, then a clause with no "I"
        sentence = tokens[start].sentence if start < n else -1
        k = start
        # Whether the "no" has already found what it denies: a finding, or a verb of its own
        # ("no doy más", "no puedo más").
        found = False
        # "no fever no cough legs gave way": a "no" that repeats the one of a finding before
        # it marks each thing denied, so a finding then told without one is not denied.
        chained = (
            start >= 2
            and tokens[start - 1].norm not in self._list_words  # ("ni": the list goes on)
            and self._found_at(mentions, owner, start - 2)
        )
        while k < n and k - start < NEG_WINDOW:
            tok = tokens[k]
            if tok.sentence != sentence:
                return
            o = owner[k]
            if o >= 0 and mentions[o].i == k and ("marker", "break") in mentions[o].tags:
                return
            # Texted without a full stop, a new clause still ends what the "no" denies once it
            # has its object: "no fever my legs are weak", "no doy más tengo ganas de matarme",
            # "no me duele la espalda me arde el pecho" (not after "ni", "or": the list goes on).
            if found and self._opens_bare_clause(tokens, mentions, owner, k):
                return
            if found and k > start and self._found_at(mentions, owner, k - 1) and owner[k - 1] != o:
                if o >= 0 and mentions[o].i == k and ("neg", "pre") in mentions[o].tags:
                    return  # "no fever no cough": the next "no" denies what follows it
                if chained and self._found_at(mentions, owner, k) and mentions[owner[k - 1]].has("concept"):
                    return  # "no fever no cough legs gave way" (not "no fever no leg pain")
                if (
                    o < 0
                    and tok.norm in self._definite_articles
                    and k + 1 < n
                    and self._found_at(mentions, owner, k + 1)
                ):
                    return  # "no numbness the back pain wakes me up", "no tengo fiebre la espalda me duele"
            if (
                o < 0
                and tok.norm in self._bare_contrast
                and (found or tokens[start - 1].norm in self._nothings)
            ):
                return  # "no fever no cough just a swollen calf", "nothing just a temp": the rest stands
            if o < 0 and k > start and tok.norm in self._sign_offs:
                return  # "not coping lol might just walk into the sea": laughter closes it as a stop would
            if (
                self._found_at(mentions, owner, k)
                or (k == start and tok.norm in self._first_singular and tok.norm not in self._and_next)
                # "no es nada solo una fiebrita": nothing is what the "no" found
                or (tok.norm in self._nothings and not (o >= 0 and mentions[o].has("concept")))
            ):
                found = True
            # A marker that opens on a comma (", it's 38.2") still ends the clause a "no" covers.
            loose = o < 0 or (mentions[o].i == k and mentions[o].has("marker"))
            if loose and tok.kind == PUNCT and tok.norm in CLAUSE_PUNCT and not self._list_goes_on(tokens, k):
                return
            if o < 0:
                if tok.norm in self._neg_breakers:
                    return
                if tok.norm in self._and and k + 1 < n and self._opens_own_clause(tokens[k + 1].norm):
                    return
            neg[k] = 1
            if tok.norm in self._cancellers and not (o >= 0 and mentions[o].has("concept")):
                # "no estoy bien me duele el pecho", "ya no es normal ahora siento las nalgas
                # dormidas": a "no" that has found its verdict denies it, and what follows
                # the verdict is told, not denied, even without a stop.
                return
            k += 1

    def _told_together(
        self, tokens: list[Token], hits: list[int], spans: dict[int, tuple[int, int]]
    ) -> list[int]:
        """Of the findings before an end said in their own clause, the nearest and those listed
        with it ("the fever and the cough have gone"): texted without a stop, a finding told
        before them ("clots in my wee since this morning the back pain I had last week has gone
        tho") is not what has gone."""
        joiners = (
            self._and | self._list_words | self._articles | self._definite_articles | self._first_possessive
        )
        order = sorted((x for x in hits if x in spans), key=lambda x: spans[x])
        if len(order) < 2:
            return hits
        kept = [x for x in hits if x not in spans] + [order[-1]]
        start = spans[order[-1]][0]
        for x in reversed(order[:-1]):
            a, b = spans[x]
            if b < start and any(t.norm not in joiners and t.norm != "," for t in tokens[b:start]):
                break
            kept.append(x)
            start = min(start, a)
        return kept

    @staticmethod
    def _found_at(mentions: list[Mention], owner: list[int], k: int) -> bool:
        """Whether token k is inside a finding, a part of the body or a symptom's quality."""
        o = owner[k]
        return o >= 0 and not FOUND_KINDS.isdisjoint(kind for kind, _ in mentions[o].tags)

    def _opens_bare_clause(
        self, tokens: list[Token], mentions: list[Mention], owner: list[int], k: int
    ) -> bool:
        """A word that opens a clause of its own with no stop or "and" before it ("no fever my
        legs are weak"): a pronoun or a verb of the first person, not inside a finding's words,
        and not after "ni" or "or", where the list of what is denied goes on."""
        o = owner[k]
        word, before = tokens[k].norm, tokens[k - 1]
        if o >= 0 and (
            mentions[o].i != k
            or (
                BARE_CLAUSE_KINDS & {kind for kind, _ in mentions[o].tags}
                and not self._told_on_own_verb(word)
            )
        ):
            return False
        return (
            (word in self._first_singular or word in self._bare_clause_openers)
            and before.kind != PUNCT
            and before.norm not in self._list_words
            and before.norm not in self._and
            and before.norm not in self._prepositions  # "no numbness in my legs"
        )

    def _told_on_own_verb(self, word: str) -> bool:
        """A finding whose words open on a verb of the first person ("me hago popo sin sentir",
        "me falta el aire"): told as a clause of its own, not one more thing a "no" before denies."""
        return word in self._first_singular

    def _opens_own_clause(self, word: str) -> bool:
        """After "and", a word that opens a clause of its own ("no fever and I'm dragging my
        foot", "no tengo fiebre y arrastro el pie"): a pronoun or a verb of the first person
        says something new, which the "no" before does not deny."""
        return word in self._and_next or word in self._first_singular

    def _list_goes_on(self, tokens: list[Token], k: int) -> bool:
        """'no fever, cough or pain': the comma continues what 'no' covers."""
        sentence = tokens[k].sentence
        for x in range(k + 1, min(len(tokens), k + 8)):
            if tokens[x].sentence != sentence:
                return False
            if tokens[x].norm in self._list_words:
                return True
        return False

    def _resolve_back(
        self, tokens: list[Token], index: Near, m: Mention, contrast: set[int], resolved: set[int]
    ) -> None:
        """'had a fever at the weekend, gone now': the nearest clause before it is over."""
        sentence = tokens[m.i].sentence
        by_clause: dict[int, list[int]] = {}
        spans: dict[int, tuple[int, int]] = {}
        for idx, d in index.around(m.i - 30, m.i, 0):
            anchor = tokens[d.anchor]
            if d.anchor < m.i and anchor.sentence == sentence:
                by_clause.setdefault(anchor.clause, []).append(idx)
                if not d.concept.startswith("_"):  # (treatment named as context: not a finding)
                    spans[idx] = (d.start, d.end)
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
                if clause == own and not alone:
                    hits = self._told_together(tokens, hits, spans)
                resolved.update(hits)
                return
            # "had a fever on Sunday but it's gone now": a cue with nothing of its own
            # looks back past the "but"; otherwise the contrast keeps the two apart.
            if (clause in contrast and clause != own) or (clause == own and not alone):
                return
            clause -= 1
