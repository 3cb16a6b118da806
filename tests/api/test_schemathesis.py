"""Schemathesis against /api/v1/openapi.json: no 500s, and every answer matches the document.

Each operation is called with bounded, reproducible examples, valid ones and invalid ones, as an
account allowed to call it. The checks are schemathesis' own: no server error, a documented status,
content type and headers, a body matching the documented schema, invalid input refused and valid
input not refused as malformed.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from backoffice.api.views import openapi_document

ACCEPTED = ["2xx", "401", "403", "404", "409", "422"]
EXAMPLES = 8  # per operation and mode: the whole run stays well under a minute
CONFIG = {
    "generation": {
        # Unknown query parameters are ignored, as HTTP APIs do; they are not a refusal to test for.
        "allow-extra-parameters": False,
        # The token is ours (below): schemathesis neither invents nor strips the Authorization header.
        "with-security-parameters": False,
    },
    "checks": {
        # Schema-valid input may still break a rule (a zero top-up, a decision the case does not allow):
        # the documented 409/422 answers are those refusals; a 400 (malformed request) is not one.
        "positive_data_acceptance": {"expected-statuses": ACCEPTED},
    },
    "operations": [{
        # `after` is an opaque cursor (the `next` of a page): any other string is a 400 the schema
        # cannot rule out beforehand.
        "include-operation-id": "listCases",
        "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "400"]}},
    }, {
        # A batch is answered item by item: an invalid conversation is listed under `rejected` while
        # the valid ones are kept (200), as documented; only a batch with nothing valid is a 422.
        "include-operation-id": "postConversations",
        "checks": {"negative_data_rejection": {"enabled": False}},
    }],
}


class OwnContext:
    """The application as a WSGI callable giving each request its own application context.

    The test body holds one for its database access; without this the requests would share its
    ``g`` and database session (see ``IsolatedClient`` in tests/conftest.py).
    """

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        with self.app.app_context():
            return self.app(environ, start_response)


def _exercise(operation, mode: GenerationMode, headers: dict) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    def check(case):
        response = case.call(headers=headers)
        case.validate_response(response, headers=headers)

    check()


def _caller(operation, tokens: dict) -> dict:
    """Headers of an account the operation is meant for: a manager where allowed, else the merchant."""
    roles = operation.definition.raw["x-roles"]
    if roles == "public":
        return {}
    return tokens["manager"] if "manager" in roles else tokens[roles[0]]


def test_every_operation_answers_as_its_document_says(app, token, open_case):
    case = open_case()
    tokens = {
        "manager": token("boss", "manager", "read", "review", "approve", "ingest", "events"),
        "merchant": token("shop", "merchant", "read", "appeal", merchant=case.merchant),
    }
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", OwnContext(app),
                                            config=SchemathesisConfig.from_dict(CONFIG))
    failures, ran = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _exercise(operation, mode, _caller(operation, tokens))
            except Unsatisfiable:  # nothing to make invalid: no parameters and no body
                assert mode is GenerationMode.NEGATIVE, operation.label
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - collect them all, then report
                failures.append(f"{operation.label} ({mode.value}): {exc}")
            ran += 1
    documented = sum(m in ("get", "put", "post", "delete", "patch") for item in openapi_document()["paths"].values()
                     for m in item)
    assert ran == 2 * (documented - 1)  # every operation, both ways, but the document it was loaded from
    assert not failures, "\n\n".join(failures)
