"""POST /api/v1/conversations and :batch: staff tokens with the ingest scope only."""

from __future__ import annotations

import copy

import pytest

from backoffice.accounts.models import Role
from backoffice.api import tokens
from backoffice.api.models import Scope
from backoffice.audit.models import AuditEvent
from backoffice.cases.models import Case
from backoffice.conversations.models import Conversation
from tests.ingest.conftest import all_of, at, conv, msg


@pytest.fixture
def token(runner, make_user):
    def issue(role: str = "reviewer", *scopes: str) -> dict:
        make_user(role, login=f"{role}-api")
        args = ["tokens", "create", "--user", f"{role}-api"]
        for scope in scopes or ("ingest",):
            args += ["--scope", scope]
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
        return {"Authorization": f"Bearer {result.output.strip().splitlines()[-1]}"}

    return issue


@pytest.fixture
def bad(chat) -> dict:
    payload = copy.deepcopy(chat) | {"external_id": "c-2"}
    payload["messages"][1]["sender_role"] = "seller"
    return payload


def test_one_conversation_is_stored_and_answered_with_201(client, token, chat):
    headers = token()
    response = client.post("/api/v1/conversations", json=chat, headers=headers)
    assert response.status_code == 201, response.json
    (case,) = all_of(Case)
    assert response.json == {"conversation": "c-1", "new_messages": 3, "new_reports": 0, "new_reviews": 0, "flags": 1,
                             "cases_opened": [case.id], "cases_updated": []}
    (event,) = all_of(AuditEvent, action="conversation.ingest")
    assert (event.via, event.actor_label, event.token_id is not None) == ("api", "reviewer-api", True)
    again = client.post("/api/v1/conversations", json=chat, headers=headers)
    assert again.status_code == 201
    assert again.json["new_messages"] == 0


def test_a_bad_conversation_gets_a_json_422_and_leaves_nothing(client, token, bad, snapshot):
    before = snapshot()
    response = client.post("/api/v1/conversations", json=bad, headers=token())
    assert response.status_code == 422
    assert response.json["error"]["code"] == "invalid_conversation"
    assert response.json["error"]["message"].startswith("messages[1].sender_role: 'seller' is not one of")
    assert snapshot() == before


@pytest.mark.parametrize("wrapped", [True, False])
def test_a_batch_answers_accepted_and_rejected_by_index(client, token, chat, bad, day, wrapped):
    no_platform = conv("c-4", msg("1", "merchant", at(day, 9), "您好"))
    del no_platform["platform"]
    good2 = conv("c-3", msg("1", "merchant", at(day, 9), "您好，设计稿已经发给您了"), merchant="m-3")
    items = [chat, bad, good2, no_platform]
    response = client.post("/api/v1/conversations:batch", headers=token(),
                           json={"conversations": items} if wrapped else items)
    assert response.status_code == 200, response.json
    assert [(a["index"], a["conversation"], a["new_messages"]) for a in response.json["accepted"]] == [
        (0, "c-1", 3), (2, "c-3", 1)]
    rejected = response.json["rejected"]
    assert [(r["index"], r["external_id"], r["error"]["code"]) for r in rejected] == [
        (1, "c-2", "invalid_conversation"), (3, "c-4", "invalid_conversation")]
    assert rejected[0]["error"]["message"].startswith("conversations[1].messages[1].sender_role: 'seller'")
    assert rejected[1]["error"]["message"] == "conversations[3]: 'platform' is a required property"
    assert [c.external_id for c in all_of(Conversation)] == ["c-1", "c-3"]


def test_a_batch_with_nothing_good_is_422(client, token, bad):
    response = client.post("/api/v1/conversations:batch", json=[bad], headers=token())
    assert response.status_code == 422
    assert [r["index"] for r in response.json["rejected"]] == [0]


def test_more_than_500_is_413_and_stores_nothing(client, token, chat, count_rows):
    items = [copy.deepcopy(chat) | {"external_id": f"c-{i}"} for i in range(501)]
    response = client.post("/api/v1/conversations:batch", json=items, headers=token())
    assert response.status_code == 413
    assert "500" in response.json["error"]["message"]
    assert count_rows(Conversation) == 0


def test_500_is_allowed(client, token, day, count_rows):
    items = [conv(f"c-{i}", msg("1", "customer", at(day, 9), "你好")) for i in range(500)]
    response = client.post("/api/v1/conversations:batch", json=items, headers=token())
    assert response.status_code == 200
    assert len(response.json["accepted"]) == 500
    assert count_rows(Conversation) == 500


@pytest.mark.parametrize("path", ["/api/v1/conversations", "/api/v1/conversations:batch"])
def test_a_token_without_the_ingest_scope_is_403(client, token, chat, path, count_rows):
    headers = token("reviewer", "read", "review")
    response = client.post(path, json=[chat] if "batch" in path else chat, headers=headers)
    assert response.status_code == 403
    assert response.json["error"]["code"] == "insufficient_scope"
    assert count_rows(Conversation) == 0


def test_a_merchant_token_is_403(client, token, chat, count_rows):
    response = client.post("/api/v1/conversations", json=chat, headers=token("merchant", "read", "appeal"))
    assert response.status_code == 403
    assert count_rows(Conversation) == 0


def test_the_role_is_checked_even_with_the_scope(client, token, chat, count_rows, monkeypatch):
    monkeypatch.setitem(tokens.ROLE_SCOPES, Role.merchant, frozenset(Scope))  # as if a merchant held ingest
    response = client.post("/api/v1/conversations", json=chat, headers=token("merchant", "ingest"))
    assert response.status_code == 403
    assert "merchant" in response.json["error"]["message"]
    assert count_rows(Conversation) == 0


def test_no_token_is_401(client, chat):
    assert client.post("/api/v1/conversations", json=chat).status_code == 401
