"""`vigil import`: validated whole, errors name line and key, idempotent, edits update."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from vigil.clinic import carers, patients
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Clinic, Patient, Staff
from vigil.scheduler.models import Enrolment, Protocol

from ..conftest import START

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "clinic.yaml"
SOURCE = EXAMPLE


def text() -> str:
    return SOURCE.read_text()


async def _counts(db: Database) -> dict[str, int]:
    out = {}
    async with db.session() as session:
        for model in (Clinic, Staff, Protocol, Patient, Enrolment):
            out[model.__tablename__] = int(await session.scalar(select(func.count()).select_from(model)) or 0)
    return out


async def test_the_example_imports_and_a_second_import_changes_nothing(db: Database) -> None:
    clock = ManualClock(START)
    first = await clinic_import.apply(db, clinic_file.parse(text()), clock)
    assert first.created == {
        "clinic": 1,
        "staff": 4,
        "protocols": 1,
        "patients": 3,
        "enrolments": 3,
        "carers": 1,
    }
    counts = await _counts(db)
    second = await clinic_import.apply(db, clinic_file.parse(text()), clock)
    assert not second.changed
    assert str(second) == "nothing changed"
    assert await _counts(db) == counts
    async with db.session() as session:
        walter = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100234"))
    assert walter is not None
    assert walter.phone == "+16175550199"  # E.164
    assert walter.context == {
        "on_active_treatment": True,
        "known_bone_metastases": True,
        "known_brain_metastases": False,
    }


async def test_an_edited_file_updates_what_changed(db: Database) -> None:
    clock = ManualClock(START)
    await clinic_import.apply(db, clinic_file.parse(text()), clock)
    edited = (
        text()
        .replace("name: Maria Santos", "name: Maria Santos-Reyes")
        .replace('schedule: "0 10 * * MON,THU"', 'schedule: "0 9 * * TUE"')
    )
    summary = await clinic_import.apply(db, clinic_file.parse(edited), clock)
    assert summary.updated == {"patients": 1, "protocols": 1, "enrolments": 3}
    async with db.session() as session:
        due = set(await session.scalars(select(Enrolment.next_due_at)))
    assert {d.strftime("%a %H:%M") for d in due} == {"Tue 14:00"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "channel: sms ",
            "channel: pigeon ",
            "patients[0].channel: 'pigeon' is not one of sms, telegram, simulator",
        ),
        (
            "  timezone: America/New_York\n  emergency",
            "  timezone: Mars/Olympus\n  emergency",
            "clinic.timezone: unknown time zone 'Mars/Olympus'",
        ),
        ("role: physician", "role: physicist", "staff[2].role"),
        (
            "  slug: riverside-thoracic",
            "  slug: riverside-thoracic\n  colour: blue",
            "clinic.colour: is not a key allowed here (allowed: slug, name, timezone, emergency_number,",
        ),
        (
            "remind_after: 4h",
            "remind_after: 4 hours",
            "protocols[0].remind_after: '4 hours' is not a duration",
        ),
        (
            "members: [ana.reyes@riverside.example, ",
            "members: [nobody@riverside.example, ",
            "nobody@riverside.example is not in staff",
        ),
        ('ask_if: "back_pain >= 1"', 'ask_if: "neuro >= 1"', "not an earlier question"),
        (
            "protocol: nsclc-weekly\n    context: {on",
            "protocol: weekly\n    context: {on",
            "no protocol 'weekly'",
        ),
        ('phone: "+1 617 555 0199"', 'phone: "617 555"', "'617 555' is not a possible phone number"),
    ],
)
def test_bad_files_name_the_line_key_and_reason(old: str, new: str, expected: str) -> None:
    source = text()
    assert old in source
    with pytest.raises(clinic_file.ImportError_) as info:
        clinic_file.parse(source.replace(old, new, 1), "clinic.yaml")
    assert any(expected in line for line in info.value.lines), info.value.lines
    assert all(line.startswith("clinic.yaml") for line in info.value.lines)


PYDANTIC_WORDS = (
    "Input should",
    "Field required",
    "Extra inputs",
    "String should",
    "Value error",
    "List should",
)


def test_every_refusal_is_worded_plainly_with_its_key_path_and_what_is_wanted() -> None:
    broken = (
        text()
        .replace(
            "  timezone: America/New_York\n",
            "  timezone: America/New_York\n  conversation_window_hours: lots\n",
            1,
        )
        .replace("  emergency_number:", "  emergency_numbr:", 1)
        .replace("role: physician", "role: physicist", 1)
        .replace("starts: 2026-11-02", "starts: soon", 1)
        .replace("shift_hours: ", "shift_hour: ", 1)
        .replace("channel: sms ", "channel: pigeon ", 1)
    )
    with pytest.raises(clinic_file.ImportError_) as info:
        clinic_file.parse(broken, "c.yaml")
    said = "\n".join(info.value.lines)
    assert not [w for w in PYDANTIC_WORDS if w in said], said
    for line in (
        "clinic.conversation_window_hours: 'lots' is not a whole number",
        "clinic.emergency_number: is required here but missing",
        "staff[2].role: 'physicist' is not one of nurse, admin, physician; did you mean physician?",
        "oncall.rotations[0].starts: 'soon' is not a date (YYYY-MM-DD)",
        "oncall.rotations[0].shift_hours: is required here but missing",
        "patients[0].channel: 'pigeon' is not one of sms, telegram, simulator",
    ):
        assert line in said, said


def test_a_misspelt_key_names_the_keys_allowed_there_and_suggests_the_closest() -> None:
    broken = (
        text()
        .replace("  emergency_number:", "  emergancy_number:", 1)
        .replace("shift_hours: ", "shift_hour: ", 1)
    )
    with pytest.raises(clinic_file.ImportError_) as info:
        clinic_file.parse(broken, "c.yaml")
    said = "\n".join(info.value.lines)
    assert (
        "clinic.emergancy_number: is not a key allowed here; did you mean emergency_number? (allowed: slug, "
        "name, timezone, emergency_number, quiet_hours, conversation_window_hours, trend_baseline_default, "
        "text_consent)"
    ) in said, said
    assert (
        "oncall.rotations[0].shift_hour: is not a key allowed here; did you mean shift_hours? "
        "(allowed: key, members, shift_hours, handoff, starts)"
    ) in said, said
    top = text().replace("staff:\n", "staf:\n", 1)
    with pytest.raises(clinic_file.ImportError_) as info:
        clinic_file.parse(top, "c.yaml")
    assert any("staf: is not a key allowed here; did you mean staff?" in line for line in info.value.lines)


def test_broken_yaml_names_the_line() -> None:
    with pytest.raises(clinic_file.ImportError_) as info:
        clinic_file.parse("clinic:\n  slug: x\n  name: [unclosed\n", "c.yaml")
    assert info.value.lines[0].startswith("c.yaml:")
    assert "not valid YAML" in info.value.lines[0]


def test_an_impossible_date_names_its_line_instead_of_a_traceback() -> None:
    with pytest.raises(clinic_file.ImportError_) as info:
        clinic_file.parse(text().replace("starts: 2026-11-02", "starts: 2026-02-30"), "c.yaml")
    [line] = info.value.lines
    assert line.startswith("c.yaml:")
    assert "'2026-02-30' is not a real date" in line


def test_a_repeated_key_is_an_error_not_an_overwrite() -> None:
    with pytest.raises(clinic_file.ImportError_, match="appears twice"):
        clinic_file.parse("clinic:\n  slug: a\n  slug: b\n", "c.yaml")


async def test_nothing_is_written_when_the_file_is_bad(db: Database) -> None:
    bad = text().replace("channel: telegram", "channel: carrier-pigeon")
    with pytest.raises(clinic_file.ImportError_):
        clinic_file.parse(bad)
    assert (await _counts(db))["clinic"] == 0


def test_a_phone_number_is_read_alike_in_the_clinic_file_and_on_the_pages() -> None:
    region = patients.region_of(Clinic(timezone="America/New_York"))
    assert region == "US"
    source = text()
    national = source.replace('phone: "+1 617 555 0199"', 'phone: "(617) 555-0199"', 1)
    national = national.replace('phone: "+1 617 555 0101"', 'phone: "617.555.0142"', 1)
    read = clinic_file.parse(national, "c.yaml")
    assert read.patients[0].phone == "+16175550199"
    assert next(s for s in read.staff if s.email == "ana.reyes@riverside.example").phone == "+16175550142"
    form = {"external_id": "X1", "name": "X", "channel": "sms", "phone": "(617) 555-0199"}
    assert patients.validate(form, region=region, protocols=[]).phone == "+16175550199"
    carer = {"name": "June", "relationship": "wife", "channel": "sms", "phone": "617.555.0142"}
    assert carers.validate(carer, region=region).phone == "+16175550142"

    bad = "617 5"
    with pytest.raises(clinic_file.ImportError_) as in_file:
        clinic_file.parse(source.replace('phone: "+1 617 555 0199"', f'phone: "{bad}"', 1), "c.yaml")
    with pytest.raises(patients.PatientError) as on_page:
        patients.validate({**form, "phone": bad}, region=region, protocols=[])
    [line] = [line for line in in_file.value.lines if "phone" in line]
    assert line.endswith(f"patients[0].phone: {on_page.value.problems['phone']}")
    with pytest.raises(patients.PatientError) as for_carer:
        carers.validate({**carer, "phone": bad}, region=region)
    assert for_carer.value.problems["phone"] == on_page.value.problems["phone"]


def test_a_number_without_its_area_code_is_refused_not_stored_unreachable() -> None:
    form = {"external_id": "X1", "name": "X", "channel": "sms", "phone": "555-0123"}
    with pytest.raises(patients.PatientError) as on_page:
        patients.validate(form, region="US", protocols=[])
    assert (
        on_page.value.problems["phone"] == "'555-0123' is not a possible phone number: too short or too long"
    )


@pytest.mark.parametrize(
    ("zone", "reason"),
    [
        ("EST", "'EST' is a fixed offset, not a place: it keeps no daylight saving"),
        ("New York", "unknown time zone 'New York'; did you mean America/New_York?"),
        ("Europe/Londn", "unknown time zone 'Europe/Londn'; did you mean Europe/London?"),
    ],
)
def test_a_time_zone_is_a_place_and_a_near_miss_is_named(zone: str, reason: str) -> None:
    """EST is UTC-5 all year: a New York patient's check-ins would be an hour off all summer."""
    form = {"external_id": "X1", "name": "X", "channel": "simulator", "timezone": zone}
    with pytest.raises(patients.PatientError) as on_page:
        patients.validate(form, region="US", protocols=[])
    assert on_page.value.problems["timezone"].startswith(reason)
