"""Issue 22: every ruling and the standing page say what the next offence of the same rule would bring,
computed from the rule pack and the merchant's history."""

from __future__ import annotations

import pytest

from backoffice.extensions import db
from backoffice.penalties.outlook import next_offences
from tests.appeals.conftest import decide_case, direct_case


@pytest.mark.parametrize(("platform", "rule_code", "rulings", "offence_no", "expected", "removes"), [
    # Seed 000 (ZBJ): "第二次直接清退,扣除所有保证金".
    ("zbj", "zbj.offsite_contact", 1, 2, ["清退", "扣除全部保证金"], True),
    # Seed 003 (community): "禁言1天、7天、15天直至永久禁言" — after the first (1 day) comes 7 days.
    ("community", "community.unfriendly", 1, 2, ["禁言 7 天"], False),
    ("community", "community.unfriendly", 2, 3, ["禁言 15 天"], False),
])
def test_the_next_offence_follows_the_ladder(shop, make_user, client, login, platform, rule_code, rulings,
                                              offence_no, expected, removes):
    s = shop(platform, rule_code)
    reviewer = make_user("reviewer", login="rev2")
    for _ in range(rulings - 1):
        decide_case(direct_case(s.merchant, rule_code), reviewer, manager=None)
    key = (rule_code, "general")
    found = next_offences(s.merchant, [key])[key]
    assert (found.offence_no, found.removes) == (offence_no, removes)
    login("shop")
    for page in (client.get("/merchant"), client.get(f"/merchant/rulings/{s.ruling.id}")):
        html = " ".join(page.get_data(as_text=True).split())
        assert f"本规则第 {offence_no} 次违规" in html
        for words in expected:
            assert words in html, words
        assert ("将清退您的店铺" in html) is removes


def test_an_overturned_ruling_shows_no_next_offence(shop, client, login):
    from backoffice.penalties.models import DecisionState, PenaltyDecision

    s = shop("community", "community.unfriendly")
    penalty = db.session.get(PenaltyDecision, s.ruling.penalty_decision_id)
    penalty.state = DecisionState.overturned
    db.session.commit()
    login("shop")
    assert "如果再次发生" not in client.get("/merchant").get_data(as_text=True)
    assert "如果再次发生" not in client.get(f"/merchant/rulings/{s.ruling.id}").get_data(as_text=True)


def test_a_removed_merchant_has_no_next_offence(shop, make_user):
    s = shop("zbj", "zbj.offsite_contact")
    decide_case(direct_case(s.merchant, "zbj.offsite_contact"), make_user("reviewer", login="rev2"),
                manager=make_user("manager", login="boss2"))  # the second: 清退
    assert next_offences(s.merchant, [("zbj.offsite_contact", "general")]) == {}
