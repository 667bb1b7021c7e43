"""Symptoms told indirectly: by what people can no longer do, what others saw, sound-alike
spellings and dialect, and the past told beside the present (red-team set 11's classes).

Each test is named as the sentence it reads; the sentences are illustrations of a class,
not the development set's own.
"""

from __future__ import annotations

from vigil.escalation.triage import Level

from .conftest import assess, present, status_of

# -- sound-alike spellings and dictation errors ---------------------------------------------


def test_a_terrible_pane_in_my_side_i_cant_bare_is_severe_pain() -> None:
    a = assess("terible pane in my side, cant bare it")
    assert "pain" in present(a)
    assert a.level is Level.URGENT


def test_my_chest_is_paining_me_is_chest_pain() -> None:
    assert "chest_pain" in present(assess("my chest has been paining me since lunch"))


def test_reely_bad_hedake_is_a_severe_headache() -> None:
    assert assess("reely bad hedake today").level is Level.URGENT


def test_my_fase_is_swollen_and_i_cant_get_my_bref_is_airway_swelling() -> None:
    a = assess("my fase is all swollen and i cant get my bref")
    assert {"face_neck_swelling", "dyspnea"} <= present(a)
    assert a.level is Level.EMERGENCY


def test_shore_to_breath_sitting_still_is_breathlessness_at_rest() -> None:
    assert assess("shore to breath even sitting down").level is Level.EMERGENCY


# -- dialect ---------------------------------------------------------------------------------


def test_scots_face_swelt_up_and_pechin_is_swelling_with_breathlessness() -> None:
    a = assess("ma neck's aw swelt up an ah'm pechin")
    assert {"face_neck_swelling", "dyspnea"} <= present(a)


def test_scots_cannae_dae_this_anymair_is_a_wish_not_to_go_on() -> None:
    assert "self_harm" in present(assess("cannae dae this anymair"))


# -- passive wishes and plans ----------------------------------------------------------------


def test_id_rather_be_dead_than_start_another_cycle_is_self_harm() -> None:
    assert assess("I'd rather be dead than start another cycle").level is Level.EMERGENCY


def test_i_do_not_intend_to_see_christmas_is_self_harm() -> None:
    assert "self_harm" in present(assess("I do not intend to see Christmas"))


def test_i_dont_expect_to_see_christmas_is_a_prognosis_not_a_wish() -> None:
    assert "self_harm" not in present(assess("I dont expect to see Christmas, the doctor said months"))


# -- what they can no longer do, what others saw ---------------------------------------------


def test_my_son_says_im_dragging_my_left_foot_is_gait_difficulty() -> None:
    assert "gait_difficulty" in present(assess("my son says I'm dragging my left foot"))


def test_ive_gone_over_three_times_this_week_is_gait_difficulty() -> None:
    assert "gait_difficulty" in present(assess("I've gone over 3 times this week"))


def test_my_legs_have_turned_to_water_is_limb_weakness() -> None:
    assert "limb_weakness" in present(assess("my legs have turned to water"))


def test_back_ache_and_my_knee_keeps_going_from_under_me_is_cord_compression() -> None:
    a = assess("backache all week and my knee keeps going from under me")
    assert a.level is Level.EMERGENCY


def test_can_barely_make_it_to_the_loo_is_gait_difficulty() -> None:
    assert "gait_difficulty" in present(assess("can barely make it to the loo"))


def test_came_round_with_people_standing_over_me_is_syncope() -> None:
    assert "syncope" in present(assess("came round with people standing over me in the shop"))


def test_went_down_in_the_supermarket_is_syncope() -> None:
    assert "syncope" in present(assess("went down in the supermarket this morning"))


def test_cant_type_this_text_without_stopping_for_breath_is_severe_breathlessness() -> None:
    assert assess("can't type this text without stopping for breath").level is Level.EMERGENCY


def test_struggling_to_get_air_sitting_here_is_breathlessness_at_rest() -> None:
    assert assess("struggling to get air sitting here").level is Level.EMERGENCY


# -- the past told beside the present --------------------------------------------------------


def test_i_had_a_clot_once_years_ago_is_history() -> None:
    a = assess("I had a clot in my leg once, years ago, when I was pregnant. Nothing since.")
    assert a.level is Level.NONE


def test_i_coughed_up_blood_once_in_2018_is_history() -> None:
    a = assess("I coughed up blood once, in 2018, before the op.")
    assert status_of(a, "hemoptysis") == {"resolved"}


