"""POST /api/v1/cases/<id>/decision and the managers' approvals: 201, 202, 422, 409, four eyes."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backoffice.audit.operations import Actor
from backoffice.cases.models import Case, CaseDecision
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.ledger.models import LedgerEntry
from tests.api.conftest import INSULT, conforms

DECISION = "/cases/{case_id}/decision"


@pytest.fixture
def manager(token) -> dict:
    return token("boss", "manager", "read", "review", "approve")


def claim(client, headers, case) -> int:
    """Claim the case and return the version to send back with the decision."""
    response = client.post(f"/api/v1/cases/{case.id}/claim", headers=headers)
    assert response.status_code == 200, response.json
    return response.json["version"]


def decide(client, headers, case, **body):
    body.setdefault("rationale", "商家主动发送微信号，引导站外交易")
    response = client.post(f"/api/v1/cases/{case.id}/decision", headers=headers, json=body)
    conforms(response, DECISION, "post")
    return response


def standing(client, headers, merchant="m-1") -> dict:
    response = client.get(f"/api/v1/merchants/{merchant}/standing", headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def ledger_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(LedgerEntry))


def decision_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(CaseDecision))


def test_a_violation_is_applied_with_its_measures(client, reviewer, open_case):
    case = open_case()
    before = standing(client, reviewer)
    version = claim(client, reviewer, case)
    response = decide(client, reviewer, case, verdict="violation", severity="general", version=version)
    assert response.status_code == 201
    body = response.json
    assert (body["case"], body["status"], body["needs_approval"], body["decided_by"]) == (
        case.id, "applied", [], "rev1")
    measures = {m["type"]: m for m in body["measures"]}
    assert measures["integrity_points"]["integrity_points"] == -40
    assert measures["business_restriction"]["days"] == 15
    assert measures["deposit_deduction"]["requested"] == "5000.00"
    after = standing(client, reviewer)
    assert (after["deposit_balance"], after["status"], after["integrity_points"]) == (
        "5000.00", "restricted", before["integrity_points"] - 40)
    db.session.expire_all()
    assert db.session.get(Case, case.id).status.value == "decided"


def test_a_removal_waits_for_a_manager_who_approves_it(client, reviewer, manager, open_case):
    case = open_case()
    entries = ledger_count()
    version = claim(client, reviewer, case)
    response = decide(client, reviewer, case, verdict="violation", severity="serious", version=version)
    assert response.status_code == 202
    held = response.json
    assert (held["status"], "removal" in held["needs_approval"]) == ("pending_approval", True)
    assert {"removal", "deposit_deduction"} <= {m["type"] for m in held["measures"]}
    assert ledger_count() == entries  # nothing applied yet
    assert standing(client, reviewer)["status"] != "removed"

    listed = client.get("/api/v1/approvals", headers=manager)
    conforms(listed, "/approvals")
    assert [d["id"] for d in listed.json["approvals"]] == [held["id"]]

    approved = client.post(f"/api/v1/approvals/{held['id']}", headers=manager,
                           json={"approve": True, "reason": "证据充分，同意清退"})
    assert approved.status_code == 200, approved.json
    conforms(approved, "/approvals/{decision_id}", "post")
    assert (approved.json["status"], approved.json["approved_by"]) == ("applied", "boss")
    after = standing(client, reviewer)
    assert (after["status"], after["deposit_balance"]) == ("removed", "0.00")
    assert client.get("/api/v1/approvals", headers=manager).json["approvals"] == []
    again = client.post(f"/api/v1/approvals/{held['id']}", headers=manager, json={"approve": True})
    assert again.status_code == 409  # no longer waiting (and the message is in Chinese by default)
    conforms(again, "/approvals/{decision_id}", "post")


def test_the_manager_who_decided_cannot_approve(client, token, manager, open_case):
    case = open_case()
    version = claim(client, manager, case)
    held = decide(client, manager, case, verdict="violation", severity="serious", version=version)
    assert held.status_code == 202
    own = client.post(f"/api/v1/approvals/{held.json['id']}", headers=manager, json={"approve": True})
    assert own.status_code == 403
    conforms(own, "/approvals/{decision_id}", "post")
    assert db.session.get(CaseDecision, held.json["id"]).status.value == "pending_approval"
    other = token("boss2", "manager", "approve")
    assert client.post(f"/api/v1/approvals/{held.json['id']}", headers=other,
                       json={"approve": True, "reason": "同意"}).status_code == 200


def test_a_refusal_needs_a_reason_and_reopens_the_case(client, reviewer, manager, open_case):
    case = open_case()
    held = decide(client, reviewer, case, verdict="violation", severity="serious",
                  version=claim(client, reviewer, case))
    url = f"/api/v1/approvals/{held.json['id']}"
    silent = client.post(url, headers=manager, json={"approve": False})
    assert silent.status_code == 422
    conforms(silent, "/approvals/{decision_id}", "post")
    assert client.post(url, headers=manager, json={"approve": "yes"}).status_code == 422
    refused = client.post(url, headers=manager, json={"approve": False, "reason": "证据不足以清退"})
    assert (refused.status_code, refused.json["status"]) == (200, "refused")
    db.session.expire_all()
    reopened = db.session.get(Case, case.id)
    assert (reopened.status.value, reopened.claimed_by_id) == ("open", None)


def test_compensation_above_the_rules_cap_is_a_clear_422(client, reviewer, open_case):
    case = open_case(("customer", "怎么还没发货"), ("merchant", INSULT), merchant="p-1", platform="pdd")
    assert case.rule_code == "pdd.uncivil_language"
    version = claim(client, reviewer, case)
    entries = ledger_count()
    too_much = decide(client, reviewer, case, verdict="violation", severity="serious", version=version,
                      parameters={"consumer_compensation": "500.00"})
    assert too_much.status_code == 422
    message = too_much.json["error"]["message"]
    assert "consumer_compensation" in message
    assert "300.00" in message
    assert (ledger_count(), decision_count()) == (entries, 0)
    at_cap = decide(client, reviewer, case, verdict="violation", severity="serious", version=version,
                    parameters={"consumer_compensation": "300.00"})
    assert at_cap.status_code == 201, at_cap.json
    compensation = [m for m in at_cap.json["measures"] if m["type"] == "consumer_compensation"]
    assert [m["amount"] for m in compensation] == ["300.00"]


def test_a_stale_version_is_refused_and_nothing_is_applied(client, reviewer, open_case):
    case = open_case()
    version = claim(client, reviewer, case)
    more = open_case.payloads[case.id]
    more["messages"].append({"external_id": "9", "sender_role": "merchant", "text": "加我薇信 abc12345 就行",
                             "sent_at": (utcnow() - timedelta(minutes=5)).isoformat()})
    db.session.expire_all()  # the claim went through the API; load the case as it is now
    assert ingest(Actor(None, "cli"), more).cases_updated == [case.id]
    db.session.commit()
    entries = ledger_count()
    stale = decide(client, reviewer, case, verdict="violation", severity="general", version=version)
    assert stale.status_code == 409
    assert stale.json["error"]["code"] == "conflict"
    assert ledger_count() == entries
    assert decision_count() == 0
    fresh = client.get(f"/api/v1/cases/{case.id}", headers=reviewer).json["version"]
    assert fresh != version
    retried = decide(client, reviewer, case, verdict="violation", severity="general", version=fresh)
    assert retried.status_code == 201


@pytest.mark.parametrize("body", [
    {"verdict": "guilty"}, {"verdict": "violation", "severity": "general", "rationale": ""},
    {"verdict": "violation", "severity": 3}, {"verdict": "violation", "rule": ["zbj.offsite_contact"]},
    {"verdict": "violation", "severity": "general", "version": True},
    {"verdict": "violation", "severity": "general", "parameters": ["300"]},
    {"verdict": "violation", "severity": "catastrophic"},
])
def test_bad_decision_fields_are_422_and_change_nothing(client, reviewer, open_case, body):
    case = open_case()
    claim(client, reviewer, case)
    response = decide(client, reviewer, case, **({"rationale": "理由"} | body))
    assert response.status_code == 422
    assert decision_count() == 0


def test_only_the_holder_of_the_claim_may_decide(client, token, reviewer, open_case):
    case = open_case()
    unclaimed = decide(client, reviewer, case, verdict="no_violation")
    assert unclaimed.status_code == 422
    claim(client, reviewer, case)
    other = token("rev2", "reviewer", "read", "review")
    assert decide(client, other, case, verdict="no_violation").status_code == 422
    assert decision_count() == 0
