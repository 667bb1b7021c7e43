"""Red-team set 13's classes: plain words for "could not", legs that "wouldn't move", loss of
feeling in "either leg", seizures as a carer sees them, self-harm told in the third person,
breathlessness that breaks sentences, a breathlessness that is new ("since Tuesday", "wasn't
like that last month"), back pain told in slang ("kills", "crook") or "round the clock"; and
the near misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import assess, present

# -- "could not", "can not" written out in full are "can't" ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he could not walk to the toilet this morning",
        "Dad could not get up out of bed, legs just wouldn't go",
        "I could not move my legs when I woke",
        "she can not stand up on her own anymore",
        "my legs wouldn't move for a good ten minutes",
        "I couldn't lift my legs onto the bed",
    ],
)
def test_he_could_not_walk_to_the_toilet_is_a_cord_sign(text: str) -> None:
    a = assess(text)
    assert present(a) & {"gait_difficulty", "limb_weakness"}
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I could not sleep last night",
        "could not get through to the pharmacy",
        "I can not find my appointment letter",
        "could not make it to the coffee morning, shame",
    ],
)
def test_i_could_not_sleep_is_no_cord_sign(text: str) -> None:
    assert assess(text).level in (Level.NONE, Level.ROUTINE)


# -- loss of feeling in "either leg" is both legs ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Can't feel a thing in either leg since lunch",
        "he cannot feel either of his legs",
        "I can't feel anything in either leg, it's like they're not mine",
    ],
)
def test_i_cant_feel_anything_in_either_leg_is_extensive_numbness(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("yes", "Any numbness or tingling in either leg?"),
        ("a little", "Do you have pins and needles in either leg?"),
        ("tingling in my feet", None),
    ],
)
def test_yes_to_tingling_in_either_leg_stays_routine(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert "numbness" in present(a)
    assert a.level is Level.ROUTINE


# -- a seizure told by what the carer saw -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mum went all vacant and started jerking for a minute or so",
        "he started jerking in his chair and wouldn't answer me",
        "wife here, she went glassy eyed and began jerking",
        "Dad suddenly began convulsing on the sofa",
    ],
)
def test_dad_went_vacant_and_started_jerking_is_a_seizure(text: str) -> None:
    a = assess(text)
    assert "seizure" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the car started jerking when I changed gear", "the bus began jerking and stalling"],
)
def test_the_car_started_jerking_is_no_seizure(text: str) -> None:
    assert "seizure" not in present(assess(text))


# -- self-harm told by a carer -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dad told me last night he wishes he was dead",
        "I'm her daughter, Mum keeps saying she wished she were dead",
        "Dad says he wants to die, he's had enough",
        "Mum wishes she wasn't here any more",
    ],
)
def test_mum_says_she_wishes_she_was_dead_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["she wishes she was here with us on holiday", "he wishes he was at the seaside"],
)
def test_she_wishes_she_was_here_is_no_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


# -- breathlessness that breaks every sentence is severe -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "So puffed I have to stop halfway through every sentence",
        "breathless, stopping half way through a sentence to get air",
        "I keep having to stop in the middle of sentences, so short of breath",
    ],
)
def test_breathless_stopping_halfway_through_a_sentence_is_an_emergency(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


def test_i_stopped_halfway_through_a_sentence_to_answer_the_door_is_nothing() -> None:
    assert assess("I stopped halfway through a sentence to answer the door").level is Level.NONE


# -- breathlessness that is new: "since Tuesday", "wasn't like that last month" ---------------


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("yes since tues", "Are you short of breath?"),
        ("yeah, since yesterday", "Any shortness of breath today?"),
        ("a bit, since the weekend", "Have you been breathless?"),
        ("breathless on the stairs since Monday", None),
        ("puffed walking up the hill, wasn't like this last month", None),
        ("out of breath doing the dishes, was not like that a week ago", None),
    ],
)
def test_short_of_breath_since_tuesday_is_new_breathlessness(text: str, question: str | None) -> None:
    a = assess(text, question)
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("yes, same as always", "Are you short of breath?"),
        ("breathless on the stairs for years now", None),
        ("no, not since Tuesday", "Are you short of breath?"),
    ],
)
def test_breathless_for_years_is_not_new(text: str, question: str | None) -> None:
    assert assess(text, question).level in (Level.NONE, Level.ROUTINE)


# -- back pain in slang, and back pain round the clock ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my back kills when I sneeze",
        "his lower back is giving him gyp round the clock",
        "back's crook and it's worse when I cough",
        "the pain in my spine is there around the clock",
    ],
)
def test_my_back_kills_when_i_sneeze_is_a_spinal_pain_flag(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "Back's crook and me legs have gone all tingly",
        "my back kills and both feet have gone numb",
    ],
)
def test_my_backs_crook_and_my_legs_are_tingly_is_mscc(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "by hook or by crook I'll get to clinic",
        "this heat kills me",
        "the nurses work round the clock, bless them",
    ],
)
def test_by_hook_or_by_crook_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


# -- "a temp of 37.7": the fever word names the reading, which says how high ------------------


@pytest.mark.parametrize(
    "text",
    [
        "Running a slight temp of 37.6 but otherwise ok",
        "had a temperature of 37.9 this afternoon",
        "temp is 37.5, bit warm",
        "a bit of a temperature 37.8",
    ],
)
def test_a_slight_temp_of_37_7_off_treatment_is_a_low_grade_fever(text: str) -> None:
    a = assess(text, context={"on_active_treatment": False})
    assert {f.concept for f in a.findings if f.present and "low_grade" in f.modifiers} == {"fever"}
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    ("text", "context", "level"),
    [
        ("a temp of 37.7", {"on_active_treatment": True}, Level.URGENT),
        ("a temperature of 38.4", {}, Level.URGENT),
        ("a temperature of 38.4", {"on_active_treatment": True}, Level.EMERGENCY),
        ("the nurse said text if I had a fever - it's 38.3", {"on_active_treatment": True}, Level.EMERGENCY),
    ],
)
def test_a_temp_of_37_7_on_chemo_is_still_urgent(text: str, context: dict[str, bool], level: Level) -> None:
    assert assess(text, context=context).level is level


# -- a call asked for "when she's free", or from "someone from the team" ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "could the nurse ring me when she's free",
        "give me a call when you're free please",
        "when your free can u call me",
        "Can somebody from the clinic give me a ring back",
        "could anyone at the day unit call me about tomorrow",
        "can one of the nurses from the ward phone me",
    ],
)
def test_can_someone_from_the_team_ring_me_when_shes_free_is_a_nurse_request(text: str) -> None:
    a = assess(text)
    assert "nurse_request" in present(a)
    assert a.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "my back is pain free today",
        "I've been headache free all week",
        "my friend from the clinic has a cough",
    ],
)
def test_pain_free_is_still_no_pain(text: str) -> None:
    assert assess(text).level is Level.NONE


# -- what an everyday condition can cause, told in general; and "now" that says what is -------


@pytest.mark.parametrize(
    "text",
    [
        "Saw a thing that dehydration can cause confusion, so I'm drinking more",
        "apparently heat stroke can lead to fainting, glad it's cooler today",
        "my sister says a UTI can cause confusion in older people",
    ],
)
def test_heatstroke_can_cause_confusion_is_hypothetical(text: str) -> None:
    a = assess(text)
    assert not present(a) & {"confusion", "syncope"}
    assert a.level in (Level.NONE, Level.ROUTINE)


@pytest.mark.parametrize(
    "text",
    [
        "dehydration can cause confusion and now Mum is really confused",
        "the leaflet says call if you get back pain, now my back is killing me",
        "on the news they said a clot causes chest pain and now I have chest pain",
    ],
)
def test_the_leaflet_says_back_pain_and_now_my_back_is_killing_me_is_present(text: str) -> None:
    assert assess(text).level >= Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["what if I get a fever now", "should I worry if my legs go weak now", "in case I get a fever now"],
)
def test_what_if_i_get_a_fever_now_stays_hypothetical(text: str) -> None:
    assert assess(text).level is Level.NONE
