"""A clinic's patients one at a time, as the pages, the API and the CSV enrolment change them.

The clinic file's `PatientIn` validates every patient, whichever door it comes through, and
`save` and `enrol` write it: `vigil import` calls the same two functions, so the file and the
pages never disagree. Staff changes (pause, resume, discharge, re-admit) are here too; the
caller audits them with `staff_did` in the same transaction.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from typing import Protocol as Typing

from pydantic import ValidationError
from sqlalchemy import Select, exists, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.bot import enrolment as consent
from vigil.bot import followups
from vigil.core import phones
from vigil.core.audit import staff_did
from vigil.core.models import AuditEvent, Carer, Clinic, Patient, Staff
from vigil.escalation.models import Case
from vigil.scheduler import checkins
from vigil.scheduler.models import Enrolment
from vigil.scheduler.models import Protocol as CheckInProtocol
from vigil.scheduler.schedule import next_due

from .file import PatientIn, language_gap
from .file import reason as file_reason

# What the list filters by. "discharged" is `discharged_at` (kept apart from the status, so a
# pause or an opt-out survives a re-admission); the others are `Patient.status` of patients
# still on the list.
STATUSES = ("invited", "awaiting_consent", "active", "paused", "opted_out", "unreachable", "discharged")
CHANNELS = ("sms", "telegram", "simulator")
LANGUAGES = ("en", "es")
CONTEXT = ("on_active_treatment", "known_bone_metastases", "known_brain_metastases")
FIELDS = ("external_id", "name", "channel", "phone", "telegram_chat_id", "timezone", "language", "protocol")


class PatientError(ValueError):
    """A patient that cannot be written: `problems` maps each field to why, in words."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


class NotFound(LookupError):
    """No such patient in this clinic (another clinic's is not ours to confirm)."""


class Notes(Typing):
    def note(self, kind: str, created: bool, changed: bool) -> None: ...

    # Something about a person the operator must see in the import's summary (an opt-out the
    # file made, one it could not undo), by kind: "opted_out", "kept_opted_out", ...
    def flag(self, kind: str, said: str) -> None: ...


class _Quiet:
    def note(self, kind: str, created: bool, changed: bool) -> None:
        pass

    def flag(self, kind: str, said: str) -> None:
        pass


# --- validation ---------------------------------------------------------------------------


def region_of(clinic: Clinic) -> str | None:
    """The clinic's country, for reading a phone number typed without its country code: the
    same region the clinic file's numbers are read in (core/phones.py)."""
    return phones.region_of_zone(clinic.timezone)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TRUE = {"1", "true", "yes", "y", "on", "x"}
FALSE = {"", "0", "false", "no", "n", "off"}


def given_fields(data: Mapping[str, Any], fields: Sequence[str], problems: dict[str, str]) -> dict[str, Any]:
    """The fields a form or a JSON body gives, text stripped; blank ones left out, and text
    with control characters refused into `problems`."""
    given: dict[str, Any] = {}
    for key in fields:
        value = data.get(key)
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                continue
            if CONTROL.search(value):
                problems[key] = "holds characters that are not text"
                continue
        if value is not None:
            given[key] = value
    return given


def _flag(value: Any, name: str, problems: dict[str, str]) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if text in TRUE:
        return True
    if text not in FALSE:
        problems[name] = f"{value!r} is not yes or no"
    return False


def validate(
    data: Mapping[str, Any],
    *,
    region: str | None,
    protocols: Collection[str] | Mapping[str, Sequence[Mapping[str, Any]]],
) -> PatientIn:
    """A patient from a form, a CSV row or a JSON body, validated as the clinic file validates
    one; PatientError names each bad field. Blank text fields are left out. `protocols` are
    the clinic's protocol keys, or each key's questions: then a protocol not written in the
    patient's language is refused, as the clinic file refuses it."""
    problems: dict[str, str] = {}
    given = given_fields(data, FIELDS, problems)
    raw_context = data.get("context")
    context = raw_context if isinstance(raw_context, Mapping) else data
    given["context"] = {k: _flag(context.get(k), k, problems) for k in CONTEXT}
    unknown = set(raw_context) - set(CONTEXT) if isinstance(raw_context, Mapping) else set()
    for k in sorted(unknown):
        problems[f"context.{k}"] = "is not part of a patient's treatment context"
    if "telegram_chat_id" in given:
        try:
            chat = int(given["telegram_chat_id"])
        except (TypeError, ValueError):
            chat = None
        if chat is None or isinstance(given["telegram_chat_id"], bool) or not -(2**63) < chat < 2**63:
            problems["telegram_chat_id"] = "is not a Telegram chat id (a number)"
            del given["telegram_chat_id"]
        else:
            given["telegram_chat_id"] = chat
    pin: PatientIn | None = None
    try:
        pin = PatientIn.model_validate(given, context={"region": region})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
            where = ".".join(loc) or ("phone" if "phone" in err["msg"] else "patient")
            problems.setdefault(where, _reason(where, err))
    if pin is not None and pin.protocol and pin.protocol not in protocols:
        problems["protocol"] = f"no protocol {pin.protocol!r}" + (
            f" (this clinic has {', '.join(sorted(protocols))})" if protocols else " (this clinic has none)"
        )
    if pin is not None and pin.protocol and isinstance(protocols, Mapping) and pin.protocol in protocols:
        questions = [dict(q) for q in protocols[pin.protocol]]
        gap = language_gap(pin.protocol, questions, pin.language, pin.external_id)
        if gap:
            problems.setdefault("language", gap)
    if problems or pin is None:
        raise PatientError(problems)
    return pin


