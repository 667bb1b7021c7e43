"""Who each part of a message is about: the patient, or someone else."""

from __future__ import annotations

from .drafts import (
    ASIDE_REACH,
    HIS_HER,
    OTHER,
    SUBJECT_REACH,
    Reading,
    positions_between,
)
from .lexicon import Mention
from .text import (
    NUM,
    PUNCT,
    WORD,
    Token,
)
from .vocabulary import ReaderWords

# Words after a what-if in which the writer may name themselves as the one it would happen to.
HYP_REACH = 8


class SubjectPasses(ReaderWords):
    """Who each part of a message is about: the patient, or someone else."""

    def _subjects(self, tokens: list[Token], mentions: list[Mention], known_carer: bool = False) -> bytearray:
        """Who each token is about: the patient (0) or someone else (1). `known_carer`: the
        writer is the patient's carer, so "he", "Mum", "my husband" are the patient, unless
        the message says someone is not the patient."""
        n = len(tokens)
        subject = bytearray(n)
        not_patient = any(("marker", "not_patient") in m.tags for m in mentions)
        # A carer who says who they are ("soy la hija de Teresa", "this is Ana, Teresa's
        # daughter") writes about the patient, even when someone else is said not to be the
        # patient: only that someone's part is theirs (`_not_patient_part`), so "mum can't
        # breathe, my uncle who is not your patient is driving us" stays mum's emergency.
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
            # "el que tiene fiebre es mi nieto, mi papá está bien": one named against another
            self._cleft_other(tokens, mentions, {m.i: m for m in mentions}, subject, contrasted=True)
            if not_patient:
                self._not_patient_part(tokens, mentions, subject)
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
                    if tok.norm in self._vocatives and all(
                        t.kind == PUNCT or t.norm in self._vocative_leads for t in tokens[:k]
                    ):
                        # "Doctor coughing blood since morning", "Dear Sister, ...": the
                        # clinician the message is written to, not the one who is ill
                        subject[k] = state
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
                        or ("marker", "name") in m.tags  # "far too hot for Geoff, he was coughing"
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
            elif (
                tok.norm in self._spoken_to
                and k + 1 < len(tokens)
                and tokens[k + 1].clause == tok.clause
                and tokens[k + 1].norm in self._first_past_said
            ):
                state = 0  # "mi hermana dice que le hablé puros disparates": the writer spoke
            elif k and tok.norm in self._helped_objects and tokens[k - 1].norm in self._helping_verbs:
                state = 0  # "my husband had to carry me up the stairs, legs wouldn't hold me": me
            subject[k] = state
        self._cleft_other(tokens, mentions, starts, subject)
        return subject

    def _not_patient_part(self, tokens: list[Token], mentions: list[Mention], subject: bytearray) -> None:
        """A carer's message that says someone is not the patient ("mi tío, que no es paciente de
        ustedes, está tosiendo sangre"): what is said of that someone is theirs, from the person
        named last before the words in the same sentence to its end or the next person named.
        Said in a sentence of its own ("my uncle is coughing up blood. he is not your patient"):
        that sentence and the one of the person named last before it, passing over a parent
        named bare ("mum"), how a carer names the patient; what is said of the patient
        elsewhere stays the patient's."""
        people = [m for m in mentions if ("marker", "person") in m.tags]
        n = len(tokens)
        for marker in (m for m in mentions if ("marker", "not_patient") in m.tags):
            sentence = tokens[marker.i].sentence
            before = [p for p in people if p.i < marker.i]
            if not before:
                continue
            same = [p for p in before if tokens[p.i].sentence == sentence]
            if same:
                start = same[-1].i
            else:
                named = [p for p in before if not (p.j - p.i == 1 and tokens[p.i].norm in self._bare_names)]
                start = (named or before)[-1].i
                x = start  # the person's own sentence, up to the next person named
                while x < n and tokens[x].sentence == tokens[start].sentence:
                    if x > start and any(p.i == x for p in people):
                        break
                    subject[x] = OTHER
                    x += 1
                start = next((x for x in range(marker.i, -1, -1) if tokens[x].sentence != sentence), -1) + 1
            # (up to the next person named: "... tose sangre y mi mamá tiene fiebre" is hers)
            after = [p.i for p in people if p.i >= marker.j]
            stop = min(after, default=n)
            end = marker.j
            while end < stop and tokens[end].sentence == sentence:
                end += 1
            for x in range(start, end):
                subject[x] = OTHER

    def _cleft_other(
        self,
        tokens: list[Token],
        mentions: list[Mention],
        starts: dict[int, Mention],
        subject: bytearray,
        *,
        contrasted: bool = False,
    ) -> None:
        """'la que se desmayó fue mi comadre', 'el que tiene tos es mi esposo': a finding said in a
        clause that opens on "the one who" (`cleft_openers`, `cleft_relatives`) and closes on a
        copula and a person (`cleft_copulas`) is that person's, as "soy yo" after it makes it
        the writer's (`writer_own_last`). `contrasted` (a carer, whose people are the patient):
        only when the message names another person apart from the one the cleft names ("la
        que se cayó fue mi hermana, no mi mamá"), and the cleft's person is not called the
        patient ("es mi esposo, el paciente")."""
        openers = self.lex.lists.get("cleft_openers", frozenset())
        if not openers:
            return
        relatives = self.lex.lists.get("cleft_relatives", frozenset())
        copulas = self.lex.lists.get("cleft_copulas", frozenset())
        leads = self.lex.lists.get("cleft_leads", frozenset())
        unwell = self.lex.lists.get("cleft_unwell", frozenset())
        n = len(tokens)
        for k in range(n - 2):
            tok = tokens[k]
            if tok.norm not in openers:
                continue
            opens = k == 0 or tokens[k - 1].clause != tok.clause or tokens[k - 1].kind == PUNCT
            if not opens and tokens[k - 1].norm not in leads:
                continue
            x = k + 1
            if tok.norm not in relatives:  # "quien" is its own relative; "la" needs its "que"
                if tokens[x].norm not in relatives:
                    continue
                x += 1
            found = False
            clause = tok.clause
            while x < n and tokens[x].clause == clause and tokens[x].kind != PUNCT:
                m = starts.get(x)
                if tokens[x].norm in copulas:
                    y = x + 1
                    if y < n and tokens[y].norm in self._person_owners:
                        y += 1
                    who = starts.get(y) or starts.get(y - 1)
                    if (
                        who is not None
                        and ("marker", "person") in who.tags
                        and (not contrasted or self._named_against(tokens, mentions, k, who))
                    ):
                        # "quien está fatal es mi marido, con tos y fiebre": the cleft names
                        # only that he is unwell (`cleft_unwell`), so what its sentence goes on
                        # to say is his too, until the writer speaks of themselves ("..., yo
                        # tengo fiebre"); not "quien me cuida es mi hija, no puedo caminar".
                        ill = not found and any(t.norm in unwell for t in tokens[k:x])
                        end = self._until_writer(tokens, who.j) if ill else who.j
                        for z in range(k, end):
                            subject[z] = OTHER
                        break
                    if found:
                        break
                if m is not None and m.has("concept"):
                    found = True
                    x = m.j
                    continue
                x += 1

    def _until_writer(self, tokens: list[Token], k: int) -> int:
        """Where the sentence of token k ends, or where the writer first speaks of themselves in it."""
        sentence = tokens[k - 1].sentence
        for x in range(k, len(tokens)):
            if tokens[x].sentence != sentence or tokens[x].norm in self._first_singular:
                return x
        return len(tokens)

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
        return not self._phrase_in(norms, self._writer_apart) and not self._passed_on(tokens)

    def _passed_on(self, tokens: list[Token]) -> bool:
        """'he passed ten years ago', 'since Mum passed': "passed" said of a death, with nothing
        after it or a time ("passed out", "passed a clot" are no death)."""
        died, after = self._passed_words, self._passed_after
        for k, t in enumerate(tokens):
            if t.norm not in died:
                continue
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is None or nxt.sentence != t.sentence or nxt.kind == PUNCT or nxt.norm in after:
                return True
            # "passed ten years ago", "passed a few months back" (not "passed two clots", "passed a
            # clot last week"): only a number's words between it and the time
            x = k + 1
            counts = self._passed_counts
            while x < len(tokens) and x - k <= 4 and (tokens[x].kind == NUM or tokens[x].norm in counts):
                x += 1
            if x > k + 1 and x < len(tokens) and tokens[x].norm in self._passed_times:
                return True
        return False

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
        closers = self.lex.lists.get("writer_own_last_closers", frozenset())
        inside: set[int] = set()
        firsts: set[int] = set()
        listed: set[int] = set()  # where a finding's words begin
        for m in mentions:
            if m.has("concept"):
                inside.update(range(m.i, m.j))  # "I wet myself" names a finding, not its owner
                said = {t.norm for t in tokens[m.i : m.j]}
                if said.isdisjoint(self._subject_verbs) and said.isdisjoint(self._before_verb):
                    listed.add(m.i)  # a finding named bare ("fiebre"), not told with its verb
            if ("marker", "first") in m.tags:
                firsts.add(m.i)
        norms = [t.norm for t in tokens]
        goes_on = self.lex.lists.get("writer_own_continues", frozenset())
        by_clause: dict[tuple[int, int], list[int]] = {}  # the tokens of each clause, once
        for x, t in enumerate(tokens):
            by_clause.setdefault((t.clause, t.sentence), []).append(x)
        n = len(tokens)
        self._writer_own_before(tokens, inside, subject)
        for k in range(n):
            cue = max((len(c) for c in cues if tuple(norms[k : k + len(c)]) == c), default=0)
            cue = max(cue, self._writer_then_verb(norms, k))
            ahead = cue  # a cue that opens the writer's part, not one that closes it
            for c in last:
                end = k + len(c)
                if tuple(norms[k:end]) == c and (
                    end >= n
                    or tokens[end].clause != tokens[k].clause
                    or tokens[end].kind == PUNCT
                    or norms[end] in closers  # "la enferma ahora soy yo jaja, tengo fiebre"
                ):
                    cue = max(cue, len(c))
            if k in inside or not cue:
                continue
            # (the clause the cue ends in: "yo en cambio ando con fiebre", where "en cambio" opens one)
            clause, sentence = tokens[k + cue - 1].clause, tokens[k].sentence
            own = list(by_clause[clause, sentence])
            # "yo he estado viendo que no puede caminar": a "que", "porque" or "y" (the
            # language's `writer_own_stops`) outside the cue ends the writer's part; what
            # follows is the patient's.
            stops = self.lex.lists.get("writer_own_stops", frozenset())
            # (not an "and" that only goes on with the list of what the writer has: "yo ando con
            # tos y fiebre", the fever the writer's too)
            own = [
                x
                for x in own
                if not any(
                    norms[y] in stops and not (norms[y] in self._and and y + 1 in listed)
                    for y in positions_between(x, k, k + cue)
                )
            ]
            # (the writer named as a marker, or as the "I" inside a symptom's words: "I've been
            # poorly myself"; or not named at all, the clause opening on its verb: "been poorly
            # myself")
            # Texted without a stop, the writer's own part begins where they name themselves
            # ("temp 38.2 tonight I've got a sore throat myself": the sore throat alone is theirs;
            # "su fiebre sigue yo también tengo tos": the cough).
            named = [
                x
                for x in own
                if (x < k or (x == k and ahead == cue))
                and (x in firsts or norms[x] in self._first_singular)
                and x not in inside
            ]
            if named:
                # (a cue that only marks a thing as the writer's, "my own", keeps the writer named
                # before it: "I've hurt my own back" is the writer's from "I've")
                marks = " ".join(norms[k : k + cue]) in self.lex.lists.get("writer_own_marks", frozenset())
                before_cue = [x for x in named if x < k] if marks else []
                own = [x for x in own if x >= (before_cue or named)[-1]]
            opens = next((x for x in own if tokens[x].kind != PUNCT), None)
            if (
                any(x in firsts for x in own)
                or any(norms[x] in self._first_singular for x in own)
                or (opens is not None and norms[opens] in goes_on)
            ):
                own += self._own_goes_on(tokens, own[-1] + 1, sentence)
                for x in own:
                    subject[x] = OTHER

    def _named_against(self, tokens: list[Token], mentions: list[Mention], k: int, who: Mention) -> bool:
        """Another person named in the message outside the cleft [k, who.j), and the cleft's
        person not called the patient right after ("mi esposo, el paciente")."""
        patient = self.lex.lists.get("patient_words", frozenset())
        after = {t.norm for t in tokens[who.j : who.j + 3]}
        if not after.isdisjoint(patient):
            return False
        return any(
            ("marker", "person") in m.tags and (m.j <= k or m.i >= who.j) for m in mentions if m is not who
        )

    def _writer_then_verb(self, norms: list[str], k: int) -> int:
        """The length of "yo" said before a verb of the writer's own state, with at most three
        words between ("yo sí ando con dolor", "yo también tengo tos", "yo ya me siento mal"):
        Spanish says who in the verb, so a "yo" said out loud sets the writer apart from whom
        a carer writes about. 0 when there is none at k."""
        pronouns = self.lex.lists.get("writer_pronouns", frozenset())
        if norms[k] not in pronouns:
            return 0
        fillers = self.lex.lists.get("writer_fillers", frozenset())
        verbs = self.lex.lists.get("writer_own_verbs", frozenset())
        x = k + 1
        while x < len(norms) and x - k <= 4:
            if norms[x] in verbs:
                return x - k + 1
            if norms[x] not in fillers:
                return 0
            x += 1
        return 0

    def _writer_own_before(self, tokens: list[Token], inside: set[int], subject: bytearray) -> None:
        """'...un dolor de espalda que me mata, pero eso es mío': words that give what was just
        said to the writer (`writer_own_back`) make the clause before them the writer's."""
        lists = self.lex.lists
        back = [tuple(c.split()) for c in lists.get("writer_own_back", frozenset())]
        # (cues that give it back only when the writer told it of themselves: "I've got a cough,
        # should I stay away from her?")
        first = [tuple(c.split()) for c in lists.get("writer_own_back_first", frozenset())]
        if not back and not first:
            return
        norms = [t.norm for t in tokens]
        for k in range(1, len(tokens)):
            if k in inside:
                continue
            said_first = any(tuple(norms[k : k + len(c)]) == c for c in first)
            if not said_first and not any(tuple(norms[k : k + len(c)]) == c for c in back):
                continue
            clause, sentence = tokens[k].clause, tokens[k].sentence
            before = [x for x in range(k) if tokens[x].sentence == sentence and tokens[x].clause < clause]
            if not before:
                continue
            last = tokens[before[-1]].clause
            told = [x for x in before if tokens[x].clause == last]
            if said_first and not any(norms[x] in self._first_singular for x in told):
                continue
            for x in told:
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
            if (
                tokens[k].norm in self._blow_verbs
                and k + 2 < len(tokens)
                and tokens[k + 1].norm in ("a", "an", "one")
                and tokens[k + 2].norm not in self._not_blows
            ):
                return True  # "grandson took a ball in the face, nose pouring": his nose
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
            # Not when the writer wonders whether it may happen to them ("my mate's legs went
            # numb after his chemo, should I worry if that happens to me"): the writer is.
            if (
                tokens[k].norm in theirs
                and tokens[k - 1].norm in possessives
                and not self._writer_what_if(tokens, mentions)
            ):
                return True
        opening = self.lex.lists.get("carer_opening_words", frozenset())
        if (
            len(tokens) > 2
            and tokens[0].norm in relations
            and tokens[1].norm in opening
            and tokens[2].kind != PUNCT
            and tokens[2].norm not in self._prepositions | self._place_prepositions | self._accompany
            and tokens[2].norm not in self.lex.lists.get("carer_opening_not_next", frozenset())
        ):
            # "wife here Dave's wet himself", "hija aquí mi mamá no puede caminar": a message that
            # opens on who writes says so without the stop after it (not "husband here with me").
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

    def _writer_what_if(self, tokens: list[Token], mentions: list[Mention]) -> bool:
        """A what-if ("should I worry if", "what if") about the writer: the writer names
        themselves as whom it would happen to, in the words after it, in its sentence ("...if
        that happens to me"); not a carer's "what do I do if I can't get through to you"."""
        mine = self.lex.lists.get("what_if_writer", frozenset())
        for m in mentions:
            if ("hyp", "pre") not in m.tags:
                continue
            sentence = tokens[m.i].sentence
            after = (t.norm for t in tokens[m.j : m.j + HYP_REACH] if t.sentence == sentence)
            if not mine.isdisjoint(after):
                return True
        return False

    def _latest_reading_wins(self, r: Reading, resolved: set[int], subject: bytearray) -> None:
        """'38.2 on Sunday, 36.8 today': an earlier fever is over when the last reading is normal."""
        mine = [x for x in r.readings if subject[x[0]] != OTHER]
        # "sorry 39.2 not 37.2": a reading said with "not" before it is the one taken back.
        taken_back = self._reading_taken_back
        mine = [x for x in mine if not x[0] or r.tokens[x[0] - 1].norm not in taken_back]
        if len(mine) < 1 or mine[-1][2] >= 37.5:
            return
        if any(t.norm in self._antipyretics for t in r.tokens):
            return  # "38.2, took paracetamol, now 37.4": the fever is masked, not over
        last_i = mine[-1][0]
        for idx, d in enumerate(r.drafts):
            if d.concept == "fever" and d.end <= last_i:
                resolved.add(idx)

    def _people_named(self, text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """People named by a name the lexicon does not know, where the words around say it is
        someone: after a word that makes a child of it (`child_name_leads`: "little Alfie's got
        chickenpox", "baby Noah has a temperature"), as the subject (the owner of what follows,
        or before a verb of having); the clinic's patients are adults, so someone else. Not "a
        little bit's come up" (an article before). And a capitalised name after a word of doing
        something for or with someone (`name_object_leads`: "far too hot for Geoff, he was
        coughing", "went to see Mary, she's got a fever"): then "he" and "she" are them."""
        leads, objects = self._child_leads, self._name_objects
        if not leads and not objects:
            return mentions
        held = {k for m in mentions for k in range(m.i, m.j)}
        known = self.lex.vocabulary
        extra: list[Mention] = []
        placed: set[int] = set()  # where a name placed by `name_places` starts
        for k, name in enumerate(tokens[:-2]):
            # "Sue from my group has been coughing", "Jean next door is poorly": a capitalised
            # name placed by where the writer knows them from is someone else.
            if k in held or name.kind != WORD or len(name.norm) < 3 or name.norm in known:
                continue
            if (
                tokens[k + 1].norm not in self._name_places
                or tokens[k + 2].norm not in self._name_places_next
            ):
                continue
            said = text[name.start : name.end]
            if said[0].isupper() and said[1:].islower() and said.isalpha():
                extra.append(Mention(k, k + 1, (("marker", "person"),)))
                placed.add(k)
        for k in range(len(tokens) - 1):
            name = tokens[k + 1]
            lead = tokens[k].norm
            if (lead not in leads and lead not in objects) or k in held or k + 1 in held or name.kind != WORD:
                continue
            if k + 1 in placed:
                continue
            if len(name.norm) < 3 or not name.norm.isalpha() or name.norm in known or name.norm in self._and:
                continue
            if lead in leads:
                if k and tokens[k - 1].norm in self._articles:
                    continue
                after = tokens[k + 2].norm if k + 2 < len(tokens) else ""
                if name.possessive or after in self._subject_verbs:
                    extra.append(Mention(k, k + 2, (("marker", "person"),)))
                continue
            if k and tokens[k - 1].norm in self._name_carers:
                continue  # "carer for Maureen", "texting for Bill": the patient
            said = text[name.start : name.end]
            if len(said) > 1 and said[0].isupper() and said[1:].islower():
                extra.append(Mention(k + 1, k + 2, (("marker", "person"), ("marker", "name"))))
        if not extra:
            return mentions
        spans = {k for m in extra for k in range(m.i, m.j)}
        return sorted([m for m in mentions if spans.isdisjoint(range(m.i, m.j))] + extra, key=lambda m: m.i)
