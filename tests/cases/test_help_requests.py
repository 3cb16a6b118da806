"""A help request or escalation shows its reason to the senior reviewers, in the queue and on the case;
their answer goes back to the reviewer who asked."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.cases import claims, help_requests
from backoffice.cases.help_requests import HelpKind, HelpRequest
from backoffice.extensions import db
from backoffice.notifications.models import Notification
from tests.builders import web
from tests.concurrency import exactly_one, race


def _notes(user) -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Notification).filter_by(user_id=user.id).order_by(Notification.id)))


@pytest.fixture
def seniors(make_user):
    return make_user("senior_reviewer", "sen"), make_user("manager", "boss")


def test_escalating_keeps_the_reason_and_tells_the_seniors(claimed, seniors):
    case, alice = claimed
    claims.escalate(web(alice), case, alice, "疑似团伙作案，需要资深判断")
    db.session.commit()
    (request,) = help_requests.requests_of(case)
    assert (request.kind, request.reason, request.asked_by_id) == (HelpKind.escalation, "疑似团伙作案，需要资深判断",
                                                                   alice.id)
    for senior in seniors:
        (note,) = _notes(senior)
        assert note.title == f"案件 {case.id} 已升级给高级审核员"
        assert note.body == "alice：疑似团伙作案，需要资深判断"
        assert note.link == f"/cases/{case.id}#help"
    assert _notes(alice) == []  # not told about their own request


def test_the_queue_and_the_case_show_the_reason_to_a_senior(client, login, claimed, seniors):
    case, alice = claimed
    claims.hold(web(alice), case, alice, "这个号码算不算联系方式？")
    db.session.commit()
    login("sen")
    queue = client.get("/cases?status=on_hold").get_data(as_text=True)
    assert "这个号码算不算联系方式？" in queue
    assert "已请求协助" in queue  # the kind in words, not "help"
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert 'id="help"' in page
    assert "这个号码算不算联系方式？" in page
    assert f'action="/cases/{case.id}/help/' in page  # the answer form


def test_the_answer_goes_back_to_the_reviewer_who_asked(client, login, claimed, seniors):
    case, alice = claimed
    claims.hold(web(alice), case, alice, "这个号码算不算联系方式？")
    db.session.commit()
    request = help_requests.requests_of(case)[0]
    login("sen")
    response = client.post(f"/cases/{case.id}/help/{request.id}/answer", data={"answer": "算，按站外联系处理"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/cases/{case.id}#help")
    (note,) = _notes(alice)
    assert note.title == f"你在案件 {case.id} 上的求助已有答复"
    assert note.body == "sen：算，按站外联系处理"
    client.post("/logout")
    login("alice")
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "算，按站外联系处理" in page
    assert "sen 的答复" in page


def test_a_second_answer_is_refused_and_the_first_stands(client, login, claimed, seniors):
    case, alice = claimed
    claims.escalate(web(alice), case, alice, "需要资深判断")
    db.session.commit()
    request = help_requests.requests_of(case)[0]
    login("sen")
    client.post(f"/cases/{case.id}/help/{request.id}/answer", data={"answer": "第一条答复"})
    response = client.post(f"/cases/{case.id}/help/{request.id}/answer", data={"answer": "第二条"},
                           follow_redirects=True)
    assert "该求助已有人答复。" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(HelpRequest, request.id).answer == "第一条答复"


def test_a_reviewer_cannot_answer_and_an_empty_answer_is_refused(client, login, claimed, seniors, make_user):
    case, alice = claimed
    claims.hold(web(alice), case, alice, "请帮忙")
    db.session.commit()
    request = help_requests.requests_of(case)[0]
    make_user("reviewer", "bob")
    login("bob")
    page = client.post(f"/cases/{case.id}/help/{request.id}/answer", data={"answer": "我来"},
                       follow_redirects=True).get_data(as_text=True)
    assert "只有高级审核员和经理可以答复求助。" in page
    client.post("/logout")
    login("sen")
    page = client.post(f"/cases/{case.id}/help/{request.id}/answer", data={"answer": "  "},
                       follow_redirects=True).get_data(as_text=True)
    assert "请填写答复。" in page
    assert client.post(f"/cases/{case.id + 1}/help/{request.id}/answer", data={"answer": "x"}).status_code == 404
    db.session.expire_all()
    assert db.session.get(HelpRequest, request.id).answered_at is None


def test_answering_needs_a_csrf_token(csrf_app, claimed, seniors, login):
    case, alice = claimed
    claims.hold(web(alice), case, alice, "请帮忙")
    db.session.commit()
    request = help_requests.requests_of(case)[0]
    client = csrf_app.test_client()
    client.post("/login", data={"login": "sen", "password": "correct-horse-battery"})
    assert client.post(f"/cases/{case.id}/help/{request.id}/answer", data={"answer": "x"}).status_code == 400


@pytest.mark.postgres_only
def test_two_seniors_answering_at_once_answer_once(app, claimed, seniors):
    case, alice = claimed
    claims.escalate(web(alice), case, alice, "需要资深判断")
    db.session.commit()
    request_id = help_requests.requests_of(case)[0].id
    ids = [s.id for s in seniors]
    db.session.commit()
    outcomes = race(app, lambda i: help_requests.answer(
        web(db.session.get(User, ids[i])), db.session.get(HelpRequest, request_id), f"答复 {i}"), n=2)
    exactly_one(outcomes)
    assert len(_notes(alice)) == 1
