"""Tables every part of Vigil shares: clinics, staff, patients, the outbox and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from .db import Base


class Clinic(Base):
    __tablename__ = "clinic"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    emergency_number: Mapped[str] = mapped_column(String(32))
    quiet_start: Mapped[str | None] = mapped_column(String(5))  # "21:00", patient's local time
    quiet_end: Mapped[str | None] = mapped_column(String(5))
    oncall: Mapped[dict[str, Any]] = mapped_column(default=dict)  # rotations and policies, as imported
    created_at: Mapped[datetime]
    # How far back triage reads a patient's messages together (TRIAGE.md, "Conversations").
    conversation_window_hours: Mapped[int] = mapped_column(Integer, default=48, server_default="48")
    # A patient's 0-10 answers are compared with the median of their first three; before there
    # are three, with this (TRIAGE.md, "Reading across weeks"). None: only a rising run counts.
    trend_baseline_default: Mapped[float | None]
    # How patients reached by text (SMS, the simulator) opt in (docs/design.md, "Consent by
    # text"): "notice" (consent taken at enrolment; an opt-in notice, check-ins on schedule)
    # or "ask" (awaiting_consent until they reply YES).
    text_consent: Mapped[str] = mapped_column(String(10), default="notice", server_default="notice")


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # nurse | admin | physician
    phone: Mapped[str | None] = mapped_column(String(20))
    telegram_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    notify_by: Mapped[str | None] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    # Set with a temporary password (invite, reset): no page until they choose their own.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())


class ApiToken(Base):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of a 256-bit secret
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class StaffSession(Base):
    """A dashboard sign-in. The cookie carries a secret whose hash is here, so signing out
    ends the session even where the cookie was copied."""

    __tablename__ = "staff_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of a 256-bit secret
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Patient(Base):
    __tablename__ = "patient"
    __table_args__ = (
        UniqueConstraint("clinic_id", "external_id"),
        # The patient list pages through a clinic's patients by name, status or date added.
        Index("ix_patient_clinic_name", "clinic_id", "name", "id"),
        Index("ix_patient_clinic_status", "clinic_id", "status", "id"),
        Index("ix_patient_clinic_created", "clinic_id", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    telegram_chat_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    channel: Mapped[str] = mapped_column(String(20))  # sms | telegram | simulator
    timezone: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8), default="en")
    context: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # active | paused | opted_out | unreachable | invited (Telegram, not linked yet) |
    # awaiting_consent (linked, consent not given): only "active" patients get check-ins.
    status: Mapped[str] = mapped_column(String(20), default="active")
    consented_at: Mapped[datetime | None]
    # When the opt-in notice or consent question went to their number (text channels), and
    # when it was asked again; None for patients enrolled before there was one.
    consent_asked_at: Mapped[datetime | None]
    consent_reminded_at: Mapped[datetime | None]
    # Set when their number or channel changed while nothing could be sent to them (paused,
    # unreachable, discharged): the notice or question is owed, and goes out when they are
    # resumed or re-admitted, before any check-in.
    consent_owed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    # Set when the clinic file stops listing them: no check-ins, but still heard. Kept apart
    # from `status` so that a pause or an opt-out survives being listed again.
    discharged_at: Mapped[datetime | None]

    @property
    def address(self) -> str:
        """Where its channel reaches the patient: a phone number, a chat id, or the simulator."""
        if self.channel == "telegram":
            return str(self.telegram_chat_id or "")
        if self.channel == "sms":
            return self.phone or ""
        return self.external_id


class Carer(Base):
    """Someone who looks after a patient and may write for them (a husband, a daughter).

    What a carer writes is about the patient: it joins the patient's conversation and triage
    reads it so. Found by their address only once the patient's consent is recorded; STOP
    from a carer stops only the carer (`opted_out_at`). Taken off (`removed_at`), never
    deleted: the transcript still names who wrote.
    """

    __tablename__ = "carer"
    __table_args__ = (Index("ix_carer_patient", "patient_id", "removed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    relationship: Mapped[str] = mapped_column(String(60))  # daughter, husband, friend, ...
    channel: Mapped[str] = mapped_column(String(20))  # sms | telegram | simulator
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    telegram_chat_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    consent_recorded_at: Mapped[datetime | None]  # the patient agreed this carer may write
    consent_recorded_by: Mapped[str | None] = mapped_column(String(254))
    opted_out_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]

    @property
    def address(self) -> str:
        """Where its channel reaches the carer (the simulator: a name of its own)."""
        if self.channel == "telegram":
            return str(self.telegram_chat_id or "")
        if self.channel == "sms":
            return self.phone or ""
        return f"carer-{self.id}"

    @property
    def label(self) -> str:
        """How the case and the transcript name them: "Ana (daughter)"."""
        return f"{self.name} ({self.relationship})" if self.relationship else self.name

    @property
    def reachable(self) -> bool:
        """Heard and answered: consent recorded, still listed."""
        return self.consent_recorded_at is not None and self.removed_at is None


class OutboundMessage(Base):
    """The outbox: written in the same transaction as the decision to send, sent after commit."""

    __tablename__ = "outbound_message"
    __table_args__ = (
        Index("ix_outbound_due", "status", "priority", "next_attempt_at"),
        Index("ix_outbound_patient_created", "patient_id", "created_at", "id"),  # the patient's timeline
        UniqueConstraint("channel", "provider_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # None only for the short answer to a stranger, who belongs to no clinic.
    clinic_id: Mapped[int | None] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"))
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    # Set when the message goes to one of the patient's carers rather than to the patient.
    carer_id: Mapped[int | None] = mapped_column(ForeignKey("carer.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(64))  # phone number or chat id
    # question | reminder | safety | reply | closing | page | info
    kind: Mapped[str] = mapped_column(String(20))
    priority: Mapped[int] = mapped_column(default=5)  # 0 goes first
    text: Mapped[str] = mapped_column(Text)
    # Fixed answers as rows of [label, data]; channels with buttons show them, SMS ignores them.
    buttons: Mapped[list[list[list[str]]] | None]
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime]
    lease_until: Mapped[datetime | None]
    provider_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]


def queued(
    *,
    clinic_id: int | None,
    channel: str,
    address: str,
    kind: str,
    text: str,
    now: datetime,
    priority: int,
    patient_id: int | None = None,
    staff_id: int | None = None,
    buttons: list[list[list[str]]] | None = None,
    carer_id: int | None = None,
) -> dict[str, Any]:
    """The columns of a new outbox row, ready to send now."""
    return {
        "buttons": buttons,
        "clinic_id": clinic_id,
        "patient_id": patient_id,
        "staff_id": staff_id,
        "carer_id": carer_id,
        "channel": channel,
        "address": address,
        "kind": kind,
        "priority": priority,
        "text": text,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


def to_patient(
    patient: Patient,
    *,
    kind: str,
    text: str,
    now: datetime,
    priority: int,
    staff_id: int | None = None,
    buttons: list[list[list[str]]] | None = None,
) -> dict[str, Any]:
    """An outbox row to the patient, through their channel."""
    return queued(
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        staff_id=staff_id,
        channel=patient.channel,
        address=patient.address,
        kind=kind,
        text=text,
        now=now,
        priority=priority,
        buttons=buttons,
    )


def to_writer(
    patient: Patient,
    carer: Carer | None,
    *,
    kind: str,
    text: str,
    now: datetime,
    priority: int,
    staff_id: int | None = None,
    buttons: list[list[list[str]]] | None = None,
) -> dict[str, Any]:
    """An outbox row to whoever wrote: the patient, or their carer through the carer's channel
    (still the patient's message, so it shows in the patient's transcript)."""
    if carer is None:
        return to_patient(
            patient, kind=kind, text=text, now=now, priority=priority, staff_id=staff_id, buttons=buttons
        )
    return queued(
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        carer_id=carer.id,
        staff_id=staff_id,
        channel=carer.channel,
        address=carer.address,
        kind=kind,
        text=text,
        now=now,
        priority=priority,
        buttons=buttons,
    )


def to_staff(
    staff: Staff,
    where: tuple[str, str],
    *,
    kind: str,
    text: str,
    now: datetime,
    priority: int,
    buttons: list[list[list[str]]] | None = None,
) -> dict[str, Any]:
    """An outbox row to a staff member, through the (channel, address) that reaches them."""
    return queued(
        clinic_id=staff.clinic_id,
        staff_id=staff.id,
        channel=where[0],
        address=where[1],
        kind=kind,
        text=text,
        now=now,
        priority=priority,
        buttons=buttons,
    )


class AuditEvent(Base):
    """Who viewed or changed what: every view and change of a case lands here."""

    __tablename__ = "audit_event"
    # Failed sign-ins per account over the last minutes are counted on every sign-in.
    __table_args__ = (Index("ix_audit_actor_action_at", "actor", "action", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int | None] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
