"""Conversations in fragments (conversations_dev11): a measure of blood made bigger ("a good
tablespoon", "a whole bowlful"); a reading after a comma that a "no" or "without" before it does
not reach; walking told in a learner's English ("he not walk good", "must hold the wall"); clots
after a cough; pink froth, then blood told by its colour alone; breath lost to laughter with its
emoji; blood in a film; "no pain now" after a red flag (gone since, not taken back); a carer's
child, who is never the patient; counts that add up in fragments ("runs x2", "another couple",
"and again just now. all today"); "it" that hurts when one coughs, after back pain (the back
pain, `on_straining`); "the other one too" after a finding of one side (now both); a bare site,
then a quality that names nothing alone ("back" then "killing me"); legs that have "gone"; a
person set apart after a comma ("..., not your patient") and a writer who says they are not the
patient; "last month" then "nothing since"; "I meant both feet"; a joke owned ("just kidding");
"that was last year" (history, unless it is back); a finding that has spread to a site named
("now it's up to my knees, both legs"); a bare count to "How many times today?"; a quality
denied without a site ("not weak, just achy") denies it where it was said.
Examples in our own words, with near-misses beside them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CHEMO: Mapping[str, Any] = {"on_active_treatment": True}
CARER: Mapping[str, Any] = {"writer": "carer"}


def _level(
    *texts: str, context: Mapping[str, Any] | None = None, carer: bool = False, question: str | None = None
) -> str:
    """The level after the messages; `question` is what the last one answered."""
    messages = [
        Message(
            text,
            T0 + timedelta(minutes=i * 20),
            question if i == len(texts) - 1 else None,
            CARER if carer else None,
        )
        for i, text in enumerate(texts)
    ]
    reading: Any = ConversationReader(default_engine()).read(messages, context).assessment
    return str(reading.level.label)


# -- a measure of blood made bigger -------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("brought up blood when I coughed earlier, a good tablespoon of it",),
        ("coughing up blood", "a big mouthful this time"),
        ("she's vomiting and it's got blood in it", "a full cupful, dark red"),
        ("my nose is pouring blood", "a whole bowlful so far"),
    ],
)
def test_a_measure_of_blood_made_bigger_is_a_large_amount(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        # a streak is a streak, however it is said
        ("coughed up a little streak of blood",),
        # the measure is of something else
        ("had a good bowlful of porridge this morning",),
        ("feeling good, ate a whole bowlful of soup",),
    ],
)
def test_a_measure_that_is_not_blood_stays_below_emergency(texts: tuple[str, ...]) -> None:
    assert _level(*texts) != "emergency"


# -- a reading after a comma is out of a "no"'s reach -------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("temp 37.1", "sorry read it without my specs, it's 38.4"),
        ("no cough, it's 38.3",),
        ("not shivering, temp is 38.6",),
    ],
)
def test_a_reading_after_a_comma_is_not_denied_by_the_no_before_it(texts: tuple[str, ...]) -> None:
    assert _level(*texts, context=CHEMO) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("no fever, cough or pain",),
        ("not hot, it's 36.5",),
        ("no temperature, no 38 or anything like that",),
    ],
)
def test_a_no_still_covers_its_own_list_and_normal_readings(texts: tuple[str, ...]) -> None:
    assert _level(*texts, context=CHEMO) in {"none", "routine"}


# -- walking told in a learner's English ----------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("my wife back is very bad pain", "today she not walk good, she must hold the furniture"),
        ("he not walk properly since yesterday",),
        ("dad must hold the wall for go to kitchen",),
        ("I no walk well now",),
    ],
)
def test_walking_told_in_a_learners_english_is_trouble_walking(texts: tuple[str, ...]) -> None:
    assert _level(*texts, carer=True) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("no walking normally",),
        ("I will not walk the dog today, too cold",),
        ("no, walking fine thanks",),
    ],
)
def test_a_choice_not_to_walk_or_a_no_before_walking_is_not_trouble_walking(texts: tuple[str, ...]) -> None:
    assert _level(*texts) in {"none", "routine"}


# -- clots after a cough ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("he was coughing all night and there were clots in the basin",),
        ("bad night", "she coughs and there are clots every time"),
        ("I coughed and there were a few clots the size of a grape",),
    ],
)
def test_clots_after_a_cough_are_a_lot_of_coughed_up_blood(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("the scan showed there were clots in my lungs last year, all treated",),
        ("my period was heavy and there were clots",),
    ],
)
def test_clots_without_a_cough_are_not_coughed_up_blood(texts: tuple[str, ...]) -> None:
    assert _level(*texts) != "emergency"


# -- pink froth, then blood told by its colour alone -----------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("coughed up something pink and foamy", "now it's bright red and more than a spoonful"),
        ("spitting pinkish bubbly stuff", "this time dark red, a whole mouthful"),
        ("brought up bloody frothy phlegm", "bright red again and loads of it"),
    ],
)
def test_blood_told_by_its_colour_after_blood_is_more_of_that_blood(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        # froth from brushing, no lungs in it
        ("spat out pink foam after brushing my teeth",),
        # a colour with no blood before it
        ("my face went bright red in the sun, a whole afternoon of it",),
        # blood before, but the colour is a rash's, and small
        ("bit of blood when I blew my nose", "cheeks are pink from the cold"),
    ],
)
def test_a_colour_without_blood_before_it_is_not_blood(texts: tuple[str, ...]) -> None:
    assert _level(*texts) != "emergency"


# -- breath lost to laughter ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("can't breathe 🤣🤣", "grandson just fell in the paddling pool fully dressed"),
        ("😂😂 I can't breathe", "you should have seen his face"),
        ("cannot breathe lmao", "the cat is stuck in the blinds again"),
    ],
)
def test_breath_lost_to_laughter_with_its_emoji_is_not_breathlessness(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("can't breathe 😭",),
        ("can't breathe lol, scared",),
        ("can't breathe 😂 no seriously my chest is tight and I'm gasping",),
    ],
)
def test_breath_lost_without_laughter_is_still_an_emergency(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


# -- blood in a film -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("saw a movie full of gore and blood last night, never again", "all fine here"),
        ("far too much blood in that drama for me", "otherwise quiet day"),
        ("the show had so much bleeding I turned it off",),
    ],
)
def test_blood_in_a_film_is_not_the_patients(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("watched a film and then coughed up so much blood",),
        ("was watching telly when I started bleeding, a whole towel soaked",),
    ],
)
def test_blood_of_ones_own_beside_a_film_still_counts(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


# -- "no pain now" after a red flag: gone since, not taken back ------------------------------------


@pytest.mark.parametrize(
    ("texts", "context"),
    [
        (("crushing pain in my chest", "no pain now"), None),
        (("temp is 38.7", "no fever any more after a lie down"), CHEMO),
        (("coughed up a cupful of blood", "not bleeding now"), None),
    ],
)
def test_a_red_flag_denied_of_now_stays_raised(
    texts: tuple[str, ...], context: Mapping[str, Any] | None
) -> None:
    assert _level(*texts, context=context) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("crushing pain in my chest", "no pain now actually, I misread the question"),
        ("crushing pain in my chest", "sorry, wrong chat"),
    ],
)
def test_a_red_flag_taken_back_is_not_raised(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "none"


# -- a carer's child is not the patient -----------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("this is Jean's son, my toddler has a temp of 38.9 so we'll miss Mum's appointment",),
        ("my baby has been vomiting all night", "so I can't come with dad today"),
        ("our grandkids have all got a fever, dad's fine"),
    ],
)
def test_a_carers_child_is_not_the_patient(texts: tuple[str, ...] | str) -> None:
    texts = (texts,) if isinstance(texts, str) else texts
    assert _level(*texts, carer=True) in {"none", "routine"}


@pytest.mark.parametrize(
    "texts",
    [
        ("mum has a temp of 39 and my little boy has a cold",),
        ("dad can't walk since this morning, my baby is teething too",),
        ("grandads face is swollen and he's breathing noisy",),
    ],
)
def test_the_patient_beside_a_carers_child_still_counts(texts: tuple[str, ...]) -> None:
    assert _level(*texts, carer=True) in {"urgent", "emergency"}


# -- counts that add up in fragments ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "context"),
    [
        (("threw up twice before lunch", "3 more since", "and again just now. still today"), None),
        (("runs x3 this morning", "another couple since"), CHEMO),
        (("loose x2 overnight", "another few after breakfast"), CHEMO),
        (("been sick 4 times", "another couple since tea"), None),
    ],
)
def test_counts_told_in_fragments_add_up(texts: tuple[str, ...], context: Mapping[str, Any] | None) -> None:
    assert _level(*texts, context=context) == "urgent"


@pytest.mark.parametrize(
    "texts",
    [
        ("sick twice this morning", "another couple of days of this and I'll give up"),
        ("runs x2 yesterday", "another few nights of bad sleep"),
        ("he runs 5k every week",),
    ],
)
def test_numbers_that_are_not_more_episodes_do_not_add_up(texts: tuple[str, ...]) -> None:
    assert _level(*texts, context=CHEMO) in {"none", "routine"}


# -- "it" that hurts when one coughs, after back pain ------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("ma back's awfy sore", "it jags right through me every time a sneeze"),
        ("lower back aching", "it hurts more when I cough"),
        ("pain in my spine", "it shoots through me every time I strain on the loo"),
        ("back's sore", "that jagging pain again whenever I cough"),
    ],
)
def test_it_hurting_on_a_cough_after_back_pain_is_back_pain_on_straining(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "urgent"


@pytest.mark.parametrize(
    "texts",
    [
        # no back pain before: the cough is what hurts, a chest wall ache at most
        ("my knee is sore", "it jags every time I cough"),
        # an injection, not a pain
        ("back's a bit stiff", "got my flu jag today, all fine"),
    ],
)
def test_a_jag_or_a_cough_without_back_pain_before_is_not_a_spinal_flag(texts: tuple[str, ...]) -> None:
    assert _level(*texts) in {"none", "routine"}


# -- "the other one too": a finding of one side, now of both -------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("my left leg's gone numb", "and the other one as well now"),
        ("no feeling in my right leg since lunch", "now both"),
        ("my left leg is numb", "the other leg has gone the same"),
    ],
)
def test_the_other_one_too_after_one_numb_leg_is_both_legs(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("my left leg's gone numb", "the other one is fine though"),
        ("tingling in my right foot", "the other one too now"),
        ("my left leg's gone numb", "my husband's other leg is the same, he sat funny"),
    ],
)
def test_the_other_one_fine_or_only_feet_is_not_both_legs(texts: tuple[str, ...]) -> None:
    assert _level(*texts) in {"none", "routine"}


# -- a bare site, then a quality that names nothing alone -------------------------------------------


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("back", "killing me"), "urgent"),
        (("my chest", "crushing, like a vice"), "emergency"),
        (("lower back", "murdering me", "and both legs tingling"), "emergency"),
    ],
)
def test_a_bare_site_then_a_quality_is_read_as_one(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    "texts",
    [
        ("back", "home now, the kids are killing me"),
        ("back", "from the shops, all good"),
    ],
)
def test_back_as_a_return_is_no_site(texts: tuple[str, ...]) -> None:
    assert _level(*texts) in {"none", "routine"}


# -- legs that have "gone" ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("dad can't get up off the sofa, legs gone",),
        ("tried to stand", "my legs just went"),
        ("her legs have gone, she's on the floor",),
    ],
)
def test_legs_that_have_gone_are_weak_legs(texts: tuple[str, ...]) -> None:
    assert _level(*texts, carer=True) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("the cramps in my legs have gone now",),
        ("the ache in his legs went after a rest",),
        ("swelling in my legs has gone down",),
    ],
)
def test_what_was_in_the_legs_going_is_no_weakness(texts: tuple[str, ...]) -> None:
    assert _level(*texts) in {"none", "routine"}


# -- someone set apart, or a writer who is not the patient ---------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("my nan is very muddled today", "she's 95, lives in a home, not your patient"),
        ("gran's coughing blood, not your patient, just asking what to do",),
    ],
)
def test_a_person_set_apart_after_a_comma_is_not_the_patient(texts: tuple[str, ...]) -> None:
    assert _level(*texts) in {"none", "routine"}


@pytest.mark.parametrize(
    "texts",
    [
        ("I'm not the patient, my husband is, he can't feel his legs",),
        ("im not your patient, my wife is", "she's coughing up clots"),
    ],
)
def test_a_writer_who_is_not_the_patient_writes_for_them(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


def test_the_writers_own_aside_is_still_below_emergency() -> None:
    assert _level("I'm not the patient but I've had a cough for a week") in {"none", "routine"}


# -- "last month" then "nothing since" -------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("had a temperature last month", "nothing since"),
        ("coughed up some streaks of blood last month", "not had it since"),
    ],
)
def test_last_month_then_nothing_since_is_over(texts: tuple[str, ...]) -> None:
    assert _level(*texts) in {"none", "routine"}


def test_now_then_nothing_since_is_not_over() -> None:
    assert _level("coughed up some streaks of blood this morning", "nothing since") == "urgent"


# -- "I meant both feet" -----------------------------------------------------------------------------


@pytest.mark.parametrize("fix", ["sorry I meant both feet", "*both feet", "meant both hands sorry"])
def test_a_site_corrected_after_both_moves_the_finding(fix: str) -> None:
    assert _level("no feeling in both legs", fix) == "routine"


def test_a_site_corrected_to_legs_raises_it() -> None:
    assert _level("no feeling in both feet", "sorry I meant both legs") == "emergency"


# -- a joke owned --------------------------------------------------------------------------------------


@pytest.mark.parametrize("second", ["just kidding, it was beetroot juice", "lol jk", "only joking!"])
def test_a_joke_owned_takes_the_message_back(second: str) -> None:
    assert _level("coughing up blood", second) == "none"


@pytest.mark.parametrize("second", ["not kidding, there's loads", "no joke, it's a lot", "I'm not joking"])
def test_a_joke_denied_keeps_it(second: str) -> None:
    assert _level("coughing up blood", second) in {"urgent", "emergency"}


# -- "that was last year": history, unless it is back -------------------------------------------


@pytest.mark.parametrize("second", ["that was last year", "that was months ago", "oh that was ages ago"])
def test_a_red_flag_dated_long_ago_is_history(second: str) -> None:
    assert _level("couldn't breathe even sitting down", second) in {"none", "routine"}


@pytest.mark.parametrize(
    "second",
    [
        "that was last year, but it's back now",
        "that was months ago and it's started again",
        "that was last week",
    ],
)
def test_a_red_flag_dated_but_back_or_recent_stays_raised(second: str) -> None:
    assert _level("couldn't breathe even sitting down", second) == "emergency"


# -- a finding that has spread to a site named ---------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("toes are numb", "it's crept up to my thighs now, both legs"),
        ("no feeling in my feet", "spreading up into both legs"),
        ("numb soles", "now it's reached my bum and between my legs"),
    ],
)
def test_numbness_spreading_to_both_legs_is_a_cord_sign(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("toes are numb", "up to my ankles now"),
        ("toes are numb", "reached the shops fine though"),
    ],
)
def test_numbness_reaching_the_feet_only_or_a_trip_out_stays_routine(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "routine"


# -- a bare count to a question that names no symptom -------------------------------------------------


@pytest.mark.parametrize(
    ("first", "answer", "level"),
    [
        ("the runs again", "8", "urgent"),
        ("keep being sick", "6", "urgent"),
        ("the runs again", "2", "routine"),
    ],
)
def test_a_bare_count_answers_how_many_times(first: str, answer: str, level: str) -> None:
    assert _level(first, answer, question="How many times today?") == level


def test_a_bare_number_to_a_count_question_after_pain_is_no_count() -> None:
    assert _level("sore knee", "3", question="How many times today?") == "routine"


# -- a quality denied without a site denies it where it was said --------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("my legs are weak", "no sorry, not weak, just achy"),
        ("arms feel weak", "actually not weak, more stiff"),
        ("left leg has gone numb", "no wait, not numb, just cold"),
    ],
)
def test_a_quality_taken_back_without_a_site_takes_back_the_finding(first: str, second: str) -> None:
    assert _level(first, second) in {"none", "routine"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a denial of now: gone since, the raised case stays raised
        ("my legs are weak", "not weak now"),
        # a site of its own: the legs are still weak
        ("my legs are weak", "I'm not weak in myself, just the legs"),
        # another word: tiredness denied, not the weakness
        ("my legs are weak", "not tired though"),
    ],
)
def test_a_denial_of_now_or_of_another_thing_keeps_the_finding(first: str, second: str) -> None:
    assert _level(first, second) == "emergency"
