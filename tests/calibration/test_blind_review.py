"""The blind second review: what the page hides, what submitting stores, and what it never touches."""

from __future__ import annotations

import re
from html import escape

import pytest
import sqlalchemy as sa
from flask_babel import gettext

from backoffice.appeals.models import Appeal
from backoffice.audit.models import AuditEvent
from backoffice.calibration import operations as ops
from backoffice.calibration.models import CalibrationReview
from backoffice.calibration.queries import SampleFilter
from backoffice.cases.decisions import DecisionInput
from backoffice.cases.models import Case, CaseDecision, CaseNote, Flag, Verdict
from backoffice.extensions import db
from backoffice.labels import STANDING_LABELS, STATUS_LABELS, measure_text
from backoffice.ledger.models import LedgerEntry, MerchantBalance
from backoffice.notifications.models import Notification, OutboxEmail
from backoffice.penalties.models import PenaltyDecision
from tests.builders import web
from tests.cases.conftest import RULE

SECRET_REASONS = "原审理由：商家发送微信号abc12345引导私下交易，情节一般。"


@pytest.fixture
def assigned(staff, decided, login):
    """A case ann decided (with measures), drawn for bob's blind review; bob is signed in."""
    case, decision = decided(staff.ann, DecisionInput(Verdict.violation, SECRET_REASONS, RULE, "general"))
    result = ops.draw_sample(web(staff.boss), 1, SampleFilter(), reviewer_ids=[staff.bob.id])
    db.session.commit()
    login("bob")
    return case, decision, result.reviews[0]


def fresh(review: CalibrationReview) -> CalibrationReview:
    """The review as stored (requests run in their own session)."""
    db.session.expire_all()
    return db.session.get(CalibrationReview, review.id)


def snapshot(case: Case) -> dict:
    """Everything a calibration review must leave alone."""
    db.session.expire_all()
    rows = lambda model: [tuple(getattr(r, c.key) for c in model.__table__.columns)  # noqa: E731
                          for r in db.session.scalars(sa.select(model).order_by(*model.__table__.primary_key))]
    return {model.__tablename__: rows(model) for model in (
        Case, CaseDecision, CaseNote, Flag, PenaltyDecision, LedgerEntry, MerchantBalance, Notification,
        OutboxEmail, Appeal)} | {
        "case_events": db.session.scalars(sa.select(AuditEvent.id).where(AuditEvent.subject_type == "case")).all()}


def test_the_blind_page_shows_the_conversation_but_nothing_of_the_decision(client, assigned):
    case, decision, review = assigned
    html = client.get(f"/calibration/reviews/{review.id}").get_data(as_text=True)
    assert re.search(r'<mark id="hit-\d+-0" class="hit"[^>]*>加我薇信 abc12345</mark> 详聊', html)
    assert "你好，logo设计多少钱？" in html
    assert escape(gettext("Blind review")) in html
    assert SECRET_REASONS not in html
    assert decision.preview
    assert decision.preview["measures"]
    for measure in decision.preview["measures"]:
        assert escape(measure_text(measure)) not in html
    for hidden in (STATUS_LABELS["decided"], STANDING_LABELS["active"], gettext("Merchant standing"),
                   gettext("Prior decisions"), gettext("Timeline"), gettext("Internal notes"),
                   gettext("Decision made"), gettext("Confirmed")):
        assert f">{escape(str(hidden))}<" not in html, hidden  # as a label or heading (rule texts may use the word)
    assert f"/cases/{case.id}" not in html
    assert "/rulings/" not in html
    # Nothing is pre-chosen that could echo the original verdict or severity.
    assert not re.search(r'<input[^>]*checked[^>]*name="verdict"|name="verdict"[^>]*checked', html)
    assert not re.search(r'<option selected value="(general|serious)"|value="(general|serious)" selected', html)


def test_the_case_page_sends_the_blind_reviewer_back_to_the_blind_review(client, assigned):
    case, _, review = assigned
    response = client.get(f"/cases/{case.id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/calibration/reviews/{review.id}")
    client.post(f"/calibration/reviews/{review.id}", data={
        "verdict": "no_violation", "rationale": "客户先提的联系方式"})
    assert fresh(review).completed_at is not None
    assert client.get(f"/cases/{case.id}").status_code == 200  # once submitted, the case opens as usual


