"""Every reviewer action on one case, attempted at the same moment: exactly one effect, the others a 409.

The attempts come from different people (two reviewers, two managers) and from the same person in two
tabs; PostgreSQL runs them on separate connections at once.
"""

from __future__ import annotations

import itertools

import pytest
import sqlalchemy as sa

from backoffice.accounts.models import User
from backoffice.audit.models import AuditEvent
from backoffice.cases import claims, decisions
from backoffice.cases.models import Case, CaseDecision, CaseStatus
from backoffice.extensions import db
from backoffice.ledger.verify import verify_all
from tests.builders import web
from tests.cases.conftest import bulk_cases, violation
from tests.concurrency import exactly_one, race

pytestmark = pytest.mark.postgres_only
ROUNDS = 5
SERIAL = itertools.count()


def _events(action: str, case_id: int) -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(
        AuditEvent.action == action, AuditEvent.subject_id == str(case_id)))


def _held_by(merchant, user: User) -> int:
    (case_id,) = bulk_cases(merchant, 1, prefix=f"race-{next(SERIAL)}")
    claims.claim(web(user), db.session.get(Case, case_id), user)
    db.session.commit()
    return case_id


@pytest.mark.parametrize(("verb", "action"), [
    (lambda who, case: claims.hold(web(who), case, who, "需要资深审核员确认"), "case.hold"),
    (lambda who, case: claims.escalate(web(who), case, who, "疑似团伙"), "case.escalate"),
    (lambda who, case: claims.release(web(who), case, who), "case.release"),
], ids=["hold", "escalate", "release"])
def test_the_holder_acting_twice_at_once_acts_once(app, merchant, make_user, verb, action):
    alice = make_user("reviewer", "alice")
    alice_id = alice.id  # threads read ids, never the test session's objects
    for _ in range(ROUNDS):
        case_id = _held_by(merchant, alice)
        outcomes = race(app, lambda _i, case_id=case_id: verb(
            db.session.get(User, alice_id), db.session.get(Case, case_id)), n=3)
        exactly_one(outcomes)
        assert _events(action, case_id) == 1


def test_two_managers_reassigning_one_case_at_once_assign_it_once(app, merchant, make_user):
    bosses = [make_user("manager", f"boss{n}").id for n in range(2)]
    targets = [make_user("reviewer", f"target{n}").id for n in range(2)]
    for _ in range(ROUNDS):
        (case_id,) = bulk_cases(merchant, 1, prefix=f"race-{next(SERIAL)}")
        seen = db.session.get(Case, case_id).version  # the version both managers' pages carry
        db.session.commit()
        outcomes = race(app, lambda i, case_id=case_id, seen=seen: claims.reassign(
            web(db.session.get(User, bosses[i])), db.session.get(Case, case_id),
            db.session.get(User, targets[i]), expected_version=seen), n=2)
        exactly_one(outcomes)
        assert _events("case.reassign", case_id) == 1


def test_a_decision_sent_twice_at_once_is_recorded_once(app, merchant, make_user):
    alice = make_user("reviewer", "alice")
    alice_id = alice.id
    for _ in range(ROUNDS):
        case_id = _held_by(merchant, alice)
        version = db.session.get(Case, case_id).version
        db.session.commit()

        def decide(_i, case_id=case_id, version=version):
            decisions.decide(web(db.session.get(User, alice_id)), db.session.get(Case, case_id), violation(),
                             expected_version=version)

        exactly_one(race(app, decide, n=3))
        db.session.expire_all()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CaseDecision).filter_by(case_id=case_id)) == 1
    assert verify_all()[1] == []


def test_two_reviewers_dismissing_the_same_cases_at_once_dismiss_each_once(app, merchant, make_user):
    reviewers = [make_user("reviewer", f"r{n}").id for n in range(2)]
    ids = bulk_cases(merchant, 6)
    outcomes = race(app, lambda i: decisions.bulk_dismiss(
        web(db.session.get(User, reviewers[i])),
        db.session.scalars(sa.select(Case).where(Case.id.in_(ids))).all(), "误报：订单号"), n=2)
    exactly_one(outcomes)
    db.session.expire_all()
    assert {db.session.get(Case, i).status for i in ids} == {CaseStatus.dismissed}
    assert sum(_events("case.dismiss", i) for i in ids) == len(ids)
