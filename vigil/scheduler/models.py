"""Check-in protocols, patients' enrolments in them, and the check-ins they open."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vigil.core.db import Base


class Protocol(Base):
    __tablename__ = "protocol"
    __table_args__ = (UniqueConstraint("clinic_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    schedule: Mapped[str] = mapped_column(String(120))  # cron, patient's local time
    remind_after_s: Mapped[int | None]
    expire_after_s: Mapped[int]
    flag_after_missed: Mapped[int | None]
    questions: Mapped[list[Any]] = mapped_column(default=list)  # [{key, kind, text, concepts, ask_if}]


class Enrolment(Base):
    __tablename__ = "enrolment"
    __table_args__ = (
        UniqueConstraint("patient_id", "protocol_id"),
        Index("ix_enrolment_due", "active", "next_due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    protocol_id: Mapped[int] = mapped_column(ForeignKey("protocol.id", ondelete="CASCADE"))
    active: Mapped[bool] = mapped_column(default=True)
    next_due_at: Mapped[datetime | None]
    missed_streak: Mapped[int] = mapped_column(default=0)


class CheckIn(Base):
    __tablename__ = "checkin"
    __table_args__ = (
        Index("ix_checkin_open", "status", "patient_id"),
        Index("ix_checkin_patient_opened", "patient_id", "opened_at", "id"),  # the patient's timeline
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolment.id", ondelete="CASCADE"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    due_at: Mapped[datetime]
    opened_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | completed | expired | stopped
    question_key: Mapped[str | None] = mapped_column(String(64))  # the question awaiting an answer
    asked_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    remind_at: Mapped[datetime | None]
    expires_at: Mapped[datetime]
    answered_any: Mapped[bool] = mapped_column(default=False)
    closed_at: Mapped[datetime | None]


class CheckInAnswer(Base):
    __tablename__ = "checkin_answer"
    __table_args__ = (UniqueConstraint("checkin_id", "question_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkin.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None]
    at: Mapped[datetime]
