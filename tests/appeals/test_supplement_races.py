"""Supplements and the frozen statement under races (PostgreSQL, real threads): one order, no lost row.

Each attempt locks the appeal's row first, so supplements sent at the same moment are numbered one
after the other, a supplement racing the decision lands before it or is refused with 409, and a
draft saved while another tab submits never changes the statement after its submission.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus, Supplement
from backoffice.appeals.supplements import add_supplement
from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.failures import Conflict
from tests.builders import web
from tests.concurrency import race

from .test_decisions import submitted

pytestmark = pytest.mark.postgres_only


def _events(appeal_id: int, *actions: str) -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(AuditEvent.action).where(
        AuditEvent.action.in_(actions), AuditEvent.subject_id == str(appeal_id)).order_by(AuditEvent.id)))


def test_supplements_posted_at_once_are_all_kept_in_order(app, merchant_user, ruling_for):
    user = merchant_user("shop")
    appeal_id, user_id = submitted(user, ruling_for(user.merchant)).id, user.id
    db.session.commit()

    def post(i: int) -> None:
        add_supplement(web(db.session.get(User, user_id)), db.session.get(Appeal, appeal_id), f"补充 {i}", [])

    for rounds in (1, 2):
        assert race(app, post, n=4) == [None] * 4
        db.session.expire_all()
        kept = list(db.session.scalars(sa.select(Supplement).filter_by(appeal_id=appeal_id).order_by(Supplement.id)))
        assert [s.number for s in kept] == list(range(1, 4 * rounds + 1))  # numbered in the order accepted
        assert sorted(s.text for s in kept[-4:]) == [f"补充 {i}" for i in range(4)]
    assert _events(appeal_id, "appeal.supplement") == ["appeal.supplement"] * 8


def test_a_supplement_racing_the_decision_lands_before_it_or_is_refused(app, merchant_user, ruling_for, staff):
    for n in range(6):
        user = merchant_user(f"shop{n}")
        appeal_id, user_id, senior_id = submitted(user, ruling_for(user.merchant)).id, user.id, staff.senior.id
        db.session.commit()

        def act(i: int, appeal_id=appeal_id, user_id=user_id, senior_id=senior_id) -> None:
            appeal = db.session.get(Appeal, appeal_id)
            if i == 0:
                appeals.decide(web(db.session.get(User, senior_id)), appeal, AppealOutcome.upheld, "维持原裁决")
            else:
                add_supplement(web(db.session.get(User, user_id)), appeal, "最后的补充", [])

        decided, supplemented = race(app, act, n=2)
        assert decided is None  # the decision always goes through
        db.session.expire_all()
        assert db.session.get(Appeal, appeal_id).status is AppealStatus.decided
        kept = db.session.scalars(sa.select(Supplement).filter_by(appeal_id=appeal_id)).all()
        if supplemented is None:  # it came first: the reviewer's decision followed it
            assert [s.text for s in kept] == ["最后的补充"]
            assert _events(appeal_id, "appeal.supplement", "appeal.decide") == ["appeal.supplement", "appeal.decide"]
        else:  # after the decision no supplement is accepted
            assert isinstance(supplemented, Conflict)
            assert supplemented.status == 409
            assert kept == []


def test_a_draft_saved_while_another_tab_submits_never_rewrites_the_submitted_statement(
        app, merchant_user, ruling_for):
    for n in range(5):
        user = merchant_user(f"shop{n}")
        appeal = appeals.start(web(user), ruling_for(user.merchant))
        appeals.save_statement(web(user), appeal, "原来的理由")
        db.session.commit()
        appeal_id, user_id = appeal.id, user.id

        def act(i: int, appeal_id=appeal_id, user_id=user_id) -> None:
            who, appeal = web(db.session.get(User, user_id)), db.session.get(Appeal, appeal_id)
            if i == 0:
                appeals.submit(who, appeal)
            else:
                appeals.save_statement(who, appeal, "另一个标签页改写的理由")

        submitting, saving = race(app, act, n=2)
        assert submitting is None
        db.session.expire_all()
        statement = db.session.get(Appeal, appeal_id).statement
        if saving is None:  # saved before the submission: that text is what was submitted
            assert statement == "另一个标签页改写的理由"
        else:
            assert isinstance(saving, appeals.StatementFrozen)
            assert saving.status == 409
            assert statement == "原来的理由"
        events = _events(appeal_id, "appeal.statement", "appeal.submit")
        assert events[-1] == "appeal.submit"  # no statement change after the submission
