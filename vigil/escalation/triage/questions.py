"""Answers to check-in questions take their subject from the question.

"yes" to "Any new weakness in your legs?" is a present limb_weakness; "7" to "How bad
is your back pain from 0 to 10?" is back_pain scored 7; "0" or "nope" is negated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from .drafts import ON_TREATMENT, Draft, Number, Reading
from .lexicon import Mention
from .reader import Reader
from .text import PUNCT, Token

Kind = Literal["yes_no", "scale", "count", "temperature", "open"]
LEAD_TOKENS: Final = 6
# What may follow a score given after a word: "fine, 9 out of 10", "ok, 3/10", "7 for 10".
_SCALE_TAIL: Final = frozenset(["out", "of", "from", "for", "/", "over", "de", "sobre"])
COUNT_AFTER_YES: Final = 2  # words between a yes and its count ("sí, unas 8 veces")


@dataclass(frozen=True, slots=True)
class Question:
    kind: Kind
    concepts: tuple[str, ...]
    modifiers: tuple[str, ...]
    # "Are you managing the stairs?", "Are you eating ok?": a question that asks whether
    # something goes well, so a "no" says the finding is there and a "yes" that it is not.
    inverted: bool = False
    # "Have you been sick with the headache?": what the question takes as already there.
    given: tuple[str, ...] = ()
    # "¿Siente las piernas débiles?": the body sites the question names, which an answer
    # that says only how they are ("se me duermen", "can't feel them") is about.
    sites: tuple[str, ...] = ()
    # "How is your back today?": the sites the question names as the patient's own (after
    # "your", "the"), not a word that only looks like one ("did the nurse get back to you?").
    places: tuple[str, ...] = ()
    # "How much blood: streaks, a teaspoon, or more?": asks which amount, not whether it was much.
    asks_which_amount: bool = False


def analyse(reader: Reader, text: str) -> Question:
    """What a question asks about, and what kind of answer it expects."""
    lex = reader.lex
    reading = reader.read(text)
    concepts: list[str] = []
    tokens = reading.tokens
    qualifiers: set[str] = set()
    drafts = reading.drafts
    # "coughed up any blood" asks about the blood: a concept whose words lie inside another's
    # is not asked about on its own, and a "no" must not deny the cough.
    # Yet "weakness or numbness in your legs", "las piernas débiles o dormidas" ask about
    # both: two qualities of one site joined by "or" are two questions, not one inside another.
    ors = lex.lists.get("question_or", _OR)
    drafts = [
        d
        for d in drafts
        if not any(
            o is not d
            and o.start <= d.start
            and d.end <= o.end
            and (o.end - o.start) > (d.end - d.start)
            and not any(tokens[k].norm in ors for k in range(o.start, o.end) if not d.start <= k < d.end)
            for o in drafts
        )
    ]
    for d in sorted(drafts, key=lambda d: d.start):
        if d.concept not in concepts:
            concepts.append(d.concept)
        # "Have you been sick with the headache?": the headache is what the question is
        # about already, not what it asks; a "no" must not deny it.
        before = [t.norm for t in tokens[max(0, d.start - 2) : d.start]]
        # The language's "with" ("con") and "the": English unless its lexicon names them.
        withs = lex.lists.get("question_with", _WITH)
        dets = lex.lists.get("question_determiners", _DETERMINERS)
        after_with = len(before) == 2 and before[0] in withs and before[1] in dets
        if (before and before[-1] in withs) or after_with:
            qualifiers.add(d.concept)
    given: tuple[str, ...] = ()
    if qualifiers and any(c not in qualifiers for c in concepts):
        given = tuple(c for c in concepts if c in qualifiers)
        concepts = [c for c in concepts if c not in qualifiers]
    named_symptom = bool(concepts)
    if not concepts or concepts == ["unrecognised"]:
        # "Is your breathing worse?" names its subject without a symptom word; "Has your
        # vision changed?" names it with words triage only knows as health-related.
        subjects = [c for m in reading.mentions for c in m.values("subject")]
        if subjects:
            concepts, named_symptom = [], False
        for m in reading.mentions:
            for c in m.values("subject"):
                if c not in concepts:
                    concepts.append(c)
    mods = sorted(
        {mod for m in reading.mentions for mod in m.values("mod")}
        | {mod for d in reading.drafts for mod in d.mods}
    )
    words = " " + " ".join(t.norm for t in reading.tokens) + " "
    q = lex.question

    def says(key: str) -> bool:
        return any(f" {cue} " in words for cue in q.get(key, ()))

    # "How much blood are you coughing up?" asks the amount of what it names, as "How much
    # blood is there?" does by its words: the answer ("more", "a cupful") measures the blood.
    amounted = lex.modifier_targets.get("large_amount", frozenset())
    if says("amount") and amounted & set(concepts) and "large_amount" not in mods:
        mods = sorted({*mods, "large_amount"})

    kind: Kind = "yes_no"
    if says("temperature") and "fever" in concepts:
        kind = "temperature"
    elif says("count"):
        kind = "count"
    elif says("scale"):
        kind = "scale"
    elif says("open"):
        kind = "open"
    # Only a question that names no symptom word asks whether things go well: "Can you feel
    # any numbness?" still asks about the numbness.
    inverted = kind == "yes_no" and bool(concepts) and not named_symptom and says("ability")
    sites = tuple(dict.fromkeys(s for m in reading.mentions for s in m.values("site")))
    if not sites and "gait_difficulty" in concepts:
        # "Any problems with walking or balance?": one walks on one's legs, so "wobbly" or "a
        # bit weak" to it is said of them.
        sites = tuple(lex.lists.get("walking_sites", ()))
    owned = reader.determiners
    places = tuple(
        dict.fromkeys(
            s
            for m in reading.mentions
            if (m.j - m.i > 1 and tokens[m.i].norm in owned) or (m.i > 0 and tokens[m.i - 1].norm in owned)
            for s in m.values("site")
        )
    )
    return Question(
        kind,
        tuple(concepts),
        tuple(m for m in mods if m != "severe"),
        inverted,
        given,
        sites,
        places,
        says("amount"),
    )


def apply_answer(reader: Reader, question: Question, reading: Reading) -> None:
    """Add the findings an answer gives through its question."""
    if not question.concepts:
        _quality_of_an_asked_place(reader, question, reading)
        return
    _side_of_the_asked_limb(reader, question, reading)
    _apply_answer(reader, question, reading)
    _blood_of_the_asked_cough(reader, question, reading)
    asked = set(question.concepts)
    said = {d.concept for d in reading.drafts}
    if question.given and any(d.concept in asked and d.status == "present" for d in reading.drafts):
        # "yes" to "Have you been sick with the headache?" says both are there together (a
        # "no" denies only the sickness, and leaves the headache to what was said before).
        for concept in question.given:
            if concept not in said:
                d = Draft(concept, 0, 1, 0)
                d.from_question = True
                reading.drafts.append(d)


def _score_after_a_word(tokens: list[Token], reading: Reading, lead_end: int) -> Number | None:
    """ "fine, 9", "manageable, 3" to "How bad is your pain from 0 to 10?": a short word of how
    it feels, then the score, which answers the scale (the word is no "no")."""
    words = [t for t in tokens[:lead_end] if t.kind != PUNCT]
    if not words or len(words) > 2:
        return None
    k = lead_end
    while k < len(tokens) and tokens[k].kind == PUNCT:
        k += 1
    n = next((n for n in reading.numbers if n.i == k and 0 <= n.value <= 10 and not n.decimal), None)
    # (the score alone or "out of 10", not "2 pills a day")
    if n is None or (n.j < len(tokens) and tokens[n.j].kind != PUNCT and tokens[n.j].norm not in _SCALE_TAIL):
        return None
    return n


def _count_after_yes(reader: Reader, reading: Reading, yes: Mention, units: frozenset[str]) -> Number | None:
    """'yes, 9 times today' to 'Any diarrhoea?', 'sí, unas 7 veces': the count said right after
    the yes, past its comma, is how many times (only words of about-ness between)."""
    tokens = reading.tokens
    about = reader.lex.lists.get("approximately", frozenset())
    for num in reading.numbers:
        if num.i < yes.j or num.j >= len(tokens) or tokens[num.j].norm not in units:
            continue
        if all(t.kind == PUNCT or t.norm in about for t in tokens[yes.j : num.i]):
            return num
        return None
    return None


def _no_then_unsure(tokens: Sequence[Token], mentions: Sequence[Mention]) -> bool:
    """The whole answer is a "no" and then, past a comma, only not knowing."""
    if len(mentions) != 2 or mentions[0].i != 0 or "no" not in mentions[0].values("ans"):
        return False
    unsure = mentions[1]
    return (
        ("marker", "unsure") in unsure.tags
        and all(t.kind == PUNCT for t in tokens[mentions[0].j : unsure.i])
        and all(t.kind == PUNCT for t in tokens[unsure.j :])
    )


def _only_a_reading(reader: Reader, question: Question, tokens: list[Token], number: Number | None) -> bool:
    """A number opening the answer to a yes-or-no question about a fever, in the range of a
    body's temperature (35-42 °C, 95-108 °F) and not counting anything ("40 veces"), answers
    it with the reading taken."""
    if number is None or number.i != 0 or "fever" not in question.concepts:
        return False
    lists = reader.lex.lists
    after = tokens[number.j].norm if number.j < len(tokens) else ""
    if after in lists.get("not_temperatures", frozenset()) or after in lists.get("count_units", frozenset()):
        return False
    return 35 <= number.value <= 42 or 95 <= number.value <= 108


def _apply_answer(reader: Reader, question: Question, reading: Reading) -> None:
    tokens, mentions = reading.tokens, reading.mentions
    if not tokens:
        return
    greeted = _opener_end(reader, tokens)
    opened = max(greeted, _relayed_from(reader, tokens))
    first_clause = tokens[min(opened, len(tokens) - 1)].clause
    lead_end = opened
    while (
        lead_end < len(tokens) and lead_end < LEAD_TOKENS + opened and tokens[lead_end].clause == first_clause
    ):
        lead_end += 1
    # "no sé, más de 10", "not sure, maybe 7": a first clause that only says the writer is
    # unsure is no "no"; the clause after it answers.
    unsure = next((m for m in mentions if m.i == 0 and ("marker", "unsure") in m.tags), None)
    if unsure is None and _no_then_unsure(tokens, mentions):
        return  # "no, I don't know", "no... no sé": the "no" goes with the not knowing
    if unsure is not None and all(t.kind == PUNCT for t in tokens[unsure.j : lead_end]):
        k = lead_end
        while k < len(tokens) and tokens[k].kind == PUNCT:
            k += 1
        if k < len(tokens):
            lead_end, first_clause = k, tokens[k].clause
            limit = min(len(tokens), k + LEAD_TOKENS)
            while lead_end < limit and tokens[lead_end].clause == first_clause:
                lead_end += 1
    # (words inside a greeting are no answer; those before a "she says" may be: "yes mum
    # said I was shaking")
    lead = [m for m in mentions if greeted <= m.i < lead_end]
    yes = next((m for m in lead if m.has("ans") and "yes" in m.values("ans")), None)
    if (
        yes is None
        and not BLOOD_ASKED.isdisjoint(question.concepts)
        and not question.modifiers  # to "how much: streaks, a spoonful?" the marks are the amount
        and not any(m.has("ans") and "no" in m.values("ans") for m in lead)
    ):
        # "unas pintitas nomás" to "¿Ha tosido sangre?": a few marks of the blood asked about
        # are how much came, so a yes (to anything else they are no answer).
        yes = next((m for m in lead if m.has("ans") and "trace" in m.values("ans")), None)
        if yes is not None:
            yes = Mention(yes.i, yes.j, (("ans", "yes"),))
    if yes is not None and _qualifies_another(reader, question, reading, yes):
        yes = None  # "a bit tired" to "Any trouble walking?": "a bit" is how tired, not a yes
    no = next((m for m in lead if m.has("ans") and "no" in m.values("ans")), None)
    if yes is None and no is None:
        # "ya no más", "ya no desde ayer" to "¿Puede caminar con normalidad?": an answer that
        # is only a "not any more" is a no to what it is asked (to an ability, the trouble).
        negative = reader.lex.lists.get("said_negative", frozenset())
        no = next(
            (
                m
                for m in lead
                if ("res", "post") in m.tags and not negative.isdisjoint(t.norm for t in tokens[m.i : m.j])
            ),
            None,
        )
    if question.inverted and not (yes is not None and "partly" in yes.values("ans")):
        # "no" to "Are you managing the stairs?": not managing them. A partial yes ("más o
        # menos", "a ratos" to "¿Puede caminar con normalidad?") keeps the trouble there.
        yes, no = no, yes
    qualified = False
    only = _only_when(reader, reading, no.j if no is not None else 0)
    if only is not None and yes is None and not any(m.has("site") for m in mentions):
        # "only when I stand" to "Have your legs become weak?": yes, at such times; "no, only
        # on hills" to "breathless when resting?": breathless, but not at rest.
        yes, no, qualified = Mention(only, only + 1, (("ans", "yes"),)), None, True
    if no is not None and yes is None:
        # "not really, but there was a streak on the tissue": the "but" takes the "no" back.
        after = _yes_after_contrast(tokens, mentions, no)
        if after is not None:
            yes, no = after, None
    if no is not None and _worse_said(
        tokens, _other_findings(question, reading) + _other_sites(question, reading)
    ):
        no = None  # "No, it's worse" to "Is your back pain better than last week?"
    if (
        no is not None
        and yes is None
        and STILL_GOING & set(question.modifiers) & _answer_modifiers(reader, reading)
    ):
        # "no, no para" to "¿El sangrado no para?", "no, it won't stop" to "Is the bleeding
        # not stopping?": the "no" agrees with a question asked in the negative.
        yes, no = no, None
    # "unas rayitas" to "¿Ha tosido sangre?" as much as to "¿Cuánta sangre?": an amount of
    # blood said as the answer says there was some.
    amounted = reader.lex.modifier_targets.get("large_amount", frozenset())
    asks_amount = "large_amount" in question.modifiers or bool(amounted & set(question.concepts))
    large = reader.lex.lists.get("large_answers", frozenset())
    # ("more", "yes, more": the larger amount picked, after a yes or alone)
    said_large = " ".join(t.norm for t in tokens[:lead_end] if t.kind != PUNCT) in large or (
        yes is not None
        and " ".join(t.norm for t in tokens[yes.j : yes.j + LEAD_TOKENS] if t.kind != PUNCT) in large
    )
    if yes is None and no is None and asks_amount:
        said = " ".join(t.norm for t in tokens[:lead_end] if t.kind != PUNCT)
        lists = reader.lex.lists
        if (
            said_large
            or said in lists.get("small_amounts", frozenset())
            # "unos hilitos nomás": a small amount with words around it
            or _small_amount_after(reader, tokens[:lead_end])
        ):
            # "more" or "streaks" to "How much blood? (streaks, a teaspoon, more)": there was blood
            yes = Mention(0, max(1, lead_end), (("ans", "yes"),))
    if yes is None and no is None and ON_TREATMENT in question.concepts:
        said = " " + " ".join(t.norm for t in tokens[:lead_end] if t.kind != PUNCT) + " "
        if any(f" {r} " in said for r in reader.lex.lists.get("recent_times", frozenset())):
            # "el lunes", "last week" to "Any chemotherapy in the last six weeks?": when, so yes
            yes = Mention(0, max(1, lead_end), (("ans", "yes"),))
    stable = next((m for m in lead if ("marker", "stable") in m.tags), None)
    near = [m for m in mentions if m.i < LEAD_TOKENS]
    well = next((m for m in near if "good" in m.values("ans")), None)
    unwell = any("bad" in m.values("ans") or m.has("concept") for m in near)
    if stable is not None and well is not None and yes is None and no is None and not unwell:
        stable, no = None, well  # "igual que siempre, bien", "same as ever, fine": the same, and well
    if stable is not None and yes is None and no is None:
        # "no worse", "same as before" to "Is your back pain worse than last week?": still
        # there, not worse
        yes, qualified = stable, True
    bad = next((m for m in lead if {"bad", "partly"} & set(m.values("ans"))), None)
    good = next((m for m in lead if "good" in m.values("ans")), None)
    if question.inverted and yes is None and no is None and bad is not None:
        yes = bad  # "struggling" to "Are you managing the stairs?"
    number = next((n for n in reading.numbers if greeted <= n.i < lead_end), None)
    then: Number | None = None
    if question.kind == "scale":
        # "was 2 this morning, now a 10": the score that says "now" is the one that stands.
        lists = reader.lex.lists
        now_words = NOW_WORDS | lists.get("score_now_words", frozenset())
        now = next((n for n in reading.numbers if _after_now(reading, n, now_words)), None)
        number = now or number or _score_after_a_word(tokens, reading, lead_end)
        # "5, la semana pasada era 2": the score it was before, said beside the one now.
        then_words = lists.get("score_then_words", frozenset())
        earlier = (n for n in reading.numbers if n is not number and _after_now(reading, n, then_words))
        then = next(earlier, None)

    _pain_is_the_asked_pain(question, reading)
    _quality_of_the_asked_site(reader, question, reading)
    own = {d.concept for d in reading.drafts}
    if own & set(question.concepts):
        # The answer names what it is about; its own words say the rest.
        _merge_values(question, reading, number)
        lead_said = " ".join(t.norm for t in tokens[:lead_end] if t.kind != PUNCT)
        if asks_amount and lead_said in reader.lex.lists.get("large_answers", frozenset()):
            # "much more, the toilet went red" to "How much blood? (streaks, a teaspoon, more)":
            # the amount said first still measures the blood the answer goes on to name.
            for d in reading.drafts:
                if (
                    d.concept in question.concepts
                    and d.status == "present"
                    and (not amounted or d.concept in amounted)
                ):
                    d.mods.add("large_amount")
        if no is None and stable is None and any(t.norm in WORSE_WORDS for t in tokens[:lead_end]):
            # "worse. have to sit down to catch my breath" to "How is your breathing compared
            # with last week?": the "worse" first says how the breath it names has changed
            allowed = reader.lex.modifier_targets.get("worsening")
            for d in reading.drafts:
                asked = d.concept in question.concepts and d.status == "present"
                if asked and (allowed is None or d.concept in allowed):
                    d.mods.add("worsening")
        return

    concepts = question.concepts
    named = _named_by_site(reader, question, reading)
    if named:
        # "neck, 8/10" to "Any neck or back pain?": the site says which one.
        concepts = named
        site = next(m for m in mentions if m.has("site"))
        if yes is not None and yes.j == site.i:
            yes = None  # "both legs are strong": "both" qualifies the site, it is no "yes"
    if "bleeding" in concepts and _with_the_cough(reading):
        # "little dots when I cough" to "How much blood?": blood that comes with the cough is
        # from the lungs, as it would be said unasked ("streaks when I cough").
        concepts = tuple("hemoptysis" if c == "bleeding" else c for c in concepts)
    answer_mods = _answer_modifiers(reader, reading)
    if number is None and reading.loose_scores and question.kind in ("scale", "yes_no"):
        i, j, loose = reading.loose_scores[0]
        number = Number(i, j, float(loose), False)

    asked_mods = set(question.modifiers)
    if "large_amount" in asked_mods:
        asked_mods.discard("worsening")  # "(streaks, a teaspoon, more)": "more" is an amount here
    if question.asks_which_amount and not said_large:
        # "on and off since Tuesday", "yes" to "How much blood: streaks, a teaspoon, or more?":
        # there was blood, but no amount was picked (one the answer names is its own).
        asked_mods.discard("large_amount")
    if yes is not None and "large_amount" in asked_mods:
        said = " ".join(t.norm for t in tokens[yes.i : yes.j])
        if said in reader.lex.lists.get("small_amounts", frozenset()) or _small_amount_after(
            reader, tokens[yes.i : lead_end]
        ):
            # "a bit" to "Was it more than a teaspoon of blood?": there was blood, not much
            asked_mods.discard("large_amount")
    if qualified:
        asked_mods -= QUALIFIED_AWAY | ({"worsening", "new"} if stable is not None else set())
    if named and not {"whole_leg", "trunk"} & set(site.values("site")):
        # "just my toes, from the chemo" to "Any numbness in your legs?": not the whole leg
        asked_mods.discard("extensive")

    def add(status: str, i: int, j: int) -> list[Draft]:
        made = []
        for concept in concepts:
            d = Draft(concept, i, j, i)
            if status == "present":
                targets = reader.lex.modifier_targets
                d.mods.update(asked_mods)
                d.mods.update(m for m in answer_mods if m not in targets or concept in targets[m])
            d.status = status  # type: ignore[assignment]
            d.from_question = True
            made.append(d)
        reading.drafts.extend(made)
        return made

    kind = question.kind
    if kind == "yes_no" and yes is None and no is None and _only_a_reading(reader, question, tokens, number):
        kind = "temperature"  # "38 justo" to "¿Tiene fiebre?": a number that can only be a reading
    count_units = reader.lex.lists.get("count_units", frozenset())
    if number is not None and kind in ("scale", "count", "temperature"):
        value = number.value
        if kind == "temperature":
            celsius = value if value <= 45 else (value - 32.0) * 5.0 / 9.0
            celsius = round(celsius, 1)
            if celsius >= 37.5 and 34 <= celsius <= 43.5:
                for d in add("present", number.i, number.j):
                    if d.concept == "fever":
                        d.value_c = celsius
                        if celsius < 38.0:
                            d.mods.add("low_grade")
            elif 34 <= celsius < 37.5:
                add("negated", number.i, number.j)
            return
        n = int(value)
        if n <= 0:
            add("negated", number.i, number.j)
            return
        rose = then is not None and n - then.value >= 2
        worsening = reader.lex.modifier_targets.get("worsening")
        for d in add("present", number.i, number.j):
            if kind == "scale":
                _score(d, n)
                if rose and (worsening is None or d.concept in worsening):
                    # a rise of 2 or more from the score it was (triage.md, "Reading across weeks")
                    d.mods.add("worsening")
            else:
                d.count = n
        return
    if kind == "temperature":
        # "no" to "What is your temperature?" says it was not measured, not that there is
        # no fever: only a number (or the answer's own words) answers a "what" question.
        return
    if kind == "open":
        pick = bad or yes
        worse = stable is None and any(t.norm in WORSE_WORDS for t in tokens[:lead_end])
        if pick is None and no is None and worse:
            pick = Mention(0, max(1, lead_end), (("ans", "bad"),))  # "much worse" to "How is your...?"
        if pick is not None:
            add("present", pick.i, pick.j)
        elif good is not None or no is not None:
            m = good or no
            assert m is not None
            add("negated", m.i, m.j)
        return
    if yes is not None and (no is None or yes.i < no.i):
        made = add("present", yes.i, yes.j)
        if number is None:
            number = _count_after_yes(reader, reading, yes, count_units)
        counted = number is not None and number.j < len(tokens) and tokens[number.j].norm in count_units
        if not counted:
            # "yes, 9 times today", "sí. siete veces" to "Any diarrhoea?": a count said just
            # after the yes says how many times.
            number = next(
                (
                    n
                    for n in reading.numbers
                    if n.i >= yes.j
                    and sum(t.kind != PUNCT for t in tokens[yes.j : n.i]) <= COUNT_AFTER_YES
                    and n.j < len(tokens)
                    and tokens[n.j].norm in count_units
                ),
                number,
            )
            counted = number is not None and number.j < len(tokens) and tokens[number.j].norm in count_units
        for d in made:
            if number is not None and counted:
                d.count = int(number.value)  # "yes 8 times"
            elif number is not None and number.value <= 10:
                _score(d, int(number.value))
        return
    if named:
        site = next(m for m in mentions if m.has("site"))
        verdict = _site_verdict(reading, site)
        if (
            verdict is None
            and no is not None
            and no.i < site.i
            and (
                tokens[no.i].clause == tokens[site.i].clause
                # "no, just the usual tingly toes from the chemo" to "Any new weakness in your
                # legs?": the site belongs to a finding of the answer's own, told after the
                # "no" as what there is instead; it does not answer the question again.
                or any(site.i in range(*span) for span in _other_findings(question, reading))
            )
        ):
            verdict = no  # "never had any trouble with my waterworks": the denial governs the site
        if verdict is not None and bad is None:
            # "nope, my legs are ok" to "Any weakness in your legs?": the answer restates
            # its subject to deny it ("my head's ok now": to say it is over).
            status = "resolved" if verdict.has("res") else "negated"
            add(status, min(site.i, verdict.i), max(site.j, verdict.j))
            return
        # (only a finding the site itself can have: a cough or an unplaced word beside it is
        # no other verdict on the site; nor is pain, which "legs are bad" may be said for)
        framed = {c for (sk, _q), c in reader.lex.frames.items() if sk in site.values("site")} - {"pain"}
        if any(
            d.status == "present" and d.concept in framed - set(concepts) and d.start <= site.i < d.end
            for d in reading.drafts
        ):
            # "no, just the usual tingly toes" to "Any weakness in your legs?": the site comes
            # with what is wrong with it, another finding, so it names no weakness; the "no"
            # stands.
            if no is not None:
                add("negated", no.i, no.j)
            return
        made = add("present", site.i, site.j)
        if number is not None and number.value <= 10:
            for d in made:
                _score(d, int(number.value))
        return
    if no is None and (
        any(t.norm in WORSE_WORDS for t in tokens[:lead_end])
        or _worse_said(tokens, _other_findings(question, reading) + _other_sites(question, reading))
    ):
        add("present", 0, max(1, lead_end))  # "worse" to "better, the same or worse?"
        return
    if no is not None or (good is not None and yes is None):
        m = no or good
        assert m is not None
        add("negated", m.i, m.j)
        return
    sited = _quality_of_the_question_site(reader, question, mentions) if kind == "yes_no" and not own else ()
    if sited:
        # "se me duermen", "las siento pesadas", "can't really feel them" to a question about
        # the legs: a quality said with no place of its own is said of the question's site.
        concepts = sited
        add("present", 0, max(1, lead_end))
        return
    if kind == "yes_no" and not own and _framed_by_the_question(reader, question, mentions):
        # "been going but nothing really comes out" to "Any trouble passing urine?": a quality
        # that only the asked finding has, said with no site, describes that finding.
        add("present", 0, max(1, lead_end))
        return
    if kind == "yes_no" and not own and _affirming(reader, concepts, answer_mods, mentions):
        # "even lying down" to "Any shortness of breath?", "half a cup" to "Any blood when
        # you cough?": describing it says it is there.
        add("present", 0, max(1, lead_end))
        return
    if number is not None and 0 < number.value <= 10 and number.i < lead_end and not question.inverted:
        # "7" to "Any chest pain? If so, how bad from 0 to 10?" without a "yes"; "on the loo
        # 4 times" to "Any diarrhoea?" is how many times, not how bad
        counted = number.j < len(tokens) and tokens[number.j].norm in count_units
        for d in add("present", number.i, number.j):
            if counted:
                d.count = int(number.value)
            else:
                _score(d, int(number.value))


_DETERMINERS: Final = frozenset({"the", "your", "this", "that", "a", "any"})
_WITH: Final = frozenset({"with"})
_OR: Final = frozenset({"or"})
WORSE_WORDS: Final = frozenset({"worse", "worsening", "deteriorating", "downhill"})
_NOT_WORSE: Final = frozenset({"no", "not", "isnt", "never", "nothing", "none"})
# How a pain goes, said of a place the question names ("much worse at night").
TELLS_A_PAIN: Final = frozenset({"worsening", "night", "constant", "severe", "sudden", "on_straining"})
ONLY_WORDS: Final = frozenset({"only", "just"})
SHORT_CLAUSE: Final = 5  # words of a clause that only restates a "no" ("sitting down I'm fine")
QUALIFIED_AWAY: Final = frozenset({"at_rest", "severe"})
STILL_GOING: Final = frozenset({"wont_stop"})  # a quality the questions ask in the negative
BLOOD_ASKED: Final = frozenset({"hemoptysis", "bleeding"})
TRACE_WORDS: Final = frozenset(
    {"streak", "streaks", "spot", "spots", "speck", "specks", "fleck", "flecks", "trace", "clot", "clots"}
)


def _blood_of_the_asked_cough(reader: Reader, question: Question, reading: Reading) -> None:
    """'same, but now with blood, half a glass' to 'How is your cough?': blood the answer
    names with no place of its own comes up with the cough asked about, from the lungs, as
    "coughing up blood" would be said unasked (blood in the urine names its place)."""
    if "cough" not in question.concepts or any(d.concept == "hemoptysis" for d in reading.drafts):
        return
    mentions, tokens = reading.mentions, reading.tokens
    if any(m.has("site") or m.has("hyp") for m in mentions):
        return
    clots = reader.lex.lists.get("clot_words", frozenset())
    blood = next(
        (
            m
            for m in mentions
            if not m.has("concept")
            and ("blood" in m.values("quality") or not clots.isdisjoint(t.norm for t in tokens[m.i : m.j]))
        ),
        None,
    )
    if blood is None:
        return
    # (a bleeding the answer itself reads from the bare word, "now with blood", is that blood;
    # one told with more words, "blood from my nose", keeps its own reading)
    bare = [d for d in reading.drafts if d.concept == "bleeding" and (d.start, d.end) == (blood.i, blood.j)]
    if bare:
        for d in bare:
            if d.status == "present":
                d.concept = "hemoptysis"
        return
    clause = tokens[blood.i].clause
    if any(m.has("neg") and m.j <= blood.i and tokens[m.i].clause == clause for m in mentions):
        return  # "same, no blood"
    d = Draft("hemoptysis", blood.i, blood.j, blood.i)
    if not clots.isdisjoint(t.norm for t in tokens[blood.i : blood.j]):
        d.mods.add("large_amount")  # clots are a large amount (docs/triage.md)
    targets = reader.lex.modifier_targets
    d.mods.update(
        m for m in _answer_modifiers(reader, reading) if m not in targets or "hemoptysis" in targets[m]
    )
    d.from_question = True
    reading.drafts.append(d)


def _with_the_cough(reading: Reading) -> bool:
    # (a cough denied, "none when I cough", says the blood is from elsewhere)
    denied_at = {m.j for m in reading.mentions if m.has("neg")}
    return any(("site", "lung") in m.tags and m.i not in denied_at for m in reading.mentions) or any(
        d.concept == "cough" and d.status == "present" for d in reading.drafts
    )


def _opener_end(reader: Reader, tokens: list[Token]) -> int:
    """Where the answer starts after words that only open it ("well now you mention it, I
    haven't been able to go"): the yes or no comes after them."""
    openers = [o.split() for o in reader.lex.lists.get("answer_openers", frozenset())]
    words = [t.norm for t in tokens]
    k = 0
    while True:
        while k < len(tokens) and tokens[k].kind == PUNCT:
            k += 1
        step = max((len(o) for o in openers if words[k : k + len(o)] == o), default=0)
        if not step:
            return k if k < len(tokens) and k else 0
        k += step


def _relayed_from(reader: Reader, tokens: list[Token]) -> int:
    """Where a carer's relayed answer starts ("this is Raj answering for my wife, she's
    resting. she says 6"): after the last "she says" when what comes before it introduces the
    writer; 0 when the message relays nothing."""
    relays = [o.split() for o in reader.lex.lists.get("answer_relays", frozenset())]
    words = [t.norm for t in tokens]
    at = 0
    for k in range(1, len(words)):
        step = max((len(o) for o in relays if words[k : k + len(o)] == o), default=0)
        if step and k + step < len(words):
            at = k + step
    return at


def _only_when(reader: Reader, reading: Reading, start: int) -> int | None:
    """Where an answer says 'only when...'/'just on...' first thing (after any 'no')."""
    tokens = reading.tokens
    circumstances = reader.lex.lists.get("only_circumstances", frozenset())
    k = start
    while k < len(tokens) and tokens[k].kind == PUNCT:
        k += 1
    only = reader.lex.lists.get("only_words", ONLY_WORDS)
    if k < len(tokens) and tokens[k].norm not in only:
        # "no, sentado estoy bien, solo al caminar": a short clause that restates the "no" as
        # fine at the asked time may stand before the "only".
        end = k
        while end < len(tokens) and tokens[end].clause == tokens[k].clause and tokens[end].kind != PUNCT:
            end += 1
        # (Any circumstance in it must be the one the verdict denies, or the at-rest of
        # "sitting down I'm fine" would be read as said.)
        told = [m for m in reading.mentions if k <= m.i < end and m.has("mod")]
        if (
            end - k <= SHORT_CLAUSE
            and any(t.norm in reader.cancellers for t in tokens[k:end])
            and all(reader.denied_after(reading, m) for m in told)
        ):
            k = end
            while k < len(tokens) and tokens[k].kind == PUNCT:
                k += 1
    if k + 1 < len(tokens) and tokens[k].norm in only and tokens[k + 1].norm in circumstances:
        return k
    return None


def _small_amount_after(reader: Reader, lead: list[Token]) -> bool:
    """The yes of an amount answer ends in a small amount: "just a few streaks", "a couple of
    spots" to "How much blood? (streaks, a teaspoon, more)". Any large amount said in it
    ("more than a teaspoon", "a lot more than streaks") keeps it large."""
    lists = reader.lex.lists
    words = _without_only([t.norm for t in lead if t.kind != PUNCT], lists.get("only_phrases", frozenset()))
    said = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    if any(s in lists.get("large_answers", frozenset()) for s in said):
        return False
    return any(s in lists.get("small_amounts", frozenset()) for s in said)


def _without_only(words: list[str], only: frozenset[str]) -> list[str]:
    """The words without the phrases that say "only" ("hilitos nada más": just streaks), whose
    own "más" is no "more"."""
    if not only:
        return words
    out: list[str] = []
    k = 0
    while k < len(words):
        n = next((n for n in (3, 2) if " ".join(words[k : k + n]) in only), 0)
        if n:
            k += n
            continue
        out.append(words[k])
        k += 1
    return out


def _yes_after_contrast(tokens: list[Token], mentions: list[Mention], no: Mention) -> Mention | None:
    """A yes-word after a "but" that follows the "no" ("not really but a streak this morning")."""
    contrast = next(
        (m for m in mentions if m.i >= no.j and ("marker", "break") in m.tags and m.i - no.j <= 3), None
    )
    if contrast is None:
        return None
    # Only a trace told after it counts ("a streak", "spots"); "but I've got a bit of a wheeze"
    # is about something else.
    for m in mentions:
        said = {t.norm for t in tokens[m.i : m.j]}
        if m.i >= contrast.j and m.has("ans") and "yes" in m.values("ans") and TRACE_WORDS & said:
            return m
    return None


def _worse_said(tokens: list[Token], others: Sequence[tuple[int, int]] = ()) -> bool:
    """'worse' early in the answer and not denied ("no worse" is the same), nor said of a
    finding the question did not ask about ("nope. back's worse at night" to "Any numbness in
    your legs?": the back is worse, the "nope" still answers the numbness)."""
    for k in range(min(len(tokens), LEAD_TOKENS)):
        denied = k > 0 and tokens[k - 1].norm in ("no", "not", "any", "none")
        theirs = any(i <= k < j for i, j in others)
        if tokens[k].norm in WORSE_WORDS and not denied and not theirs:
            return True
    return False


def _other_findings(question: Question, reading: Reading) -> list[tuple[int, int]]:
    """Where the answer names, in its own words, present findings the question did not ask about."""
    asked = set(question.concepts)
    return [
        (d.start, d.end)
        for d in reading.drafts
        if d.concept not in asked and d.status == "present" and not d.loose and not d.from_question
    ]


def _other_sites(question: Question, reading: Reading) -> list[tuple[int, int]]:
    """The few words after a body part the question did not name: "no. my neck is worse
    today" to "Any numbness in your legs?" says the neck is worse, not the numbness."""
    if not question.sites:
        return []
    tokens = reading.tokens
    out = []
    for m in reading.mentions:
        if m.has("site") and not set(m.values("site")) & set(question.sites):
            end = m.j
            while end < min(len(tokens), m.j + 3) and tokens[end].clause == tokens[m.i].clause:
                end += 1
            out.append((m.i, end))
    return out


def _qualifies_another(reader: Reader, question: Question, reading: Reading, yes: Mention) -> bool:
    """A word of degree ("a bit", "slightly") right before a finding the question did not ask
    about says how much of that finding, not yes to the question."""
    first, lists = reading.tokens[yes.i].norm, reader.lex.lists
    # A yes said with its subject ("I have", "it is") may go on to say what that subject has.
    if first in lists.get("plain_yes", frozenset()) and (
        yes.j - yes.i == 1 or first not in lists.get("yes_subjects", frozenset())
    ):
        return False  # "yes, a bit tired": a yes first, then more
    # "sort of heavy" to "Any new weakness in your legs?": a quality with no place of its own
    # is about what the question asked.
    asked = question.concepts
    tokens = reading.tokens
    # "tengo un dolor fuerte en la columna", "I have bad pain in my spine" to "Are your legs
    # weak?": what the writer has is the finding named a word or two on, not the legs.
    reach = yes.j
    while reach < min(len(tokens), yes.j + 2) and tokens[reach].kind != PUNCT:
        reach += 1
    if any(
        yes.j <= d.start <= reach and d.concept not in asked and not d.loose and d.status == "present"
        for d in reading.drafts
    ):
        return True
    # "knees a bit sore", "ankles a bit swollen" to "Are you having trouble walking?": the degree
    # said inside another finding's words is how much of it.
    around = [d for d in reading.drafts if d.start < yes.i <= yes.j <= d.end and not d.loose]
    if any(d.concept not in asked and d.status == "present" for d in around):
        return True
    # "a bit stiff in the mornings": a quality with no place that could not be what was asked
    # (stiffness is no weakness or numbness of any part) is how much of that quality.
    # (asked of the legs and walking only: "bit fuzzy" to "Any confusion?" is a yes, fuzzy-headed)
    legs = lists.get("walking_concepts", frozenset()) | {"gait_difficulty"}
    if legs.isdisjoint(asked):
        return False
    for m in reading.mentions:
        if m.has("concept") or m.has("site") or not yes.j <= m.i <= reach:
            continue
        framed = _framed_anywhere(reader, m.values("quality"))
        if framed and framed.isdisjoint(asked):
            return True
    return False


NOW_WORDS: Final = frozenset({"now", "currently", "today", "tonight"})
PAINS: Final = frozenset({"chest_pain", "back_pain", "neck_pain", "headache", "radicular_pain"})


def _after_now(reading: Reading, n: Number, words: frozenset[str] = NOW_WORDS) -> bool:
    """A 0-10 number with one of `words` ("now", or "before" words) just before it."""
    tokens = reading.tokens
    return 0 <= n.value <= 10 and any(t.norm in words for t in tokens[max(0, n.i - 3) : n.i])


def _pain_is_the_asked_pain(question: Question, reading: Reading) -> None:
    """'a niggle on the left when I breathe in, 3/10' to 'Any chest pain?' is chest pain."""
    asked = [c for c in question.concepts if c in PAINS]
    if len(asked) != 1 or any(d.concept in PAINS for d in reading.drafts):
        return
    sited = {m.i for m in reading.mentions if m.has("site")}
    for d in reading.drafts:
        if d.concept == "pain" and not any(d.start <= i < d.end for i in sited):
            d.concept = asked[0]


def _quality_of_the_asked_site(reader: Reader, question: Question, reading: Reading) -> None:
    """'heavy, like wading through treacle' to 'Any weakness or heaviness in your legs?': a
    quality said with no site of its own is said of the site the question asks about, so
    it is limb weakness, not the tiredness "heavy" alone would be."""
    if any(m.has("neg") or "no" in m.values("ans") for m in reading.mentions):
        return  # "no, just feel heavy headed": a denial keeps the quality its own
    frames = reader.lex.frames
    asked = set(question.concepts)
    starts = {m.i: m for m in reading.mentions if m.has("quality")}
    for d in reading.drafts:
        if not d.loose or d.concept in asked or d.start not in starts:
            continue
        qualities = set(starts[d.start].values("quality"))
        framed = _framed_anywhere(reader, qualities) & asked
        if not framed:
            # "wobbly" to "Any problems with walking?": said of the legs one walks on, their
            # weakness or numbness ("not too bad" is no pain of the legs)
            walking = reader.lex.lists.get("walking_concepts", frozenset())
            framed = {frames[(site, q)] for site in question.sites for q in qualities if (site, q) in frames}
            framed &= walking
        if len(framed) == 1:
            d.concept = framed.pop()
    if any(m.has("site") for m in reading.mentions):
        return
    # "they've gone dead" to "Any numbness in your legs?": the quality is said of the legs
    # the question names, so it takes what that site gives it (both legs: extensive).
    frame_mods = reader.lex.frame_mods
    for d in reading.drafts:
        if not d.loose or d.concept not in asked or d.start not in starts:
            continue
        for site in question.sites:
            for q in starts[d.start].values("quality"):
                if frames.get((site, q)) == d.concept:
                    d.mods.update(frame_mods.get((site, q), ()))


def _quality_of_an_asked_place(reader: Reader, question: Question, reading: Reading) -> None:
    """'sore as anything' to 'How is your back today?', 'weak' to 'How are your legs?': a
    question that names only a place asks how that place is, so a quality the answer says with
    no place of its own is said of it (back pain, weak legs), not the quality's own default
    (an ache somewhere, tiredness). A quality the default does not read ("stiff", "killing
    me") is said of the place only when the answer names no place, finding or denial of its
    own."""
    if not question.places:
        return
    frames, frame_mods = reader.lex.frames, reader.lex.frame_mods

    def framed(m: Mention) -> tuple[str, tuple[str, ...]] | None:
        found = {
            frames[(site, q)]: frame_mods.get((site, q), ())
            for site in question.places
            for q in m.values("quality")
            if (site, q) in frames
        }
        return next(iter(found.items())) if len(found) == 1 else None

    qualities = {m.i: m for m in reading.mentions if m.has("quality") and not m.has("site")}
    for d in reading.drafts:
        m = qualities.get(d.start)
        said = framed(m) if d.loose and m is not None else None
        if said is not None:
            d.concept = said[0]
            d.mods.update(said[1])
            d.loose = False
    own = ("neg", "hyp", "res", "site", "concept")
    # (a "bad" is no denial: "bad" to "How is your back?" says how it is; "fine", "no" are)
    if any(m.has(k) for m in reading.mentions for k in own) or any(
        {"yes", "no", "good"} & set(m.values("ans")) for m in reading.mentions
    ):
        return
    added = False
    for i, m in qualities.items():
        said = framed(m)
        if said is None or any(d.start <= i < d.end for d in reading.drafts):
            continue
        d = Draft(said[0], m.i, m.j, m.i, m.values("mod"))
        d.mods.update(said[1])
        reading.drafts.append(d)
        added = True
    if added or reading.drafts:
        return
    # "much worse at night" to "How is your back today?": how the place's pain goes (worse, at
    # night, all the time) says the pain is there, as "worse" to "How is your breathing?" does.
    tokens = reading.tokens
    if any(("marker", "stable") in m.tags for m in reading.mentions) or any(
        t.norm in _NOT_WORSE for t in tokens
    ):
        return  # "no worse", "not worse at night": no change, or none then
    said_mods = {v for m in reading.mentions if not m.has("quality") for v in m.values("mod")} - {"worsening"}
    # ("worse", "much worse", "it's worse": the answer opens on it, not "the weather is worse")
    worse = any(t.norm in WORSE_WORDS for t in tokens[:3])
    if not (said_mods & TELLS_A_PAIN or worse):
        return
    pains = {frames[(site, "pain")] for site in question.places if (site, "pain") in frames}
    if len(pains) != 1:
        return
    d = Draft(pains.pop(), 0, max(1, len(reading.tokens)), 0, said_mods & TELLS_A_PAIN)
    if worse:
        d.mods.add("worsening")
    d.from_question = True
    reading.drafts.append(d)


def _side_of_the_asked_limb(reader: Reader, question: Question, reading: Reading) -> None:
    """'la izquierda, la tengo roja y gorda' to '¿Tiene alguna pierna hinchada?': a side named
    with no limb of its own ("the left one") is the side of the limb the question names, so
    what is said of it is said of that limb (a swollen leg, not a swollen arm)."""
    if not question.sites:
        return
    tokens, frames = reading.tokens, reader.lex.frames
    sides = reader.sides - reader.determiners  # ("un", "una" are both: not a side alone)
    bare_words = sides | reader.determiners
    bare = [
        m
        for m in reading.mentions
        if m.has("site")
        and all(t.norm in bare_words for t in tokens[m.i : m.j])
        and any(t.norm in sides for t in tokens[m.i : m.j])
    ]
    if not bare:
        return
    qualities = {m.i: m.values("quality") for m in reading.mentions if m.has("quality")}
    for d in reading.drafts:
        if not any(d.start <= m.i < d.end for m in bare):
            continue
        framed = {
            frames[(site, q)]
            for site in question.sites
            for q in qualities.get(d.anchor, ())
            if (site, q) in frames
        }
        if len(framed) == 1:
            d.concept = framed.pop()


def _site_verdict(reading: Reading, site: Mention) -> Mention | None:
    """A "no" or "fine" said of the site in its own clause ("legs are fine", "no, my chest's ok")."""
    tokens = reading.tokens
    clause = tokens[site.i].clause
    for m in reading.mentions:
        if m.i >= site.j + 8 or (m.i > site.i and tokens[m.i].clause != clause):
            continue
        if m.j <= site.i and (site.i - m.j > 4 or tokens[m.i].sentence != tokens[site.i].sentence):
            continue  # "nope, my legs are ok": a leading "no" may sit just before the site
        answers = m.values("ans")
        if "no" in answers or "good" in answers or ("res", "post") in m.tags:
            if m.j <= site.i and any(
                "yes" in y.values("ans") and m.j <= y.i < site.i for y in reading.mentions
            ):
                continue  # "ok so yes, both legs": the yes after it is the verdict on the site
            return m
    return None


def _score(d: Draft, n: int) -> None:
    d.score = n
    if n >= 7:
        d.mods.add("severe")


def _named_by_site(reader: Reader, question: Question, reading: Reading) -> tuple[str, ...]:
    frames = reader.lex.frames
    sites = {s for m in reading.mentions for s in m.values("site")}
    if not sites:
        return ()
    named = tuple(
        c
        for c in question.concepts
        if any(site == s and concept == c for (site, _q), concept in frames.items() for s in sites)
    )
    if named or "pain" not in question.concepts:
        return named
    # "8, right in my chest" to "How bad is your pain, 0 to 10?": the place the answer names
    # says which pain it is (chest pain, back pain), as "my chest hurts, 8" would.
    return tuple(dict.fromkeys(frames[(s, "pain")] for s in sorted(sites) if (s, "pain") in frames))


# "still dripping" to "Is it still bleeding?": a flow that goes on says it is there; "half
# of it" or "on one side" to "Any changes in your sight?" says where it is, so that it is.
AFFIRMING: Final = frozenset(
    {
        "at_rest",
        "large_amount",
        "sudden",
        "constant",
        "worsening",
        "night",
        "on_straining",
        "wont_stop",
        "one_sided",
    }
)


def _framed_by_the_question(reader: Reader, question: Question, mentions: list[Mention]) -> bool:
    if any(m.has(k) for m in mentions for k in ("neg", "hyp", "res", "site", "concept")):
        return False
    asked = set(question.concepts)
    for m in mentions:
        framed = _framed_anywhere(reader, m.values("quality"))
        if framed and framed <= asked:
            return True
    return False


def _framed_anywhere(reader: Reader, qualities: Iterable[str]) -> set[str]:
    """What the qualities make of any site they can be said of (stiff: back, neck or leg pain)."""
    said = set(qualities)
    return {c for (_site, q), c in reader.lex.frames.items() if q in said}


def _quality_of_the_question_site(
    reader: Reader, question: Question, mentions: list[Mention]
) -> tuple[str, ...]:
    """What the answer's qualities make of the site the question names, when the answer
    names no site, finding, denial or hypothetical of its own."""
    own = ("neg", "hyp", "res", "site", "concept")
    if not question.sites or any(m.has(k) for m in mentions for k in own):
        return ()
    frames = reader.lex.frames
    found: dict[str, None] = {}
    for m in mentions:
        for q in m.values("quality"):
            for site in question.sites:
                c = frames.get((site, q))
                if c is not None:
                    found[c] = None
    return tuple(found)


def _affirming(reader: Reader, concepts: tuple[str, ...], mods: set[str], mentions: list[Mention]) -> bool:
    if any(m.has("neg") or m.has("hyp") or m.has("res") for m in mentions):
        return False
    targets = reader.lex.modifier_targets
    return any(
        mod in AFFIRMING and (mod not in targets or any(c in targets[mod] for c in concepts)) for mod in mods
    )


def _answer_modifiers(reader: Reader, reading: Reading) -> set[str]:
    mods: set[str] = set()
    tokens = reading.tokens
    # A "fine" that opens its clause ("fine sat in the chair"), or says who is fine ("but I'm
    # fine sat down"), not "a good mouthful".
    subjects = reader.lex.lists.get("cue_canceller_subjects", frozenset())
    fine = [
        m
        for m in reading.mentions
        if "good" in m.values("ans")
        and (m.i == 0 or tokens[m.i - 1].clause != tokens[m.i].clause or tokens[m.i - 1].norm in subjects)
    ]
    for m in reading.mentions:
        if not m.has("concept") and m.has("mod"):
            if any(0 <= m.i - g.j <= 2 and tokens[g.i].clause == tokens[m.i].clause for g in fine):
                continue  # "only when I'm moving, fine sat in the chair": fine then, not then
            if reader.denied_after(reading, m):
                continue  # "pero sentada estoy bien": the circumstance is denied
            mods.update(m.values("mod"))
    return mods


def _merge_values(question: Question, reading: Reading, number: Number | None) -> None:
    """'7 tbh, back's bad' keeps its score on the question's own concept."""
    if number is None or question.kind not in ("scale", "count"):
        return
    n = int(number.value)
    for d in reading.drafts:
        if d.concept in question.concepts and d.status == "present":
            if question.kind == "scale" and d.score is None:
                d.score = n
                if n >= 7:
                    d.mods.add("severe")
            elif question.kind == "count" and d.count is None:
                d.count = n
