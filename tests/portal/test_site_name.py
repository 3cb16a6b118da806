"""Issue 22: merchants see the site under their platform's own name, not the operator's product name."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(("platform", "zh", "en"), [
    ("zbj", "猪八戒网商家中心", "ZBJ (Zhubajie) merchant centre"),
    ("taobao", "淘宝网商家中心", "Taobao merchant centre"),
    ("pdd", "拼多多商家中心", "Pinduoduo merchant centre"),
    ("community", "社区商家中心", "Community merchant centre"),
])
def test_a_merchant_sees_the_platforms_name(client, login, make_user, make_merchant, platform, zh, en):
    make_user("merchant", login="shop", merchant=make_merchant(platform=platform))
    login("shop")
    page = client.get("/merchant").get_data(as_text=True)
    assert re.search(rf"<title>[^<]*· {zh}</title>", page)
    assert f'class="brand" href="/">{zh}</a>' in page
    assert "后台" not in page
    client.post("/language", data={"lang": "en"})
    assert f"· {en}</title>" in client.get("/merchant").get_data(as_text=True)


def test_staff_keep_the_back_office_name(client, login, make_user):
    make_user("reviewer")
    login("reviewer")
    page = client.get("/queue").get_data(as_text=True)
    assert "聊天合规" in re.search(r"<title>([^<]*)</title>", page).group(1)
