"""Deciding a case: preview, four-eyes approval, and applying everything in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from backoffice.accounts.models import Role
from backoffice.audit.operations import Actor, record
from backoffice.cases import removal, states
from backoffice.cases.claims import ReviewConflict, ReviewError
from backoffice.cases.models import (
    Case,
    CaseDecision,
    CaseKind,
    CaseStatus,
    DecisionStatus,
    FlagSource,
    FlagStatus,
    Verdict,
)
from backoffice.conversations.models import Message
from backoffice.customers import operations as customers
from backoffice.db import db, lock_row, utcnow
from backoffice.failures import NotAllowed
from backoffice.ledger.models import LedgerEntry
from backoffice.merchants import links
from backoffice.notifications import staff
from backoffice.notifications.operations import notify_merchant, notify_user
from backoffice.penalties import automatic
from backoffice.penalties import operations as penalties
from backoffice.policy import MeasurePlan, ParameterError, UnknownRuleError, get_rulebook
from backoffice.policy.titles import rule_title
from backoffice.rulings import issuing
from backoffice.rulings.facts import ruling_number
from backoffice.transparency import operations as statements

VERDICT_NAMES = {Verdict.violation: _l("confirmed"), Verdict.no_violation: _l("not confirmed"),
                 Verdict.insufficient_evidence: _l("insufficient evidence")}


#: What a verdict makes of the case's open flags (the detector's feedback).
FLAG_STATUS = {Verdict.violation: FlagStatus.confirmed, Verdict.no_violation: FlagStatus.dismissed,
               Verdict.insufficient_evidence: FlagStatus.inconclusive}


class DecisionConflict(ReviewConflict):
    """The case changed since the reviewer loaded it; nothing was applied."""


NOT_WAITING = _l("This decision is not waiting for approval.")
APPROVED_MEANWHILE = _l("This decision was approved or refused by someone else a moment ago; reload the "
                        "approvals to see what was done.")


class ApproverNotIndependent(ReviewError, NotAllowed):
    """Four-eyes: the manager who approves decided the case."""


@dataclass(frozen=True)
class DecisionInput:
    verdict: Verdict
    rationale: str
    rule_code: str | None = None
    severity: str | None = None
    params: Mapping[str, Any] | None = None
    dropped: tuple[str, ...] = ()
    deviation_reason: str = ""
    quoted: tuple[int, ...] = ()  # ids of the conversation's messages the ruling should also quote


def threshold() -> Decimal:
    return Decimal(str(current_app.config.get("APPROVAL_DEPOSIT_THRESHOLD", "5000")))


def preview(case: Case, data: DecisionInput) -> MeasurePlan:
    """The measures a violation verdict would impose now (nothing is written)."""
    if not data.rule_code or not data.severity:
        raise ReviewError(_l("Choose the rule and the severity."))
    try:
        # Where the pack says so (community: 滥用多个帐号 … 加重处罚), a linked shop's violations raise it.
        severity = links.aggravated(case.merchant, data.rule_code, data.severity)
        return penalties.preview(case.merchant, data.rule_code, severity, data.params or {})
    except (ParameterError, UnknownRuleError, penalties.PenaltyError) as exc:
        raise ReviewError(str(exc)) from exc


def customer_preview(case: Case, data: DecisionInput) -> customers.CustomerPlan | None:
    """The customer rule's measure a violation verdict would take now (None: the merchant is the subject)."""
    if not case.about_customer:
        return None
    try:
        return customers.plan(case.platform.value, case.customer_id, data.rule_code, data.severity)
    except customers.CustomerRuleError as exc:
        raise ReviewError(str(exc)) from exc


def approval_reasons(plan: MeasurePlan, dropped: Iterable[str]) -> list[str]:
    """Why a manager must approve before the measures take effect (four-eyes)."""
    dropped = set(dropped)
    kept = [m for m in plan.measures if m.type not in dropped]
    reasons = []
    if any(m.type == "removal" for m in kept):
        reasons.append("removal")
    if any(m.type == "deposit_deduction" and max(m.requested or 0, m.applied or 0) > threshold()
           for m in kept):
        reasons.append("deposit_above_threshold")
    if dropped:
        reasons.append("deviation")
    return reasons


