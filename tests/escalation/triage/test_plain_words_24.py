"""Red-team set 23's classes, from a wide world of English (learners, elders, Philippine and
West African English): a symptom wholly gone or gone after what was done for it, legs that
have "totally gone", a person who has "gone down" again and again, breath that is "a little
difficult" or "catching me", talk that cannot "finish", "LBM", a spine "getting worse",
everything drunk brought back up, "bad, 9" as a score, a general question asked ahead of time,
and bending, which is no strain; in conversations (dev12), red that a later message says was
a food or drink, a lump in the throat of feeling, and a graze that stings; with the near misses
beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import Level, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import CARER, ON_TX, assess, present, status_of

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _conversation(*texts: str) -> Level:
    """The level after the messages, twenty minutes apart."""
    messages = [Message(text, T0 + timedelta(minutes=i * 20)) for i, text in enumerate(texts)]
    return ConversationReader(default_engine()).read(messages).assessment.level


@pytest.mark.parametrize(
    "text",
    [
        "my lower back aches when I bend down to the dishwasher",
        "back gives a twinge every time I bend over, nothing much",
        "my neck hurts a little when I bend to read",
    ],
)
def test_a_back_that_hurts_on_bending_is_no_strain_and_stays_routine(text: str) -> None:
    a = assess(text)
    assert present(a) & {"back_pain", "neck_pain"}
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "my back hurts when I sneeze",
        "lower back pain every time I strain on the loo",
        "back aches when I bend or cough",
        "my back hurts when I move and when I sneeze",
    ],
)
def test_a_back_that_hurts_on_coughing_sneezing_or_straining_is_urgent(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert "cough" not in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("the numbness in my feet is completely gone now", "numbness"),
        ("that weakness in my leg has totally gone after the physio", "limb_weakness"),
        ("my cough cleared with the antibiotics", "cough"),
        ("the headaches have gone since the steroids", "headache"),
        ("back pain all gone after a few days of rest", "back_pain"),
    ],
)
def test_a_symptom_wholly_gone_or_gone_after_what_was_done_for_it_is_resolved(
    text: str, concept: str
) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"resolved"}
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my legs have totally gone",
        "his legs completely went this afternoon",
        "her legs have gone since this morning, she's on the floor",
        "my legs went overnight and I can't get up",
        "both legs have totally gone after the fall",
    ],
)
def test_legs_that_have_gone_however_wholly_or_whenever_have_given_way(text: str) -> None:
    a = assess(text, context=CARER)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my legs have gone totally numb",
        "his legs have all gone weak",
    ],
)
def test_legs_gone_numb_or_weak_are_still_present_however_wholly(text: str) -> None:
    assert assess(text, context=CARER).level is Level.EMERGENCY


def test_what_was_in_the_legs_has_gone_since_a_treatment_is_over() -> None:
    a = assess("the swelling in my legs has gone since the water tablets")
    assert "limb_weakness" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "legs giving way and she has gone down three times since Sunday",
        "I keep tripping, I've gone down twice now",
        "Dad's been down a few times in the hall this week",
    ],
)
def test_a_person_who_has_gone_down_again_and_again_has_fallen(text: str) -> None:
    a = assess(text, context=CARER)
    assert present(a) & {"gait_difficulty", "limb_weakness"}
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my temperature went down again after the paracetamol",
        "the swelling in my ankle has gone down twice this week then come back",
        "his sugars went down again overnight",
    ],
)
def test_a_number_or_a_swelling_gone_down_again_is_no_fall(text: str) -> None:
    a = assess(text, context=CARER)
    assert "gait_difficulty" not in present(a)
    assert a.level < Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "breathing is little difficult since yesterday",
        "my breathing is a little bit hard today",
        "breath is slightly short when I talk",
        "breathing kinda difficult this morning",
    ],
)
def test_breathing_a_little_difficult_is_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_a_face_swelling_with_breathing_a_little_difficult_is_an_emergency() -> None:
    a = assess("Sir my neck is swelling up and the breathing is little hard")
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["breathing is a little better today", "my breathing is little bit easier now"],
)
def test_breathing_a_little_better_is_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my breath is catching me since morning",
        "the breath dey hold me",
        "his breath keeps catching him when he lies down",
    ],
)
def test_breath_that_catches_or_holds_the_person_is_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "I cannot talk finish, I must stop",
        "he can't even speak finish",
        "can't finish talking without stopping for air",
    ],
)
def test_talk_that_cannot_finish_is_breathlessness_at_its_worst(text: str) -> None:
    a = assess(text, context=CARER)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["caught my breath after the stairs, fine now", "the kids wont let me finish talking"],
)
def test_breath_caught_back_or_talk_cut_off_by_others_is_no_emergency(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("LBM 8x since this morning", 8),
        ("having lbm po, 7 times today", 7),
    ],
)
def test_lbm_is_loose_bowel_movements_counted(text: str, count: int) -> None:
    a = assess(text)
    found = [f for f in a.findings if f.concept == "diarrhea" and f.present]
    assert found
    assert found[0].count == count
    assert a.level is Level.URGENT


def test_lbm_a_few_times_on_treatment_is_urgent_and_off_it_routine() -> None:
    assert assess("LBM po 5 times today", context=ON_TX).level is Level.URGENT
    assert assess("LBM po 2 times today").level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "my lower back is getting worse every day",
        "upper back getting worse this week",
        "the spine keeps getting worse",
        "small of my back a bit worse today",
    ],
)
def test_a_part_of_the_spine_getting_worse_is_back_pain_worsening(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


def test_a_lower_back_no_worse_is_no_worsening() -> None:
    assert assess("lower back not getting worse").level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "throwing up everything I drink",
        "she vomits whatever she drinks",
        "sick with every sip he takes",
        "bringing up all I drink since lunch",
    ],
)
def test_vomiting_all_that_is_drunk_is_unable_to_keep_fluids_down(text: str) -> None:
    a = assess(text, context=CARER)
    assert "vomiting" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["vomited once after a drink", "I drink everything they give me, no sickness"],
)
def test_being_sick_once_or_drinking_well_is_not_fluids_coming_back(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("yes, really bad, 8", "Any chest pain now?"),
        ("yes terrible, 9", "Any chest pain today?"),
        ("chest hurts, 8", None),
    ],
)
def test_a_number_ending_the_clause_after_how_bad_it_is_is_a_severe_score(
    text: str, question: str | None
) -> None:
    a = assess(text, question)
    assert "chest_pain" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("yes bad, 3", "Any chest pain now?"),
        ("chest pain bad, 2 days now", None),
        ("chest pain bad, 2 paracetamol didn't help", None),
    ],
)
def test_a_low_score_or_a_number_of_something_else_is_no_severe_pain(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert "chest_pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "Do people get fevers after immunotherapy? Asking just in case",
        "is it common to get a temperature on chemo? just reading up before my first cycle",
        "can you get headaches from the tablets? asking for future reference",
    ],
)
def test_a_general_question_asked_ahead_of_time_is_a_what_if(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert not present(a) & {"fever", "headache"}
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I have a temperature of 38.6, is that normal after chemo? asking just in case",
        "My temp is 38.4. Is it normal after chemo? Just in case",
        "is it normal that my temperature is 38.5? asking just in case",
        "is it normal that he has a fever? asking just in case",
    ],
)
def test_a_fever_told_as_a_fact_before_asking_is_still_present(text: str) -> None:
    a = assess(text, context={**ON_TX, **CARER})
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "texts",
    [
        ("red on the toilet paper this morning?", "oh it was the beetroot soup last night"),
        ("my pee has gone pink", "forgot I had beetroot juice at lunch lol"),
        ("theres blood on the sheet", "turns out it was jam from my toast, silly me"),
    ],
)
def test_red_a_later_message_says_was_a_food_or_drink_is_no_blood(texts: tuple[str, ...]) -> None:
    assert _conversation(*texts) is Level.NONE


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("blood in my wee", "had some red wine last night"), Level.ROUTINE),
        (("blood in my wee", "ate beetroot yesterday, could that be it?"), Level.ROUTINE),
        (("coughed up a cupful of blood", "I had red wine earlier but this is different"), Level.EMERGENCY),
        (("coughed up blood and my legs feel weak", "oh it was the red wine"), Level.EMERGENCY),
    ],
)
def test_a_drink_merely_had_asked_about_or_set_aside_leaves_the_blood(
    texts: tuple[str, ...], level: Level
) -> None:
    assert _conversation(*texts) is level


@pytest.mark.parametrize(
    "text",
    [
        "had a lump in my throat watching the grandkids in the nativity",
        "lump in his throat at the funeral, bless him",
        "that comment from my sister really stung",
    ],
)
def test_a_lump_in_the_throat_or_a_sting_of_feeling_is_no_symptom(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_lump_in_the_throat_when_swallowing_is_for_the_team() -> None:
    assert assess("feels like a lump in my throat when I swallow").level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "my elbow stings where I scraped it",
        "eyes stinging since this morning",
        "grazed my shin on the car door",
    ],
)
def test_a_sting_or_a_graze_is_for_the_team_to_see(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


def test_a_sting_in_the_chest_is_chest_pain() -> None:
    a = assess("a stinging feeling in my chest")
    assert "chest_pain" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("thought I had a migraine coming but it was just the bright sun", "headache"),
        ("I thought I was getting a temperature, turns out the room was just hot", "fever"),
        ("thought my legs had gone weak but it was only pins and needles from sitting", "limb_weakness"),
        ("she thought she had a fever but it was nothing, thermometer was wrong", "fever"),
    ],
)
def test_what_was_thought_then_said_to_be_something_else_was_never_there(text: str, concept: str) -> None:
    a = assess(text, context={**ON_TX, **CARER})
    assert concept not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "thought I had a headache but it's getting worse and worse",
        "I thought it was indigestion but it was actually chest pain, still there",
        "thought I had a fever, turns out it is 38.9",
        "Mum says her chest pain is really bad, thought it would pass",
    ],
)
def test_a_belief_that_was_right_or_a_finding_after_the_taking_back_stands(text: str) -> None:
    assert assess(text, context={**ON_TX, **CARER}).level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my hay fever is awful today, eyes streaming",
        "hayfever season again",
        "proper cabin fever after a week stuck indoors",
        "the whole street has world cup fever",
    ],
)
def test_hay_fever_or_cabin_fever_is_no_temperature(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert "fever" not in present(a)
    assert a.level < Level.URGENT


def test_a_fever_beside_hay_fever_is_still_a_fever() -> None:
    assert assess("hay fever and now a fever of 38.4 too", context=ON_TX).level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my family keep asking if I have flu, voice is all croaky", "hoarseness"),
        ("the doctor asked if I had been unwell, my breathing is bad today", "dyspnea"),
        ("everyone asks if I'm ok, my legs are like jelly", "limb_weakness"),
    ],
)
def test_a_clause_told_as_it_is_now_after_a_what_if_is_present(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("what if I get a fever, is that bad", "fever"),
        ("should I ring if my legs go weak, or numb", "limb_weakness"),
        ("in case I get breathless, my inhaler is where", "dyspnea"),
    ],
)
def test_a_what_if_that_runs_on_past_a_comma_stays_a_what_if(text: str, concept: str) -> None:
    a = assess(text)
    assert concept not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "do people get tired on immunotherapy? asking for a friend",
        "can chemo give you headaches? just asking for my sister",
    ],
)
def test_a_general_question_asked_for_someone_else_is_no_finding(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_symptom_of_ones_own_before_asking_for_someone_else_stands() -> None:
    a = assess("my legs went numb this morning. Is that normal? asking for my mum too")
    assert "numbness" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "the tingling went once I stopped kneeling",
        "pins and needles in my arm went as soon as I rolled over",
        "foot numbness went the moment I uncrossed them",
    ],
)
def test_numbness_gone_once_the_posture_that_caused_it_ended_is_over(text: str) -> None:
    a = assess(text)
    assert status_of(a, "numbness") == {"resolved"}
    assert a.level is Level.NONE


def test_numbness_that_comes_back_on_walking_stands() -> None:
    a = assess("numbness in my feet went once I stopped sitting, came back when I walked")
    assert "numbness" in present(a)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("💩 x9 since last night", Level.URGENT),
        ("💩 all water today, 3 times", Level.ROUTINE),
        ("runny 💩 again", Level.ROUTINE),
    ],
)
def test_the_poo_emoji_counted_or_watery_is_diarrhoea(text: str, level: Level) -> None:
    a = assess(text)
    assert "diarrhea" in present(a)
    assert a.level is level


def test_the_poo_emoji_alone_is_no_diarrhoea() -> None:
    assert "diarrhea" not in present(assess("💩 normal today, all good"))


@pytest.mark.parametrize(
    "text",
    [
        "Still coughing loads. Bits of blood since last night",
        "The cough is no worse. Noticed some red streaks this morning",
    ],
)
def test_blood_after_a_sentence_of_coughing_is_coughed_up(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "Still coughing loads. Some blood in my pee too",
        "Cough is the same. Bled a bit from my gums brushing",
    ],
)
def test_blood_that_names_its_own_place_after_coughing_is_from_there(text: str) -> None:
    assert "hemoptysis" not in present(assess(text))
