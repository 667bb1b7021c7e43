"""A clinic's analytics over a period as one report: the JSON of `GET /api/v1/analytics`, the
rows of the CSV download and the charts of the `/analytics` page all come from `report()`.

The figures themselves are counted in vigil/escalation/analytics.py (cases) and
vigil/scheduler/analytics.py (check-ins), which say how each is defined.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.models import Clinic
from vigil.core.periods import Period
from vigil.escalation.analytics import CASE_LEVELS, case_figures, per_hundred
from vigil.scheduler.analytics import checkin_figures

ROLES = ("nurse", "admin")  # who may read a clinic's analytics (physicians see cases, not these)


async def report(session: AsyncSession, clinic: Clinic, period: Period) -> dict[str, Any]:
    """Every figure of the clinic's analytics over the period, as plain JSON-ready values."""
    cases = await case_figures(session, clinic.id, period)
    checkins = await checkin_figures(session, clinic.id, period)
    return {
        "clinic": {"slug": clinic.slug, "name": clinic.name, "timezone": clinic.timezone},
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "weeks": [w.isoformat() for w in period.weeks()],
        "cases": {"total": cases.cases, "by_level": cases.by_level, "unresolved": cases.unresolved},
        "time_to_acknowledge": {lv: s.as_dict() for lv, s in cases.time_to_acknowledge.items()},
        "time_to_resolve": {lv: s.as_dict() for lv, s in cases.time_to_resolve.items()},
        "cases_per_week": [{"week": w.isoformat(), **n} for w, n in cases.per_week.items()],
        "escalations": {
            "past_tier_1": cases.escalated,
            "paged": cases.paged,
            "by_level": cases.escalated_by_level,
        },
        "dispositions": cases.dispositions,
        "checkins": {
            "sent": checkins.sent,
            "counted": checkins.overall.counted,
            "answered": checkins.overall.answered,
            "response_rate": checkins.overall.rate,
        },
        "response_rate": [
            {
                "protocol": key,
                "name": checkins.protocols[key],
                "weeks": [{"week": w.isoformat(), **r.as_dict()} for w, r in weeks.items()],
            }
            for key, weeks in checkins.per_week.items()
        ],
        "alerts": {
            "count": cases.alerts,
            "checkins": checkins.sent,
            "per_100_checkins": per_hundred(cases.alerts, checkins.sent),
        },
        "top_rules": cases.top_rules,
    }


CSV_HEADER = ("figure", "subject", "week", "value")


def csv_rows(data: dict[str, Any]) -> list[tuple[str, str, str, Any]]:
    """The report as long-format rows: (figure, subject, week, value); empty cells for none."""
    rows: list[tuple[str, str, str, Any]] = []
    add = rows.append
    add(("cases", "all", "", data["cases"]["total"]))
    for level in CASE_LEVELS:
        add(("cases", level, "", data["cases"]["by_level"][level]))
    add(("cases_unresolved", "all", "", data["cases"]["unresolved"]))
    for figure in ("time_to_acknowledge", "time_to_resolve"):
        for level in CASE_LEVELS:
            s = data[figure][level]
            add((f"{figure}_median_s", level, "", s["median_s"]))
            add((f"{figure}_p90_s", level, "", s["p90_s"]))
            add((f"{figure}_count", level, "", s["count"]))
    for week in data["cases_per_week"]:
        for level in CASE_LEVELS:
            add(("cases_per_week", level, week["week"], week[level]))
    add(("escalated_past_tier_1", "all", "", data["escalations"]["past_tier_1"]))
    for level in CASE_LEVELS:
        add(("escalated_past_tier_1", level, "", data["escalations"]["by_level"][level]))
    add(("paged", "all", "", data["escalations"]["paged"]))
    for disposition, n in data["dispositions"].items():
        add(("disposition", disposition, "", n))
    add(("checkins_sent", "all", "", data["checkins"]["sent"]))
    add(("response_rate", "all", "", data["checkins"]["response_rate"]))
    for protocol in data["response_rate"]:
        for week in protocol["weeks"]:
            add(("response_rate", protocol["protocol"], week["week"], week["rate"]))
            add(("checkins_counted", protocol["protocol"], week["week"], week["counted"]))
            add(("checkins_answered", protocol["protocol"], week["week"], week["answered"]))
    add(("alerts", "all", "", data["alerts"]["count"]))
    add(("alerts_per_100_checkins", "all", "", data["alerts"]["per_100_checkins"]))
    for rule in data["top_rules"]:
        add(("red_flag_rule_cases", rule["rule"], "", rule["cases"]))
    return rows


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet runs a cell that starts like a formula: protocol names are typed by people.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(data: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in csv_rows(data):
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def filename(data: dict[str, Any]) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", str(data["clinic"]["slug"]))[:60]
    return f"vigil-analytics-{slug}-{data['from']}-to-{data['to']}.csv"


def week_label(monday: str) -> str:
    """ "2026-11-02" -> "2 Nov": the week a chart bar stands for, by its Monday."""
    day = date.fromisoformat(monday)
    return f"{day.day} {day:%b}"
