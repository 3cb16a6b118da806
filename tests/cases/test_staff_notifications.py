"""Staff notifications: approvals waiting for the managers, cases past their deadline, and the badge
in the navigation that clears as notifications are read."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.cases import claims, decisions
from backoffice.cases.models import Case
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.notifications.models import Notification
from backoffice.notifications.staff import notify_overdue
from tests.builders import web
from tests.cases.conftest import bulk_cases, violation
from tests.concurrency import run_concurrently


def _notes(user) -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Notification).filter_by(user_id=user.id).order_by(Notification.id)))


def test_a_decision_held_for_approval_tells_the_managers(claimed, make_user):
    case, alice = claimed
    boss = make_user("manager", "boss")
    # A serious offence removes the shop: a manager approves it.
    decisions.decide(web(alice), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    assert case.status.value == "awaiting_approval"
    (note,) = _notes(boss)
    assert note.title == f"案件 {case.id} 的处理决定等待你审批"
    assert note.body == "由 alice 作出。"
    assert note.link == "/approvals"


def test_a_decision_that_needs_no_approval_tells_no_manager(claimed, make_user):
    case, alice = claimed
    boss = make_user("manager", "boss")
    decisions.decide(web(alice), case, violation(), expected_version=case.version)
    db.session.commit()
    assert _notes(boss) == []


def test_overdue_cases_are_told_to_their_holder_or_the_managers_once(merchant, make_user):
    alice, boss = make_user("reviewer", "alice"), make_user("manager", "boss")
    held, free, on_time = bulk_cases(merchant, 3)
    past = utcnow() - timedelta(hours=1)
    db.session.execute(sa.update(Case).where(Case.id.in_([held, free])).values(sla_due_at=past))
    db.session.execute(sa.update(Case).where(Case.id == on_time).values(sla_due_at=utcnow() + timedelta(hours=5)))
    claims.claim(web(alice), db.session.get(Case, held), alice)
    db.session.commit()
    assert notify_overdue() == 2
    db.session.commit()
    assert [n.link for n in _notes(alice)] == [f"/cases/{held}"]
    assert [n.link for n in _notes(boss)] == [f"/cases/{free}"]
    assert _notes(alice)[0].title == f"案件 {held} 已超过处理时限"
    assert notify_overdue() == 0  # once per case and person
    db.session.commit()
    assert len(_notes(alice)) + len(_notes(boss)) == 2


def test_the_overdue_command_reports_what_it_did(runner, merchant, make_user):
    make_user("manager", "boss")
    (case_id,) = bulk_cases(merchant, 1)
    db.session.execute(sa.update(Case).where(Case.id == case_id).values(sla_due_at=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    result = runner.invoke(args=["notifications", "overdue"])
    assert result.exit_code == 0, result.output
    assert "1 notification(s)" in result.output


@pytest.mark.postgres_only
def test_overdue_sweeps_at_once_notify_each_person_once(app, merchant, make_user):
    boss = make_user("manager", "boss")
    ids = bulk_cases(merchant, 5)
    db.session.execute(sa.update(Case).where(Case.id.in_(ids)).values(sla_due_at=utcnow() - timedelta(hours=1)))
    db.session.commit()

    def sweep(_i: int) -> None:
        notify_overdue()
        db.session.commit()

    run_concurrently(app, sweep, range(3))
    assert sorted(n.link for n in _notes(boss)) == sorted(f"/cases/{i}" for i in ids)


def test_the_badge_counts_unread_and_clears_as_they_are_read(client, login, claimed, make_user):
    case, alice = claimed
    sen = make_user("senior_reviewer", "sen")
    claims.escalate(web(alice), case, alice, "需要资深判断")
    (other_id,) = bulk_cases(case.merchant, 1, prefix="x")
    other = db.session.get(Case, other_id)
    claims.claim(web(alice), other, alice)
    claims.hold(web(alice), other, alice, "请帮忙")
    db.session.commit()
    first = _notes(sen)[0]
    login("sen")
    assert '通知 <span class="badge">2</span>' in client.get("/cases").get_data(as_text=True)
    response = client.post(f"/notifications/{first.id}/open")
    assert response.headers["Location"].endswith(f"/cases/{case.id}#help")
    assert '通知 <span class="badge">1</span>' in client.get("/cases").get_data(as_text=True)
    client.post("/merchant/notifications/read")
    assert 'class="badge"' not in client.get("/cases").get_data(as_text=True)


def test_nobody_opens_someone_elses_notification(client, login, claimed, make_user):
    case, alice = claimed
    sen = make_user("senior_reviewer", "sen")
    make_user("senior_reviewer", "other")
    claims.escalate(web(alice), case, alice, "需要资深判断")
    db.session.commit()
    (note,) = _notes(sen)
    login("other")
    assert client.post(f"/notifications/{note.id}/open").status_code == 404
    assert _notes(sen)[0].read_at is None
