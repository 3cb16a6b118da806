"""Deadline arithmetic: N hours after an instant, counted on the wall clock or in business hours.

Pure (no Flask, no database). Instants are aware datetimes, returned in UTC; the calendar (working
days, opening and closing time) is read in the platform's time zone. Durations are ``timedelta``:
exact to the microsecond, so that adding a duration and measuring it back gives the same duration.

Business time runs from ``opens`` (inclusive) to ``closes`` on each working day. A deadline that
falls exactly at closing time stays at closing time (18:00, not 09:00 the next working day).

Working days are either Monday to Friday, or the days people in mainland China work: weekdays less
the statutory holidays, plus the weekend days worked in exchange (调休). Those come from the
``holidays`` package (State Council notices, checked against chinese-calendar's for 2004–2026); for a
year whose notice it does not hold yet it estimates the statutory holidays from the lunar calendar
and knows no exchanged weekend days.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

import holidays

UTC = dt.UTC
WorkingDays = Literal["china_workdays", "mon_fri"]
WORKING_DAYS: tuple[str, ...] = WorkingDays.__args__  # type: ignore[attr-defined]
#: A calendar with no working day for this long is a broken one, not a long holiday.
MAX_CLOSED_DAYS = 366


class Clock(Protocol):
    """How a deadline counts time: ``add`` a duration to an instant, or measure the time ``between`` two."""

    def add(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime: ...

    def between(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta: ...


@dataclass(frozen=True)
class WallClock:
    """Every hour counts, day and night."""

    def add(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        return _aware(start).astimezone(UTC) + duration

    def between(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        return max(_aware(end) - _aware(start), dt.timedelta(0))


@dataclass(frozen=True)
class BusinessClock:
    """Only the hours from ``opens`` to ``closes`` of working days count, in time zone ``tz``."""

    tz: ZoneInfo
    opens: dt.time
    closes: dt.time
    days: WorkingDays = "china_workdays"

    def __post_init__(self) -> None:
        if self.opens >= self.closes:
            raise ValueError("business hours must close after they open, on one day")
        if self.days not in WORKING_DAYS:
            raise ValueError(f"working days must be one of {', '.join(WORKING_DAYS)}")

    def is_working_day(self, day: dt.date) -> bool:
        if self.days == "mon_fri":
            return day.weekday() < 5
        return _china(day.year).is_working_day(day)

    def hours(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """The UTC opening and closing instants of ``day`` (whether or not it is a working day)."""
        return (dt.datetime.combine(day, self.opens, tzinfo=self.tz).astimezone(UTC),
                dt.datetime.combine(day, self.closes, tzinfo=self.tz).astimezone(UTC))

    def _working_days_from(self, day: dt.date):
        closed = 0
        while True:
            if self.is_working_day(day):
                closed = 0
                yield day
            else:
                closed += 1
                if closed > MAX_CLOSED_DAYS:
                    raise ValueError(f"no working day in the {MAX_CLOSED_DAYS} days before {day}")
            day += dt.timedelta(days=1)

    def add(self, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        """The instant when ``duration`` of business time has passed since ``start``.

        A zero duration gives ``start`` itself (it may lie outside business hours)."""
        start = _aware(start).astimezone(UTC)
        if duration < dt.timedelta(0):
            raise ValueError("a deadline is a duration after its start")
        if not duration:
            return start
        left = duration
        for day in self._working_days_from(start.astimezone(self.tz).date()):
            opens, closes = self.hours(day)
            cursor = max(start, opens)
            if cursor >= closes:
                continue
            if left <= closes - cursor:
                return cursor + left
            left -= closes - cursor
        raise AssertionError("unreachable")  # pragma: no cover - the generator never ends

    def between(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """The business time from ``start`` to ``end``; zero when ``end`` is not after ``start``."""
        start, end = _aware(start).astimezone(UTC), _aware(end).astimezone(UTC)
        total = dt.timedelta(0)
        if end <= start:
            return total
        last = end.astimezone(self.tz).date()
        day = start.astimezone(self.tz).date()
        while day <= last:
            if self.is_working_day(day):
                opens, closes = self.hours(day)
                total += max(min(closes, end) - max(opens, start), dt.timedelta(0))
            day += dt.timedelta(days=1)
        return total


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("deadline arithmetic needs aware datetimes (UTC in storage)")
    return value


@functools.lru_cache(maxsize=64)
def _china(year: int) -> holidays.HolidayBase:
    """Mainland China's statutory holidays and exchanged working days (调休) of one year."""
    return holidays.China(years=year)
