"""Seed 004 自检自查 end to end: a reviewer confirms a Taobao listing violation, the merchant reads the
ruling in the portal as a correction without points, and the ledger holds no points for the first
two violation days (累计两日, the pack's operator setting) and 0.2 points from the third day on."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from flask_babel import gettext

from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ledger.operations import entries_of
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import PenaltyDecision
from backoffice.rulings.queries import rulings_of
from tests.builders import CLI

RULE = "taobao.misleading_effect"  # 信息与实际不符-对商品的实际使用效果进行不符的宣传: 扣0.2分,删除
NOTICE = "This is a self-check correction: the violation is corrected without points."


@pytest.fixture
def shop(make_merchant, make_user):
    merchant = make_merchant("tb-s", platform="taobao")
    make_user("merchant", "tbshop", merchant=merchant)
    make_user("reviewer", "alice")
    return merchant


def _decide_through_the_form(client, login, open_case) -> PenaltyDecision:
    case = open_case(("customer", "这个有用吗？"), ("merchant", "戴上这个转运符包治百病"),
                     merchant_id="tb-s", platform="taobao")
    login("alice")
    client.post(f"/cases/{case.id}/claim")
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    form = {"version": version, "verdict": "violation", "rule": RULE, "severity": "general",
            "rationale": "夸大商品使用效果"}
    assert client.post(f"/cases/{case.id}/decision", data={**form, "action": "confirm"}).status_code == 302
    client.post("/logout")
    return db.session.scalars(db.select(PenaltyDecision).filter_by(merchant_id=case.merchant_id)
                              .order_by(PenaltyDecision.id.desc())).first()


def _points(decision: PenaltyDecision) -> Decimal:
    return sum((e.violation_delta for e in entries_of(decision.merchant_id)
                if e.decision_id == decision.id and e.violation_delta), Decimal("0"))


def _portal_ruling(client, login, merchant) -> str:
    login("tbshop")
    (ruling, *_) = rulings_of(merchant.id)
    return client.get(f"/merchant/rulings/{ruling.id}").get_data(as_text=True)


@pytest.mark.parametrize(("earlier_days", "corrected", "points"), [
    (0, True, Decimal("0")),        # 一日: the first violation day is only corrected (仅作违规行为纠正不扣分)
    (1, True, Decimal("0")),        # 累计两日: the next violation day is day 2, corrected too
    (2, False, Decimal("0.2")),     # a third day is charged as seed 004's example: 被扣0.2分
], ids=["day 1: corrected, 0 points", "day 2 (累计两日): corrected, 0 points", "day 3: 扣0.2分"])
def test_self_check_through_the_portal_and_the_ledger(client, login, open_case, shop, earlier_days,
                                                      corrected, points):
    for n in range(earlier_days, 0, -1):  # earlier violation days of the same sub-type
        penalties.impose(CLI, shop, RULE, "general", {}, at=utcnow() - timedelta(days=n))
    db.session.commit()
    decision = _decide_through_the_form(client, login, open_case)
    assert decision.is_correction is corrected
    assert _points(decision) == points
    kinds = {e.kind.value for e in entries_of(shop.id) if e.decision_id == decision.id}
    assert "content_removal" in kinds  # the listing is dealt with either way
    html = _portal_ruling(client, login, shop)
    assert (gettext(NOTICE) in html) is corrected
