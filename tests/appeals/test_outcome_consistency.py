"""`ledger verify` checks each decided appeal's outcome against the penalties in force."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal, AppealOutcome
from backoffice.extensions import db
from backoffice.merchants.models import Merchant
from backoffice.penalties.models import DecisionState, PenaltyDecision
from tests.builders import web

from .test_decisions import submitted


@pytest.fixture
def decided(merchant_user, staff, ruling_for):
    """``decided(outcome)``: an appeal of a fresh merchant's ruling, decided with ``outcome``."""
    def make(outcome: AppealOutcome) -> Appeal:
        user = merchant_user(f"shop-{outcome.value}")
        appeal = submitted(user, ruling_for(user.merchant))
        options = {"drop": ("deposit_deduction",)} if outcome is AppealOutcome.reduced else {}
        appeals.decide(web(staff.senior), appeal, outcome, "理由", **options)
        db.session.commit()
        return appeal

    return make


def _set(model, row_id: int, **values) -> None:
    db.session.execute(sa.update(model).where(model.id == row_id).values(**values))
    db.session.commit()


def _verify(runner) -> tuple[int, str]:
    result = runner.invoke(args=["ledger", "verify"])
    return result.exit_code, result.stderr


def test_decided_appeals_that_agree_with_their_penalties_pass(decided, runner):
    for outcome in AppealOutcome:
        decided(outcome)
    assert _verify(runner) == (0, "")


def test_an_overturned_appeal_whose_reduced_penalty_stays_in_force_is_reported(decided, runner):
    """The reduce + overturn race: the appeal reads overturned, the reduction is what holds."""
    appeal = decided(AppealOutcome.reduced)
    penalty_id, successor_id = appeal.ruling.penalty_decision_id, appeal.successor_penalty_id
    _set(Appeal, appeal.id, outcome=AppealOutcome.overturned)
    _set(PenaltyDecision, penalty_id, state=DecisionState.overturned)
    shop = db.session.get(Merchant, appeal.merchant_id).external_id
    code, errors = _verify(runner)
    assert code == 1
    assert (f"{shop}: appeal {appeal.id} (ruling {appeal.ruling_id}) is overturned but decision "
            f"{successor_id}, a reduction of its penalty decision {penalty_id}, is still in force") in errors
    assert f"{shop}: decision {penalty_id} reads overturned but decision {successor_id} replaces it" in errors


@pytest.mark.parametrize(("outcome", "change", "problem"), [
    (AppealOutcome.upheld, {"state": DecisionState.overturned}, "is upheld but its penalty decision {p} is overturned"),
    (AppealOutcome.overturned, {"state": DecisionState.in_force}, "is overturned but its penalty decision {p} is "
                                                                  "in_force"),
    (AppealOutcome.reduced, {"state": DecisionState.in_force}, "is reduced but its penalty decision {p} is in_force"),
])
def test_an_outcome_the_penalty_does_not_show_is_reported(decided, runner, outcome, change, problem):
    appeal = decided(outcome)
    penalty_id = appeal.ruling.penalty_decision_id
    _set(PenaltyDecision, penalty_id, **change)
    code, errors = _verify(runner)
    assert code == 1
    assert f"appeal {appeal.id} (ruling {appeal.ruling_id}) {problem.format(p=penalty_id)}" in errors


def test_a_reduced_appeal_whose_reduction_was_overturned_is_reported(decided, runner):
    appeal = decided(AppealOutcome.reduced)
    _set(PenaltyDecision, appeal.successor_penalty_id, state=DecisionState.overturned)
    code, errors = _verify(runner)
    assert code == 1
    assert (f"appeal {appeal.id} (ruling {appeal.ruling_id}) is reduced but the reduced penalty, decision "
            f"{appeal.successor_penalty_id}, is not in force") in errors
