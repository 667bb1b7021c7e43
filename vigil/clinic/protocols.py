"""A clinic's check-in protocols and its quiet hours, as the protocol editor and the API change
them.

The clinic file is the one source of truth: a protocol from a form or a JSON body is turned
into the file's shape and validated by the file's own `ProtocolIn`, its problems worded by the
file's own `problems` (the same key paths and reasons as `vigil import`), and written by the
importer's own `write_protocol`; the export writes it back with `protocol_data`. So the file
and the pages never disagree. Quiet hours are the clinic's (the file's `clinic.quiet_hours`),
for every protocol. Every change is audited with what changed, in the caller's transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Patient, Staff
from vigil.scheduler.checkins import quiet_of as quiet_of  # the editor pages read it here
from vigil.scheduler.models import Enrolment, Protocol
from vigil.scheduler.questions import languages_of
from vigil.scheduler.schedule import ScheduleError, next_due, upcoming, zone

from . import file
from .export import protocol_data
from .file import ProtocolIn, QuietHours
from .importer import write_protocol

KINDS = ("scale", "yes_no", "choice", "text")
FIELDS = ("key", "name", "schedule", "remind_after", "expire_after", "flag_after_missed")
QUESTION_FIELDS = ("key", "kind", "text", "concepts", "ask_if", "choices")
# Besides English (the question's plain text), the languages a question may be written in;
# each has its own text and answers on the form (`q<i>.text_es`, `q<i>.choices_es`).
OTHER_LANGUAGES = tuple(lang for lang in file.LANGUAGES if lang != "en")
FORM_FIELDS = (
    *QUESTION_FIELDS,
    *(f"{field}_{lang}" for lang in OTHER_LANGUAGES for field in ("text", "choices")),
)
MAX_QUESTIONS = 60
SEND_TIMES = 5
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ProtocolError(ValueError):
    """A protocol (or quiet hours) that cannot be saved: `problems` maps each key path
    (`schedule`, `questions[1].ask_if`) to why, in the import's words."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


class NotAllowed(PermissionError):
    """Only a clinic admin changes configuration; nurses and physicians see it."""


class NotFound(LookupError):
    """No such protocol in this clinic (another clinic's is not ours to confirm)."""


def require_admin(staff: Staff) -> None:
    if staff.role != "admin" or not staff.active:
        raise NotAllowed("only a clinic admin changes protocols")


# --- the file's shape, from a form and back -------------------------------------------------


