"""Reads for the daily sweep: the day's conversations, and one conversation's flags and cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from backoffice.cases.models import Case, Flag
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db, utcnow
from backoffice.merchants.models import Merchant, Platform
from backoffice.timeutil import platform_day_bounds, to_platform_tz

#: Conversations one sweep page lists (the busiest first); narrow by platform or merchant for the rest.
PAGE = 200

#: The sweep reads days from here on; an earlier or absurd day in the address shows today.
EARLIEST_DAY = date(2000, 1, 1)


@dataclass(frozen=True)
class SweepFilter:
    day: date
    platform: str | None = None
    merchant: str | None = None  # merchant external id or part of its name
    unflagged: bool = True  # only conversations nothing has flagged: what the detector may have missed

    @classmethod
    def from_args(cls, args: Any) -> SweepFilter:
        today = to_platform_tz(utcnow()).date()
        try:
            day = date.fromisoformat(args.get("day", ""))
        except ValueError:
            day = today
        if not EARLIEST_DAY <= day <= today + timedelta(days=1):  # 9999-12-31 has no next day to end at
            day = today
        platform = args.get("platform") if args.get("platform") in Platform.__members__ else None
        return cls(day=day, platform=platform, merchant=(args.get("merchant") or "").strip() or None,
                   unflagged=args.get("all") != "1")


def sweep_list(flt: SweepFilter) -> list[sa.Row]:
    """The conversations with messages on the platform day: (conversation, merchant, messages, flags)."""
    start, end = platform_day_bounds(flt.day)
    day_messages = (sa.select(Message.conversation_id, sa.func.count().label("messages"))
                    .where(Message.sent_at >= start, Message.sent_at < end)
                    .group_by(Message.conversation_id).subquery())
    flags = (sa.select(Flag.conversation_id, sa.func.count().label("flags"))
             .group_by(Flag.conversation_id).subquery())
    flag_count = sa.func.coalesce(flags.c.flags, 0)
    stmt = (sa.select(Conversation, Merchant, day_messages.c.messages, flag_count.label("flags"))
            .join(day_messages, day_messages.c.conversation_id == Conversation.id)
            .join(Merchant, Merchant.id == Conversation.merchant_id)
            .outerjoin(flags, flags.c.conversation_id == Conversation.id))
    if flt.platform:
        stmt = stmt.where(Conversation.platform == Platform(flt.platform))
    if flt.merchant:
        like = f"%{flt.merchant}%"
        stmt = stmt.where(sa.or_(Merchant.external_id == flt.merchant, Merchant.name.like(like)))
    if flt.unflagged:
        stmt = stmt.where(flag_count == 0)
    return list(db.session.execute(stmt.order_by(day_messages.c.messages.desc(), Conversation.id).limit(PAGE)))


def flags_of(conversation_id: int) -> list[Flag]:
    return list(db.session.scalars(sa.select(Flag).where(Flag.conversation_id == conversation_id).order_by(Flag.id)))


def cases_of(conversation_id: int) -> list[Case]:
    return list(db.session.scalars(
        sa.select(Case).where(Case.conversation_id == conversation_id).order_by(Case.opened_at.desc())))
