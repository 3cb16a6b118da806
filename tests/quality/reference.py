"""The figures as they were counted before the summary: straight from the period's messages, in SQL.

The reference the summary is proven equal to (``test_summary.py``) and the "before" of
``bench/quality_bench.py``. A stretch that began before the period starts at its first message inside
it, so it agrees with the summary for periods that hold every message of the conversations counted.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from backoffice.cases.models import Report
from backoffice.conversations.models import Conversation, Message, ReviewRating, SenderRole, ServiceReview
from backoffice.dashboard.metrics import Period
from backoffice.db import db, utcnow
from backoffice.merchants.models import Merchant, Platform
from backoffice.policy.service import ServiceQuality
from backoffice.quality.figures import Counts, Row, settings_for
from backoffice.timeutil import platform_tz


class seconds_between(FunctionElement):  # noqa: N801 (an SQL function, named as one)
    """Seconds from the first timestamp to the second, in SQL."""

    type = sa.Float()
    inherit_cache = True


@compiles(seconds_between)
def _seconds_postgresql(element, compiler, **kw):
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"EXTRACT(EPOCH FROM ({end} - {start}))"


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element, compiler, **kw):
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    # julianday is a double: rounded to the millisecond so that exactly 3 minutes is 180.0.
    return f"ROUND((julianday({end}) - julianday({start})) * 86400.0, 3)"


def daily(p: Period, *, platform: Platform | None = None, merchant_id: int | None = None,
          now: datetime | None = None) -> list[Row]:
    """One row per shop and platform day with any activity, ordered by shop then day."""
    now = now or utcnow()
    found: dict[tuple[int, int], Counts] = {}
    for plat in [platform] if platform else list(Platform):
        settings = settings_for(plat)
        if settings is None:
            continue
        for key, values in _all_counts(p, plat, settings, merchant_id, now):
            counts = found.setdefault(key, Counts())
            for name, value in values.items():
                setattr(counts, name, getattr(counts, name) + value)
    shops = {m.id: m for m in db.session.scalars(
        sa.select(Merchant).where(Merchant.id.in_({mid for mid, _ in found})))} if found else {}
    return [Row(mid, shops[mid].name, shops[mid].platform, p.days[day], counts)
            for (mid, day), counts in sorted(found.items(), key=lambda kv: (shops[kv[0][0]].name, kv[0]))]


def _day_index(column, p: Period):
    return sa.case(*((column < end, i) for i, end in enumerate(p.ends[:-1])), else_=len(p.days) - 1)


def _all_counts(p: Period, platform: Platform, settings: ServiceQuality, merchant_id: int | None,
                now: datetime):
    scope = [Conversation.platform == platform]
    if merchant_id is not None:
        scope.append(Conversation.merchant_id == merchant_id)
    for stmt, names in (_replies(p, scope, settings, now), _conversations(p, scope), _complaints(p, scope),
                        _reviews(p, scope)):
        for merchant, day, *values in db.session.execute(stmt):
            yield (merchant, day), dict(zip(names, values, strict=True))


def _service_hours(column, p: Period, settings: ServiceQuality):
    start, end = settings.hours()
    tz = platform_tz()
    windows = [(datetime.combine(d, start, tzinfo=tz), datetime.combine(d, end, tzinfo=tz)) for d in p.days]
    return sa.or_(*(sa.and_(column >= a, column < b) for a, b in windows))


def _replies(p: Period, scope: list, settings: ServiceQuality, now: datetime):
    m = Message
    by_person = sa.and_(m.sender_role == SenderRole.merchant, m.is_automated.is_(False))
    asks = sa.and_(m.sender_role == SenderRole.customer, _service_hours(m.sent_at, p, settings))
    window = {"partition_by": m.conversation_id, "order_by": (m.sent_at, m.id)}
    # Replies so far: the customer messages between two replies share this number, and the reply that
    # ends stretch n carries n + 1. A running sum, so the database computes it in one pass.
    timed = (
        sa.select(m.conversation_id, Conversation.merchant_id, m.sent_at,
                  sa.case((by_person, 1), else_=0).label("is_reply"),
                  sa.func.sum(sa.case((by_person, 1), else_=0)).over(**window).label("stretch"))
        .join(Conversation, Conversation.id == m.conversation_id)
        .where(*scope, m.sent_at >= p.start, m.sent_at < p.end, sa.or_(by_person, asks))
        .cte("timed"))
    groups = (
        sa.select(timed.c.conversation_id, timed.c.merchant_id, timed.c.stretch,
                  sa.func.min(sa.case((timed.c.is_reply == 0, timed.c.sent_at))).label("asked_at"),
                  sa.func.min(sa.case((timed.c.is_reply == 1, timed.c.sent_at))).label("opened_at"))
        .group_by(timed.c.conversation_id, timed.c.merchant_id, timed.c.stretch)
        .cte("groups"))
    next_opened = sa.func.lead(groups.c.opened_at).over(partition_by=groups.c.conversation_id,
                                                         order_by=groups.c.stretch)
    stretch = (sa.select(groups.c.merchant_id, groups.c.asked_at, next_opened.label("reply_at"))
               .subquery("stretch"))
    limit = settings.reply_limit.total_seconds()
    waited = seconds_between(stretch.c.asked_at, stretch.c.reply_at)
    day = _day_index(stretch.c.asked_at, p)
    stmt = (
        sa.select(stretch.c.merchant_id, day, sa.func.count(), sa.func.count(sa.case((waited <= limit, 1))),
                  sa.func.count(sa.case((waited > limit, 1))))
        .where(stretch.c.asked_at.is_not(None),
               sa.or_(stretch.c.reply_at.is_not(None), stretch.c.asked_at <= now - settings.reply_limit))
        .group_by(stretch.c.merchant_id, day))
    return stmt, ("asked", "within", "late")


def _conversations(p: Period, scope: list):
    day = _day_index(Message.sent_at, p)
    stmt = (sa.select(Conversation.merchant_id, day, sa.func.count(sa.distinct(Message.conversation_id)))
            .join(Conversation, Conversation.id == Message.conversation_id)
            .where(*scope, Message.sender_role == SenderRole.customer, Message.sent_at >= p.start,
                   Message.sent_at < p.end)
            .group_by(Conversation.merchant_id, day))
    return stmt, ("conversations",)


def _complaints(p: Period, scope: list):
    day = _day_index(Report.reported_at, p)
    stmt = (sa.select(Conversation.merchant_id, day, sa.func.count(sa.distinct(Report.conversation_id)))
            .join(Conversation, Conversation.id == Report.conversation_id)
            .where(*scope, Report.reporter_role == "customer", Report.reported_at >= p.start,
                   Report.reported_at < p.end)
            .group_by(Conversation.merchant_id, day))
    return stmt, ("complaints",)


def _reviews(p: Period, scope: list):
    r = ServiceReview
    day = _day_index(r.reviewed_at, p)
    stmt = (sa.select(Conversation.merchant_id, day, sa.func.count(),
                      sa.func.count(sa.case((r.rating == ReviewRating.good, 1))))
            .join(Conversation, Conversation.id == r.conversation_id)
            .where(*scope, r.reviewed_at >= p.start, r.reviewed_at < p.end)
            .group_by(Conversation.merchant_id, day))
    return stmt, ("reviews", "good_reviews")

