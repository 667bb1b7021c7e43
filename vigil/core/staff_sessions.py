"""Signing a staff member out everywhere: a new password, or they left the clinic."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from .models import StaffSession


async def revoke_all(session: AsyncSession, staff_id: int, now: datetime, keep: str | None = None) -> None:
    """End every live dashboard session of this staff member, but the one whose token hash is
    `keep` (the browser that changed the password goes on)."""
    q = update(StaffSession).where(StaffSession.staff_id == staff_id, StaffSession.revoked_at.is_(None))
    if keep is not None:
        q = q.where(StaffSession.token_hash != keep)
    await session.execute(q.values(revoked_at=now))
