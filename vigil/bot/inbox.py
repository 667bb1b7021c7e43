"""The inbox: store an inbound message once, keyed by the provider's id, then process it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.db import table
from vigil.core.models import Patient
from vigil.core.text import clean

from .models import InboundMessage, ProviderUpdate

_TABLE = table(InboundMessage)
# Built once per dialect: every inbound message runs one, and construction costs more CPU
# than the insert itself.
_INSERT = {
    name: insert(_TABLE)
    .on_conflict_do_nothing(index_elements=["channel", "provider_id"])
    .returning(_TABLE.c.id)
    for name, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}


async def receive(
    session: AsyncSession,
    *,
    patient: Patient,
    channel: str,
    provider_id: str,
    text: str,
    now: datetime,
    processed: bool = False,
    error: str | None = None,
    carer_id: int | None = None,
) -> int | None:
    """Insert the message (`carer_id`: one of the patient's carers wrote it); None when this
    provider id was already received (a retry)."""
    values = {
        "clinic_id": patient.clinic_id,
        "patient_id": patient.id,
        "carer_id": carer_id,
        "channel": channel,
        "provider_id": clean(provider_id),
        "text": clean(text),
        "received_at": now,
        "processed_at": now if processed else None,
        "attempts": 1 if processed or error else 0,
        "error": error,
    }
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    found: int | None = (await session.execute(_INSERT[dialect], values)).scalar_one_or_none()
    return found


async def pending(session: AsyncSession, now: datetime, limit: int = 100) -> list[int]:
    """Messages received but not processed (a crash or an error in between)."""
    rows = await session.scalars(
        select(InboundMessage.id)
        .where(InboundMessage.processed_at.is_(None), InboundMessage.attempts < 10)
        .order_by(InboundMessage.id)
        .limit(limit)
    )
    return list(rows)


async def first_time(session: AsyncSession, channel: str, provider_id: str, now: datetime) -> bool:
    """Write the receipt of a delivery that is not a patient message; False if seen before.

    Written in the same transaction as the delivery's effect, so a redelivery does nothing.
    """
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = (
        insert(ProviderUpdate)
        .values(channel=channel, provider_id=clean(provider_id)[:96], received_at=now)
        .on_conflict_do_nothing(index_elements=["channel", "provider_id"])
        .returning(ProviderUpdate.id)
    )
    return (await session.execute(stmt)).scalar_one_or_none() is not None
