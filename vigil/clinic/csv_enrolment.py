"""CSV bulk enrolment: every row validated as the clinic file validates a patient, a dry run
that says what each row would do, and an apply that writes every accepted row or none.

The dry run *is* the apply, inside a transaction that is rolled back: the outcome it shows
cannot differ from what the apply writes. The apply is bound to the dry run the admin saw by
its `digest`: if anything changed between the two (the file, or a patient edited meanwhile),
nothing is written and the new dry run is shown instead. Refused rows are never written.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import staff_did
from vigil.core.models import Carer, Clinic, Patient, Staff
from vigil.scheduler.models import Enrolment

from . import patients
from .file import PatientIn
from .patients import CONTEXT, PatientError

COLUMNS = (
    "external_id",
    "name",
    "channel",
    "phone",
    "telegram_chat_id",
    "timezone",
    "language",
    "protocol",
    *CONTEXT,
)
REQUIRED = ("external_id", "name", "channel")
MAX_ROWS = 20_000
MAX_BYTES = 4 * 1024 * 1024  # 10,000 rows are about 1 MB
CHUNK = 500  # ids per IN (...) when reading what exists


def template() -> str:
    """The CSV to start from: the header and two example rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerow(
        [
            "MRN-200001",
            "Jane Example",
            "sms",
            "+1 617 555 0142",
            "",
            "America/New_York",
            "en",
            "",
            "yes",
            "no",
            "no",
        ]
    )
    writer.writerow(["MRN-200002", "Luis Ejemplo", "telegram", "", "", "", "es", "", "no", "no", "no"])
    return out.getvalue()


class CsvError(ValueError):
    """The file as a whole cannot be read (not CSV, missing columns, too long)."""


@dataclass
class Row:
    line: int  # the line of the file, the header being 1
    external_id: str
    name: str
    outcome: str  # add | change | same | refuse
    reasons: dict[str, str] = field(default_factory=dict)  # refused: field -> why
    changes: list[str] = field(default_factory=list)  # changed: which fields

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "external_id": self.external_id,
            "name": self.name,
            "outcome": self.outcome,
            "reasons": self.reasons,
            "changes": self.changes,
        }


@dataclass
class Plan:
    rows: list[Row]
    digest: str
    applied: bool = False

    @property
    def counts(self) -> dict[str, int]:
        out = {"add": 0, "change": 0, "same": 0, "refuse": 0}
        for r in self.rows:
            out[r.outcome] += 1
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "digest": self.digest,
            "counts": self.counts,
            "rows": [r.as_dict() for r in self.rows],
        }


class Stale(Exception):
    """The apply would not do what the dry run showed; `plan` is what it would do now."""

    def __init__(self, plan: Plan) -> None:
        super().__init__("the patients or the file changed since the dry run")
        self.plan = plan


