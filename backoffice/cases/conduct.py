"""Deciding several cases of one shop together, as one course of conduct.

Eleven flags of one rule in one afternoon are one offence told in several messages: judged one by one,
the shop would be counted eleven offences and climb the ladder to removal in an hour. Decided together,
the reviewer's decision on one case (the lead) is the only one that counts: one penalty, the offence
number computed once, and its ruling quotes the messages of every case. The others close as ``joined``
to it, with the same verdict for their flags; their automatic measures are lifted as the lead's are.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backoffice.audit.operations import Actor, record
from backoffice.cases import claims, decisions, states
from backoffice.cases.claims import ReviewConflict, ReviewError
from backoffice.cases.models import Case, CaseDecision, CaseKind, CaseStatus, DecisionStatus, Verdict
from backoffice.db import db, lock_row, utcnow

FLAG_STATUS = decisions.FLAG_STATUS


def joinable(case: Case, lead: Case) -> bool:
    """Another case the lead's decision can judge: same shop, same rule, about the shop's own conduct, and
    not decided or waiting for approval (whoever holds it is asked by the claim that follows)."""
    return (case.id != lead.id and case.merchant_id == lead.merchant_id and case.rule_code == lead.rule_code
            and case.kind is CaseKind.violation and states.takeable(case))


def decide_together(actor: Actor, lead: Case, others: Iterable[Case], data: decisions.DecisionInput,
                    *, expected_version: int) -> CaseDecision:
    """Decide ``lead`` and judge ``others`` by that one decision (one offence); all or nothing."""
    user = actor.user
    others = sorted(others, key=lambda c: c.id)
    if not others:
        return decisions.decide(actor, lead, data, expected_version=expected_version)
    for other in others:  # in id order, like every writer that locks several cases
        lock_row(other)
        if not joinable(other, lead):
            raise ReviewConflict(_l("Case #%(id)d can no longer be decided with this one (someone else decided "
                                    "it, or it is not the same shop and rule); nothing was decided.", id=other.id))
        claims.claim(actor, other, user)  # refused (409) when someone else holds it
    decision = decisions.decide(actor, lead, data, expected_version=expected_version)
    if decision.status is DecisionStatus.pending_approval:
        raise ReviewError(_l("A decision that needs a manager's approval is taken one case at a time; decide "
                             "this case alone."))
    now = utcnow()
    for other in others:
        joined = CaseDecision(case_id=other.id, verdict=decision.verdict, rule_code=decision.rule_code,
                              severity=decision.severity, rationale=decision.rationale, status=DecisionStatus.joined,
                              decided_by_id=user.id, decided_at=decision.decided_at, joined_to_id=decision.id)
        db.session.add(joined)
        db.session.flush()
        decisions._lift_automatic(actor, other, joined)  # the lead's review replaces these too
        for flag in other.flags:
            if flag.status.value == "open":
                flag.status, flag.judged_at = FLAG_STATUS[decision.verdict], now
        states.transition(other, CaseStatus.decided if decision.verdict is Verdict.violation else CaseStatus.dismissed)
        other.claimed_by_id, other.claim_expires_at, other.closed_at = None, None, now
        db.session.flush()
        record(actor, "case.join", "case", other.id,
               after={"decision": joined.id, "lead_case": lead.id, "lead_decision": decision.id,
                      "verdict": decision.verdict.value})
    return decision


def joined_cases(decision: CaseDecision) -> list[int]:
    """The cases judged by ``decision`` besides its own (decided together), in id order."""
    return list(db.session.scalars(sa.select(CaseDecision.case_id).where(
        CaseDecision.joined_to_id == decision.id, CaseDecision.status == DecisionStatus.joined)
        .order_by(CaseDecision.case_id)))
