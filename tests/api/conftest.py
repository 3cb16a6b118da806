"""Helpers for the API tests: tokens per user, cases opened by ingesting chats, schema checks."""

from __future__ import annotations

from itertools import count

import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from backoffice.api.views import openapi_document
from backoffice.audit.operations import Actor
from backoffice.cases.models import Case
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from tests.builders import WECHAT, chat

INSULT = "你脑子有病"  # PDD: opens a pdd.uncivil_language case
DOC_URI = "urn:backoffice:openapi"




@pytest.fixture
def token(runner, make_user):
    """``token(login, role, *scopes)``: create the user (once) and return bearer headers."""
    users = {}

    def issue(login: str, role: str = "reviewer", *scopes: str, merchant=None) -> dict:
        if login not in users:
            users[login] = make_user(role, login=login, merchant=merchant)
        args = ["tokens", "create", "--user", login]
        for scope in scopes:
            args += ["--scope", scope]
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
        return {"Authorization": f"Bearer {result.output.strip().splitlines()[-1]}"}

    issue.users = users
    return issue


@pytest.fixture
def reviewer(token) -> dict:
    return token("rev1", "reviewer", "read", "review")


@pytest.fixture
def open_case(app, make_merchant):
    """Ingest a chat (default: a ZBJ merchant gives a WeChat id) and return its one new case."""
    numbers = count(1)
    merchants = set()

    def make(*texts: tuple[str, str], merchant: str = "m-1", platform: str = "zbj",
             reports: list[dict] | None = None) -> Case:
        if (merchant, platform) not in merchants:
            make_merchant(merchant, platform=platform)
            merchants.add((merchant, platform))
        texts = texts or (("customer", "你好，logo设计多少钱？"), ("merchant", WECHAT))
        n = next(numbers)
        payload = chat(f"c-{n}", merchant, *texts, platform=platform, reports=reports)
        result = ingest(Actor(None, "cli"), payload)
        db.session.commit()
        assert len(result.cases_opened) == 1, result
        make.payloads[result.cases_opened[0]] = payload
        return db.session.get(Case, result.cases_opened[0])

    make.payloads = {}  # case id -> the conversation that opened it (to send more of it)
    return make


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def schema_validator(*pointer: str) -> jsonschema.Draft202012Validator:
    """A validator for the schema at ``pointer`` in the OpenAPI document, its $refs resolved there."""
    registry = Registry().with_resource(DOC_URI, DRAFT202012.create_resource(openapi_document()))
    ref = DOC_URI + "#/" + "/".join(_escape(p) for p in pointer)
    return jsonschema.Draft202012Validator({"$ref": ref}, registry=registry)


def conforms(response, path: str, method: str = "get") -> None:
    """Assert that a response's status is documented and its body matches the documented schema."""
    doc = openapi_document()
    status = str(response.status_code)
    assert status in doc["paths"][path][method]["responses"], f"{method} {path}: {status} is not documented"
    answer = doc["paths"][path][method]["responses"][status]
    where = ("paths", path, method, "responses", status)
    if "$ref" in answer:
        where = ("components", "responses", answer["$ref"].rsplit("/", 1)[1])
    validator = schema_validator(*where, "content", "application/json", "schema")
    errors = sorted(validator.iter_errors(response.json), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
