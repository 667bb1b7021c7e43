"""Conversations across messages (conversations_dev7): one-word texters, carers answering for
the patient, corrected readings and scores, symptoms that come back, things long over.
Examples in our own words, with hard negatives beside them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message
from vigil.escalation.triage.lines import triage_line

from .conftest import CARER

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BACK_SCORE = "How bad is your back pain from 0 to 10?"
LEGS_WEAK = "Any new weakness in your legs?"


def _reading(
    *texts: str | tuple[str, str | None, float],
    context: dict[str, Any] | None = None,
    carer: bool = False,
) -> Any:
    messages = []
    for i, item in enumerate(texts):
        text, question, minutes = item if isinstance(item, tuple) else (item, None, float(i * 2))
        messages.append(Message(text, T0 + timedelta(minutes=minutes), question, CARER if carer else None))
    return ConversationReader(default_engine()).read(messages, context).assessment


def _level(*texts: str | tuple[str, str | None, float], **kw: Any) -> str:
    return str(_reading(*texts, **kw).level.label)


# -- A conversation line's messages carry their own context ("writer": "carer") --------------


def test_a_message_of_a_conversation_line_keeps_its_own_carer_context() -> None:
    line = {
        "id": "c",
        "messages": [
            {"text": "my husband's speech went all slurred at lunch", "minutes": 0, "context": CARER},
            {"text": "he's still slurring now", "minutes": 20, "context": CARER},
        ],
    }
    assert triage_line(default_engine(), json.dumps(line))["level"] == "emergency"
    # hard negative: from the patient's own number, the husband is someone else
    for m in line["messages"]:
        del m["context"]
    assert triage_line(default_engine(), json.dumps(line))["level"] == "none"


def test_a_message_context_that_is_not_true_false_or_a_writer_is_an_error() -> None:
    line = {"id": "c", "messages": [{"text": "hi", "minutes": 0, "context": {"on_active_treatment": "yes"}}]}
    assert "error" in triage_line(default_engine(), json.dumps(line))


@pytest.mark.parametrize(
    ("first", "reading", "level"),
    [
        ("he feels feverish tonight", "37.8 under his arm", "urgent"),
        ("she's a bit hot and clammy, feels feverish", "thermometer says 37.6", "urgent"),
        ("running a temperature I think", "37.7 on the ear one", "urgent"),
        # hard negatives: a reading of 38 or more is a fever on treatment, an emergency
        ("he feels feverish tonight", "38.4 under his arm", "emergency"),
        ("running a temperature I think", "just took it, 38.9", "emergency"),
    ],
)
def test_a_later_reading_says_how_high_a_fever_named_before_is(first: str, reading: str, level: str) -> None:
    assert _level(first, reading, context={"on_active_treatment": True}) == level


# -- One-word texters: a site said alone, then what it feels like ---------------------------


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("back", "so sore", "and my feet have gone numb"), "emergency"),
        (("my back", "aching", "legs feel numb too"), "emergency"),
        (("lower back", "aching bad", "and tingling down both legs"), "emergency"),
        (("chest", "tight and sore"), "urgent"),
        (("both legs", "gone numb"), "emergency"),
        (("legs", "numb since breakfast"), "emergency"),
        # hard negatives: the site and the quality in one message, or a site of its own
        (("back", "my knee is sore", "feet tingly"), "routine"),
        (("back from the shops", "sore", "toes tingly"), "routine"),
        (("got back", "really sore", "toes tingly"), "routine"),
        (("back home now", "aching", "feet tingly"), "routine"),
        (("toes", "numb"), "routine"),
    ],
)
def test_a_site_said_alone_gives_its_place_to_the_next_message(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


# -- A corrected 0-10 score ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("chest pain, about a 2 out of 10", "oops meant 8 not 2"), "emergency"),
        (("pain in my chest 4/10", "sorry typo, should have said 9"), "emergency"),
        (("chest hurts, 1/10", "i mean 10"), "emergency"),
        (("my hip's sore, 3 out of 10", "sorry meant 8"), "urgent"),
        (("chest pain, 2/10", "oops, that should be 9"), "emergency"),
        (("headache 2/10", "make that an 8"), "urgent"),
        # hard negatives: a score lowered, a count, a time
        (("chest pain 9/10", "sorry meant 2 not 9"), "urgent"),
        (("chest pain 2/10", "meant 5 minutes ago not now"), "urgent"),
        (("hip sore, 3/10", "taken 2 not 4 tablets"), "routine"),
    ],
)
def test_a_corrected_score_replaces_the_score_before(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


# -- A symptom that was over and comes back ------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("the blood when I cough had stopped for a few days", "but there's a speck again today"), "urgent"),
        (("chest pain went away after lunch", "it's back"), "urgent"),
        (("my headache had gone by the morning", "nope it's started up again"), "routine"),
        (("the runs stopped on Sunday", "and again this morning"), "routine"),
        # a general word said to be back is the particular one said before
        (("coughed a little blood on Monday, then it stopped", "blood's back today"), "urgent"),
        (("the chest pain eased off last night", "the pain's back again"), "urgent"),
        # hard negatives: still over, or nothing was over before
        (("the blood when I cough had stopped for a few days", "not seen any again"), "none"),
        (("the blood when I cough had stopped for a few days", "feeling more like myself again"), "none"),
        (("chest pain went away after lunch", "all gone again now"), "none"),
        (("the blood in my phlegm stopped", "my blood results are back"), "none"),
        (("my headache went away", "my husband is back home now"), "none"),
    ],
)
def test_a_symptom_that_was_over_and_is_back_is_present_again(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


# -- Told of weeks ago, then said to be over -------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("had a nasty cough last week", "all cleared up now"), "none"),
        (("I was sick a few times a couple of weeks ago", "settled now thanks"), "none"),
        (("bad diarrhoea the other week", "all fine now"), "none"),
        (("threw up a few times last week", "all good now"), "none"),
        # hard negatives: ongoing since then, or not said to be over
        (("had diarrhoea since last week", "settled now"), "routine"),
        (("had a nasty cough last week", "still there"), "routine"),
    ],
)
def test_a_symptom_told_of_weeks_ago_and_said_over_is_not_now(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


# -- A carer's correction of whom they wrote about ----------------------------------------


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("she's been vomiting all night", "sorry, that was our granddaughter, not Jean"), "none"),
        (("he's had the runs", "oops it was his brother not him"), "none"),
        (("she's got a temperature", "sorry that was our little one, Mary's fine"), "none"),
        # hard negative: "this is her daughter" says who writes, not whose the symptoms are
        (("she's been vomiting all night", "this is her daughter btw"), "routine"),
    ],
)
def test_a_carer_who_says_that_was_another_family_member_moves_it(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts, carer=True) == level


# -- A carer's answer relayed after an introduction -------------------------------------------


@pytest.mark.parametrize(
    ("answer", "question", "concept", "status"),
    [
        ("it's his son here, dad's asleep. he says 7", BACK_SCORE, "back_pain", "present"),
        ("this is Ann for my husband, he is in the bath, he said yes", LEGS_WEAK, "limb_weakness", "present"),
        ("her daughter answering, she's lying down. she says no", LEGS_WEAK, "limb_weakness", "negated"),
    ],
)
def test_a_carer_relays_the_patients_answer_after_saying_who_writes(
    answer: str, question: str, concept: str, status: str
) -> None:
    a = default_engine().assess(answer, question, CARER)
    assert {(f.concept, f.status) for f in a.findings} >= {(concept, status)}


def test_a_relayed_score_pooled_with_numbness_later_is_cord_compression() -> None:
    r = _reading(
        ("hi it's Sam for my mum, she's having a nap. she says 5", BACK_SCORE, 0),
        ("her right foot's gone numb", None, 3),
        carer=True,
    )
    assert "mscc-neuro" in r.rules


TEMP_Q = "Have you had a fever or temperature today?"


@pytest.mark.parametrize(
    ("correction", "level"),
    [
        ("wait no 38.7", "emergency"),
        ("hang on, no, 38.4", "emergency"),
        ("oops no its 39.1", "emergency"),
        # hard negatives: the "no" denies the new reading too, or the correction is normal
        ("no, not 38.7", "none"),
        ("wait no, not 38.4, I was right", "none"),
        ("wait no 36.6", "none"),
    ],
)
def test_a_normal_reading_corrected_to_a_fever_with_a_leading_no(correction: str, level: str) -> None:
    r = _reading(("36.9", TEMP_Q, 0), (correction, None, 2), context={"on_active_treatment": True})
    assert r.level.label == level


# -- Single words the conversations above need ------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("sorry 38.9 not 36.9",), "emergency"),
        (("temp 36.5", "no sorry, 38.6 not 36.5"), "emergency"),
        (("it's 38.2, not 37.2",), "emergency"),
        # hard negative: a fever reading, then a normal one, is over
        (("38.2 this morning, 36.8 now",), "none"),
    ],
)
def test_a_reading_said_with_not_before_it_is_the_one_taken_back(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts, context={"on_active_treatment": True}) == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("his words came out all muddled over breakfast", "emergency"),
        ("she keeps muddling her words", "emergency"),
        ("he's getting his words mixed up since lunch", "emergency"),
        # hard negatives: muddling through something else, a job done, and real tiredness
        ("we're muddling through the paperwork", "none"),
        ("got the forms done in the end", "none"),
        ("finished it all, done in no time", "none"),
        ("I'm done in after the chemo", "routine"),
    ],
)
def test_a_carer_tells_of_muddled_words_and_finished_jobs_are_not_tiredness(text: str, level: str) -> None:
    assert default_engine().assess(text, None, CARER).level.label == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("keep tripping over nothing", "emergency"),
        ("kept stumbling on flat ground all morning", "emergency"),
        ("my little girl has a temperature, she's not the patient", "none"),
        # hard negatives: a carer's "my little girl" with no word setting her apart, and "nothing" as a denial
        ("no trips, nothing today", "none"),
    ],
)
def test_tripping_over_nothing_and_a_child_who_is_not_the_patient(text: str, level: str) -> None:
    assert default_engine().assess(text).level.label == level


# -- Counts of the day said bare, or corrected ------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("threw up 3 times before lunch", "twice more this afternoon", "and once just now"), "urgent"),
        (("vomited 4 times", "make that 6"), "urgent"),
        (("sick twice this morning", "and twice since lunch", "and twice again tonight"), "urgent"),
        # hard negatives: a total corrected down, and "once" after something that is not counted
        (("vomited 4 times", "make that 3"), "routine"),
        (("bad headache earlier", "once"), "routine"),
    ],
)
def test_counts_said_bare_or_corrected_add_up_to_the_days_total(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level
