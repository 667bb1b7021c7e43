"""The lexicon's pattern language and its data."""

from __future__ import annotations

import pytest

from vigil.escalation.triage.lexicon import LexiconError, build, expand


def test_a_pattern_expands_alternatives_sets_and_optional_words() -> None:
    seqs = set(expand("{d}? leg|[lower leg] hurts?", {"d": ["my", "the left"]}))
    assert ("my", "leg", "hurts") in seqs
    assert ("the", "left", "lower", "leg") in seqs
    assert ("leg",) in seqs


def test_apostrophes_in_patterns_are_dropped_like_in_text() -> None:
    assert list(expand("can't", {})) == [("cant",)]


@pytest.mark.parametrize(
    ("pattern", "message"), [("{nope} x", "unknown set"), ("a <end> b", "must come last")]
)
def test_bad_patterns_are_refused(pattern: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        list(expand(pattern, {}))


def test_bad_frames_are_refused() -> None:
    with pytest.raises(LexiconError, match="frames"):
        build({"frames": [["back", "pain"]]})


def test_a_synonym_is_a_data_change() -> None:
    from vigil.escalation.triage import TriageEngine, default_engine

    base = default_engine()
    lexicon = {"concepts": {"cough": ["barking"]}, "language": "en"}
    engine = TriageEngine(lexicon, {"concepts": ["cough"], "rules": []}, {}, "test")
    assert [f.concept for f in engine.assess("barking all night").findings] == ["cough"]
    assert base.assess("barking all night").level.label == "none"


def test_longest_match_wins_and_consumes_its_words() -> None:
    from vigil.escalation.triage import default_engine

    a = default_engine().assess("she's not making sense")
    assert [(f.concept, f.status) for f in a.findings] == [("confusion", "present")]


def test_the_ruleset_version_names_the_data() -> None:
    from vigil.escalation.triage import default_engine

    assert default_engine().version.startswith("en-")
    assert default_engine().assess("cough").ruleset == default_engine().version


def test_an_unknown_language_is_a_clear_error() -> None:
    from vigil.escalation.triage import TriageEngine

    with pytest.raises(ValueError, match="no triage data for language 'xx'"):
        TriageEngine.load("xx")