def questions_of(protocols: Mapping[str, CheckInProtocol]) -> dict[str, list[dict[str, Any]]]:
    """Each protocol's questions, as `validate` checks a patient's language against them."""
    return {k: list(p.questions or ()) for k, p in protocols.items()}


def _reason(where: str, err: Any) -> str:
    kind = str(err.get("type", ""))
    if kind == "missing":
        return "is needed"
    if kind == "literal_error" and where == "channel":
        return f"must be one of {', '.join(CHANNELS)}"
    if kind == "literal_error" and where == "language":
        return f"must be one of {', '.join(LANGUAGES)}"
    if kind == "string_pattern_mismatch" and where == "external_id":
        return "may hold only letters, digits, '.', '_' and '-', starting with a letter or digit"
    if kind == "string_pattern_mismatch" and where == "protocol":
        return "is not a protocol key"
    if kind == "extra_forbidden":
        return "is not a field of a patient"
    return file_reason(err)


# --- writing ------------------------------------------------------------------------------


@dataclass
class Saved:
    patient: Patient
    created: bool
    changed: list[str] = field(default_factory=list)  # the fields that changed, in words
    # The clinic file's state (`_restore`): whether its consent record says this number or
    # chat has heard the opt-in already, what the summary must say, and whether the file
    # stopped them (paused, opted out) so what is open for them must stop too.
    heard: bool = False
    flags: list[tuple[str, str]] = field(default_factory=list)
    stopped: str | None = None


def _fields(pin: PatientIn) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": pin.name,
        "phone": pin.phone,
        "channel": pin.channel,
        "timezone": pin.timezone,
        "language": pin.language,
        "context": pin.context.model_dump(),
    }
    if pin.telegram_chat_id is not None:  # a chat linked by invite is not unlinked by omission
        out["telegram_chat_id"] = pin.telegram_chat_id
    return out


READY = ("active", "awaiting_consent")  # waiting for nothing but the channel


def newly_reached(saved: Saved) -> bool:
    """Whether this patient is newly reached by text: enrolled, moved to another channel, or
    given another number; the number has not heard the opt-in notice (docs/design.md)."""
    patient = saved.patient
    if patient.channel not in consent.TEXT_CHANNELS:
        return False
    return (
        saved.created or "channel" in saved.changed or (patient.channel == "sms" and "phone" in saved.changed)
    )


async def tell_if_new(
    session: AsyncSession, clinic: Clinic, saved: Saved, now: datetime, *, enrolled: bool
) -> bool:
    """Queue the opt-in notice or the consent question (clinic's `text_consent`) through the
    outbox to a patient newly reached by text; every door that writes a patient calls this.
    `enrolled`: they are in a protocol (else the text promises no check-ins)."""
    owed = saved.patient.consent_owed_at is not None  # e.g. re-admitted after a new number
    if not (newly_reached(saved) or owed):
        return False
    return await consent.opt_in(session, saved.patient, clinic, now, enrolled=enrolled)


# The clinic file's `consent:` keys and the columns they are stored in.
CONSENT = {
    "asked_at": "consent_asked_at",
    "reminded_at": "consent_reminded_at",
    "given_at": "consented_at",
    "owed_since": "consent_owed_at",
}
REACHABLE = ("active", "invited", "awaiting_consent")  # may be written to (opt_in's own test)


def carries_state(pin: PatientIn) -> bool:
    """Whether the clinic file says this patient's state (an export does; older files not)."""
    return pin.status is not None or pin.consent is not None


async def not_agreed(session: AsyncSession, patient: Patient, clinic: Clinic) -> bool:
    """Whether the clinic asks this patient's consent on their channel and they have not given
    it, whatever their status now (a pause or a failed number does not answer the question):
    such a patient is never made active but by their own YES. On Telegram: no chat yet (the
    invite is not opened), or a chat linked through an invite (which asks) with no answer; a
    chat the clinic file gave is the clinic's word, as it always was. By text: the clinic asks
    (`text_consent: ask`) and the question went to this number (`consent_asked_at`); patients
    enrolled before migration 0014 were never asked and stay as they were."""
    if patient.consented_at is not None:
        return False
    if patient.channel == "telegram":
        if patient.telegram_chat_id is None:
            return True
        linked = await session.scalar(  # `patient_did`'s record, by the actor/action index
            select(AuditEvent.id)
            .where(
                AuditEvent.actor == f"patient:{patient.external_id}",
                AuditEvent.action == "linked",
                AuditEvent.clinic_id == patient.clinic_id,
                AuditEvent.subject_type == "patient",
                AuditEvent.subject_id == str(patient.id),
            )
            .limit(1)
        )
        return linked is not None
    return (
        patient.channel in consent.TEXT_CHANNELS
        and clinic.text_consent == "ask"
        and patient.consent_asked_at is not None
    )


