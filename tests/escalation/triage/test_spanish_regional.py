"""Spanish as it is texted across regions: each class of wording read as the spec says, with
the hard negatives that must not move (our own sentences, never the bench's)."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine

from .conftest import present


def assess(text: str, question: str | None = None, context: dict[str, bool] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None) -> str:
    return assess(text, question).level.label


# -- "nada más" / "nomás" is "only", not a denial ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("tengo tos seca, nada más", "cough"),
        ("diarrea dos veces nomás", "diarrhea"),
        ("me sangró la encía, unas gotitas namás", "bleeding"),
        ("ando con náuseas nada mas", "nausea"),
    ],
)
def test_nada_mas_and_nomas_mean_only_and_keep_the_symptom_present(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a), a.findings


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("tuve diarrea el lunes, ya nada más", "diarrhea"),
        ("me dolía la cabeza pero ya nada mas", "headache"),
    ],
)
def test_ya_nada_mas_still_says_the_symptom_is_over(text: str, concept: str) -> None:
    a = assess(text)
    assert concept not in present(a), a.findings


# -- legs that will not hold, walking to one side, soiling oneself -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto las piernas, me tengo que sentar",
        "las piernas no me aguantan desde ayer",
        "mi papá no aguanta las piernas al pararse",
    ],
)
def test_legs_that_will_not_hold_one_up_are_limb_weakness(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a), a.findings
    assert a.level.label == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "ando como borracho y eso que no tomo",
        "me voy de lado cuando camino",
        "se va para un lado al caminar, hay que sostenerla",
    ],
)
def test_veering_or_walking_like_a_drunk_is_gait_difficulty(text: str) -> None:
    a = assess(text)
    assert "gait_difficulty" in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "me hago pipí encima y no me doy cuenta",
        "se hace popó sin sentir desde ayer",
        "no he podido hacer del baño ni orinar desde anoche",
    ],
)
def test_soiling_without_feeling_or_passing_nothing_at_all_is_bladder_bowel_dysfunction(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" in present(a), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "me hago popó dos veces al día, normal",
        "cuando me hago pipí me arde un poco",
        "no aguanto el dolor de la pierna",
    ],
)
def test_everyday_toilet_habits_and_leg_pain_are_not_cord_signs(text: str) -> None:
    a = assess(text)
    assert "bladder_bowel_dysfunction" not in present(a), a.findings
    assert "limb_weakness" not in present(a), a.findings
    assert a.level.label != "emergency"


# -- regional words for places: lomo, paletillas, colita ---------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("me duele el lomo desde la semana pasada", "back_pain"),
        ("dolor entre las paletillas", "back_pain"),
        ("tengo dormida la colita", "saddle_numbness"),
        ("se me duermen las partes de abajo", "saddle_numbness"),
    ],
)
def test_regional_names_of_the_back_and_the_saddle_area(text: str, concept: str) -> None:
    assert concept in present(assess(text))


# -- breath: resuello, cannot finish a sentence, breath that catches ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no termino ni una frase sin parar a tomar aire",
        "hablo y no acabo la oración, me ahogo",
        "no alcanzo a terminar una frase",
    ],
)
def test_not_finishing_a_sentence_is_severe_breathlessness(text: str) -> None:
    a = assess(text)
    assert "breathing" in a.rules, a.findings


@pytest.mark.parametrize(
    "text",
    [
        "me falta el resuello",
        "se me traba la respiración",
        "se me corta el aire",
        "me canso para respirar",
        "de pronto me quedé sin resuello",
    ],
)
def test_regional_ways_of_saying_short_of_breath(text: str) -> None:
    a = assess(text)
    assert "dyspnea" in present(a), a.findings


def test_not_finishing_a_book_is_not_breathlessness() -> None:
    assert level("no termino el libro que me regalaron") == "none"


# -- chest: piquete, punza, bien intenso, clutching the chest -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "me dio un piquete en el pecho muy fuerte",
        "me punza el pecho de repente",
        "dolor en el pecho bien intenso",
        "un pinchazo en el pecho horrible",
    ],
)
def test_stabbing_chest_pain_said_regionally_is_an_emergency_when_severe_or_sudden(text: str) -> None:
    a = assess(text)
    assert "chest-pain" in a.rules, a.findings


@pytest.mark.parametrize(
    "text", ["tengo un piquetito en el pecho a veces", "me punza el pecho de vez en cuando"]
)
def test_a_mild_stab_in_the_chest_is_urgent_not_an_emergency(text: str) -> None:
    a = assess(text)
    assert "chest_pain" in present(a)
    assert a.level.label == "urgent"


def test_clutching_the_chest_is_chest_pain() -> None:
    assert "chest_pain" in present(assess("se agarra el pecho y está sudando"))


def test_a_mosquito_bite_on_the_arm_is_not_chest_pain() -> None:
    assert "chest_pain" not in present(assess("tengo un piquete de mosco en el brazo"))


# -- blood: more than a teaspoon, spoonfuls, a mouthful, clots, will not stop -------------------


@pytest.mark.parametrize(
    "text",
    [
        "escupí sangre, más que una cucharadita",
        "al toser me salieron como dos cucharadas de sangre",
        "tosí un buche de sangre",
    ],
)
def test_more_than_a_teaspoon_of_coughed_blood_is_major(text: str) -> None:
    a = assess(text)
    assert "hemoptysis-major" in a.rules, a.findings


@pytest.mark.parametrize(
    "text",
    ["escupí sangre, menos que una cucharadita", "tosí unas rayitas de sangre", "una cucharada de jarabe"],
)
def test_less_than_a_teaspoon_or_a_spoon_of_syrup_is_not_major(text: str) -> None:
    assert "hemoptysis-major" not in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "no le para la sangre de la herida",
        "me corté y la sangre no para",
        "me salen coágulos al orinar",
    ],
)
def test_bleeding_that_will_not_stop_or_clots_in_the_urine_are_major(text: str) -> None:
    a = assess(text)
    assert "bleeding-major" in a.rules, a.findings


def test_a_bleed_that_stopped_is_not_major() -> None:
    assert "bleeding-major" not in assess("me sangró la nariz pero ya paró").rules


# -- face and neck: swollen like a balloon, a collar that will not close, noisy breath ----------


@pytest.mark.parametrize(
    "text",
    [
        "tengo la cara como globo y me falta el aire",
        "la camisa ya no me abrocha del cuello y me cuesta respirar",
        "el cuello hinchado y hace un ruido raro al respirar",
        "cara hinchada y al respirar me silba",
    ],
)
def test_swollen_face_or_tight_collar_with_breathing_trouble_is_svc_airway(text: str) -> None:
    a = assess(text)
    assert "svc-airway" in a.rules, a.findings


def test_a_shirt_that_does_not_close_over_the_belly_is_not_neck_swelling() -> None:
    assert "face_neck_swelling" not in present(assess("el pantalón no me cierra, subí de peso"))


# -- head: tongue that catches, one eye, fainting ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("se me trabó la lengua y no me salían las palabras", "speech_difficulty"),
        ("se le nubló la vista de un ojo", "vision_change"),
        ("me quedé privado en la silla", "syncope"),
        ("se quedó privada un ratito", "syncope"),
    ],
)
def test_regional_words_for_neurological_emergencies(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a), a.findings
    assert a.level.label == "emergency"


# -- self-harm said softly ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sería mejor morirme de una vez",
        "me quiero ir de este mundo",
        "tengo ganas de ya no estar aquí",
        "quisiera desaparecer para siempre",
    ],
)
def test_a_wish_to_die_said_softly_is_self_harm(text: str) -> None:
    a = assess(text)
    assert "self-harm" in a.rules, a.findings


@pytest.mark.parametrize(
    "text",
    [
        "me muero de risa con mi nieto",
        "me quiero ir de vacaciones a la playa",
        "ya no estoy aquí, me mudé con mi hija",
    ],
)
def test_figures_of_speech_and_trips_are_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


# -- 0–10 questions written "(0–10)" ------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["¿Cuánto dolor tiene? (0–10)", "Dolor de espalda hoy, 0-10", "Su dolor, 0 / 10"]
)
@pytest.mark.parametrize("answer", ["0", "cero"])
def test_zero_to_a_spanish_scale_written_with_a_dash_denies_the_symptom(question: str, answer: str) -> None:
    a = assess(answer, question)
    assert a.findings, question
    assert all(f.status == "negated" for f in a.findings)
    assert a.level.label == "none"


@pytest.mark.parametrize("question", ["¿Cuánto dolor tiene? (0–10)", "Dolor de espalda hoy, 0-10"])
def test_a_score_to_a_spanish_scale_written_with_a_dash_is_still_scored(question: str) -> None:
    a = assess("8", question)
    assert any(f.score == 8 and f.present for f in a.findings)
    assert a.level.label == "urgent"


# -- who: relatives by marriage, "la paciente", people in a show -------------------------------


@pytest.mark.parametrize(
    "text",
    ["mi nuera tiene tos desde ayer", "mi yerno anda con diarrea", "mi sobrina tiene fiebre, yo estoy bien"],
)
def test_in_laws_and_nieces_are_someone_else(text: str) -> None:
    a = assess(text)
    assert not present(a), a.findings
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text",
    [
        "mi esposa la paciente vomitó 8 veces hoy",
        "mi abuelo, que es el paciente, tose sangre",
        "mi mamá (la paciente) tiene fiebre de 39",
    ],
)
def test_a_relative_named_as_the_patient_is_the_patient(text: str) -> None:
    a = assess(text)
    assert a.level.label in ("urgent", "emergency"), a.findings


@pytest.mark.parametrize(
    "text",
    [
        "en la telenovela al protagonista le dio un infarto",
        "en la película la actriz se desmayó, qué drama",
        "vi en la serie que el personaje tosía sangre",
    ],
)
def test_symptoms_of_people_in_a_show_are_not_the_patients(text: str) -> None:
    a = assess(text)
    assert a.level.label == "none", a.findings


def test_watching_a_show_does_not_hide_the_patients_own_symptom() -> None:
    a = assess("estaba viendo la novela y de repente me dio un dolor de pecho muy fuerte")
    assert "chest-pain" in a.rules


# -- urgent signs said regionally ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["escupo algo rosado al toser", "tosí una flema rosadita"])
def test_pink_sputum_is_hemoptysis(text: str) -> None:
    assert "hemoptysis" in present(assess(text))


def test_pink_cheeks_are_not_hemoptysis() -> None:
    assert "hemoptysis" not in present(assess("tengo las mejillas rosaditas"))


@pytest.mark.parametrize(
    "text",
    [
        "me falta el aire al caminar, eso nunca me pasaba",
        "me agito al barrer y antes no",
        "se fatiga para respirar al vestirse y antes no le pasaba",
    ],
)
def test_breathlessness_that_never_happened_before_is_new(text: str) -> None:
    a = assess(text)
    assert "dyspnea-new" in a.rules, a.findings


@pytest.mark.parametrize(
    "text",
    [
        "devuelvo hasta los traguitos de agua",
        "vomita hasta un sorbito de suero",
        "devolví hasta el trago de té",
    ],
)
def test_vomiting_even_sips_is_unable_to_keep_fluids_down(text: str) -> None:
    assert "vomiting" in assess(text).rules


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("he ido al baño suelto 8 veces hoy", "diarrhea"),
        ("tengo mucha sed y hago pipí cada media hora", "hypercalcemia"),
        ("estreñida y orino muchísimo", "hypercalcemia"),
    ],
)
def test_loose_stools_and_passing_urine_often_said_plainly(text: str, rule: str) -> None:
    a = assess(text)
    assert rule in a.rules, a.findings


def test_going_to_the_toilet_normally_is_not_diarrhea() -> None:
    assert "diarrhea" not in present(assess("fui al baño normal esta mañana"))


@pytest.mark.parametrize(
    "text",
    ["el dolor de pecho que tenía ya no lo tengo", "la tos ya no la tengo desde el martes"],
)
def test_ya_no_lo_tengo_says_the_symptom_is_over(text: str) -> None:
    a = assess(text)
    assert not present(a), a.findings


def test_ya_no_lo_tengo_about_one_symptom_keeps_another_present() -> None:
    a = assess("la tos ya no la tengo, pero me duele el pecho")
    assert "chest_pain" in present(a)


# -- routine complaints and requests that must not be silent -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "se me está cayendo el cabello",
        "me zumba el oído izquierdo",
        "tengo aftas en la boca",
        "todo me sabe a fierro",
        "tengo las manos peladas por la quimio",
        "siento un nudo en la garganta al tragar",
    ],
)
def test_side_effects_said_regionally_are_never_silent(text: str) -> None:
    assert level(text) == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "quiero platicar con una nurse",
        "me llaman por favor, tengo una duda",
        "que alguien de la clínica me llame",
    ],
)
def test_asking_to_be_called_is_a_nurse_request(text: str) -> None:
    assert "nurse_request" in present(assess(text))


@pytest.mark.parametrize("text", ["me llaman la atención esos zapatos", "alguien me llamó ayer, ya hablamos"])
def test_being_called_or_having_been_called_is_not_a_request(text: str) -> None:
    assert "nurse_request" not in present(assess(text))


# -- answers: "nada de eso", "nomás cuando..." ---------------------------------------------------

WALK = "¿Tiene dificultad para caminar?"
BLADDER = "¿Tiene problemas para orinar o para controlar la vejiga o el intestino?"


@pytest.mark.parametrize(
    "answer", ["nada de eso", "no, nada de eso", "no nada de eso", "ninguna de esas", "nada así"]
)
@pytest.mark.parametrize("question", [WALK, BLADDER])
def test_nada_de_eso_answering_a_screening_question_denies_it(answer: str, question: str) -> None:
    a = assess(answer, question)
    assert a.level.label == "none", a.findings
    assert not present(a)


def test_nada_de_eso_then_a_but_with_the_symptom_still_counts() -> None:
    assert assess("nada de eso, pero me cuesta caminar", WALK).level.label == "emergency"


@pytest.mark.parametrize("answer", ["nomás cuando camino", "namás al subir escaleras", "solo cuando camino"])
def test_nomas_cuando_answering_a_question_is_a_qualified_yes(answer: str) -> None:
    a = assess(answer, "¿Le falta el aire?")
    assert "dyspnea" in present(a), a.findings
    assert "breathing" not in a.rules


# -- one eye, words that catch ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo la vista borrosa de un ojo",
        "veo nublado por un solo ojo desde hoy",
        "se me traban las palabras",
        "no le sale lo que quiere decir",
    ],
)
def test_one_eye_and_words_that_catch_are_neuro_acute(text: str) -> None:
    assert "neuro-acute" in assess(text).rules


@pytest.mark.parametrize(
    "text", ["tengo un orzuelo en un ojo", "no encuentro las palabras para agradecerles"]
)
def test_a_stye_or_a_figure_of_speech_is_not_neuro_acute(text: str) -> None:
    assert "neuro-acute" not in assess(text).rules


@pytest.mark.parametrize(
    "text",
    ["coughing blood, como una taza", "coughing up blood y me falta el aire", "spitting blood otra vez"],
)
def test_spanglish_coughing_blood_is_hemoptysis_in_the_spanish_reading(text: str) -> None:
    assert "hemoptysis" in present(assess(text))


def test_spanglish_coughing_alone_is_only_a_cough() -> None:
    a = assess("coughing mucho en la noche")
    assert "hemoptysis" not in present(a)
    assert "cough" in present(a)


# -- reported speech about the writer, legs to water, falls, "fregado de la espalda" -----------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("mi esposo dice que hablo raro", "speech_difficulty"),
        ("mi hija dice que camino chueco", "gait_difficulty"),
    ],
)
def test_someone_saying_what_the_writer_does_is_about_the_writer(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_someone_saying_what_he_does_himself_stays_his() -> None:
    assert "speech_difficulty" not in present(assess("mi esposo dice que él habla raro desde la operación"))


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("las piernas se me hicieron agua", "limb_weakness"),
        ("se le hacen gelatina las piernas", "limb_weakness"),
        ("me fui de bruces en la banqueta", "gait_difficulty"),
        ("me di un sentón en la cocina", "gait_difficulty"),
    ],
)
def test_legs_turning_to_water_and_falls_said_regionally(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "se me hizo agua la boca",
        "me fui de boca con lo que dije",
        "el cuadro está chueco",
        "ando chueca de la cadera",
    ],
)
def test_mouth_watering_and_figures_of_speech_are_not_cord_signs(text: str) -> None:
    assert assess(text).level.label != "emergency"


@pytest.mark.parametrize(
    "text", ["ando bien jodido de la espalda", "ando fregada de la columna", "amolado del lomo"]
)
def test_being_in_a_bad_way_with_the_back_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text))


@pytest.mark.parametrize("text", ["estoy jodido con el trabajo", "ando fregada con tanto trámite"])
def test_being_in_a_bad_way_without_a_place_is_no_pain(text: str) -> None:
    assert not present(assess(text))


# -- Spain and the River Plate: pota, tripa, "re mal", "tenés que llamarme" ---------------------


@pytest.mark.parametrize("text", ["he echado la pota 7 veces hoy", "echo la papilla seis veces desde anoche"])
def test_echar_la_pota_is_vomiting_and_counts(text: str) -> None:
    assert "vomiting" in assess(text).rules


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("tenés que llamarme", "nurse_request"),
        ("necesito que me llamen hoy", "nurse_request"),
        ("me siento re mal", "patient_worry"),
        ("me siento super mal desde ayer", "patient_worry"),
    ],
)
def test_voseo_and_intensifiers_in_requests_and_worry(text: str, concept: str) -> None:
    assert concept in present(assess(text))


def test_tener_que_llamar_a_alguien_mas_is_no_request() -> None:
    assert "nurse_request" not in present(assess("tengo que llamar a mi hermana"))


@pytest.mark.parametrize("text", ["no tengo ganas de vivir así", "ya no tengo ganas de vivir"])
def test_no_wish_to_live_is_self_harm(text: str) -> None:
    assert "self-harm" in assess(text).rules


def test_wishing_to_live_long_is_not_self_harm() -> None:
    assert "self_harm" not in present(assess("tengo ganas de vivir muchos años más"))


def test_coffee_grounds_are_not_tiredness() -> None:
    a = assess("vomité algo como café molido")
    assert "fatigue" not in present(a)
    assert "vomiting" in present(a)


def test_low_blood_pressure_said_with_a_diminutive_is_never_silent() -> None:
    assert level("tengo la presión bajita") == "routine"


@pytest.mark.parametrize(
    "text", ["orino con sangre", "orino rojo desde ayer", "tengo la orina roja", "meo sangre"]
)
def test_blood_in_the_urine_said_with_the_verb_is_bleeding(text: str) -> None:
    assert "bleeding" in present(assess(text))


@pytest.mark.parametrize("text", ["orino con ardor", "orino bien, sin sangre", "orino claro"])
def test_urine_without_blood_is_no_bleeding(text: str) -> None:
    assert "bleeding" not in present(assess(text))


# -- "dijo que si...": instructions are hypotheticals; "no puedo" after "dice que" is the writer -


@pytest.mark.parametrize(
    "text",
    [
        "mi doctor dijo que si no puedo orinar llame",
        "la enfermera me explicó que si me da fiebre vaya a urgencias",
        "nos indicaron que en caso de que no pueda caminar avisemos",
    ],
)
def test_what_the_doctor_said_to_do_if_is_hypothetical(text: str) -> None:
    a = assess(text)
    assert a.level.label == "none", a.findings


def test_dijo_que_si_with_a_comma_is_a_yes_not_an_if() -> None:
    assert "neuro-acute" in assess("el doctor dijo que sí, que me desmayé").rules


@pytest.mark.parametrize(
    "text",
    [
        "mi hija dice que no puedo caminar bien",
        "mi esposo dice que casi no puedo respirar",
        "mi nieta dice que ya no veo bien de un ojo",
    ],
)
def test_a_relative_reporting_what_the_writer_cannot_do_is_about_the_writer(text: str) -> None:
    assert assess(text).level.label == "emergency"


@pytest.mark.parametrize(
    "text", ["mi esposo ya no puede caminar", "mi vecina no puede respirar bien, yo estoy bien"]
)
def test_a_relative_who_cannot_is_still_someone_else(text: str) -> None:
    assert assess(text).level.label == "none"


@pytest.mark.parametrize(
    "text",
    ["mamá está muy rara, no habla coherente", "desde anoche no dice nada con sentido", "habla sin sentido"],
)
def test_speech_that_makes_no_sense_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text))


@pytest.mark.parametrize("text", ["el discurso del político no tiene sentido", "la novela no tiene sentido"])
def test_things_that_make_no_sense_are_not_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text))


@pytest.mark.parametrize(
    "text", ["me caí de la risa con el video", "me sangran los oídos con esa música jaja"]
)
def test_falling_about_laughing_and_bleeding_ears_from_music_are_figures_of_speech(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", ["me caí en la cocina", "me sangran los oídos desde ayer"])
def test_a_real_fall_or_bleeding_ears_still_count(text: str) -> None:
    assert level(text) != "none"
