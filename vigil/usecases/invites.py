"""Invitations: Telegram deep links for patients and staff, `https://t.me/<bot>?start=<token>`.

The same for `vigil invite`, the API and (later) the pages. The link's bot name comes from
whichever channel registered itself as `service.invite_links` (Telegram's, when it is on).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.bot import links
from vigil.bot.transport import TransientError
from vigil.core.audit import audit
from vigil.core.models import Carer, Patient, Staff

if TYPE_CHECKING:
    from .service import Service


class InviteLinks(Protocol):
    async def link_name(self) -> str:
        """The bot's name for a deep link; raises TransientError while it cannot be had."""
        ...


class InviteError(Exception):
    """No link can be made: Telegram is off or unreachable, or nobody matches."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Invitation:
    link: str
    expires_at: datetime


async def _username(service: Service) -> str:
    if service.invite_links is None:
        raise InviteError("Telegram is off: set VIGIL_TELEGRAM_TOKEN")
    try:
        return await service.invite_links.link_name()
    except TransientError as exc:
        raise InviteError(f"Telegram did not answer ({exc}); try again", 503) from None


async def invite_patient(
    service: Service,
    external_id: str,
    created_by: str,
    clinic_id: int | None = None,
    *,
    may_switch_channel: bool = True,
) -> Invitation:
    """A single-use link that ties the opener's chat to this patient; audited.

    Opening it moves the patient to Telegram, so without `may_switch_channel` (a nurse's
    token) only patients already on Telegram can be invited again.
    """
    # Who first: "no such patient" must not wait on, or be hidden by, Telegram's answer.
    async with service.db.session() as session:
        q = select(Patient).where(Patient.external_id == external_id)
        if clinic_id is not None:
            q = q.where(Patient.clinic_id == clinic_id)
        found = list((await session.scalars(q.limit(2))).all())
    if not found:
        raise InviteError(f"no patient with external id {external_id}", 404)
    if len(found) > 1:
        raise InviteError(f"{external_id} is in more than one clinic: name the clinic")
    patient = found[0]
    if patient.discharged_at is not None:
        raise InviteError(f"{external_id} is no longer on the clinic's patient list")
    if not may_switch_channel and patient.channel != "telegram":
        raise InviteError(
            f"{external_id} gets check-ins by {patient.channel}; "
            "only a clinic admin can move them to Telegram",
            403,
        )
    username = await _username(service)
    async with service.db.transaction() as session:
        return await _issue(service, session, username, created_by, patient.clinic_id, patient_id=patient.id)


async def invite_carer(
    service: Service, external_id: str, carer_id: int, created_by: str, clinic_id: int
) -> Invitation:
    """A single-use link that ties the opener's chat to this carer of the patient; audited.
    Opening it moves the carer to Telegram."""
    async with service.db.session() as session:
        patient = await session.scalar(
            select(Patient).where(Patient.external_id == external_id, Patient.clinic_id == clinic_id)
        )
        carer = await session.get(Carer, carer_id) if 0 < carer_id < 2**31 else None
    if patient is None:
        raise InviteError(f"no patient with external id {external_id}", 404)
    if carer is None or carer.patient_id != patient.id or carer.removed_at is not None:
        raise InviteError("no such carer", 404)
    if patient.discharged_at is not None:
        raise InviteError(f"{external_id} is no longer on the clinic's patient list")
    username = await _username(service)
    async with service.db.transaction() as session:
        return await _issue(service, session, username, created_by, clinic_id, carer_id=carer.id)


async def invite_staff(service: Service, email: str, created_by: str) -> Invitation:
    """A single-use link that ties the opener's Telegram account to this staff member."""
    async with service.db.session() as session:
        staff = await session.scalar(select(Staff).where(Staff.email == email.strip().lower()))
    if staff is None or not staff.active:
        raise InviteError(f"no active staff member with email {email}", 404)
    username = await _username(service)
    async with service.db.transaction() as session:
        return await _issue(service, session, username, created_by, staff.clinic_id, staff_id=staff.id)


async def _issue(
    service: Service,
    session: AsyncSession,
    username: str,
    created_by: str,
    clinic_id: int,
    *,
    patient_id: int | None = None,
    staff_id: int | None = None,
    carer_id: int | None = None,
) -> Invitation:
    now = service.clock.now()
    token, expires = await links.create(
        session,
        clinic_id=clinic_id,
        patient_id=patient_id,
        staff_id=staff_id,
        carer_id=carer_id,
        now=now,
        created_by=created_by,
    )
    audit(
        session,
        at=now,
        actor=created_by,
        action="invite",
        subject_type="carer" if carer_id is not None else "patient" if patient_id is not None else "staff",
        subject_id=carer_id or patient_id or staff_id,
        clinic_id=clinic_id,
        expires_at=expires.isoformat(),
    )
    return Invitation(f"https://t.me/{username}?start={token}", expires)
