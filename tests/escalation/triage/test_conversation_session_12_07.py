"""Conversations: a correction that names where the blood came from ("sorry, it was my gums")
moves nothing to someone else; one that names a person ("it was my son") does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message
from vigil.escalation.triage.model import Level

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _level(*texts: str) -> Level:
    messages = [Message(t, T0 + timedelta(minutes=10 * i)) for i, t in enumerate(texts)]
    return ConversationReader(default_engine()).read(messages).assessment.level


@pytest.mark.parametrize(
    "correction",
    ["sorry it was my gums, brushed too hard", "oh that was my nose actually", "it was my lip, bit it"],
)
def test_naming_where_the_blood_came_from_keeps_the_blood_the_patients(correction: str) -> None:
    assert _level("coughing up blood this morning", correction) >= Level.ROUTINE


@pytest.mark.parametrize("correction", ["sorry it was my husband, not me", "oh that was my son"])
def test_naming_a_person_gives_the_blood_to_them(correction: str) -> None:
    assert _level("coughing up blood this morning", correction) is Level.NONE
