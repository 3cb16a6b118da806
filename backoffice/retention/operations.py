"""Purge one conversation past its retention period (the caller commits)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from backoffice.appeals import storage
from backoffice.appeals.models import Appeal, Evidence, Supplement
from backoffice.audit.operations import Actor, record
from backoffice.cases.highlight import segments
from backoffice.cases.models import Flag, Report
from backoffice.conversations.models import Conversation, Message
from backoffice.customers.models import Customer
from backoffice.db import db
from backoffice.retention import queries
from backoffice.rulings.context import ruling_facts
from backoffice.rulings.facts import is_ruling
from backoffice.rulings.masking import mask_text
from backoffice.rulings.models import RetainedQuotes


@dataclass
class Purged:
    """What one purge removed (the audit event's ``after``)."""

    conversation_id: int
    messages: int = 0
    kept_masked: list[int] = field(default_factory=list)  # messages a ruling quotes: masked, not emptied
    rulings: list[int] = field(default_factory=list)
    appeals: list[int] = field(default_factory=list)
    evidence_files: int = 0

    def to_dict(self) -> dict:
        return {"messages": self.messages, "kept_masked": self.kept_masked, "rulings": self.rulings,
                "appeals": self.appeals, "evidence_files": self.evidence_files}


def purge_conversation(actor: Actor, conversation_id: int, *, before: datetime, now: datetime,
                       days: int) -> Purged | None:
    """Purge the conversation when it is still due (None when it is not, or another run purged it first).

    The conversation's row lock serialises concurrent purges; the second finds it purged and does nothing.
    Evidence files are deleted before the transaction commits: should the commit fail, the next run finds
    the rows again and deletes what is left, so a purge is never half-done for good.
    """
    conversation = db.session.scalar(sa.select(Conversation).where(Conversation.id == conversation_id)
                                     .with_for_update().execution_options(populate_existing=True))
    if conversation is None or conversation.purged_at is not None:
        return None
    if not queries.expired_conversations(before, conversation_id=conversation_id):
        return None  # a case was reopened or a new one opened since the candidates were listed
    decisions = queries.decisions_of(conversation_id)
    appeals = queries.appeals_of(decisions)
    if queries.still_needed(decisions, appeals, now):
        return None
    result = Purged(conversation_id)
    rulings = [d for d in decisions if is_ruling(d)]
    _keep_ruling_quotes(rulings)
    result.rulings = [r.id for r in rulings]
    result.kept_masked = _mask_quoted(conversation, rulings)
    result.messages = db.session.execute(
        sa.update(Message).where(Message.conversation_id == conversation_id, Message.id.not_in(result.kept_masked))
        .values(text="", attachments=[])).rowcount
    _purge_flags(conversation_id)
    db.session.execute(sa.update(Report).where(Report.conversation_id == conversation_id).values(text=""))
    result.evidence_files = _purge_appeals(appeals, now)
    result.appeals = [a.id for a in appeals]
    conversation.customer_name = ""
    conversation.purged_at = now
    db.session.flush()
    _forget_customer_name(conversation)
    record(actor, "retention.purge", "conversation", conversation_id,
           after={**result.to_dict(), "retention_days": days})
    return result


def _keep_ruling_quotes(rulings: list) -> None:
    """Store what each ruling states from the conversation, masked, before the conversation is purged."""
    for ruling in rulings:
        if db.session.get(RetainedQuotes, ruling.id) is None:
            facts = ruling_facts(ruling)
            db.session.add(RetainedQuotes(ruling_id=ruling.id, customer=facts["customer"],
                                          rationale=facts["rationale"], messages=facts["messages"]))


def _mask_quoted(conversation: Conversation, rulings: list) -> list[int]:
    """Replace the text of each message a ruling quotes with its masked text (same length, so the flags'
    offsets still mark the same words); return their ids."""
    ids = {m for r in rulings for m in (r.quoted_message_ids or ())}
    flags = db.session.scalars(sa.select(Flag).where(
        Flag.case_id.in_([r.case_id for r in rulings]), Flag.message_id.is_not(None))).all() if rulings else []
    spans: dict[int, list] = {}
    for flag in flags:
        ids.add(flag.message_id)
        if flag.where == "text":
            spans.setdefault(flag.message_id, []).append((flag.start, flag.end, flag.rule_code or ""))
    name = conversation.customer_name.strip()
    for message in db.session.scalars(sa.select(Message).where(Message.id.in_(ids))) if ids else ():
        text = message.text.replace(name, name[0] + "*" * (len(name) - 1)) if len(name) > 1 else message.text
        parts = segments(text, spans.get(message.id, []), "m")
        message.text = "".join(mask_text(s.text, flagged=s.marked) for s in parts)
        message.attachments = []
    return sorted(ids)


def _purge_flags(conversation_id: int) -> None:
    for flag in db.session.scalars(sa.select(Flag).where(Flag.conversation_id == conversation_id)):
        flag.matched = mask_text(flag.matched or "", flagged=True)
        flag.features = []
        if flag.evidence:  # a conduct finding keeps its numbers and message references, not the words
            flag.evidence = {k: v for k, v in flag.evidence.items() if k != "said"}


def _purge_appeals(appeals: list[Appeal], now: datetime) -> int:
    """Empty the appeals' statements and supplements and delete their evidence; return the files deleted."""
    if not appeals:
        return 0
    ids = [a.id for a in appeals]
    files = db.session.scalars(sa.select(Evidence).where(Evidence.appeal_id.in_(ids))).all()
    hashes = {e.sha256 for e in files}
    db.session.execute(sa.delete(Evidence).where(Evidence.appeal_id.in_(ids)))
    db.session.execute(sa.update(Supplement).where(Supplement.appeal_id.in_(ids)).values(text=""))
    for appeal in appeals:
        appeal.statement, appeal.purged_at = "", now
    db.session.flush()
    # Files are stored by content: one that another appeal also filed stays for that appeal.
    shared = set(db.session.scalars(sa.select(Evidence.sha256).where(Evidence.sha256.in_(hashes)))) if hashes else set()
    for sha in hashes - shared:
        storage.discard(sha)
    return len(hashes - shared)


def _forget_customer_name(conversation: Conversation) -> None:
    """Blank the customer's record's name once none of their conversations keeps it."""
    kept = db.session.scalar(sa.select(sa.func.count()).select_from(Conversation).where(
        Conversation.platform == conversation.platform,
        Conversation.customer_external_id == conversation.customer_external_id, Conversation.purged_at.is_(None)))
    if not kept:
        db.session.execute(sa.update(Customer).where(
            Customer.platform == conversation.platform, Customer.external_id == conversation.customer_external_id)
            .values(name=""))
