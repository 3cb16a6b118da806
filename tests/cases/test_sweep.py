"""The daily manual sweep (ZBJ seed 000): "平台除了风险系统识别,人工每天也会全部排查此类行为".

A reviewer opens a case on merchant messages the detector missed, from the conversation's page or the API.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from backoffice.audit.models import AuditEvent
from backoffice.cases.models import Case, CaseNote, Flag, FlagSource
from backoffice.cases.sweep import SweepConflict, SweepError, open_sweep_case
from backoffice.conversations.models import Conversation, Message
from backoffice.dashboard.metrics import cases_by_origin
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.ledger.models import LedgerEntry
from backoffice.timeutil import platform_day_bounds, to_platform_tz
from tests.builders import CLI, web
from tests.concurrency import race

# Variant spellings the detector lets through ("不断变异敏感词发送……没有进入风险系统触发警告").
MISSED = "加我那个绿色软件，号是我名字拼音"


@pytest.fixture
def missed(app, make_merchant, monkeypatch):
    """A ZBJ conversation the detector did not flag (it misses the variant here): no case, no flag."""
    from backoffice.ingest import operations

    monkeypatch.setattr(operations, "scan_conversation", lambda *args, **kwargs: [])
    make_merchant("m-1")
    now = utcnow()
    # Today on the platform's calendar (Asia/Shanghai), as the sweep list reads it: an hour ago is
    # yesterday there from 00:00 to 01:00 (16:00-17:00 UTC).
    start = max(now - timedelta(hours=1), platform_day_bounds(to_platform_tz(now).date())[0])
    ingest(CLI, {"platform": "zbj", "external_id": "sw-1", "channel": "im",
                 "merchant": {"external_id": "m-1", "name": "重庆山城品牌设计工作室"},
                 "customer": {"external_id": "u-1", "name": "王女士"},
                 "messages": [{"external_id": str(n), "sender_role": role, "sent_at": (start + timedelta(seconds=n))
                               .isoformat(), "text": text}
                              for n, (role, text) in enumerate([("customer", "logo多少钱"), ("merchant", MISSED),
                                                                ("customer", "好的")], 1)]})
    db.session.commit()
    conv = db.session.scalar(sa.select(Conversation).filter_by(external_id="sw-1"))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Flag)) == 0
    return conv


def _ids(conv: Conversation, *external_ids: str) -> list[int]:
    return [db.session.scalar(sa.select(Message.id).filter_by(conversation_id=conv.id, external_id=e))
            for e in external_ids]


def test_a_sweep_case_is_marked_found_by_sweep_waits_for_review_and_counts(missed, make_user):
    alice = make_user("reviewer", login="alice")
    case = open_sweep_case(web(alice), missed, _ids(missed, "2"), "zbj.offsite_contact", "变体引导加微信")
    db.session.commit()
    (flag,) = case.flags
    assert (flag.source, flag.detector, flag.message.external_id, flag.rule_code) == (
        FlagSource.sweep, "manual_sweep", "2", "zbj.offsite_contact")
    assert (case.status.value, case.has_detector, case.has_report) == ("open", False, False)
    # Automatic measures follow the system's trigger only ("系统将自动执行搜索排序降权"): none here.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LedgerEntry).where(
        LedgerEntry.case_id == case.id)) == 0
    assert [n.body for n in db.session.scalars(sa.select(CaseNote).filter_by(case_id=case.id))] == ["变体引导加微信"]
    assert db.session.scalar(sa.select(AuditEvent.after).filter_by(action="case.sweep"))["messages"] == ["2"]
    assert dict(cases_by_origin(7))["sweep"] == 1


# (messages, rule, note, refusal)
REFUSALS = [
    pytest.param(["1"], "zbj.offsite_contact", "x", "merchant's own", id="雇主的消息-不是服务商的违规"),
    pytest.param([], "zbj.offsite_contact", "x", "Choose the messages", id="未选消息"),
    pytest.param(["2"], "taobao.malicious_harassment", "x", "platform's rules", id="别的平台的规则"),
    pytest.param(["2"], "zbj.no_such_rule", "x", "platform's rules", id="没有这条规则"),
    pytest.param(["2"], "zbj.offsite_contact", " ", "Say what you found", id="未说明发现了什么"),
    pytest.param(["2"], "zbj.offsite_contact", "字" * 2001, "at most 2000 characters", id="说明超过2000字"),
]


@pytest.mark.parametrize(("messages", "rule", "note", "refusal"), REFUSALS)
def test_a_sweep_finding_is_refused_when_it_cannot_stand(missed, make_user, messages, rule, note, refusal):
    alice = make_user("reviewer", login="alice")
    with force_locale("en"), pytest.raises(SweepError, match=refusal):
        open_sweep_case(web(alice), missed, _ids(missed, *messages), rule, note)


def test_a_second_sweep_of_the_same_messages_names_the_open_case(missed, make_user):
    alice = make_user("reviewer", login="alice")
    first = open_sweep_case(web(alice), missed, _ids(missed, "2"), "zbj.offsite_contact", "变体")
    db.session.commit()
    with force_locale("en"), pytest.raises(SweepConflict, match=f"Case {first.id} is already open"):
        open_sweep_case(web(alice), missed, _ids(missed, "2"), "zbj.offsite_contact", "又看到")


@pytest.mark.postgres_only  # SQLite serialises its writers; PostgreSQL lets two reviewers race
def test_two_reviewers_sweeping_the_same_messages_at_once_open_one_case_and_the_other_gets_409(app, missed,
                                                                                               make_user):
    reviewers = [make_user("reviewer", login=f"r{i}").id for i in range(2)]
    conversation_id, message_ids = missed.id, _ids(missed, "2")
    db.session.commit()

    def attempt(i: int) -> None:
        from backoffice.accounts.models import User

        user = db.session.get(User, reviewers[i])
        open_sweep_case(web(user), db.session.get(Conversation, conversation_id), message_ids,
                        "zbj.offsite_contact", f"reviewer {i}")

    outcomes = race(app, attempt, n=2)
    assert sorted(type(o).__name__ for o in outcomes) == ["NoneType", "SweepConflict"]
    assert [o.status for o in outcomes if o is not None] == [409]
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Case)) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Flag)) == 1


def test_a_reviewer_opens_a_sweep_case_from_the_conversation_page(missed, make_user, login, client):
    make_user("reviewer", login="alice")
    login("alice")
    listing = client.get("/conversations").get_data(as_text=True)
    assert "sw-1" in listing
    page = client.get(f"/conversations/{missed.id}").get_data(as_text=True)
    assert MISSED in page
    assert 'name="messages"' in page
    response = client.post(f"/conversations/{missed.id}/cases", data={
        "messages": _ids(missed, "2"), "rule": "zbj.offsite_contact", "note": "变体引导加微信"})
    (case,) = db.session.scalars(sa.select(Case))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/cases/{case.id}")
    again = client.post(f"/conversations/{missed.id}/cases", data={
        "messages": _ids(missed, "2"), "rule": "zbj.offsite_contact", "note": "再次"})
    assert again.status_code == 409
    assert "sw-1" not in client.get("/conversations").get_data(as_text=True)  # flagged now: off the sweep list



@pytest.mark.parametrize("query", ["day=9999-12-31", "day=0001-01-01", "day=2026-02-30", "day=x"])
def test_the_sweep_list_shows_today_for_a_day_it_cannot_read(missed, make_user, login, client, query):
    make_user("reviewer", login="alice")
    login("alice")
    response = client.get(f"/conversations?{query}")
    assert response.status_code == 200
    assert "sw-1" in response.get_data(as_text=True)  # today's conversation


def test_a_message_id_beyond_any_id_is_a_form_error_not_a_crash(missed, make_user, login, client):
    make_user("reviewer", login="alice")
    login("alice")
    response = client.post(f"/conversations/{missed.id}/cases", data={
        "messages": ["99999999999999999999999"], "rule": "zbj.offsite_contact", "note": "变体"})
    assert response.status_code in (400, 422)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Case)) == 0
