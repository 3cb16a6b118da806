"""One exam attempt sent from two tabs at the same moment is graded once and revokes once."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.appeals.exam_operations import start_exam, submit_exam
from backoffice.appeals.models import ExamAttempt
from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.ledger.verify import verify_all
from backoffice.penalties.models import ExamRevocation
from tests.appeals.test_exam import answers, opened
from tests.builders import web
from tests.concurrency import exactly_one, race


@pytest.mark.postgres_only
def test_an_exam_submitted_twice_at_once_is_graded_once_and_revokes_once(app, merchant_user, ruling_for):
    shop = merchant_user("tb-shop", platform="taobao")
    ruling = opened(ruling_for(shop.merchant, "taobao.ads_non_sale_listing"))
    attempt = start_exam(web(shop), ruling)
    db.session.commit()
    attempt_id, shop_id, passing = attempt.id, shop.id, answers(attempt)
    db.session.commit()

    outcomes = race(app, lambda _i: submit_exam(web(db.session.get(User, shop_id)),
                                                db.session.get(ExamAttempt, attempt_id), passing), n=3)
    exactly_one(outcomes)
    db.session.expire_all()
    count = lambda stmt: db.session.scalar(sa.select(sa.func.count()).select_from(stmt))  # noqa: E731
    assert count(sa.select(AuditEvent).where(AuditEvent.action == "exam.submit").subquery()) == 1
    assert count(sa.select(ExamRevocation).subquery()) == 1
    assert verify_all()[1] == []
