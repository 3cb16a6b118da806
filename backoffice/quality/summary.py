"""Keep the per-shop, per-day summary (``QualityDay``) up to date; rebuild it from the messages.

Ingestion adds each conversation's part in its own transaction (``record_ingest``): the inquiries of the
conversation's tail, from the last reply by a person before the earliest new message, counted before and
after the new messages, the difference added with one upsert (``col = col + delta``), so two ingestions of
one shop at once both count; ingestions of one conversation are already serialised on its row. A message
re-sent is no new message, so it changes nothing.

The summary depends on the pack's ``reply_minutes`` and service hours: after changing them run
``flask quality rebuild`` (``--days N`` for the last N platform days only).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from backoffice.cases.models import Report
from backoffice.conversations.models import Conversation, Message, ReviewRating, SenderRole, ServiceReview
from backoffice.db import db
from backoffice.merchants.models import Platform
from backoffice.policy import get_rulebook
from backoffice.policy.service import ServiceQuality
from backoffice.quality.models import COUNT_COLUMNS, QualityDay
from backoffice.quality.stretches import inquiries
from backoffice.timeutil import platform_day_bounds, platform_tz

#: (merchant id, platform, day, column) -> change
Tally = Counter
#: Rows per upsert statement (PostgreSQL takes at most 65,535 parameters in one).
CHUNK = 2000


def settings_for(platform: Platform) -> ServiceQuality | None:
    pack = get_rulebook().packs.get(platform.value)
    return pack.service_quality if pack else None


def _day(moment: datetime) -> date:
    return moment.astimezone(platform_tz()).date()


def record_ingest(conversation: Conversation, new_messages: Iterable[dict], new_reviews: Iterable[ServiceReview],
                  new_reports: Iterable[Report], *, created: bool) -> None:
    """Count one ingestion's new messages, reviews and reports in the summary (the caller commits)."""
    tally: Tally = Counter()
    key = (conversation.merchant_id, conversation.platform)
    _count_messages(conversation, key, list(new_messages), created, tally)
    for review in new_reviews:
        tally[(*key, _day(review.reviewed_at), "ratings")] += 1
        tally[(*key, _day(review.reviewed_at), "good_ratings")] += review.rating == ReviewRating.good
    reports = [r for r in new_reports if r.reporter_role == "customer"]
    if reports:
        db.session.flush()
        days = {_day(r.reported_at) for r in reports}
        for day in days - _days_with(conversation.id, Report.reported_at, days,
                                     Report.reporter_role == "customer", Report.id.not_in([r.id for r in reports])):
            tally[(*key, day, "complained")] += 1
    bump(tally)


def _count_messages(conversation: Conversation, key: tuple, new: list[dict], created: bool, tally: Tally) -> None:
    if not new:
        return
    new.sort(key=lambda m: (m["sent_at"], m["id"]))
    # Ingestions of one conversation are serialised on its row: its stored messages all have lower ids.
    older = Message.id < min(m["id"] for m in new) if not created else None
    settings = settings_for(conversation.platform)
    if settings is not None:
        old = [] if created else _tail(conversation.id, older, min(m["sent_at"] for m in new))
        both = sorted(old + [(m["sent_at"], m["id"], m["sender_role"], m["is_automated"]) for m in new],
                      key=lambda m: m[:2])
        for sign, messages in ((-1, old), (1, both)):
            for inquiry in inquiries(((m[0], m[2], m[3]) for m in messages), settings.hours(), platform_tz()):
                tally[(*key, _day(inquiry.asked_at), inquiry.outcome(settings.reply_limit))] += sign
    days = {_day(m["sent_at"]) for m in new if m["sender_role"] == SenderRole.customer}
    if not created:
        days -= _days_with(conversation.id, Message.sent_at, days, Message.sender_role == SenderRole.customer, older)
    for day in days:
        tally[(*key, day, "customer_conversations")] += 1


def _tail(conversation_id: int, older, earliest: datetime) -> list[tuple]:
    """Stored messages from the last reply by a person at or before ``earliest`` on (all if none).

    Inquiries before that reply are answered by it or earlier: new messages cannot change them.
    """
    mine = sa.and_(Message.conversation_id == conversation_id, older)
    since = db.session.scalar(
        sa.select(Message.sent_at).where(mine, Message.sender_role == SenderRole.merchant,
                                         Message.is_automated.is_(False), Message.sent_at <= earliest)
        .order_by(Message.sent_at.desc()).limit(1))
    stmt = sa.select(Message.sent_at, Message.id, Message.sender_role, Message.is_automated).where(mine)
    if since is not None:
        stmt = stmt.where(Message.sent_at >= since)
    return [tuple(row) for row in db.session.execute(stmt.order_by(Message.sent_at, Message.id))]


