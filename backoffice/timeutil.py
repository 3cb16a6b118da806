"""Time helpers: UTC in storage, the platform's time zone for calendar rules and display."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

from backoffice.db import utcnow

__all__ = ["platform_day_bounds", "platform_tz", "to_platform_tz", "utcnow"]


def platform_tz() -> ZoneInfo:
    return ZoneInfo(current_app.config["TIMEZONE"])


def to_platform_tz(value: datetime, tz: ZoneInfo | None = None) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(tz or platform_tz())


def platform_day_bounds(day: date, tz: ZoneInfo | None = None) -> tuple[datetime, datetime]:
    """Return the UTC start (inclusive) and end (exclusive) of a natural day in platform time."""
    tz = tz or platform_tz()
    start = datetime.combine(day, time.min, tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def deadline_text(value: datetime) -> str:
    """A deadline in platform time as people read one: a deadline at midnight is the end of the day
    before it, '2026-12-20 24:00', not the start of a day they might think they still have."""
    local = to_platform_tz(value)
    if (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0):
        return f"{local.date() - timedelta(days=1):%Y-%m-%d} 24:00"
    return local.strftime("%Y-%m-%d %H:%M")
