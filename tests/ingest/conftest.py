"""Helpers for the ingestion tests: conversation payloads, a fixed clock, one-call ingestion."""

from __future__ import annotations

import copy
from datetime import datetime, time, timedelta

import pytest
import sqlalchemy as sa

from backoffice.audit.operations import Actor
from backoffice.cases.models import Case, Flag, Report
from backoffice.conversations.models import Conversation, Message
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.ledger.models import LedgerEntry
from backoffice.timeutil import platform_tz

ACTOR = Actor(None, "cli")
TABLES = (Conversation, Message, Flag, Case, LedgerEntry, Report)
SHA = "ab" * 32


def at(day: datetime, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return day.replace(hour=hh, minute=mm, second=ss)


def msg(external_id: str, role: str, sent_at: datetime, text: str, **extra) -> dict:
    return {"external_id": external_id, "sender_role": role, "sent_at": sent_at.isoformat(), "text": text,
            **extra}


def conv(external_id: str = "c-1", *messages: dict, platform: str = "zbj", merchant: str = "m-1",
         reports: list[dict] | None = None, channel: str = "im") -> dict:
    payload = {
        "platform": platform, "external_id": external_id, "channel": channel,
        "merchant": {"external_id": merchant, "name": "重庆山城品牌设计工作室"},
        "customer": {"external_id": "u-1", "name": "王女士"},
        "messages": list(messages),
    }
    if reports is not None:
        payload["reports"] = reports
    return payload


def report(reason: str, reported_at: datetime, text: str = "商家让我加微信") -> dict:
    return {"reporter_role": "customer", "reason": reason, "text": text,
            "reported_at": reported_at.isoformat()}


@pytest.fixture
def day(app) -> datetime:
    """Midnight, platform time, of tomorrow: entries recorded now count in a standing at that day."""
    tomorrow = utcnow().astimezone(platform_tz()).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=platform_tz())


@pytest.fixture
def chat(day) -> dict:
    """A short ZBJ chat in which the merchant gives a phone number at 10:01."""
    return conv("c-1",
                msg("1", "customer", at(day, 10), "你好，logo设计多少钱？"),
                msg("2", "merchant", at(day, 10, 1), "您好，这个要详细聊，我的电话13812345678"),
                msg("3", "customer", at(day, 10, 2), "好的，我稍后打给你"))


@pytest.fixture
def put(app, day):
    """Ingest one conversation and commit; the clock defaults to 12:00 platform time that day."""

    def do(payload: dict, now: datetime | None = None):
        result = ingest(ACTOR, copy.deepcopy(payload), now=now or at(day, 12))
        db.session.commit()
        return result

    return do


@pytest.fixture
def snapshot(count_rows):
    def take() -> dict[str, int]:
        return {model.__name__: count_rows(model) for model in TABLES}

    return take


def all_of(model, **where) -> list:
    return list(db.session.scalars(sa.select(model).filter_by(**where).order_by(model.id)))
