"""offence_number: same rule, confirmed, not overturned, inside the window, before the decision."""

from __future__ import annotations

import datetime as dt

import pytest

from backoffice.policy import PriorOffence, load_pack, offence_number

from .conftest import shanghai

AT = shanghai(2026, 3, 31, 12, 0)


@pytest.fixture
def windowed_rule(write_pack):
    (rule,) = load_pack(write_pack() / "packs" / "sample.yaml").rules
    assert rule.window_days == 30
    return rule


def prior(days_before: float, code="zbj.sample", overturned=False):
    return PriorOffence(code, AT - dt.timedelta(days=days_before), overturned)


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([], 1),
        ([prior(1)], 2),
        ([prior(1), prior(29)], 3),
        ([prior(1, overturned=True)], 1),  # an overturned decision does not count
        ([prior(31)], 1),  # outside the 30-day window
        ([prior(30)], 2),  # exactly on the window's edge counts
        ([prior(30.01)], 1),
        ([prior(1, code="zbj.other")], 1),  # another rule
        ([prior(-1)], 1),  # decided after this one
        ([prior(0)], 1),  # the decision itself is not a prior
        ([prior(2), prior(3, overturned=True), prior(40), prior(5, code="x.y")], 2),
    ],
)
def test_windowed_counting(windowed_rule, history, expected):
    assert offence_number(windowed_rule, history, AT) == expected


def test_all_time_window_counts_old_decisions(rulebook):
    rule = rulebook.rule("zbj.offsite_contact")
    assert rule.window_days is None
    old = PriorOffence("zbj.offsite_contact", shanghai(2016, 1, 1, 0, 0))
    assert offence_number(rule, [old], AT) == 2
    assert offence_number(rule, [PriorOffence(old.rule_code, old.decided_at, overturned=True)], AT) == 1


def test_naive_prior_is_refused(windowed_rule):
    with pytest.raises(ValueError, match="timezone-aware"):
        offence_number(windowed_rule, [PriorOffence("zbj.sample", dt.datetime(2026, 3, 1))], AT)
