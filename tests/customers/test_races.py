"""Deciding one customer case twice at once (two tabs, a double click): one measure, the others a 409."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.cases import claims, decisions
from backoffice.cases.models import Case, CaseDecision, Verdict
from backoffice.customers.models import CustomerMeasure
from backoffice.extensions import db
from tests.builders import web
from tests.concurrency import exactly_one, race

pytestmark = pytest.mark.postgres_only


def test_a_customer_case_decided_twice_at_once_takes_one_measure(app, customer_case, reported_case, make_user):
    alice = make_user("reviewer", "alice")
    alice_id = alice.id
    for round_no in range(3):
        case = customer_case(customer="u-race") if round_no % 2 == 0 else reported_case("u-race")
        claims.claim(web(alice), case, alice)
        db.session.commit()
        case_id, version = case.id, case.version

        def decide(_i, case_id=case_id, version=version):
            decisions.decide(web(db.session.get(User, alice_id)), db.session.get(Case, case_id),
                             decisions.DecisionInput(Verdict.violation, "客户以兼职为名引诱下载软件",
                                                     "zbj.customer_fraud", "general"),
                             expected_version=version)

        exactly_one(race(app, decide, n=3))
        db.session.expire_all()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CaseDecision)
                                 .filter_by(case_id=case_id)) == 1
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CustomerMeasure)
                                 .filter_by(case_id=case_id)) == 1
    # One measure per case, counted on the customer's history in order: warning, restriction, ban.
    measures = db.session.scalars(sa.select(CustomerMeasure).order_by(CustomerMeasure.id)).all()
    assert [(m.offence_no, m.type.value) for m in measures] == [
        (1, "warning"), (2, "messaging_restriction"), (3, "ban")]


def test_two_customer_cases_of_one_customer_decided_at_once_count_as_two_offences(app, customer_case, make_user):
    reviewers = [make_user("reviewer", f"r{n}") for n in range(2)]
    cases = [customer_case(customer="u-twice") for _ in reviewers]
    for reviewer, case in zip(reviewers, cases, strict=True):
        claims.claim(web(reviewer), case, reviewer)
    db.session.commit()
    plan = [(r.id, c.id, c.version) for r, c in zip(reviewers, cases, strict=True)]

    def decide(i):
        user_id, case_id, version = plan[i]
        decisions.decide(web(db.session.get(User, user_id)), db.session.get(Case, case_id),
                         decisions.DecisionInput(Verdict.violation, "客户要求刷单", "zbj.customer_banned_business",
                                                 "general"), expected_version=version)

    assert race(app, decide, n=2) == [None, None]
    db.session.expire_all()
    offences = sorted(db.session.scalars(sa.select(CustomerMeasure.offence_no)))
    assert offences == [1, 2]  # the customer's row is locked: never two "first offences"
