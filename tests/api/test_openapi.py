"""The OpenAPI document: valid, served publicly, and in step with the routes and their access."""

from __future__ import annotations

import json
import re

import pytest
from openapi_spec_validator import validate

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import PUBLIC
from backoffice.api import views
from backoffice.api.views import openapi_document
from tests.api.conftest import chat, conforms, schema_validator
from tests.builders import WECHAT

PREFIX = "/api/v1"
OPENAPI_ENDPOINT = "api.openapi"
CONVERSATION = ("components", "schemas", "Conversation")


def _api_routes(app) -> dict[str, set[str]]:
    """Every /api/v1 rule of the URL map as an OpenAPI path (``<int:case_id>`` → ``{case_id}``)."""
    routes: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(PREFIX + "/") or rule.endpoint == OPENAPI_ENDPOINT:
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule[len(PREFIX):])
        routes.setdefault(path, set()).update(m.lower() for m in rule.methods - {"HEAD", "OPTIONS"})
    return routes


def _operations(doc):
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            if method in ("get", "put", "post", "delete", "patch"):
                yield path, method, operation


def test_the_document_is_valid_openapi_3_1():
    doc = openapi_document()
    assert doc["openapi"].startswith("3.1")
    validate(doc)  # raises on any violation of the OpenAPI 3.1 schema


def test_it_is_served_as_json_without_a_token(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.is_json
    assert response.json == openapi_document()
    assert views.openapi.access == PUBLIC


def test_the_file_is_parsed_once_and_callers_get_their_own_copy():
    assert views._load_openapi() is views._load_openapi()
    mine = openapi_document()
    mine["paths"].clear()
    assert openapi_document()["paths"]


def test_every_api_route_is_documented_with_the_same_methods(app):
    routes = _api_routes(app)
    assert "/cases/{case_id}/decision" in routes  # the conversion works on a real rule
    documented = {path: {m for _, m, _ in _operations({"paths": {path: item}})}
                  for path, item in openapi_document()["paths"].items() if path != "/openapi.json"}
    assert documented == routes


def test_each_operation_states_the_scope_and_roles_its_view_enforces(app):
    adapter = app.url_map.bind("localhost")
    checked = 0
    for path, method, operation in _operations(openapi_document()):
        url = PREFIX + re.sub(r"\{[^}]+\}", "1", path)
        endpoint, _ = adapter.match(url, method=method.upper())
        view = app.view_functions[endpoint]
        if view.access == PUBLIC:
            assert (operation["security"], operation["x-roles"]) == ([], "public"), path
            continue
        scope = view.api_scope
        assert operation["security"] == [{"bearerAuth": [scope.value] if scope else []}], (method, path)
        assert sorted(operation["x-roles"]) == sorted(r.value for r in view.access), (method, path)
        assert "401" in operation["responses"], (method, path)
        if scope is not None or set(view.access) != set(Role):  # someone can be refused
            assert "403" in operation["responses"], (method, path)
        checked += 1
    assert checked == sum(len(m) for m in _api_routes(app).values())


def test_the_conversation_schema_is_the_ingest_schema_embedded():
    source = (views.OPENAPI_FILE.parent.parent / "ingest" / "conversation.schema.json").read_text("utf-8")
    expected = json.loads(source.replace('"#/$defs/', '"#/components/schemas/Conversation/$defs/'))
    del expected["$id"]
    assert openapi_document()["components"]["schemas"]["Conversation"] == expected
    body = openapi_document()["paths"]["/conversations"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Conversation"}


def test_the_embedded_conversation_schema_resolves_its_definitions():
    validator = schema_validator(*CONVERSATION)
    good = chat("c-1", "m-1", ("merchant", WECHAT))
    assert list(validator.iter_errors(good)) == []
    bad = chat("c-1", "m-1", ("merchant", WECHAT))
    bad["messages"][0]["sender_role"] = "seller"  # only checked through #/$defs/message
    bad["merchant"] = {"external_id": ""}  # and #/$defs/party → #/$defs/id
    errors = {tuple(e.absolute_path) for e in validator.iter_errors(bad)}
    assert errors == {("messages", 0, "sender_role"), ("merchant",), ("merchant", "external_id")}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic x"}])
def test_errors_have_the_documented_shape(client, headers):
    response = client.get("/api/v1/cases", headers=headers)
    assert response.status_code == 401
    conforms(response, "/cases")
    assert set(response.json["error"]) == {"code", "message"}


def test_a_method_a_path_lacks_answers_405_with_allow_and_the_error_shape(client, reviewer):
    error = schema_validator("components", "schemas", "Error")
    for path, item in openapi_document()["paths"].items():
        offered = {m.upper() for m in item if m in ("get", "put", "post", "delete", "patch")}
        url = PREFIX + re.sub(r"\{[^}]+\}", "1", path)
        response = client.delete(url, headers=reviewer)
        assert response.status_code == 405, path
        expected = offered | {"OPTIONS"} | ({"HEAD"} if "GET" in offered else set())
        assert set(response.headers["Allow"].split(", ")) == expected, path
        assert list(error.iter_errors(response.json)) == [], path
        assert response.json["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("case_id", [2**31 - 1, 2**31, 2**63])
def test_an_id_beyond_the_id_columns_is_a_documented_404(client, reviewer, case_id):
    response = client.get(f"/api/v1/cases/{case_id}", headers=reviewer)
    assert response.status_code == 404  # not the database's "integer out of range" (a 500)
    conforms(response, "/cases/{case_id}")
