"""A question's `concepts:` names concepts of docs/triage.md, or the file is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigil.clinic import file as clinic_file

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "clinic.yaml"
DEMO = Path(__file__).resolve().parents[2] / "vigil" / "clinic" / "demo_clinic.yaml"


def _refusal(concepts: str) -> list[str]:
    text = EXAMPLE.read_text().replace("concepts: [limb_weakness, numbness]", f"concepts: {concepts}")
    with pytest.raises(clinic_file.ImportError_) as refused:
        clinic_file.parse(text, "clinic.yaml")
    return refused.value.lines


def test_a_concept_triage_does_not_know_is_refused_with_its_key_path_and_line() -> None:
    lines = _refusal("[limb_weakness, numbnes]")
    assert lines == [
        "clinic.yaml:84: protocols[0].questions[2].concepts[1]: "
        "'numbnes' is not a concept of docs/triage.md (e.g. back_pain, limb_weakness, fever)"
    ]


def test_a_modifier_named_as_a_concept_is_refused_saying_it_is_a_modifier() -> None:
    (line,) = _refusal("[back_pain, sudden]")
    assert "protocols[0].questions[2].concepts[1]: 'sudden' is a modifier" in line


def test_every_concept_of_docs_triage_md_is_accepted() -> None:
    listed = clinic_file.triage_concepts()
    assert {"back_pain", "limb_weakness", "fever", "self_harm", "nurse_request"} <= listed
    assert "unrecognised" not in listed
    text = EXAMPLE.read_text().replace(
        "concepts: [limb_weakness, numbness]", f"concepts: [{', '.join(sorted(listed))}]"
    )
    assert clinic_file.parse(text).protocols[0].questions[2].concepts == sorted(listed)


def test_the_example_and_the_demo_clinic_name_only_known_concepts() -> None:
    clinic_file.load(EXAMPLE)
    clinic_file.load(DEMO)
