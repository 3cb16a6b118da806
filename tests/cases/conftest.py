"""Helpers for the reviewer-workspace tests: cases from ingested chats, or many cases at once."""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import count

import pytest
import sqlalchemy as sa
from flask_babel import gettext

from backoffice.cases.decisions import DecisionInput
from backoffice.cases.models import Case, CaseStatus, Verdict
from backoffice.conversations.models import Channel, Conversation
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.ledger.operations import standing_of
from backoffice.timeutil import platform_tz
from tests.builders import CLI, WECHAT, web

RULE = "zbj.offsite_contact"


def said(message: str) -> str:
    """The pattern of a message as the reviewer reads it (the default language is Chinese)."""
    return re.escape(gettext(message))


def violation(severity: str = "general", **extra) -> DecisionInput:
    return DecisionInput(Verdict.violation, "商家在聊天中发送微信号，引导线下交易。", RULE, severity, **extra)


def standing(case: Case, at=None):
    return standing_of(case.merchant, platform_tz(), at or utcnow() + timedelta(seconds=1))




def chat(
    external_id: str,
    merchant: str,
    *texts: tuple[str, str],
    platform: str = "zbj",
    reports: list[dict] | None = None,
) -> dict:
    """A conversation; ``texts`` are (sender_role, text) one minute apart, ending an hour ago."""
    start = utcnow() - timedelta(hours=1, minutes=len(texts))
    payload = {
        "platform": platform,
        "external_id": external_id,
        "channel": "im",
        "merchant": {"external_id": merchant, "name": "重庆山城品牌设计工作室"},
        "customer": {"external_id": f"u-{external_id}", "name": "王女士"},
        "messages": [
            {
                "external_id": str(n),
                "sender_role": role,
                "sent_at": (start + timedelta(minutes=n)).isoformat(),
                "text": text,
            }
            for n, (role, text) in enumerate(texts, 1)
        ],
    }
    if reports is not None:
        payload["reports"] = reports
    return payload


@pytest.fixture
def merchant(make_merchant):
    return make_merchant("m-1", deposit="10000.00")


@pytest.fixture
def open_case(app, merchant):
    """Ingest a chat (by default: the ZBJ merchant gives a WeChat id) and return its one new case."""
    numbers = count(1)

    def make(
        *texts: tuple[str, str],
        merchant_id: str = "m-1",
        platform: str = "zbj",
        reports: list[dict] | None = None,
    ) -> Case:
        texts = texts or (("customer", "你好，logo设计多少钱？"), ("merchant", WECHAT))
        result = ingest(
            CLI, chat(f"c-{next(numbers)}", merchant_id, *texts, platform=platform, reports=reports)
        )
        db.session.commit()
        assert len(result.cases_opened) == 1, result
        return db.session.get(Case, result.cases_opened[0])

    return make


def bulk_cases(merchant, n: int, *, priority=lambda i: i % 7, platform="zbj", prefix: str = "bulk") -> list[int]:
    """``n`` open cases inserted directly (one conversation each), committed; their ids."""
    now = utcnow()
    conv_ids = db.session.scalars(
        sa.insert(Conversation).returning(Conversation.id),
        [
            {
                "platform": merchant.platform,
                "external_id": f"{prefix}-{i}",
                "channel": Channel.im,
                "merchant_id": merchant.id,
                "customer_external_id": f"u-{i}",
                "customer_name": "客户",
                "created_at": now,
            }
            for i in range(n)
        ],
    ).all()
    ids = db.session.scalars(
        sa.insert(Case).returning(Case.id),
        [
            {
                "platform": merchant.platform,
                "merchant_id": merchant.id,
                "conversation_id": cid,
                "rule_code": "zbj.offsite_contact",
                "category": "offsite_contact",
                "status": CaseStatus.open,
                "priority": priority(i),
                "opened_at": now - timedelta(minutes=i),
                "last_flag_at": now,
                "has_detector": True,
                "flag_count": 1,
                "version": 1,
            }
            for i, cid in enumerate(conv_ids)
        ],
    ).all()
    db.session.commit()
    return list(ids)


@pytest.fixture
def shop(make_user, merchant):
    """The merchant's own account, with an e-mail address."""
    user = make_user("merchant", "shop", merchant=merchant)
    user.email = "shop@example.com"
    db.session.commit()
    return user


@pytest.fixture
def claimed(open_case, make_user):
    """A ZBJ off-platform-contact case claimed by the reviewer ``alice``: (case, alice)."""
    from backoffice.cases import claims

    alice = make_user("reviewer", "alice")
    case = open_case()
    claims.claim(web(alice), case, alice)
    db.session.commit()
    return case, alice
