"""Helpers for the calibration tests: closed cases built fast, or decided through the real workflow."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

import pytest

from backoffice.calibration import operations as ops
from backoffice.calibration.queries import SampleFilter
from backoffice.cases import claims, decisions
from backoffice.cases.models import Case, CaseDecision, CaseStatus, DecisionStatus, Verdict
from backoffice.conversations.models import Channel, Conversation, Message, SenderRole
from backoffice.db import utcnow
from backoffice.extensions import db
from tests.builders import web
from tests.cases.conftest import merchant, open_case, violation  # noqa: F401  (fixtures reused)

_numbers = count(1)


@pytest.fixture
def closed_case(app):
    """A closed case with one applied decision, inserted directly (no ledger): fast, for sampling."""

    def make(merchant, decider, *,  # noqa: F811 - the argument, not the fixture imported above
             verdict: str = "violation", rule: str | None = None,
             severity: str | None = "general",
             approver=None, closed_at: datetime | None = None, status: CaseStatus | None = None,
             rationale: str = "原始理由") -> Case:
        n = next(_numbers)
        rule = rule or {"zbj": "zbj.offsite_contact", "pdd": "pdd.offsite_luring"}[merchant.platform.value]
        closed_at = closed_at or utcnow() - timedelta(minutes=5)
        conversation = Conversation(platform=merchant.platform, external_id=f"cal-{n}", channel=Channel.im,
                                    merchant_id=merchant.id, customer_external_id=f"u-cal-{n}",
                                    customer_name="王女士", created_at=closed_at - timedelta(hours=2))
        db.session.add(conversation)
        db.session.flush()
        db.session.add(Message(conversation_id=conversation.id, external_id="1", sender_role=SenderRole.merchant,
                               sent_at=closed_at - timedelta(hours=1), text="加我薇信 abc12345 详聊"))
        if status is None:
            status = CaseStatus.decided if verdict == "violation" else CaseStatus.dismissed
        case = Case(platform=merchant.platform, merchant_id=merchant.id, conversation_id=conversation.id,
                    rule_code=rule, category="offsite_contact", status=status,
                    opened_at=closed_at - timedelta(hours=1), closed_at=closed_at if status in
                    (CaseStatus.decided, CaseStatus.dismissed) else None)
        db.session.add(case)
        db.session.flush()
        db.session.add(CaseDecision(
            case_id=case.id, verdict=Verdict(verdict), rule_code=rule,
            severity=severity if verdict == "violation" else None, rationale=rationale,
            status=DecisionStatus.applied if case.closed_at else DecisionStatus.pending_approval,
            decided_by_id=decider.id, decided_at=closed_at - timedelta(minutes=1),
            approved_by_id=approver.id if approver else None, approved_at=closed_at if approver else None))
        db.session.commit()
        return case

    return make


@pytest.fixture
def decided(open_case, make_user):  # noqa: F811
    """A case ingested, claimed and decided through the reviewer workflow (ledger, flags, notices)."""

    def make(decider, data=None, *, approver=None, texts=()):
        case = open_case(*texts)
        claims.claim(web(decider), case, decider)
        decision = decisions.decide(web(decider), case, data or violation(), expected_version=case.version)
        if decision.status is DecisionStatus.pending_approval:
            decisions.approve(web(approver), decision, True, "同意")
        db.session.commit()
        return case, decision

    return make


@pytest.fixture
def staff(make_user):
    """A manager and reviewers: ``staff.boss``, ``staff.ann``, ``staff.bob``, ``staff.cat``, ``staff.dan``."""
    from types import SimpleNamespace

    return SimpleNamespace(boss=make_user("manager", "boss"), ann=make_user("reviewer", "ann"),
                           bob=make_user("reviewer", "bob"), cat=make_user("senior_reviewer", "cat"),
                           dan=make_user("reviewer", "dan"))


@pytest.fixture
def draw(app):
    """Draw as a manager and commit: ``draw(manager, size, **options)``."""

    def do(manager, size, flt: SampleFilter | None = None, **options):
        result = ops.draw_sample(web(manager), size, flt or SampleFilter(), **options)
        db.session.commit()
        return result

    return do
