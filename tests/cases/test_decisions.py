"""Deciding a case: optimistic version check, the ladder applied, flags resolved, merchant notified."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.cases import claims, decisions
from backoffice.cases.claims import ReviewError
from backoffice.cases.decisions import DecisionConflict, DecisionInput
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus, FlagStatus, Verdict
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ledger.models import LedgerEntry
from backoffice.notifications.models import Notification, OutboxEmail
from backoffice.penalties.models import PenaltyDecision
from tests.builders import web
from tests.cases.conftest import RULE, said, standing, violation


def state(case: Case, count_rows) -> tuple:
    db.session.expire_all()
    fresh = db.session.get(Case, case.id)
    return (
        fresh.status,
        fresh.claimed_by_id,
        fresh.version,
        count_rows(CaseDecision),
        count_rows(PenaltyDecision),
        count_rows(LedgerEntry),
        count_rows(Notification),
        [f.status for f in fresh.flags],
    )


def test_a_stale_version_is_refused_and_nothing_is_applied(claimed, count_rows):
    case, alice = claimed
    before = state(case, count_rows)
    with pytest.raises(DecisionConflict):
        decisions.decide(web(alice), case, violation(), expected_version=case.version - 1)
    db.session.rollback()
    assert state(case, count_rows) == before
    assert before[0] is CaseStatus.in_review
    assert before[3:5] == (0, 0)


def test_a_conflicting_change_after_the_check_is_a_conflict_too(claimed, count_rows, make_user):
    """Another session changes the case between the version check and the write."""
    case, alice = claimed
    version = case.version
    ledger_before = count_rows(LedgerEntry)
    db.session.execute(sa.update(Case).where(Case.id == case.id).values(version=Case.version + 1))
    with pytest.raises(DecisionConflict):
        decisions.decide(web(alice), case, violation(), expected_version=version)
    db.session.rollback()
    assert count_rows(CaseDecision) == 0
    assert count_rows(PenaltyDecision) == 0
    assert count_rows(LedgerEntry) == ledger_before


def test_deciding_needs_the_claim_and_a_rationale(open_case, make_user, count_rows):
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    case = open_case()
    with pytest.raises(ReviewError, match=said("Claim the case before deciding it.")):
        decisions.decide(web(alice), case, violation(), expected_version=case.version)
    claims.claim(web(bob), case, bob)
    db.session.commit()
    with pytest.raises(ReviewError, match=said("Claim the case before deciding it.")):
        decisions.decide(web(alice), case, violation(), expected_version=case.version)
    with pytest.raises(ReviewError, match=said("Write the reasons for the decision.")):
        decisions.decide(
            web(bob),
            case,
            DecisionInput(Verdict.violation, "   ", RULE, "general"),
            expected_version=case.version,
        )
    case.claim_expires_at = utcnow() - timedelta(minutes=1)  # the lead ran out
    db.session.commit()
    with pytest.raises(ReviewError, match=said("Claim the case before deciding it.")):
        decisions.decide(web(bob), case, violation(), expected_version=case.version)
    db.session.rollback()
    assert count_rows(CaseDecision) == 0


def test_a_violation_applies_the_ladder_and_closes_the_case(claimed, shop, count_rows):
    case, alice = claimed
    assert standing(case).search_demoted is True
    points = standing(case).integrity_points
    decision = decisions.decide(web(alice), case, violation(), expected_version=case.version)
    db.session.commit()
    assert decision.status is DecisionStatus.applied
    assert decision.approval_reasons == []
    after = standing(case)
    assert after.integrity_points == points - 40
    assert after.deposit_balance == Decimal("5000.00")
    assert after.status == "restricted"
    assert timedelta(days=14, hours=23) < after.restricted_until - utcnow() <= timedelta(days=15)
    penalty = db.session.get(PenaltyDecision, decision.penalty_decision_id)
    assert (penalty.rule_code, penalty.severity, penalty.offence_no) == (RULE, "general", 1)
    assert (case.status, case.claimed_by_id, case.claim_expires_at) == (CaseStatus.decided, None, None)
    assert case.closed_at is not None
    assert {f.status for f in case.flags} == {FlagStatus.confirmed}
    actions = db.session.scalars(
        sa.select(AuditEvent.action).where(
            AuditEvent.subject_type == "case", AuditEvent.subject_id == str(case.id)
        )
    ).all()
    assert actions[-2:] == ["case.decide", "case.apply"]
    (note,) = db.session.scalars(sa.select(Notification).where(Notification.user_id == shop.id)).all()
    assert (note.kind, note.link) == ("ruling", f"/merchant/rulings/{decision.id}")
    from backoffice.rulings.facts import ruling_number

    # The merchant reads the number printed on the ruling and the rule's name, not internal codes.
    assert ruling_number(decision) in note.body
    assert RULE not in note.body
    (mail,) = db.session.scalars(sa.select(OutboxEmail)).all()
    assert (mail.to_address, mail.subject, mail.sent_at) == ("shop@example.com", note.title, None)


def test_a_merchant_account_without_email_gets_only_the_in_app_notice(
    claimed, make_user, merchant, count_rows
):
    case, alice = claimed
    make_user("merchant", "shop2", merchant=merchant)
    decisions.decide(web(alice), case, violation(), expected_version=case.version)
    db.session.commit()
    assert count_rows(Notification) == 1
    assert count_rows(OutboxEmail) == 0


def test_a_second_offence_climbs_the_ladder_and_removal_waits_for_a_manager(open_case, make_user, count_rows):
    alice = make_user("reviewer", "alice")
    first, second = open_case(), open_case()
    for case in (first, second):
        claims.claim(web(alice), case, alice)
    decisions.decide(web(alice), first, violation(), expected_version=first.version)
    db.session.commit()
    entries = count_rows(LedgerEntry)
    decision = decisions.decide(web(alice), second, violation(), expected_version=second.version)
    db.session.commit()
    assert decision.preview["offence_no"] == 2
    assert {m["type"] for m in decision.preview["measures"]} == {"removal", "deposit_deduction"}
    assert decision.status is DecisionStatus.pending_approval
    assert second.status is CaseStatus.awaiting_approval
    assert count_rows(LedgerEntry) == entries


def test_no_violation_lifts_the_automatic_demotion_and_dismisses_the_flags(claimed, shop, count_rows):
    case, alice = claimed
    before = standing(case)
    assert before.search_demoted is True
    decision = decisions.decide(
        web(alice),
        case,
        DecisionInput(Verdict.no_violation, "“薇信”是商品名。"),
        expected_version=case.version,
    )
    db.session.commit()
    after = standing(case)
    assert after.search_demoted is False
    assert (after.integrity_points, after.deposit_balance) == (
        before.integrity_points,
        before.deposit_balance,
    )
    assert decision.status is DecisionStatus.applied
    assert decision.penalty_decision_id is None
    assert case.status is CaseStatus.dismissed
    assert {f.status for f in case.flags} == {FlagStatus.dismissed}
    assert count_rows(PenaltyDecision) == 0
    assert count_rows(Notification) == 0  # nothing to tell the merchant about


def test_insufficient_evidence_marks_the_flags_inconclusive(claimed):
    case, alice = claimed
    decisions.decide(
        web(alice),
        case,
        DecisionInput(Verdict.insufficient_evidence, "看不出是联系方式。"),
        expected_version=case.version,
    )
    db.session.commit()
    assert {f.status for f in case.flags} == {FlagStatus.inconclusive}
    assert case.status is CaseStatus.dismissed
    assert standing(case).search_demoted is False


def test_bulk_dismiss_needs_a_reason_and_skips_cases_held_by_others(open_case, make_user, count_rows):
    alice, bob = make_user("reviewer", "alice"), make_user("reviewer", "bob")
    free, held = open_case(), open_case()
    claims.claim(web(bob), held, bob)
    db.session.commit()
    with pytest.raises(ReviewError):
        decisions.bulk_dismiss(web(alice), [free, held], " ")
    assert decisions.bulk_dismiss(web(alice), [free, held], "误报：商品名") == 1
    db.session.commit()
    assert (free.status, held.status) == (CaseStatus.dismissed, CaseStatus.in_review)
    assert {f.status for f in free.flags} == {FlagStatus.dismissed}
    events = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "case.dismiss")).all()
    assert [(e.subject_id, e.after["reason"]) for e in events] == [(str(free.id), "误报：商品名")]
