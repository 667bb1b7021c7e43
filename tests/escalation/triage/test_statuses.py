"""Only what the patient has now fires a rule: negated, resolved, hypothetical and
other people's symptoms are recorded with their status and never raise the level."""

from __future__ import annotations

import pytest

from .conftest import assess, present, status_of


@pytest.mark.parametrize(
    ("text", "concept", "status"),
    [
        ("no fever", "fever", "negated"),
        ("not short of breath", "dyspnea", "negated"),
        ("she denies any pain", "pain", "negated"),
        ("nope, no cough", "cough", "negated"),
        ("never had any blood in my phlegm", "hemoptysis", "negated"),
        ("walked to the shops w/o getting puffed", "dyspnea", "negated"),
        ("my legs aren't weak", "limb_weakness", "negated"),
        ("pain free today", "pain", "negated"),
        ("havent thrown up", "vomiting", "negated"),
        ("the tingling is gone now", "numbness", "resolved"),
        ("had a fever at the weekend, gone now", "fever", "resolved"),
        ("I used to get headaches", "headache", "resolved"),
        ("the diarrhoea stopped yesterday", "diarrhea", "resolved"),
        ("pins and needles cleared up last week", "numbness", "resolved"),
        ("should I go in if my legs get weak?", "limb_weakness", "hypothetical"),
        ("what if I start coughing up blood?", "hemoptysis", "hypothetical"),
        ("just in case I get a temperature, who do I ring?", "fever", "hypothetical"),
        ("my husband has a cough, I'm fine", "cough", "other"),
        ("my neighbour fainted at the bus stop", "syncope", "other"),
        ("the wife's got a temp of 38.5 and she's shivering", "chills", "other"),
    ],
)
def test_mentions_get_their_status(text: str, concept: str, status: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {status}
    assert a.level.label == "none"


def test_negation_stops_at_but() -> None:
    a = assess("no weakness but my back is killing me")
    assert "back_pain" in present(a)
    assert "limb_weakness" not in present(a)


def test_negation_covers_a_list_joined_by_or() -> None:
    a = assess("my back aches, no tingling, numbness or weakness")
    assert present(a) == {"back_pain"}


def test_negation_does_not_reach_into_the_next_sentence() -> None:
    a = assess("No fever. Coughing up blood today")
    assert "hemoptysis" in present(a)


def test_a_comma_ends_a_negation_without_a_list() -> None:
    assert "limb_weakness" in present(assess("No, my legs are weak"))


def test_the_patient_speaks_again_after_someone_else() -> None:
    a = assess("My wife has a fever and now I've got a bit of a cough myself")
    assert present(a) == {"cough"}
    assert status_of(a, "fever") == {"other"}


def test_a_new_sentence_is_about_the_patient_again() -> None:
    a = assess("My husband has a cold. Coughing up blood this morning")
    assert "hemoptysis" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "Writing for my dad, he can't move his legs",
        "This is Paul, Anne's husband. Her temperature is 38.6",
        "its his daughter here. dads walking like hes drunk",
        "Dad can't move his legs",
        "I'm Mum's carer. She's gasping for air",
    ],
)
def test_a_carer_writing_about_the_patient_is_the_patient(text: str) -> None:
    assert assess(text, context={"on_active_treatment": True}).level.label == "emergency"


def test_my_mates_mum_is_someone_else() -> None:
    assert assess("my mates mum had a seizure at bingo, im ok tho").level.label == "none"


def test_a_later_normal_temperature_settles_an_earlier_fever() -> None:
    a = assess(
        "temp was 38.2 on sunday but its been normal since, 36.8 today", context={"on_active_treatment": True}
    )
    assert a.level.label == "none"
    assert status_of(a, "fever") == {"resolved"}


def test_two_fever_readings_stay_a_fever() -> None:
    a = assess("his temp was 38.3 last night and 38.1 this morning")
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("they told me to call if I got a fever, well I have one now 38.6", "fever"),
        ("you said to message if my legs went weak. they have", "limb_weakness"),
        ("the nurse said to text if my back pain got worse, it has", "back_pain"),
    ],
)
def test_an_instruction_that_has_come_true_is_present(text: str, concept: str) -> None:
    assert concept in present(assess(text, context={"on_active_treatment": True}))


def test_a_score_after_pain_still_reaches_the_site() -> None:
    assert assess("pain 9/10 in my chest").level.label == "emergency"


