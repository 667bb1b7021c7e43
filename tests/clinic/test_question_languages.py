"""A protocol's questions in each language its patients speak: written as one string (English)
or per language, refused with their key path when the languages do not line up, and read in
the patient's language by one helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigil.clinic import file as clinic_file
from vigil.escalation.triage.texts import say
from vigil.scheduler.checkins import answer_buttons, answer_hint, ask, either_or
from vigil.scheduler.questions import languages_of, question_choices, question_text

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "clinic.yaml"
SCALE_ES = "¿Qué tan fuerte es hoy su dolor de espalda, de 0 (nada) a 10 (el peor)?"


def _with_first_question(lines: str) -> str:
    """The example clinic with its first question's text replaced by `lines` (indented YAML)."""
    text = EXAMPLE.read_text()
    start = text.index('        text:\n          en: "How bad is any back pain today')
    end = text.index("        concepts: [back_pain]", start)
    return text[:start] + lines + text[end:]


def _refused(text: str) -> list[str]:
    with pytest.raises(clinic_file.ImportError_) as refused:
        clinic_file.parse(text, "clinic.yaml")
    return refused.value.lines


def test_a_question_written_as_one_string_is_english_as_files_always_were() -> None:
    text = _with_first_question('        text: "How bad is any back pain today?"\n')
    text = text.replace("    language: es\n", "    language: en\n")  # Rosa would need Spanish
    question = clinic_file.parse(text).protocols[0].questions[0].model_dump(exclude_none=True)
    assert question["text"] == "How bad is any back pain today?"
    assert languages_of(question) == {"en"}
    assert question_text(question, "es") == "How bad is any back pain today?"  # a fallback only


def test_a_question_per_language_is_kept_as_written_and_read_in_the_patients_language() -> None:
    parsed = clinic_file.load(EXAMPLE)
    question = parsed.protocols[0].questions[0].model_dump(exclude_none=True)
    assert question["text"] == {
        "en": "How bad is any back pain today, from 0 (none) to 10 (worst)?",
        "es": SCALE_ES,
    }
    assert question_text(question, "es") == SCALE_ES
    assert question_text(question, "en").startswith("How bad")
    assert ask(question, "es", say) == SCALE_ES + " Responda con un número del 0 al 10."


def test_choices_per_language_are_index_aligned_and_buttons_map_back_by_place() -> None:
    text = _with_first_question(
        '        text: {en: "How is it?", es: "¿Como esta?"}\n'
        "        choices: {en: [Better, Same, Worse], es: [Mejor, Igual, Peor]}\n"
    ).replace("kind: scale ", "kind: choice", 1)
    question = clinic_file.parse(text).protocols[0].questions[0].model_dump(exclude_none=True)
    assert question_choices(question, "es") == ["Mejor", "Igual", "Peor"]
    assert answer_hint(question, "es", say) == " Responda Mejor, Igual, Peor."
    assert answer_hint(question, "en", say) == " Reply Better, Same, Worse."
    english = answer_buttons(question, "en", say)
    spanish = answer_buttons(question, "es", say)
    assert english is not None
    assert spanish is not None
    assert [row[0][1] for row in english] == [row[0][1] for row in spanish]  # the same answers
    assert [row[0][0] for row in spanish] == ["Mejor", "Igual", "Peor"]


@pytest.mark.parametrize(
    ("lines", "why"),
    [
        (
            '        text: {en: "How is it?", es: "¿Como esta?"}\n        choices: [Better, Worse]\n',
            "protocols[0].questions[0].choices: the text is given per language, so the choices must be "
            "too: {en: [...], es: [...]}",
        ),
        (
            '        text: {en: "How is it?", es: "¿Como esta?"}\n'
            "        choices: {en: [Better, Same, Worse], es: [Mejor, Peor]}\n",
            "protocols[0].questions[0].choices: the choices of each language go in the same order, so "
            "they must be as many: en has 3, es has 2",
        ),
        (
            "        text: How is it?\n        choices: {en: [Better, Worse], es: [Mejor, Peor]}\n",
            "protocols[0].questions[0].choices: choices per language need the text per language too "
            "({en: ..., es: ...})",
        ),
        (
            '        text: {en: "How is it?", fr: "Comment ca va?"}\n',
            "protocols[0].questions[0].text: 'fr' is not a language Vigil speaks (en, es)",
        ),
        (
            '        text: {en: "How is it?", es: ""}\n',
            "protocols[0].questions[0].text: es: must not be empty",
        ),
    ],
)
def test_languages_that_do_not_line_up_are_refused_with_their_key_path(lines: str, why: str) -> None:
    [line] = _refused(_with_first_question(lines))
    assert line.split(": ", 1)[1] == why
    assert line.startswith("clinic.yaml:")


def test_the_import_refuses_a_protocol_that_lacks_a_language_one_of_its_patients_needs() -> None:
    text = _with_first_question('        text: "How bad is any back pain today?"\n')
    [line] = _refused(text)
    assert line == (
        "clinic.yaml: patients.MRN-101552.language: patient MRN-101552 speaks es, but protocol "
        "'nsclc-weekly' has no es text for question back_pain: write it per language "
        "(text: {en: ..., es: ...}), or choose another protocol or language "
        "(protocols[0].questions[0].text)"
    )


def test_an_either_or_question_gets_no_yes_or_no_hint_in_either_language() -> None:
    assert either_or("Did the back pain start suddenly, or is it there all the time?")
    assert either_or("¿El dolor de espalda empezó de repente, o está ahí todo el tiempo?")
    assert either_or("¿El dolor de espalda empezo de repente, o esta ahi todo el tiempo?")
    assert either_or("¿Empezó de repente o está ahí todo el tiempo?")  # accents or not
    assert not either_or(
        "¿Tiene debilidad, adormecimiento u hormigueo en brazos o piernas, o le cuesta caminar?"
    )
    assert not either_or("Any fever or chills?")
    onset = {
        "kind": "yes_no",
        "text": {"en": "Sudden, or is it constant?", "es": "¿De repente, o es constante?"},
    }
    assert answer_hint(onset, "es", say) == ""
    assert answer_buttons(onset, "es", say) is None
    fever = {"key": "fever", "kind": "yes_no", "text": {"en": "Any fever?", "es": "¿Tiene fiebre?"}}
    assert answer_hint(fever, "es", say) == " Responda SÍ o NO."
    assert answer_buttons(fever, "es", say) == [[["Sí", "a:fever:0"], ["No", "a:fever:1"]]]
    assert answer_buttons(fever, "en", say) == [[["Yes", "a:fever:0"], ["No", "a:fever:1"]]]
