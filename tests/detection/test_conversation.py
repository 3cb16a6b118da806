"""Conversation-level scanning: roles, attachments, split phones, reply times."""

from datetime import UTC, datetime, time, timedelta, timezone

import pytest

from backoffice.detection import ConversationError, scan_conversation
from backoffice.detection.reply_time import find_lapses

CST = timezone(timedelta(hours=8))


def msg(role, hh_mm_ss, text="", **kw):
    h, m, s = (int(x) for x in hh_mm_ss.split(":"))
    return {"sender_role": role, "sent_at": f"2024-03-14T{h:02d}:{m:02d}:{s:02d}+08:00", "text": text, **kw}


def conv(*messages):
    return {"external_id": "c1", "platform": "zbj", "messages": list(messages)}


def test_only_merchant_messages_are_flagged():
    flags = scan_conversation(conv(
        msg("customer", "10:00:00", "我的电话13812345678，质量像垃圾一样"),
        msg("system", "10:00:05", "加我微信 abc12345"),
        msg("merchant", "10:01:00", "好的，收到"),
    ))
    assert flags == []


def test_rule_map_fills_rule_codes():
    flags = scan_conversation(conv(msg("merchant", "10:00:00", "加我薇信")), rule_map={"offsite_contact": "ZBJ-3"})
    assert flags
    assert all(f.rule == "ZBJ-3" for f in flags)


def test_phone_split_across_merchant_messages():
    flags = scan_conversation(conv(
        msg("merchant", "10:00:00", "我号码"),
        msg("merchant", "10:00:10", "138"),
        msg("merchant", "10:00:30", "1234 5678"),
    ))
    split = [f for f in flags if f.detector == "phone_split"]
    assert [(f.message_index, f.matched) for f in split] == [(1, "138"), (2, "1234 5678")]
    assert all("13812345678" in f.detail for f in split)


def test_split_phone_with_chinese_numerals():
    flags = scan_conversation(conv(msg("merchant", "10:00:00", "幺三八"),
                                   msg("merchant", "10:00:20", "一二三四五六七八")))
    assert {f.message_index for f in flags if f.detector == "phone_split"} == {0, 1}


@pytest.mark.parametrize(("gap", "flagged"), [(119, True), (121, False)])
def test_split_phone_time_window(gap, flagged):
    second = f"10:{gap // 60:02d}:{gap % 60:02d}"
    flags = scan_conversation(conv(msg("merchant", "10:00:00", "138"), msg("merchant", second, "12345678")))
    assert any(f.detector == "phone_split" for f in flags) is flagged


def test_split_phone_not_joined_across_customer_messages():
    flags = scan_conversation(conv(
        msg("merchant", "10:00:00", "138"),
        msg("customer", "10:00:05", "12345678"),
    ))
    assert not any(f.detector == "phone_split" for f in flags)


@pytest.mark.parametrize(("asked", "pieces", "flagged"), [
    ("电话多少", ["138", "1234", "5678"], True),
    ("套餐都多少钱", ["基础版 138", "标准版 1234", "旗舰版 5678"], False),  # prices that join into a number
    ("这三款的款号是多少", ["138", "1234", "5678"], False),
    ("款号和你电话都发我", ["138", "1234", "5678"], True),  # a phone was asked for as well
])
def test_pieces_answering_a_question_about_prices_or_style_numbers_are_no_phone(asked, pieces, flagged):
    flags = scan_conversation(conv(msg("customer", "10:00:00", asked),
                                   *(msg("merchant", f"10:00:{10 + 10 * k}", p) for k, p in enumerate(pieces))))
    assert any(f.detector in ("phone_split", "phone_partial") for f in flags) is flagged


@pytest.mark.parametrize(("customer", "merchant", "flagged"), [
    ("你名片上那个手机号我拨了打不通", "尾号是4821", True),
    ("卡片上的电话糊了 最后几位是啥", "4821", True),
    ("我手机号尾号4821 别填错了", "尾号4821对吧 收到", False),  # the customer's own digits, read back
    ("我手机号换了", "订单号后四位4821", False),  # the digits are named as something else
    ("发货了吗", "4821", False),  # no phone spoken of
])
def test_a_bare_number_after_the_customer_spoke_of_a_phone_is_part_of_one(customer, merchant, flagged):
    flags = scan_conversation(conv(msg("customer", "10:00:00", customer), msg("merchant", "10:00:30", merchant)))
    partial = [f for f in flags if f.detector == "phone_partial"]
    assert bool(partial) is flagged
    assert all(f.view == "joined" and "4821" in f.detail for f in partial)


