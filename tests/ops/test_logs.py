"""Request ids: taken from X-Request-ID when safe, made otherwise, echoed, and on every JSON log line."""

from __future__ import annotations

import json
import logging

import pytest
from flask import Flask

from backoffice.ops import logs


@pytest.fixture
def json_logs(app, capsys):
    logs.configure("json", "INFO")
    capsys.readouterr()

    def lines() -> list[dict]:
        return [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]

    yield lines
    logs.configure("text", "INFO")


def _request_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == logs.REQUEST_LOGGER]


@pytest.mark.parametrize(("sent", "kept"), [
    ("abc-123", True),
    ("0f9c2b6e-4a1d-4c39-9d0b-5b8f5a1e2c77", True),
    ("lb.node-7:42_x", True),
    ("", False),
    ("x" * 65, False),                 # too long
    ("abc 123", False),                # space
    ("abc;rm\t-rf", False),              # separators and control characters
    ("<script>", False),
    ("-leading-dash", False),
    ("日志", False),
])
def test_an_incoming_request_id_is_kept_only_when_short_and_safe(client, sent, kept):
    response = client.get("/healthz", headers={"X-Request-ID": sent} if sent else {})
    echoed = response.headers["X-Request-ID"]
    if kept:
        assert echoed == sent
    else:
        assert echoed != sent
        assert logs.SAFE_ID.fullmatch(echoed)
        assert len(echoed) == 32


def test_each_request_gets_its_own_id(client):
    first, second = (client.get("/healthz").headers["X-Request-ID"] for _ in range(2))
    assert first != second


def test_a_request_logs_one_json_line_with_its_id_status_and_duration(client, json_logs):
    response = client.get("/login", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 200
    (line,) = _request_lines(json_logs())
    assert line["request_id"] == "req-42"
    assert line["method"] == "GET"
    assert line["path"] == "/login"
    assert line["status"] == 200
    assert line["level"] == "INFO"
    assert isinstance(line["duration_ms"], int | float)
    assert line["duration_ms"] >= 0
    assert line["user_id"] is None
    assert line["time"].endswith("+00:00")  # UTC
    assert line["message"] == "GET /login 200"


def test_the_signed_in_user_id_is_on_the_line(client, make_user, login, json_logs):
    user = make_user("reviewer")
    login("reviewer")
    json_logs()
    client.get("/cases")
    (line,) = _request_lines(json_logs())
    assert line["user_id"] == user.id


def test_records_logged_during_a_request_carry_its_id(app, json_logs):
    @app.get("/_log_something")
    def log_something():
        logging.getLogger("backoffice.somewhere").warning("something odd")
        return "ok"

    app.test_client().get("/_log_something", headers={"X-Request-ID": "trace-1"})
    lines = json_logs()
    odd = next(line for line in lines if line["message"] == "something odd")
    assert odd["request_id"] == "trace-1"
    assert odd["path"] == "/_log_something"
    assert odd["level"] == "WARNING"


def test_an_unexpected_error_is_logged_with_the_request_id_and_still_answers_with_it(app, json_logs):
    @app.get("/_explode")
    def explode():
        raise RuntimeError("boom")

    response = app.test_client().get("/_explode", headers={"X-Request-ID": "boom-1"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "boom-1"
    lines = json_logs()
    error = next(line for line in lines if line["level"] == "ERROR")
    assert error["request_id"] == "boom-1"
    assert "RuntimeError: boom" in error["exc_info"]
    assert _request_lines(lines)[0]["status"] == 500


def test_probes_are_not_logged_at_info(client, json_logs):
    client.get("/healthz")
    client.get("/readyz")
    assert _request_lines(json_logs()) == []


def test_an_unknown_log_format_stops_the_start():
    flask_app = Flask("x")
    flask_app.config.update(LOG_FORMAT="xml", LOG_LEVEL="INFO")
    with pytest.raises(RuntimeError, match="LOG_FORMAT"):
        logs.init_app(flask_app)


def test_an_unknown_log_level_stops_the_start():
    flask_app = Flask("x")
    flask_app.config.update(LOG_FORMAT="json", LOG_LEVEL="LOUD")
    with pytest.raises(RuntimeError, match="LOG_LEVEL"):
        logs.init_app(flask_app)


def test_libraries_info_lines_stay_out_of_the_log_but_ours_are_in(json_logs):
    logging.getLogger("weasyprint.progress").info("Step 1 - Fetching and parsing HTML")
    logging.getLogger("backoffice.retention").info("purged 3 conversations")
    assert [line["message"] for line in json_logs()] == ["purged 3 conversations"]


def _json_lines(text: str) -> list[dict]:
    """Every line of a process's output as JSON: a line that is not fails the test, naming it."""
    lines = []
    for line in text.splitlines():
        if line.strip():
            try:
                lines.append(json.loads(line))
            except ValueError:
                pytest.fail(f"not a JSON line: {line!r}")
    return lines


def test_gunicorn_in_production_writes_only_json_lines(tmp_path):
    """The production shape's web node: gunicorn's start-up and worker lines, the application's request
    line and the access line are all JSON objects, on a real gunicorn with gunicorn.conf.py."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "BACKOFFICE_LOG_FORMAT": "json", "BACKOFFICE_ACCESS_LOG": "-", "WEB_CONCURRENCY": "1",
           "BACKOFFICE_BIND": f"127.0.0.1:{port}", "BACKOFFICE_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
           "BACKOFFICE_SECRET_KEY": "test-only-secret", "BACKOFFICE_UPLOAD_DIR": str(tmp_path / "uploads"),
           "BACKOFFICE_EXPORT_DIR": str(tmp_path / "exports")}
    env.pop("BACKOFFICE_REDIS_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(root / "gunicorn.conf.py")], cwd=root,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
                    assert answer.status == 200
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        asked = urllib.request.Request(f"http://127.0.0.1:{port}/login", headers={"X-Request-ID": "lb-42"})
        with urllib.request.urlopen(asked, timeout=30) as answer:  # noqa: S310 - http to our own server
            assert answer.status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=60)
    errors, access = _json_lines(err), _json_lines(out)
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in errors)
    assert any(line["logger"] == "gunicorn.error" and "Shutting down" in line["message"] for line in errors)
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in errors)
    assert {(line["path"], line["status"]) for line in access} == {("/healthz", 200), ("/login", 200)}
    assert [(line["path"], line["status"]) for line in errors if line.get("request_id") == "lb-42"] == [
        ("/login", 200)]  # the application's own request line, with the load balancer's id
