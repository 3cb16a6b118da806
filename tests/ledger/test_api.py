"""The merchant and rules JSON API: create with an opening deposit, top up, standing, ledger, ownership."""

from __future__ import annotations

import pytest

from backoffice.ledger.verify import verify_all
from backoffice.merchants.operations import find

from .conftest import D

STANDING_KEYS = {
    "integrity_points",
    "violation_points",
    "violation_points_by_track",
    "deposit_balance",
    "status",
    "restricted_until",
    "muted_until",
    "mute_permanent",
    "search_demoted",
}
BODY = {"platform": "zbj", "name": "重庆山城品牌设计工作室", "deposit": "10000.00"}


@pytest.fixture
def token(bearer, make_user):
    def issue(role: str, *scopes: str, login: str | None = None, merchant=None) -> dict:
        login = login or role
        make_user(role, login=login, merchant=merchant)
        return bearer(login, *scopes)

    return issue


@pytest.fixture
def admin(token):
    return token("admin", "ingest", "read")


def test_put_creates_with_opening_deposit_and_returns_standing(client, admin):
    response = client.put("/api/v1/merchants/zbj-001", json=BODY, headers=admin)
    assert response.status_code == 201, response.json
    body = response.json
    assert (body["external_id"], body["platform"], body["name"]) == ("zbj-001", "zbj", BODY["name"])
    assert body["standing"] == {
        "integrity_points": 100,
        "violation_points": "0.00",
        "violation_points_by_track": {},
        "deposit_balance": "10000.00",
        "status": "active",
        "restricted_until": None,
        "muted_until": None,
        "mute_permanent": False,
        "search_demoted": False,
    }
    assert find("zbj-001") is not None


def test_repeat_put_is_idempotent_and_a_different_deposit_conflicts(client, admin):
    assert client.put("/api/v1/merchants/zbj-001", json=BODY, headers=admin).status_code == 201
    same = client.put("/api/v1/merchants/zbj-001", json={**BODY, "deposit": "10000"}, headers=admin)
    assert same.status_code == 200
    assert same.json["standing"]["deposit_balance"] == "10000.00"
    renamed = client.put("/api/v1/merchants/zbj-001", json={**BODY, "name": "新名字"}, headers=admin)
    assert (renamed.status_code, renamed.json["name"]) == (200, "新名字")
    conflict = client.put("/api/v1/merchants/zbj-001", json={**BODY, "deposit": "20000.00"}, headers=admin)
    assert conflict.status_code == 409
    assert conflict.json["error"]["code"] == "conflict"
    assert "/deposits" in conflict.json["error"]["message"]
    other_platform = client.put("/api/v1/merchants/zbj-001", json={**BODY, "platform": "pdd"}, headers=admin)
    assert other_platform.status_code == 409
    ledger = client.get("/api/v1/merchants/zbj-001/ledger", headers=admin).json["entries"]
    assert [e["kind"] for e in ledger] == ["opening"]


@pytest.mark.parametrize(
    "change",
    [
        {"platform": "jd"},
        {"platform": None},
        {"deposit": "abc"},
        {"deposit": "-5"},
        {"deposit": 1.5},
        {"deposit": 10000},
        {"deposit": "10.005"},
        {"deposit": "NaN"},
        {"deposit": "Infinity"},
        {"deposit": None},
        {"name": ""},
        {"name": "x" * 201},
    ],
)
def test_bad_merchant_body_is_422_json(client, admin, count_rows, change):
    from backoffice.merchants.models import Merchant

    response = client.put("/api/v1/merchants/zbj-002", json={**BODY, **change}, headers=admin)
    assert response.status_code == 422
    assert response.json["error"]["code"] == "unprocessable_entity"
    assert response.json["error"]["message"]
    assert count_rows(Merchant) == 0


def test_non_json_body_is_400(client, admin):
    response = client.put("/api/v1/merchants/zbj-002", data="platform=zbj", headers=admin)
    assert response.status_code == 400
    assert "error" in response.json


def test_deposit_top_up_adds_to_the_balance(client, admin):
    client.put("/api/v1/merchants/zbj-001", json=BODY, headers=admin)
    response = client.post(
        "/api/v1/merchants/zbj-001/deposits", json={"amount": "2500.50", "reason": "annual"}, headers=admin
    )
    assert response.status_code == 201, response.json
    assert (response.json["kind"], response.json["deposit"], response.json["reason"]) == (
        "deposit_topup",
        "2500.50",
        "annual",
    )
    standing = client.get("/api/v1/merchants/zbj-001/standing", headers=admin).json
    assert standing["deposit_balance"] == "12500.50"
    for amount in ("0", "-1", "abc", 3):
        bad = client.post("/api/v1/merchants/zbj-001/deposits", json={"amount": amount}, headers=admin)
        assert bad.status_code == 422, amount
    assert (
        client.post("/api/v1/merchants/nobody/deposits", json={"amount": "1.00"}, headers=admin).status_code
        == 404
    )
    assert (
        client.get("/api/v1/merchants/zbj-001/standing", headers=admin).json["deposit_balance"] == "12500.50"
    )
    assert verify_all()[1] == []


