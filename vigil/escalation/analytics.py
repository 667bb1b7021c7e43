"""How a clinic's cases went over a period: the case figures of the analytics page and API.

Every figure here is about one cohort: the clinic's cases OPENED in the period (whatever has
happened to them since). Definitions, so that a figure can be checked by hand:

- A case's level is the level it has now (levels only rise: the highest it reached).
- Time to acknowledge: `acknowledged_at - opened_at`, the same span as the
  `vigil_time_to_acknowledge_seconds` metric; time to resolve: `resolved_at - opened_at`.
  Cases not yet acknowledged (resolved) are left out of that figure and counted as pending.
- Median and 90th percentile by linear interpolation between the sorted values (the
  "inclusive" method: for n values, the p-th quantile sits at position (n-1)·p, 0-based).
- Cases per level per week: by the week (Monday, clinic's local date) the case opened.
- Escalated past tier 1: the case has a `paged` event of tier 2 or later. (The case's own
  `escalated` flag starts again when the case rises, so the events are the record.)
- Dispositions: of the cohort's resolved cases; the unresolved are counted apart.
- Alerts: the moments the nurses were told of something new or worse, i.e. `opened` and
  `raised` case events in the period (the figure the symptom-monitoring trials report per
  100 check-ins; the check-ins are counted in scheduler/analytics.py).
- Red-flag rules: for each triage rule, how many of the cohort's cases it gave a reason to.

No web framework here: the page, the CSV and the API all read these same figures.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.periods import Period

from .cases import DISPOSITIONS
from .models import LEVEL_RANK, LEVELS, Case, CaseEvent, CaseReason

CASE_LEVELS = tuple(level for level in LEVELS if LEVEL_RANK[level] >= LEVEL_RANK["routine"])
TOP_RULES = 10


def quantile(values: Sequence[float], p: float) -> float | None:
    """The p-th quantile (0 <= p <= 1) by linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * p
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


@dataclass(frozen=True, slots=True)
class Spread:
    """How long something took, for one level: how many, median and 90th percentile, seconds."""

    count: int
    pending: int  # cases of the level that have not got there yet
    median_s: float | None
    p90_s: float | None

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "pending": self.pending, "median_s": self.median_s, "p90_s": self.p90_s}


def spread(seconds: Sequence[float], pending: int = 0) -> Spread:
    return Spread(len(seconds), pending, quantile(seconds, 0.5), quantile(seconds, 0.9))


@dataclass(slots=True)
class CaseFigures:
    cases: int = 0
    by_level: dict[str, int] = field(default_factory=dict)
    time_to_acknowledge: dict[str, Spread] = field(default_factory=dict)
    time_to_resolve: dict[str, Spread] = field(default_factory=dict)
    per_week: dict[date, dict[str, int]] = field(default_factory=dict)
    escalated: int = 0  # paged past tier 1
    escalated_by_level: dict[str, int] = field(default_factory=dict)
    paged: int = 0  # paged at all (tier 1 or later): the cases escalation could go past
    dispositions: dict[str, int] = field(default_factory=dict)
    unresolved: int = 0
    alerts: int = 0
    top_rules: list[dict[str, Any]] = field(default_factory=list)


async def case_figures(session: AsyncSession, clinic_id: int, period: Period) -> CaseFigures:
    """The case figures of one clinic over a period (see the module's definitions)."""
    start, end = period.start, period.end
    in_cohort = and_(Case.clinic_id == clinic_id, Case.opened_at >= start, Case.opened_at < end)
    rows = (
        await session.execute(
            select(
                Case.id, Case.level, Case.opened_at, Case.acknowledged_at, Case.resolved_at, Case.disposition
            ).where(in_cohort)
        )
    ).all()
    out = CaseFigures(cases=len(rows))
    ack: dict[str, list[float]] = defaultdict(list)
    res: dict[str, list[float]] = defaultdict(list)
    level_of: dict[int, str] = {}
    by_level: Counter[str] = Counter()
    per_week: dict[date, Counter[str]] = {week: Counter() for week in period.weeks()}
    dispositions: Counter[str] = Counter()
    for case_id, level, opened_at, acknowledged_at, resolved_at, disposition in rows:
        level_of[case_id] = level
        by_level[level] += 1
        per_week.setdefault(period.week_of(opened_at), Counter())[level] += 1
        if acknowledged_at is not None:
            ack[level].append((acknowledged_at - opened_at).total_seconds())
        if resolved_at is not None:
            res[level].append((resolved_at - opened_at).total_seconds())
            dispositions[disposition or "other"] += 1
        else:
            out.unresolved += 1
    out.by_level = {level: by_level[level] for level in CASE_LEVELS}
    out.time_to_acknowledge = {
        level: spread(ack[level], by_level[level] - len(ack[level])) for level in CASE_LEVELS
    }
    out.time_to_resolve = {
        level: spread(res[level], by_level[level] - len(res[level])) for level in CASE_LEVELS
    }
    out.per_week = {week: {level: n[level] for level in CASE_LEVELS} for week, n in sorted(per_week.items())}
    known = [d for d in DISPOSITIONS if d in dispositions] + sorted(set(dispositions) - set(DISPOSITIONS))
    out.dispositions = {d: dispositions[d] for d in known}

    cohort = select(Case.id).where(in_cohort).scalar_subquery()
    paged = (
        await session.execute(
            select(CaseEvent.case_id, CaseEvent.detail).where(
                CaseEvent.case_id.in_(cohort), CaseEvent.kind == "paged"
            )
        )
    ).all()
    past_first: set[int] = set()
    for case_id, detail in paged:
        tier = (detail or {}).get("tier")
        if isinstance(tier, int) and tier > 1:
            past_first.add(case_id)
    out.paged = len({case_id for case_id, _ in paged})
    out.escalated = len(past_first)
    escalated_levels = Counter(level_of[c] for c in past_first if c in level_of)
    out.escalated_by_level = {level: escalated_levels[level] for level in CASE_LEVELS}

    out.alerts = int(
        await session.scalar(
            select(func.count())
            .select_from(CaseEvent)
            .join(Case, Case.id == CaseEvent.case_id)
            .where(
                Case.clinic_id == clinic_id,
                CaseEvent.kind.in_(("opened", "raised")),
                CaseEvent.at >= start,
                CaseEvent.at < end,
            )
        )
        or 0
    )

    cases_per_rule = (
        await session.execute(
            select(CaseReason.rule, func.count(func.distinct(CaseReason.case_id)))
            .where(CaseReason.case_id.in_(cohort), CaseReason.rule.is_not(None))
            .group_by(CaseReason.rule)
        )
    ).all()
    ranked = sorted(cases_per_rule, key=lambda r: (-int(r[1]), str(r[0])))[:TOP_RULES]
    out.top_rules = [{"rule": str(rule), "cases": int(n)} for rule, n in ranked]
    return out


def per_hundred(count: int, of: int) -> float | None:
    """`count` per 100 of `of`, to one decimal; None when there is nothing to divide by."""
    return None if of == 0 else round(100 * count / of, 1)
