"""Conversations across messages (conversations_dev8): corrections that take back only what they
name, that point at a finding instead of saying it again, that say who it was about, and what
a later message adds to an earlier count or pain. Examples in our own words, with hard
negatives beside them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _reading(*texts: str | tuple[str, str | None, float], context: dict[str, Any] | None = None) -> Any:
    messages = []
    for i, item in enumerate(texts):
        text, question, minutes = item if isinstance(item, tuple) else (item, None, float(i * 2))
        messages.append(Message(text, T0 + timedelta(minutes=minutes), question))
    return ConversationReader(default_engine()).read(messages, context).assessment


def _level(*texts: str | tuple[str, str | None, float], **kw: Any) -> str:
    return str(_reading(*texts, **kw).level.label)


# -- "oops I mean I ...": the words before meant something else ------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("had a fit", "oops I mean I had a fab time at the craft fair"),
        ("wet myself", "lol I meant I was laughing so hard at the panto"),
        ("wet myself", "haha I mean I got drenched by the sprinkler in the park"),
    ],
)
def test_oops_i_mean_i_did_something_else_takes_the_message_back(before: str, after: str) -> None:
    assert _level(before, after) == "none"


@pytest.mark.parametrize(
    "after",
    [
        "sorry I meant to say it's getting worse",  # adds to it
        "I mean I really did, twice",  # says it again
        "oops I mean it lasted a minute",  # tells more of it
    ],
)
def test_i_mean_that_adds_to_the_message_takes_nothing_back(after: str) -> None:
    assert _level("passed out in the kitchen", after) == "emergency"


# -- "no wait, legs are fine": a correction takes back what it says of one site ---------------


@pytest.mark.parametrize(
    "after",
    [
        "no wait, legs are fine, no idea why I put that, it's only the back",
        "sorry, my legs are ok, it's just my back",
        "no wait the legs feel fine, don't know why I wrote that",
    ],
)
def test_a_correction_that_says_a_site_is_fine_takes_back_only_that_site(after: str) -> None:
    a = _reading("lower back aching and my legs feel heavy", after)
    assert a.level.label == "routine"
    assert "back_pain" in {f.concept for f in a.findings if f.present}


def test_a_site_fine_without_a_correction_is_better_not_taken_back() -> None:
    # "legs are fine now" tells that they got better: a raised case stays raised
    assert _level("lower back aching and my legs feel heavy", "legs are fine now") == "emergency"


# -- "ignore the breathless bit, that's my wife": the finding pointed at, not said again -------


@pytest.mark.parametrize(
    "after",
    [
        "sorry ignore the breathless bit, that's my wife, she has COPD",
        "oops the breathless part was about my son",
        "sorry, forget the breathless thing, that was my dad",
    ],
)
def test_a_finding_pointed_at_in_a_correction_goes_with_it(after: str) -> None:
    assert _level("left calf swollen and warm", "and breathless", after) == "urgent"


def test_a_finding_said_anew_in_a_correction_is_the_writers() -> None:
    # not pointed at: "I'm breathless" is the writer's own
    a = _reading("left calf swollen and warm", "sorry, ignore that, I'm breathless")
    assert "dyspnea" in {f.concept for f in a.findings if f.present}


# -- "That's Ron next door, not me": someone named, the writer set apart ----------------------


@pytest.mark.parametrize(
    "after",
    [
        "That's Pat across the road, not me. Ambulance is on its way for her",
        "it was my brother-in-law, not me!",
        "that's the lady in the next bed, not me",
    ],
)
def test_someone_named_then_not_me_gives_the_message_away(after: str) -> None:
    assert _level("she can't stand up and her legs have gone weak", after) == "none"


@pytest.mark.parametrize(
    "after", ["it's real, not me being silly", "it's been like this all day, not me imagining it"]
)
def test_not_me_that_goes_on_about_the_writer_gives_nothing_away(after: str) -> None:
    assert _level("can't stand up, legs gone weak", after) == "emergency"


@pytest.mark.parametrize(
    "after",
    [
        "sorry that was meant for my cousin - it's her son who's coughing up blood, not me",
        "sorry that was meant for my mum, it's dad who's bringing up blood",
        "oops meant for my sister, her husband is coughing blood",
    ],
)
def test_a_clause_about_the_other_person_in_a_correction_is_theirs(after: str) -> None:
    assert _level("blood in my spit this morning", after) == "none"


def test_the_writers_own_clause_in_a_correction_stays_theirs() -> None:
    after = "sorry that was meant for my mum, I've got a bit of a cough though"
    level = _level("blood in my spit this morning", after)
    assert level == "routine"


# -- "autocorrect, meant my fingertips": the same finding said again stands for the old one ---


@pytest.mark.parametrize(
    "after",
    [
        "ugh autocorrect, meant can't feel my toes properly, the chemo thing",
        "autocorrect again, meant my fingers are numb not my legs",
        "predictive text again, I meant can't feel my fingertips",
    ],
)
def test_a_mistyped_finding_said_again_replaces_the_old_one(after: str) -> None:
    assert _level("can't feel my legs", after, context={"on_active_treatment": True}) == "routine"


def test_i_meant_my_hand_is_a_site_not_a_person() -> None:
    # the numbness stays the writer's, at the hand
    a = _reading("my leg is numb", "typo!! I meant my hand")
    assert a.level.label == "routine"
    assert "numbness" in {f.concept for f in a.findings if f.present}


# -- "the fainting I mentioned was my neighbour": pointed at, then given away ------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sorry the fainting I mentioned was my neighbour, not me",
        "sorry, the chest pain I told you about was my brother's",
        "oops the seizure I said earlier was my nephew",
    ],
)
def test_a_finding_i_mentioned_then_given_away_is_someone_elses(text: str) -> None:
    assert _level(text, "I'm just a bit tired") == "routine"


def test_a_finding_i_mentioned_that_is_mine_stays() -> None:
    assert _level("sorry, the fainting I mentioned was this morning", "I'm just a bit tired") == "emergency"


# -- counts of the day: "another 3 🤮", "twice more, that's 6 today" --------------------------


@pytest.mark.parametrize(
    "after",
    ["another 3 since lunch 🤢", "3 more times 🤮 this afternoon", "another four since tea, sick everywhere"],
)
def test_a_count_more_beside_a_named_vomit_adds_to_the_day(after: str) -> None:
    a = _reading(("been sick 3 times this morning", None, 0), (after, None, 240))
    assert a.level.label == "urgent"
    assert "vomiting" in a.rules


def test_a_vomit_named_again_without_a_number_adds_one() -> None:
    assert _level(("been sick 3 times this morning", None, 0), ("sick again 🤮", None, 240)) == "routine"


@pytest.mark.parametrize(
    "last",
    ["and twice again now, that's 6 today", "once more, makes it 6 so far", "twice again, that's 6 in total"],
)
def test_a_days_total_said_with_the_latest_count_is_the_total(last: str) -> None:
    a = _reading(
        ("threw up twice at breakfast", None, 0), ("twice more at lunch", None, 180), (last, None, 400)
    )
    assert a.level.label == "urgent"


def test_a_latest_count_without_a_total_adds_on() -> None:
    a = _reading(("threw up twice at breakfast", None, 0), ("and twice again now", None, 180))
    assert a.level.label == "routine"


# -- "it's gone crushing now": gone with a quality is became, not better ---------------------


@pytest.mark.parametrize(
    "after",
    ["it's gone crushing now", "gone really crushing, like a weight on me", "its gone crushing and tight"],
)
def test_gone_with_a_quality_qualifies_the_pain_before(after: str) -> None:
    a = _reading("getting a pain in my chest", after)
    assert a.level.label == "emergency"
    assert all(
        c.status != "resolved"
        for c in ConversationReader(default_engine())
        .read([Message("getting a pain in my chest", T0), Message(after, T0 + timedelta(minutes=5))])
        .changes
    )


@pytest.mark.parametrize("after", ["it's gone now", "gone away after a rest", "all gone, thanks"])
def test_gone_alone_still_says_it_got_better(after: str) -> None:
    r = ConversationReader(default_engine()).read(
        [Message("bit of a headache", T0), Message(after, T0 + timedelta(minutes=5))]
    )
    assert [c.status for c in r.changes] == ["resolved"]


# -- "the pain" of a follow-up question is the pain the patient named -------------------------

NIGHT = "Is the pain worse at night, or when you lie down?"


@pytest.mark.parametrize(
    ("first", "rule"),
    [
        ("lower back is aching", "spinal-pain-flags"),
        ("sore neck since the weekend", "spinal-pain-flags"),
        ("ache between my shoulder blades", "spinal-pain-flags"),
    ],
)
def test_an_answer_about_the_pain_qualifies_the_pain_named_before(first: str, rule: str) -> None:
    a = _reading((first, None, 0), ("yes, it keeps me up", NIGHT, 5))
    assert rule in a.rules


def test_an_answer_about_the_pain_with_no_pain_named_before_stays_general() -> None:
    a = _reading(("feeling rough", None, 0), ("yes, it keeps me up", NIGHT, 5))
    assert "spinal-pain-flags" not in a.rules
    assert "pain" in {f.concept for f in a.findings if f.present}


def test_a_no_about_the_pain_denies_nothing_new() -> None:
    a = _reading(("lower back is aching", None, 0), ("no", NIGHT, 5))
    assert a.level.label == "routine"


# -- "my husband has a cough and now I've caught it": the writer's in the same message --------


@pytest.mark.parametrize(
    ("first", "concept"),
    [
        ("my husband has a cough and now I've caught it", "cough"),
        ("my wife has had the runs all week, now it's me as well", "diarrhea"),
        ("the grandkids brought a cough home and now I've got it too", "cough"),
    ],
)
def test_someone_elses_finding_caught_in_the_same_message_is_the_writers(first: str, concept: str) -> None:
    a = _reading(first, "not too bad though")
    assert concept in {f.concept for f in a.findings if f.present}


def test_someone_elses_finding_not_caught_stays_theirs() -> None:
    a = _reading("my wife has had the runs all week, hope I haven't caught it", "fingers crossed")
    assert a.level.label == "none"


# -- small words of single messages that conversations lean on ---------------------------------


@pytest.mark.parametrize(
    "after", ["toes gone all fuzzy now", "both feet feel kind of fuzzy", "my feet are like they're asleep"]
)
def test_fuzzy_or_sleeping_feet_after_back_pain_is_cord_compression(after: str) -> None:
    a = _reading("lower back sore since I lifted the shopping", after)
    assert "mscc-neuro" in a.rules


@pytest.mark.parametrize(
    "after", ["my head feels fuzzy", "bit fuzzy headed today", "the telly picture is fuzzy"]
)
def test_a_fuzzy_head_or_picture_is_not_numbness(after: str) -> None:
    a = _reading("lower back sore since I lifted the shopping", after)
    assert "mscc-neuro" not in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "Mum's been falling a lot today",
        "he's been tripping over constantly",
        "I've been falling all the time",
    ],
)
def test_been_falling_a_lot_is_trouble_walking(text: str) -> None:
    assert "gait_difficulty" in {f.concept for f in _reading("hello", text).findings if f.present}


@pytest.mark.parametrize("text", ["I've been falling asleep a lot", "been falling behind a lot with emails"])
def test_falling_asleep_or_behind_is_not_trouble_walking(text: str) -> None:
    assert "gait_difficulty" not in {f.concept for f in _reading("hello", text).findings if f.present}


@pytest.mark.parametrize(
    "after", ["feeling quite sick with it", "feel pretty sick too", "felt rather sick today"]
)
def test_quite_sick_with_constipation_is_hypercalcaemia(after: str) -> None:
    a = _reading("not opened my bowels in 5 days", after)
    assert "hypercalcemia" in a.rules


def test_sick_of_it_is_not_nausea() -> None:
    a = _reading("not opened my bowels in 5 days", "quite sick of it all honestly")
    assert "hypercalcemia" not in a.rules


# -- "Any changes in your sight?": a question about the eyes names vision as its subject ------


@pytest.mark.parametrize(
    "question",
    ["Any changes in your sight?", "Any problems with your eyesight?", "Has your vision changed at all?"],
)
def test_a_yes_in_one_eye_to_a_question_about_sight_is_one_sided_vision_change(question: str) -> None:
    a = _reading(("bad headache today", None, 0), ("yes, in my right eye only", question, 3))
    assert "neuro-acute" in a.rules


def test_a_no_to_a_question_about_sight_denies_it() -> None:
    a = _reading(("bad headache today", None, 0), ("no", "Any changes in your sight?", 3))
    assert "vision_change" not in {f.concept for f in a.findings if f.present}


# -- history vs present: a year dates its clause, not a later clause told in the present -------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Mum stopped driving in 2015 and she's very confused tonight", "confusion"),
        ("I finished chemo in 2021 and I'm so breathless", "dyspnea"),
        ("we moved here in 2010 and his legs are weak today", "limb_weakness"),
    ],
)
def test_a_present_tense_clause_after_a_year_is_now(text: str, concept: str) -> None:
    assert concept in {f.concept for f in _reading("hi", text).findings if f.present}


@pytest.mark.parametrize(
    "text",
    ["In 2016 my legs went weak and I couldn't walk", "had a seizure in 2012 and was in hospital a week"],
)
def test_a_past_tense_clause_after_a_year_is_still_history(text: str) -> None:
    assert _level("hi", text) == "none"


# -- a vessel filled is more than a teaspoon ---------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "it's happened again, nearly filled a little cup",
        "done it again and half filled the mug",
        "filled the little bowl",
    ],
)
def test_blood_that_fills_a_vessel_later_is_a_large_amount(after: str) -> None:
    a = _reading(("coughed a bit of blood into a tissue", None, 0), (after, None, 200))
    assert "hemoptysis-major" in a.rules


def test_a_glass_filled_with_water_qualifies_nothing() -> None:
    a = _reading(
        ("coughed a bit of blood into a tissue", None, 0), ("have been drinking loads, no", None, 200)
    )
    assert "hemoptysis-major" not in a.rules
    a = _reading(("bit of a headache", None, 0), ("filled a glass of water and took paracetamol", None, 200))
    assert a.level.label == "routine"


# -- less managed than before is worse ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "getting puffed doing jobs I could do a month ago",
        "short of breath with stuff I used to manage easily before",
        "breathless at things I was able to do last week",
    ],
)
def test_breathless_at_what_was_managed_before_is_worsening(text: str) -> None:
    a = _reading(text, ("no", "Do you have any chest pain now?", 4))
    assert "dyspnea-new" in a.rules


def test_breathless_doing_things_without_a_before_is_not_worse() -> None:
    a = _reading("bit breathless doing things round the house", ("no", "Do you have any chest pain now?", 4))
    assert a.level.label == "routine"


# -- more ways to point at what was said -----------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "ignore what I said about being breathless, that's my husband",
        "oops breathless was meant for my sister",
        "forget the breathless bit, it's my son's",
    ],
)
def test_more_ways_to_point_at_a_finding_and_give_it_away(after: str) -> None:
    assert _level("left calf swollen and warm", "and breathless", after) == "urgent"


def test_ignore_that_then_a_finding_of_ones_own_keeps_it() -> None:
    a = _reading("left calf swollen and warm", "ignore that, I'm breathless now though")
    assert "dyspnea" in {f.concept for f in a.findings if f.present}


@pytest.mark.parametrize(
    "after", ["sorry legs ok, ignore that bit", "legs fine, scratch that", "ignore that, my legs are ok"]
)
def test_a_site_said_fine_in_a_retraction_takes_back_only_that_site(after: str) -> None:
    assert _level("back's sore and my legs feel heavy", after) == "routine"


def test_a_retraction_without_a_site_takes_back_the_whole_message() -> None:
    assert _level("back's sore and my legs feel heavy", "sorry, ignore that, wrong chat") == "none"


@pytest.mark.parametrize(
    "after",
    [
        "lol no I mean I threw a fit at the council",
        "oh oops I meant I had a fry-up",
        "haha no I mean I was fuming",
    ],
)
def test_a_laughing_no_i_mean_retells_the_message_before(after: str) -> None:
    assert _level("had a fit", after) == "none"


LEGS = "Any new weakness or heaviness in your legs?"


@pytest.mark.parametrize(
    "after",
    [
        "sorry no, I read that wrong, my legs are fine",
        "oops pressed the wrong button, legs are ok",
        "no wait, misread it, legs fine",
    ],
)
def test_a_yes_taken_back_with_the_site_said_fine_is_taken_back(after: str) -> None:
    a = _reading(("my back hurts", None, 0), ("yes", LEGS, 2), (after, None, 4))
    assert a.level.label != "emergency"


@pytest.mark.parametrize(
    "after",
    [
        "that message was for my daughter, it's her boy who's coughing up blood, I'm fine",
        "not me, my husband",
        "this text was meant for my sister, her husband is the one bringing up blood",
    ],
)
def test_a_message_said_to_be_for_someone_else_gives_its_findings_away(after: str) -> None:
    assert _level("coughing up blood", after) == "none"


def test_a_message_for_someone_else_with_the_writers_own_clause_keeps_it() -> None:
    after = "that message was for my daughter, but I've got a bit of a cough myself"
    assert _level("coughing up blood", after) == "routine"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("can't feel my legs", "sorry I mean I can't feel them at all"),
        ("my legs have gone weak", "sorry I mean I can barely lift my legs at all"),
        ("passed out in the garden", "sorry I mean I passed out twice"),
    ],
)
def test_i_mean_that_says_the_finding_again_more_strongly_keeps_it(before: str, after: str) -> None:
    assert _level(before, after) == "emergency"


# -- where the blood came from, said in a correction -----------------------------------------


@pytest.mark.parametrize(
    "after",
    ["sorry it was from my gums", "actually I think it was just a nosebleed", "oops, it's my lip, I bit it"],
)
def test_blood_said_to_come_from_the_mouth_or_nose_is_not_coughed_up(after: str) -> None:
    a = _reading("spat out some blood this morning after coughing", after)
    assert "hemoptysis" not in a.rules
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "after",
    ["sorry, my nose is blocked too", "sorry forgot to say my throat is sore", "and my gums bleed too"],
)
def test_a_mouth_or_nose_said_beside_coughed_blood_leaves_it_coughed(after: str) -> None:
    assert "hemoptysis" in _reading("coughing up blood this morning", after).rules


# -- history said in a correction ---------------------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "sorry, that was in 2014 after the epidural",
        "oops that was years ago",
        "sorry it was when I was pregnant",
    ],
)
def test_a_correction_that_dates_the_message_before_makes_it_history(after: str) -> None:
    assert _level("my legs went numb", after) == "none"


# -- a correction that gives only a site moves what was said there -----------------------------


@pytest.mark.parametrize("after", ["*toes", "feet* sorry", "sorry I meant my fingers"])
def test_a_site_corrected_alone_moves_the_finding_before_to_it(after: str) -> None:
    a = _reading("can't feel my legs", after, context={"on_active_treatment": True})
    assert a.level.label == "routine"
    assert "numbness" in {f.concept for f in a.findings if f.present}


@pytest.mark.parametrize("after", ["*legs", "I meant my legs", "sorry, *both legs"])
def test_a_site_corrected_to_the_same_or_more_keeps_the_emergency(after: str) -> None:
    assert _level("can't feel my leg", after) == "emergency"


def test_a_site_corrected_after_a_bare_yes_moves_nothing() -> None:
    a = _reading(("back hurts", None, 0), ("yes", "Any numbness in your legs?", 2), ("*feet", None, 4))
    assert a.level.label == "emergency"


# -- "sorry, I meant me": someone else's findings are the writer's after all -------------------


@pytest.mark.parametrize("after", ["sorry, I meant me", "me, not him!", "oops I was talking about myself"])
def test_i_meant_me_makes_someone_elses_findings_the_writers(after: str) -> None:
    assert _level("my husband is coughing up blood", after) == "urgent"


@pytest.mark.parametrize("after", ["it's me again, just checking in", "hi it's me, his wife"])
def test_its_me_again_leaves_them_theirs(after: str) -> None:
    assert "hemoptysis" not in _reading("my husband is coughing up blood", after).rules


def test_a_site_corrected_after_a_message_with_two_sites_moves_nothing() -> None:
    assert _level("back hurts and can't feel my legs", "*feet") == "emergency"


# -- the middle of a site is that site -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a bad pain came on in the middle of my chest an hour ago",
        "sharp pain started in the centre of my chest",
        "she says the pain came on in the middle of her chest",
    ],
)
def test_pain_in_the_middle_of_the_chest_is_chest_pain(text: str) -> None:
    assert "chest_pain" in {f.concept for f in _reading("hi", text, context=None).findings}


def test_pain_in_the_middle_of_the_night_is_not_chest_pain() -> None:
    a = _reading("hi", "a bad pain in my knee came on in the middle of the night")
    assert "chest_pain" not in {f.concept for f in a.findings}


def test_my_inside_a_sites_own_words_is_the_writers_after_a_story_about_someone_else() -> None:
    text = "out with my daughter, she made me carry it all, then a bad pain came on in the middle of my chest"
    assert "chest_pain" in {f.concept for f in _reading("hi", text).findings if f.present}
    other = "my daughter has a bad pain in the middle of her chest"
    assert "chest_pain" not in {f.concept for f in _reading("hi", other).findings if f.present}


# -- "it's my ribs": a body part, not someone's -------------------------------------------------


@pytest.mark.parametrize(
    "after", ["it's my ribs on the left, since Sunday", "that's my knees again", "its my hips mostly"]
)
def test_its_my_body_parts_keeps_the_pain_the_writers(after: str) -> None:
    a = _reading(("8", "How is your pain today, from 0 to 10?", 0), (after, None, 3))
    assert "pain-severe" in a.rules


def test_its_my_husbands_still_gives_it_away() -> None:
    a = _reading(("8", "How is your pain today, from 0 to 10?", 0), ("sorry, that's my husband's", None, 3))
    assert "pain-severe" not in a.rules


# -- a correction whose own words are all about the other person gives the message before away


@pytest.mark.parametrize(
    "after",
    [
        "sorry that was meant for the family chat, it's my son who's poorly, I'm grand",
        "oops meant for the group chat, my sister is the one feeling rough",
        "sorry wrong thread, it's my mum who's unwell",
    ],
)
def test_a_correction_about_someone_elses_illness_gives_the_message_before_away(after: str) -> None:
    assert _level("feeling sick and dizzy", after) == "none"


# -- "had ... yesterday" then "gone now": over, when nothing was raised --------------------------


@pytest.mark.parametrize(
    "talk",
    [
        ("had a bad head yesterday", "all gone now"),
        ("bit of a cough on Tuesday", "cleared up now thanks"),
        ("felt sick last night", "better now"),
    ],
)
def test_a_routine_finding_of_an_earlier_day_then_gone_is_over(talk: tuple[str, str]) -> None:
    assert _level(*talk) == "none"


@pytest.mark.parametrize(
    "talk",
    [
        ("coughed up blood yesterday", "all settled now"),  # raised: stays raised
        ("headache since Monday", "gone now"),  # since: it lasted till now
        ("headache this morning", "gone now"),  # today: the nurse sees it
    ],
)
def test_a_raised_or_lasting_or_todays_finding_then_gone_is_not_dropped(talk: tuple[str, str]) -> None:
    assert _level(*talk) != "none"


# -- autocorrect that mangled the body part: the site given replaces the unknown word ------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("my eggs feel numb and heavy", "LEGS. stupid autocorrect. both of them"),
        ("my lugs have gone weak", "legs* autocorrect"),
        ("both kegs feel like jelly", "autocorrect!! legs"),
    ],
)
def test_autocorrect_then_the_right_site_reads_the_message_with_it(before: str, after: str) -> None:
    assert _level(before, after) == "emergency"


def test_autocorrect_without_a_site_takes_the_message_back() -> None:
    assert _level("my eggs feel numb", "ignore that, stupid autocorrect") == "none"


# -- more single-message words the conversations lean on -----------------------------------------


def _present(text: str) -> set[str]:
    return {f.concept for f in _reading("hi", text).findings if f.present}


@pytest.mark.parametrize(
    "text", ["numb right up to my waist", "gone numb up to my belly button", "numb up to the waist"]
)
def test_numb_up_to_the_waist_is_numbness_of_the_trunk(text: str) -> None:
    assert "cord-signs" in _reading("hi", text).rules


def test_water_up_to_my_waist_is_no_numbness() -> None:
    assert _level("hi", "the flood water was up to my waist") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "it catches me in the chest when I breathe",
        "catching in my chest",
        "caught me in the chest on the stairs",
    ],
)
def test_a_catch_in_the_chest_is_chest_pain(text: str) -> None:
    assert "chest_pain" in _present(text)


def test_catching_the_bus_is_no_chest_pain() -> None:
    assert "chest_pain" not in _present("caught the bus to the chest clinic")


@pytest.mark.parametrize(
    "text", ["the toilet was red after I went", "the loo went red", "pan turned bright red"]
)
def test_a_toilet_gone_red_is_bleeding(text: str) -> None:
    assert "bleeding" in _present(text)


def test_water_gone_red_from_hair_dye_is_not_bleeding() -> None:
    assert "bleeding" not in _present("the water is red, I dyed my hair")


@pytest.mark.parametrize(
    "text",
    [
        "I am not able finish the sentence",
        "unable finish my sentences, breath short",
        "not able finish a sentence",
    ],
)
def test_not_able_finish_a_sentence_is_severe_breathlessness(text: str) -> None:
    assert "breathing" in _reading("hi", text).rules


# -- "nothing since" of a bowel that will not move is the symptom going on ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "bunged up, nothing since Friday",
        "constipated, none since the weekend",
        "blocked up, not since Monday",
    ],
)
def test_constipation_with_nothing_since_is_present(text: str) -> None:
    assert "constipation" in _present(text)


@pytest.mark.parametrize("text", ["had diarrhoea, nothing since Friday", "constipated last week, fine since"])
def test_nothing_since_after_the_runs_or_fine_since_is_over(text: str) -> None:
    a = _reading("hi", text)
    assert not {"diarrhea", "constipation"} & {f.concept for f in a.findings if f.present}


# -- a carer's own finding, then "he": whom they write about, the patient ------------------------


@pytest.mark.parametrize(
    "first",
    [
        "Sue here, Jim's wife. I've had a cough myself all week but it's Jim I'm writing about",
        "I've been sick myself, but this is about my husband",
        "this is his daughter, I've got a cold myself",
    ],
)
def test_after_a_carers_own_finding_he_is_the_patient(first: str) -> None:
    a = _reading(first, "his temp is 38.4 tonight", context={"writer": "carer"})
    assert "fever" in a.rules


def test_after_someone_elses_finding_he_is_still_them() -> None:
    first = "my neighbour has a cough, he's not your patient"
    assert "fever" not in _reading(first, "his temp is 38.4 tonight", context={"writer": "carer"}).rules


@pytest.mark.parametrize(
    "text", ["throat's raw when I swallow", "my mouth is so raw", "bottom is red and raw"]
)
def test_a_raw_lining_is_pain_rated_by_a_score_after(text: str) -> None:
    a = _reading(text, "4/10, since the radiotherapy")
    assert a.level.label == "routine"
    assert "pain" in {f.concept for f in a.findings if f.present}


@pytest.mark.parametrize("text", ["raw chicken for tea", "feeling a bit raw after the funeral"])
def test_raw_food_or_feelings_are_no_pain(text: str) -> None:
    assert "pain" not in _present(text)


# -- a site said apart from its quality, in the same sentence, after what is spreading -----------


@pytest.mark.parametrize(
    "after",
    [
        "now its up to my waist, both sides, numb",
        "spread up to my belly button now, gone numb",
        "right up to the waist today, completely numb",
    ],
)
def test_numbness_spreading_to_the_waist_said_apart_is_extensive(after: str) -> None:
    assert "cord-signs" in _reading("pins and needles in my feet", after).rules


def test_a_quality_said_with_its_own_site_takes_no_other() -> None:
    a = _reading("pins and needles in my feet", "up to my waist in paperwork, fingers numb from typing")
    assert "cord-signs" not in a.rules


@pytest.mark.parametrize(
    "after",
    [
        "tried to wee twice and can't get a drop out even though I need to",
        "cannot squeeze anything out but I need to go",
        "couldn't get a drip out though I feel like I need to",
    ],
)
def test_nothing_comes_though_the_need_is_there_after_back_ache_is_cord_compression(after: str) -> None:
    assert "mscc-neuro" in _reading("ache between my shoulder blades", after).rules


def test_no_drop_out_of_a_bottle_is_no_bladder_trouble() -> None:
    assert (
        "mscc-neuro"
        not in _reading("ache between my shoulder blades", "couldn't get a drop out of the bottle").rules
    )


@pytest.mark.parametrize(
    "after", ["it's the chemo, not me", "it's the tablets not me", "that's the steroids, not me"]
)
def test_a_cause_not_me_gives_nothing_away(after: str) -> None:
    assert _level("can't stand, legs gone weak", after) == "emergency"


@pytest.mark.parametrize("after", ["numb, legs ok", "now numb, legs are fine though", "numb but not my legs"])
def test_a_site_said_to_be_spared_gives_the_numbness_nothing(after: str) -> None:
    assert "cord-signs" not in _reading("feet tingling", after).rules


@pytest.mark.parametrize(
    "after",
    [
        "sorry, it was definitely coughed up, not from my nose",
        "sorry it wasn't from my gums",
        "oops, never from my mouth",
    ],
)
def test_blood_said_not_to_come_from_the_mouth_or_nose_stays_coughed_up(after: str) -> None:
    assert "hemoptysis" in _reading("coughing up blood this morning", after).rules


def test_a_headache_worse_at_night_is_not_a_worsening_headache() -> None:
    a = _reading(("bit of a headache", None, 0), ("yes", NIGHT, 5))
    assert "head" not in a.rules
