"""Conversations across messages (conversations_holdout5): typos in the message that names the
finding; a part that feels like someone else's or "like sleeping"; sight a little blurry.
Examples in our own words, with near misses beside them that must not fire."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NUMB_Q = "Any numbness in your legs or between your legs?"


def _read(*texts: str | tuple[str, str], context: dict[str, Any] | None = None) -> Any:
    """The conversation's assessment; a (question, answer) pair is an answer to that question."""
    messages = []
    for i, t in enumerate(texts):
        question, text = t if isinstance(t, tuple) else (None, t)
        messages.append(Message(text, T0 + timedelta(minutes=i * 20), question, None))
    return ConversationReader(default_engine()).read(messages, context).assessment


def _level(*texts: str | tuple[str, str], context: dict[str, Any] | None = None) -> str:
    return str(_read(*texts, context=context).level.label)


def _present(*texts: str | tuple[str, str]) -> set[str]:
    return {f.concept for f in _read(*texts).findings if f.present}


# --- typos: a slip of the fingers keeps a word's first and last letters ---------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("my bakc is killing me", "and both lges feel heavey"),
        ("back is really sore today", "lges gone heavey and weird"),
        ("lower back aching", "my lges are so heavey I can barely lift them"),
    ],
)
def test_back_pain_then_legs_heavy_misspelt_is_cord_compression(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize("text", ["my lges feel heavey", "both lges have gone heavey"])
def test_misspelt_heavy_legs_alone_are_weak_legs(text: str) -> None:
    assert "limb_weakness" in _present(text)


def test_misspelt_heavy_legs_denied_are_not_weak_legs() -> None:
    assert "limb_weakness" not in _present("my bakc aches but my lges dont feel heavey at all")


# --- a part that feels like a stranger's, or "like sleeping", has lost its feeling -----------


@pytest.mark.parametrize(
    "answer",
    [
        "now you mention it, on the toilet it felt like I was sitting on somebody else's bottom",
        "sitting down it's like sitting on someone else's bum",
        "when I sat on the loo it was like sitting on a stranger's backside",
    ],
)
def test_a_seat_that_feels_like_someone_elses_is_saddle_numbness(answer: str) -> None:
    assert _level("back ache, maybe a 5", (NUMB_Q, answer)) == "emergency"
    assert "saddle_numbness" in _present((NUMB_Q, answer))


@pytest.mark.parametrize(
    "second",
    [
        "today my feet they are like sleeping, I touch them and is like not my feet",
        "my feet are like asleep and it is like they are not my feet",
        "the feet I touch and it's like not my own feet",
    ],
)
def test_back_pain_then_feet_that_feel_not_mine_is_cord_compression(second: str) -> None:
    assert _level("I have pain in the back since 3 days", second) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "honestly it's like not my problem any more",  # a figure of speech, no part
        "this new chair is like sitting on someone else's sofa",  # no part of the body
        "my husband is like sleeping all day",  # a person asleep, no limb
        "my husband says his feet feel like someone else's",  # someone else's
    ],
)
def test_strangers_and_sleep_without_the_writers_part_are_not_numbness(text: str) -> None:
    assert "numbness" not in _present(text)
    assert "saddle_numbness" not in _present(text)


# --- sight a little blurry ------------------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "things look a bit blurry today",
        "everything seems kind of fuzzy this morning",
        "stuff looks a little hazy",
    ],
)
def test_sight_a_bit_blurry_then_one_eye_is_one_sided_vision_change(first: str) -> None:
    answer = ("Is it both eyes or just one?", "only the right eye, the left one is fine")
    assert _level(first, answer, context={"known_brain_metastases": True}) == "emergency"


def test_sight_a_bit_blurry_in_both_eyes_is_routine() -> None:
    assert _level("things look a bit blurry today") == "routine"


def test_a_photo_a_bit_blurry_is_not_sight() -> None:
    assert "vision_change" not in _present("the photo you sent came out a bit blurry")


# --- a band of pain round the trunk is back pain (docs/triage.md) ---------------------------


@pytest.mark.parametrize(
    "first",
    [
        "got a band of pain going right round my ribs, like a belt pulled in",
        "there's a ring of aching all the way around my chest",
        "tight belt of pain wrapping round my middle since yesterday",
    ],
)
def test_a_band_round_the_trunk_then_tingling_toes_is_cord_compression(first: str) -> None:
    assert _level(first, "and my toes have gone tingly") == "emergency"
    assert "back_pain" in _present(first)


def test_a_band_round_the_trunk_alone_is_back_pain_not_chest_pain() -> None:
    assert _present("a band of pain running round my ribcage") == {"back_pain"}


