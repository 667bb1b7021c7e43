"""The inbox: every inbound message, keyed by the provider's id so a retry is a no-op."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vigil.core.db import Base


class InboundMessage(Base):
    __tablename__ = "inbound_message"
    __table_args__ = (
        UniqueConstraint("channel", "provider_id"),
        Index("ix_inbound_pending", "processed_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    provider_id: Mapped[str] = mapped_column(String(96))
    text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime]
    processed_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(String(200))
