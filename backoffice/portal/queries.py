"""Reads for the merchant's own pages; every query is scoped to the merchant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from werkzeug.exceptions import NotFound

from backoffice.appeals.models import Appeal, Evidence
from backoffice.cases.models import Case, Flag
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db, utcnow
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.penalties.models import PenaltyDecision
from backoffice.policy import MeasurePlan, get_rulebook
from backoffice.review.models import CaseDecision, DecisionStatus, Verdict


def rulings(merchant_id: int) -> list[CaseDecision]:
    return list(db.session.scalars(
        sa.select(CaseDecision).join(Case, Case.id == CaseDecision.case_id)
        .where(Case.merchant_id == merchant_id, CaseDecision.verdict == Verdict.violation,
               CaseDecision.status == DecisionStatus.applied)
        .order_by(CaseDecision.decided_at.desc())))


def ruling_of(merchant_id: int, ruling_id: int) -> CaseDecision:
    """The merchant's own ruling, or 404 (another merchant's looks exactly like a missing one)."""
    ruling = db.session.get(CaseDecision, ruling_id)
    if (ruling is None or ruling.case.merchant_id != merchant_id or ruling.verdict is not Verdict.violation
            or ruling.status is not DecisionStatus.applied):
        raise NotFound()
    return ruling


def appeal_of(merchant_id: int, appeal_id: int) -> Appeal:
    appeal = db.session.get(Appeal, appeal_id)
    if appeal is None or appeal.merchant_id != merchant_id:
        raise NotFound()
    return appeal


def evidence_of(merchant_id: int, evidence_id: int) -> Evidence:
    evidence = db.session.get(Evidence, evidence_id)
    if evidence is None or evidence.appeal.merchant_id != merchant_id:
        raise NotFound()
    return evidence


def conversation_of(merchant_id: int, conversation_id: int) -> Conversation:
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or conversation.merchant_id != merchant_id:
        raise NotFound()
    return conversation


@dataclass
class RulingView:
    ruling: CaseDecision
    penalty: PenaltyDecision | None
    plan: MeasurePlan | None
    successor_plan: MeasurePlan | None
    quoted: list[tuple[Message, list[Flag]]]
    appeal: Appeal | None

    @property
    def stored_plan(self) -> dict:
        """The plan the ruling stands on as stored: the imposed penalty's, else the decision's preview."""
        return self.penalty.plan if self.penalty else (self.ruling.preview or {})

    @property
    def ruleset_version(self) -> str:
        return self.stored_plan.get("ruleset_version") or get_rulebook().rule(self.ruling.rule_code).ruleset_version


def ruling_view(ruling: CaseDecision) -> RulingView:
    penalty = db.session.get(PenaltyDecision, ruling.penalty_decision_id) if ruling.penalty_decision_id else None
    successor = db.session.scalar(sa.select(PenaltyDecision).filter_by(supersedes_id=penalty.id)) if penalty else None
    flags = list(db.session.scalars(sa.select(Flag).where(Flag.case_id == ruling.case_id, Flag.message_id.is_not(None))))
    by_message: dict[int, list[Flag]] = {}
    for flag in flags:
        by_message.setdefault(flag.message_id, []).append(flag)
    # The flagged messages, and those the reviewer chose to quote (a report names no message).
    for message_id in ruling.quoted_message_ids or ():
        by_message.setdefault(message_id, [])
    messages = db.session.scalars(sa.select(Message).where(Message.id.in_(by_message))
                                  .order_by(Message.sent_at, Message.id)).all()
    return RulingView(
        ruling, penalty, MeasurePlan.from_dict(penalty.plan) if penalty else None,
        MeasurePlan.from_dict(successor.plan) if successor else None,
        [(m, by_message[m.id]) for m in messages],
        db.session.scalar(sa.select(Appeal).filter_by(ruling_id=ruling.id)),
    )


def risk_notices(merchant_id: int, now: datetime | None = None) -> list[LedgerEntry]:
    """Risk notices already showing (ZBJ shows them from the next platform day)."""
    now = now or utcnow()
    withdrawn = sa.select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    return list(db.session.scalars(
        sa.select(LedgerEntry).where(LedgerEntry.merchant_id == merchant_id, LedgerEntry.kind == EntryKind.risk_notice,
                                     LedgerEntry.reverses_id.is_(None), LedgerEntry.effective_at <= now,
                                     LedgerEntry.id.not_in(withdrawn))
        .order_by(LedgerEntry.effective_at.desc()).limit(10)))


def conversations(merchant_id: int) -> list[Conversation]:
    return list(db.session.scalars(
        sa.select(Conversation).where(Conversation.merchant_id == merchant_id)
        .order_by(Conversation.created_at.desc()).limit(100)))


def appeal_for_ruling(ruling_id: int) -> Appeal | None:
    return db.session.scalar(sa.select(Appeal).filter_by(ruling_id=ruling_id))
