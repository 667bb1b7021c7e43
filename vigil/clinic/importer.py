"""`vigil import`: write a validated clinic file in one transaction; importing twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import audit, command_line_actor
from vigil.core.clock import Clock
from vigil.core.db import Database
from vigil.core.models import Clinic, Patient, Staff
from vigil.core.staff_sessions import revoke_all
from vigil.escalation.cases import release_held
from vigil.scheduler.models import Protocol
from vigil.scheduler.schedule import parse_duration

from . import carers, patients
from .file import ClinicFile, ImportError_, OncallIn, ProtocolIn


@dataclass
class Summary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    # What the file no longer lists: staff deactivated, patients discharged (never deleted).
    removed: dict[str, int] = field(default_factory=dict)
    released_cases: list[int] = field(default_factory=list)
    # Who, by email or external id: a discharge the clinic did not mean must be easy to see.
    names: dict[str, list[str]] = field(default_factory=dict)
    # What the file said of someone's consent that the import did, or would not do (FLAGS).
    flags: dict[str, list[str]] = field(default_factory=dict)

    def flag(self, kind: str, said: str) -> None:
        self.flags.setdefault(kind, []).append(said)

    def gone(self, kind: str, name: str = "") -> None:
        self.removed[kind] = self.removed.get(kind, 0) + 1
        if name:
            self.names.setdefault(kind, []).append(name)

    def note(self, kind: str, created: bool, changed: bool) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1
        elif changed:
            self.updated[kind] = self.updated.get(kind, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)

    def __str__(self) -> str:
        flagged = [f"{FLAGS[k]}: {_listed(self.flags[k])}" for k in FLAGS if self.flags.get(k)]
        if not self.changed:
            return "; ".join(["nothing changed", *flagged])
        parts = [f"created {_count(n, k)}" for k, n in sorted(self.created.items())]
        parts += [f"updated {_count(n, k)}" for k, n in sorted(self.updated.items())]
        if self.removed.get("staff"):
            parts.append(f"deactivated {self.removed['staff']} staff no longer listed{self._who('staff')}")
        if self.removed.get("patients"):
            n = self.removed["patients"]
            parts.append(f"discharged {_count(n, 'patients')} no longer listed{self._who('patients')}")
        if self.released_cases:
            ids = ", ".join(f"#{i}" for i in self.released_cases)
            parts.append(f"cases they held are open again and paging: {ids}")
        return "; ".join([", ".join(parts), *flagged])

    def _who(self, kind: str, shown: int = 10) -> str:
        names = self.names.get(kind, [])
        if not names:
            return ""
        more = f" and {len(names) - shown} more" if len(names) > shown else ""
        return f" ({', '.join(names[:shown])}{more})"


# Consent is the patient's: what the file did to it, or could not, is named patient by patient.
FLAGS = {
    "opted_out": "opted out as the file says, no more messages to them",
    "carer_opted_out": "carers opted out as the file says",
    "kept_opted_out": "kept opted out, as they asked (only their START takes it back)",
    "kept_awaiting": "kept awaiting consent (no check-ins until they agree)",
}


# What of those the import did (the others are what it kept, refusing the file): audited, counted.
CONSENT_SET = frozenset({"opted_out", "carer_opted_out"})


def _listed(names: list[str], shown: int = 10) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _count(n: int, kind: str) -> str:
    return f"{n} {kind[:-1] if n == 1 and kind.endswith('s') else kind}"


def _assign(obj: Any, values: dict[str, Any]) -> bool:
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def save_oncall(clinic: Clinic, oncall: OncallIn) -> bool:
    """Store the validated on-call section on the clinic (the import and the on-call editor
    both write it here); whether it changed."""
    return _assign(clinic, {"oncall": oncall.model_dump(mode="json")})


async def write_protocol(
    session: AsyncSession, clinic_id: int, p: ProtocolIn
) -> tuple[Protocol, bool, bool, bool]:
    """One protocol as the file says, by its key: (row, created, changed, its schedule
    changed). The protocol editor (clinic/protocols.py) writes with this too."""
    proto = await session.scalar(
        select(Protocol).where(Protocol.clinic_id == clinic_id, Protocol.key == p.key)
    )
    created = proto is None
    if proto is None:
        proto = Protocol(clinic_id=clinic_id, key=p.key)
        session.add(proto)
    old_schedule = proto.schedule
    changed = _assign(
        proto,
        {
            "name": p.name,
            "schedule": p.schedule,
            "remind_after_s": parse_duration(p.remind_after) if p.remind_after else None,
            "expire_after_s": parse_duration(p.expire_after),
            "flag_after_missed": p.flag_after_missed,
            "questions": [q.model_dump(mode="json", exclude_none=True) for q in p.questions],
        },
    )
    return proto, created, changed, not created and old_schedule != p.schedule


class _DryRun(Exception):
    def __init__(self, summary: Summary) -> None:
        self.summary = summary


async def apply(
    db: Database, file: ClinicFile, clock: Clock, *, dry_run: bool = False, actor: str | None = None
) -> Summary:
    """Write the file in one transaction; with `dry_run`, say what it would do and roll back.
    An import that changed anything is audited, by `actor` (who ran the command)."""
    try:
        async with db.transaction() as session:
            summary = await apply_in(session, file, clock, actor=actor)
            if dry_run:
                raise _DryRun(summary)  # leaving the block by an exception rolls it all back
            return summary
    except _DryRun as done:
        return done.summary


async def apply_in(
    session: AsyncSession, file: ClinicFile, clock: Clock, *, actor: str | None = None
) -> Summary:
    now = clock.now()
    summary = Summary()
    c = file.clinic
    quiet = c.quiet_hours
    clinic = await session.scalar(select(Clinic).where(Clinic.slug == c.slug))
    created = clinic is None
    changed_quiet = clinic is not None and (clinic.quiet_start, clinic.quiet_end) != (
        quiet.start if quiet else None,
        quiet.end if quiet else None,
    )
    if clinic is None:
        clinic = Clinic(slug=c.slug, created_at=now, oncall={})
        session.add(clinic)
    changed = _assign(
        clinic,
        {
            "name": c.name,
            "timezone": c.timezone,
            "emergency_number": c.emergency_number,
            "quiet_start": quiet.start if quiet else None,
            "quiet_end": quiet.end if quiet else None,
            "conversation_window_hours": c.conversation_window_hours,
            "trend_baseline_default": c.trend_baseline_default,
            "text_consent": c.text_consent,
        },
    )
    changed = save_oncall(clinic, file.oncall) or changed
    summary.note("clinic", created, changed)
    await session.flush()

    for s in file.staff:
        staff = await session.scalar(select(Staff).where(Staff.email == s.email))
        if staff is not None and staff.clinic_id != clinic.id:
            raise ValueError(f"staff {s.email} belongs to another clinic")
        created = staff is None
        if staff is None:
            staff = Staff(email=s.email, clinic_id=clinic.id, active=True)
            session.add(staff)
        changed = _assign(
            staff,
            {
                "name": s.name,
                "role": s.role,
                "phone": s.phone,
                "telegram_chat_id": s.telegram_chat_id,
                "notify_by": s.notify_by,
                "active": True,  # listed again after leaving: back on
            },
        )
        summary.note("staff", created, changed)
    listed = {s.email for s in file.staff}
    for staff in await session.scalars(
        select(Staff).where(Staff.clinic_id == clinic.id, Staff.active.is_(True)).order_by(Staff.id)
    ):
        if staff.email not in listed:
            # Left the clinic: no sign-in, no tokens, no pages; their history stays.
            staff.active = False
            await revoke_all(session, staff.id, now)  # coming back later does not revive them
            summary.gone("staff", staff.email)
            summary.released_cases += await release_held(session, staff, now, "no longer on the staff list")

    protocols: dict[str, Protocol] = {}
    rescheduled: set[str] = set()
    for p in file.protocols:
        proto, created, changed, moved = await write_protocol(session, clinic.id, p)
        summary.note("protocols", created, changed)
        protocols[p.key] = proto
        if moved:
            rescheduled.add(p.key)
    await session.flush()

    numbers: dict[str, list[tuple[int, str, str]]] = {}  # phone -> (row id, external id, channel)
    chats: dict[int, list[str]] = {}  # Telegram chat -> the external ids listed at it
    back: list[str] = []  # re-admitted by this file
    for pin in file.patients:
        # The same writer as the pages and the CSV enrolment (clinic/patients.py).
        saved = await patients.save(
            session,
            clinic,
            pin,
            protocols.get(pin.protocol or ""),
            now,
            readmit=True,
            reschedule=changed_quiet or (pin.protocol or "") in rescheduled,
            notes=summary,
        )
        await carers.sync(session, saved.patient, pin.carers, now, summary)
        if pin.phone:
            numbers.setdefault(pin.phone, []).append((saved.patient.id, pin.external_id, pin.channel))
        if saved.patient.telegram_chat_id is not None:
            chats.setdefault(saved.patient.telegram_chat_id, []).append(pin.external_id)
        if "re-admitted" in saved.changed:
            back.append(pin.external_id)
    listed_patients = {p.external_id for p in file.patients}
    for patient in await session.scalars(
        select(Patient)
        .where(Patient.clinic_id == clinic.id, Patient.discharged_at.is_(None))
        .order_by(Patient.id)
    ):
        if patient.external_id in listed_patients:
            continue
        # No more check-ins; messages they send are still read, so a red flag still gets
        # safety advice and a case. Their status (paused, opted out) is left as it is.
        await patients.discharge(session, clinic, patient, now, summary)
        summary.gone("patients", patient.external_id)
    _in_export_order(numbers, _chats_back(chats, back))
    consent_set = {k: len(v) for k, v in summary.flags.items() if k in CONSENT_SET and v}
    if summary.changed or consent_set:
        # Patients enrolled, discharged or restored by a file are changes like any other: who
        # ran it and what it did (counts, whom it discharged, how many STOPs it set).
        audit(
            session,
            at=now,
            actor=actor or command_line_actor(),
            action="import",
            subject_type="clinic",
            subject_id=clinic.id,
            clinic_id=clinic.id,
            channel="cli",
            created=summary.created,
            updated=summary.updated,
            removed=summary.removed,
            discharged=summary.names.get("patients", []),
            deactivated=summary.names.get("staff", []),
            consent=consent_set,
        )
    return summary


def _chats_back(chats: dict[int, list[str]], back: list[str]) -> list[str]:
    """A patient listed again keeps the Telegram chat they had (the file does not unlink one by
    leaving it out): refused, as the pages refuse it, when a patient the file lists has that
    chat now. Only those coming back: two patients a clinic already lists at one chat (which
    the file never refused) still import, so a stored clinic's export always imports."""
    problems = []
    for chat, holders in chats.items():
        for external_id in holders:
            others = [h for h in holders if h != external_id]
            if external_id in back and others:
                said = patients.chat_taken(chat, others[0])["telegram_chat_id"]
                problems.append(f"patients.{external_id}.telegram_chat_id: {said}")
    return problems


def _in_export_order(numbers: dict[str, list[tuple[int, str, str]]], problems: list[str]) -> None:
    """The file's own check of shared numbers (file.py: a patient texted by SMS at a number a
    patient listed before them has is refused) again, in the order the export will list them:
    the order they were added, not the file's. A patient re-admitted, or one already here,
    keeps their place, so a file that lists an SMS patient before the earlier patient whose
    number they share would be written, and its export refused. The whole import is refused
    instead, as a bad key is, with nothing written (and so it is for `problems` found before)."""
    for phone, holders in numbers.items():
        if len(holders) < 2:
            continue
        holders.sort()
        first = holders[0]
        for _, external_id, channel in holders[1:]:
            if patients.clashes(channel, first[2], other_first=True):
                problems.append(
                    f"patients.{external_id}.phone: {phone} is already patient {first[1]}'s "
                    f"({first[1]} was added here before {external_id})"
                )
    if problems:
        raise ImportError_(problems)
