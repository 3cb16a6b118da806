"""Bearer tokens: issued by the CLI, stored hashed, scoped, revocable; API errors are JSON."""

import pytest
import sqlalchemy as sa

from backoffice.api.models import ApiToken
from backoffice.extensions import db


@pytest.fixture
def issue(bearer):
    """The token itself (not the header) for these tests."""
    return lambda login, *scopes: bearer(login, *scopes)["Authorization"].removeprefix("Bearer ")


def _me(client, token):
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})


def test_token_acts_as_its_user(make_user, issue, client):
    make_user("reviewer")
    token = issue("reviewer", "read", "review")
    response = _me(client, token)
    assert response.status_code == 200
    assert response.json == {"login": "reviewer", "role": "reviewer", "merchant": None,
                             "scopes": ["read", "review"]}


def test_token_is_stored_only_as_a_hash(make_user, issue):
    make_user("reviewer")
    token = issue("reviewer", "read")
    row = db.session.scalars(sa.select(ApiToken)).one()
    assert token not in (row.token_hash, row.prefix)
    assert len(row.token_hash) == 64


def test_missing_scope_is_forbidden(make_user, issue, client):
    make_user("reviewer")
    token = issue("reviewer", "ingest")
    assert _me(client, token).status_code == 200  # /me answers any token
    response = client.get("/api/v1/rules", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403
    assert response.json["error"]["code"] == "insufficient_scope"


@pytest.mark.parametrize(("role", "scope"), [("merchant", "approve"), ("reviewer", "approve"),
                                             ("merchant", "review"), ("manager", "appeal")])
def test_tokens_never_exceed_their_role(make_user, runner, role, scope):
    make_user(role, login="holder")
    result = runner.invoke(args=["tokens", "create", "--user", "holder", "--scope", scope])
    assert result.exit_code != 0
    assert scope in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ApiToken)) == 0


def test_use_is_recorded(make_user, issue, client):
    make_user("reviewer")
    token = issue("reviewer", "read")
    _me(client, token)
    db.session.expire_all()
    assert db.session.scalars(sa.select(ApiToken)).one().last_used_at is not None


def test_disabling_revokes_tokens_for_good(make_user, issue, runner, client):
    make_user("reviewer")
    token = issue("reviewer", "read")
    runner.invoke(args=["users", "disable", "reviewer"])
    runner.invoke(args=["users", "enable", "reviewer"])
    assert _me(client, token).status_code == 401


@pytest.mark.parametrize("header", ["", "Bearer ", "Bearer nonsense", "Basic abc", "Token x"])
def test_bad_credentials_get_json_401(client, header):
    response = client.get("/api/v1/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert set(response.json["error"]) == {"code", "message"}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_revoked_token_stops_working(make_user, issue, runner, client):
    make_user("reviewer")
    token = issue("reviewer", "read")
    token_id = db.session.scalars(sa.select(ApiToken.id)).one()
    assert runner.invoke(args=["tokens", "revoke", str(token_id)]).exit_code == 0
    assert _me(client, token).status_code == 401


def test_disabled_user_token_stops_working(make_user, issue, runner, client):
    make_user("reviewer")
    token = issue("reviewer", "read")
    assert runner.invoke(args=["users", "disable", "reviewer"]).exit_code == 0
    assert _me(client, token).status_code == 401


def test_token_list_never_shows_secrets(make_user, issue, runner):
    make_user("reviewer")
    token = issue("reviewer", "read")
    listing = runner.invoke(args=["tokens", "list"]).output
    assert "reviewer" in listing
    assert token not in listing


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/api/v1/no-such-thing", 404),
    ("POST", "/api/v1/me", 405),
])
def test_api_errors_are_json(client, method, path, status):
    response = client.open(path, method=method)
    assert response.status_code == status
    assert response.is_json
    assert response.json["error"]["code"] in {"not_found", "method_not_allowed"}


def test_admin_issues_and_revokes_tokens_in_the_browser(make_user, login, client):
    make_user("admin")
    reviewer = make_user("reviewer")
    login("admin")
    page = client.post("/admin/tokens", data={"user": reviewer.id, "scopes": ["read"], "description": "ci"})
    html = page.get_data(as_text=True)
    secret = html.split('<code class="token">')[1].split("</code>")[0]
    assert _me(client.application.test_client(), secret).status_code == 200
    token_id = db.session.scalars(sa.select(ApiToken.id)).one()
    client.post(f"/admin/tokens/{token_id}/revoke")
    assert _me(client.application.test_client(), secret).status_code == 401