def test_chest_pain_like_when_i_had_my_heart_attack_in_2012_is_chest_pain_now() -> None:
    assert "chest_pain" in present(assess("chest pain like when I had my heart attack in 2012"))


def test_same_as_my_clot_last_year_swollen_calf_and_breathless_is_a_clot_now() -> None:
    a = assess("same as my clot last year, swollen calf, and this time I'm breathless")
    assert a.level is Level.EMERGENCY


def test_cutting_myself_again_like_when_i_was_a_teenager_is_self_harm_now() -> None:
    assert "self_harm" in present(assess("I've been cutting myself again like when I was a teenager"))


def test_had_pneumonia_like_five_years_ago_is_still_history() -> None:
    assert assess("had pneumonia like 5 years ago").level is Level.NONE


# -- formal, Indian and Jamaican English -----------------------------------------------------


def test_a_line_of_blood_in_my_expectoration_is_haemoptysis() -> None:
    assert "hemoptysis" in present(assess("a line of blood in my expectoration today"))


def test_he_is_talking_irrelevant_and_not_recognising_me_is_confusion() -> None:
    assert assess("since evening he is talking irrelevant, not recognising me").level is Level.EMERGENCY


def test_backache_and_urine_is_not_passing_is_cord_compression() -> None:
    assert assess("backache since 2 days, urine is not passing").level is Level.EMERGENCY


def test_blood_a_run_from_mi_gums_and_it_nah_stop_is_bleeding_that_will_not_stop() -> None:
    assert assess("blood a run from mi gums and it nah stop").level is Level.EMERGENCY


def test_nosebleed_showing_no_sign_of_stopping_is_major_bleeding() -> None:
    assert assess("my nose is bleeding and there is no sign of it stopping").level is Level.EMERGENCY


def test_blood_vomiting_large_quantity_is_major_bleeding() -> None:
    assert assess("blood vomiting, large quantity").level is Level.EMERGENCY


def test_clots_in_what_he_coughed_up_is_a_large_bleed() -> None:
    assert assess("there were clots in what he coughed up").level is Level.EMERGENCY


# -- fluids that will not stay down ----------------------------------------------------------


def test_unable_to_retain_any_fluids_is_vomiting_that_keeps_nothing_down() -> None:
    assert assess("I am unable to retain any fluids since morning").level is Level.URGENT


# -- hard negatives: products, papers, typing, stories, what was read or asked ---------------


def test_collected_my_lemsip_cold_and_flu_is_nothing() -> None:
    assert assess("Collected my Lemsip Cold and Flu, thanks").level is Level.NONE


def test_plenty_of_the_anadin_headache_left_is_nothing() -> None:
    assert assess("still plenty of the Anadin Headache left").level is Level.NONE


def test_the_breathe_right_strips_came_is_nothing() -> None:
    assert assess("the breathe right strips came today").level is Level.NONE


def test_a_copy_of_my_discharge_summary_is_nothing() -> None:
    assert assess("can I get a copy of my discharge summary").level is Level.NONE


def test_meant_36_point_5_fat_fingers_is_a_typo_not_a_swollen_hand() -> None:
    assert "face_neck_swelling" not in present(assess("sorry meant 36.5, fat fingers"))


def test_in_the_book_the_detective_coughs_up_blood_is_someone_else() -> None:
    assert assess("in my book the detective coughs up blood").level is Level.NONE


def test_the_surgeon_said_the_numbness_in_my_legs_is_from_the_op_is_mine() -> None:
    assert "numbness" in present(assess("the surgeon said the numbness in my legs is from the op"))


def test_the_leaflet_says_face_swelling_can_be_a_side_effect_is_no_finding() -> None:
    assert assess("the leaflet says face swelling can be a side effect").level is Level.NONE


def test_the_nurse_asked_about_blood_in_my_phlegm_is_no_finding() -> None:
    assert assess("the nurse asked about blood in my phlegm, there isn't any").level is Level.NONE


def test_asked_if_i_had_a_headache_i_dont_but_i_have_a_cough_is_the_cough() -> None:
    a = assess("the doctor asked if I had a headache, I don't, but I have a cough")
    assert "cough" in present(a)
    assert "headache" not in present(a)


def test_back_in_june_i_had_a_chest_infection_is_history() -> None:
    assert assess("Back in June I had a chest infection").level is Level.NONE


# -- someone else -----------------------------------------------------------------------------


def test_my_brother_rang_hes_been_sick_9_times_is_someone_else() -> None:
    a = assess("my brother rang, he's been sick 9 times today")
    assert status_of(a, "vomiting") == {"other"}


