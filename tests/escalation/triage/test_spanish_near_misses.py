"""Spanish near misses: the two sides of the spec's distinctions told in ways the engine
read wrongly, each a class with fresh phrasings and the near miss that must stay as it was.
Our own sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, question, context)


def level(text: str, question: str | None = None, context: dict[str, Any] | None = None) -> str:
    return assess(text, question, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.present}


def mods(a: Assessment, concept: str) -> set[str]:
    return {m for f in a.present if f.concept == concept for m in f.modifiers}


# --- a pain in the perfect tenses is a pain ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("me ha dolido la cabeza toda la semana", "headache"),
        ("la espalda me ha dolido desde el lunes", "back_pain"),
        ("me había dolido mucho el cuello anoche", "neck_pain"),
        ("a mi papá le han dolido las piernas", "pain"),
    ],
)
def test_a_pain_told_in_the_perfect_tense_is_that_pain(text: str, concept: str) -> None:
    assert concept in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "estoy dolida con mi hija por lo que me dijo",
        "ya no me ha dolido la espalda",
        "no me ha dolido nada esta semana",
    ],
)
def test_hurt_feelings_or_a_denied_pain_in_the_perfect_is_no_pain(text: str) -> None:
    assert not present(assess(text))


# --- never before so much is the worst ever, not a denial -------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("nunca me había dolido tanto la cabeza", "headache"),
        ("nunca en mi vida había tenido un dolor de cabeza así", "headache"),
        ("jamás he sentido un dolor de espalda tan fuerte", "back_pain"),
        ("nunca me había dolido así la espalda", "back_pain"),
        ("jamás tuve un dolor de cabeza igual", "headache"),
    ],
)
def test_never_before_so_much_is_a_present_severe_new_pain(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert {"severe", "new"} <= mods(a, concept)
    assert a.level.label in {"urgent", "emergency"}


def test_never_short_of_breath_like_this_is_breath_short_now_and_severe() -> None:
    a = assess("nunca me había faltado tanto el aire")
    assert "dyspnea" in present(a)
    assert a.level.label == "emergency"


def test_never_before_said_with_who_felt_it_in_the_pluperfect_is_new_now() -> None:
    a = assess("nunca me había faltado el aire al subir la escalera")
    assert "new" in mods(a, "dyspnea")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("no recuerdo un dolor de cabeza así", "headache"),
        ("no me acuerdo de haber tenido un dolor de cabeza tan fuerte", "headache"),
        ("no había sentido nunca un dolor así en la espalda", "back_pain"),
        ("no había tenido un dolor de cabeza tan fuerte", "headache"),
    ],
)
def test_not_remembered_or_not_had_until_now_so_much_is_the_worst_ever(text: str, concept: str) -> None:
    a = assess(text)
    assert concept in present(a)
    assert "severe" in mods(a, concept)


@pytest.mark.parametrize(
    "text",
    [
        "no he tenido un dolor de cabeza así",
        "no había tenido nunca tos",
        "no recuerdo si tuve fiebre",
        "no tengo dolor de cabeza así que estoy bien",
    ],
)
def test_a_plain_no_or_a_no_without_a_comparison_still_denies(text: str) -> None:
    assert not present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "nunca he tenido dolor de cabeza",
        "no, nunca me ha faltado el aire",
        "nunca tuve dolor de cabeza así que no sé qué se siente",
        "nunca he tenido convulsiones",
    ],
)
def test_never_without_a_comparison_still_denies(text: str) -> None:
    assert not present(assess(text))


def test_never_so_much_in_the_present_habit_is_no_worst_ever() -> None:
    a = assess("nunca me duele tanto la cabeza como para tomar pastillas")
    assert "severe" not in {m for f in a.findings for m in f.modifiers}


# --- the regions' words for a choking spell are breathlessness --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "de pronto me agarró una ahogazón muy fea",
        "me dio un ahoguío anoche y no me dejaba hablar",
        "en la madrugada me viene una ahogadera",
        "tengo ahoguera cuando subo la cuesta",
    ],
)
def test_a_choking_spell_in_regional_words_is_dyspnea(text: str) -> None:
    assert "dyspnea" in present(assess(text))


def test_a_sudden_choking_spell_in_regional_words_is_an_emergency() -> None:
    assert level("de repente me dio una ahogazón") == "emergency"


def test_a_choking_spell_denied_in_regional_words_is_none() -> None:
    assert level("ya no me ha dado la ahoguera, gracias a dios") == "none"


# --- the wish to sleep and not wake, in the subjunctive ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ojalá me durmiera y ya no despertara",
        "a veces quisiera dormirme y no volver a despertar",
        "ojalá ya no despierte mañana",
        "solo quiero quedarme dormida para siempre",
        "ojalá me quedara dormido y ya no despertase",
    ],
)
def test_a_wish_to_sleep_and_not_wake_is_self_harm(text: str) -> None:
    assert "self-harm" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "ojalá pudiera dormir toda la noche sin despertarme",
        "ojalá me duerma temprano y despierte descansada",
        "quiero dormir y no despertarme hasta tarde mañana",
        "me duermo y no despierto hasta las diez",
    ],
)
def test_a_wish_for_a_good_night_is_no_self_harm(text: str) -> None:
    assert "self-harm" not in assess(text).rules


# --- the bowels and bladder said with a digit ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "llevo 3 días sin hacer del 2",
        "ya van cuatro días sin obrar",
        "no he hecho del dos desde el lunes",
        "no hago del 2 desde el domingo",
        "llevamos días sin ir de cuerpo",
    ],
)
def test_days_without_a_bowel_movement_said_any_way_is_constipation(text: str) -> None:
    assert "constipation" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["hoy hice del 2 normal", "ya hice del dos, todo bien", "no tengo problemas para hacer del 2"],
)
def test_a_bowel_movement_that_came_is_no_constipation(text: str) -> None:
    assert "constipation" not in present(assess(text))


def test_days_without_passing_urine_said_with_a_digit_is_a_cord_sign() -> None:
    assert "cord-signs" in assess("llevo 2 días sin hacer del 1").rules


# --- a belt of pain round the ribs is the band of spinal pain ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "siento como un cinturón de dolor alrededor de las costillas",
        "tengo una faja de dolor por la cintura",
        "es como una banda de dolor que me rodea el tronco",
        "traigo un cincho de dolor",
    ],
)
def test_a_belt_of_pain_round_the_trunk_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text))


def test_a_belt_of_pain_that_never_lets_up_is_urgent() -> None:
    a = assess("un cinturón de dolor alrededor de las costillas, todo el día, no se me quita")
    assert "spinal-pain-flags" in a.rules


def test_a_belt_of_pain_with_weak_legs_is_an_emergency() -> None:
    assert "mscc-neuro" in assess("una banda de dolor por la cintura y las piernas flojas").rules


def test_a_belt_of_pain_in_the_chest_is_still_chest_pain() -> None:
    assert "chest_pain" in present(assess("tengo como una faja de dolor en el pecho"))


def test_a_belt_bought_for_back_pain_is_no_band_of_pain() -> None:
    assert level("me compré una faja nueva para la cintura") == "none"


# --- a crick in the neck is neck pain -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "amanecí con el cuello torcido de dormir mal",
        "tengo tortícolis desde ayer",
        "se me torció el cuello en la almohada",
        "traigo el cuello duro",
    ],
)
def test_a_crick_in_the_neck_is_neck_pain(text: str) -> None:
    a = assess(text)
    assert "neck_pain" in present(a)
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "text", ["el cuadro quedó torcido", "ya no tengo el cuello torcido", "mi hijo tiene tortícolis"]
)
def test_a_crooked_picture_a_crick_gone_or_someone_elses_is_no_neck_pain(text: str) -> None:
    assert "neck_pain" not in present(assess(text))


# --- blood spat from the gums or nose is a bleed there, not from the lungs ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "escupí sangre pero creo que es de las encías",
        "escupo un poquito de sangre al lavarme los dientes",
        "escupí sangre, me parece que viene de la nariz",
        "escupo unas gotas de sangre, seguro es de la muela",
    ],
)
def test_blood_spat_that_the_writer_places_in_the_mouth_is_bleeding_not_hemoptysis(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" not in present(a)
    assert "bleeding" in present(a)
    assert a.level.label == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "escupí sangre esta mañana",
        "tosí sangre, creo que es de las encías",
        "escupí mucha sangre pero creo que es de las encías",
    ],
)
def test_blood_coughed_or_spat_without_a_mouth_source_or_a_lot_stays_from_the_lungs(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" in present(a)
    assert a.level.label in {"urgent", "emergency"}


# --- figures of speech with a red flag's words --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el Perito Moreno me dejó sin aliento, qué belleza",
        "la vista desde el cerro nos dejó sin aire, qué hermoso",
        "es tan bonito que me dejó sin palabras",
        "la vista me quitó el aliento, qué maravilla",
    ],
)
def test_breath_taken_away_by_beauty_is_no_breathlessness(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "subir al cerro me dejó sin aliento",
        "la caminata me dejó sin aliento y todavía me cuesta respirar",
        "subir la cuesta me quitó el aliento",
    ],
)
def test_breath_taken_away_by_a_climb_is_breathlessness(text: str) -> None:
    assert "dyspnea" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "en mi clase de francés no me salen las palabras jaja",
        "no me salen las palabras en inglés, qué vergüenza",
        "me cuesta mucho hablar en alemán todavía",
    ],
)
def test_words_that_wont_come_in_a_language_being_learnt_are_no_speech_difficulty(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    ["de repente no me salen las palabras", "me cuesta hablar desde ayer, se me traba la lengua"],
)
def test_words_that_wont_come_in_ones_own_tongue_stay_an_emergency(text: str) -> None:
    assert "neuro-acute" in assess(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "casi me desmayo cuando me dijeron que me había sacado la lotería",
        "por poco me desmayo de la emoción al ver a mi nieto",
        "casi me desmayo del susto con el perro",
    ],
)
def test_a_faint_nearly_had_from_news_or_feeling_is_nothing(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", ["casi me desmayo al levantarme", "casi me desmayo del dolor"])
def test_a_faint_nearly_had_on_standing_or_from_pain_is_read(text: str) -> None:
    assert level(text) != "none"


@pytest.mark.parametrize(
    "text",
    [
        "me sangra la cartera con tantas pastillas",
        "la billetera me llora este mes jaja",
        "me duele el bolsillo",
    ],
)
def test_a_purse_that_bleeds_or_hurts_is_money_spent(text: str) -> None:
    assert level(text) == "none"


def test_a_nose_that_bleeds_is_bleeding() -> None:
    assert "bleeding" in present(assess("me sangra la nariz desde hace rato"))


@pytest.mark.parametrize(
    "text",
    [
        "me dan náuseas cada vez que veo a ese presidente",
        "me dan ganas de vomitar cuando escucho a mi ex",
        "nomás de oír a ese diputado me da asco",
    ],
)
def test_disgust_at_a_person_seen_or_heard_is_no_nausea(text: str) -> None:
    assert "nausea" not in present(assess(text))


@pytest.mark.parametrize(
    "text",
    ["me dan ganas de vomitar cada vez que veo la comida", "nomás de ver la comida me dan náuseas"],
)
def test_nausea_at_the_sight_of_food_is_nausea(text: str) -> None:
    assert "nausea" in present(assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "qué dolor de cabeza el trámite del banco",
        "el seguro es un dolor de cabeza",
        "vaya dolor de cabeza con las facturas",
    ],
)
def test_a_trouble_called_a_headache_is_no_headache(text: str) -> None:
    assert "headache" not in present(assess(text))


@pytest.mark.parametrize("text", ["qué dolor de cabeza tengo", "qué dolor de cabeza tan fuerte desde anoche"])
def test_a_headache_exclaimed_is_a_headache(text: str) -> None:
    assert "headache" in present(assess(text))


# --- "si" opening an answer is the yes; "sí" with its accent always is --------------------------

NUMB_LEGS = "¿Siente adormecimiento en las piernas?"
FEVER = "¿Ha tenido fiebre?"
FACE = "¿Se le ha hinchado la cara o el cuello?"


@pytest.mark.parametrize(
    ("text", "question", "rule"),
    [
        ("si se me duermen las piernas todo el día", NUMB_LEGS, "cord-signs"),
        ("pues si se me duermen a ratos las dos piernas", NUMB_LEGS, "cord-signs"),
        ("si me sube la fiebre en las noches", FEVER, "fever"),
        ("si se me hinchó la cara ayer", FACE, "svc"),
    ],
)
def test_si_opening_an_answer_without_a_plan_after_it_is_the_yes(text: str, question: str, rule: str) -> None:
    assert rule in assess(text, question).rules


@pytest.mark.parametrize(
    "text",
    ["sí me da fiebre en las noches", "sí se me hincha la cara en la mañana"],
)
def test_si_written_with_its_accent_is_the_yes_even_without_a_question(text: str) -> None:
    a = assess(text)
    assert all(f.status != "hypothetical" for f in a.findings)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("si se me duermen las piernas le aviso", NUMB_LEGS),
        ("si me da fiebre qué hago?", FEVER),
        ("si me da fiebre llamo a urgencias?", FEVER),
        ("no, pero si me da fiebre le aviso", FEVER),
    ],
)
def test_si_going_on_to_what_the_writer_would_do_or_ask_is_the_if(text: str, question: str) -> None:
    assert level(text, question) == "none"


def test_si_without_a_question_or_an_accent_stays_the_if() -> None:
    assert level("si me da fiebre") == "none"


# --- the errand named with going to the toilet for it -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "llevo 3 días sin poder ir al baño a hacer popó",
        "no he podido ir al baño a hacer del 2 desde el viernes",
        "sin ir al baño a hacer caca desde el lunes",
    ],
)
def test_unable_to_go_to_the_toilet_to_open_the_bowels_is_constipation(text: str) -> None:
    assert "constipation" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["no puedo ir al baño a hacer pipí", "no he podido ir al baño a orinar desde anoche"]
)
def test_unable_to_go_to_the_toilet_to_pass_urine_is_a_cord_sign(text: str) -> None:
    assert "cord-signs" in assess(text).rules


def test_going_to_the_toilet_to_pass_urine_often_is_no_retention() -> None:
    assert "cord-signs" not in assess("voy al baño a hacer pipí a cada rato").rules


# --- an "if" that goes on to what to do is the what-if, said before its question ----------------


@pytest.mark.parametrize(
    "text",
    [
        "si me sangra la nariz y no para, ¿voy a urgencias o les llamo?",
        "si me da fiebre de 38 qué hago",
        "si las piernas se me ponen débiles debo ir al hospital?",
        "si tengo fiebre les aviso",
    ],
)
def test_an_if_going_on_to_what_to_do_is_hypothetical(text: str) -> None:
    a = assess(text)
    assert not present(a)
    assert a.level.label == "none"


@pytest.mark.parametrize(
    "text",
    [
        "me sangra la nariz y no para, ¿voy a urgencias?",
        "sí, me sangra la nariz y no para, ¿voy a urgencias?",
        "sí me sangra la nariz y no para, ¿voy a urgencias?",
    ],
)
def test_a_bleed_said_to_be_there_before_the_question_stays_an_emergency(text: str) -> None:
    assert "bleeding-major" in assess(text).rules


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("si no se me quita el dolor de espalda voy a urgencias", "back_pain"),
        ("si me duele más la cabeza le llamo", "headache"),
    ],
)
def test_an_if_that_says_the_thing_is_there_already_is_no_what_if(text: str, concept: str) -> None:
    assert concept in present(assess(text))


# --- more of the same classes, said other ways --------------------------------------------------


@pytest.mark.parametrize(
    "text", ["me duele la cabeza como nunca", "un dolor de espalda como nunca lo había sentido"]
)
def test_a_pain_like_never_before_is_severe(text: str) -> None:
    a = assess(text)
    assert any("severe" in f.modifiers for f in a.present)
    assert a.level.label == "urgent"


def test_eating_like_never_before_is_nothing() -> None:
    assert level("estoy comiendo como nunca") == "none"


@pytest.mark.parametrize("text", ["dolor en forma de cinturón", "un dolor tipo faja por la cintura"])
def test_a_pain_shaped_like_a_belt_is_back_pain(text: str) -> None:
    assert "back_pain" in present(assess(text))


def test_a_wish_that_god_would_take_one_in_ones_sleep_is_self_harm() -> None:
    assert "self-harm" in assess("ojalá Dios me llevara dormida").rules


def test_a_prayer_for_strength_is_no_self_harm() -> None:
    assert level("ojalá Dios me dé fuerzas para seguir con la quimio") != "emergency"


@pytest.mark.parametrize("text", ["me sangran las encías y escupo sangre", "escupo sangre de las encías"])
def test_blood_spat_from_bleeding_gums_is_bleeding(text: str) -> None:
    a = assess(text)
    assert "hemoptysis" not in present(a)
    assert a.level.label == "routine"


# --- a count said after the yes, past its comma ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "question", "rule"),
    [
        ("si, 8 veces desde la mañana", "¿Tiene diarrea?", "diarrhea"),
        ("sí, unas 7 veces", "¿Ha tenido diarrea hoy?", "diarrhea"),
        ("si, 6 veces hoy", "¿Ha vomitado?", "vomiting"),
    ],
)
def test_a_count_said_after_the_yes_is_how_many_times(text: str, question: str, rule: str) -> None:
    assert rule in assess(text, question).rules


@pytest.mark.parametrize(
    ("text", "question"),
    [("si, 2 veces", "¿Ha vomitado?"), ("si, y también tosí 8 veces", "¿Ha vomitado?")],
)
def test_a_few_times_or_another_things_count_after_the_yes_is_not_urgent(text: str, question: str) -> None:
    assert level(text, question) == "routine"


# --- a pain one cannot bear keeps its place ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("no aguanto el dolor de espalda, ni sentada ni acostada", "spinal-pain-flags"),
        ("ya no puedo con el dolor de cabeza", "head"),
        ("no soporto el dolor en el pecho", "chest-pain"),
    ],
)
def test_a_pain_one_cannot_bear_is_the_severe_pain_of_the_place_named(text: str, rule: str) -> None:
    assert rule in assess(text).rules


def test_a_pain_one_cannot_bear_with_no_place_is_a_severe_pain() -> None:
    assert "pain-severe" in assess("ya no aguanto el dolor").rules


def test_the_heat_one_cannot_bear_is_no_pain() -> None:
    assert level("no aguanto el calor de estos días") == "none"


# --- a band of pain with no article, sleep most of the day, blood brought up with the cough ------


def test_a_pain_like_a_belt_round_the_ribs_without_an_article_is_back_pain() -> None:
    assert "back_pain" in present(assess("un dolor como cinturón alrededor de las costillas"))


@pytest.mark.parametrize("text", ["mi papá duerme casi todo el día", "duermo prácticamente todo el día"])
def test_sleeping_most_of_the_day_is_drowsiness(text: str) -> None:
    assert "drowsiness" in present(assess(text))


def test_sleeping_well_all_night_is_no_drowsiness() -> None:
    assert "drowsiness" not in present(assess("dormí toda la noche de corrido"))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("toso y echo cuajarones de sangre", "hemoptysis-major"),
        ("tosí y saqué un poquito de sangre", "hemoptysis"),
        ("al toser escupo sangre", "hemoptysis"),
    ],
)
def test_blood_brought_up_after_a_cough_is_blood_from_the_lungs(text: str, rule: str) -> None:
    a = assess(text)
    assert rule in a.rules
    assert {"hemoptysis", "cough"} <= present(a)


def test_phlegm_brought_up_after_a_cough_is_no_blood() -> None:
    assert "hemoptysis" not in present(assess("toso y echo flemas amarillas"))
