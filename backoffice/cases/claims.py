"""The queue's mechanics: leases on cases, release, hold for help, escalation, reassignment."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from backoffice.accounts.models import REVIEW_ROLES, Role, User
from backoffice.audit.operations import Actor, record
from backoffice.cases import help_requests, states
from backoffice.cases.models import Case, CaseStatus
from backoffice.cases.queries import QueueFilter
from backoffice.cases.states import SENIOR_ROLES, holds_claim
from backoffice.db import db, utcnow
from backoffice.failures import Conflict, DomainError


class ReviewError(DomainError, ValueError):
    """A review action that cannot be carried out; the message is for people."""


class ReviewConflict(ReviewError, Conflict):
    """The case is held by someone else, or no longer in the state the action needs."""


def lease_length() -> timedelta:
    return timedelta(minutes=int(current_app.config.get("CLAIM_LEASE_MINUTES", 15)))


def claimable(now, waiting: CaseStatus = CaseStatus.open):
    """Cases nobody holds: those ``waiting`` (open, or escalated for seniors), and claims whose lease ran out."""
    return sa.or_(
        Case.status == waiting,
        sa.and_(Case.status == CaseStatus.in_review, Case.claim_expires_at < now),
    )


def _flush_or_taken() -> None:
    """Write the case; someone else changed it since it was read (a concurrent claim): refuse."""
    try:
        db.session.flush()
    except StaleDataError as exc:
        raise ReviewConflict(_l("This case is held by someone else or is no longer open.")) from exc


def _take(actor: Actor, case: Case, user: User, now: datetime, action: str) -> Case:
    before = {"status": case.status.value, "claimed_by": case.claimed_by_id}
    states.transition(case, CaseStatus.in_review)
    case.claimed_by_id, case.claim_expires_at = user.id, now + lease_length()
    _flush_or_taken()
    record(actor, action, "case", case.id, before=before, after={"status": "in_review", "claimed_by": user.id})
    return case


def _status_is(status: CaseStatus):
    # Inline, not a bound parameter: the planner can match a partial index only against a constant
    # (a server-side prepared statement would otherwise get a generic plan without the index).
    return Case.status == sa.literal_column(f"'{status.value}'")


def _first(condition, order, postgres: bool):
    pick = sa.select(Case.id).where(condition).order_by(*order).limit(sa.literal_column("1"))
    return (pick.with_for_update(skip_locked=True) if postgres else pick).scalar_subquery()


def _candidate(postgres: bool, escalated: bool, within: tuple = (), by_age: bool = False):
    """The case claim-next takes: a lapsed lease first (the longest-lapsed one: its case has waited
    longest), then the highest-priority unclaimed case. Each comes from its own partial index (ix_cases_leases,
    ix_cases_unclaimed), so a claim never walks past the cases other reviewers hold; COALESCE runs
    the second look-up only when the first finds nothing. ``within`` narrows both to a queue's filters
    (the queue the reviewer works through), ``by_age`` takes the oldest case first instead."""
    order = (Case.opened_at, Case.id) if by_age else (Case.priority.desc(), Case.opened_at, Case.id)
    lapsed = sa.and_(_status_is(CaseStatus.in_review), Case.claim_expires_at < sa.bindparam("now"),
                     Case.escalated_at.is_not(None) if escalated else Case.escalated_at.is_(None), *within)
    waiting = sa.and_(_status_is(CaseStatus.escalated) if escalated else _status_is(CaseStatus.open), *within)
    return sa.func.coalesce(_first(lapsed, (Case.claim_expires_at, Case.id), postgres),
                            _first(waiting, order, postgres))


# The returned row replaces whatever the session already holds of that case.
_TAKE_OPTIONS = {"synchronize_session": False, "populate_existing": True}


def _take_values() -> dict:
    return {"status": CaseStatus.in_review, "claimed_by_id": sa.bindparam("claimant"),
            "claim_expires_at": sa.bindparam("expires", type_=Case.claim_expires_at.type),
            "version": Case.version + 1}


@functools.cache
def _claim_next_statement(escalated: bool) -> sa.Update:
    """PostgreSQL: pick, lock and take the case in one statement, returning the row as it was."""
    return _claim_statement(_candidate(True, escalated))


def _claim_statement(candidate) -> sa.Update:
    old = sa.select(Case.id, Case.status, Case.claimed_by_id).where(Case.id == candidate).subquery("old")
    return (sa.update(Case).where(Case.id == old.c.id).values(**_take_values())
            .returning(Case, old.c.status, old.c.claimed_by_id))


def _claim_next_serialised(params: dict, escalated: bool, candidate):
    """SQLite (one writer at a time, and RETURNING sees only the updated row): read the candidate,
    then take it if it is still free."""
    pick = sa.select(Case.id, Case.status, Case.claimed_by_id).where(Case.id == candidate)
    free = claimable(params["now"], CaseStatus.escalated if escalated else CaseStatus.open)
    for _ in range(5):
        old = db.session.execute(pick, params).first()
        if old is None:
            return None
        case = db.session.scalars(sa.update(Case).where(Case.id == old.id, free).values(**_take_values())
                                  .returning(Case), params, execution_options=_TAKE_OPTIONS).first()
        if case is not None:
            return case, old.status, old.claimed_by_id
    return None


def claim_next(actor: Actor, user: User, *, now: datetime | None = None, escalated: bool = False,
               within: QueueFilter | None = None, where: tuple = ()) -> Case | None:
    """Claim the next case nobody holds (of the queue ``within`` filters, and of the active saved view's
    conditions ``where``, when given); None when it is empty.

    On PostgreSQL one statement picks and takes the case (``UPDATE … WHERE id = (SELECT … LIMIT 1
    FOR UPDATE SKIP LOCKED) RETURNING``): concurrent reviewers skip each other's candidate rows
    instead of queueing on them, two reviewers can never take the same case, and nobody retries.
    """
    now = now or utcnow()
    params = {"now": now, "claimant": user.id, "expires": now + lease_length()}
    postgres = db.session.get_bind().dialect.name == "postgresql"
    narrowed = (*(within.claim_conditions() if within is not None else ()), *where)
    by_age = within is not None and within.sort == "age"
    if postgres:
        statement = (_claim_statement(_candidate(True, escalated, narrowed, by_age))
                     if narrowed or by_age else _claim_next_statement(escalated))
        row = db.session.execute(statement, params, execution_options=_TAKE_OPTIONS).first()
    else:
        candidate = _candidate(False, escalated, narrowed, by_age)
        row = _claim_next_serialised(params, escalated, candidate)
    if row is None:
        return None
    case, status, holder = row
    record(actor, "case.claim", "case", case.id, before={"status": str(status), "claimed_by": holder},
           after={"status": "in_review", "claimed_by": user.id})
    return case


def claim(actor: Actor, case: Case, user: User, *, now: datetime | None = None) -> Case:
    """Claim a given case (or take over one on hold for help)."""
    now = now or utcnow()
    if holds_claim(case, user, now) and case.status is CaseStatus.in_review:
        case.claim_expires_at = now + lease_length()
        return case
    if case.escalated_at is not None and user.role not in SENIOR_ROLES:
        raise ReviewConflict(_l("This case was escalated: a senior reviewer takes it."))
    if not states.can_claim(case, user, now):
        raise ReviewConflict(_l("This case is held by someone else or is no longer open."))
    return _take(actor, case, user, now, "case.claim")


def renew(case: Case, user: User, now: datetime | None = None) -> None:
    """Extend the lease while its holder works on the case.

    Written around the ORM's version counter: reading a case is not a change to it, so a decision
    form open in another tab of the same case stays valid.
    """
    now = now or utcnow()
    if holds_claim(case, user, now) and case.status is CaseStatus.in_review:
        expires = now + lease_length()
        db.session.execute(sa.update(Case).where(Case.id == case.id, Case.claimed_by_id == user.id)
                           .values(claim_expires_at=expires).execution_options(synchronize_session=False))
        sa.orm.attributes.set_committed_value(case, "claim_expires_at", expires)


def release(actor: Actor, case: Case, user: User) -> Case:
    if case.claimed_by_id is None or case.status not in states.HELD:
        # Already back in the queue (a second click, or another tab), decided, or waiting for approval.
        raise ReviewConflict(_l("This case is held by someone else or is no longer open."))
    if case.claimed_by_id != user.id and user.role is not Role.manager:
        raise ReviewError(_l("Only the holder or a manager can release this case."))
    if not states.can_release(case, user):
        # A decision waiting for approval, or a closed case, must not go back to the queue.
        raise ReviewConflict(_l("This case is held by someone else or is no longer open."))
    back_to = CaseStatus.escalated if case.escalated_at is not None else CaseStatus.open
    return _set(actor, case, back_to, None, "case.release")


def hold(actor: Actor, case: Case, user: User, reason: str) -> Case:
    """Put the case on hold for help: the lease stops running until someone takes it over."""
    _must_hold(case, user, _l("Claim the case before putting it on hold."))
    if not states.can_hold(case, user):  # already on hold: a second click, or another tab
        raise ReviewConflict(_l("This case is already on hold, waiting for help."))
    if not reason.strip():
        raise ReviewError(_l("Say what help is needed."))
    _set(actor, case, CaseStatus.on_hold, user.id, "case.hold", reason)
    help_requests.ask(case, user, help_requests.HelpKind.help, reason)
    return case


def escalate(actor: Actor, case: Case, user: User, reason: str) -> Case:
    _must_hold(case, user, _l("Claim the case before escalating it."))
    if not reason.strip():
        raise ReviewError(_l("Say why the case needs a senior reviewer."))
    case.escalated_at = case.escalated_at or utcnow()
    _set(actor, case, CaseStatus.escalated, None, "case.escalate", reason)
    help_requests.ask(case, user, help_requests.HelpKind.escalation, reason)
    return case


def _must_hold(case: Case, user: User, claim_first) -> None:
    """Only the holder acts on a held case; a case that moved on meanwhile (another click, another tab) is a 409."""
    if holds_claim(case, user):
        return
    if case.status is CaseStatus.open:
        raise ReviewError(claim_first)
    raise ReviewConflict(_l("This case is held by someone else or is no longer open."))


def reassign(actor: Actor, case: Case, target: User, *, expected_version: int) -> Case:
    """Give the case to ``target``, as the manager saw it: a case that changed since (claimed, reassigned by
    another manager, released) is a conflict, so that two managers' reassignments never both land."""
    if case.version != expected_version:
        raise ReviewConflict(_l("The case changed since you opened it (someone took it or reassigned it). "
                                "Reload it to see who holds it now."))
    if target.role not in REVIEW_ROLES or not target.is_enabled:
        raise ReviewError(_l("Cases can only be assigned to enabled reviewers."))
    if not states.takeable(case):
        raise ReviewConflict(_l("This case is no longer open."))
    return _take(actor, case, target, utcnow(), "case.reassign")


def _set(actor: Actor, case: Case, status: CaseStatus, holder: int | None, action: str, reason: str = "") -> Case:
    before = {"status": case.status.value, "claimed_by": case.claimed_by_id}
    states.transition(case, status)
    case.claimed_by_id, case.claim_expires_at = holder, None
    _flush_or_taken()
    record(actor, action, "case", case.id, before=before,
           after={"status": status.value, "claimed_by": holder, **({"reason": reason} if reason else {})})
    return case