def test_mi_cousin_leg_swell_up_is_someone_else() -> None:
    assert assess("mi cousin leg swell up bad").level is Level.NONE


def test_my_sister_in_law_had_a_fit_is_someone_else() -> None:
    assert assess("my sister-in-law had a fit at work").level is Level.NONE


def test_feels_like_someones_kneeling_on_my_chest_is_still_mine() -> None:
    assert assess("feels like someone's kneeling on my chest").level is Level.EMERGENCY


# -- batch three: jargon half-remembered, images, a body part that "gets worse" --------------


def test_a_fever_of_38_point_4_after_kemo_is_neutropenic_fever() -> None:
    assert assess("temp 38.4, had kemo last week").level is Level.EMERGENCY


def test_my_countenance_is_puffy_and_im_breathless_is_airway_swelling() -> None:
    assert assess("my countenance is swollen and I'm breathless").level is Level.EMERGENCY


def test_back_aches_with_the_spinal_spots_they_found_is_same_day() -> None:
    assert assess("with the spine spots they found, my back aches a bit").level is Level.URGENT


def test_my_spine_goes_like_an_electric_shock_when_i_sneeze_is_back_pain_on_straining() -> None:
    a = assess("my spine goes like an electric shock when I sneeze")
    assert "back_pain" in present(a)
    assert a.level is Level.URGENT


def test_my_neck_is_getting_worse_is_worsening_neck_pain() -> None:
    assert assess("my neck is getting worse by the day").level is Level.URGENT


def test_the_ache_in_my_back_is_getting_worse_is_one_finding() -> None:
    assert present(assess("the ache in my back is getting worse")) == {"back_pain"}


def test_chest_feels_like_somebodys_kneeling_on_it_is_severe_chest_pain() -> None:
    assert assess("chest feels like somebody's kneeling on it").level is Level.EMERGENCY


def test_legs_gone_numb_from_the_hips_down_is_a_cord_sign() -> None:
    assert assess("legs gone numb from the hips down").level is Level.EMERGENCY


def test_low_on_energy_today_is_fatigue() -> None:
    assert "fatigue" in present(assess("really low on energy today"))


def test_im_flagging_is_fatigue_but_the_flowers_flagging_is_nothing() -> None:
    assert "fatigue" in present(assess("I'm flagging this week"))
    assert assess("the flowers are flagging").level is Level.NONE


def test_a_documentary_about_blood_clots_is_no_finding() -> None:
    assert assess("watched a documentary about blood clots, fascinating").level is Level.NONE


# -- images and in-laws ----------------------------------------------------------------------


def test_feels_like_somebody_is_stabbing_me_in_the_back_is_my_back_pain() -> None:
    assert "back_pain" in present(assess("feels like somebody is stabbing me in the back"))


def test_someones_had_a_fit_in_the_waiting_room_is_someone_else() -> None:
    assert assess("someone's had a fit in the waiting room, shaking all over").level is Level.NONE


def test_my_mother_in_law_has_a_high_temperature_is_someone_else() -> None:
    assert status_of(assess("my mother-in-law has a high temperature"), "fever") == {"other"}


def test_my_mother_has_a_high_temperature_is_still_the_patient() -> None:
    assert status_of(assess("my mother has a high temperature"), "fever") == {"present"}


def test_red_paint_all_over_the_kitchen_is_nothing() -> None:
    assert assess("red paint all over the kitchen floor").level is Level.NONE


def test_back_pain_full_stop_9_out_of_10_full_stop_is_severe() -> None:
    a = assess("Back pain. 9 out of 10. Nothing helps.")
    assert a.level is Level.URGENT
    assert any(f.concept == "back_pain" and "severe" in f.modifiers for f in a.findings)


def test_feeling_fine_full_stop_8_out_of_10_rates_nothing() -> None:
    assert assess("Feeling fine. 8/10").level is Level.NONE


def test_cant_feel_my_right_leg_from_the_hip_down_is_a_cord_sign() -> None:
    assert assess("can't feel my right leg, from the hip all the way down").level is Level.EMERGENCY


def test_tingling_in_my_right_leg_from_the_hip_down_stays_routine() -> None:
    assert assess("tingling in my right leg from the hip down").level is Level.ROUTINE


def test_four_loose_ones_since_breakfast_is_diarrhoea() -> None:
    a = assess("4 loose ones since breakfast")
    assert "diarrhea" in present(a)


