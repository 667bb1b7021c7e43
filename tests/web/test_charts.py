"""The score charts' geometry: pure numbers for the SVG template."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vigil.scheduler.scores import ScalePoint, Series
from vigil.web.charts import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, chart

START = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def series(*values: float, days: float = 3.5) -> Series:
    points = tuple(ScalePoint(v, START + timedelta(days=days * i)) for i, v in enumerate(values))
    return Series("back_pain", "How bad is any back pain today?", points)


def test_zero_sits_on_the_axis_and_ten_at_the_top() -> None:
    drawn = chart(series(0, 10))["points"]
    assert [p.y for p in drawn] == [HEIGHT - BOTTOM, TOP]
    assert [p.x for p in drawn] == [LEFT, WIDTH - RIGHT]


def test_answers_are_placed_by_their_time_not_their_order() -> None:
    points = (
        ScalePoint(1, START),
        ScalePoint(2, START + timedelta(days=1)),
        ScalePoint(3, START + timedelta(days=4)),
    )
    drawn = chart(Series("pain", "?", points))["points"]
    inner = WIDTH - LEFT - RIGHT
    assert drawn[1].x == round(LEFT + inner / 4, 1)


def test_a_single_answer_is_drawn_in_the_middle() -> None:
    c = chart(series(4))
    [point] = c["points"]
    assert point.x == LEFT + (WIDTH - LEFT - RIGHT) / 2
    assert c["baseline"] is None
    assert c["summary"].endswith("1 answer; the last 1: 4")


def test_worsening_answers_are_marked_and_the_baseline_drawn() -> None:
    c = chart(series(2, 2, 2, 5))
    assert [p.worse for p in c["points"]] == [False, False, False, True]
    assert c["worsening"]
    assert c["baseline"]["value"] == "2"
    assert c["latest"] == "5"


def test_the_clinic_default_is_the_baseline_before_three_answers() -> None:
    c = chart(series(1, 4), default_baseline=2)
    assert c["baseline"]["value"] == "2"
    assert [p.worse for p in c["points"]] == [False, True]


def test_values_outside_the_scale_stay_inside_the_chart() -> None:
    assert [p.y for p in chart(series(-3, 14))["points"]] == [HEIGHT - BOTTOM, TOP]
