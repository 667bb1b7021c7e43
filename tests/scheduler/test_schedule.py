"""When check-ins fall due: cron in the patient's zone, DST, quiet hours, crontab weekdays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from vigil.scheduler.conditions import ConditionError, parse
from vigil.scheduler.schedule import ScheduleError, leave_quiet_hours, next_due, parse_duration

NY = "America/New_York"


def test_next_due_is_in_the_patients_zone() -> None:
    after = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday 07:00 New York
    assert next_due("0 10 * * MON,THU", NY, after) == datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    assert next_due("0 10 * * MON,THU", NY, datetime(2026, 11, 23, 15, 0, tzinfo=UTC)) == datetime(
        2026, 11, 26, 15, 0, tzinfo=UTC
    )


def test_daylight_saving_keeps_the_local_hour() -> None:
    before = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)  # EST
    due = next_due("0 10 * * MON", NY, before)  # first Monday after the spring change
    assert due == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)  # 10:00 EDT


@pytest.mark.parametrize(("field", "weekday"), [("0", "Sun"), ("7", "Sun"), ("1", "Mon"), ("5", "Fri")])
def test_numbered_weekdays_count_from_sunday_as_in_crontab(field: str, weekday: str) -> None:
    due = next_due(f"0 10 * * {field}", "UTC", datetime(2026, 11, 24, tzinfo=UTC))
    assert due.strftime("%a") == weekday


def test_quiet_hours_move_a_send_to_the_next_allowed_minute() -> None:
    late = datetime(2026, 11, 24, 3, 30, tzinfo=UTC)  # 22:30 in New York
    assert leave_quiet_hours(late, NY, ("21:00", "08:00")) == datetime(2026, 11, 24, 13, 0, tzinfo=UTC)
    early = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)  # 06:00 in New York
    assert leave_quiet_hours(early, NY, ("21:00", "08:00")) == datetime(2026, 11, 24, 13, 0, tzinfo=UTC)
    fine = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    assert leave_quiet_hours(fine, NY, ("21:00", "08:00")) == fine
    assert next_due(
        "30 22 * * *", NY, datetime(2026, 11, 24, 12, tzinfo=UTC), ("21:00", "08:00")
    ) == datetime(2026, 11, 25, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize("bad", ["0 10 * *", "61 10 * * *", "0 10 * * 9", "every monday"])
def test_a_bad_schedule_is_refused(bad: str) -> None:
    with pytest.raises(ScheduleError):
        next_due(bad, "UTC", datetime(2026, 1, 1, tzinfo=UTC))


def test_durations() -> None:
    assert [parse_duration(d) for d in ("30s", "5m", "4h", "1d")] == [30, 300, 14400, 86400]
    with pytest.raises(ScheduleError):
        parse_duration("4 hours")


def test_ask_if_conditions() -> None:
    check, keys = parse("back_pain >= 1 and neuro == 0 or fever > 37.9")
    assert keys == {"back_pain", "neuro", "fever"}
    assert check({"back_pain": 3, "neuro": 0})
    assert not check({"back_pain": 3, "neuro": 1})
    assert check({"fever": 38.2})
    assert not check({})


def test_an_answer_without_a_number_leaves_its_ask_if_open_and_a_skipped_question_does_not() -> None:
    check, _ = parse("back_pain >= 1")
    assert check({"back_pain": None})  # "my back aches": in words, no number
    assert not check({"back_pain": 0})
    assert not check({"other": 3})  # never answered
    with pytest.raises(ConditionError):
        parse("__import__('os') > 1")
