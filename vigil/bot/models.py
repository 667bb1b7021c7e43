"""The inbox: every inbound message, keyed by the provider's id so a retry is a no-op."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vigil.core.db import Base


class InboundMessage(Base):
    __tablename__ = "inbound_message"
    __table_args__ = (
        UniqueConstraint("channel", "provider_id"),
        Index("ix_inbound_pending", "processed_at", "id"),
        Index("ix_inbound_patient_received", "patient_id", "received_at", "id"),  # the patient's timeline
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"), index=True)
    # Who wrote, when not the patient: one of their carers (what a carer writes is the patient's).
    carer_id: Mapped[int | None] = mapped_column(ForeignKey("carer.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(20))
    provider_id: Mapped[str] = mapped_column(String(96))
    text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime]
    processed_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(String(200))


class Invite(Base):
    """A single-use, expiring link token that ties a chat to a patient or a staff member.

    Only the SHA-256 of the token is kept: a leaked table cannot be used to link a chat.
    """

    __tablename__ = "invite"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"), index=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    carer_id: Mapped[int | None] = mapped_column(ForeignKey("carer.id", ondelete="CASCADE"))
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class ProviderUpdate(Base):
    """Provider deliveries already handled that are not patient messages (those are keyed in
    the inbox): a Telegram update_id, once per bot, so a redelivery does nothing twice."""

    __tablename__ = "provider_update"
    __table_args__ = (UniqueConstraint("channel", "provider_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    provider_id: Mapped[str] = mapped_column(String(96))
    received_at: Mapped[datetime]


class FollowUp(Base):
    """One round of a red-flag family's follow-up questions to a patient.

    waiting (behind an open check-in or another round, or for the end of quiet hours) →
    asking → done, unanswered (no answer in time: the case shows it; a bare yes or no within
    12 hours, nothing newer sent since, opens it again) or stopped (an emergency, STOP, a
    nurse writing to the patient, or too late to ask).
    """

    __tablename__ = "follow_up"
    __table_args__ = (
        Index("ix_follow_up_patient", "patient_id", "status"),
        Index("ix_follow_up_due", "status", "due_at"),
        Index("ix_follow_up_patient_started", "patient_id", "started_at", "id"),  # the patient's timeline
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    family: Mapped[str] = mapped_column(String(40))
    # The carer who wrote the message that started the round: the questions go to them.
    carer_id: Mapped[int | None] = mapped_column(ForeignKey("carer.id", ondelete="SET NULL"))
    # The questions as sent, in order: [{"text", "kind"}]; the answers join the conversation.
    questions: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(12))
    started_at: Mapped[datetime]
    asked_at: Mapped[datetime | None]
    # asking: when the question lapses; waiting behind a check-in: when that check-in expires,
    # the longest the round waits (it is asked then, and stays fresh for STALE from then);
    # held for quiet hours: when they end (the same: asked then, fresh from then).
    due_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
