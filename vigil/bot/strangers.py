"""Someone we do not know writes in: one short answer a day, with no patient data."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import OutboundMessage, queued

EVERY = timedelta(hours=24)  # a stranger's bot or a wrong number must not start a conversation


async def tell_stranger(
    session: AsyncSession,
    channel: str,
    address: str,
    now: datetime,
    text: str,
    *,
    kind: str = "stranger",
    every: timedelta = EVERY,
) -> bool:
    """Queue the answer unless this address had one of this kind lately; True when queued."""
    recent = await session.scalar(
        select(OutboundMessage.id)
        .where(
            OutboundMessage.channel == channel,
            OutboundMessage.address == address,
            OutboundMessage.kind == kind,
            OutboundMessage.created_at > now - every,
        )
        .limit(1)
    )
    if recent is not None:
        return False
    await session.execute(
        insert(OutboundMessage).values(
            queued(
                clinic_id=None,
                channel=channel,
                address=address,
                kind=kind,
                text=text,
                now=now,
                priority=5,
            )
        )
    )
    return True