def test_standing_has_exactly_the_documented_keys(client, admin, make_merchant, impose, t0):
    from datetime import timedelta

    merchant = make_merchant("tb-1", platform="taobao")
    impose(merchant, "taobao.malicious_harassment", "serious", at=t0 - timedelta(days=2))
    standing = client.get("/api/v1/merchants/tb-1/standing", headers=admin).json
    assert set(standing) == STANDING_KEYS
    assert standing["violation_points"] == "12.00"
    assert standing["violation_points_by_track"] == {"general": "12.00"}
    assert D(standing["deposit_balance"]) == D(10000)
    assert isinstance(standing["deposit_balance"], str)
    assert standing["integrity_points"] is None
    assert standing["status"] == "active"


def test_ledger_lists_entries_with_their_reversals(client, admin, make_merchant, impose, t0):
    from datetime import timedelta

    from backoffice.extensions import db
    from backoffice.penalties.operations import overturn

    from .conftest import ACTOR

    merchant = make_merchant("zbj-9")
    decision = impose(merchant, "zbj.illegal_service", at=t0 - timedelta(days=1))
    overturn(ACTOR, decision, "appeal", at=t0 - timedelta(hours=1))
    db.session.commit()
    entries = client.get("/api/v1/merchants/zbj-9/ledger", headers=admin).json["entries"]
    assert [e["kind"] for e in entries][:5] == [
        "opening",
        "content_removal",
        "integrity_points",
        "business_restriction",
        "deposit_deduction",
    ]
    assert len(entries) == 9
    by_id = {e["id"]: e for e in entries}
    deduction = next(e for e in entries if e["kind"] == "deposit_deduction" and e["reverses"] is None)
    assert (deduction["deposit"], deduction["requested"], deduction["decision_id"]) == (
        "-500.00",
        "500.00",
        decision.id,
    )
    refund = next(e for e in entries if e["reverses"] == deduction["id"])
    assert refund["deposit"] == "500.00"
    assert all(by_id[e["reverses"]]["kind"] == e["kind"] for e in entries if e["reverses"])


def test_merchant_token_sees_only_its_own_merchant(client, token, make_merchant):
    own, other = make_merchant("own-1"), make_merchant("other-1")
    headers = token("merchant", "read", merchant=own)
    for path in ("", "/standing", "/ledger"):
        assert client.get(f"/api/v1/merchants/own-1{path}", headers=headers).status_code == 200
        hidden = client.get(f"/api/v1/merchants/other-1{path}", headers=headers)
        assert hidden.status_code == 404
        assert hidden.json["error"]["code"] == "not_found"
    assert other.id != own.id


def test_merchant_token_cannot_create_or_top_up(client, token, make_merchant):
    own = make_merchant("own-1")
    headers = token("merchant", "read", "appeal", merchant=own)
    assert client.put("/api/v1/merchants/new-1", json=BODY, headers=headers).status_code == 403
    assert (
        client.post("/api/v1/merchants/own-1/deposits", json={"amount": "5.00"}, headers=headers).status_code
        == 403
    )


def test_reviewer_with_read_only_cannot_put(client, token, count_rows):
    from backoffice.merchants.models import Merchant

    headers = token("reviewer", "read")
    response = client.put("/api/v1/merchants/zbj-003", json=BODY, headers=headers)
    assert response.status_code == 403
    assert response.json["error"]["code"] == "insufficient_scope"
    both = token("reviewer", "read", "ingest", login="reviewer2")
    assert client.put("/api/v1/merchants/zbj-003", json=BODY, headers=both).status_code == 403
    assert count_rows(Merchant) == 0


def test_unauthenticated_is_401(client):
    assert client.get("/api/v1/merchants/x/standing").status_code == 401
    assert client.get("/api/v1/rules").status_code == 401


def test_rules_list_and_one_rule(client, token):
    headers = token("reviewer", "read")
    listing = client.get("/api/v1/rules", headers=headers).json
    codes = {r["code"]: r for r in listing["rules"]}
    assert {
        "zbj.offsite_contact",
        "taobao.malicious_harassment",
        "pdd.uncivil_language",
        "community.unfriendly",
    } <= set(codes)
    assert all({"platform", "category", "ladder"} <= set(r) for r in listing["rules"])
    assert listing["versions"]["zbj"] == "zbj-2024.2"
    only_pdd = client.get("/api/v1/rules?platform=pdd", headers=headers).json["rules"]
    assert only_pdd
    assert {r["platform"] for r in only_pdd} == {"pdd"}
    no_pack = client.get("/api/v1/rules?platform=jd", headers=headers)  # a filter value we do not know
    assert no_pack.status_code == 400
    assert "'platform' must be one of" in no_pack.json["error"]["message"]

    rule = client.get("/api/v1/rules/zbj.offsite_contact", headers=headers)
    assert rule.status_code == 200
    body = rule.json
    assert (body["platform"], body["category"]) == ("zbj", "offsite_contact")
    first, second = body["ladder"]["general"]
    assert {"type": "integrity_points", "points": -40}.items() <= first["measures"][0].items()
    assert [m["type"] for m in second["measures"]] == ["removal", "deposit_deduction"]

    missing = client.get("/api/v1/rules/zbj.nothing", headers=headers)
    assert missing.status_code == 404
    assert missing.json["error"]["code"] == "not_found"
    assert "zbj.nothing" in missing.json["error"]["message"]