def test_submitting_stores_the_review_and_changes_nothing_else(client, assigned):
    case, decision, review = assigned
    before = snapshot(case)
    response = client.post(f"/calibration/reviews/{review.id}", data={
        "verdict": "violation", "rule": RULE, "severity": "serious", "rationale": "  发送微信号，属于引流。  "})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/calibration/mine")
    assert snapshot(case) == before
    stored = fresh(review)
    assert (stored.verdict, stored.rule_code, stored.severity, stored.rationale) == (
        Verdict.violation, RULE, "serious", "发送微信号，属于引流。")
    assert stored.completed_at is not None
    assert stored.original_decision_id == decision.id
    events = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "calibration.submit")).all()
    assert [(e.subject_type, e.subject_id, e.actor_id) for e in events] == [
        ("calibration_review", str(review.id), stored.reviewer_id)]


def test_a_submitted_review_cannot_be_changed(client, assigned):
    _, _, review = assigned
    client.post(f"/calibration/reviews/{review.id}", data={"verdict": "no_violation", "rationale": "只是普通咨询"})
    again = client.post(f"/calibration/reviews/{review.id}", data={
        "verdict": "violation", "rule": RULE, "severity": "general", "rationale": "改主意了"})
    assert again.status_code == 409
    assert escape(gettext("This calibration review was already submitted; it cannot be changed.")) in \
        again.get_data(as_text=True)
    stored = fresh(review)
    assert (stored.verdict, stored.rationale) == (Verdict.no_violation, "只是普通咨询")
    with pytest.raises(ops.AlreadySubmitted):
        ops.submit(web(stored.reviewer), stored, ops.BlindJudgment(Verdict.violation, "再改", RULE, "general"))
    page = client.get(f"/calibration/reviews/{review.id}").get_data(as_text=True)
    assert 'name="rationale"' not in page
    assert "只是普通咨询" in page


def test_a_verdict_other_than_violation_keeps_no_rule_or_severity(client, assigned):
    _, _, review = assigned
    client.post(f"/calibration/reviews/{review.id}", data={
        "verdict": "insufficient_evidence", "rule": RULE, "severity": "general", "rationale": "证据不足"})
    stored = fresh(review)
    assert (stored.verdict, stored.rule_code, stored.severity) == (Verdict.insufficient_evidence, None, None)


@pytest.mark.parametrize(("form", "expected"), [
    ({"verdict": "violation", "rule": "", "severity": "general"}, "Choose the rule the conduct breaks."),
    ({"verdict": "violation", "rule": RULE, "severity": ""}, "Choose the severity."),
    ({"verdict": "violation", "rule": RULE, "severity": "especially_serious"},
     "This rule has no such severity; choose one of: %(s)s."),
    ({"verdict": "violation", "rule": "pdd.offsite_luring", "severity": "general"}, None),  # not offered
    ({"verdict": "maybe"}, None),
    ({"rule": RULE}, "Choose a verdict."),
    ({"verdict": "no_violation", "rationale": "   "}, "Write the reasons for your verdict."),
])
def test_bad_input_is_refused_clearly_and_keeps_what_was_typed(client, assigned, form, expected):
    _, _, review = assigned
    data = {"rationale": "我的理由写了很久"} | form
    response = client.post(f"/calibration/reviews/{review.id}", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    if expected is None:  # WTForms' own "not a valid choice", in the reviewer's language
        assert '<p class="error">' in html
    else:
        assert escape(gettext(expected, s="\0").split("\0")[0]) in html, expected  # up to the placeholder
    if data["rationale"].strip():
        assert data["rationale"] in html
    stored = fresh(review)
    assert stored.completed_at is None
    assert stored.verdict is None


def test_a_rule_of_another_platform_is_refused_by_the_operation(staff, assigned):
    _, _, review = assigned
    with pytest.raises(ops.CalibrationError) as exc:
        ops.submit(web(staff.bob), review,
                   ops.BlindJudgment(Verdict.violation, "理由", "pdd.offsite_luring", "general"))
    assert str(exc.value) == gettext("%(rule)s is not a rule of this platform.", rule="pdd.offsite_luring")
    with pytest.raises(ops.CalibrationError):
        ops.submit(web(staff.dan), review, ops.BlindJudgment(Verdict.no_violation, "不是我的"))
    db.session.rollback()
    assert fresh(review).completed_at is None
