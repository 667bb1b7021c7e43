"""Every concept of TRIAGE.md is found in clear words and in the way people text."""

from __future__ import annotations

import pytest

from .conftest import assess, present

CASES = {
    "back_pain": [
        "My lower back is really sore",
        "bak pain again 2day",
        "pain between my shoulder blades",
        "a band of pain round my chest",
        "done my back in",
    ],
    "neck_pain": ["My neck is stiff and sore", "neck hurts"],
    "radicular_pain": ["shooting pain down my left leg", "sciatica playing up"],
    "limb_weakness": [
        "my legs feel weak",
        "legs went like jelly",
        "my right arm is weak",
        "legs keep giving way",
        "my legs feel heavy as lead",
    ],
    "numbness": [
        "my feet are numb",
        "pins n needles in my fingers",
        "tinglin in my toes",
        "I can't feel my feet properly",
    ],
    "saddle_numbness": ["numb around my bottom", "numb between my legs", "bum feels numb when i wipe"],
    "gait_difficulty": ["I can't walk properly", "keep falling over", "really unsteady on my feet"],
    "bladder_bowel_dysfunction": [
        "I wet myself",
        "cant pee at all",
        "lost control of my bowels",
        "havent been able to wee since last nite",
    ],
    "dyspnea": [
        "I'm short of breath",
        "so breathless",
        "out of puff",
        "cant catch my breath",
        "struggling to breathe",
        "bit puffed",
    ],
    "cough": ["hacking cough", "coughing all night"],
    "hemoptysis": [
        "coughing up blood",
        "blood in my phlegm",
        "streaks of blood in my sputum",
        "coughed up a bit of blood",
    ],
    "chest_pain": ["pain in my chest", "tight chest", "my chest hurts", "crushing feeling in my chest"],
    "hoarseness": ["my voice has gone hoarse", "lost my voice", "croaky"],
    "wheeze": ["wheezy", "a whistling noise when i breathe"],
    "face_neck_swelling": ["my face is swollen", "shirt collar feels tight", "my arm has swelled up"],
    "leg_swelling": ["my calf is swollen and hot", "left leg has puffed up", "swollen ankles"],
    "headache": ["bad headache", "thumpin hedache", "my head is pounding", "migraine"],
    "confusion": ["she is confused", "muddled", "doesnt know what day it is", "not making sense"],
    "drowsiness": ["very drowsy", "keeps nodding off", "cant stay awake"],
    "seizure": ["he had a seizure", "just had a fit", "convulsing"],
    "vision_change": ["blurry vision", "lost the sight in my eye", "seeing double"],
    "speech_difficulty": ["slurred speech", "my words are coming out jumbled"],
    "syncope": ["I fainted", "passed out", "blacked out in the shower", "collapsed"],
    "fever": ["I have a fever", "temp 38.4", "burning up", "temp is 101F", "got a temperature"],
    "chills": ["shivering", "got the shakes", "rigors"],
    "vomiting": ["threw up", "vomiting", "been sick twice", "chucked up my dinner"],
    "nausea": ["feel sick", "nauseous", "a bit queasy"],
    "diarrhea": ["diarrhoea", "the runs", "runny tummy", "the squits"],
    "constipation": ["constipated", "bunged up", "not had a poo in 4 days"],
    "thirst": ["so thirsty", "parched"],
    "polyuria": ["peeing all the time", "up weeing every hour"],
    "bleeding": ["nosebleed", "blood in my wee", "my gums bleed", "passing blood"],
    "fatigue": ["exhausted", "no energy", "knackered", "tired all the time"],
    "appetite_loss": ["off my food", "no appetite", "barely eating"],
    "weight_loss": ["lost weight", "lost 3 kg", "lost half a stone"],
    "pain": ["my knee hurts", "tummy pain", "hip pain 8/10", "sore shoulders"],
    "self_harm": [
        "I want to die",
        "I keep thinking about hurting myself",
        "wish i was dead",
        "everyone would be better off without me",
    ],
    "patient_worry": ["something is really wrong", "I'm really scared"],
    "nurse_request": ["please call me", "can I speak to a nurse", "can sum1 ring me back"],
    "unrecognised": ["my elbow is weird", "got a rash on my arms", "feeling dizzy when I stand up"],
}


