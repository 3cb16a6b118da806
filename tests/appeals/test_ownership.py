"""A merchant sees only its own data on every route, by guessing ids; fraud reports (ZBJ only)."""

from __future__ import annotations

import difflib
import io
import re

import pytest
import sqlalchemy as sa
from flask import current_app

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import ExamAttempt
from backoffice.cases.models import Case, CaseKind, Verdict
from backoffice.extensions import db
from backoffice.notifications.models import Notification
from tests.builders import web

from .conftest import png

MISSING = 987654
PORTAL_ROUTES = {  # every route of the merchant portal; a new one must be added here (and tested below)
    "portal.index", "portal.ruling", "portal.notifications", "portal.mark_read", "portal.conversations",
    "portal.fraud_report", "merchant_appeals.appeal", "merchant_appeals.evidence", "merchant_appeals.exam",
    "merchant_appeals.supplement", "portal.service_quality", "portal.conversation",
}


@pytest.fixture
def world(merchant_user, ruling_for, staff):
    """Merchant A (the one signed in) and the data of merchants B (ZBJ) and C (Taobao)."""
    a, b, c = merchant_user("shop-a"), merchant_user("shop-b"), merchant_user("shop-c", platform="taobao")
    own = ruling_for(a.merchant)
    b_ruling, c_ruling = ruling_for(b.merchant), ruling_for(c.merchant, "taobao.ads_non_sale_listing")
    b_appeal = appeals.start(web(b), b_ruling)
    appeals.save_statement(web(b), b_appeal, "B 的申诉")
    b_photo = appeals.add_evidence(web(b), b_appeal, io.BytesIO(png()), "b.png")
    appeals.submit(web(b), b_appeal)
    c_attempt = ExamAttempt(ruling_id=c_ruling.id, merchant_id=c.merchant_id, question_ids=["tb-q1"])
    db.session.add(c_attempt)
    db.session.commit()
    return dict(a=a, own=own, b_ruling=b_ruling, b_appeal=b_appeal, b_photo=b_photo, c_ruling=c_ruling,
                c_attempt=c_attempt, b_conversation=b_ruling.case.conversation_id,
                c_conversation=c_ruling.case.conversation_id)


def page_difference(theirs, their_url: str, missing, missing_url: str) -> list[str]:
    """How two pages differ apart from their own address (the language switch echoes it) and CSRF token."""
    def strip(response, url):
        text = re.sub(r'name="csrf_token" value="[^"]*"', "", response.get_data(as_text=True))  # time-stamped
        return text.replace(url, "").replace(url.split("?")[0], "").splitlines()

    return list(difflib.unified_diff(strip(theirs, their_url), strip(missing, missing_url), lineterm="", n=0))


PDF = "rulings.merchant_pdf"  # the ruling as a PDF, where that feature is installed


def test_the_route_list_is_complete(app):
    endpoints = {r.endpoint for r in current_app.url_map.iter_rules()
                 if r.endpoint.startswith("portal.") or r.rule.startswith("/merchant/")}
    assert PORTAL_ROUTES <= endpoints <= PORTAL_ROUTES | {PDF}


