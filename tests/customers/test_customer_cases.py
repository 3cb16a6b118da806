"""A case whose subject is the customer: opened by the scan or a fraud report, decided from the same
queue, the measure laddered on the customer's own history, the merchant untouched."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from backoffice.cases.decisions import DecisionInput
from backoffice.cases.models import Case, CaseKind, CaseStatus, Flag, Verdict
from backoffice.customers.models import Customer, CustomerMeasure
from backoffice.extensions import db
from backoffice.ledger.models import LedgerEntry
from backoffice.penalties.models import PenaltyDecision
from backoffice.rulings.queries import rulings_of
from tests.customers.conftest import decide


def test_a_customers_fraud_message_opens_a_case_about_the_customer(customer_case):
    case = customer_case()
    assert case.kind is CaseKind.customer_fraud
    assert case.about_customer
    assert case.rule_code == "zbj.customer_fraud"
    assert case.customer.external_id == case.conversation.customer_external_id
    flags = db.session.scalars(sa.select(Flag).filter_by(case_id=case.id)).all()
    assert {f.term for f in flags} == {"part_time_lure", "download_app"}
    assert all(f.message.sender_role.value == "customer" for f in flags)
    # No measure before a person looks: nothing on any ledger.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LedgerEntry).filter_by(case_id=case.id)) == 0


def test_a_second_message_joins_the_open_customer_case(customer_case):
    first = customer_case(customer="u-same")
    again = customer_case(customer="u-same")
    assert again.id != first.id  # another conversation: its own case, the same customer
    assert again.customer_id == first.customer_id
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Customer)) == 1


def test_a_merchants_fraud_report_is_a_case_about_the_customer(reported_case):
    case = reported_case()
    assert case.kind is CaseKind.fraud_report
    assert case.about_customer
    assert case.customer.external_id == "u-fraud"


# (case no. of the same customer, severity, the measure the customer rules give)
HISTORY = [
    (1, "general", "warning", None),
    (2, "general", "messaging_restriction", 7),
    (3, "general", "ban", None),
]


def test_the_measure_climbs_the_customers_own_history(customer_case, reported_case, make_user):
    reviewer = make_user("reviewer", "rev")
    cases = [customer_case(customer="u-fraud"), reported_case("u-fraud"), customer_case(customer="u-fraud")]
    for case, (n, severity, kind, days) in zip(cases, HISTORY, strict=True):
        decision = decide(case, reviewer, severity=severity)
        measure = db.session.scalars(sa.select(CustomerMeasure).filter_by(case_decision_id=decision.id)).one()
        assert (measure.offence_no, measure.type.value, measure.days) == (n, kind, days)
        assert decision.preview["measure"] == {"type": kind, "days": days}
        assert case.status is CaseStatus.decided
    restriction = db.session.scalars(sa.select(CustomerMeasure).filter_by(offence_no=2)).one()
    assert (restriction.ends_at - restriction.starts_at).days == 7


def test_serious_goes_straight_to_a_ban(customer_case, make_user):
    decision = decide(customer_case(), make_user("reviewer", "rev"), rule="zbj.customer_banned_business",
                      severity="serious")
    assert decision.preview["measure"]["type"] == "ban"


def test_the_merchant_is_never_penalised_for_the_customers_case(customer_case, reported_case, make_user):
    reviewer = make_user("reviewer", "rev")
    case = customer_case()
    decide(case, reviewer)
    decide(reported_case(), reviewer)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PenaltyDecision)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(LedgerEntry).where(
        LedgerEntry.kind.notin_(["opening", "deposit_topup"]))) == 0
    assert rulings_of(case.merchant_id) == []  # a confirmed report is no ruling on the merchant


def test_no_violation_takes_no_measure(customer_case, make_user):
    decide(customer_case(), make_user("reviewer", "rev"), verdict=Verdict.no_violation)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CustomerMeasure)) == 0


@pytest.mark.parametrize(("rule", "severity"), [
    (None, "general"), ("zbj.customer_fraud", None), ("zbj.offsite_contact", "general"),
    ("zbj.customer_fraud", "especially_serious")], ids=["no-rule", "no-severity", "merchant-rule", "severity"])
def test_a_customer_case_needs_a_customer_rule_and_its_severity(customer_case, make_user, rule, severity):
    from backoffice.cases import claims, decisions
    from backoffice.cases.claims import ReviewError
    from tests.builders import web

    reviewer = make_user("reviewer", "rev")
    case = customer_case()
    claims.claim(web(reviewer), case, reviewer)
    with pytest.raises(ReviewError):
        decisions.decide(web(reviewer), case, DecisionInput(Verdict.violation, "理由", rule, severity),
                         expected_version=case.version)


def test_the_case_page_says_the_subject_is_the_customer_and_shows_the_history(
        client, login, customer_case, make_user):
    reviewer = make_user("reviewer", "rev")
    earlier = customer_case(customer="u-fraud")
    decide(earlier, reviewer)
    case = customer_case(customer="u-fraud")
    login("rev")
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "当事人:客户" in page
    assert "u-fraud" in page
    assert "客户的处理记录" in page
    assert "警告" in page
    assert f"/cases/{earlier.id}" in page
    assert "兼职引诱" in page  # the pattern's title, not its key
    for raw in ("part_time_lure", "customer_fraud", "messaging_restriction"):
        assert raw not in page.replace("zbj.customer_fraud", "")  # the rule select's values are codes
    assert "商家信誉" not in page  # the merchant's standing is not what is judged here
    assert "<h2>关联店铺</h2>" not in page  # nor the merchant's linked shops
    queue = client.get("/cases").get_data(as_text=True)
    assert f"/cases/{case.id}" in queue
    assert "当事人:客户" in queue


def test_the_reviewer_previews_and_confirms_from_the_case_page(client, login, customer_case, make_user):
    make_user("reviewer", "rev")
    case = customer_case()
    login("rev")
    client.post(f"/cases/{case.id}/claim")
    db.session.expire_all()
    form = {"version": db.session.get(Case, case.id).version, "verdict": "violation",
            "rule": "zbj.customer_fraud", "severity": "general", "rationale": "客户以兼职为名引诱下载软件"}
    preview = client.post(f"/cases/{case.id}/decision", data={**form, "action": "preview"})
    assert preview.status_code == 200
    assert "客户处理记录中的第 1 次违规" in preview.get_data(as_text=True)
    done = client.post(f"/cases/{case.id}/decision", data={**form, "action": "confirm"})
    assert done.status_code == 302
    assert db.session.scalars(sa.select(CustomerMeasure)).one().type.value == "warning"
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "警告" in page
    assert "/rulings/" not in page
