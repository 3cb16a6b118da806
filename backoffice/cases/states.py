"""The life of a case, stated once: which status may follow which, the verb that moves it, who may act.

Cases (``Case.status``); a new case is ``open``. From → to: the verbs (``review.claims``,
``review.decisions``) that make the move::

    open              → in_review          claim, claim_next, reassign
                      → dismissed          bulk_dismiss, merge (folded into a mass sending's case),
                                           close_removed (the shop was removed by another ruling)
    in_review         → in_review          claim, claim_next (the lease lapsed), reassign
                      → open, escalated    release (escalated: the case was escalated before)
                      → on_hold            hold
                      → escalated          escalate
                      → awaiting_approval  decide (four-eyes)
                      → decided            decide (violation)
                      → dismissed          decide (no violation, insufficient evidence), bulk_dismiss
    on_hold           → in_review          claim (a helper, or the holder again), reassign
                      → open, escalated    release
                      → escalated          escalate
                      → awaiting_approval  decide (four-eyes)
                      → decided, dismissed decide
    escalated         → in_review          claim, claim_next (senior reviewers and managers), reassign
    in_review, on_hold, escalated → dismissed  close_removed
    awaiting_approval → decided            approve
                      → open               refuse
                      → in_review          undo (the reviewer takes it back, within the undo window)
    decided, dismissed → in_review         undo (within the undo window, nobody else acted on it)
    decided, dismissed: closed; nothing else follows.

Decisions (``CaseDecision.status``); a decision is made ``pending_approval`` (four-eyes) or ``applied``,
or ``joined`` to another case's decision (decided together, ``cases.conduct``)::

    pending_approval  → applied            approve
                      → refused            refuse
                      → withdrawn          undo
    applied           → withdrawn          undo (within the undo window)
    joined            → withdrawn          undo (of the decision it was joined to)
    refused, withdrawn: final.

Operations check what they need first and refuse with their own message; :func:`transition` is
the backstop that refuses any move the table does not hold. ``claim_next`` takes its case in one
SQL statement: it picks only ``open``, ``escalated`` and lapsed ``in_review`` cases (tested against
the table).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l

from backoffice.accounts.models import Role, User
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus
from backoffice.db import utcnow
from backoffice.failures import Conflict
from backoffice.labels import DECISION_STATUS_LABELS, STATUS_LABELS


class TransitionRefused(Conflict, ValueError):
    """A status change its machine does not allow (409: the state does not allow it); the message says what
    to do."""


@dataclass(frozen=True)
class Machine:
    """A status machine: the allowed (from, to) pairs, each with the verbs that make the move."""

    states: tuple[Any, ...]
    transitions: Mapping[tuple[Any, Any], tuple[str, ...]]
    labels: Mapping[str, Any]  # the states' names for people
    refusal: Callable[[Any, Any, Any], Any]  # (thing, from's name, to's name) -> the message for people

    def allowed(self, state) -> frozenset:
        return frozenset(to for frm, to in self.transitions if frm == state)

    def sources(self, target) -> frozenset:
        return frozenset(frm for frm, to in self.transitions if to == target)

    @property
    def terminal(self) -> frozenset:
        return frozenset(s for s in self.states if not self.allowed(s))

    def transition(self, thing, to) -> None:
        """Set ``thing.status`` to ``to``, or raise :class:`TransitionRefused` if the table says no."""
        if (thing.status, to) not in self.transitions:
            raise TransitionRefused(self.refusal(thing, self.label(thing.status), self.label(to)))
        thing.status = to

    def label(self, state) -> Any:
        return self.labels.get(getattr(state, "value", state), state)


_S = CaseStatus
CASES = Machine(
    states=tuple(CaseStatus),
    transitions={
        (_S.open, _S.in_review): ("claim", "claim_next", "reassign"),
        (_S.open, _S.dismissed): ("bulk_dismiss", "merge", "close_removed"),
        (_S.in_review, _S.in_review): ("claim", "claim_next", "reassign"),
        (_S.in_review, _S.open): ("release",),
        (_S.in_review, _S.escalated): ("release", "escalate"),
        (_S.in_review, _S.on_hold): ("hold",),
        (_S.in_review, _S.awaiting_approval): ("decide",),
        (_S.in_review, _S.decided): ("decide",),
        (_S.in_review, _S.dismissed): ("decide", "bulk_dismiss", "close_removed"),
        (_S.on_hold, _S.in_review): ("claim", "reassign"),
        (_S.on_hold, _S.open): ("release",),
        (_S.on_hold, _S.escalated): ("release", "escalate"),
        (_S.on_hold, _S.awaiting_approval): ("decide",),
        (_S.on_hold, _S.decided): ("decide",),
        (_S.on_hold, _S.dismissed): ("decide", "close_removed"),
        (_S.escalated, _S.in_review): ("claim", "claim_next", "reassign"),
        (_S.escalated, _S.dismissed): ("close_removed",),
        (_S.awaiting_approval, _S.decided): ("approve",),
        (_S.awaiting_approval, _S.open): ("refuse",),
        (_S.awaiting_approval, _S.in_review): ("undo",),
        (_S.decided, _S.in_review): ("undo",),
        (_S.dismissed, _S.in_review): ("undo",),
    },
    labels=STATUS_LABELS,
    refusal=lambda case, state, target: _l(
        "Case %(id)s is “%(state)s” and cannot become “%(target)s”. Reload the page to see where it stands.",
        id=case.id, state=state, target=target),
)
_D = DecisionStatus
DECISIONS = Machine(
    states=tuple(DecisionStatus),
    transitions={(_D.pending_approval, _D.applied): ("approve",),
                 (_D.pending_approval, _D.refused): ("refuse",),
                 (_D.pending_approval, _D.withdrawn): ("undo",),
                 (_D.applied, _D.withdrawn): ("undo",),
                 (_D.joined, _D.withdrawn): ("undo",)},
    labels=DECISION_STATUS_LABELS,
    refusal=lambda decision, state, target: _l(
        "Decision %(id)s is “%(state)s” and cannot become “%(target)s”. Reload the page to see where it "
        "stands.", id=decision.id, state=state, target=target),
)

transition: Callable[[Case, CaseStatus], None] = CASES.transition

SENIOR_ROLES = frozenset({Role.senior_reviewer, Role.manager})
#: Someone may take the case (claim it or be assigned it): the states ``in_review`` is reached from.
TAKEABLE = frozenset(frm for (frm, to), verbs in CASES.transitions.items()
                     if to is CaseStatus.in_review and {"claim", "reassign"} & set(verbs))
#: A reviewer holds the case: they may release it, put it on hold, escalate or decide it.
HELD = frozenset({CaseStatus.in_review, CaseStatus.on_hold})
#: Closed: nothing follows but an undo in its short window (``OPEN_STATUSES`` are all the others).
CLOSED = frozenset({CaseStatus.decided, CaseStatus.dismissed})


def holds_claim(case: Case, user: User, now: datetime | None = None) -> bool:
    """``user`` holds the case: on hold for help, or in review under a lease that still runs."""
    now = now or utcnow()
    if case.claimed_by_id != user.id:
        return False
    if case.status is CaseStatus.on_hold:
        return True
    return (case.status is CaseStatus.in_review and case.claim_expires_at is not None
            and case.claim_expires_at > now)


def lease_lapsed(case: Case, now: datetime) -> bool:
    return (case.status is CaseStatus.in_review and case.claim_expires_at is not None
            and case.claim_expires_at < now)


def can_claim(case: Case, user: User, now: datetime | None = None) -> bool:
    """Whether ``claim`` takes the case for ``user`` (or renews the lease they hold)."""
    now = now or utcnow()
    if holds_claim(case, user, now) and case.status is CaseStatus.in_review:
        return True
    if case.escalated_at is not None and user.role not in SENIOR_ROLES:
        return False  # escalated once: senior reviewers and managers only, from then on
    return (case.status in (CaseStatus.open, CaseStatus.on_hold) or lease_lapsed(case, now)
            or (case.status is CaseStatus.escalated and user.role in SENIOR_ROLES))


def takeable(case: Case) -> bool:
    """Someone may still take the case: it is neither waiting for approval nor closed."""
    return case.status in TAKEABLE


def can_reassign(case: Case, user: User | None) -> bool:
    """Managers assign takeable cases to reviewers."""
    return user is not None and user.role is Role.manager and takeable(case)


def can_release(case: Case, user: User) -> bool:
    """The holder or a manager sends a held case back to its queue."""
    return (case.claimed_by_id == user.id or user.role is Role.manager) and case.status in HELD


def can_hold(case: Case, user: User, now: datetime | None = None) -> bool:
    """The holder asks for help on a case in review (one already on hold waits for its helper)."""
    return case.status is CaseStatus.in_review and holds_claim(case, user, now)


def can_decide(case: Case, user: User | None, now: datetime | None = None) -> bool:
    """Only the holder decides (and puts on hold, escalates)."""
    return user is not None and holds_claim(case, user, now)


def can_dismiss(case: Case, user: User | None, now: datetime | None = None) -> bool:
    """Bulk dismissal takes waiting cases, and those in review unless someone else's lease still runs."""
    if case.status is CaseStatus.open:
        return True
    if case.status is not CaseStatus.in_review:
        return False
    now = now or utcnow()
    held_by_other = (user is not None and case.claimed_by_id not in (None, user.id)
                     and case.claim_expires_at is not None and case.claim_expires_at > now)
    return not held_by_other


def is_closed(case: Case) -> bool:
    return case.status in CLOSED


def decision_taken(case: Case) -> bool:
    """A decision stands: waiting for a manager's approval, or applied (the case is closed)."""
    return case.status is CaseStatus.awaiting_approval or is_closed(case)


def was_escalated(case: Case) -> bool:
    """Escalated once, and no longer waiting in the escalated queue (taken by a senior reviewer, decided)."""
    return case.escalated_at is not None and case.status is not CaseStatus.escalated


def awaiting_approval(decision: CaseDecision) -> bool:
    return decision.status is DecisionStatus.pending_approval
