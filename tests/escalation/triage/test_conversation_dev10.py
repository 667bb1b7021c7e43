"""Conversations across messages (conversations_dev10): a past episode then "nothing like that
since"; a slip said so ("sorry typo, I meant ...") that takes the words back; laughter told as
dying; a passive wish not to wake hedged with "just". Examples in our own words, with hard
negatives beside them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _level(*texts: str) -> str:
    messages = [Message(text, T0 + timedelta(minutes=i * 2), None, None) for i, text in enumerate(texts)]
    reading: Any = ConversationReader(default_engine()).read(messages, None).assessment
    return str(reading.level.label)


@pytest.mark.parametrize(
    "texts",
    [
        ("when I first started treatment I had a temperature", "nothing like that since, touch wood"),
        ("last time I had the infusion I was shivering all night", "this cycle nothing like that"),
        ("on my first round of chemo I bled from the gums a lot", "not had it since"),
        ("when I had the op I couldn't get my breath", "none of that this time thankfully"),
    ],
)
def test_a_past_episode_that_has_not_come_back_is_not_raised(texts: tuple[str, str]) -> None:
    assert _level(*texts) in {"none", "routine"}


@pytest.mark.parametrize(
    "texts",
    [
        # nothing dates the first message to the past: it is now
        ("I have a temperature and I'm on chemo", "nothing like that since yesterday though"),
        # "nothing like that before" makes it new, not over
        ("last time I had chemo I felt fine but now I'm burning up", "nothing like that before"),
    ],
)
def test_a_present_episode_stays_raised_after_nothing_like_that(texts: tuple[str, str]) -> None:
    assert _level(*texts) in {"urgent", "emergency"}


@pytest.mark.parametrize(
    "second",
    [
        "sorry typo I meant can't wait for the weekend",
        "oops autocorrect, I meant cant believe the score",
        "soz wrong word, meant couldn't bear that film",
    ],
)
def test_a_slip_said_so_takes_back_the_words_before(second: str) -> None:
    assert _level("can't breathe", second) == "none"


def test_a_slip_that_names_a_finding_of_its_own_still_counts() -> None:
    assert _level("can't sleep", "sorry typo I meant can't breathe") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "the grandkids had me killing myself laughing",
        "nearly killed myself laughing at that show",
        "we were killing ourselves with laughter, I was killing myself with laughter",
    ],
)
def test_laughter_told_as_dying_is_not_self_harm(text: str) -> None:
    assert _level(text) != "emergency"


def test_wanting_to_kill_myself_is_still_self_harm() -> None:
    assert _level("some days I think about killing myself") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "would be simpler if I just didnt wake up",
        "sometimes think it'd be kinder if I simply didnt wake up",
        "easier on everyone if I just didnt wake up tomorrow",
    ],
)
def test_a_hedged_wish_not_to_wake_is_self_harm(text: str) -> None:
    assert _level(text) == "emergency"


def test_not_waking_up_in_the_night_is_not_self_harm() -> None:
    assert _level("slept right through, didnt wake up once") != "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("coughd and there was blood in the tissue", "just a smear"),
        ("i faintd in the kitchen",),
        ("vomitd up my dinner", "then vomitd again"),
    ],
)
def test_a_past_tense_with_its_e_dropped_is_read_as_the_verb(texts: tuple[str, ...]) -> None:
    messages = [Message(t, T0 + timedelta(minutes=i), None, None) for i, t in enumerate(texts)]
    reading: Any = ConversationReader(default_engine()).read(messages, None).assessment
    assert {f.concept for f in reading.findings if f.present} & {"hemoptysis", "syncope", "vomiting"}


def test_a_word_ending_in_d_that_is_already_a_word_is_left_alone() -> None:
    assert _level("went to bed early, feeling good") == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("a couple of red dots after I coughed", "my chest aches on the right too"),
        ("some pink spots when im coughing", "and it hurts in my chest"),
        ("tiny red spots as he coughs", "he says his chest is sore"),
    ],
)
def test_red_marks_seen_when_coughing_are_coughed_blood(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "emergency"


def test_red_spots_on_the_skin_are_not_coughed_blood() -> None:
    assert _level("red spots on my arm", "and a bit of a cough") == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "headache came on like a thunderclap this afternoon",
        "this headache struck like a clap of thunder",
        "my head pain hit like a crack of thunder",
    ],
)
def test_a_headache_like_thunder_is_sudden(text: str) -> None:
    assert _level(text) == "urgent"


def test_a_dull_headache_in_a_storm_is_routine() -> None:
    assert _level("dull headache since the storm last night") == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "tried the garden steps and my legs just wouldn't do it",
        "my legs won't cooperate this morning",
        "dad's legs refused to obey him on the stairs",
    ],
)
def test_legs_that_refuse_the_task_are_weak(text: str) -> None:
    assert _level(text) == "emergency"


def test_a_thing_that_refuses_the_task_is_not_a_weak_leg() -> None:
    assert _level("the printer just wouldn't do it, so annoying") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "she keeps dropping off in her chair mid chat",
        "he kept drifting off while I was talking",
        "keep dropping off after lunch",
    ],
)
def test_dropping_off_again_and_again_is_drowsiness(text: str) -> None:
    assert _level(text) == "urgent"


def test_dropping_someone_off_is_not_drowsiness() -> None:
    assert _level("dropped the grandkids off at school") == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("I could drink the ocean today", "and I'm weeing every hour"),
        ("could drink a lake", "up to wee all night"),
        ("honestly could drink the taps dry", "back and forth to the loo"),
    ],
)
def test_thirst_told_as_a_boast_pools_with_passing_water(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "urgent"


def test_a_drink_wished_for_is_not_thirst() -> None:
    assert _level("could drink a nice cup of tea right now") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "bladder feels full but nothing really comes out",
        "bladder is full to bursting and nothing much will come out",
        "my bladder's bursting and nothing hardly came out",
    ],
)
def test_retention_told_with_a_hedge_is_still_retention(text: str) -> None:
    assert _level(text) == "emergency"


def test_nothing_coming_out_of_a_tube_is_not_retention() -> None:
    assert _level("squeezed the cream tube but nothing really comes out") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "back's a touch worse than yesterday",
        "my back is slightly worse each morning",
        "back a tad worse again today",
    ],
)
def test_a_back_a_small_degree_worse_is_worsening_back_pain(text: str) -> None:
    assert _level(text) == "urgent"


def test_a_back_a_touch_better_is_not_raised() -> None:
    assert _level("back's a touch better today") in {"none", "routine"}


@pytest.mark.parametrize(
    "texts",
    [
        ("when I cough my back feels like it's going to snap", "legs are ok though"),
        ("lower back feels like it'll crack in half whenever I strain on the loo",),
        ("my spine feels like it's splitting when I sneeze", "walking fine"),
    ],
)
def test_a_back_told_as_breaking_on_straining_is_spinal_pain(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "urgent"


@pytest.mark.parametrize(
    "text",
    ["my heart feels like it's breaking since she left", "the ice on the pond looks like it's cracking"],
)
def test_something_else_breaking_is_not_pain(text: str) -> None:
    assert _level(text) == "none"


BLADDER_Q = "Any trouble passing urine or controlling your bladder or bowels?"


@pytest.mark.parametrize(
    "answer",
    [
        "keep trying but nothing really comes out",
        "only a dribble since this morning",
        "sat there ages and it won't come out",
    ],
)
def test_an_answer_that_leaves_the_bladder_to_the_question_is_retention(answer: str) -> None:
    messages = [Message(answer, T0, BLADDER_Q, None)]
    reading: Any = ConversationReader(default_engine()).read(messages, None).assessment
    assert "bladder_bowel_dysfunction" in {f.concept for f in reading.findings if f.present}


@pytest.mark.parametrize(
    ("answer", "question"),
    [
        ("no, all comes out fine", BLADDER_Q),
        ("nope, it comes out ok", BLADDER_Q),
        ("nothing comes out of the tap upstairs though", None),
    ],
)
def test_retention_words_denied_or_unasked_are_not_retention(answer: str, question: str | None) -> None:
    messages = [Message(answer, T0, question, None)]
    reading: Any = ConversationReader(default_engine()).read(messages, None).assessment
    assert "bladder_bowel_dysfunction" not in {f.concept for f in reading.findings if f.present}


@pytest.mark.parametrize(
    "texts",
    [
        (
            "back's been sore between my shoulder blades",
            "now my legs feel like they're wrapped in bubble wrap",
        ),
        ("aching low in my spine", "thighs feel wrapped in clingfilm"),
        ("my back hurts", "and my feet feel like they're wrapped in plastic"),
    ],
)
def test_a_limb_felt_as_through_a_wrapping_is_numb_and_pools_with_back_pain(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "emergency"


def test_food_wrapped_in_cling_film_is_not_numbness() -> None:
    assert _level("the parcel was wrapped in plastic", "leftovers wrapped in cling film") == "none"