def unlinked(patient: Patient) -> bool:
    """A Telegram patient with no chat yet: nothing reaches them until they open an invite."""
    return patient.channel == "telegram" and patient.telegram_chat_id is None


def waiting_status(patient: Patient) -> str:
    """Where a patient who has not agreed waits: for the invite, or for their answer."""
    return "invited" if unlinked(patient) else "awaiting_consent"


def _restore(
    patient: Patient, pin: PatientIn, created: bool, was: str | None, saved: Saved, *, unagreed: bool = False
) -> None:
    """The patient's status and consent as the clinic file carries them, so that a clinic
    restored from its export is the clinic it was. The file is the clinic's, with these
    exceptions, each said in the import's summary:
    - an opt-out is the patient's: a file that lists someone who said STOP as anything else
      leaves them opted out (only their START takes it back); a file that opts out someone
      active does opt them out (the clinic may know of a STOP given in person);
    - a patient here who has not agreed (awaiting consent, or a Telegram invite not opened,
      or paused or unreachable since without agreeing: `unagreed`, see `not_agreed`) is not
      made active by a file that records no consent: check-ins would go to someone who never
      said yes.
    A consent key the file leaves out is kept as stored, as a carer's consent is, and a record
    older than the one stored (the file written before the patient's latest step) is not taken."""
    external_id = patient.external_id
    stored = {key: getattr(patient, column) for key, column in CONSENT.items()}
    given = {k: v for k, v in pin.consent.model_dump().items() if v is not None} if pin.consent else {}
    known = [v for v in stored.values() if v is not None]
    if given and known and max(known) > max(given.values()):
        # Something happened here after the file was written (the opt-in sent to a new number,
        # a YES): its record is older than ours, and taking it would undo that, or send the
        # opt-in it records as owed again at every import. Ours stands.
        given = {}
    if given:
        # The record is of the number the file lists: for a patient already here it tells of a
        # new number only when it differs from what the old number's record says.
        saved.heard = any(k in given and (created or given[k] != stored[k]) for k in ("asked_at", "given_at"))
        for key, value in given.items():
            if stored[key] != value:
                setattr(patient, CONSENT[key], value)
                if "consent" not in saved.changed:
                    saved.changed.append("consent")
    if pin.status is None:
        return
    want: str = pin.status
    if unlinked(patient) and want in READY:
        want = "invited"  # nothing reaches them until they open an invite link
    elif want == "invited" and not unlinked(patient):
        want = "awaiting_consent"  # linked, or reached by text: asked, not yet agreed
    if not created and was == "opted_out" and want != "opted_out":
        saved.flags.append(("kept_opted_out", f"{external_id} (the file says {want.replace('_', ' ')})"))
        want = "opted_out"
    elif (
        not created
        and (was in ("awaiting_consent", "invited") or unagreed)
        and want == "active"
        and patient.consented_at is None
    ):
        saved.flags.append(("kept_awaiting", f"{external_id} (the file says active, with no consent given)"))
        want = waiting_status(patient)
    if want == "opted_out" and was not in (None, "opted_out") and not created:
        saved.flags.append(("opted_out", f"{external_id} (was {was.replace('_', ' ')})"))
    if patient.status != want:
        if not created and patient.status in REACHABLE and want in ("paused", "opted_out"):
            saved.stopped = want
        patient.status = want
        if "status" not in saved.changed:
            saved.changed.append("status")


def assign(
    clinic_id: int,
    patient: Patient | None,
    pin: PatientIn,
    now: datetime,
    *,
    readmit: bool,
    unagreed: bool = False,
) -> Saved:
    """The patient's own columns as `pin` says (a new row when `patient` is None); no query.
    `unagreed`: the patient here has not agreed where the clinic asks (`not_agreed`)."""
    created = patient is None
    was = None if patient is None else patient.status
    if patient is None:
        patient = Patient(clinic_id=clinic_id, external_id=pin.external_id, created_at=now, status="active")
    changed = []
    for key, value in _fields(pin).items():
        if getattr(patient, key) != value:
            setattr(patient, key, value)
            changed.append(key)
    if patient.discharged_at is not None and readmit:  # listed again: their status was kept meanwhile
        patient.discharged_at = None
        changed.append("re-admitted")
    if pin.channel == "telegram" and patient.telegram_chat_id is None and patient.status in READY:
        patient.status = "invited"  # nothing can reach them until they open an invite link
    elif patient.telegram_chat_id is not None and patient.status == "invited" and pin.status is None:
        patient.status = "active"  # as before the file carried a status (it says it otherwise)
    saved = Saved(patient, created, [] if created else changed)
    if carries_state(pin):
        _restore(patient, pin, created, was, saved, unagreed=unagreed)
        if created:
            saved.changed = []
    return saved


