"""Spanish classes a writer of hard single messages (es_dev12) found missing: the belly in every
region's word, the numb state said before the trunk, soiling "sin sentir", the clitic before
the past of "poder", shaking under the blankets, heaviness in Spanglish and in a heavy stuff,
not waking preferred to living so, a faint with time lost on the floor, the way home lost,
breathlessness noticed in oneself, the runs in Andean words, each region's strong word, a word
cut short, a staining food or medicine named. Each with fresh wordings and a near miss. Our
own sentences, never a bench's."""

from __future__ import annotations

from typing import Any

import pytest

from vigil.escalation.triage import Assessment, default_engine

TREATED = {"on_active_treatment": True}


def assess(text: str, context: dict[str, Any] | None = None) -> Assessment:
    return default_engine("es").assess(text, None, context)


def level(text: str, context: dict[str, Any] | None = None) -> str:
    return assess(text, context).level.label


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.status == "present"}


def words(text: str) -> list[str]:
    return [t.norm for t in default_engine("es").reader.tokenize(text)]


# -- the belly in every region's word --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tengo la guatita revuelta desde la mañana",
        "se me revolvió la barriga con el caldo",
        "ando con la tripa revuelta",
    ],
)
def test_the_belly_stirred_in_any_regions_word_is_nausea(text: str) -> None:
    assert "nausea" in present(assess(text))


def test_scrambled_eggs_are_no_stirred_belly() -> None:
    assert "nausea" not in present(assess("hice huevos revueltos para el desayuno"))


# -- the numb state said before the trunk ----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["traigo entumida toda la barriga desde ayer", "siento anestesiado el abdomen, como de corcho"]
)
def test_the_trunk_said_numb_before_its_name_is_a_cord_sign(text: str) -> None:
    assert level(text) == "emergency"


def test_a_sleepy_baby_on_the_belly_is_no_numbness() -> None:
    assert level("el bebé se quedó dormido en mi panza") == "none"


# -- soiled or wet without feeling -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "anoche se hizo pipí en la cama sin darse cuenta",
        "me hice caca sin sentirlo, me da pena contarle",
        "le duele la espalda y se hizo popó encima sin querer",
    ],
)
def test_soiling_without_feeling_is_the_sign_not_a_denial(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


def test_going_to_the_toilet_without_pain_is_no_soiling() -> None:
    assert "bladder_bowel_dysfunction" not in present(assess("hice del baño normal, sin dolor"))


@pytest.mark.parametrize(
    "text", ["no me pude aguantar la orina en el camión", "casi no me pude aguantar las ganas de hacer pipí"]
)
def test_the_clitic_before_the_past_of_poder_is_still_cannot(text: str) -> None:
    assert "bladder_bowel_dysfunction" in present(assess(text))


def test_laughter_not_held_is_no_bladder() -> None:
    assert level("no me pude aguantar la risa con mi nieto") == "none"


def test_wet_through_said_alone_is_wetting_oneself() -> None:
    assert "bladder_bowel_dysfunction" in present(assess("me mojé enterita, qué vergüenza"))


def test_wet_through_in_the_rain_is_nothing() -> None:
    assert level("me mojé entero con el aguacero") == "none"


# -- shaking with cold, under the blankets ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "achachay, estoy tiritando",
        "tengo mucho frío y estoy temblando",
        "tiemblo aunque estoy con dos frazadas",
        "qué frío, tiemblo",
    ],
)
def test_shaking_with_cold_on_treatment_is_the_fever_emergency(text: str) -> None:
    assert level(text, TREATED) == "emergency"


@pytest.mark.parametrize(
    "text", ["qué frío hace en Quito hoy", "estoy temblando de los nervios por los resultados"]
)
def test_the_weather_or_nerves_are_no_chills(text: str) -> None:
    assert "chills" not in present(assess(text, TREATED))


# -- heaviness in Spanglish and in a heavy stuff ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mis piernas como de piedra, no las levanto",
        "the legs bien heavy desde ayer",
        "los brazos como si fueran de cemento",
    ],
)
def test_limbs_said_heavy_in_spanglish_or_as_a_heavy_stuff_are_weak(text: str) -> None:
    assert "limb_weakness" in present(assess(text))


