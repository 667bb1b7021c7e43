"""The clinic exported as a clinic file: importing the export changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.clinic.export import duration, export_clinic
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Carer, Clinic, Patient, Staff
from vigil.scheduler.models import Enrolment, Protocol

from ..conftest import START

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "clinic.yaml"


async def _rows(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every column of every row the import writes, to see that nothing moved."""
    out: dict[str, list[dict[str, Any]]] = {}
    async with db.session() as session:
        for model in (Clinic, Staff, Protocol, Patient, Enrolment, Carer):
            rows = (await session.scalars(select(model).order_by(model.id))).all()  # type: ignore[attr-defined]
            out[model.__tablename__] = [
                {c.key: getattr(r, c.key) for c in model.__mapper__.column_attrs} for r in rows
            ]
    return out


async def _export(db: Database) -> str:
    async with db.session() as session:
        clinic_id = await session.scalar(select(Clinic.id).where(Clinic.slug == "riverside-thoracic"))
        assert clinic_id is not None
        return await export_clinic(session, clinic_id)


async def test_importing_the_export_changes_nothing_and_exporting_again_gives_the_same_text(
    db: Database,
) -> None:
    clock = ManualClock(START)
    await clinic_import.apply(db, clinic_file.load(EXAMPLE), clock)
    before = await _rows(db)
    exported = await _export(db)
    clock.advance(hours=30)  # a later import must not reschedule or touch anything either
    summary = await clinic_import.apply(db, clinic_file.parse(exported, "export.yaml"), clock)
    assert str(summary) == "nothing changed"
    assert await _rows(db) == before
    assert await _export(db) == exported


async def test_the_export_reads_as_the_import_format_with_every_section(db: Database) -> None:
    await clinic_import.apply(db, clinic_file.load(EXAMPLE), ManualClock(START))
    exported = await _export(db)
    parsed = clinic_file.parse(exported)
    assert parsed.clinic.slug == "riverside-thoracic"
    assert parsed.clinic.quiet_hours is not None
    assert parsed.clinic.quiet_hours.start == "21:00"
    assert [s.email for s in parsed.staff][:2] == [
        "ana.reyes@riverside.example",
        "ben.okafor@riverside.example",
    ]
    assert parsed.oncall.rotations[0].members == [
        "ana.reyes@riverside.example",
        "ben.okafor@riverside.example",
    ]
    assert parsed.oncall.escalation["emergency"][0].ack_within == "5m"
    assert parsed.protocols[0].remind_after == "4h"
    assert parsed.protocols[0].questions[1].ask_if == "back_pain >= 1"
    walter = next(p for p in parsed.patients if p.external_id == "MRN-100234")
    assert (walter.phone, walter.protocol, walter.context.known_bone_metastases) == (
        "+16175550199",
        "nsclc-weekly",
        True,
    )
    assert exported.startswith("# A clinic as `vigil import` reads it")


async def test_staff_who_left_and_discharged_patients_stay_out_of_the_export(db: Database) -> None:
    clock = ManualClock(START)
    await clinic_import.apply(db, clinic_file.load(EXAMPLE), clock)
    async with db.transaction() as session:
        maria = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100871"))
        assert maria is not None
        maria.discharged_at = START
        session.add(
            Staff(
                clinic_id=maria.clinic_id,
                email="gone@riverside.example",
                name="G",
                role="nurse",
                active=False,
            )
        )
    exported = await _export(db)
    assert "MRN-100871" not in exported
    assert "gone@riverside.example" not in exported
    summary = await clinic_import.apply(db, clinic_file.parse(exported), clock)
    assert str(summary) == "nothing changed"


def test_durations_are_written_in_the_largest_whole_unit() -> None:
    assert [duration(s) for s in (45, 300, 5400, 14400, 86400, 90)] == ["45s", "5m", "90m", "4h", "1d", "90s"]


async def test_a_clinic_changed_since_its_import_still_exports_to_a_file_that_changes_nothing(
    db: Database,
) -> None:
    """Paused, Spanish-speaking, a Telegram patient not linked yet, no quiet hours, a baseline:
    what the pages can make of a clinic round-trips too."""
    clock = ManualClock(START)
    await clinic_import.apply(db, clinic_file.load(EXAMPLE), clock)
    async with db.transaction() as session:
        clinic = await session.scalar(select(Clinic))
        assert clinic is not None
        clinic.quiet_start = clinic.quiet_end = None
        clinic.trend_baseline_default = 2.5
        walter = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100234"))
        maria = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100871"))
        assert walter is not None
        assert maria is not None
        walter.status, walter.language, walter.timezone = "paused", "es", None
        maria.telegram_chat_id, maria.status = None, "invited"
        protocol = await session.scalar(select(Protocol))
        assert protocol is not None
        protocol.remind_after_s = None
        protocol.expire_after_s = 5400
    before = await _rows(db)
    exported = await _export(db)
    assert "quiet_hours" not in exported
    assert "expire_after: 90m" in exported
    clock.advance(days=2)
    summary = await clinic_import.apply(db, clinic_file.parse(exported), clock)
    assert str(summary) == "nothing changed"
    assert await _rows(db) == before
    assert await _export(db) == exported


