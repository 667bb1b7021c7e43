"""Fragments of a conversation read right: amounts in answers, everyday words that are not
symptoms (a bus that runs, a pet's cough), and signs told in images or without their verb."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import Level, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import assess, present, status_of

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOW_MUCH = "How much blood is there: streaks, a teaspoon, or more?"


def _read(*texts: str | tuple[str, str], context: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    messages = []
    for i, item in enumerate(texts):
        text, question = item if isinstance(item, tuple) else (item, None)
        messages.append(Message(text, T0 + timedelta(minutes=5 * i), question))
    return ConversationReader(default_engine()).read(messages, context).assessment


@pytest.mark.parametrize(
    "answer", ["just a few streaks", "only a couple of spots", "a few little specks on the tissue"]
)
def test_a_few_streaks_to_how_much_blood_is_a_small_amount(answer: str) -> None:
    a = assess(answer, HOW_MUCH)
    assert "bleeding" in present(a)
    assert all("large_amount" not in f.modifiers for f in a.findings)
    assert a.level < Level.EMERGENCY


@pytest.mark.parametrize("answer", ["a lot more than a few streaks", "more than a teaspoon", "a few clots"])
def test_a_large_amount_said_beside_a_few_stays_large(answer: str) -> None:
    assert assess(answer, HOW_MUCH).level == Level.EMERGENCY


def test_a_few_streaks_after_coughing_blood_is_urgent_not_an_emergency() -> None:
    a = _read("some blood when I coughed this morning", ("just a couple of streaks", HOW_MUCH))
    assert a.level == Level.URGENT