# -- blood told by its look, and bumping into things -----------------------------------------


def test_coughing_up_pink_gunk_is_haemoptysis() -> None:
    assert "hemoptysis" in present(assess("coughing up pink gunk since last night"))


def test_sick_that_looks_like_coffee_grounds_is_bleeding() -> None:
    assert "bleeding" in present(assess("my sick looks like coffee grounds"))


def test_stools_gone_black_and_tarry_is_bleeding() -> None:
    assert "bleeding" in present(assess("stools have gone black and tarry"))


def test_keep_bumping_into_the_furniture_is_gait_difficulty() -> None:
    assert "gait_difficulty" in present(assess("I keep bumping into the furniture"))


def test_my_husband_had_to_lift_me_my_legs_gave_way_is_mine() -> None:
    assert assess("my husband had to lift me off the floor, legs just went").level is Level.EMERGENCY


def test_my_husband_has_a_cough_is_still_someone_else() -> None:
    assert status_of(assess("my husband has a cough"), "cough") == {"other"}


def test_the_novels_detective_has_a_fever_is_someone_else() -> None:
    assert assess("the novel's detective has a fever and keeps coughing").level is Level.NONE


def test_i_have_to_pretend_to_collapse_in_the_panto_is_no_finding() -> None:
    assert assess("in the panto I have to pretend to collapse").level is Level.NONE


def test_a_bad_dream_then_woke_up_gasping_for_breath_is_still_breathlessness() -> None:
    assert assess("had a bad dream and woke up gasping for breath").level is Level.EMERGENCY


# -- what others noticed, and signs told by their look ---------------------------------------


def test_my_son_says_i_wasnt_making_much_sense_is_confusion() -> None:
    assert "confusion" in present(assess("my son says I wasn't making much sense last night"))


def test_this_form_isnt_making_any_sense_is_nothing() -> None:
    assert assess("this form isn't making any sense to me").level is Level.NONE


def test_keep_forgetting_my_words_is_speech_difficulty() -> None:
    assert "speech_difficulty" in present(assess("I keep forgetting my words"))


def test_propped_up_on_three_pillows_to_breathe_is_breathlessness() -> None:
    assert "dyspnea" in present(assess("propped up on 3 pillows to breathe"))


def test_lips_have_a_bluish_tint_is_severe_breathlessness() -> None:
    assert assess("my lips have a bluish tint").level is Level.EMERGENCY


# -- dictation: "brief" for breathe, "fell" for feel, "hole" for whole -----------------------


def test_cant_brief_is_cant_breathe() -> None:
    assert assess("I cant brief").level is Level.EMERGENCY


def test_a_brief_headache_is_still_a_headache() -> None:
    assert assess("a brief headache this morning").level is Level.ROUTINE


def test_cant_fell_my_legs_is_loss_of_feeling() -> None:
    assert assess("cant fell my legs").level is Level.EMERGENCY


def test_my_hole_body_is_trembling_after_chemo_is_rigors() -> None:
    assert assess("my hole body is trembling, chemo on monday").level is Level.EMERGENCY


def test_the_shelf_fell_down_is_nothing() -> None:
    assert assess("the shelf fell down").level is Level.NONE


# -- instructions and general questions ------------------------------------------------------


def test_told_to_keep_an_eye_out_for_numbness_in_my_legs_is_no_finding() -> None:
    assert assess("I was told to keep an eye out for numbness in my legs").level is Level.NONE


def test_can_the_radiotherapy_make_your_legs_weak_is_a_question_not_a_finding() -> None:
    assert assess("can the radiotherapy make your legs weak?").level is Level.NONE


def test_told_to_check_for_blood_in_my_pee_and_there_is_some_is_bleeding() -> None:
    assert "bleeding" in present(assess("told to check for blood in my pee and there is some"))


# -- severity told by comparison -------------------------------------------------------------


def test_chest_pain_as_bad_as_my_heart_attack_is_severe_chest_pain() -> None:
    assert assess("chest pain as bad as my heart attack").level is Level.EMERGENCY


def test_chest_pain_not_like_my_heart_attack_is_not_severe() -> None:
    assert assess("chest pain, not like my heart attack, just a twinge").level is Level.URGENT


def test_cant_speak_on_the_phone_for_breathlessness_is_severe() -> None:
    assert assess("can't speak on the phone right now for breathlessness").level is Level.EMERGENCY


# -- the person written about is said not to be the patient ---------------------------------


