"""The protocol editor's domain (vigil/clinic/protocols.py): the import's validation and words,
the scheduler's send times (DST included), and writes that reschedule and are audited."""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from vigil.clinic import file as clinic_file
from vigil.clinic import protocols
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import AuditEvent, Clinic, Staff
from vigil.scheduler.models import Enrolment, Protocol

from ..conftest import DEMO

ADMIN = "admin@riverside.example"
NURSE = "ana.reyes@riverside.example"


def _demo() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    return data


def _protocol() -> dict[str, Any]:
    return copy.deepcopy(_demo()["protocols"][0])


def _bad(change: str) -> dict[str, Any]:
    p = _protocol()
    q = p["questions"]
    if change == "schedule":
        p["schedule"] = "every monday"
    elif change == "never fires":
        p["schedule"] = "0 10 31 2 *"  # the 31st of February
    elif change == "remind":
        p["remind_after"] = "2d"
    elif change == "duration":
        p["expire_after"] = "1 day"
    elif change == "ask_if later":
        q[1]["ask_if"] = "neuro >= 1"
    elif change == "ask_if syntax":
        q[1]["ask_if"] = "back_pain >=> 1"
    elif change == "twice":
        q[2]["key"] = "back_pain"
    elif change == "kind":
        q[0]["kind"] = "slider"
    elif change == "choices":
        q[3]["kind"] = "choice"
    elif change == "concept":
        q[2]["concepts"] = ["limb_weakness", "sudden"]
    elif change == "no questions":
        p["questions"] = []
    elif change == "extra":
        q[0]["colour"] = "blue"
    elif change == "missing":
        del q[0]["text"]
    return p


CHANGES = [
    "schedule",
    "never fires",
    "remind",
    "duration",
    "ask_if later",
    "ask_if syntax",
    "twice",
    "kind",
    "choices",
    "concept",
    "no questions",
    "extra",
    "missing",
]


@pytest.mark.parametrize("change", CHANGES)
def test_the_editor_refuses_a_protocol_with_the_imports_key_paths_and_words(change: str) -> None:
    bad = _bad(change)
    whole = {**_demo(), "protocols": [bad]}
    with pytest.raises(clinic_file.ImportError_) as imported:
        clinic_file.parse(yaml.safe_dump(whole, sort_keys=False), "c.yaml")
    said_by_import = set()
    for line in imported.value.lines:
        m = re.fullmatch(r"c\.yaml:\d+: protocols\[0\]\.?(.*?): (.*)", line) or re.fullmatch(
            r"c\.yaml:\d+: protocols\[0\]()(): (.*)", line
        )
        assert m, line
        said_by_import.add((m.group(1) or "protocol", m.group(2) if m.lastindex == 2 else m.group(3)))
    with pytest.raises(protocols.ProtocolError) as edited:
        protocols.validate(bad)
    assert set(edited.value.problems.items()) == said_by_import


def test_ask_if_problems_name_the_question_and_its_line_in_the_import() -> None:
    text = DEMO.read_text(encoding="utf-8").replace('ask_if: "back_pain >= 1"', 'ask_if: "neuro >= 1"')
    with pytest.raises(clinic_file.ImportError_) as info:
        clinic_file.parse(text, "c.yaml")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "neuro >= 1" in row)
    assert info.value.lines == [
        f"c.yaml:{line}: protocols[0].questions[1].ask_if: question back_pain_onset: ask_if names "
        "['neuro'], which is not an earlier question"
    ]


