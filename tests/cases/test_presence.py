"""Issue 22: who else has a case open, from the case page's ping (POST /cases/<id>/viewers)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.cases import presence
from backoffice.cases.presence import CaseViewer
from backoffice.db import utcnow
from backoffice.extensions import db
from tests.concurrency import run_concurrently


def _named(user, name: str):
    user.display_name = name
    db.session.commit()
    return user


def test_a_reviewer_sees_the_colleague_who_has_the_case_open(client, login, claimed, make_user):
    case, alice = claimed
    _named(make_user("senior_reviewer", "li"), "李强")
    login("li")
    first = client.post(f"/cases/{case.id}/viewers")
    assert first.status_code == 200
    assert first.json["viewers"] == []  # nobody else yet
    assert first.json["every"] == 20
    client.post("/logout")
    login("alice")
    body = client.post(f"/cases/{case.id}/viewers").json
    assert body["viewers"] == [{"name": "李强", "role": "资深审核员"}]
    assert body["text"] == "李强（资深审核员）"


def test_the_line_is_in_the_readers_language_and_lists_everyone_else(client, login, claimed, make_user):
    case, alice = claimed
    now = utcnow()
    for login_name, role in (("li", "senior_reviewer"), ("wang", "manager")):
        presence.seen(case.id, make_user(role, login_name).id, now)
    db.session.commit()
    login("alice")
    client.post("/language", data={"lang": "en"})
    body = client.post(f"/cases/{case.id}/viewers").json
    assert body["text"] in ("li (Senior reviewer), wang (Manager)", "wang (Manager), li (Senior reviewer)")


def test_someone_not_seen_for_45_seconds_has_left(client, login, claimed, make_user):
    case, alice = claimed
    li, wang = make_user("senior_reviewer", "li"), make_user("reviewer", "wang")
    presence.seen(case.id, li.id, utcnow() - timedelta(seconds=50))
    presence.seen(case.id, wang.id, utcnow() - timedelta(seconds=10))
    db.session.commit()
    login("alice")
    assert [v["name"] for v in client.post(f"/cases/{case.id}/viewers").json["viewers"]] == ["wang"]


def test_a_disabled_account_is_not_listed(client, login, claimed, make_user):
    case, alice = claimed
    li = make_user("reviewer", "li")
    presence.seen(case.id, li.id)
    li.is_enabled = False
    db.session.commit()
    login("alice")
    assert client.post(f"/cases/{case.id}/viewers").json["viewers"] == []


def test_pings_update_one_row_and_write_no_audit_entry(client, login, claimed):
    case, alice = claimed
    login("alice")
    audit_before = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))
    for _ in range(3):
        assert client.post(f"/cases/{case.id}/viewers").status_code == 200
    db.session.expire_all()
    rows = db.session.scalars(sa.select(CaseViewer)).all()
    assert [(r.case_id, r.user_id) for r in rows] == [(case.id, alice.id)]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == audit_before


def test_rows_older_than_an_hour_are_dropped_when_the_case_is_pinged(claimed, make_user):
    case, alice = claimed
    li = make_user("reviewer", "li")
    presence.seen(case.id, li.id, utcnow() - timedelta(hours=2))
    presence.seen(case.id, alice.id)
    db.session.commit()
    assert db.session.scalars(sa.select(CaseViewer.user_id)).all() == [alice.id]


def test_the_case_page_carries_the_polling_line_and_its_script(client, login, claimed):
    case, alice = claimed
    login("alice")
    html = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert f'data-url="/cases/{case.id}/viewers"' in html
    assert "同时在看：" in html
    assert "js/viewers.js" in html


@pytest.mark.parametrize(("role", "status"), [("merchant", 403), (None, 302)])
def test_only_staff_may_ping(client, login, claimed, make_user, role, status):
    case, alice = claimed
    if role:
        make_user(role, "someone")
        login("someone")
    assert client.post(f"/cases/{case.id}/viewers").status_code == status
    assert db.session.scalars(sa.select(CaseViewer)).all() == []


def test_a_missing_case_is_404_and_a_get_is_405(client, login, claimed):
    case, alice = claimed
    login("alice")
    assert client.post("/cases/999999/viewers").status_code == 404
    assert client.get(f"/cases/{case.id}/viewers").status_code == 405


def test_the_ping_needs_the_csrf_token(csrf_app, client, claimed):
    case, alice = claimed
    page = client.get("/login").get_data(as_text=True)
    import re

    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/login", data={"login": "alice", "password": "correct-horse-battery", "csrf_token": token})
    assert client.post(f"/cases/{case.id}/viewers").status_code == 400
    html = client.get(f"/cases/{case.id}").get_data(as_text=True)
    header = re.search(r'data-csrf="([^"]+)"', html).group(1)
    assert client.post(f"/cases/{case.id}/viewers", headers={"X-CSRFToken": header}).status_code == 200


@pytest.mark.postgres_only
def test_pings_from_two_tabs_at_once_keep_one_row(app, claimed, make_user):
    case, alice = claimed
    case_id, people = case.id, (alice.id, make_user("reviewer", "li").id)
    db.session.commit()

    def ping(i: int) -> None:
        presence.seen(case_id, people[i % 2])
        db.session.commit()

    run_concurrently(app, ping, range(6))
    db.session.expire_all()
    assert sorted(db.session.scalars(sa.select(CaseViewer.user_id)).all()) == sorted(people)