def test_guessed_ids_look_exactly_like_missing_ones(client, login, world):
    login("shop-a")
    w = world
    guesses = [
        ("get", "/merchant/rulings/{}", w["b_ruling"].id, {}),
        ("get", "/merchant/rulings/{}", w["c_ruling"].id, {}),
        ("get", "/merchant/rulings/{}/appeal", w["b_ruling"].id, {}),
        ("post", "/merchant/rulings/{}/appeal", w["b_ruling"].id, {"statement": "偷看", "action": "submit"}),
        ("post", "/merchant/rulings/{}/appeal/supplements", w["b_ruling"].id, {"text": "偷看"}),
        ("get", "/merchant/evidence/{}", w["b_photo"].id, {}),
        ("get", "/merchant/evidence/{}?thumb=1", w["b_photo"].id, {}),
        ("get", "/merchant/rulings/{}/exam", w["c_ruling"].id, {}),
        ("post", "/merchant/rulings/{}/exam", w["c_ruling"].id, {"attempt": w["c_attempt"].id}),
        ("get", "/merchant/conversations/{}", w["b_conversation"], {}),
        ("get", "/merchant/conversations/{}", w["c_conversation"], {}),
        ("post", "/merchant/conversations/{}/fraud-report", w["b_conversation"], {"text": "诈骗"}),
        ("post", "/merchant/conversations/{}/fraud-report", w["c_conversation"], {"text": "诈骗"}),
    ]
    if PDF in current_app.view_functions:
        guesses.append(("get", "/merchant/rulings/{}.pdf", w["b_ruling"].id, {}))
    for method, url, other, data in guesses:
        theirs = getattr(client, method)(url.format(other), data=data)
        missing = getattr(client, method)(url.format(MISSING), data=data)
        assert theirs.status_code == missing.status_code == 404, (url, other)
        difference = page_difference(theirs, url.format(other), missing, url.format(MISSING))
        assert difference == [], (url, *difference)
    # Another merchant's exam attempt, sent to one's own ruling.
    response = client.post(f"/merchant/rulings/{w['own'].id}/exam", data={"attempt": w["c_attempt"].id})
    assert response.status_code == 404
    db.session.expire_all()
    assert w["b_appeal"].statement == "B 的申诉"
    assert w["b_appeal"].supplements == []
    assert w["c_attempt"].submitted_at is None
    assert db.session.scalars(sa.select(Case).filter_by(kind=CaseKind.fraud_report)).all() == []


def test_lists_show_only_the_merchants_own_data(client, login, world):
    login("shop-a")
    w = world
    index = client.get("/merchant").get_data(as_text=True)
    assert f'/merchant/rulings/{w["own"].id}"' in index
    for other in (w["b_ruling"], w["c_ruling"]):
        assert f'/merchant/rulings/{other.id}"' not in index
    conversations = client.get("/merchant/conversations").get_data(as_text=True)
    own_conv = db.session.get(Case, w["own"].case_id).conversation
    assert own_conv.external_id in conversations
    for other in (w["b_ruling"], w["c_ruling"]):
        assert other.case.conversation.external_id not in conversations
    notes = client.get("/merchant/notifications").get_data(as_text=True)
    from backoffice.rulings.facts import ruling_number

    assert f"Ruling {ruling_number(w['own'])}:" in notes
    assert f"Ruling {ruling_number(w['b_ruling'])}:" not in notes
    client.post("/merchant/notifications/read")
    others = db.session.scalars(sa.select(Notification).where(Notification.user_id != w["a"].id)).all()
    assert others
    assert all(n.read_at is None for n in others)


def test_staff_routes_and_the_reviewer_api_are_closed_to_merchants(client, login, token, world):
    w = world
    login("shop-a")
    for url in ("/appeals", f"/appeals/{w['b_appeal'].id}", f"/appeals/evidence/{w['b_photo'].id}"):
        assert client.get(url).status_code == 403, url
    for url in (f"/appeals/{w['b_appeal'].id}/request-evidence", f"/appeals/{w['b_appeal'].id}/decision"):
        data = {"outcome": "overturned", "reason": "x", "message": "x"}
        assert client.post(url, data=data).status_code == 403, url
    headers = token("shop-a", "appeal", "read")
    assert client.get("/api/v1/appeals", headers=headers).status_code == 403
    for auth in (headers, {}):  # the token, then the signed-in session
        response = client.post(f"/api/v1/appeals/{w['b_appeal'].id}/decision", headers=auth,
                               json={"outcome": "overturned", "reason": "x"})
        assert response.status_code == 403, response.get_json()
    db.session.expire_all()
    assert w["b_appeal"].outcome is None