def test_a_form_becomes_the_files_shape_and_back() -> None:
    form = {
        "name": " Weekly ",
        "schedule": "0 10 * * MON",
        "remind_after": "",
        "expire_after": "1d",
        "flag_after_missed": "",
        "q1.key": "mood",
        "q1.kind": "choice",
        "q1.text": "How is your mood?",
        "q1.concepts": "",
        "q1.choices": "good\n  bad \n\n",
        "q0.key": "pain",
        "q0.kind": "scale",
        "q0.text": "Pain 0-10?",
        "q0.concepts": "back_pain, chest_pain",
        "q0.ask_if": "",
    }
    data = protocols.from_form(form)
    assert data == {
        "name": "Weekly",
        "schedule": "0 10 * * MON",
        "expire_after": "1d",
        "questions": [
            {"key": "pain", "kind": "scale", "text": "Pain 0-10?", "concepts": ["back_pain", "chest_pain"]},
            {"key": "mood", "kind": "choice", "text": "How is your mood?", "choices": ["good", "bad"]},
        ],
    }
    shown = protocols.form_of(data)
    assert shown["questions"][0]["concepts"] == "back_pain, chest_pain"
    assert shown["questions"][1]["choices"] == "good\nbad"
    again = {k: v for k, v in shown.items() if k != "questions"}
    for i, q in enumerate(shown["questions"]):
        again.update({f"q{i}.{k}": v for k, v in q.items()})
    assert protocols.from_form(again) == data


def test_questions_are_added_moved_and_removed_without_saving() -> None:
    data = {"questions": [{"key": "a"}, {"key": "b"}, {"key": "c"}]}
    keys = lambda d: [q.get("key") for q in d["questions"]]  # noqa: E731
    assert keys(protocols.rearranged(data, "up:1")) == ["b", "a", "c"]
    assert keys(protocols.rearranged(data, "down:1")) == ["a", "c", "b"]
    assert keys(protocols.rearranged(data, "up:0")) == ["a", "b", "c"]
    assert keys(protocols.rearranged(data, "down:2")) == ["a", "b", "c"]
    assert keys(protocols.rearranged(data, "remove:0")) == ["b", "c"]
    assert keys(protocols.rearranged(data, "add")) == ["a", "b", "c", None]
    assert keys(protocols.rearranged(data, "remove:9")) == ["a", "b", "c"]
    assert keys(data) == ["a", "b", "c"]


def _clinic(quiet: tuple[str, str] | None = None) -> Clinic:
    return Clinic(
        slug="c",
        name="C",
        timezone="America/New_York",
        emergency_number="911",
        quiet_start=quiet[0] if quiet else None,
        quiet_end=quiet[1] if quiet else None,
    )


def test_the_next_five_sends_keep_the_local_hour_across_the_autumn_change() -> None:
    clock = ManualClock(datetime(2026, 10, 19, 12, 0, tzinfo=UTC))  # Monday; London leaves BST on the 25th
    times = protocols.send_times("0 10 * * MON,THU", "Europe/London", _clinic(), clock.now())
    local = [t.astimezone(clinic_file.zone("Europe/London")) for t in times]
    assert [f"{t:%a %d %b %H:%M %Z}" for t in local] == [
        "Thu 22 Oct 10:00 BST",
        "Mon 26 Oct 10:00 GMT",
        "Thu 29 Oct 10:00 GMT",
        "Mon 02 Nov 10:00 GMT",
        "Thu 05 Nov 10:00 GMT",
    ]
    assert [t.astimezone(UTC).hour for t in times] == [9, 10, 10, 10, 10]
    # The same schedule for a patient in New York (08:00 there now), whose clocks change a week later.
    ny = protocols.send_times("0 10 * * MON,THU", "America/New_York", _clinic(), clock.now())
    assert [t.astimezone(UTC).strftime("%d %H") for t in ny] == ["19 14", "22 14", "26 14", "29 14", "02 15"]


def test_the_next_sends_leave_the_clinics_quiet_hours_in_the_patients_zone() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    times = protocols.send_times("30 22 * * *", "America/New_York", _clinic(("21:00", "08:00")), now)
    assert len(times) == 5
    assert {t.astimezone(clinic_file.zone("America/New_York")).strftime("%H:%M") for t in times} == {"08:00"}


async def _staff(db: Database, email: str) -> Staff:
    async with db.session() as session:
        found = await session.scalar(select(Staff).where(Staff.email == email))
    assert found is not None
    return found


