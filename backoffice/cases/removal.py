"""A shop removed (清退) by a ruling: its other open cases close with that reason.

Judging them one by one after the removal would impose nothing more (the shop is gone) and closing
them as "no violation" would tell the detector its flags were false alarms. They close as moot: the
case says why and links the ruling, and their flags count neither way (``inconclusive``).
"""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.audit.operations import Actor, record
from backoffice.cases import states
from backoffice.cases.models import Case, CaseDecision, CaseKind, CaseStatus, FlagStatus
from backoffice.db import db, utcnow

#: Why a case closed without a decision of its own (``Case.close_reason``).
MERCHANT_REMOVED = "merchant_removed"
#: The waiting and held cases the removal makes moot (one waiting for approval keeps its manager).
MOOTED = (CaseStatus.open, CaseStatus.in_review, CaseStatus.on_hold, CaseStatus.escalated)


def removes_merchant(plan: dict | None) -> bool:
    return any(m.get("type") == "removal" for m in (plan or {}).get("measures", []))


def _others(case: Case):
    return sa.select(Case).where(Case.merchant_id == case.merchant_id, Case.id != case.id,
                                 Case.kind == CaseKind.violation, Case.status.in_(MOOTED)).order_by(Case.id)


def lock_others(case: Case) -> None:
    """Lock the shop's other open cases, in id order, before the merchant's balance row.

    A reviewer deciding one of them holds a key-share lock on its row (the decision's foreign key) and then
    asks for the balance: taking these rows only after the balance would deadlock against that reviewer.
    """
    db.session.flush()
    db.session.execute(_others(case).with_for_update()).all()


def close_others(actor: Actor, case: Case, decision: CaseDecision) -> list[int]:
    """Close the merchant's other open cases about its own conduct, citing ``decision``; their ids.

    Called inside the decision's transaction, with the cases already locked (``lock_others``): a reviewer
    deciding one of them meanwhile either finished first (it is then decided and left alone) or is
    refused as changed (409)."""
    now, closed = utcnow(), []
    for other in db.session.scalars(_others(case).with_for_update().execution_options(populate_existing=True)).all():
        before = {"status": other.status.value, "claimed_by": other.claimed_by_id}
        states.transition(other, CaseStatus.dismissed)
        other.close_reason, other.closed_at = MERCHANT_REMOVED, now
        other.claimed_by_id, other.claim_expires_at = None, None
        for flag in other.flags:
            if flag.status is FlagStatus.open:
                flag.status, flag.judged_at = FlagStatus.inconclusive, now
        db.session.flush()
        record(actor, "case.close_removed", "case", other.id, before=before,
               after={"status": other.status.value, "by_case": case.id, "decision": decision.id})
        closed.append(other.id)
    return closed