@pytest.mark.parametrize(
    ("text", "concept", "status"),
    [
        # The writer of a carer's message speaks of their own health only when they say so.
        (
            "This is Greg, Anne's husband. Anne's got a dry cough. I've had chest pain myself",
            "chest_pain",
            "other",
        ),
        ("Writing for Mum. I've been sick twice myself, think it's a bug", "vomiting", "other"),
        ("Sue (Ken's wife) writing. I've come down with a fever so I'm staying away", "fever", "other"),
        # ...while everything else in it is the patient's, "myself" in a finding included.
        ("Writing for Dad. I wet myself last night", "bladder_bowel_dysfunction", "present"),
        (
            "Sir my father is having back pain and today his legs are giving way. Kindly advise.",
            "limb_weakness",
            "present",
        ),
        ("sons phone, my dad cant get out of his chair, his legs wont hold him", "limb_weakness", "present"),
        # A relative clause about someone else does not resolve what came before it.
        (
            "Dad doesn't know what year it is and keeps asking for his mother, who died years ago.",
            "confusion",
            "present",
        ),
    ],
)
def test_carers_and_relative_clauses_keep_the_patient_in_view(text: str, concept: str, status: str) -> None:
    assert status in status_of(assess(text), concept)


@pytest.mark.parametrize(
    ("text", "concept", "status"),
    [
        ("The chest pain I had at Christmas went away. Came back an hour ago", "chest_pain", "present"),
        ("used to get back ache before treatment. It's back, and it's constant now", "back_pain", "present"),
        ("had a fever last week, gone now, hope it doesnt come back", "fever", "resolved"),
        ("had a fever last week, gone now. my daughter came back from uni", "fever", "resolved"),
        ("shivers have stopped and temp is back to 36.8", "chills", "resolved"),
    ],
)
def test_a_symptom_that_came_back_is_present_again(text: str, concept: str, status: str) -> None:
    assert status_of(assess(text), concept) == {status}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("watching casualty, someone coughing up blood, made me jump", "hemoptysis"),
        ("someone collapsed on the telly and it gave me a fright", "syncope"),
    ],
)
def test_someone_on_tv_coughing_up_blood_is_someone_else(text: str, concept: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"other"}
    assert a.level.label == "none"


def test_someone_asked_to_ring_leaves_the_request_the_patients() -> None:
    a = assess("I need someone to ring me, my back is agony")
    assert "nurse_request" in present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("My mother is vomiting since morning, 8 times till now", "urgent"),
        ("my dad's face and neck have swollen up and his breathing sounds like a squeaky gate", "emergency"),
    ],
)
def test_my_mother_in_a_message_that_says_nothing_of_the_writer_is_the_patient(text: str, level: str) -> None:
    assert assess(text).level.label == level


@pytest.mark.parametrize(
    "text",
    [
        "my mum passed away last year, she had terrible breathlessness at the end",
        "I'm fine, but my dad has been vomiting all day",
        "my mum has a cough and a temperature, is it catching?",
    ],
)
def test_a_parent_set_apart_from_the_writer_stays_someone_else(text: str) -> None:
    a = assess(text)
    assert a.level.label == "none"
    assert "other" in {f.status for f in a.findings}


@pytest.mark.parametrize(
    ("text", "context", "level"),
    [
        ("My wife's temp is 38.6 after her infusion", {"on_active_treatment": True}, "emergency"),
        ("husband's temp is 38.2, he finished his chemo last year", None, "urgent"),
    ],
)
def test_the_person_whose_cancer_treatment_it_is_is_the_patient(
    text: str, context: dict[str, bool] | None, level: str
) -> None:
    assert assess(text, context=context).level.label == level


@pytest.mark.parametrize(
    "text",
    [
        "the bone scan showed spots on my spine and my back is a bit achy today",
        "my back hurts, only a 3, but the last scan showed the cancer has spread to my spine",
    ],
)
def test_cancer_in_the_spine_told_in_the_message_is_known_bone_metastases(text: str) -> None:
    a = assess(text)
    assert a.context.get("known_bone_metastases") is True
    assert "spinal-pain-flags" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "my back aches a bit, what if it has spread to my bones?",
        "my back aches a bit. the cancer never spread to my bones, thank goodness",
    ],
)
def test_cancer_in_the_bones_feared_or_denied_is_no_context(text: str) -> None:
    a = assess(text)
    assert not a.context.get("known_bone_metastases")
    assert a.level.label == "routine"


