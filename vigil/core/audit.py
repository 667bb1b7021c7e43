"""The audit log: who viewed or changed what, when. `staff_did` and `patient_did` for the two
kinds of people; `audit` itself for anyone else (a sign-in attempt by an address typed in, the
command line, an API token's creator by name)."""

from __future__ import annotations

import getpass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from .models import AuditEvent, Patient, Staff


def audit(
    session: AsyncSession,
    *,
    at: datetime,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: object,
    clinic_id: int | None,
    **detail: Any,
) -> None:
    session.add(
        AuditEvent(
            clinic_id=clinic_id,
            at=at,
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=str(subject_id),
            detail=detail,
        )
    )


def command_line_actor() -> str:
    """Who runs a `vigil` command, as the audit log names them."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name in this environment (a container without one)
        return "cli"


def staff_did(
    session: AsyncSession,
    staff: Staff,
    action: str,
    subject_type: str,
    subject_id: object,
    *,
    at: datetime,
    channel: str,
    **detail: Any,
) -> None:
    """A staff member viewed or changed something, in their clinic, through `channel`."""
    audit(
        session,
        at=at,
        actor=staff.email,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        clinic_id=staff.clinic_id,
        channel=channel,
        **detail,
    )


def patient_did(
    session: AsyncSession, patient: Patient, action: str, *, at: datetime, channel: str, **detail: Any
) -> None:
    """A patient did something about themselves (linked a chat, consented), through `channel`."""
    audit(
        session,
        at=at,
        actor=f"patient:{patient.external_id}",
        action=action,
        subject_type="patient",
        subject_id=patient.id,
        clinic_id=patient.clinic_id,
        channel=channel,
        **detail,
    )
