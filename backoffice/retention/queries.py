"""Which conversations are past their retention period."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from backoffice.appeals.models import Appeal, AppealStatus
from backoffice.cases.models import Case, CaseDecision
from backoffice.conversations.models import Conversation
from backoffice.db import db
from backoffice.rulings.facts import appeal_deadline, appealable


def cutoff(now: datetime, days: int) -> datetime:
    """Cases closed at or before this moment are past the retention period."""
    return now - timedelta(days=days)


def expired_conversations(before: datetime, *, limit: int | None = None,
                          conversation_id: int | None = None) -> list[int]:
    """Conversations not yet purged whose cases all closed at or before ``before``, oldest first."""
    later = aliased(Case)
    still_open = sa.exists().where(later.conversation_id == Case.conversation_id,
                                   sa.or_(later.closed_at.is_(None), later.closed_at > before))
    stmt = (sa.select(Case.conversation_id)
            .join(Conversation, Conversation.id == Case.conversation_id)
            .where(Case.closed_at <= before, Conversation.purged_at.is_(None), ~still_open)
            .group_by(Case.conversation_id).order_by(sa.func.max(Case.closed_at), Case.conversation_id))
    if conversation_id is not None:
        stmt = stmt.where(Case.conversation_id == conversation_id)
    return list(db.session.scalars(stmt.limit(limit)))


def decisions_of(conversation_id: int) -> list[CaseDecision]:
    return list(db.session.scalars(sa.select(CaseDecision).join(CaseDecision.case)
                                   .where(Case.conversation_id == conversation_id).order_by(CaseDecision.id)))


def appeals_of(decisions: list[CaseDecision]) -> list[Appeal]:
    ids = [d.id for d in decisions]
    if not ids:
        return []
    return list(db.session.scalars(sa.select(Appeal).where(Appeal.ruling_id.in_(ids)).order_by(Appeal.id)))


def still_needed(decisions: list[CaseDecision], appeals: list[Appeal], now: datetime) -> bool:
    """Whether the merchant can still appeal, or an appeal is still being decided: the evidence stays."""
    if any(a.status is not AppealStatus.decided for a in appeals):
        return True
    appealed = {a.ruling_id for a in appeals}
    return any(appealable(d) and d.id not in appealed and appeal_deadline(d) > now for d in decisions)
