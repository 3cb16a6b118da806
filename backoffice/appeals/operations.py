"""Domain verbs for appeals: open, add evidence, submit, ask for more, decide."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session, SessionTransaction

from backoffice.accounts.models import Role, User
from backoffice.appeals import decision_clock, states, storage
from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus, Evidence, Supplement
from backoffice.appeals.queries import appeal_for_ruling
from backoffice.audit.operations import Actor, record
from backoffice.cases.models import FlagStatus
from backoffice.db import db, duplicate_refused, lock_row, utcnow
from backoffice.failures import Conflict, DomainError, NotAllowed
from backoffice.notifications import staff
from backoffice.notifications.operations import notify_merchant
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.rulings import issuing
from backoffice.rulings.facts import Ruling, appeal_deadline, appealable
from backoffice.timeutil import deadline_text, to_platform_tz


class AppealError(DomainError, ValueError):
    """An appeal action that cannot be carried out; the message is for people."""


class AppealClosed(AppealError, Conflict):
    """The appeal is decided or its period has ended (the message is translated: callers test the class)."""


class AppealChanged(AppealError, Conflict):
    """Someone else acted on the appeal since it was read (a second tab, a colleague); nothing was kept."""


ALREADY_DECIDED = _l("This appeal has already been decided; reload it to see the outcome.")
DECIDED_MEANWHILE = _l("This appeal was decided by someone else a moment ago; reload to see the outcome.")
OPENED_MEANWHILE = _l("This appeal was opened a moment ago, perhaps in another tab or window. Reload the page "
                      "and continue it there; nothing of this request was kept.")


class StatementFrozen(AppealError, Conflict):
    """The appeal was submitted: its statement is what the reviewers read, and it no longer changes."""

    code = "appeal_submitted"


def frozen_message(appeal: Appeal):
    return _l("This appeal was submitted on %(t)s (Beijing time) and its statement can no longer be changed. "
              "Add anything new as a supplement.", t=to_platform_tz(appeal.submitted_at).strftime("%Y-%m-%d %H:%M"))


class NotIndependent(AppealError, NotAllowed):
    """The user took part in the original decision and may not handle its appeal."""


def effective_deadline(appeal: Appeal, now: datetime | None = None) -> datetime | None:
    """The moment filing or adding evidence closes; None while the clock is paused in review."""
    if states.with_reviewers(appeal):
        return None
    return appeal.deadline_at


def check_open(appeal: Appeal, now: datetime) -> None:
    """Refuse (409) when the appeal is decided or the merchant's filing period has ended."""
    if states.is_decided(appeal):
        raise AppealClosed(_l("This appeal has been decided and cannot be reopened."))
    deadline = effective_deadline(appeal, now)
    if deadline is not None and now >= deadline:
        raise AppealClosed(_l("The appeal period has ended."))


def start(actor: Actor, ruling: Ruling, *, now: datetime | None = None) -> Appeal:
    """Open the (single) appeal of a ruling as a draft, or return the one that exists."""
    now = now or utcnow()
    if not appealable(ruling):
        raise AppealError(_l("This ruling cannot be appealed."))
    existing = appeal_for_ruling(ruling.id)
    if existing is not None:
        return existing
    # The ruling's row, as its reviewer's undo takes it (cases/undo.py): one of the two goes first, and
    # an appeal is never opened on a ruling undone a moment ago.
    lock_row(ruling)
    if not appealable(ruling):
        raise AppealClosed(_l("This ruling was withdrawn a moment ago and can no longer be appealed."))
    deadline = appeal_deadline(ruling)
    if now >= deadline:
        raise AppealClosed(_l("The appeal period has ended."))
    appeal = Appeal(ruling_id=ruling.id, merchant_id=ruling.case.merchant_id, deadline_at=deadline,
                    status=AppealStatus.draft)
    # Two requests that both found no appeal (a double click): the second waits for the first's row,
    # then the one-appeal-per-ruling constraint refuses it.
    with duplicate_refused(lambda: AppealChanged(OPENED_MEANWHILE), "uq_appeals_ruling_id", "appeals.ruling_id"):
        db.session.add(appeal)
        db.session.flush()
    record(actor, "appeal.open", "appeal", appeal.id, after={"ruling": ruling.id, "deadline": deadline})
    return appeal


def save_statement(actor: Actor, appeal: Appeal, statement: str, *, now: datetime | None = None) -> None:
    """Write the draft's statement; refused (409) once the appeal was submitted, even a moment ago."""
    statement = statement.strip()
    if len(statement) > 5000:
        raise AppealError(_l("The statement may be at most 5000 characters."))
    lock_row(appeal)  # a submission from another tab freezes the statement: checked once the lock is held
    check_open(appeal, now or utcnow())
    if states.statement_frozen(appeal):
        raise StatementFrozen(frozen_message(appeal))
    if statement != appeal.statement:
        appeal.statement = statement
        db.session.flush()
        record(actor, "appeal.statement", "appeal", appeal.id, after={"length": len(statement)})


