"""compute_measures: deposit clamping, reviewer parameters, end times, explanation, serialisation."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from backoffice.policy import MeasurePlan, ParameterError, StandingSnapshot, compute_measures

from .conftest import shanghai, standing

DECIDED = shanghai(2026, 3, 1, 23, 30)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def plan_for(
    rulebook,
    code,
    severity="general",
    offence_no=1,
    deposit="100000.00",
    params=None,
    at=DECIDED,
    tz=SHANGHAI,
):
    return compute_measures(
        rulebook.rule(code), severity, offence_no, standing(deposit), params or {}, at, tz
    )


@pytest.mark.parametrize(
    ("code", "severity", "offence_no", "balance", "requested", "applied", "shortfall"),
    [
        ("zbj.offsite_contact", "general", 1, "10000.00", "5000.00", "5000.00", "0.00"),
        ("zbj.offsite_contact", "general", 1, "5000.00", "5000.00", "5000.00", "0.00"),
        ("zbj.offsite_contact", "general", 1, "1200.50", "5000.00", "1200.50", "3799.50"),
        ("zbj.offsite_contact", "general", 1, "0.00", "5000.00", "0.00", "5000.00"),
        ("zbj.illegal_service", "general", 1, "300.00", "500.00", "300.00", "200.00"),
        ("zbj.offsite_contact", "general", 2, "7777.77", "7777.77", "7777.77", "0.00"),  # whole deposit
        ("zbj.offsite_contact", "serious", 1, "0.00", "0.00", "0.00", "0.00"),
    ],
)
def test_deposit_is_clamped_to_the_balance(
    rulebook, code, severity, offence_no, balance, requested, applied, shortfall
):
    (deduction,) = plan_for(rulebook, code, severity, offence_no, deposit=balance).of_type(
        "deposit_deduction"
    )
    assert (deduction.requested, deduction.applied, deduction.shortfall) == tuple(
        map(Decimal, (requested, applied, shortfall))
    )


def test_removal_forfeits_whole_remaining_deposit(rulebook):
    plan = plan_for(rulebook, "zbj.offsite_contact", offence_no=2, deposit="4321.09")
    assert [m.type for m in plan.measures] == ["removal", "deposit_deduction"]
    assert plan.deposit_applied == Decimal("4321.09")
    assert plan.of_type("deposit_deduction")[0].whole_deposit


def test_shortfall_is_reported_in_the_explanation(rulebook):
    plan = plan_for(rulebook, "zbj.offsite_contact", deposit="1200.00")
    assert "shortfall 3800.00" in plan.explanation


@pytest.mark.parametrize(
    ("code", "severity", "params", "message"),
    [
        (
            "pdd.uncivil_language",
            "serious",
            {"consumer_compensation": "350"},
            "consumer_compensation 350.00 exceeds this rule's cap of 300.00 yuan",
        ),
        ("pdd.uncivil_language", "serious", {}, "pdd.uncivil_language needs consumer_compensation"),
        ("pdd.uncivil_language", "serious", {"consumer_compensation": 99.5}, "must be a decimal amount"),
        ("pdd.uncivil_language", "serious", {"consumer_compensation": "12.345"}, "at most 2 decimals"),
        ("pdd.uncivil_language", "serious", {"consumer_compensation": "-1"}, "non-negative"),
        ("pdd.uncivil_language", "serious", {"consumer_compensation": "abc"}, "must be a decimal amount"),
        ("pdd.uncivil_language", "general", {"consumer_compensation": "100"}, "does not apply to a general"),
        (
            "pdd.uncivil_language",
            "serious",
            {"consumer_compensation": "1", "fine_amount": "1"},
            "'fine_amount' is not a parameter of pdd.uncivil_language",
        ),
        (
            "pdd.offsite_luring",
            "general",
            {"fine_amount": "50000.01"},
            "fine_amount 50000.01 exceeds this rule's cap of 50000.00 yuan",
        ),
        ("pdd.offsite_luring", "general", {}, "needs fine_amount"),
        ("taobao.malicious_harassment", "general", {"complaint_upheld": "yes"}, "must be true or false"),
        (
            "zbj.offsite_contact",
            "general",
            {"complaint_upheld": True},
            "is not a parameter of zbj.offsite_contact",
        ),
        ("zbj.offsite_contact", "especially_serious", {}, "has no 'especially_serious' measures"),
    ],
)
def test_reviewer_parameters_are_checked(rulebook, code, severity, params, message):
    with pytest.raises(ParameterError) as excinfo:
        plan_for(rulebook, code, severity, params=params)
    assert message in str(excinfo.value)


def test_amounts_at_the_cap_and_zero(rulebook):
    at_cap = plan_for(
        rulebook, "pdd.uncivil_language", "serious", params={"consumer_compensation": Decimal("300")}
    )
    assert at_cap.of_type("consumer_compensation")[0].amount == Decimal("300.00")
    zero = plan_for(rulebook, "pdd.uncivil_language", "serious", params={"consumer_compensation": "0"})
    assert not zero.of_type("consumer_compensation")


def test_fine_is_clamped_like_any_deduction(rulebook):
    plan = plan_for(rulebook, "pdd.offsite_luring", deposit="2000.00", params={"fine_amount": "8000"})
    (fine,) = plan.of_type("deposit_deduction")
    assert (fine.requested, fine.applied, fine.shortfall) == (
        Decimal("8000.00"),
        Decimal("2000.00"),
        Decimal("6000.00"),
    )


@pytest.mark.parametrize(
    ("code", "offence_no", "measure_type", "ends_local"),
    [
        ("zbj.illegal_service", 1, "business_restriction", (2026, 3, 8, 23, 30)),
        ("zbj.offsite_contact", 1, "business_restriction", (2026, 3, 16, 23, 30)),
        ("community.unfriendly", 1, "mute", (2026, 3, 2, 23, 30)),
        ("community.unfriendly", 3, "mute", (2026, 3, 16, 23, 30)),
        ("pdd.uncivil_language", 1, "mute", (2026, 3, 1, 23, 40)),
    ],
)
def test_end_times_in_shanghai(rulebook, code, offence_no, measure_type, ends_local):
    (measure,) = plan_for(rulebook, code, offence_no=offence_no).of_type(measure_type)
    assert measure.starts_at == DECIDED
    assert measure.ends_at == shanghai(*ends_local)
    assert measure.ends_at.tzinfo == dt.UTC
    assert measure.starts_at.tzinfo == dt.UTC


def test_restriction_decided_late_evening_ends_on_the_right_utc_instant(rulebook):
    (restriction,) = plan_for(rulebook, "zbj.illegal_service").of_type("business_restriction")
    assert restriction.ends_at == dt.datetime(2026, 3, 8, 15, 30, tzinfo=dt.UTC)


def test_days_are_calendar_days_in_the_given_zone(rulebook):
    # Across the Berlin DST switch (29 March 2026) seven days are not 168 hours.
    berlin = ZoneInfo("Europe/Berlin")
    at = dt.datetime(2026, 3, 25, 12, 0, tzinfo=berlin)
    (r,) = plan_for(rulebook, "zbj.illegal_service", at=at, tz=berlin).of_type("business_restriction")
    assert r.ends_at == dt.datetime(2026, 4, 1, 12, 0, tzinfo=berlin)
    assert r.ends_at - r.starts_at == dt.timedelta(days=7, hours=-1)


@pytest.mark.parametrize("offence_no", [4, 5])
def test_permanent_mute_has_no_end(rulebook, offence_no):
    (mute,) = plan_for(rulebook, "community.unfriendly", offence_no=offence_no).of_type("mute")
    assert mute.permanent
    assert mute.ends_at is None


@pytest.mark.parametrize(
    ("code", "severity", "offence_no", "params", "explanation"),
    [
        (
            "zbj.offsite_contact",
            "general",
            2,
            {},
            "2nd offence of zbj.offsite_contact within all time (general) → removal + whole deposit",
        ),
        (
            "zbj.offsite_contact",
            "general",
            3,
            {},
            "3rd offence of zbj.offsite_contact within all time (general), last rung (2nd) repeats"
            " → removal + whole deposit",
        ),
        (
            "taobao.malicious_harassment",
            "general",
            1,
            {},
            "1st offence of taobao.malicious_harassment within all time (general)"
            " → 2 general-violation points;"
            " not applied: 1000.00 yuan compensation needs an upheld complaint",
        ),
    ],
)
def test_explanation(rulebook, code, severity, offence_no, params, explanation):
    assert plan_for(rulebook, code, severity, offence_no, params=params).explanation == explanation


@pytest.mark.parametrize(
    ("code", "severity", "offence_no", "params"),
    [
        ("zbj.offsite_contact", "general", 1, {}),
        ("taobao.malicious_harassment", "serious", 1, {"complaint_upheld": True}),
        ("pdd.offsite_luring", "general", 1, {"fine_amount": "123.45"}),
        ("community.unfriendly", "general", 4, {}),
        ("taobao.ads_repeated", "serious", 1, {}),
    ],
)
def test_plan_round_trips_through_json(rulebook, code, severity, offence_no, params):
    plan = plan_for(rulebook, code, severity, offence_no, deposit="3000.00", params=params)
    data = json.loads(json.dumps(plan.to_dict()))
    assert MeasurePlan.from_dict(data) == plan


def test_serialised_money_and_times_are_strings(rulebook):
    data = plan_for(rulebook, "zbj.offsite_contact").to_dict()
    deduction = next(m for m in data["measures"] if m["type"] == "deposit_deduction")
    assert deduction["requested"] == "5000.00"
    assert data["decided_at"] == "2026-03-01T15:30:00+00:00"
    assert data["ruleset_version"] == "zbj-2024.2"


@pytest.mark.parametrize("bad", [dt.datetime(2026, 3, 1, 12, 0)])
def test_naive_times_are_refused(rulebook, bad):
    with pytest.raises(ValueError, match="timezone-aware"):
        plan_for(rulebook, "zbj.ads_spam", at=bad)


def test_standing_refuses_negative_or_float_balance():
    with pytest.raises(ValueError, match="non-negative Decimal"):
        StandingSnapshot(deposit_balance=Decimal("-1"))
    with pytest.raises(ValueError, match="non-negative Decimal"):
        StandingSnapshot(deposit_balance=100.0)  # type: ignore[arg-type]


def test_offence_number_below_one_is_refused(rulebook):
    with pytest.raises(ValueError, match="offence_no must be 1 or more"):
        plan_for(rulebook, "zbj.ads_spam", offence_no=0)
