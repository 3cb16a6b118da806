"""Staff reads of unmasked conversations, in the audit trail.

A read is recorded once per person, conversation and hour (``READ_WINDOW``): the case page is reloaded
after each action, and an event per reload would bury the trail without telling more about who saw what.
Reads of a conversation purged at the end of its retention period are not recorded: only masked quotes
are left to read.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import Actor, record
from backoffice.conversations.models import Conversation
from backoffice.db import db, utcnow

READ_WINDOW = timedelta(hours=1)
ACTION = "conversation.read"


def record_read(actor: Actor, conversation: Conversation, *, where: str) -> bool:
    """Record that ``actor`` read the conversation's unmasked text on ``where`` (a page or API endpoint),
    unless they did within the last hour; return whether an event was written (the caller commits)."""
    if actor.user is None or conversation.purged_at is not None:
        return False
    recent = db.session.scalar(sa.select(sa.exists().where(
        AuditEvent.subject_type == "conversation", AuditEvent.subject_id == str(conversation.id),
        AuditEvent.action == ACTION, AuditEvent.actor_id == actor.user.id,
        AuditEvent.created_at >= utcnow() - READ_WINDOW)))
    if recent:
        return False
    record(actor, ACTION, "conversation", conversation.id, after={"where": where})
    return True
