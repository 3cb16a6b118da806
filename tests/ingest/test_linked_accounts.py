"""Linked accounts: contact handles in merchants' own messages link their shops.

Community (seed 003, 二、违规处罚): "滥用多个帐号发布违规内容时，本网站将加重处罚" — the pack's
``linked_accounts`` raises the decision to especially_serious. ZBJ (seed 000): "第二次直接清退" —
removal must stick, so a removed shop's handle in another shop's messages opens a case for review.
"""

from __future__ import annotations

import copy

import pytest

from backoffice.cases import decisions
from backoffice.cases.models import Case, Flag, Verdict
from backoffice.detection.handles import handle_of, masked
from backoffice.detection.scanner import scan_text
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.merchants import links
from backoffice.merchants.models import Merchant, MerchantHandle
from backoffice.penalties.operations import impose
from tests.builders import CLI
from tests.concurrency import run_concurrently
from tests.ingest.conftest import ACTOR, all_of, at, msg

# (id quoting the document, message, the handle kept, as shown)
HANDLES = [
    ("ZBJ 电话: a mobile number with spaces", "我的电话 138 1234 5678", ("phone", "13812345678"), "138****5678"),
    ("ZBJ 电话: +86 is dropped", "电话+86 13812345678", ("phone", "13812345678"), "138****5678"),
    ("ZBJ 电话: written in Chinese numerals", "一三八一二三四五六七八", ("phone", "13812345678"), "138****5678"),
    ("ZBJ QQ: digits after the alias", "qq: 12345678", ("qq", "12345678"), "12***78"),
    ("ZBJ 个人微信: lower-cased id", "weixin: Shop8888", ("wechat", "shop8888"), "sh***88"),
    ("ZBJ 个人微信: wxid", "wxid_abcdef12", ("wechat", "wxid_abcdef12"), "wx***12"),
    ("e-mail: lower-cased", "邮箱 Foo.Bar@QQ.com", ("email", "foo.bar@qq.com"), "f***@qq.com"),
]


@pytest.mark.parametrize(("text", "handle", "shown"), [h[1:] for h in HANDLES], ids=[h[0] for h in HANDLES])
def test_handles_are_normalised_and_shown_masked(app, text, handle, shown):
    found = {handle_of(h.detector, h.matched, h.detail) for h in scan_text(text)} - {None}
    assert found == {handle}
    assert masked(*handle) == shown


def test_a_request_to_add_names_no_handle(app):
    assert {handle_of(h.detector, h.matched, h.detail) for h in scan_text("加我微信详聊")} <= {None}


def said(n: int, merchant: str, text: str, day, *, platform: str = "zbj", role: str = "merchant") -> dict:
    return {
        "platform": platform, "external_id": f"{merchant}-c{n}", "channel": "im",
        "merchant": {"external_id": merchant, "name": f"店铺{merchant}"},
        "customer": {"external_id": f"u-{n}", "name": "王女士"},
        "messages": [msg("1", "customer", at(day, 10), "你好"), msg("2", role, at(day, 10, 1), text)],
    }


def merchant(external_id: str) -> Merchant:
    (m,) = all_of(Merchant, external_id=external_id)
    return m


def test_shops_sharing_a_handle_are_linked_within_one_platform(put, day):
    put(said(1, "a", "加我微信 Shop8888 详聊", day))
    put(said(2, "b", "有事找我，vx: shop8888", day))
    put(said(3, "c", "电话13812345678", day))
    put(said(4, "d", "加我微信 Shop8888 详聊", day, platform="taobao"))  # another operator's shop
    put(said(5, "e", "我的微信 shop8888", day, role="customer"))  # a customer's handle is not the shop's
    a, b = merchant("a"), merchant("b")
    assert [(s.merchant.external_id, s.kind, s.shown) for s in links.linked_shops(a)] == [("b", "wechat", "sh***88")]
    assert [s.merchant.external_id for s in links.linked_shops(b)] == ["a"]
    assert links.linked_shops(merchant("c")) == []
    assert links.linked_shops(merchant("d")) == []


