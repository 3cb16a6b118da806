"""Customer-subject cases: from a customer's message (ingest) or a merchant's fraud report."""

from __future__ import annotations

from itertools import count

import pytest

from backoffice.cases import claims, decisions
from backoffice.cases.models import Case, Verdict
from backoffice.cases.operations import report_fraud
from backoffice.conversations.models import Conversation
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from tests.builders import CLI, chat, web

LURE = "招线上客服兼职,日结工资,先下载这个APP"  # seed 000: 招线上客服……兼职业务,引诱您下载不明软件


@pytest.fixture
def customer_case(app, make_merchant):
    """Ingest a ZBJ chat in which the customer (``u-<conversation>``) writes ``text``; its customer case."""
    make_merchant("m-1")
    numbers = count(1)

    def make(text: str = LURE, customer: str | None = None) -> Case:
        payload = chat(f"cc-{next(numbers)}", "m-1", ("customer", text), ("merchant", "您好,请问需要什么设计?"))
        if customer:
            payload["customer"]["external_id"] = customer
        result = ingest(CLI, payload)
        db.session.commit()
        assert len(result.cases_opened) == 1, result
        return db.session.get(Case, result.cases_opened[0])

    return make


@pytest.fixture
def reported_case(app, make_merchant):
    """A merchant's fraud report (举报诈骗) on a fresh conversation of customer ``customer``."""
    numbers = count(1)

    def make(customer: str = "u-fraud") -> Case:
        payload = chat(f"rep-{next(numbers)}", "m-1", ("customer", "你好"), ("merchant", "您好"))
        payload["customer"]["external_id"] = customer
        ingest(CLI, payload)
        conversation = db.session.query(Conversation).filter_by(external_id=payload["external_id"]).one()
        case = report_fraud(CLI, conversation, "客户让我去别的平台交押金")
        db.session.commit()
        return case

    return make


def decide(case: Case, reviewer, rule: str = "zbj.customer_fraud", severity: str = "general",
           verdict: Verdict = Verdict.violation):
    claims.claim(web(reviewer), case, reviewer)
    decision = decisions.decide(web(reviewer), case, decisions.DecisionInput(
        verdict, "客户以兼职为名引诱服务商下载不明软件。", rule if verdict is Verdict.violation else None,
        severity if verdict is Verdict.violation else None), expected_version=case.version)
    db.session.commit()
    return decision
