"""The reviewer sees, before deciding, that a repeated general harassment case is graded serious and
why (seed 002: 情节严重 = 多次发生"情节一般"情形; the pack's 3 cases within 365 days), in zh and en."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from backoffice.cases import claims
from backoffice.cases.models import Case
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.penalties import operations as penalties
from tests.builders import CLI, web

RULE = "taobao.malicious_harassment"
INSULT = ("merchant", "你是不是傻逼，买不起就别问")


@pytest.fixture
def third_case(make_merchant, make_user, login, open_case):
    shop = make_merchant("tb-9", platform="taobao")
    for days in (40, 20):
        penalties.impose(CLI, shop, RULE, "general", {}, at=utcnow() - timedelta(days=days))
    db.session.commit()
    case = open_case(("customer", "这个多少钱？"), INSULT, merchant_id="tb-9", platform="taobao")
    assert case.rule_code == RULE
    alice = make_user("reviewer", "alice")
    claims.claim(web(alice), case, alice)
    db.session.commit()
    login("alice")
    return case


def _preview(client, case: Case, severity: str = "general") -> str:
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    form = {"version": version, "verdict": "violation", "rule": RULE, "severity": severity,
            "rationale": "辱骂消费者", "action": "preview"}
    response = client.post(f"/cases/{case.id}/decision", data=form)
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "评为严重,而非一般:这是该商家 365 天内本规则的第 3 起案件,规则将第 3 起及以后的案件评为严重(多次发生)。"),
    ("en", "Graded Serious, not General: this is the merchant's case no. 3 of this rule within 365 days, "
           "and the rules grade case no. 3 and later as Serious (repeated cases)."),
])
def test_the_preview_says_the_third_general_case_is_serious(client, third_case, lang, said):
    client.post("/language", data={"lang": lang, "next": "/"})
    html = _preview(client, third_case)
    assert said in html
    assert "12" in html  # 扣一般违规12分, not 2


def test_no_escalation_notice_when_the_reviewer_grades_serious(client, third_case):
    assert 'class="notice escalation"' not in _preview(client, third_case, "serious")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_switching_language_after_a_preview_returns_to_the_case_page(client, third_case, lang):
    html = _preview(client, third_case)
    pressed_on = re.search(r'name="next" value="([^"]*)"', html).group(1)
    response = client.post("/language", data={"lang": lang, "next": pressed_on})
    assert response.headers["Location"] == f"/cases/{third_case.id}"
    assert client.get(response.headers["Location"]).status_code == 200


@pytest.mark.parametrize(("lang", "beside_the_select", "track", "not_said"), [
    ("zh", "将按“严重”处理,而非“一般”", "扣 12 分（一般违规积分）", "（一般违规）"),
    ("en", "Will be taken as “Serious”, not “General”", "12 violation points (general-violation track)",
     "(General track)"),
])
def test_the_form_says_beside_the_severity_that_the_case_is_taken_as_serious(client, third_case, lang,
                                                                             beside_the_select, track, not_said):
    """Seed 002 情节严重 = 多次发生"情节一般"情形: the 3rd general case is taken as 严重, 扣一般违规12分 (the
    points are counted on Taobao's 一般违规 track: the track's name, not the case's severity)."""
    client.post("/language", data={"lang": lang, "next": "/"})
    html = _preview(client, third_case)
    select_ends = html.index("</select>", html.index('name="severity"'))
    assert beside_the_select in html[select_ends:html.index("<details", select_ends)]
    assert track in html
    assert not_said not in html
