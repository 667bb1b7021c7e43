"""When a check-in is due: a protocol's cron in the patient's time zone, outside quiet hours."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

_DOW_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_DURATION = re.compile(r"^\s*(\d+)\s*(s|m|h|d)\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class ScheduleError(ValueError):
    """A schedule, time zone, time of day or duration that cannot be read."""


def _dow_field(field: str) -> str:
    # APScheduler numbers weekdays from Monday = 0; crontab from Sunday = 0 (and 7).
    # Names mean the same to both, so numbers are turned into names.
    def name(match: re.Match[str]) -> str:
        value = int(match.group())
        if value > 7:
            raise ScheduleError(f"day of week {value} is not 0-7")
        return _DOW_NAMES[value]

    return re.sub(r"\d+", name, field) if not re.search(r"/", field) else field


@lru_cache(maxsize=512)
def cron_trigger(expr: str, tz: str) -> CronTrigger:
    """A trigger for a five-field crontab expression in a time zone."""
    fields = expr.split()
    if len(fields) != 5:
        raise ScheduleError(f"{expr!r} is not a five-field cron expression")
    fields[4] = _dow_field(fields[4])
    try:
        return CronTrigger.from_crontab(" ".join(fields), timezone=zone(tz))
    except ValueError as exc:
        raise ScheduleError(f"{expr!r}: {exc}") from exc


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"unknown time zone {name!r}") from None


def parse_hhmm(value: str) -> time:
    m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
    if m is None:
        raise ScheduleError(f"{value!r} is not a time of day (HH:MM)")
    return time(int(m.group(1)), int(m.group(2)))


def parse_duration(value: str | int) -> int:
    """'30s', '5m', '4h', '1d' -> seconds; a whole number is seconds.

    A number is seconds written as text too ('300'): the clinic file's `ack_within: 300` is
    kept as the text '300', so the export writes it so, and its import must read it back.
    yes/no is no duration (YAML reads `ack_within: yes` as true, which is 1 to Python)."""
    if isinstance(value, bool):
        raise ScheduleError(f"{value!r} is not a duration like 30s, 5m, 4h or 1d")
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and int(value) > 0:
        return int(value)
    m = _DURATION.match(str(value))
    if m is None or int(m.group(1)) <= 0:
        raise ScheduleError(f"{value!r} is not a duration like 30s, 5m, 4h or 1d")
    return int(m.group(1)) * _UNIT_SECONDS[m.group(2)]


def in_quiet_hours(local: datetime, start: time, end: time) -> bool:
    t = local.timetz().replace(tzinfo=None)
    if start <= end:
        return start <= t < end
    return t >= start or t < end  # the quiet spans midnight


def leave_quiet_hours(when: datetime, tz: str, quiet: tuple[str, str] | None) -> datetime:
    """The same instant, or the first minute after the patient's quiet hours end."""
    if not quiet:
        return when
    start, end = parse_hhmm(quiet[0]), parse_hhmm(quiet[1])
    z = zone(tz)
    local = when.astimezone(z)
    if not in_quiet_hours(local, start, end):
        return when
    candidate = datetime.combine(local.date(), end, tzinfo=z)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), end, tzinfo=z)
    # Through the wall clock, so a DST change between now and the end is honoured.
    return candidate.astimezone(when.tzinfo)


def next_due(expr: str, tz: str, after: datetime, quiet: tuple[str, str] | None = None) -> datetime:
    """The first time strictly after `after` that the schedule fires, moved out of quiet hours."""
    return _next(expr, tz, after, quiet)[1]


def _next(expr: str, tz: str, after: datetime, quiet: tuple[str, str] | None) -> tuple[datetime, datetime]:
    """When the schedule next fires after `after`, and when that check-in is sent."""
    trigger = cron_trigger(expr, tz)
    fire = trigger.get_next_fire_time(None, after + timedelta(seconds=1))
    if fire is None:
        raise ScheduleError(f"{expr!r} never fires")
    return fire.astimezone(after.tzinfo), leave_quiet_hours(fire, tz, quiet).astimezone(after.tzinfo)


# Any instant will do: a crontab names no year, so a schedule that fires once fires every
# year its day exists (the 29th of February in leap years); one that never fires never does.
_SOME_INSTANT = datetime(2024, 1, 1, tzinfo=ZoneInfo("UTC"))


def check_fires(expr: str) -> None:
    """ScheduleError unless the schedule can be read and fires at least once ("0 10 31 2 *",
    the 31st of February, never does): the same check `upcoming` makes of the send times."""
    trigger = cron_trigger(expr, "UTC")
    # A day that exists comes round within eight years (the 29th of February); unbounded, the
    # search for one that never does walks the calendar for seconds, in the request's loop.
    trigger.end_date = _SOME_INSTANT + timedelta(days=366 * 9)
    if trigger.get_next_fire_time(None, _SOME_INSTANT) is None:
        raise ScheduleError(f"{expr!r} never fires")


def upcoming(
    expr: str, tz: str, after: datetime, quiet: tuple[str, str] | None = None, count: int = 5
) -> list[tuple[datetime, datetime]]:
    """The next `count` (fires, is sent) pairs, each found from the send before as the due sweep
    finds an enrolment's next one once it has opened a check-in (`next_due` from then); the two
    differ when the quiet hours moved the send."""
    out: list[tuple[datetime, datetime]] = []
    when = after
    for _ in range(count):
        fire, when = _next(expr, tz, when, quiet)
        out.append((fire, when))
    return out
