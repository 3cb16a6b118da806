"""GET /api/v1/cases (filters, keyset cursor), GET one case, claim, cases:next, and who may call them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backoffice.cases import queries
from backoffice.cases.models import Case
from backoffice.db import utcnow
from backoffice.extensions import db
from tests.api.conftest import INSULT, conforms
from tests.builders import WECHAT

REPORT = {"reporter_role": "customer", "reason": "abuse", "text": "商家骂人"}


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json
    conforms(response, "/cases")
    return [c["id"] for c in response.json["cases"]]


def test_the_queue_filters(client, reviewer, open_case):
    zbj = open_case()
    other = open_case(merchant="m-2")
    pdd = open_case(("customer", "什么时候发货"), ("merchant", INSULT), merchant="p-1", platform="pdd")
    reported = open_case(("customer", "你好"), ("merchant", "稍等"), merchant="m-3",
                         reports=[REPORT | {"reported_at": utcnow().isoformat()}])
    assert client.post(f"/api/v1/cases/{other.id}/claim", headers=reviewer).status_code == 200

    def get(**query):
        return ids(client.get("/api/v1/cases", query_string=query, headers=reviewer))

    assert sorted(get()) == sorted([zbj.id, other.id, pdd.id, reported.id])
    assert get(platform="pdd") == [pdd.id]
    assert get(rule="pdd.uncivil_language") == [pdd.id]
    assert pdd.rule_code == "pdd.uncivil_language"
    assert sorted(get(category="offsite_contact")) == sorted([zbj.id, other.id])
    assert get(merchant="m-2") == [other.id]
    assert get(source="report") == [reported.id]
    assert get(assignee="me") == [other.id]
    assert get(status="in_review") == [other.id]
    assert sorted(get(assignee="none")) == sorted([zbj.id, pdd.id, reported.id])
    assert get(status="decided") == []
    assert get(older_than_hours=1) == []
    counts = client.get("/api/v1/cases", headers=reviewer).json["counts"]
    assert counts["status"] == {"active": 4, "open": 3, "in_review": 1}
    assert counts["platform"] == {"zbj": 3, "pdd": 1}


@pytest.mark.parametrize("query", [{"status": "in-review"}, {"sort": "newest"}, {"source": "robot"},
                                   {"assignee": "bob"}, {"older_than_hours": "two"}, {"after": "garbage"}])
def test_a_filter_the_queue_would_ignore_is_a_400(client, reviewer, query):
    response = client.get("/api/v1/cases", query_string=query, headers=reviewer)
    assert response.status_code == 400
    conforms(response, "/cases")
    assert next(iter(query)) in response.json["error"]["message"]


@pytest.mark.parametrize("sort", ["priority", "age"])
def test_the_next_cursor_walks_every_case_once_in_order(client, reviewer, open_case, monkeypatch, sort):
    cases = [open_case(merchant=f"m-{i}") for i in range(7)]
    now = utcnow()
    for i, case in enumerate(cases):  # ties on priority, distinct ages
        case.priority, case.opened_at = (i % 3) * 10, now - timedelta(minutes=i)
    db.session.commit()
    everything = ids(client.get("/api/v1/cases", query_string={"sort": sort}, headers=reviewer))
    if sort == "age":
        expected = sorted(cases, key=lambda c: (c.opened_at, c.id))
    else:
        expected = sorted(cases, key=lambda c: (-c.priority, c.opened_at, c.id))
    assert everything == [c.id for c in expected]

    monkeypatch.setattr(queries, "PAGE_SIZE", 3)
    walked, after, pages = [], None, 0
    while True:
        query = {"sort": sort} | ({"after": after} if after else {})
        response = client.get("/api/v1/cases", query_string=query, headers=reviewer)
        walked += ids(response)
        pages += 1
        after = response.json["next"]
        if after is None:
            break
    assert (walked, pages) == (everything, 3)


def test_one_case_comes_with_its_flags_messages_and_decisions(client, reviewer, open_case):
    case = open_case(("customer", "你好，logo设计多少钱？"), ("merchant", WECHAT))
    client.post(f"/api/v1/cases/{case.id}/claim", headers=reviewer)
    decided = client.post(f"/api/v1/cases/{case.id}/decision", headers=reviewer,
                          json={"verdict": "no_violation", "rationale": "客户要求的联系方式，非商家主动"})
    assert decided.status_code == 201, decided.json
    response = client.get(f"/api/v1/cases/{case.id}", headers=reviewer)
    assert response.status_code == 200
    conforms(response, "/cases/{case_id}")
    body = response.json
    assert (body["id"], body["rule"], body["status"], body["merchant"]) == (
        case.id, "zbj.offsite_contact", "dismissed", "m-1")
    assert [(m["sender_role"], m["text"]) for m in body["messages"]] == [
        ("customer", "你好，logo设计多少钱？"), ("merchant", WECHAT)]
    assert body["flags"], body
    assert {(f["message"], f["rule"], f["status"]) for f in body["flags"]} == {
        ("2", "zbj.offsite_contact", "dismissed")}
    flag = body["flags"][0]
    assert WECHAT[flag["start"]:flag["end"]] == flag["matched"]
    assert [(d["id"], d["verdict"], d["status"], d["decided_by"]) for d in body["decisions"]] == [
        (decided.json["id"], "no_violation", "applied", "rev1")]


def test_an_unknown_case_is_a_json_404(client, reviewer):
    response = client.get("/api/v1/cases/999999", headers=reviewer)
    assert response.status_code == 404
    conforms(response, "/cases/{case_id}")


def test_a_claim_is_exclusive(client, token, reviewer, open_case):
    case = open_case()
    first = client.post(f"/api/v1/cases/{case.id}/claim", headers=reviewer)
    assert first.status_code == 200
    conforms(first, "/cases/{case_id}/claim", "post")
    assert (first.json["status"], first.json["claimed_by"]) == ("in_review", "rev1")
    other = token("rev2", "reviewer", "read", "review")
    second = client.post(f"/api/v1/cases/{case.id}/claim", headers=other)
    assert second.status_code == 409
    conforms(second, "/cases/{case_id}/claim", "post")
    assert second.json["error"]["code"] == "conflict"
    db.session.expire_all()
    assert db.session.get(Case, case.id).claimed_by.login == "rev1"
    again = client.post(f"/api/v1/cases/{case.id}/claim", headers=reviewer)  # the holder renews
    assert (again.status_code, again.json["claimed_by"]) == (200, "rev1")


def test_next_claims_the_highest_priority_case_nobody_holds(client, token, reviewer, open_case):
    low, high, mid = (open_case(merchant=f"m-{i}") for i in range(3))
    for case, priority in ((low, 1), (high, 90), (mid, 50)):
        case.priority = priority
    db.session.commit()
    other = token("rev2", "reviewer", "read", "review")
    got = [client.post("/api/v1/cases:next", headers=h) for h in (reviewer, other, reviewer, other)]
    for response in got:
        assert response.status_code == 200
        conforms(response, "/cases:next", "post")
    assert [r.json["case"] and (r.json["case"]["id"], r.json["case"]["claimed_by"]) for r in got] == [
        (high.id, "rev1"), (mid.id, "rev2"), (low.id, "rev1"), None]


CASE_CALLS = [("get", "/api/v1/cases"), ("get", "/api/v1/cases/{id}"), ("post", "/api/v1/cases/{id}/claim"),
              ("post", "/api/v1/cases:next"), ("post", "/api/v1/cases/{id}/decision"),
              ("get", "/api/v1/approvals"), ("post", "/api/v1/approvals/1")]
BODY = {"verdict": "no_violation", "rationale": "x", "approve": True, "reason": "x"}


def test_a_merchant_token_is_refused_on_every_case_endpoint(client, token, open_case, make_merchant):
    case = open_case()
    headers = token("shop", "merchant", "read", "appeal", merchant=case.merchant)
    for method, url in CASE_CALLS:
        response = client.open(url.format(id=case.id), method=method.upper(), headers=headers, json=BODY)
        assert response.status_code == 403, (method, url)
        assert response.json["error"]["code"] in ("forbidden", "insufficient_scope"), (method, url)
    db.session.expire_all()
    assert db.session.get(Case, case.id).claimed_by_id is None


def test_a_read_only_reviewer_token_can_look_but_not_act(client, token, open_case):
    case = open_case()
    headers = token("rev1", "reviewer", "read")
    assert client.get(f"/api/v1/cases/{case.id}", headers=headers).status_code == 200
    for method, url in CASE_CALLS[2:5]:
        response = client.open(url.format(id=case.id), method=method.upper(), headers=headers, json=BODY)
        assert (response.status_code, response.json["error"]["code"]) == (403, "insufficient_scope"), url
    review_only = token("rev1", "reviewer", "review")
    assert client.get("/api/v1/cases", headers=review_only).status_code == 403
    everything = token("rev1", "reviewer", "read", "review")
    for method, url in CASE_CALLS[5:]:  # approvals: managers only, whatever the scopes
        response = client.open(url, method=method.upper(), headers=everything, json=BODY)
        assert response.status_code == 403, url


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", ""])
def test_a_bad_json_body_is_a_json_400(client, token, reviewer, open_case, body):
    held, other = open_case(), open_case(merchant="m-2")
    client.post(f"/api/v1/cases/{held.id}/claim", headers=reviewer)
    decision = client.post(f"/api/v1/cases/{held.id}/decision", headers=reviewer,
                           json={"verdict": "violation", "severity": "serious", "rationale": "站外联系"})
    assert decision.status_code == 202, decision.json
    manager = token("boss", "manager", "read", "review", "approve")
    client.post(f"/api/v1/cases/{other.id}/claim", headers=manager)
    for url in (f"/api/v1/cases/{other.id}/decision", f"/api/v1/approvals/{decision.json['id']}"):
        response = client.post(url, data=body, content_type="application/json", headers=manager)
        assert response.status_code == 400, url
        assert response.is_json
        assert response.json["error"]["code"] == "bad_request"


def test_an_age_filter_beyond_ten_years_is_refused_not_a_crash(client, reviewer):
    huge = client.get("/api/v1/cases?older_than_hours=23577295980", headers=reviewer)
    assert huge.status_code == 400
    assert "from 1 to 87840" in huge.get_json()["error"]["message"]
    assert client.get("/api/v1/cases?older_than_hours=87840", headers=reviewer).status_code == 200