@pytest.mark.parametrize("text", ["la mochila del nieto está super heavy", "el pan me quedó como de piedra"])
def test_a_heavy_thing_is_no_weak_limb(text: str) -> None:
    assert level(text) == "none"


# -- not waking preferred to living so -------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["ojalá ya no despertarme", "así como estoy preferiría no amanecer", "pa vivir así mejor morirme"]
)
def test_not_waking_preferred_to_living_so_is_self_harm(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "prefiero no despertarme temprano el domingo",
        "prefiero morir en mi casa que en el hospital, cuando llegue el día",
    ],
)
def test_a_late_morning_or_a_wish_about_where_to_die_is_not_self_harm(text: str) -> None:
    assert "self_harm" not in present(assess(text))


# -- a faint with time lost on the floor -----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["me caí al suelo y no sé cuánto tiempo quedé", "a mi mamá le dio la pálida y se fue al suelo"]
)
def test_down_on_the_floor_with_time_lost_is_a_faint(text: str) -> None:
    assert "syncope" in present(assess(text))


def test_not_knowing_how_long_a_queue_took_is_no_faint() -> None:
    assert level("estuve en la fila de la farmacia, no sé cuánto tiempo estuve") == "none"


# -- the way home lost -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["se me olvida dónde vivo", "mi papá se perdió regresando de misa", "me perdí en mi propia colonia"],
)
def test_where_one_is_forgotten_or_the_way_home_lost_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text))


@pytest.mark.parametrize(
    "text", ["me perdí buscando el hospital nuevo", "se me olvidó dónde dejé las llaves"]
)
def test_a_new_place_or_lost_keys_are_no_confusion(text: str) -> None:
    assert "confusion" not in present(assess(text))


# -- breathlessness noticed in oneself -------------------------------------------------------


def test_breathlessness_noticed_and_more_so_is_worsening() -> None:
    a = assess("la noto más ahogadita a mi mamá")
    assert a.level.label == "urgent"


def test_drowned_in_debts_is_no_breathlessness() -> None:
    assert "dyspnea" not in present(assess("me noto ahogada en deudas este mes"))


@pytest.mark.parametrize(
    "text", ["me dejó sin aliento la final del domingo", "nos dejó sin palabras la sorpresa"]
)
def test_a_figure_of_speech_said_with_its_cause_after_is_no_breathlessness(text: str) -> None:
    assert level(text) == "none"


def test_left_breathless_by_the_stairs_is_still_breathlessness() -> None:
    assert "dyspnea" in present(assess("me dejó sin aire subir al segundo piso"))


# -- the runs in the Andes' and the Caribbean's words ----------------------------------------


@pytest.mark.parametrize("text", ["tengo cursera, unas 8 veces hoy", "una correntía de 9 veces desde anoche"])
def test_the_runs_in_regional_words_with_a_count_are_urgent(text: str) -> None:
    assert level(text) == "urgent"


def test_the_current_of_the_river_is_no_diarrhea() -> None:
    assert level("la corriente del río estaba fuerte") == "none"


# -- each region's strong word ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "un dolor arrecho en el hombro",
        "me duele la cadera del carajo",
        "tengo un dolor machazo en el tobillo",
        "dolor de los mil demonios en la muela",
    ],
)
def test_a_regions_strong_word_makes_a_pain_severe(text: str) -> None:
    assert level(text) == "urgent"


def test_a_mild_pain_stays_routine() -> None:
    assert level("me duele un poco la rodilla") == "routine"


# -- a word cut short ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cut", "whole"), [("piern", "pierna"), ("espald", "espalda"), ("calentur", "calentura")]
)
def test_a_word_cut_short_by_its_last_letter_is_the_word(cut: str, whole: str) -> None:
    assert words(cut) == [whole]


@pytest.mark.parametrize("word", ["vomit", "pedazo", "lugar"])
def test_a_tie_or_a_plural_is_never_made_of_a_word(word: str) -> None:
    assert words(word) == [word]


def test_blood_cut_short_in_spit_is_still_coughed_up() -> None:
    assert level("tosí y vi algo de sangr en el pañuelo") == "urgent"


