"""Mass sending (ZBJ 群发): one merchant's look-alike advertisement to many customers is one case.

Seed 000: "用户通过猪八戒网官方沟通工具……群发/传播招聘信息、广告信息、推销信息 …… (1)单次处以扣除诚信分10分".
How many customers, how alike and within what time are operator settings of rules/packs/zbj.yaml
(mass_sending_customers 3, mass_sending_similarity_percent 60, mass_sending_window_hours 24).
"""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.cases.claims import claim
from backoffice.cases.models import Case, CaseStatus, Flag
from backoffice.conversations.models import Conversation
from backoffice.extensions import db
from backoffice.ingest.mass_sending import conversations_of
from backoffice.ingest.models import MassSending, MessageSignature
from backoffice.ingest.operations import ingest
from tests.concurrency import run_concurrently
from tests.ingest.conftest import ACTOR, all_of, at, msg

AD = "新店开业!加微信 shop8888 领50元优惠券,限时三天"
AD_VARIANT = "新店开业!加微信shop8888领50元优惠劵,限时3天!!"  # 券/劵, 三/3: one template
OTHER_AD = "加微信 shop8888 咨询logo设计报价"  # the same shop's other advertisement
GREETING = "您好，欢迎光临本店，请问有什么可以帮您的吗？"  # an auto-reply, not advertising
JOB_AD = "本店招聘兼职打字员，日结200元，有意者速来，名额有限"  # the detector's own ads flag (招聘信息)


def sent(n: int, text: str, day, *, hour: int = 10, customer: str | None = None, merchant: str = "m-1",
         platform: str = "zbj") -> dict:
    return {
        "platform": platform, "external_id": f"c-{n}", "channel": "im",
        "merchant": {"external_id": merchant, "name": "重庆山城品牌设计工作室"},
        "customer": {"external_id": customer or f"u-{n}", "name": f"客户{n}"},
        "messages": [msg("1", "customer", at(day, hour), "你好，在吗"),
                     msg("2", "merchant", at(day, hour, 1), text)],
    }


def ads_cases() -> list[Case]:
    return all_of(Case, rule_code="zbj.ads_spam")


def mass_flags(case: Case) -> list[Flag]:
    return [f for f in case.flags if f.detector == "mass_sending"]


# (id quoting the rule or the setting, [(text, hour, customer)], bursts expected, conversations in it)
CASES = [
    ("群发: one advertisement to 3 customers (mass_sending_customers 3) is one case", [
        (AD, 10, None), (AD, 11, None), (AD_VARIANT, 12, None)], 1, 3),
    ("2 customers are not yet 群发 (fewer than mass_sending_customers 3)", [
        (AD, 10, None), (AD, 11, None)], 0, 0),
    ("one customer's 3 conversations are not 群发 (不同客户 counted once)", [
        (AD, 10, "u-1"), (AD, 11, "u-1"), (AD, 12, "u-1")], 0, 0),
    ("a greeting to 5 customers is not 广告信息 (the detector finds no ad or contact)", [
        (GREETING, h, None) for h in range(10, 15)], 0, 0),
    ("different advertisements of one shop are not one 群发 (similarity below 60%)", [
        (AD, 10, None), (OTHER_AD, 11, None), ("新店开业, 微信 shop8888 在线接单设计海报", 12, None)], 0, 0),
]