@pytest.mark.parametrize(
    "text",
    [
        "my husband has a band of pain going round his ribs",
        "no band of pain going round my ribs, just this cough",
    ],
)
def test_a_band_of_someone_elses_or_denied_is_not_the_writers(text: str) -> None:
    assert "back_pain" not in _present(text)


# --- a sentence that opens with "it" speaks of the pain named before -------------------------


@pytest.mark.parametrize(
    "second",
    [
        "it came on out of the blue, like being kicked by a horse",
        "it started all of a sudden, felt like being hit with a sledgehammer",
        "honestly it came out of nowhere, like being kicked by a horse",
    ],
)
def test_chest_pain_then_its_onset_and_strength_is_an_emergency(second: str) -> None:
    assert _level("a bit of pain in my chest", second) == "emergency"


def test_the_same_words_after_a_sore_knee_stay_with_the_knee() -> None:
    assert _level("my knee hurts", "it came out of nowhere, like being kicked by a horse") == "urgent"


def test_the_same_words_after_someone_elses_chest_pain_stay_theirs() -> None:
    level = _level("my husband has chest pain", "it came out of nowhere, like being kicked by a horse")
    assert level == "none"


# --- speech cut short by breath --------------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "now I can't even get a sentence out on the phone without stopping",
        "I couldn't get one sentence out without gasping",
        "he can hardly get a whole sentence out",
    ],
)
def test_breathless_then_no_sentence_out_is_breathless_when_talking(second: str) -> None:
    assert _level("short of breath since yesterday", second) == "emergency"


def test_getting_a_sentence_out_fine_is_not_breathless() -> None:
    assert "dyspnea" not in _present("no trouble getting a sentence out")


# --- words passed on from a relative or friend are theirs ------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "oops, I was typing out what my brother told me on the phone, he's got a slipped disc. I'm alright",
        "sorry that's just what my sister said, she's at the GP now",
        "ha I was repeating what my mate texted me, he's the poorly one",
    ],
)
def test_an_account_passed_on_from_a_relative_is_theirs(second: str) -> None:
    assert _level("can't feel my legs and my back is killing me", second) in {"none", "routine"}


@pytest.mark.parametrize(
    "second",
    [
        "I was typing out what my GP said",  # a doctor's words may be about the writer
        "that's what my sister said too",  # the sister agrees; the writer has it
        "that's what my mum had before she died",  # the same as mum, not mum's
    ],
)
def test_words_that_agree_or_come_from_a_doctor_keep_the_finding(second: str) -> None:
    assert _level("my legs have gone weak", second) == "emergency"


# --- false alarms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("I can't walk", "*can't WAIT, to see you all on Thursday! stupid phone"),
        ("can't walk", "*can't wait for the weekend x"),
        ("I fainted yesterday", "*I painted yesterday, the fence looks lovely. daft phone"),
    ],
)
def test_a_star_that_says_the_words_again_with_one_put_right_takes_the_finding_back(
    texts: tuple[str, str],
) -> None:
    assert _level(*texts) == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("back hurts and can't feel my legs", "*feet"),  # a site only: two sites, nothing moves
        ("I can't walk", "*can't walk far"),  # said again, more
        ("legs gone numb", "*lens gone numb"),  # the star's word is not the one before the slip
    ],
)
def test_a_star_that_puts_no_finding_word_right_keeps_the_finding(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "had a nosebleed on Sunday that wouldn't stop, all sorted since",
        "my gums bled on Monday, been good since",
        "nosebleed at the weekend, no bother since",
    ],
)
def test_a_finding_put_right_and_nothing_since_is_over(text: str) -> None:
    assert _level(text, "see you Friday") == "none"


def test_bleeding_that_has_gone_on_since_is_still_bleeding() -> None:
    assert _level("nosebleed this morning, been bleeding since") == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "we're bleeding money on taxis to the hospital",
        "the old boiler bleeds cash every winter",
        "the club has been haemorrhaging points all season",
    ],
)
def test_money_running_out_is_not_bleeding(text: str) -> None:
    assert _level(text, "my son will drive me from now on") == "none"


def test_bleeding_money_beside_a_real_bleed_still_counts() -> None:
    assert _level("we're bleeding money and now my nose is bleeding") == "routine"


@pytest.mark.parametrize(
    "first",
    [
        "my mum had lung cancer too and she lost the feeling in her legs near the end",
        "my dad had the same cancer as me, he couldn't walk towards the end",
        "my aunt had cancer too, she went all confused at the very end",
    ],
)
def test_a_relatives_last_illness_told_as_family_history_is_theirs(first: str) -> None:
    assert _level(first, "just thinking about her today. I'm doing well myself") == "none"


@pytest.mark.parametrize("text", ["my mum can't feel her legs", "mum can't walk at the end of the day"])
def test_a_parent_written_about_without_a_history_is_the_patient(text: str) -> None:
    assert _level(text) == "emergency"
