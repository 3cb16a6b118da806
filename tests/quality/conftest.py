"""Chats written in platform time (Asia/Shanghai, UTC+8), inserted directly with the models.

``NOW`` is 2026-03-10 22:00 platform time; "the last 7 days" are 2026-03-04 … 2026-03-10.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest

from backoffice.cases.models import Report
from backoffice.conversations.models import Channel, Conversation, Message, ReviewRating, SenderRole, ServiceReview
from backoffice.extensions import db
from backoffice.quality import summary

SHANGHAI = ZoneInfo("Asia/Shanghai")
_ids = count(1)


def at(day: int, clock: str) -> datetime:
    """``clock`` (HH:MM or HH:MM:SS) on a March 2026 day in platform time, as the stored UTC datetime."""
    parts = [int(x) for x in clock.split(":")]
    return datetime(2026, 3, day, *parts, tzinfo=SHANGHAI).astimezone(UTC)


NOW = at(10, "22:00")


def after(moment: datetime, seconds: float) -> datetime:
    return moment + timedelta(seconds=seconds)


@pytest.fixture
def chat(app):
    """Store a conversation and count it in the summary:
    ``chat(merchant, [("customer" | "merchant" | "auto", moment), ...], reviews=[...], complaints=[...])``."""

    def make(merchant, messages, *, reviews=(), complaints=()) -> Conversation:
        conv = Conversation(platform=merchant.platform, external_id=f"q-{next(_ids)}", channel=Channel.im,
                            merchant_id=merchant.id, customer_external_id="u", customer_name="客户")
        db.session.add(conv)
        db.session.flush()
        rows = [Message(conversation_id=conv.id, external_id=f"m-{i}", sent_at=moment, text="你好",
                        sender_role=SenderRole.customer if who == "customer" else SenderRole.merchant,
                        is_automated=who == "auto") for i, (who, moment) in enumerate(messages)]
        added = [ServiceReview(conversation_id=conv.id, external_id=f"r-{i}", rating=ReviewRating(rating),
                               reviewed_at=moment) for i, (rating, moment) in enumerate(reviews)]
        reports = [Report(conversation_id=conv.id, reporter_role="customer", reason="negative_service",
                          reported_at=moment, fingerprint=f"f-{i}") for i, moment in enumerate(complaints)]
        db.session.add_all([*rows, *added, *reports])
        db.session.flush()
        # Counted as ingestion counts a new conversation (``ingest.operations.ingest``).
        summary.record_ingest(conv, [{"id": m.id, "sent_at": m.sent_at, "sender_role": m.sender_role,
                                      "is_automated": m.is_automated} for m in rows], added, reports, created=True)
        db.session.commit()
        return conv

    return make
