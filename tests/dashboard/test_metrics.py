"""Every dashboard number against tables counted by hand from the world in conftest.py."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from backoffice.dashboard import metrics
from tests.dashboard.conftest import NOW, at

A, B = "zbj.offsite_contact", "zbj.ads_spam"


def test_queue_health_counts_statuses_ages_and_deadlines(world):
    health = metrics.queue_health(NOW)
    assert (health.open, health.unclaimed, health.overdue) == (8, 5, 3)
    assert health.by_status == [
        # status              cases  unclaimed  overdue
        ("open",                  3,         3,       1),
        ("in_review",             2,         1,       1),  # one lease lapsed five minutes ago
        ("on_hold",               1,         0,       0),  # due exactly now: not overdue yet
        ("escalated",             1,         1,       1),
        ("awaiting_approval",     1,         0,       0),
    ]
    assert health.ages == [("<1h", 1), ("1–4h", 2), ("4–24h", 2), ("1–3d", 1), (">3d", 2)]


def test_queue_age_moves_with_now(world):
    # An hour later: 30 min → 1.5 h (1–4h), 3 h 59 → 4 h 59 (4–24h), 23 h → 24 h (1–3d).
    health = metrics.queue_health(NOW + timedelta(hours=1))
    assert health.ages == [("<1h", 0), ("1–4h", 2), ("4–24h", 2), ("1–3d", 2), (">3d", 2)]


def test_period_is_whole_platform_days_ending_today(app):
    p = metrics.period(7, NOW)
    assert p.days[0] == date(2026, 3, 4)
    assert p.days[-1] == date(2026, 3, 10)
    assert len(p.days) == 7
    assert p.start == at(4, 0)
    assert p.end == at(11, 0)


def test_throughput_counts_applied_decisions_per_reviewer_per_platform_day(world):
    assert metrics.throughput(7, NOW) == [
        # platform day   reviewer  decisions
        ("2026-03-04", "alice", 1),  # 00:10, in the first minutes of the period
        ("2026-03-05", "carol", 1),
        ("2026-03-08", "alice", 2),  # 12:00 and 23:30 (15:30 UTC)
        ("2026-03-09", "bob", 4),    # 00:30 (16:30 UTC on the 8th), 10:00, 11:00, 12:00 (a fraud report)
        ("2026-03-10", "alice", 1),  # a bulk dismissal
        ("2026-03-10", "carol", 1),  # approved by a manager; her pending and refused ones do not count
    ]


def test_throughput_over_thirty_days_reaches_the_day_before(world):
    assert metrics.throughput(30, NOW)[0] == ("2026-03-03", "alice", 1)
    assert sum(n for *_, n in metrics.throughput(30, NOW)) == 11


def test_reviewers_with_a_display_name_are_shown_by_it_with_their_login(world):
    from backoffice.accounts.models import User
    from backoffice.extensions import db

    db.session.scalar(sa.select(User).filter_by(login="alice")).display_name = "张丽"
    db.session.commit()
    assert metrics.throughput(30, NOW)[0] == ("2026-03-03", "张丽 (alice)", 1)
    by_reviewer = {r[0] for r in metrics.appeal_rates("reviewer", 30, NOW)}
    assert "张丽 (alice)" in by_reviewer
    assert "alice" not in by_reviewer
    assert "bob" in by_reviewer


def test_decisions_by_rule_and_verdict(world):
    assert metrics.decisions_by_rule(7, NOW) == [
        (B, "violation", 2),
        (B, "insufficient_evidence", 1),
        (A, "violation", 5),
        (A, "no_violation", 2),
    ]


APPEAL_COLUMNS = ("name", "rulings", "appeals", "decided", "upheld", "reduced", "overturned", "appeal_rate",
                  "overturn_rate")


@pytest.mark.parametrize(("by", "days", "expected"), [
    ("rule", 7, [
        # rulings: appealable (violation, penalty, applied) decided in the period. The fraud-report
        # confirmation has no penalty, the draft appeal is not filed, the submitted one is not decided.
        (B, 2, 2, 1, 0, 1, 0, 1.0, 1.0),
        (A, 4, 3, 3, 1, 1, 1, 0.75, 0.667),
    ]),
    ("reviewer", 7, [
        ("alice", 2, 2, 2, 1, 0, 1, 1.0, 0.5),
        ("bob", 2, 2, 1, 0, 1, 0, 1.0, 1.0),
        ("carol", 2, 1, 1, 0, 1, 0, 0.5, 1.0),
    ]),
    ("rule", 30, [
        (B, 2, 2, 1, 0, 1, 0, 1.0, 1.0),
        (A, 5, 4, 4, 1, 1, 2, 0.8, 0.75),
    ]),
    ("reviewer", 30, [
        ("alice", 3, 3, 3, 1, 0, 2, 1.0, 0.667),
        ("bob", 2, 2, 1, 0, 1, 0, 1.0, 1.0),
        ("carol", 2, 1, 1, 0, 1, 0, 0.5, 1.0),
    ]),
])
def test_appeal_rates(world, by, days, expected):
    assert metrics.appeal_rates(by, days, NOW) == expected


def test_overturn_rate_is_unknown_until_an_appeal_is_decided(world):
    from backoffice.appeals.models import Appeal, AppealStatus
    from backoffice.extensions import db

    appeal = db.session.query(Appeal).filter_by(ruling_id=world.decisions.d6.id).one()
    appeal.status, appeal.outcome = AppealStatus.submitted, None
    db.session.commit()
    rows = {r[0]: r for r in metrics.appeal_rates("reviewer", 7, NOW)}
    assert rows["carol"] == ("carol", 2, 1, 0, 0, 0, 0, 0.5, None)


@pytest.mark.parametrize(("by", "days", "expected"), [
    ("rule", 7, [
        # rule  confirmed dismissed inconclusive open precision
        (B, 1, 2, 0, 0, 0.333),
        (A, 3, 2, 1, 1, 0.6),
    ]),
    ("term", 7, [
        ("+86", 0, 1, 0, 0, 0.0),
        ("reply_time", 0, 1, 0, 0, 0.0),  # no term: the detector's name
        ("加群", 1, 1, 0, 0, 0.5),
        ("微信", 2, 1, 0, 1, 0.667),     # the customer's report is not a detector flag
        ("vx", 1, 0, 0, 0, 1.0),
        ("phone", 0, 0, 1, 0, None),     # nothing judged either way: no precision
    ]),
    ("rule", 30, [
        (B, 1, 2, 0, 0, 0.333),
        (A, 4, 2, 1, 1, 0.667),
    ]),
])
def test_precision(world, by, days, expected):
    assert metrics.precision(by, days, NOW) == expected


def test_measure_totals_per_platform_day(world):
    assert metrics.measure_totals(7, NOW) == [
        # day        integrity   violation pts   deposit              restrictions  removals
        #            ded. rest.  chg.  canc.     deducted  refunded   imp.  lifted  imp. rev.
        ("2026-03-04", 12, 0,    "0",  "0",      "500.00", "0.00",    0,    0,      0,   0),
        ("2026-03-05", 0,  0,    "0",  "0",      "0.00",   "0.00",    1,    0,      1,   0),
        ("2026-03-06", 0,  0,    "0",  "0",      "0.00",   "0.00",    0,    0,      0,   0),  # top-up only
        ("2026-03-07", 0,  0,    "0",  "0",      "0.00",   "0.00",    0,    0,      0,   0),
        ("2026-03-08", 6,  0,    "0",  "0",      "0.00",   "0.00",    0,    0,      0,   0),  # 23:30
        ("2026-03-09", 0,  12,   "0",  "0",      "0.00",   "500.00",  0,    1,      0,   1),  # reversals
        ("2026-03-10", 0,  3,    "6",  "1.5",    "250.50", "0.00",    2,    1,      0,   0),
    ]


def test_measure_totals_over_thirty_days_include_the_day_before(world):
    rows = metrics.measure_totals(30, NOW)
    assert len(rows) == 30
    assert rows[0][0] == "2026-02-09"
    assert rows[-1][0] == "2026-03-10"
    assert rows[-8] == ("2026-03-03", 4, 0, "0", "0", "0.00", "0.00", 0, 0, 0, 0)


def test_empty_world_gives_zeros_not_errors(app):
    health = metrics.queue_health(NOW)
    assert (health.open, health.unclaimed, health.overdue) == (0, 0, 0)
    assert [n for _, n in health.ages] == [0] * 5
    assert metrics.throughput(7, NOW) == metrics.decisions_by_rule(7, NOW) == []
    assert metrics.appeal_rates("rule", 7, NOW) == metrics.precision("term", 7, NOW) == []
    assert metrics.measure_totals(7, NOW)[0] == ("2026-03-04", 0, 0, "0", "0", "0.00", "0.00", 0, 0, 0, 0)