@pytest.mark.parametrize(("concept", "text"), [(c, t) for c, texts in CASES.items() for t in texts])
def test_concept_is_found_present(concept: str, text: str) -> None:
    assert concept in present(assess(text))


def test_every_concept_of_the_rules_has_cases() -> None:
    from vigil.escalation.triage import default_engine

    assert set(CASES) == set(default_engine().concepts)


@pytest.mark.parametrize(
    "text",
    [
        "my neighbour is a right pain in the neck",
        "the council tax forms have been a right headache",
        "the match last night took my breath away",
        "had to cough up 8 quid for parking",
        "dying to see the new baby",
        "my blood is boiling over this bus strike",
        "car seized up on the motorway",
        "bit confused by the letter, which day is my appointment?",
        "sick of this weather",
        "the grandkids are killing me with their questions",
        "my blood test is on Monday",
        "i was gasping for a cuppa after the walk",
    ],
)
def test_idioms_are_not_symptoms(text: str) -> None:
    assert assess(text).level.label == "none"


@pytest.mark.parametrize("text", ["my gums are still bleeding", "still bleeding, wont stop"])
def test_still_bleeding_is_bleeding_that_goes_on(text: str) -> None:
    a = assess(text)
    [f] = [f for f in a.findings if f.concept == "bleeding"]
    assert f.present
    assert "wont_stop" in f.modifiers
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "drinking pints of squash all day, can't quench it",
        "downing glass after glass of water",
        "nothing quenches my thirst",
    ],
)
def test_thirst_told_by_how_much_is_drunk_is_thirst(text: str) -> None:
    assert "thirst" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "he's tried to pee 3 times and nothing comes out",
        "trying to wee but only a dribble",
        "the wee won't come",
    ],
)
def test_trying_to_pee_and_nothing_comes_out_is_retention(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "his breathing sounds like a squeaky gate",
        "my breathing has gone all noisy",
        "a whistling sound when I breathe",
    ],
)
def test_a_breath_that_makes_a_sound_is_a_noisy_breath(text: str) -> None:
    assert "wheeze" in present(assess(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("totally jiggered today", "fatigue"),
        ("dog tired all week", "fatigue"),
        ("no get up and go", "fatigue"),
        ("I'm plumb tuckered out", "fatigue"),
        ("Ah'm fair wabbit the day", "fatigue"),
        ("food tastes like cardboard and I'm never hungry", "appetite_loss"),
        ("haven't eaten a proper meal in days", "appetite_loss"),
        ("off me grub", "appetite_loss"),
        ("dropped 4 kilos in a month", "weight_loss"),
        ("the weight keeps coming off", "weight_loss"),
        ("my rings are loose, I'm getting thinner and thinner", "weight_loss"),
        ("everything's fuzzy when I read", "vision_change"),
        ("seeing two of everything", "vision_change"),
        ("sight's getting dimmer", "vision_change"),
        ("stomach's turning", "nausea"),
        ("a bit pukey", "nausea"),
        ("tummy's a bit loose", "diarrhea"),
        ("can't go number two, straining like mad", "constipation"),
        ("Motion not passed since 3 days", "constipation"),
        ("up all night weeing", "polyuria"),
        ("SOB on the stairs", "dyspnea"),
        ("I sound like a frog", "hoarseness"),
        ("my heid's nippin", "headache"),
        ("crick in my neck", "neck_pain"),
        ("my shoulder's seized up, can't reach the top shelf", "pain"),
        ("I've got a bad feeling about this, something's off", "patient_worry"),
        ("something ain't right with me, I can tell", "patient_worry"),
        ("I should be grateful if a nurse might telephone me at her convenience", "nurse_request"),
    ],
)
def test_dog_tired_and_the_other_ways_people_say_a_symptom_are_read(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I'm thirsty for some good news",
        "Bleedin' hell, what a week",
        "my heart bleeds for the other folk on the ward",
        "my heart aches for my sister, she lost her husband last week",
        "the runs are over, all normal again",
    ],
)
def test_a_heart_that_bleeds_for_someone_is_no_symptom(text: str) -> None:
    assert assess(text).level.label == "none"


