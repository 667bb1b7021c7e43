"""Red-team set 22's classes: red flags told by images (clots like jelly, urine like a red
drink, breathing heard from another room), by what no longer works (feet that cannot feel the
pedals, words that run out before the breath), by household measures ("a good cupful"), by
time lost or a floor woken on; and the near misses beside each.

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
        "coughed up some dark red jelly bits after lunch",
        "brought up some dark red jelly stuff when I coughed this morning",
        "coughed and there were lumps like blackcurrant jam in the tissue",
        "the phlegm has got liver coloured blobs in it",
    ],
)
def test_clots_told_as_jelly_or_jam_in_what_is_coughed_up_are_a_large_bleed(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["I had raspberry jelly with my tea", "made red jelly for the grandkids party"],
)
def test_jelly_on_the_table_is_no_blood(text: str) -> None:
    a = assess(text)
    assert "bleeding" not in present(a)
    assert "hemoptysis" not in present(a)
    assert a.level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "his pee looks like red wine today",
        "my urine is the colour of cranberry juice",
        "my wee, it looks like blackcurrant",
    ],
)
def test_urine_the_colour_of_a_red_drink_is_blood_in_it(text: str) -> None:
    assert "bleeding" in present(assess(text, context=CARER))


def test_urine_like_a_red_drink_with_clots_is_an_emergency() -> None:
    assert assess("my pee looks like red wine and there are little clots in it").level is Level.EMERGENCY


def test_drinking_a_red_drink_is_no_blood() -> None:
    assert "bleeding" not in present(assess("drinking ribena and my wee is fine"))


@pytest.mark.parametrize(
    "text",
    [
        "I seem to have mislaid a couple of hours this morning",
        "couldn't tell you how I ended up in the street, I was just there",
        "she can't say how she got home yesterday",
        "I cannot for the life of me remember how I came to be outside",
    ],
)
def test_time_or_place_lost_is_confusion(text: str) -> None:
    a = assess(text, context=CARER)
    assert "confusion" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I've mislaid my glasses again",
        "I don't know how I got through the day",
        "lost an hour to the clocks going back",
    ],
)
def test_things_mislaid_and_days_got_through_are_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "walking like I've had a skinful and I haven't touched a drop",
        "he's walking like someone who's had a few too many",
        "keep bumping into the walls in the hallway",
        "stotting off the walls on the landing",
    ],
)
def test_walking_like_a_drunk_told_by_the_drink_or_the_walls_is_a_gait_problem(text: str) -> None:
    a = assess(text, context=CARER)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the kids are bouncing off the walls today", "we had ten pints at the wedding"],
)
def test_lively_children_and_a_night_out_are_no_gait_problem(text: str) -> None:
    assert "gait_difficulty" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "you can hear his breathing from downstairs",
        "the wife says she can hear my breathing from the other room",
        "my breathing sounds like a rusty gate",
    ],
)
def test_breathing_heard_across_the_house_is_noisy_breathing(text: str) -> None:
    assert "wheeze" in present(assess(text, context=CARER))


def test_a_swollen_face_with_breathing_heard_from_the_next_room_is_an_emergency() -> None:
    text = "his face has puffed up like a hamster and I can hear his breathing from the next room"
    assert assess(text, context=CARER).level is Level.EMERGENCY


def test_neighbours_heard_through_the_wall_are_no_breathing() -> None:
    assert assess("can hear the neighbours through the wall").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "can't get more than 2 or 3 words out before I need a breath",
        "I can only manage three or four words then I have to take a breath",
        "every breath is so hard work for her",
        "her chest heaves with every breath",
        "his shoulders are going up and down with each breath",
    ],
)
def test_breathing_that_is_hard_labour_or_cuts_speech_short_is_severe(text: str) -> None:
    a = assess(text, context=CARER)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["gardening is such hard work", "I can only say a few words of Spanish"],
)
def test_hard_work_and_few_words_without_breath_are_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "can't feel the floor under my feet",
        "my feet can't feel the ground properly when I walk",
        "can't feel the clutch in the car",
    ],
)
def test_feet_that_cannot_feel_what_they_stand_on_are_numb(text: str) -> None:
    assert "numbness" in present(assess(text))


def test_back_pain_with_pedals_no_longer_felt_is_cord_compression() -> None:
    a = assess("my back's been bad for a fortnight and now I can't feel the brake properly in the car")
    assert "mscc-neuro" in a.rules
    assert a.level is Level.EMERGENCY


def test_a_difference_that_cannot_be_felt_is_no_numbness() -> None:
    assert "numbness" not in present(assess("can't feel the difference between the two paints"))


@pytest.mark.parametrize(
    "text",
    [
        "the drain site keeps oozing, I've gone through three dressings",
        "the line site is still seeping, changed 4 dressings today",
        "blood still coming through the bandage after an hour",
        "it's still soaking through the tea towel",
    ],
)
def test_a_line_or_wound_bleeding_through_dressings_is_a_major_bleed(text: str) -> None:
    a = assess(text)
    assert "bleeding" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the paint is still coming through the wallpaper", "the cheese is oozing"],
)
def test_paint_and_cheese_are_no_bleed(text: str) -> None:
    assert "bleeding" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "next thing I knew I was staring at the ceiling on the bathroom floor",
        "next thing I know he's face down on the carpet",
        "no idea how long she was out cold",
    ],
)
def test_coming_round_on_the_floor_or_time_out_is_a_faint(text: str) -> None:
    a = assess(text, context=CARER)
    assert "syncope" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["next thing I know it's Tuesday", "no idea how long I was in the queue"],
)
def test_time_flying_is_no_faint(text: str) -> None:
    assert "syncope" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "his wife says he was on the floor jerking",
        "she went stiff then started jerking",
        "bitten my tongue and I don't remember any of it",
    ],
)
def test_a_fit_told_by_what_was_seen_or_left_behind_is_a_seizure(text: str) -> None:
    a = assess(text, context=CARER)
    assert "seizure" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["I bit my tongue eating my dinner", "the dog was on the floor twitching in his sleep"],
)
def test_a_bitten_tongue_at_dinner_or_a_dreaming_dog_is_no_fit(text: str) -> None:
    assert "seizure" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I find myself praying each night that God will take me",
        "I pray every night that the Lord will take me in my sleep",
        "hoping each day the good Lord will call me home",
    ],
)
def test_a_nightly_prayer_to_be_taken_is_a_wish_to_die(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


def test_a_nightly_prayer_for_the_grandchildren_is_none() -> None:
    assert assess("I pray every night that God will keep my grandchildren safe").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "been sick and it looked like coffee grounds, a good cupful",
        "vomited a good mugful of blood",
        "sick that looked like coffee grounds, about a whole cup",
    ],
)
def test_a_household_measure_with_a_size_word_is_a_large_amount(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


def test_a_good_cupful_of_tea_is_none() -> None:
    assert assess("drank a good cupful of tea").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my tongue feels like sandpaper and I'm going through 4 bottles of water a day, no number 2 for days",
        "haven't been for a big job in 5 days and my mouth is like a desert",
        "getting through three jugs of squash a day, mouth like the Sahara, no number 2 since Monday",
    ],
)
def test_thirst_told_by_measure_or_a_dry_place_with_constipation_is_urgent(text: str) -> None:
    a = assess(text)
    assert {"thirst", "constipation"} <= present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["the weather's like the Sahara today", "the garden is like a desert after this summer"],
)
def test_weather_like_a_desert_is_no_thirst(text: str) -> None:
    assert "thirst" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "threw up at 7, 9, 11, 1, 3 and 5",
        "sick at 6, half 7, 9, 11, quarter to 1 and again just now",
        "he was sick at half 6, 8, quarter past 10, 12, 2 and again at 4",
    ],
)
def test_vomiting_told_as_a_list_of_bare_times_counts_each_time(text: str) -> None:
    a = assess(text, context=CARER)
    assert a.level is Level.URGENT
    assert "vomiting" in a.rules


@pytest.mark.parametrize(
    "text",
    [
        "sick at 6 this morning, ok since",
        "sick at 6, 8 and 10 this morning",
        "sick at heart about my brother",
    ],
)
def test_one_or_a_few_times_of_day_are_no_count_of_six(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "I am very thirsty and many many times going to toilet for urine",
        "many times I go to toilet to pass urine, even in the night, and always thirsty",
    ],
)
def test_a_learners_many_times_to_the_toilet_is_polyuria(text: str) -> None:
    a = assess(text)
    assert "polyuria" in present(a)
    assert a.level is Level.URGENT


def test_someone_elses_many_times_to_the_toilet_is_none() -> None:
    assert "polyuria" not in present(assess("my son goes to the toilet many times"))


@pytest.mark.parametrize(
    "text",
    [
        "my face has become rather full about the cheeks this week",
        "her cheeks look fuller this week",
        "my face seems puffier in the mornings lately",
    ],
)
def test_a_face_grown_full_or_round_is_a_swollen_face(text: str) -> None:
    a = assess(text, context=CARER)
    assert "face_neck_swelling" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize("text", ["the shopping bag is full", "my face is full of spots"])
def test_a_full_bag_or_a_spotty_face_is_no_swelling(text: str) -> None:
    assert "face_neck_swelling" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "tummy pain had me doubled over this morning",
        "the cramp in my tummy had me bent double",
        "the back pain had me on my knees this morning",
    ],
)
def test_a_pain_that_bends_the_body_double_is_severe(text: str) -> None:
    assert assess(text).level is Level.URGENT


def test_doubled_over_laughing_is_none() -> None:
    assert assess("I was doubled over laughing at the telly").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "walking to the shop I'm stopping at every lamppost to catch my breath, wasn't like that in May",
        "had to stop on the landing for a breather, never used to",
        "never used to stop on the stairs, now I'm hanging onto the banister halfway for a breather",
    ],
)
def test_stopping_for_breath_that_is_new_is_urgent(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["took a breather from the garden and had a cuppa", "the dog stops at every lamppost"],
)
def test_a_rest_from_work_or_a_dog_at_a_lamppost_is_no_breathlessness(text: str) -> None:
    assert "dyspnea" not in present(assess(text))


def test_used_to_stop_at_the_pub_is_none() -> None:
    assert assess("I used to stop at the pub on the way home").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my neck's been at me non stop for days",
        "back's been at me constantly since Friday, nothing touches it",
    ],
)
def test_a_spine_that_has_been_at_me_constantly_is_urgent(text: str) -> None:
    assert assess(text).level is Level.URGENT


def test_children_at_me_for_sweets_is_none() -> None:
    assert assess("the kids have been at me all day for sweets").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "every time I sneeze it's like someone sticking a knife in my back",
        "it's like somebody is twisting a knife into my lower back when I cough",
    ],
)
def test_a_knife_in_the_spine_on_a_sneeze_is_spinal_pain_on_straining(text: str) -> None:
    a = assess(text)
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


@pytest.mark.parametrize(
    "text",
    ["my leg, the calf, is big and red since yesterday", "his calf is big and hot and shiny"],
)
def test_a_calf_big_and_red_or_hot_is_a_swollen_calf(text: str) -> None:
    a = assess(text, context=CARER)
    assert "leg_swelling" in present(a)
    assert a.level is Level.URGENT


def test_a_calf_big_and_strong_from_cycling_is_none() -> None:
    assert "leg_swelling" not in present(assess("my calf is big and strong from cycling"))


@pytest.mark.parametrize(
    "text",
    [
        "stood on the bridge on my way home for a long time last night, didn't do anything",
        "sat on the cliff edge looking down for ages yesterday",
        "I stood at the edge of the platform for a long time this morning",
    ],
)
def test_standing_a_long_while_at_a_drop_is_a_wish_to_die(text: str) -> None:
    a = assess(text)
    assert "self_harm" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "stood on the bridge watching the fireworks last night",
        "we sat on the cliff top having a picnic",
        "I didn't do anything obviously wrong at the party",
    ],
)
def test_a_bridge_with_a_view_or_a_picnic_is_none(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["toes feel like I'm wearing cold wet socks all the time", "my hands feel like I've got thick gloves on"],
)
def test_feet_or_hands_that_feel_clad_are_numb(text: str) -> None:
    a = assess(text)
    assert "numbness" in present(a)
    assert a.level is Level.ROUTINE


def test_thick_socks_in_bed_are_none() -> None:
    assert assess("it's so cold I'm wearing thick socks in bed").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I donated blood for years before all this",
        "used to give plasma at the hospital every month",
        "really put my back into the gardening today, lovely afternoon",
        "the kettle's making a wheezy whistling sound, time for a new one",
        "the boiler keeps wheezing again lol",
    ],
)
def test_blood_given_effort_and_machines_are_none(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "that cough last week went completely, thanks",
        "the headache cleared altogether after a sleep",
    ],
)
def test_a_symptom_that_went_completely_is_resolved(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "watching the telly, bloke on it coughed up blood, had to switch off",
        "granddaughter fell off her bike, poor thing can't walk for a week. I'm fine",
        "my nephew sprained his ankle, poor lad can't walk on it",
    ],
)
def test_a_bloke_on_the_telly_or_a_relative_called_poor_thing_is_someone_else(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_a_carer_calling_the_patient_poor_thing_is_still_the_patient() -> None:
    a = assess("Mum fell this morning, poor thing can't walk now", context=CARER)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "chopped beetroot for soup, the kitchen looks like a murder scene",
        "spilled a bottle of red wine, the kitchen looks like a crime scene",
        "my fingers are stained red from the jam",
    ],
)
def test_a_scene_left_by_beetroot_wine_or_jam_is_no_bleed(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "nosebleed wouldn't stop, bathroom looks like a murder scene",
        "gashed my hand, the kitchen looks like a murder scene",
        # An everyday cut named first does not make the scene harmless.
        "cut my hand on a tin, kitchen looks like a murder scene",
        "sliced my finger opening a can and the worktop looks like a bloodbath",
    ],
)
def test_a_scene_left_by_a_bleed_is_still_a_large_bleed(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "couldn't lift the kettle this morning, left arm just wouldn't",
        "tried to grip the steering wheel but my right hand just won't",
    ],
)
def test_a_limb_on_one_side_that_just_wouldnt_is_one_sided_weakness(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["the car just wouldn't start", "I asked him to help but he just wouldn't"],
)
def test_a_car_or_a_person_that_wouldnt_is_no_weakness(text: str) -> None:
    assert "limb_weakness" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "I must say I have found myself rather short of breath whilst seated",
        "breathless even while at rest in my armchair",
    ],
)
def test_breathless_whilst_seated_is_at_rest(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["mother is not talking properly since afternoon", "he isn't speaking clearly since his nap"],
)
def test_not_talking_properly_is_speech_difficulty(text: str) -> None:
    a = assess(text, context=CARER)
    assert "speech_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


def test_not_talking_to_someone_after_a_row_is_none() -> None:
    assert assess("he's not talking to me since the row").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    ["my pad's soaked through every hour", "soaking a sanitary towel within the hour"],
)
def test_a_pad_soaked_within_the_hour_is_a_heavy_bleed(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("Any trouble passing urine?", "haven't been since yesterday"),
        ("Any trouble passing urine?", "not been all day"),
        ("Are you passing water ok?", "not been since last night"),
    ],
)
def test_not_been_in_answer_to_a_urine_question_is_retention(question: str, text: str) -> None:
    a = assess(text, question)
    assert "bladder_bowel_dysfunction" in present(a)
    assert a.level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["not been for a wee all day", "haven't passed a drop of water since this morning"],
)
def test_not_been_for_a_wee_is_retention(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


@pytest.mark.parametrize(
    ("question", "text"),
    [(None, "haven't been since yesterday"), (None, "the grandkids haven't been since Christmas")],
)
def test_not_been_with_no_urine_question_is_no_retention(question: str | None, text: str) -> None:
    assert "bladder_bowel_dysfunction" not in present(assess(text, question))


@pytest.mark.parametrize(
    "text",
    [
        "I was sick as a parrot when we lost the final",
        "he was absolutely sick as a parrot about the result",
        "my bank account is bleeding dry",
        "these energy bills are bleeding us dry",
    ],
)
def test_a_lost_final_and_a_drained_account_are_none(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_gums_bleeding_beside_a_dry_mouth_are_still_bleeding() -> None:
    assert "bleeding" in present(assess("my gums were bleeding and my mouth is dry"))


@pytest.mark.parametrize(
    "text",
    [
        "breathing like I've run up ten flights of stairs and I'm just sitting here",
        "panting like he's climbed a mountain and he's only sat in his chair",
    ],
)
def test_breathing_like_after_a_feat_while_sitting_is_breathless_at_rest(text: str) -> None:
    a = assess(text, context=CARER)
    assert "dyspnea" in present(a)
    assert a.level is Level.EMERGENCY


def test_running_up_the_stairs_like_twenty_again_is_none() -> None:
    assert assess("I ran up the stairs like I was twenty again").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "bit of a wobble on the stairs this morning, nothing major, back's playing up as usual",
        "had a couple of stumbles coming down the stairs today and my back aches",
    ],
)
def test_a_stoic_wobble_on_the_stairs_with_back_pain_is_cord_compression(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a)
    assert a.level is Level.EMERGENCY


def test_an_emotional_wobble_is_no_fall() -> None:
    assert assess("had a bit of a wobble at the clinic, cried in the car").level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "mother fell down, after that she is not remembering anything",
        "he is not recognising us since morning",
    ],
)
def test_a_learners_not_remembering_anything_is_confusion(text: str) -> None:
    assert assess(text, context=CARER).level is Level.EMERGENCY


def test_not_remembering_a_film_is_none() -> None:
    assert assess("I'm not remembering anything from the film").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "cut my finger on a knife and it won't stop",
        "nicked my thumb on a tin lid, it just won't stop bleeding",
        "cut myself on the bread knife and it still hasn't stopped",
    ],
)
def test_an_everyday_cut_that_will_not_stop_is_a_bleed_that_will_not_stop(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "cut my finger on a knife",
        "cut my finger chopping onions and can't stop crying",
        "cut myself on a knife and it won't stop hurting",
    ],
)
def test_an_everyday_cut_that_stops_or_hurts_is_no_large_bleed(text: str) -> None:
    assert assess(text).level < Level.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "wonder if it's worth carrying on",
        "not sure it's worth going on any more",
        "honestly don't know if it's worth going on. so tired",
        "life's not worth living like this",
    ],
)
def test_doubting_that_going_on_is_worth_it_is_a_wish_to_die(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "is it worth going on the trip next week",
        "not worth going on the bus, I'll get a taxi",
        "it's worth going on the waiting list",
    ],
)
def test_worth_going_on_somewhere_is_no_wish_to_die(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text", ["spots on my arms", "little red dots on his chest", "blotches all over my legs"]
)
def test_marks_on_the_skin_said_by_where_they_are_are_never_silent(text: str) -> None:
    assert assess(text).level is Level.ROUTINE


def test_spots_of_rain_are_nothing() -> None:
    assert assess("a few spots of rain on the window, might skip the walk").level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "cut my finger on a tin and it's still pouring, soaked 3 tea towels",
        "cut my hand with the bread knife, bled through two towels already",
    ],
)
def test_a_cut_on_a_thing_that_keeps_pouring_is_a_large_bleed(text: str) -> None:
    assert assess(text).level is Level.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "cut myself shaving",
        "cut my finger chopping onions, bled a bit but fine now",
        "can't stop laughing at this show",
    ],
)
def test_an_everyday_cut_that_stopped_or_laughter_that_will_not_is_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


def test_crying_that_will_not_stop_is_for_the_care_team_to_read() -> None:
    assert assess("I can't stop crying").level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    [
        "bottom went numb on that hard bench, fine once I got up",
        "leg went dead sitting cross legged, fine as soon as I stood up",
        "my mum would have a fit if she saw the state of my kitchen",
        "what temperature counts as a fever? just so I know for next time",
        "had a seizure 2 yrs ago, none since",
    ],
)
def test_numbness_gone_on_standing_an_angry_fit_a_question_and_old_history_are_nothing(text: str) -> None:
    assert assess(text).level is Level.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my bottom is numb and it stays numb when I get up",
        "had a fit this morning",
        "temp 38.5, what temperature counts as a fever?",
    ],
)
def test_the_same_words_told_as_now_still_count(text: str) -> None:
    assert assess(text).level >= Level.URGENT