def test_the_appeals_api_hides_other_merchants(client, token, world, count_rows):
    w = world
    headers = token("shop-a", "appeal", "read")
    for url in (f"/api/v1/appeals/{w['b_appeal'].id}", f"/api/v1/appeals/{MISSING}"):
        response = client.get(url, headers=headers)
        assert response.status_code == 404, url
        assert response.get_json()["error"]["code"] == "not_found", url
    for case_id in (w["b_ruling"].case_id, w["c_ruling"].case_id, MISSING):
        response = client.post(f"/api/v1/cases/{case_id}/appeal", headers=headers,
                               content_type="multipart/form-data",
                               data={"statement": "偷", "files": [(io.BytesIO(png()), "x.png")]})
        assert response.status_code == 404, case_id
    response = client.post(f"/api/v1/appeals/{w['b_appeal'].id}/supplements", headers=headers,
                           content_type="multipart/form-data", data={"text": "偷"})
    assert response.status_code == 404
    assert w["b_appeal"].supplements == []
    assert count_rows(type(w["b_appeal"])) == 1
    own = client.post(f"/api/v1/cases/{w['own'].case_id}/appeal", headers=headers,
                      data={"statement": "我的申诉"}, content_type="multipart/form-data")
    assert own.status_code == 201
    assert own.get_json()["status"] == "submitted"
    mine = client.get(f"/api/v1/appeals/{own.get_json()['id']}", headers=headers)
    assert mine.status_code == 200
    assert mine.get_json()["statement"] == "我的申诉"
    senior = token("senior", "read")
    queue = client.get("/api/v1/appeals", headers=senior).get_json()["appeals"]
    assert {a["id"] for a in queue} == {w["b_appeal"].id, own.get_json()["id"]}


def test_fraud_report_becomes_a_case_for_reviewers(client, login, merchant_user, ruling_for, staff,
                                                    count_rows):
    user = merchant_user("zbj-shop")
    conversation = ruling_for(user.merchant).case.conversation
    login("zbj-shop")
    listing = client.get("/merchant/conversations").get_data(as_text=True)
    assert f'/merchant/conversations/{conversation.id}"' in listing  # read the conversation first
    page = client.get(f"/merchant/conversations/{conversation.id}").get_data(as_text=True)
    assert f"/merchant/conversations/{conversation.id}/fraud-report" in page
    before = count_rows(Case)
    client.post(f"/merchant/conversations/{conversation.id}/fraud-report", data={"text": "  "})
    assert count_rows(Case) == before  # a report needs a description
    response = client.post(f"/merchant/conversations/{conversation.id}/fraud-report",
                           data={"text": "客户收货后拒付并威胁差评"}, follow_redirects=True)
    assert "Your report was sent to the reviewers" in response.get_data(as_text=True)
    report = db.session.scalars(sa.select(Case).filter_by(kind=CaseKind.fraud_report)).one()
    assert report.merchant_id == user.merchant_id
    assert report.conversation_id == conversation.id
    client.post("/logout")
    login("rev")
    assert f"/cases/{report.id}" in client.get("/cases").get_data(as_text=True)
    # Judging the report never penalises the reporting merchant; the merchant is told the outcome.
    ruling = decide_fraud_report(report, staff.reviewer)
    assert ruling.penalty_decision_id is None
    assert db.session.scalars(sa.select(Notification).filter_by(user_id=user.id, kind="fraud_report")).one()


def decide_fraud_report(case, reviewer):
    from backoffice.cases import claims, decisions

    claims.claim(web(reviewer), case, reviewer)
    ruling = decisions.decide(web(reviewer), case, decisions.DecisionInput(
        verdict=Verdict.violation, rationale="客户确有诈骗行为", rule_code="zbj.customer_fraud",
        severity="general"), expected_version=case.version)
    db.session.commit()
    return ruling


def test_taobao_merchants_cannot_report_fraud(client, login, merchant_user, ruling_for, count_rows):
    user = merchant_user("tb-shop", platform="taobao")
    conversation = ruling_for(user.merchant, "taobao.ads_non_sale_listing").case.conversation
    login("tb-shop")
    page = client.get("/merchant/conversations").get_data(as_text=True)
    assert conversation.external_id in page
    assert "fraud-report" not in page
    assert "fraud-report" not in client.get(f"/merchant/conversations/{conversation.id}").get_data(as_text=True)
    before = count_rows(Case)
    response = client.post(f"/merchant/conversations/{conversation.id}/fraud-report", data={"text": "诈骗"})
    assert response.status_code == 404
    assert count_rows(Case) == before
    url = "/merchant/conversations/{}/fraud-report"
    missing = client.post(url.format(MISSING), data={"text": "诈骗"})
    assert page_difference(response, url.format(conversation.id), missing, url.format(MISSING)) == []
