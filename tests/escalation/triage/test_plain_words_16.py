"""Red-team set 16's classes: breath told by a learner of English ("short of the breath",
"I cannot take air", "I breathe very fast") or by what the walker can no longer do
("stopping twice for breath"), noisy breathing with a word of degree, a neck "thick as a
bull's" or a top button that will not do up, a head that is "pounding", an eye that "went
black", bleeding that "will no stop" or has "been an hour", "the whole water's gone red",
"much blood from my bottom", teaspoons "worth", sick that brings up everything, a pain
"very strong", a score with "I'd say", backs that are "cactus" or "the worst it's ever
been", legs "on strike" or that will not go over a bike, feet that have "gone to sleep",
the seat and the thighs numb, a clinician's "reduced sensation", thoughts of ending it said
after a joke, counting tablets, "someone needs to ring me", and worry for someone else; with
the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, ON_TX, assess, present


@pytest.mark.parametrize(
    "text",
    [
        "I cannot take enough air, even sitting in the chair",
        "I am short of the breath when I lie in bed",
        "my breathing has become very heavy even at rest",
        "I breathe so fast and I am only resting",
    ],
)
def test_breath_told_in_a_learners_words_at_rest_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I take the air filter out of the hoover",
        "the breath of fresh air did me good",
        "my grandson can breathe fast underwater in his game",
    ],
)
def test_air_and_breath_without_breathlessness_are_nothing(text: str) -> None:
    a = assess(text)
    assert "dyspnea" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "Did the shopping no bother last month. Now I'm stopping three times for breath.",
        "used to climb the stairs fine, now I have to stop twice for breath",
        "now I find myself stopping a few times for air on the way to the car",
    ],
)
def test_having_to_stop_for_breath_now_is_new_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "we stopped for lunch on the way",
        "now I am back home",
        "stopped at the shop for bread",
    ],
)
def test_stopping_and_now_without_breath_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "her face is puffed up and her breathing is really squeaky",
        "his neck is swollen and his breath is very rattly tonight",
        "my face has swelled and my breathing sounds so raspy",
    ],
)
def test_a_swollen_face_with_noisy_breathing_is_an_airway_emergency(text: str) -> None:
    a = assess(text, context=CARER)
    assert "face_neck_swelling" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "can't get my top button done up any more and I'm out of puff on the stairs",
        "his neck is as thick as a tree trunk and he's short of breath",
        "couldn't do my shirt collar up this morning, getting breathless too",
    ],
)
def test_a_neck_grown_thick_with_breathlessness_is_an_airway_emergency(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "can't do the buttons on my coat, fingers are cold",
        "the gravy was as thick as a brick",
        "my top button fell off",
    ],
)
def test_buttons_and_thick_things_are_no_swelling(text: str) -> None:
    a = assess(text)
    assert "face_neck_swelling" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "head's thumping and it's getting worse every day",
        "my head is banging, worse than yesterday",
        "head keeps throbbing and it is getting worse",
    ],
)
def test_a_head_that_pounds_and_worsens_is_a_headache(text: str) -> None:
    a = assess(text)
    assert "headache" in present(a)
    assert a.level is Level.URGENT


def test_the_music_pounding_is_no_headache() -> None:
    a = assess("the music next door was pounding all night")
    assert "headache" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "my right eye went dark for a few minutes",
        "the left eye turned grey this morning and it's still dim",
        "one eye went blank while I was reading",
    ],
)
def test_an_eye_that_goes_dark_is_one_sided_sight_loss(text: str) -> None:
    a = assess(text)
    assert "vision_change" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the screen went black on my phone",
        "the sky turned grey this afternoon",
        "I bought a black eye mask for sleeping",
    ],
)
def test_things_that_go_dark_are_no_sight_loss(text: str) -> None:
    a = assess(text)
    assert "vision_change" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my nose is bleeding and it will not stop",
        "gums bleeding, it's been an hour",
        "ma gums are bleeding again and they'll no stop",
        "there's so much blood from my back passage",
        "bright red blood in the loo and the whole toilet water turned red",
    ],
)
def test_bleeding_that_will_not_stop_or_is_a_lot_is_an_emergency(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "not much blood from my bottom, only a smear on the paper",
        "a spot of blood on my toothbrush",
        "the nosebleed stopped after ten minutes",
    ],
)
def test_a_small_or_stopped_bleed_is_no_emergency(text: str) -> None:
    assert assess(text).level < Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["yes, three teaspoons worth", "yes, a couple of teaspoons", "yes, several spoonfuls worth this morning"],
)
def test_teaspoons_of_blood_coughed_up_are_a_large_amount(text: str) -> None:
    a = assess(text, "Any coughing up blood?")
    assert "hemoptysis" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_teaspoon_of_blood_coughed_up_is_urgent() -> None:
    assert assess("yes, less than a teaspoon", "Any coughing up blood?").level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "he's brought up everything I gave him today",
        "she threw up everything, even the squash",
        "I am sick all day, even the tea comes back",
    ],
)
def test_sick_that_brings_everything_back_is_urgent(text: str) -> None:
    a = assess(text, context=CARER)
    assert "vomiting" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "I was sick once this morning",
        "he brought up some phlegm",
        "even the water comes out of the tap brown",
    ],
)
def test_one_sick_or_other_things_coming_back_are_not_urgent(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("the pain in my side is very strong", None),
        ("the pain is so strong, 7", "How bad is any pain today, from 0 (none) to 10 (worst)?"),
        ("Hip's that bad I can't sleep. 8 out of 10 I reckon.", None),
        ("Shoulder is sore again. 9 out of 10 I would say.", None),
    ],
)
def test_strong_pain_or_a_hedged_high_score_is_severe(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["my tea is very strong today", "the wind is really strong", "Knee's a bit stiff. 3 out of 10 I'd say."],
)
def test_strong_tea_or_a_low_score_is_not_severe(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "spine's rooted and my legs have packed up on me",
        "back is buggered and legs gone on strike",
        "couldn't lift my legs into bed last night, and my back's been aching",
        "back's been playing up and both feet feel like they've gone to sleep",
    ],
)
def test_a_broken_back_with_legs_that_will_not_go_is_cord_compression(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "the buses have gone on strike again",
        "I fell asleep on the sofa after lunch",
        "I'm stuffed after that roast",
    ],
)
def test_strikes_and_sleep_are_no_cord_signs(text: str) -> None:
    a = assess(text)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "Back's the worst it has ever been",
        "my back is the worst it's been, can't bend",
        "spine is the worst it's ever felt",
    ],
)
def test_a_back_at_its_worst_is_severe_spinal_pain(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my bottom and the backs of my thighs have gone numb",
        "bum and the inside of my legs feel numb when I sit",
        "reduced sensation in the saddle area since yesterday",
        "loss of sensation around my bottom and inner thighs",
    ],
)
def test_numbness_of_the_seat_and_thighs_is_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["my bottom is sore from sitting", "reduced sugar in my tea", "less sensation of hunger lately"],
)
def test_a_sore_bottom_or_less_of_something_is_no_cord_sign(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "haha I'm a barrel of laughs. no but seriously I've been thinking about ending things",
        "no joke, I've thought about ending my life",
        "I keep counting my pills and wondering how many it would take",
    ],
)
def test_thoughts_of_ending_it_after_a_joke_are_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "no seriously, I'm fine, the weekend was lovely",
        "I was thinking about ending my subscription",
        "wondering how many it would take to fill the minibus",
    ],
)
def test_a_joke_or_counting_other_things_is_no_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" not in present(a)
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "somebody needs to call me about the results",
        "can somebody please give me a call about the pharmacy",
        "could anyone ring me today",
    ],
)
def test_asking_that_someone_call_me_is_a_nurse_request(text: str) -> None:
    a = assess(text)
    assert "nurse_request" in present(a)
    assert a.level is Level.ROUTINE


def test_someone_who_called_me_is_no_request() -> None:
    assert assess("someone called me yesterday about my bloods").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my brother collapsed at work, I'm really worried about him",
        "my friend has a fever, so scared for her",
        "my neighbour was coughing up blood, I'm worried about them",
    ],
)
def test_worry_for_someone_else_is_not_the_patients_worry(text: str) -> None:
    a = assess(text)
    assert "patient_worry" not in present(a)
    assert a.level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["I'm really worried about myself", "I'm so worried, something is wrong with me"],
)
def test_the_writers_own_worry_stays_the_patients(text: str) -> None:
    a = assess(text)
    assert "patient_worry" in present(a)


def test_a_carers_worry_about_the_patient_stays_the_patients() -> None:
    a = assess("she's not herself, I'm really worried about her", context=CARER)
    assert "patient_worry" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "drinking like a fish and constipated for days",
        "I eat like a bird and drink like a camel, and I'm so thirsty",
    ],
)
def test_thirst_and_appetite_told_by_an_animal(text: str) -> None:
    a = assess(text)
    assert present(a) & {"thirst", "appetite_loss"}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my chest is doing something strange tonight. pain 8 out of 10", "chest_pain"),
        ("Lower back again, honestly. Pain about a 9 now", "back_pain"),
        ("it's the chest. pain is awful since tea time", "chest_pain"),
    ],
)
def test_a_pain_opening_its_sentence_rates_the_site_named_just_before(text: str, concept: str) -> None:
    a = assess(text, context=ON_TX)
    assert concept in present(a)
    assert a.level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my chest is clear, the doctor said. pain in my knee 8 out of 10",
        "went for a walk along the beach. pain 3 today",
        "my chest has been wheezy all week. pain 4 today",
    ],
)
def test_a_pain_with_its_own_site_or_no_bare_site_before_is_not_moved(text: str) -> None:
    a = assess(text)
    assert "chest_pain" not in present(a)