def test_qr_code_attachment_and_official_qr():
    flags = scan_conversation(conv(
        msg("merchant", "10:00:00", "", attachments=[{"kind": "qr_code", "name": "我的码.png"}]),
        msg("merchant", "10:00:05", "", attachments=[{"kind": "qr_code", "name": "八戒企微二维码.png"}]),
        msg("merchant", "10:00:09", "", attachments=[{"kind": "image", "name": "a.jpg", "text": "vx：tom1990"}]),
    ))
    assert [(f.message_index, f.detector, f.source) for f in flags] == [
        (0, "qr_code", "attachment"), (2, "wechat_id", "attachment")]
    ocr = flags[1]
    assert ocr.attachment_index == 0
    assert "vx：tom1990"[ocr.start:ocr.end] == ocr.matched


def _lapses(customer_at, reply_at=None, now=None):
    msgs = [(0, "customer", customer_at)]
    if reply_at:
        msgs.append((1, "merchant", reply_at))
    return find_lapses(msgs, "Asia/Shanghai", time(8), time(23), timedelta(minutes=3), now)


def at(h, m, s=0):
    return datetime(2024, 3, 14, h, m, s, tzinfo=CST)


@pytest.mark.parametrize(
    ("customer", "reply", "lapse"),
    [
        (at(7, 59), at(8, 30), False),  # before service hours
        (at(8, 0), at(8, 3, 1), True),  # 08:00 is inside, 181 s is late
        (at(8, 0), at(8, 3, 0), False),  # exactly 3 minutes is in time
        (at(22, 59), at(23, 5), True),  # 22:59 is inside
        (at(23, 0), at(23, 30), False),  # 23:00 is outside
        (at(12, 0), at(12, 2, 59), False),
    ],
)
def test_reply_time_edges(customer, reply, lapse):
    assert bool(_lapses(customer, reply)) is lapse


def test_reply_time_uses_platform_timezone():
    utc_0001 = datetime(2024, 3, 14, 0, 1, tzinfo=UTC)  # 08:01 in Shanghai
    assert _lapses(utc_0001, utc_0001 + timedelta(minutes=10))


def test_unanswered_at_end_depends_on_now():
    assert _lapses(at(10, 0))[0].waited is None
    assert _lapses(at(10, 0), now=at(10, 2)) == []


def test_one_flag_per_unanswered_stretch():
    flags = scan_conversation(conv(
        msg("customer", "10:00:00", "在吗"), msg("customer", "10:01:00", "在吗？"),
        msg("customer", "10:02:00", "人呢"), msg("merchant", "10:10:00", "在的"),
    ))
    timing = [f for f in flags if f.detector == "reply_time"]
    assert [(f.message_index, f.category, f.source) for f in timing] == [(0, "negative_service", "timing")]


@pytest.mark.parametrize(
    ("bad", "where"),
    [
        ({"messages": "x"}, "messages"),
        ({"messages": [{"sender_role": "boss", "text": ""}]}, "messages[0].sender_role"),
        ({"messages": [{"sender_role": "merchant", "text": "", "sent_at": "yesterday"}]}, "messages[0].sent_at"),
        ({"messages": [{"sender_role": "merchant", "text": "", "sent_at": "2024-03-14T10:00:00"}]},
         "messages[0].sent_at"),
        ({"messages": [{"sender_role": "merchant", "text": 5}]}, "messages[0].text"),
        ({"messages": [{"sender_role": "merchant", "attachments": [{"kind": "zip"}]}]},
         "messages[0].attachments[0].kind"),
    ],
)
def test_bad_conversation_names_the_field(bad, where):
    with pytest.raises(ConversationError) as err:
        scan_conversation(bad)
    assert str(err.value).startswith(f"{where}:")
