"""Conversations across messages (conversations_holdout5): typos in the message that names the
finding; a part that feels like someone else's or "like sleeping"; sight a little blurry.
Examples in our own words, with near misses beside them that must not fire."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NUMB_Q = "Any numbness in your legs or between your legs?"


def _read(*texts: str | tuple[str, str], context: dict[str, Any] | None = None) -> Any:
    """The conversation's assessment; a (question, answer) pair is an answer to that question."""
    messages = []
    for i, t in enumerate(texts):
        question, text = t if isinstance(t, tuple) else (None, t)
        messages.append(Message(text, T0 + timedelta(minutes=i * 20), question, None))
    return ConversationReader(default_engine()).read(messages, context).assessment


def _level(*texts: str | tuple[str, str], context: dict[str, Any] | None = None) -> str:
    return str(_read(*texts, context=context).level.label)


def _present(*texts: str | tuple[str, str]) -> set[str]:
    return {f.concept for f in _read(*texts).findings if f.present}


# --- typos: a slip of the fingers keeps a word's first and last letters ---------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("my bakc is killing me", "and both lges feel heavey"),
        ("back is really sore today", "lges gone heavey and weird"),
        ("lower back aching", "my lges are so heavey I can barely lift them"),
    ],
)
def test_back_pain_then_legs_heavy_misspelt_is_cord_compression(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize("text", ["my lges feel heavey", "both lges have gone heavey"])
def test_misspelt_heavy_legs_alone_are_weak_legs(text: str) -> None:
    assert "limb_weakness" in _present(text)


def test_misspelt_heavy_legs_denied_are_not_weak_legs() -> None:
    assert "limb_weakness" not in _present("my bakc aches but my lges dont feel heavey at all")


# --- a part that feels like a stranger's, or "like sleeping", has lost its feeling -----------


@pytest.mark.parametrize(
    "answer",
    [
        "now you mention it, on the toilet it felt like I was sitting on somebody else's bottom",
        "sitting down it's like sitting on someone else's bum",
        "when I sat on the loo it was like sitting on a stranger's backside",
    ],
)
def test_a_seat_that_feels_like_someone_elses_is_saddle_numbness(answer: str) -> None:
    assert _level("back ache, maybe a 5", (NUMB_Q, answer)) == "emergency"
    assert "saddle_numbness" in _present((NUMB_Q, answer))


@pytest.mark.parametrize(
    "second",
    [
        "today my feet they are like sleeping, I touch them and is like not my feet",
        "my feet are like asleep and it is like they are not my feet",
        "the feet I touch and it's like not my own feet",
    ],
)
def test_back_pain_then_feet_that_feel_not_mine_is_cord_compression(second: str) -> None:
    assert _level("I have pain in the back since 3 days", second) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "honestly it's like not my problem any more",  # a figure of speech, no part
        "this new chair is like sitting on someone else's sofa",  # no part of the body
        "my husband is like sleeping all day",  # a person asleep, no limb
        "my husband says his feet feel like someone else's",  # someone else's
    ],
)
def test_strangers_and_sleep_without_the_writers_part_are_not_numbness(text: str) -> None:
    assert "numbness" not in _present(text)
    assert "saddle_numbness" not in _present(text)


# --- sight a little blurry ------------------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "things look a bit blurry today",
        "everything seems kind of fuzzy this morning",
        "stuff looks a little hazy",
    ],
)
def test_sight_a_bit_blurry_then_one_eye_is_one_sided_vision_change(first: str) -> None:
    answer = ("Is it both eyes or just one?", "only the right eye, the left one is fine")
    assert _level(first, answer, context={"known_brain_metastases": True}) == "emergency"


def test_sight_a_bit_blurry_in_both_eyes_is_routine() -> None:
    assert _level("things look a bit blurry today") == "routine"


def test_a_photo_a_bit_blurry_is_not_sight() -> None:
    assert "vision_change" not in _present("the photo you sent came out a bit blurry")


# --- a band of pain round the trunk is back pain (docs/triage.md) ---------------------------


@pytest.mark.parametrize(
    "first",
    [
        "got a band of pain going right round my ribs, like a belt pulled in",
        "there's a ring of aching all the way around my chest",
        "tight belt of pain wrapping round my middle since yesterday",
    ],
)
def test_a_band_round_the_trunk_then_tingling_toes_is_cord_compression(first: str) -> None:
    assert _level(first, "and my toes have gone tingly") == "emergency"
    assert "back_pain" in _present(first)


def test_a_band_round_the_trunk_alone_is_back_pain_not_chest_pain() -> None:
    assert _present("a band of pain running round my ribcage") == {"back_pain"}


