"""Every figure of the analytics against values worked out by hand, on SQLite and PostgreSQL.

The clinic is in New York (UTC-5 in November). The period is Monday 2 to Sunday 15 November
2026, local days: from 05:00 UTC on the 2nd to 05:00 UTC on the 16th. A second clinic has
cases and check-ins in the same days, and none of them may show in the first's figures.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from vigil.core.db import Database
from vigil.core.periods import Period, PeriodError, period
from vigil.escalation.analytics import CaseFigures, case_figures, per_hundred, quantile
from vigil.escalation.models import CaseReason
from vigil.scheduler.analytics import checkin_figures
from vigil.web.analytics_report import csv_rows, report, to_csv

from . import analytics_data as data

NY = ZoneInfo("America/New_York")
PERIOD = Period(date(2026, 11, 2), date(2026, 11, 15), NY)
W1, W2 = date(2026, 11, 2), date(2026, 11, 9)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


async def seed(db: Database) -> int:
    """The worked example; returns the first clinic's id."""
    async with db.transaction() as s:
        a = await data.clinic(s, "riverside")
        await data.case(
            s,
            a,
            "emergency",
            at(2, 15),
            ack_after=120,
            resolve_after=3600,
            disposition="sent_to_emergency",
            paged=[1],
            rules=["hemoptysis", "hemoptysis"],
        )
        await data.case(
            s,
            a,
            "emergency",
            at(3, 15),
            ack_after=600,
            resolve_after=7200,
            disposition="admitted",
            paged=[1, 2],
            rules=["hemoptysis", "cord_compression"],
            raised_at=at(3, 15, 10),
        )
        await data.case(
            s,
            a,
            "emergency",
            at(10, 15),
            ack_after=300,
            resolve_after=5400,
            disposition="sent_to_emergency",
            paged=[1, 2, 3],
            rules=["cord_compression"],
        )
        await data.case(
            s,
            a,
            "urgent",
            at(4, 15),
            ack_after=900,
            resolve_after=86400,
            disposition="advice_given",
            paged=[1],
            rules=["fever_on_chemo"],
        )
        await data.case(
            s,
            a,
            "urgent",
            at(11, 15),
            patient=1,
            ack_after=1800,
            paged=[1, 2],
            rules=["fever_on_chemo", "hemoptysis"],
        )
        await data.case(s, a, "urgent", at(12, 15), patient=2, paged=[1], rules=["fever_on_chemo"])
        routine = await data.case(
            s, a, "routine", at(5, 15), ack_after=7200, resolve_after=172800, disposition="no_action_needed"
        )
        # A reason of no rule (a worsening 0-10 score) is in no rule's count.
        s.add(
            CaseReason(
                case_id=routine.id, level="routine", rule=None, concept="pain", trend="rose", at=at(5, 15)
            )
        )
        # 23:30 on Sunday the 15th in New York: the last week of the period.
        await data.case(
            s, a, "routine", at(16, 4, 30), ack_after=60, resolve_after=600, disposition="duplicate"
        )
        # Outside: 23:59 on the 1st and 00:00 on the 16th, New York time. The first was raised
        # (an alert) inside the period and paged past tier 1: an alert, but not in the cohort.
        await data.case(
            s,
            a,
            "emergency",
            at(2, 4, 59),
            ack_after=60,
            resolve_after=60,
            disposition="other",
            paged=[1, 2],
            rules=["hemoptysis"],
            raised_at=at(2, 6),
        )
        await data.case(s, a, "routine", at(16, 5), ack_after=60, resolve_after=60, disposition="other")

        for day, status, answered in [
            (2, "completed", True),
            (3, "expired", False),
            (4, "expired", True),
            (5, "stopped", False),
            (9, "completed", True),
            (10, "open", False),
        ]:
            await data.checkin(s, a, "a-weekly", at(day, 15), status, answered)
        await data.checkin(s, a, "a-weekly", at(16, 5), "completed", True)  # the 16th, local: outside
        await data.checkin(s, a, "a-weekly", at(2, 4), "completed", True)  # the 1st, local: outside
        await data.checkin(s, a, "b-daily", at(10, 15), "stopped", True)
        await data.checkin(s, a, "b-daily", at(11, 15), "expired", False)

        b = await data.clinic(s, "elsewhere", protocols=[("a-weekly", "Elsewhere weekly")])
        for day in (3, 10):
            await data.case(
                s,
                b,
                "emergency",
                at(day, 15),
                ack_after=5,
                resolve_after=10,
                disposition="other",
                paged=[1, 2, 3],
                rules=["hemoptysis"],
            )
            await data.checkin(s, b, "a-weekly", at(day, 15), "expired", False)
        return a.clinic.id


