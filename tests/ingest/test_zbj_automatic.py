"""ZBJ's automatic measures as seed 000 writes them: who triggers them, and what ends them.

"若服务商在八戒IM、八戒企业微信、隐私小号上沟通过程中触发线下交易敏感词,系统将自动执行搜索排序降权"
"系统会在第二天在服务商工作台自动进行'风险提示'弹窗提醒,猪八戒网会对所有触发了线下交易类敏感词的服务商名单进行人工核查"
"""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

import pytest

from backoffice.cases import claims, decisions
from backoffice.cases.decisions import DecisionInput
from backoffice.cases.models import Case, Verdict
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ingest import operations
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.ledger.operations import standing_of
from backoffice.notifications.models import Notification
from backoffice.policy import next_platform_day
from backoffice.portal import queries as portal
from backoffice.timeutil import platform_tz
from tests.builders import web
from tests.ingest.conftest import all_of, conv, msg, report

BOTH = [EntryKind.risk_notice, EntryKind.search_demotion]
CUSTOMER_NUMBER = "我的微信手机号13812345678,你加我"  # 雇主主动告知微信手机号
MERCHANT_NUMBER = "您好，这个要详细聊，我的电话13812345678"


@pytest.fixture
def sure(monkeypatch):
    """Every detector hit scores 0.99 (above the pack's automatic 0.97); ``on_customer`` moves the hits
    onto the customer's first message, as a detector of customers' words would raise them."""
    state = {"on_customer": False}
    real = operations.scan_conversation

    def scan(conv_, *args, **kwargs):
        hits = [dataclasses.replace(h, score=0.99) for h in real(conv_, *args, **kwargs)]
        if not state["on_customer"]:
            return hits
        customer = next(i for i, m in enumerate(conv_["messages"]) if m["sender_role"] == "customer")
        merchant_copy = {**conv_, "messages": [{**m, "sender_role": "merchant"} for m in conv_["messages"]]}
        return [dataclasses.replace(h, score=0.99, message_index=customer)
                for h in real(merchant_copy, *args, **kwargs) if h.message_index == customer]

    monkeypatch.setattr(operations, "scan_conversation", scan)
    return state


def _now_chat(*messages: tuple[str, str], reports: list[dict] | None = None) -> dict:
    start = utcnow() - timedelta(hours=1)
    return conv("c-1", *(msg(str(n), role, start + timedelta(minutes=n), text)
                         for n, (role, text) in enumerate(messages, 1)), reports=reports)


def _automatic(merchant_id: int) -> list[EntryKind]:
    return sorted(e.kind for e in all_of(LedgerEntry, merchant_id=merchant_id)
                  if e.case_id is not None and e.reverses_id is None)


# (what happened, messages, customer's report, hits on the customer's message, automatic measures)
TRIGGERS = [
    pytest.param([("customer", "logo多少钱"), ("merchant", MERCHANT_NUMBER)], False, False, BOTH,
                 id="服务商触发线下交易敏感词-降权与次日风险提示"),
    pytest.param([("merchant", "您好，在的"), ("customer", "好的")], True, False, [],
                 id="雇主举报而服务商未触发-等待人工核查"),
    pytest.param([("customer", CUSTOMER_NUMBER), ("merchant", "建议保持线上沟通")], False, True, [],
                 id="雇主主动告知微信手机号-不是服务商触发"),
    pytest.param([("customer", CUSTOMER_NUMBER), ("merchant", "建议保持线上沟通")], True, True, [],
                 id="雇主主动告知并举报-不是服务商触发"),
]


@pytest.mark.parametrize(("messages", "reported", "on_customer", "expected"), TRIGGERS)
def test_only_the_merchants_own_trigger_takes_the_automatic_measures(put, make_merchant, sure, messages, reported,
                                                                     on_customer, expected):
    merchant = make_merchant("m-1")
    sure["on_customer"] = on_customer
    reports = [report("offsite_contact", utcnow() - timedelta(minutes=5))] if reported else None
    put(_now_chat(*messages, reports=reports), now=utcnow())
    assert [c.rule_code for c in all_of(Case)] == ["zbj.offsite_contact"]  # a case for the reviewer either way
    assert _automatic(merchant.id) == expected
    assert standing_of(merchant, platform_tz(), utcnow() + timedelta(seconds=1)).search_demoted is bool(expected)


@pytest.fixture
def decide(make_user):
    reviewer = make_user("reviewer", login="alice")

    def do(case: Case, verdict: Verdict) -> None:
        claims.claim(web(reviewer), case, reviewer)
        data = (DecisionInput(verdict, "商家主动发送手机号，引导线下交易。", "zbj.offsite_contact", "general")
                if verdict is Verdict.violation else DecisionInput(verdict, "雇主先给的号码，商家未引导。"))
        decisions.decide(web(reviewer), case, data, expected_version=case.version)
        db.session.commit()

    return do


