"""The customer rules of the ZBJ pack: who they rest on in seed 000, and the ladder on the customer's history.

Seed 000 gives no measure for a customer (only "平台会按规则对该用户做处理"), so every rung is an
operator setting; the table pins what the pack says today and that each step is marked as assumed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from backoffice.policy import load_rulebook
from backoffice.policy.customer_rules import CustomerMeasure, CustomerRules

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
BOOK = load_rulebook(RULES_DIR)

# (rule, phrase of seed 000 it rests on)
SOURCES = [
    ("zbj.customer_fraud", "引诱您下载不明软件"),
    ("zbj.customer_fraud", "客户引导去其他平台支付押金"),
    ("zbj.customer_banned_business", "欢迎服务商举报此类行为的雇主"),
    ("zbj.customer_ads_spam", "平台会按规则对该用户做处理"),
]


@pytest.mark.parametrize(("code", "phrase"), SOURCES, ids=[p for _, p in SOURCES])
def test_each_customer_rule_quotes_the_seed(code, phrase):
    seed = (RULES_DIR.parent.parent / "shared" / "seeds" / "000_073bfbecc97aa01c.txt")
    rule = BOOK.customer_rule(code)
    assert phrase in rule.source.zh
    if seed.exists():  # the shared seeds sit beside the worktrees
        assert phrase in seed.read_text(encoding="utf-8")


# (severity, offence no. in the customer's own history, measure, days)
LADDER = [
    ("general", 1, "warning", None),
    ("general", 2, "messaging_restriction", 7),  # customer_restriction_days (operator setting)
    ("general", 3, "ban", None),
    ("general", 9, "ban", None),  # the last rung repeats
    ("serious", 1, "ban", None),  # by analogy with 情节严重者将直接进行清退处理
    ("serious", 2, "ban", None),
]


@pytest.mark.parametrize("code", ["zbj.customer_fraud", "zbj.customer_banned_business", "zbj.customer_ads_spam"])
@pytest.mark.parametrize(("severity", "offence", "kind", "days"), LADDER,
                         ids=[f"{s}-{n}-{k}" for s, n, k, _ in LADDER])
def test_the_ladder_on_the_customers_history(code, severity, offence, kind, days):
    measure = BOOK.customer_rule(code).measure_for(severity, offence)
    assert (measure.type, measure.days) == (kind, days)
    assert measure.basis == "operator_setting"
    assert measure.note


def test_the_restriction_length_is_the_packs_operator_setting():
    setting = BOOK.setting("zbj", "customer_restriction_days")
    assert setting.operator_setting
    assert setting.value == 7
    assert "平台会按规则对该用户做处理" in setting.note


def test_platforms_without_customer_rules_have_none():
    assert BOOK.customer_rules("taobao") == ()
    assert BOOK.fraud_patterns("pdd") == ()


@given(severity=st.sampled_from(["general", "serious"]), offence=st.integers(1, 50))
def test_a_later_offence_is_never_treated_more_leniently(severity, offence):
    order = ["warning", "messaging_restriction", "ban"]
    rule = BOOK.customer_rule("zbj.customer_fraud")
    assert order.index(rule.measure_for(severity, offence + 1).type) >= order.index(
        rule.measure_for(severity, offence).type)


@pytest.mark.parametrize(("data", "message"), [
    ({"type": "messaging_restriction", "note": "x"}, "needs days"),
    ({"type": "warning", "days": 3, "note": "x"}, "take none"),
    ({"type": "ban"}, "needs a note"),
])
def test_a_customer_measure_is_validated(data, message):
    with pytest.raises(ValidationError, match=message):
        CustomerMeasure.model_validate(data)


def test_a_scan_pattern_must_name_a_customer_rule_and_compile():
    rule = {"code": "zbj.customer_x", "title": {"zh": "甲", "en": "A"}, "source": {"zh": "甲", "en": "A"},
            "ladder": {"general": [{"type": "warning", "basis": "seed"}],
                       "serious": [{"type": "ban", "basis": "seed"}]}}
    pattern = {"key": "p", "title": {"zh": "甲", "en": "A"}, "rule": "zbj.customer_y", "confidence": 0.5,
               "patterns": ["刷单"]}
    with pytest.raises(ValidationError, match="not one of these customer rules"):
        CustomerRules.model_validate({"rules": [rule], "scan": [pattern]})
    with pytest.raises(ValidationError, match="not a regular expression"):
        CustomerRules.model_validate({"rules": [rule], "scan": [{**pattern, "rule": "zbj.customer_x",
                                                                 "patterns": ["(刷单"]}]})