async def test_time_to_acknowledge_is_the_median_and_90th_percentile_per_level(db: Database) -> None:
    figures = await case_figures_of(db)
    ack = {level: spread.as_dict() for level, spread in figures.time_to_acknowledge.items()}
    # emergency 120, 600, 300 s -> sorted 120, 300, 600: median 300; p90 at 1.8: 300 + 0.8 * 300
    assert ack["emergency"] == {"count": 3, "pending": 0, "median_s": 300, "p90_s": pytest.approx(540)}
    # urgent 900, 1800 and one not acknowledged: median 1350; p90 900 + 0.9 * 900
    assert ack["urgent"] == {"count": 2, "pending": 1, "median_s": 1350, "p90_s": pytest.approx(1710)}
    # routine 7200, 60: median 3630; p90 60 + 0.9 * 7140
    assert ack["routine"] == {"count": 2, "pending": 0, "median_s": 3630, "p90_s": pytest.approx(6486)}


async def test_time_to_resolve_is_the_median_and_90th_percentile_per_level(db: Database) -> None:
    figures = await case_figures_of(db)
    res = {level: spread.as_dict() for level, spread in figures.time_to_resolve.items()}
    # emergency 3600, 7200, 5400 -> median 5400; p90 5400 + 0.8 * 1800
    assert res["emergency"] == {"count": 3, "pending": 0, "median_s": 5400, "p90_s": pytest.approx(6840)}
    assert res["urgent"] == {"count": 1, "pending": 2, "median_s": 86400, "p90_s": 86400}
    # routine 172800, 600: median 86700; p90 600 + 0.9 * 172200
    assert res["routine"] == {"count": 2, "pending": 0, "median_s": 86700, "p90_s": pytest.approx(155580)}


async def test_cases_are_counted_per_level_and_per_local_week(db: Database) -> None:
    figures = await case_figures_of(db)
    assert figures.cases == 8
    assert figures.by_level == {"routine": 2, "urgent": 3, "emergency": 3}
    assert figures.per_week == {
        W1: {"routine": 1, "urgent": 1, "emergency": 2},
        W2: {"routine": 1, "urgent": 2, "emergency": 1},  # with 23:30 on Sunday the 15th, local
    }


async def test_escalations_past_tier_1_count_cases_whose_second_tier_was_paged(db: Database) -> None:
    figures = await case_figures_of(db)
    assert figures.escalated == 3  # paged 1-2, 1-2-3 (emergency) and 1-2 (urgent)
    assert figures.escalated_by_level == {"routine": 0, "urgent": 1, "emergency": 2}
    assert figures.paged == 6  # every urgent and emergency case of the cohort


async def test_dispositions_count_the_resolved_cases_in_the_usual_order(db: Database) -> None:
    figures = await case_figures_of(db)
    assert list(figures.dispositions.items()) == [
        ("advice_given", 1),
        ("sent_to_emergency", 2),
        ("admitted", 1),
        ("no_action_needed", 1),
        ("duplicate", 1),
    ]
    assert figures.unresolved == 2


async def test_alerts_are_cases_opened_or_raised_in_the_period(db: Database) -> None:
    figures = await case_figures_of(db)
    # 8 cases opened, 1 raised; and the case opened the day before, raised inside the period.
    assert figures.alerts == 10


async def test_the_most_frequent_rules_count_each_case_once(db: Database) -> None:
    figures = await case_figures_of(db)
    assert figures.top_rules == [
        {"rule": "fever_on_chemo", "cases": 3},
        {"rule": "hemoptysis", "cases": 3},  # the same rule twice in one case is one case
        {"rule": "cord_compression", "cases": 2},
    ]


async def test_the_response_rate_counts_closed_check_ins_per_protocol_and_week(db: Database) -> None:
    clinic_id = await seed(db)
    async with db.session() as s:
        figures = await checkin_figures(s, clinic_id, PERIOD)
    assert figures.sent == 8  # 6 weekly, 2 daily, in the period
    assert figures.protocols == {"a-weekly": "Weekly check", "b-daily": "Daily check"}
    weekly, daily = figures.per_week["a-weekly"], figures.per_week["b-daily"]
    # week 1: completed, expired, expired after an answer (the stopped one is left out)
    assert weekly[W1].as_dict() == {"counted": 3, "answered": 2, "rate": 0.667}
    assert weekly[W2].as_dict() == {"counted": 1, "answered": 1, "rate": 1.0}  # the open one waits
    assert daily[W1].as_dict() == {"counted": 0, "answered": 0, "rate": None}
    assert daily[W2].as_dict() == {"counted": 2, "answered": 1, "rate": 0.5}  # stopped after an answer counts
    assert figures.overall.as_dict() == {"counted": 6, "answered": 4, "rate": 0.667}