async def save(
    session: AsyncSession,
    clinic: Clinic,
    pin: PatientIn,
    protocol: CheckInProtocol | None,
    now: datetime,
    *,
    patient: Patient | None = None,
    find: bool = True,
    readmit: bool = True,
    reschedule: bool = False,
    notes: Notes | None = None,
) -> Saved:
    """Write one patient and their enrolment. `find` looks them up by external id when
    `patient` is not given; `readmit` takes a discharged patient back onto the list (the file
    lists them again); `reschedule` moves the next check-in (the protocol or quiet hours moved)."""
    notes = notes or _Quiet()
    if patient is None and find:
        patient = await session.scalar(
            select(Patient).where(Patient.clinic_id == clinic.id, Patient.external_id == pin.external_id)
        )
    moved = patient is not None and patient.timezone != pin.timezone
    unagreed = patient is not None and carries_state(pin) and await not_agreed(session, patient, clinic)
    saved = assign(clinic.id, patient, pin, now, readmit=readmit, unagreed=unagreed)
    if saved.created:
        session.add(saved.patient)
    notes.note("patients", saved.created, bool(saved.changed))
    for kind, said in saved.flags:
        notes.flag(kind, said)
    await session.flush()
    if saved.patient.discharged_at is not None:
        return saved
    if saved.stopped is not None:  # paused or opted out by the file: as the page or STOP does
        await checkins.stop_open(session, saved.patient.id, now)
        await followups.stop(session, saved.patient.id, now, saved.stopped)
    if not carries_state(pin):
        await tell_if_new(session, clinic, saved, now, enrolled=protocol is not None)
    elif saved.patient.consent_owed_at is not None:
        # Owed the opt-in (a new number while they could not be written to): sent once they
        # can be; until then kept owed as the file says, not owed anew from now.
        if saved.patient.status in REACHABLE:
            await consent.opt_in(session, saved.patient, clinic, now, enrolled=protocol is not None)
    elif newly_reached(saved) and not saved.heard:
        await consent.opt_in(session, saved.patient, clinic, now, enrolled=protocol is not None)
    what = await enrol(session, clinic, saved.patient, protocol, now, notes, reschedule=reschedule or moved)
    if what and not saved.created:
        saved.changed.append(what)
    return saved


async def enrol(
    session: AsyncSession,
    clinic: Clinic,
    patient: Patient,
    protocol: CheckInProtocol | None,
    now: datetime,
    notes: Notes | None = None,
    *,
    reschedule: bool,
    enrolments: list[Enrolment] | None = None,
    due: dict[tuple[str, str], datetime] | None = None,
) -> str | None:
    """Enrolled in `protocol` alone (None: in none). What changed: "protocol" (enrolled in
    another, or in none), "next check-in" (only rescheduled), or None. The batch writer passes
    the patient's `enrolments` and a cache of next due times, `due`."""
    notes = notes or _Quiet()
    if enrolments is None:
        enrolments = list(
            (await session.scalars(select(Enrolment).where(Enrolment.patient_id == patient.id))).all()
        )
    changed = False
    for e in enrolments:
        if (protocol is None or e.protocol_id != protocol.id) and e.active:
            e.active = False
            e.next_due_at = None
            notes.note("enrolments", False, True)
            changed = True
    if protocol is None:
        return "protocol" if changed else None
    tz = patient.timezone or clinic.timezone
    quiet = checkins.quiet_of(clinic)
    current = next((e for e in enrolments if e.protocol_id == protocol.id), None)
    key = (protocol.schedule, tz)
    if due is None or key not in due:
        when = next_due(protocol.schedule, tz, now, quiet)
        if due is not None:
            due[key] = when
    else:
        when = due[key]
    if current is None:
        session.add(
            Enrolment(
                patient_id=patient.id, protocol_id=protocol.id, active=True, next_due_at=when, missed_streak=0
            )
        )
        notes.note("enrolments", True, False)
        return "protocol"
    if not current.active or reschedule:
        was = (current.active, current.next_due_at)
        current.active = True
        current.next_due_at = when
        notes.note("enrolments", False, True)
        if changed or not was[0]:
            return "protocol"
        return "next check-in" if was[1] != when else None
    return "protocol" if changed else None


async def discharge(
    session: AsyncSession, clinic: Clinic, patient: Patient, now: datetime, notes: Notes | None = None
) -> bool:
    """Off the clinic's list: no more check-ins; what they write is still read, so a red flag
    still gets safety advice and a case. Their status (paused, opted out) is kept."""
    if patient.discharged_at is not None:
        return False
    patient.discharged_at = now
    await enrol(session, clinic, patient, None, now, notes, reschedule=False)
    await checkins.stop_open(session, patient.id, now)
    return True


async def readmit(
    session: AsyncSession, clinic: Clinic, patient: Patient, protocol: CheckInProtocol | None, now: datetime
) -> bool:
    """Back on the list, enrolled in `protocol` (their last one, as the page offers)."""
    if patient.discharged_at is None:
        return False
    patient.discharged_at = None
    await enrol(session, clinic, patient, protocol, now, reschedule=True)
    return True


