"""Small charts of a patient's 0-10 answers over time, drawn server-side as inline SVG.

Only numbers leave here: the template (`_score_chart.html`) draws them with SVG presentation
attributes and classes, never inline styles or scripts (the pages run under a strict CSP).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vigil.escalation.triage.trends import Score, baseline, trend
from vigil.scheduler.scores import Series

WIDTH, HEIGHT = 320, 120
LEFT, RIGHT, TOP, BOTTOM = 26, 10, 10, 22  # room for the 0/5/10 labels and the dates
TICKS = (0, 5, 10)


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    value: float
    shown: str  # the value as the patient gave it: "5", not "5.0"
    at: str  # ISO-8601, for the template's `local` filter
    worse: bool  # a `worsening` answer (trends.py)


def _y(value: float) -> float:
    value = min(max(value, 0.0), 10.0)
    return round(HEIGHT - BOTTOM - value / 10 * (HEIGHT - TOP - BOTTOM), 1)


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def chart(series: Series, default_baseline: float | None = None) -> dict[str, Any]:
    """What `_score_chart.html` needs to draw one series."""
    points = series.points
    first, last = points[0].at, points[-1].at
    span = (last - first).total_seconds()
    inner = WIDTH - LEFT - RIGHT
    scores = [Score(p.value, p.at) for p in points]
    drawn: list[Point] = []
    for i, p in enumerate(points):
        x = LEFT + inner / 2 if span <= 0 else LEFT + (p.at - first).total_seconds() / span * inner
        worse = i > 0 and trend(scores[: i + 1], default_baseline).worsening
        at = p.at.isoformat().replace("+00:00", "Z")
        drawn.append(Point(round(x, 1), _y(p.value), p.value, _n(p.value), at, worse))
    base = baseline(scores, default_baseline)  # the first three answers', or the clinic's
    recent = points[-6:]
    values = ", ".join(_n(p.value) for p in recent)
    return {
        "key": series.key,
        "title": _label(series.key),
        "question": series.label,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
        "ticks": [{"value": t, "y": _y(t)} for t in TICKS],
        "points": drawn,
        "polyline": " ".join(f"{p.x},{p.y}" for p in drawn),
        "baseline": None if base is None else {"value": _n(base), "y": _y(base)},
        "first": drawn[0].at,
        "last": drawn[-1].at,
        "latest": _n(points[-1].value),
        "worsening": drawn[-1].worse,
        "summary": f"{_label(series.key)}, 0 to 10: {_count(len(points))}; the last {len(recent)}: {values}",
    }


def _count(n: int) -> str:
    return "1 answer" if n == 1 else f"{n} answers"


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def charts(series: Sequence[Series], default_baseline: float | None = None) -> list[dict[str, Any]]:
    return [chart(s, default_baseline) for s in series if s.points]