def test_a_twinge_under_the_left_breast_on_breathing_is_chest_pain() -> None:
    a = assess("sharp twinge under my left boob when I breathe deep, otherwise fine")
    assert "chest_pain" in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "Just read a leaflet about spinal cord compression. Back pain, weak legs, wetting yourself etc. "
        "Don't have any of that, just interesting.",
        "they asked about back pain and weak legs, none of that here",
    ],
)
def test_dont_have_any_of_that_denies_everything_just_listed(text: str) -> None:
    a = assess(text)
    assert a.level.label == "none"
    assert status_of(a, "back_pain") == {"negated"}


def test_the_main_character_in_my_book_coughing_blood_is_someone_else() -> None:
    a = assess("The main character in my book keeps coughing up blood. Guess how that ends")
    assert status_of(a, "hemoptysis") == {"other"}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my husband has a cough and in my chest there is a pain", "chest_pain"),
        ("my husband has a cough, in my opinion I have a fever", "fever"),
    ],
)
def test_in_my_chest_and_i_have_are_still_the_writer(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_none_of_my_tablets_helping_does_not_deny_the_pain_after_it() -> None:
    a = assess("None of my tablets are helping and the back pain is 9/10")
    assert "back_pain" in present(a)
    assert a.level.label == "urgent"


def test_swelling_settled_down_with_the_collar_named_after_is_resolved() -> None:
    a = assess("swelling's settled down, collar fits again")
    assert status_of(a, "face_neck_swelling") == {"resolved"}


def test_not_breathless_at_rest_only_when_walking_is_breathlessness() -> None:
    a = assess("not breathless at rest, only when walking, but it's worse than last week")
    assert "dyspnea" in present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize("text", ["not breathless, just tired", "no pain, just a bit stiff"])
def test_just_after_a_denial_that_names_no_circumstance_keeps_the_denial(text: str) -> None:
    assert status_of(assess(text), "dyspnea" if "breathless" in text else "pain") == {"negated"}


@pytest.mark.parametrize(
    ("text", "concept", "status"),
    [
        ("I've stopped coughing up blood since the radiotherapy", "hemoptysis", "resolved"),
        ("back pain was bad but the radiotherapy's sorted it", "back_pain", "resolved"),
        ("shivers have stopped and temp is back to 36.8", "chills", "resolved"),
        ("the woman next to me in the chemo suite had terrible diarrhoea", "diarrhea", "other"),
    ],
)
def test_ive_stopped_coughing_up_blood_is_over(text: str, concept: str, status: str) -> None:
    assert status_of(assess(text), concept) == {status}


def test_not_too_bad_is_mild_pain_not_no_pain() -> None:
    a = assess("back's not too bad, 2/10 today")
    assert "back_pain" in present(a)
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "that new film was sick, proper good",
        "I'm breathless with excitement, the scan was clear!!",
        "the weather's not too bad",
    ],
)
def test_a_sick_film_and_breathless_excitement_are_no_symptoms(text: str) -> None:
    assert assess(text).level.label == "none"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("went to A&E with my husband, he had chest pain, they sent him home", "chest_pain"),
        ("took my wife to the GP, she's got a temperature of 38.5", "fever"),
    ],
)
def test_he_after_going_with_my_husband_is_the_husband(text: str, concept: str) -> None:
    a = assess(text)
    assert status_of(a, concept) == {"other"}
    assert a.level.label == "none"


def test_caring_for_my_brother_he_is_still_the_patient() -> None:
    a = assess("caring for my brother, he keeps falling over and can't walk straight")
    assert a.level.label == "emergency"


# -- a what-if does not reach a later clause that tells what has happened ----------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("read about flu, and my legs have gone weak", "limb_weakness"),
        ("was reading up on sepsis, I've had the shivers since lunch", "chills"),
        ("what if it's the cancer spreading, my back has been agony since Tuesday", "back_pain"),
        ("in case you need to know, I coughed up a cupful of blood", "hemoptysis"),
        ("just in case it's important, my legs went numb an hour ago", "numbness"),
        ("in case you were wondering, I've got a cough", "cough"),
    ],
)
def test_a_clause_that_tells_what_has_happened_is_no_longer_the_what_if(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("what if I get a fever", "fever"),
        ("in case I cough up blood, what should I do", "hemoptysis"),
        ("what if my legs go weak, should I call?", "limb_weakness"),
        ("what should I do if my legs have gone weak", "limb_weakness"),
    ],
)
def test_a_what_if_still_covers_what_might_happen(text: str, concept: str) -> None:
    assert concept not in present(assess(text))
    assert "hypothetical" in status_of(assess(text), concept)
