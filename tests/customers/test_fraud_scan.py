"""Customers' messages against the ZBJ pack's fraud patterns (seed 000, 如何保障权益和识别风险)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backoffice.detection.customer_fraud import fold, scan_customer_messages
from backoffice.policy import load_rulebook

PATTERNS = load_rulebook(Path(__file__).resolve().parents[2] / "rules").fraud_patterns("zbj")

# (what the customer writes, the pattern it shows, the customer rule) — phrases from seed 000
FRAUD = [
    ("招线上客服兼职,日结工资", "part_time_lure", "zbj.customer_fraud"),  # 招线上客服……兼职业务
    ("我们这边有视频剪辑的兼职,做一单结一单", "part_time_lure", "zbj.customer_fraud"),  # 视频剪辑
    ("化妆品评测兼职,佣金很高", "part_time_lure", "zbj.customer_fraud"),  # 化妆品评测
    ("配音兼职,在家就能做", "part_time_lure", "zbj.customer_fraud"),  # 配音/录音
    ("你先下载这个APP,在上面接单", "download_app", "zbj.customer_fraud"),  # 引诱您下载不明软件
    ("下载一下 这 个 软 件", "download_app", "zbj.customer_fraud"),  # spaces do not hide it
    ("去别的平台交押金就可以开始工作", "offsite_deposit", "zbj.customer_fraud"),  # 其他平台支付押金
    ("押金要在第三方平台支付", "offsite_deposit", "zbj.customer_fraud"),
    ("开工前需要先交保证金", "offsite_deposit", "zbj.customer_fraud"),
    ("能帮我们店刷单吗", "banned_business", "zbj.customer_banned_business"),  # 刷单
    ("有偿删帖做不做", "banned_business", "zbj.customer_banned_business"),  # 有偿删帖
    ("帮忙虚假炒作一下新品", "banned_business", "zbj.customer_banned_business"),  # 虚假炒作
    ("帮我刷好评,一条五块", "banned_business", "zbj.customer_banned_business"),
]
CLEAN = [
    "你好,logo设计多少钱?",
    "我下载猪八戒APP了,在APP上聊",  # the platform's own app is what the seed tells merchants to push
    "我想做一个视频剪辑的项目",  # the work itself, no part-time lure
    "定金我在平台上托管了",
]


@pytest.mark.parametrize(("text", "pattern", "rule"), FRAUD, ids=[t for t, _, _ in FRAUD])
def test_a_customer_message_with_a_listed_fraud_is_flagged(text, pattern, rule):
    hits = scan_customer_messages([{"sender_role": "customer", "text": text}], PATTERNS)
    assert [(h.pattern, h.rule) for h in hits] == [(pattern, rule)]
    hit = hits[0]
    assert text[hit.start:hit.end] == hit.matched
    assert hit.matched.strip()


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_customer_messages_are_not_flagged(text):
    assert scan_customer_messages([{"sender_role": "customer", "text": text}], PATTERNS) == []


@pytest.mark.parametrize("role", ["merchant", "system"])
def test_only_the_customers_own_words_count(role):
    assert scan_customer_messages([{"sender_role": role, "text": "能帮我们店刷单吗"}], PATTERNS) == []


def test_folding_keeps_the_way_back_to_the_original_text():
    folded, origin = fold("下载 ＡＰＰ")
    assert folded == "下载app"
    assert origin == [0, 1, 3, 4, 5]