@pytest.mark.parametrize(
    "text",
    [
        "my husband has a band of pain going round his ribs",
        "no band of pain going round my ribs, just this cough",
    ],
)
def test_a_band_of_someone_elses_or_denied_is_not_the_writers(text: str) -> None:
    assert "back_pain" not in _present(text)


# --- a sentence that opens with "it" speaks of the pain named before -------------------------


@pytest.mark.parametrize(
    "second",
    [
        "it came on out of the blue, like being kicked by a horse",
        "it started all of a sudden, felt like being hit with a sledgehammer",
        "honestly it came out of nowhere, like being kicked by a horse",
    ],
)
def test_chest_pain_then_its_onset_and_strength_is_an_emergency(second: str) -> None:
    assert _level("a bit of pain in my chest", second) == "emergency"


def test_the_same_words_after_a_sore_knee_stay_with_the_knee() -> None:
    assert _level("my knee hurts", "it came out of nowhere, like being kicked by a horse") == "urgent"


def test_the_same_words_after_someone_elses_chest_pain_stay_theirs() -> None:
    level = _level("my husband has chest pain", "it came out of nowhere, like being kicked by a horse")
    assert level == "none"


# --- speech cut short by breath --------------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "now I can't even get a sentence out on the phone without stopping",
        "I couldn't get one sentence out without gasping",
        "he can hardly get a whole sentence out",
    ],
)
def test_breathless_then_no_sentence_out_is_breathless_when_talking(second: str) -> None:
    assert _level("short of breath since yesterday", second) == "emergency"


def test_getting_a_sentence_out_fine_is_not_breathless() -> None:
    assert "dyspnea" not in _present("no trouble getting a sentence out")


# --- words passed on from a relative or friend are theirs ------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "oops, I was typing out what my brother told me on the phone, he's got a slipped disc. I'm alright",
        "sorry that's just what my sister said, she's at the GP now",
        "ha I was repeating what my mate texted me, he's the poorly one",
    ],
)
def test_an_account_passed_on_from_a_relative_is_theirs(second: str) -> None:
    assert _level("can't feel my legs and my back is killing me", second) in {"none", "routine"}


@pytest.mark.parametrize(
    "second",
    [
        "I was typing out what my GP said",  # a doctor's words may be about the writer
        "that's what my sister said too",  # the sister agrees; the writer has it
        "that's what my mum had before she died",  # the same as mum, not mum's
    ],
)
def test_words_that_agree_or_come_from_a_doctor_keep_the_finding(second: str) -> None:
    assert _level("my legs have gone weak", second) == "emergency"


# --- false alarms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("I can't walk", "*can't WAIT, to see you all on Thursday! stupid phone"),
        ("can't walk", "*can't wait for the weekend x"),
        ("I fainted yesterday", "*I painted yesterday, the fence looks lovely. daft phone"),
    ],
)
def test_a_star_that_says_the_words_again_with_one_put_right_takes_the_finding_back(
    texts: tuple[str, str],
) -> None:
    assert _level(*texts) == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("back hurts and can't feel my legs", "*feet"),  # a site only: two sites, nothing moves
        ("I can't walk", "*can't walk far"),  # said again, more
        ("legs gone numb", "*lens gone numb"),  # the star's word is not the one before the slip
    ],
)
def test_a_star_that_puts_no_finding_word_right_keeps_the_finding(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "had a nosebleed on Sunday that wouldn't stop, all sorted since",
        "my gums bled on Monday, been good since",
        "nosebleed at the weekend, no bother since",
    ],
)
def test_a_finding_put_right_and_nothing_since_is_over(text: str) -> None:
    assert _level(text, "see you Friday") == "none"


def test_bleeding_that_has_gone_on_since_is_still_bleeding() -> None:
    assert _level("nosebleed this morning, been bleeding since") == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "we're bleeding money on taxis to the hospital",
        "the old boiler bleeds cash every winter",
        "the club has been haemorrhaging points all season",
    ],
)
def test_money_running_out_is_not_bleeding(text: str) -> None:
    assert _level(text, "my son will drive me from now on") == "none"


def test_bleeding_money_beside_a_real_bleed_still_counts() -> None:
    assert _level("we're bleeding money and now my nose is bleeding") == "routine"


@pytest.mark.parametrize(
    "first",
    [
        "my mum had lung cancer too and she lost the feeling in her legs near the end",
        "my dad had the same cancer as me, he couldn't walk towards the end",
        "my aunt had cancer too, she went all confused at the very end",
    ],
)
def test_a_relatives_last_illness_told_as_family_history_is_theirs(first: str) -> None:
    assert _level(first, "just thinking about her today. I'm doing well myself") == "none"


