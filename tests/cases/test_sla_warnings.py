"""Issue 22: SLA alerts before a case runs out of time (notifications.due_soon, SLA_WARNING_MINUTES)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.cases import claims
from backoffice.cases.models import Case, CaseStatus
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.jobs.registry import JOBS
from backoffice.notifications.models import Notification
from backoffice.notifications.staff import notify_due_soon, notify_overdue
from tests.builders import web
from tests.cases.conftest import bulk_cases
from tests.concurrency import run_concurrently


def _notes(user) -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Notification).filter_by(user_id=user.id).order_by(Notification.id)))


def _due_in(case_ids, delta: timedelta) -> None:
    db.session.execute(sa.update(Case).where(Case.id.in_(case_ids)).values(sla_due_at=utcnow() + delta))
    db.session.commit()


def test_a_case_due_within_the_hour_is_told_to_its_holder_or_the_managers_once(merchant, make_user):
    alice, boss = make_user("reviewer", "alice"), make_user("manager", "boss")
    held, free, later, late = bulk_cases(merchant, 4)
    _due_in([held, free], timedelta(minutes=30))
    _due_in([later], timedelta(minutes=90))
    _due_in([late], timedelta(minutes=-5))  # past its deadline: the overdue sweep's
    claims.claim(web(alice), db.session.get(Case, held), alice)
    db.session.commit()
    assert notify_due_soon() == 2
    db.session.commit()
    (mine,) = _notes(alice)
    assert mine.title == f"案件 {held} 即将到期"
    assert mine.body.startswith("处理时限为 ")
    assert mine.body.endswith("（北京时间）。")
    assert mine.link == f"/cases/{held}"
    assert [n.link for n in _notes(boss)] == [f"/cases/{free}"]
    assert notify_due_soon() == 0  # once per case and person
    db.session.commit()
    # When the deadline passes, the overdue notice still comes: it is another key.
    assert notify_overdue(now=utcnow() + timedelta(hours=1)) == 3
    db.session.commit()
    assert len(_notes(alice)) == 2


def test_the_warning_window_is_configurable_and_zero_turns_it_off(app, merchant, make_user):
    boss = make_user("manager", "boss")
    (case_id,) = bulk_cases(merchant, 1)
    _due_in([case_id], timedelta(minutes=90))
    assert notify_due_soon() == 0
    app.config["SLA_WARNING_MINUTES"] = 0
    _due_in([case_id], timedelta(minutes=10))
    assert notify_due_soon() == 0
    app.config["SLA_WARNING_MINUTES"] = 120
    _due_in([case_id], timedelta(minutes=90))
    assert notify_due_soon() == 1
    db.session.commit()
    assert len(_notes(boss)) == 1


def test_closed_cases_and_cases_without_a_deadline_are_not_warned_about(merchant, make_user):
    make_user("manager", "boss")
    closed, no_deadline = bulk_cases(merchant, 2)
    _due_in([closed], timedelta(minutes=10))
    db.session.execute(sa.update(Case).where(Case.id == closed).values(status=CaseStatus.dismissed))
    db.session.commit()
    assert notify_due_soon() == 0


def test_the_warning_reads_in_english_for_an_english_reader(merchant, make_user):
    boss = make_user("manager", "boss")
    boss.locale = "en"
    db.session.commit()
    (case_id,) = bulk_cases(merchant, 1)
    _due_in([case_id], timedelta(minutes=20))
    notify_due_soon()
    db.session.commit()
    (note,) = _notes(boss)
    assert note.title == f"Case {case_id} is due soon"
    assert note.body.endswith("(Beijing time).")


def test_the_warning_runs_every_five_minutes_and_from_the_command_line(runner, merchant, make_user):
    assert JOBS["notifications.due_soon"].every == 300
    make_user("manager", "boss")
    (case_id,) = bulk_cases(merchant, 1)
    _due_in([case_id], timedelta(minutes=5))
    result = runner.invoke(args=["notifications", "due-soon"])
    assert result.exit_code == 0, result.output
    assert "1 notification(s)" in result.output


@pytest.mark.postgres_only
def test_warning_sweeps_at_once_notify_each_person_once(app, merchant, make_user):
    boss = make_user("manager", "boss")
    ids = bulk_cases(merchant, 5)
    _due_in(ids, timedelta(minutes=15))

    def sweep(_i: int) -> None:
        notify_due_soon()
        db.session.commit()

    run_concurrently(app, sweep, range(3))
    assert sorted(n.link for n in _notes(boss)) == sorted(f"/cases/{i}" for i in ids)
