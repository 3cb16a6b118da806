"""Hypothesis properties of the pure computation."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.policy import (
    MeasurePlan,
    PriorOffence,
    StandingSnapshot,
    compute_measures,
    load_rulebook,
    offence_number,
    self_check_outcomes,
)

from .conftest import RULES_DIR

BOOK = load_rulebook(RULES_DIR)
TZ = ZoneInfo("Asia/Shanghai")
RULES = BOOK.rules()

money = st.decimals(min_value=0, max_value=200_000, places=2, allow_nan=False, allow_infinity=False)
moments = st.datetimes(
    min_value=dt.datetime(2001, 1, 1), max_value=dt.datetime(2090, 1, 1), timezones=st.just(dt.UTC)
)


@st.composite
def decisions(draw):
    """A valid (rule, severity, offence_no, params) with reviewer amounts inside the caps."""
    rule = draw(st.sampled_from(RULES))
    severity = draw(st.sampled_from(rule.severities))
    params = {}
    for rung in rule.ladder[severity]:
        for m in rung.measures:
            if m.type == "consumer_compensation" and m.cap is not None:
                params["consumer_compensation"] = draw(st.decimals(min_value=0, max_value=m.cap, places=2))
            if m.type == "deposit_deduction" and m.cap is not None:
                params["fine_amount"] = draw(st.decimals(min_value=0, max_value=m.cap, places=2))
            if getattr(m, "condition", None) == "complaint_upheld":
                params["complaint_upheld"] = draw(st.booleans())
    return rule, severity, draw(st.integers(min_value=1, max_value=6)), params


@settings(max_examples=300, deadline=None)
@given(decision=decisions(), balance=money, at=moments)
def test_deposit_is_never_overdrawn(decision, balance, at):
    rule, severity, offence_no, params = decision
    plan = compute_measures(
        rule, severity, offence_no, StandingSnapshot(deposit_balance=balance), params, at, TZ
    )
    for d in plan.of_type("deposit_deduction"):
        assert Decimal(0) <= d.applied <= d.requested
        assert d.applied + d.shortfall == d.requested
        assert d.shortfall >= 0
    assert 0 <= plan.deposit_applied <= balance
    if plan.of_type("removal"):
        assert plan.deposit_applied == balance  # removal forfeits the whole remaining deposit


@settings(max_examples=200, deadline=None)
@given(decision=decisions(), balance=money, at=moments)
def test_measures_never_end_before_they_start(decision, balance, at):
    rule, severity, offence_no, params = decision
    plan = compute_measures(
        rule, severity, offence_no, StandingSnapshot(deposit_balance=balance), params, at, TZ
    )
    for m in plan.measures:
        assert m.starts_at == at
        assert m.ends_at is None or m.ends_at > m.starts_at
        assert m.ends_at is None or m.ends_at.utcoffset() == dt.timedelta(0)


@settings(max_examples=200, deadline=None)
@given(decision=decisions(), balance=money, at=moments)
def test_plans_round_trip_through_json(decision, balance, at):
    rule, severity, offence_no, params = decision
    plan = compute_measures(
        rule, severity, offence_no, StandingSnapshot(deposit_balance=balance), params, at, TZ
    )
    assert MeasurePlan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan


@given(
    history=st.lists(
        st.tuples(st.integers(min_value=-400, max_value=400), st.booleans(), st.booleans()), max_size=20
    ),
    at=moments,
)
def test_offence_number_counts_only_live_prior_decisions_of_the_rule(history, at):
    rule = BOOK.rule("zbj.offsite_contact")
    prior = [
        PriorOffence(rule.code if same else "zbj.ads_spam", at - dt.timedelta(days=days), overturned)
        for days, same, overturned in history
    ]
    expected = 1 + sum(1 for days, same, overturned in history if same and not overturned and days > 0)
    assert offence_number(rule, prior, at) == expected
    # Adding an overturned decision never changes the count.
    assert (
        offence_number(rule, [*prior, PriorOffence(rule.code, at - dt.timedelta(days=1), True)], at)
        == expected
    )


@given(times=st.lists(moments, max_size=30), days_allowed=st.sampled_from([1, 2]))
def test_self_check_corrects_at_most_the_allowed_days_and_only_the_earliest(times, days_allowed):
    outcomes = self_check_outcomes(times, TZ, days_allowed)
    corrected_days = {o.local_date for o in outcomes if o.corrected}
    assert len(corrected_days) <= days_allowed
    penalised = [o.at for o in outcomes if not o.corrected]
    corrected = [o.at for o in outcomes if o.corrected]
    assert not penalised or not corrected or max(corrected) < min(penalised)
    if times:
        assert outcomes[0].corrected
        assert outcomes[0].day == 1