async def test_saving_a_new_schedule_reschedules_enrolments_and_audits_what_changed(
    rt: Any, clock: ManualClock
) -> None:
    admin = await _staff(rt.db, ADMIN)
    edited = _protocol()
    edited["schedule"] = "0 9 * * TUE"
    edited["questions"][2]["text"] = {
        **edited["questions"][2]["text"],
        "en": "Any new weakness or numbness in your legs?",
    }
    edited["questions"][0], edited["questions"][2] = edited["questions"][2], edited["questions"][0]
    edited["questions"][1]["ask_if"] = None
    edited["questions"][1] = {k: v for k, v in edited["questions"][1].items() if v is not None}
    async with rt.db.transaction() as session:
        proto = await protocols.of_clinic(session, admin.clinic_id, key="nsclc-weekly")
        saved = await protocols.save(session, admin, edited, clock.now(), "web", proto)
    assert saved.changed == [
        "schedule: 0 10 * * MON,THU → 0 9 * * TUE",
        "question neuro: text",
        "question back_pain_onset: ask if",
        "questions reordered: neuro, back_pain_onset, back_pain, anything_else",
    ]
    assert saved.rescheduled == 3
    async with rt.db.session() as session:
        due = set(await session.scalars(select(Enrolment.next_due_at)))
        [event] = await session.scalars(select(AuditEvent).where(AuditEvent.subject_type == "protocol"))
    assert {d.strftime("%a %H:%M") for d in due if d} == {"Tue 14:00"}  # 09:00 in New York
    assert (event.actor, event.action, event.subject_id) == (ADMIN, "update", str(saved.protocol.id))
    assert event.detail["changed"] == saved.changed
    assert event.detail["channel"] == "web"


async def test_saving_the_same_protocol_changes_and_audits_nothing(rt: Any, clock: ManualClock) -> None:
    admin = await _staff(rt.db, ADMIN)
    async with rt.db.transaction() as session:
        proto = await protocols.of_clinic(session, admin.clinic_id, key="nsclc-weekly")
        saved = await protocols.save(session, admin, _protocol(), clock.now(), "api", proto)
    assert (saved.changed, saved.rescheduled) == ([], 0)
    async with rt.db.session() as session:
        assert await session.scalar(select(AuditEvent).where(AuditEvent.subject_type == "protocol")) is None


async def test_only_an_admin_changes_protocols_and_a_key_is_not_taken_twice(
    rt: Any, clock: ManualClock
) -> None:
    nurse = await _staff(rt.db, NURSE)
    admin = await _staff(rt.db, ADMIN)
    async with rt.db.transaction() as session:
        with pytest.raises(protocols.NotAllowed):
            await protocols.save(session, nurse, _protocol(), clock.now(), "web")
        with pytest.raises(protocols.ProtocolError) as taken:
            await protocols.save(session, admin, _protocol(), clock.now(), "web")
        proto = await protocols.of_clinic(session, admin.clinic_id, key="nsclc-weekly")
        with pytest.raises(protocols.ProtocolError) as renamed:
            await protocols.save(session, admin, {**_protocol(), "key": "other"}, clock.now(), "web", proto)
    assert taken.value.problems == {"key": "nsclc-weekly is already a protocol of this clinic"}
    assert "cannot change" in renamed.value.problems["key"]


