"""Conversation-level conduct: PDD 机械性、答非所问的回复 (seed 001), Taobao 骚扰 by conduct (seed 002).

Each table row is a conversation as (sender, time in Asia/Shanghai, text) and the findings expected
on it as (message number, detector); the ids quote the documents' words the row tests.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.detection import scan_conversation
from backoffice.detection.conduct import load_words
from backoffice.detection.harassment import HarassmentSettings, find_harassment
from backoffice.detection.mechanical import MechanicalSettings, find_mechanical

SH = ZoneInfo("Asia/Shanghai")
DAY = datetime(2026, 3, 2, tzinfo=SH)
WORDS = load_words()
# The packs' operator settings (pdd.yaml mechanical_reply_*, taobao.yaml harassment_*).
MECH = MechanicalSettings(repeats=3, min_chars=6)
HARASS = HarassmentSettings(quiet_start=time(22), quiet_end=time(8), prompted_minutes=60, flood_messages=6,
                            flood_minutes=10, closing_messages=2, closing_minutes=30)
GREETING = "亲，您好，欢迎光临本店，有什么可以帮您？"


def said(*rows: tuple[str, str, str]) -> list:
    """(role, "HH:MM" or "+1 HH:MM" for the next day, text) -> the detectors' (index, role, sent_at, text)."""
    out = []
    for i, (role, when, text) in enumerate(rows):
        days, _, hhmm = when.rpartition(" ")
        hh, mm = map(int, hhmm.split(":"))
        out.append((i, role, DAY + timedelta(days=int(days or 0), hours=hh, minutes=mm), text))
    return out


def mech(*rows):
    return [(h.message_index, h.detector) for h in find_mechanical(said(*rows), WORDS, MECH)]


def harass(*rows):
    return [(h.message_index, h.detector) for h in find_harassment(said(*rows), WORDS, HARASS)]


C, M = "customer", "merchant"

MECHANICAL = [
    pytest.param([(C, "10:00", "这个多少钱？"), (M, "10:01", GREETING),
                  (C, "10:02", "发什么快递？"), (M, "10:02", GREETING)],
                 [(3, "irrelevant_reply")],
                 id="答非所问: a canned greeting already used, shares nothing with 发什么快递"),
    pytest.param([(C, "10:00", "这个多少钱？"), (M, "10:01", GREETING),
                  (C, "10:02", "发什么快递？"), (M, "10:02", GREETING),
                  (C, "10:03", "能便宜点吗"), (M, "10:03", GREETING)],
                 [(3, "irrelevant_reply"), (5, "mechanical_reply")],
                 id="机械重复回答: the same text to 3 different questions"),
    pytest.param([(C, "10:00", "有红色吗"), (M, "10:01", "亲，您的问题已收到，客服稍后回复"),
                  (C, "10:02", "尺码偏大吗"), (M, "10:02", "亲，您的問題已收到!客服稍後回復~~"),
                  (C, "10:05", "几天能到"), (M, "10:05", "亲 您的问题已收到 客服稍后回复")],
                 [(3, "irrelevant_reply"), (5, "mechanical_reply")],
                 id="自动回复 near-verbatim: punctuation, spaces, traditional script ignored"),
    pytest.param([(C, "10:00", "在吗"), (M, "10:01", GREETING)], [],
                 id="hard negative: one greeting at the start of a conversation"),
    pytest.param([(C, "10:00", "这个多少钱？"), (M, "10:01", "这款现在活动价99元，包邮哦"),
                  (C, "10:30", "这个多少钱啊？"), (M, "10:31", "这款现在活动价99元，包邮哦")], [],
                 id="hard negative: the customer asks the same question twice, gets the same answer"),
    pytest.param([(C, "10:00", "发什么快递"), (M, "10:01", "本店默认发中通快递，偏远地区不包邮"),
                  (C, "10:02", "快递能到新疆吗"), (M, "10:02", "本店默认发中通快递，偏远地区不包邮"),
                  (C, "10:03", "新疆包邮吗"), (M, "10:03", "本店默认发中通快递，偏远地区不包邮")], [],
                 id="hard negative: 标准问答库, a standard answer that shares words with each question"),
    pytest.param([(C, "10:00", "能发顺丰吗"), (M, "10:01", "好的亲"),
                  (C, "10:02", "明天能到吗"), (M, "10:02", "好的亲"),
                  (C, "10:03", "有赠品吗"), (M, "10:03", "好的亲")], [],
                 id="hard negative: a short acknowledgement is not a template (mechanical_reply_min_chars 6)"),
    pytest.param([(C, "10:00", "我已经下单了"), (M, "10:01", "感谢亲的支持，我们会尽快为您安排发货"),
                  (C, "10:02", "付款成功了"), (M, "10:02", "感谢亲的支持，我们会尽快为您安排发货")], [],
                 id="hard negative: replies to statements, not questions"),
    pytest.param([(C, "10:00", "有红色吗"), (M, "10:01", "亲，稍等，帮您查一下"), (M, "10:02", "红色有货"),
                  (C, "10:03", "尺码偏大吗"), (M, "10:04", "亲，稍等，帮您查一下"), (M, "10:05", "偏大一码")], [],
                 id="hard negative: a holding line followed by a real answer"),
    pytest.param([(C, "10:00", "这个多少钱？"), (M, "10:01", GREETING),
                  (C, "10:02", "这个多少钱？"), (M, "10:02", GREETING)], [],
                 id="hard negative: a repeated question answered the same (not a different question)"),
]


