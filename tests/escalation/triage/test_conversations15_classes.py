"""Classes of messages read from conversations_dev15, in our own words, with their near misses:
a sore place on a part ("a sore spot in my chest"); coming round wherever one fell; a wee tried
for a while with nothing coming; blood told by its colour between the verb and its "up"; a
toilet one cannot leave for the runs; "I mean my husband" as a reassignment; a mistyped
correction that says some words again takes back only what those words said; nights counted
("most nights")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CARER: Mapping[str, Any] = {"writer": "carer"}


def _reading(*texts: str, carer: bool = False, question: str | None = None) -> Any:
    messages = [
        Message(
            text,
            T0 + timedelta(minutes=i * 20),
            question if i == len(texts) - 1 else None,
            CARER if carer else None,
        )
        for i, text in enumerate(texts)
    ]
    return ConversationReader(default_engine()).read(messages, None).assessment


def _level(*texts: str, carer: bool = False, question: str | None = None) -> str:
    return str(_reading(*texts, carer=carer, question=question).level.label)


def _present(*texts: str, carer: bool = False, question: str | None = None) -> set[str]:
    return {f.concept for f in _reading(*texts, carer=carer, question=question).findings if f.present}


# -- a sore place on a part ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("there's a tender patch on my lower back", "back_pain"),
        ("got a sore bit under my ribs on the left", "chest_pain"),
        ("a painful area across my chest since yesterday", "chest_pain"),
        ("achy spot on my shin", "pain"),
    ],
)
def test_a_sore_place_on_a_part_is_pain_there(text: str, concept: str) -> None:
    assert concept in _present(text)


def test_blood_in_spit_then_a_sore_place_in_the_chest_is_major_hemoptysis() -> None:
    assert (
        _level("a streak of blood in my phlegm this morning", "also a tender spot in my chest") == "emergency"
    )


@pytest.mark.parametrize(
    "text",
    [
        "the election is a sore spot with him",
        "money's a bit of a sore point at home",
        "that's a sore subject",
    ],
)
def test_a_sore_spot_as_a_touchy_subject_is_no_pain(text: str) -> None:
    assert _level(text) == "none"


# -- coming round wherever one fell -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "stood up and next thing I came to on the settee",
        "everything went black and I came round",
        "I came round in the ambulance",
        "woke up on the bathroom lino, no idea how long",
        "must have gone down, came round on the carpet",
    ],
)
def test_coming_round_where_one_fell_is_a_faint(text: str) -> None:
    assert "syncope" in _present(text)
    assert _level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "my sister came round on Sunday for lunch",
        "the grandkids came round to see me",
        "he came round to my way of thinking in the end",
    ],
)
def test_a_visit_or_a_change_of_mind_is_no_faint(text: str) -> None:
    assert "syncope" not in _present(text)


# -- a wee tried for a while, nothing coming ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "been trying to pee for ages, not a drop",
        "tried to have a wee for half an hour and nothing",
        "keep trying to wee all morning but hardly anything",
    ],
)
def test_trying_to_wee_for_a_while_with_nothing_coming_is_retention(text: str) -> None:
    assert "bladder_bowel_dysfunction" in _present(text)


def test_back_pain_then_a_wee_that_will_not_come_is_cord_compression() -> None:
    texts = ("lower back aching a bit", "silly thing but I've been trying to pee for an hour and nothing")
    assert _level(*texts) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "trying to get the baby to sleep for an hour and nothing",
        "been trying to phone the surgery for ages, nothing",
    ],
)
def test_other_things_tried_for_a_while_are_no_retention(text: str) -> None:
    assert "bladder_bowel_dysfunction" not in _present(text)


# -- blood told by its colour, between the verb and its "up" ------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("chesty cough all morning", "coughed some bright red up just now"),
        ("hacked a bit of pink stuff up",),
        ("cough's bad", "brought some blood up, half an egg cup"),
    ],
)
def test_red_brought_up_is_blood_coughed_up(texts: tuple[str, ...]) -> None:
    assert "hemoptysis" in _present(*texts)


def test_red_brought_up_filling_an_egg_cup_is_a_major_bleed() -> None:
    assert _level("coughing loads", "brought some dark red up, would've filled an egg cup") == "emergency"


@pytest.mark.parametrize(
    "text", ["brought the kids up on my own", "brought some red wine up from the cellar"]
)
def test_other_things_brought_up_are_no_blood(text: str) -> None:
    assert _level(text) == "none"


def test_blood_brought_up_after_being_sick_is_vomited() -> None:
    present = _present("was sick and brought some blood up")
    assert "bleeding" in present
    assert "hemoptysis" not in present


# -- a toilet one cannot leave for the runs -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "diarrhoea again, 8 times, can't get off the toilet",
        "the runs, can't get off the loo today",
    ],
)
def test_a_toilet_one_cannot_leave_for_the_runs_is_no_trouble_walking(text: str) -> None:
    assert "gait_difficulty" not in _present(text)
    assert "diarrhea" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dad can't get off the toilet, his legs won't hold him",
        "can't get off the loo without help",
        "diarrhoea twice and I can't get off the sofa, legs like lead",
    ],
)
def test_a_seat_one_cannot_leave_without_the_runs_is_still_trouble_walking(text: str) -> None:
    assert _level(text) == "emergency"


# -- "I mean my husband": the message before was someone else's ---------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "sorry, I mean my son, he's with his own GP",
        "oops i mean my brother-in-law. I'm fine",
        "I'm talking about my neighbour, sorry",
    ],
)
def test_i_mean_someone_gives_the_message_before_away(second: str) -> None:
    assert _level("he's got a high temperature and a bad cough", second) == "none"


@pytest.mark.parametrize(
    ("first", "second", "level"),
    [
        ("back is killing me", "sorry I mean my lower back", "urgent"),
        ("legs are swollen and I'm breathless", "I mean my ankles mostly", "emergency"),
        ("chest hurts when I cough", "I mean my ribs", "urgent"),
    ],
)
def test_i_mean_a_part_of_mine_gives_nothing_away(first: str, second: str, level: str) -> None:
    assert _level(first, second) == level


# -- a mistyped correction that says some words again -------------------------------------------


def test_a_mistyped_correction_takes_back_only_the_words_it_says_again() -> None:
    reading = _reading(
        "neck stiff and sore every night. arms gone weak", "autocorrect!! arms NOT weak, sorry"
    )
    present = {f.concept for f in reading.findings if f.present}
    assert "neck_pain" in present
    assert "limb_weakness" not in present
    assert str(reading.level.label) == "urgent"


def test_a_mistyped_correction_of_all_the_words_takes_back_the_whole_message() -> None:
    assert _level("can't breathe", "sorry typo I meant can't wait for the weekend") == "none"


def test_a_mistyped_correction_saying_nothing_again_still_takes_back_the_message() -> None:
    assert _level("coughing and can't walk", "predictive text, ignore") in {"none"}


# -- nights counted -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["back sore most nights", "my back aches the last few nights", "neck pain these past few nights"],
)
def test_back_pain_most_nights_is_night_pain(text: str) -> None:
    assert _level(text) == "urgent"


def test_nights_counted_back_to_a_date_are_no_night_pain() -> None:
    assert _level("a few nights ago my back hurt a bit") == "routine"


# -- someone who takes a blow is the one hurt --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "grandson took a cricket ball to the mouth, lip bleeding everywhere",
        "my husband smacked his head on the cupboard, blood everywhere",
        "my son copped one in the eye at football, it's pouring blood",
        "wife whacked her shin on the bed frame, bleeding loads",
    ],
)
def test_someone_who_takes_a_blow_bleeds_for_themselves(text: str) -> None:
    assert _level(text) == "none"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my daughter took a reading, 39.1", "urgent"),
        ("my husband took me to A&E with crushing chest pain", "emergency"),
        ("my son hit me with a ball and now my nose is pouring blood", "emergency"),
        ("my wife took a while to answer, I can't breathe", "emergency"),
    ],
)
def test_a_reading_taken_or_a_blow_given_to_me_stays_mine(text: str, level: str) -> None:
    assert _level(text) == level


# -- a place or a thing that is hot -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the flat is burning up, can't turn the radiators off",
        "this waiting room is boiling",
        "car was like an oven after the car park",
        "kitchen's roasting with the oven on all day",
    ],
)
def test_a_hot_place_is_no_fever(text: str) -> None:
    assert _level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "his forehead is burning up",
        "I'm burning up and shivery",
        "the ward is boiling but I'm burning up too",
    ],
)
def test_a_person_burning_up_is_still_a_fever(text: str) -> None:
    assert _level(text) == "urgent"


# -- a carer who names themself as the one ------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "I'm the one with the cough now, caught it off the grandkids",
        "now I'm the one with the bad back, from lifting her",
        "I am the one with a headache today, he's been grand",
        "I've ended up with a stinking cold myself",
    ],
)
def test_a_carer_who_says_they_are_the_one_keeps_it_theirs(second: str) -> None:
    assert _level("Mum had a good night, ate her porridge", second, carer=True) == "none"


def test_a_carer_telling_of_the_patient_after_being_the_one_who_found_it_is_the_patient() -> None:
    assert _level("he's coughing up blood, I'm the one who found it", carer=True) == "urgent"


# -- a name made a child's ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "little Poppy's got a temperature and a rash",
        "baby Noah has been coughing all night",
        "lil Jayden's got the runs, nursery sent him home",
    ],
)
def test_a_named_child_is_someone_else(text: str) -> None:
    assert _level(text) == "none"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I'm leaking wee and can't stop it", "emergency"),
        ("feel a little breathless when I walk", "routine"),
        ("little Poppy's got a cold and I've got a temperature", "urgent"),
    ],
)
def test_little_said_otherwise_names_no_child(text: str, level: str) -> None:
    assert _level(text) == level


# -- blood on the screen ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("watching Silent Witness, so much blood", "then bed"),
        ("been watching that new vampire thing, buckets of blood", "gripping though"),
        ("the film was all blood and guts",),
    ],
)
def test_blood_a_story_shows_is_no_bleed(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("watching telly and so much blood came from my nose", "still going"),
        ("watched a film last night", "lots of blood in the toilet this morning"),
        ("watching the snooker", "coughed up loads of blood"),
    ],
)
def test_my_own_blood_while_watching_is_still_a_bleed(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "emergency"


# -- what one reads, blurred --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the small print's gone fuzzy",
        "subtitles are blurry on the telly",
        "faces look blurred across the room",
    ],
)
def test_what_one_reads_or_watches_blurred_is_a_change_in_sight(text: str) -> None:
    assert "vision_change" in _present(text)


def test_a_blurry_photo_is_no_change_in_sight() -> None:
    assert "vision_change" not in _present("the photo you sent is blurry")


# -- a bare no, then what there is instead ------------------------------------------------------

LEGS_Q = "Any new weakness or heaviness in your legs? Reply YES or NO"


@pytest.mark.parametrize(
    "answer", ["no just achy muscles", "nope only sore from the gym", "nah just stiff and achy"]
)
def test_no_then_just_answers_no_and_keeps_what_follows(answer: str) -> None:
    present = _present(answer, question=LEGS_Q)
    assert "limb_weakness" not in present
    assert "pain" in present


@pytest.mark.parametrize("answer", ["no pain just stiff", "no aches, just tired"])
def test_a_denial_before_the_just_still_denies(answer: str) -> None:
    assert "pain" not in _present(answer, question=LEGS_Q)


# -- a name the writer does something for or with -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cooked a curry for Brian, too spicy, he was coughing for ages",
        "popped in to see Joan, she's got a temperature again",
        "drove Sandra to her appointment, she was so breathless on the stairs",
        "babysitting Maisie today, she's been sick twice",
    ],
)
def test_a_name_the_writer_does_something_for_is_someone_else(text: str) -> None:
    assert _level(text) == "none"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("carer for Maureen here, she's coughing up blood", "urgent"),
        ("texting for Bill, he can't feel his legs", "emergency"),
        ("waiting for Dave to get home, I've got crushing chest pain", "emergency"),
        ("Geoff has been coughing up blood", "urgent"),
    ],
)
def test_a_name_the_writer_cares_for_or_names_bare_reads_as_before(text: str, level: str) -> None:
    assert _level(text) == level


# -- a machine that coughs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        ("van's playing up again", "it keeps coughing and spluttering at the lights"),
        ("the old mower's coughing, might need a new one",),
        ("engine was spluttering all the way home",),
    ],
)
def test_a_machine_that_coughs_is_no_cough(texts: tuple[str, ...]) -> None:
    assert _level(*texts) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I've been coughing and spluttering all week",
        "it's been coughing fits all night",
        "car's fine but I'm coughing",
    ],
)
def test_a_person_who_coughs_still_coughs(text: str) -> None:
    assert "cough" in _present(text)


# -- swelling told by size ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my ankles are massive tonight",
        "feet have gone huge since the weekend",
        "left calf is twice the size of the other",
        "legs like balloons",
    ],
)
def test_a_part_told_as_grown_big_is_swollen(text: str) -> None:
    assert "leg_swelling" in _present(text)


def test_ankles_grown_big_then_breathless_is_a_clot() -> None:
    assert _level("ankles are enormous", "and I get puffed just walking to the loo") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "massive pain in my leg",
        "the gas bill is massive",
        "the grandkids' feet are huge now",
        "a huge bruise on my leg",
    ],
)
def test_big_said_of_something_else_is_no_swelling(text: str) -> None:
    assert "leg_swelling" not in _present(text)


# -- the writer better off gone -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "some days I think I'd be better off gone",
        "i'd be better off not here honestly",
        "probably I'd be better off dead",
    ],
)
def test_the_writer_better_off_gone_is_self_harm(text: str) -> None:
    assert _level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I'd be better off going by bus",
        "I'm better off out of that job",
        "I'd be better off in bed with a book",
    ],
)
def test_better_off_elsewhere_is_no_self_harm(text: str) -> None:
    assert _level(text) == "none"


# -- the animal named first says who "she" was --------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("she can't walk properly", "the dog, she's hurt her paw"),
        ("he's been sick 6 times", "our cat - at the vet now"),
        ("he keeps collapsing", "sorry, the puppy... vet says low sugar"),
    ],
)
def test_an_animal_named_first_after_she_or_he_takes_the_findings(first: str, second: str) -> None:
    assert _level(first, second) == "none"


@pytest.mark.parametrize(
    ("first", "second", "level"),
    [
        ("I can't walk properly", "the dog, she's been my rock", "emergency"),
        ("been sick 6 times today and can't keep water down", "the cat, keeping me company", "urgent"),
    ],
)
def test_an_animal_named_after_the_writer_spoke_of_themself_takes_nothing(
    first: str, second: str, level: str
) -> None:
    assert _level(first, second) == level


# -- a name placed by where the writer knows them -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pauline from my chemo group has been coughing up blood",
        "Jean next door is in A&E with chest pain",
        "Dave at work collapsed this morning",
    ],
)
def test_a_name_placed_by_where_the_writer_knows_them_is_someone_else(text: str) -> None:
    assert _level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Bad in the night, coughing up blood",
        "Off from work today, coughing up blood",
        "Had chest pain from the morning",
    ],
)
def test_a_capitalised_word_that_opens_the_writers_own_sentence_is_no_one_else(text: str) -> None:
    assert _level(text) == "urgent"


# -- a part said to be fine, with its "'s" ------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "sorry my back's fine, it's the kids that are killing me",
        "oops, neck's ok, I mean the traffic was awful",
    ],
)
def test_a_correction_that_says_the_part_is_fine_takes_it_back(second: str) -> None:
    first = "my back's killing me" if "back" in second else "my neck's a pain"
    assert _level(first, second) == "none"


def test_a_correction_that_says_another_part_is_fine_leaves_the_first() -> None:
    assert _level("my back's killing me and my legs are weak", "sorry, legs are fine") == "urgent"


# -- "meant my friend's leg" --------------------------------------------------------------------


@pytest.mark.parametrize("second", ["sorry, meant my friend's leg", "oops, talking about my sister's ankle"])
def test_a_correction_that_gives_the_part_to_someone_else_moves_it(second: str) -> None:
    assert _level("leg really swollen and hot", second) == "none"


@pytest.mark.parametrize("second", ["sorry, meant my left leg", "sorry, my friend's leg is swollen too"])
def test_a_correction_of_the_side_or_an_addition_keeps_it(second: str) -> None:
    assert _level("leg really swollen and hot", second) == "urgent"


# -- a faint put right as nearly --------------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "nearly fainted I mean, when I saw the price 😂",
        "sorry, almost passed out",
        "well, nearly blacked out",
    ],
)
def test_a_faint_put_right_as_nearly_is_taken_back(second: str) -> None:
    assert _level("I fainted", second) == "none"


@pytest.mark.parametrize("second", ["and nearly fainted again today", "nearly fainted twice since"])
def test_a_near_faint_told_after_a_faint_leaves_the_faint(second: str) -> None:
    assert _level("I fainted on Monday", second) == "emergency"


# -- a thing that falls down, and heating that burns --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the gazebo collapsed in the wind",
        "next door's fence has collapsed onto our lawn",
        "the sponge collapsed in the oven, baking disaster",
        "the radiators are burning up and we can't turn them down",
    ],
)
def test_a_thing_that_collapses_or_burns_is_no_faint_or_fever(text: str) -> None:
    assert _level(text) == "none"


@pytest.mark.parametrize(
    "text",
    ["I collapsed in the kitchen", "Dad collapsed by the shed", "collapsed on the stairs this morning"],
)
def test_a_person_who_collapses_still_faints(text: str) -> None:
    assert _level(text) == "emergency"


# -- a message said to be about someone by name -------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("chest pain on and off", "oh that was about Dave"),
        ("coughing up blood since lunch", "it was for Jean, not me"),
        ("she can't walk", "I meant Joan next door, not me"),
    ],
)
def test_a_message_said_to_be_about_someone_named_is_theirs(first: str, second: str) -> None:
    assert _level(first, second) == "none"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("chest pain on and off", "that was about 3 hours ago"),
        ("chest pain on and off", "it was about time I told you"),
        ("I've got chest pain", "oh that was about Dave"),
    ],
)
def test_about_a_time_or_after_the_writer_spoke_of_themself_it_stays(first: str, second: str) -> None:
    assert _level(first, second) == "urgent"
