"""Conversations told in pieces (conversations_dev6): answers, asides, later words that
complete what an earlier message began. Examples in our own words, with hard negatives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import assess

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _level(*texts: str | tuple[str, str], context: dict[str, bool] | None = None) -> str:
    messages = []
    for i, item in enumerate(texts):
        question, text = item if isinstance(item, tuple) else (None, item)
        messages.append(Message(text, T0 + timedelta(hours=i), question))
    return ConversationReader(default_engine()).read(messages, context).assessment.level.label


AT_REST = "Are you breathless at rest or unable to finish a sentence?"
BLADDER = "Any trouble passing urine or controlling your bladder or bowels?"
WALKING = "Any trouble walking?"
CHEMO = "Have you had chemotherapy or immunotherapy in the last six weeks?"


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("only on the stairs, fine sat in my chair", "urgent"),
        ("just when I walk to the shop, fine lying down", "urgent"),
        ("only going up hills, ok sitting down", "urgent"),
        # hard negatives: at rest said without a "fine" before it stays at rest
        ("only when I'm sitting down", "emergency"),
        ("yes even sat in the chair", "emergency"),
    ],
)
def test_fine_at_rest_in_an_answer_denies_breathlessness_at_rest(answer: str, level: str) -> None:
    assert _level("more breathless every day this week", (AT_REST, answer)) == level


def test_a_good_amount_is_not_a_fine_that_denies() -> None:
    assert assess("yes, a good mouthful this morning", "Any coughing up blood?").level.label == "emergency"


@pytest.mark.parametrize(
    ("answer", "question", "level"),
    [
        ("well now you mention it I haven't been able to go since yesterday", BLADDER, "emergency"),
        ("come to think of it, yes, I've been tripping a lot", WALKING, "emergency"),
        ("now that you ask, yes", WALKING, "emergency"),
        # hard negatives: the opener does not make a "no" a yes
        ("well, no", WALKING, "none"),
        ("now you mention it, no, all fine", BLADDER, "none"),
    ],
)
def test_words_that_open_an_answer_do_not_hide_its_yes(answer: str, question: str, level: str) -> None:
    assert assess(answer, question).level.label == level


@pytest.mark.parametrize(
    ("answer", "active"),
    [
        ("no, my last chemo was over a year ago", False),
        ("last chemo was more than two years ago", False),
        ("no, final chemo was a year ago", False),
        # hard negative: recent treatment is active
        ("yes, last chemo was 2 weeks ago", True),
    ],
)
def test_treatment_that_ended_long_ago_is_not_active(answer: str, active: bool) -> None:
    a = assess(answer, CHEMO)
    assert bool(a.context.get("on_active_treatment")) is active


def test_low_temperature_without_recent_chemo_stays_routine() -> None:
    level = _level(
        "feel a bit hot tonight",
        ("Do you have a temperature reading?", "37.7"),
        (CHEMO, "no, my last chemo was over a year ago"),
    )
    assert level == "routine"


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("coughing loads today", "a few red spots on the tissue afterwards"), "urgent"),
        (("chesty cough since sunday", "blood on my hanky this morning"), "urgent"),
        (("my cough is bad again", "couple of red specks in the tissue, not much"), "urgent"),
        # hard negatives: blood on a tissue from somewhere else, or with no cough named
        (("coughing loads today", "my nose bled, blood on the tissue"), "routine"),
        (("bad cough", "gums bleeding, red spots on the tissue when I brush"), "routine"),
        (("feeling ok", "a few red spots on the tissue"), "routine"),
    ],
)
def test_blood_on_the_tissue_after_a_cough_is_coughed_up(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("chest feels a bit sore on the left", "and shorter of breath than usual"), "emergency"),
        (("lower back has been aching", "now both feet feel all fizzy"), "emergency"),
        (("Mum's back has been bad", "she's holding onto the walls to get to the bathroom"), "emergency"),
        (("my back wakes me up at night",), "urgent"),
        (("bent to pick up the cat and my back went",), "urgent"),
        # hard negatives
        (("had a fizzy drink with lunch",), "none"),
        (("put a picture up on the wall",), "none"),
        (("went back to bed after lunch",), "none"),
    ],
)
def test_words_that_complete_an_emergency_told_in_pieces(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my dad (he's 92, not the patient) got confused today, his GP is coming", "none"),
        ("my mum (not the patient) has a bad cough", "none"),
        ("my uncle (not your patient) keeps falling", "none"),
        # hard negatives: an aside that does not set them apart
        ("my dad (he's the patient) got confused today", "emergency"),
    ],
)
def test_an_aside_that_says_someone_is_not_the_patient(text: str, level: str) -> None:
    assert assess(text).level.label == level


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (
            (
                "my dad is very muddled today, doesn't know what day it is",
                "forgot to say, it's his daughter here, he is your patient",
            ),
            "emergency",
        ),
        (
            ("my husband says life isn't worth living any more", "he doesn't know I'm texting you"),
            "emergency",
        ),
        (("my mum has fallen twice and can't get up", "I'm on her phone, she's the patient"), "emergency"),
        # hard negatives: the person is said not to be the patient, or nobody is claimed
        (("my neighbour is really confused today", "she's not your patient, just worried"), "none"),
        (("my brother is coughing up blood", "he's at the hospital now"), "none"),
    ],
)
def test_a_later_message_that_claims_the_person_as_the_patient(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (
            (
                "my sister had awful chest pain yesterday, she's fine now",
                "but now mine's started, 8 out of 10",
            ),
            "emergency",
        ),
        (("my husband has had a nasty cough all week", "now I've got it too"), "routine"),
        (("my son had the runs all weekend", "and now it's me as well"), "routine"),
        # hard negatives: "mine" about something else, or nobody else had anything
        (("my husband has a bad cough", "mine is fine thanks"), "none"),
        (("feeling ok today", "now mine's started"), "none"),
    ],
)
def test_the_writer_saying_they_now_have_what_someone_else_had(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("my shoulder is agony tonight, 9 out of 10", "not the bad arm, the other one"), "urgent"),
        (("my knee hurts so much, 8 out of 10", "not my left knee, the right"), "urgent"),
        (("my wrist is agony", "sorry not that wrist, the other hand"), "urgent"),
        # hard negatives: a plain denial still takes it back
        (("my knee hurts so much, 8 out of 10", "no pain now actually, I misread"), "none"),
        (("my hip is agony", "not the hip, it was my neighbour"), "none"),
    ],
)
def test_a_not_that_moves_a_pain_to_the_other_side_does_not_deny_it(
    texts: tuple[str, ...], level: str
) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("funny feeling in my legs", "gone numb, both of them"), "emergency"),
        (
            ("weird sensation in my legs tonight", "kind of gone numb. both of them. up to my waist"),
            "emergency",
        ),
        (("strange feeling in my legs", "gone completely numb, both"), "emergency"),
        # hard negatives: tingling is never a loss of feeling; feet are not whole legs
        (("strange feeling in my legs", "gone tingly, both of them"), "routine"),
        (("weird feeling in my feet", "gone numb, both of them"), "routine"),
        (("odd feeling in my hands", "both gone numb"), "routine"),
    ],
)
def test_a_pronoun_after_the_numbness_points_at_the_legs_named_before(
    texts: tuple[str, ...], level: str
) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("honestly life isn't worth living any more", "emergency"),
        ("feel like I've nothing left to live for", "emergency"),
        ("it's not worth living like this", "emergency"),
        # hard negatives
        ("life is worth living again, feeling much brighter", "none"),
        ("my husband says life isn't worth living, he's not your patient", "none"),
    ],
)
def test_life_not_worth_living_is_self_harm(text: str, level: str) -> None:
    assert assess(text).level.label == level


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (
            ("stumbled on the kerb going to the shop", "then tripped on the doormat when I got home"),
            "emergency",
        ),
        (("caught my toe on the rug, nothing broken", "that's the second time this morning"), "emergency"),
        (("Dad tripped on the garden step", "he caught his foot on the stairs again tonight"), "emergency"),
        # hard negatives: one trip, someone else's trips, or falling asleep
        (("tripped on the rug this morning", "all fine now, no harm done"), "none"),
        (("tripped over the hoover", "my husband tripped on it too"), "none"),
        (("fell asleep in the chair", "fell asleep again after lunch"), "none"),
    ],
)
def test_trips_told_in_two_messages_of_a_day_are_trouble_walking(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (
            (
                "Grandad keeps putting his coat on to go to work, he retired in 1990",
                "he's normally sharp as a tack",
            ),
            "emergency",
        ),
        (("mum is not right tonight", "she's usually so on the ball, started after tea"), "emergency"),
        (("dad is asking odd questions", "since lunch. he's normally all there"), "emergency"),
        # hard negatives: sharp now, or always sharp
        (("mum turned 90 today", "she's still sharp as a tack"), "none"),
        (("dad did the crossword in ten minutes", "always sharp as a tack"), "none"),
    ],
)
def test_usually_sharp_said_after_odd_behaviour_is_confusion(texts: tuple[str, ...], level: str) -> None:
    assert _level(*texts) == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("not been for 4 days even with the senna", "routine"),
        ("haven't been to the loo in three days", "routine"),
        ("not been for a couple of days now", "routine"),
        # hard negatives
        ("haven't been for a walk in 3 days, too wet", "none"),
        ("not been in to work for 3 days", "none"),
    ],
)
def test_not_been_for_days_is_constipation(text: str, level: str) -> None:
    assert assess(text).level.label == level