@pytest.mark.parametrize(("rows", "expected"), MECHANICAL)
def test_mechanical_and_irrelevant_replies(rows, expected):
    assert mech(*rows) == expected


def test_a_greeting_that_opens_every_conversation_is_not_mechanical():
    """The same greeting at the start of three conversations: each conversation is judged alone."""
    for question in ("这个多少钱？", "发什么快递？", "能便宜点吗"):
        assert mech((C, "10:00", question), (M, "10:01", GREETING), (C, "10:02", "好的"),
                    (M, "10:03", "这款现在活动价99元")) == []


def test_the_evidence_names_the_messages():
    (first, second) = find_mechanical(said(
        (C, "10:00", "这个多少钱？"), (M, "10:01", GREETING), (C, "10:02", "发什么快递？"), (M, "10:02", GREETING),
        (C, "10:03", "能便宜点吗"), (M, "10:03", GREETING)), WORDS, MECH, ref=lambda i: f"m{i}")
    assert first.evidence == {"question": "m2", "earlier_reply": "m1", "earlier_question": "m0"}
    assert second.evidence == {"questions": 3, "replies": ["m1", "m3", "m5"]}


HARASSMENT = [
    pytest.param([(M, "10:00", "亲，新品上架了，看看吗"), (C, "10:01", "不用了，谢谢"),
                  (M, "10:02", "好的亲，打扰了")], [],
                 id="hard negative: 不用了谢谢 then one polite confirmation"),
    pytest.param([(M, "10:00", "亲，新品上架了"), (C, "10:01", "不需要"),
                  (M, "10:02", "好的亲"), (M, "10:02", "有需要随时联系哦")], [],
                 id="hard negative: closing the exchange in two messages (harassment_closing_messages 2)"),
    pytest.param([(M, "10:00", "亲，新品上架了"), (C, "10:01", "别再发了"),
                  (M, "10:02", "好的"), (M, "10:03", "亲真的很划算"), (M, "10:04", "最后一天活动哦")],
                 [(4, "after_refusal")], id="已明确表示不需要、不希望再联系时继续联系: the third message"),
    pytest.param([(M, "10:00", "亲，新品上架了"), (C, "10:01", "不用了，谢谢"),
                  (M, "+1 10:00", "亲，考虑得怎么样了")], [(2, "after_refusal")],
                 id="继续联系: one message the next day (harassment_closing_minutes 30)"),
    pytest.param([(M, "10:00", "亲，新品上架了"), (C, "10:01", "不用了"),
                  (C, "10:30", "对了，上次那件能退吗"), (M, "10:31", "可以的"), (M, "10:32", "您申请退货就行"),
                  (M, "10:33", "运费我们出")], [],
                 id="hard negative: the customer wrote again after refusing"),
    pytest.param([(C, "10:00", "这件不要了换那件可以吗"), (M, "10:01", "可以的"), (M, "10:01", "已经帮您改好了"),
                  (M, "10:02", "您看一下订单")], [],
                 id="hard negative: 不要了 inside an order change is no refusal"),
    pytest.param([(M, "23:30", "亲，在吗？"), (C, "+1 09:00", "怎么了")], [(0, "night_contact")],
                 id="在不合理的时间: unprompted at 23:30"),
    pytest.param([(C, "23:10", "还在吗，想问下尺码"), (M, "23:15", "在的亲，偏大一码")], [],
                 id="hard negative: answering a customer who writes at night"),
    pytest.param([(C, "20:00", "尺码偏大吗"), (M, "20:05", "偏大一码"), (M, "22:30", "亲，今晚下单有优惠哦")],
                 [(2, "night_contact")], id="在不合理的时间: 2.5 hours after the customer's last message"),
    pytest.param([(M, "07:59", "早上好亲"), (M, "08:00", "亲，活动开始了")], [(0, "night_contact")],
                 id="quiet hours end at 08:00 (harassment_quiet_end)"),
    pytest.param([(M, f"14:{m:02d}", "亲在吗") for m in range(0, 12, 2)], [(5, "frequent_contact")],
                 id="频繁联系: 6 messages in 10 minutes, no customer reply"),
    pytest.param([(M, f"14:{m:02d}", "亲在吗") for m in range(0, 24, 4)], [],
                 id="hard negative: 6 messages spread over 20 minutes"),
    pytest.param([row for m in range(0, 8) for row in ((C, f"14:0{m}", "然后呢"), (M, f"14:0{m}", "好的亲"))], [],
                 id="hard negative: a lively exchange, the customer answering each time"),
    pytest.param([(C, "14:00", "发几张实拍图看看"), *[(M, "14:01", f"图{n}") for n in range(5)]], [],
                 id="hard negative: five messages answering a request"),
]