async def _owed(session: AsyncSession, patient: Patient, clinic: Clinic, now: datetime) -> str:
    """Send the opt-in a new number was owed while they could not be written to; say so."""
    if not await consent.owed(session, patient, clinic, now):
        return ""
    if patient.status == "awaiting_consent":
        return " Their number is asked for consent first: no check-in until they reply YES."
    return " Their number is sent the opt-in notice first."


class StatusError(ValueError):
    """A pause or resume that does not apply to this patient now; the message says why."""


async def pause(session: AsyncSession, patient: Patient, now: datetime) -> None:
    """No check-ins until resumed (as the patient's own PAUSE): the schedule moves on."""
    if patient.discharged_at is not None:
        raise StatusError("is no longer on the clinic's list: re-admit them first")
    if patient.status != "active":
        raise StatusError(f"is {patient.status.replace('_', ' ')}, not active: only an active patient pauses")
    patient.status = "paused"
    await checkins.stop_open(session, patient.id, now)
    await followups.stop(session, patient.id, now, "paused")


async def resume(session: AsyncSession, patient: Patient, clinic: Clinic) -> str:
    """Check-ins again from the next due time: after a pause, or once the number that could not
    be reached is corrected. An opt-out is the patient's to take back (START). A patient who
    has not agreed where the clinic asks (`not_agreed`) goes back to waiting for their answer,
    not to check-ins; the question they were asked stands (its one reminder, the page), it is
    not sent again. Returns the status they are in now."""
    if patient.discharged_at is not None:
        raise StatusError("is no longer on the clinic's list: re-admit them first")
    if patient.status not in ("paused", "unreachable"):
        raise StatusError(f"is {patient.status.replace('_', ' ')}, not paused")
    owed = patient.channel in consent.TEXT_CHANNELS and patient.consent_owed_at is not None
    if not owed and await not_agreed(session, patient, clinic):
        patient.status = waiting_status(patient)
    else:  # owed the opt-in: `_owed` sends it, and in `ask` mode they wait for the answer
        patient.status = "active"
    return patient.status


# --- reading ------------------------------------------------------------------------------


def shown_status(patient: Patient) -> str:
    return "discharged" if patient.discharged_at is not None else patient.status


async def protocol_of(
    session: AsyncSession, patient_id: int, *, last: bool = False
) -> CheckInProtocol | None:
    """The protocol the patient is enrolled in now; with `last`, the latest they were in."""
    q = (
        select(CheckInProtocol)
        .join(Enrolment, Enrolment.protocol_id == CheckInProtocol.id)
        .where(Enrolment.patient_id == patient_id)
    )
    if not last:
        q = q.where(Enrolment.active.is_(True))
    return await session.scalar(q.order_by(Enrolment.active.desc(), Enrolment.id.desc()).limit(1))


async def protocols_of_clinic(session: AsyncSession, clinic_id: int) -> dict[str, CheckInProtocol]:
    rows = await session.scalars(
        select(CheckInProtocol).where(CheckInProtocol.clinic_id == clinic_id).order_by(CheckInProtocol.key)
    )
    return {p.key: p for p in rows}


class QueryError(ValueError):
    """A filter or sort that names nothing: the message says which and why."""


SORTS = ("name", "external_id", "status", "created")
PAGE_SIZE = 50
MAX_LIMIT = 200


@dataclass(frozen=True, slots=True)
class PatientQuery:
    text: str = ""  # part of the name or of the external id
    status: str = ""
    protocol: str = ""
    open_case: bool | None = None
    sort: str = "name"
    descending: bool = False
    offset: int = 0
    limit: int = PAGE_SIZE


