"""Reads for the merchant's own pages; every query is scoped to the merchant.

The merchant's rulings are found by ``rulings.queries``, their appeals and evidence by ``appeals.queries``.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from werkzeug.exceptions import NotFound

from backoffice.conversations.models import Conversation
from backoffice.db import db, utcnow
from backoffice.ledger.models import EntryKind, LedgerEntry


def conversation_of(merchant_id: int, conversation_id: int) -> Conversation:
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or conversation.merchant_id != merchant_id:
        raise NotFound()
    return conversation


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
