"""The conversation as a reviewer reads it: every message in order, flagged spans marked in place.

Shared by the case page and the blind calibration review. Built for 500-message conversations:
plain rows instead of ORM objects, the time zone and the sender labels resolved once, and
segments only for the messages that carry a flagged span.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from backoffice.cases.highlight import Segment, segments
from backoffice.cases.models import Flag
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db
from backoffice.labels import PURGED, SENDER_LABELS
from backoffice.timeutil import platform_tz

_COLUMNS = (Message.id, Message.external_id, Message.sender_role, Message.sent_at, Message.text,
            Message.attachments)


@dataclass(frozen=True, slots=True)
class MessageRow:
    id: int
    external_id: str
    role: str  # sender role value: merchant, customer, system
    sender: str  # its label in the current language
    stamp: str  # sent time in platform time
    text: str
    segments: list[Segment] | None  # None when nothing in the message is flagged
    attachments: list[dict[str, Any]]
    flags: tuple[Flag, ...]


def conversation_rows(conversation_id: int, flags: list[Flag], *, until: datetime | None = None,
                      anchor_prefix: str = "hit", stamp_format: str = "%m-%d %H:%M:%S") -> list[MessageRow]:
    """The rows of a conversation (up to ``until``, when given) with ``flags`` marked."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    flags_of: dict[int, list[Flag]] = {}
    for flag in flags:
        if flag.message_id:
            flags_of.setdefault(flag.message_id, []).append(flag)
            # A conduct finding marks the whole message it sits on; its reasons are in the flag line.
            if flag.where in ("text", "conduct") and flag.start is not None:
                spans.setdefault(flag.message_id, []).append((flag.start, flag.end, flag.rule_code or "?"))
    tz = platform_tz()
    purged = db.session.scalar(sa.select(Conversation.purged_at).where(Conversation.id == conversation_id))
    senders = {role: str(label) for role, label in SENDER_LABELS.items()}
    stmt = sa.select(*_COLUMNS).where(Message.conversation_id == conversation_id)
    if until is not None:
        stmt = stmt.where(Message.sent_at <= until)
    rows = db.session.execute(stmt.order_by(Message.sent_at, Message.id))
    out = []
    for mid, external_id, role, sent_at, text, attachments in rows:
        marked = spans.get(mid)
        out.append(MessageRow(
            id=mid, external_id=external_id, role=role.value, sender=senders[role.value],
            # Past the retention period only the messages a ruling quotes keep their (masked) text.
            stamp=sent_at.astimezone(tz).strftime(stamp_format), text=text or (str(PURGED) if purged else ""),
            segments=segments(text, marked, f"{anchor_prefix}-{mid}") if marked else None,
            attachments=attachments or [], flags=tuple(flags_of.get(mid, ()))))
    return out
