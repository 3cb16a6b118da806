"""Reads for the merchant's own pages; every query is scoped to the merchant.

The merchant's rulings are found by ``rulings.queries``, their appeals and evidence by ``appeals.queries``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from werkzeug.exceptions import NotFound

from backoffice.appeals.models import Appeal
from backoffice.cases.models import OPEN_STATUSES, Case, CaseDecision, CaseStatus
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db, utcnow
from backoffice.ledger.models import EntryKind, LedgerEntry
from backoffice.ledger.standing import Standing


def appeals_by_ruling(ruling_ids: list[int]) -> dict[int, Appeal]:
    """Each ruling's appeal (one per ruling), for the rulings that have one."""
    if not ruling_ids:
        return {}
    return {a.ruling_id: a for a in db.session.scalars(sa.select(Appeal).where(Appeal.ruling_id.in_(ruling_ids)))}


def conversation_of(merchant_id: int, conversation_id: int) -> Conversation:
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or conversation.merchant_id != merchant_id:
        raise NotFound()
    return conversation


@dataclass(frozen=True)
class RiskNotice:
    """ZBJ's next-day 风险提示 and where the review of the flagged messages stands."""

    since: datetime
    review: str  # "pending", "cleared" or "confirmed"


@dataclass(frozen=True)
class Demotion:
    """A search demotion in force: its reason (a flag awaiting review, or a ruling) and its end."""

    since: datetime
    ends_at: datetime | None  # None: until the review of the flagged messages
    ruling: CaseDecision | None  # the ruling that keeps it; None while the flag awaits review


def _review(case: Case | None) -> str:
    if case is None or case.status in OPEN_STATUSES:
        return "pending"
    return "confirmed" if case.status is CaseStatus.decided else "cleared"


def risk_notices(merchant_id: int, now: datetime | None = None) -> list[RiskNotice]:
    """Risk notices already showing (ZBJ shows them from the next platform day, whatever the review finds)."""
    now = now or utcnow()
    withdrawn = sa.select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    rows = db.session.execute(
        sa.select(LedgerEntry.effective_at, Case)
        .outerjoin(Case, Case.id == LedgerEntry.case_id)
        .where(LedgerEntry.merchant_id == merchant_id, LedgerEntry.kind == EntryKind.risk_notice,
               LedgerEntry.reverses_id.is_(None), LedgerEntry.effective_at <= now, LedgerEntry.id.not_in(withdrawn))
        .order_by(LedgerEntry.effective_at.desc()).limit(10))
    return [RiskNotice(since, _review(case)) for since, case in rows]


def demotions(standing: Standing) -> list[Demotion]:
    """The search demotions the standing has in force, each with what it follows from and when it ends."""
    windows = {w.entry_id: w for w in standing.active if w.kind is EntryKind.search_demotion}
    if not windows:
        return []
    rows = db.session.execute(
        sa.select(LedgerEntry.id, CaseDecision)
        .outerjoin(CaseDecision, sa.and_(LedgerEntry.decision_id.is_not(None),
                                         CaseDecision.penalty_decision_id == LedgerEntry.decision_id))
        .where(LedgerEntry.id.in_(windows)))
    return sorted((Demotion(windows[i].starts_at, windows[i].ends_at, ruling) for i, ruling in rows),
                  key=lambda d: d.since)


@dataclass(frozen=True)
class ConversationRow:
    """A conversation as the merchant's list shows it: when it happened and how it last stood."""

    conversation: Conversation
    first_at: datetime | None  # None: no message received yet
    last_at: datetime | None
    last: Message | None


def conversations(merchant_id: int, limit: int = 100) -> list[ConversationRow]:
    """The merchant's conversations, the latest message first (not the time the platform sent them to us)."""
    bounds = (sa.select(Message.conversation_id, sa.func.min(Message.sent_at).label("first_at"),
                        sa.func.max(Message.sent_at).label("last_at"))
              .join(Conversation, Conversation.id == Message.conversation_id)
              .where(Conversation.merchant_id == merchant_id)
              .group_by(Message.conversation_id).subquery("bounds"))
    rows = db.session.execute(
        sa.select(Conversation, bounds.c.first_at, bounds.c.last_at)
        .outerjoin(bounds, bounds.c.conversation_id == Conversation.id)
        .where(Conversation.merchant_id == merchant_id)
        .order_by(sa.func.coalesce(bounds.c.last_at, Conversation.created_at).desc(), Conversation.id.desc())
        .limit(limit)).all()
    latest = sa.func.row_number().over(partition_by=Message.conversation_id,
                                       order_by=(Message.sent_at.desc(), Message.id.desc()))
    ranked = (sa.select(Message.id, latest.label("rank"))
              .where(Message.conversation_id.in_([c.id for c, _, _ in rows])).subquery("ranked"))
    last = {m.conversation_id: m for m in db.session.scalars(
        sa.select(Message).join(ranked, ranked.c.id == Message.id).where(ranked.c.rank == 1))} if rows else {}
    return [ConversationRow(c, first_at, last_at, last.get(c.id)) for c, first_at, last_at in rows]
