"""The service-quality figures, counted in the database, against the source documents' numbers.

Seed 001 (Pinduoduo): "商家客服需要在每日8:00-23:00间,对消费者的消息在3分钟内作出回复".
Seed 003 (WeChat Channels shops): "3分钟人工回复率" — replies by a person; "優秀的視頻號小店,可以將3分鐘
人工回復率提升到65.4%", the one number the documents give for the rate, marked as the target.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from backoffice.dashboard.metrics import period
from backoffice.quality import figures
from backoffice.quality.targets import mark
from tests.quality.conftest import NOW, after, at

ASK = at(10, "10:00")

# (id quoting the document, messages, expected (inquiries, within, late))
REPLY_TABLE = [
    ("3分钟内作出回复: a reply after exactly 3 minutes is in time",
     [("customer", ASK), ("merchant", after(ASK, 180))], (1, 1, 0)),
    ("3分钟内作出回复: 3 minutes and 1 second is late",
     [("customer", ASK), ("merchant", after(ASK, 181))], (1, 0, 1)),
    ("人工回复率: an auto-reply is no reply by a person; the person answers after 5 minutes",
     [("customer", ASK), ("auto", after(ASK, 5)), ("merchant", after(ASK, 300))], (1, 0, 1)),
    ("three customer lines in a row are one inquiry, timed from the first",
     [("customer", ASK), ("customer", after(ASK, 100)), ("customer", after(ASK, 170)),
      ("merchant", after(ASK, 200))], (1, 0, 1)),
    ("two inquiries, one answered in time, one late",
     [("customer", ASK), ("merchant", after(ASK, 60)), ("customer", after(ASK, 600)),
      ("merchant", after(ASK, 1000))], (2, 1, 1)),
    ("每日8:00-23:00间: 07:59 is outside service hours",
     [("customer", at(10, "07:59")), ("merchant", at(10, "08:30"))], (0, 0, 0)),
    ("每日8:00-23:00间: 08:00 is inside",
     [("customer", at(10, "08:00")), ("merchant", at(10, "08:02"))], (1, 1, 0)),
    ("每日8:00-23:00间: 23:00 is outside (the day before)",
     [("customer", at(9, "23:00")), ("merchant", at(10, "08:30"))], (0, 0, 0)),
    ("每日8:00-23:00间: an out-of-hours line then an in-hours one: timed from 08:00",
     [("customer", at(10, "07:58")), ("customer", at(10, "08:00")), ("merchant", at(10, "08:03"))], (1, 1, 0)),
    ("never answered, the limit long past: an inquiry, neither in time nor late",
     [("customer", at(10, "12:00"))], (1, 0, 0)),
    ("not answered yet but still inside the 3 minutes at now: not counted",
     [("customer", after(NOW, -120))], (0, 0, 0)),
    ("a shop message before any customer message is no reply to anything",
     [("merchant", ASK)], (0, 0, 0)),
]


@pytest.mark.parametrize(("messages", "expected"), [row[1:] for row in REPLY_TABLE],
                         ids=[row[0] for row in REPLY_TABLE])
def test_inquiries_and_replies(make_merchant, chat, messages, expected):
    shop = make_merchant("pdd-1", platform="pdd")
    chat(shop, messages)
    rows = figures.per_shop(figures.daily(period(7, NOW), now=NOW))
    counts = rows[0].counts if rows else figures.Counts()
    assert (counts.asked, counts.within, counts.late) == expected


# (id quoting the document, figure, value, met?)
TARGET_TABLE = [
    ("優秀的視頻號小店…3分鐘人工回復率提升到65.4%: 65.4 % meets it", "reply_rate", Decimal("0.654"), True),
    ("…65.4%: 65.3 % misses it", "reply_rate", Decimal("0.653"), False),
    ("…65.4%: 327 of 500 inquiries meets it", "reply_rate", Decimal(327) / Decimal(500), True),
    ("…65.4%: 326 of 500 inquiries misses it", "reply_rate", Decimal(326) / Decimal(500), False),
    ("对消费者的消息在3分钟内作出回复: no late reply meets it", "late_share", Decimal(0), True),
    ("对消费者的消息在3分钟内作出回复: 1 late reply in 100 misses it", "late_share", Decimal("0.01"), False),
    ("operator setting 95 % good reviews: 19 of 20 meets it", "good_review_rate", Decimal(19) / Decimal(20), True),
    ("operator setting 95 % good reviews: 18 of 20 misses it", "good_review_rate", Decimal(18) / Decimal(20), False),
    ("operator setting at most 1 % complaints: 1 in 100 meets it", "complaint_rate", Decimal("0.01"), True),
    ("operator setting at most 1 % complaints: 2 in 100 misses it", "complaint_rate", Decimal("0.02"), False),
    ("nothing to measure: no mark", "reply_rate", None, None),
]


@pytest.mark.parametrize(("figure", "value", "met"), [row[1:] for row in TARGET_TABLE],
                         ids=[row[0] for row in TARGET_TABLE])
def test_targets_of_the_pinduoduo_pack(app, figure, value, met):
    assert mark(figures.settings_for(figures.Platform.pdd), figure, value).met is met


def test_the_pack_cites_the_documents(app):
    settings = figures.settings_for(figures.Platform.pdd)
    hours = (settings.service_start.value, settings.service_end.value)
    assert (settings.reply_minutes.value, hours) == (3, ("08:00", "23:00"))
    assert settings.reply_minutes.quote == "商家客服需要在每日8:00-23:00间,对消费者的消息在3分钟内作出回复"
    assert (settings.reply_rate_min.value, settings.reply_rate_min.seed) == ("65.4", "003")
    assert "65.4%" in settings.reply_rate_min.quote
    assert settings.good_review_rate_min.is_setting
    assert settings.complaint_rate_max.is_setting


def test_a_shop_at_two_of_three_in_time_meets_65_4_and_one_of_two_misses(make_merchant, chat):
    good, poor = make_merchant("pdd-good", platform="pdd", name="甲店"), make_merchant("pdd-poor", platform="pdd",
                                                                                      name="乙店")
    chat(good, [("customer", ASK), ("merchant", after(ASK, 30)), ("customer", after(ASK, 600)),
                ("merchant", after(ASK, 650)), ("customer", after(ASK, 1200)), ("merchant", after(ASK, 1500))])
    chat(poor, [("customer", ASK), ("merchant", after(ASK, 30)), ("customer", after(ASK, 600)),
                ("merchant", after(ASK, 1000))])
    settings = figures.settings_for(figures.Platform.pdd)
    shops = {r.merchant: r.counts for r in figures.per_shop(figures.daily(period(7, NOW), now=NOW))}
    assert mark(settings, "reply_rate", shops["甲店"].reply_rate).met is True  # 2/3 = 66.7 %
    assert mark(settings, "reply_rate", shops["乙店"].reply_rate).met is False  # 1/2 = 50 %


def test_days_are_platform_days_and_reviews_and_complaints_count(make_merchant, chat):
    shop = make_merchant("pdd-d", platform="pdd")
    # 08:05 on the 10th is 00:05 UTC on the 10th; 22:30 on the 9th is 14:30 UTC on the 9th.
    chat(shop, [("customer", at(9, "22:30")), ("merchant", at(9, "22:31")),
                ("customer", at(10, "08:05")), ("merchant", at(10, "08:20"))],
         reviews=[("good", at(9, "22:40")), ("bad", at(10, "09:00")), ("good", at(10, "09:10"))],
         complaints=[at(10, "09:30")])
    chat(shop, [("customer", at(10, "09:00")), ("merchant", at(10, "09:01"))])
    days = {r.day.day: r.counts for r in figures.daily(period(7, NOW), now=NOW)}
    assert (days[9].asked, days[9].within, days[9].reviews, days[9].good_reviews, days[9].conversations,
            days[9].complaints) == (1, 1, 1, 1, 1, 0)
    assert (days[10].asked, days[10].within, days[10].late, days[10].reviews, days[10].good_reviews,
            days[10].conversations, days[10].complaints) == (2, 1, 1, 2, 1, 2, 1)
    assert days[10].complaint_rate == Decimal("0.5")
    assert days[10].good_review_rate == Decimal("0.5")


def test_other_shops_and_platforms_are_left_out(make_merchant, chat):
    mine, other = make_merchant("pdd-a", platform="pdd"), make_merchant("zbj-b", platform="zbj")
    chat(mine, [("customer", ASK), ("merchant", after(ASK, 30))])
    chat(other, [("customer", ASK)])
    p = period(7, NOW)
    assert [r.merchant_id for r in figures.daily(p, platform=figures.Platform.pdd, now=NOW)] == [mine.id]
    assert [r.merchant_id for r in figures.daily(p, merchant_id=other.id, now=NOW)] == [other.id]
    before = figures.daily(period(7, at(8, "12:00")), now=at(8, "12:00"))
    assert before == []  # both chats are on the 10th, after that period's end
