"""The platform's deadline to decide an appeal (issue 22): set on submission, paused while the appeal
waits on the merchant, shown to the staff and the merchant, alerted on once, counted on the dashboard."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal, AppealStatus, Supplement
from backoffice.appeals.supplements import add_supplement
from backoffice.dashboard.metrics import queue_health
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.notifications.models import Notification
from backoffice.notifications.staff import notify_due_soon, notify_overdue
from tests.builders import web
from tests.concurrency import race, run_concurrently

BEIJING = ZoneInfo("Asia/Shanghai")


def bj(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BEIJING).astimezone(dt.UTC)


def _submitted(user, ruling, at: dt.datetime) -> Appeal:
    appeal = appeals.start(web(user), ruling, now=at)
    appeals.save_statement(web(user), appeal, "客户先发的微信号，我只是回复。", now=at)
    appeals.submit(web(user), appeal, now=at)
    db.session.commit()
    return appeal


def _notes(user, kind: str | None = None) -> list[Notification]:
    db.session.expire_all()
    stmt = sa.select(Notification).filter_by(user_id=user.id).order_by(Notification.id)
    return list(db.session.scalars(stmt.filter_by(kind=kind) if kind else stmt))


def test_submission_starts_27_business_hours_and_a_request_for_evidence_pauses_them(
        merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    # Tuesday 10:00: 8 h on Tuesday, 9 on Wednesday, 9 on Thursday, 1 on Friday.
    appeal = _submitted(user, ruling_for(user.merchant), bj(2026, 12, 8, 10, 0))
    assert appeal.decision_due_at == bj(2026, 12, 11, 10, 0)
    assert appeal.decision_basis == {"hours": 27, "clock": "business_hours"}
    assert appeal.decision_seconds_left is None

    appeals.request_evidence(web(staff.senior), appeal, "请补充完整聊天记录", now=bj(2026, 12, 8, 14, 0))
    db.session.commit()
    assert appeal.decision_due_at is None  # nothing runs while the merchant is asked
    assert appeal.decision_seconds_left == 23 * 3600  # four of the 27 hours were used

    # The merchant answers three working days later (Friday 14:00): the 23 hours run again from then:
    # 4 on Friday, 9 on Monday, 9 on Tuesday, 1 on Wednesday. Three working days after Friday 10:00.
    add_supplement(web(user), appeal, "补充：完整聊天记录截图", [], now=bj(2026, 12, 11, 14, 0))
    db.session.commit()
    assert appeal.status is AppealStatus.submitted
    assert appeal.decision_due_at == bj(2026, 12, 16, 10, 0)
    assert appeal.decision_seconds_left is None
    assert appeal.decision_basis == {"hours": 27, "clock": "business_hours"}  # still the first basis


def test_a_request_made_after_the_deadline_gives_back_no_time(merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    appeal = _submitted(user, ruling_for(user.merchant), bj(2026, 12, 8, 10, 0))
    appeals.request_evidence(web(staff.senior), appeal, "请补充完整聊天记录", now=bj(2026, 12, 14, 10, 0))
    assert appeal.decision_seconds_left == 0
    appeals.submit(web(user), appeal, now=bj(2026, 12, 14, 11, 0))
    assert appeal.decision_due_at == bj(2026, 12, 14, 11, 0)  # due at once: it was late already


def test_the_deadline_is_shown_to_the_seniors_the_merchant_and_the_api(
        client, login, token, merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    appeal = _submitted(user, ruling, utcnow())
    due = appeal.decision_due_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")

    login("senior")
    page = client.get(f"/appeals/{appeal.id}").get_data(as_text=True)
    assert f"裁决时限 {due}（北京时间）" in page
    assert "27 个工作小时" in page
    queue = client.get("/appeals").get_data(as_text=True)
    assert due[5:] in queue
    assert "27 个工作小时" in queue
    body = client.get(f"/api/v1/appeals/{appeal.id}", headers=token("senior", "read")).get_json()
    assert body["decision_due"] == appeal.decision_due_at.isoformat()
    assert body["decision_basis"] == {"hours": 27, "clock": "business_hours"}
    assert body["decision_paused_seconds_left"] is None

    client.post("/logout")
    login("shop")
    page = client.get(f"/merchant/rulings/{ruling.id}/appeal").get_data(as_text=True)
    assert "You will have an answer by" in page

    appeals.request_evidence(web(staff.senior), appeal, "请补充完整聊天记录")
    db.session.commit()
    page = client.get(f"/merchant/rulings/{ruling.id}/appeal").get_data(as_text=True)
    assert "Once you send it, the reviewers decide within" in page
    client.post("/logout")
    login("senior")
    page = client.get(f"/appeals/{appeal.id}").get_data(as_text=True)
    assert "Decision deadline paused while the merchant is asked for evidence" in page  # the browser's language stays
    body = client.get(f"/api/v1/appeals/{appeal.id}", headers=token("senior", "read")).get_json()
    assert body["decision_due"] is None
    assert body["decision_paused_seconds_left"] > 0


def _due_in(appeal_ids, delta: dt.timedelta) -> None:
    db.session.execute(sa.update(Appeal).where(Appeal.id.in_(appeal_ids)).values(decision_due_at=utcnow() + delta))
    db.session.commit()


def test_appeals_near_or_past_their_deadline_are_told_to_those_who_may_decide_them_once(
        merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    ruling = ruling_for(user.merchant)
    appeal = _submitted(user, ruling, utcnow())
    involved = {ruling.decided_by_id, ruling.approved_by_id}
    deciders = [u for u in (staff.senior, staff.senior2, staff.manager) if u.id not in involved]
    assert staff.senior in deciders
    assert staff.senior2 in deciders

    _due_in([appeal.id], dt.timedelta(minutes=20))
    assert notify_due_soon() == len(deciders)
    db.session.commit()
    assert notify_due_soon() == 0  # once per appeal and person
    (note,) = _notes(staff.senior, "appeal_due_soon")
    assert note.title == f"申诉 {appeal.id} 即将到达裁决时限"
    assert note.link == f"/appeals/{appeal.id}"
    assert _notes(staff.reviewer, "appeal_due_soon") == []  # decided the ruling: may not decide the appeal

    _due_in([appeal.id], dt.timedelta(minutes=-5))
    assert notify_overdue() == len(deciders)
    db.session.commit()
    assert notify_overdue() == 0
    (note,) = _notes(staff.senior2, "appeal_overdue")
    assert note.title == f"申诉 {appeal.id} 已超过裁决时限"
    assert note.body.startswith("应于 ")


def test_an_appeal_waiting_on_the_merchant_or_decided_is_not_alerted_on(merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    waiting = _submitted(user, ruling_for(user.merchant), utcnow())
    appeals.request_evidence(web(staff.senior), waiting, "请补充完整聊天记录")
    db.session.commit()
    db.session.execute(sa.update(Appeal).where(Appeal.id == waiting.id)
                       .values(status=AppealStatus.decided, decision_due_at=utcnow() - dt.timedelta(hours=1)))
    db.session.commit()
    assert notify_overdue() == 0
    assert notify_due_soon() == 0


def test_the_dashboard_counts_overdue_appeals_beside_overdue_cases(client, login, merchant_user, staff, ruling_for):
    first, second = merchant_user("shop"), merchant_user("shop2")
    late = _submitted(first, ruling_for(first.merchant), utcnow())
    _submitted(second, ruling_for(second.merchant), utcnow())
    _due_in([late.id], dt.timedelta(minutes=-1))
    health = queue_health()
    assert (health.appeals, health.appeals_overdue) == (2, 1)
    login("boss")
    page = client.get("/dashboard").get_data(as_text=True)
    assert 'id="stat-appeals-overdue"' in page
    assert "1 <small>/ 2</small>" in page
    assert "超时申诉" in page


@pytest.mark.postgres_only
def test_answers_to_an_evidence_request_sent_at_once_resume_the_deadline_once(app, merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    appeal = _submitted(user, ruling_for(user.merchant), bj(2026, 12, 8, 10, 0))
    appeals.request_evidence(web(staff.senior), appeal, "请补充完整聊天记录", now=bj(2026, 12, 8, 14, 0))
    db.session.commit()
    appeal_id, user_id = appeal.id, user.id

    outcomes = race(app, lambda i: add_supplement(web(db.session.get(User, user_id)), db.session.get(Appeal, appeal_id),
                                                  f"补充 {i}", [], now=bj(2026, 12, 11, 14, 0)), n=3)
    assert outcomes == [None, None, None]  # every supplement is kept
    db.session.expire_all()
    appeal = db.session.get(Appeal, appeal_id)
    assert appeal.status is AppealStatus.submitted
    assert appeal.decision_due_at == bj(2026, 12, 16, 10, 0)  # resumed once, with the 23 hours left
    assert appeal.decision_seconds_left is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Supplement).filter_by(appeal_id=appeal_id)) == 3


@pytest.mark.postgres_only
def test_appeal_deadline_sweeps_at_once_notify_each_person_once(app, merchant_user, staff, ruling_for):
    users = [merchant_user(f"shop{i}") for i in range(3)]
    ids = [_submitted(u, ruling_for(u.merchant), utcnow()).id for u in users]
    _due_in(ids[:2], dt.timedelta(minutes=10))
    _due_in(ids[2:], dt.timedelta(minutes=-10))

    def sweep(i: int) -> None:
        (notify_due_soon if i % 2 else notify_overdue)()
        db.session.commit()

    run_concurrently(app, sweep, range(4))
    links = sorted(n.link for n in _notes(staff.senior) if n.kind.startswith("appeal_"))
    assert links == sorted(f"/appeals/{i}" for i in ids)
