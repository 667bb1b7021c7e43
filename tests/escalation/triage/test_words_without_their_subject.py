"""Words that carry a symptom only with their subject (docs/triage.md, "Findings"): a soaked
towel is a bleed only when it is blood that soaked it; a little blood with no site named is
still bleeding for a nurse to read; something that "won't work" is a weak limb only when it is
a limb, never a tap, a phone or a job."""

from __future__ import annotations

import pytest

from vigil.escalation.triage import Assessment, default_engine


def assess(text: str, language: str = "en") -> Assessment:
    return default_engine(language).assess(text, None, None)


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.status == "present"}


@pytest.mark.parametrize(
    "text",
    [
        "empapé la camisa de sudor anoche",
        "se me empapó la almohada, sudé muchísimo",
        "empapé la toalla en la ducha",
        "mi pijama empapado de sudor otra vez",
    ],
)
def test_a_cloth_soaked_with_no_blood_said_is_no_bleed(text: str) -> None:
    a = assess(text, "es")
    assert "bleeding" not in present(a)
    assert a.level.label != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "empapé dos toallas de sangre",
        "me sangra la nariz y ya empapé la toalla",
        "la gasa se empapó de sangre en diez minutos",
    ],
)
def test_a_cloth_soaked_with_blood_is_still_a_major_bleed(text: str) -> None:
    a = assess(text, "es")
    assert a.level.label == "emergency"
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("un poco de sangre", "es"),
        ("hilitos de sangre esta mañana", "es"),
        ("vi unas gotitas de sangre", "es"),
        ("a bit of blood", "en"),
        ("saw some blood this morning", "en"),
    ],
)
def test_a_little_blood_with_no_site_is_bleeding_to_read(text: str, language: str) -> None:
    a = assess(text, language)
    assert a.level.label == "routine"
    assert "bleeding" in present(a)


def test_a_little_blood_on_coughing_is_still_from_the_lungs() -> None:
    a = assess("al toser salen hilitos de sangre", "es")
    assert "hemoptysis" in present(a)
    assert a.level.label == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "the tap won't work",
        "my phone won't work since the update",
        "I'm not working at the moment",
        "the heating stopped working last night",
    ],
)
def test_a_thing_that_wont_work_is_no_symptom(text: str) -> None:
    a = assess(text)
    assert "fatigue" not in present(a)
    assert "limb_weakness" not in present(a)


@pytest.mark.parametrize(
    "text",
    [
        "my legs won't work",
        "left arm stopped working this morning",
        "his legs aren't working properly",
        "legs just not working today",
    ],
)
def test_a_limb_that_wont_work_is_weak(text: str) -> None:
    a = assess(text)
    assert "limb_weakness" in present(a)
    assert a.level.label == "emergency"
