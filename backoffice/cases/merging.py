"""Fold a case into another that judges the same messages under the same rule (one message, one case per rule).

A mass sending's case (``ingest/mass_sending.py``) lists every conversation the advertisement reached; a
per-conversation case of the same rule opened by one of those messages before the burst formed would judge
it a second time. Such a case is folded in while nobody has taken it: its flags move to the burst's case,
and it is closed as dismissed, with an audit event on both cases that names the other. A case someone has
claimed or decided is left to its reviewer; the burst's case page says so.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from backoffice.audit.operations import Actor, record
from backoffice.cases import states
from backoffice.cases.models import Case, CaseStatus, Flag
from backoffice.cases.operations import attach, automatic_taken, priority
from backoffice.db import db, lock_row


def foldable(case: Case) -> bool:
    """Nobody has taken the case and no automatic measure hangs on it (those are lifted at its review)."""
    return case.status is CaseStatus.open and case.claimed_by_id is None and not automatic_taken(case)


def cases_judging(message_ids: set[int], rule_code: str, but: Case) -> list[Case]:
    """The other cases holding a flag of ``rule_code`` on one of these messages, oldest first."""
    if not message_ids:
        return []
    return list(db.session.scalars(
        sa.select(Case).where(Case.id != but.id, Case.id.in_(
            sa.select(Flag.case_id).where(Flag.message_id.in_(message_ids), Flag.rule_code == rule_code)))
        .order_by(Case.id)))


def fold_into(actor: Actor, case: Case, into: Case, at: datetime) -> bool:
    """Move the flags of an untaken ``case`` into ``into`` and close it; False (nothing done) if it was taken."""
    lock_row(case)  # a reviewer's claim waits for this transaction, or this one sees the claim
    if not foldable(case):
        return False
    moved = list(case.flags)
    for flag in moved:
        attach(into, flag)
    into.priority = priority(into)
    states.transition(case, CaseStatus.dismissed)
    case.closed_at = at
    db.session.flush()
    record(actor, "case.merge", "case", case.id,
           after={"into": into.id, "flags": len(moved), "reason": f"merged into mass-sending case #{into.id}"})
    record(actor, "case.absorb", "case", into.id, after={"merged": case.id, "flags": len(moved)})
    return True
