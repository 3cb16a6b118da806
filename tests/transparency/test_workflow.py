"""Statements are created by the operations that apply measures, in their transaction, from real workflows."""

from __future__ import annotations

import json

import pytest

from backoffice.audit.operations import Actor
from backoffice.cases import decisions
from backoffice.cases.models import Case, CaseDecision, CaseNote, DecisionStatus, Verdict
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.ledger.models import LedgerEntry
from backoffice.penalties import operations as penalties
from backoffice.penalties.models import PenaltyDecision
from backoffice.transparency import operations as ops
from backoffice.transparency.models import StatementOfReasons, StatementTrigger
from backoffice.transparency.personal_data import scan
from backoffice.transparency.schema import validate
from tests.builders import CLI, chat, web
from tests.transparency.conftest import PHONE, RATIONALE, statements


def test_an_automatic_zbj_demotion_on_ingestion_gets_a_fully_automated_statement(open_case):
    case = open_case()
    [row] = statements()
    [demotion] = [e for e in db.session.query(LedgerEntry).filter_by(case_id=case.id, kind="search_demotion")]
    p = row.payload
    assert (row.trigger, row.case_id, row.case_decision_id) == (StatementTrigger.automatic, case.id, None)
    assert row.puid == p["puid"] == f"zbj-case-{case.id}-automatic-{demotion.id}"
    assert validate(p) == []
    assert row.problems == []
    assert row.checked_at is not None
    assert (p["automated_decision"], p["automated_detection"]) == ("AUTOMATED_DECISION_FULLY", "Yes")
    assert p["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_DEMOTED"]
    assert "end_date_visibility_restriction" not in p  # until a reviewer lifts or confirms it
    assert p["source_type"] == "SOURCE_VOLUNTARY"
    assert row.application_date.isoformat() == p["application_date"]
    assert "Automatic interim measure" in p["decision_facts"]
    assert "risk notice" in p["decision_facts"]
    assert "decision_provision" not in p  # the next-day risk notice restricts nothing


def test_a_rolled_back_ingestion_leaves_no_statement(app, make_merchant, count_rows):
    make_merchant("m-1")
    ingest(CLI, chat("c-1", "m-1", ("merchant", "加我薇信 abc12345 详聊")))
    assert count_rows(StatementOfReasons) == 1  # in the same transaction as the demotion
    db.session.rollback()
    assert (count_rows(StatementOfReasons), count_rows(Case)) == (0, 0)


def test_platforms_without_automatic_measures_get_no_automatic_statement(open_case):
    open_case(("customer", "质量太差了"), ("merchant", "你脑子有病"), merchant_id="p-1", platform="pdd")
    assert statements() == []


def test_a_decision_through_the_review_workflow_creates_exactly_one_valid_statement(open_case, decide):
    case = open_case()
    decision = decide(case)
    [row] = statements(StatementTrigger.decision)
    p = row.payload
    assert row.case_decision_id == decision.id
    assert row.case_id == case.id
    assert p["puid"] == f"zbj-case-{case.id}-decision-{decision.id}"
    assert validate(p) == []
    assert row.problems == []
    assert p["automated_decision"] == "AUTOMATED_DECISION_NOT_AUTOMATED"
    assert p["automated_detection"] == "Yes"
    assert p["decision_provision"] == "DECISION_PROVISION_PARTIAL_SUSPENSION"
    assert p["decision_monetary_other"] == "security-deposit forfeiture"
    penalty = db.session.get(PenaltyDecision, decision.penalty_decision_id)
    assert p["application_date"] == penalty.decided_at.astimezone(__import__("zoneinfo").ZoneInfo(
        "Asia/Shanghai")).date().isoformat()
    assert len(statements()) == 2  # the automatic demotion's statement stays as issued


def test_a_failing_decision_transaction_leaves_no_statement(open_case, decide, monkeypatch, count_rows):
    case = open_case()
    before = count_rows(StatementOfReasons)

    def broken(*args, **kwargs):
        raise RuntimeError("mail server down")

    monkeypatch.setattr(decisions, "notify_merchant", broken)  # fails after the statement was written
    with pytest.raises(RuntimeError):
        decide(case, commit=False)
    db.session.rollback()
    assert count_rows(StatementOfReasons) == before
    assert (count_rows(CaseDecision), count_rows(PenaltyDecision)) == (0, 0)


@pytest.mark.parametrize("verdict", [Verdict.no_violation, Verdict.insufficient_evidence])
def test_decisions_without_a_restriction_get_no_statement(open_case, decide, verdict):
    case = open_case()
    decide(case, severity=None, verdict=verdict)
    assert statements(StatementTrigger.decision) == []


def test_a_measure_that_restricts_nothing_gets_no_statement(open_case, decide):
    # Pinduoduo negative service: a warning only.
    case = open_case(("customer", "在吗"), ("merchant", "你脑子有病"), merchant_id="p-1", platform="pdd")
    decide(case, "pdd.negative_service")
    assert statements(StatementTrigger.decision) == []