@pytest.mark.parametrize(("sends", "bursts", "conversations"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_burst_is_one_case_listing_its_conversations(put, day, sends, bursts, conversations):
    for n, (text, hour, customer) in enumerate(sends, start=1):
        put(sent(n, text, day, hour=hour, customer=customer), now=at(day, 16))
    assert len(all_of(MassSending)) == bursts
    if bursts:
        (burst,) = all_of(MassSending)
        case = db.session.get(Case, burst.case_id)
        assert case.rule_code == "zbj.ads_spam"
        assert [c.external_id for c, _ in conversations_of(case)] == [f"c-{n}" for n in range(1, conversations + 1)]
        assert case.conversation.external_id == "c-1"  # the earliest message's conversation


def test_look_alikes_more_than_the_window_apart_are_not_one_burst(put, day):
    """mass_sending_window_hours 24: the third message, 25 hours after the second, starts afresh."""
    put(sent(1, AD, day, hour=9), now=at(day, 9, 30))
    put(sent(2, AD, day, hour=10), now=at(day, 10, 30))
    later = sent(3, AD, day + timedelta(days=1), hour=11)
    put(later, now=at(day + timedelta(days=1), 12))
    assert all_of(MassSending) == []


def test_a_later_message_of_the_burst_joins_its_case(put, day):
    for n in (1, 2, 3):
        put(sent(n, AD, day, hour=9 + n), now=at(day, 13))
    (case,) = [c for c in ads_cases() if mass_flags(c)]
    result = put(sent(4, AD_VARIANT, day, hour=14), now=at(day, 15))
    assert case.id in result.cases_updated
    assert case.id not in result.cases_opened
    assert len(all_of(MassSending)) == 1
    db.session.refresh(case)
    assert [c.external_id for c, _ in conversations_of(case)] == ["c-1", "c-2", "c-3", "c-4"]
    # its own ads flags (if the detector raised any) joined the burst's case as well
    assert {f.case_id for f in all_of(Flag, rule_code="zbj.ads_spam")} == {case.id}
    put(sent(4, AD_VARIANT, day, hour=14), now=at(day, 16))  # sent again: nothing new
    assert len(mass_flags(case)) == 4


def test_after_the_case_is_closed_look_alikes_make_a_new_burst(put, day):
    for n in (1, 2, 3):
        put(sent(n, AD, day, hour=8 + n), now=at(day, 12))
    (first,) = all_of(MassSending)
    case = db.session.get(Case, first.case_id)
    case.status = CaseStatus.dismissed
    db.session.commit()
    put(sent(4, AD, day, hour=13), now=at(day, 14))
    assert len(all_of(MassSending)) == 1  # the judged burst's messages do not count again
    for n in (5, 6):
        put(sent(n, AD, day, hour=9 + n), now=at(day, 16))
    bursts = all_of(MassSending)
    assert len(bursts) == 2
    assert [c.external_id for c, _ in conversations_of(db.session.get(Case, bursts[1].case_id))] == [
        "c-4", "c-5", "c-6"]


def test_platforms_without_the_settings_are_not_checked(put, day):
    """Only the ZBJ pack speaks of 群发; the others have no mass-sending settings."""
    for n in (1, 2, 3):
        put(sent(n, AD, day, hour=9 + n, platform="taobao", merchant="tb-1"), now=at(day, 13))
    assert all_of(MassSending) == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MessageSignature)) == 0


def events(case: Case, action: str) -> list[dict]:
    return [e.after for e in db.session.scalars(sa.select(AuditEvent).filter_by(
        subject_type="case", subject_id=str(case.id), action=action).order_by(AuditEvent.id))]


# 群发招聘信息 to three customers (seed 000 "群发/传播招聘信息……单次处以扣除诚信分10分"): the detector flags
# each message under zbj.ads_spam by itself, so each conversation opens its own ads case until the
# third customer (mass_sending_customers 3) makes the burst; one message is then judged in one case.
# (id, order of ingestion, cases folded: c-1's own case becomes the burst's when it came first)
ORDERS = [("c1, c2, c3: c-1's case becomes the burst's, c-2's is folded in", (1, 2, 3), 1),
          ("c3, c2, c1: the burst opens on c-1 (earliest message), c-3's and c-2's are folded in", (3, 2, 1), 2)]


@pytest.mark.parametrize(("order", "folds"), [o[1:] for o in ORDERS], ids=[o[0] for o in ORDERS])
def test_per_conversation_ads_cases_fold_into_the_burst_case(put, day, order, folds):
    for n in order:
        put(sent(n, JOB_AD, day, hour=9 + n), now=at(day, 9 + n, 30) if order[0] == 1 else at(day, 13))
    (burst,) = all_of(MassSending)
    case = db.session.get(Case, burst.case_id)
    assert [c for c in ads_cases() if c.status is not CaseStatus.dismissed] == [case]
    assert {f.case_id for f in all_of(Flag, rule_code="zbj.ads_spam")} == {case.id}
    own = {f.conversation_id for f in case.flags if f.detector != "mass_sending"}
    assert own == {c.id for c in all_of(Conversation)}  # each customer's own ads flags, c-1 to c-3
    folded = [c for c in ads_cases() if c.status is CaseStatus.dismissed]
    assert len(folded) == folds
    for other in folded:
        assert other.flags == []
        assert other.closed_at is not None
        assert events(other, "case.merge") == [{"into": case.id, "flags": 2,
                                                "reason": f"merged into mass-sending case #{case.id}"}]
    assert sorted(e["merged"] for e in events(case, "case.absorb")) == [c.id for c in folded]
    assert case.flag_count == len(case.flags)


