"""Deadline arithmetic in business hours (issue 22): concrete dates, then properties (hypothesis)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.policy.business_hours import BusinessClock, WallClock

BEIJING = ZoneInfo("Asia/Shanghai")
CHINA = BusinessClock(tz=BEIJING, opens=dt.time(9), closes=dt.time(18), days="china_workdays")
MON_FRI = BusinessClock(tz=BEIJING, opens=dt.time(9), closes=dt.time(18), days="mon_fri")


def bj(*args) -> dt.datetime:
    """A Beijing wall-clock time as the UTC instant stored."""
    return dt.datetime(*args, tzinfo=BEIJING).astimezone(dt.UTC)


@pytest.mark.parametrize(("start", "hours", "due", "why"), [
    (bj(2026, 12, 4, 17, 30), 4, bj(2026, 12, 7, 12, 30), "Friday 17:30 + 4 h: 30 min on Friday, 3.5 h on Monday"),
    (bj(2026, 12, 7, 10, 0), 4, bj(2026, 12, 7, 14, 0), "within one working day"),
    (bj(2026, 12, 7, 14, 0), 4, bj(2026, 12, 7, 18, 0), "ending at closing time stays at 18:00"),
    (bj(2026, 12, 7, 7, 0), 4, bj(2026, 12, 7, 13, 0), "before opening: counts from 09:00"),
    (bj(2026, 12, 7, 22, 0), 4, bj(2026, 12, 8, 13, 0), "after closing: counts from 09:00 the next day"),
    (bj(2026, 12, 5, 11, 0), 9, bj(2026, 12, 7, 18, 0), "a Saturday: one working day is Monday's"),
    (bj(2026, 12, 7, 10, 0), 27, bj(2026, 12, 10, 10, 0), "three working days (an appeal)"),
    # National Day 2026: 1-7 October off, Sunday 20 September and Saturday 10 October worked (调休).
    (bj(2026, 9, 30, 17, 0), 4, bj(2026, 10, 8, 12, 0), "National Day week is off: 1 h on 30 Sep, 3 h on 8 Oct"),
    (bj(2026, 10, 9, 17, 0), 2, bj(2026, 10, 10, 10, 0), "Saturday 10 October is a working day (调休)"),
    (bj(2026, 9, 19, 12, 0), 1, bj(2026, 9, 20, 10, 0), "Sunday 20 September is a working day (调休)"),
    (bj(2026, 2, 13, 17, 0), 2, bj(2026, 2, 14, 10, 0), "Saturday 14 February before Spring Festival is worked"),
    (bj(2026, 2, 14, 17, 0), 2, bj(2026, 2, 24, 10, 0), "Spring Festival: 15 to 23 February off"),
    (bj(2026, 12, 31, 17, 0), 2, bj(2027, 1, 4, 10, 0), "New Year's Day 2027 (estimated: no notice yet)"),
])
def test_adding_business_hours_in_beijing(start, hours, due, why):
    assert CHINA.add(start, dt.timedelta(hours=hours)) == due, why
    assert CHINA.between(start, due) == dt.timedelta(hours=hours), why


@pytest.mark.parametrize(("start", "hours", "due"), [
    (bj(2026, 9, 30, 17, 0), 4, bj(2026, 10, 1, 12, 0)),  # Monday to Friday only: National Day is worked
    (bj(2026, 10, 9, 17, 0), 2, bj(2026, 10, 12, 10, 0)),  # and the 调休 Saturday is not
])
def test_monday_to_friday_ignores_the_holiday_calendar(start, hours, due):
    assert MON_FRI.add(start, dt.timedelta(hours=hours)) == due


@pytest.mark.parametrize(("start", "end", "hours"), [
    (bj(2026, 12, 4, 17, 0), bj(2026, 12, 7, 10, 0), 2),  # Friday 17:00 to Monday 10:00
    (bj(2026, 12, 7, 19, 0), bj(2026, 12, 8, 8, 0), 0),  # a night
    (bj(2026, 12, 8, 8, 0), bj(2026, 12, 7, 19, 0), 0),  # backwards: nothing
    (bj(2026, 9, 28, 9, 0), bj(2026, 10, 12, 9, 0), 9 * 6),  # two weeks around National Day: 6 working days
])
def test_business_time_between_two_instants(start, end, hours):
    assert CHINA.between(start, end) == dt.timedelta(hours=hours)


def test_the_wall_clock_counts_every_hour():
    start = bj(2026, 12, 4, 17, 30)
    assert WallClock().add(start, dt.timedelta(hours=4)) == bj(2026, 12, 4, 21, 30)
    assert WallClock().between(start, bj(2026, 12, 7, 12, 30)) == dt.timedelta(hours=67)


def test_a_broken_calendar_is_refused():
    with pytest.raises(ValueError, match="close after they open"):
        BusinessClock(tz=BEIJING, opens=dt.time(18), closes=dt.time(9))
    with pytest.raises(ValueError, match="aware"):
        CHINA.add(dt.datetime(2026, 12, 7, 10), dt.timedelta(hours=1))


# -- properties ----------------------------------------------------------------------------------------

instants = st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2027, 6, 30),
                        timezones=st.just(dt.UTC))
durations = st.integers(min_value=1, max_value=200 * 3600 * 1000).map(lambda ms: dt.timedelta(milliseconds=ms))
clocks = st.sampled_from([CHINA, MON_FRI, BusinessClock(tz=BEIJING, opens=dt.time(8, 30), closes=dt.time(12))])


@settings(max_examples=300, deadline=None)
@given(clocks, instants, durations)
def test_adding_then_measuring_gives_the_same_time_back(clock, start, duration):
    assert clock.between(start, clock.add(start, duration)) == duration


@settings(max_examples=300, deadline=None)
@given(clocks, instants, durations)
def test_a_deadline_always_falls_within_business_hours(clock, start, duration):
    due = clock.add(start, duration).astimezone(BEIJING)
    assert clock.is_working_day(due.date())
    assert clock.opens < due.time() <= clock.closes


@settings(max_examples=300, deadline=None)
@given(clocks, instants, durations, durations)
def test_more_time_is_never_an_earlier_deadline(clock, start, a, b):
    shorter, longer = sorted((a, b))
    assert start < clock.add(start, shorter) <= clock.add(start, longer)


@settings(max_examples=300, deadline=None)
@given(clocks, instants, instants, durations)
def test_a_later_start_is_never_an_earlier_deadline(clock, a, b, duration):
    early, late = sorted((a, b))
    assert clock.add(early, duration) <= clock.add(late, duration)


@settings(max_examples=200, deadline=None)
@given(clocks, instants, durations, durations)
def test_a_deadline_paused_and_resumed_keeps_its_time(clock, start, before_pause, wait):
    """What an appeal does: run, pause with the time left, resume later with it; the time counted is the same."""
    total = before_pause * 2
    due = clock.add(start, total)
    paused_at = clock.add(start, before_pause)
    left = clock.between(paused_at, due)
    resumed_at = paused_at + wait
    new_due = clock.add(resumed_at, left)
    assert clock.between(start, paused_at) + clock.between(resumed_at, new_due) == total
    assert new_due >= due
