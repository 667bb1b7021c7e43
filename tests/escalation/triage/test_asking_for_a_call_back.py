"""Asking for a call back is a nurse request: "I need a call back please" had read as none,
since "a call back" was taken for what a question asks about."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, question: str | None = None) -> Assessment:
    return default_engine("en").assess(text, question, None)


def statuses(a: Assessment) -> set[str]:
    return {f.status for f in a.findings if f.concept == "nurse_request"}


@pytest.mark.parametrize(
    "text",
    [
        "I need a call back please",
        "would like a callback today if possible",
        "need a phone call about my tablets",
    ],
)
def test_a_call_back_asked_for_is_a_nurse_request(text: str) -> None:
    a = assess(text)
    assert statuses(a) == {"present"}
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    ("text", "question"),
    [("I don't need a call back, just letting you know", None), ("no thanks", "Would you like a call back?")],
)
def test_a_call_back_declined_is_none(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert "present" not in statuses(a)
    assert a.level.label == "none"
