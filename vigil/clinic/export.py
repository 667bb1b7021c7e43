"""The whole clinic as a clinic file, in the format `vigil import` reads: importing the export
changes nothing, and exporting again gives the same text.

What the importer would change is left out on purpose: staff no longer active (listing them
would make them active again) and discharged patients (listing them would re-admit them).
"""

from __future__ import annotations

from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import Carer, Clinic, Patient, Staff
from vigil.scheduler.models import Enrolment, Protocol

from . import carers
from .patients import CONSENT

HEADER = (
    "# A clinic as `vigil import` reads it, exported by Vigil. Importing this file as it is\n"
    "# changes nothing; edit it and import it to change the clinic (staff or patients left\n"
    "# out are deactivated or discharged).\n"
)


class NoSuchClinic(LookupError):
    pass


def duration(seconds: int) -> str:
    """Seconds as the clinic file writes them: '4h', '90m', '1d', '45s'."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _some(values: dict[str, Any]) -> dict[str, Any]:
    """Without the keys whose value is None (the file leaves them out)."""
    return {k: v for k, v in values.items() if v is not None}


def oncall_section(stored: dict[str, Any]) -> dict[str, Any]:
    """The clinic's stored on-call configuration as the file's `oncall:` (the on-call editor
    starts from it too, so what it saves is what the export writes)."""
    rotations = [_some(dict(r)) for r in stored.get("rotations") or ()]
    escalation = {
        level: [_some(dict(t)) for t in tiers] for level, tiers in (stored.get("escalation") or {}).items()
    }
    out: dict[str, Any] = {"rotations": rotations, "escalation": escalation}
    if stored.get("remind_owner_after") is not None:
        out["remind_owner_after"] = stored["remind_owner_after"]
    return out


def protocol_data(p: Protocol) -> dict[str, Any]:
    """A protocol as the clinic file writes it (the protocol editor starts from this too)."""
    return _some(
        {
            "key": p.key,
            "name": p.name,
            "schedule": p.schedule,
            "remind_after": duration(p.remind_after_s) if p.remind_after_s else None,
            "expire_after": duration(p.expire_after_s),
            "flag_after_missed": p.flag_after_missed,
            "questions": [_some(dict(q)) for q in p.questions],
        }
    )


def clinic_head(clinic: Clinic) -> dict[str, Any]:
    """The file's `clinic:` section."""
    head: dict[str, Any] = {
        "slug": clinic.slug,
        "name": clinic.name,
        "timezone": clinic.timezone,
        "emergency_number": clinic.emergency_number,
    }
    # Quiet hours of no length (21:00-21:00) are refused at save and by the import, and kept
    # to by no send time: migration 0016 clears any stored before that check. Should one still
    # be read here (a database not yet upgraded), it is left out rather than written into a
    # file the import would refuse: the export of a stored clinic must always import, and
    # leaving it out says what the schedule already does (no quiet hours).
    if clinic.quiet_start and clinic.quiet_end and clinic.quiet_start != clinic.quiet_end:
        head["quiet_hours"] = {"start": clinic.quiet_start, "end": clinic.quiet_end}
    head["conversation_window_hours"] = clinic.conversation_window_hours
    if clinic.trend_baseline_default is not None:
        head["trend_baseline_default"] = clinic.trend_baseline_default
    head["text_consent"] = clinic.text_consent
    return head


async def staff_list(session: AsyncSession, clinic_id: int) -> list[dict[str, Any]]:
    """The file's `staff:` section: the active staff, in the order they joined."""
    return [
        _some(
            {
                "email": s.email,
                "name": s.name,
                "role": s.role,
                "phone": s.phone,
                "telegram_chat_id": s.telegram_chat_id,
                "notify_by": s.notify_by,
            }
        )
        for s in await session.scalars(
            select(Staff).where(Staff.clinic_id == clinic_id, Staff.active.is_(True)).order_by(Staff.id)
        )
    ]


async def export_data(session: AsyncSession, clinic_id: int) -> dict[str, Any]:
    """The clinic file's content as plain data (the order of its keys is the file's)."""
    clinic = await session.get(Clinic, clinic_id)
    if clinic is None:
        raise NoSuchClinic(clinic_id)
    head = clinic_head(clinic)
    staff = await staff_list(session, clinic_id)

    protocol_rows = list(
        await session.scalars(select(Protocol).where(Protocol.clinic_id == clinic_id).order_by(Protocol.id))
    )
    protocols = [protocol_data(p) for p in protocol_rows]

    enrolled: dict[int, str] = dict(
        (
            await session.execute(
                select(Enrolment.patient_id, Protocol.key)
                .join(Protocol, Protocol.id == Enrolment.protocol_id)
                .join(Patient, Patient.id == Enrolment.patient_id)
                .where(Patient.clinic_id == clinic_id, Enrolment.active.is_(True))
                .order_by(Enrolment.id)
            )
        ).all()
    )
    listed: dict[int, list[dict[str, Any]]] = {}
    for c in await session.scalars(
        select(Carer)
        .join(Patient, Patient.id == Carer.patient_id)
        .where(Patient.clinic_id == clinic_id, Carer.removed_at.is_(None))
        .order_by(Carer.id)
    ):
        listed.setdefault(c.patient_id, []).append(carers.as_file(c))
    patients = [
        _some(
            {
                "external_id": p.external_id,
                "name": p.name,
                "phone": p.phone,
                "telegram_chat_id": p.telegram_chat_id,
                "channel": p.channel,
                "timezone": p.timezone,
                "language": p.language,
                "protocol": enrolled.get(p.id),
                "context": dict(p.context or {}),
                # Their state, so a restore keeps who paused, said STOP or has not agreed yet.
                "status": p.status,
                "consent": _consent(p),
                "carers": listed.get(p.id),  # left out when they have none
            }
        )
        for p in await session.scalars(
            select(Patient)
            .where(Patient.clinic_id == clinic_id, Patient.discharged_at.is_(None))
            .order_by(Patient.id)
        )
    ]
    return {
        "clinic": head,
        "staff": staff,
        "oncall": oncall_section(clinic.oncall or {}),
        "protocols": protocols,
        "patients": patients,
    }


def _consent(patient: Patient) -> dict[str, str] | None:
    """The patient's opt-in record as the file's `consent:` (None when there is none)."""
    record = _some({key: carers.iso(getattr(patient, column)) for key, column in CONSENT.items()})
    return record or None


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, as people write the file."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Long question texts stay on one line; multi-line text (none today) keeps its breaks.
    style = "|" if "\n" in value else None
    if any(c in value for c in "\x85\u2028\u2029"):
        # Line breaks to YAML that PyYAML writes bare inside quotes, where the reader folds
        # them into a space: "x\x85y" (a Windows-1252 ellipsis read as Latin-1) came back as
        # "x y". Escaped in double quotes, they come back as they were.
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def to_yaml(data: dict[str, Any]) -> str:
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
    return HEADER + body


async def export_clinic(session: AsyncSession, clinic_id: int) -> str:
    """The clinic as the text of a clinic file."""
    return to_yaml(await export_data(session, clinic_id))
