"""Someone we do not know writes in: one short answer a day, with no patient data."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import OutboundMessage, queued

EVERY = timedelta(hours=24)  # a stranger's bot or a wrong number must not start a conversation


async def tell_stranger(session: AsyncSession, channel: str, address: str, now: datetime, text: str) -> bool:
    """Queue the answer unless this address had one in the last day; True when queued."""
    recent = await session.scalar(
        select(OutboundMessage.id)
        .where(
            OutboundMessage.channel == channel,
            OutboundMessage.address == address,
            OutboundMessage.kind == "stranger",
            OutboundMessage.created_at > now - EVERY,
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
                kind="stranger",
                text=text,
                now=now,
                priority=5,
            )
        )
    )
    return True