# -- a staining food or medicine named -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "el pipí me salió rosado, pero anoche comí remolacha",
        "la caca oscura pero es por el sulfato ferroso que me dieron",
        "escupí medio rojo, me había tomado un jugo de arándano",
    ],
)
def test_a_colour_explained_by_a_staining_food_or_medicine_is_nothing(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    ["comí betabel pero tengo sangre en la orina", "popó negra y no tomo pastillas de hierro"],
)
def test_blood_named_or_the_medicine_denied_stays_a_bleed(text: str) -> None:
    assert "bleeding" in present(assess(text))


# -- the same states with any verb, and the regions' words for the legs -------------------


@pytest.mark.parametrize("text", ["quedé privadita en el patio", "me agarró un temblor de frío en la noche"])
def test_a_faint_without_the_clitic_or_a_shiver_named_as_a_noun_is_read(text: str) -> None:
    assert level(text, TREATED) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "mi abuelo ya no reconoce su propia casa",
        "no sé ni en qué mundo vivo, me confundo con todo",
        "la veo como ida",
    ],
)
def test_a_home_not_known_or_everything_mixed_up_is_confusion(text: str) -> None:
    assert "confusion" in present(assess(text))


def test_lost_in_a_lesson_is_no_confusion() -> None:
    assert "confusion" not in present(assess("estaba medio perdida en la clase de inglés"))


@pytest.mark.parametrize(
    "text", ["no siento las gambas", "se me durmieron las dos patas", "tengo toda la zanca dormida"]
)
def test_both_legs_or_a_whole_leg_in_regional_words_numb_is_a_cord_sign(text: str) -> None:
    assert level(text) == "emergency"


def test_sore_legs_from_walking_in_regional_words_stay_routine() -> None:
    assert level("me duelen las gambas de tanto caminar") == "routine"


@pytest.mark.parametrize("text", ["me siento aletargada y con mucha sed", "ando como atarantado desde ayer"])
def test_dullness_said_of_oneself_is_drowsiness(text: str) -> None:
    assert "drowsiness" in present(assess(text))


def test_dazed_by_news_is_no_drowsiness() -> None:
    assert level("estoy medio aturdida con la noticia de mi hijo") == "none"


def test_times_spelled_as_they_sound_still_count() -> None:
    assert level("tengo bómito, ya van 6 beses hoy") == "urgent"


# -- a heap in other regions' words, a blow as it goes on, knowing nothing more -----------


@pytest.mark.parametrize(
    "text", ["me duele caleta el hombro", "me duele full la cadera", "me duele la muela horrores"]
)
def test_a_heap_in_a_regions_word_makes_a_pain_severe(text: str) -> None:
    assert level(text) == "urgent"


def test_a_heap_of_people_is_nothing() -> None:
    assert level("había caleta de gente en el consultorio") == "none"


def test_a_heap_of_blood_coughed_is_a_large_amount() -> None:
    assert level("anoche tosí caleta de sangre") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "me duele el costado como si me estuvieran apuñalando",
        "me duele la rodilla como si me dieran martillazos",
    ],
)
def test_a_blow_said_as_it_goes_on_is_a_severe_pain(text: str) -> None:
    assert level(text) == "urgent"


@pytest.mark.parametrize(
    "text", ["me fui de cara en la banqueta y ya no supe nada", "no supe más de mí hasta la ambulancia"]
)
def test_knowing_nothing_more_after_going_down_is_a_faint(text: str) -> None:
    assert "syncope" in present(assess(text))


def test_no_news_of_someone_is_no_faint() -> None:
    assert level("no supe más de mi primo desde la boda") == "none"


# -- legs that falter, a foot that drops, leaks in the plural, the bottom's words ----------


@pytest.mark.parametrize(
    "text",
    [
        "me flaquean las rodillas y me duele la espalda",
        "se le cae el pie derecho al caminar",
        "se me escapan los pedos y la caca sin querer",
        "ya no le baja la orina desde ayer",
        "tengo las nachas dormidas",
        "tengo pain en el lower back y numbness en las piernas",
    ],
)
def test_cord_signs_in_more_regions_words_are_emergencies(text: str) -> None:
    assert level(text, {"writer": "carer"} if " le " in f" {text} " else None) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "se me salen las lágrimas con las novelas",
        "no hago pipí en baños públicos",
        "se me cae el pelo con la quimio",
    ],
)
def test_tears_public_toilets_or_hair_loss_are_no_cord_sign(text: str) -> None:
    assert level(text) in ("none", "routine")