async def test_quiet_hours_are_validated_as_the_files_and_move_the_next_check_ins(
    rt: Any, clock: ManualClock
) -> None:
    admin = await _staff(rt.db, ADMIN)
    async with rt.db.transaction() as session:
        with pytest.raises(protocols.ProtocolError) as bad:
            await protocols.set_quiet_hours(session, admin, "25:00", "", clock.now(), "web")
    assert bad.value.problems == {
        "quiet_hours.start": "'25:00' is not a time of day (HH:MM)",
        "quiet_hours.end": "is required here but missing",
    }
    async with rt.db.transaction() as session:
        said = await protocols.set_quiet_hours(session, admin, "09:00", "11:00", clock.now(), "web")
    assert said == ["quiet hours: 21:00–08:00 → 09:00–11:00"]
    async with rt.db.session() as session:
        due = set(await session.scalars(select(Enrolment.next_due_at)))
        event = await session.scalar(
            select(AuditEvent).where(AuditEvent.subject_type == "clinic", AuditEvent.action != "import")
        )
    assert {d.strftime("%a %H:%M") for d in due if d} == {"Mon 16:00"}  # 11:00 in New York
    assert event is not None
    assert event.detail["changed"] == said
    async with rt.db.transaction() as session:
        assert await protocols.set_quiet_hours(session, admin, "09:00", "11:00", clock.now(), "web") == []
        assert await protocols.set_quiet_hours(session, admin, "", "", clock.now(), "web") == [
            "quiet hours: 09:00–11:00 → none"
        ]


async def test_a_protocol_of_another_clinic_is_not_found(rt: Any) -> None:
    async with rt.db.session() as session:
        proto = await session.scalar(select(Protocol))
        assert proto is not None
        with pytest.raises(protocols.NotFound):
            await protocols.of_clinic(session, proto.clinic_id + 1, protocol_id=proto.id)
        with pytest.raises(protocols.NotFound):
            await protocols.of_clinic(session, proto.clinic_id + 1, key=proto.key)


def test_saving_the_form_keeps_what_the_form_does_not_show() -> None:
    stored = {
        "key": "k",
        "name": "N",
        "language_note": "kept",
        "questions": [
            {"key": "a", "kind": "text", "text": "A?", "text_es": "¿A?"},
            {"key": "b", "text": "B?"},
        ],
    }
    form = {"key": "k", "name": "M", "questions": [{"key": "b", "text": "B!"}, {"key": "a", "text": "A!"}]}
    assert protocols.with_unshown(form, stored) == {
        "key": "k",
        "name": "M",
        "language_note": "kept",
        "questions": [{"key": "b", "text": "B!"}, {"key": "a", "text": "A!", "text_es": "¿A?"}],
    }


def test_a_schedule_that_never_fires_is_refused_at_save_with_the_send_times_words() -> None:
    bad = {**_protocol(), "schedule": "0 10 31 2 *"}
    with pytest.raises(protocols.ProtocolError) as edited:
        protocols.validate(bad)
    assert edited.value.problems == {"schedule": "'0 10 31 2 *' never fires"}
    whole = {**_demo(), "protocols": [bad]}
    with pytest.raises(clinic_file.ImportError_) as imported:
        clinic_file.parse(yaml.safe_dump(whole, sort_keys=False), "c.yaml")
    [line] = imported.value.lines
    assert line.endswith(": protocols[0].schedule: '0 10 31 2 *' never fires")
    # The 29th of February fires, in leap years.
    protocols.validate({**_protocol(), "schedule": "0 10 29 2 *"})


@pytest.mark.parametrize("hours", [("21:00", "21:00"), ("00:00", "00:00"), ("7:30", "07:30")])
async def test_quiet_hours_of_no_length_are_refused_with_the_reason(
    rt: Any, clock: ManualClock, hours: tuple[str, str]
) -> None:
    """Send times would treat them as none while the pages showed them as quiet hours."""
    admin = await _staff(rt.db, ADMIN)
    said = (
        f"'{hours[1]}' is when they start: quiet hours from a time to the same time have no "
        "length (leave both blank for none)"
    )
    async with rt.db.transaction() as session:
        with pytest.raises(protocols.ProtocolError) as bad:
            await protocols.set_quiet_hours(session, admin, *hours, clock.now(), "web")
    assert bad.value.problems == {"quiet_hours.end": said}
    whole = _demo()
    whole["clinic"]["quiet_hours"] = {"start": hours[0], "end": hours[1]}
    with pytest.raises(clinic_file.ImportError_) as imported:
        clinic_file.parse(yaml.safe_dump(whole, sort_keys=False), "c.yaml")
    [line] = imported.value.lines
    assert line.endswith(f": clinic.quiet_hours.end: {said}")
