"""The personal-data scan: patterns, what is known about the case, and no alarms on our own wording."""

from __future__ import annotations

import pytest

from backoffice.transparency.personal_data import Known, KnownIndex, mask, patterns, scan

# (text, the kind the scan must report)
LEAKS = [
    ("call 13800138000", "phone number"),
    ("call 138 0013 8000", "phone number"),
    ("call 138-0013-8000", "phone number"),
    ("call +86 138 0013 8000", "phone number"),
    ("call 0086-13800138000", "phone number"),
    ("call １３８００１３８０００", "phone number"),  # full-width digits
    ("电话幺三八零零幺三八零零零", "phone number"),  # Chinese numerals
    ("电话 1 3 8 0 0 1 3 8 0 0 0", "phone number"),
    ("座机 023-6789 1234", "phone number"),
    ("热线 400 123 4567", "phone number"),
    ("mail wang.li@example.com", "e-mail address"),
    ("mail wangli (at) example.com", "e-mail address"),
    ("mail wangli＠example.com", "e-mail address"),
    ("QQ: 2837465190", "QQ number"),
    ("扣扣 2837465190", "QQ number"),
    ("WeChat: shancheng88", "WeChat id"),
    ("微信号：abc12345", "WeChat id"),
    ("vx shancheng_design88 加我", "WeChat id"),
    ("wxid_abcd1234", "WeChat id"),
    ("身份证 110101199003074514", "ID card number"),
    ("ID 11010119900307451X", "ID card number"),
    ("card 6222 0212 3456 7890 128", "bank card number"),
    ("order 3921874650123456789", "long number (order, card or account number)"),
    ("see https://weibo.com/u/1234567", "URL"),
    ("see www.example.cn/shop/wang", "URL"),
    ("see taobao.com/shop/88", "URL"),
    ("ask @wangli_88", "user handle"),
]

# Our own wording must not look like personal data (dates, amounts, versions, ids, rule text).
CLEAN = [
    "case 12, decision 3456; offence number 2",
    "business restriction (partial suspension of the service) 15 days, from 2026-11-22 to 2026-12-07",
    "security deposit deduction of 5000.00 CNY, 5000.00 CNY taken from the deposit (shortfall 0.00 CNY)",
    "whole security deposit forfeited, 123456.78 CNY taken from the deposit",
    "integrity score -40 points; 0.2 violation points on the general track",
    "rule set zbj-2024.2; community-2023.1; taobao-2022.1",
    "zbj-case-123456-decision-7890123",
    "A merchant who actively sends, asks for or hints at a personal WeChat, QQ or phone number",
    'hints such as "add my VX" or "we also have a shop on T*obao"',
    "问答\"向雇主主动发送、主动索要、暗示雇主添加个人微信、QQ或者电话联系……处理措施\"",
    "触发线下交易敏感词的,系统将自动执行搜索排序降权;第一次扣除诚信分40分,限制经营15天,并扣除5000元保证金",
    "赔付标准为不超过人民币300元/次; 罚款金额甚至高达5万元",
    "DECISION_VISIBILITY_CONTENT_DEMOTED STATEMENT_CATEGORY_OTHER_VIOLATION_TC KEYWORD_CYBER_HARASSMENT",
    "review due by 2026-11-23; mute 10 minutes, from 2026-11-22 to 2026-11-22",
    "Platform: ZBJ (Zhubajie). The recipient is a business user (a merchant)",
]


@pytest.mark.parametrize(("text", "kind"), LEAKS, ids=[t for t, _ in LEAKS])
def test_each_kind_of_personal_data_is_found(text, kind):
    assert kind in {k for k, _ in patterns(text)}


@pytest.mark.parametrize("text", CLEAN)
def test_our_own_wording_raises_no_alarm(text):
    assert patterns(text) == []


KNOWN = Known(
    names=("王女士", "重庆山城品牌设计工作室", "Ann Lee", "山城设计 刘老板"),
    identifiers=("zbj-m-1001", "zbj-u-9001", "zbj-c-50001", "shancheng_design88", "98765"),
    texts=("平台上不方便发太多图，加个薇信吧，我发您完整作品集。", "你这是威胁我吗？我要投诉你这个骗子商家"),
    trusted=("《猪八戒平台服务商管理规则》",),
)


@pytest.mark.parametrize(("text", "kind"), [
    ("the customer 王女士 complained", "name"),
    ("the customer 王 女 士 complained", "name"),  # spacing does not hide a name
    ("shop 重庆山城品牌设计工作室", "name"),
    ("reviewed with Ann Lee", "name"),
    ("reviewed with ANN  LEE", "name"),
    ("merchant zbj-m-1001", "account or contact identifier"),
    ("customer ZBJ-U-9001", "account or contact identifier"),
    ("conversation zbj-c-50001", "account or contact identifier"),
    ("id shancheng_design88", "account or contact identifier"),
    ("number 98765", "account or contact identifier"),
    ("he wrote: 加个薇信吧，我发您完整", "text of a chat message or report"),
    ("she wrote 我要投诉你这个骗子商家", "text of a chat message or report"),
])
def test_what_is_known_about_the_case_is_found(text, kind):
    assert kind in {f.kind for f in scan({"decision_facts": text}, KNOWN)}


@pytest.mark.parametrize("text", [
    "annual review by Annabel; Leeds",  # Latin names match whole words only
    "12 98765432",  # a known number inside a longer one is another number
    "the rule 《猪八戒平台服务商管理规则》 applies",  # trusted rule wording even if someone quoted it
    "abuse is cyber violence; the merchant was warned",
])
def test_near_misses_are_not_alarms(text):
    known = Known(names=KNOWN.names, identifiers=KNOWN.identifiers,
                  texts=(*KNOWN.texts, "我看了《猪八戒平台服务商管理规则》"), trusted=KNOWN.trusted)
    assert scan({"decision_facts": text}, known) == []


def test_every_string_of_the_statement_is_scanned_and_findings_name_the_field():
    statement = {"decision_facts": "ok", "incompatible_content_explanation": "call 13800138000",
                 "category_specification_other": "王女士", "puid": "zbj-case-13800138000",
                 "decision_ground_reference_url": "https://example.org/terms",
                 "content_type": ["CONTENT_TYPE_TEXT"], "content_id": {"EAN-13": "wangli@example.com"}}
    found = {(f.field, f.kind) for f in scan(statement, KNOWN)}
    assert found == {("incompatible_content_explanation", "phone number"), ("category_specification_other", "name"),
                     ("puid", "phone number"), ("content_id.EAN-13", "e-mail address")}


def test_findings_are_reported_masked_and_once():
    findings = scan({"decision_facts": "call 138 0013 8000 or 13800138000"}, Known())
    assert len(findings) == 1
    assert "13800138000" not in str(findings[0])
    assert "0013" not in findings[0].excerpt
    assert str(findings[0]).startswith("personal data in decision_facts: phone number (")


def test_masking_keeps_only_the_ends():
    assert mask("13800138000") == "138******00"
    assert mask("王女士") == "***"
    assert mask("abc12345") == "a*****45"


def test_a_prepared_index_gives_the_same_answer():
    statement = {"decision_facts": "王女士 13800138000"}
    assert scan(statement, KNOWN) == scan(statement, KnownIndex(KNOWN))
