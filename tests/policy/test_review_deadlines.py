"""The packs' review deadlines (issue 22): the numbers as shipped, the tiers, and bad values refused."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from backoffice.policy import load_rulebook
from backoffice.policy.business_hours import BusinessClock
from backoffice.policy.deadlines import case_tier
from backoffice.rulefiles import RuleFileError

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.mark.parametrize(("platform", "standard", "urgent", "appeal", "clock", "start", "end", "days"), [
    ("zbj", 9, 4, 27, "business_hours", "09:00", "18:00", "china_workdays"),
    ("taobao", 9, 4, 27, "business_hours", "09:00", "18:00", "china_workdays"),
    ("pdd", 9, 4, 27, "business_hours", "09:00", "18:00", "china_workdays"),
    ("community", 18, 4, 27, "business_hours", "09:00", "18:00", "china_workdays"),
])
def test_the_shipped_deadlines(rulebook, platform, standard, urgent, appeal, clock, start, end, days):
    d = rulebook.pack(platform).review_deadlines
    assert (d.hours_for("standard"), d.hours_for("urgent_rule"), d.hours_for("removal_possible")) == (
        standard, urgent, urgent)
    assert (d.appeal_hours.value, d.clock.value, d.business_start.value, d.business_end.value,
            d.business_days.value) == (appeal, clock, start, end, days)
    for name in ("review_sla_hours", "review_sla_hours_urgent", "review_sla_clock", "business_hours_start",
                 "business_hours_end", "business_days", "appeal_review_sla_hours"):
        setting = rulebook.setting(platform, name)
        assert setting.operator_setting is True
        assert setting.note.startswith("Assumed"), name  # no source gives a review deadline
    assert "Assumed" in d.note
    clock_ = d.clock_in(dt.UTC)
    assert isinstance(clock_, BusinessClock)
    assert (clock_.opens, clock_.closes) == (dt.time(9), dt.time(18))


@pytest.mark.parametrize(("code", "offence", "tier"), [
    ("zbj.offsite_contact", 1, "standard"),  # first time: points, restriction, 5000 yuan
    ("zbj.offsite_contact", 2, "removal_possible"),  # second time: 清退 + the whole deposit (seed 000)
    ("zbj.offsite_contact", 5, "removal_possible"),  # the last rung repeats
    ("zbj.ads_spam", 3, "standard"),  # removal only when 情节严重, never at the general grade
    ("zbj.illegal_service", 1, "urgent_rule"),
    ("taobao.malicious_harassment", 1, "urgent_rule"),
    ("taobao.ads_repeated", 4, "standard"),
    ("pdd.uncivil_language", 1, "urgent_rule"),
    ("pdd.offsite_luring", 3, "standard"),
    ("community.unfriendly", 1, "urgent_rule"),
    ("community.illegal_info", 1, "urgent_rule"),
    ("community.spam_ads", 4, "standard"),  # removal is especially serious only
])
def test_the_tier_of_a_merchants_case(rulebook, code, offence, tier):
    rule = rulebook.rule(code)
    assert case_tier(rulebook.pack(rule.platform).review_deadlines, rule, offence) == tier


def test_customer_fraud_is_urgent_on_zbj(rulebook):
    deadlines = rulebook.pack("zbj").review_deadlines
    assert case_tier(deadlines, rulebook.customer_rule("zbj.customer_fraud"), 1) == "urgent_rule"
    assert case_tier(deadlines, rulebook.customer_rule("zbj.customer_ads_spam"), 1) == "standard"
    assert case_tier(deadlines, None, 1, fraud_report=True) == "urgent_rule"  # 举报诈骗
    assert case_tier(rulebook.pack("pdd").review_deadlines, None, 1, fraud_report=True) == "standard"


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    shutil.copytree(RULES / "packs", tmp_path / "packs")
    path = tmp_path / "packs" / "zbj.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("old", "new", "where", "message"), [
    ('  business_hours_start:\n    value: "09:00"', '  business_hours_start:\n    value: "9 am"',
     "review_deadlines.business_start", "operator setting 'business_hours_start' must be a time of day"),
    ('  business_hours_end:\n    value: "18:00"', '  business_hours_end:\n    value: "08:00"',
     "review_deadlines.business_end", "operator setting 'business_hours_end' must be a time after"),
    ("  review_sla_clock:\n    value: business_hours", "  review_sla_clock:\n    value: office",
     "review_deadlines.clock", "one of business_hours, wall_clock (got 'office')"),
    ("  business_days:\n    value: china_workdays", "  business_days:\n    value: weekdays",
     "review_deadlines.business_days", "one of china_workdays, mon_fri"),
    ("  appeal_review_sla_hours:\n    value: 27", "  appeal_review_sla_hours:\n    value: \"27\"",
     "review_deadlines.appeal_hours", "'appeal_review_sla_hours' must be a whole number of hours"),
    ("  review_sla_hours_urgent:\n    value: 4", "  review_sla_hours_urgent:\n    value: 12",
     "review_deadlines.urgent_hours", "no more hours than standard_hours"),
    ("urgent_rules: [zbj.illegal_service,", "urgent_rules: [zbj.illegal_services,",
     "review_deadlines.urgent_rules.0", "no rule 'zbj.illegal_services' in this pack"),
    ("  urgent_hours: {setting: review_sla_hours_urgent}", "  urgent_hours: {setting: review_urgent}",
     "review_deadlines.urgent_hours.setting", "operator setting 'review_urgent' is not defined"),
])
def test_a_bad_value_names_the_file_and_the_key(tmp_path, old, new, where, message):
    with pytest.raises(RuleFileError) as excinfo:
        load_rulebook(_broken(tmp_path, old, new))
    error = str(excinfo.value)
    assert "zbj.yaml:" in error
    (problem,) = excinfo.value.problems
    assert problem.path == where
    assert message in problem.message
    assert problem.line is not None
