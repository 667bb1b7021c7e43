"""Classes of messages read from holdout10_texting and conversations_holdout7, in our own words,
with their near misses: blood told by a flow image; a cough named with its kind, then what comes
up; clots likened to a thing; numbness told by how far down the leg it reaches; clothes grown
tight at the neck; self-injury told as it came back; the side under the ribs; a tube's wound in
the chest; pain told by its relief failing; a word or a chat asked of a nurse; a claim read or
heard in general; a belief taken back by the stain that caused it; counts dated to an earlier day.

Each test is named as the class it reads; the sentences are illustrations of a class, not the
sets' own (docs/triage.md).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import Level, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

from .conftest import CARER, assess, present, status_of

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _conversation(*turns: tuple[int, str]) -> Level:
    """Messages at the minutes given after T0."""
    messages = [Message(text, T0 + timedelta(minutes=m), None, None) for m, text in turns]
    return ConversationReader(default_engine()).read(messages, None).assessment.level


# -- blood told by a flow image ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "bringing up blood like somebody left a tap on",
        "blood coming out my nose like a hose, won't slow down",
        "coughed up blood like a tap turned on full",
        "bleeding from my back passage like a burst pipe",
    ],
)
def test_blood_likened_to_a_running_tap_or_a_hose_is_a_large_amount(text: str) -> None:
    a = assess(text)
    assert a.level == Level.EMERGENCY
    assert {"hemoptysis-major", "bleeding-major"} & set(a.rules)


@pytest.mark.parametrize(
    "text",
    [
        "specks of blood when I cough, and my nose is running like a tap with this cold",
        "streak of blood in my phlegm, eyes streaming like a tap from hay fever",
        "got the runs, going like a tap, bit of blood on the paper",
        "sweating like a river and a spot of blood in my phlegm",
    ],
)
def test_another_flow_likened_to_a_tap_makes_no_blood_large(text: str) -> None:
    a = assess(text)
    assert {"hemoptysis", "bleeding"} & present(a)
    assert a.level < Level.EMERGENCY


# -- a cough named with its kind, then what comes up -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "chesty cough since lunch and now it's bright red",
        "horrible dry cough, what comes up is bright red",
        "barking cough all morning, and it's bright red now",
    ],
)
def test_red_after_a_cough_named_with_its_kind_is_coughed_up_blood(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize("text", ["hacking cough all day, nothing coming up", "I have a dry cough"])
def test_a_cough_named_with_its_kind_alone_is_a_cough(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" not in present(a)
    assert a.level == Level.ROUTINE


# -- clots likened to a thing -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "coughing and it's bright red now, clots like jelly",
        "coughing up clots the size of a grape",
        "coughing, dark clots like liver in the tissue",
    ],
)
def test_clots_likened_to_jelly_or_a_grape_are_a_large_amount_not_weak_legs(text: str) -> None:
    a = assess(text)
    assert a.level == Level.EMERGENCY
    assert "fatigue" not in present(a)
    assert "limb_weakness" not in present(a)


def test_legs_like_jelly_without_clots_are_still_read_as_before() -> None:
    a = assess("legs like jelly after the walk to the shops")
    assert "hemoptysis" not in present(a)
    assert "bleeding" not in present(a)


# -- numbness told by how far down the leg it reaches --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my left leg has gone numb all the way down",
        "right leg is dead right down to my foot since this morning",
        "numb the whole way down my left leg",
        "his leg's been numb from top to bottom since tea time",
    ],
)
def test_a_leg_numb_all_the_way_down_is_loss_of_feeling_in_the_whole_leg(text: str) -> None:
    a = assess(text, context=CARER)
    assert a.level == Level.EMERGENCY
    assert "cord-signs" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "my right arm is numb all the way down",
        "fingers numb all the way down to the tips since chemo",
        "my left foot is numb",
    ],
)
def test_an_arm_or_hand_numb_all_the_way_down_is_no_cord_sign(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level == Level.ROUTINE


def test_a_leg_numb_all_the_way_down_that_is_over_now_is_not_present() -> None:
    a = assess("leg went numb all the way down after sitting cross legged, fine now")
    assert "numbness" not in present(a)


# -- clothes grown tight at the neck --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my shirt collars all feel tight this week",
        "collars are getting tighter, not sure why",
        "can't do up my top button any more",
        "necklaces feel tight round me lately",
    ],
)
def test_collars_grown_tight_are_a_swelling_of_the_neck(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "no, my collar isn't tight, neck is fine",
        "my shoes feel tight after the long walk",
    ],
)
def test_a_collar_said_not_tight_or_other_tight_clothes_are_no_neck_swelling(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" not in present(a)
    assert a.level < Level.URGENT


# -- self-injury told as it came back --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "burned myself again last night, first time in ages",
        "cut myself today, first time in five years",
        "I relapsed and cut myself",
        "cut myself again",
    ],
)
def test_cutting_oneself_told_as_a_relapse_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "cut myself shaving, first time in years",
        "cut myself on a tin last night, first time in years I've opened one",
        "nicked myself chopping onions",
    ],
)
def test_a_cut_told_with_what_one_was_doing_is_no_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" not in present(a)
    assert a.level < Level.URGENT


# -- the side under the ribs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "aching in my left side under the ribs, 8 out of 10",
        "sore under my ribs on the right side, about an 8",
    ],
)
def test_pain_in_the_side_under_the_ribs_is_a_pain_not_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" not in present(a)
    assert "pain" in present(a)
    assert a.level == Level.URGENT


def test_pain_under_the_ribs_when_breathing_in_is_still_chest_pain() -> None:
    a = assess("sharp pain under my ribs when I breathe in")
    assert "chest_pain" in present(a)


# -- a tube's wound in the chest ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["the chest drain site is a bit tender, about a 2", "tender where my chest tube went in"],
)
def test_soreness_where_a_chest_drain_was_is_a_wound_pain_not_chest_pain(text: str) -> None:
    a = assess(text)
    assert "chest_pain" not in present(a)
    assert a.level == Level.ROUTINE


def test_a_chest_drain_site_that_keeps_oozing_is_still_a_bleed() -> None:
    assert "bleeding" in present(assess("the chest drain site keeps oozing"))


# -- pain told by its relief failing -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "painkillers aren't really touching my hip, about a 4",
        "the pain patches aren't working for my knee",
        "oramorph isn't doing much for my shoulder",
    ],
)
def test_pain_relief_that_is_not_working_for_a_site_is_a_pain_there(text: str) -> None:
    a = assess(text)
    assert "pain" in present(a)
    assert "pain" not in {f.concept for f in a.findings if f.status == "negated"}
    assert a.level == Level.ROUTINE


def test_pain_relief_that_is_working_is_no_pain() -> None:
    a = assess("the painkillers are working for my shoulder now")
    assert "pain" not in present(a)
    assert a.level == Level.NONE


# -- a word or a chat asked of a nurse ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "would one of the nurses have a quick chat with me please",
        "can I have a quick word with someone about my tablets",
        "could someone give me a quick ring this afternoon",
    ],
)
def test_a_word_or_a_chat_asked_of_the_team_is_a_nurse_request(text: str) -> None:
    a = assess(text)
    assert "nurse_request" in present(a)
    assert a.level == Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "the nurse had a quick word with me yesterday, all fine",
        "had a lovely chat with a nurse at clinic",
    ],
)
def test_a_word_or_a_chat_already_had_is_no_request(text: str) -> None:
    a = assess(text)
    assert "nurse_request" not in present(a)
    assert a.level == Level.NONE


# -- a claim read or heard in general -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I've heard that confusion can mean the calcium is high, is that right?",
        "I read online that leg weakness can be a sign of spread",
        "should I ring if that ever happens, the fainting I mean",
    ],
)
def test_a_symptom_read_or_heard_of_in_general_is_no_finding(text: str) -> None:
    a = assess(text)
    assert not present(a) - {"unrecognised"}
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "I read that leaflet you gave me and I fainted this morning",
        "heard that song on the radio and then I blacked out",
    ],
)
def test_that_pointing_at_a_thing_read_or_heard_leaves_the_symptom_present(text: str) -> None:
    a = assess(text)
    assert "syncope" in present(a)
    assert a.level == Level.EMERGENCY


def test_i_read_that_wrong_is_a_correction_not_a_claim_read() -> None:
    a = assess("no sorry i read that wrong, its 38.4")
    assert "fever" in present(a)


# -- a belief taken back by the stain that caused it -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "thought I was bleeding but it was the red wine I spilt",
        "thought I had blood in my wee but it was the beetroot",
        "she thought she was bleeding, it was just hair dye",
    ],
)
def test_a_bleed_thought_then_put_down_to_a_stain_is_no_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" not in present(a)
    assert "negated" in status_of(a, "bleeding")


def test_a_stain_blamed_then_blood_after_all_is_a_bleed() -> None:
    a = assess("thought I was bleeding but it was the beetroot, now there's blood everywhere")
    assert "bleeding" in present(a)
    assert a.level == Level.EMERGENCY


# -- counts dated to an earlier day -----------------------------------------------------------------------


def test_counts_of_yesterday_and_of_today_do_not_add_up() -> None:
    assert _conversation((0, "been sick 4 times yesterday"), (300, "another 3 today")) == Level.ROUTINE
    assert _conversation((0, "the runs 5 times yesterday"), (1440, "4 more today")) == Level.ROUTINE


def test_counts_of_the_same_day_still_add_up() -> None:
    assert _conversation((0, "sick 3 times this morning"), (300, "another 3 since lunch")) == Level.URGENT
    assert (
        _conversation((0, "sick 3 times yesterday"), (60, "and 3 more yesterday evening, forgot to say"))
        == Level.URGENT
    )


# -- redteam29: breath rationed between words --


@pytest.mark.parametrize(
    "text",
    [
        "i can only say two or three words then I need to stop to catch a breath",
        "have to stop and gulp some air after every few words",
        "can't speak and breathe at the same time this evening",
        "I cant catch my breth even lying in bed",
    ],
)
def test_breath_rationed_between_words_is_severe_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level == Level.EMERGENCY


def test_stopping_to_catch_a_breath_on_a_hill_walk_is_not_told_as_words_rationed() -> None:
    a = assess("a bit puffed on the hill, had to stop halfway, fine once at the top")
    assert a.level < Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "sitting completely still in my chair and still gasping",
        "puffed out just watching the news",
    ],
)
def test_breathless_while_sitting_still_or_watching_tv_is_at_rest(text: str) -> None:
    a = assess(text)
    assert a.level == Level.EMERGENCY


def test_breathing_grown_steadily_worse_is_worsening_breathlessness() -> None:
    a = assess("my breathing has been getting gradually worse all month")
    assert "dyspnea" in present(a)
    assert a.level == Level.URGENT


# -- redteam29: the wrong word comes out --


@pytest.mark.parametrize(
    "text",
    [
        "mum tried to say something and a different word came out",
        "he keeps saying the wrong words for things since lunch",
        "my words are coming out all garbled this morning",
    ],
)
def test_the_wrong_word_coming_out_is_a_speech_difficulty(text: str) -> None:
    a = assess(text, context=CARER)
    assert "speech_difficulty" in present(a)
    assert a.level == Level.EMERGENCY


def test_saying_the_wrong_thing_to_a_friend_is_no_speech_difficulty() -> None:
    a = assess("i always say the wrong thing at funerals")
    assert "speech_difficulty" not in present(a)


# -- redteam29: a swollen neck or calf without the apostrophe; a breath like a kettle --


@pytest.mark.parametrize(
    "text",
    [
        "his necks all puffed up and he cant get his breath",
        "face swollen and i sound like a kettle when i breathe out",
    ],
)
def test_a_swollen_neck_with_breathlessness_or_a_noisy_breath_is_an_airway_emergency(text: str) -> None:
    a = assess(text, context=CARER)
    assert "face_neck_swelling" in present(a)
    assert "svc-airway" in a.rules


def test_a_calf_swollen_told_without_the_apostrophe_is_a_swollen_leg() -> None:
    a = assess("right calfs swollen and hot")
    assert "leg_swelling" in present(a)
    assert a.level >= Level.URGENT


# -- redteam29: a chill in plain words --


@pytest.mark.parametrize(
    "text", ["chilled to the bone and shuddering", "frozen to the bone even under the duvet"]
)
def test_a_chill_in_plain_words_on_treatment_is_an_emergency(text: str) -> None:
    a = assess(text, context={"on_active_treatment": True})
    assert "chills" in present(a)
    assert a.level == Level.EMERGENCY


def test_a_chill_without_treatment_is_not_an_emergency() -> None:
    a = assess("frozen to the bone after the football")
    assert a.level < Level.EMERGENCY


# -- redteam29: an end wished for oneself --


@pytest.mark.parametrize(
    "text",
    [
        "part of me wants to end it",
        "some nights I just want to finish it all",
        "part of me wants to not wake up",
    ],
)
def test_part_of_me_wanting_to_end_it_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I want to finish it tonight, only a chapter left",
        "part of me wants to go to the wedding, part of me doesnt",
    ],
)
def test_finishing_a_book_or_a_mixed_wish_is_no_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" not in present(a)


# -- redteam29: spinal pain at night or bruised --


@pytest.mark.parametrize(
    "text",
    ["back pain wakes me at 4 every morning", "the ache in my lower back gets me up at 2am most nights"],
)
def test_back_pain_that_wakes_one_at_an_hour_of_the_night_is_a_spinal_flag(text: str) -> None:
    a = assess(text)
    assert "spinal-pain-flags" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "the dog gets me up at 5 every morning, my back's a bit stiff",
        "my bladder gets me up at 3am and my back aches a bit",
    ],
)
def test_something_else_getting_one_up_at_night_makes_no_night_back_pain(text: str) -> None:
    assert "spinal-pain-flags" not in assess(text).rules


def test_a_back_that_feels_bruised_with_numb_feet_is_spinal_pain_with_numbness() -> None:
    a = assess("lower back feels all bruised and my feet have gone numb")
    assert "back_pain" in present(a)
    assert "mscc-neuro" in a.rules


def test_feeling_bruised_by_a_day_is_no_back_pain() -> None:
    assert "back_pain" not in present(assess("I feel a bit bruised after that argument"))


# -- redteam29: blood named by what comes up, measured, or going on --


@pytest.mark.parametrize(
    "text",
    [
        "blood comes up whenever I cough and my chest hurts",
        "a huge clot came up when i was coughing",
        "coughing bright red on and off since tea, soaked a towel",
    ],
)
def test_blood_named_by_what_comes_up_with_a_cough_is_major_haemoptysis(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert "hemoptysis-major" in a.rules


def test_red_coming_up_after_a_cough_alone_is_haemoptysis_not_major() -> None:
    a = assess("bit of red comes up when I cough")
    assert "hemoptysis" in present(a)
    assert a.level == Level.URGENT


def test_vomit_measured_in_cups_of_blood_is_a_major_bleed() -> None:
    a = assess("was sick and it was nearly a mugful of red blood")
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "gums keep oozing and it won't stop",
        "nose dripping bright red for over an hour",
        "nicked my chin shaving and it's been gushing for 30 minutes",
    ],
)
def test_a_bleed_going_on_for_long_or_that_will_not_stop_is_a_major_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "nosebleed for a couple of minutes, stopped with a tissue",
        "they're running blood tests for an hour tomorrow",
    ],
)
def test_a_short_bleed_or_blood_tests_are_no_major_bleed(text: str) -> None:
    assert "bleeding-major" not in assess(text).rules


@pytest.mark.parametrize("text", ["bled the radiators this morning", "had the brakes bled at the garage"])
def test_bleeding_a_radiator_or_the_brakes_is_no_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" not in present(a)
    assert a.level == Level.NONE


# -- redteam29: a pain that took one to the floor --


def test_chest_pain_that_put_one_on_the_floor_is_severe() -> None:
    a = assess("squeezing pain in my chest that made me lie down on the bathroom floor")
    assert "chest-pain" in a.rules


# -- concepts read wrong in the sets: a blow's image, a crick, a drop to the floor --


@pytest.mark.parametrize(
    "text",
    [
        "my lower back feels like someone whacked it with a baseball bat",
        "back feels like I've been kicked by a horse",
        "my spine feels like somebody took a sledgehammer to it",
    ],
)
def test_a_back_likened_to_one_struck_by_a_blow_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text))


def test_hit_by_a_bus_is_tiredness_talk_not_a_pain() -> None:
    assert "pain" not in present(assess("feel like I've been hit by a bus today"))


def test_a_cricked_neck_is_neck_pain() -> None:
    a = assess("neck's all cricked after the long drive")
    assert "neck_pain" in present(a)
    assert a.level == Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "dad crumpled to the floor in the hall and came round after a minute",
        "she went down like a stone in the supermarket",
    ],
)
def test_a_drop_to_the_floor_is_a_collapse(text: str) -> None:
    a = assess(text, context=CARER)
    assert "syncope" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text", ["dropped my glasses on the floor", "the vase dropped to the floor and smashed"]
)
def test_a_thing_dropped_is_no_collapse(text: str) -> None:
    assert "syncope" not in present(assess(text))


# -- whose finding: "to be clear, the cough is hers, not mine" -----------------------------------------


def test_a_later_message_saying_the_finding_is_his_not_mine_gives_it_away() -> None:
    turns = [
        (0, "my husband has had chest pains and my back aches"),
        (5, "to be clear the chest pain is his, not mine"),
    ]
    messages = [Message(text, T0 + timedelta(minutes=m), None, None) for m, text in turns]
    a = ConversationReader(default_engine()).read(messages, None).assessment
    assert "chest_pain" not in present(a)
    assert a.level == Level.ROUTINE


def test_a_later_message_saying_the_finding_is_mine_keeps_it() -> None:
    turns = [(0, "coughing all night"), (5, "to be clear, the cough is mine, not my husbands")]
    messages = [Message(text, T0 + timedelta(minutes=m), None, None) for m, text in turns]
    a = ConversationReader(default_engine()).read(messages, None).assessment
    assert "cough" in present(a)


def test_a_finding_named_by_all_its_words_goes_alone_not_one_sharing_a_word() -> None:
    turns = [
        (0, "chest pains on and off and my back is in constant pain"),
        (5, "sorry, the chest pain is my husbands"),
    ]
    messages = [Message(text, T0 + timedelta(minutes=m), None, None) for m, text in turns]
    a = ConversationReader(default_engine()).read(messages, None).assessment
    assert "chest_pain" not in present(a)
    assert "back_pain" in present(a)


# -- more wordings of classes above: a habit of self-injury come back; a word asked with someone --


@pytest.mark.parametrize(
    "text", ["been burning myself again", "I've gone back to cutting", "started harming myself again"]
)
def test_self_injury_gone_back_to_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["I went back to cutting the grass", "back to cutting my own hair lol", "burnt myself on the oven again"],
)
def test_going_back_to_cutting_a_thing_or_a_kitchen_burn_is_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


def test_asking_to_speak_with_someone_is_a_nurse_request() -> None:
    a = assess("could I speak with someone today about my tablets")
    assert "nurse_request" in present(a)
    assert a.level == Level.ROUTINE