async def test_the_report_gives_alerts_per_100_check_ins_and_every_figure(db: Database) -> None:
    clinic_id = await seed(db)
    async with db.session() as s:
        from vigil.core.models import Clinic

        clinic = await s.get(Clinic, clinic_id)
        assert clinic is not None
        found = await report(s, clinic, PERIOD)
    assert found["alerts"] == {"count": 10, "checkins": 8, "per_100_checkins": 125.0}
    assert (found["from"], found["to"]) == ("2026-11-02", "2026-11-15")
    assert found["weeks"] == ["2026-11-02", "2026-11-09"]
    assert found["cases"] == {
        "total": 8,
        "by_level": {"routine": 2, "urgent": 3, "emergency": 3},
        "unresolved": 2,
    }
    assert found["escalations"] == {
        "past_tier_1": 3,
        "paged": 6,
        "by_level": {"routine": 0, "urgent": 1, "emergency": 2},
    }
    assert found["checkins"] == {"sent": 8, "counted": 6, "answered": 4, "response_rate": 0.667}
    rows = csv_rows(found)
    assert ("alerts_per_100_checkins", "all", "", 125.0) in rows
    assert ("time_to_acknowledge_p90_s", "emergency", "", pytest.approx(540)) in rows
    assert ("cases_per_week", "urgent", "2026-11-09", 2) in rows
    assert ("response_rate", "b-daily", "2026-11-02", None) in rows
    assert ("red_flag_rule_cases", "hemoptysis", "", 3) in rows
    assert to_csv(found).splitlines()[0] == "figure,subject,week,value"


async def test_another_clinics_cases_and_check_ins_are_not_counted(db: Database) -> None:
    await seed(db)
    async with db.session() as s:
        from sqlalchemy import select

        from vigil.core.models import Clinic

        other = await s.scalar(select(Clinic).where(Clinic.slug == "elsewhere"))
        assert other is not None
        cases = await case_figures(s, other.id, PERIOD)
        checkins = await checkin_figures(s, other.id, PERIOD)
    assert (cases.cases, cases.escalated, cases.alerts, checkins.sent) == (2, 2, 2, 2)
    assert cases.top_rules == [{"rule": "hemoptysis", "cases": 2}]
    assert list(checkins.protocols) == ["a-weekly"]


async def case_figures_of(db: Database) -> CaseFigures:
    clinic_id = await seed(db)
    async with db.session() as s:
        return await case_figures(s, clinic_id, PERIOD)


def test_quantiles_interpolate_between_sorted_values() -> None:
    assert quantile([], 0.5) is None
    assert quantile([7], 0.9) == 7
    assert quantile([4, 1, 3, 2], 0.5) == 2.5
    assert quantile(list(range(10, 101, 10)), 0.9) == pytest.approx(91)


def test_per_hundred_is_none_without_a_denominator() -> None:
    assert per_hundred(3, 0) is None
    assert per_hundred(1, 3) == 33.3


def test_a_period_is_whole_local_days_and_its_weeks_start_on_monday() -> None:
    p = period("2026-11-04", "2026-11-15", NY, at(20, 12))
    assert (p.start, p.end) == (at(4, 5), at(16, 5))
    assert p.weeks() == [W1, W2]
    assert p.week_of(at(16, 4, 59)) == W2
    assert p.week_of(at(16, 5)) == date(2026, 11, 16)


def test_a_period_left_out_is_the_four_weeks_to_today() -> None:
    p = period(None, None, NY, at(20, 3))  # 22:00 on the 19th in New York
    assert (p.first, p.last) == (date(2026, 10, 23), date(2026, 11, 19))


@pytest.mark.parametrize(
    ("raw_from", "raw_to", "reason"),
    [
        ("2026-11-31", None, "from must be a date"),
        ("yesterday", None, "from must be a date"),
        ("2026-11-10", "2026-11-09", "on or before"),
        ("2024-01-01", "2026-01-01", "at most 366 days"),
        ("0001-01-01", "0001-01-02", "between the years"),
    ],
)
def test_a_bad_period_is_refused_with_its_reason(raw_from: str, raw_to: str | None, reason: str) -> None:
    with pytest.raises(PeriodError, match=reason):
        period(raw_from, raw_to, NY, at(20, 12))