def _words(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [w for w in re.split(r"[,\s]+", str(value or "")) if w]


def _lines(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


def from_form(form: Mapping[str, Any]) -> dict[str, Any]:
    """A protocol in the clinic file's shape from the editor's fields: `name`, `schedule`, …,
    and each question as `q<i>.key`, `q<i>.kind`, … (concepts by commas, choices one a line),
    in the order of <i>. Blank fields are left out, as the file leaves them out."""
    data: dict[str, Any] = {}
    for key in FIELDS:
        value = str(form.get(key) or "").strip()
        if value:
            data[key] = value
    found: dict[int, dict[str, Any]] = {}
    for name in form:
        m = re.fullmatch(r"q(\d{1,3})\.(\w+)", str(name))
        if m and m.group(2) in FORM_FIELDS:
            found.setdefault(int(m.group(1)), {})
    questions = []
    for i in sorted(found)[:MAX_QUESTIONS]:
        q: dict[str, Any] = {}
        for key in ("key", "kind", "ask_if"):
            value = str(form.get(f"q{i}.{key}") or "").strip()
            if value:
                q[key] = value
        text = _per_language(form, i, "text", lambda v: str(v or "").strip())
        if text:
            q["text"] = text
        concepts = _words(form.get(f"q{i}.concepts"))
        if concepts:
            q["concepts"] = concepts
        choices = _per_language(form, i, "choices", _lines)
        if choices:
            q["choices"] = choices
        questions.append(q)
    data["questions"] = questions
    return data


def _per_language(form: Mapping[str, Any], i: int, field: str, read: Callable[[Any], Any]) -> Any:
    """A question's text or answers from the form: English alone is the file's plain form;
    with another language too, a mapping per language (English first)."""
    values = {"en": read(form.get(f"q{i}.{field}"))}
    values |= {lang: read(form.get(f"q{i}.{field}_{lang}")) for lang in OTHER_LANGUAGES}
    given = {lang: v for lang, v in values.items() if v}
    if set(given) <= {"en"}:
        return values["en"]
    return given


def _in(value: Any, language: str) -> Any:
    """One language's part of a text or answers written as the file allows (plain is English)."""
    if isinstance(value, Mapping):
        return value.get(language)
    return value if language == "en" else None


def form_of(data: Mapping[str, Any]) -> dict[str, Any]:
    """The editor's fields for a protocol in the file's shape (the reverse of `from_form`)."""
    out: dict[str, Any] = {k: "" if data.get(k) is None else str(data[k]) for k in FIELDS}
    out["questions"] = [
        {
            "key": str(q.get("key") or ""),
            "kind": str(q.get("kind") or ""),
            "text": str(_in(q.get("text"), "en") or ""),
            "concepts": ", ".join(_words(q.get("concepts"))),
            "ask_if": str(q.get("ask_if") or ""),
            "choices": "\n".join(_lines(_in(q.get("choices"), "en"))),
            **{f"text_{lang}": str(_in(q.get("text"), lang) or "") for lang in OTHER_LANGUAGES},
            **{f"choices_{lang}": "\n".join(_lines(_in(q.get("choices"), lang))) for lang in OTHER_LANGUAGES},
        }
        for q in data.get("questions") or ()
        if isinstance(q, Mapping)
    ]
    return out


def with_unshown(data: dict[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    """`data` from the editor's form with what the form does not show kept from the stored
    protocol (a key of the file this editor has no field for, the protocol's or a question's,
    by the question's key), so that saving the page never drops it."""
    out = {**{k: v for k, v in stored.items() if k not in (*FIELDS, "questions")}, **data}
    kept = {q.get("key"): q for q in stored.get("questions") or () if isinstance(q, Mapping)}
    out["questions"] = [
        {**{k: v for k, v in kept.get(q.get("key"), {}).items() if k not in QUESTION_FIELDS}, **q}
        for q in data.get("questions") or ()
    ]
    return out


def rearranged(data: dict[str, Any], op: str) -> dict[str, Any]:
    """The protocol with a question added (`add`), removed (`remove:<i>`) or moved (`up:<i>`,
    `down:<i>`); nothing is saved. Another `op` changes nothing."""
    questions = list(data.get("questions") or [])
    verb, _, where = op.partition(":")
    if verb == "add" and len(questions) < MAX_QUESTIONS:
        questions.append({"kind": "yes_no"})
    elif where.isdigit() and int(where) < len(questions):
        i = int(where)
        if verb == "remove":
            del questions[i]
        elif verb == "up" and i > 0:
            questions[i - 1], questions[i] = questions[i], questions[i - 1]
        elif verb == "down" and i + 1 < len(questions):
            questions[i], questions[i + 1] = questions[i + 1], questions[i]
    return {**data, "questions": questions}


def _control(value: Any, path: tuple[Any, ...], problems: dict[str, str]) -> None:
    """Characters that are not text (a NUL would not even be stored) are refused where they are."""
    if isinstance(value, str):
        if CONTROL.search(value):
            problems[file.key_path(path)] = "holds characters that are not text"
    elif isinstance(value, Mapping):
        for k, v in value.items():
            _control(v, (*path, str(k)), problems)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _control(v, (*path, i), problems)


def validate(data: Mapping[str, Any]) -> ProtocolIn:
    """The protocol validated exactly as `vigil import` validates one; ProtocolError names
    each problem with the import's key path and reason."""
    problems: dict[str, str] = {}
    _control(dict(data), (), problems)
    if problems:
        raise ProtocolError(problems)
    try:
        return ProtocolIn.model_validate(dict(data))
    except ValidationError as exc:
        for loc, msg in file.problems(exc):
            key = file.key_path(loc) or "protocol"
            problems[key] = f"{problems[key]}; {msg}" if key in problems else msg
        raise ProtocolError(problems) from None


# --- reading ------------------------------------------------------------------------------


async def of_clinic(
    session: AsyncSession, clinic_id: int, *, protocol_id: int | None = None, key: str | None = None
) -> Protocol:
    q = select(Protocol).where(Protocol.clinic_id == clinic_id)
    if protocol_id is not None:
        q = q.where(Protocol.id == protocol_id)
    elif key is not None:
        q = q.where(Protocol.key == key)
    else:
        raise NotFound("no such protocol")
    found = await session.scalar(q)
    if found is None:
        raise NotFound("no such protocol")
    return found


async def list_protocols(session: AsyncSession, clinic_id: int) -> list[dict[str, Any]]:
    """The clinic's protocols in the file's shape, each with its id and how many patients are
    enrolled in it now."""
    enrolled = dict(
        (
            await session.execute(
                select(Enrolment.protocol_id, func.count())
                .join(Protocol, Protocol.id == Enrolment.protocol_id)
                .where(Protocol.clinic_id == clinic_id, Enrolment.active.is_(True))
                .group_by(Enrolment.protocol_id)
            )
        ).all()
    )
    rows = await session.scalars(
        select(Protocol).where(Protocol.clinic_id == clinic_id).order_by(Protocol.id)
    )
    return [described(p, int(enrolled.get(p.id, 0))) for p in rows]


def described(protocol: Protocol, enrolled: int) -> dict[str, Any]:
    return {"id": protocol.id, **protocol_data(protocol), "enrolled": enrolled}


async def enrolled_in(session: AsyncSession, protocol_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Enrolment)
        .where(Enrolment.protocol_id == protocol_id, Enrolment.active.is_(True))
    )
    return int(count or 0)


def send_times(
    schedule: str, tz: str, clinic: Clinic, now: datetime, count: int = SEND_TIMES
) -> list[datetime]:
    """The next `count` times a patient in `tz` is sent this schedule's check-in, after `now`,
    out of the clinic's quiet hours: the due sweep's own computation (scheduler/schedule.py)."""
    return [send for _, send in planned(schedule, tz, clinic, now, count)]


def planned(
    schedule: str, tz: str, clinic: Clinic, now: datetime, count: int = SEND_TIMES
) -> list[tuple[datetime, datetime]]:
    """As `send_times`, each with when the schedule fired (later when quiet hours moved it)."""
    return upcoming(schedule, tz, now, quiet_of(clinic), count)


def check_zone(tz: str) -> str:
    """The time zone, or ProtocolError naming why not (as the file words a bad one)."""
    try:
        zone(tz)
    except ScheduleError as exc:
        raise ProtocolError({"timezone": str(exc)}) from None
    return tz


async def zones_of_clinic(session: AsyncSession, clinic: Clinic) -> list[str]:
    """The clinic's time zone and its patients', to choose from."""
    found = await session.scalars(
        select(Patient.timezone)
        .where(Patient.clinic_id == clinic.id, Patient.timezone.is_not(None))
        .distinct()
        .limit(200)
    )
    return sorted({clinic.timezone, *(z for z in found if z)})


# --- writing ------------------------------------------------------------------------------


def changes(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> list[str]:
    """What changed between two protocols in the file's shape, in words for the audit log
    and the page ("schedule: 0 10 * * MON → 0 9 * * TUE", "question neuro: text")."""
    if before is None:
        return ["created"]
    out = []
    for key in FIELDS[1:]:
        if before.get(key) != after.get(key):
            out.append(f"{key.replace('_', ' ')}: {before.get(key) or 'none'} → {after.get(key) or 'none'}")
    old = {q["key"]: q for q in before.get("questions") or ()}
    new = {q["key"]: q for q in after.get("questions") or ()}
    out += [f"question {k} added" for k in new if k not in old]
    out += [f"question {k} removed" for k in old if k not in new]
    for k, q in new.items():
        if k in old:
            fields = [f for f in QUESTION_FIELDS[1:] if q.get(f) != old[k].get(f)]
            if fields:
                out.append(f"question {k}: {', '.join(f.replace('_', ' ') for f in fields)}")
    kept_old = [k for k in old if k in new]
    kept_new = [k for k in new if k in old]
    if kept_old != kept_new:
        out.append("questions reordered: " + ", ".join(new))
    return out


@dataclass
class Saved:
    protocol: Protocol
    created: bool
    changed: list[str] = field(default_factory=list)
    rescheduled: int = 0  # enrolments whose next check-in moved


async def reschedule(
    session: AsyncSession, clinic: Clinic, now: datetime, protocol_id: int | None = None
) -> int:
    """Each active enrolment's next check-in from `now` (of one protocol, or all of the
    clinic's), as `vigil import` reschedules when a schedule or the quiet hours change."""
    q = (
        select(Enrolment, Patient.timezone, Protocol.schedule)
        .join(Patient, Patient.id == Enrolment.patient_id)
        .join(Protocol, Protocol.id == Enrolment.protocol_id)
        .where(Patient.clinic_id == clinic.id, Enrolment.active.is_(True))
    )
    if protocol_id is not None:
        q = q.where(Enrolment.protocol_id == protocol_id)
    quiet = quiet_of(clinic)
    due: dict[tuple[str, str], datetime] = {}
    moved = 0
    for enrolment, tz, schedule in (await session.execute(q)).all():
        key = (schedule, tz or clinic.timezone)
        if key not in due:
            due[key] = next_due(schedule, key[1], now, quiet)
        if enrolment.next_due_at != due[key]:
            enrolment.next_due_at = due[key]
            moved += 1
    return moved


async def save(
    session: AsyncSession,
    me: Staff,
    data: Mapping[str, Any],
    now: datetime,
    channel: str,
    protocol: Protocol | None = None,
) -> Saved:
    """A new protocol (`protocol` None) or `protocol` replaced by `data` (the file's shape),
    validated and written as `vigil import` would; enrolments rescheduled when the schedule
    changed; audited with what changed. The key of a saved protocol stays: patients and the
    clinic file name it."""
    require_admin(me)
    clinic = await session.get(Clinic, me.clinic_id)
    assert clinic is not None
    data = dict(data)
    if protocol is not None:
        asked = data.get("key")
        if asked not in (None, "", protocol.key):
            raise ProtocolError(
                {"key": "cannot change: patients and the clinic file name the protocol by it"}
            )
        data["key"] = protocol.key
    pin = validate(data)
    if protocol is None:
        taken = await session.scalar(
            select(Protocol.id).where(Protocol.clinic_id == clinic.id, Protocol.key == pin.key)
        )
        if taken is not None:
            raise ProtocolError({"key": f"{pin.key} is already a protocol of this clinic"})
    if protocol is not None:
        await _speaks_its_patients_languages(session, protocol, pin)
    before = protocol_data(protocol) if protocol is not None else None
    row, created, _, moved = await write_protocol(session, clinic.id, pin)
    await session.flush()
    changed = changes(before, protocol_data(row))
    rescheduled = await reschedule(session, clinic, now, row.id) if moved else 0
    if changed:
        staff_did(
            session,
            me,
            "create" if created else "update",
            "protocol",
            row.id,
            at=now,
            channel=channel,
            key=row.key,
            changed=changed,
            **({"rescheduled": rescheduled} if rescheduled else {}),
        )
    return Saved(row, created, [] if created else changed, rescheduled)


async def _speaks_its_patients_languages(session: AsyncSession, protocol: Protocol, pin: ProtocolIn) -> None:
    """A protocol keeps every language its enrolled patients speak: the import refuses the
    same gap with the same words (file.language_gap)."""
    rows = await session.execute(
        select(Patient.language, Patient.external_id)
        .join(Enrolment, Enrolment.patient_id == Patient.id)
        .where(Enrolment.protocol_id == protocol.id, Enrolment.active.is_(True))
        .order_by(Patient.id)
    )
    speakers: dict[str, str] = {}
    for language, external_id in rows.all():
        speakers.setdefault(language or "en", external_id)
    questions = [q.model_dump(mode="json", exclude_none=True) for q in pin.questions]
    problems: dict[str, str] = {}
    for language, external_id in speakers.items():
        gap = file.language_gap(pin.key, questions, language, external_id)
        if gap is None:
            continue
        for i, q in enumerate(questions):
            if language not in languages_of(q):
                field = "text" if language == "en" else f"text.{language}"
                problems.setdefault(f"questions[{i}].{field}", gap)
    if problems:
        raise ProtocolError(problems)


def _span(pair: tuple[str | None, str | None]) -> str:
    return f"{pair[0]}–{pair[1]}" if pair[0] and pair[1] else "none"


async def set_quiet_hours(
    session: AsyncSession, me: Staff, start: str | None, end: str | None, now: datetime, channel: str
) -> list[str]:
    """The clinic's quiet hours (both blank: none), validated as the file's `quiet_hours`;
    every enrolment's next check-in moved out of them. Returns what changed, audited."""
    require_admin(me)
    clinic = await session.get(Clinic, me.clinic_id)
    assert clinic is not None
    start, end = (start or "").strip(), (end or "").strip()
    new: tuple[str | None, str | None] = (None, None)
    if start or end:
        given = {k: v for k, v in (("start", start), ("end", end)) if v}
        problems: dict[str, str] = {}
        _control(given, ("quiet_hours",), problems)
        if problems:
            raise ProtocolError(problems)
        try:
            quiet = QuietHours.model_validate(given)
        except ValidationError as exc:
            raise ProtocolError(
                {file.key_path(("quiet_hours", *loc)): msg for loc, msg in file.problems(exc)}
            ) from None
        new = (quiet.start, quiet.end)
    old = (clinic.quiet_start, clinic.quiet_end)
    if new == old:
        return []
    clinic.quiet_start, clinic.quiet_end = new
    said = [f"quiet hours: {_span(old)} → {_span(new)}"]
    moved = await reschedule(session, clinic, now)
    staff_did(
        session, me, "update", "clinic", clinic.id, at=now, channel=channel, changed=said, rescheduled=moved
    )
    return said
