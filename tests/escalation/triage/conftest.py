from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import Assessment, TriageEngine, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

# Contexts the tests give often: a carer wrote it; the patient is on treatment.
CARER = {"writer": "carer"}
ON_TX = {"on_active_treatment": True}


@pytest.fixture(scope="session")
def engine() -> TriageEngine:
    return default_engine()


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.present}


def status_of(a: Assessment, concept: str) -> set[str]:
    return {f.status for f in a.findings if f.concept == concept}


def assess(text: str, question: str | None = None, context: Mapping[str, Any] | None = None) -> Assessment:
    return default_engine().assess(text, question, context)


def read_turns(
    engine: TriageEngine, *turns: str | tuple[str, str], context: Mapping[str, Any] | None = None
) -> Assessment:
    """A conversation of messages ten minutes apart; a (question, answer) pair answers that question."""
    start = datetime(2026, 6, 1, 9, tzinfo=UTC)
    messages = []
    for i, turn in enumerate(turns):
        question, text = turn if isinstance(turn, tuple) else (None, turn)
        messages.append(Message(text, start + timedelta(minutes=10 * i), question, context))
    return ConversationReader(engine).read(messages, context).assessment
