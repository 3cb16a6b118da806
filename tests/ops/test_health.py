"""/healthz and /readyz: cheap, anonymous, cookie-free; readiness names the dependency that failed."""

from __future__ import annotations

import pytest

from backoffice import create_app
from backoffice.ops.health import register_check

NOWHERE = "postgresql+psycopg://postgres@127.0.0.1:1/nothing"  # nothing listens on port 1


@pytest.fixture
def unreachable(tmp_path):
    return create_app({"TESTING": True, "DATABASE_URL": NOWHERE, "SECRET_KEY": "k" * 32,
                       "UPLOAD_DIR": str(tmp_path / "uploads"),
                       "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 2}}})


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_answer_anonymously_without_a_session_cookie(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.is_json
    assert "Set-Cookie" not in response.headers
    assert response.get_json()["status"] in {"ok", "ready"}


def test_readiness_reports_each_check(client):
    body = client.get("/readyz").get_json()
    assert body["failed"] == []
    assert body["checks"]["database"]["ok"] is True


def test_a_database_that_is_down_makes_readyz_503_naming_it_but_healthz_stays_200(unreachable):
    client = unreachable.test_client()
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["failed"] == ["database"]
    assert body["checks"]["database"]["error"] == "OperationalError"
    assert "127.0.0.1" not in response.get_data(as_text=True)  # no connection details leak


def test_a_registered_check_that_fails_is_named_and_the_others_still_run(app, client):
    def storage():
        raise ConnectionError("bucket gone")

    register_check(app, "storage", storage)
    register_check(app, "redis", lambda: None)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["failed"] == ["storage"]
    assert body["checks"]["database"]["ok"]
    assert body["checks"]["redis"]["ok"]


def test_probes_need_no_csrf_token_and_refuse_posts(csrf_app):
    client = csrf_app.test_client()
    assert client.get("/readyz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_metrics_still_answer_without_the_database_leaving_out_what_needs_it(unreachable):
    response = unreachable.test_client().get("/metrics")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "backoffice_request_duration_seconds" in text
    assert "backoffice_webhook_lag_seconds" not in text