# (verdict, demoted right after the decision, demoted 14 days on, demoted 16 days on, the notice reads)
LIFECYCLE = [
    pytest.param(Verdict.no_violation, False, False, False, "cleared",
                 id="人工核查未违规-降权解除-风险提示次日照常显示(不会受处罚)"),
    pytest.param(Verdict.insufficient_evidence, False, False, False, "cleared",
                 id="证据不足-降权解除-风险提示次日照常显示"),
    pytest.param(Verdict.violation, True, True, False, "confirmed",
                 id="经人工核查违规行为属实-降权随限制经营15天-风险提示照常显示"),
]


@pytest.mark.parametrize(("verdict", "after", "day_14", "day_16", "review"), LIFECYCLE)
def test_a_decision_before_the_next_day_ends_the_demotion_as_the_pack_says_and_keeps_the_notice(
        put, make_merchant, sure, decide, verdict, after, day_14, day_16, review):
    merchant = make_merchant("m-1", deposit="10000.00")
    flagged = utcnow()
    put(_now_chat(("customer", "logo多少钱"), ("merchant", MERCHANT_NUMBER)), now=flagged)
    (case,) = all_of(Case)
    tz = platform_tz()
    assert portal.risk_notices(merchant.id, flagged) == []  # not before the next platform day
    decide(case, verdict)  # decided the same day, before the notice is due
    decided = utcnow()
    assert standing_of(merchant, tz, decided + timedelta(seconds=1)).search_demoted is after
    assert standing_of(merchant, tz, decided + timedelta(days=14)).search_demoted is day_14
    assert standing_of(merchant, tz, decided + timedelta(days=16)).search_demoted is day_16
    next_day = next_platform_day(flagged, tz)
    (notice,) = portal.risk_notices(merchant.id, next_day + timedelta(minutes=1))
    assert (notice.since, notice.review) == (next_day, review)


def test_a_confirmed_demotion_names_its_ruling_and_end_and_an_open_one_awaits_review(put, make_merchant, sure,
                                                                                      decide):
    merchant = make_merchant("m-1", deposit="10000.00")
    put(_now_chat(("customer", "logo多少钱"), ("merchant", MERCHANT_NUMBER)), now=utcnow())
    tz = platform_tz()
    (waiting,) = portal.demotions(standing_of(merchant, tz, utcnow() + timedelta(seconds=1)))
    assert (waiting.ruling, waiting.ends_at) == (None, None)  # until the review
    (case,) = all_of(Case)
    decide(case, Verdict.violation)
    (kept,) = portal.demotions(standing_of(merchant, tz, utcnow() + timedelta(seconds=1)))
    assert kept.ruling is not None
    assert kept.ruling.case_id == case.id
    assert kept.ends_at == kept.since + timedelta(days=15)  # 限制经营15天 (Shanghai has no DST)


def _status(html: str) -> str:
    return re.search(r'id="shop-status".*?</div>', html, re.S).group(0)


def test_the_merchant_sees_the_measures_in_force_and_is_told_of_them_once(put, make_merchant, make_user, login,
                                                                           client, sure, monkeypatch):
    """"系统将自动执行搜索排序降权" and "第二天在服务商工作台自动进行'风险提示'": the status names both, and
    the merchant is notified of the automatic measures once, however many flags the case collects."""
    merchant = make_merchant("m-1")
    user = make_user("merchant", login="shop", merchant=merchant)
    flagged = utcnow()
    chat = _now_chat(("customer", "logo多少钱"), ("merchant", MERCHANT_NUMBER))
    put(chat, now=flagged)
    again = {**chat, "messages": [*chat["messages"], msg("9", "merchant", flagged - timedelta(minutes=1),
                                                         "加我微信 abc_12345 详聊")]}
    put(again, now=flagged + timedelta(minutes=1))  # a second sure flag in the same case
    login("shop")
    status = _status(client.get("/merchant").get_data(as_text=True))
    assert "搜索降权中" in status
    assert "待审核结束" in status
    assert "正常" not in status
    notes = all_of(Notification, user_id=user.id)
    assert [n.kind for n in notes] == ["automatic_measures"]
    page = client.get("/merchant/notifications").get_data(as_text=True)
    assert "暂无通知" not in page
    assert "搜索降权" in page
    assert "工作台风险提示" in page  # shown from the next platform day, told now
    next_day = next_platform_day(flagged, platform_tz())
    monkeypatch.setattr("backoffice.portal.queries.utcnow", lambda: next_day + timedelta(minutes=1))
    assert "风险提示中" in _status(client.get("/merchant").get_data(as_text=True))