def test_steve_has_chest_pain_he_is_not_under_you_is_someone_else() -> None:
    a = assess("Steve has crushing chest pain, he is not under you, what should he do")
    assert a.level is Level.NONE
    assert a.other_person_level is Level.EMERGENCY


def test_my_neighbour_isnt_your_patient_but_i_have_a_fever_is_my_fever() -> None:
    a = assess("my neighbour isn't your patient but he is vomiting, and I have a fever")
    assert status_of(a, "fever") == {"present"}
    assert status_of(a, "vomiting") == {"other"}


def test_her_mouth_has_drooped_to_one_side_is_a_one_sided_sign() -> None:
    assert assess("her mouth has drooped to one side").level is Level.EMERGENCY


def test_cannae_keep_watter_doon_is_vomiting_that_keeps_nothing_down() -> None:
    assert assess("sick again, cannae keep watter doon").level is Level.URGENT


# -- more of someone else, the news, and a year said after -----------------------------------


def test_our_toddler_has_a_high_temperature_is_someone_else() -> None:
    assert assess("our toddler has a high temperature").level is Level.NONE


def test_on_the_news_they_said_headaches_can_mean_a_stroke_is_no_finding() -> None:
    assert assess("on the news they said a sudden headache can mean a stroke").level is Level.NONE


def test_i_couldnt_walk_after_the_op_that_was_in_2019_is_history() -> None:
    assert assess("after the op I couldn't walk, that was in 2019").level is Level.NONE


def test_i_fainted_this_morning_that_was_at_10_is_now() -> None:
    assert assess("I fainted this morning, that was at 10").level is Level.EMERGENCY


def test_the_nurse_took_my_temp_and_it_was_38_point_7_is_a_fever() -> None:
    assert "fever" in present(assess("the nurse took my temp and it was 38.7"))


# -- the bladder told by what they can no longer tell ----------------------------------------


def test_cant_tell_when_i_need_a_wee_anymore_is_bladder_dysfunction() -> None:
    assert assess("I can't tell when I need a wee anymore").level is Level.EMERGENCY


def test_pants_were_wet_and_i_never_noticed_is_bladder_dysfunction() -> None:
    assert assess("my pants were wet and I never noticed").level is Level.EMERGENCY


def test_collected_the_strepsils_sore_throat_is_nothing() -> None:
    assert assess("collected the Strepsils Sore Throat lozenges").level is Level.NONE


# -- dictation that hears a symptom as other words -------------------------------------------


def test_feeling_week_in_my_arms_is_limb_weakness() -> None:
    assert "limb_weakness" in present(assess("feeling week in my arms"))


def test_see_you_next_week_in_the_legs_class_is_nothing() -> None:
    assert assess("see you next week in the legs class").level is Level.NONE


def test_a_thread_of_blood_in_my_flem_is_haemoptysis() -> None:
    assert "hemoptysis" in present(assess("bit of blood in my flem"))


def test_awful_head_egg_is_a_headache() -> None:
    assert "headache" in present(assess("awful head egg all day"))


def test_dire_rear_9_times_is_diarrhoea() -> None:
    assert assess("dire rear 9 times today").level is Level.URGENT


def test_bladder_wont_empty_is_bladder_dysfunction() -> None:
    assert assess("my bladder won't empty").level is Level.EMERGENCY


def test_a_typo_for_chest_still_reads_as_chest() -> None:
    assert assess("realy bad pain in my chesd").level is Level.EMERGENCY


def test_he_or_she_after_someone_the_writer_worries_about_is_them() -> None:
    for text in (
        "I'm worried about my husband. He's very confused today",
        "Really concerned about my sister, she fainted twice at work",
        "it's my brother I'm worried about, he's been coughing up blood",
    ):
        assert assess(text).level == Level.NONE, text
    # A carer, or a parent named bare, writes of the patient.
    assert assess("caring for my brother, he keeps falling over").level == Level.EMERGENCY
    assert assess("Worried about Mum, she's very confused today").level == Level.EMERGENCY


def test_someone_who_fell_or_cut_themselves_is_the_subject_of_what_follows() -> None:
    for text in (
        "granddaughter fell off the trampoline, blood everywhere",
        "my husband slipped on the ice, can't get up",
        "neighbour cut his hand on the mower, it won't stop bleeding",
    ):
        assert assess(text).level == Level.NONE, text
    assert assess("fell in the garden, blood everywhere").level == Level.EMERGENCY
    assert assess("Dad fell and now he can't feel his legs").level == Level.EMERGENCY
