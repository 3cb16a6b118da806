"""Deadlines read as the end of the day they close; points read as people write them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backoffice.timeutil import deadline_text


@pytest.mark.parametrize(("utc", "shown"), [
    (datetime(2026, 12, 20, 16, 0, tzinfo=UTC), "2026-12-20 24:00"),    # 00:00 on the 21st in Shanghai
    (datetime(2026, 12, 31, 16, 0, tzinfo=UTC), "2026-12-31 24:00"),    # the year's last day
    (datetime(2028, 2, 29, 16, 0, tzinfo=UTC), "2028-02-29 24:00"),     # 1 March 00:00, leap year
    (datetime(2026, 12, 20, 16, 1, tzinfo=UTC), "2026-12-21 00:01"),    # not midnight: as it is
    (datetime(2026, 12, 20, 15, 59, 59, tzinfo=UTC), "2026-12-20 23:59"),
])
def test_deadline_text(app, utc, shown):
    with app.app_context():
        assert deadline_text(utc) == shown


@pytest.mark.parametrize(("value", "shown"), [
    ("0.00", "0"), ("2.00", "2"), ("0.20", "0.2"), ("12", "12"), ("10.00", "10"), ("48.5", "48.5"), (None, "—"),
])
def test_points_are_shown_without_trailing_zeros(value, shown):
    from backoffice.templating import points

    assert points(value) == shown
