"""The managers' statements page: who may use it, CSRF, filters, problems shown."""

from __future__ import annotations

import re

import pytest

from backoffice.extensions import db
from tests.transparency.conftest import statements


@pytest.fixture
def row(open_case):
    open_case()
    return statements()[0]


@pytest.mark.parametrize("role", ["reviewer", "senior_reviewer", "merchant"])
def test_reviewers_and_merchants_are_refused(client, login, make_user, row, role):
    make_user(role, "someone")
    login("someone")
    for url in ("/statements", f"/statements/{row.id}", "/statements/batches/x.json"):
        assert client.get(url).status_code == 403, url
    assert client.post("/statements/export", data={"format": "zip"}).status_code == 403
    assert client.post("/statements/check").status_code == 403
    assert client.post(f"/statements/{row.id}/rebuild").status_code == 403
    db.session.expire_all()
    assert statements()[0].exported_at is None


@pytest.mark.parametrize("role", ["manager", "admin"])
def test_managers_and_admins_see_the_page_and_the_nav_item(client, login, make_user, row, role):
    make_user(role, "boss")
    login("boss")
    page = client.get("/statements")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'href="/statements"' in html  # the nav item
    assert row.puid in html
    assert client.get(f"/statements/{row.id}").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, row):
    response = client.get("/statements")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_posts_need_the_csrf_token(csrf_app, client, login, make_user, row):
    make_user("manager", "boss")
    page = client.get("/login")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True)).group(1)
    client.post("/login", data={"login": "boss", "password": "correct-horse-battery", "csrf_token": token})
    assert client.post("/statements/export", data={"format": "zip"}).status_code == 400
    assert client.post("/statements/check").status_code == 400
    db.session.expire_all()
    assert statements()[0].exported_at is None
    listing = client.get("/statements").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', listing).group(1)
    ok = client.post("/statements/export", data={"format": "zip", "csrf_token": token})
    assert ok.status_code == 200
    assert ok.mimetype == "application/zip"


def test_problems_are_shown_and_filters_apply(client, login, make_user, open_case, decide):
    case = open_case()
    decide(case)
    automatic, decided = statements()
    decided.payload = {**decided.payload, "decision_facts": decided.payload["decision_facts"] + " 13800138000"}
    db.session.commit()
    make_user("manager", "boss")
    login("boss")
    assert client.post("/statements/check", data={}).status_code == 302
    html = client.get("/statements").get_data(as_text=True)
    assert "personal data in decision_facts: phone number (138******00)" in html
    assert "13800138000" not in html
    only_automatic = client.get("/statements?trigger=automatic").get_data(as_text=True)
    assert automatic.puid in only_automatic
    assert decided.puid not in only_automatic
    assert decided.puid not in client.get("/statements?until=2000-01-01").get_data(as_text=True)
    client.post("/statements/export", data={"format": "zip"})
    db.session.expire_all()
    assert decided.puid in client.get("/statements?state=pending").get_data(as_text=True)
    exported = client.get("/statements?state=exported").get_data(as_text=True)
    assert automatic.puid in exported
    assert decided.puid not in exported
    detail = client.get(f"/statements/{decided.id}").get_data(as_text=True)
    assert "personal data in decision_facts" in detail
    assert "DECISION_PROVISION_PARTIAL_SUSPENSION" in detail


def test_a_manager_rebuilds_a_pending_statement_but_not_an_exported_one(client, login, make_user, row):
    good = row.payload
    row.payload = {**row.payload, "content_date": "1999-12-31"}
    db.session.commit()
    make_user("manager", "boss")
    login("boss")
    assert client.post(f"/statements/{row.id}/rebuild").status_code == 302
    db.session.expire_all()
    fresh = statements()[0]
    assert fresh.payload == good
    assert fresh.problems == []
    client.post("/statements/export", data={"format": "zip"})
    client.post(f"/statements/{row.id}/rebuild")
    db.session.expire_all()
    assert statements()[0].payload == good
    assert statements()[0].exported_at is not None
    assert client.post("/statements/999/rebuild").status_code == 404
