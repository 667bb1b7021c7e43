"""A patient's answers to 0-10 check-in questions over time: for triage's trends and the charts.

An answer is stored with its check-in (`CheckInAnswer.value`); what it measured comes from
its protocol's question (`kind: scale`, `concepts`). Answers are grouped by concept (the
question's first; its key when it names none), so a protocol's new version or a second
protocol asking about the same symptom continues the same series.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import CheckIn, CheckInAnswer, Enrolment, Protocol
from .questions import question_text

# Through the enrolment: its (patient_id, protocol_id) key finds a patient's check-ins by index.
_ANSWERS = (
    select(Enrolment.protocol_id, CheckInAnswer.question_key, CheckInAnswer.value, CheckInAnswer.at)
    .join(CheckIn, CheckIn.enrolment_id == Enrolment.id)
    .join(CheckInAnswer, CheckInAnswer.checkin_id == CheckIn.id)
    .where(Enrolment.patient_id == bindparam("patient_id"), CheckInAnswer.value.is_not(None))
    .order_by(CheckInAnswer.at, CheckInAnswer.id)
)
_QUESTIONS = select(Protocol.id, Protocol.questions).where(Protocol.id.in_(bindparam("ids", expanding=True)))


@dataclass(frozen=True, slots=True)
class ScalePoint:
    value: float
    at: datetime


@dataclass(frozen=True, slots=True)
class Series:
    """One measure's answers, oldest first."""

    key: str  # the concept (or the question's key)
    label: str  # the question as last asked
    points: tuple[ScalePoint, ...]


def series_key(question: dict[str, Any]) -> str:
    concepts = question.get("concepts") or ()
    return str(concepts[0]) if concepts else str(question.get("key", ""))


async def scale_series(
    session: AsyncSession, patient_id: int, keys: Collection[str] | None = None
) -> list[Series]:
    """The patient's 0-10 answers, a series per concept (only `keys`, when given)."""
    rows = (await session.execute(_ANSWERS, {"patient_id": patient_id})).all()
    if not rows:
        return []
    protocols = {r.protocol_id for r in rows}
    scales: dict[tuple[int, str], dict[str, Any]] = {}
    for pid, questions in (await session.execute(_QUESTIONS, {"ids": sorted(protocols)})).all():
        for q in questions or ():
            if isinstance(q, dict) and q.get("kind") == "scale":
                scales[(pid, str(q.get("key")))] = q
    points: dict[str, list[ScalePoint]] = {}
    labels: dict[str, str] = {}
    for r in rows:
        q = scales.get((r.protocol_id, r.question_key))
        if q is None or r.value is None:
            continue
        key = series_key(q)
        if keys is not None and key not in keys:
            continue
        points.setdefault(key, []).append(ScalePoint(float(r.value), r.at))
        labels[key] = question_text(q) or key  # for staff: the clinic's own (English) words
    return [Series(k, labels[k], tuple(v)) for k, v in points.items()]
