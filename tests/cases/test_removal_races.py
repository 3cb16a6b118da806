"""A removal approved while a reviewer decides another case of the same shop, and a burst decided together
while another reviewer claims one of its cases, at once on PostgreSQL."""

from __future__ import annotations

import itertools

import pytest

from backoffice.accounts.models import User
from backoffice.cases import claims, conduct, decisions
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus
from backoffice.extensions import db
from backoffice.failures import Conflict
from backoffice.ledger.verify import verify_all
from tests.builders import web
from tests.cases.conftest import bulk_cases, violation
from tests.concurrency import exactly_one, race

pytestmark = pytest.mark.postgres_only
ROUNDS = 4
SERIAL = itertools.count()


def test_a_removal_and_a_decision_on_another_case_of_the_shop_never_both_close_it(app, make_merchant, make_user):
    alice_id, bob_id = make_user("reviewer", "alice").id, make_user("reviewer", "bob").id
    boss_id = make_user("manager", "boss").id
    for _ in range(ROUNDS):
        merchant = make_merchant(f"m-removal-{next(SERIAL)}", deposit="10000.00")
        ruled, other = bulk_cases(merchant, 2, prefix=f"removal-{next(SERIAL)}")
        alice, bob = db.session.get(User, alice_id), db.session.get(User, bob_id)
        claims.claim(web(alice), db.session.get(Case, ruled), alice)
        claims.claim(web(bob), db.session.get(Case, other), bob)
        pending = decisions.decide(web(alice), db.session.get(Case, ruled), violation("serious"),
                                   expected_version=db.session.get(Case, ruled).version)
        db.session.commit()
        pending_id, version = pending.id, db.session.get(Case, other).version
        db.session.commit()

        def attempt(i, pending_id=pending_id, other=other, version=version):
            if i == 0:
                decisions.approve(web(db.session.get(User, boss_id)), db.session.get(CaseDecision, pending_id),
                                  True, "同意清退")
            else:
                decisions.decide(web(db.session.get(User, bob_id)), db.session.get(Case, other),
                                 violation(), expected_version=version)

        outcomes = race(app, attempt, n=2)
        assert outcomes[0] is None  # the removal is approved either way
        db.session.expire_all()
        case = db.session.get(Case, other)
        if outcomes[1] is None:  # Bob's decision went first: his case stands decided, not closed as moot
            assert (case.status, case.close_reason) == (CaseStatus.decided, None)
        else:
            assert isinstance(outcomes[1], Conflict)
            assert (case.status, case.close_reason) == (CaseStatus.dismissed, "merchant_removed")
        assert db.session.get(CaseDecision, pending_id).status is DecisionStatus.applied
    assert verify_all()[1] == []


def test_deciding_a_burst_together_while_another_reviewer_claims_one_of_it_does_one_of_the_two(
        app, make_merchant, make_user):
    alice_id, bob_id = make_user("reviewer", "alice").id, make_user("reviewer", "bob").id
    for _ in range(ROUNDS):
        merchant = make_merchant(f"m-conduct-{next(SERIAL)}", deposit="10000.00")
        lead, other = bulk_cases(merchant, 2, prefix=f"conduct-{next(SERIAL)}")
        alice = db.session.get(User, alice_id)
        claims.claim(web(alice), db.session.get(Case, lead), alice)
        db.session.commit()
        version = db.session.get(Case, lead).version
        db.session.commit()

        def attempt(i, lead=lead, other=other, version=version):
            if i == 0:
                conduct.decide_together(web(db.session.get(User, alice_id)), db.session.get(Case, lead),
                                        [db.session.get(Case, other)], violation(), expected_version=version)
            else:
                bob = db.session.get(User, bob_id)
                claims.claim(web(bob), db.session.get(Case, other), bob)

        outcomes = race(app, attempt, n=2)
        exactly_one(outcomes)
        db.session.expire_all()
        case = db.session.get(Case, other)
        if outcomes[0] is None:
            assert case.status is CaseStatus.decided
        else:
            assert (case.status, case.claimed_by_id) == (CaseStatus.in_review, bob_id)
            assert db.session.get(Case, lead).status is CaseStatus.in_review  # nothing of it was kept
    assert verify_all()[1] == []
