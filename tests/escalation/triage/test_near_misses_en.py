"""Near misses in English, class by class: breathing denied its good word ("not breathing
good"), breathing that has stopped, a pet or a grandchild as the object of what the writer
does, "us" for "me", blood in dialect and by its marks in what is coughed up, passing water
counted at night, a partial improvement, a swelling that went down, an end brought by a change
of tablets, pain felt for what one watches, temptation told as a walk, a nap blamed for a crick,
what no longer fits a swollen hand, blood in spit from a bleed in the mouth, tedium said as
dying and laughed off, and a test that came back clear on a finding dated back. Each class has
wordings of our own and a near miss on the other side of the distinction.

Each test is named as the sentence it reads; the sentences illustrate a class, they are not
the development sets' own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import Assessment, Level, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import CARER, ON_TX, assess, present, status_of

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _read(*turns: str) -> Assessment:
    """A conversation of messages two minutes apart."""
    messages = [Message(text, T0 + timedelta(minutes=2 * i)) for i, text in enumerate(turns)]
    return ConversationReader(default_engine()).read(messages).assessment


# -- breathing denied its good word is breathlessness ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I am not breathing well today",
        "breathing's not great this week",
        "my breathing is not too good",
        "he isnt breathing properly",
        "I dont breathe very well these days",
    ],
)
def test_breathing_said_not_to_be_good_is_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level >= Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    ["not breathing good when I sit, since this morning", "I dont breathe well lying down in bed"],
)
def test_breathing_not_good_at_rest_is_an_emergency(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["breathing not too bad thanks", "breathing is fine", "no problems breathing today"],
)
def test_breathing_said_to_be_fine_or_not_bad_is_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


def test_no_then_breathing_normal_answers_the_question_no() -> None:
    a = assess("no breathing normal", "Are you breathless?")
    assert "dyspnea" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "he's not breathing",
        "mum isnt breathing!!",
        "she stopped breathing for a few seconds",
        "dad's just stopped breathing",
    ],
)
def test_breathing_that_has_stopped_is_an_emergency(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


def test_stopping_something_else_is_no_breathing_stopped() -> None:
    assert assess("I stopped smoking last year").level is Level.NONE


# -- a pet or a child the writer walks, carries or chases is no subject ------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("walking the dog leaves me short of breath which it never used to", "dyspnea"),
        ("chasing the grandkids round the park makes me wheezy", "wheeze"),
        ("carrying my grandson up the stairs leaves me puffed", "dyspnea"),
    ],
)
def test_what_the_writer_does_to_a_pet_or_a_child_brings_on_the_writers_own_symptom(
    text: str, concept: str
) -> None:
    assert concept in present(assess(text))


def test_breathless_only_since_walking_the_dog_is_new_breathlessness() -> None:
    assert assess("walking the dog gets me out of breath, which it never used to").level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "the dog is coughing",
        "walked the dog and my husband was short of breath",
        "took the dog out, he was limping",
    ],
)
def test_a_pet_or_a_person_as_the_subject_still_has_their_own_symptom(text: str) -> None:
    assert assess(text).level is Level.NONE


# -- "us" for "me" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me back's been giving us gyp all night and it's worse every day",
        "me back's giving us a bit of grief at night",
    ],
)
def test_a_back_giving_us_gyp_is_the_writers_back_pain(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


def test_people_giving_us_grief_is_no_pain() -> None:
    assert assess("the kids are giving us grief about the holiday").level is Level.NONE


# -- blood in dialect, and by its marks in what is coughed up -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "coughed up some claret this morning",
        "a spot of claret in me spit when I coughed",
        "hocked up a tiny bit of blood",
        "there were red flecks in my phlegm",
        "little pink dots in the sputum",
        "tiny red specks through my sputum pot",
    ],
)
def test_blood_in_dialect_or_by_its_marks_in_sputum_is_coughed_up_blood(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["had a glass of claret and a coughing fit", "a nice claret with dinner, my cough's the same"],
)
def test_claret_by_the_glass_is_the_wine(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" not in present(a)
    assert "bleeding" not in present(a)


# -- passing water counted at night -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "up weeing 5 times a night this week",
        "peeing 3 or 4 times in the night",
        "weeing every couple of hours",
    ],
)
def test_weeing_counted_through_the_night_is_passing_water_often(text: str) -> None:
    assert "polyuria" in present(assess(text))


def test_weeing_at_night_with_thirst_is_worth_a_call_today() -> None:
    assert assess("up peeing 4 times a night and so thirsty").level is Level.URGENT


@pytest.mark.parametrize("text", ["had a wee 4 times today", "peeing 3 times a day, normal for me"])
def test_a_usual_number_of_wees_in_a_day_is_nothing(text: str) -> None:
    assert "polyuria" not in present(assess(text))


# -- better a bit is still there; gone down is over ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "woke with my face all puffy, gone down a bit by lunch",
        "face swollen, a bit better now",
        "neck swelling has gone down slightly",
    ],
)
def test_a_swelling_only_a_little_better_is_still_there(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "the swelling in my calf went down and the scan was clear",
        "calf swelling went down",
        "my face was swollen but it went right down",
    ],
)
def test_a_swelling_that_went_down_is_over(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my legs gave way and he went down",
        "my legs went weak and i went down",
        "legs gave way then went down",
    ],
)
def test_a_fall_told_as_went_down_ends_nothing(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


def test_a_swelling_down_a_bit_with_a_hot_calf_is_still_a_calf_to_check() -> None:
    assert assess("the swelling went down a bit but my calf is still hot").level is Level.URGENT


# -- gone with a change of medicine -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "legs are fine now, the tingling went when they swapped my tablets",
        "the rash cleared up once the gp changed the dose",
        "pins and needles stopped after they reduced my tablets",
    ],
)
def test_a_symptom_gone_with_a_change_of_tablets_is_over(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_gone_with_a_change_of_tablets_ends_only_that_one() -> None:
    a = assess("headache stopped when they changed my tablets but now my legs are weak")
    assert status_of(a, "headache") == {"resolved"}
    assert a.level is Level.EMERGENCY


# -- pain felt for what one watches, and a busy life -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the pain of watching my team lose again 🙄",
        "the agony of waiting for results",
        "burning the candle at both ends with the grandkids staying",
    ],
)
def test_pain_felt_for_what_one_watches_or_a_busy_life_is_no_symptom(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize("text", ["the pain of sitting is unbearable", "burning pain in my back"])
def test_pain_of_the_body_is_still_pain(text: str) -> None:
    assert assess(text).level >= Level.ROUTINE


# -- temptation told as a walk ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["cant walk past a bakery without going in 😂", "can't go by the chippy without stopping lol"],
)
def test_a_shop_one_cannot_walk_past_is_temptation(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_door_one_cannot_walk_past_without_holding_on_is_trouble_walking() -> None:
    a = assess("cant walk past the front door without holding on")
    assert "gait_difficulty" in present(a)


# -- a nap blamed for a crick -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["stiff neck from falling asleep on the sofa", "sore neck after dozing off in the chair"],
)
def test_a_crick_from_falling_asleep_awkwardly_is_no_drowsiness(text: str) -> None:
    a = assess(text)
    assert "drowsiness" not in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    ["he keeps falling asleep in his chair", "fell asleep on the sofa and could not wake him"],
)
def test_sleep_that_keeps_coming_or_cannot_be_woken_from_is_drowsiness(text: str) -> None:
    a = assess(text)
    assert "drowsiness" in present(a)
    assert a.level >= Level.URGENT


# -- what no longer fits a swollen hand ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "rings wont go on my left hand",
        "cant get my rings off my right hand",
        "right arm puffed up, rings wont go on that hand",
    ],
)
def test_rings_that_no_longer_fit_are_a_swollen_arm(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert "limb_weakness" not in present(a)
    assert a.level is Level.URGENT


def test_legs_that_wont_go_are_still_weakness() -> None:
    assert assess("my legs wont go").level is Level.EMERGENCY


# -- blood in spit from a bleed in the mouth ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "gums bled when I brushed my teeth, pink spit in the sink",
        "bit my tongue, blood in my spit",
        "had a tooth out yesterday, still spitting blood",
    ],
)
def test_blood_in_spit_after_a_bleed_in_the_mouth_is_that_bleed(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" not in present(a)
    assert "bleeding" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "my gums arent bleeding but theres blood in my spit",
        "gums bleeding and I coughed up blood",
        "gums bleed, blood in my phlegm",
        "pink spit in the sink",
    ],
)
def test_blood_in_spit_without_a_mouth_bleed_or_with_a_cough_is_coughed_up(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level is Level.URGENT


def test_a_mouthful_of_blood_from_the_mouth_is_still_a_major_bleed() -> None:
    assert assess("brushed my teeth and spat out a mouthful of blood").level is Level.EMERGENCY


# -- tedium said as dying, and laughed off -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "this waiting room is so slow i want to die lol",
        "meeting so boring I could die 😂",
        "this queue is so long i wanna die haha",
        "I could die of embarrassment",
    ],
)
def test_tedium_said_as_dying_and_laughed_off_is_no_wish_to_die(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize("text", ["so hungry i could faint lol", "so excited I could faint 😂"])
def test_hunger_or_excitement_said_as_fainting_and_laughed_off_is_no_faint(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text", ["so hungry i could faint", "I feel faint lol", "so dizzy i could faint lol"]
)
def test_fainting_without_the_laugh_or_with_dizziness_still_reaches_the_team(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["i want to die lol", "so tired i want to die lol", "so bored i want to die", "I want to die"],
)
def test_a_wish_to_die_without_a_dull_thing_and_a_laugh_still_reaches_the_team(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


# -- a clear test on a finding dated back -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "had a bleed from my back passage last month, colonoscopy was clear",
        "coughed up blood 3 weeks ago, ct scan came back clear",
    ],
)
def test_a_finding_dated_back_and_cleared_by_a_test_is_over(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my leg is still swollen, scan was clear",
        "leg swollen for 2 weeks, scan was clear",
        "chest pain last week, ecg was normal but its back today",
    ],
)
def test_a_finding_of_now_stays_whatever_the_test_said(text: str) -> None:
    assert assess(text).level is Level.URGENT


# -- a measure of phlegm is a cough; blood "brought up" alone is coughed up ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "brought up a mouthful of phlegm",
        "coughed up loads of green phlegm this morning",
        "hacking up a cupful of mucus",
    ],
)
def test_a_measure_of_phlegm_is_a_cough_not_a_bleed(text: str) -> None:
    a = assess(text)
    assert "cough" in present(a)
    assert "hemoptysis" not in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    ["coughed up a mouthful this morning", "brought up a mouthful of blood", "coughed up loads of blood"],
)
def test_a_measure_of_blood_coughed_up_is_still_a_major_bleed(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


def test_phlegm_by_the_mouthful_with_blood_in_it_is_coughed_up_blood() -> None:
    a = assess("coughed up a mouthful of phlegm with blood in it")
    assert "hemoptysis" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text", ["bringing up blood", "brought up blood this morning", "been bringing up some blood"]
)
def test_blood_brought_up_without_an_amount_is_coughed_up_blood(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text", ["was sick and brought up blood", "threw up blood", "vomiting and bringing up blood"]
)
def test_blood_brought_up_with_sickness_is_still_vomited_blood(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


# -- red wee explained by what was eaten ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "wee is red but I had beetroot last night",
        "pee looks pink, had loads of beetroot yesterday",
        "red wine last night and my wee is a bit red",
    ],
)
def test_red_wee_with_a_staining_food_named_as_eaten_is_no_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" not in present(a)
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "blood in my wee, had beetroot yesterday",
        "wee is red and I havent had any beetroot",
        "my wee is a bit pink today",
        "wee looks like beetroot juice",
    ],
)
def test_blood_named_or_no_staining_food_eaten_is_still_a_bleed(text: str) -> None:
    assert "bleeding" in present(assess(text))


@pytest.mark.parametrize("text", ["urine dark red with clots, ate beetroot", "urine dark red with clots"])
def test_red_wee_with_clots_is_a_major_bleed_whatever_was_eaten(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


# -- legs tired by a feat of sport ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "legs like jelly after the half marathon",
        "legs weak after the half marathon lol",
        "thighs dead from leg day",
        "my calves are killing me after parkrun",
    ],
)
def test_legs_tired_by_a_feat_of_sport_are_no_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my legs gave way after the 10k",
        "legs weak after walking to the shop",
        "cant feel my legs after that hike",
        "legs like jelly since yesterday",
    ],
)
def test_legs_that_give_way_or_go_numb_or_weaken_on_a_short_walk_are_still_cord_signs(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


# -- breath lost to laughter, in Spanish laughter too --------------------------------------------


@pytest.mark.parametrize(
    "text", ["jaja cant breathe", "cant breathe jajaja", "jajaja no puedo cant breathe 😂"]
)
def test_cant_breathe_with_a_laugh_written_beside_it_is_laughter(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize("text", ["cant breathe", "cant breathe, help"])
def test_cant_breathe_without_a_laugh_is_an_emergency(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


# -- the other leg too, said without a side --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["my leg is numb and the other leg too", "my leg went weak and now the other leg as well"],
)
def test_a_leg_and_the_other_leg_too_in_one_message_are_both_legs(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "turns",
    [
        ("my leg has gone numb", "the other leg too now"),
        ("my arm feels weak", "now the other one too"),
        ("my right leg is numb", "the other one too now"),
    ],
)
def test_the_other_one_too_after_a_leg_said_without_a_side_is_both(turns: tuple[str, str]) -> None:
    assert _read(*turns).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "turns",
    [("my leg has gone numb", "the other one is fine"), ("my hand is tingly", "the other one too now")],
)
def test_the_other_one_fine_or_a_pair_of_hands_tingling_stays_routine(turns: tuple[str, str]) -> None:
    assert _read(*turns).level is Level.ROUTINE


def test_a_leg_and_the_other_one_fine_is_one_leg() -> None:
    assert assess("my leg is numb and the other leg is fine").level is Level.ROUTINE


# -- a carer's own "been poorly myself" -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sorry, been poorly myself, he's fine",
        "I've been poorly myself this week, nothing new with Mum",
        "been under the weather myself, coughing loads, Dad's ok",
    ],
)
def test_a_carer_poorly_themselves_is_not_the_patient(text: str) -> None:
    a = assess(text, context=CARER)
    assert not (present(a) - {"nurse_request"})
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I've been poorly myself so sorry for the late reply, Dad's legs have gone weak",
        "been sick myself, Dad has a temp of 39",
        "Dad is poorly, he has a temperature of 39",
    ],
)
def test_the_patient_named_after_the_carers_own_clause_is_still_the_patient(text: str) -> None:
    assert assess(text, context={**CARER, **ON_TX}).level is Level.EMERGENCY


# -- sick today and settled still goes to the team; another day's is over ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sick once after breakfast, fine since",
        "threw up this morning but ok now",
        "had the runs this afternoon, all settled now",
    ],
)
def test_sickness_of_today_that_has_settled_still_goes_to_the_team(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "was sick on Monday, fine since",
        "was sick twice last week, fine this week",
        "threw up last night after a dodgy kebab, fine now",
    ],
)
def test_sickness_of_another_day_that_has_settled_is_over(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_nothing_since_lunch_dates_the_end_not_the_sickness() -> None:
    assert assess("was sick twice, nothing since lunch").level is Level.NONE


# -- a person "gone down" has fallen; a swelling gone down is over ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my legs keep giving way, I have gone down twice this week",
        "my legs keep giving way, he's gone down again",
        "legs gave way, went down three times today",
    ],
)
def test_a_person_gone_down_after_legs_giving_way_has_fallen_not_recovered(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ["face was puffy, it's gone down now", "my neck swelling has gone down"])
def test_a_swelling_gone_down_is_still_over(text: str) -> None:
    assert assess(text).level is Level.NONE
