"""A blind review submitted from two tabs at the same moment is recorded once; the other tab gets a 409."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.audit.models import AuditEvent
from backoffice.calibration import operations as ops
from backoffice.calibration.models import CalibrationReview
from backoffice.calibration.queries import SampleFilter
from backoffice.cases.models import Verdict
from backoffice.extensions import db
from tests.builders import web
from tests.cases.conftest import RULE
from tests.concurrency import exactly_one, race


@pytest.mark.postgres_only
def test_a_blind_review_submitted_twice_at_once_is_recorded_once(app, staff, decided):
    decided(staff.ann)
    review_id = ops.draw_sample(web(staff.boss), 1, SampleFilter(), reviewer_ids=[staff.bob.id]).reviews[0].id
    bob_id = staff.bob.id
    db.session.commit()
    verdicts = [ops.BlindJudgment(Verdict.violation, "发送微信号，属于引流。", RULE, "general"),
                ops.BlindJudgment(Verdict.no_violation, "普通咨询。", None, None),
                ops.BlindJudgment(Verdict.violation, "情节严重。", RULE, "serious")]

    outcomes = race(app, lambda i: ops.submit(web(db.session.get(User, bob_id)),
                                              db.session.get(CalibrationReview, review_id), verdicts[i]), n=3)
    exactly_one(outcomes)
    db.session.expire_all()
    stored = db.session.get(CalibrationReview, review_id)
    winner = verdicts[outcomes.index(None)]
    assert (stored.verdict, stored.rationale) == (winner.verdict, winner.rationale)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "calibration.submit")) == 1
