"""The analytics page (`/analytics`) and its CSV (`/analytics.csv`): a clinic's figures over a
chosen period, as charts a nurse manager reads at a glance and as a spreadsheet.

The charts are drawn in the browser by Chart.js, vendored in static/vendor/ (no CDN: clinics
run Vigil behind firewalls). Why Chart.js: it is the most used and best kept open-source chart
library (MIT, releases every few months, a large test suite), one self-contained file of
~210 kB with no dependencies, and it runs under this app's CSP (`script-src 'self'`, no
inline styles): it draws on a canvas and injects no <style>. Every chart's numbers are also on
the page as a table, for screen readers and for those without scripts, and in the CSV.

Only numbers reach the page: each chart is a small spec (`charts` below) in a
`data-chart` attribute, which static/analytics.js turns into a Chart.js configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from vigil.core.models import Staff
from vigil.escalation.analytics import CASE_LEVELS

from .analytics_api import clinic_report
from .analytics_report import filename, to_csv, week_label
from .deps import RuntimeDep, page_staff
from .security import new_csrf

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
PageStaff = Annotated[Staff | None, Depends(page_staff)]

LEVEL_COLOURS = {"routine": "#2f6f4f", "urgent": "#b25e00", "emergency": "#b3261e"}  # as in app.css
SERIES = ("#1f5fae", "#b25e00", "#2f6f4f", "#7a3fa0", "#b3261e", "#5b6675", "#0f7c8c", "#a0672b")
ACCENT, MUTED = "#1f5fae", "#8a96a6"


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 1)


def _words(key: str) -> str:
    return key.replace("_", " ")


def charts(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each chart of the page as a spec for static/analytics.js: labels, datasets, axis unit."""
    weeks = [week_label(w["week"]) for w in data["cases_per_week"]]
    levels = list(CASE_LEVELS)

    def spread(figure: str, scale: Any, unit: str) -> dict[str, Any]:
        return {
            "type": "bar",
            "unit": unit,
            "labels": levels,
            "datasets": [
                {
                    "label": "median",
                    "data": [scale(data[figure][lv]["median_s"]) for lv in levels],
                    "color": ACCENT,
                },
                {
                    "label": "90th percentile",
                    "data": [scale(data[figure][lv]["p90_s"]) for lv in levels],
                    "color": MUTED,
                },
            ],
        }

    protocols = data["response_rate"]
    return {
        "per_week": {
            "type": "bar",
            "stacked": True,
            "unit": "cases",
            "labels": weeks,
            "datasets": [
                {"label": lv, "data": [w[lv] for w in data["cases_per_week"]], "color": LEVEL_COLOURS[lv]}
                for lv in levels
            ],
        },
        "acknowledge": spread("time_to_acknowledge", _minutes, "minutes"),
        "resolve": spread("time_to_resolve", _hours, "hours"),
        "escalations": {
            "type": "bar",
            "unit": "cases",
            "labels": levels,
            "datasets": [
                {"label": "cases", "data": [data["cases"]["by_level"][lv] for lv in levels], "color": MUTED},
                {
                    "label": "escalated past tier 1",
                    "data": [data["escalations"]["by_level"][lv] for lv in levels],
                    "color": LEVEL_COLOURS["emergency"],
                },
            ],
        },
        "dispositions": {
            "type": "bar",
            "horizontal": True,
            "unit": "cases",
            "labels": [_words(d) for d in data["dispositions"]],
            "datasets": [{"label": "cases", "data": list(data["dispositions"].values()), "color": ACCENT}],
        },
        "response": {
            "type": "line",
            "unit": "%",
            "max": 100,
            "labels": [week_label(w) for w in data["weeks"]],
            "datasets": [
                {
                    "label": p["name"],
                    "data": [None if w["rate"] is None else round(100 * w["rate"], 1) for w in p["weeks"]],
                    "color": SERIES[i % len(SERIES)],
                }
                for i, p in enumerate(protocols)
            ],
        },
        "rules": {
            "type": "bar",
            "horizontal": True,
            "unit": "cases",
            "labels": [r["rule"] for r in data["top_rules"]],
            "datasets": [
                {"label": "cases", "data": [r["cases"] for r in data["top_rules"]], "color": ACCENT}
            ],
        },
    }


def _csrf(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = new_csrf()
        request.session["csrf"] = token
    return token


FromDate = Annotated[str | None, Query(alias="from", max_length=40)]
ToDate = Annotated[str | None, Query(max_length=40)]


@router.get("/analytics", response_class=HTMLResponse, response_model=None)
async def analytics_page(
    request: Request, rt: RuntimeDep, staff: PageStaff, raw_from: FromDate = None, to: ToDate = None
) -> Response:
    if staff is None:
        return RedirectResponse("/login", status_code=303)
    error = None
    try:
        data = await clinic_report(rt, staff, raw_from or None, to or None, "web")
    except HTTPException as exc:
        if exc.status_code != 422:
            raise
        error = str(exc.detail)  # the form again, with the reason, and the default period
        data = await clinic_report(rt, staff, None, None, "web")
    return templates.TemplateResponse(
        request,
        "analytics.html",
        {
            "staff": staff,
            "clinic": data["clinic"],
            "csrf": _csrf(request),
            "simulator": rt.settings.simulator,
            "data": data,
            "charts": charts(data),
            "levels": CASE_LEVELS,
            "error": error,
            "asked": {"from": raw_from or "", "to": to or ""},
            "minutes": _minutes,
            "hours": _hours,
            "words": _words,
            "week_label": week_label,
        },
        status_code=422 if error else 200,
    )


@router.get("/analytics.csv", response_model=None)
async def analytics_csv(
    rt: RuntimeDep, staff: PageStaff, raw_from: FromDate = None, to: ToDate = None
) -> Response:
    if staff is None:
        return RedirectResponse("/login", status_code=303)
    data = await clinic_report(rt, staff, raw_from or None, to or None, "web", action="export")
    return Response(
        to_csv(data),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename(data)}"'},
    )
