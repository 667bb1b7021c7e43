"""Numbers in a message: temperatures, scores, counts and times of day, each given to its finding."""

from __future__ import annotations

from .drafts import (
    MOD_WINDOW,
    SCORE_LEAD_PUNCT,
    SITE_SCORE_GAP,
    Draft,
    Near,
    Number,
    Reading,
)
from .lexicon import Mention
from .text import (
    NUM,
    PUNCT,
    WORD,
    Token,
)
from .vocabulary import ReaderWords


class NumberPasses(ReaderWords):
    """Numbers in a message: temperatures, scores, counts and times of day, each given to its finding."""

    # -- numbers ----------------------------------------------------------------------

    def _numbers(self, r: Reading, owner: list[int]) -> None:
        tokens, mentions = r.tokens, r.mentions
        n = len(tokens)
        counted = self._counted_tags
        for k, tok in enumerate(tokens):
            o = owner[k]
            if tok.kind == NUM and tok.value is not None and (o < 0 or mentions[o].has("concept")):
                r.numbers.append(Number(k, k + 1, tok.value, "." in tok.norm or "," in tok.norm))
            elif o >= 0 and mentions[o].i == k and mentions[o].has("num"):
                m = mentions[o]
                r.numbers.append(
                    Number(m.i, m.j, float(m.values("num")[0]), False, ("unit", "count") in m.tags)
                )
            elif (
                o >= 0
                and mentions[o].i == k
                and mentions[o].j - k > 1
                and not counted.isdisjoint(mentions[o].tags)
            ):
                r.numbers += self._inner_counts(tokens, mentions[o])
        r.numbers.sort(key=lambda x: x.i)
        r.numbers = self._merge_number_words(tokens, r.numbers)
        index = Near(r.drafts)
        for num in r.numbers:
            if num.count_word:
                self._attach_count(r, index, num.i, num.j, int(num.value))
                continue
            temp = self._temperature(tokens, num, n)
            if temp is not None:
                j, celsius = temp
                r.readings.append((num.i, j, celsius))
                continue
            score_end = self._score_end(tokens, num, n) or self._rated_pain_is(r, num)
            if score_end:
                # "11/10", "15 out of 10": past the top of the scale is its top.
                self._attach_score(r, index, num.i, score_end, min(10, int(num.value)))
                continue
            whole = num.value == int(num.value)
            if num.j < n and tokens[num.j].norm in self._count_units and whole:
                self._attach_count(r, index, num.i, num.j + 1, int(num.value))
            elif (
                whole
                and num.j + 1 < n
                and tokens[num.j].norm in self._added_words
                and (
                    tokens[num.j + 1].norm in self._count_units
                    or tokens[num.j + 1].norm in self._day_parts
                    or tokens[num.j + 1].norm in self._day_part_leads
                )
            ):
                # "sick twice this morning and four more times since lunch": six in all;
                # "four more this afternoon": the part of the day says what is counted
                self._attach_count(r, index, num.i, num.j + 2, int(num.value), more=True)
            elif (
                whole
                and num.j < n
                and tokens[num.j].norm in self._added_words
                and (num.j + 1 >= n or tokens[num.j + 1].kind == PUNCT or tokens[num.j + 1].norm in self._and)
                and any(
                    d.concept in self._count_targets
                    and d.count is not None
                    and tokens[d.anchor].sentence == tokens[num.i].sentence
                    for d in r.drafts
                )
            ):
                # "4 veces en la mañana y en la tarde 3 más": more of the count already said
                # (the symptom may be named after: "..., todo aguado")
                self._attach_count(r, index, num.i, num.j + 1, int(num.value), more=True)
            elif (
                whole
                and num.i > 0
                and tokens[num.i - 1].norm in self._and
                and num.j + 1 < n
                and tokens[num.j].norm in self._day_part_leads
                and any(t.norm in self._day_parts for t in tokens[num.j + 1 : num.j + 3])
                and any(d.count is not None for d in r.drafts)
            ):
                # "the runs 4 times this morning and 3 this afternoon", "and 2 in the night": the
                # unit said once serves the second part of the day too, so the counts add up
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif (
                whole
                and num.i > 0
                and tokens[num.i - 1].norm in self._and
                and num.j < n
                and tokens[num.j].norm in self._count_today
                and any(
                    d.count is not None
                    and d.end < num.i
                    and self._dated_earlier(tokens, d.end, num.i)
                    and all(self._day_or_stop(t) for t in tokens[d.end : num.i - 1])
                    for d in r.drafts
                )
            ):
                # "diarrhoea 4 times yesterday and 7 today": the unit said once serves today's count
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif (
                whole
                and num.i > 0
                and tokens[num.i - 1].norm in self._count_added_before
                and (num.j >= n or tokens[num.j].norm not in self._not_counts)
            ):
                # "sick 3 times this morning and another 4 since lunch": seven in all
                self._attach_count(r, index, num.i - 1, num.j, int(num.value), more=True)
            elif (
                whole
                and num.i > 0
                and tokens[num.i - 1].norm in self._count_leads
                and self._bare_tally(tokens, num)
            ):
                # "diarrea cada rato, van 8 hoy": the count so far, said without a unit
                self._attach_count(r, index, num.i - 1, num.j, int(num.value))
            elif whole and self._part_of_day_tally(r, num):
                # "the runs 2 this morning, 3 this afternoon, 2 tonight": a bare number told
                # for a part of the day, straight after the symptom or a comma, is a count
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif whole and self._at_least_alone(r, num):
                # "I vomit many many time today, more than ten": a bare "more than" number after
                # a counted symptom is how many times.
                self._attach_count(r, index, num.i - 2, num.j, int(num.value))
            elif (
                whole
                and num.j < n
                and (tokens[num.j].norm in self._day_part_leads or tokens[num.j].norm in self._day_parts)
                and self._counted_before(r, num.i)
            ):
                # "4 times this morning and 3 this afternoon": the part of the day says it is
                # another count of the symptom already counted
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif whole and self._count_before(r, num):  # "4 loose stools"
                self._attach_count(r, index, num.i, num.j, int(num.value))
            elif num.i > 0 and tokens[num.i - 1].norm == "x" and whole:  # "loose stools x7"
                self._attach_count(r, index, num.i - 1, num.j, int(num.value))
            elif num.j < n and tokens[num.j].norm in self._volume_units and num.value >= 5:
                # more than a teaspoon (5 ml) of blood is a large amount
                d = self._nearest(
                    r, index, num.i, num.j + 1, frozenset({"hemoptysis", "bleeding"}), MOD_WINDOW
                )
                if d is not None:
                    d.mods.add("large_amount")
        self._runs(r)
        self._clock_times(r)
        if r.readings and self.lex.fever_word_takes_reading:
            self._fever_word_is_its_reading(r)
        elif r.readings and self.lex.lists.get("fever_reading_links"):
            self._fever_word_names_next_reading(r, self.lex.lists["fever_reading_links"])
        for i, j, celsius in r.readings:
            if celsius >= 37.5:
                d = Draft("fever", i, j, i)
                d.value_c = celsius
                if celsius < 38.0:
                    d.mods.add("low_grade")
                r.drafts.append(d)

    def _fever_word_is_its_reading(self, r: Reading) -> None:
        """'tengo fiebre de 37.8', '38.5 de fiebre': the word names the reading beside it, which
        says how high (37.8 is low-grade, 37.2 no fever at all), not a fever of its own."""
        tokens = r.tokens

        def beside(d: Draft, i: int, j: int) -> bool:
            lo, hi = (d.end, i) if d.end <= i else (j, d.start)
            return 0 <= hi - lo <= 2 and not any(tokens[k].norm in self._and for k in range(lo, hi))

        near = [(i, j) for i, j, _ in r.readings]
        r.drafts = [
            d
            for d in r.drafts
            if d.concept != "fever" or d.value_c is not None or not any(beside(d, i, j) for i, j in near)
        ]

    @staticmethod
    def _fever_word_names_next_reading(r: Reading, links: frozenset[str]) -> None:
        """'a slight temp of 37.7', 'temperature 37.6': the fever word is the reading that
        follows it at once (joined only by `links`), which says how high it is, so 37.7 stays
        low-grade rather than "a temperature" without a number. Punctuation or any other word
        between keeps both ("if I had a fever - it's 38.2")."""
        tokens = r.tokens
        starts = {i for i, _, _ in r.readings}

        def names(d: Draft) -> bool:
            for i in range(d.end, min(d.end + 3, len(tokens) + 1)):
                if i in starts:
                    return True
                if i >= len(tokens) or tokens[i].norm not in links:
                    return False
            return False

        r.drafts = [d for d in r.drafts if d.concept != "fever" or d.value_c is not None or not names(d)]

    def _runs(self, r: Reading) -> None:
        """'🤮🤮🤮🤮🤮🤮🤮 today': the same counted symptom written again and again, back to back,
        counts each time it is written."""
        run: list[Draft] = []
        for d in sorted((d for d in r.drafts if d.concept in self._count_targets), key=lambda d: d.start):
            if run and d.concept == run[-1].concept and d.start == run[-1].end and d.end - d.start == 1:
                run.append(d)
                continue
            self._count_run(run)
            run = [d] if d.end - d.start == 1 else []
        self._count_run(run)

    def _clock_times(self, r: Reading) -> None:
        """'vomited at 6am, 8am, 10am, noon, 2pm and 4pm': a counted symptom followed by a list
        of the times it happened counts one for each time listed."""
        tokens, n = r.tokens, len(r.tokens)
        if not self._clock_suffixes:
            return
        for d in r.drafts:
            if d.concept not in self._count_targets or d.count is not None:
                continue
            led = d.end < n and tokens[d.end].norm in self._clock_leads
            # "sick at 6, half 7, 9": after an "at" (the finding's own or the next word) bare
            # hours are times of day too, and "and again just now" is one more.
            led_bare = led or tokens[d.end - 1].norm in self._clock_leads
            k = d.end + led
            times = 0
            joins = self._count_joins
            while k < n:
                start = k
                while k < n and (
                    tokens[k].norm in self._clock_parts
                    # "a las 5 de la tarde, a las 8": a list goes on after a time's own words
                    or (times and k > start and (tokens[k].norm == "," or tokens[k].norm in joins))
                ):
                    k += 1  # "half 7", "quarter to 1"
                tok = tokens[k] if k < n else None
                if tok is None:
                    k = start
                    break
                bare_hour = (
                    led_bare
                    and tok.kind == NUM
                    and tok.value is not None
                    and 0 < tok.value <= 24
                    and (k + 1 >= n or tokens[k + 1].norm not in self._not_counts | self._count_units)
                )
                if tok.kind == NUM and k + 1 < n and tokens[k + 1].norm in self._clock_suffixes:
                    times, k = times + 1, k + 2
                elif tok.norm in self._clock_words or bare_hour:
                    times, k = times + 1, k + 1
                elif times and k == start and tok.norm in self._clock_again:
                    times += 1
                    break
                else:
                    k = start
                    break
                if k < n and (tokens[k].norm == "," or tokens[k].norm in self._count_joins):
                    k += 1
            if times >= 2:
                d.count = times

    @staticmethod
    def _count_run(run: list[Draft]) -> None:
        if len(run) >= 2 and all(d.count is None for d in run):
            for d in run:
                d.count = len(run)

    def _inner_counts(self, tokens: list[Token], m: Mention) -> list[Number]:
        """'sick six times', 'sick twice': a counted finding's phrase holds its count in words."""
        out = []
        for inner in self.lex.match(tokens[m.i + 1 : m.j]):
            if inner.has("num"):
                i, j = m.i + 1 + inner.i, m.i + 1 + inner.j
                unit = j < len(tokens) and tokens[j].norm in self._count_units
                if ("unit", "count") in inner.tags or unit:
                    out.append(Number(i, j, float(inner.values("num")[0]), False, True))
        return out

    def _merge_number_words(self, tokens: list[Token], nums: list[Number]) -> list[Number]:
        """'thirty eight point two' -> 38.2, 'ninety nine' -> 99, '38 point 5' -> 38.5,
        'a hundred and one point two' -> 101.2."""
        out: list[Number] = []
        for num in nums:
            prev = out[-1] if out else None
            if (
                prev is not None
                and not prev.decimal
                and not num.count_word
                and prev.value == 100
                and 0 < num.value < 100
                and num.value == int(num.value)
                and (prev.j == num.i or (prev.j + 1 == num.i and tokens[prev.j].norm in self._number_and))
            ):
                prev.j, prev.value = num.j, 100 + num.value
                continue
            hyphen = prev is not None and prev.j + 1 == num.i and tokens[prev.j].norm == "-"
            if (
                prev is not None
                and (prev.j == num.i or hyphen)  # "thirty eight", "thirty-eight"
                and not prev.decimal
                and not num.count_word
                and prev.value >= 20
                and prev.value % 10 == 0
                and 0 < num.value < 10
            ):
                prev.j, prev.value = num.j, prev.value + num.value
                continue
            if (
                prev is not None
                and not prev.decimal
                and prev.j + 1 == num.i
                and tokens[prev.j].norm in self._decimal_words
                and 0 <= num.value < 10
                and num.value == int(num.value)
            ):
                prev.j, prev.value, prev.decimal = num.j, prev.value + num.value / 10, True
                continue
            if (
                prev is not None
                and not prev.decimal
                and not num.count_word
                and prev.j == num.i
                and 35 <= prev.value <= 42
                and prev.value == int(prev.value)
                and 0 <= num.value < 10
                and num.value == int(num.value)
                and tokens[prev.i].kind != NUM
                and tokens[num.i].kind != NUM
                and (num.j >= len(tokens) or tokens[num.j].norm not in self._count_units)
            ):
                # "treinta y ocho dos", "thirty eight two": a body temperature said in words
                # with its tenth straight after, the "point" left out, is 38.2
                prev.j, prev.value, prev.decimal = num.j, prev.value + num.value / 10, True
                continue
            out.append(num)
        for num in out:  # "thirty-eight and a half" -> 38.5
            k = num.j
            for half in self._halves:
                if (
                    not num.decimal
                    and k + len(half) - 1 < len(tokens)
                    and tuple(t.norm for t in tokens[k : k + len(half)]) == half
                ):
                    num.j, num.value, num.decimal = k + len(half), num.value + 0.5, True
        return out

    def _temperature(self, tokens: list[Token], num: Number, n: int) -> tuple[int, float] | None:
        v = num.value
        j = num.j
        unit = None
        k = j
        if k < n and tokens[k].norm in self._degrees:
            k += 1
            unit = "deg"
        if k < n and tokens[k].norm in self._celsius:
            unit, k = "c", k + 1
        elif k < n and tokens[k].norm in self._fahrenheit:
            unit, k = "f", k + 1
        if unit is not None:
            j = k
        if unit is None and j < n and tokens[j].norm in self._not_temperatures:
            return None
        if unit is None:
            cue = any(
                tokens[x].norm in self._temp_words
                for x in range(max(0, num.i - 4), num.i)
                if tokens[x].clause == tokens[num.i].clause
            ) or any(
                tokens[x].norm in self._temp_after
                for x in range(j, min(n, j + 4))
                if tokens[x].clause == tokens[num.i].clause
            )
            if not (num.decimal or cue or self._reading_after_colon(tokens, num)):
                return None
        if self._is_weather(tokens, num, j):
            return None
        if unit in ("c", "deg", None) and 34.0 <= v <= 43.5 and unit != "f":
            return j, round(v, 1)
        if unit in ("f", "deg", None) and 93.0 <= v <= 110.0:
            return j, round((v - 32.0) * 5.0 / 9.0, 1)
        return None

    def _reading_after_colon(self, tokens: list[Token], num: Number) -> bool:
        """'I took my temperature, 39', 'temp: 38': a whole number set after the temperature
        word by a comma or colon is the reading, as a decimal one already is."""
        p = num.i - 1
        if p < 1 or tokens[p].kind != PUNCT or tokens[p].norm not in (",", ":", "-", "="):
            return False
        return any(tokens[x].norm in self._temp_words for x in range(max(0, p - 2), p))

    def _is_weather(self, tokens: list[Token], num: Number, j: int) -> bool:
        """A reading said of the weather: 'hace 40 grados', '39 grados a la sombra'. Only a
        lead right before the number counts ("hace dos días tuve 39" is the body's)."""
        if num.i > 0 and tokens[num.i - 1].norm in self._weather_leads:
            return True
        clause = tokens[num.i].clause
        # A clause that says whose reading it is keeps it the body's: "I had 39 degrees in
        # Spain", "temp 38 and shivering in this heat".
        if any(t.norm in self._body_reading for t in tokens[max(0, num.i - 6) : num.i] if t.clause == clause):
            return False
        # Degrees in a place ("40 degrees in Perth"): a town's, unless the word after "in" is
        # one a body's reading is given with ("in the night", "in my ear", "in an hour").
        if (
            j > num.j
            and j + 1 < len(tokens)
            and tokens[j].norm in self._weather_place_leads
            and tokens[j + 1].kind == WORD
            and tokens[j + 1].norm not in self._reading_after_in
        ):
            return True
        if not self._weather_words:
            return False
        near = [t.norm for t in tokens[max(0, num.i - 3) : j + 5] if t.clause == clause]
        words = " " + " ".join(near) + " "
        return any(f" {w} " in words for w in self._weather_words)

    def _score_end(self, tokens: list[Token], num: Number, n: int) -> int:
        v = num.value
        # "7.5/10", "seven and a half": a half point is a score too (its whole part rates it).
        if (v != int(v) and (v * 2 != int(v * 2) or v > 10)) or not 0 <= v <= 100:
            return 0
        j = num.j
        seq = [tokens[x].norm for x in range(j, min(n, j + 3))]
        for tail in self._score_tails:
            if seq[: len(tail)] == tail:
                # "pain 11 out of 10": over the scale, said with the scale, is its top.
                return j + len(tail)
        if v > 10:
            return 0
        if num.i >= 2 and tokens[num.i - 1].norm in self._articles and tokens[num.i - 2].norm in self._approx:
            return j
        if (
            num.i >= 1
            and tokens[num.i - 1].norm in self._score_lead
            and (j >= n or tokens[j].norm not in self._count_units)
        ):
            return j  # "real bad pain in my shoulder, like 9"
        # "is a solid 8", "is a good 7": a word that only firms the score up sits between.
        a = num.i - 1
        if a >= 2 and tokens[a].norm in self._score_firmers and tokens[a - 1].norm in self._articles:
            a -= 1
        if (
            a >= 1
            and tokens[a].norm in self._articles
            and tokens[a - 1].norm in self._score_copulas
            and (j >= n or (tokens[j].norm not in self._count_units | self._not_scores))
        ):
            return j  # "pain in my thigh bone is a 7"
        # "pain is 9", "pain score 10", "my pain's about an eight"
        k = num.i - 1
        steps = 0
        while k >= 0 and steps < 4 and tokens[k].norm in self._score_glue:
            k -= 1
            steps += 1
        if (
            k >= 0
            and tokens[k].norm in self._score_words
            and (j >= n or tokens[j].norm not in self._count_units)
        ):
            return j
        # "yes bad, 9", "hurts, 8": a number that closes its clause straight after a word of
        # how bad it is, as people answer "how bad?" without the scale.
        k = num.i - 1
        if k >= 0 and tokens[k].norm == ",":
            k -= 1
        if (
            k >= 0
            and tokens[k].norm in self._score_severity
            and (j >= n or tokens[j].kind == PUNCT or tokens[j].norm in self._and)
        ):
            return j
        return 0

    @staticmethod
    def _nearest(
        r: Reading,
        index: Near,
        i: int,
        j: int,
        targets: frozenset[str],
        window: int,
        before_first: bool = False,
    ) -> Draft | None:
        sentence = r.tokens[i].sentence
        clause = r.tokens[i].clause
        best = None
        best_key = (2, 2, window + 1)
        for _, d in index.around(i, j, window):
            if d.concept not in targets or r.tokens[d.anchor].sentence != sentence:
                continue
            gap = d.gap(i, j)
            after = 1 if before_first and d.start >= j else 0
            key = (0 if r.tokens[d.anchor].clause == clause else 1, after, gap)
            if gap <= window and key < best_key:
                best, best_key = d, key
        return best

    def _attach_score(self, r: Reading, index: Near, i: int, j: int, score: int) -> None:
        # "pain in my chest, I'd say an eight, not breathless": a score rates what came before.
        d = self._nearest(r, index, i, j, self._score_targets, MOD_WINDOW, before_first=True)
        if d is None:
            d = self._site_pain(r, i, j)  # "hip 8/10": a body site with a score is pain there
        if d is None:
            d = self._score_alone(r, i, j)  # "Headache. 8/10.": the sentence before
        if d is None and self._nearest(r, index, i, j, self._count_targets, MOD_WINDOW) is not None:
            # "I vomit many time today, maybe 7": with nothing to rate, the number counts.
            self._attach_count(r, index, i, j, score)
            return
        if d is None:
            r.loose_scores.append((i, j, score))
            return
        d.score = score if d.score is None else max(d.score, score)
        if score >= 7:
            d.mods.add("severe")
        if score == 0 and d.score == 0:
            d.inner_neg = True  # "my back pain is 0 today": none to speak of
        d.start, d.end = min(d.start, i), max(d.end, j)

    def _rated_pain_is(self, r: Reading, num: Number) -> int:
        """ "the pain in my thigh is 8", "ache in his hip was 9 last night": a bare number
        straight after a pain and its copula is its score (a unit after it keeps it a count
        or a measure: "the pain in my hip is 3 days old")."""
        tokens, i, j = r.tokens, num.i, num.j
        v = num.value
        if v * 2 != int(v * 2) or not 0 <= v <= 10 or i < 2 or tokens[i - 1].norm not in self._score_copulas:
            return 0
        if j < len(tokens) and tokens[j].norm in self._count_units | self._not_scores:
            return 0
        rated = any(d.concept in self._score_targets and d.end == i - 1 for d in r.drafts)
        if not rated and i >= 3 and tokens[i - 2].norm in self._score_copulas and v == int(v):
            # "el dolor del brazo donde tengo el tumor está en 8": two copulas before the number
            # ("está en") say where the pain of its clause stands, past what names its place
            clause = tokens[i].clause
            rated = any(
                d.concept in self._score_targets
                and d.end < i - 2
                and tokens[d.anchor].clause == clause
                and tokens[d.start].clause == clause
                for d in r.drafts
            ) and not any(
                t.kind == NUM or t.norm in self._and for t in tokens[i - 8 if i >= 8 else 0 : i - 2]
            )
        return j if rated else 0

    def _score_alone(self, r: Reading, i: int, j: int) -> Draft | None:
        """A score written as a sentence of its own ("Headache. 8/10. Paracetamol not touching
        it.") rates the last thing it could rate in the sentence just before."""
        tokens = r.tokens
        sentence = tokens[i].sentence
        words = [
            t
            for k, t in enumerate(tokens)
            if t.sentence == sentence and not i <= k < j and t.kind != PUNCT and t.norm not in self._approx
        ]
        if words or sentence == 0:
            return None
        targets = self._score_targets
        before = [d for d in r.drafts if d.concept in targets and tokens[d.anchor].sentence == sentence - 1]
        return max(before, key=lambda d: d.end) if before else None

    def _bare_tally(self, tokens: list[Token], num: Number) -> bool:
        """A number after "van" that counts times, not days or hours ("van 8 hoy", not
        "van 3 días"): nothing but a time word, a sign-off ("van 6 saludos") or the end follows it."""
        if num.j >= len(tokens) or tokens[num.j].kind == PUNCT:
            return True
        after = tokens[num.j].norm
        return after in self._present_time or after in self._and or after in self._sign_offs

    def _counted_before(self, r: Reading, i: int) -> bool:
        """A counted symptom earlier in the sentence already has its count."""
        sentence = r.tokens[i].sentence
        return any(
            d.concept in self._count_targets
            and d.count is not None
            and d.end <= i
            and r.tokens[d.anchor].sentence == sentence
            for d in r.drafts
        )

    def _count_before(self, r: Reading, num: Number) -> bool:
        return any(d.concept in self._count_targets and d.start == num.j for d in r.drafts)

    def _site_pain(self, r: Reading, i: int, j: int) -> Draft | None:
        # "it's just the back, which is about 8/10": words that only lead up to a score
        # ("which is", "about") leave the site before them the thing rated.
        tokens, k = r.tokens, i
        while (
            k > 0
            and i - k < SITE_SCORE_GAP
            and tokens[k - 1].sentence == tokens[i].sentence
            and (tokens[k - 1].norm in self._score_leads or tokens[k - 1].norm in SCORE_LEAD_PUNCT)
        ):
            k -= 1
        # "eight out of ten for the back", "8/10 in my hip": the site named just after the
        # score, joined by a word that says what it rates.
        after = j
        while (
            after < len(tokens)
            and after - j < SITE_SCORE_GAP
            and tokens[after].sentence == tokens[i].sentence
            and tokens[after].norm in self._score_site_links
        ):
            after += 1
        for m in r.mentions:
            before = m.j <= i and (i - m.j <= 2 or m.j == k)
            if (before or (after > j and m.i == after)) and m.has("site"):
                for site in m.values("site"):
                    concept = self.lex.frames.get((site, "pain"))
                    if concept is not None:
                        d = Draft(concept, m.i, m.j, m.i, m.values("mod"))
                        r.drafts.append(d)
                        return d
        return None

    def _part_of_day_tally(self, r: Reading, num: Number) -> bool:
        tokens, n = r.tokens, len(r.tokens)
        if not (0 < num.value <= 30) or num.j >= n:
            return False
        nxt = tokens[num.j].norm
        if nxt not in self._day_part_leads and nxt not in self._day_parts:
            return False
        # Only straight after the symptom or a list's comma: "took 4 this morning" is tablets.
        if self._in_clock_list(tokens, num.i):
            return False  # "sick at 6, 8 and 10 this morning": times of day, not ten times
        prev = tokens[num.i - 1] if num.i > 0 else None
        if prev is None or not (prev.norm in {",", ":", ";"} or prev.norm in self._and):
            return any(d.concept in self._count_targets and d.end == num.i for d in r.drafts)
        before = [d for d in r.drafts if d.end <= num.i]
        last = max(before, key=lambda d: d.end, default=None)
        return last is not None and last.concept in self._count_targets

    def _in_clock_list(self, tokens: list[Token], i: int) -> bool:
        """The number at i ends a list of times that an "at" opened ("at 6, half 7 and 9")."""
        k = i - 1
        while k >= 0:
            norm = tokens[k].norm
            if norm in self._clock_leads:
                return True
            if not (
                tokens[k].kind == NUM
                or norm == ","
                or norm in self._count_joins
                or norm in self._clock_parts
                or norm in self._clock_suffixes
            ):
                return False
            k -= 1
        return False

    def _at_least_alone(self, r: Reading, num: Number) -> bool:
        """'more than ten' closing a clause, with no unit of its own after it, and a counted
        symptom the last thing named before it ("my pain is more than 7" rates the pain)."""
        tokens = r.tokens
        if num.i < 2 or " ".join(t.norm for t in tokens[num.i - 2 : num.i]) not in self._at_least:
            return False
        if num.j < len(tokens) and tokens[num.j].kind != PUNCT:
            return False
        before = [d for d in r.drafts if d.end <= num.i - 2]
        last = max(before, key=lambda d: d.end, default=None)
        return last is not None and last.concept in self._count_targets

    def _attach_count(self, r: Reading, index: Near, i: int, j: int, count: int, more: bool = False) -> None:
        d = self._nearest(r, index, i, j, self._count_targets, MOD_WINDOW)
        if d is None:
            r.loose_counts.append((i, j, count))
            return
        if d.count is not None and self._dated_earlier(r.tokens, d.end, i):
            # "sick 3 times yesterday and another 3 today": each day's count, not one of six
            d.today = count
            d.count = max(d.count, count)
        elif d.count is not None and (more or self._parts_of_day(r.tokens, d.end, i, j)):
            if d.today is not None:  # "5 yesterday, once this morning and once this afternoon": 2 today
                d.today += count
                d.count = max(d.count, d.today)
            else:
                d.count += count
        else:
            d.count = count if d.count is None else max(d.count, count)
        d.start, d.end = min(d.start, i), max(d.end, j)

    def _day_or_stop(self, t: Token) -> bool:
        return t.norm in self._earlier_days or t.kind == PUNCT

    def _dated_earlier(self, tokens: list[Token], end: int, i: int) -> bool:
        """Whether the words between a count and the next say the first was of an earlier day
        ("3 times yesterday and another 3"), not since it or likened to it ("since yesterday",
        "same as yesterday", "desde ayer", "de ayer a hoy")."""
        return any(
            tokens[k].norm in self._earlier_days and (k == 0 or tokens[k - 1].norm not in self._day_links)
            for k in range(end, i)
        )

    def _parts_of_day(self, tokens: list[Token], end: int, i: int, j: int) -> bool:
        """Between two counts of one symptom, a part of the day ("twice before breakfast,
        twice at lunch"): each count is its own part of the day, so they add up; unless the
        later count is the day's total ("five times today in all")."""
        if any(t.norm in self._count_totals for t in tokens[j : j + 3]):
            return False
        return any(tokens[k].norm in self._day_parts for k in range(end, i))
