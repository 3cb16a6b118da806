"""Reviewers' verdicts on detector flags as training rows for the detector's learned stage (reads only).

One row per detector flag a reviewer confirmed or dismissed, in the corpus format the trainer reads
(``{"id", "text", "labels", "technique", "family", "split"}``) plus what the flag was. A flag whose
ruling was overturned on appeal is dismissed, as the dashboard's precision counts it. Inconclusive and
unjudged flags are left out, and so are reply-time and conduct flags: they judge timing or the
conversation's course (canned replies, harassment by conduct), not the text they sit on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import sqlalchemy as sa

from backoffice.cases.models import Flag, FlagSource, FlagStatus
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db
from backoffice.timeutil import platform_day_bounds

TECHNIQUE = "reviewer feedback"
_JUDGED = (FlagStatus.confirmed, FlagStatus.dismissed)
_CHUNK = 1000
#: Flags that judge the sequence of messages rather than a text: no training rows.
_NOT_TEXT = ("timing", "conduct")


def feedback_rows(since: date | None = None, until: date | None = None) -> Iterator[dict]:
    """Judged detector flags whose verdict falls on the platform days ``since``..``until`` (inclusive)."""
    stmt = (sa.select(Flag, Message.text, Message.sender_role, Message.attachments, Conversation.platform,
                      Conversation.external_id)
            .join(Message, Message.id == Flag.message_id)
            .join(Conversation, Conversation.id == Flag.conversation_id)
            .where(Flag.source == FlagSource.detector, Flag.status.in_(_JUDGED), Flag.where.not_in(_NOT_TEXT),
                   Flag.judged_at.is_not(None))
            .order_by(Flag.judged_at, Flag.id))
    if since is not None:
        stmt = stmt.where(Flag.judged_at >= platform_day_bounds(since)[0])
    if until is not None:
        stmt = stmt.where(Flag.judged_at < platform_day_bounds(until)[1])
    rows = db.session.execute(stmt.execution_options(yield_per=_CHUNK))
    for chunk in rows.partitions(_CHUNK):
        confirmed = _confirmed_categories({row[0].message_id for row in chunk})
        for flag, text, role, attachments, platform, conversation in chunk:
            yield _row(flag, _text(flag, text, attachments), role.value, platform.value, conversation,
                       confirmed[flag.message_id])


def _confirmed_categories(message_ids: set[int]) -> dict[int, list[str]]:
    """Every category confirmed on each message: a message's row is positive for all of them, so
    that a dismissed flag beside a confirmed one does not teach the model the opposite."""
    found: dict[int, set[str]] = defaultdict(set)
    stmt = sa.select(Flag.message_id, Flag.category).where(
        Flag.message_id.in_(message_ids), Flag.status == FlagStatus.confirmed, Flag.category.is_not(None),
        Flag.where.not_in(_NOT_TEXT))
    for message_id, category in db.session.execute(stmt):
        found[message_id].add(category)
    return defaultdict(list, {m: sorted(c) for m, c in found.items()})


def _text(flag: Flag, text: str, attachments: list | None) -> str:
    """The text the flag's offsets point into: the message, or its attachment's extracted text."""
    if flag.where == "attachment" and flag.attachment_index is not None:
        items = attachments or []
        if 0 <= flag.attachment_index < len(items):
            return items[flag.attachment_index].get("text") or ""
    return text


def _row(flag: Flag, text: str, role: str, platform: str, conversation: str, labels: list[str]) -> dict:
    return {
        "id": f"feedback-flag-{flag.id}", "text": text, "labels": labels, "technique": TECHNIQUE,
        "family": f"feedback-{flag.conversation_id}", "split": "train",
        # A text the detector flagged and a reviewer cleared is by definition a hard negative.
        "group": "violation" if labels else "hard_negative",
        "flag_id": flag.id, "label": 1 if flag.status is FlagStatus.confirmed else 0,
        "category": flag.category,
        "sender_role": role, "platform": platform, "conversation": conversation, "rule": flag.rule_code,
        "detector": flag.detector, "term": flag.term, "view": flag.view, "confidence": flag.confidence,
        "score": flag.score, "model_version": flag.model_version, "source": flag.where,
        "judged_at": flag.judged_at.isoformat(),
    }