# -- blood spat told by its colour, a crushing image, the air named as oxygen --------------


@pytest.mark.parametrize("text", ["toso y escupo medio rosado", "los gargajos me salen rojitos"])
def test_spit_or_phlegm_told_red_is_blood_coughed_up(text: str) -> None:
    assert level(text) == "urgent"


def test_spit_red_after_a_staining_drink_is_the_drink() -> None:
    assert level("escupí rojo pero me había tomado un vino tinto") == "none"


def test_blood_named_after_a_staining_drink_stays_blood() -> None:
    assert level("tosí sangre y eso que no tomé jamaica") == "urgent"


def test_a_crushing_image_on_the_chest_is_a_severe_chest_pain() -> None:
    assert level("siento una presión en el pecho como si tuviera un elefante sentado") == "emergency"


def test_oxygen_short_is_breathlessness() -> None:
    assert "dyspnea" in present(assess("siento que me falta el oxígeno"))


def test_dizzy_with_a_grandchilds_questions_is_a_figure() -> None:
    assert level("mis nietos me traen mareada con tantas preguntas") == "none"


# -- a staining food or medicine named in the next message ---------------------------------


def talk(*texts: str) -> Assessment:
    from vigil.escalation.triage import engines
    from vigil.escalation.triage.lines import _messages

    messages = _messages([{"text": t, "minutes": i} for i, t in enumerate(texts)])
    return engines.read_conversation(messages, None, "es").assessment


@pytest.mark.parametrize(
    "texts",
    [
        ("hice popó negrita esta mañana", "ah, es por el sulfato ferroso que me recetaron"),
        ("la orina me salió rosada", "ya me acordé, comí remolacha anoche"),
    ],
)
def test_a_staining_food_or_medicine_named_next_takes_the_blood_back(texts: tuple[str, str]) -> None:
    assert talk(*texts).level.label == "none"


@pytest.mark.parametrize(
    "texts",
    [
        ("hice popó negra", "¿será por las pastillas de hierro?"),
        ("tosí sangre", "aunque comí betabel"),
    ],
)
def test_a_food_wondered_about_or_blood_kept_leaves_the_blood(texts: tuple[str, str]) -> None:
    assert talk(*texts).level.label != "none"


# -- words spelled as they sound; the time said first ----------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("bista", "vista"), ("voca", "boca"), ("fuersa", "fuerza"), ("kaminar", "caminar"), ("ablar", "hablar")],
)
def test_a_word_spelled_as_it_sounds_is_the_word(typed: str, meant: str) -> None:
    assert words(typed) == [meant]


@pytest.mark.parametrize("word", ["hasta", "sierra", "ocho"])
def test_a_word_that_sounds_like_none_other_is_left_alone(word: str) -> None:
    assert words(word) == [word]


@pytest.mark.parametrize(
    "text", ["se me nubló la bista del ojo derecho de repente", "toy sin fuersa en las piernas"]
)
def test_an_emergency_spelled_as_it_sounds_is_still_read(text: str) -> None:
    assert level(text) == "emergency"


@pytest.mark.parametrize("text", ["ase un día q no ago pipí", "hace horas que mi esposo no puede orinar"])
def test_hours_or_days_said_first_without_passing_urine_is_a_cord_sign(text: str) -> None:
    assert level(text, {"writer": "carer"}) == "emergency"


@pytest.mark.parametrize("text", ["hace 3 días que no hago popó", "hace tiempo que no hago pipí de noche"])
def test_days_without_a_bowel_movement_or_no_night_wees_are_no_cord_sign(text: str) -> None:
    assert level(text) in ("none", "routine")


# -- not seeing someone is not meeting them ----------------------------------------------


@pytest.mark.parametrize("text", ["hace semanas que no veo a mis nietos", "ya casi no vemos a la familia"])
def test_not_seeing_a_person_is_no_change_in_sight(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize("text", ["no veo nada del ojo izquierdo", "de repente no veo bien"])
def test_not_seeing_said_of_the_sight_stays_a_change_in_vision(text: str) -> None:
    assert "vision_change" in present(assess(text))
