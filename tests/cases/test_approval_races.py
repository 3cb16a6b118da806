"""Approving one decision twice (two managers, or one double click) applies it once; the other gets 409."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from markupsafe import escape

from backoffice.accounts.models import User
from backoffice.audit.models import AuditEvent
from backoffice.cases import claims, decisions
from backoffice.cases.claims import ReviewConflict
from backoffice.cases.models import CaseDecision, CaseStatus, DecisionStatus
from backoffice.extensions import db
from backoffice.ledger.models import LedgerEntry
from backoffice.ledger.verify import verify_all
from backoffice.penalties.models import PenaltyDecision
from tests.builders import web
from tests.cases.conftest import violation
from tests.concurrency import run_concurrently

ROUNDS = 10


def _pending(open_case, alice, merchant_id: str) -> CaseDecision:
    """A serious ZBJ ruling (removal): held for a manager's approval."""
    # Each shop its own WeChat id: a removed shop's id in another shop is a linked-account case of its own.
    case = open_case(("customer", "你好"), ("merchant", f"加我微信 {merchant_id.replace('-', '_')}_vx 详聊"),
                     merchant_id=merchant_id)
    claims.claim(web(alice), case, alice)
    decision = decisions.decide(web(alice), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    assert decision.status is DecisionStatus.pending_approval
    return decision


def _count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def _assert_applied_once(decision: CaseDecision, approver_ids: set[int]) -> None:
    db.session.expire_all()
    assert decision.status is DecisionStatus.applied
    assert decision.approved_by_id in approver_ids
    assert decision.case.status is CaseStatus.decided
    for action in ("case.approve", "case.apply"):
        assert _count(AuditEvent, AuditEvent.action == action, AuditEvent.subject_id == str(decision.case_id)) == 1
    (penalty,) = db.session.scalars(sa.select(PenaltyDecision).filter_by(merchant_id=decision.case.merchant_id))
    assert penalty.id == decision.penalty_decision_id
    assert _count(LedgerEntry, LedgerEntry.decision_id == penalty.id) == len(penalty.plan["measures"])
    assert verify_all()[1] == []


@pytest.mark.postgres_only
def test_two_managers_approving_at_once_apply_the_decision_once(app, open_case, make_user, make_merchant):
    alice = make_user("reviewer", "alice")
    bosses = [make_user("manager", "boss1"), make_user("manager", "boss2")]
    ids = {b.id for b in bosses}
    for n in range(ROUNDS):
        merchant = make_merchant(f"m-race-{n}")  # a first offence each round
        decision = _pending(open_case, alice, merchant.external_id)
        read = threading.Barrier(2, timeout=60)
        results: list = []

        def work(user_id: int, decision_id: int = decision.id, read: threading.Barrier = read,
                 results: list = results) -> None:
            manager = db.session.get(User, user_id)
            pending = db.session.get(CaseDecision, decision_id)
            assert pending.status is DecisionStatus.pending_approval
            read.wait()  # both have read it as pending before either approves
            try:
                decisions.approve(web(manager), pending, True, "同意")
                db.session.commit()
                results.append("approved")
            except ReviewConflict as exc:
                db.session.rollback()
                results.append(exc)

        run_concurrently(app, work, sorted(ids))
        assert results.count("approved") == 1, results
        (refused,) = [r for r in results if r != "approved"]
        assert refused.status == 409
        _assert_applied_once(decision, ids)


def test_approving_a_decision_read_before_a_colleague_approved_it_is_refused(
        app, client, login, open_case, make_user, bearer):
    alice, boss = make_user("reviewer", "alice"), make_user("manager", "boss")
    make_user("manager", "boss2")
    decision = _pending(open_case, alice, "m-1")
    colleague = bearer("boss2", "approve")
    assert decision.status is DecisionStatus.pending_approval  # read now, in this session
    response = client.post(f"/api/v1/approvals/{decision.id}", headers=colleague, json={"approve": True})
    assert response.status_code == 200, response.get_json()
    with pytest.raises(ReviewConflict) as refused:
        decisions.approve(web(boss), decision, True, "同意")
    assert refused.value.message == str(decisions.APPROVED_MEANWHILE)  # checked again under the lock
    db.session.rollback()
    _assert_applied_once(decision, {db.session.scalar(sa.select(User.id).filter_by(login="boss2"))})
    # Once more from the approvals page and the API: 409 with the reason, nothing applied twice.
    login("boss")
    page = client.post(f"/approvals/{decision.id}", data={"approve": "1", "note": "同意"})
    assert page.status_code == 409
    with app.test_request_context(), force_locale("zh"):
        assert str(escape(decisions.NOT_WAITING)) in page.get_data(as_text=True)
    again = client.post(f"/api/v1/approvals/{decision.id}", headers=bearer("boss", "approve"), json={"approve": True})
    assert again.status_code == 409
    assert again.get_json()["error"]["code"] == "conflict"
    _assert_applied_once(decision, {db.session.scalar(sa.select(User.id).filter_by(login="boss2"))})
