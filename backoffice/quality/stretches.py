"""Inquiries of one conversation and how each was answered: the rule the figures count, in Python.

An inquiry is the first customer message in service hours (platform time) after the shop's last reply by
a person; its reply is the next reply by a person. Auto-replies (``is_automated``) and system messages are
no reply; customer lines outside service hours ask nothing. Messages come ordered by (sent_at, id).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from backoffice.conversations.models import SenderRole


@dataclass(frozen=True)
class Inquiry:
    asked_at: datetime
    reply_at: datetime | None

    def outcome(self, limit: timedelta) -> str:
        """``in_time`` (exactly the limit counts), ``late`` or ``unanswered``."""
        if self.reply_at is None:
            return "unanswered"
        return "in_time" if self.reply_at - self.asked_at <= limit else "late"


def inquiries(messages: Iterable[tuple[datetime, SenderRole, bool]], hours: tuple[time, time],
              tz: ZoneInfo) -> list[Inquiry]:
    """The inquiries of (sent_at, sender role, is automated) messages in conversation order."""
    start, end = hours
    found: list[Inquiry] = []
    asked: datetime | None = None
    for sent_at, role, automated in messages:
        if role == SenderRole.merchant and not automated:
            if asked is not None:
                found.append(Inquiry(asked, sent_at))
                asked = None
        elif role == SenderRole.customer and asked is None and start <= sent_at.astimezone(tz).time() < end:
            asked = sent_at
    if asked is not None:
        found.append(Inquiry(asked, None))
    return found
