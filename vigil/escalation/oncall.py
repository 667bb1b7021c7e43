"""Who is on call: rotations of members with a shift length and a hand-off time in the
clinic's zone, counted on the wall clock so a daylight-saving change keeps the local hour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class Shift:
    email: str
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC
    override: bool = False


@dataclass(frozen=True, slots=True)
class Override:
    rotation: str
    email: str
    starts_at: datetime
    ends_at: datetime


def _local(naive: datetime, zone: ZoneInfo) -> datetime:
    return naive.replace(tzinfo=zone)


def scheduled_shift(rotation: Mapping[str, Any], tz: str, at: datetime) -> Shift | None:
    """The rotation's own shift at `at` (no overrides); None before the rotation starts."""
    members: Sequence[str] = rotation.get("members") or ()
    if not members:
        return None
    zone = ZoneInfo(tz)
    hours = float(rotation["shift_hours"])
    hh, mm = (int(x) for x in str(rotation["handoff"]).split(":"))
    start = datetime.combine(date.fromisoformat(str(rotation["starts"])), time(hh, mm))
    # Wall-clock arithmetic: shifts hand over at the same local hour on both sides of DST.
    local_now = at.astimezone(zone).replace(tzinfo=None)
    if local_now < start:
        return None
    index = int((local_now - start) / timedelta(hours=hours))
    begins = start + timedelta(hours=hours * index)
    ends = begins + timedelta(hours=hours)
    utc = ZoneInfo("UTC")
    return Shift(
        members[index % len(members)],
        _local(begins, zone).astimezone(utc),
        _local(ends, zone).astimezone(utc),
    )


def on_call(
    rotation: Mapping[str, Any], tz: str, at: datetime, overrides: Sequence[Override] = ()
) -> Shift | None:
    """Who holds the rotation at `at`: an override covering that instant, else the schedule."""
    key = rotation.get("key")
    covering = [o for o in overrides if o.rotation == key and o.starts_at <= at < o.ends_at]
    if covering:
        o = covering[-1]  # the most recent override wins
        return Shift(o.email, o.starts_at, o.ends_at, override=True)
    return scheduled_shift(rotation, tz, at)


def next_on_call(
    rotation: Mapping[str, Any], tz: str, at: datetime, overrides: Sequence[Override] = ()
) -> Shift | None:
    """Who takes over when the current shift (or override) ends."""
    current = on_call(rotation, tz, at, overrides)
    if current is None:
        return None
    return on_call(rotation, tz, current.ends_at, overrides)