def parse_query(
    *,
    q: str | None = None,
    status: str | None = None,
    protocol: str | None = None,
    open_case: str | None = None,
    sort: str | None = None,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> PatientQuery:
    status = (status or "").strip()
    if status and status not in STATUSES:
        raise QueryError(f"status must be among {', '.join(STATUSES)}")
    order = (sort or "name").strip()
    descending = order.startswith("-")
    order = order.removeprefix("-")
    if order not in SORTS:
        raise QueryError(f"sort must be among {', '.join(SORTS)} (a leading - for descending)")
    case = (open_case or "").strip().lower()
    if case not in ("", "yes", "no", "true", "false"):
        raise QueryError("open_case must be yes or no")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must be 0 or more")
    return PatientQuery(
        text=" ".join((q or "").split())[:200],
        status=status,
        protocol=(protocol or "").strip()[:64],
        open_case=None if not case else case in ("yes", "true"),
        sort=order,
        descending=descending,
        offset=offset,
        limit=limit,
    )


def _open_case() -> Any:
    return exists().where(Case.patient_id == Patient.id, Case.status != "resolved")


def _filtered(q: Select[Any], clinic_id: int, query: PatientQuery) -> Select[Any]:
    q = q.where(Patient.clinic_id == clinic_id)
    if query.text:
        like = "%" + query.text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(
            or_(
                func.lower(Patient.name).like(like, escape="\\"),
                func.lower(Patient.external_id).like(like, escape="\\"),
            )
        )
    if query.status == "discharged":
        q = q.where(Patient.discharged_at.is_not(None))
    elif query.status:
        q = q.where(Patient.status == query.status, Patient.discharged_at.is_(None))
    if query.protocol:
        q = q.where(
            exists().where(
                Enrolment.patient_id == Patient.id,
                Enrolment.active.is_(True),
                Enrolment.protocol_id == CheckInProtocol.id,
                CheckInProtocol.key == query.protocol,
                CheckInProtocol.clinic_id == clinic_id,
            )
        )
    if query.open_case is not None:
        q = q.where(_open_case() if query.open_case else ~_open_case())
    return q


async def find(
    session: AsyncSession, clinic_id: int, query: PatientQuery
) -> tuple[list[dict[str, Any]], int]:
    """One page of the clinic's patients and how many match in all."""
    if session.get_bind().dialect.name == "postgresql":
        # A generic plan (PostgreSQL's choice from a prepared statement's sixth run on) cannot
        # see how deep the offset is or how few patients have a case, and walks the name index
        # probing each row instead of sorting: 60 ms became 500 in bench/patients_bench.py.
        await session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    total = int(
        await session.scalar(_filtered(select(func.count()).select_from(Patient), clinic_id, query)) or 0
    )
    column: Any = {
        "name": Patient.name,
        "external_id": Patient.external_id,
        "status": Patient.status,
        "created": Patient.created_at,
    }[query.sort]
    order = [column.desc(), Patient.id.desc()] if query.descending else [column, Patient.id]
    if query.sort == "status":  # discharged sorts as its own status, after the others
        flag = Patient.discharged_at.is_not(None)
        order = [flag.desc() if query.descending else flag, *order]
    # The page's ids first, then their rows: sorting narrow (key, id) pairs stays in memory
    # where sorting whole rows deep into 20,000 spilled to disk (bench/patients_bench.py).
    page = _filtered(select(Patient.id), clinic_id, query).order_by(*order)
    ids = list(await session.scalars(page.offset(query.offset).limit(query.limit)))
    found = (
        {p.id: p for p in await session.scalars(select(Patient).where(Patient.id.in_(ids)))} if ids else {}
    )
    rows = [found[i] for i in ids if i in found]
    protocols: dict[int, list[str]] = {}
    cases: dict[int, dict[str, Any]] = {}
    if ids:
        for pid, key in await session.execute(
            select(Enrolment.patient_id, CheckInProtocol.key)
            .join(CheckInProtocol, CheckInProtocol.id == Enrolment.protocol_id)
            .where(Enrolment.patient_id.in_(ids), Enrolment.active.is_(True))
        ):
            protocols.setdefault(pid, []).append(key)
        for cid, pid, level in await session.execute(
            select(Case.id, Case.patient_id, Case.level).where(
                Case.patient_id.in_(ids), Case.status != "resolved"
            )
        ):
            cases[pid] = {"id": cid, "level": level}
    return [describe(p, protocols.get(p.id, []), cases.get(p.id)) for p in rows], total


def describe(patient: Patient, protocols: list[str], case: dict[str, Any] | None) -> dict[str, Any]:
    """A patient as the list, the API and the CSV show them."""
    ctx = patient.context or {}
    return {
        "id": patient.id,
        "external_id": patient.external_id,
        "name": patient.name,
        "channel": patient.channel,
        "phone": patient.phone,
        "telegram_linked": patient.telegram_chat_id is not None,
        "timezone": patient.timezone,
        "language": patient.language,
        "status": shown_status(patient),
        "protocol": protocols[0] if protocols else None,
        "context": {k: bool(ctx.get(k)) for k in CONTEXT},
        "open_case": case,
        "created_at": patient.created_at.isoformat().replace("+00:00", "Z"),
    }


# --- what the doors call: the pages and the API, in the caller's transaction ----------------


class NotAllowed(PermissionError):
    """Only a clinic admin changes patients; nurses and physicians see them."""


def require_admin(staff: Staff) -> None:
    if staff.role != "admin":
        raise NotAllowed("only a clinic admin changes patients")


async def of_clinic(
    session: AsyncSession, staff: Staff, *, patient_id: int | None = None, external_id: str | None = None
) -> Patient:
    """The patient, if they belong to this person's clinic; NotFound otherwise."""
    q = select(Patient).where(Patient.clinic_id == staff.clinic_id)
    if patient_id is not None:
        q = q.where(Patient.id == patient_id)
    elif external_id is not None:
        q = q.where(Patient.external_id == external_id)
    else:
        raise NotFound("no such patient")
    found = await session.scalar(q)
    if found is None:
        raise NotFound("no such patient")
    return found


def current(patient: Patient, protocol: str | None) -> dict[str, Any]:
    """The patient as the fields of a form or a CSV row, to be changed and validated again."""
    ctx = patient.context or {}
    return {
        "external_id": patient.external_id,
        "name": patient.name,
        "channel": patient.channel,
        "phone": patient.phone,
        "telegram_chat_id": patient.telegram_chat_id,
        "timezone": patient.timezone,
        "language": patient.language,
        "protocol": protocol,
        "context": {k: bool(ctx.get(k)) for k in CONTEXT},
    }


def number_taken(phone: str, other: str) -> dict[str, str]:
    """The refusal of a number another listed patient has, at every door, in the clinic
    file's words (`patients.MRN-020.phone: +13125550142 is already patient MRN-001's`)."""
    return {"phone": f"{phone} is already patient {other}'s"}


def clashes(channel: str, other_channel: str, *, other_first: bool) -> bool:
    """Whether two listed patients of a clinic may not share a phone number: the clinic file
    refuses a patient texted by SMS at a number a patient listed before them has, whatever
    that one's channel, and the export lists patients in the order they were added."""
    return (channel == "sms" and other_first) or (other_channel == "sms" and not other_first)


async def _number_free(
    session: AsyncSession, clinic_id: int, phone: str | None, channel: str, patient_id: int | None
) -> None:
    """A number the import of the clinic's export would refuse is refused here too, in its
    words (the export lists patients in the order they were added, and the import refuses a
    patient texted by SMS at a number a patient before them has, whatever that one's channel:
    a text from it is read as one patient's, so a second patient there would have their red
    flags filed on the other's record), and so is a carer's number."""
    if not phone:
        return
    q = select(Patient.id, Patient.external_id, Patient.channel).where(
        Patient.clinic_id == clinic_id, Patient.phone == phone, Patient.discharged_at.is_(None)
    )
    if patient_id is not None:
        q = q.where(Patient.id != patient_id)
    for other_id, other, other_channel in (await session.execute(q.order_by(Patient.id))).all():
        first = patient_id is None or other_id < patient_id
        if clashes(channel, other_channel, other_first=first):
            raise PatientError(number_taken(phone, other))
    carer = await _listed_carer_at(session, clinic_id, phone)
    if carer is not None:
        raise PatientError({"phone": f"{phone} is already {carer}'s"})


async def _listed_carer_at(
    session: AsyncSession, clinic_id: int, phone: str | None, but_of: int | None = None
) -> str | None:
    """'the carer <name> of <MRN>' whose number this is, among listed patients' carers
    (`but_of`: leaving out that patient's own)."""
    q = (
        select(Carer.name, Patient.external_id)
        .join(Patient, Patient.id == Carer.patient_id)
        .where(
            Carer.clinic_id == clinic_id,
            Carer.phone == phone,
            Carer.removed_at.is_(None),
            Patient.discharged_at.is_(None),
        )
    )
    if but_of is not None:
        q = q.where(Patient.id != but_of)
    carer = (await session.execute(q.limit(1))).first()
    return None if carer is None else f"the carer {carer[0]} of {carer[1]}"


def chat_taken(chat: int, other: str) -> dict[str, str]:
    """The refusal of a Telegram chat another listed patient has, at every door."""
    return {"telegram_chat_id": f"chat {chat} is already patient {other}'s"}


async def _chat_free(session: AsyncSession, clinic_id: int, chat: int | None, patient_id: int | None) -> None:
    """One chat speaks for one patient (bot/enrolment.py's `link` undoes an older link of a
    chat opened by another's invite): a message from it is read as the newest patient's, so a
    second listed patient at a chat would have the first one's red flags filed on their record."""
    if chat is None:
        return
    q = select(Patient.external_id).where(
        Patient.clinic_id == clinic_id, Patient.telegram_chat_id == chat, Patient.discharged_at.is_(None)
    )
    if patient_id is not None:
        q = q.where(Patient.id != patient_id)
    other = await session.scalar(q.order_by(Patient.id).limit(1))
    if other is not None:
        raise PatientError(chat_taken(chat, other))


async def free_to_return(session: AsyncSession, clinic_id: int, patient: Patient) -> None:
    """A discharged patient listed again by the pages or the API is refused, as a new patient
    is, when what reaches them is now another listed patient's (the CSV and the clinic file
    check the same in their own passes: csv_enrolment.run, importer._in_export_order):
    their number (another patient was given it while they were off the list, or a carer
    was), their Telegram chat, or a carer of theirs whose number is now a listed patient's or
    another carer's. Else two people would answer at one number, and the export would not
    import."""
    await _number_free(session, clinic_id, patient.phone, patient.channel, patient.id)
    await _chat_free(session, clinic_id, patient.telegram_chat_id, patient.id)
    for name, phone in (
        await session.execute(
            select(Carer.name, Carer.phone).where(
                Carer.patient_id == patient.id, Carer.removed_at.is_(None), Carer.phone.is_not(None)
            )
        )
    ).all():
        other = await session.scalar(
            select(Patient.external_id)
            .where(
                Patient.clinic_id == clinic_id,
                Patient.phone == phone,
                Patient.discharged_at.is_(None),
                Patient.id != patient.id,
            )
            .order_by(Patient.id)
            .limit(1)
        )
        taken = (
            f"patient {other}"
            if other is not None
            else await _listed_carer_at(session, clinic_id, phone, but_of=patient.id)
        )
        if taken is not None:
            raise PatientError({f"carers.{name}": f"{phone} is already {taken}'s"})


async def create(
    session: AsyncSession, staff: Staff, data: Mapping[str, Any], now: datetime, channel: str
) -> Saved:
    """A new patient of the admin's clinic, enrolled in the protocol given; audited."""
    require_admin(staff)
    clinic = await session.get(Clinic, staff.clinic_id)
    assert clinic is not None
    protocols = await protocols_of_clinic(session, clinic.id)
    pin = validate(data, region=region_of(clinic), protocols=questions_of(protocols))
    taken = await session.scalar(
        select(Patient.id).where(Patient.clinic_id == clinic.id, Patient.external_id == pin.external_id)
    )
    if taken is not None:
        raise PatientError({"external_id": f"duplicate id: {pin.external_id} is already a patient here"})
    await _number_free(session, clinic.id, pin.phone, pin.channel, None)
    await _chat_free(session, clinic.id, pin.telegram_chat_id, None)
    saved = await save(
        session, clinic, pin, protocols.get(pin.protocol or ""), now, find=False, readmit=False
    )
    staff_did(
        session,
        staff,
        "create",
        "patient",
        saved.patient.id,
        at=now,
        channel=channel,
        external_id=pin.external_id,
    )
    return saved


async def update(
    session: AsyncSession,
    staff: Staff,
    patient: Patient,
    data: Mapping[str, Any],
    now: datetime,
    channel: str,
) -> Saved:
    """The patient changed as `data` says (every field, as a form sends them); audited with
    which fields changed. The external id stays: the file and the CSV find patients by it."""
    require_admin(staff)
    clinic = await session.get(Clinic, staff.clinic_id)
    assert clinic is not None
    protocols = await protocols_of_clinic(session, clinic.id)
    asked = str(data.get("external_id") or patient.external_id).strip()
    if asked != patient.external_id:
        raise PatientError(
            {"external_id": "cannot change: the clinic file and the CSV find the patient by it"}
        )
    pin = validate(
        {**data, "external_id": patient.external_id},
        region=region_of(clinic),
        protocols=questions_of(protocols),
    )
    await _number_free(session, clinic.id, pin.phone, pin.channel, patient.id)
    if pin.telegram_chat_id != patient.telegram_chat_id:  # a chat shared before stays editable
        await _chat_free(session, clinic.id, pin.telegram_chat_id, patient.id)
    saved = await save(
        session, clinic, pin, protocols.get(pin.protocol or ""), now, patient=patient, readmit=False
    )
    if saved.changed:
        staff_did(
            session, staff, "update", "patient", patient.id, at=now, channel=channel, changed=saved.changed
        )
    return saved


ACTIONS = ("pause", "resume", "discharge", "readmit")


async def act(
    session: AsyncSession,
    staff: Staff,
    patient: Patient,
    action: str,
    now: datetime,
    channel: str,
    protocol: str | None = None,
) -> str:
    """Pause, resume, discharge or re-admit (into `protocol`, else their last); audited. Returns
    what happened, in words; StatusError when it does not apply now."""
    require_admin(staff)
    clinic = await session.get(Clinic, staff.clinic_id)
    assert clinic is not None
    if action == "pause":
        await pause(session, patient, now)
        said = "Paused: no check-ins until resumed."
    elif action == "resume":
        now_status = await resume(session, patient, clinic)
        if now_status == "invited":
            said = "Resumed, but they have not opened their invite: no check-in until they agree."
        elif now_status == "awaiting_consent":
            said = "Resumed, but they have not agreed yet: no check-in until they say YES."
        else:
            said = "Resumed: check-ins from the next due time." + await _owed(session, patient, clinic, now)
    elif action == "discharge":
        if not await discharge(session, clinic, patient, now):
            raise StatusError("is already off the clinic's list")
        said = "Discharged: no more check-ins; messages from them are still read."
    elif action == "readmit":
        if patient.discharged_at is None:
            raise StatusError("is on the clinic's list already")
        chosen: CheckInProtocol | None
        if protocol:
            chosen = (await protocols_of_clinic(session, clinic.id)).get(protocol)
            if chosen is None:
                raise PatientError({"protocol": f"no protocol {protocol!r}"})
        else:
            chosen = await protocol_of(session, patient.id, last=True)
        gap = chosen and language_gap(
            chosen.key, list(chosen.questions or ()), patient.language or "en", patient.external_id
        )
        if gap:
            raise PatientError({"protocol": gap})
        await free_to_return(session, clinic.id, patient)
        await readmit(session, clinic, patient, chosen, now)
        said = "Re-admitted" + (f" on {chosen.name}." if chosen else ", on no protocol.")
        said += await _owed(session, patient, clinic, now)
    else:
        raise StatusError(f"{action!r} is none of {', '.join(ACTIONS)}")
    staff_did(session, staff, action, "patient", patient.id, at=now, channel=channel)
    return said
