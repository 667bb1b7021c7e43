"""A "no" that answers, then a clause that dropped its "I": "no keep tripping" to "Are you walking
as well as usual?" is the trouble, not a denied one. A question that asks whether one walks or
eats "as well as usual" asks whether things go well, so a bare "no" to it is the trouble."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, question: str | None = None) -> Assessment:
    return default_engine("en").assess(text, question, None)


def statuses(a: Assessment, concept: str) -> set[str]:
    return {f.status for f in a.findings if f.concept == concept}


@pytest.mark.parametrize(
    ("text", "question", "concept"),
    [
        ("no keep tripping", "Are you walking as well as usual?", "gait_difficulty"),
        ("no keep falling over", None, "gait_difficulty"),
        ("nah kept being sick all night", "Are you keeping food down?", "vomiting"),
        ("no. still coughing up blood", "Has the bleeding settled?", "hemoptysis"),
    ],
)
def test_a_clause_after_an_answering_no_is_not_denied(text: str, question: str | None, concept: str) -> None:
    assert "present" in statuses(assess(text, question), concept)


@pytest.mark.parametrize(
    "question",
    [
        "Are you walking as well as usual?",
        "Is your walking as good as usual?",
        "Can you walk as well as you normally do?",
    ],
)
def test_no_to_walking_as_well_as_usual_is_trouble_walking(question: str) -> None:
    a = assess("no", question)
    assert "present" in statuses(a, "gait_difficulty")
    assert "negated" in statuses(assess("yes", question), "gait_difficulty")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("no tripping or falls", "gait_difficulty"),
        ("no leg weakness, been walking the dog", "limb_weakness"),
        ("he said no keep it simple, no fever", "fever"),
        ("no blood when i cough", "hemoptysis"),
        ("no cant feel any weakness in my legs", "limb_weakness"),
        ("nope cant feel any numbness", "numbness"),
        ("no cant see any blood", "bleeding"),
    ],
)
def test_a_no_that_denies_still_denies(text: str, concept: str) -> None:
    assert statuses(assess(text), concept) == {"negated"}
