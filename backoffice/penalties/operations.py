"""Domain verbs for penalties: impose, overturn, reduce, revoke by exam, automatic measures."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backoffice.audit.operations import Actor, record
from backoffice.db import db, duplicate_refused, lock_row, utcnow
from backoffice.failures import Conflict, DomainError
from backoffice.ledger import operations as ledger
from backoffice.ledger.models import WINDOW_KINDS, EntryKind, LedgerEntry
from backoffice.merchants.models import Merchant
from backoffice.penalties.models import DecisionState, ExamRevocation, PenaltyDecision
from backoffice.policy import (
    ExamPass,
    MeasurePlan,
    PlannedMeasure,
    PriorOffence,
    Rule,
    compute_measures,
    exam_relief,
    get_rulebook,
    offence_number,
    self_check_applies,
)
from backoffice.policy.compute import DSA_APPEAL_MONTHS
from backoffice.policy.escalation import escalate
from backoffice.policy.leniency import apply_self_check, exam_grade
from backoffice.policy.schema import SEVERITIES
from backoffice.timeutil import platform_tz


class PenaltyError(DomainError, ValueError):
    """A penalty operation that cannot be carried out; the message is for people."""


class PenaltyChanged(PenaltyError, Conflict):
    """Someone else overturned, reduced or revoked the decision since it was read; nothing was written."""


CHANGED_MEANWHILE = _l("This penalty was changed by someone else a moment ago (overturned, reduced or lifted "
                       "by an exam); reload to see where it stands.")
#: The unique indexes that refuse a second ending of one decision (see ``_ending_once``).
_ENDING_INDEXES = ("uq_ledger_entries_one_reversal_per_ending", "ledger_entries.reverses_id",
                   "uq_penalty_decisions_supersedes_id", "penalty_decisions.supersedes_id",
                   "uq_exam_revocations_decision_id", "exam_revocations.decision_id")


def _lock_in_force(decision: PenaltyDecision) -> None:
    """Lock the decision's row, then check it is still in force.

    Every writer locks a decision before the merchant's balance row (``ledger.lock_balance``), and
    an appeal's decision locks the appeal before both: one order, so no deadlock.
    """
    lock_row(decision)
    if decision.state is not DecisionState.in_force:
        raise PenaltyChanged(CHANGED_MEANWHILE)


def _ending_once():
    """Where the database itself refuses a second overturn, reduction or exam revocation of a decision
    (should two slip past the row lock), refuse it as a change made meanwhile, not as a server error."""
    return duplicate_refused(lambda: PenaltyChanged(CHANGED_MEANWHILE), *_ENDING_INDEXES)


def rule_for(merchant: Merchant, code: str) -> Rule:
    rule = get_rulebook().rule(code)
    if str(rule.platform) != merchant.platform.value:
        raise PenaltyError(f"rule {code} belongs to {rule.platform}, not to {merchant.platform.value}")
    return rule


def decisions_of(merchant: Merchant) -> list[PenaltyDecision]:
    stmt = sa.select(PenaltyDecision).filter_by(merchant_id=merchant.id).order_by(PenaltyDecision.id)
    return list(db.session.scalars(stmt))


def prior_offences(merchant: Merchant) -> list[PriorOffence]:
    """Confirmed decisions as offence history; overturned and superseded ones do not count."""
    return [
        PriorOffence(d.rule_code, d.decided_at, overturned=d.state is not DecisionState.in_force,
                     severity=d.severity)
        for d in decisions_of(merchant)
    ]


def preview(merchant: Merchant, rule_code: str, severity: str, params: Mapping[str, Any],
            at: datetime | None = None) -> MeasurePlan:
    """Compute what a decision would impose now, without writing anything."""
    at = at or utcnow()
    rule = rule_for(merchant, rule_code)
    return _plan(merchant, rule, severity, params, at)


def _plan(merchant: Merchant, rule: Rule, severity: str, params: Mapping[str, Any], at: datetime) -> MeasurePlan:
    tz = platform_tz()
    standing = ledger.standing_of(merchant, tz, at)
    prior = prior_offences(merchant)
    offence_no = offence_number(rule, prior, at)
    snap = ledger.snapshot(standing, _unseen_deposit(merchant, standing))
    escalation = escalate(rule, severity, prior, at)
    plan = compute_measures(rule, escalation["to"] if escalation else severity, offence_no, snap, params, at, tz)
    if escalation:
        plan = replace(plan, escalation=escalation, explanation=(
            f"{plan.explanation}; {escalation['from']} case no. {escalation['occurrence']} within "
            f"{escalation['window_days']} days (>= {escalation['occurrences']}): graded {escalation['to']}"))
    if rule.self_check:
        earlier = [d.decided_at for d in decisions_of(merchant)
                   if d.rule_code == rule.code and d.state is DecisionState.in_force]
        plan = apply_self_check(plan, self_check_applies(rule, earlier, at, tz))
    if merchant.in_eu and plan.cited is not None:
        # Frozen with the rule's wording: the appeal window the ruling is issued with.
        plan = replace(plan, cited={**plan.cited, "appeal_min_months": DSA_APPEAL_MONTHS})
    return plan


def _unseen_deposit(merchant: Merchant, standing) -> Decimal:
    """Deposit changes recorded after a standing's moment (a decision dated in the past).

    A deduction is computed against the balance it is applied to, which holds every entry
    recorded so far, not only those recorded by the decision's date.
    """
    current = sum((e.deposit_delta for e in ledger.entries_of(merchant.id) if e.deposit_delta is not None),
                  Decimal("0"))
    return current - standing.deposit_balance


def impose(actor: Actor, merchant: Merchant, rule_code: str, severity: str, params: Mapping[str, Any],
           *, at: datetime | None = None, reason: str = "", drop: Iterable[str] = ()) -> PenaltyDecision:
    """Decide a confirmed violation: freeze the computed measures and write them to the ledger.

    ``drop`` leaves measure types out of the computed plan (an approved deviation).
    """
    at = at or utcnow()
    rule = rule_for(merchant, rule_code)
    balance = ledger.lock_balance(merchant)
    plan = _plan(merchant, rule, severity, params, at)
    dropped = set(drop)
    if dropped:
        plan = replace(plan, measures=tuple(m for m in plan.measures if m.type not in dropped),
                       explanation=f"{plan.explanation}; left out by approved deviation: {', '.join(sorted(dropped))}")
    decision = PenaltyDecision(
        merchant_id=merchant.id, rule_code=rule.code, severity=plan.severity, offence_no=plan.offence_no,
        ruleset_version=plan.ruleset_version, plan=plan.to_dict(), decided_at=at,
        decided_by_id=actor.user.id if actor.user else None,
        is_correction="self-check correction" in plan.explanation,
    )
    db.session.add(decision)
    db.session.flush()
    for measure in plan.measures:
        ledger.post_measure(balance, measure, decision_id=decision.id, reason=reason or plan.explanation)
    record(actor, "penalty.impose", "penalty_decision", decision.id,
           after={"merchant": merchant.external_id, "plan": decision.plan})
    return decision


def _chain(decision: PenaltyDecision) -> list[PenaltyDecision]:
    chain = [decision]
    while chain[-1].supersedes is not None:
        chain.append(chain[-1].supersedes)
    return chain


def _chain_entries(merchant: Merchant, decision: PenaltyDecision) -> tuple[list[LedgerEntry], list[LedgerEntry]]:
    """All the merchant's entries, and the original (non-reversal) ones of the decision's chain."""
    ids = {d.id for d in _chain(decision)}
    entries = ledger.entries_of(merchant.id)
    return entries, [e for e in entries if e.decision_id in ids and e.reverses_id is None]


def overturn(actor: Actor, decision: PenaltyDecision, reason: str, *, at: datetime | None = None) -> list[LedgerEntry]:
    """Reverse every measure of the decision (and of the decisions it superseded) exactly."""
    _require_in_force(decision)
    _lock_in_force(decision)
    return _reverse_all(actor, decision, reason, at or utcnow(), DecisionState.overturned, "penalty.overturn")


def withdraw(actor: Actor, decision: PenaltyDecision, reason: str, *, at: datetime | None = None,
             also_ours: Iterable[int] = ()) -> list[LedgerEntry]:
    """Take back a decision its reviewer undid moments after taking it: reverse every measure exactly.

    Refused (409) once the merchant's ledger moved after the decision's own entries (``also_ours`` are
    the other entries the same act wrote, such as lifted automatic measures): a later decision was
    computed on top of this one, and reversing it would leave that one wrong.
    """
    _require_in_force(decision)
    _lock_in_force(decision)
    ledger.lock_balance(decision.merchant)  # held from here to commit: nothing else moves the ledger
    entries = ledger.entries_of(decision.merchant_id)
    own = [e.id for e in entries if e.decision_id == decision.id] + list(also_ours)
    if own and any(e.id > min(own) and e.id not in own and e.decision_id != decision.id for e in entries):
        raise PenaltyChanged(_l("The merchant's ledger has changed since this decision (another measure or "
                                "top-up was recorded); it can no longer be undone. Ask a senior reviewer."))
    return _reverse_all(actor, decision, reason, at or utcnow(), DecisionState.withdrawn, "penalty.withdraw")


def _reverse_all(actor: Actor, decision: PenaltyDecision, reason: str, at: datetime, state: DecisionState,
                 action: str) -> list[LedgerEntry]:
    merchant = decision.merchant
    balance = ledger.lock_balance(merchant)
    entries, originals = _chain_entries(merchant, decision)
    remaining = ledger.remaining_effects(entries)
    with _ending_once():
        written = [
            r for e in originals
            if (r := ledger.reverse(balance, remaining[e.id], at=at, reason=reason, decision_id=decision.id,
                                    ends_decision_id=decision.id))
        ]
        decision.state, decision.ended_at, decision.end_reason = state, at, reason[:500]
        db.session.flush()
    record(actor, action, "penalty_decision", decision.id,
           before={"state": "in_force"}, after={"state": state.value, "reason": reason,
                                                "reversal_entries": [e.id for e in written]})
    return written


def reduce(actor: Actor, decision: PenaltyDecision, *, severity: str | None = None,
           drop: Iterable[str] = (), params: Mapping[str, Any] | None = None, reason: str,
           at: datetime | None = None) -> PenaltyDecision:
    """Supersede the decision with a lighter one and reverse exactly the difference."""
    _require_in_force(decision)
    _lock_in_force(decision)
    at = at or utcnow()
    merchant = decision.merchant
    rule = rule_for(merchant, decision.rule_code)
    balance = ledger.lock_balance(merchant)
    entries, originals = _chain_entries(merchant, decision)
    remaining = ledger.remaining_effects(entries)
    held = -sum((remaining[e.id].quantity for e in originals if e.kind is EntryKind.deposit_deduction),
                Decimal("0"))
    # The lighter plan is computed as of the original decision, as if its deduction were not made:
    # against what is held now plus what it took, but never more than the merchant had then
    # (deposit topped up since is not there to be taken).
    standing = ledger.standing_of(merchant, platform_tz(), at)
    moves = [(e.id, e.deposit_delta) for e in entries if e.deposit_delta is not None]
    available = sum((d for _, d in moves), Decimal("0")) + held
    if originals:
        first = min(e.id for e in originals)
        available = min(available, sum((d for i, d in moves if i < first), Decimal("0")))
    snap = ledger.snapshot(standing, available - standing.deposit_balance)
    old = MeasurePlan.from_dict(decision.plan)
    new_plan = compute_measures(rule, severity or decision.severity, decision.offence_no, snap,
                                params if params is not None else old.params,
                                decision.decided_at, platform_tz())
    # Measures the decision in force no longer has (dropped by an earlier reduction) stay dropped.
    as_ruled = compute_measures(rule, decision.severity, decision.offence_no,  # type: ignore[arg-type]
                                snap, old.params, decision.decided_at, platform_tz())
    dropped = set(drop) | ({m.type for m in as_ruled.measures} - {m.type for m in old.measures})
    kept_measures = tuple(m for m in new_plan.measures if m.type not in dropped)
    rank_old = SEVERITIES.index(decision.severity)  # type: ignore[arg-type]
    rank_new = SEVERITIES.index(new_plan.severity)  # type: ignore[arg-type]
    if rank_new > rank_old:
        raise PenaltyError(f"a reduction cannot raise the severity from {decision.severity} "
                           f"to {new_plan.severity}")
    lowered = rank_new < rank_old
    held_keys = {_key(e.kind.value, e.track) for e in originals}
    added = [m.type for m in kept_measures if _key(m.type, m.track) not in held_keys]
    if added and not lowered:
        # Only a lower severity may bring measures of its own (e.g. serious removal -> general points).
        raise PenaltyError(f"a reduction cannot add {', '.join(added)}")
    new_plan = replace(new_plan, measures=kept_measures, explanation=f"{new_plan.explanation}; reduced: {reason}")
    successor = PenaltyDecision(
        merchant_id=merchant.id, rule_code=rule.code, severity=new_plan.severity,
        offence_no=decision.offence_no, ruleset_version=new_plan.ruleset_version, plan=new_plan.to_dict(),
        decided_at=decision.decided_at, decided_by_id=actor.user.id if actor.user else None,
        supersedes_id=decision.id,
    )
    with _ending_once():
        db.session.add(successor)
        db.session.flush()
        _apply_difference(balance, originals, remaining, new_plan.measures, decision.id, successor.id, at, reason)
        decision.state, decision.ended_at, decision.end_reason = DecisionState.superseded, at, reason[:500]
        db.session.flush()
    record(actor, "penalty.reduce", "penalty_decision", decision.id,
           before={"plan": decision.plan}, after={"successor": successor.id, "plan": successor.plan})
    return successor


def _key(kind: str, track: str | None) -> tuple[str, str | None]:
    return kind, track if kind == EntryKind.violation_points else None


def _apply_difference(balance, originals: list[LedgerEntry], remaining, measures: tuple[PlannedMeasure, ...],
                      ended_id: int, decision_id: int, at: datetime, reason: str) -> None:
    reverse = functools.partial(ledger.reverse, balance, at=at, reason=reason, decision_id=decision_id,
                                ends_decision_id=ended_id)
    targets: dict[tuple, PlannedMeasure] = {_key(m.type, m.track): m for m in measures}
    matched: set[tuple] = set()
    for e in originals:
        key = _key(e.kind.value, e.track)
        target = targets.get(key)
        matched.add(key)
        rest = remaining[e.id]
        if target is None:
            reverse(rest)
        elif e.kind in WINDOW_KINDS:
            if target.ends_at is None and rest.ends_at is not None:
                raise PenaltyError(f"a reduction cannot make the {e.kind.value} longer")
            if target.ends_at is not None:
                reverse(rest, new_end=target.ends_at)
        elif rest.quantity is not None:
            try:
                reverse(rest, keep_quantity=_quantity_of(target))
            except ledger.LedgerError as exc:
                raise PenaltyError(f"a reduction cannot increase {e.kind.value}") from exc
    for key, measure in targets.items():
        if key not in matched:
            ledger.post_measure(balance, measure, decision_id=decision_id, reason=reason)


def _quantity_of(measure: PlannedMeasure):
    if measure.type == "integrity_points":
        return measure.integrity_points
    if measure.type == "violation_points":
        return measure.violation_points
    if measure.type == "deposit_deduction":
        return -(measure.applied or Decimal("0"))
    if measure.type == "consumer_compensation":
        return measure.amount
    return None


def revoke_by_exam(actor: Actor, decision: PenaltyDecision, *, passed_at: datetime | None = None) -> ExamRevocation:
    """Apply seed 004's exam-learning: lift what the exam lifts, once per sub-type per year."""
    _require_in_force(decision)
    _lock_in_force(decision)
    passed_at = passed_at or utcnow()
    merchant = decision.merchant
    rule = rule_for(merchant, decision.rule_code)
    history = db.session.scalars(sa.select(ExamRevocation).filter_by(merchant_id=merchant.id))
    passes = [ExamPass(r.subtype, r.grade, r.passed_at) for r in history]  # type: ignore[arg-type]
    plan = MeasurePlan.from_dict(decision.plan)
    try:
        relief = exam_relief(rule, plan, passes, passed_at, platform_tz())
    except ValueError as exc:
        raise PenaltyError(str(exc)) from exc
    balance = ledger.lock_balance(merchant)
    entries, originals = _chain_entries(merchant, decision)
    remaining = ledger.remaining_effects(entries)
    lifted = {m.type for m in relief.revoked}
    with _ending_once():  # the revocation row is unique per decision: a second pass lifts nothing twice
        revocation = ExamRevocation(merchant_id=merchant.id, decision_id=decision.id, subtype=rule.code,
                                    grade=exam_grade(decision.severity), passed_at=passed_at)
        db.session.add(revocation)
        db.session.flush()
        for e in originals:
            if e.kind.value in lifted:
                ledger.reverse(balance, remaining[e.id], at=passed_at, reason=relief.explanation,
                               decision_id=decision.id)
    record(actor, "penalty.exam_revoke", "penalty_decision", decision.id,
           after={"lifted": sorted(lifted), "explanation": relief.explanation})
    return revocation


def _require_in_force(decision: PenaltyDecision) -> None:
    if decision.state is not DecisionState.in_force:
        raise PenaltyError(f"decision {decision.id} is {decision.state.value}; only a decision in force can change")
