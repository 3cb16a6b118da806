"""Issue 22: calibration draws only decisions still in force, and compares the blind verdict with the
decision as it stands after appeal."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus
from backoffice.calibration import operations as ops
from backoffice.calibration.agreement import Judgment
from backoffice.calibration.queries import SampleFilter, as_it_stands, candidates, pairs
from backoffice.cases.decisions import DecisionInput
from backoffice.cases.models import Verdict
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.penalties.models import DecisionState, PenaltyDecision
from tests.builders import web
from tests.cases.conftest import RULE


@pytest.mark.parametrize(("outcome", "successor", "expected"), [
    (None, None, Judgment("violation", RULE, "serious")),
    (AppealOutcome.upheld, None, Judgment("violation", RULE, "serious")),
    (AppealOutcome.overturned, None, Judgment("no_violation")),
    (AppealOutcome.reduced, SimpleNamespace(rule_code=RULE, severity="general"),
     Judgment("violation", RULE, "general")),
])
def test_the_decision_as_it_stands_after_appeal(outcome, successor, expected):
    decision = SimpleNamespace(verdict=Verdict.violation, rule_code=RULE, severity="serious")
    appeal = SimpleNamespace(outcome=outcome) if outcome else None
    assert as_it_stands(decision, appeal, successor) == expected


@pytest.mark.parametrize(("state", "drawn"), [
    (DecisionState.in_force, True),
    (DecisionState.superseded, True),  # reduced on appeal: the reduced ruling still stands
    (DecisionState.overturned, False),
])
def test_only_decisions_still_in_force_are_drawn(staff, decided, state, drawn):
    case, decision = decided(staff.ann, DecisionInput(Verdict.violation, "商家发送微信号", RULE, "general"))
    db.session.get(PenaltyDecision, decision.penalty_decision_id).state = state
    db.session.commit()
    assert ([c for c, _ in candidates(SampleFilter())] == [case.id]) is drawn


def test_a_blind_no_violation_agrees_with_a_ruling_overturned_after_the_draw(staff, decided):
    case, decision = decided(staff.ann, DecisionInput(Verdict.violation, "商家发送微信号", RULE, "general"))
    review = ops.draw_sample(web(staff.boss), 1, SampleFilter(), reviewer_ids=[staff.bob.id]).reviews[0]
    ops.submit(web(staff.bob), review, ops.BlindJudgment(Verdict.no_violation, "没有联系方式"))
    db.session.commit()
    assert not pairs()[0].verdict_agrees
    db.session.add(Appeal(ruling_id=decision.id, merchant_id=case.merchant_id, status=AppealStatus.decided,
                          deadline_at=utcnow(), decided_at=utcnow(), outcome=AppealOutcome.overturned,
                          outcome_reason="申诉成立"))
    db.session.commit()
    (pair,) = pairs()
    assert pair.original == Judgment("no_violation")
    assert pair.verdict_agrees