@pytest.mark.parametrize(("rows", "expected"), HARASSMENT)
def test_harassment_by_conduct(rows, expected):
    assert harass(*rows) == expected


@pytest.mark.parametrize(("text", "refusal"), [
    ("不用了，谢谢", True),
    ("別再發了！", True),
    ("请不要再联系我", True),
    ("不用了", True),
    ("再发我就投诉你", True),
    ("不用了解了，直接下单", False),
    ("那就别发了退款吧", False),
    ("我不需要发票", False),
])
def test_what_counts_as_the_customer_saying_stop(text, refusal):
    """明确表示不需要、不希望再联系 (seed 002): explicit words, whole-message for the short ones."""
    assert (WORDS.refusal(text) is not None) is refusal


def test_scan_conversation_places_conduct_flags_under_the_rule():
    conv = {"messages": [
        {"external_id": f"m{i}", "sender_role": role, "sent_at": t.isoformat(), "text": text}
        for i, role, t, text in said((M, "10:00", "亲，新品上架了"), (C, "10:01", "别再发了"), (M, "10:02", "好的"),
                                     (M, "10:03", "亲真的很划算"), (M, "10:04", "最后一天活动哦"))]}
    flags = scan_conversation(conv, "taobao", {"abuse": "taobao.malicious_harassment"}, harassment=HARASS)
    (flag,) = [f for f in flags if f.source == "conduct"]
    assert (flag.message_index, flag.category, flag.rule, flag.detector) == (
        4, "abuse", "taobao.malicious_harassment", "after_refusal")
    assert (flag.start, flag.end, flag.matched) == (0, 7, "最后一天活动哦")
    assert flag.evidence == {"refusal": "m1", "said": "别再发了", "nth": 3, "minutes": 3}
    assert not [f for f in scan_conversation(conv, "taobao") if f.source == "conduct"]  # off unless asked