async def test_carers_round_trip_and_a_carer_left_off_is_taken_off(db: Database) -> None:
    clock = ManualClock(START)
    await clinic_import.apply(db, clinic_file.load(EXAMPLE), clock)
    exported = await _export(db)
    assert "carers:" in exported
    assert "phone: '+16175550142'" in exported
    parsed = clinic_file.parse(exported)
    [june] = parsed.patients[0].carers
    assert (june.name, june.relationship, june.channel, june.language) == (
        "June Brennan",
        "wife",
        "sms",
        "en",
    )
    assert june.consent is not None
    assert june.consent.by == "admin@riverside.example"
    without = (
        EXAMPLE.read_text().split("    carers:")[0]
        + "  - external_id: MRN-100871"
        + (EXAMPLE.read_text().split("  - external_id: MRN-100871")[1])
    )
    summary = await clinic_import.apply(db, clinic_file.parse(without), clock)
    assert summary.updated == {"carers": 1}
    async with db.session() as session:
        [carer] = (await session.scalars(select(Carer))).all()
    assert carer.removed_at is not None  # taken off, never deleted: the transcript still names her
    assert "carers:" not in await _export(db)
    summary = await clinic_import.apply(db, clinic_file.load(EXAMPLE), clock)
    assert summary.updated == {"carers": 1}  # listed again: back


def test_a_carer_is_validated_with_its_key_path() -> None:
    text = EXAMPLE.read_text().replace('phone: "+1 617 555 0142"', 'phone: "12"')
    with pytest.raises(clinic_file.ImportError_) as bad:
        clinic_file.parse(text, "clinic.yaml")
    assert (
        "clinic.yaml:104: patients[0].carers[0].phone: '12' is not a possible phone number"
        in bad.value.lines[0]
    )
    text = EXAMPLE.read_text().replace('phone: "+1 617 555 0142"', 'phone: "+1 617 555 0199"')
    with pytest.raises(clinic_file.ImportError_) as own:
        clinic_file.parse(text, "clinic.yaml")
    assert any("June Brennan's phone is the patient's own number" in line for line in own.value.lines)


async def test_questions_written_per_language_round_trip_exactly_text_and_choices(db: Database) -> None:
    """What the file says is what is stored and exported: a string stays a string, a mapping
    per language stays that mapping, choices included."""
    text = (
        EXAMPLE.read_text()
        .replace(
            "      - key: anything_else\n",
            "      - key: breathing\n"
            "        kind: choice\n"
            "        text:\n"
            "          en: Your breathing since last time?\n"
            "          es: ¿Su respiracion desde la ultima vez?\n"
            "        choices: {en: [Better, Same, Worse], es: [Mejor, Igual, Peor]}\n"
            "        concepts: [dyspnea]\n"
            "      - key: plain\n"
            "        kind: choice\n"
            "        text: Appetite?\n"
            "        choices: [Good, Poor]\n"
            "      - key: anything_else\n",
        )
        .replace("    language: es\n", "    language: en\n")
    )  # "plain" has no Spanish
    clock = ManualClock(START)
    await clinic_import.apply(db, clinic_file.parse(text), clock)
    async with db.session() as session:
        protocol = await session.scalar(select(Protocol))
    assert protocol is not None
    stored = {q["key"]: q for q in protocol.questions}
    assert stored["breathing"]["text"] == {
        "en": "Your breathing since last time?",
        "es": "¿Su respiracion desde la ultima vez?",
    }
    assert stored["breathing"]["choices"] == {
        "en": ["Better", "Same", "Worse"],
        "es": ["Mejor", "Igual", "Peor"],
    }
    assert stored["plain"]["text"] == "Appetite?"
    assert stored["plain"]["choices"] == ["Good", "Poor"]
    exported = await _export(db)
    assert "        choices:\n          en:\n            - Better\n" in exported
    assert "        text: Appetite?\n" in exported
    before = await _rows(db)
    summary = await clinic_import.apply(db, clinic_file.parse(exported), clock)
    assert str(summary) == "nothing changed"
    assert await _rows(db) == before
    assert await _export(db) == exported
