"""Assessments of inbound messages, the cases they open, and every event on a case."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from vigil.core.db import Base

LEVELS = ("none", "routine", "urgent", "emergency")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}


class Assessment(Base):
    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int | None] = mapped_column(unique=True)  # the inbound message it read
    level: Mapped[str] = mapped_column(String(12))
    rules: Mapped[list[Any]] = mapped_column(default=list)
    findings: Mapped[list[Any]] = mapped_column(default=list)
    ruleset: Mapped[str] = mapped_column(String(64))
    question: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class Case(Base):
    __tablename__ = "case"
    __table_args__ = (
        # One open case per patient, even under concurrent writers.
        Index(
            "uq_case_open_patient",
            "patient_id",
            unique=True,
            sqlite_where=text("status != 'resolved'"),
            postgresql_where=text("status != 'resolved'"),
        ),
        Index("ix_case_queue", "clinic_id", "status", "level_rank", "opened_at"),
        Index("ix_case_patient_opened", "patient_id", "opened_at", "id"),  # the patient's timeline
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(12))
    level_rank: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(14), default="open")  # open | acknowledged | resolved
    opened_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    claimed_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    disposition: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]
    # Escalation: the level's policy as it was when the case opened or rose (a later edit of
    # the clinic's policy does not reroute it), the next tier to page, and when.
    policy: Mapped[list[Any]] = mapped_column(default=list)
    tier: Mapped[int] = mapped_column(default=0)
    next_escalation_at: Mapped[datetime | None] = mapped_column(index=True)
    pages_sent: Mapped[int] = mapped_column(default=0)
    escalated: Mapped[bool] = mapped_column(default=False)  # paged past the first tier
    owner_reminded_at: Mapped[datetime | None]


class CaseReason(Base):
    __tablename__ = "case_reason"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    message_id: Mapped[int | None]
    level: Mapped[str] = mapped_column(String(12))
    rule: Mapped[str | None] = mapped_column(String(40))
    concept: Mapped[str | None] = mapped_column(String(40))
    evidence: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int | None]
    end: Mapped[int | None]
    # A score that worsened against the patient's own baseline: how (TRIAGE.md, "Reading across weeks").
    trend: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime]


class CaseEvent(Base):
    __tablename__ = "case_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(254))  # staff email, "patient", "carer:<id>" or "system"
    channel: Mapped[str] = mapped_column(String(20))  # web | api | telegram | sms | simulator | system
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class OncallOverride(Base):
    """Someone covers a rotation's shifts between two instants."""

    __tablename__ = "oncall_override"

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"), index=True)
    rotation_key: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime]