@pytest.mark.parametrize("text", ["my mum can't feel her legs", "mum can't walk at the end of the day"])
def test_a_parent_written_about_without_a_history_is_the_patient(text: str) -> None:
    assert _level(text) == "emergency"


# --- how much blood, said in the message after or with "of it" -------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("coughed up blood earlier, a good tablespoon of it", "stopped now, I feel ok"),
        ("mum's being sick and there's blood in it", "dark like coffee grounds, a whole bowlful"),
        ("brought up blood after breakfast", "near enough a whole mugful"),
    ],
)
def test_a_vessel_said_full_is_a_large_amount_of_blood(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "had a cup of tea and my nose bled a little",
        "ate a whole bowl of soup, then a small nosebleed",
        "a good cup of coffee and my gums bled when I brushed",
    ],
)
def test_a_drink_or_a_meal_is_not_an_amount_of_blood(text: str) -> None:
    assert _level(text) == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "spat out something pink and frothy",
        "coughing up pinkish foamy stuff",
        "frothy pink spit this morning",
    ],
)
def test_pink_froth_brought_up_is_coughed_blood(text: str) -> None:
    assert "hemoptysis" in _present(text)


@pytest.mark.parametrize(
    "text",
    ["the milkshake was pink and frothy", "bit my tongue, spat out some blood", "my pint was frothy and red"],
)
def test_froth_in_a_glass_or_blood_from_the_mouth_is_not_coughed_blood(text: str) -> None:
    assert "hemoptysis" not in _present(text)


@pytest.mark.parametrize(
    "first",
    [
        "it's Paul's son. dad was coughing and there were clots in the sink",
        "been coughing all night, big clots on the tissue",
        "coughing fit and there were dark clots in the sink",
    ],
)
def test_clots_where_one_spits_after_coughing_are_coughed_blood_a_lot(first: str) -> None:
    assert _level(first) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "there were clots in the sink after I drained the gravy",
        "my husband has a cough and there were clots in the sink",
    ],
)
def test_clots_without_the_writers_cough_are_not_coughed_blood(text: str) -> None:
    assert _level(text) != "emergency"


# --- a thing left off is no symptom denied ---------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "sorry misread it without my glasses, it's 38.2",
        "without my specs I read it wrong, actually 38.4",
        "oops did it without my reading glasses, 38.3 now",
    ],
)
def test_a_reading_put_right_without_glasses_is_a_fever(second: str) -> None:
    assert _level("temp 37.2", second, context={"on_active_treatment": True}) == "emergency"


def test_without_a_fever_is_still_no_fever() -> None:
    assert _level("without a temperature today, 36.8", context={"on_active_treatment": True}) == "none"


# --- eased, in the words for going away ------------------------------------------------------


@pytest.mark.parametrize(
    "second", ["wore off after a hot bath, all good now", "it died down by lunch", "the ache has worn off"]
)
def test_an_ache_that_wore_off_is_reported_as_better(second: str) -> None:
    messages = [
        Message("hip aching after the long drive", T0, None, None),
        Message(second, T0 + timedelta(minutes=60), None, None),
    ]
    reading = ConversationReader(default_engine()).read(messages, None)
    assert [c.status for c in reading.changes] == ["resolved"]


def test_wore_off_then_something_new_keeps_the_new_finding() -> None:
    assert _level("knee aching", "went away but now my legs are weak") == "emergency"


# --- a pain "every time I cough" after back pain is back pain on straining -------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("ma back's sair", "it jags right through me every time a cough or sneeze"),
        ("my back is sore", "it hurts every time I cough or sneeze"),
        ("lower back's been bad", "it's agony when I sneeze"),
    ],
)
def test_back_pain_then_it_hurts_on_coughing_is_spinal_pain_on_straining(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "urgent"


def test_another_site_that_hurts_on_coughing_stays_that_site() -> None:
    assert _level("my back is sore", "my knee hurts every time I cough") == "routine"


def test_a_flu_jag_is_no_pain() -> None:
    assert _level("got my flu jag today") == "none"


# --- counts of the runs and sickness across messages -----------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("runs x2 since breakfast", "another couple since"),
        ("diarrhoea x3 this morning", "another couple of times since lunch"),
        ("runs x3 today", "and another couple"),
    ],
)
def test_runs_counted_across_messages_on_treatment_add_up(texts: tuple[str, str]) -> None:
    assert _level(*texts, context={"on_active_treatment": True}) == "urgent"