def add_evidence(actor: Actor, appeal: Appeal, stream, name: str | None, *,
                 now: datetime | None = None, supplement: Supplement | None = None) -> Evidence:
    """Check and store one file, within the per-appeal limits.

    A file this call newly wrote is deleted again if the transaction rolls back (unless an evidence
    row of another transaction refers to it by then): no stored file stays without its evidence row.
    """
    check_open(appeal, now or utcnow())
    if supplement is None and states.statement_frozen(appeal):
        raise StatementFrozen(frozen_message(appeal))  # files sent later come with a dated supplement
    if len(appeal.evidence) >= storage.MAX_FILES:
        raise storage.UploadRejected(_l("An appeal may have at most %(n)d files.", n=storage.MAX_FILES))
    stored = storage.store(stream, name, room=storage.MAX_TOTAL_BYTES - sum(e.size for e in appeal.evidence))
    if stored.is_new:
        db.session.info.setdefault(_NEW_FILES, set()).add(stored.sha256)
    if any(e.sha256 == stored.sha256 for e in appeal.evidence):
        raise storage.UploadRejected(_l("This file is already attached to the appeal."))
    evidence = Evidence(appeal=appeal, supplement=supplement, sha256=stored.sha256, name=stored.name, mime=stored.mime,
                        kind=stored.kind, size=stored.size, has_thumbnail=stored.has_thumbnail)
    db.session.add(evidence)
    db.session.flush()
    record(actor, "appeal.evidence", "appeal", appeal.id,
           after={"sha256": stored.sha256, "name": stored.name, "size": stored.size,
                  "supplement": supplement.number if supplement else None})
    return evidence


_NEW_FILES = "appeals.new_files"  # session.info key: SHA-256 of the files the open transaction stored


@sa.event.listens_for(Session, "after_commit")
def _keep_new_files(session: Session) -> None:
    if not session.in_nested_transaction():  # a savepoint's commit is not the transaction's
        session.info.pop(_NEW_FILES, None)


@sa.event.listens_for(Session, "after_soft_rollback")
def _discard_new_files(session: Session, previous_transaction: SessionTransaction) -> None:
    """When the transaction rolls back, delete the files it stored that no evidence row refers to."""
    if previous_transaction.parent is not None or not session.info.get(_NEW_FILES):
        return  # a savepoint: the outer transaction decides
    created = session.info.pop(_NEW_FILES)
    try:
        kept = set(session.scalars(sa.select(Evidence.sha256).where(Evidence.sha256.in_(created))))
    except sa.exc.SQLAlchemyError:  # the database is unreachable: better a stray file than a lost one
        session.rollback()
        return
    for sha in created - kept:
        storage.discard(sha)


def submit(actor: Actor, appeal: Appeal, *, now: datetime | None = None) -> Appeal:
    """Send the appeal (or the added evidence) to the senior reviewers; the clock pauses."""
    now = now or utcnow()
    lock_row(appeal)
    check_open(appeal, now)
    if not appeal.statement.strip():
        raise AppealError(_l("Explain why the ruling is wrong before submitting."))
    if not states.can_submit(appeal):
        raise AppealChanged(_l("This appeal is already with the reviewers."))  # sent twice, say a double click
    appeal.remaining_seconds = max(int((appeal.deadline_at - now).total_seconds()), 0)
    states.transition(appeal, AppealStatus.submitted)
    appeal.submitted_at = appeal.submitted_at or now
    decision_clock.run(appeal, now)  # the platform's clock to decide starts, or runs again
    db.session.flush()
    record(actor, "appeal.submit", "appeal", appeal.id,
           after={"files": len(appeal.evidence), "decision_due": appeal.decision_due_at})
    return appeal


def _check_reviewer(appeal: Appeal, user: User | None) -> User:
    if user is None or user.role not in (Role.senior_reviewer, Role.manager):
        raise AppealError(_l("Appeals are decided by senior reviewers."))
    ruling = appeal.ruling
    if user.id in (ruling.decided_by_id, ruling.approved_by_id):
        raise NotIndependent(
            _l("You took part in the original decision, so another reviewer must decide the appeal."))
    return user


def _lock_with_reviewers(appeal: Appeal) -> None:
    """Lock the appeal's row (the first lock of a reviewer's action) and check again that it still
    waits for a reviewer: someone may have decided it, or asked for evidence, meanwhile."""
    lock_row(appeal)
    if states.is_decided(appeal):
        raise AppealChanged(DECIDED_MEANWHILE)
    if not states.with_reviewers(appeal):
        raise AppealChanged(_l("Someone asked the merchant for more evidence a moment ago; reload the appeal."))


