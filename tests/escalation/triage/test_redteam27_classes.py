"""Red-team set 27's classes: English broken the way people with low literacy, dyslexia,
shaky hands and voice dictation write it. Words spelled as they sound ("cawfing",
"wissling": doubled letters said single, "ough"/"aw" said "of"/"o", "wh", "ph", "ck"); two
words typed without the space ("chestpain"); one word dictated as two ("head ake", "breathe
less"); with the real words beside each that must be left alone.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level, default_engine

from .conftest import assess, present


def words(text: str) -> list[str]:
    return [t.norm for t in default_engine().reader.tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("coffing all nite", "coughing"),
        ("a bad caugh", "cough"),
        ("my chest is wheesing", "wheezing"),
        ("my breathing is wissly", "whistly"),
        ("the sweling is worse", "swelling"),
        ("feel nauzeous", "nauseous"),
    ],
)
def test_a_word_spelled_as_it_sounds_is_the_word(text: str, expected: str) -> None:
    assert expected in words(text)


@pytest.mark.parametrize(
    "text",
    ["my phone is on the table", "the tiles need grouting", "he wrote a long letter", "we watched the ferry"],
)
def test_real_words_are_not_read_as_sounds_of_others(text: str) -> None:
    assert words(text) == text.split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stomachpain since monday", ["stomach", "pain"]),
        ("bad chestpain", ["chest", "pain"]),
        ("my chesttightness is worse", ["chest", "tightness"]),
    ],
)
def test_two_words_typed_without_the_space_are_read_apart(text: str, expected: list[str]) -> None:
    out = words(text)
    assert out[out.index(expected[0]) : out.index(expected[0]) + 2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("got a head ake since lunch", "headache"),
        ("so breath less on the stairs", "breathless"),
        ("really breathe less today", "breathless"),
    ],
)
def test_one_word_dictated_as_two_is_read_as_one(text: str, expected: str) -> None:
    assert expected in words(text)


@pytest.mark.parametrize(
    "text",
    [
        "i got a temprature",
        "some times I walk to the shop",
        "no body came round today",
        "the home less shelter",
        "to day was fine",
        "both lges feel heavey",
        "blood when i cough n im puffed",
        "neck ache and a sore throat",
    ],
)
def test_two_real_words_side_by_side_stay_two(text: str) -> None:
    out = words(text)
    assert "headache" not in out
    assert "breathless" not in out
    assert "necklace" not in out
    assert len(out) >= 4


def test_chest_pain_typed_as_one_word_is_chest_pain() -> None:
    a = assess("chestpain since this morning")
    assert "chest_pain" in present(a)
    assert a.level >= Level.URGENT


def test_coughing_up_blood_spelled_as_it_sounds_is_coughing_up_blood() -> None:
    assert "hemoptysis" in present(assess("been cawfing up blood"))


def test_a_phone_spelled_as_it_sounds_is_no_symptom() -> None:
    a = assess("my fone died last nite")
    assert a.level <= Level.ROUTINE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i sometimes wish i wasnt hear", "here"),
        ("my arm has gone week", "weak"),
        ("i feel so week today", "weak"),
        ("my foot went num", "numb"),
        ("fingers gone numbers again", "numb"),
        ("bit of a horse voice", "hoarse"),
        ("dont want 2 b here", "be"),
        ("coughing up blood cloths", "clots"),
    ],
)
def test_a_word_swapped_for_a_sound_alike_is_mended_by_its_neighbour(text: str, expected: str) -> None:
    assert expected in words(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("i cant hear you on the phone", "hear"),
        ("see you next week", "week"),
        ("the horse was lovely", "horse"),
        ("my blood numbers are fine", "numbers"),
        ("she bought new cloths for the kitchen", "cloths"),
        ("plan b is fine", "b"),
    ],
)
def test_the_same_words_elsewhere_are_left_alone(text: str, kept: str) -> None:
    assert kept in words(text)


def test_a_wish_not_to_be_here_in_text_speak_is_self_harm() -> None:
    a = assess("dont want 2 b alive anymore")
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


def test_legs_gone_numb_typed_as_num_are_numb() -> None:
    assert "numbness" in present(assess("both legs went num this morning"))


@pytest.mark.parametrize(
    "text",
    ["suddenly lost the sight in 1 eye", "sudden weakness down 1 side", "1 arm suddenly gone weak"],
)
def test_a_numeral_for_one_names_one_side(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


def test_a_numeral_count_of_other_things_is_left_alone() -> None:
    assert "one" not in words("took 1 tablet at lunch")


@pytest.mark.parametrize("text", ["suddenly losing sight in one eye", "im losing my vision in my left eye"])
def test_sight_still_being_lost_is_a_change_in_vision(text: str) -> None:
    assert "vision_change" in present(assess(text))


def test_losing_things_is_not_losing_sight() -> None:
    assert "vision_change" not in present(assess("i keep losing my glasses"))


@pytest.mark.parametrize(
    ("text", "expected"), [("so thirsty and wee-ing loads", "weeing"), ("leg is swell-ing", "swelling")]
)
def test_a_word_hyphenated_before_its_ending_is_one_word(text: str, expected: str) -> None:
    assert expected in words(text)


@pytest.mark.parametrize("text", ["short-of-breath on the stairs", "blood-stained tissue", "left-sided pain"])
def test_hyphenated_compounds_keep_their_words(text: str) -> None:
    out = words(text)
    assert not any("-" in w for w in out)
    assert len(out) >= 3


def test_cant_finish_a_sentence_misspelt_as_the_nationality_is_breathlessness() -> None:
    assert assess("so out of breath i cant finnish a sentance").level is Level.EMERGENCY


def test_finnish_as_a_nationality_is_left_alone() -> None:
    assert "finnish" in words("my nurse is finnish")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("headache 8outof10", ["8", "out", "of", "10"]), ("pain is 7of10", ["7", "of", "10"])],
)
def test_a_score_typed_without_spaces_is_read_as_a_score(text: str, expected: list[str]) -> None:
    out = words(text)
    assert out[-len(expected) :] == expected


@pytest.mark.parametrize("text", ["vitamin b12", "covid19 jab", "room 3x5"])
def test_codes_of_letters_and_digits_are_left_alone(text: str) -> None:
    assert words(text) == text.split()