@pytest.mark.parametrize(
    ("text", "concept", "level"),
    [
        ("loose 3 times today", "diarrhea", "routine"),
        ("had a couple of accidents today, cant hold my bowels", "bladder_bowel_dysfunction", "emergency"),
        ("my shoulder is unbearable", "pain", "urgent"),
    ],
)
def test_loose_counted_and_an_unbearable_shoulder_are_read(text: str, concept: str, level: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level.label == level


def test_unbearable_with_no_body_part_adds_no_pain() -> None:
    assert "pain" not in present(assess("the nausea is unbearable"))


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my legs feel like they belong to someone else", "emergency"),
        ("my feet feel like they're not mine and I'm walking into the door frames", "emergency"),
        ("Lower back pain again, and my left foot was slapping the floor when I walked", "emergency"),
        ("The dog's off his legs and so am I - mine gave way twice today", "emergency"),
        ("mi head a pound mi bad bad, worse than yesterday", "urgent"),
        ("my stomach feels like its being wrung out, 8/10", "urgent"),
    ],
)
def test_legs_that_feel_like_someone_elses_have_lost_their_feeling(text: str, level: str) -> None:
    assert assess(text).level.label == level


@pytest.mark.parametrize("text", ["I feel wrung out", "that book is mine, I love it"])
def test_wrung_out_on_its_own_and_a_book_of_mine_are_no_red_flag(text: str) -> None:
    assert assess(text).level.label in ("none", "routine")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("back 😖😖 and cant feel my left leg at all", "emergency"),
        ("Dad's cut his hand and it's not stopping, he's on blood thinners", "emergency"),
        ("Kant feel my bottom or between my legs since this mourning", "emergency"),
        ("gums bleeding non stop since this morning", "emergency"),
        ("is it normal to not be able to feel when you need a wee? ive been leaking", "emergency"),
        ("my PICC line site keeps bleeding through the dressing", "emergency"),
        ("is it normal to cough up red bits?", "urgent"),
        ("Her breathing's got a lot worse over the last couple of days", "urgent"),
        ("Ma chest is pure murder the now, came on aw of a sudden", "emergency"),
        ("Coughed up a big dark clot this morning, then a few more bits.", "emergency"),
        ("lgs r v weak 2day cnt stand 4 long", "emergency"),
        ("neck's gone thick and there's a noisy rasping sound when I breathe in", "emergency"),
        ("My calf has swelled up and it's hot, and I get a catch in my chest.", "emergency"),
        ("couldn't finish what I was saying for want of breath", "emergency"),
        ("mouth dry as a bone, always thirsty, and up 5 times a night to wee", "urgent"),
        ("ma back's been gowpin aw night", "urgent"),
        ("spat out bright red blood when coughing, filled the sink", "emergency"),
        ("cant feal my legs", "emergency"),
        ("everything tastes like metal", "routine"),
        ("hair coming out in clumps in the shower", "routine"),
    ],
)
def test_keeps_bleeding_through_the_dressing_and_other_red_flags_told_plainly(text: str, level: str) -> None:
    assert assess(text).level.label == level


@pytest.mark.parametrize(
    "text",
    [
        "The leaflet says ring if your legs feel weak, mine are fine, just letting you know I read it",
        "cut my finger chopping onions, bled a bit but fine now",
        "got the bill 😖",
    ],
)
def test_the_leaflets_red_flags_and_a_kitchen_cut_are_no_alarm(text: str) -> None:
    assert assess(text).level.label == "none"


@pytest.mark.parametrize(
    "text",
    [
        "we had a fit of giggles at the cafe",
        "I've been sick of waiting for results",
        "lost my voice cheering at the match",
    ],
)
def test_a_fit_of_giggles_is_no_seizure(text: str) -> None:
    assert assess(text).level.label == "none"


def test_a_fit_of_coughing_is_a_cough_and_red_after_it_is_coughed_up() -> None:
    assert present(assess("he had a fit of coughing")) == {"cough"}
    assert assess("the tissue was soaked through red after one coughing fit").level.label == "emergency"
