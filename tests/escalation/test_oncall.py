"""Rotations hand over at the right local hour, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from vigil.escalation.oncall import Override, Rotation, next_on_call, on_call, scheduled_shift

NURSES = Rotation.of(
    {
        "key": "nurses",
        "members": ["ana", "ben"],
        "shift_hours": 12,
        "handoff": "07:00",
        "starts": "2026-11-02",
    }
)


def who(rotation: Rotation, tz: str, at: datetime) -> str | None:
    shift = on_call(rotation, tz, at)
    return shift.email if shift else None


def test_shifts_alternate_at_the_handoff_hour() -> None:
    ny = "America/New_York"
    assert who(NURSES, ny, datetime(2026, 11, 2, 12, 0, tzinfo=UTC)) == "ana"  # 07:00 EST
    assert who(NURSES, ny, datetime(2026, 11, 2, 23, 59, tzinfo=UTC)) == "ana"  # 18:59
    assert who(NURSES, ny, datetime(2026, 11, 3, 0, 0, tzinfo=UTC)) == "ben"  # 19:00
    assert who(NURSES, ny, datetime(2026, 11, 3, 12, 0, tzinfo=UTC)) == "ana"  # 07:00 next day
    assert who(NURSES, ny, datetime(2026, 11, 1, 12, 0, tzinfo=UTC)) is None  # before it starts


@pytest.mark.parametrize(
    ("tz", "start", "before", "after", "handoff_utc"),
    [
        # New York springs forward on 8 March 2026: 07:00 local is 12:00 UTC before, 11:00 after.
        (
            "America/New_York",
            "2026-03-01",
            datetime(2026, 3, 7, 11, 59, tzinfo=UTC),
            datetime(2026, 3, 9, 11, 0, tzinfo=UTC),
            datetime(2026, 3, 9, 11, 0, tzinfo=UTC),
        ),
        # New York falls back on 1 November 2026: 07:00 local is 11:00 UTC before, 12:00 after.
        (
            "America/New_York",
            "2026-10-25",
            datetime(2026, 10, 31, 10, 59, tzinfo=UTC),
            datetime(2026, 11, 2, 12, 0, tzinfo=UTC),
            datetime(2026, 11, 2, 12, 0, tzinfo=UTC),
        ),
        # London springs forward on 29 March 2026: 07:00 local is 07:00 UTC before, 06:00 after.
        (
            "Europe/London",
            "2026-03-22",
            datetime(2026, 3, 28, 6, 59, tzinfo=UTC),
            datetime(2026, 3, 30, 6, 0, tzinfo=UTC),
            datetime(2026, 3, 30, 6, 0, tzinfo=UTC),
        ),
        # London falls back on 25 October 2026: 07:00 local is 06:00 UTC before, 07:00 after.
        (
            "Europe/London",
            "2026-10-18",
            datetime(2026, 10, 24, 5, 59, tzinfo=UTC),
            datetime(2026, 10, 26, 7, 0, tzinfo=UTC),
            datetime(2026, 10, 26, 7, 0, tzinfo=UTC),
        ),
    ],
)
def test_handover_keeps_the_local_hour_across_dst(
    tz: str, start: str, before: datetime, after: datetime, handoff_utc: datetime
) -> None:
    daily = Rotation.of(
        {"key": "d", "members": ["ana", "ben"], "shift_hours": 24, "handoff": "07:00", "starts": start}
    )
    shift = scheduled_shift(daily, tz, after)
    assert shift is not None
    assert shift.starts_at == handoff_utc
    assert shift.starts_at.astimezone(__import__("zoneinfo").ZoneInfo(tz)).hour == 7
    previous = scheduled_shift(daily, tz, before)
    assert previous is not None
    assert previous.ends_at.astimezone(__import__("zoneinfo").ZoneInfo(tz)).hour == 7


def test_an_override_covers_its_window_and_the_schedule_resumes() -> None:
    ny = "America/New_York"
    cover = Override(
        "nurses", "cara", datetime(2026, 11, 2, 14, tzinfo=UTC), datetime(2026, 11, 2, 16, tzinfo=UTC)
    )
    at = datetime(2026, 11, 2, 15, tzinfo=UTC)
    shift = on_call(NURSES, ny, at, [cover])
    assert shift is not None
    assert (shift.email, shift.override) == ("cara", True)
    after = next_on_call(NURSES, ny, at, [cover])
    assert after is not None
    assert after.email == "ana"  # back to the schedule when the cover ends
    assert who(NURSES, ny, datetime(2026, 11, 2, 16, tzinfo=UTC)) == "ana"
