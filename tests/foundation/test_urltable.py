"""docs/urls.md is current, and every URL's code is in the package its first path segment names."""

from __future__ import annotations

import pytest

from backoffice import create_app, urltable

#: A segment of a URL (the first after /api/v1 for the API, or a sub-resource) and the package its code
#: lives in, where the two names differ. Every other segment names its package itself (in the plural).
PACKAGE_OF = {
    "": "accounts", "account": "accounts", "login": "accounts", "logout": "accounts", "language": "accounts",
    "favicon": "accounts",
    "admin/users": "accounts", "admin/tokens": "api", "admin/audit": "audit",
    "admin/webhooks": "webhooks",
    "me": "api", "openapi": "api",
    "approvals": "cases",
    "events": "webhooks",  # the pull feed reads the same outbox the webhooks push
    "conversations": "ingest", "rules": "policy", "statements": "transparency",
    "merchant": "portal", "evidence": "appeals", "exam": "appeals",
    "healthz": "ops", "readyz": "ops", "metrics": "ops",  # for load balancers and Prometheus, not people
}


@pytest.fixture
def app():
    """The application without a database: only its URL map is read."""
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "k" * 32, "DETECTOR_MODEL": "off"})
    with app.app_context():
        yield app


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def test_the_committed_table_is_current(app):
    assert urltable.TABLE_PATH.read_text(encoding="utf-8") == urltable.render(app), (
        "docs/urls.md is out of date: run `flask --app backoffice urls`")


def test_the_check_command_fails_on_a_stale_table(app, runner, tmp_path, monkeypatch):
    monkeypatch.setattr(urltable, "TABLE_PATH", tmp_path / "urls.md")
    (tmp_path / "urls.md").write_text("stale\n", encoding="utf-8")
    result = runner.invoke(args=["urls", "--check"])
    assert result.exit_code != 0
    assert "out of date" in result.output
    assert runner.invoke(args=["urls"]).exit_code == 0
    assert runner.invoke(args=["urls", "--check"]).exit_code == 0


def _packages(url: str) -> set[str]:
    """The packages a URL names: its first segment's, or a sub-resource's (``/cases/1/appeal``: appeals)."""
    parts = [p.split(":")[0].split(".")[0] for p in url.removeprefix("/api/v1").strip("/").split("/")]
    admin = parts[0] == "admin"
    first = f"admin/{parts[1]}" if admin else parts[0]
    nouns = [p for p in parts[2 if admin else 1:] if p and not p.startswith("<")]
    return {PACKAGE_OF.get(first, first)} | {PACKAGE_OF.get(n, n if n.endswith("s") else f"{n}s") for n in nouns}


@pytest.mark.parametrize(("url", "packages"), [
    ("/cases/<int:case_id>/claim", {"cases", "claims"}),
    ("/api/v1/cases/<int:case_id>/appeal", {"cases", "appeals"}),
    ("/merchant/rulings/<int:ruling_id>.pdf", {"portal", "rulings"}),
    ("/admin/tokens/<int:token_id>/revoke", {"api", "revokes"}),
    ("/", {"accounts"}),
])
def test_a_url_names_its_packages(url, packages):
    assert _packages(url) == packages


def test_every_route_lives_in_the_package_its_url_names(app):
    misplaced = [(url, where) for url, _methods, where, _name in urltable.rows(app)
                 if where.split("/")[1] not in _packages(url)]
    assert misplaced == []