def test_a_claimed_per_conversation_case_is_left_to_its_reviewer(put, day, make_user):
    reviewer = make_user("reviewer")
    put(sent(1, JOB_AD, day, hour=10), now=at(day, 10, 30))
    put(sent(2, JOB_AD, day, hour=11), now=at(day, 11, 30))
    (first, second) = ads_cases()
    claim(ACTOR, second, reviewer)
    db.session.commit()
    put(sent(3, JOB_AD, day, hour=12), now=at(day, 12, 30))
    db.session.expire_all()
    assert second.status is CaseStatus.in_review
    assert {f.detector for f in second.flags} == {"lexicon"}  # its own flags stay with it
    (burst,) = all_of(MassSending)
    assert burst.case_id == first.id  # c-1's own case became the burst's (the earliest message)
    assert events(second, "case.merge") == []


def test_the_case_pages_say_what_was_merged_and_what_was_left(put, day, make_user, client, login):
    """Both sides of a fold read it in words; a case left to its reviewer is named on the burst's page."""
    reviewer = make_user("reviewer", login="rev-ms")
    put(sent(3, JOB_AD, day, hour=12), now=at(day, 13))
    put(sent(2, JOB_AD, day, hour=11), now=at(day, 13))
    third, second = ads_cases()
    claim(ACTOR, second, reviewer)
    db.session.commit()
    put(sent(1, JOB_AD, day, hour=10), now=at(day, 13))  # the burst opens on c-1; c-3's case folds in
    (burst,) = all_of(MassSending)
    db.session.expire_all()
    assert (third.status, second.status) == (CaseStatus.dismissed, CaseStatus.in_review)
    login("rev-ms")
    page = client.get(f"/cases/{third.id}").get_data(as_text=True)
    assert f"已并入群发案件 #{burst.case_id}" in page
    page = client.get(f"/cases/{burst.case_id}").get_data(as_text=True)
    assert f"案件 {third.id} 在发现群发之前由其中一条消息开立，已并入本案件" in page
    assert f"案件 {second.id}（审核中）也按本规则审理本次群发中的消息" in page


@pytest.mark.postgres_only  # SQLite serialises its writers; PostgreSQL lets the ingestions race
def test_concurrent_ingestions_of_one_burst_open_one_case(app, put, day, make_merchant):
    make_merchant("m-1")
    for n in (1, 2):  # below the threshold: no burst yet
        put(sent(n, AD, day, hour=8 + n), now=at(day, 11))
    payloads = [sent(n, AD_VARIANT if n % 2 else AD, day, hour=11 + n) for n in range(3, 7)]

    def work(payload: dict) -> None:
        ingest(ACTOR, copy.deepcopy(payload), now=at(day, 20))
        db.session.commit()

    run_concurrently(app, work, payloads)
    db.session.expire_all()
    (burst,) = all_of(MassSending)
    case = db.session.get(Case, burst.case_id)
    assert [c.external_id for c, _ in conversations_of(case)] == [f"c-{n}" for n in range(1, 7)]
    assert len(mass_flags(case)) == 6
    assert case.flag_count >= 6
    assert len([c for c in ads_cases() if mass_flags(c)]) == 1


@pytest.mark.postgres_only
def test_concurrent_ingestions_fold_every_per_conversation_case(app, put, day, make_merchant):
    make_merchant("m-1")
    for n in (1, 2):  # each opens its own ads case: no burst yet
        put(sent(n, JOB_AD, day, hour=8 + n), now=at(day, 11))
    payloads = [sent(n, JOB_AD, day, hour=11 + n) for n in range(3, 7)]

    def work(payload: dict) -> None:
        ingest(ACTOR, copy.deepcopy(payload), now=at(day, 20))
        db.session.commit()

    run_concurrently(app, work, payloads)
    db.session.expire_all()
    (burst,) = all_of(MassSending)
    assert {f.case_id for f in all_of(Flag, rule_code="zbj.ads_spam")} == {burst.case_id}
    assert [c.id for c in ads_cases() if c.status is not CaseStatus.dismissed] == [burst.case_id]
