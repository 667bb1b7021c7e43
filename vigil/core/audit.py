"""The audit log: who viewed or changed what, when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from .models import AuditEvent


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
