"""Seed 004: self-check correction (自检自查) and exam-learning (考试学习), with both worked examples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from backoffice.policy import (
    ExamPass,
    LeniencyError,
    apply_self_check,
    compute_measures,
    exam_chance_available,
    exam_relief,
    self_check_applies,
    self_check_outcomes,
)

from .conftest import SHANGHAI, shanghai, standing


def decide(rulebook, code, at, severity="general"):
    return compute_measures(rulebook.rule(code), severity, 1, standing(), {}, at, SHANGHAI)


# --- Example 1 (举例1) -------------------------------------------------------------------------

NON_SALE = "taobao.ads_non_sale_listing"  # 广告信息-将非实际销售的商品或信息,作为独立的商品页面进行发布
EXTERNAL = "taobao.ads_risky_external_site"  # 广告信息-发布易导致交易风险的外部网站的商品或信息
EFFECT = "taobao.misleading_effect"  # 信息与实际不符-对商品的实际使用效果进行不符的宣传


def test_example_1(rulebook, tz):
    march25 = shanghai(2018, 3, 25, 10, 0)
    a = decide(rulebook, NON_SALE, march25)
    b = decide(rulebook, EXTERNAL, march25)
    for plan in (a, b):  # each: 0.2 points, listing deleted
        assert plan.of_type("violation_points")[0].violation_points == Decimal("0.2")
        assert plan.of_type("content_removal")
    passes: list[ExamPass] = []
    # One chance for each sub-type; passing lifts the points and restores the listing.
    for code, plan in ((NON_SALE, a), (EXTERNAL, b)):
        rule = rulebook.rule(code)
        assert exam_chance_available(rule, "general", plan.decided_at, passes, tz)
        relief = exam_relief(rule, plan, passes, march25 + dt.timedelta(days=2), tz)
        assert {m.type for m in relief.revoked} == {"violation_points", "content_removal"}
        assert relief.kept == ()
        passes.append(ExamPass(code, "general", march25 + dt.timedelta(days=2)))

    april1 = shanghai(2018, 4, 1, 10, 0)
    c = decide(rulebook, EXTERNAL, april1)
    d = decide(rulebook, EFFECT, april1)
    # d's sub-type has its chance; c's was used this natural year.
    assert exam_chance_available(rulebook.rule(EFFECT), "general", d.decided_at, passes, tz)
    assert exam_relief(rulebook.rule(EFFECT), d, passes, april1, tz).revoked == d.measures
    assert not exam_chance_available(rulebook.rule(EXTERNAL), "general", c.decided_at, passes, tz)
    with pytest.raises(
        LeniencyError, match="exam chance for taobao.ads_risky_external_site in 2018 has already"
    ):
        exam_relief(rulebook.rule(EXTERNAL), c, passes, april1, tz)


def test_exam_chance_returns_next_natural_year_in_platform_time(rulebook, tz):
    rule = rulebook.rule(EXTERNAL)
    passes = [ExamPass(EXTERNAL, "general", shanghai(2018, 12, 31, 23, 30))]
    # 2019-01-01 00:10 in Shanghai is still 2018 in UTC.
    new_year = shanghai(2019, 1, 1, 0, 10)
    assert new_year.astimezone(dt.UTC).year == 2018
    assert exam_chance_available(rule, "general", new_year, passes, tz)
    assert not exam_chance_available(rule, "general", shanghai(2018, 12, 31, 23, 59), passes, tz)


# --- Example 2 (举例2) -------------------------------------------------------------------------


def test_example_2_serious_case_lifts_only_the_listing_restriction(rulebook, tz):
    rule = rulebook.rule("taobao.ads_repeated")
    plan = decide(rulebook, "taobao.ads_repeated", shanghai(2018, 5, 2, 9, 0), severity="serious")
    assert [m.type for m in plan.measures] == ["violation_points", "content_removal", "listing_restriction"]
    assert plan.of_type("violation_points")[0].violation_points == Decimal("2")
    assert exam_chance_available(rule, "serious", plan.decided_at, [], tz)
    relief = exam_relief(rule, plan, [], shanghai(2018, 5, 9, 9, 0), tz)
    assert [m.type for m in relief.revoked] == ["listing_restriction"]
    assert [m.type for m in relief.kept] == [
        "violation_points",
        "content_removal",
    ]  # points and deletions stay
    used = [ExamPass(rule.code, "serious", shanghai(2018, 5, 9, 9, 0))]
    assert not exam_chance_available(rule, "serious", shanghai(2018, 9, 1, 9, 0), used, tz)


def test_general_and_serious_chances_are_separate(rulebook, tz):
    rule = rulebook.rule(NON_SALE)
    used = [ExamPass(NON_SALE, "serious", shanghai(2018, 1, 5, 9, 0))]
    assert exam_chance_available(rule, "general", shanghai(2018, 2, 1, 9, 0), used, tz)


@pytest.mark.parametrize(
    "code", ["taobao.malicious_harassment", "zbj.offsite_contact", "pdd.uncivil_language"]
)
def test_exam_not_available_for_ineligible_rules(rulebook, tz, code):
    plan = decide(rulebook, code, shanghai(2018, 5, 2, 9, 0))
    assert not exam_chance_available(rulebook.rule(code), "general", plan.decided_at, [], tz)
    with pytest.raises(LeniencyError, match="not eligible for exam-learning"):
        exam_relief(rulebook.rule(code), plan, [], plan.decided_at, tz)


# --- Self-check correction -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("occurrences", "days_allowed", "expected"),
    [
        # Several on the first natural day: one correction, no points.
        ([(3, 1, 9), (3, 1, 15), (3, 1, 23, 59)], 2, [1, 1, 1]),
        # "累计两日": the next day with a violation is day 2, even if days later.
        ([(3, 1, 9), (3, 5, 10), (3, 5, 22)], 2, [1, 2, 2]),
        # A third day is penalised normally.
        ([(3, 1, 9), (3, 2, 9), (3, 3, 9), (3, 3, 10)], 2, [1, 2, None, None]),
        # "一日" types: only the first day is corrected.
        ([(3, 1, 9), (3, 1, 20), (3, 2, 9)], 1, [1, 1, None]),
        # Natural days end at 24:00 Shanghai time, not UTC: 23:59 and 00:01 are different days.
        ([(3, 1, 23, 59), (3, 2, 0, 1), (3, 3, 7, 30)], 2, [1, 2, None]),
    ],
)
def test_self_check_days(occurrences, days_allowed, expected, tz):
    times = [shanghai(2022, *o) for o in occurrences]
    outcomes = self_check_outcomes(reversed(times), tz, days_allowed)  # order of input does not matter
    assert [o.day for o in outcomes] == expected
    assert [o.corrected for o in outcomes] == [d is not None for d in expected]


def test_self_check_day_is_a_shanghai_day_not_a_utc_day(tz):
    # 07:00 and 09:00 Shanghai on 1 March fall on different UTC days (28 Feb 23:00, 1 Mar 01:00)
    # but on one natural day.
    outcomes = self_check_outcomes(
        [shanghai(2022, 3, 1, 7, 0), shanghai(2022, 3, 1, 9, 0)], tz, days_allowed=1
    )
    assert [o.corrected for o in outcomes] == [True, True]


def test_apply_self_check_keeps_only_the_correction(rulebook, tz):
    rule = rulebook.rule(NON_SALE).model_copy(update={"self_check": True})
    at = shanghai(2022, 3, 1, 9, 0)
    result = self_check_applies(rule, [], at, tz)
    plan = compute_measures(rule, "general", 1, standing(), {}, at, tz)
    corrected = apply_self_check(plan, result)
    assert [m.type for m in corrected.measures] == ["content_removal"]
    assert "self-check correction (day 1 of 2022-03-01)" in corrected.explanation


def test_self_check_does_not_apply_to_rules_without_it(rulebook, tz):
    rule = rulebook.rule("taobao.ads_repeated")  # 多次违规: not a first, unintentional violation
    assert not rule.self_check
    result = self_check_applies(rule, [], shanghai(2022, 3, 1, 9, 0), tz)
    plan = decide(rulebook, NON_SALE, shanghai(2022, 3, 1, 9, 0))
    assert apply_self_check(plan, result) == plan


def test_self_check_third_day_is_penalised(rulebook, tz):
    rule = rulebook.rule(NON_SALE).model_copy(update={"self_check": True})
    earlier = [shanghai(2022, 3, 1, 9, 0), shanghai(2022, 3, 2, 9, 0)]
    assert not self_check_applies(rule, earlier, shanghai(2022, 3, 4, 9, 0), tz).corrected
    assert self_check_applies(rule, earlier, shanghai(2022, 3, 2, 18, 0), tz).day == 2
