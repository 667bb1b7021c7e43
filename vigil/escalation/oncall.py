"""Who is on call: rotations of members with a shift length and a hand-off time in the
clinic's zone, counted on the wall clock so a daylight-saving change keeps the local hour.

`Oncall`, `Rotation` and `Tier` are a clinic's on-call configuration as typed objects: the
clinic file validated it (vigil/clinic/file.py) and stored it as JSON; `Oncall.of` reads it
back, so nothing past this point reaches into a dict by key."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class Rotation:
    key: str
    members: tuple[str, ...]
    shift_hours: float
    handoff: time  # local wall-clock time of the hand-over
    starts: date  # the first shift begins at `handoff` on this day

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Rotation:
        hh, mm = (int(x) for x in str(data["handoff"]).split(":"))
        return cls(
            key=str(data.get("key") or ""),
            members=tuple(str(m) for m in data.get("members") or ()),
            shift_hours=float(data["shift_hours"]),
            handoff=time(hh, mm),
            starts=date.fromisoformat(str(data["starts"])),
        )


@dataclass(frozen=True, slots=True)
class Tier:
    """One step of an escalation policy: whom to page, and how long before the next step (or
    a repeat of this one)."""

    notify: str  # "rotation:<key>", "staff:<email>" or "all:<role>"
    ack_within: str | None = None
    repeat_every: str | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Tier:
        repeat, ack = data.get("repeat_every"), data.get("ack_within")
        return cls(
            notify=str(data.get("notify", "")),
            ack_within=str(ack) if ack else None,
            repeat_every=str(repeat) if repeat else None,
        )

    @property
    def wait(self) -> str:
        """How long this tier is given ("5m") before the next page."""
        return self.repeat_every or self.ack_within or "5m"


@dataclass(frozen=True, slots=True)
class Oncall:
    rotations: tuple[Rotation, ...] = ()
    escalation: Mapping[str, tuple[Tier, ...]] = field(default_factory=dict)  # by level
    remind_owner_after: str = "1h"  # a held case not resolved by then reminds its owner

    @classmethod
    def of(cls, data: Mapping[str, Any] | None) -> Oncall:
        data = data or {}
        return cls(
            rotations=tuple(Rotation.of(r) for r in data.get("rotations") or ()),
            escalation={
                str(level): tuple(Tier.of(t) for t in tiers or ())
                for level, tiers in (data.get("escalation") or {}).items()
            },
            remind_owner_after=str(data.get("remind_owner_after") or "1h"),
        )

    def rotation(self, key: str) -> Rotation | None:
        return next((r for r in self.rotations if r.key == key), None)


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


def _wall(at: datetime, zone: ZoneInfo) -> datetime:
    """The local wall-clock time at `at`, never going back: in the hour a fall-back repeats,
    the second pass reads as the end of the first, so a hand-over inside that hour happens
    once (otherwise the holder before would be paged again until it came round)."""
    local = at.astimezone(zone)
    if not local.fold:
        return local.replace(tzinfo=None)
    after = at
    while (after + timedelta(minutes=1)).astimezone(zone).fold:
        after += timedelta(minutes=1)
    # The first wall time after the repeat, less a moment: where the first pass ended.
    end = (after + timedelta(minutes=1)).astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    return end - timedelta(microseconds=1)


def scheduled_shift(rotation: Rotation, tz: str, at: datetime) -> Shift | None:
    """The rotation's own shift at `at` (no overrides); None before the rotation starts."""
    members = rotation.members
    if not members:
        return None
    zone = ZoneInfo(tz)
    hours = rotation.shift_hours
    start = datetime.combine(rotation.starts, rotation.handoff)
    # Wall-clock arithmetic: shifts hand over at the same local hour on both sides of DST.
    local_now = _wall(at, zone)
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


def on_call(rotation: Rotation, tz: str, at: datetime, overrides: Sequence[Override] = ()) -> Shift | None:
    """Who holds the rotation at `at`: an override covering that instant, else the schedule."""
    key = rotation.key
    covering = [o for o in overrides if o.rotation == key and o.starts_at <= at < o.ends_at]
    if covering:
        o = covering[-1]  # the most recent override wins
        return Shift(o.email, o.starts_at, o.ends_at, override=True)
    return scheduled_shift(rotation, tz, at)


def next_on_call(
    rotation: Rotation, tz: str, at: datetime, overrides: Sequence[Override] = ()
) -> Shift | None:
    """Who takes over when the current shift (or override) ends."""
    current = on_call(rotation, tz, at, overrides)
    if current is None:
        return None
    return on_call(rotation, tz, current.ends_at, overrides)


@dataclass(frozen=True, slots=True)
class Stretch:
    """A stretch of time in which one person holds a rotation, or nobody does (`email` None)."""

    starts_at: datetime  # UTC
    ends_at: datetime  # UTC
    email: str | None
    override: bool = False


def first_handover(rotation: Rotation, tz: str) -> datetime:
    """The instant (UTC) the rotation's first shift begins."""
    return _local(datetime.combine(rotation.starts, rotation.handoff), ZoneInfo(tz)).astimezone(
        ZoneInfo("UTC")
    )


def _offset_changes(zone: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """The instants in [start, end) at which the zone's UTC offset changes (to the minute)."""
    out = []
    at = start
    while at < end:
        step = min(at + timedelta(hours=1), end)
        if at.astimezone(zone).utcoffset() != step.astimezone(zone).utcoffset():
            t = at
            while t.astimezone(zone).utcoffset() == at.astimezone(zone).utcoffset():
                t += timedelta(minutes=1)
            out.append(t)
        at = step
    return out


def timeline(
    rotation: Rotation, tz: str, start: datetime, end: datetime, overrides: Sequence[Override] = ()
) -> list[Stretch]:
    """Who holds the rotation from `start` to `end`, as the pager finds it: `on_call` asked at
    each boundary (a hand-over, cover beginning or ending, the clock changing), never a second
    copy of its arithmetic. Stretches of nobody (before the rotation starts, no members) are
    gaps. A hand-over inside the hour a fall-back repeats happens once (see `_wall`)."""
    zone = ZoneInfo(tz)
    mine = [o for o in overrides if o.rotation == rotation.key]
    changes = set(_offset_changes(zone, start, end))
    edges = sorted({t for o in mine for t in (o.starts_at, o.ends_at) if start < t < end} | changes)
    begins = first_handover(rotation, tz) if rotation.members else None
    out: list[Stretch] = []
    at = start
    while at < end:
        shift = on_call(rotation, tz, at, mine)
        candidates = [end, *(t for t in edges if t > at)]
        if shift is not None:
            candidates.append(shift.ends_at)
        elif begins is not None and begins > at:
            candidates.append(begins)
        until = min(c for c in candidates if c > at)
        email, cover = (shift.email, shift.override) if shift else (None, False)
        last = out[-1] if out else None
        if last is not None and shift is None and last.email is None:
            out[-1] = Stretch(last.starts_at, until, None)  # one gap, however many edges cross it
        elif last is not None and at in changes and (last.email, last.override) == (email, cover):
            out[-1] = Stretch(last.starts_at, until, email, cover)  # the clock changed mid-shift
        else:
            out.append(Stretch(at, until, email, cover))
        at = until
    return out
