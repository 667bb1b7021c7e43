"""What a language says across messages (`data/<lang>/conversation.yaml`): taking back,
giving to someone else, getting better, and the words the pooling passes look for."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .engine import load_data
from .pool import (
    ALSO,
    ME,
    THEM,
    THEM_SUBJECT,
)


@dataclass(frozen=True, slots=True)
class Phrases:
    retract: tuple[re.Pattern[str], ...]
    reassign: tuple[re.Pattern[str], ...]
    resolve: tuple[re.Pattern[str], ...]
    reassign_named: tuple[re.Pattern[str], ...]
    reassign_after: tuple[re.Pattern[str], ...]
    correction: tuple[re.Pattern[str], ...]
    again: tuple[re.Pattern[str], ...]
    numbers: Mapping[str, int]
    counted: frozenset[str]
    # A story on a screen or a page ("watching Call the Midwife"): what its people suffer in
    # the next messages is theirs, told by `people` words ("the poor woman", "a man").
    fiction: tuple[re.Pattern[str], ...] = ()
    # In a story, a finding whose words are only blood ("so much blood") is on the screen.
    screen_sight: re.Pattern[str] | None = None
    # As `reassign`, only when the message before did not speak of the writer (`me`): "bled
    # a lot" then "my granddaughter cut herself, I'm fine" (not "I coughed up a cupful").
    reassign_unowned: tuple[re.Pattern[str], ...] = ()
    # As `reassign_unowned`, only when the message before spoke of "she", "he" or "it" (`them`):
    # "she can't walk" then "the dog, she's hurt her paw".
    reassign_third: tuple[re.Pattern[str], ...] = ()
    # The writer says, alone, that they are well ("yo estoy bien"): the message before, read
    # with it as one text, may then be about the person it names ("Mi mamá vomitó").
    writer_well: tuple[re.Pattern[str], ...] = ()
    people: frozenset[str] = frozenset()
    # Capitalised words that open a sentence without being anyone's name ("Today has been...").
    not_names: frozenset[str] = frozenset()
    # "That was 1985": the message before told of the past, not of now.
    history: tuple[re.Pattern[str], ...] = ()
    # "glad that's all over" after a message told of the past ("when I had the op"): that
    # message was history too.
    history_over: tuple[re.Pattern[str], ...] = ()
    told_past: tuple[re.Pattern[str], ...] = ()
    # A reading corrected: "sorry, 36.8, misread it" replaces the reading before.
    reading_fix: tuple[re.Pattern[str], ...] = ()
    # "no sorry 37.7": the "no" that opens a corrected reading, and the words that would still
    # deny the reading after it ("no, not 37.7").
    leading_no: tuple[re.Pattern[str], ...] = ()
    denial: re.Pattern[str] = re.compile(r"\b(no|not|isnt|isn't|wasnt|wasn't|never|nothing)\b")
    covers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # "y la fiebre tb" after "la tos ya se me quitó": what is named goes the way of the last.
    same_as_before: tuple[re.Pattern[str], ...] = ()
    # In a correction that gives the message before away, the words of a clause that speak of
    # that person ("ella es la del dolor de cabeza", "a él le duele") and the writer's own
    # ("yo tengo tos", "la tos es mía"), which keep a finding the writer's.
    their_clause: re.Pattern[str] | None = None
    mine: frozenset[str] = frozenset()
    # What joins a message to the one before when they are read as one text: a new line, or
    # a comma where a new sentence would forget who was named ("mi esposo está mal" then "él
    # no puede caminar": "él", read "el", is not a pronoun to the reader).
    joiner: str = "\n"
    # "no" to a check-in question, then "la verdad sí, perdón por mentir": the yes stands.
    reverse: tuple[re.Pattern[str], ...] = ()
    # "mi suegra tiene tos" then "y diarrea": a message that opens by going on with the one
    # before goes on about the same person.
    continues: re.Pattern[str] | None = None
    # "We've rung his GP", "she's in a care home": a later message sets the person written
    # about apart from the clinic's care, so "my dad" of the message before is not the patient.
    apart: tuple[tuple[str, ...], ...] = ()
    # "What if my legs go numb?" then "both of them went numb": a pronoun just before a
    # finding stands for the site an earlier mention of the same concept named.
    site_pronoun: re.Pattern[str] | None = None
    site_pronoun_after: re.Pattern[str] | None = None
    # A finding whose own words are only a pronoun and its verb ("le duele"): the subject left
    # unsaid is the site named before.
    site_pronoun_lead: re.Pattern[str] | None = None
    # The sentence of the finding opens with the same pronoun ("it came out of nowhere, like
    # being kicked by a horse"): the pronoun is what the sentence speaks of, however far back.
    site_pronoun_opens: re.Pattern[str] | None = None
    # "cough's been bad all week" then "now there's blood in it": blood `in_it` of a finding
    # named before is of the kind `carried` says ({bleeding: {cough: hemoptysis}}).
    in_it: re.Pattern[str] | None = None
    # "coughing a lot" then "red spots in the tissue": blood in what one coughs into.
    in_tissue: re.Pattern[str] | None = None
    # "been coughing more" then "and tiny streaks of blood": a message that opens on "and" goes
    # on with the one before, as one sentence would.
    goes_on: re.Pattern[str] | None = None
    # "she IS your patient", "this is her son": the person written about is the patient.
    claim: tuple[re.Pattern[str], ...] = ()
    # "my brother's chest pain ..." then "now mine's started": the writer has it now.
    mine_too: tuple[re.Pattern[str], ...] = ()
    # "not the bad arm, the other one": a denial that moves a finding, not one that takes it away.
    other_place: tuple[re.Pattern[str], ...] = ()
    # "tripped on the rug" then "caught my foot again": tripping that keeps happening.
    trip: tuple[re.Pattern[str], ...] = ()
    trip_again: tuple[re.Pattern[str], ...] = ()
    not_coughed: re.Pattern[str] | None = None
    carried: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # "few streaks of red in my tissue" then "more breathless this afternoon": blood in what one
    # coughs or spits into, with a finding of the chest said before or after it, is of the
    # kind `tissue_carried` says ({bleeding: {dyspnea: hemoptysis}}).
    tissue_carried: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # A count said on its own ("it's been 6 today") is the day's total, not one more, when it
    # says so ("today", "so far", "already").
    count_total: tuple[re.Pattern[str], ...] = ()
    tally: tuple[re.Pattern[str], ...] = ()
    # Words for a third person and for the writer ("he", "I"), and what makes a correction
    # an addition instead ("too"): English unless the language's data says otherwise.
    them: frozenset[str] = field(default_factory=lambda: THEM)
    them_subject: frozenset[str] = field(default_factory=lambda: THEM_SUBJECT)
    me: frozenset[str] = field(default_factory=lambda: ME)
    also: re.Pattern[str] = field(default_factory=lambda: ALSO)
    fold_accents: bool = False
    # "feverish tonight" then "37.9 under the tongue": the later reading says how high the
    # fever named before is (as the lexicon's `fever_word_takes_reading` does in one message).
    reading_measures_fever: bool = False
    # "3/10" then "sorry meant 9 not 3": a 0-10 score corrected.
    score_fix: tuple[re.Pattern[str], ...] = ()
    # "had stopped" then "there's a fleck again tonight": what was over is back.
    recur: tuple[re.Pattern[str], ...] = ()
    # "had the runs last week" then "all settled now": over then, not now.
    told_weeks_ago: tuple[re.Pattern[str], ...] = ()
    # "had a headache yesterday" then "gone now": of an earlier day, over if nothing was raised.
    told_days_ago: tuple[re.Pattern[str], ...] = ()
    # "sick 3 times yesterday" then "another 3 today": counts of a day before the message's own,
    # which do not add to another day's.
    counted_day_before: tuple[re.Pattern[str], ...] = ()
    # In a correction, a site said to be fine ("no wait, legs are fine"): what was said of it
    # before is taken back (`what` names the site).
    site_fine: tuple[re.Pattern[str], ...] = ()
    # In a correction, a finding named as a reference to what was said ("ignore the breathless
    # bit"): what follows the finding's words.
    named_back: re.Pattern[str] | None = None
    named_before: re.Pattern[str] | None = None
    # "sorry, I meant me": someone else's findings said before are the writer's after all.
    me_after_all: tuple[re.Pattern[str], ...] = ()
    # "I've had diarrhoea myself": a carer's own finding, not a third person's.
    writers_own: tuple[re.Pattern[str], ...] = ()
    # "*feet", "I meant my arms": a correction giving only a site (`site`).
    site_fix: tuple[re.Pattern[str], ...] = ()
    # "sorry, it was from my gums": where blood said before came from; `sourced` maps the
    # kind of blood said before to the plain one.
    blood_source: tuple[re.Pattern[str], ...] = ()
    sourced: Mapping[str, str] = field(default_factory=dict)
    # "blood on my pillow?" then "oh it's red wine, knocked the glass": what looked like blood
    # was a food or drink that stains red; `stained` names the blood findings it takes back.
    stain_source: tuple[re.Pattern[str], ...] = ()
    stained: frozenset[str] = frozenset()
    # "autocorrect", "typo": the words before were wrong, not said too weakly.
    mistyped: tuple[re.Pattern[str], ...] = ()
    # The words of a mistyped correction that say it is one ("sorry", "typo"), not what it puts
    # right: the rest, said again, names the finding taken back ("typo, CAN feel my legs").
    mistyped_cue_words: frozenset[str] = frozenset()
    # "*legs": the texting mark for a word put right, without saying so.
    respell: tuple[re.Pattern[str], ...] = ()
    # "my right leg is numb" then "the other one too now": the finding at both (`pairs` names
    # each site's two).
    other_too: tuple[re.Pattern[str], ...] = ()
    pairs: Mapping[str, str] = field(default_factory=dict)
    # "numb feet" then "now it's up to my knees": the finding before has spread to the site named.
    spread: tuple[re.Pattern[str], ...] = ()
    # "the worst pain of my life, it reaches my arm": words before a site that say a pain
    # reaches it, not that it is there (the pain said before keeps its place).
    reach: re.Pattern[str] | None = None
    # "no pain now", "not bleeding any more": a denial of now, after the finding was said.
    no_longer: tuple[re.Pattern[str], ...] = ()
    # "spat out something pink" then "this time bright red": a colour of blood (a `quality` of
    # the lexicon's) with no place of its own, after blood, is read as if `word` followed it.
    colour: Mapping[str, str] = field(default_factory=dict)
    # "*can't WAIT, see you Thursday": the words a star opens with (`clause`) put right words of
    # the message before, even words that made a finding.
    star: re.Pattern[str] | None = None
    # "meant my hand not my leg": the right word (`new`) for the wrong one (`old`), said outright.
    swap: tuple[re.Pattern[str], ...] = ()
    # "right leg's gone numb" then "the left too": one limb named on each side is both of
    # them (`both_sides.gives`), as if said together; `limb` the limb whose both sides count,
    # `other_limb` a smaller part that does not ("the left foot too"), `both` "both of them".
    both_sides: Mapping[str, Any] = field(default_factory=dict)


@cache
def phrases(language: str = "en") -> Phrases:
    folder = resources.files(__package__) / "data" / language
    try:
        data: dict[str, Any] = load_data((folder / "conversation.yaml").read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        data = {}

    def patterns(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(str(p)) for p in data.get(key) or ())

    return Phrases(
        retract=patterns("retract"),
        reassign=patterns("reassign"),
        resolve=patterns("resolve"),
        reassign_named=patterns("reassign_named"),
        reassign_after=patterns("reassign_after"),
        reassign_unowned=patterns("reassign_unowned"),
        reassign_third=patterns("reassign_third"),
        writer_well=patterns("writer_well"),
        correction=patterns("correction"),
        again=patterns("again"),
        fiction=patterns("fiction"),
        screen_sight=re.compile(str(data["screen_sight"])) if data.get("screen_sight") else None,
        people=frozenset(str(w) for w in data.get("people") or ()),
        not_names=frozenset(str(w) for w in data.get("not_names") or ()),
        history=patterns("history"),
        history_over=patterns("history_over"),
        told_past=patterns("told_past"),
        reading_fix=patterns("reading_fix"),
        leading_no=patterns("leading_no"),
        numbers={str(k): int(v) for k, v in (data.get("numbers") or {}).items()},
        counted=frozenset(str(c) for c in data.get("counted") or ()),
        covers={str(k): frozenset(str(c) for c in v) for k, v in (data.get("covers") or {}).items()},
        same_as_before=patterns("same_as_before"),
        reverse=patterns("reverse"),
        joiner=str(data.get("joiner", "\n")),
        continues=re.compile(str(data["continues"])) if data.get("continues") else None,
        their_clause=re.compile(str(data["their_clause"])) if data.get("their_clause") else None,
        mine=frozenset(str(w) for w in data.get("mine") or ()),
        apart=tuple(tuple(str(c).split()) for c in data.get("apart") or ()),
        tally=patterns("tally"),
        site_pronoun=re.compile(str(data["site_pronoun"])) if data.get("site_pronoun") else None,
        site_pronoun_after=re.compile(str(data["site_pronoun_after"]))
        if data.get("site_pronoun_after")
        else None,
        site_pronoun_lead=re.compile(str(data["site_pronoun_lead"]))
        if data.get("site_pronoun_lead")
        else None,
        site_pronoun_opens=re.compile(str(data["site_pronoun_opens"]))
        if data.get("site_pronoun_opens")
        else None,
        in_it=re.compile(str(data["in_it"])) if data.get("in_it") else None,
        in_tissue=re.compile(str(data["in_tissue"])) if data.get("in_tissue") else None,
        goes_on=re.compile(str(data["goes_on"])) if data.get("goes_on") else None,
        claim=patterns("claim"),
        mine_too=patterns("mine_too"),
        other_place=patterns("other_place"),
        trip=patterns("trip"),
        trip_again=patterns("trip_again"),
        not_coughed=re.compile(str(data["not_coughed"])) if data.get("not_coughed") else None,
        carried={
            str(k): {str(a): str(b) for a, b in v.items()} for k, v in (data.get("carried") or {}).items()
        },
        tissue_carried={
            str(k): {str(a): str(b) for a, b in v.items()}
            for k, v in (data.get("tissue_carried") or {}).items()
        },
        count_total=patterns("count_total"),
        them=frozenset(str(w) for w in data["them"]) if data.get("them") else THEM,
        them_subject=(
            frozenset(str(w) for w in data["them_subject"]) if data.get("them_subject") else THEM_SUBJECT
        ),
        me=frozenset(str(w) for w in data["me"]) if data.get("me") else ME,
        also=re.compile(str(data["also"])) if data.get("also") else ALSO,
        fold_accents=bool(data.get("fold_accents", False)),
        reading_measures_fever=bool(data.get("reading_measures_fever", False)),
        score_fix=patterns("score_fix"),
        recur=patterns("recur"),
        told_weeks_ago=patterns("told_weeks_ago"),
        told_days_ago=patterns("told_days_ago"),
        counted_day_before=patterns("counted_day_before"),
        site_fine=patterns("site_fine"),
        named_back=re.compile(str(data["named_back"])) if data.get("named_back") else None,
        named_before=re.compile(str(data["named_before"])) if data.get("named_before") else None,
        mistyped=patterns("mistyped"),
        mistyped_cue_words=frozenset(str(w) for w in data.get("mistyped_cue_words") or ()),
        respell=patterns("respell"),
        star=re.compile(str(data["star"])) if data.get("star") else None,
        swap=patterns("swap"),
        no_longer=patterns("no_longer"),
        spread=patterns("spread"),
        reach=re.compile(str(data["reach"])) if data.get("reach") else None,
        other_too=patterns("other_too"),
        pairs={str(k): str(v) for k, v in (data.get("pairs") or {}).items()},
        colour={str(k): str(v) for k, v in (data.get("colour") or {}).items()},
        me_after_all=patterns("me_after_all"),
        writers_own=patterns("writers_own"),
        site_fix=patterns("site_fix"),
        blood_source=patterns("blood_source"),
        sourced={str(k): str(v) for k, v in (data.get("sourced") or {}).items()},
        stain_source=patterns("stain_source"),
        stained=frozenset(str(c) for c in data.get("stained") or ()),
        both_sides={
            str(k): [re.compile(str(x)) for x in v] if isinstance(v, list) and k == "sides" else v
            for k, v in (data.get("both_sides") or {}).items()
        },
    )
