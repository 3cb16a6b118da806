"""A merchant's fraud report (举报诈骗) joins the customer's open case on the conversation.

Seed 000 (八戒IM 问答): "如遇……诈骗……可点击举报" — the merchant reports the customer. When the scan of the
customer's own messages has already opened a case about that customer on that conversation, the report is
one more reason in it, not a second case: one case per customer and conversation while it is open.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.audit.models import AuditEvent
from backoffice.cases.models import Case, CaseKind, CaseStatus, FlagSource
from backoffice.cases.operations import report_fraud
from backoffice.extensions import db
from tests.builders import CLI
from tests.concurrency import race
from tests.customers.conftest import decide

REPORT = "客户让我去别的平台交押金"


def cases() -> list[Case]:
    return list(db.session.scalars(sa.select(Case).order_by(Case.id)))


def actions(case: Case) -> list[str]:
    return list(db.session.scalars(sa.select(AuditEvent.action).filter_by(
        subject_type="case", subject_id=str(case.id)).order_by(AuditEvent.id)))


def test_a_report_joins_the_open_customer_case_of_the_conversation(customer_case):
    case = customer_case()
    joined = report_fraud(CLI, case.conversation, REPORT)
    db.session.commit()
    assert joined.id == case.id
    assert cases() == [case]
    assert case.kind is CaseKind.customer_fraud
    assert [f.source for f in case.flags][-1] is FlagSource.merchant_report
    assert case.flags[-1].matched == REPORT
    assert (case.report_count, case.has_report, case.flag_count) == (1, True, len(case.flags))
    assert actions(case)[-1] == "case.fraud_report"


def test_the_reporting_merchant_hears_the_outcome_of_the_joined_case(customer_case, make_user):
    from backoffice.notifications.models import Notification

    case = customer_case()
    merchant_user = make_user("merchant", "shop", merchant=case.merchant)
    report_fraud(CLI, case.conversation, REPORT)
    db.session.commit()
    decide(case, make_user("reviewer", "rev"))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)
                             .filter_by(user_id=merchant_user.id)) == 1


def test_a_second_report_joins_the_first(reported_case):
    first = reported_case()
    again = report_fraud(CLI, first.conversation, "又发来一个下载链接")
    db.session.commit()
    assert again.id == first.id
    assert (first.flag_count, first.report_count) == (2, 2)


def test_a_report_after_the_case_was_decided_opens_a_new_one(customer_case, make_user):
    case = customer_case()
    decide(case, make_user("reviewer", "rev"))
    new = report_fraud(CLI, case.conversation, REPORT)
    db.session.commit()
    assert new.id != case.id
    assert new.kind is CaseKind.fraud_report
    assert case.status is CaseStatus.decided


def test_the_case_page_shows_the_merchants_report(client, login, customer_case, make_user):
    make_user("reviewer", "rev")
    case = customer_case()
    report_fraud(CLI, case.conversation, REPORT)
    db.session.commit()
    login("rev")
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert REPORT in page
    assert "举报诈骗" in page or "诈骗举报" in page  # the timeline's name for the report


@pytest.mark.postgres_only
def test_reports_sent_at_once_make_one_case(app, customer_case):
    case = customer_case()
    conversation_id = case.conversation_id
    db.session.commit()

    def report(i: int) -> None:
        from backoffice.conversations.models import Conversation

        report_fraud(CLI, db.session.get(Conversation, conversation_id), f"第{i}次举报")

    assert race(app, report, n=3) == [None] * 3
    db.session.expire_all()
    assert cases() == [case]
    assert case.report_count == 3
