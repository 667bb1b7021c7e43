"""Classes behind conversations_dev18's disagreements, in our own words, with their near misses
(docs/triage.md, "Conversations", "Follow-up questions", "Answers to check-in questions",
"Concepts"): the question's own verb said back as the answer ("I am, a bit", "I have not"); a
message that opens on "and" going on with the cough before it; a night spent with the back;
someone hard to keep awake; treatment denied before "just on scans"; a friend's chemo told by
a writer who wonders if it may happen to them; a parent who "passed"; "sorry for rambling"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from vigil.escalation.triage import TriageEngine, default_engine

from .conftest import present, status_of
from .conftest import read_turns as _read

CARER: Mapping[str, Any] = {"writer": "carer"}


@pytest.fixture(scope="module")
def en() -> TriageEngine:
    return default_engine("en")


def _level(engine: TriageEngine, *turns: str | tuple[str, str], carer: bool = False) -> str:
    return str(_read(engine, *turns, context=CARER if carer else None).level.label)


# -- the question's own verb said back: "I am" is a yes, "I have not" a no --------------------


@pytest.mark.parametrize(
    ("question", "answer", "concept"),
    [
        ("Are you breathless?", "I am, a bit", "dyspnea"),
        ("Are you short of breath?", "i am.", "dyspnea"),
        ("Is he confused at all?", "he is, a little", "confusion"),
        ("Does she have a temperature?", "she does, 38.5", "fever"),
    ],
)
def test_the_questions_verb_said_back_is_read_as_yes(
    en: TriageEngine, question: str, answer: str, concept: str
) -> None:
    assert concept in present(en.assess(answer, question))


@pytest.mark.parametrize(
    ("question", "answer", "concept"),
    [
        ("Have you noticed any new weakness in your legs?", "I have not", "limb_weakness"),
        ("Any chest pain?", "I do not", "chest_pain"),
        ("Have you coughed up any blood?", "I have not, no", "hemoptysis"),
        ("Are you breathless?", "I am not", "dyspnea"),
        ("Is he confused at all?", "he is not", "confusion"),
    ],
)
def test_the_questions_verb_said_back_with_not_is_read_as_no(
    en: TriageEngine, question: str, answer: str, concept: str
) -> None:
    a = en.assess(answer, question)
    assert concept not in present(a)
    assert status_of(a, concept) == {"negated"}


@pytest.mark.parametrize(
    "answer", ["I am fine", "I am ok thanks", "i am feeling better today", "he is at work"]
)
def test_i_am_followed_by_how_one_is_is_not_read_as_yes(en: TriageEngine, answer: str) -> None:
    assert "dyspnea" not in present(en.assess(answer, "Are you breathless?"))


def test_blood_then_i_am_to_breathless_is_read_as_major_hemoptysis(en: TriageEngine) -> None:
    turns = ("coughing quite a lot", "some blood in the tissue after", ("Are you breathless?", "I am, a bit"))
    assert _level(en, *turns) == "emergency"


# -- a message that opens on "and" goes on with the cough just before it ----------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("been coughing more", "and tiny streaks of blood this morning"),
        ("cough is worse today", "plus a bit of blood"),
        ("coughing all night", "& some specks of blood"),
    ],
)
def test_blood_in_a_message_going_on_from_a_cough_is_read_as_hemoptysis(
    en: TriageEngine, turns: tuple[str, ...]
) -> None:
    a = _read(en, *turns)
    assert "hemoptysis" in present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "turns",
    [
        ("coughing a lot", "and a bit of blood when i wiped after the loo"),
        ("coughing a lot", "and my nose has been bleeding"),
        ("coughing a lot", "tiny streaks of blood this morning"),
        ("my back hurts", "and some blood"),
    ],
)
def test_blood_with_a_place_of_its_own_or_not_going_on_stays_bleeding(
    en: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert "hemoptysis" not in present(_read(en, *turns))


# -- a night or a day spent with the back or neck ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("woke at 4am with my back again", "back_pain"),
        ("up half the night with my back", "back_pain"),
        ("laid up with my lower back since friday", "back_pain"),
        ("woke up with my neck again this morning", "neck_pain"),
    ],
)
def test_a_night_spent_with_the_back_is_read_as_its_pain(en: TriageEngine, text: str, concept: str) -> None:
    assert concept in present(en.assess(text))


def test_a_night_with_the_back_worse_at_night_is_read_as_urgent(en: TriageEngine) -> None:
    turns = (
        "woke in the night with my back, its always worse at night",
        ("Have you noticed any new weakness or heaviness in your legs?", "no legs are fine"),
    )
    assert _level(en, *turns) == "urgent"


@pytest.mark.parametrize("text", ["got back at 3am with my backpack", "back from the shops with my sister"])
def test_coming_back_with_something_is_not_back_pain(en: TriageEngine, text: str) -> None:
    assert "back_pain" not in present(en.assess(text))


# -- someone hard to keep awake, asleep most of the day ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hard to keep her awake at meals",
        "Mum is sleeping most of the day",
        "I can barely stay awake",
        "difficult to keep him awake this afternoon",
    ],
)
def test_hard_to_keep_awake_is_read_as_drowsiness(en: TriageEngine, text: str) -> None:
    assert "drowsiness" in present(en.assess(text, context=CARER))


def test_hard_to_keep_awake_then_not_confused_is_read_as_urgent(en: TriageEngine) -> None:
    turns = ("Dad has been sleeping most of the day", ("Is he confused at all?", "no he chats fine"))
    assert _level(en, *turns, carer=True) == "urgent"


@pytest.mark.parametrize("text", ["my leg is asleep most of the day", "slept well last night"])
def test_a_limb_asleep_or_a_good_night_is_not_drowsiness(en: TriageEngine, text: str) -> None:
    assert "drowsiness" not in present(en.assess(text))


# -- treatment denied stays denied before "just on ..." ----------------------------------------


@pytest.mark.parametrize(
    "later", ["no chemo for me, im just on scans", "not on chemo, just on hormone tablets now"]
)
def test_a_fever_with_treatment_denied_is_read_as_urgent(en: TriageEngine, later: str) -> None:
    assert _level(en, "temp was 38.6 this morning", later) == "urgent"


def test_a_fever_with_treatment_said_is_still_an_emergency(en: TriageEngine) -> None:
    assert _level(en, "temp was 38.6 this morning", "had chemo on monday") == "emergency"


def test_not_breathless_at_rest_only_on_the_stairs_is_still_breathless(en: TriageEngine) -> None:
    assert "dyspnea" in present(en.assess("not breathless at rest, only on the stairs"))


# -- a friend's chemo, told by a writer who wonders if it may happen to them ------------------


@pytest.mark.parametrize(
    "text",
    [
        "my mate says his legs went numb after his chemo, should i worry if that happens to me",
        "a friend said her legs went weak after her chemo, what if that happens to me",
    ],
)
def test_a_friends_chemo_and_a_what_if_for_me_is_read_as_someone_elses(en: TriageEngine, text: str) -> None:
    a = _read(en, text, "mine are fine so far")
    assert a.level.label == "none"


def test_a_wifes_fever_after_her_infusion_is_still_the_patients(en: TriageEngine) -> None:
    a = en.assess("my wifes temp is 38.6 after her infusion, what should i do")
    assert "fever" in present(a)
    assert a.level.label == "emergency"


# -- a parent who "passed" is no patient; "passed out" still fainted --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my dad had terrible pain at the end, he passed ten years ago",
        "my mum was so confused in her last days, she passed in the spring",
        "my dad had awful pain before he passed a few years ago",
    ],
)
def test_a_parent_who_passed_is_read_as_someone_else(en: TriageEngine, text: str) -> None:
    assert en.assess(text).level.label == "none"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my dad passed out in the kitchen", "syncope"),
        ("my mum passed a clot last week", "bleeding"),
    ],
)
def test_passed_out_or_passed_a_clot_is_still_the_patients(en: TriageEngine, text: str, concept: str) -> None:
    assert concept in present(en.assess(text))


# -- "sorry for rambling": the message's length, not confusion --------------------------------


@pytest.mark.parametrize(
    "text", ["sorry for rambling", "sorry im rambling on", "excuse the waffle", "ill stop rambling now"]
)
def test_sorry_for_rambling_is_read_as_nothing(en: TriageEngine, text: str) -> None:
    assert en.assess(text).level.label == "none"


@pytest.mark.parametrize("text", ["he is rambling and not making sense", "mum keeps rambling"])
def test_someone_rambling_is_still_confusion(en: TriageEngine, text: str) -> None:
    assert "confusion" in present(en.assess(text, context=CARER))


def test_a_memory_of_a_parent_then_sorry_for_rambling_is_read_as_none(en: TriageEngine) -> None:
    turns = (
        "my dad had terrible pain at the end, he passed ten years ago",
        "just missing him, sorry for rambling",
    )
    assert _level(en, *turns) == "none"


# -- Spanish: blood going on from the cough before, in a tissue or after "y" -------------------


@pytest.fixture(scope="module")
def es() -> TriageEngine:
    return default_engine("es")


@pytest.mark.parametrize(
    "turns",
    [
        ("estuve tosiendo toda la noche", "y salieron unas rayitas de sangre"),
        ("tengo mucha tos", "además unos puntitos de sangre esta mañana"),
        ("la tos no me deja dormir", "hoy vi sangre en el pañuelo"),
    ],
)
def test_blood_going_on_from_a_cough_is_read_as_hemoptysis_in_spanish(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    a = _read(es, *turns)
    assert "hemoptysis" in present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "turns",
    [
        ("tengo mucha tos", "y me sangra la nariz"),
        ("tengo mucha tos", "y un poco de sangre en el papel al limpiarme"),
        ("me duele la espalda", "y un poco de sangre"),
    ],
)
def test_blood_with_a_place_of_its_own_stays_bleeding_in_spanish(
    es: TriageEngine, turns: tuple[str, ...]
) -> None:
    assert "hemoptysis" not in present(_read(es, *turns))


# -- "not when she's resting": the "not" reaches the time across "when" and its subject -----


@pytest.mark.parametrize("later", ["not when she's resting though", "not while she is sitting down"])
def test_breathless_walking_then_not_when_resting_is_read_as_urgent(en: TriageEngine, later: str) -> None:
    a = _read(en, "she's getting more breathless walking, the last few days", later)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "cant breathe even when im resting",
        "breathless when she is resting",
        "not only when im walking, breathless when im resting too",
    ],
)
def test_breathless_when_resting_still_is_at_rest(en: TriageEngine, text: str) -> None:
    assert en.assess(text).level.label == "emergency"


# -- a back pain that has woken one, nights in a row -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "back pain's woken me up again",
        "lower back ache, third night running",
        "my back is sore, second night in a row",
        "backs been stiff night after night",
    ],
)
def test_a_back_pain_that_has_woken_one_or_goes_on_nights_is_read_as_urgent(
    en: TriageEngine, text: str
) -> None:
    assert en.assess(text).level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "the dog's woken me up again, back a bit stiff",
        "the baby has woken me up, my neck is sore from the chair",
    ],
)
def test_woken_by_something_else_is_still_no_night_pain(en: TriageEngine, text: str) -> None:
    assert en.assess(text).level.label == "routine"
