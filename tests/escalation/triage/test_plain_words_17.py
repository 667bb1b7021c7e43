"""Red-team set 17's classes and the older holdouts' leftovers: Scots texting ("masel",
"frae", "wullnae", "a hoast", "a sair heid", "the skitters", "feelin boakie"), and the near
misses beside each.

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development sets' own.
"""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Level

from .conftest import CARER, ON_TX, assess, present


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("the hoast is keeping me up at night", "cough"),
        ("a sair heid since Tuesday", "headache"),
        ("had the skitters all morning", "diarrhea"),
        ("feeling a wee bit boakie after the tablets", "nausea"),
    ],
)
def test_scots_words_for_symptoms_are_those_symptoms(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "ma legs wullnae hold me up",
        "I cannae lift masel aff the chair, legs have nae strength",
        "she cannae haud her water an her back's agony",
        "her legs willnae carry her tae the door",
    ],
)
def test_scots_legs_that_will_not_hold_are_cord_signs(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY


def test_scots_bleeding_from_the_back_passage_is_bleeding() -> None:
    assert "bleeding" in present(assess("bleeding frae the back passage since this morning"))


@pytest.mark.parametrize(
    "text",
    [
        "nae hoast the day, breathin's grand",
        "the wean has a hoast, I'm fine masel",
        "walked tae the shops w/o getting puffed",
    ],
)
def test_scots_denials_and_someone_elses_cough_are_not_urgent(text: str) -> None:
    a = assess(text)
    assert "cough" not in present(a)
    assert "dyspnea" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "grazed my knee in the garden and it has bled through four plasters",
        "nicked my ear shaving, bleeding through several tissues",
        "my nose keeps filling up with blood no matter what I do",
        "there's blood in the loo, the entire pan went red",
        "bleeding from my bottom, the bowl's full o blood",
    ],
)
def test_bleeding_that_soaks_cloths_or_fills_a_vessel_is_major(text: str) -> None:
    a = assess(text)
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "cut my finger peeling potatoes, all fine now",
        "my mouth keeps filling up with spit",
        "my back aches no matter what I do",
        "drank beetroot juice and the whole bowl went red",
    ],
)
def test_everyday_cuts_spit_and_stubborn_aches_are_not_major_bleeding(text: str) -> None:
    a = assess(text)
    assert "bleeding-major" not in a.rules
    assert a.level < Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("threw up twice at breakfast, twice after lunch and twice at teatime", "vomiting"),
        ("vomited 4 times overnight and another 3 since I got up", "vomiting"),
        ("runny poo three times this morning and four more this afternoon", "diarrhea"),
    ],
)
def test_counts_told_in_parts_of_the_day_add_up(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "sick twice this morning, four times today altogether",
        "vomited 3 times yesterday and 3 times today",
        "diarrhoea 3 times, another 2 days of this and I give up",
    ],
)
def test_a_days_total_or_another_day_does_not_add_up(text: str) -> None:
    a = assess(text)
    assert "vomiting" not in a.rules
    assert "diarrhea" not in a.rules


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("sick x7 tday", "vomiting"),
        ("watery poop 8 times since breakfast", "diarrhea"),
        ("my poo is like water, been 9 times", "diarrhea"),
    ],
)
def test_counted_sick_and_watery_poop_in_texting_words(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert a.level is Level.URGENT


def test_someone_elses_watery_poop_is_not_the_patients() -> None:
    assert "diarrhea" not in present(assess("the baby's poop is like soup today"))


@pytest.mark.parametrize(
    "text",
    [
        "lately I keep wishing I would not wake up",
        "every night I am praying never to wake",
        "I have asked God to take me, I am so tired",
        "just want Jesus to come and take me now",
        "I do not want to go on.",
    ],
)
def test_a_wish_not_to_wake_or_to_be_taken_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "he would not wake up properly after his nap",
        "praying the scan takes this worry away",
        "I do not want to go on the bus to clinic",
        "we do not wish to go on the waiting list",
    ],
)
def test_sleepiness_hope_and_trips_are_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "38.1 on the thermometer just now",
        "39 on the ear thermometer",
        "feel rough, 38 on the dot",
    ],
)
def test_a_number_read_off_a_thermometer_is_a_temperature(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert "fever" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "appointment at 10 on the dot",
        "36.9 on the thermometer, feeling fine",
        "the taxi comes at 9 on the dot",
    ],
)
def test_clock_times_and_normal_readings_are_no_fever(text: str) -> None:
    assert "fever" not in present(assess(text, context=ON_TX))


