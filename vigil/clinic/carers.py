"""A patient's carers, as the clinic file, the pages and the API change them.

A carer writes for the patient: what they write joins the patient's conversation and triage
reads it as the patient's (bot/conversation.py). They are heard only once the patient's
consent is recorded, and taken off (never deleted) so the transcript still names who wrote.
The clinic file's `CarerIn` validates every carer, whichever door it comes through.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import staff_did
from vigil.core.models import Carer, Clinic, Patient, Staff

from .file import CarerIn
from .file import reason as file_reason
from .patients import (
    LANGUAGES,
    Notes,
    NotFound,
    PatientError,
    _Quiet,
    given_fields,
    region_of,
    require_admin,
)

FIELDS = ("name", "relationship", "channel", "phone", "telegram_chat_id", "language")
CHANNELS = ("sms", "telegram", "simulator")


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def describe(carer: Carer) -> dict[str, Any]:
    """A carer as the API and the pages show them."""
    return {
        "id": carer.id,
        "name": carer.name,
        "relationship": carer.relationship,
        "label": carer.label,
        "channel": carer.channel,
        "phone": carer.phone,
        "telegram_linked": carer.telegram_chat_id is not None,
        "language": carer.language,
        "consent": (
            {"at": iso(carer.consent_recorded_at), "by": carer.consent_recorded_by}
            if carer.consent_recorded_at is not None
            else None
        ),
        "opted_out": carer.opted_out_at is not None,
        "status": status(carer),
        "created_at": iso(carer.created_at),
    }


def status(carer: Carer) -> str:
    """`removed`, `awaiting_consent`, `opted_out` (they said STOP) or `active`."""
    if carer.removed_at is not None:
        return "removed"
    if carer.consent_recorded_at is None:
        return "awaiting_consent"
    return "opted_out" if carer.opted_out_at is not None else "active"


def as_file(carer: Carer) -> dict[str, Any]:
    """A carer as the clinic file writes them (export.py)."""
    out: dict[str, Any] = {
        "name": carer.name,
        "relationship": carer.relationship,
        "channel": carer.channel,
    }
    if carer.phone is not None:
        out["phone"] = carer.phone
    if carer.telegram_chat_id is not None:
        out["telegram_chat_id"] = carer.telegram_chat_id
    out["language"] = carer.language
    if carer.consent_recorded_at is not None:
        out["consent"] = {"at": iso(carer.consent_recorded_at), "by": carer.consent_recorded_by}
    if carer.opted_out_at is not None:  # their STOP, so a restored clinic does not write to them
        out["opted_out_at"] = iso(carer.opted_out_at)
    return out


async def of_patient(session: AsyncSession, patient_id: int, *, removed: bool = False) -> list[Carer]:
    """The patient's carers, oldest first (with `removed`, those taken off too)."""
    q = select(Carer).where(Carer.patient_id == patient_id)
    if not removed:
        q = q.where(Carer.removed_at.is_(None))
    return list(await session.scalars(q.order_by(Carer.id)))


def _assign(carer: Carer, cin: CarerIn) -> list[str]:
    changed = []
    values: dict[str, Any] = {
        "name": cin.name,
        "relationship": cin.relationship,
        "channel": cin.channel,
        "phone": cin.phone,
        "language": cin.language,
    }
    if cin.telegram_chat_id is not None:  # a chat linked by invite is not unlinked by omission
        values["telegram_chat_id"] = cin.telegram_chat_id
    if cin.consent is not None:
        values["consent_recorded_at"] = cin.consent.at
        values["consent_recorded_by"] = cin.consent.by
    # A STOP the file carries is set; one it leaves out is kept (only the carer's START
    # takes it back), so an older file never turns a carer who said STOP back on.
    if cin.opted_out_at is not None and carer.opted_out_at is None:
        values["opted_out_at"] = cin.opted_out_at
    for key, value in values.items():
        if getattr(carer, key) != value:
            setattr(carer, key, value)
            changed.append(key)
    return changed


async def sync(
    session: AsyncSession,
    patient: Patient,
    listed: Sequence[CarerIn],
    now: datetime,
    notes: Notes | None = None,
) -> None:
    """The patient's carers as the clinic file lists them (found by name): new ones added,
    listed ones changed (a carer taken off and listed again is back), unlisted ones taken off.
    Consent the file leaves out is kept, as is a carer's own STOP; a STOP the file carries is
    set (an opt-out of a carer who was listed and active is said in the summary)."""
    notes = notes or _Quiet()
    have = {c.name.casefold(): c for c in await of_patient(session, patient.id, removed=True)}
    for cin in listed:
        carer = have.pop(cin.name.casefold(), None)
        created = carer is None
        if carer is None:
            carer = Carer(clinic_id=patient.clinic_id, patient_id=patient.id, created_at=now)
            session.add(carer)
        changed = _assign(carer, cin)
        if "opted_out_at" in changed and not created:
            notes.flag("carer_opted_out", f"{cin.name} of {patient.external_id}")
        if carer.removed_at is not None:
            carer.removed_at = None
            changed.append("listed again")
        notes.note("carers", created, bool(changed))
    for carer in have.values():
        if carer.removed_at is None:
            carer.removed_at = now
            notes.note("carers", False, True)
    await session.flush()


