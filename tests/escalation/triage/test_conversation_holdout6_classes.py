"""Classes of messages read from conversations_holdout6, in our own words, with their near
misses: loss of feeling in a band round the trunk; a nerve's pain told as an electric current;
next to nothing coming out of the bladder; "I don't feel my legs"; blood in a tissue or spat out
with the chest named in another message; words got out only between breaths; a friend named
then "not me" after a message about "she"; a past finding said to be gone after a word that
opens the reply.

Each test is named as the class it reads; the sentences are illustrations of a class, not the
set's own (docs/triage.md, "Conversations", "cord-signs", "hemoptysis-major", "breathing").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BLADDER = "Any trouble passing urine or controlling your bladder or bowels?"


def _reading(*turns: str | tuple[str, str], context: Mapping[str, Any] | None = None) -> Any:
    """Messages twenty minutes apart; a (question, answer) pair answers that question."""
    messages = []
    for i, turn in enumerate(turns):
        question, text = turn if isinstance(turn, tuple) else (None, turn)
        messages.append(Message(text, T0 + timedelta(minutes=i * 20), question, context))
    return ConversationReader(default_engine()).read(messages, None).assessment


def _level(*turns: str | tuple[str, str]) -> str:
    return str(_reading(*turns).level.label)


def _present(*turns: str | tuple[str, str]) -> set[str]:
    return {f.concept for f in _reading(*turns).findings if f.present}


def _fired(*turns: str | tuple[str, str]) -> set[str]:
    return set(_reading(*turns).rules)


# -- numbness in a band round the trunk ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my tummy's gone numb, a strip from my belly button round to my back",
        "numb band from my navel across to my side, no pain at all",
        "cant feel my skin, kind of a stripe from the breastbone round to my spine",
        "skin feels dead, like a belt from my tummy around to my side",
        "numb from my belly buton round to my side",
    ],
)
def test_numb_band_round_the_trunk_is_trunk_sensory_loss(text: str) -> None:
    assert _level(text) == "emergency"
    assert "cord-signs" in _fired(text)


def test_numb_band_round_the_trunk_told_after_its_pain_is_denied_is_still_a_cord_sign() -> None:
    first = "the skin on my belly feels numb, like a strip from my belly button round to my side"
    assert _level(first, "doesnt hurt, no back pain") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "numb patch near my scar on my tummy since the op",
        "my lip is still numb after the dentist",
        "tingly strip from my belly button round to my side",
        "the fingers on my left hand are numb",
    ],
)
def test_numb_patch_or_tingling_is_no_trunk_sensory_loss(text: str) -> None:
    assert _level(text) != "emergency"


# -- a nerve's pain told as an electric current, then numbness ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pain zapping down my right leg",
        "a pain in my leg like an electric shock",
        "my leg keeps getting these zaps down it like electric shocks",
        "pain zings down the back of my thigh to my calf",
    ],
)
def test_pain_zapping_down_a_leg_is_radicular_pain(text: str) -> None:
    assert "radicular_pain" in _present(text)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("pain zapping down my left leg", "now my left foot feels dead"),
        ("shooting like an electric shock down the back of my leg", "and the foot on that side is numb"),
        ("my right leg hurts like an electrical current in it", "toes on that foot cant feel the floor"),
    ],
)
def test_radicular_pain_then_numbness_in_the_same_leg_is_mscc_neuro(first: str, second: str) -> None:
    assert _level(first, second) == "emergency"
    assert "mscc-neuro" in _fired(first, second)


@pytest.mark.parametrize(
    "text",
    [
        "got an electric shock off the car door",
        "the toaster gave me a shock",
        "the news was a shock to us all",
    ],
)
def test_a_shock_from_a_thing_is_no_pain(text: str) -> None:
    assert _level(text) == "none"


# -- next to nothing coming out of the bladder ---------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "hardly anything comes out even when i push",
        "barely a drop comes out",
        "only a tiny bit comes out when i go",
        "very little comes out, i have to strain",
    ],
)
def test_next_to_nothing_coming_out_is_trouble_passing_urine(answer: str) -> None:
    assert "bladder_bowel_dysfunction" in _present((BLADDER, answer))


def test_neck_pain_then_next_to_nothing_coming_out_is_mscc_neuro() -> None:
    turns = ("stiff sore neck, cant turn my head", (BLADDER, "hardly anything comes out when i try"))
    assert _level(*turns) == "emergency"
    assert "mscc-neuro" in _fired(*turns)


@pytest.mark.parametrize(
    "text",
    [
        "hardly anything comes out of the kitchen tap, the pipes froze",
        "barely anything came out of the printer today",
    ],
)
def test_next_to_nothing_from_a_thing_is_no_bladder_trouble(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in _present(text)


# -- "I don't feel my legs" -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i dont feel my legs since lunch",
        "not feeling my legs at all",
        "didnt feel my legs when i got up this morning",
        "i do not feel my legs properly",
    ],
)
def test_not_feeling_ones_legs_is_loss_of_feeling_in_both_legs(text: str) -> None:
    assert _level(text) == "emergency"


def test_a_general_question_about_legs_then_mine_both_numb_is_a_cord_sign() -> None:
    first = "is it normal to not feel your legs after radio"
    assert _level(first, "mine are both numb and dead now") == "emergency"


@pytest.mark.parametrize("text", ["i dont feel myself today", "dont feel my age", "not feeling my best"])
def test_not_feeling_oneself_is_no_numbness(text: str) -> None:
    assert "numbness" not in _present(text)


# -- blood in a tissue or spat out, with the chest named in another message -------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("sharp pain under my left ribs when i take a breath", "spat out some blood just now"),
        ("spat out streaks of blood this morning", "and theres a pain in my chest when i breathe"),
        ("a few specks of red on my hanky", "getting more out of breath today"),
        ("more breathless than usual", "streaks of blood in my tissue"),
        ("red streaks on my tissue earlier", "short of breath walking to the kitchen, which is new"),
    ],
)
def test_blood_spat_or_in_a_tissue_with_the_chest_named_is_major_hemoptysis(turns: tuple[str, str]) -> None:
    assert "hemoptysis" in _present(*turns)
    assert _level(*turns) == "emergency"


@pytest.mark.parametrize(
    "turns",
    [
        ("blew my nose, streaks of red in my tissue", "a bit breathless after the stairs"),
        ("bit my lip, spat out some blood", "chest feels a bit tight"),
        ("cut my finger, blood on the tissue", "bit short of breath today"),
    ],
)
def test_blood_from_the_nose_mouth_or_a_cut_stays_bleeding(turns: tuple[str, str]) -> None:
    assert "hemoptysis" not in _present(*turns)


def test_spitting_out_a_drink_is_no_blood() -> None:
    assert _level("spat my tea out laughing") == "none"


# -- words got out only between breaths ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "texting this in between gasps",
        "have to stop for breath after every few words",
        "can only get a few words out",
        "typing between breaths",
        "can only say two words at a time",
    ],
)
def test_words_got_out_between_breaths_is_severe_breathlessness(text: str) -> None:
    assert _level(text) == "emergency"
    assert "breathing" in _fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "we talked between songs at the concert",
        "the grandkids can only say a few words in french",
        "i read a chapter between naps",
    ],
)
def test_other_things_between_others_are_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in _present(text)


# -- "she" then "my friend, not me" --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("she had a seizure at the shops", "sorry should have said, my neighbour, not me"),
        ("he collapsed in the garden this morning", "my brother in law i mean, not me. hes in hospital now"),
        ("she cant feel her legs since this morning", "oh my friend from church, not me"),
        ("he's coughing up blood", "to be clear, my husband, not me"),
        ("she had a fit last nite", "soz, my mate from work not me"),
    ],
)
def test_she_then_a_friend_named_and_not_me_gives_the_finding_away(first: str, second: str) -> None:
    assert _level(first, second) == "none"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("i had a fit last night", "my friend was there, not me who rang the ambulance"),
        ("i collapsed in the kitchen", "my husband found me, not me who called"),
        ("she says i had a fit in my sleep", "my husband, not me, saw it"),
    ],
)
def test_the_writers_own_finding_or_one_shared_is_not_given_away(first: str, second: str) -> None:
    assert _level(first, second) == "emergency"


# -- a past finding said to be gone, after a word that opens the reply ------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("had pins and needles in my toes after the last cycle", "actually its gone completely now"),
        ("my fingers went tingly after my previous round", "oh it's all gone now"),
        ("had an achy knee after the last chemo", "actually it's settled now"),
        ("had tingling in my feet after the first cycle", "well its gone now"),
    ],
)
def test_a_routine_finding_after_a_past_cycle_then_gone_is_over(first: str, second: str) -> None:
    assert _level(first, second) == "none"


@pytest.mark.parametrize(
    ("first", "second", "level"),
    [
        ("tingling in my fingers since the last cycle", "actually its gone now", "routine"),
        ("tingling in my fingers after the last cycle", "actually its gone worse", "routine"),
        ("crushing chest pain after the last cycle", "actually its gone now", "emergency"),
    ],
)
def test_a_finding_still_there_or_raised_is_not_over(first: str, second: str, level: str) -> None:
    assert _level(first, second) == level


# -- a correction with "too" as "overly" still corrects -------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("spat out blood this morning", "false alarm, it was from my gums, i brushed too hard"),
        ("coughed up a bit of blood", "sorry, it was from my gums, i flossed too hard"),
        ("spat up some blood", "false alarm, it was my nose, i blew it too much"),
        ("coughing up blood", "actually it was from my lip, i bit it too hard"),
    ],
)
def test_blood_put_right_as_from_the_mouth_with_too_as_overly_is_bleeding(first: str, second: str) -> None:
    assert "hemoptysis" not in _present(first, second)
    assert _level(first, second) == "routine"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("coughing up blood", "sorry, and my gums bleed too"),
        ("coughed up blood", "actually my nose bled as well"),
    ],
)
def test_a_correction_that_adds_another_bleed_keeps_the_blood_coughed_up(first: str, second: str) -> None:
    assert "hemoptysis" in _present(first, second)


# -- "the one who's poorly is my husband": a cleft that names only how someone else is -----------


@pytest.mark.parametrize(
    "text",
    [
        "the one who's poorly is my husband, cough and fever",
        "me fine. the one whos ill is my son, temperature of 39",
        "the one who is really struggling is my wife, cant catch her breath",
        "the one who's unwell is our daughter, been sick 6 times",
    ],
)
def test_a_cleft_on_who_is_unwell_gives_them_what_follows(text: str) -> None:
    assert _level(text) == "none"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("the one who helps me is my daughter, cant walk since yesterday", "emergency"),
        ("the one who's poorly is my husband, i have a fever though", "urgent"),
        ("the one thing that worries me is my cough", "routine"),
    ],
)
def test_a_cleft_on_a_helper_or_the_writers_own_words_stay_the_writers(text: str, level: str) -> None:
    assert _level(text) == level