@pytest.mark.parametrize(
    "text",
    [
        "she is struggling to say a whole sentence without stopping for breath",
        "I can barely get a few words out without gasping for air",
        "he can't finish telling me anything without pausing to catch his breath, even sat down",
    ],
)
def test_what_one_cannot_do_without_stopping_for_breath_is_breathlessness(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "can't walk to the postbox now without stopping to catch my breath, was fine a fortnight ago",
        "I can't get to the end of the road without stopping to catch my breath, I was ok till last week",
    ],
)
def test_a_walk_held_back_by_the_breath_is_new_breathlessness_not_a_gait_problem(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert "gait_difficulty" not in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "walked round the park without stopping for breath",
        "managed the stairs today without getting puffed",
        "can't walk without my stick these days",
    ],
)
def test_without_still_denies_where_nothing_is_beyond_reach(text: str) -> None:
    a = assess(text)
    assert "dyspnea" not in present(a)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("bk agony tonight, 8/10", "spinal-pain-flags"),
        ("she keeps complaining of her back and now her legs feel numb", "mscc-neuro"),
        ("pins and needles in both feet, back still grumbling", "mscc-neuro"),
        ("my spine has been relentless all week", "spinal-pain-flags"),
        ("back's been constant since Sunday, no let up", "spinal-pain-flags"),
    ],
)
def test_a_back_told_in_shorthand_complaint_or_persistence_is_back_pain(text: str, rule: str) -> None:
    a = assess(text, context=CARER)
    assert "back_pain" in present(a)
    assert rule in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "he is always moaning about the telly",
        "my back is constantly against the pillow",
        "can you bk me in for next week",
    ],
)
def test_complaints_and_backs_that_are_not_pain_are_not_back_pain(text: str) -> None:
    assert "back_pain" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "breathless since Monday walking up hills. At rest I'm fine.",
        "short of breath on the stairs, at rest it's ok",
        "puffed when I hoover; at rest I feel alright",
    ],
)
def test_at_rest_followed_by_its_all_clear_is_not_breathless_at_rest(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert "breathing" not in a.rules


def test_at_rest_still_counts_when_it_is_breathless_there() -> None:
    assert "breathing" in assess("at rest I'm breathless too").rules


@pytest.mark.parametrize(
    "text",
    [
        "my trousers keep falling down, must be losing weight",
        "her hair keeps falling out in clumps",
        "things keep falling off the shelf in this wind",
    ],
)
def test_things_that_keep_falling_are_not_the_patient_falling(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" not in present(a)
    assert a.level < Level.URGENT


def test_a_patient_who_keeps_falling_still_falls() -> None:
    assert "gait_difficulty" in present(assess("Dad keeps falling in the kitchen", context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "If Mum's arms go weak, who do we ring?",
        "if my husband gets a temperature, is it 111?",
        "if dad starts being sick again do we come in",
    ],
)
def test_a_carers_what_if_about_the_patient_is_hypothetical(text: str) -> None:
    assert assess(text, context=CARER).level <= Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "feels like I'm drawing breath through a thin straw, and I'm sat still",
        "my breathing is terribly laboured and I stop every two words",
        "have to pause between every few words to breathe",
    ],
)
def test_breath_through_a_straw_or_broken_by_words_is_severe(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "can I have a straw for my drinks",
        "he reads every few words out loud to me",
    ],
)
def test_straws_and_words_without_breath_are_not_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my left eye's vision went all blur out of nowhere", "vision_change"),
        ("walking problems since Tuesday", "gait_difficulty"),
        ("she's holding on to the furniture to walk now", "gait_difficulty"),
        ("cannot control my motions today", "bladder_bowel_dysfunction"),
        ("had two accidents in my pants this morning", "bladder_bowel_dysfunction"),
        ("my feet feel full of pins since yesterday", "numbness"),
    ],
)
def test_other_words_for_sight_walking_bowels_and_tingling(text: str, concept: str) -> None:
    assert concept in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "spilt a tin of pins on the carpet",
        "the grandkids had an accident in the garden, all fine",
        "no walking problems at all",
    ],
)
def test_pins_accidents_and_denied_walking_are_not_findings(text: str) -> None:
    a = assess(text)
    assert not present(a) & {"numbness", "bladder_bowel_dysfunction", "gait_difficulty"}