def test_another_couple_of_days_is_no_count() -> None:
    assert _level("runs x2 since breakfast", "another couple of days of this and I'll scream") == "routine"


@pytest.mark.parametrize(
    "last", ["and again just now. all today", "and again. so far today", "again just now. today"]
)
def test_again_with_a_word_on_the_day_counts_once_more(last: str) -> None:
    assert _level("sick twice this morning", "3 more times since lunch", last) == "urgent"


# --- figures of speech -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    ["cant breathe 😂😂", "I can't breathe hahaha", "honestly couldn't breathe for laughing"],
)
def test_breathless_with_laughter_is_not_breathlessness(first: str) -> None:
    assert _level(first, "the dog just ate a whole birthday cake off the table") == "none"


@pytest.mark.parametrize("text", ["can't breathe lol", "can't breathe 😢"])
def test_breathless_with_lol_or_tears_is_still_breathlessness(text: str) -> None:
    assert _level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "watched a film with so much blood i had to hide behind a cushion",
        "that new series had buckets of gore, I couldn't look",
        "the grandkids' game has loads of blood in it",
    ],
)
def test_blood_on_a_screen_is_not_bleeding(text: str) -> None:
    assert _level(text, "anyway, nothing to report today") == "none"


def test_blood_of_ones_own_while_watching_a_film_is_bleeding() -> None:
    assert _level("watching a film and my nose started bleeding") == "routine"


# --- blood in spit told by a pudding; a learner's "before not" ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "spit looks like strawberry ripple when I cough, only a fleck",
        "my phlegm is like raspberry ripple this morning",
        "sputum came out like strawberry swirl",
    ],
)
def test_spit_like_strawberry_ripple_is_coughed_blood(text: str) -> None:
    assert _level(text) == "urgent"


def test_strawberry_ripple_ice_cream_is_no_blood() -> None:
    assert _level("had a strawberry ripple ice cream at the seaside") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "since three days I am short of the breath when I walk, before not",
        "short of breath on the stairs, before no",
        "since two days breathless walking to the shop",
    ],
)
def test_breathless_not_so_before_is_new_breathlessness(text: str) -> None:
    assert _level(text, "also cough") == "urgent"


def test_breathless_for_years_is_not_new() -> None:
    assert _level("short of breath on the stairs for years, same as always") == "routine"


# --- conversations_dev12: signs said in a learner's or a carer's words -------------------------

CARER = {"writer": "carer"}


@pytest.mark.parametrize(
    "second",
    [
        "today my husband he is breath very fast also when sitting in chair, he cannot say long sentence",
        "my wife is breath so hard even sitting, she must stop to take air",
        "he cannot say a full sentence, stops to take breath",
    ],
)
def test_a_carer_telling_breath_cut_short_in_a_learners_words_is_an_emergency(second: str) -> None:
    assert _level("good morning nurse", second, context=CARER) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "can't walk to the corner shop without stopping to catch my breath, was fine a fortnight ago",
        "I stopped to take a breath of fresh air in the garden",
        "I can't say a sentence in French yet",
    ],
)
def test_stopping_for_a_breath_on_the_way_or_a_language_is_no_emergency(text: str) -> None:
    assert _level(text) != "emergency"


@pytest.mark.parametrize(
    "second",
    [
        "my left leg has gone numb from the hip all the way to my foot",
        "right leg numb from my thigh right down to my toes",
        "left leg went dead from my bum all the way down to my heel",
    ],
)
def test_a_leg_numb_from_hip_to_foot_is_a_whole_leg(second: str) -> None:
    assert _level("lazy sunday", second) == "emergency"


def test_a_foot_numb_alone_is_routine() -> None:
    assert _level("lazy sunday", "my left foot has gone a bit numb") == "routine"


@pytest.mark.parametrize(
    "second",
    [
        "going up the stairs my legs feel like im wading thru wet cement",
        "legs like I'm walking through thick mud",
        "my legs feel like I'm trudging in deep snow",
    ],
)
def test_back_pain_then_legs_wading_through_something_thick_is_cord_compression(second: str) -> None:
    assert _level("back's been grumbling since the weekend", second) == "emergency"


@pytest.mark.parametrize(
    "second",
    [
        "he just went stiff on the sofa and his arms were jerking for a minute or two",
        "her arms and legs were jerking and she didn't answer me",
        "his legs started jerking in the chair, then he came round",
    ],
)
def test_a_carer_telling_limbs_jerking_is_a_seizure(second: str) -> None:
    assert _level("he's been a bit quiet today", second, context=CARER) == "emergency"


def test_a_car_jerking_is_no_seizure() -> None:
    assert _level("the car was jerking all the way to the hospital") != "emergency"


