"""Signing a staff member out everywhere: a new password, or they left the clinic."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from .models import StaffSession


async def revoke_all(session: AsyncSession, staff_id: int, now: datetime) -> None:
    """End every live dashboard session of this staff member."""
    await session.execute(
        update(StaffSession)
        .where(StaffSession.staff_id == staff_id, StaffSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