@pytest.mark.parametrize(
    "text",
    [
        "she brings back every spoonful of soup",
        "vomits each sip of water we try",
        "he throws up every single drink",
    ],
)
def test_every_sip_thrown_up_is_unable_to_keep_fluids_down(text: str) -> None:
    a = assess(text, context=CARER)
    assert "vomiting" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "weeing all the time and I keep drinking, mouth like a desert",
        "she keeps needing a drink and is up peeing every hour",
    ],
)
def test_drinking_that_will_not_stop_with_peeing_is_hypercalcaemia(text: str) -> None:
    assert "hypercalcemia" in assess(text, context=CARER).rules


def test_advice_to_keep_drinking_is_not_thirst() -> None:
    assert "thirst" not in present(assess("keep drinking plenty, the nurse said"))


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("every morning, and now I'm being sick with them", "Any headaches this week?"),
        ("most mornings, and it's making me throw up", "Have you had any headaches?"),
    ],
)
def test_how_often_answers_yes(text: str, question: str) -> None:
    a = assess(text, question)
    assert "headache" in present(a)
    assert "head" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "sore throat, the lozenges mostly sorted it",
        "the back ache has almost gone",
        "cough nearly cleared up",
    ],
)
def test_an_end_not_yet_reached_leaves_the_finding_present(text: str) -> None:
    a = assess(text)
    assert a.level is Level.ROUTINE


def test_an_end_reached_resolves() -> None:
    assert assess("the back ache has gone").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "something doesn't feel right in my tummy, can't say what",
        "sleeping terribly, awake most of the night",
        "bit sweaty in bed at night lately",
        "feeling a bit off today, nothing I can put my finger on",
        "Dad's not eating much, leaves half his dinner",
        "her hair keeps falling out",
    ],
)
def test_vague_and_everyday_complaints_are_routine_not_silent(text: str) -> None:
    assert assess(text, context=CARER).level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "it doesn't feel right to bother you on a Sunday",
        "the cat isn't eating much",
        "feeling off my food",
    ],
)
def test_manners_pets_and_food_are_not_worry(text: str) -> None:
    assert "patient_worry" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "strange feeling in both legs, kind of numb and heavy",
        "both my legs, a bit weak and sort of numb",
    ],
)
def test_qualities_listed_after_the_legs_in_their_own_clause_are_the_legs(text: str) -> None:
    a = assess(text)
    assert a.level is Level.EMERGENCY


def test_qualities_in_a_clause_of_their_own_after_an_outing_are_not_the_legs() -> None:
    a = assess("walked the dog in the park, really heavy and tired")
    assert "limb_weakness" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "woke up on the landing not knowing how I got there",
        "she didn't know where she was when she woke",
        "he had no idea what year it was this morning",
    ],
)
def test_lost_in_place_or_time_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text, context=CARER))


