"""Undoing a decision just taken: its reviewer takes it back within a short window, exactly.

A reviewer working through the queue moves on to the next case as soon as they decide; a slip (the wrong
verdict, the wrong canned reason) is one key away for ``UNDO_WINDOW_SECONDS`` (60 by default). The undo
is an exact reversal through the ledger (``penalties.withdraw``), never an edit: the decision stays,
marked withdrawn, and the audit trail says who undid what. It is refused (409) once anyone else acted
on it: a manager approved it, the merchant appealed or saw it (notification read, e-mail sent, PDF
issued), the statement of reasons left in an export, or the merchant's ledger moved since.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from backoffice.accounts.models import User
from backoffice.appeals.models import Appeal
from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import Actor, record
from backoffice.cases import states
from backoffice.cases.claims import ReviewConflict, ReviewError, lease_length
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus, FlagStatus
from backoffice.db import db, lock_row, utcnow
from backoffice.failures import NotAllowed
from backoffice.ledger.models import LedgerEntry
from backoffice.notifications.models import Notification, OutboxEmail
from backoffice.penalties import automatic
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import PenaltyDecision
from backoffice.rulings.models import RulingCopy
from backoffice.transparency.models import StatementOfReasons

REASON = "decision undone by its reviewer within the undo window"


class NotYours(ReviewError, NotAllowed):
    """Only the reviewer who decided undoes the decision."""


class UndoRefused(ReviewConflict):
    """Too late: the window has passed or someone else acted on the decision (the message says which)."""


def window() -> timedelta:
    return timedelta(seconds=int(current_app.config.get("UNDO_WINDOW_SECONDS", 60)))


def deadline(decision: CaseDecision) -> datetime:
    return decision.decided_at + window()


def offered(decision: CaseDecision | None, user: User, now: datetime | None = None) -> bool:
    """Whether the page offers ``user`` to undo ``decision`` (the operation checks the rest, under lock)."""
    return (decision is not None and decision.decided_by_id == user.id and decision.approved_by_id is None
            and decision.status in (DecisionStatus.applied, DecisionStatus.pending_approval)
            and (now or utcnow()) < deadline(decision))


def undo(actor: Actor, decision: CaseDecision, *, now: datetime | None = None) -> Case:
    """Take the decision back: reverse what it applied and give the case back to its reviewer, in review."""
    user = actor.user
    now = now or utcnow()
    if user is None or decision.decided_by_id != user.id:
        raise NotYours(_l("Only the reviewer who took a decision can undo it."))
    # The decision row first, like approve(): a manager approving it and an appeal being opened on it
    # (which references the row) wait for this, or this waits for them and then sees what they did.
    lock_row(decision)
    case = decision.case
    _check(decision, case, now)
    before = {"decision": decision.id, "status": case.status.value, "verdict": decision.verdict.value}
    try:
        if decision.status is DecisionStatus.applied:
            _reverse(actor, decision, case, now)
        states.DECISIONS.transition(decision, DecisionStatus.withdrawn)
        states.transition(case, CaseStatus.in_review)
        case.claimed_by_id, case.claim_expires_at, case.closed_at = user.id, now + lease_length(), None
        db.session.flush()
    except StaleDataError as exc:
        raise UndoRefused(_l("This case changed a moment ago; it can no longer be undone. Reload it.")) from exc
    record(actor, "case.undo", "case", case.id, before=before,
           after={"decision": decision.id, "status": case.status.value, "claimed_by": user.id})
    return case


def _check(decision: CaseDecision, case: Case, now: datetime) -> None:
    if decision.status is DecisionStatus.joined:
        raise UndoRefused(_l("This case was decided together with another one; undo that decision instead."))
    if decision.status is DecisionStatus.withdrawn:
        raise UndoRefused(_l("This decision was already undone (perhaps in another tab)."))
    if decision.status is DecisionStatus.refused or decision.approved_by_id is not None:
        raise UndoRefused(_l("A manager has already acted on this decision; it can no longer be undone."))
    if now >= deadline(decision):
        raise UndoRefused(_l("The %(s)d seconds in which a decision can be undone have passed. Ask a senior "
                             "reviewer if it must change.", s=int(window().total_seconds())))
    if decision.status is DecisionStatus.pending_approval:
        return
    if db.session.scalar(sa.select(Appeal.id).filter_by(ruling_id=decision.id).limit(1)) is not None:
        raise UndoRefused(_l("The merchant has appealed this ruling; it can no longer be undone."))
    if _sent(decision, case):
        raise UndoRefused(_l("The ruling has already reached the merchant (read, e-mailed or downloaded) or "
                             "left in an export; it can no longer be undone."))


def _notices(decision: CaseDecision, case: Case) -> list[Notification]:
    """The merchant's notices of this decision, as its ``case.apply`` audit event names them."""
    applied = db.session.scalars(sa.select(AuditEvent).where(
        AuditEvent.subject_type == "case", AuditEvent.subject_id == str(case.id), AuditEvent.action == "case.apply")
        .order_by(AuditEvent.id.desc())).all()
    ids = next(((e.after or {}).get("notified", []) for e in applied if (e.after or {}).get("decision") == decision.id),
               [])
    return list(db.session.scalars(sa.select(Notification).where(Notification.id.in_(ids)))) if ids else []


