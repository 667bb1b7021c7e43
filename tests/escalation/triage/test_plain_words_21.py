"""Red-team set 21's classes: a faint or fit followed by "fine now" (an attack is over once
it has happened, so it still counts), falls told with other words ("toppling over"), and
the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, assess, present, status_of


@pytest.mark.parametrize(
    "text",
    [
        "blacked out in the garden this afternoon, feel ok now",
        "went down in the bathroom, out cold for a minute, fine now",
        "had a fit at breakfast, he's ok now",
    ],
)
def test_a_faint_or_fit_today_then_fine_now_still_counts(text: str) -> None:
    a = assess(text, context=CARER)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "fainted once last month at the dentist, fine now",
        "had a seizure years ago, all fine now",
        "my friend passed out at the party, she's ok now",
    ],
)
def test_a_faint_dated_weeks_back_or_someone_elses_stays_none(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_headache_then_fine_now_is_still_resolved() -> None:
    assert status_of(assess("bad headache this morning, fine now"), "headache") == {"resolved"}


@pytest.mark.parametrize(
    "text",
    [
        "he keeps toppling over when he gets up",
        "toppled over twice on the landing today",
        "she tumbled over in the kitchen again",
    ],
)
def test_toppling_or_tumbling_over_is_a_fall(text: str) -> None:
    a = assess(text, context=CARER)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the bins keep toppling over in the wind",
        "the vase toppled over",
        "share prices tumbled down today",
    ],
)
def test_things_toppling_over_are_no_fall(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I have to stop for breath halfway up the hill",
        "can't climb the stairs any more without stopping for air",
        "can't walk to the shops without stopping to catch my breath",
    ],
)
def test_stopping_for_breath_on_a_climb_or_walk_is_breath_on_exertion(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is not Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "can't finish talking without stopping for breath",
        "have to stop for breath sitting in my chair",
        "can't even get dressed without stopping for breath",
    ],
)
def test_stopping_for_breath_at_the_least_effort_is_still_severe(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "puffed on the stairs now, used to manage them fine",
        "out of breath on the hill, I used to do it no bother",
        "have to stop for breath on the stairs, could do them easily last month",
    ],
)
def test_an_ease_told_as_past_makes_the_breath_new(text: str) -> None:
    assert assess(text).level is Level.URGENT


def test_managing_fine_with_nothing_wrong_is_none() -> None:
    assert assess("I used to manage fine on my own").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my knees went to jelly with nerves before the results",
        "legs turned to water when I heard the news",
        "she went weak at the knees when she saw the baby",
    ],
)
def test_legs_undone_by_a_feeling_are_a_figure_of_speech(text: str) -> None:
    assert "limb_weakness" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my legs went to jelly when I stood up",
        "legs went to jelly on the way to the loo",
        "his legs have gone to jelly since this morning",
    ],
)
def test_legs_gone_to_jelly_without_a_feeling_for_cause_are_weakness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the power blacked out but it's fine now",
        "the whole street blacked out during the storm",
        "the telly blacked out mid film",
    ],
)
def test_a_supply_or_screen_blacking_out_is_no_faint(text: str) -> None:
    assert "syncope" not in present(assess(text))


def test_blacking_out_in_the_street_is_a_faint() -> None:
    assert assess("I blacked out in the street this morning").level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "he keeps going down when he tries to stand",
        "she went flying on the kitchen floor again",
        "he's had a couple of tumbles this week",
        "keeps losing her footing on the landing",
    ],
)
def test_falls_in_plainer_words_are_gait_difficulty(text: str) -> None:
    a = assess(text, context=CARER)
    assert "gait_difficulty" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "the swelling in my ankle keeps going down",
        "we went flying to Malaga for a week",
        "the shares took a tumble today",
        "put the sheets in the tumble dryer",
    ],
)
def test_things_going_down_or_tumbling_are_no_fall(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "the right side of my vision has gone dark",
        "his sight has gone on the left side",
        "left edge of her eyesight just vanished",
    ],
)
def test_sight_lost_on_one_side_named_as_a_part_of_it_is_one_sided(text: str) -> None:
    a = assess(text, context=CARER)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["vision is fine on the left side", "the left side of my face is sore"])
def test_a_side_with_sight_fine_or_another_part_is_no_vision_loss(text: str) -> None:
    assert "vision_change" not in present(assess(text))