def test_a_removed_shops_handle_in_another_shop_opens_a_case(put, day):
    """ZBJ 第二次直接清退: the removed shop's WeChat id reappears in shop b's messages."""
    put(said(1, "a", "加我微信 Shop8888 详聊", day))
    impose(CLI, merchant("a"), "zbj.offsite_contact", "serious", {})  # 清退 + whole deposit
    db.session.commit()
    result = put(said(2, "b", "有事找我，vx: shop8888", day))
    (flag,) = all_of(Flag, detector="removed_handle")
    case = db.session.get(Case, flag.case_id)
    assert case.id in result.cases_opened
    assert case.merchant.external_id == "b"
    assert flag.matched == "vx: shop8888"
    (shop,) = links.linked_shops(case.merchant)
    assert shop.merchant.external_id == "a"
    assert shop.removed
    put(said(3, "c", "加我微信 other99999", day))
    assert len(all_of(Flag, detector="removed_handle")) == 1  # no handle of a removed shop


ILLEGAL = "有事找我，vx: shop8888 刷单返利"  # 刷单 (illegal service) with shop a's WeChat id


def case_of(external_id: str) -> Case:
    """The merchant's case under the platform's illegal-service rule."""
    (case,) = [c for c in all_of(Case) if c.merchant.external_id == external_id and c.category == "illegal_service"]
    return case


# (id quoting the pack, platform, severity chosen, severity decided)
AGGRAVATION = [
    ("社区公约: 滥用多个帐号 … 加重处罚: general becomes especially_serious", "community", "general",
     "especially_serious"),
    ("社区公约: serious becomes especially_serious", "community", "serious", "especially_serious"),
    ("猪八戒: no such sentence, general stays general", "zbj", "general", "general"),
]


@pytest.mark.parametrize(("platform", "chosen", "decided"), [a[1:] for a in AGGRAVATION],
                         ids=[a[0] for a in AGGRAVATION])
def test_a_linked_shops_violation_aggravates_where_the_pack_says_so(put, day, platform, chosen, decided):
    put(said(1, "a", "加我微信 Shop8888 详聊", day, platform=platform))
    put(said(2, "b", ILLEGAL, day, platform=platform))
    case_b = case_of("b")
    data = decisions.DecisionInput(verdict=Verdict.violation, rationale="审核", rule_code=case_b.rule_code,
                                   severity=chosen)
    assert decisions.preview(case_b, data).severity == chosen  # a linked shop without violations
    impose(CLI, merchant("a"), case_b.rule_code, "general", {})
    db.session.commit()
    assert decisions.preview(case_b, data).severity == decided


def test_the_case_page_and_the_merchant_page_show_linked_shops(put, day, make_user, login, client):
    put(said(1, "a", "加我微信 Shop8888 详聊", day, platform="community"))
    impose(CLI, merchant("a"), "community.illegal_info", "general", {})
    db.session.commit()
    put(said(2, "b", ILLEGAL, day, platform="community"))
    case_b = case_of("b")
    make_user("reviewer", "rev")
    login("rev")
    page = client.get(f"/cases/{case_b.id}").get_data(as_text=True)
    a = merchant("a")
    assert f'href="/merchants/{a.id}">店铺a</a>' in page
    assert "sh***88" in page
    assert "shop8888" not in page.split('id="linked"')[1].split("</section>")[0]
    assert "wechat" not in page.split('id="linked"')[1].split("</section>")[0]  # the kind in words, no code
    assert "滥用多个帐号" in page  # the aggravation notice quotes the convention
    own = client.get(f"/merchants/{case_b.merchant.id}").get_data(as_text=True)
    assert f'href="/merchants/{a.id}">店铺a</a>' in own
    assert "sh***88" in own
    assert client.get("/merchants/99999").status_code == 404


@pytest.mark.postgres_only  # SQLite serialises its writers; PostgreSQL lets the ingestions race
def test_one_handle_from_concurrent_ingestions_is_kept_once(app, day, make_merchant):
    make_merchant("a")
    payloads = [said(n, "a", "加我微信 Shop8888 详聊", day) for n in range(4)]

    def work(payload: dict) -> None:
        ingest(ACTOR, copy.deepcopy(payload), now=at(day, 12))
        db.session.commit()

    run_concurrently(app, work, payloads)
    db.session.expire_all()
    assert [(h.kind, h.value) for h in all_of(MerchantHandle)] == [("wechat", "shop8888")]