_ROLES = st.sampled_from([C, M])
_TEXTS = st.sampled_from(["在吗", "这个多少钱？", GREETING, "好的", "发什么快递？", "不用了", "偏大一码", "亲在吗"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_ROLES, st.integers(0, 600), _TEXTS), max_size=30))
def test_findings_sit_on_merchant_messages_only(rows):
    convo = [(i, role, DAY + timedelta(minutes=m), text) for i, (role, m, text) in enumerate(rows)]
    hits = find_mechanical(convo, WORDS, MECH) + find_harassment(convo, WORDS, HARASS)
    assert all(convo[h.message_index][1] == M for h in hits)
    assert len({(h.message_index, h.detector) for h in hits}) == len(hits)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 600), _TEXTS), max_size=20))
def test_a_merchant_who_never_repeats_himself_is_never_mechanical(rows):
    convo = []
    for n, (m, text) in enumerate(rows):
        convo.append((2 * n, C, DAY + timedelta(hours=9, minutes=m), text))
        convo.append((2 * n + 1, M, DAY + timedelta(hours=9, minutes=m, seconds=30), f"回复第{n}号，{text}"))
    assert find_mechanical(convo, WORDS, MECH) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 600), max_size=40))
def test_a_customer_who_answers_every_message_is_never_flooded(minutes):
    # Distinct minutes: two pairs in one minute would put the second question before the first answer in
    # time (a reply 1 s after its question), which no chat does; the detector reads messages by time.
    convo = []
    for n, m in enumerate(sorted(set(minutes))):
        t = DAY + timedelta(hours=10, minutes=m)
        convo += [(2 * n, C, t, "然后呢"), (2 * n + 1, M, t + timedelta(seconds=1), "好的")]
    assert not [h for h in find_harassment(convo, WORDS, HARASS) if h.detector == "frequent_contact"]


def test_a_reply_used_many_times_keeps_the_latest_uses_as_evidence():
    """One reply to forty different questions: every use after the third is flagged, and a flag
    lists at most MAX_USES earlier replies (not every one: the check was cubic and the evidence
    grew with the square of the conversation)."""
    from backoffice.detection.mechanical import MAX_USES

    items = [
        "红色", "蓝色", "尺码", "快递", "发票", "退货", "保修", "赠品", "包装", "颜色",
        "材质", "产地", "重量", "电池", "充电", "屏幕", "内存", "说明书", "安装", "配件",
        "优惠券", "会员", "积分", "预售", "定金", "尾款", "批发", "样品", "定制", "刻字",
        "礼盒", "贺卡", "保价", "运费", "偏远", "自提", "上门", "试用", "换货", "补发",
    ]
    rows = []
    for n, item in enumerate(items):
        rows += [(C, f"10:{n:02d}", f"{item}怎么弄？"), (M, f"10:{n:02d}", GREETING)]
    flags = find_mechanical(said(*rows), WORDS, MECH, ref=lambda i: f"m{i}")
    assert len(flags) == len(items) - 1
    last = flags[-1].evidence
    assert last["questions"] == MAX_USES + 1
    assert last["replies"][-1] == f"m{2 * len(items) - 1}"
    assert len(last["replies"]) == MAX_USES + 1


def test_many_uses_for_one_question_keep_the_earlier_questions():
    """One reply to 红色 once and to 蓝色 22 times: every 蓝色 use is still set against the 红色
    one (remembering only the latest uses dropped it), and with a third question before them each
    is mechanical."""
    blue = [row for k in range(22) for row in ((C, f"11:{k:02d}", "蓝色怎么弄？"), (M, f"11:{k:02d}", GREETING))]
    flags = find_mechanical(said((C, "10:00", "红色怎么弄？"), (M, "10:00", GREETING), *blue), WORDS, MECH,
                            ref=lambda i: f"m{i}")
    assert [f.detector for f in flags] == ["irrelevant_reply"] * 22
    flags = find_mechanical(said((C, "10:00", "红色怎么弄？"), (M, "10:00", GREETING),
                                 (C, "10:01", "尺码怎么选？"), (M, "10:01", GREETING), *blue), WORDS, MECH,
                            ref=lambda i: f"m{i}")
    assert [f.detector for f in flags[1:]] == ["mechanical_reply"] * 22
    assert flags[-1].evidence["replies"][:2] == ["m1", "m3"]