def _emails(decision: CaseDecision, notes: list[Notification]) -> list[OutboxEmail]:
    """The e-mails written with those notices (same transaction: same title, to the account's address)."""
    found = []
    for note in notes:
        account = db.session.get(User, note.user_id)
        if account is not None and account.email:
            found += db.session.scalars(sa.select(OutboxEmail).where(
                OutboxEmail.to_address == account.email, OutboxEmail.subject == note.title,
                OutboxEmail.created_at >= decision.decided_at))
    return found


def _sent(decision: CaseDecision, case: Case) -> bool:
    """Whether the merchant (or the outside world) has had the decision: then it is no longer ours to take back."""
    notes = _notices(decision, case)
    if any(n.read_at is not None for n in notes) or any(m.sent_at is not None for m in _emails(decision, notes)):
        return True
    checks = (
        sa.select(RulingCopy.id).where(RulingCopy.ruling_id == decision.id),
        sa.select(StatementOfReasons.id).where(StatementOfReasons.case_decision_id == decision.id,
                                               StatementOfReasons.exported_at.is_not(None)),
    )
    return any(db.session.scalar(q.limit(1)) is not None for q in checks)


def _lifted(case: Case, decision: CaseDecision) -> list[LedgerEntry]:
    """The case's automatic measures the decision lifted (decisions._lift_automatic)."""
    return list(db.session.scalars(sa.select(LedgerEntry).where(
        LedgerEntry.merchant_id == case.merchant_id, LedgerEntry.decision_id.is_(None),
        LedgerEntry.created_at >= decision.decided_at,
        LedgerEntry.reverses_id.in_(sa.select(LedgerEntry.id).where(
            LedgerEntry.case_id == case.id, LedgerEntry.is_provisional)))))


def _reopen(case: Case, decision: CaseDecision) -> None:
    for flag in case.flags:
        if flag.judged_at is not None and flag.judged_at >= decision.decided_at:
            flag.status, flag.judged_at = FlagStatus.open, None


def _reverse(actor: Actor, decision: CaseDecision, case: Case, now: datetime) -> None:
    """Undo what ``decisions._apply`` did (and ``conduct.decide_together`` for the cases decided with it):
    the penalty, the lifted automatic measures, the flags, the statement of reasons and the merchant's
    unread notice."""
    if case.about_customer and decision.verdict.value == "violation":
        raise UndoRefused(_l("A measure taken against a customer cannot be undone here; ask a senior reviewer."))
    joined = list(db.session.scalars(sa.select(CaseDecision).where(
        CaseDecision.joined_to_id == decision.id, CaseDecision.status == DecisionStatus.joined)
        .order_by(CaseDecision.case_id)))
    lifted = {c.id: (c, _lifted(c, decision)) for c in [case, *(j.case for j in joined)]}
    if decision.penalty_decision_id is not None:
        penalty = db.session.get(PenaltyDecision, decision.penalty_decision_id)
        penalties.withdraw(actor, penalty, REASON, at=now,
                           also_ours=[e.id for _c, entries in lifted.values() for e in entries])
    for other, entries in lifted.values():
        if entries:
            automatic.restore_provisional(actor, other.merchant, entries, REASON)
        _reopen(other, decision)
    user = actor.user
    for j in joined:  # back to the reviewer with the lead, to be decided again (together or not)
        states.DECISIONS.transition(j, DecisionStatus.withdrawn)
        states.transition(j.case, CaseStatus.in_review)
        j.case.claimed_by_id, j.case.claim_expires_at, j.case.closed_at = user.id, now + lease_length(), None
        record(actor, "case.undo", "case", j.case_id, after={"decision": j.id, "lead_decision": decision.id,
                                                            "status": "in_review", "claimed_by": user.id})
    # Unexported, unread, unsent (``_check``): none of it has left the platform, so it goes with the decision.
    for row in db.session.scalars(sa.select(StatementOfReasons).filter_by(case_decision_id=decision.id)):
        db.session.delete(row)
    notes = _notices(decision, case)
    for row in [*_emails(decision, notes), *notes]:
        db.session.delete(row)
