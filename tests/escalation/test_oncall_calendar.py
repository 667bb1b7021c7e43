"""The on-call calendar is `on_call` asked at each boundary: it agrees with the pager at every
instant, cuts shifts where cover begins and ends, shows gaps, and keeps the local hand-over
hour across a daylight-saving change."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import rota
from vigil.core.models import Clinic, Staff
from vigil.escalation.models import OncallOverride
from vigil.escalation.oncall import Override, Rotation, on_call, timeline

NY = "America/New_York"
ZONE = ZoneInfo(NY)
NURSES = Rotation.of(
    {
        "key": "nurses",
        "members": ["ana", "ben"],
        "shift_hours": 12,
        "handoff": "07:00",
        "starts": "2027-03-01",
    }
)


def test_the_timeline_agrees_with_on_call_at_every_minute_of_a_dst_week() -> None:
    start, end = datetime(2027, 3, 11, 5, tzinfo=UTC), datetime(2027, 3, 17, 4, tzinfo=UTC)
    cover = [
        Override(
            "nurses", "cat", datetime(2027, 3, 14, 9, 30, tzinfo=UTC), datetime(2027, 3, 14, 16, tzinfo=UTC)
        )
    ]
    stretches = timeline(NURSES, NY, start, end, cover)
    assert stretches[0].starts_at == start
    assert stretches[-1].ends_at == end
    assert all(a.ends_at == b.starts_at for a, b in itertools.pairwise(stretches))
    at = start
    while at < end:
        held = next(s for s in stretches if s.starts_at <= at < s.ends_at)
        shift = on_call(NURSES, NY, at, cover)
        assert (held.email, held.override) == ((shift.email, shift.override) if shift else (None, False)), at
        at += timedelta(minutes=7)


def test_shifts_keep_the_local_hand_over_hour_across_spring_forward() -> None:
    # New York springs forward on 14 March 2027: the night before it is an hour shorter.
    stretches = timeline(
        NURSES, NY, datetime(2027, 3, 13, 12, tzinfo=UTC), datetime(2027, 3, 15, 11, tzinfo=UTC)
    )
    local = [(s.starts_at.astimezone(ZONE).strftime("%d %H:%M"), s.email) for s in stretches]
    assert local == [("13 07:00", "ana"), ("13 19:00", "ben"), ("14 07:00", "ana"), ("14 19:00", "ben")]
    night = stretches[1]
    assert night.ends_at - night.starts_at == timedelta(hours=11)


def test_cover_cuts_the_shift_it_falls_in_and_the_shift_resumes_after_it() -> None:
    cover = [
        Override("nurses", "cat", datetime(2027, 3, 2, 14, tzinfo=UTC), datetime(2027, 3, 2, 16, tzinfo=UTC))
    ]
    stretches = timeline(
        NURSES, NY, datetime(2027, 3, 2, 12, tzinfo=UTC), datetime(2027, 3, 3, 0, tzinfo=UTC), cover
    )
    assert [(s.starts_at.hour, s.ends_at.hour, s.email, s.override) for s in stretches] == [
        (12, 14, "ana", False),
        (14, 16, "cat", True),
        (16, 0, "ana", False),
    ]


def test_before_a_rotation_starts_nobody_is_on_call_in_one_gap() -> None:
    cover = [
        Override("nurses", "cat", datetime(2027, 2, 27, 1, tzinfo=UTC), datetime(2027, 2, 27, 2, tzinfo=UTC))
    ]
    stretches = timeline(
        NURSES, NY, datetime(2027, 2, 27, 5, tzinfo=UTC), datetime(2027, 3, 1, 18, tzinfo=UTC), cover
    )
    assert [(s.email, s.starts_at, s.ends_at) for s in stretches] == [
        (None, datetime(2027, 2, 27, 5, tzinfo=UTC), datetime(2027, 3, 1, 12, tzinfo=UTC)),  # 07:00 EST
        ("ana", datetime(2027, 3, 1, 12, tzinfo=UTC), datetime(2027, 3, 1, 18, tzinfo=UTC)),
    ]


async def test_the_calendars_days_are_the_clinics_days_across_a_dst_change(rt: Runtime) -> None:
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        cal = await rota.calendar(session, clinic, date(2027, 3, 9))
    assert len(cal.days) == 14
    sunday = next(d for d in cal.days if d.day == date(2027, 3, 14))
    assert sunday.ends_at - sunday.starts_at == timedelta(hours=23)
    slots = sunday.rotations["nurses"]
    assert [(s.starts_at.astimezone(ZONE).strftime("%H:%M"), s.name) for s in slots] == [
        ("00:00", "Ben Okafor"),
        ("07:00", "Ana Reyes"),
        ("19:00", "Ben Okafor"),
    ]
    assert sum((s.ends_at - s.starts_at for s in slots), timedelta()) == timedelta(hours=23)
    assert cal.gaps == 0


async def test_the_calendar_marks_cover_and_the_gaps_when_nobody_can_be_paged(rt: Runtime) -> None:
    start = datetime(2026, 11, 24, 5, tzinfo=UTC)  # midnight in New York
    async with rt.db.transaction() as session:
        admin = await session.scalar(select(Staff).where(Staff.email == "admin@riverside.example"))
        assert admin is not None
        session.add(
            OncallOverride(
                clinic_id=1,
                rotation_key="nurses",
                staff_id=admin.id,
                starts_at=start + timedelta(hours=8),
                ends_at=start + timedelta(hours=9),
                created_by="admin@riverside.example",
                created_at=start,
            )
        )
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        cal = await rota.calendar(session, clinic, date(2026, 11, 24), days=1)
    [day] = cal.days
    slots = [(s.starts_at.hour, s.name, s.cover, s.problem) for s in day.rotations["nurses"]]
    assert slots == [
        (5, "Ben Okafor", False, None),
        (12, "Ana Reyes", False, None),
        (13, "Clinic Admin", True, "cannot be paged: no phone or Telegram"),
        (14, "Ana Reyes", False, None),
        (0, "Ben Okafor", False, None),
    ]
    assert cal.gaps == 1


@pytest.mark.parametrize("hours", [1, 5, 12, 24, 36])
@pytest.mark.parametrize(
    ("tz", "start"),
    [
        (NY, datetime(2026, 10, 31, 12, tzinfo=UTC)),  # falls back on 1 November 2026
        (NY, datetime(2027, 3, 13, 0, tzinfo=UTC)),  # springs forward on 14 March 2027
        ("Europe/London", datetime(2026, 10, 24, 12, tzinfo=UTC)),  # falls back on 25 October 2026
    ],
)
def test_any_shift_length_agrees_with_on_call_through_either_dst_change(
    hours: int, tz: str, start: datetime
) -> None:
    rotation = Rotation.of(
        {
            "key": "r",
            "members": ["a", "b", "c"],
            "shift_hours": hours,
            "handoff": "01:30",
            "starts": "2026-10-01",
        }
    )
    end = start + timedelta(days=3)
    stretches = timeline(rotation, tz, start, end)
    assert all(a.ends_at == b.starts_at for a, b in itertools.pairwise(stretches))
    at = start
    while at < end:
        held = next(s for s in stretches if s.starts_at <= at < s.ends_at)
        shift = on_call(rotation, tz, at)
        assert held.email == (shift.email if shift else None), at
        at += timedelta(minutes=10)


def test_a_hand_over_in_the_hour_the_clocks_go_back_happens_once() -> None:
    """New York repeats 01:00-02:00 on 1 November 2026: the 01:30 hand-over is at 05:30 UTC,
    and at 06:10 UTC (01:10 again, the second pass) the nurse who took over still holds it."""
    rotation = Rotation.of(
        {"key": "r", "members": ["a", "b"], "shift_hours": 24, "handoff": "01:30", "starts": "2026-10-01"}
    )
    before = on_call(rotation, NY, datetime(2026, 11, 1, 5, 20, tzinfo=UTC))
    took_over = on_call(rotation, NY, datetime(2026, 11, 1, 5, 40, tzinfo=UTC))
    second_pass = on_call(rotation, NY, datetime(2026, 11, 1, 6, 10, tzinfo=UTC))
    assert before is not None
    assert took_over is not None
    assert second_pass is not None
    assert before.email != took_over.email
    assert second_pass.email == took_over.email  # the nurse before is not paged again
    assert second_pass.ends_at == datetime(2026, 11, 2, 6, 30, tzinfo=UTC)  # 01:30 EST next day