def test_a_customer_notice_is_an_article_16_source(open_case, decide):
    report = {"reporter_role": "customer", "reason": "abuse", "text": "客服骂我，我的电话13900139000",
              "reported_at": "2026-11-20T10:00:00+08:00"}
    case = open_case(("customer", "衣服起球了"), ("merchant", "好的亲，我们看看"), merchant_id="p-1", platform="pdd",
                     reports=[report])
    decide(case, "pdd.uncivil_language")
    [row] = statements(StatementTrigger.decision)
    assert (row.payload["source_type"], row.payload["automated_detection"]) == ("SOURCE_ARTICLE_16", "No")
    assert "source_identity" not in row.payload
    assert "13900139000" not in json.dumps(row.payload)
    assert row.problems == []


def test_four_eyes_the_statement_comes_with_the_approval(open_case, decide, make_user):
    first = open_case()
    decide(first)
    second = open_case()
    decision = decide(second)  # second offence: removal, which waits for a manager
    assert decision.status is DecisionStatus.pending_approval
    assert len(statements(StatementTrigger.decision)) == 1
    manager = make_user("manager", "boss")
    decisions.approve(web(manager), decision, True, "同意清退")
    db.session.commit()
    rows = statements(StatementTrigger.decision)
    assert len(rows) == 2
    p = rows[-1].payload
    assert (p["decision_provision"], p["decision_account"]) == ("DECISION_PROVISION_TOTAL_TERMINATION",
                                                                "DECISION_ACCOUNT_TERMINATED")
    assert "A manager approved the decision before it took effect (a removal)" in p["decision_facts"]
    assert validate(p) == []
    assert rows[-1].problems == []


def test_a_refused_decision_gets_no_statement(open_case, decide, make_user):
    decide(open_case())
    decision = decide(open_case())
    decisions.approve(web(make_user("manager", "boss")), decision, False, "证据不足")
    db.session.commit()
    assert len(statements(StatementTrigger.decision)) == 1


def test_personal_data_in_rationale_notes_and_deviation_never_reaches_the_statement(open_case, decide, reviewer,
                                                                                    make_user):
    case = open_case(("customer", "我是王女士，电话13900139000"), ("merchant", PHONE),
                     ("merchant", "加我薇信 abc12345"))
    note = "王女士说她的微信是 wang_li_88，电话13900139000"
    db.session.add(CaseNote(case_id=case.id, author_id=reviewer.id, body=note))
    db.session.commit()
    decision = decide(case, dropped=("deposit_deduction",), deviation_reason="王女士同意和解，商家电话13800138000")
    decisions.approve(web(make_user("manager", "boss")), decision, True, "同意，王女士已和解")
    db.session.commit()
    rows = statements()
    assert len(rows) == 2
    text = json.dumps([r.payload for r in rows], ensure_ascii=False)
    for secret in ("13800138000", "138 0013 8000", "13900139000", "abc12345", "wang_li_88", "王女士", RATIONALE,
                   "和解", "测试商家", "m-1", "u-c-1", "加我薇信", "直接打我电话"):
        assert secret not in text, secret
    for row in rows:
        assert row.problems == []
        assert scan(row.payload, ops.build.known_for(case)) == []
    facts = rows[-1].payload["decision_facts"]
    assert "Measures left out by an approved deviation: deposit deduction." in facts
    assert "decision_monetary" not in rows[-1].payload


def test_an_injected_phone_number_is_refused_and_reported(open_case, decide):
    case = open_case()
    decide(case)
    row = statements(StatementTrigger.decision)[0]
    row.payload = {**row.payload, "decision_facts": row.payload["decision_facts"] + " Call 138-0013-8000."}
    db.session.commit()
    problems = ops.check(row)
    assert problems == ["personal data in decision_facts: phone number (138******00)"]
    result = ops.export(ops.Selection())
    assert [r.puid for r, _ in result.refused] == [row.puid]
    assert row.exported_at is None
    assert row.puid not in {r.puid for _, rows in result.batches for r in rows}


def test_an_overturn_keeps_the_statement_as_issued(open_case, decide):
    case = open_case()
    decision = decide(case)
    [row] = statements(StatementTrigger.decision)
    before = json.dumps(row.payload, sort_keys=True)
    penalty = db.session.get(PenaltyDecision, decision.penalty_decision_id)
    penalties.overturn(Actor(None, "cli"), penalty, "appeal 1: the customer volunteered the number")
    db.session.commit()
    db.session.expire_all()
    rows = statements(StatementTrigger.decision)
    assert len(rows) == 1
    assert json.dumps(rows[0].payload, sort_keys=True) == before
    assert ops.appeal_outcome(rows[0]) == "overturned"
