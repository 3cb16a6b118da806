"""Linked shops: merchants of one platform whose own messages carry the same contact handle.

Handles come from the detector's findings in a merchant's messages (``detection/handles.py``) and
are kept per merchant. Links never cross platforms: each platform's operator sees its own shops.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from backoffice.audit.operations import Actor, record
from backoffice.cases.models import Flag, FlagSource
from backoffice.conversations.models import Conversation
from backoffice.db import db
from backoffice.detection.handles import masked
from backoffice.ledger.operations import standing_of
from backoffice.merchants.models import Merchant, MerchantHandle
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.policy import get_rulebook
from backoffice.policy.schema import LinkedAccounts
from backoffice.timeutil import platform_tz


@dataclass(frozen=True)
class Found:
    """A handle in one new message of the merchant, where the detector found it."""

    message_id: int
    kind: str
    value: str
    start: int
    end: int
    matched: str


@dataclass(frozen=True)
class LinkedShop:
    merchant: Merchant
    kind: str
    shown: str  # the shared handle, partly masked
    removed: bool
    violations: int  # penalty decisions in force


def lock_merchant(merchant_id: int) -> None:
    """Serialise the writers of one merchant's handles and mass sendings (after the conversation's lock).

    ``FOR NO KEY UPDATE``: the concurrent ingestions hold a key-share lock on the merchant's row from
    inserting conversations that refer to it; a plain ``FOR UPDATE`` would deadlock with those.
    """
    db.session.flush()
    db.session.scalar(sa.select(Merchant.id).where(Merchant.id == merchant_id).with_for_update(key_share=True))


def record_handles(actor: Actor, conversation: Conversation, found: list[Found], at: datetime) -> list[Flag]:
    """Keep the handles of the merchant's new messages; flag those a removed shop of the platform used.

    The flags (no rule: the reviewer judges what the reappearance means) open a case for review.
    """
    if not found:
        return []
    merchant_id = conversation.merchant_id
    lock_merchant(merchant_id)
    known = set(db.session.execute(sa.select(MerchantHandle.kind, MerchantHandle.value)
                                   .where(MerchantHandle.merchant_id == merchant_id)))
    added = []
    for f in found:
        if (f.kind, f.value) not in known:
            known.add((f.kind, f.value))
            added.append(MerchantHandle(merchant_id=merchant_id, kind=f.kind, value=f.value,
                                        message_id=f.message_id, first_seen_at=at))
    db.session.add_all(added)
    db.session.flush()
    if added:
        record(actor, "merchant.handles", "merchant", merchant_id,
               after={"added": [f"{h.kind}:{masked(h.kind, h.value)}" for h in added]})
    removed = {(s.kind, s.value) for s in _holders(conversation.merchant, {(f.kind, f.value) for f in found})
               if s.removed}
    return [Flag(conversation_id=conversation.id, message_id=f.message_id, source=FlagSource.detector,
                 rule_code=None, category=None, detector="removed_handle", start=f.start, end=f.end,
                 matched=f.matched[:500], confidence=1.0, created_at=at)
            for f in found if (f.kind, f.value) in removed]


@dataclass(frozen=True)
class _Holder:
    merchant: Merchant
    kind: str
    value: str
    removed: bool


def _holders(merchant: Merchant, pairs: set[tuple[str, str]] | None = None) -> list[_Holder]:
    """Other shops of the platform holding one of ``pairs`` (default: every handle of ``merchant``)."""
    mine, theirs = aliased(MerchantHandle), aliased(MerchantHandle)
    stmt = (sa.select(Merchant, mine.kind, mine.value)
            .join(theirs, sa.and_(theirs.kind == mine.kind, theirs.value == mine.value,
                                  theirs.merchant_id != mine.merchant_id))
            .join(Merchant, Merchant.id == theirs.merchant_id)
            .where(mine.merchant_id == merchant.id, Merchant.platform == merchant.platform)
            .order_by(Merchant.name, Merchant.id, mine.kind, mine.value))
    rows = [(m, k, v) for m, k, v in db.session.execute(stmt) if pairs is None or (k, v) in pairs]
    tz, removed = platform_tz(), {}
    for m, _, _ in rows:
        if m.id not in removed:
            removed[m.id] = standing_of(m, tz).removed
    return [_Holder(m, k, v, removed[m.id]) for m, k, v in rows]


def linked_shops(merchant: Merchant) -> list[LinkedShop]:
    """The other shops of the platform that share a handle with ``merchant``, one line per shop."""
    holders = _holders(merchant)
    ids = {h.merchant.id for h in holders}
    counts = dict(db.session.execute(
        sa.select(PenaltyDecision.merchant_id, sa.func.count())
        .where(PenaltyDecision.merchant_id.in_(ids), PenaltyDecision.state == DecisionState.in_force)
        .group_by(PenaltyDecision.merchant_id)).all()) if ids else {}
    shops, seen = [], set()
    for h in holders:
        if h.merchant.id not in seen:
            seen.add(h.merchant.id)
            shops.append(LinkedShop(h.merchant, h.kind, masked(h.kind, h.value), h.removed,
                                    counts.get(h.merchant.id, 0)))
    return shops


def linked_accounts_rule(merchant: Merchant) -> LinkedAccounts | None:
    """The platform's rule on linked accounts, where its pack has one (community)."""
    return get_rulebook().pack(merchant.platform.value).linked_accounts


def aggravating_shop(merchant: Merchant) -> LinkedShop | None:
    """The linked shop with a violation in force that makes a decision heavier, where the pack says so."""
    if linked_accounts_rule(merchant) is None:
        return None
    return next((s for s in linked_shops(merchant) if s.violations), None)


def aggravated(merchant: Merchant, rule_code: str, severity: str) -> str:
    """``severity``, raised as the pack's ``linked_accounts`` says when a linked shop has violations."""
    if aggravating_shop(merchant) is None:
        return severity
    return linked_accounts_rule(merchant).aggravate(get_rulebook().rule(rule_code), severity)
