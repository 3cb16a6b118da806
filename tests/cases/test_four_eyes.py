"""Four-eyes approval of removals, large deductions and deviations; a decision applies all or nothing."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask_babel import gettext

from backoffice.audit.models import AuditEvent
from backoffice.cases import claims, decisions
from backoffice.cases.claims import ReviewError
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus, FlagStatus
from backoffice.extensions import db
from backoffice.ledger.models import LedgerEntry
from backoffice.notifications.models import Notification, OutboxEmail
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import PenaltyDecision
from tests.builders import web
from tests.cases.conftest import standing, violation


def counts(count_rows) -> tuple[int, ...]:
    return tuple(
        count_rows(m)
        for m in (CaseDecision, PenaltyDecision, LedgerEntry, Notification, OutboxEmail, AuditEvent)
    )


def _told(user) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Notification).filter_by(user_id=user.id))


def test_removal_waits_for_another_manager(claimed, make_user, shop, count_rows):
    case, alice = claimed
    boss = make_user("manager", "boss")
    ledger = count_rows(LedgerEntry)
    decision = decisions.decide(web(alice), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    assert decision.status is DecisionStatus.pending_approval
    assert "removal" in decision.approval_reasons
    assert "deposit_above_threshold" in decision.approval_reasons
    assert (case.status, case.claim_expires_at) == (CaseStatus.awaiting_approval, None)
    assert count_rows(LedgerEntry) == ledger
    assert count_rows(PenaltyDecision) == 0
    assert {f.status for f in case.flags} == {FlagStatus.open}
    assert standing(case).removed is False
    assert _told(shop) == 0  # the merchant hears of nothing until a manager approves (the manager is told)
    assert _told(boss) == 1
    with pytest.raises(ReviewError):
        decisions.approve(web(alice), decision, True, "")  # a reviewer cannot approve at all
    decisions.approve(web(boss), decision, True, "证据充分")
    db.session.commit()
    assert decision.status is DecisionStatus.applied
    assert decision.approved_by_id == boss.id
    after = standing(case)
    assert after.removed is True
    assert after.deposit_balance == Decimal("0.00")
    assert case.status is CaseStatus.decided
    assert {f.status for f in case.flags} == {FlagStatus.confirmed}
    assert count_rows(PenaltyDecision) == 1
    assert _told(shop) == 1
    with pytest.raises(ReviewError):
        decisions.approve(web(boss), decision, True, "")  # not pending any more


def test_the_manager_who_decided_cannot_approve_their_own_decision(open_case, make_user, count_rows):
    boss, other = make_user("manager", "boss"), make_user("manager", "other")
    case = open_case()
    claims.claim(web(boss), case, boss)
    decision = decisions.decide(web(boss), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    before = counts(count_rows)
    with pytest.raises(
        ReviewError, match=re.escape(gettext("The manager who approves cannot be the reviewer who decided."))
    ):
        decisions.approve(web(boss), decision, True, "")
    db.session.rollback()
    assert counts(count_rows) == before
    assert decision.status is DecisionStatus.pending_approval
    decisions.approve(web(other), decision, True, "")
    db.session.commit()
    assert decision.status is DecisionStatus.applied
    assert standing(case).removed is True


def test_a_deduction_above_the_configured_threshold_needs_approval(app, claimed, count_rows):
    case, alice = claimed
    app.config["APPROVAL_DEPOSIT_THRESHOLD"] = "4999.99"
    decision = decisions.decide(web(alice), case, violation(), expected_version=case.version)
    db.session.commit()
    assert decision.approval_reasons == ["deposit_above_threshold"]
    assert case.status is CaseStatus.awaiting_approval
    assert count_rows(PenaltyDecision) == 0


def test_a_refusal_needs_a_note_reopens_the_case_and_applies_nothing(claimed, make_user, count_rows):
    case, alice = claimed
    boss = make_user("manager", "boss")
    decision = decisions.decide(web(alice), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    ledger = count_rows(LedgerEntry)
    with pytest.raises(ReviewError):
        decisions.approve(web(boss), decision, False, "  ")
    decisions.approve(web(boss), decision, False, "情节一般，不应清退")
    db.session.commit()
    assert decision.status is DecisionStatus.refused
    assert decision.approval_note == "情节一般，不应清退"
    assert (case.status, case.claimed_by_id) == (CaseStatus.open, None)
    assert count_rows(LedgerEntry) == ledger
    assert count_rows(PenaltyDecision) == 0
    assert standing(case).removed is False
    (note,) = db.session.scalars(sa.select(Notification).filter_by(user_id=alice.id)).all()
    assert note.kind == "decision_refused"
    # back in the queue: someone can claim and decide again
    assert claims.claim_next(web(alice), alice).id == case.id


def test_leaving_out_a_computed_measure_needs_a_reason_and_a_managers_approval(
    claimed, make_user, count_rows
):
    case, alice = claimed
    boss = make_user("manager", "boss")
    with pytest.raises(ReviewError):
        decisions.decide(
            web(alice), case, violation(dropped=("deposit_deduction",)), expected_version=case.version
        )
    with pytest.raises(ReviewError):
        decisions.decide(
            web(alice),
            case,
            violation(dropped=("mute",), deviation_reason="x"),
            expected_version=case.version,
        )
    db.session.rollback()
    decision = decisions.decide(
        web(alice),
        case,
        violation(dropped=("deposit_deduction",), deviation_reason="首次且已主动整改"),
        expected_version=case.version,
    )
    db.session.commit()
    assert decision.approval_reasons == ["deviation"]
    assert count_rows(PenaltyDecision) == 0
    points = standing(case).integrity_points
    decisions.approve(web(boss), decision, True, "同意")
    db.session.commit()
    after = standing(case)
    assert after.integrity_points == points - 40
    assert after.status == "restricted"
    assert after.deposit_balance == Decimal("10000.00")


@pytest.mark.parametrize("where", ["notify", "impose"])
def test_a_failure_in_the_middle_of_applying_leaves_nothing_applied(
    claimed, shop, count_rows, monkeypatch, where
):
    case, alice = claimed
    version, before = case.version, counts(count_rows)
    wrote: list[int] = []

    def impose_then_fail(*args, **kwargs):
        decision = real_impose(*args, **kwargs)
        wrote.append(
            len(
                db.session.scalars(
                    sa.select(LedgerEntry.id).where(LedgerEntry.decision_id == decision.id)
                ).all()
            )
        )
        raise RuntimeError("disk full")

    def notify_fail(*args, **kwargs):
        wrote.append(
            len(
                db.session.scalars(
                    sa.select(LedgerEntry.id).where(LedgerEntry.decision_id.is_not(None))
                ).all()
            )
        )
        raise RuntimeError("disk full")

    real_impose = penalties.impose
    if where == "impose":
        monkeypatch.setattr(penalties, "impose", impose_then_fail)
    else:
        monkeypatch.setattr(decisions, "notify_merchant", notify_fail)
    with pytest.raises(RuntimeError):
        decisions.decide(web(alice), case, violation(), expected_version=version)
    # the failure came after the ruling's four ledger entries were written (ZBJ first offence: integrity
    # points, deposit, restriction, and the demotion that lasts past the review)
    assert wrote == [4]
    db.session.rollback()
    assert counts(count_rows) == before
    db.session.expire_all()
    case = db.session.get(Case, case.id)
    assert (case.status, case.claimed_by_id, case.version) == (CaseStatus.in_review, alice.id, version)
    assert {f.status for f in case.flags} == {FlagStatus.open}
    assert standing(case).search_demoted is True
    assert standing(case).deposit_balance == Decimal("10000.00")
    assert not db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action.in_(["case.decide", "case.apply", "penalty.impose"]))
    ).all()


def test_a_failure_during_approval_leaves_the_decision_pending(
    claimed, make_user, shop, count_rows, monkeypatch
):
    case, alice = claimed
    boss = make_user("manager", "boss")
    decision = decisions.decide(web(alice), case, violation("serious"), expected_version=case.version)
    db.session.commit()
    before = counts(count_rows)
    monkeypatch.setattr(
        decisions, "notify_merchant", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("smtp"))
    )
    with pytest.raises(RuntimeError):
        decisions.approve(web(boss), decision, True, "")
    db.session.rollback()
    assert counts(count_rows) == before
    assert decision.status is DecisionStatus.pending_approval
    assert case.status is CaseStatus.awaiting_approval
    assert standing(case).removed is False
