"""Dashboard sessions: stored as hashes, revoked on sign-out, password change and removal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import StaffSession
from vigil.core.staff_sessions import revoke_all

from .security import token_hash


async def revoke_secret(session: AsyncSession, secret: str, now: datetime) -> int | None:
    """End the session this cookie secret names; the staff id it belonged to, if it was live."""
    found = await session.execute(
        update(StaffSession)
        .where(StaffSession.token_hash == token_hash(secret), StaffSession.revoked_at.is_(None))
        .values(revoked_at=now)
        .returning(StaffSession.staff_id)
    )
    return found.scalar_one_or_none()


__all__ = ["revoke_all", "revoke_secret"]