def decide(actor: Actor, case: Case, data: DecisionInput, *, expected_version: int) -> CaseDecision:
    """Record the reviewer's verdict; apply it now or hold it for a manager's approval."""
    reviewer = actor.user
    if case.version != expected_version:
        raise DecisionConflict(_l("The case changed since you opened it. Reload it and decide again."))
    if not states.can_decide(case, reviewer):
        raise ReviewError(_l("Claim the case before deciding it."))
    if not data.rationale.strip():
        raise ReviewError(_l("Write the reasons for the decision."))
    # A case about the customer (a merchant's fraud report, or the customer's own messages) never
    # penalises the merchant; a violation verdict takes the customer rule's measure instead.
    penalising = data.verdict is Verdict.violation and case.kind is CaseKind.violation
    plan = preview(case, data) if penalising else None
    about_customer = customer_preview(case, data) if data.verdict is Verdict.violation else None
    if plan is not None:
        unknown = set(data.dropped) - {m.type for m in plan.measures}
        if unknown:
            raise ReviewError(_l("These measures are not in the computed plan: %(m)s",
                                 m=", ".join(sorted(unknown))))
        if data.dropped and not data.deviation_reason.strip():
            raise ReviewError(_l("Leaving out a computed measure needs a reason (and a manager's approval)."))
    quoted = sorted(set(data.quoted))
    if quoted:
        known = set(db.session.scalars(sa.select(Message.id).where(
            Message.conversation_id == case.conversation_id, Message.id.in_(quoted))))
        if known != set(quoted):
            raise ReviewError(_l("Only messages of this case's conversation can be quoted."))
    reasons = approval_reasons(plan, data.dropped) if plan else []
    decision = CaseDecision(
        case_id=case.id, verdict=data.verdict, rule_code=data.rule_code if plan or about_customer else case.rule_code,
        severity=plan.severity if plan else (data.severity if about_customer else None),
        rationale=data.rationale.strip(),
        params=dict(data.params or {}),
        dropped=sorted(data.dropped), deviation_reason=data.deviation_reason.strip(),
        preview=plan.to_dict() if plan else about_customer.to_dict() if about_customer else None,
        approval_reasons=reasons, quoted_message_ids=quoted,
        status=DecisionStatus.pending_approval if reasons else DecisionStatus.applied,
        decided_by_id=reviewer.id, decided_at=utcnow(),
    )
    db.session.add(decision)
    try:
        if reasons:
            states.transition(case, CaseStatus.awaiting_approval)
            case.claim_expires_at = None
            db.session.flush()
            record(actor, "case.decide", "case", case.id, after=_summary(decision))
            staff.approval_waiting(decision)
        else:
            db.session.flush()
            record(actor, "case.decide", "case", case.id, after=_summary(decision))
            _apply(actor, case, decision)
        db.session.flush()  # the case's version check happens here, not at the caller's commit
    except StaleDataError as exc:
        raise DecisionConflict(
            _l("The case changed since you opened it. Reload it and decide again.")) from exc
    return decision


def approve(actor: Actor, decision: CaseDecision, approved: bool, note: str) -> CaseDecision:
    """A manager approves or refuses a decision held for four-eyes review."""
    manager = actor.user
    if manager is None or manager.role is not Role.manager:
        raise ReviewError(_l("Only a manager can approve decisions."))
    if not states.awaiting_approval(decision):
        raise ReviewConflict(NOT_WAITING)
    # Two managers (or one double click) at the same moment: the second waits here for the first,
    # then finds the decision no longer waiting. The decision row is locked before the case, the
    # penalty and the ledger, like every writer.
    lock_row(decision)
    if not states.awaiting_approval(decision):
        raise ReviewConflict(APPROVED_MEANWHILE)
    if decision.decided_by_id == manager.id:
        raise ApproverNotIndependent(_l("The manager who approves cannot be the reviewer who decided."))
    if not approved and not note.strip():
        raise ReviewError(_l("Say why the decision is refused."))
    decision.approved_by_id, decision.approved_at, decision.approval_note = manager.id, utcnow(), note.strip()
    case = decision.case
    try:
        if approved:
            record(actor, "case.approve", "case", case.id, after={"decision": decision.id, "note": note})
            _apply(actor, case, decision)
        else:
            states.DECISIONS.transition(decision, DecisionStatus.refused)
            states.transition(case, CaseStatus.open)
            case.claimed_by_id, case.claim_expires_at = None, None
            db.session.flush()
    except StaleDataError as exc:  # the case's version moved under us: nothing of this is kept
        raise DecisionConflict(APPROVED_MEANWHILE) from exc
    if not approved:
        record(actor, "case.refuse", "case", case.id, after={"decision": decision.id, "note": note})
        if decision.decided_by is not None:
            notify_user(decision.decided_by, "decision_refused", str(_l("Decision refused")),
                        str(_l("Case %(id)d: %(note)s", id=case.id, note=note)), f"/cases/{case.id}")
    return decision