def read(data: bytes | str) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file as (line, {column: text}); CsvError when the file is unusable."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise CsvError(f"the file is over {MAX_BYTES // (1024 * 1024)} MB; split it")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CsvError("the file is not UTF-8 text (save it as CSV UTF-8)") from None
    else:
        text = data.removeprefix("\ufeff")
    if not text.strip():
        raise CsvError("the file is empty")
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [h.strip().lower() for h in next(reader)]
        unknown = [h for h in header if h not in COLUMNS]
        if unknown:
            raise CsvError(f"unknown columns {', '.join(unknown)} (the columns are {', '.join(COLUMNS)})")
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise CsvError(f"the header lacks {', '.join(missing)}")
        if len(set(header)) != len(header):
            raise CsvError("a column appears twice in the header")
        rows: list[tuple[int, dict[str, str]]] = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise CsvError(f"the file has more than {MAX_ROWS} patients; split it")
            line = reader.line_num
            if len(values) > len(header):
                rows.append((line, {"__width__": f"has {len(values)} cells; the header has {len(header)}"}))
                continue
            rows.append((line, dict(zip(header, values, strict=False))))
    except csv.Error as exc:
        raise CsvError(f"line {reader.line_num}: not CSV ({exc})") from None
    if not rows:
        raise CsvError("the file has a header and no patients")
    return rows


async def run(
    session: AsyncSession, clinic: Clinic, data: bytes | str, now: datetime, staff: Staff | None = None
) -> Plan:
    """Validate every row and write the accepted ones in `session` (the caller commits or rolls
    back); audited as `staff` when given. The plan says what each row did."""
    rows = read(data)
    if session.get_bind().dialect.name == "postgresql":
        # Right after a large import the planner still thinks the table small and reads the
        # 500 ids of each lookup against every row (12 s instead of 4 for 10,000 rows, in
        # bench/patients_bench.py). Sampling the table again costs a tenth of a second.
        await session.execute(text("ANALYZE patient, enrolment"))
    protocols = await patients.protocols_of_clinic(session, clinic.id)
    region = patients.region_of(clinic)
    questions = patients.questions_of(protocols)
    ids = [r.get("external_id", "").strip() for _, r in rows]
    existing: dict[str, Patient] = {}
    wanted = sorted({i for i in ids if i})
    for start in range(0, len(wanted), CHUNK):
        for p in await session.scalars(
            select(Patient).where(
                Patient.clinic_id == clinic.id, Patient.external_id.in_(wanted[start : start + CHUNK])
            )
        ):
            existing[p.external_id] = p
    enrolments: dict[int, list[Enrolment]] = {}
    known = [p.id for p in existing.values()]
    for start in range(0, len(known), CHUNK):
        for e in await session.scalars(
            select(Enrolment).where(Enrolment.patient_id.in_(known[start : start + CHUNK]))
        ):
            enrolments.setdefault(e.patient_id, []).append(e)

    # One number, one listed patient (patients._number_free says why), checked as the import
    # of the clinic's export will check it: in the order the export lists patients, the order
    # they were added (new rows after everyone here, in the file's order). `patients.clashes`
    # says which pairs may not share a number; nor may a patient and a listed carer.
    later = 1 << 62  # the place of a new row: after every patient here
    holders: dict[str, dict[str, tuple[int, str]]] = {}  # phone -> external id -> (place, channel)
    for pid, phone, ext, channel in (
        await session.execute(
            select(Patient.id, Patient.phone, Patient.external_id, Patient.channel).where(
                Patient.clinic_id == clinic.id, Patient.phone.is_not(None), Patient.discharged_at.is_(None)
            )
        )
    ).all():
        if phone:
            holders.setdefault(phone, {})[ext] = (pid, channel)
    chats: dict[int, str] = {  # one Telegram chat, one listed patient (patients._chat_free)
        chat: ext
        for chat, ext in (
            await session.execute(
                select(Patient.telegram_chat_id, Patient.external_id)
                .where(
                    Patient.clinic_id == clinic.id,
                    Patient.telegram_chat_id.is_not(None),
                    Patient.discharged_at.is_(None),
                )
                .order_by(Patient.id.desc())  # the first listed at a chat is named
            )
        ).all()
        if chat is not None
    }
    carer_numbers: dict[str, str] = {}  # phone -> "the carer Ana of MRN-1"
    for name, phone, ext in (
        await session.execute(
            select(Carer.name, Carer.phone, Patient.external_id)
            .join(Patient, Patient.id == Carer.patient_id)
            .where(
                Carer.clinic_id == clinic.id,
                Carer.phone.is_not(None),
                Carer.removed_at.is_(None),
                Patient.discharged_at.is_(None),
            )
        )
    ).all():
        if phone:
            carer_numbers.setdefault(phone, f"the carer {name} of {ext}")
    # A discharged patient a row lists again comes back with their carers, who must still
    # be reachable at a number nobody listed has taken meanwhile (patients.free_to_return).
    returning = {p.id: p.external_id for p in existing.values() if p.discharged_at is not None}
    their_carers: dict[str, list[tuple[str, str]]] = {}
    ids_back = list(returning)
    for start in range(0, len(ids_back), CHUNK):
        for pid, name, phone in await session.execute(
            select(Carer.patient_id, Carer.name, Carer.phone)
            .where(
                Carer.patient_id.in_(ids_back[start : start + CHUNK]),
                Carer.removed_at.is_(None),
                Carer.phone.is_not(None),
            )
            .order_by(Carer.id)
        ):
            if phone:
                their_carers.setdefault(returning[pid], []).append((name, phone))
    out: list[Row] = []
    seen: dict[str, int] = {}
    accepted: list[tuple[Row, PatientIn, Patient | None]] = []
    for (line, values), ident in zip(rows, ids, strict=True):
        row = Row(line, ident, values.get("name", "").strip(), "refuse")
        out.append(row)
        if "__width__" in values:
            row.reasons = {"row": values["__width__"]}
            continue
        if ident and ident in seen:
            row.reasons = {"external_id": f"duplicate id: {ident} is already on line {seen[ident]}"}
            continue
        if ident:
            seen[ident] = line
        try:
            pin = patients.validate(values, region=region, protocols=questions)
        except PatientError as exc:
            row.reasons = exc.problems
            continue
        patient = existing.get(pin.external_id)
        place = patient.id if patient is not None else later + line
        if pin.phone:
            for other, (other_place, other_channel) in holders.get(pin.phone, {}).items():
                if other != pin.external_id and patients.clashes(
                    pin.channel, other_channel, other_first=other_place < place
                ):
                    row.reasons = patients.number_taken(pin.phone, other)
                    break
            else:
                if pin.phone in carer_numbers:
                    row.reasons = {"phone": f"{pin.phone} is already {carer_numbers[pin.phone]}'s"}
            if row.reasons:
                continue
        stored = patient.telegram_chat_id if patient is not None else None
        coming_back = patient is not None and patient.discharged_at is not None
        chat = pin.telegram_chat_id if pin.telegram_chat_id is not None else stored
        if chat is not None and (chat != stored or coming_back):
            holder = chats.get(chat)
            if holder is not None and holder != pin.external_id:
                row.reasons = patients.chat_taken(chat, holder)
                continue
        back = their_carers.get(pin.external_id, []) if patient is not None else []
        for name, phone in back:
            holder = next((o for o in holders.get(phone, {}) if o != pin.external_id), None)
            if holder is not None or phone == pin.phone:
                taken = f"patient {holder or pin.external_id}"
            else:
                taken = carer_numbers.get(phone, "")
            if taken:
                row.reasons = {f"carers.{name}": f"{phone} is already {taken}'s"}
                break
        if row.reasons:
            continue
        if patient is not None and patient.phone and patient.discharged_at is None:
            holders.get(patient.phone, {}).pop(pin.external_id, None)  # moving off their old number
        if pin.phone:
            holders.setdefault(pin.phone, {})[pin.external_id] = (place, pin.channel)
        for name, phone in back:
            carer_numbers.setdefault(phone, f"the carer {name} of {pin.external_id}")
        if chat is not None:
            if stored is not None and chats.get(stored) == pin.external_id:
                del chats[stored]
            chats[chat] = pin.external_id
        accepted.append((row, pin, patient))

    # Write: the patients' own columns first (one flush for every new row), then enrolments.
    saved: list[tuple[Row, PatientIn, patients.Saved]] = []
    for row, pin, patient in accepted:
        moved = patient is not None and patient.timezone != pin.timezone
        done = patients.assign(clinic.id, patient, pin, now, readmit=True)
        if done.created:
            session.add(done.patient)
        if moved:
            done.changed.append("reschedule")
        saved.append((row, pin, done))
    await session.flush()
    due: dict[tuple[str, str], datetime] = {}
    for row, pin, done in saved:
        patient = done.patient
        reschedule = "reschedule" in done.changed
        changes = [c for c in done.changed if c != "reschedule"]
        protocol = protocols.get(pin.protocol or "")
        told = patients.Saved(patient, done.created, changes)
        await patients.tell_if_new(session, clinic, told, now, enrolled=protocol is not None)
        what = await patients.enrol(
            session,
            clinic,
            patient,
            protocol,
            now,
            reschedule=reschedule,
            enrolments=enrolments.get(patient.id, []),
            due=due,
        )
        if what:
            changes.append(what)
        row.outcome = "add" if done.created else "change" if changes else "same"
        row.changes = [] if done.created else changes
        if staff is not None and row.outcome != "same":
            staff_did(
                session,
                staff,
                "create" if done.created else "update",
                "patient",
                patient.id,
                at=now,
                channel="csv",
                external_id=patient.external_id,
                changed=row.changes,
            )
    await session.flush()
    return Plan(out, _digest(data, out))


def _digest(data: bytes | str, rows: list[Row]) -> str:
    h = hashlib.sha256(data.encode() if isinstance(data, str) else data)
    for r in rows:
        h.update(f"\n{r.line}|{r.outcome}|{','.join(r.changes)}|{sorted(r.reasons.items())}".encode())
    return h.hexdigest()[:32]