def _days_with(conversation_id: int, column, days: set[date], *where) -> set[date]:
    """Which of ``days`` already have a row of the conversation (by ``column``'s platform day)."""
    model = column.class_
    found = set()
    for day in days:
        start, end = platform_day_bounds(day)
        if db.session.scalar(sa.select(sa.exists().where(model.conversation_id == conversation_id, column >= start,
                                                         column < end, *where))):
            found.add(day)
    return found


def bump(tally: Tally) -> None:
    """Add the changes to the summary rows, creating them; rows in key order, so that two writers never
    wait on each other's rows crosswise."""
    rows: dict[tuple, dict] = {}
    for (merchant_id, platform, day, column), change in tally.items():
        row = rows.setdefault((merchant_id, day), {"merchant_id": merchant_id, "day": day, "platform": platform,
                                                   **dict.fromkeys(COUNT_COLUMNS, 0)})
        row[column] += change
    changed = [rows[k] for k in sorted(rows) if any(rows[k][c] for c in COUNT_COLUMNS)]
    if not changed:
        return
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    for at in range(0, len(changed), CHUNK):
        stmt = dialect.insert(QualityDay).values(changed[at:at + CHUNK])
        stmt = stmt.on_conflict_do_update(
            index_elements=[QualityDay.merchant_id, QualityDay.day],
            set_={c: getattr(QualityDay, c) + getattr(stmt.excluded, c) for c in COUNT_COLUMNS})
        db.session.execute(stmt)


def rebuild(since: datetime | None) -> int:
    """Recount every day from the platform day of ``since`` on (everything when None); return the rows."""
    if db.session.get_bind().dialect.name == "postgresql":
        # Ingestions wait until the rebuild commits and then add their own part to the rebuilt rows.
        db.session.execute(sa.text("LOCK TABLE quality_days IN EXCLUSIVE MODE"))
    start = platform_day_bounds(_day(since))[0] if since is not None else None
    delete = sa.delete(QualityDay)
    db.session.execute(delete if start is None else delete.where(QualityDay.day >= _day(start)))
    tally: Tally = Counter()
    _recount_messages(start, tally)
    reviews = (sa.select(Conversation.merchant_id, Conversation.platform, ServiceReview.reviewed_at,
                         ServiceReview.rating).join(Conversation))
    for merchant_id, platform, reviewed_at, rating in db.session.execute(_from(reviews, ServiceReview.reviewed_at,
                                                                               start)):
        tally[(merchant_id, platform, _day(reviewed_at), "ratings")] += 1
        tally[(merchant_id, platform, _day(reviewed_at), "good_ratings")] += rating == ReviewRating.good
    reports = (sa.select(Conversation.id, Conversation.merchant_id, Conversation.platform, Report.reported_at)
               .join(Conversation).where(Report.reporter_role == "customer"))
    complained = {(cid, mid, plat, _day(at)) for cid, mid, plat, at in db.session.execute(
        _from(reports, Report.reported_at, start))}
    for _, merchant_id, platform, day in complained:
        tally[(merchant_id, platform, day, "complained")] += 1
    bump(tally)
    return db.session.scalar(sa.select(sa.func.count()).select_from(QualityDay).where(
        sa.true() if start is None else QualityDay.day >= _day(start)))


def _from(stmt, column, start: datetime | None):
    return stmt if start is None else stmt.where(column >= start)


def _recount_messages(start: datetime | None, tally: Tally) -> None:
    """Every conversation with a message since ``start``, read whole in one ordered pass."""
    stmt = (sa.select(Message.conversation_id, Conversation.merchant_id, Conversation.platform, Message.sent_at,
                      Message.sender_role, Message.is_automated)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .order_by(Message.conversation_id, Message.sent_at, Message.id))
    if start is not None:
        active = sa.select(Message.conversation_id).where(Message.sent_at >= start)
        stmt = stmt.where(Message.conversation_id.in_(active))
    tz = platform_tz()
    for merchant_id, platform, messages in by_conversation(db.session.execute(stmt.execution_options(
            yield_per=20_000))):
        settings = settings_for(platform)
        if settings is not None:
            for inquiry in inquiries(((m[0], m[1], m[2]) for m in messages), settings.hours(), tz):
                if start is None or inquiry.asked_at >= start:
                    tally[(merchant_id, platform, _day(inquiry.asked_at), inquiry.outcome(settings.reply_limit))] += 1
        for day in {_day(m[0]) for m in messages if m[1] == SenderRole.customer and (start is None or m[0] >= start)}:
            tally[(merchant_id, platform, day, "customer_conversations")] += 1


def by_conversation(rows) -> Iterator[tuple[int, Platform, list[tuple]]]:
    current, key, messages = None, None, []
    for conversation_id, merchant_id, platform, sent_at, role, automated in rows:
        if conversation_id != current:
            if messages:
                yield (*key, messages)
            current, key, messages = conversation_id, (merchant_id, platform), []
        messages.append((sent_at, role, automated))
    if messages:
        yield (*key, messages)
