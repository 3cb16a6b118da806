"""The merchant's and the seniors' other appeal actions at the same moment: exactly one effect."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus
from backoffice.audit.models import AuditEvent
from backoffice.extensions import db
from backoffice.ledger.verify import verify_all
from tests.builders import web
from tests.concurrency import exactly_one, race

from .test_decisions import submitted

pytestmark = pytest.mark.postgres_only


def _events(action: str, appeal_id: int) -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(
        AuditEvent.action == action, AuditEvent.subject_id == str(appeal_id)))


def test_an_appeal_submitted_from_two_tabs_at_once_is_submitted_once(app, merchant_user, ruling_for):
    user = merchant_user("shop")
    appeal = appeals.start(web(user), ruling_for(user.merchant))
    appeals.save_statement(web(user), appeal, "客户先发的微信号，我只是回复。")
    db.session.commit()
    appeal_id, user_id = appeal.id, user.id
    db.session.commit()

    exactly_one(race(app, lambda _i: appeals.submit(web(db.session.get(User, user_id)),
                                                    db.session.get(Appeal, appeal_id)), n=3))
    assert _events("appeal.submit", appeal_id) == 1
    assert db.session.get(Appeal, appeal_id).status is AppealStatus.submitted


def test_asking_for_evidence_while_a_colleague_decides_does_one_of_the_two(app, merchant_user, staff, ruling_for):
    user = merchant_user("shop")
    appeal_id = submitted(user, ruling_for(user.merchant)).id
    seniors = [staff.senior.id, staff.senior2.id]
    db.session.commit()

    def act(i: int) -> None:
        senior, appeal = db.session.get(User, seniors[i]), db.session.get(Appeal, appeal_id)
        if i == 0:
            appeals.request_evidence(web(senior), appeal, "请补充完整聊天记录")
        else:
            appeals.decide(web(senior), appeal, AppealOutcome.upheld, "证据不足以推翻原处罚")

    for _ in range(5):
        outcomes = race(app, act, n=2)
        exactly_one(outcomes)
        db.session.expire_all()
        appeal = db.session.get(Appeal, appeal_id)
        if outcomes[0] is None:  # the request went first: the appeal waits on the merchant
            assert appeal.status is AppealStatus.awaiting_evidence
            assert _events("appeal.decide", appeal_id) == 0
            appeals.submit(web(user), appeal)  # the merchant sends it back for the next round
            db.session.commit()
        else:
            assert appeal.status is AppealStatus.decided  # and the request was refused (exactly_one)
            break
    assert verify_all()[1] == []
