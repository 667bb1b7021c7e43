"""How patients answered their check-ins over a period: the check-in figures of analytics.

Definitions, so that a figure can be checked by hand:

- A check-in belongs to the period, and to a week (Monday, clinic's local date), by when it
  was sent (`opened_at`).
- Sent: every check-in sent in the period, whatever became of it (the denominator of
  "alerts per 100 check-ins").
- Response rate: of the check-ins that have closed, the share the patient answered at least
  one question of (`answered_any`). A check-in still open is not counted yet; one the clinic
  stopped before any answer (the patient was paused or discharged) is not a missed one and
  is left out too.

No web framework here: the page, the CSV and the API all read these same figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.periods import Period

from .models import CheckIn, Enrolment, Protocol


@dataclass(slots=True)
class Rate:
    counted: int = 0  # closed check-ins that count (see the module's definitions)
    answered: int = 0

    @property
    def rate(self) -> float | None:
        """The share answered, 0 to 1, to three decimals; None when none counted."""
        return None if self.counted == 0 else round(self.answered / self.counted, 3)

    def as_dict(self) -> dict[str, Any]:
        return {"counted": self.counted, "answered": self.answered, "rate": self.rate}


@dataclass(slots=True)
class CheckInFigures:
    sent: int = 0
    overall: Rate = field(default_factory=Rate)
    # protocol key -> its name, and its rate per week (every week of the period, oldest first)
    protocols: dict[str, str] = field(default_factory=dict)
    per_week: dict[str, dict[date, Rate]] = field(default_factory=dict)


def counts(status: str, answered_any: bool) -> bool:
    """Whether a check-in counts towards the response rate (see the module's definitions)."""
    if status == "open":
        return False
    return not (status == "stopped" and not answered_any)


async def checkin_figures(session: AsyncSession, clinic_id: int, period: Period) -> CheckInFigures:
    """The check-in figures of one clinic over a period, per protocol and week."""
    weeks = period.weeks()
    protocols = (
        await session.execute(
            select(Protocol.key, Protocol.name).where(Protocol.clinic_id == clinic_id).order_by(Protocol.key)
        )
    ).all()
    out = CheckInFigures()
    for key, name in protocols:
        out.protocols[key] = name
    table: dict[str, dict[date, Rate]] = defaultdict(dict)
    rows = await session.execute(
        select(Protocol.key, CheckIn.opened_at, CheckIn.status, CheckIn.answered_any)
        .join(Enrolment, Enrolment.id == CheckIn.enrolment_id)
        .join(Protocol, Protocol.id == Enrolment.protocol_id)
        .where(
            Protocol.clinic_id == clinic_id,
            CheckIn.opened_at >= period.start,
            CheckIn.opened_at < period.end,
        )
    )
    for key, opened_at, status, answered_any in rows:
        out.sent += 1
        if not counts(status, bool(answered_any)):
            continue
        week = period.week_of(opened_at)
        rate = table[key].setdefault(week, Rate())
        rate.counted += 1
        out.overall.counted += 1
        if answered_any:
            rate.answered += 1
            out.overall.answered += 1
    for key in out.protocols:
        out.per_week[key] = {week: table[key].get(week, Rate()) for week in weeks}
    return out