def request_evidence(actor: Actor, appeal: Appeal, message: str, *, now: datetime | None = None) -> Appeal:
    """Ask the merchant for more; their filing clock runs again with the time that was left."""
    now = now or utcnow()
    _check_reviewer(appeal, actor.user)
    if states.is_decided(appeal):
        raise AppealClosed(ALREADY_DECIDED)
    if not states.with_reviewers(appeal):
        raise AppealError(_l("Only a submitted appeal can be sent back for evidence."))
    _lock_with_reviewers(appeal)
    if not message.strip():
        raise AppealError(_l("Say what evidence is needed."))
    states.transition(appeal, AppealStatus.awaiting_evidence)
    appeal.evidence_requested_at = now
    appeal.evidence_request = message.strip()
    appeal.deadline_at = now + timedelta(seconds=appeal.remaining_seconds or 0)
    decision_clock.pause(appeal, now)  # the platform's clock waits for the merchant's answer
    db.session.flush()
    record(actor, "appeal.request_evidence", "appeal", appeal.id,
           after={"message": message, "due": appeal.deadline_at,
                  "decision_seconds_left": appeal.decision_seconds_left})
    notify_merchant(appeal.merchant_id, "appeal_evidence", lambda: (
        _l("More evidence needed for your appeal"),
        _l("The reviewer asks: %(msg)s. Add it before %(due)s.", msg=message.strip(),
           due=deadline_text(appeal.deadline_at))), link=f"/merchant/rulings/{appeal.ruling_id}/appeal")
    return appeal


def decide(actor: Actor, appeal: Appeal, outcome: AppealOutcome, reason: str, *, severity: str | None = None,
           drop: tuple[str, ...] = (), now: datetime | None = None) -> Appeal:
    """Uphold, overturn or reduce; the ledger changes in the same transaction.

    Locks in one order: the appeal, then the penalty decision, then the merchant's ledger; each
    state is checked again once its lock is held, so of two reviewers deciding at the same moment
    exactly one decides and the other is refused (:class:`AppealChanged`).
    """
    _check_reviewer(appeal, actor.user)
    if states.is_decided(appeal):  # a page left open since (the lock below catches "just now")
        raise AppealClosed(ALREADY_DECIDED)
    if not states.with_reviewers(appeal):
        raise AppealError(_l("Only a submitted appeal can be decided."))
    _lock_with_reviewers(appeal)
    if not reason.strip():
        raise AppealError(_l("Give the reasons for the outcome; the merchant will read them."))
    penalty = db.session.get(PenaltyDecision, appeal.ruling.penalty_decision_id)
    lock_row(penalty)
    if penalty.state is not DecisionState.in_force:
        raise AppealChanged(_l("The penalty of this ruling is no longer in force."))
    try:
        if outcome is AppealOutcome.overturned:
            penalties.overturn(actor, penalty, f"appeal {appeal.id}: {reason}")
            for flag in appeal.ruling.case.flags:
                if flag.status is FlagStatus.confirmed:
                    flag.status, flag.judged_at = FlagStatus.dismissed, now or utcnow()
        elif outcome is AppealOutcome.reduced:
            if not severity and not drop:
                raise AppealError(_l("A reduction needs a lower severity or measures to leave out."))
            successor = penalties.reduce(actor, penalty, severity=severity, drop=drop,
                                         reason=f"appeal {appeal.id}: {reason}")
            appeal.successor_penalty_id = successor.id
    except penalties.PenaltyChanged:
        raise  # a conflict already, with its own message
    except penalties.PenaltyError as exc:
        raise AppealError(str(exc)) from exc
    states.transition(appeal, AppealStatus.decided)
    appeal.outcome, appeal.outcome_reason = outcome, reason.strip()
    appeal.decided_at, appeal.decided_by_id = now or utcnow(), actor.user.id
    db.session.flush()
    issuing.mark_issued(appeal.ruling_id)  # the ruling now states the outcome: stored anew after commit
    record(actor, "appeal.decide", "appeal", appeal.id, after={"outcome": outcome.value, "reason": reason})
    notify_merchant(appeal.merchant_id, "appeal_decided", lambda: (
        _l("Your appeal has been decided"),
        _l("Outcome: %(o)s. Reasons: %(r)s", o=str(OUTCOME_LABELS[outcome]), r=reason.strip())),
        link=f"/merchant/rulings/{appeal.ruling_id}/appeal")
    staff.ruling_changed(appeal)
    return appeal


OUTCOME_LABELS = {
    AppealOutcome.upheld: _l("ruling upheld"),
    AppealOutcome.overturned: _l("ruling overturned, every measure reversed"),
    AppealOutcome.reduced: _l("penalty reduced"),
}
