"""Storing conversations: idempotent by external id, only new merchant messages scanned, flags in cases."""

from __future__ import annotations

import copy

import pytest

from backoffice.cases.models import Case, Flag, FlagSource, Report
from backoffice.conversations.models import Message
from tests.ingest.conftest import all_of, at, conv, msg, report


def test_resending_the_same_conversation_adds_nothing(put, chat, snapshot):
    first = put(chat)
    assert (first.new_messages, first.flags, len(first.cases_opened)) == (3, 1, 1)
    before = snapshot()
    again = put(chat)
    assert (again.new_messages, again.new_reports, again.flags, again.cases_opened) == (0, 0, 0, [])
    assert snapshot() == before


def test_new_messages_are_appended_and_only_they_are_scanned(put, chat, day):
    put(chat)
    longer = copy.deepcopy(chat)
    longer["messages"] += [msg("4", "customer", at(day, 10, 3), "我的号码是13900001111，你记一下"),
                           msg("5", "merchant", at(day, 10, 4), "好的，也可以加我薇信abc123详聊")]
    result = put(longer)
    assert result.new_messages == 2
    assert [m.external_id for m in all_of(Message)] == ["1", "2", "3", "4", "5"]
    flags = all_of(Flag)
    # the old phone number is not flagged a second time; the new WeChat id is flagged once
    assert [(f.message.external_id, f.detector) for f in flags] == [
        ("2", "phone"), ("5", "solicit"), ("5", "wechat_id")]
    assert result.flags == 2
    assert len(all_of(Case)) == 1


def test_a_customer_who_sends_a_number_raises_no_flag(put, day):
    result = put(conv("c-2",
                      msg("1", "customer", at(day, 10), "我的电话13812345678，加我薇信abc123也行"),
                      msg("2", "merchant", at(day, 10, 1), "请在平台上沟通，谢谢")))
    assert result.flags == 0
    assert all_of(Flag) == []
    assert all_of(Case) == []


def test_flags_record_rule_category_span_detector_and_confidence(put, chat):
    put(chat)
    (flag,) = all_of(Flag)
    text = flag.message.text
    assert flag.message.sender_role.value == "merchant"
    assert (flag.rule_code, flag.category, flag.detector, flag.source) == (
        "zbj.offsite_contact", "offsite_contact", "phone", FlagSource.detector)
    assert text[flag.start:flag.end] == flag.matched == "13812345678"
    assert 0.5 < flag.confidence <= 1.0
    assert flag.case.rule_code == "zbj.offsite_contact"


def test_a_span_lands_on_the_original_characters_through_evasions(put, day):
    text = "好的，加我 Ｖ 信：ａｂｃ１２３４ 详聊"
    put(conv("c-3", msg("1", "merchant", at(day, 10), text)))
    flags = all_of(Flag)
    assert flags
    for flag in flags:
        assert text[flag.start:flag.end] == flag.matched


def test_flags_of_the_same_rule_join_the_open_case(put, chat, day):
    put(chat)
    more = copy.deepcopy(chat)
    more["messages"].append(msg("4", "merchant", at(day, 10, 5), "打我手机13712345678也可以"))
    result = put(more)
    (case,) = all_of(Case)
    assert result.cases_opened == []
    assert result.cases_updated == [case.id]
    assert result.flags == 2  # 打我手机 (lexicon) and the number (phone)
    assert case.flag_count == 3 == len(case.flags)


def test_a_different_rule_opens_a_second_case(put, chat, day):
    put(chat)
    more = copy.deepcopy(chat)
    more["messages"].append(msg("4", "merchant", at(day, 10, 5), "另外我们还接有偿删帖，价格好说"))
    result = put(more)
    cases = all_of(Case)
    assert [c.rule_code for c in cases] == ["zbj.offsite_contact", "zbj.illegal_service"]
    assert result.cases_opened == [cases[1].id]
    assert [c.flag_count for c in cases] == [1, 1]


def test_a_decided_case_is_not_reopened_by_new_flags(put, chat, day):
    put(chat)
    (case,) = all_of(Case)
    case.status = case.status.__class__("decided")
    from backoffice.extensions import db
    db.session.commit()
    more = copy.deepcopy(chat)
    more["messages"].append(msg("4", "merchant", at(day, 10, 5), "打我手机13712345678也可以"))
    assert len(put(more).cases_opened) == 1
    assert len(all_of(Case)) == 2


@pytest.mark.parametrize(("reason", "rule", "category"), [
    ("other", None, None),
    ("abuse", None, "abuse"),  # ZBJ has no rule for abuse
    ("offsite_contact", "zbj.offsite_contact", "offsite_contact"),
])
def test_a_report_always_opens_a_case(put, day, reason, rule, category):
    quiet = conv("c-4", msg("1", "customer", at(day, 10), "你好"),
                 msg("2", "merchant", at(day, 10, 1), "您好，在的"),
                 reports=[report(reason, at(day, 11), "他态度很差")])
    result = put(quiet)
    (case,) = all_of(Case)
    (flag,) = all_of(Flag)
    assert (case.rule_code, case.category, case.report_count, case.has_report, case.has_detector) == (
        rule, category, 1, True, False)
    assert (flag.source, flag.detector, flag.message_id, flag.matched) == (
        FlagSource.report, "customer_report", None, "他态度很差")
    assert result.new_reports == 1
    assert result.cases_opened == [case.id]
    (stored,) = all_of(Report)
    assert (stored.reason, stored.flag_id) == (reason, flag.id)


def test_a_report_is_stored_once_and_joins_the_detector_case(put, chat, day):
    reported = copy.deepcopy(chat)
    reported["reports"] = [report("offsite_contact", at(day, 11))]
    first = put(reported)
    assert (first.new_reports, first.flags, len(first.cases_opened)) == (1, 2, 1)
    assert put(reported).new_reports == 0
    (case,) = all_of(Case)
    assert (case.flag_count, case.report_count, case.has_detector, case.has_report) == (2, 1, True, True)
    assert len(all_of(Report)) == 1
    reported["reports"].append(report("offsite_contact", at(day, 11, 30), "又发了一次电话"))
    assert put(reported).new_reports == 1
    assert len(all_of(Report)) == 2
    assert all_of(Case)[0].report_count == 2


def test_conversations_are_kept_apart(put, chat):
    put(chat)
    other = copy.deepcopy(chat)
    other["external_id"] = "c-9"
    result = put(other)
    assert result.new_messages == 3
    assert len(result.cases_opened) == 1
    assert len(all_of(Case)) == 2


def test_a_back_filled_older_message_is_scanned_too(put, day):
    chatter = [msg(str(i), "customer" if i % 2 else "merchant", at(day, 10, i), "好的，收到")
               for i in range(1, 31)]
    put(conv("c-5", *chatter))
    late = conv("c-5", *chatter, msg("0", "merchant", at(day, 9, 59), "我的电话13812345678"))
    assert put(late).flags == 1
    assert [f.message.external_id for f in all_of(Flag)] == ["0"]


def test_cashback_for_good_reviews_on_pinduoduo_opens_a_case(put, day):
    """Seed 001: 好评返现等诱导评价 (high risk); the detector's label goes to pdd.review_cashback."""
    put(conv("pdd-1", msg("1", "customer", at(day, 10), "东西收到了"),
             msg("2", "merchant", at(day, 10, 1), "亲，给个五星好评返现5元，截图发我"), platform="pdd"))
    assert [(c.rule_code, c.conversation.platform.value) for c in all_of(Case)] == [("pdd.review_cashback", "pdd")]