def test_not_knowing_how_a_parcel_got_there_is_not_confusion() -> None:
    assert "confusion" not in present(assess("no idea how the parcel got there"))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("my chest is very painful tonight", "chest-pain"),
        ("gums so painful I can't chew, 8/10", "pain-severe"),
        ("my shoulder is really painful", "pain-severe"),
    ],
)
def test_very_painful_is_a_severe_pain_at_its_site(text: str, rule: str) -> None:
    assert rule in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "it was so painful to watch the match",
        "really painful to hear the news about my friend",
    ],
)
def test_painful_to_watch_or_hear_is_no_pain(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("can't eat a thing without being sick", "vomiting"),
        ("she can't lie down without coughing", "cough"),
        ("struggling to get dressed without getting breathless", "dyspnea"),
    ],
)
def test_what_one_cannot_do_without_is_there(text: str, concept: str) -> None:
    assert concept in present(assess(text, context=CARER))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("I'm that wabbit I cannae get up", "fatigue"),
        ("ma back's awfy sair the day", "back_pain"),
    ],
)
def test_more_scots_words_are_read(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_scots_naw_answers_no() -> None:
    a = assess("naw", "Any new weakness in your legs?")
    assert "limb_weakness" not in present(a)


def test_boaked_with_counts_in_parts_of_the_day_is_vomiting_six_times() -> None:
    a = assess("boaked twice this morning, twice at dinner and twice more tonight")
    assert "vomiting" in a.rules


def test_id_like_god_to_take_me_is_self_harm() -> None:
    assert "self_harm" in present(assess("I'd like God to take me tonight"))


def test_wishing_god_to_bless_someone_is_not_self_harm() -> None:
    assert "self_harm" not in present(assess("we'd love God to bless the nurses"))


@pytest.mark.parametrize(
    "text",
    [
        "vision in my left eye went all blur this morning",
        "sight out of his right eye has gone dark",
    ],
)
def test_one_eyes_sight_named_between_is_one_sided(text: str) -> None:
    a = assess(text, context=CARER)
    assert "neuro-acute" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "I keep drinking my Fortisip like you said",
        "he keeps drinking the tea I make, good sign",
    ],
)
def test_drinking_something_named_is_not_thirst(text: str) -> None:
    assert "thirst" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "sick twice last week, fine this week",
        "had a headache on Monday, ok since then",
        "diarrhoea at the weekend, all good the last few days",
    ],
)
def test_an_all_clear_dated_to_now_resolves(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_fine_this_morning_is_when_it_was_fine_not_now() -> None:
    assert assess("back pain, fine this morning but now awful").level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "squits 3 times this morning and 4 this afternoon",
        "vomited twice overnight, 2 at breakfast and 2 since lunch",
        "spewed x6",
    ],
)
def test_bare_counts_for_parts_of_the_day_and_spewed_add_up(text: str) -> None:
    a = assess(text, context=ON_TX)
    assert a.level is Level.URGENT


def test_a_count_for_another_day_is_not_added() -> None:
    assert assess("sick 3 times yesterday, 2 this morning").level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "whatever she drinks she brings straight back up",
        "everything he swallows he throws up",
    ],
)
def test_everything_drunk_brought_back_up_is_no_fluids_kept_down(text: str) -> None:
    assert "vomiting" in assess(text, context=CARER).rules


@pytest.mark.parametrize(
    "text",
    [
        "some days I wish everything would just end",
        "praying it will all be over soon, I'm done",
    ],
)
def test_wishing_it_all_would_end_is_self_harm(text: str) -> None:
    assert "self_harm" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I wish this would stop, the nausea is awful",
        "I want the chemo to be over",
        "hoping the pain will stop soon",
    ],
)
def test_wishing_a_symptom_or_treatment_would_end_is_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "temperature 38.3, my second round of chemo ended 4 days ago",
        "38.4 on the thermometer, finished the immunotherapy a couple of weeks ago",
    ],
)
def test_treatment_that_ended_days_or_weeks_ago_is_recent_treatment(text: str) -> None:
    assert "neutropenic-fever" in assess(text).rules


def test_treatment_that_ended_months_ago_is_not_recent() -> None:
    a = assess("temperature 38.3, finished chemo 3 months ago")
    assert "neutropenic-fever" not in a.rules
    assert "fever" in a.rules


