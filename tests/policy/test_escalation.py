"""Taobao 恶意骚扰 (seed 002): 情节严重 = 多次发生"情节一般"情形, derived from the merchant's history.

The pack reads 多次 as 3 cases within 365 days (operator settings serious_harassment_occurrences and
serious_harassment_window_days): the 3rd general case is graded serious, 扣一般违规12分 instead of 2分.
"""

from __future__ import annotations

import datetime as dt

import pytest

from backoffice.policy import PriorOffence
from backoffice.policy.escalation import escalate

RULE = "taobao.malicious_harassment"
AT = dt.datetime(2024, 6, 1, 2, 0, tzinfo=dt.UTC)


def prior(days_ago: float, severity: str = "general", *, overturned=False, code=RULE) -> PriorOffence:
    return PriorOffence(code, AT - dt.timedelta(days=days_ago), overturned=overturned, severity=severity)


# (id quoting the source, earlier cases, the reviewer's grade, the grade given, this case's number)
TABLE = [
    ("1st 情节一般 stays 一般 (扣2分)", [], "general", "general", None),
    ("2nd 情节一般 stays 一般: 两次 is not yet 多次 (>= 3)", [prior(10)], "general", "general", None),
    ("3rd 情节一般 within 365 days -> 情节严重 (扣12分)", [prior(10), prior(100)], "general", "serious", 3),
    ("4th -> 情节严重: a serious case counts as a repeated general one", [prior(10, "serious"), prior(20), prior(30)],
     "general", "serious", 4),
    ("the window's edge day counts (365 days)", [prior(365), prior(1)], "general", "serious", 3),
    ("older than 365 days does not count", [prior(365.01), prior(1)], "general", "general", None),
    ("an overturned case does not count", [prior(1), prior(2, overturned=True)], "general", "general", None),
    ("情节特别严重 (冥币、寿衣) is another kind of case", [prior(1, "especially_serious"), prior(2)],
     "general", "general", None),
    ("another rule's cases do not count", [prior(1, code="taobao.misleading_effect"), prior(2)],
     "general", "general", None),
    ("a case graded serious by the reviewer is left as it is", [prior(1), prior(2)], "serious", "serious", None),
    ("a later case does not count for an earlier one", [prior(-1), prior(2)], "general", "general", None),
]


@pytest.mark.parametrize(("earlier", "chosen", "graded", "occurrence"), [r[1:] for r in TABLE],
                         ids=[r[0] for r in TABLE])
def test_repeated_general_harassment_is_serious(rulebook, earlier, chosen, graded, occurrence):
    rule = rulebook.rule(RULE)
    assert (rule.escalation.occurrences, rule.escalation.window_days) == (3, 365)
    result = escalate(rule, chosen, earlier, AT)
    assert (result["to"] if result else chosen) == graded
    assert (result["occurrence"] if result else None) == occurrence
    if result:
        assert result == {"from": "general", "to": "serious", "occurrence": occurrence, "occurrences": 3,
                          "window_days": 365}


def test_rules_without_escalation_keep_the_reviewers_grade(rulebook):
    rule = rulebook.rule("pdd.uncivil_language")
    assert escalate(rule, "general", [PriorOffence(rule.code, AT - dt.timedelta(days=1), severity="general")] * 5,
                    AT) is None


def test_escalation_values_are_operator_settings(rulebook):
    settings = rulebook.pack("taobao").operator_settings
    for name in ("serious_harassment_occurrences", "serious_harassment_window_days"):
        assert settings[name].operator_setting
        assert "Assumed" in settings[name].note
