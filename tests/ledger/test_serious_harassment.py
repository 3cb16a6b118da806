"""Taobao 恶意骚扰 through the ledger: the 3rd general case within 365 days is decided as 情节严重,
扣一般违规12分 instead of 2分 (seed 002; 多次 = 3 and the window are the pack's operator settings)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backoffice.penalties import operations as penalties
from tests.ledger.conftest import ACTOR, D, decision_entries

RULE = "taobao.malicious_harassment"


@pytest.mark.parametrize(("days_apart", "third_grade", "points_after_three"), [
    (30, "serious", D(2 + 2 + 12)),   # 3 cases in 60 days: 多次 -> 情节严重, 12分
    (200, "general", D(2 + 2 + 2)),   # the 1st is 400 days before the 3rd: only 2 inside 365 days
], ids=["3 within 365 days: 2+2+12 points", "spread over 400 days: 2+2+2 points"])
def test_third_general_harassment_case(make_merchant, impose, t0, days_apart, third_grade,
                                       points_after_three):
    shop = make_merchant("tb-1", platform="taobao")
    decisions = []
    for n in range(2):
        decisions.append(impose(shop, RULE, "general", at=t0 + timedelta(days=days_apart * n)))
        assert (decisions[-1].severity, decisions[-1].plan["escalation"]) == ("general", None)
    at = t0 + timedelta(days=days_apart * 2)
    plan = penalties.preview(shop, RULE, "general", {}, at=at)
    assert plan.severity == third_grade
    third = impose(shop, RULE, "general", at=at)
    assert third.severity == third_grade  # what the ruling and later counts read
    # Points reset with the natural year, so the ledger's entries are summed rather than a standing read.
    charged = sum((e.violation_delta for d in [*decisions, third] for e in decision_entries(d) if e.violation_delta),
                  D(0))
    assert charged == points_after_three
    if third_grade == "serious":
        assert third.plan["escalation"] == {"from": "general", "to": "serious", "occurrence": 3,
                                            "occurrences": 3, "window_days": 365}
        assert "general case no. 3 within 365 days (>= 3): graded serious" in third.plan["explanation"]


def test_an_overturned_case_does_not_make_the_next_serious(make_merchant, impose, t0):
    shop = make_merchant("tb-2", platform="taobao")
    impose(shop, RULE, "general", at=t0)
    wrong = impose(shop, RULE, "general", at=t0 + timedelta(days=1))
    penalties.overturn(ACTOR, wrong, "聊天记录显示并非骚扰", at=t0 + timedelta(days=1, hours=1))
    assert impose(shop, RULE, "general", at=t0 + timedelta(days=2)).severity == "general"
