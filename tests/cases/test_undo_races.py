"""The undo of a decision against whatever else can happen to it at the same moment, on PostgreSQL."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal
from backoffice.cases import claims, decisions, undo
from backoffice.cases.models import Case, CaseDecision, DecisionStatus
from backoffice.extensions import db
from backoffice.failures import Conflict
from backoffice.ledger.verify import verify_all
from backoffice.merchants.models import Merchant
from backoffice.merchants.operations import top_up
from tests.builders import web
from tests.cases.conftest import bulk_cases, violation
from tests.concurrency import exactly_one, race

pytestmark = pytest.mark.postgres_only
ROUNDS = 4
SERIAL = itertools.count()


def _shop(make_merchant):
    """A shop of its own for each round: its first offence, decided at once (no manager's approval)."""
    return make_merchant(f"m-undo-{next(SERIAL)}", deposit="10000.00")


def _decided(merchant, reviewer: User) -> int:
    """A case of ``merchant`` decided (a violation, in force) by ``reviewer`` just now; the decision's id."""
    (case_id,) = bulk_cases(merchant, 1, prefix=f"undo-{next(SERIAL)}")
    case = db.session.get(Case, case_id)
    claims.claim(web(reviewer), case, reviewer)
    decision = decisions.decide(web(reviewer), case, violation(), expected_version=case.version)
    db.session.commit()
    return decision.id


def test_an_undo_clicked_twice_at_once_undoes_once(app, make_merchant, make_user):
    alice_id = make_user("reviewer", "alice").id
    for _ in range(ROUNDS):
        merchant = _shop(make_merchant)
        decision_id = _decided(merchant, db.session.get(User, alice_id))
        outcomes = race(app, lambda _i, d=decision_id: undo.undo(
            web(db.session.get(User, alice_id)), db.session.get(CaseDecision, d)), n=3)
        exactly_one(outcomes)
        assert all(isinstance(o, Conflict) for o in outcomes if o is not None)
    assert verify_all()[1] == []


def test_an_undo_and_the_merchants_appeal_at_once_do_one_of_the_two(app, make_merchant, make_user):
    alice_id = make_user("reviewer", "alice").id
    for n in range(ROUNDS):
        merchant = _shop(make_merchant)
        shop_id = make_user("merchant", f"shop{n}", merchant=merchant).id
        decision_id = _decided(merchant, db.session.get(User, alice_id))

        def attempt(i, d=decision_id, shop_id=shop_id):
            ruling = db.session.get(CaseDecision, d)
            if i == 0:
                undo.undo(web(db.session.get(User, alice_id)), ruling)
            else:
                appeals.start(web(db.session.get(User, shop_id)), ruling)

        outcomes = race(app, attempt, n=2)
        exactly_one(outcomes)
        db.session.expire_all()
        status = db.session.get(CaseDecision, decision_id).status
        appealed = db.session.scalar(sa.select(Appeal.id).filter_by(ruling_id=decision_id)) is not None
        assert (status, appealed) in ((DecisionStatus.withdrawn, False), (DecisionStatus.applied, True))
    assert verify_all()[1] == []


def test_an_undo_racing_a_top_up_of_the_same_shop_never_leaves_the_ledger_wrong(app, make_merchant, make_user):
    """The undo reverses exactly only while the shop's ledger has not moved since the decision: either it
    goes first and the top-up follows, or the top-up goes first and the undo is refused (409)."""
    alice_id, boss_id = make_user("reviewer", "alice").id, make_user("manager", "boss").id
    undone = refused = 0
    for _ in range(ROUNDS):
        merchant = _shop(make_merchant)
        merchant_id = merchant.id
        decision_id = _decided(merchant, db.session.get(User, alice_id))

        def attempt(i, d=decision_id, merchant_id=merchant_id):
            if i == 0:
                undo.undo(web(db.session.get(User, alice_id)), db.session.get(CaseDecision, d))
            else:
                top_up(web(db.session.get(User, boss_id)), db.session.get(Merchant, merchant_id),
                       Decimal("100.00"), "补缴保证金")

        outcomes = race(app, attempt, n=2)
        assert outcomes[1] is None  # the top-up always goes through
        assert outcomes[0] is None or isinstance(outcomes[0], Conflict)
        db.session.expire_all()
        status = db.session.get(CaseDecision, decision_id).status
        assert status is (DecisionStatus.withdrawn if outcomes[0] is None else DecisionStatus.applied)
        undone, refused = undone + (outcomes[0] is None), refused + (outcomes[0] is not None)
    assert verify_all()[1] == []
    assert undone + refused == ROUNDS
