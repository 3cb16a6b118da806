"""Helpers for the statement-of-reasons tests: cases from ingested chats, decided through the workflow."""

from __future__ import annotations

from itertools import count

import pytest
import sqlalchemy as sa

from backoffice.cases import claims, decisions
from backoffice.cases.decisions import DecisionInput
from backoffice.cases.models import Case, Verdict
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.transparency.models import StatementOfReasons, StatementTrigger
from tests.builders import CLI, WECHAT, chat, web

PHONE = "直接打我电话 138 0013 8000 聊"
RATIONALE = "商家发送微信号 abc12345 和电话 13800138000，引导王女士线下交易。"


@pytest.fixture
def open_case(app, make_merchant):
    """``open_case(*texts, merchant_id=, platform=, reports=)``: ingest a chat, return its one new case."""
    numbers = count(1)
    merchants: set[str] = set()

    def make(*texts: tuple[str, str], merchant_id: str = "m-1", platform: str = "zbj",
             reports: list[dict] | None = None, deposit: str = "10000.00") -> Case:
        if merchant_id not in merchants:
            make_merchant(merchant_id, platform=platform, deposit=deposit)
            merchants.add(merchant_id)
        texts = texts or (("customer", "你好，logo设计多少钱？"), ("merchant", WECHAT))
        result = ingest(CLI, chat(f"c-{next(numbers)}", merchant_id, *texts, platform=platform, reports=reports))
        db.session.commit()
        assert len(result.cases_opened) == 1, result
        return db.session.get(Case, result.cases_opened[0])

    return make


@pytest.fixture
def reviewer(make_user):
    return make_user("reviewer", "alice")


@pytest.fixture
def decide(reviewer):
    """``decide(case, rule, severity, verdict=..., rationale=..., **extra)``: claim and decide, committed."""

    def run(case: Case, rule: str | None = None, severity: str | None = "general",
            verdict: Verdict = Verdict.violation, rationale: str = RATIONALE, commit: bool = True, **extra):
        claims.claim(web(reviewer), case, reviewer)
        db.session.commit()
        data = DecisionInput(verdict, rationale, rule or case.rule_code, severity, **extra)
        decision = decisions.decide(web(reviewer), case, data, expected_version=case.version)
        if commit:
            db.session.commit()
        return decision

    return run


def statements(trigger: StatementTrigger | None = None) -> list[StatementOfReasons]:
    stmt = sa.select(StatementOfReasons).order_by(StatementOfReasons.id)
    if trigger:
        stmt = stmt.where(StatementOfReasons.trigger == trigger)
    return list(db.session.scalars(stmt))
