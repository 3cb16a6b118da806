"""The case page offers the rule's canned reasons (rationales/), numbered for the keys 1-9, filled in."""

from __future__ import annotations

import re
from html import unescape

from backoffice.cases import claims
from backoffice.extensions import db
from tests.builders import web
from tests.cases.conftest import RULE

BODY = "商家发送{quote}，引导线下交易。处理：{measure}。"


def _add(client, **overrides):
    form = {"rule_code": RULE, "verdict": "violation", "severity": "general", "title": "引导站外联系",
            "body": BODY, "position": "0", **overrides}
    return client.post("/rationales", data=form)


def test_the_holder_sees_the_rules_canned_reasons_filled_in_for_the_case(client, open_case, make_user, login):
    make_user("manager", "boss")
    login("boss")
    _add(client)
    _add(client, title="<b>粗体</b>", body="<script>alert(1)</script>", verdict="no_violation", severity="")
    _add(client, rule_code="pdd.uncivil_language", title="辱骂消费者")
    case = open_case()
    alice = make_user("reviewer", "alice")
    claims.claim(web(alice), case, alice)
    db.session.commit()
    client.post("/logout")
    login("alice")
    html = client.get(f"/cases/{case.id}").get_data(as_text=True)
    buttons = re.findall(r'<button type="button" class="btn canned" data-key="(\d)" data-verdict="(\w+)"'
                         r' data-severity="(\w*)" data-text="([^"]*)"', html)
    assert [(k, v, s) for k, v, s, _ in buttons] == [("1", "violation", "general"), ("2", "no_violation", "")]
    text = unescape(buttons[0][3])
    assert "「加我薇信 abc12345 详聊」" in text  # the flagged message, quoted
    assert "40" in text
    assert "{measure}" not in text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "辱骂消费者" not in html  # another rule's reason is not offered