@pytest.mark.parametrize(
    "second",
    [
        "worse when i sneeze or cough, like an electric jolt",
        "it's worse when I cough and sneeze",
        "hurts more every time I laugh or cough",
    ],
)
def test_spinal_pain_worse_on_coughing_or_sneezing_is_spinal_pain_on_straining(second: str) -> None:
    assert _level("neck sore", second) == "urgent"


def test_a_cough_worse_when_coughing_is_not_spinal_pain() -> None:
    assert _level("I have a cough", "it's worse when I cough or sneeze") == "routine"


@pytest.mark.parametrize(
    "texts",
    [
        ("my chess hurts a bit when i lie flat", "CHEST not chess lol"),
        ("pain in my cheat", "chest not cheat sorry"),
        ("my chess feels tight", "CHEST not chess, stupid phone"),
    ],
)
def test_the_right_word_then_not_the_wrong_one_puts_the_word_right(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "urgent"


def test_a_preference_is_no_correction() -> None:
    assert _level("tea not coffee please") == "none"


@pytest.mark.parametrize(
    "second",
    [
        "past 2 days i get puffed walking to the car",
        "for the last few days I'm out of breath on the stairs",
        "over the past couple of days I get breathless walking the dog",
    ],
)
def test_breathless_for_the_past_few_days_is_new(second: str) -> None:
    assert _level("mostly fine this week", second) == "urgent"


# --- conversations_dev12: false alarms ---------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("vomited 8 times", "the dog i mean, all over the carpet, what a day"),
        ("been sick three times", "sorry, the cat i mean, hairballs"),
        ("diarrhoea all morning", "our puppy that is, not me"),
    ],
)
def test_an_animal_named_first_then_i_mean_gives_the_finding_to_it(texts: tuple[str, str]) -> None:
    assert _level(*texts) == "none"


def test_the_dog_then_my_own_finding_keeps_mine() -> None:
    assert _level("walked the dog", "I mean I can't walk far now, legs like jelly") == "emergency"


@pytest.mark.parametrize(
    "second",
    [
        "not worse at night or anything, just the usual",
        "no worse overnight, same as ever",
        "it's not worse when I lie down",
    ],
)
def test_back_pain_not_worse_at_night_is_not_night_pain(second: str) -> None:
    assert _level("same old back ache, 3 out of 10", second) == "routine"


def test_back_pain_worse_at_night_is_still_night_pain() -> None:
    assert _level("same old back ache", "it's worse at night now") == "urgent"


@pytest.mark.parametrize(
    "first",
    [
        "read online about svc. does swelling of the face mean something bad?",
        "read up about clots, does a swollen leg mean something serious?",
        "does numbness in the legs mean the cancer has spread?",
    ],
)
def test_a_question_on_what_a_sign_means_is_no_sign(first: str) -> None:
    assert _level(first, "just curious, nothing like that here") == "none"


def test_my_own_swollen_face_asked_about_is_still_a_swollen_face() -> None:
    assert _level("my face is swollen, does that mean something bad?") == "urgent"


@pytest.mark.parametrize(
    "first",
    [
        "fell over the cat last night",
        "tripped over the hose in the garden",
        "went flying over the dog's lead",
    ],
)
def test_one_fall_over_something_in_the_way_is_no_trouble_walking(first: str) -> None:
    assert _level(first, ("Any new weakness or heaviness in your legs?", "no")) == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("tripped over the rug", "tripped over the cat again today"),
        ("fell over the cat, my legs just gave way",),
        ("I keep falling over",),
    ],
)
def test_falls_that_keep_happening_or_legs_that_gave_way_are_still_cord_signs(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "my legs went like jelly on the big dipper from fright, fine the second i got off",
        "my legs went to jelly with nerves before the scan",
        "knees all wobbly from stage fright at the choir concert",
    ],
)
def test_legs_weak_with_fright_or_on_a_ride_are_not_weak_legs(text: str) -> None:
    assert _level(text, "they loved it") == "none"


@pytest.mark.parametrize("text", ["my legs are like jelly", "legs like jelly on the stairs today"])
def test_legs_like_jelly_without_a_fright_are_weak_legs(text: str) -> None:
    assert _level(text) == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        ("my fella's not well", "he's been breathless all day and his chest is sore"),
        ("my better half is poorly", "she's coughing up blood"),
        ("my hubs has a fever of 39",),
    ],
)
def test_a_partner_by_another_name_is_someone_else(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "none"


def test_the_writer_beside_a_partner_by_another_name_is_still_the_writer() -> None:
    assert _level("my fella drove me in, I can't breathe properly") == "emergency"