def validate(data: Mapping[str, Any], *, region: str | None) -> CarerIn:
    """A carer from a form or a JSON body, validated as the clinic file validates one;
    PatientError names each bad field. Blank text fields are left out."""
    problems: dict[str, str] = {}
    given = given_fields(data, FIELDS, problems)
    for key in set(data) - set(FIELDS) - {"consent"}:
        problems[str(key)] = "is not a field of a carer"
    cin: CarerIn | None = None
    try:
        cin = CarerIn.model_validate(given, context={"region": region})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
            where = ".".join(loc) or ("phone" if "phone" in err["msg"] else "carer")
            problems.setdefault(where, _reason(where, err))
    if problems or cin is None:
        raise PatientError(problems)
    return cin


def _reason(where: str, err: Any) -> str:
    kind = str(err.get("type", ""))
    if kind == "missing":
        return "is needed"
    if kind == "literal_error" and where == "channel":
        return f"must be one of {', '.join(CHANNELS)}"
    if kind == "literal_error" and where == "language":
        return f"must be one of {', '.join(LANGUAGES)}"
    if kind == "int_parsing":
        return "is not a Telegram chat id (a number)"
    return file_reason(err)


async def _taken(session: AsyncSession, patient: Patient, cin: CarerIn, carer_id: int | None) -> None:
    """One number speaks for one person in a clinic: not the patient's, nor another's."""
    if cin.phone is None:
        return
    if cin.phone == patient.phone:
        raise PatientError({"phone": "is the patient's own number"})
    other = await session.scalar(
        select(Patient.external_id).where(Patient.clinic_id == patient.clinic_id, Patient.phone == cin.phone)
    )
    if other is not None:
        raise PatientError({"phone": f"is the number of patient {other}"})
    q = select(Carer.id).where(
        Carer.clinic_id == patient.clinic_id, Carer.phone == cin.phone, Carer.removed_at.is_(None)
    )
    if carer_id is not None:
        q = q.where(Carer.id != carer_id)
    if await session.scalar(q.limit(1)) is not None:
        raise PatientError({"phone": "is already the number of a carer in this clinic"})


async def _name_free(session: AsyncSession, patient: Patient, name: str, carer_id: int | None) -> None:
    for c in await of_patient(session, patient.id):
        if c.name.casefold() == name.casefold() and c.id != carer_id:
            raise PatientError({"name": f"{name} is already a carer of this patient"})


async def one(session: AsyncSession, patient: Patient, carer_id: int) -> Carer:
    """The patient's carer (still listed); NotFound otherwise."""
    carer = await session.get(Carer, carer_id) if 0 < carer_id < 2**31 else None
    if carer is None or carer.patient_id != patient.id or carer.removed_at is not None:
        raise NotFound("no such carer")
    return carer


async def add(
    session: AsyncSession,
    staff: Staff,
    patient: Patient,
    data: Mapping[str, Any],
    now: datetime,
    channel: str,
    *,
    consent: bool = False,
) -> Carer:
    """A new carer of the patient; with `consent`, the patient's consent recorded now by this
    admin. Audited."""
    require_admin(staff)
    clinic = await session.get(Clinic, staff.clinic_id)
    assert clinic is not None
    cin = validate(data, region=region_of(clinic))
    await _name_free(session, patient, cin.name, None)
    await _taken(session, patient, cin, None)
    carer = Carer(clinic_id=patient.clinic_id, patient_id=patient.id, created_at=now)
    _assign(carer, cin)
    if consent:
        carer.consent_recorded_at, carer.consent_recorded_by = now, staff.email
    session.add(carer)
    await session.flush()
    staff_did(
        session,
        staff,
        "add_carer",
        "patient",
        patient.id,
        at=now,
        channel=channel,
        carer=carer.id,
        consent=consent,
    )
    return carer


async def change(
    session: AsyncSession,
    staff: Staff,
    patient: Patient,
    carer: Carer,
    data: Mapping[str, Any],
    now: datetime,
    channel: str,
) -> list[str]:
    """The carer's fields as `data` says (those it gives, over the rest); audited with what
    changed. Consent is recorded on its own (`record_consent`)."""
    require_admin(staff)
    clinic = await session.get(Clinic, staff.clinic_id)
    assert clinic is not None
    current = {
        "name": carer.name,
        "relationship": carer.relationship,
        "channel": carer.channel,
        "phone": carer.phone,
        "telegram_chat_id": carer.telegram_chat_id,
        "language": carer.language,
    }
    cin = validate({**current, **data}, region=region_of(clinic))
    await _name_free(session, patient, cin.name, carer.id)
    await _taken(session, patient, cin, carer.id)
    changed = _assign(carer, cin)
    if changed:
        staff_did(
            session,
            staff,
            "change_carer",
            "patient",
            patient.id,
            at=now,
            channel=channel,
            carer=carer.id,
            changed=changed,
        )
    return changed


async def record_consent(
    session: AsyncSession, staff: Staff, patient: Patient, carer: Carer, now: datetime, channel: str
) -> bool:
    """The patient agreed that this carer may write for them: from now on they are heard.
    False when it was recorded already."""
    require_admin(staff)
    if carer.consent_recorded_at is not None:
        return False
    carer.consent_recorded_at, carer.consent_recorded_by = now, staff.email
    staff_did(session, staff, "carer_consent", "patient", patient.id, at=now, channel=channel, carer=carer.id)
    return True


async def remove(
    session: AsyncSession, staff: Staff, patient: Patient, carer: Carer, now: datetime, channel: str
) -> None:
    """Taken off: their number is a stranger's again; the transcript still names them."""
    require_admin(staff)
    carer.removed_at = now
    staff_did(session, staff, "remove_carer", "patient", patient.id, at=now, channel=channel, carer=carer.id)
