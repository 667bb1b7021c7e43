"""A period of whole days in a clinic's time zone, and the weeks (Monday first) it covers.

Analytics (escalation/analytics.py, scheduler/analytics.py) count what happened between two
calendar dates as the clinic reads them: 1 to 30 November in New York is not 1 to 30 November
in UTC. Weeks start on Monday, local time, and are named by that Monday's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MAX_DAYS = 366  # a year at most: longer periods are not what the page is for, and cost


class PeriodError(ValueError):
    """A period that cannot be read or is not allowed; the message says why, for a person."""


@dataclass(frozen=True, slots=True)
class Period:
    first: date  # the first day counted
    last: date  # the last day counted (inclusive)
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        """The first instant counted, in UTC."""
        return datetime.combine(self.first, time(), self.tz).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The first instant no longer counted, in UTC."""
        return datetime.combine(self.last + timedelta(days=1), time(), self.tz).astimezone(UTC)

    def week_of(self, instant: datetime) -> date:
        """The Monday (local date) of the week an instant falls in."""
        day = instant.astimezone(self.tz).date()
        return day - timedelta(days=day.weekday())

    def weeks(self) -> list[date]:
        """Every week the period touches, by its Monday, oldest first."""
        monday = self.first - timedelta(days=self.first.weekday())
        out = []
        while monday <= self.last:
            out.append(monday)
            monday += timedelta(days=7)
        return out


def _day(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PeriodError(f"{name} must be a date like 2026-11-01, not {value[:40]!r}") from None


def period(raw_from: str | None, raw_to: str | None, tz: ZoneInfo, now: datetime) -> Period:
    """The period between two ISO dates (both included), in the clinic's time zone.

    Either may be left out: `to` is then today (the clinic's), `from` four weeks before `to`.
    """
    last = _day(raw_to, "to") if raw_to else now.astimezone(tz).date()
    first = _day(raw_from, "from") if raw_from else last - timedelta(days=27)
    if first > last:
        raise PeriodError("from must be on or before to")
    if (last - first).days + 1 > MAX_DAYS:
        raise PeriodError(f"a period is at most {MAX_DAYS} days")
    if first.year < 2000 or last.year > 9000:  # far outside anything stored; keeps date math safe
        raise PeriodError("the dates must be between the years 2000 and 9000")
    return Period(first, last, tz)
