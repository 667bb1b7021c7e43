"""Red-team set 30's classes: signs told with a word between the verb and what it says
("went all slurry", "feels kind of dead"), a particle before its object ("can't keep down
water"), a limb that cannot hold one up, a wee that will not come though the urge is there,
nights spent weeing, and a numb band that goes all the way round the trunk; with the
near-misses that share their words.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, assess, present


@pytest.mark.parametrize(
    "text",
    [
        "my speech has gone all slurry since lunch",
        "words are coming out a bit slurred this evening",
        "hes talking kind of slurry and not making much effort",
        "talking all slurred since i woke",
        "feel thick tongued and the words wont come right",
        "tongue feels all thick and i cant say things properly",
    ],
)
def test_slurred_speech_with_a_degree_word_is_read_as_speech_difficulty(text: str) -> None:
    a = assess(text)
    assert "speech_difficulty" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the farmer spread slurry on the field next door, the smell is awful",
        "my tongue feels thick after the dentist's injection wore off",
        "my voice is a bit croaky",
    ],
)
def test_slurry_on_a_field_or_a_numbed_tongue_is_read_as_no_speech_difficulty(text: str) -> None:
    a = assess(text)
    assert "speech_difficulty" not in present(a)
    assert a.level < Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "vomiting since last night and i cant keep down water",
        "being sick all day, cant hold down even little sips",
        "not able to keep down any fluids since breakfast",
        "throwing up, i cant even hold down tiny sips of squash",
    ],
)
def test_cant_keep_down_drinks_is_read_as_vomiting_with_no_fluids_kept(text: str) -> None:
    a = assess(text)
    assert "vomiting" in present(a)
    assert a.level >= Level.URGENT
    assert "vomiting" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "i cant keep down my weight however hard i diet",
        "sick once this morning but keeping down water fine now",
        "we cant hold down the gazebo in this wind",
    ],
)
def test_keeping_other_things_down_is_read_as_no_fluids_lost(text: str) -> None:
    a = assess(text)
    assert "vomiting" not in a.rules
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my legs cant hold me up this morning",
        "mi foot dem nah hold me up, haffi sit down",
        "knees can barely hold me today",
        "her legs couldnt hold her up getting out of the bath",
    ],
)
def test_legs_that_cannot_hold_one_up_are_read_as_limb_weakness(text: str) -> None:
    a = assess(text, context=CARER)
    assert "limb_weakness" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the traffic cant hold me up, ill be there at 10",
        "my arms cant hold the baby up for long, shes heavy now",
        "my legs can hold me up fine now, thanks",
    ],
)
def test_holding_up_said_of_no_failing_limb_is_read_as_no_limb_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "bladder full to bursting but i still cant go",
        "bursting for a wee but i just cant",
        "desperate for a pee and he cant go, been ages",
        "dying for a wee but i cant seem to go",
    ],
)
def test_the_urge_for_a_wee_that_will_not_come_is_read_as_bladder_dysfunction(text: str) -> None:
    a = assess(text, context=CARER)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "desperate for a wee but cant go till the film ends lol",
        "need a wee but cant go, someones in the bathroom",
        "bursting for a wee, going now",
    ],
)
def test_an_urge_that_waits_for_a_free_loo_is_read_as_no_bladder_dysfunction(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" not in present(a)
    assert a.level < Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "so thirsty all the time and up weeing half the night",
        "always parched and peeing most of the night",
        "drinking loads and up half the night weeing",
    ],
)
def test_thirst_with_weeing_half_the_night_is_read_as_hypercalcaemia_signs(text: str) -> None:
    a = assess(text)
    assert {"thirst", "polyuria"} <= present(a)
    assert "hypercalcemia" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "up half the night with the baby",
        "the dog had me up most of the night",
        "thirsty after the curry, up half the night watching telly",
    ],
)
def test_up_half_the_night_for_another_reason_is_read_as_no_polyuria(text: str) -> None:
    a = assess(text)
    assert "polyuria" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "the top of my foot feels kind of dead",
        "my toes feel a bit dead this morning",
        "left hand felt sort of dead when i woke",
    ],
)
def test_a_limb_that_feels_kind_of_dead_is_read_as_numbness(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)


def test_shooting_leg_pain_with_a_foot_that_feels_kind_of_dead_is_read_as_mscc() -> None:
    a = assess("pain shooting down my leg and my foot feels kind of dead")
    assert "mscc-neuro" in a.rules
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my legs feel a bit dead tired after the walk",
        "the party felt kind of dead",
        "the town centre feels a bit dead these days",
    ],
)
def test_dead_tired_or_a_dead_place_is_read_as_no_numbness(text: str) -> None:
    a = assess(text)
    assert "numbness" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my tummy has gone numb in a band all the way round",
        "chest feels numb in a strip right the way round to my back",
        "skin on my belly is numb like a belt all the way round",
    ],
)
def test_a_numb_band_all_the_way_round_the_trunk_is_read_as_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert "cord-signs" in a.rules
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my finger is numb in a band all the way round my finger",
        "my wrist tingles in a band all the way round",
        "the rash is in a band all the way round",
        "my tummy feels numb after the injection",
    ],
)
def test_a_band_round_a_limb_or_a_rash_is_read_as_no_cord_sign(text: str) -> None:
    a = assess(text)
    assert "cord-signs" not in a.rules
    assert a.level < Level.EMERGENCY


# --- older development sets' leftovers, as classes -------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Are you walking as well as usual?", "no"),
        ("Are you getting about as easily as before?", "no, not really"),
        ("Is your walking as good as usual?", "no"),
    ],
)
def test_no_to_walking_as_well_as_usual_is_read_as_gait_difficulty(question: str, answer: str) -> None:
    a = assess(answer, question)
    assert "gait_difficulty" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Are you walking as well as usual?", "yes"),
        ("Are you walking as well as usual?", "yes fine thanks"),
        ("Are you getting about as easily as before?", "yep, no problems"),
    ],
)
def test_yes_to_walking_as_well_as_usual_is_read_as_no_gait_difficulty(question: str, answer: str) -> None:
    a = assess(answer, question)
    assert "gait_difficulty" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "no keep tripping over my own feet",
        "nope been falling over a lot this week",
        "no still cant walk far",
        "no kept stumbling on the stairs",
    ],
)
def test_a_bare_no_before_a_verb_answers_and_denies_nothing_after_it(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "no tripping or falling",
        "no stumbling at all",
        "no keep fit class this week, the hall is shut",
        "no been fine thanks",
    ],
)
def test_a_no_before_a_noun_still_denies_it(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "cant walk the dog round the block without stopping to breathe, getting worse",
        "couldnt make it up the hill to the shops without stopping for breath, new this week",
        "cant walk to the bus stop without stopping to catch my breath, worse than last week",
    ],
)
def test_a_walk_cut_short_by_breath_is_read_as_exertional_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert "gait_difficulty" not in present(a)
    assert a.level == Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "cant walk to the shop without stopping for a rest, my legs are weak",
        "cant walk round the block anymore, my legs give way",
    ],
)
def test_a_walk_cut_short_by_the_legs_stays_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert a.level == Level.EMERGENCY
    assert "cord-signs" in a.rules


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("way more than a teaspoon, it filled half a cup", Level.EMERGENCY),
        ("just a few streaks", Level.URGENT),
        ("none", Level.NONE),
    ],
)
def test_an_answer_to_how_much_blood_are_you_coughing_up_is_read_as_haemoptysis(
    answer: str, level: Level
) -> None:
    a = assess(answer, "How much blood are you coughing up?")
    assert a.level == level
    if level > Level.NONE:
        assert "hemoptysis" in present(a)


def test_the_blood_is_he_coughing_up_asked_by_a_carer_is_read_as_haemoptysis() -> None:
    a = assess("yes, a couple of spots", "Is he still coughing up any blood?", CARER)
    assert "hemoptysis" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "back aching and legs like 🍮",
        "my legs are like 🍮 today",
        "legs gone to 🍮 since lunch",
    ],
)
def test_legs_like_the_pudding_emoji_are_read_as_limb_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level == Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "had a lovely 🍮 for pudding",
        "made a trifle 🍮 for the grandkids",
    ],
)
def test_a_pudding_emoji_on_its_own_is_read_as_nothing(text: str) -> None:
    a = assess(text)
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "cant do a number 2 and feel sick all the time",
        "feeling queasy and can't go (number two)",
        "struggling to have a poo, and nauseous",
    ],
)
def test_a_number_two_that_wont_come_with_nausea_is_read_as_hypercalcaemia_signs(text: str) -> None:
    a = assess(text)
    assert {"constipation", "nausea"} <= present(a)
    assert "hypercalcemia" in a.rules


def test_a_number_two_that_wont_come_alone_is_routine() -> None:
    a = assess("cant go for a number two since sunday")
    assert "constipation" in present(a)
    assert a.level == Level.ROUTINE


@pytest.mark.parametrize(
    "question",
    [
        "How much blood are you coughing up: streaks, a teaspoon, or more?",
        "How much blood have you been coughing up: streaks, a teaspoon or more?",
        "Roughly how much blood is he coughing up?",
    ],
)
def test_more_to_how_much_blood_is_coughed_up_is_read_as_a_large_amount(question: str) -> None:
    a = assess("more. a lot more", question, CARER)
    assert "hemoptysis-major" in a.rules
    assert a.level == Level.EMERGENCY


def test_how_much_pain_asks_no_amount_of_blood() -> None:
    a = assess("a lot", "How much pain are you in?")
    assert "hemoptysis" not in present(a)
    assert "bleeding" not in present(a)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Would you like a nurse to call you?", "yes please"),
        ("Would you like a call back today?", "yes"),
        ("Do you want to speak to a nurse?", "yes if possible"),
    ],
)
def test_yes_to_an_offered_call_is_read_as_a_nurse_request(question: str, answer: str) -> None:
    a = assess(answer, question)
    assert "nurse_request" in present(a)
    assert a.level == Level.ROUTINE


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Would you like a nurse to call you?", "no thanks"),
        ("Would you like a call back today?", "no, all fine"),
    ],
)
def test_no_to_an_offered_call_is_read_as_nothing(question: str, answer: str) -> None:
    a = assess(answer, question)
    assert "nurse_request" not in present(a)
    assert a.level == Level.NONE


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("low", Level.ROUTINE),
        ("pretty poor this week", Level.ROUTINE),
        ("good thanks", Level.NONE),
        ("not bad", Level.NONE),
    ],
)
def test_an_answer_about_energy_is_read_as_tiredness_or_none(answer: str, level: Level) -> None:
    a = assess(answer, "How is your energy this week?")
    assert a.level == level
    assert ("fatigue" in present(a)) == (level == Level.ROUTINE)


@pytest.mark.parametrize(
    "text",
    [
        "I am having loss of taste since the last cycle",
        "everything is tasting like metal",
        "lost my sense of taste, food is pointless",
        "my taste has gone funny",
    ],
)
def test_taste_lost_or_changed_is_read_as_something_to_see(text: str) -> None:
    a = assess(text)
    assert a.level == Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "lost my taste for football years ago",
        "the soup tastes lovely",
    ],
)
def test_taste_as_a_liking_or_a_compliment_is_read_as_nothing(text: str) -> None:
    a = assess(text)
    assert a.level == Level.NONE
