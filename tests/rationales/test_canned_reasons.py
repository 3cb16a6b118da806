"""Canned reasons: kept by managers, offered per rule on the case page with their placeholders filled in."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.rationales.models import CannedReason
from backoffice.rationales.render import fill
from tests.cases.conftest import RULE

BODY = "商家发送{quote}，引导线下交易。处理：{measure}。"


def _add(client, **overrides):
    form = {"rule_code": RULE, "verdict": "violation", "severity": "general", "title": "引导站外联系",
            "body": BODY, "position": "0", **overrides}
    return client.post("/rationales", data=form)


@pytest.fixture
def boss(make_user, login):
    user = make_user("manager", "boss")
    login("boss")
    return user


def test_a_manager_adds_changes_and_removes_a_canned_reason(client, boss, count_rows):
    assert _add(client).status_code == 302
    reason = db.session.scalars(sa.select(CannedReason)).one()
    page = client.get("/rationales").get_data(as_text=True)
    assert "引导站外联系" in page
    assert ">zbj.offsite_contact<" not in page  # the rule is named, not coded
    response = client.post(f"/rationales/{reason.id}", data={
        "rule_code": RULE, "verdict": "no_violation", "severity": "", "title": "买家主动提供", "body": "买家主动提供。",
        "position": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    assert (reason.verdict.value, reason.severity, reason.title) == ("no_violation", None, "买家主动提供")
    assert client.post(f"/rationales/{reason.id}/delete").status_code == 302
    assert count_rows(CannedReason) == 0
    actions = db.session.scalars(sa.select(AuditEvent.action).where(AuditEvent.subject_type == "canned_reason")).all()
    assert actions == ["canned_reason.save", "canned_reason.save", "canned_reason.remove"]


def test_bad_input_is_said_not_saved(client, boss, count_rows):
    assert _add(client, body="").status_code == 422
    assert _add(client, rule_code="zbj.nope").status_code == 422
    assert count_rows(CannedReason) == 0


def test_only_managers_keep_canned_reasons(client, make_user, login):
    make_user("reviewer", "alice")
    login("alice")
    assert client.get("/rationales").status_code == 403
    assert _add(client).status_code == 403


def test_the_form_needs_its_csrf_token(client, boss, count_rows, csrf_app):
    response = _add(client)  # signed in before CSRF was switched on; the form itself carries no token
    assert response.status_code == 400
    assert count_rows(CannedReason) == 0


def test_only_the_two_placeholders_are_filled_in():
    assert fill("{quote} {measure} {other} {0.__class__}", "「加微信」", "扣 40 分") == \
        "「加微信」 扣 40 分 {other} {0.__class__}"
