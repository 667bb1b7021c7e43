"""Conversations across messages (conversations_dev9): an answer that names where a pain is,
not whose; a correction that gives the word autocorrect changed; a correction whose own words
go to the other person too; a carer's own clause beside the patient's. Examples in our own
words, with hard negatives beside them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PAIN_Q = "How is your pain today, from 0 to 10?"
CARER = {"writer": "carer"}


def _reading(
    *texts: str | tuple[str, str | None, float],
    context: dict[str, Any] | None = None,
    each: dict[str, Any] | None = None,
) -> Any:
    messages = []
    for i, item in enumerate(texts):
        text, question, minutes = item if isinstance(item, tuple) else (item, None, float(i * 2))
        messages.append(Message(text, T0 + timedelta(minutes=minutes), question, each))
    return ConversationReader(default_engine()).read(messages, context).assessment


def _level(*texts: str | tuple[str, str | None, float], **kw: Any) -> str:
    return str(_reading(*texts, **kw).level.label)


def _present(*texts: str | tuple[str, str | None, float], **kw: Any) -> set[str]:
    return {f.concept for f in _reading(*texts, **kw).findings if f.present}


# -- "it's my ribs": a plural body part after "it's my" names where, not whose ----------------


@pytest.mark.parametrize(
    "where",
    [
        "its my knees, both of them, since the weekend",
        "it's my hips mostly",
        "thats my shoulders again, worse at night",
    ],
)
def test_its_my_knees_after_a_pain_score_names_the_site_not_another_person(where: str) -> None:
    assert _level(("8", PAIN_Q, 0.0), (where, None, 3.0)) == "urgent"


@pytest.mark.parametrize(
    "whose",
    [
        "sorry, it's my sons, not mine",
        "that's my husbands, he asked me to check",
    ],
)
def test_its_my_sons_still_gives_the_message_before_away(whose: str) -> None:
    assert _level("I've got a nasty cough", whose) == "none"


# -- "LEGS. autocorrect": the word put right stands in the message before ---------------------


@pytest.mark.parametrize(
    ("before", "fix", "level"),
    [
        ("my eggs have gone numb and heavy", "LEGS. flipping autocorrect", "emergency"),
        ("my chess hurts when I breathe in", "*chest", "urgent"),
        ("both my lefs are weak today", "legs, typo sorry", "emergency"),
    ],
)
def test_a_correction_that_gives_the_right_word_reads_the_message_before_with_it(
    before: str, fix: str, level: str
) -> None:
    assert _level(before, fix) == level


@pytest.mark.parametrize(
    ("before", "fix"),
    [
        ("feeling sick", "*sock. autocorrect, ignore"),  # the new word reads as nothing
        ("my arm hurts", "sorry, typo, ignore that"),  # no word given
    ],
)
def test_a_correction_whose_word_reads_as_nothing_still_takes_the_message_back(before: str, fix: str) -> None:
    assert _level(before, fix) == "none"


# -- "sorry, it's my daughter who's poorly": the correction's own words go with her -----------


@pytest.mark.parametrize(
    "fix",
    [
        "sorry, wrong chat, it's my daughter who's poorly",
        "oops that was about my husband, he's really poorly",
        "sorry that was meant for my sister, it's my mum who's unwell, I'm fine",
    ],
)
def test_a_correction_whose_own_words_are_the_other_persons_still_gives_the_message_before_away(
    fix: str,
) -> None:
    assert _level("feeling sick and dizzy", fix) == "none"


def test_a_correction_that_keeps_a_symptom_of_the_writers_own_keeps_it() -> None:
    found = _present(
        "headache and feeling sick", "sorry that was about my son, he's poorly, I've got a cough though"
    )
    assert found == {"cough"}


# -- a carer's own clause, then "his temperature": he is the patient --------------------------


@pytest.mark.parametrize(
    ("first", "then", "concept"),
    [
        ("Jo here, Sam's partner, I've a cold myself but it's Sam", "his temp is 38.6", "fever"),
        ("his wife here, I've been sick myself, but about Dan", "he's coughing up blood", "hemoptysis"),
        ("I've had the runs myself, anyway it's Mum I'm asking about", "she can't feel her legs", "numbness"),
    ],
)
def test_after_a_carers_own_clause_he_or_she_is_the_patient(first: str, then: str, concept: str) -> None:
    assert concept in _present(first, then, each=CARER)


def test_after_someone_set_apart_by_a_carer_he_stays_that_person() -> None:
    found = _present("my neighbour has a fever, he's not your patient", "his temp is 39 now", each=CARER)
    assert "fever" not in found


# -- a learner's dropped words: "not able finish", "sitting on chair" -------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("breath is very short", "since morning, sitting on chair"),
        ("so breathless", "even sat on the bed"),
        ("I am not able finish the sentence, breath short",),
    ],
)
def test_breathless_sitting_on_a_seat_or_unable_to_finish_a_sentence_is_an_emergency(
    texts: tuple[str, ...],
) -> None:
    assert _level(*texts) == "emergency"


def test_breathless_walking_then_a_chair_to_sit_on_is_not_at_rest() -> None:
    level = _level("puffed walking up the hill, new this week", "had to find a bench to get my breath")
    assert level != "emergency"


# -- blood told by the colour of the toilet, then how much -----------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("the loo was pink after I went",),
        ("pink water in the toilet after a wee this morning",),
        ("the toilet water turned red", "and there were clots"),
    ],
)
def test_a_toilet_coloured_red_or_pink_is_bleeding(texts: tuple[str, ...]) -> None:
    assert "bleeding" in _present(*texts)


@pytest.mark.parametrize("text", ["painted the toilet red", "my face went red in the toilet queue"])
def test_a_red_toilet_that_is_no_blood_passed_is_not_bleeding(text: str) -> None:
    assert "bleeding" not in _present(text)


# -- "it catches me in the chest": a catching pain in the chest ------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("it catches me in the chest when I take a deep breath",),
        ("there's a sharp catch in my chest",),
        ("coughed up some pink spit", "and it grabs me in the chest when I breathe"),
    ],
)
def test_a_catch_in_the_chest_is_chest_pain(texts: tuple[str, ...]) -> None:
    assert "chest_pain" in _present(*texts)


def test_a_ball_that_caught_someone_in_the_chest_is_not_chest_pain() -> None:
    assert "chest_pain" not in _present("the ball caught him in the chest at football")


def test_pink_spit_then_a_catch_in_the_chest_is_an_emergency() -> None:
    assert _level("bringing up pinkish spit", "it catches me in the chest too") == "emergency"


# -- "throat's raw": sore, of a surface that can be rubbed raw --------------------------------


@pytest.mark.parametrize(
    "text",
    ["my throat feels raw when I eat", "skin gone raw where they zapped me", "bottom so raw from the runs"],
)
def test_a_raw_throat_or_skin_is_pain(text: str) -> None:
    assert "pain" in _present(text)


@pytest.mark.parametrize("text", ["had raw fish for tea", "raw carrots are good for your chest they say"])
def test_raw_food_is_not_pain(text: str) -> None:
    assert not ({"pain", "chest_pain"} & _present(text))


# -- "meant my hand not my leg": the right word given outright --------------------------------


@pytest.mark.parametrize(
    ("before", "fix", "level"),
    [
        ("can't feel my right leg at all", "typo, meant my fingers not my leg", "routine"),
        ("my left foot has gone numb", "sorry I meant hand not foot", "routine"),
        ("sharp pain in my chest", "oops meant my wrist not my chest", "routine"),
    ],
)
def test_a_correction_that_swaps_one_word_for_another_reads_the_message_before_with_it(
    before: str, fix: str, level: str
) -> None:
    assert _level(before, fix) == level


def test_a_swap_whose_wrong_word_was_never_said_changes_nothing() -> None:
    assert _level("can't feel my legs", "typo, it was numb not dumb") == "emergency"


# -- numbness climbed to the trunk, said with a figure or which sides between ----------------


@pytest.mark.parametrize(
    "texts",
    [
        ("tingling in my toes", "now it's crept up to my belly button, numb like novocaine"),
        ("numb right up to my waist",),
        ("it's up to my ribs, both sides, numb like a block of ice",),
    ],
)
def test_numbness_up_to_the_waist_or_chest_is_a_cord_sign(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "text",
    ["my fingertips, numb like after a snowball fight", "pins and needles in my toes, like ants walking"],
)
def test_numb_fingers_or_toes_with_a_figure_stay_routine(text: str) -> None:
    assert _level(text) == "routine"


def test_a_figure_after_a_pain_keeps_the_site_of_the_clause_before() -> None:
    assert "pain" in _present("my knee, sore like I'd run a marathon")


# -- "bunged up, nothing since Friday": of an absence, "nothing since" goes on ---------------


@pytest.mark.parametrize(
    "text",
    ["constipated, nothing since Tues", "so blocked up, nothing since Sat", "bunged up - none since Sun"],
)
def test_constipation_then_nothing_since_is_still_constipation(text: str) -> None:
    assert "constipation" in _present(text)


@pytest.mark.parametrize("text", ["was sick twice, nothing since lunch", "had the runs, nothing since"])
def test_vomiting_or_diarrhoea_then_nothing_since_is_over(text: str) -> None:
    assert not ({"vomiting", "diarrhea"} & _present(text))


def test_constipation_and_passing_water_a_lot_across_messages_is_hypercalcaemia() -> None:
    assert _level("not had a poo in days, nothing since Thursday", "and up weeing all night") == "urgent"


# -- "tried to wee and can't get a drop out": retention told by the attempt -------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("ache between my shoulder blades", "and been trying to pee all evening, can't get a drop out"),
        ("bladder feels full but I can't get anything out",),
        ("tried to wee, couldn't get a drop",),
    ],
)
def test_a_wee_that_will_not_come_is_bladder_dysfunction(texts: tuple[str, ...]) -> None:
    assert "bladder_bowel_dysfunction" in _present(*texts)


@pytest.mark.parametrize("text", ["can't get a drop out of the bottle", "couldn't get a drop of sleep"])
def test_a_drop_of_something_else_is_not_bladder_dysfunction(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in _present(text)