def _apply(actor: Actor, case: Case, decision: CaseDecision) -> None:
    """Write the ledger, lift automatic measures, resolve flags, close the case, notify the merchant."""
    now = utcnow()
    if decision.verdict is Verdict.violation and case.kind is CaseKind.violation:
        if removal.removes_merchant(decision.preview):
            removal.lock_others(case)  # before the balance row, like a reviewer deciding one of them
        penalty = penalties.impose(actor, case.merchant, decision.rule_code, decision.severity,
                                   decision.params, drop=decision.dropped, reason=decision.rationale)
        decision.penalty_decision_id = penalty.id
        statements.record_decision(case, decision, penalty)  # DSA Art. 17: issued as the measures apply
        issuing.mark_issued(decision.id)  # its PDFs are rendered and stored once this commits
        if removal.removes_merchant(penalty.plan):
            removal.close_others(actor, case, decision)
    elif decision.verdict is Verdict.violation and case.about_customer:
        customers.impose(actor, case, decision)
    _lift_automatic(actor, case, decision)
    flag_status = FLAG_STATUS[decision.verdict]
    for flag in case.flags:
        if flag.status is FlagStatus.open:
            flag.status, flag.judged_at = flag_status, now
    if decision.status is not DecisionStatus.applied:  # one that needed no approval was made applied
        states.DECISIONS.transition(decision, DecisionStatus.applied)
    closed = CaseStatus.decided if decision.verdict is Verdict.violation else CaseStatus.dismissed
    states.transition(case, closed)
    case.claimed_by_id, case.claim_expires_at, case.closed_at = None, None, now
    db.session.flush()
    notes = []
    if case.kind is CaseKind.fraud_report or any(f.source is FlagSource.merchant_report for f in case.flags):
        notes = notify_merchant(case.merchant_id, "fraud_report", lambda: (
            _l("Your fraud report has been reviewed"),
            _l("Outcome: %(v)s. %(r)s", v=str(VERDICT_NAMES[decision.verdict]), r=decision.rationale)))
    elif decision.verdict is Verdict.violation and case.kind is CaseKind.violation:
        number = ruling_number(decision)
        notes = notify_merchant(case.merchant_id, "ruling", lambda: (
            _l("New ruling on your shop"),
            _l("Ruling %(n)s: %(rule)s. See the measures, the reasons and how to appeal.",
               n=number, rule=rule_title(decision.rule_code))), link=f"/merchant/rulings/{decision.id}")
    # The notices sent are named so that an undo (cases/undo.py) finds exactly these again.
    record(actor, "case.apply", "case", case.id, after={"decision": decision.id, "status": case.status.value,
                                                        **({"notified": [n.id for n in notes]} if notes else {})})


def _lift_automatic(actor: Actor, case: Case, decision: CaseDecision) -> None:
    # The ruling's own measures replace the provisional ones; a dismissal simply lifts them. Those the
    # pack keeps whatever the outcome (ZBJ's risk notice, ``lifted_at_review: false``) stay.
    if case.rule_code is None or case.about_customer:  # a customer's case takes no measure of the merchant
        return
    kinds = [a.measure.type for a in get_rulebook().rule(case.rule_code).automatic if a.lifted_at_review]
    ids = list(db.session.scalars(sa.select(LedgerEntry.id).where(
        LedgerEntry.case_id == case.id, LedgerEntry.is_provisional, LedgerEntry.reverses_id.is_(None),
        LedgerEntry.kind.in_(kinds))))
    if ids:
        automatic.lift_provisional(actor, case.merchant, ids, f"case {case.id}: {decision.verdict.value}")


def bulk_dismiss(actor: Actor, cases: Iterable[Case], reason: str) -> int:
    """Dismiss obvious false positives; one audit event per case."""
    if not reason.strip():
        raise ReviewError(_l("Give a reason for dismissing."))
    count = 0
    try:
        for case in cases:
            if not states.can_dismiss(case, actor.user):
                continue
            decision = CaseDecision(case_id=case.id, verdict=Verdict.no_violation, rule_code=case.rule_code,
                                    rationale=reason.strip(), status=DecisionStatus.applied,
                                    decided_by_id=actor.user.id if actor.user else None, decided_at=utcnow())
            db.session.add(decision)
            db.session.flush()
            record(actor, "case.dismiss", "case", case.id, after={"reason": reason, "bulk": True})
            _apply(actor, case, decision)
            count += 1
        db.session.flush()  # every case's version check happens here, not at the caller's commit
    except StaleDataError as exc:
        raise DecisionConflict(_l("Some of these cases were taken or decided by someone else meanwhile; nothing "
                                  "was dismissed. Reload the queue and select again.")) from exc
    return count


def _summary(decision: CaseDecision) -> dict:
    return {"decision": decision.id, "verdict": decision.verdict.value, "rule": decision.rule_code,
            "severity": decision.severity, "dropped": decision.dropped, "approval": decision.approval_reasons,
            "rationale": decision.rationale}
