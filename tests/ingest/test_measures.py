"""Automatic measures, reply times and priority: what the rules do when flags come in."""

from __future__ import annotations

import copy
from datetime import timedelta

from backoffice.audit.models import AuditEvent
from backoffice.cases.models import Case, Flag
from backoffice.extensions import db
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.ledger.operations import standing_of
from backoffice.penalties.operations import impose
from backoffice.timeutil import platform_tz
from tests.ingest.conftest import ACTOR, all_of, at, conv, msg, report


def _automatic(merchant_id: int) -> list[LedgerEntry]:
    return [e for e in all_of(LedgerEntry, merchant_id=merchant_id) if e.case_id is not None]


def test_zbj_offsite_contact_demotes_at_once_and_notifies_next_platform_day(put, chat, day, make_merchant):
    merchant = make_merchant("m-1")
    flagged = at(day, 12)
    put(chat, now=flagged)
    (case,) = all_of(Case)
    entries = _automatic(merchant.id)
    assert sorted((e.kind, e.effective_at, e.is_provisional, e.case_id, e.decision_id) for e in entries) == [
        (EntryKind.risk_notice, day + timedelta(days=1), True, case.id, None),
        (EntryKind.search_demotion, flagged, True, case.id, None),
    ]
    assert (day + timedelta(days=1)).astimezone(platform_tz()).hour == 0
    tz = platform_tz()
    assert standing_of(merchant, tz, flagged + timedelta(minutes=1)).search_demoted is True
    assert standing_of(merchant, tz, flagged - timedelta(minutes=1)).search_demoted is False


def test_measures_are_taken_once_per_case(put, chat, day, make_merchant):
    merchant = make_merchant("m-1")
    put(chat)
    more = copy.deepcopy(chat)
    more["messages"].append(msg("4", "merchant", at(day, 10, 5), "打我手机13712345678也可以"))
    put(more)
    assert len(_automatic(merchant.id)) == 2


def test_a_case_without_a_rule_takes_no_measure(put, day, make_merchant):
    merchant = make_merchant("m-1")
    put(conv("c-1", msg("1", "merchant", at(day, 10), "您好"), reports=[report("other", at(day, 11))]))
    assert len(all_of(Case)) == 1
    assert _automatic(merchant.id) == []


def _pdd(*messages):
    return conv("p-1", *messages, platform="pdd", merchant="pdd-m")


def test_pdd_unanswered_for_five_minutes_is_negative_service(put, day):
    result = put(_pdd(msg("1", "customer", at(day, 10), "在吗？这个还有货吗")), now=at(day, 10, 5))
    (case,) = all_of(Case)
    (flag,) = all_of(Flag)
    assert (case.rule_code, case.category) == ("pdd.negative_service", "negative_service")
    assert (flag.detector, flag.message.external_id) == ("reply_time", "1")
    assert result.cases_opened == [case.id]


def test_pdd_answered_within_three_minutes_is_fine(put, day):
    put(_pdd(msg("1", "customer", at(day, 10), "在吗？这个还有货吗"),
             msg("2", "merchant", at(day, 10, 2, 59), "亲，有货的，今天下单明天发")), now=at(day, 10, 30))
    assert all_of(Flag) == []
    assert all_of(Case) == []


def test_pdd_before_service_hours_is_fine(put, day):
    put(_pdd(msg("1", "customer", at(day, 7, 50), "在吗？这个还有货吗")), now=at(day, 7, 58))
    put(_pdd(msg("1", "customer", at(day, 7, 50), "在吗？这个还有货吗"),
             msg("2", "merchant", at(day, 8, 30), "亲，早上好，有货的")), now=at(day, 8, 31))
    assert all_of(Flag) == []
    assert all_of(Case) == []


def test_a_late_reply_is_flagged_when_it_arrives_and_only_once(put, day):
    waiting = _pdd(msg("1", "customer", at(day, 10), "在吗？这个还有货吗"))
    put(waiting, now=at(day, 10, 1))  # not yet late
    assert all_of(Flag) == []
    # the reply's words are the model's to judge elsewhere; here only its time counts
    waiting["messages"].append(msg("2", "merchant", at(day, 10, 7), "亲，有货的，今天下单明天发"))
    put(waiting, now=at(day, 10, 8))
    waiting["messages"].append(msg("3", "customer", at(day, 10, 9), "好的谢谢"))
    waiting["messages"].append(msg("4", "merchant", at(day, 10, 10), "不客气"))
    put(waiting, now=at(day, 10, 11))
    (flag,) = all_of(Flag)
    assert (flag.rule_code, flag.message.external_id) == ("pdd.negative_service", "1")


def test_zbj_has_no_negative_service_rule(put, day):
    put(conv("z-1", msg("1", "customer", at(day, 10), "在吗？")), now=at(day, 10, 30))
    assert all_of(Flag) == []


def test_a_report_raises_priority(put, chat, day):
    put(chat)
    reported = copy.deepcopy(chat) | {"external_id": "c-2",
                                      "reports": [report("offsite_contact", at(day, 11))]}
    put(reported)
    plain, with_report = all_of(Case)
    assert (plain.report_count, with_report.report_count) == (0, 1)
    assert with_report.priority > plain.priority + 10


def test_a_repeat_offender_comes_first(put, chat, make_merchant):
    repeat = make_merchant("m-1")
    make_merchant("m-2")
    impose(ACTOR, repeat, "zbj.offsite_contact", "general", {})
    db.session.commit()
    put(chat)
    put(copy.deepcopy(chat) | {"external_id": "c-2", "merchant": {"external_id": "m-2", "name": "新商家"}})
    offender, first_timer = all_of(Case)
    assert (offender.prior_offences, first_timer.prior_offences) == (1, 0)
    assert offender.priority > first_timer.priority


def test_every_ingestion_is_audited(put, chat, day):
    first = put(chat)
    more = copy.deepcopy(chat)
    more["messages"].append(msg("4", "customer", at(day, 10, 3), "好"))
    put(more)
    put(more)  # nothing new: nothing to record
    events = all_of(AuditEvent, action="conversation.ingest")
    assert [(e.subject_type, e.subject_id, e.via) for e in events] == [
        ("conversation", str(first.conversation_id), "cli")] * 2
    assert [e.after["new_messages"] for e in events] == [3, 1]
    assert events[0].after["flags"] == 1
    assert events[0].after["cases_opened"] == [all_of(Case)[0].id]


def test_reply_time_follows_the_rule_parameters(put, day, monkeypatch):
    from backoffice.policy import get_rulebook

    monkeypatch.setitem(get_rulebook().rule("pdd.negative_service").detector, "reply_minutes", 10)
    put(_pdd(msg("1", "customer", at(day, 10), "在吗？"), msg("2", "merchant", at(day, 10, 8), "在的亲")),
        now=at(day, 10, 30))
    assert all_of(Flag) == []
    put(_pdd(msg("3", "customer", at(day, 11), "发货了吗？"), msg("4", "merchant", at(day, 11, 11), "发了")),
        now=at(day, 11, 30))
    assert [f.message.external_id for f in all_of(Flag)] == ["3"]
