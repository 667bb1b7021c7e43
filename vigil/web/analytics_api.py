"""`GET /api/v1/analytics`: a clinic's analytics over a period as JSON, for scripts.

Mounted on the API app beside the other routes (api.py includes this router); the figures are
those of the `/analytics` page and its CSV (analytics_report.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Staff
from vigil.core.periods import PeriodError, period
from vigil.scheduler.schedule import ScheduleError, zone

from .analytics_report import ROLES, report
from .analytics_schema import AnalyticsOut
from .deps import ApiStaff, RuntimeDep

router = APIRouter()

DESCRIPTION = """The clinic's analytics between two dates, both included, in the clinic's time
zone (`from` defaults to four weeks before `to`, `to` to today; at most 366 days). Figures:
the cases opened in the period by level; time to acknowledge and to resolve by level (`count`,
`pending`, `median_s`, `p90_s`: seconds from opening); cases per level per week (weeks start on
Monday and are named by it); cases escalated past tier 1 (and how many were paged at all);
dispositions of the resolved ones; check-ins sent, and the response rate per protocol per week
(`rate` 0-1 of the closed check-ins, `null` when none); alerts (cases opened or raised) per 100
check-ins sent; the red-flag rules that gave reasons to the most cases. Nurses and admins
only (403 otherwise); a bad date or period is 422 with the reason."""

FromDate = Annotated[
    str | None,
    Query(alias="from", max_length=10, description="first day, YYYY-MM-DD", examples=["2026-11-01"]),
]
ToDate = Annotated[
    str | None, Query(max_length=10, description="last day, YYYY-MM-DD", examples=["2026-11-28"])
]


async def clinic_report(
    rt: Any,  # the Runtime (deps.RuntimeDep), not imported: it is due to move out of web/
    staff: Staff,
    raw_from: str | None,
    raw_to: str | None,
    channel: str,
    action: str = "view",
) -> dict[str, Any]:
    """The report for a staff member's own clinic, audited (`view` or `export` of `analytics`):
    aggregate figures, no patient in them, but who looked at the service's record is kept."""
    if staff.role not in ROLES:
        raise HTTPException(403, "only the clinic's nurses and admins can see its analytics")
    async with rt.db.transaction() as session:
        clinic = await session.get(Clinic, staff.clinic_id)
        if clinic is None:
            raise HTTPException(404, "no such clinic")
        try:
            tz = zone(clinic.timezone)
        except ScheduleError:
            tz = zone("UTC")
        try:
            chosen = period(raw_from, raw_to, tz, rt.clock.now())
        except PeriodError as exc:
            raise HTTPException(422, str(exc)) from None
        data = await report(session, clinic, chosen)
        staff_did(
            session,
            staff,
            action,
            "analytics",
            f"{data['from']}..{data['to']}",
            at=rt.clock.now(),
            channel=channel,
        )
    return data


@router.get(
    "/analytics",
    summary="A clinic's analytics over a period",
    description=DESCRIPTION,
    response_model=AnalyticsOut,  # the shape, for scripts; the JSON is report()'s dict as it is
)
async def analytics(
    rt: RuntimeDep, staff: ApiStaff, raw_from: FromDate = None, to: ToDate = None
) -> dict[str, Any]:
    return await clinic_report(rt, staff, raw_from, to, "api")
