"""Customer-service quality figures per shop and platform day, read from the summary (``QualityDay``).

* **Inquiry**: a customer message in service hours (platform time) that starts an unanswered
  stretch: the first such message after the shop's last reply by a person. A customer who sends
  three lines in a row asks once, as in the negative-service detector (``detection/reply_time``).
* **Within the limit / late**: the first reply by a person came at most / more than the pack's
  ``reply_minutes`` after the inquiry. Auto-replies (``is_automated``) are no 人工回复 and are
  skipped. An inquiry still inside the limit at ``now`` with no reply yet is not counted.
* **3-minute manual reply rate** = within ÷ inquiries; **late replies** = late ÷ (within + late).
* **Good-review rate** = good reviews ÷ reviews, by the day of the review.
* **Complaint rate** = conversations with a customer report (投诉) ÷ conversations a customer wrote
  in, each counted once per platform day.

Ingestion keeps the summary (``quality/summary.py``), so a page reads one row per shop and day. Only
the inquiries of the last ``reply_minutes`` are looked at live: those still unanswered are pending and
left out, as the definition says.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa

from backoffice.conversations.models import Conversation, Message, SenderRole
from backoffice.dashboard.metrics import Period
from backoffice.db import db, utcnow
from backoffice.merchants.models import Merchant, Platform
from backoffice.quality.models import QualityDay
from backoffice.quality.stretches import inquiries
from backoffice.quality.summary import by_conversation, settings_for
from backoffice.timeutil import platform_tz

__all__ = ["Counts", "Row", "daily", "per_day", "per_shop", "settings_for"]


@dataclass
class Counts:
    asked: int = 0
    within: int = 0
    late: int = 0
    reviews: int = 0
    good_reviews: int = 0
    conversations: int = 0
    complaints: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def reply_rate(self) -> Decimal | None:
        return _ratio(self.within, self.asked)

    @property
    def late_share(self) -> Decimal | None:
        return _ratio(self.late, self.within + self.late)

    @property
    def good_review_rate(self) -> Decimal | None:
        return _ratio(self.good_reviews, self.reviews)

    @property
    def complaint_rate(self) -> Decimal | None:
        return _ratio(self.complaints, self.conversations)


def _ratio(part: int, whole: int) -> Decimal | None:
    return Decimal(part) / Decimal(whole) if whole else None


@dataclass
class Row:
    merchant_id: int | None  # None: several shops summed
    merchant: str
    platform: Platform | None
    day: date | None  # None: the whole period
    counts: Counts = field(default_factory=Counts)


def daily(p: Period, *, platform: Platform | None = None, merchant_id: int | None = None,
          now: datetime | None = None) -> list[Row]:
    """One row per shop and platform day with any activity, ordered by shop then day."""
    now = now or utcnow()
    platforms = [x for x in ([platform] if platform else list(Platform)) if settings_for(x) is not None]
    if not platforms:
        return []
    q = QualityDay
    stmt = (sa.select(q.merchant_id, q.day, Merchant.name, Merchant.platform, q.in_time, q.late, q.unanswered,
                      q.ratings, q.good_ratings, q.customer_conversations, q.complained)
            .join(Merchant, Merchant.id == q.merchant_id)
            .where(q.day >= p.days[0], q.day <= p.days[-1], q.platform.in_(platforms)))
    if merchant_id is not None:
        stmt = stmt.where(q.merchant_id == merchant_id)
    pending = _pending(p, platforms, merchant_id, now)
    rows = []
    for mid, day, name, plat, in_time, late, unanswered, *rest in db.session.execute(stmt):
        counts = Counts(in_time + late + unanswered - pending[(mid, day)], in_time, late, *rest)
        if any(vars(counts).values()):
            rows.append(Row(mid, name, plat, day, counts))
    return sorted(rows, key=lambda r: (r.merchant, r.merchant_id, r.day))


def _pending(p: Period, platforms: list[Platform], merchant_id: int | None, now: datetime) -> Counter:
    """Unanswered inquiries still inside their reply window at ``now``, by (shop, day).

    Only conversations a customer wrote in since ``now`` minus the window are read, each from its last
    reply by a person on: a pending inquiry is the last stretch of its conversation.
    """
    found: Counter = Counter()
    tz = platform_tz()
    m = Message
    for platform in platforms:
        settings = settings_for(platform)
        cutoff = now - settings.reply_limit
        if cutoff >= p.end:
            continue
        scope = [Conversation.platform == platform]
        if merchant_id is not None:
            scope.append(Conversation.merchant_id == merchant_id)
        # Fetched first (by the sent_at index): as a subquery the planner may scan every message.
        recent = db.session.scalars(
            sa.select(m.conversation_id).distinct().join(Conversation, Conversation.id == m.conversation_id)
            .where(*scope, m.sender_role == SenderRole.customer, m.sent_at > cutoff, m.sent_at < p.end)).all()
        if not recent:
            continue
        last = (sa.select(m.conversation_id, sa.func.max(m.sent_at).label("at"))
                .where(m.conversation_id.in_(recent), m.sender_role == SenderRole.merchant,
                       m.is_automated.is_(False), m.sent_at < p.end)
                .group_by(m.conversation_id).subquery())
        stmt = (sa.select(m.conversation_id, Conversation.merchant_id, Conversation.platform, m.sent_at,
                          m.sender_role, m.is_automated)
                .join(Conversation, Conversation.id == m.conversation_id)
                .outerjoin(last, last.c.conversation_id == m.conversation_id)
                .where(m.conversation_id.in_(recent), m.sent_at < p.end,
                       sa.or_(last.c.at.is_(None), m.sent_at >= last.c.at))
                .order_by(m.conversation_id, m.sent_at, m.id))
        for mid, _, messages in by_conversation(db.session.execute(stmt)):
            asked = inquiries(messages, settings.hours(), tz)
            if asked and asked[-1].reply_at is None and cutoff < asked[-1].asked_at and asked[-1].asked_at >= p.start:
                found[(mid, asked[-1].asked_at.astimezone(tz).date())] += 1
    return found


def per_shop(rows: list[Row]) -> list[Row]:
    """The period's totals of each shop."""
    shops: dict[int | None, Row] = {}
    for row in rows:
        total = shops.setdefault(row.merchant_id, Row(row.merchant_id, row.merchant, row.platform, None))
        total.counts.add(row.counts)
    return list(shops.values())


def per_day(rows: list[Row], p: Period, label: str) -> list[Row]:
    """Every platform day of the period, summed over the rows' shops (a day with no activity is empty)."""
    days = {d: Row(None, label, None, d) for d in p.days}
    for row in rows:
        days[row.day].counts.add(row.counts)
    return list(days.values())
