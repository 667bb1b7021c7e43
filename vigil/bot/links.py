"""Invites: single-use, expiring tokens that link a chat to a patient or a staff member.

The token travels in a deep link (Telegram's `/start <token>`); only its hash is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from .models import Invite

PATIENT_TTL = timedelta(days=7)
STAFF_TTL = timedelta(days=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create(
    session: AsyncSession,
    *,
    clinic_id: int,
    now: datetime,
    created_by: str,
    patient_id: int | None = None,
    staff_id: int | None = None,
    carer_id: int | None = None,
) -> tuple[str, datetime]:
    """A new token (shown once) and when it expires."""
    if sum(x is not None for x in (patient_id, staff_id, carer_id)) != 1:
        raise ValueError("an invite is for one patient, one staff member or one carer")
    # A new link replaces any earlier one still unused: only the latest one sent can link.
    if patient_id is not None:
        whose = Invite.patient_id == patient_id
    elif carer_id is not None:
        whose = Invite.carer_id == carer_id
    else:
        whose = Invite.staff_id == staff_id
    await session.execute(
        update(Invite).where(whose, Invite.used_at.is_(None), Invite.expires_at > now).values(expires_at=now)
    )
    token = secrets.token_urlsafe(24)  # 32 characters of [A-Za-z0-9_-], as deep links allow
    expires = now + (STAFF_TTL if staff_id is not None else PATIENT_TTL)
    session.add(
        Invite(
            token_hash=_hash(token),
            clinic_id=clinic_id,
            patient_id=patient_id,
            staff_id=staff_id,
            carer_id=carer_id,
            created_by=created_by,
            created_at=now,
            expires_at=expires,
        )
    )
    await session.flush()
    return token, expires


async def redeem(session: AsyncSession, token: str, now: datetime) -> Invite | None:
    """Use the token once: the invite it names, or None if unknown, expired or used already."""
    if not token or len(token) > 64:
        return None
    invite = await session.scalar(select(Invite).where(Invite.token_hash == _hash(token)))
    if invite is None or invite.used_at is not None or invite.expires_at <= now:
        return None
    # A conditional update, so two deliveries racing with the same token link one chat.
    taken = await session.execute(
        update(Invite).where(Invite.id == invite.id, Invite.used_at.is_(None)).values(used_at=now)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return invite
