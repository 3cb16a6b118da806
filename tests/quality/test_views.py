"""The managers' service-quality report and the merchant's own page: who sees what, marks, filters."""

from __future__ import annotations

import re

import pytest

from tests.quality.conftest import NOW, after, at

ASK = at(10, "10:00")


@pytest.fixture
def shops(make_merchant, chat, monkeypatch):
    monkeypatch.setattr("backoffice.quality.views.utcnow", lambda: NOW)
    monkeypatch.setattr("backoffice.portal.views.utcnow", lambda: NOW)
    fast = make_merchant("pdd-fast", platform="pdd", name="快店")
    slow = make_merchant("pdd-slow", platform="pdd", name="慢店")
    other = make_merchant("zbj-x", platform="zbj", name="八戒店")
    chat(fast, [("customer", ASK), ("merchant", after(ASK, 60))], reviews=[("good", after(ASK, 90))])
    chat(slow, [("customer", ASK), ("merchant", after(ASK, 600))], complaints=[after(ASK, 700)])
    chat(other, [("customer", ASK), ("merchant", after(ASK, 10))])
    return fast, slow, other


def _row(html: str, name: str) -> str:
    match = re.search(r"<tr>\s*<td>" + name + r"</td>.*?</tr>", html, re.S)
    assert match, name
    return match.group(0)


@pytest.mark.parametrize(("role", "status"), [
    ("reviewer", 403), ("senior_reviewer", 403), ("merchant", 403), ("manager", 200), ("admin", 200),
])
def test_only_managers_and_admins_see_the_report(make_user, login, client, role, status):
    make_user(role, login="someone")
    login("someone")
    assert client.get("/quality").status_code == status


def test_manager_sees_each_shop_marked_against_65_4(shops, make_user, login, client):
    make_user("manager", login="boss")
    login("boss")
    html = client.get("/quality?days=7").get_data(as_text=True)
    assert "100.0%" in _row(html, "快店")
    assert "✓" in _row(html, "快店")
    assert "0.0%" in _row(html, "慢店")
    assert "✗" in _row(html, "慢店")
    assert "65.4" in html  # the document's number is on the page, with its words
    assert "優秀的視頻號小店" in html


def test_platform_filter_and_sort(shops, make_user, login, client):
    make_user("manager", login="boss")
    login("boss")
    html = client.get("/quality?days=7&platform=pdd&sort=reply_rate&dir=desc").get_data(as_text=True)
    assert "八戒店" not in html
    assert html.index("快店") < html.index("慢店")
    html = client.get("/quality?days=7&platform=pdd&sort=reply_rate&dir=asc").get_data(as_text=True)
    assert html.index("慢店") < html.index("快店")
    days = client.get("/quality?days=7&platform=pdd&view=days").get_data(as_text=True)
    assert "2026-03-10" in days
    assert "2026-03-04" in days


def test_merchant_sees_only_their_own_figures(shops, make_user, login, client):
    fast, slow, _ = shops
    make_user("merchant", login="slow-owner", merchant=slow)
    login("slow-owner")
    response = client.get("/merchant/service-quality")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "慢店" in html
    assert "快店" not in html
    assert "八戒店" not in html
    assert "✗" in html
    assert "65.4" in html
    totals = re.search(r'id="quality-totals".*?</section>', html, re.S).group(0)
    assert "0.0%" in totals
    assert "100.0%" in totals
    assert client.get("/quality").status_code == 403
