"""A patient's recent messages read together: pooling, changes of status, counts, the window."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigil.escalation.triage import Level, default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message
from vigil.escalation.triage.lines import triage_line

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DATA = Path(__file__).resolve().parents[3] / "bench" / "data"


def _read(*texts: tuple[str, float] | str, context: dict[str, bool] | None = None, window_h: int = 48):
    messages = []
    for i, item in enumerate(texts):
        text, hours = item if isinstance(item, tuple) else (item, float(i))
        messages.append(Message(text, T0 + timedelta(hours=hours)))
    return ConversationReader(default_engine()).read(messages, context, window=timedelta(hours=window_h))


def _present(reading) -> dict[str, set[int | None]]:  # type: ignore[no-untyped-def]
    out: dict[str, set[int | None]] = {}
    for f in reading.assessment.present:
        out.setdefault(f.concept, set()).add(f.message)
    return out


def test_back_pain_then_numbness_hours_later_is_spinal_cord_compression() -> None:
    r = _read(
        ("my back is really sore since I carried the shopping in", 0), ("now my left leg feels numb", 3)
    )
    assert r.assessment.level == Level.EMERGENCY
    assert "mscc-neuro" in r.assessment.rules
    assert _present(r) == {"back_pain": {0}, "numbness": {1}}
    assert r.rose
    assert r.level == Level.EMERGENCY


def test_every_reason_names_the_message_it_came_from() -> None:
    r = _read("my back is really sore", "and my legs feel weak")
    by_concept = {x["concept"]: x["message"] for x in r.assessment.reasons()}
    assert by_concept == {"back_pain": 0, "limb_weakness": 1}
    evidence = {x["concept"]: x["evidence"] for x in r.assessment.reasons()}
    assert "legs" in evidence["limb_weakness"]


def test_a_conversation_of_one_message_is_assessed_as_that_message_alone() -> None:
    engine = default_engine()
    for text in ("my back is killing me and my legs feel weak", "no fever, all good", "temp 38.3"):
        alone = engine.assess(text, None, {"on_active_treatment": True})
        r = ConversationReader(engine).read([Message(text, T0)], {"on_active_treatment": True})
        assert r.assessment.level == alone.level
        assert r.assessment.rules == alone.rules
        assert [(f.concept, f.status, f.start) for f in r.assessment.findings] == [
            (f.concept, f.status, f.start) for f in alone.findings
        ]
        assert {f.message for f in r.assessment.findings} <= {0}


def test_vomiting_counts_of_one_day_add_up_across_messages() -> None:
    r = _read(("threw up twice this morning", 0), ("another 3 since lunch", 5), ("and again", 7))
    assert r.assessment.level == Level.URGENT
    assert "vomiting" in r.assessment.rules
    assert max(f.count or 0 for f in r.assessment.present) == 6


def test_counts_more_than_a_day_apart_do_not_add_up() -> None:
    r = _read(("threw up 4 times today", 0), ("vomited twice", 30))
    assert "vomiting" not in r.assessment.rules


def test_a_count_answered_to_a_check_in_question_is_the_days_total_not_one_more() -> None:
    engine = default_engine()
    messages = [
        Message("threw up 4 times", T0),
        Message("4", T0 + timedelta(hours=2), question="How many times have you vomited today?"),
    ]
    r = ConversationReader(engine).read(messages)
    assert "vomiting" not in r.assessment.rules


def test_again_on_its_own_adds_nothing_when_nothing_was_counted() -> None:
    r = _read("my back aches", "and again")
    assert _present(r) == {"back_pain": {0}}


def test_messages_older_than_the_window_are_not_read() -> None:
    r = _read(("my back is really sore", 0), ("my legs feel numb", 60), window_h=48)
    assert "mscc-neuro" not in r.assessment.rules
    assert r.first == 1
    r = _read(("my back is really sore", 0), ("my legs feel numb", 60), window_h=72)
    assert "mscc-neuro" in r.assessment.rules


def test_a_later_message_resolves_an_earlier_finding_which_still_counts_in_the_window() -> None:
    r = _read(("coughing a lot and a bad headache", 0), ("the headache has gone now", 4))
    assert [(c.concept, c.status, c.message, c.by) for c in r.changes] == [("headache", "resolved", 0, 1)]
    assert r.level == Level.NONE  # the message itself reports nothing; the nurse sees the change
    # A headache that went is still one the nurse judges (a raised case stays raised).
    assert r.assessment.level == Level.ROUTINE
    assert "headache" in _present(r)


def test_a_faint_that_is_fine_now_stays_an_emergency() -> None:
    r = _read(("blacked out on the loo for a second", 0), ("fine now honestly", 0.3))
    assert r.assessment.level == Level.EMERGENCY


def test_back_pain_that_eased_still_makes_new_numbness_mscc() -> None:
    r = _read("back was bad this morning", "back's eased off now", "left leg has gone numb")
    assert "mscc-neuro" in r.assessment.rules


def test_a_correction_that_says_its_own_symptom_takes_back_only_the_last_message() -> None:
    r = _read(
        "coughing up blood, lots of it", "sorry that was about my dad not me. I've just got my usual cough"
    )
    assert r.assessment.level == Level.ROUTINE
    assert "cough" in _present(r)
    assert ("hemoptysis", "other") in {(c.concept, c.status) for c in r.changes}


def test_ways_of_saying_wrong_chat_take_the_last_message_back() -> None:
    for text in (
        "oops wrong thread",
        "please disregard last msg",
        "that message wasnt for you, sorry",
        "testing testing",
    ):
        assert _read("my legs have gone weak", text).assessment.level == Level.NONE, text


def test_no_to_sick_with_the_headache_denies_the_sickness_not_the_headache() -> None:
    r = _read("slight headache", "no")
    q = ConversationReader(default_engine()).read(
        [
            Message("slight headache", T0),
            Message("no", T0 + timedelta(minutes=2), "Have you been sick with the headache?"),
        ]
    )
    assert r.assessment.level == Level.ROUTINE
    assert q.assessment.level == Level.ROUTINE
    assert not q.changes


def test_a_retraction_takes_back_the_message_before() -> None:
    r = _read("my legs feel weak", "ignore that, wrong chat")
    assert r.assessment.level == Level.NONE
    assert {c.concept for c in r.changes} == {"limb_weakness"}


def test_a_reassignment_gives_the_message_before_to_someone_else() -> None:
    r = _read("coughing up blood this morning", "oops, that last one was about my mum")
    assert r.assessment.level == Level.NONE
    assert {(c.concept, c.status) for c in r.changes} == {("hemoptysis", "other")}


def test_someone_elses_symptom_later_leaves_the_patients_own() -> None:
    r = _read("I have a cough", "my husband has a cough too")
    assert _present(r) == {"cough": {0}}
    assert r.changes == ()


def test_a_symptom_that_comes_back_after_it_resolved_is_present_again() -> None:
    r = _read("headache", "headache gone now", "the headache is back and it is the worst ever")
    assert _present(r) == {"headache": {0, 2}}  # got better, came back: both count
    assert "head" in r.assessment.rules


def test_treatment_mentioned_in_one_message_holds_for_a_fever_in_another() -> None:
    r = _read("temp 38.4", "had chemo last tuesday")
    assert "neutropenic-fever" in r.assessment.rules


def test_two_findings_of_hypercalcaemia_in_two_messages_fire_it() -> None:
    r = _read("very thirsty all the time", "and constipated")
    assert "hypercalcemia" in r.assessment.rules


def test_a_message_that_completes_nothing_stands_at_its_own_level() -> None:
    r = _read("my back is killing me and my legs feel weak", "thanks, feeling a bit tired")
    assert r.assessment.level == Level.EMERGENCY
    assert not r.rose
    assert r.level == Level.ROUTINE


# --- properties ----------------------------------------------------------------------------

RED_FLAGS = [
    "my legs feel weak",
    "I can't walk properly",
    "coughing up blood",
    "I can't breathe",
    "crushing chest pain",
    "I had a fit",
    "I wet myself and can't feel it",
    "temperature 39.1",
    "I want to end my life",
]


def _texts() -> list[str]:
    out = []
    for name in ("dev.jsonl", "dev_texting.jsonl"):
        with (DATA / name).open(encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for line in fh if line.strip()]
    return out


TEXTS = _texts()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    earlier=st.lists(st.sampled_from(TEXTS), min_size=0, max_size=4),
    flag=st.sampled_from(RED_FLAGS),
    gap=st.integers(min_value=0, max_value=47),
)
def test_adding_a_message_with_a_present_red_flag_never_lowers_the_level(
    earlier: list[str], flag: str, gap: int
) -> None:
    engine = default_engine()
    reader = ConversationReader(engine)
    messages = [Message(t, T0 + timedelta(minutes=10 * i)) for i, t in enumerate(earlier)]
    before = reader.read(messages).assessment.level if messages else Level.NONE
    end = messages[-1].at if messages else T0
    after = reader.read([*messages, Message(flag, end + timedelta(minutes=gap))])
    # The window is anchored at the newest message; a gap under an hour keeps every earlier one.
    assert after.assessment.level >= before
    assert after.level >= engine.assess(flag).level


@settings(max_examples=80, deadline=None)
@given(text=st.sampled_from(TEXTS))
def test_any_single_message_conversation_equals_the_message(text: str) -> None:
    engine = default_engine()
    alone = engine.assess(text)
    r = ConversationReader(engine).read([Message(text, T0)])
    assert (r.assessment.level, r.assessment.rules) == (alone.level, alone.rules)


# --- `vigil triage` lines ----------------------------------------------------------------


def test_a_conversation_line_answers_with_the_assessment_after_its_last_message() -> None:
    line = json.dumps(
        {
            "id": "c1",
            "messages": [
                {"text": "my back is really sore", "minutes": 0},
                {"text": "now my legs are numb", "minutes": 180, "question": None},
            ],
        }
    )
    out = triage_line(default_engine(), line)
    assert out["id"] == "c1"
    assert out["level"] == "emergency"
    assert "mscc-neuro" in out["rules"]
    assert {f["concept"]: f["message"] for f in out["findings"]} == {"back_pain": 0, "numbness": 1}


def test_a_conversation_line_takes_iso_times_instead_of_minutes() -> None:
    line = json.dumps(
        {
            "id": "c2",
            "messages": [
                {"text": "my back is really sore", "at": "2026-12-01T09:00:00Z"},
                {"text": "now my legs are numb", "at": "2026-12-04T09:00:00+00:00"},
            ],
        }
    )
    out = triage_line(default_engine(), line)
    assert "mscc-neuro" not in out["rules"]  # three days apart: outside the 48-hour window


def test_bad_conversation_lines_get_an_error_and_no_assessment() -> None:
    engine = default_engine()
    for bad in (
        {"id": "x", "messages": []},
        {"id": "x", "messages": [{"text": 3}]},
        {"id": "x", "messages": [{"text": "a", "minutes": 0}, {"text": "b"}]},
        {"id": "x", "messages": [{"text": "a", "minutes": 10}, {"text": "b", "minutes": 5}]},
        {"id": "x", "messages": [{"text": "a", "at": "yesterday"}]},
        {"id": "x"},
    ):
        out = triage_line(engine, json.dumps(bad))
        assert set(out) == {"id", "error"}, bad


def test_a_line_nested_too_deeply_gets_an_error() -> None:
    out = triage_line(default_engine(), "[" * 100_000 + "]" * 100_000)
    assert out["id"] is None
    assert "error" in out


def test_sick_said_twice_in_the_morning_then_more_adds_up_to_urgent_vomiting() -> None:
    r = _read(("sick twice this morning", 0), ("another 3 since lunch", 4), ("and again", 5.5))
    assert "vomiting" in r.assessment.rules


def test_sick_again_misspelt_is_one_more_episode() -> None:
    r = _read(
        ("threw up once after breakfast", 0),
        ("and again", 1.5),
        ("sick agen", 3.3),
        ("twice more this arvo", 5),
        ("once more just now", 6),
    )
    assert "vomiting" in r.assessment.rules


def test_runs_counted_across_messages_on_chemo_is_urgent_diarrhoea() -> None:
    r = _read(
        ("runs once this morn", 0),
        ("2 more times", 2),
        ("and again", 5),
        context={"on_active_treatment": True},
    )
    assert "diarrhea" in r.assessment.rules


def test_bleeding_that_is_still_going_in_a_later_message_is_major() -> None:
    r = _read(("gums bleeding since i brushed my teeth", 0), ("still bleeding, wont stop", 1.5))
    assert r.assessment.level == Level.EMERGENCY


def test_no_to_what_is_your_temperature_keeps_the_fever() -> None:
    """'no' to a "what" question says it was not measured, not that the fever is gone."""
    reading = ConversationReader(default_engine()).read(
        [
            Message("I feel feverish", T0),
            Message("no", T0 + timedelta(minutes=5), "What is your temperature now? Reply with the number."),
        ]
    )
    assert reading.assessment.level == Level.URGENT
    assert any(f.concept == "fever" and f.present for f in reading.assessment.findings)


def test_no_to_a_question_about_a_quality_keeps_the_symptom() -> None:
    """'no' to "more than a teaspoon?" denies the amount, not the bleeding."""
    reading = ConversationReader(default_engine()).read(
        [
            Message("my legs have gone weak", T0),
            Message("no", T0 + timedelta(minutes=5), "Any new weakness in your legs?"),
        ]
    )
    assert reading.assessment.level == Level.EMERGENCY
    assert not reading.changes


def test_a_message_that_says_only_how_it_is_qualifies_the_finding_before() -> None:
    r = _read(("nosebleed", 0), ("still going, been 45 mins, wont stop", 0.75))
    assert r.assessment.level == Level.EMERGENCY
    assert "bleeding-major" in r.assessment.rules


def test_a_denied_quality_in_a_later_message_adds_nothing() -> None:
    r = _read(("my back aches", 0), ("not worse, the same as ever", 2))
    assert r.assessment.level == Level.ROUTINE


def test_a_quality_a_day_later_does_not_reach_back() -> None:
    r = _read(("nosebleed", 0), ("wont stop", 30))
    assert r.assessment.level < Level.EMERGENCY


def test_he_after_a_message_about_the_husband_is_still_the_husband() -> None:
    r = _read("my husband has had a terrible cough all week", "he coughed up some blood this morning too")
    assert r.assessment.level == Level.NONE
    assert r.assessment.other_person_level >= Level.URGENT


def test_he_from_a_carer_writing_for_the_patient_is_the_patient() -> None:
    r = _read("writing for my dad, he has a bad cough", "he coughed up blood this morning")
    assert "hemoptysis" in _present(r)


def test_no_to_coughed_up_any_blood_denies_the_blood_not_the_cough() -> None:
    r = ConversationReader(default_engine()).read(
        [
            Message("coughing a bit more", T0),
            Message("no", T0 + timedelta(minutes=5), "Have you coughed up any blood?"),
        ]
    )
    assert "cough" in _present(r)
    assert not r.changes


def test_autocorrect_a_grabbed_phone_and_a_corrected_temperature_take_the_last_message_back() -> None:
    for first, then in (
        ("can't breathe properly", "ignore, autocorrect went mad"),
        ("chest pain", "sorry my son grabbed my phone"),
        ("temp 38.6", "oops meant 36.8"),
    ):
        assert _read(first, then).assessment.level == Level.NONE, then


def test_asking_for_my_brother_gives_the_question_to_the_brother() -> None:
    r = _read("my legs have gone numb", "asking for my brother")
    assert r.assessment.level == Level.NONE


def test_no_pain_later_denies_the_chest_pain_before() -> None:
    r = _read(("had chest pain last night for a few mins", 0), ("fine now, no pain", 0.5))
    assert "chest_pain" not in _present(r)


def test_not_blood_later_denies_the_coughed_up_blood() -> None:
    r = _read(("coughing up blood", 0), ("sorry, it was beetroot juice, not blood", 0.3))
    assert r.assessment.level == Level.NONE


def test_a_correction_to_bleeding_gums_replaces_the_coughed_up_blood() -> None:
    r = _read(("coughed up some blood this morning", 0), ("actually it was from my gums, they bled", 0.5))
    assert "hemoptysis" not in _present(r)
    assert "bleeding" in _present(r)


def test_a_new_pain_too_leaves_the_other_pains() -> None:
    r = _read(("back pain and a headache", 0), ("actually my tummy hurts too", 0.5))
    assert {"back_pain", "headache"} <= set(_present(r))


def test_what_people_on_a_screen_or_in_a_book_suffer_is_theirs() -> None:
    for story in (
        ("Watching Call the Midwife", "The poor woman is bleeding heavily and they can't stop it"),
        ("Watching The Pitt", "Guy comes in with crushing chest pain"),
        ("Book club book is about a woman with lung cancer", "She coughs up blood in chapter 3"),
    ):
        assert _read(*story).assessment.level == Level.NONE, story


def test_the_writers_own_words_end_the_story() -> None:
    r = _read("watching telly", "my legs have gone numb")
    assert r.assessment.level == Level.EMERGENCY


def test_that_was_1985_makes_the_message_before_history() -> None:
    r = _read("My legs went numb after the epidural when I had Sarah", "That was 1985 lol")
    assert r.assessment.level == Level.NONE


def test_a_corrected_temperature_replaces_the_reading_before() -> None:
    assert _read("Temp 101F", "Correction, 99.1, I misread the display").assessment.level == Level.NONE
    assert _read("38.3", "No wait, that's 36.3, I didn't have my glasses on").assessment.level == Level.NONE
    assert _read("38.1", "sorry typo, 39.2").assessment.level == Level.URGENT


def test_the_dogs_temperature_and_meant_for_my_sister_are_someone_elses() -> None:
    assert _read("Temperature 38.9", "Sorry, that's the dog's temperature").assessment.level == Level.NONE
    assert _read("wet myself again", "meant to send that to my sister, sorry!").assessment.level == Level.NONE
    son = _read("sick 6 times today", "Oh sorry that's my son, he's got a bug")
    assert son.assessment.level == Level.NONE


def test_a_parent_a_later_message_sets_apart_from_the_clinics_care_is_someone_else() -> None:
    # "my mum" alone is the patient (a carer writing); "her GP is sorting it" said after
    # shows she is cared for elsewhere, as it would in the same message.
    for talk in (
        ("My mum's ankle is puffed up and hot", "Her GP is popping round after lunch"),
        ("My dad has been really muddled since yesterday", "He's in a nursing home, they've called his GP"),
        ("Our mum is short of breath today", "Her own GP says it's her asthma"),
        ("My father fainted at the bus stop", "He isn't your patient, I just wanted advice"),
    ):
        r = _read(*talk)
        assert r.assessment.level == Level.NONE, talk
        assert r.assessment.other_person_level > Level.NONE, talk


def test_a_carers_words_about_a_hospital_or_the_gp_leave_the_parent_the_patient() -> None:
    # Words a carer of the patient could write too do not set the parent apart.
    hospital = _read("My dad is really confused today", "We're in hospital now")
    assert hospital.assessment.level == Level.EMERGENCY
    assert _read("Dad can't feel his legs", "his GP is coming round").assessment.level == Level.EMERGENCY
    assert _read("My back is killing me", "my mum's in a care home").assessment.level == Level.URGENT


def test_a_count_said_on_its_own_counts_the_vomiting_or_diarrhoea_said_before() -> None:
    # A new day: yesterday's count is out of the day, today's stands on its own.
    for talk in (
        ("Threw up 4 times yesterday", ("It's been 7 today", 26)),
        ("Been sick twice", ("up to 6 now", 27)),
        ("Loose bowels 3 times", ("that's 8 so far today", 25)),
    ):
        assert _read(*talk).assessment.level == Level.URGENT, talk
    # "today", "now", "so far": the day's total, not more on top.
    assert _read("Runny poo 4 times", "6 times now").assessment.level == Level.ROUTINE
    assert _read("Sick twice this morning", "been 3 now").assessment.level == Level.ROUTINE
    # Days, hours or a time of day are no count.
    assert _read("Been sick", "it's been 3 days").assessment.level == Level.ROUTINE
    assert _read("Been sick", "it's 6 o'clock, can't sleep").assessment.level == Level.ROUTINE


def test_a_score_said_on_its_own_rates_the_pain_said_before() -> None:
    for talk in (
        ("My knee is sore", "it's an 8 today"),
        ("My shoulder's playing up", "a 9 out of 10 this morning"),
        ("my wrist aches", "8/10, nothing touches it"),
        ("my ankle is giving me gyp", "I'd say about a 7"),
    ):
        r = _read(*talk)
        assert r.assessment.level == Level.URGENT, talk
        assert "pain-severe" in r.assessment.rules, talk
    assert _read("My knee is sore", "it's about a 3").assessment.level == Level.ROUTINE
    assert _read("My knee is sore", "it's a 5 minute walk to the shop").assessment.level == Level.ROUTINE


def test_a_limb_or_joint_playing_up_is_pain_there() -> None:
    for text in ("My hip's playing up", "my knee has been acting up all week", "my leg's giving me gyp"):
        assert [f.concept for f in _read(text).assessment.present] == ["pain"], text


def test_a_normal_reading_given_later_says_the_fever_named_before_was_none() -> None:
    for talk in (
        ("I feel like I've got a temperature", "Just checked, 36.9"),
        ("Feeling feverish tonight", "thermometer says 98.4F"),
        ("think I have a fever", "my temp is 36.4 though"),
    ):
        r = _read(*talk, context={"on_active_treatment": True})
        assert r.assessment.level == Level.NONE, talk
        assert [c.concept for c in r.changes] == ["fever"], talk
    # A reading of its own, chills, a medicine that masks it, or someone else's reading stay.
    assert _read("temp 38.4", "36.9 now").assessment.level == Level.URGENT
    assert _read("hot and shivery", "36.9", context={"on_active_treatment": True}).assessment.level == (
        Level.EMERGENCY
    )
    assert _read("I've got a fever", "36.8 after paracetamol").assessment.level == Level.URGENT
    assert _read("I've got a fever", "my husband's temp is 36.5").assessment.level == Level.URGENT
    assert _read("feverish", "36.7", "still burning up").assessment.level == Level.URGENT


def test_he_or_she_after_a_message_that_named_someone_else_is_still_them() -> None:
    # The message before named the person but said nothing of their health yet.
    for talk in (
        ("My husband isn't well", "he's been breathless all day and his chest is sore"),
        ("My sister came round this afternoon", "she's been coughing up blood, should she see someone?"),
        ("My brother is in a bad way", "He collapsed at work this morning"),
    ):
        r = _read(*talk)
        assert r.assessment.level == Level.NONE, talk
        assert r.assessment.other_person_level > Level.NONE, talk
    # A carer writing for the patient, or a parent named bare, is the patient, as in one message.
    assert _read("Writing for my husband", "he's breathless and his chest is sore").assessment.level == (
        Level.EMERGENCY
    )
    assert _read("Dad's not well", "he can't feel his legs").assessment.level == Level.EMERGENCY
    assert _read("Lovely day out", "she's been coughing up blood").assessment.level == Level.URGENT


def test_a_pronoun_for_a_site_named_in_an_earlier_message_carries_that_site() -> None:
    # "them" is the legs an earlier message named, even in a question or a denial.
    for talk in (
        ("Is it normal for both legs to go numb?", "Because they went numb an hour ago"),
        ("No numbness in my legs yesterday", "but both of them are numb now"),
        ("should I worry if my left leg goes weak", "it's gone weak since lunch"),
    ):
        assert _read(*talk).assessment.level == Level.EMERGENCY, talk
    # A site of its own, or no pronoun, keeps the later finding as it is.
    assert _read("What if my legs go numb?", "my fingertips went numb").assessment.level == Level.ROUTINE
    assert _read("What if my legs go numb?", "went a bit numb this morning").assessment.level == Level.ROUTINE


def test_a_named_character_in_a_story_suffers_for_themselves() -> None:
    for story in (
        ("Reading the latest Val McDermid", "Tony has just passed out in the car park"),
        ("Watching Line of Duty", "Kate has been coughing up blood all episode"),
        ("Reading a new crime novel", "Harriet has collapsed on the stairs, no idea why"),
    ):
        assert _read(*story).assessment.level == Level.NONE, story
    # The writer's own sentences in a story, or a name outside one, stay the patient's.
    assert _read("Watching telly", "Today has been rough, collapsed in the kitchen").assessment.level == (
        Level.EMERGENCY
    )
    assert _read("Watching telly", "Back has gone again, can't move my legs").assessment.level == (
        Level.EMERGENCY
    )
    assert _read("Tony has just passed out in the car park").assessment.level == Level.EMERGENCY


def test_a_correction_that_opens_with_someone_elses_body_part_gives_them_the_message_before() -> None:
    for talk in (
        ("Ankle all swollen up and hot", "Sorry, my mum's ankle, I'm at hers"),
        ("mi leg dem swell up bad", "sorry, a mi brother leg"),
        ("chest is sore and tight", "oops, it's my husband's chest, not mine"),
        ("Temp 38.9", "no, my son's temperature"),
    ):
        assert _read(*talk).assessment.level == Level.NONE, talk
    # An addition, or an apology that names no part of anyone, leaves the patient's own.
    too = _read("Calf swollen and hot", "Sorry, my son's back is hurting too")
    assert too.assessment.level == Level.URGENT
    assert _read("Calf swollen and hot", "sorry, my sister is here with me").assessment.level == Level.URGENT


def test_the_pain_in_a_later_message_is_the_pain_named_before() -> None:
    # "the pain" names no site: it is the back, head or chest the message before named.
    for talk, rule in (
        (("my lower back's been hurting", "the pain wakes me at 3am every night"), "spinal-pain-flags"),
        (("neck is sore", "and the ache is getting worse each day"), "spinal-pain-flags"),
        (("bit of a headache", "that pain is getting worse and worse"), "head"),
    ):
        r = _read(*talk)
        assert rule in r.assessment.rules, talk
    # Someone else's pain spoken of again stays theirs, unless the writer says it is theirs too.
    assert _read("my wife has a bad headache", "the pain's worse tonight").assessment.level == Level.NONE
    assert _read("my wife has chest pain", "I've got the same pain now").assessment.level == Level.URGENT
    # A pain with its own site is its own.
    knee = _read("my back hurts", "the pain in my knee is worse every day")
    assert "spinal-pain-flags" not in knee.assessment.rules


def test_again_with_a_count_adds_that_many() -> None:
    for talk in (("threw up once", "again x2", "and 3 more since"), ("sick twice", "again x4")):
        assert _read(*talk).assessment.level == Level.URGENT, talk


def test_still_before_a_finding_is_the_site_named_before() -> None:
    r = _read("neck sore", "still sore tonight, it's constant")
    assert "spinal-pain-flags" in r.assessment.rules
    assert (
        _read("lower back aching", "still aching, hasn't let up, constant").assessment.level == Level.URGENT
    )


def test_over_after_a_message_told_of_the_past_makes_it_history() -> None:
    for talk in (
        ("Back in 2019 my legs went numb after the chemo", "thankfully that's all behind me"),
        ("When I was first diagnosed I coughed up blood for a week", "but that's long gone"),
        ("last year I kept fainting in the shower", "glad that's over and done with"),
    ):
        assert _read(*talk).assessment.level == Level.NONE, talk
    # Over, without a past told before it, leaves a raised finding raised.
    assert _read("Couldn't pass water this morning", "glad that's over").assessment.level == Level.EMERGENCY


def test_a_message_that_opens_with_a_programmes_name_is_a_story() -> None:
    for story in (
        ("Casualty tonight, woman collapsed in the car park", "so dramatic"),
        ("Emmerdale!! the guy is coughing up blood everywhere", "as if"),
        ("Call the Midwife, poor girl bleeding heavily", "I was in tears"),
    ):
        assert _read(*story).assessment.level == Level.NONE, story


def test_blood_in_it_after_a_cough_is_coughed_up_blood() -> None:
    for talk in (
        ("chesty cough for days", "now there's blood in it"),
        ("cough is worse", "and a bit of blood in it this morning"),
    ):
        r = _read(*talk)
        assert "hemoptysis" in r.assessment.rules, talk
    # Blood with its own place is that place's.
    assert "hemoptysis" not in _read("coughing a lot", "blood in my pee though").assessment.rules


def test_a_pronoun_after_a_site_said_to_feel_odd_is_that_site() -> None:
    r = _read("chest feels a bit strange", "it's a sharp pain now, worst ever")
    assert "chest-pain" in r.assessment.rules
    assert "headache" in _present(_read("head feels weird", "it's throbbing now"))
    assert "back_pain" in _present(_read("back feels funny", "it's really sore this morning"))


def test_a_leading_no_takes_back_the_reading_before_not_the_corrected_one() -> None:
    assert _read("Temp 39.1", "no sorry 38.6, misread it").assessment.level == Level.URGENT
    assert _read("101.5F", "nope, 99.9F, typo").assessment.level == Level.ROUTINE
    low = _read("38.7", "no, 37.6 sorry", context={"on_active_treatment": True})
    assert low.assessment.level == Level.URGENT
    # Still denied when the message denies it again.
    assert _read("38.7", "no sorry not 37.7, it was 36.9").assessment.level == Level.NONE
