"""Issue 22: a grade that changes nothing for a rule is said in the decision form."""

from __future__ import annotations

from backoffice.cases import claims, decisions
from backoffice.extensions import db
from tests.builders import web
from tests.cases.conftest import violation


def _page(client, case) -> str:
    return " ".join(client.get(f"/cases/{case.id}").get_data(as_text=True).split())


def test_the_form_says_when_the_grade_changes_nothing(client, login, make_user, open_case):
    reviewer = make_user("reviewer")
    login("reviewer")
    first = open_case()
    claims.claim(web(reviewer), first, reviewer)
    assert "本规则各情节等级的处罚措施相同" not in _page(client, first)  # 1st: 5000 yuan, or removal if serious
    decisions.decide(web(reviewer), first, violation(), expected_version=first.version)
    db.session.commit()
    # Seed 000 (ZBJ): "第二次直接清退,扣除所有保证金" — general or serious, the second is a removal.
    second = open_case()
    claims.claim(web(reviewer), second, reviewer)
    db.session.commit()
    assert "本次为第 2 次违规，本规则各情节等级的处罚措施相同" in _page(client, second)


def test_a_rule_with_one_grade_says_so(client, login, make_user, open_case):
    reviewer = make_user("reviewer")
    login("reviewer")
    case = open_case(merchant_id="m-pdd", platform="pdd")
    claims.claim(web(reviewer), case, reviewer)
    db.session.commit()
    assert "本规则只有一个情节等级：“一般”" in _page(client, case)
