"""The lexicon's pattern language and its data."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import vigil.escalation.triage
from vigil.escalation.triage import Level
from vigil.escalation.triage.lexicon import LexiconError, build, expand
from vigil.escalation.triage.text import NUM, WORD, Token

from .conftest import assess


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


AUXILIARIES = {
    "can",
    "could",
    "do",
    "does",
    "did",
    "is",
    "was",
    "would",
    "will",
    "have",
    "has",
    "are",
    "were",
}


def _top_level_words(pattern: str) -> list[str]:
    words, cur, depth = [], "", 0
    for ch in pattern:
        depth += ch == "["
        depth -= ch == "]"
        if depth == 0 and ch == " ":
            words.append(cur)
            cur = ""
        else:
            cur += ch
    return [*words, cur]


def test_no_pattern_splits_a_two_word_alternative_outside_brackets() -> None:
    """'cant|couldnt|can not feel' means (cant|couldnt|can) not feel: brackets are needed."""
    text = (Path(vigil.escalation.triage.__file__).parent / "data" / "en" / "lexicon.yaml").read_text()
    suspicious = []
    for pattern in re.findall(r'"([^"]+)"', text):
        words = _top_level_words(pattern)
        for word, after in itertools.pairwise(words):
            if "|" in word and word[0] not in "[{" and word.split("|")[-1] in AUXILIARIES and after == "not":
                suspicious.append(pattern)
    assert suspicious == []


@pytest.mark.parametrize(
    "text",
    ["and now I can't feel the toilet seat", "dad didnt recognise his own house", "would not mind if i died"],
)
def test_alternatives_with_a_negated_auxiliary_match(text: str) -> None:
    assert assess(text).level.label == "emergency"


def test_chemotherapy_regimens_patients_name_put_them_on_treatment() -> None:
    for text in (
        "shivering and shaking, I'm on FOLFOX",
        "rigors last night, had my capox on monday",
        "teeth chattering with cold, on herceptin",
    ):
        assert assess(text).level == Level.EMERGENCY, text


def test_cancer_in_the_spine_bones_is_known_bone_metastases() -> None:
    for text in (
        "back aching again, the cancer is in my spine bones",
        "my back hurts, the tumour is in my spinal bones",
    ):
        assert "spinal-pain-flags" in assess(text).rules, text


def test_a_back_that_is_worse_is_back_pain_getting_worse() -> None:
    for text in (
        "my back is worse today",
        "back's got a lot worse since yesterday",
        "back feels worse when I sneeze",
    ):
        assert "spinal-pain-flags" in assess(text).rules, text
    assert assess("my back is not worse").level <= Level.ROUTINE


def test_not_a_bit_and_nothing_of_the_sort_answer_no() -> None:
    for answer in ("not a bit", "nothing of the sort", "not in the slightest"):
        a = assess(answer, "Any confusion or drowsiness?")
        assert a.level == Level.NONE, answer
    # Before a finding, "not" denies the finding itself.
    assert assess("not a bit of numbness", "Any numbness in your legs?").level == Level.NONE
    assert assess("not a bit tired").level == Level.NONE


def test_free_of_a_symptom_is_no_finding() -> None:
    for text in ("a whole pain-free weekend!", "headache-free since Tuesday", "sickness free at last"):
        assert assess(text).level == Level.NONE, text


def test_a_colds_signs_are_routine_not_nothing() -> None:
    for text in ("just a sniffle", "got the sniffles", "runny nose since yesterday", "blocked nose"):
        assert assess(text).level == Level.ROUTINE, text
    assert assess("no runny nose").level == Level.NONE


def test_loose_or_runny_with_a_count_is_diarrhoea() -> None:
    for text, count in (("loose x4 since breakfast", 4), ("watery 8 times today", 8), ("runny x2", 2)):
        counts = [f.count for f in assess(text).findings if f.concept == "diarrhea"]
        assert counts == [count], text
    assert assess("my tooth is loose").level == Level.NONE


def test_an_illness_going_round_is_nobodys_symptom() -> None:
    for text in ("there's a horrible cold going round work", "theres a chest infection doing the rounds"):
        assert assess(text).level == Level.NONE, text
    assert assess("I've caught the cough that's going round").level == Level.ROUTINE
    assert assess("there's a bug going around, I've been sick 3 times").level == Level.ROUTINE


def _trie_matches(patterns: dict[str, list[str]], sets: dict[str, list[str]], words: list[str]) -> set[str]:
    """Which concepts a whole phrase names, by listing every sequence the patterns stand for."""
    return {
        key for key, pats in patterns.items() for p in pats for seq in expand(p, sets) if list(seq) == words
    }


def test_the_matcher_finds_what_expanding_every_pattern_would() -> None:
    sets = {"side": ["left", "right", "both"], "limb": ["leg", "legs", "lower leg"]}
    concepts = {
        "limb_weakness": ["{side}? {limb} weak|[like jelly]", "[cant|cannot] move my? {side}? {limb}"],
        "numbness": ["{side}? {limb}? numb|dead"],
    }
    lexicon = build({"concepts": concepts, "sets": sets})
    for words in (
        ["left", "lower", "leg", "weak"],
        ["legs", "like", "jelly"],
        ["cant", "move", "both", "legs"],
        ["right", "leg", "dead"],
        ["numb"],
    ):
        found = {v for m in lexicon.match(_tokens(" ".join(words))) for v in m.values("concept")}
        assert found == _trie_matches(concepts, sets, words), words


def test_a_phrase_two_patterns_share_carries_both_tags_in_pattern_order() -> None:
    lexicon = build({"concepts": {"a": ["leg|arm weak"], "b": ["{l} weak"]}, "sets": {"l": ["leg"]}})
    (mention,) = lexicon.match(_tokens("leg weak"))
    assert mention.values("concept") == ["a", "b"]


def test_a_number_matches_any_number_and_a_named_one_its_own_phrase() -> None:
    lexicon = build({"concepts": {"a": ["<num> times"], "b": ["2 times a day"]}})
    assert [m.values("concept") for m in lexicon.match(_tokens("2 times a day"))] == [["b"]]
    assert [m.values("concept") for m in lexicon.match(_tokens("3 times a day"))] == [["a"]]


def _tokens(text: str) -> list[Token]:
    """Plain words and numbers, as the normaliser hands them to the matcher."""
    out, at = [], 0
    for word in text.split():
        kind = NUM if word.isdigit() else WORD
        out.append(Token(word, at, at + len(word), kind, float(word) if kind == NUM else None))
        at += len(word) + 1
    return out
