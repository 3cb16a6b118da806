"""Walks the URL map: every route declares who may use it, and the declaration is enforced."""

import pytest

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import PUBLIC

EXCLUDED = {"static"}
#: Routes that end the walker's own session: visiting them would end the walk.
SIGN_OUTS = {"accounts.logout", "accounts.sign_out_all"}


def _routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in EXCLUDED:
            continue
        view = app.view_functions[rule.endpoint]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            url = rule.build({arg: 1 for arg in rule.arguments}, append_unknown=False)[1]
            yield rule, view, method, url


def test_every_route_declares_its_access(app):
    undeclared = [rule.rule for rule, view, _, _ in _routes(app) if not hasattr(view, "access")]
    assert undeclared == []


def test_anonymous_callers_are_sent_to_sign_in(app, client):
    for _rule, view, method, url in _routes(app):
        if view.access == PUBLIC:
            continue
        response = client.open(url, method=method)
        if url.startswith("/api/"):
            assert response.status_code == 401, url
            assert response.is_json, url
        else:
            assert response.status_code == 302, url
            assert response.headers["Location"].startswith("/login"), url


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_each_role_reaches_exactly_its_routes(app, make_user, login, client, role):
    make_user(role, login="walker")
    login("walker")
    for rule, view, method, url in _routes(app):
        if view.access == PUBLIC or rule.endpoint in SIGN_OUTS:
            continue
        response = client.open(url, method=method)
        if Role(role) in view.access:
            assert response.status_code not in (401, 403), (method, url, response.status_code)
        else:
            assert response.status_code == 403, (method, url, response.status_code)
