"""Does each decided appeal's outcome agree with the penalties in force? (part of ``flask ledger verify``)

Two reviewers deciding one appeal at once once left an appeal reading "overturned" while the reduced
penalty stayed in force; the ledger totals were right and nothing else noticed.
"""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.appeals.models import Appeal, AppealOutcome, AppealStatus
from backoffice.cases.models import CaseDecision
from backoffice.db import db
from backoffice.merchants.models import Merchant
from backoffice.penalties.models import DecisionState, PenaltyDecision


def outcome_problem(appeal: Appeal, penalty: PenaltyDecision | None,
                    successors: list[PenaltyDecision]) -> str | None:
    """What is wrong between a decided appeal and its ruling's penalty decision (and the decisions
    that replace it), in words; None when they agree."""
    where = f"appeal {appeal.id} (ruling {appeal.ruling_id}) is {appeal.outcome.value}"
    if penalty is None:
        return f"{where} but its ruling has no penalty decision"
    state = penalty.state.value
    in_force = [s.id for s in successors if s.state is DecisionState.in_force]
    if appeal.outcome is AppealOutcome.upheld and penalty.state is not DecisionState.in_force:
        return f"{where} but its penalty decision {penalty.id} is {state}"
    if appeal.outcome is AppealOutcome.overturned:
        if penalty.state is not DecisionState.overturned:
            return f"{where} but its penalty decision {penalty.id} is {state}"
        if in_force:
            return (f"{where} but decision {', '.join(map(str, in_force))}, a reduction of its penalty "
                    f"decision {penalty.id}, is still in force")
    if appeal.outcome is AppealOutcome.reduced:
        ids = [s.id for s in successors]
        if penalty.state is not DecisionState.superseded:
            return f"{where} but its penalty decision {penalty.id} is {state}"
        if ids != [appeal.successor_penalty_id]:
            return (f"{where} with decision {appeal.successor_penalty_id} as the reduced penalty, but "
                    f"decision(s) {', '.join(map(str, ids)) or 'none'} replace penalty decision {penalty.id}")
        if not in_force:
            return f"{where} but the reduced penalty, decision {ids[0]}, is not in force"
    return None


def outcome_problems() -> list[tuple[str, str]]:
    """``(merchant external id, problem)`` for every decided appeal that disagrees with its penalties."""
    rows = db.session.execute(
        sa.select(Appeal, PenaltyDecision, Merchant.external_id)
        .join(CaseDecision, CaseDecision.id == Appeal.ruling_id)
        .outerjoin(PenaltyDecision, PenaltyDecision.id == CaseDecision.penalty_decision_id)
        .join(Merchant, Merchant.id == Appeal.merchant_id)
        .where(Appeal.status == AppealStatus.decided)
        .order_by(Appeal.id)).all()
    successors: dict[int, list[PenaltyDecision]] = {}
    for s in db.session.scalars(sa.select(PenaltyDecision).where(PenaltyDecision.supersedes_id.is_not(None))
                                .order_by(PenaltyDecision.id)):
        successors.setdefault(s.supersedes_id, []).append(s)
    problems = []
    for appeal, penalty, merchant in rows:
        problem = outcome_problem(appeal, penalty, successors.get(penalty.id, []) if penalty else [])
        if problem:
            problems.append((merchant, problem))
    return problems
