"""Texters drop apostrophes: "backs worse at night" is "back's worse at night", and reads the
same. Rewriting the development sets' urgent and emergency messages without apostrophes turned
59 of them lower; the body parts one person has one of now read as their possessive."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import default_engine


def level(text: str) -> str:
    return default_engine("en").assess(text, None, None).level.label


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("backs worse at night, can't get comfy", "urgent"),
        ("necks been stiff all week and now both legs feel weak", "emergency"),
        ("my calfs swollen and hot", "urgent"),
        ("chests agony, came on all of a sudden", "emergency"),
        ("collars tight since this morning", "urgent"),
        ("heads pounding and I've been sick", "urgent"),
        ("temps 38.4 and I'm on chemo", "emergency"),
    ],
)
def test_a_body_part_texted_without_its_apostrophe_reads_as_with_it(text: str, want: str) -> None:
    assert level(text) == want
    assert level(text.replace("s ", "'s ", 1)) == want


@pytest.mark.parametrize(
    "text",
    ["we went to the bowls club", "heads up, the clinic rang about Tuesday", "my legs are fine today"],
)
def test_true_plurals_and_idioms_stay_as_they_are(text: str) -> None:
    assert level(text) == "none"