def test_scots_haud_on_is_only_waiting() -> None:
    assert assess("haud on a minute, I'll get my glasses").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I can hardly believe I got through the week without a headache",
        "couldn't have managed without my nurse",
        "can't imagine a day without being sick like last year, all fine now",
    ],
)
def test_a_cant_of_surprise_or_thanks_does_not_undo_without(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I was sick every day last month, now fine",
        "had a cough over Christmas, now ok",
    ],
)
def test_now_fine_after_a_finding_resolves_it(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("For walking I need support of the wall now", "gait_difficulty"),
        ("mother needs support to walk since yesterday", "gait_difficulty"),
        ("my motion is coming without control", "bladder_bowel_dysfunction"),
        ("urine is passing without knowing since morning", "bladder_bowel_dysfunction"),
        ("I beg to inform my breathing is most difficult even at rest", "dyspnea"),
        ("I am feeling to die", "self_harm"),
    ],
)
def test_a_learners_words_for_red_flags(text: str, concept: str) -> None:
    a = assess(text, context=CARER)
    assert concept in present(a)
    assert a.level is Level.EMERGENCY


def test_loose_motion_counted_is_diarrhoea() -> None:
    assert "diarrhea" in assess("loose motion 8 times today").rules


@pytest.mark.parametrize(
    "text",
    [
        "the nurses gave me good support from the team",
        "slow motion replay of the match",
        "wall support bars fitted in the bathroom",
    ],
)
def test_support_and_motion_in_other_senses_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I regret I have passed a considerable quantity of blood from below",
        "bleeding from the back passage, a substantial amount",
    ],
)
def test_formal_words_for_a_lot_of_blood_are_a_large_amount(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


def test_a_significant_amount_of_waiting_is_nothing() -> None:
    assert assess("a significant amount of time waiting in clinic").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "It has been three days since my bowels opened and I feel queasy",
        "four days since his last poo, and he's sick to his stomach",
    ],
)
def test_days_since_the_bowels_opened_is_constipation(text: str) -> None:
    a = assess(text, context=CARER)
    assert "constipation" in present(a)
    assert "hypercalcemia" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "I'm fair puffed just sittin here",
        "she's puffed even lying in bed",
    ],
)
def test_puffed_at_rest_is_breathless_at_rest(text: str) -> None:
    assert "breathing" in assess(text, context=CARER).rules


@pytest.mark.parametrize(
    "text",
    [
        "the cushions are so puffed up",
        "my eyes look puffed up this morning",
    ],
)
def test_puffed_up_things_are_not_breathless(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


def test_scots_cannae_get_oot_his_chair_is_trouble_getting_up() -> None:
    assert "gait_difficulty" in present(assess("cannae get oot his chair this morning", context=CARER))


@pytest.mark.parametrize(
    "text",
    [
        "should Dad's legs go numb, do we ring 999?",
        "Should mum start being sick, what then?",
        "should he get a temperature overnight do we come in",
    ],
)
def test_a_conditional_should_about_the_patient_is_hypothetical(text: str) -> None:
    assert assess(text, context=CARER).level is Level.NONE


def test_a_should_question_about_tablets_keeps_the_symptoms_told() -> None:
    a = assess("should dad take his tablets, his back is killing him and his legs are weak", context=CARER)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I should like to go to sleep and never wake",
        "I have no desire to continue living",
        "I would welcome death now",
        "I just want to be with my late wife",
    ],
)
def test_a_wish_to_die_said_formally_is_self_harm(text: str) -> None:
    assert "self_harm" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I visited the grave to be with my late husband on his anniversary",
        "no desire to go to the party",
    ],
)
def test_visits_and_parties_are_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "the pad is saturated with blood every hour",
        "a nosebleed that has continued for ninety minutes",
        "blood trickling from the line site and it won't cease",
    ],
)
def test_bleeding_told_formally_as_soaking_or_lasting_is_major(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


def test_rain_that_will_not_cease_is_nothing() -> None:
    assert assess("the rain won't cease today").level is Level.NONE


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Sir my mother is not able to stand from yesterday", "gait_difficulty"),
        ("stool passing in bed without knowing", "bladder_bowel_dysfunction"),
        ("his breath is coming short even sitting", "dyspnea"),
    ],
)
def test_more_of_a_learners_words_for_red_flags(text: str, concept: str) -> None:
    a = assess(text, context=CARER)
    assert concept in present(a)
    assert a.level is Level.EMERGENCY


def test_cant_stand_the_heat_is_no_trouble_standing() -> None:
    assert "gait_difficulty" not in present(assess("I can't stand from the heat in this ward"))
